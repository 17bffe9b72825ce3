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

use std::collections::HashMap;

use super::{fits, Candidate, Cluster, KindFamily};
use crate::analysis::actors::ActorId;
use crate::analysis::corpus::DocId;

/// What `fits` gives a cluster that shares the place and nothing else with a mention.
const PLACE_ONLY: u32 = 3;

/// What `fits` gives a cluster that shares a mention's one participant and nothing else.
const PARTICIPANT_ONLY: u32 = 2;

/// Sorted, duplicate-free lists of cluster numbers. Entries are never removed and may be
/// stale (a cluster recorded as placeless may have gained a place): `fits` decides.
#[derive(Default)]
pub(super) struct ClusterLookup {
    by_place: HashMap<(KindFamily, u32), Vec<usize>>,
    /// `by_place` by each year the cluster's resolved dates give, or `None` for clusters
    /// that had no year: a dated mention cannot join a cluster of another year.
    by_place_year: HashMap<(KindFamily, u32, Option<i32>), Vec<usize>>,
    /// Clusters in the place that had no participant when recorded there.
    by_place_no_people: HashMap<(KindFamily, u32), Vec<usize>>,
    /// Clusters in the place whose members all were of kinds that span days.
    by_place_span_days: HashMap<(KindFamily, u32), Vec<usize>>,
    by_participant: HashMap<(KindFamily, ActorId), Vec<usize>>,
    /// Clusters that had no place when they gained the participant.
    placeless_by_participant: HashMap<(KindFamily, ActorId), Vec<usize>>,
    /// Clusters whose only participant, when recorded, was this one.
    solo: HashMap<(KindFamily, ActorId), Vec<usize>>,
    by_pair: HashMap<(KindFamily, ActorId, ActorId), Vec<usize>>,
    by_place_participant: HashMap<(KindFamily, u32, ActorId), Vec<usize>>,
    by_day: HashMap<(KindFamily, (u8, u8)), Vec<usize>>,
    pub(super) by_doc: HashMap<DocId, Vec<usize>>,
}

/// What a member brought to its cluster that the cluster did not have.
pub(super) struct Added {
    pub participants: Vec<ActorId>,
    pub place_ids: Vec<u32>,
    pub years: Vec<i32>,
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
        let family = candidate.local.kind.family();
        for &place in &candidate.place_ids {
            insert(self.by_place.entry((family, place)).or_default(), ci);
            if cluster.participants.is_empty() {
                insert(
                    self.by_place_no_people.entry((family, place)).or_default(),
                    ci,
                );
            }
            if cluster.all_span_days {
                insert(
                    self.by_place_span_days.entry((family, place)).or_default(),
                    ci,
                );
            }
        }
        for &p in &added.participants {
            insert(self.by_participant.entry((family, p)).or_default(), ci);
            if cluster.place.is_none() {
                insert(
                    self.placeless_by_participant
                        .entry((family, p))
                        .or_default(),
                    ci,
                );
            }
        }
        if let [(only, _)] = cluster.participants.as_slice() {
            insert(self.solo.entry((family, *only)).or_default(), ci);
        }
        // Pairs and place-participant combinations the cluster did not have before.
        for &p in &added.participants {
            for &(q, _) in &cluster.participants {
                if p != q {
                    let key = (family, p.min(q), p.max(q));
                    insert(self.by_pair.entry(key).or_default(), ci);
                }
            }
            for &place in &cluster.place_ids {
                let key = (family, place, p);
                insert(self.by_place_participant.entry(key).or_default(), ci);
            }
        }
        for &place in &added.place_ids {
            if cluster.years.is_empty() {
                insert(
                    self.by_place_year.entry((family, place, None)).or_default(),
                    ci,
                );
            }
            for &year in &cluster.years {
                let key = (family, place, Some(year));
                insert(self.by_place_year.entry(key).or_default(), ci);
            }
        }
        for &year in &added.years {
            for &place in &cluster.place_ids {
                let key = (family, place, Some(year));
                insert(self.by_place_year.entry(key).or_default(), ci);
            }
        }
        for &place in &added.place_ids {
            for &(p, _) in &cluster.participants {
                if !added.participants.contains(&p) {
                    let key = (family, place, p);
                    insert(self.by_place_participant.entry(key).or_default(), ci);
                }
            }
        }
        if let Some(day) = super::day_key(candidate) {
            insert(self.by_day.entry((family, day)).or_default(), ci);
        }
        insert(self.by_doc.entry(candidate.doc).or_default(), ci);
    }

    /// The cluster `candidate` joins, with its score: the best-scoring one that fits, the
    /// oldest among equals.
    pub(super) fn best(
        &self,
        clusters: &[Cluster],
        candidate: &Candidate,
        all: &[Candidate],
    ) -> Option<(u32, usize)> {
        let family = candidate.local.kind.family();
        let specific = self.specific(family, candidate);
        let mut by_bound: Vec<(u32, usize)> = specific.iter().map(|&(ci, b)| (b, ci)).collect();
        by_bound.sort_unstable_by_key(|&(bound, ci)| (std::cmp::Reverse(bound), ci));
        let mut best: Option<(u32, usize)> = None;
        for (bound, ci) in by_bound {
            if !could_win(best, bound, ci) {
                break;
            }
            if let Some(score) = fits(&clusters[ci], candidate, all) {
                debug_assert!(score <= bound, "score {score} over its bound {bound}");
                if could_win(best, score, ci) && best != Some((score, ci)) {
                    best = Some((score, ci));
                }
            }
        }
        let is_specific = |ci: usize| specific.binary_search_by_key(&ci, |&(c, _)| c).is_ok();
        let walk = |best: &mut Option<(u32, usize)>, lists: Vec<&[usize]>, score: u32| {
            for ci in merged(lists) {
                if !could_win(*best, score, ci) {
                    return;
                }
                if is_specific(ci) {
                    continue;
                }
                if let Some(found) = fits(&clusters[ci], candidate, all) {
                    debug_assert_eq!(found, score);
                    *best = Some((found, ci));
                    return;
                }
            }
        };
        // A cluster with people of its own and none of the mention's only fits a mention
        // naming people if both are multilateral gatherings (see `fits`).
        let mut place_maps = Vec::new();
        let year = candidate.local.date.as_ref().filter(|d| !d.unresolved);
        if let Some(year) = year.and_then(|d| d.parts.year) {
            if candidate.participants.is_empty() {
                // Clusters of the mention's document are in `specific`: the others must
                // be of its year or of none.
                let lists = (candidate.place_ids.iter())
                    .flat_map(|&place| [Some(year), None].map(|y| (family, place, y)))
                    .filter_map(|key| self.by_place_year.get(&key))
                    .map(Vec::as_slice)
                    .collect();
                walk(&mut best, lists, PLACE_ONLY);
                return best;
            }
        }
        if candidate.participants.is_empty() {
            place_maps.push(&self.by_place);
        } else {
            place_maps.push(&self.by_place_no_people);
            if candidate.local.kind.spans_days() {
                place_maps.push(&self.by_place_span_days);
            }
        }
        let place_lists = place_maps
            .into_iter()
            .flat_map(|map| {
                (candidate.place_ids.iter()).filter_map(move |&place| map.get(&(family, place)))
            })
            .map(Vec::as_slice)
            .collect();
        walk(&mut best, place_lists, PLACE_ONLY);
        if let [only] = candidate.participants.as_slice() {
            // With a place of its own, the mention can only join clusters without one.
            let lists = if candidate.place.is_some() {
                &self.placeless_by_participant
            } else {
                &self.by_participant
            };
            let list = lists.get(&(family, *only)).map(Vec::as_slice);
            walk(&mut best, list.into_iter().collect(), PARTICIPANT_ONLY);
        }
        best
    }

    /// Clusters sharing more than the place or a single participant with `candidate`, in
    /// increasing order, each with the most `fits` could score it.
    fn specific(&self, family: KindFamily, candidate: &Candidate) -> Vec<(usize, u32)> {
        let mut found: Vec<(usize, u32)> = Vec::new();
        let mut add = |list: Option<&Vec<usize>>, weight: u32| {
            found.extend(list.into_iter().flatten().map(|&ci| (ci, weight)));
        };
        let people = &candidate.participants;
        // Membership of these lists proves no more than being a neighbour: the bound
        // below assumes every participant shared.
        if people.len() >= 2 {
            for (i, &p) in people.iter().enumerate() {
                for &q in &people[i + 1..] {
                    add(self.by_pair.get(&(family, p.min(q), p.max(q))), 0);
                }
                add(self.solo.get(&(family, p)), 0);
            }
        }
        for &place in &candidate.place_ids {
            for &p in people {
                add(self.by_place_participant.get(&(family, place, p)), 0);
            }
        }
        if let Some(day) = super::day_key(candidate) {
            add(self.by_day.get(&(family, day)), 2);
        }
        // 4 for the document, or the 1 + 4 of a mention referring back within it.
        add(self.by_doc.get(&candidate.doc), 5);
        found.sort_unstable();
        // The place (3) and every participant (2 each), whatever lists the cluster is on.
        let base = 3 * u32::from(candidate.place.is_some()) + 2 * people.len() as u32;
        let mut merged: Vec<(usize, u32)> = Vec::with_capacity(found.len());
        for (ci, weight) in found {
            match merged.last_mut() {
                Some((last, bound)) if *last == ci => *bound += weight,
                _ => merged.push((ci, base + weight)),
            }
        }
        merged
    }
}

/// Whether a cluster `ci` scoring `score` beats `best`: a higher score, or the same from
/// an older cluster.
fn could_win(best: Option<(u32, usize)>, score: u32, ci: usize) -> bool {
    best.is_none_or(|(s, c)| score > s || (score == s && ci <= c))
}

/// Inserts `ci` into a sorted list unless it is there. New clusters have the highest
/// numbers, so this is nearly always a push.
fn insert(list: &mut Vec<usize>, ci: usize) {
    match list.last() {
        Some(&last) if last == ci => {}
        Some(&last) if last < ci => list.push(ci),
        None => list.push(ci),
        Some(_) => {
            if let Err(at) = list.binary_search(&ci) {
                list.insert(at, ci);
            }
        }
    }
}

/// The union of sorted lists, in increasing order, without repeats.
fn merged(lists: Vec<&[usize]>) -> impl Iterator<Item = usize> + '_ {
    let mut positions = vec![0usize; lists.len()];
    let mut last: Option<usize> = None;
    std::iter::from_fn(move || loop {
        let (which, &ci) = lists
            .iter()
            .enumerate()
            .filter_map(|(i, list)| list.get(positions[i]).map(|ci| (i, ci)))
            .min_by_key(|&(_, ci)| *ci)?;
        positions[which] += 1;
        if last != Some(ci) {
            last = Some(ci);
            return Some(ci);
        }
    })
}
