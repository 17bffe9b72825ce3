//! Reports of one story name its protagonist: the person an article names most ("Tara
//! Reid checks into rehab ... Reid's rep said ... Reid, 33"), or, in a story that names
//! no person often, the organisation it names most ("Microsoft issued a patch"). Two articles that tell a
//! happening of a general kind (a death, an arrest, a check-in, a release: not a meeting
//! or talks, which a diplomat holds every week, nor a game, which a player plays every
//! week) and share their protagonist tell the same happening of that kind, though the
//! mentions that tell it may carry nothing to join on ("was arrested" with no place,
//! "the murder" with no day): after the mention-by-mention joining, such events are
//! merged unless their places or days disagree.
//!
//! Why the protagonist and not any participant: a participant shared by two reports is
//! already evidence the joining uses; what is left apart are mentions whose clause names
//! no one ("died at home", "was booked into jail"). The article's protagonist stands for
//! who the story is about, which such a clause leaves to the headline.
//!
//! Tried and left out on ECB+ (topics 1-35): asking that the protagonist be named in the
//! first four sentences, and that the mentions be there (seminal B-cubed 0.520 -> 0.507:
//! stories name their subject in the headline but tell the happening all through);
//! three namings instead of two (0.502). The organisation when no person leads added
//! 0.007.

use super::fit::within_days;
use super::{Candidate, Cluster, NO_PLACE};
use crate::actors::{ActorId, ActorIndex, ActorKind};
use crate::corpus::DocId;
use crate::events::dates;
use crate::events::kinds::{EventKind, KindFamily};
use crate::events::story::one_per_story;
use crate::events::JoinReasons;
use crate::fxhash::FxHashMap;

use rayon::prelude::*;

/// How many times an article must name its protagonist.
const MIN_NAMED: usize = 2;

/// How many days apart two merged events' days may be: each report dates one happening
/// by its own day within a week (as `fit::REPORTING_WINDOW_DAYS`).
const DAYS_APART: i64 = 7;

/// Per document: its protagonist.
pub(super) struct Protagonists {
    by_doc: Vec<Option<ActorId>>,
}

impl Protagonists {
    pub(super) fn of(n_docs: usize, actors: &ActorIndex) -> Protagonists {
        let by_doc = (0..n_docs)
            .into_par_iter()
            .map(|doc_idx| protagonist(doc_idx as DocId, actors))
            .collect();
        Protagonists { by_doc }
    }
}

/// The person `doc` names most: at least [`MIN_NAMED`] times, and more than any other
/// person; else the organisation it names most, so.
fn protagonist(doc_id: DocId, actors: &ActorIndex) -> Option<ActorId> {
    let most_named = |wanted: ActorKind| {
        let mut counts: FxHashMap<ActorId, usize> = FxHashMap::default();
        for m in actors.mentions_in_doc(doc_id) {
            let kind = actors.actors.get(m.actor as usize).map(|a| a.kind);
            if kind == Some(wanted) {
                *counts.entry(m.actor).or_default() += 1;
            }
        }
        let mut ranked: Vec<(usize, ActorId)> = counts.into_iter().map(|(id, n)| (n, id)).collect();
        ranked.sort_unstable_by_key(|&(n, id)| (std::cmp::Reverse(n), id));
        let &(n, id) = ranked.first()?;
        let tie = ranked.get(1).is_some_and(|&(m, _)| m == n);
        (n >= MIN_NAMED && !tie).then_some(id)
    };
    // A story that names no person often is about the organisation it names most
    // ("Microsoft issued a patch ... Microsoft said").
    most_named(ActorKind::Person).or_else(|| most_named(ActorKind::Organization))
}

/// Kinds a story tells once (see the module doc): `story::one_per_story`, and the other
/// general kinds but games and those that last days.
fn told_once_per_story(kind: EventKind) -> bool {
    one_per_story(kind)
        || (kind.general() && !kind.spans_days() && kind.family() != KindFamily::Contest)
}

/// Merges the events of a kind told once per story whose mentions share their articles'
/// protagonist, unless their places or days disagree.
pub(super) fn merge_by_protagonist<'a>(
    clusters: &mut Vec<Cluster<'a>>,
    candidates: &[Candidate<'a>],
    protagonists: &Protagonists,
) {
    let groups = groups_by_key(clusters, candidates, |c| {
        if !told_once_per_story(c.local.kind) {
            return None;
        }
        let person = protagonists.by_doc.get(c.doc as usize).copied().flatten()?;
        Some((c.local.kind.family(), person))
    });
    merge_groups(clusters, candidates, groups, agree, JoinReasons::PEOPLE);
}

/// The clusters grouped by the keys `key` gives their members (a family and an actor),
/// each cluster listed once per key.
pub(super) fn groups_by_key(
    clusters: &[Cluster],
    candidates: &[Candidate],
    key: impl Fn(&Candidate) -> Option<(KindFamily, ActorId)>,
) -> Vec<Vec<usize>> {
    let mut groups: FxHashMap<(KindFamily, ActorId), Vec<usize>> = FxHashMap::default();
    for (ci, cluster) in clusters.iter().enumerate() {
        let mut keys: Vec<(KindFamily, ActorId)> = Vec::new();
        for k in cluster.members.iter().filter_map(|&m| key(&candidates[m])) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        for k in keys {
            groups.entry(k).or_default().push(ci);
        }
    }
    groups.into_values().collect()
}

/// Merges, within each group of cluster numbers, the clusters that `agree`: the largest
/// first, each other joining the first taken one it agrees with; `reason` is why the first
/// member of a cluster merged away joined.
pub(super) fn merge_groups<'a>(
    clusters: &mut Vec<Cluster<'a>>,
    candidates: &[Candidate<'a>],
    groups: Vec<Vec<usize>>,
    agree: impl Fn(&Cluster, &Cluster) -> bool,
    reason: JoinReasons,
) {
    let mut groups: Vec<Vec<usize>> = groups.into_iter().filter(|g| g.len() > 1).collect();
    groups.sort_unstable();
    // Where each cluster went (a cluster merged away points to the one that took it).
    let mut merged_into: Vec<usize> = (0..clusters.len()).collect();
    let root = |merged_into: &[usize], mut ci: usize| {
        while merged_into[ci] != ci {
            ci = merged_into[ci];
        }
        ci
    };
    for group in groups {
        // The largest first: the others join the event most reports tell.
        let mut roots: Vec<usize> = group.iter().map(|&ci| root(&merged_into, ci)).collect();
        roots.sort_unstable();
        roots.dedup();
        roots.sort_by_key(|&ci| (std::cmp::Reverse(clusters[ci].members.len()), ci));
        let mut taken: Vec<usize> = Vec::new();
        for &ci in &roots {
            let into = taken
                .iter()
                .copied()
                .find(|&ti| agree(&clusters[ti], &clusters[ci]));
            match into {
                Some(ti) => {
                    let moved = std::mem::take(&mut clusters[ci]);
                    for (&m, &joined) in moved.members.iter().zip(&moved.joined) {
                        // The event's first report joins by `reason`; the others keep why
                        // they joined it.
                        let reasons = if joined.is_empty() { reason } else { joined };
                        clusters[ti].add(m, &candidates[m], reasons);
                    }
                    merged_into[ci] = ti;
                }
                None => taken.push(ci),
            }
        }
    }
    clusters.retain(|c| !c.members.is_empty());
}

/// Whether two events may be one happening: the same family, places one within the
/// other (or either unknown), and every resolved day of one agreeing with every day of
/// the other or within [`DAYS_APART`].
fn agree(a: &Cluster, b: &Cluster) -> bool {
    if a.family != b.family || a.members.is_empty() || b.members.is_empty() {
        return false;
    }
    if a.place.is_some() && b.place.is_some() {
        let within = a.place_fold == b.place_fold
            || (a.parent_fold != NO_PLACE && a.parent_fold == b.place_fold)
            || (b.parent_fold != NO_PLACE && b.parent_fold == a.place_fold);
        if !within {
            return false;
        }
    }
    days_agree(a, b)
}

/// Whether every resolved day of one event agrees with every day of the other or lies
/// within [`DAYS_APART`] of it.
pub(super) fn days_agree(a: &Cluster, b: &Cluster) -> bool {
    (a.resolved_dates.iter()).all(|(x, _, _)| {
        (b.resolved_dates.iter())
            .all(|(y, _, _)| dates::compatible(x, y) || within_days(x, y, DAYS_APART))
    })
}
