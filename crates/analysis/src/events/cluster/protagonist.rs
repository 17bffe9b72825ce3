//! Reports of one story name its protagonist: the person an article names most, and
//! names in its headline or lead ("Tara Reid checks into rehab", "the suspect, John
//! Jenkin"). Two articles whose leads tell a happening of one kind that befalls a story
//! once (a death, an arrest, a check-in: see `story::one_per_story`) and that share
//! their protagonist tell the same happening, though the mentions that tell it may carry
//! nothing to join on ("was arrested" with no place, "the murder" with no day): after
//! the mention-by-mention joining, such events are merged unless their places or days
//! disagree.
//!
//! Why the protagonist and not any participant: a participant shared by two reports is
//! already evidence the joining uses; what is left apart are mentions whose clause names
//! no one ("died at home", "was booked into jail"). The article's protagonist stands for
//! who the story is about, which such a clause leaves to the headline.

use super::fit::within_days;
use super::{Candidate, Cluster, NO_PLACE};
use crate::actors::{ActorId, ActorIndex, ActorKind};
use crate::corpus::{DocId, Document};
use crate::events::dates;
use crate::events::kinds::KindFamily;
use crate::events::story::one_per_story;
use crate::events::words;
use crate::events::JoinReasons;
use crate::fxhash::FxHashMap;
use std::sync::Arc;

use rayon::prelude::*;

/// Sentences of the body that make its headline and lead (as `story.rs`).
const LEAD_SENTENCES: usize = 4;

/// How many times an article must name its protagonist.
const MIN_NAMED: usize = 3;

/// How many days apart two merged events' days may be: each report dates one happening
/// by its own day within a week (as `fit::REPORTING_WINDOW_DAYS`).
const DAYS_APART: i64 = 7;

/// Per document: its protagonist, and where its lead ends.
pub(super) struct Protagonists {
    by_doc: Vec<Option<(ActorId, usize)>>,
}

impl Protagonists {
    pub(super) fn of(docs: &[Arc<Document>], actors: &ActorIndex) -> Protagonists {
        let by_doc = (docs.par_iter().enumerate())
            .map(|(doc_idx, doc)| protagonist(doc, doc_idx as DocId, actors))
            .collect();
        Protagonists { by_doc }
    }
}

/// The person `doc` names most (at least [`MIN_NAMED`] times, more than any other
/// person), when its headline or lead names them, with the end of the lead.
fn protagonist(doc: &Document, doc_id: DocId, actors: &ActorIndex) -> Option<(ActorId, usize)> {
    let mentions = actors.mentions_in_doc(doc_id);
    let mut counts: FxHashMap<ActorId, (usize, u32)> = FxHashMap::default();
    for m in mentions {
        let is_person =
            (actors.actors.get(m.actor as usize)).map(|a| a.kind) == Some(ActorKind::Person);
        if is_person {
            let entry = counts.entry(m.actor).or_insert((0, m.span.start));
            entry.0 += 1;
        }
    }
    let mut ranked: Vec<(usize, u32, ActorId)> = counts
        .into_iter()
        .map(|(id, (n, first))| (n, first, id))
        .collect();
    ranked.sort_unstable_by_key(|&(n, first, id)| (std::cmp::Reverse(n), first, id));
    let &(n, first, id) = ranked.first()?;
    if n < MIN_NAMED || ranked.get(1).is_some_and(|&(m, _, _)| m == n) {
        return None;
    }
    let text = doc.text();
    let sentences = words::sentences(text, doc.body.clone());
    let lead_end = (sentences.get(LEAD_SENTENCES - 1)).map_or(doc.body.end, |s| s.end);
    ((first as usize) < lead_end).then_some((id, lead_end))
}

/// Merges the events of a kind told once per story whose lead mentions share their
/// articles' protagonist, unless their places or days disagree.
pub(super) fn merge_by_protagonist<'a>(
    clusters: &mut Vec<Cluster<'a>>,
    candidates: &[Candidate<'a>],
    protagonists: &Protagonists,
) {
    // Clusters by (family, protagonist), each listed once per key.
    let mut groups: FxHashMap<(KindFamily, ActorId), Vec<usize>> = FxHashMap::default();
    for (ci, cluster) in clusters.iter().enumerate() {
        let mut keys: Vec<(KindFamily, ActorId)> = Vec::new();
        for &m in &cluster.members {
            let c = &candidates[m];
            if !one_per_story(c.local.kind) {
                continue;
            }
            let Some(Some((person, lead_end))) = protagonists.by_doc.get(c.doc as usize) else {
                continue;
            };
            if c.local.trigger.start < *lead_end {
                let key = (c.local.kind.family(), *person);
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        for key in keys {
            groups.entry(key).or_default().push(ci);
        }
    }
    let mut groups: Vec<Vec<usize>> = (groups.into_values()).filter(|g| g.len() > 1).collect();
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
                        // The event's first report joins by the protagonist; the others
                        // keep why they joined it.
                        let reasons = if joined.is_empty() {
                            JoinReasons::PEOPLE
                        } else {
                            joined
                        };
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
    (a.resolved_dates.iter()).all(|(x, _, _)| {
        (b.resolved_dates.iter())
            .all(|(y, _, _)| dates::compatible(x, y) || within_days(x, y, DAYS_APART))
    })
}
