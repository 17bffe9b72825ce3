//! Which clusters a mention can join, found without looking at the others.
//!
//! A mention fits a cluster only if it shares the place, a participant, a day or the
//! document with it (see `fits`), and among the clusters that fit the one with the best
//! score wins, the oldest among equals. On a large corpus the clusters sharing one popular
//! participant or one much-reported country are many, so they are not scored one by one:
//! - clusters that share more than that (the document, the day, two participants, the
//!   place *and* a participant, or the only participant of the cluster) are few and are
//!   scored in the order of the most they could score, until no later one can win;
//! - clusters that share only the place score exactly [`PLACE_ONLY`], and clusters that
//!   share only a mention's one participant score exactly [`PARTICIPANT_ONLY`], so of
//!   those only the oldest that fits matters: their lists are kept sorted and walked from
//!   the oldest, and the walk stops at the first fit.
//!
//! A cluster sharing one participant with a mention naming several can only fit if that
//! participant is its only one, or if both are multilateral gatherings in one place: the
//! `solo` and `place_participant` lists hold exactly those, so the long per-participant
//! lists are only walked for mentions naming one participant. Likewise a cluster sharing
//! only the place with a mention that names people fits only if it has no people of its
//! own or both are gatherings that span days.

use super::{fits, Candidate, Cluster, Head, KindFamily};
use crate::actors::ActorId;
use crate::corpus::DocId;
use crate::fxhash::FxHashMap;
use lists::{insert, merged, union, Lists};

mod lists;
#[cfg(test)]
mod tests;

/// At most this many clusters are scored for one mention. On a corpus that reports the
/// same two leaders meeting in the same capital for years, a vague mention ("the July 16
/// meeting", no year) may share something with thousands of clusters, and scoring them
/// all makes the merge quadratic. The candidates are scored most promising first, so
/// what the bound cuts are the least likely; it is far above what any cluster meets in
/// the 100 MB benchmark corpus, whose clusters are the same with or without it.
const MAX_SCORED: usize = 2_000;

/// What `fits` gives a cluster that shares the place and nothing else with a mention.
const PLACE_ONLY: u32 = 3;

/// What `fits` gives a cluster that shares a mention's one participant and nothing else.
const PARTICIPANT_ONLY: u32 = 2;

/// A cluster with more participants than this is "crowded": its pairs of participants
/// are not recorded in `by_pair` (a cluster that gathers a thousand names would fill it
/// with half a million pairs, and a larger corpus makes it quadratic), it is looked at
/// directly instead (see [`shares_pair`]). Few clusters are crowded.
const CROWDED: usize = 24;

#[derive(Default)]
pub(super) struct ClusterLookup {
    by_place: Lists<(KindFamily, u32)>,
    /// Clusters in the place that had no participant when recorded there.
    by_place_no_people: Lists<(KindFamily, u32)>,
    /// Clusters in the place whose members all were of kinds that span days.
    by_place_span_days: Lists<(KindFamily, u32)>,
    by_participant: Lists<(KindFamily, ActorId)>,
    /// Clusters that had no place when they gained the participant.
    placeless_by_participant: Lists<(KindFamily, ActorId)>,
    /// Clusters whose only participant, when recorded, was this one.
    solo: Lists<(KindFamily, ActorId)>,
    /// Clusters by two of their participants, recorded when the later of them joined;
    /// crowded clusters stop being recorded here.
    by_pair: Lists<(KindFamily, ActorId, ActorId)>,
    /// The crowded clusters (see [`CROWDED`]) by each of their participants, sorted: a
    /// mention naming several people only looks at those that have one of them.
    crowded: FxHashMap<(KindFamily, ActorId), Vec<u32>>,
    by_place_participant: Lists<(KindFamily, u32, ActorId)>,
    /// The same, for the clusters whose members all were of kinds that span days: the
    /// only ones of those lists a mention naming several people can join without sharing
    /// two of them (see [`ClusterLookup::best`]).
    by_place_participant_span_days: Lists<(KindFamily, u32, ActorId)>,
    by_day: Lists<(KindFamily, (u8, u8))>,
    /// The clusters that have a member in each document, indexed by document.
    by_doc: Vec<Vec<u32>>,
}

/// The clusters found for one mention by [`ClusterLookup::specific`]: those on any of
/// its lists, each bounded by the place and the mention's people (`base`), 5 more when it
/// has a member in the mention's document and 2 more for each of the day lists it is on.
/// They are not gathered: [`Specific::ordered`] walks the lists in the order of the
/// bound (the oldest first among equals), so that the search stops where no later
/// cluster can win and the work does not grow with the lists.
struct Specific<'a> {
    doc: &'a [u32],
    day: Vec<&'a [u32]>,
    /// Lists whose clusters the bound gives nothing more than `base`.
    plain: Vec<&'a [u32]>,
    /// Crowded clusters under one of the people; only those sharing two count
    /// (see [`shares_pair`]).
    crowded: Vec<&'a [u32]>,
    people: &'a [ActorId],
    year: Option<i32>,
    base: u32,
}

impl<'a> Specific<'a> {
    fn in_doc(&self, ci: u32) -> bool {
        self.doc.binary_search(&ci).is_ok()
    }

    fn n_days(&self, ci: u32) -> u32 {
        (self.day.iter())
            .filter(|list| list.binary_search(&ci).is_ok())
            .count() as u32
    }

    fn in_crowded(&self, clusters: &[Cluster], ci: u32) -> bool {
        (self.crowded.iter()).any(|list| list.binary_search(&ci).is_ok())
            && (clusters.get(ci as usize)).is_some_and(|c| shares_pair(c, self.people, self.year))
    }

    /// Whether `ci` is one of the clusters found.
    fn contains(&self, clusters: &[Cluster], ci: u32) -> bool {
        self.in_doc(ci)
            || self.n_days(ci) > 0
            || (self.plain.iter()).any(|list| list.binary_search(&ci).is_ok())
            || self.in_crowded(clusters, ci)
    }

    fn bound(&self, ci: u32) -> u32 {
        self.base + 5 * u32::from(self.in_doc(ci)) + 2 * self.n_days(ci)
    }

    /// The clusters found with their bounds, the highest bound first, the oldest among
    /// equals. A mention has at most two day lists (its year's and no year's), so the
    /// bounds fall in this order: in the document and on 2, 1, 0 day lists; not in it
    /// and on 2, 1 day lists; only on the other lists.
    fn ordered(&'a self, clusters: &'a [Cluster]) -> impl Iterator<Item = (u32, usize)> + 'a {
        debug_assert!(self.day.len() <= 2);
        let n_day_lists = self.day.len() as u32;
        let in_doc = (0..=n_day_lists)
            .rev()
            .flat_map(move |n| (self.doc.iter().copied()).filter(move |&ci| self.n_days(ci) == n));
        let by_day = (1..=n_day_lists).rev().flat_map(move |n| {
            merged(self.day.clone()).filter(move |&ci| self.n_days(ci) == n && !self.in_doc(ci))
        });
        let crowded = merged(self.crowded.clone()).filter(move |&ci| {
            (clusters.get(ci as usize)).is_some_and(|c| shares_pair(c, self.people, self.year))
        });
        let rest = union(merged(self.plain.clone()), crowded)
            .filter(move |&ci| !self.in_doc(ci) && self.n_days(ci) == 0);
        (in_doc.chain(by_day).chain(rest)).map(move |ci| (self.bound(ci), ci as usize))
    }
}

/// What a member brought to its cluster that the cluster did not have.
pub(super) struct Added {
    pub participants: Vec<ActorId>,
    pub place_ids: Vec<u32>,
}

impl ClusterLookup {
    /// Records cluster `ci` after `candidate` joined it, bringing `added`.
    pub(super) fn record(
        &mut self,
        ci: usize,
        cluster: &Cluster,
        candidate: &Candidate,
        added: &Added,
    ) {
        let ci = ci as u32;
        let family = candidate.local.kind.family();
        let years = cluster.years.as_slice();
        for &place in &candidate.place_ids {
            self.by_place.record((family, place), ci, years);
            if cluster.participants.is_empty() {
                self.by_place_no_people.record((family, place), ci, years);
            }
            if cluster.all_span_days {
                self.by_place_span_days.record((family, place), ci, years);
            }
        }
        for &p in &added.participants {
            self.by_participant.record((family, p), ci, years);
            if cluster.place.is_none() {
                self.placeless_by_participant.record((family, p), ci, years);
            }
        }
        if let [(only, _)] = cluster.participants.as_slice() {
            self.solo.record((family, *only), ci, years);
        }
        // Pairs the cluster did not have before, unless it is crowded.
        let n_people = cluster.participants.len();
        if n_people > CROWDED {
            let newly_crowded = n_people - added.participants.len() <= CROWDED;
            let people = cluster.participants.iter().map(|(p, _)| p);
            let people: Vec<ActorId> = match newly_crowded {
                true => people.copied().collect(),
                false => added.participants.clone(),
            };
            for p in people {
                insert(self.crowded.entry((family, p)).or_default(), ci);
            }
        } else {
            for &p in &added.participants {
                for &(q, _) in &cluster.participants {
                    if p != q {
                        self.by_pair.record((family, p.min(q), p.max(q)), ci, years);
                    }
                }
            }
        }
        // Place-participant combinations the cluster did not have before.
        let mut record_place_participant = |key| {
            self.by_place_participant.record(key, ci, years);
            if cluster.all_span_days {
                self.by_place_participant_span_days.record(key, ci, years);
            }
        };
        for &p in &added.participants {
            for &place in &cluster.place_ids {
                record_place_participant((family, place, p));
            }
        }
        for &place in &added.place_ids {
            for &(p, _) in &cluster.participants {
                if !added.participants.contains(&p) {
                    record_place_participant((family, place, p));
                }
            }
        }
        if let Some(day) = super::day_key(candidate) {
            self.by_day.record((family, day), ci, years);
        }
        let doc = candidate.doc as usize;
        if self.by_doc.len() <= doc {
            self.by_doc.resize_with(doc + 1, Vec::new);
        }
        insert(&mut self.by_doc[doc], ci);
    }

    /// The clusters with a member in `doc`, oldest first.
    pub(super) fn in_doc(&self, doc: DocId) -> &[u32] {
        self.by_doc.get(doc as usize).map_or(&[], Vec::as_slice)
    }

    /// The cluster `candidate` joins, with its score: the best-scoring one that fits, the
    /// oldest among equals.
    ///
    /// A mention naming several people can only join a cluster that shares the place and
    /// one of them (and no other) if both are gatherings that span days: any other
    /// cluster has people of its own the mention does not name, and the mention people
    /// the cluster lacks, so `fits` refuses it (a cluster with that one participant only
    /// is on `solo`, one sharing two on `by_pair` or `crowded`, one with a member in the
    /// mention's document on `by_doc`, under the same years). Those lists grow with the
    /// corpus, so their other clusters are not scored, only counted: they used to spend
    /// [`MAX_SCORED`] too, so the search runs with that budget less their lists' length,
    /// and is run again scoring them when that smaller budget runs out, which gives the
    /// answer the whole budget gave.
    pub(super) fn best(
        &self,
        clusters: &[Cluster],
        heads: &[Head],
        candidate: &Candidate,
        all: &[Candidate],
    ) -> Option<(u32, usize)> {
        if candidate.participants.len() >= 2 {
            if let Some(found) = self.search(clusters, heads, candidate, all, true) {
                return found;
            }
        }
        self.search(clusters, heads, candidate, all, false)
            .unwrap_or_default()
    }

    /// [`ClusterLookup::best`], leaving out clusters that can only share the place and
    /// one participant with a mention naming several when `skip_place_people`; `None`
    /// when their count left too small a budget to be sure of the answer.
    fn search(
        &self,
        clusters: &[Cluster],
        heads: &[Head],
        candidate: &Candidate,
        all: &[Candidate],
        skip_place_people: bool,
    ) -> Option<Option<(u32, usize)>> {
        let family = candidate.local.kind.family();
        let year = (candidate.local.date.as_ref())
            .filter(|d| !d.unresolved)
            .and_then(|d| d.parts.year);
        let (found, lowest, skipped) = self.specific(family, year, candidate, skip_place_people);
        let n_skipped: usize = skipped.iter().map(|list| list.len()).sum();
        if n_skipped >= MAX_SCORED {
            return None;
        }
        let mut best: Option<(u32, usize)> = None;
        let budget = std::cell::Cell::new(MAX_SCORED - n_skipped);
        let ran_out = std::cell::Cell::new(false);
        let spend = || {
            let left = budget.get();
            budget.set(left.saturating_sub(1));
            ran_out.set(ran_out.get() || left == 0);
            left > 0
        };
        // The lowest-bound clusters come after the others (in the order of `specific`),
        // those already found on another list left out.
        let lowest_bound = 3 * u32::from(candidate.place.is_some()) + 2;
        let lowest_keys = merged(lowest.clone())
            .filter(|&ci| !found.contains(clusters, ci))
            .map(|ci| (lowest_bound, ci as usize));
        for (bound, ci) in found.ordered(clusters).chain(lowest_keys) {
            if !could_win(best, bound, ci) || !spend() {
                break;
            }
            if let Some(score) = fits(&clusters[ci], &heads[ci], candidate, all) {
                debug_assert!(score <= bound, "score {score} over its bound {bound}");
                if could_win(best, score, ci) && best != Some((score, ci)) {
                    best = Some((score, ci));
                }
            }
        }
        let is_specific = |ci: u32| {
            found.contains(clusters, ci)
                || (lowest.iter().chain(&skipped)).any(|l| l.binary_search(&ci).is_ok())
        };
        let walk = |best: &mut Option<(u32, usize)>, lists: Vec<&[u32]>, score: u32| {
            for ci in merged(lists) {
                if !could_win(*best, score, ci as usize) {
                    return;
                }
                if is_specific(ci) {
                    continue;
                }
                if !spend() {
                    return;
                }
                let ci = ci as usize;
                if let Some(found) = fits(&clusters[ci], &heads[ci], candidate, all) {
                    debug_assert_eq!(found, score);
                    *best = Some((found, ci));
                    return;
                }
            }
        };
        // A cluster with people of its own and none of the mention's only fits a mention
        // naming people if both are multilateral gatherings (see `fits`).
        let mut place_lists: Vec<&Lists<(KindFamily, u32)>> = Vec::new();
        if candidate.participants.is_empty() {
            place_lists.push(&self.by_place);
        } else {
            place_lists.push(&self.by_place_no_people);
            if candidate.local.kind.spans_days() {
                place_lists.push(&self.by_place_span_days);
            }
        }
        let place_lists = place_lists
            .into_iter()
            .flat_map(|lists| {
                (candidate.place_lookup_ids.iter())
                    .flat_map(move |&place| lists.get((family, place), year))
            })
            .collect();
        walk(&mut best, place_lists, PLACE_ONLY);
        if let [only] = candidate.participants.as_slice() {
            // With a place of its own, the mention can only join clusters without one.
            let lists = if candidate.place.is_some() {
                &self.placeless_by_participant
            } else {
                &self.by_participant
            };
            let lists = lists.get((family, *only), year).collect();
            walk(&mut best, lists, PARTICIPANT_ONLY);
        }
        if ran_out.get() && n_skipped > 0 {
            return None;
        }
        #[cfg(debug_assertions)]
        for ci in merged(skipped) {
            let ci = ci as usize;
            if !found.contains(clusters, ci as u32) {
                let found = fits(&clusters[ci], &heads[ci], candidate, all);
                debug_assert_eq!(found, None, "a skipped cluster fits");
            }
        }
        Some(best)
    }

    /// Clusters sharing more than the place or a single participant with `candidate`, each
    /// with the most `fits` could score it, packed by [`pack`] and sorted: the highest
    /// bound first, the oldest cluster among equal bounds.
    ///
    /// For a mention naming one participant, the clusters that share its place and that
    /// participant and nothing more all have the lowest bound, so they come last, oldest
    /// first, and the first that fits scores that bound and ends the search. Their lists
    /// grow with the corpus, so they are not gathered and sorted: they are returned as
    /// they are (the second value), for [`ClusterLookup::best`] to walk after the others.
    ///
    /// With `skip_place_people`, the lists of clusters sharing the place and one of
    /// several people are not gathered (see [`ClusterLookup::best`]) but returned (the
    /// third value), only their gatherings that span days are.
    fn specific<'a>(
        &'a self,
        family: KindFamily,
        year: Option<i32>,
        candidate: &'a Candidate,
        skip_place_people: bool,
    ) -> (Specific<'a>, Vec<&'a [u32]>, Vec<&'a [u32]>) {
        let people = &candidate.participants;
        let mut plain: Vec<&'a [u32]> = Vec::new();
        let mut crowded: Vec<&'a [u32]> = Vec::new();
        // Membership of these lists proves no more than being a neighbour: the bound
        // below assumes every participant shared.
        if people.len() >= 2 {
            for (i, &p) in people.iter().enumerate() {
                for &q in &people[i + 1..] {
                    let pair = (family, p.min(q), p.max(q));
                    plain.extend(self.by_pair.get(pair, year));
                }
                plain.extend(self.solo.get((family, p), year));
            }
            // A crowded cluster sharing two of the people is under both of them.
            for &p in people {
                if let Some(list) = self.crowded.get(&(family, p)) {
                    crowded.push(list);
                }
            }
        }
        // A death is one per person: a cluster sharing one of several people's death is
        // a candidate whatever else it names (see `fits`).
        // So is one of a general kind reported within days by a cluster sharing one of
        // the mention's participants.
        if people.len() >= 2 && super::fit::reported_days_apart(candidate) {
            for &p in people {
                plain.extend(self.by_participant.get((family, p), year));
            }
        } else if people.len() >= 2 && candidate.local.kind.befalls_once() {
            for &p in &candidate.persons {
                plain.extend(self.by_participant.get((family, p), year));
            }
        }
        let mut lowest: Vec<&'a [u32]> = Vec::new();
        let mut skipped: Vec<&'a [u32]> = Vec::new();
        let skip = skip_place_people && people.len() >= 2;
        let spans_days = candidate.local.kind.spans_days();
        for &place in &candidate.place_lookup_ids {
            for &p in people {
                let key = (family, place, p);
                let lists = self.by_place_participant.get(key, year);
                if people.len() == 1 {
                    lowest.extend(lists);
                } else if skip {
                    skipped.extend(lists);
                    if spans_days {
                        plain.extend(self.by_place_participant_span_days.get(key, year));
                    }
                } else {
                    plain.extend(lists);
                }
            }
        }
        let day = match super::day_key(candidate) {
            Some(day) => self.by_day.get((family, day), year).collect(),
            None => Vec::new(),
        };
        plain.retain(|list| !list.is_empty());
        crowded.retain(|list| !list.is_empty());
        let found = Specific {
            // 4 for the document, or the 1 + 4 of a mention referring back within it.
            doc: self.in_doc(candidate.doc),
            day,
            plain,
            crowded,
            people,
            year,
            // The place (3) and every participant (2 each), whatever lists the cluster
            // is on.
            base: 3 * u32::from(candidate.place.is_some()) + 2 * people.len() as u32,
        };
        (found, lowest, skipped)
    }
}

/// Whether a crowded cluster would be in `by_pair` under two of `people` for a mention
/// dated to `year`, had its pairs been recorded: a pair is recorded when the later of the
/// two joins, under the years the cluster had then.
fn shares_pair(cluster: &Cluster, people: &[ActorId], year: Option<i32>) -> bool {
    // `years` only grows, so a pair was recorded under `year` if the later of the two
    // joined after the cluster had it, and under no year if both joined before any.
    let year_at = year.map(|y| cluster.years.iter().position(|&had| had == y));
    let (mut n_joined, mut n_before_any_year, mut joined_after_year) = (0, 0, false);
    for p in people {
        let Some(&slot) = cluster.participant_slot.get(p) else {
            continue;
        };
        let n_years = cluster.years_when_joined.get(slot).copied().unwrap_or(0);
        n_joined += 1;
        n_before_any_year += usize::from(n_years == 0);
        joined_after_year |= matches!(year_at, Some(Some(at)) if n_years > at);
    }
    n_joined >= 2 && (year.is_none() || n_before_any_year >= 2 || joined_after_year)
}

/// Whether a cluster `ci` scoring `score` beats `best`: a higher score, or the same from
/// an older cluster.
fn could_win(best: Option<(u32, usize)>, score: u32, ci: usize) -> bool {
    best.is_none_or(|(s, c)| score > s || (score == s && ci <= c))
}
