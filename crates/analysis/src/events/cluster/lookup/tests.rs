//! The compact lookup structures against the plain ones they replace: the same clusters
//! must be found, as often, or the greedy clustering would score them in another order.

use std::collections::{BTreeSet, HashMap};

use proptest::prelude::*;

use super::super::fit::NO_PLACE;
use super::*;
use crate::events::clause::LocalEvent;
use crate::events::dates::{DateParts, EventDate};
use crate::events::kinds::EventKind;
use crate::events::JoinReasons;

/// The lists as they were first written: one map for every cluster under a key, one for
/// the clusters under a key and a year.
#[derive(Default)]
struct PlainLists {
    all: HashMap<u8, BTreeSet<u32>>,
    by_year: HashMap<(u8, Option<i32>), BTreeSet<u32>>,
}

impl PlainLists {
    fn record(&mut self, key: u8, ci: u32, years: &[i32]) {
        self.all.entry(key).or_default().insert(ci);
        if years.is_empty() {
            self.by_year.entry((key, None)).or_default().insert(ci);
        }
        for &year in years {
            self.by_year
                .entry((key, Some(year)))
                .or_default()
                .insert(ci);
        }
    }

    /// Every cluster found, with repeats (a cluster on two lists counts twice).
    fn get(&self, key: u8, year: Option<i32>) -> Vec<u32> {
        let lists = match year {
            Some(year) => vec![
                self.by_year.get(&(key, Some(year))),
                self.by_year.get(&(key, None)),
            ],
            None => vec![self.all.get(&key)],
        };
        let mut found: Vec<u32> = lists.into_iter().flatten().flatten().copied().collect();
        found.sort_unstable();
        found
    }
}

fn found(lists: &Lists<u8>, key: u8, year: Option<i32>) -> Vec<u32> {
    let mut found: Vec<u32> = lists.get(key, year).flatten().copied().collect();
    found.sort_unstable();
    found
}

proptest! {
    #[test]
    fn lists_find_what_plain_lists_find(
        records in prop::collection::vec(
            (0u8..3, 0u32..40, prop::collection::vec(2015i32..2019, 0..3)),
            0..60,
        )
    ) {
        let mut lists: Lists<u8> = Lists::default();
        let mut plain = PlainLists::default();
        for (key, ci, mut years) in records {
            years.dedup();
            lists.record(key, ci, &years);
            plain.record(key, ci, &years);
        }
        for key in 0..3 {
            for year in [None, Some(2015), Some(2016), Some(2017), Some(2018), Some(2020)] {
                prop_assert_eq!(found(&lists, key, year), plain.get(key, year));
            }
        }
    }

    /// Participants join a cluster one add at a time, some adds bringing a year: whether
    /// `shares_pair` finds it is whether the pairs, recorded as they formed, would.
    #[test]
    fn crowded_clusters_are_found_as_their_pairs_would_be(
        adds in prop::collection::vec(
            (prop::collection::vec(0u32..8, 0..3), prop::option::of(2015i32..2018)),
            1..12,
        ),
        mention in prop::collection::vec(0u32..8, 2..4),
        year in prop::option::of(2015i32..2019),
    ) {
        let mut cluster = Cluster::default();
        let mut pairs = PlainLists::default();
        for (people, new_year) in adds {
            if let Some(y) = new_year.filter(|y| !cluster.years.contains(y)) {
                cluster.years.push(y);
            }
            let mut added = Vec::new();
            for p in people {
                if let std::collections::hash_map::Entry::Vacant(slot) =
                    cluster.participant_slot.entry(p)
                {
                    slot.insert(cluster.participants.len());
                    cluster.participants.push((p, 1));
                    cluster.years_when_joined.push(cluster.years.len());
                    added.push(p);
                }
            }
            for &p in &added {
                for &(q, _) in &cluster.participants {
                    if p != q {
                        pairs.record((p.min(q) * 8 + p.max(q)) as u8, 0, &cluster.years);
                    }
                }
            }
        }
        let mut mention = mention;
        mention.sort_unstable();
        mention.dedup();
        let by_pairs = mention.iter().enumerate().any(|(i, &p)| {
            mention[i + 1..]
                .iter()
                .any(|&q| !pairs.get((p.min(q) * 8 + p.max(q)) as u8, year).is_empty())
        });
        prop_assert_eq!(shares_pair(&cluster, &mention, year), by_pairs);
    }
}

/// A mention for the greedy search below: a kind, a place number, a date and people.
type MentionSpec = (bool, Option<u32>, Option<(i32, u8, u8)>, Vec<u32>, u32);

fn local_event(spans_days: bool, date: Option<(i32, u8, u8)>, people: &[u32]) -> LocalEvent {
    let kind = if spans_days {
        EventKind::Summit
    } else {
        EventKind::Meeting
    };
    LocalEvent {
        span: 0..4,
        trigger: 0..4,
        kind,
        place: None,
        venue: None,
        date: date.map(|(year, month, day)| EventDate {
            text: String::new(),
            span: 0..4,
            parts: DateParts {
                year: Some(year),
                month: Some(month),
                day: (day > 0).then_some(day),
                ..DateParts::default()
            },
            unresolved: false,
            preposition: None,
        }),
        participants: people.to_vec(),
        sentence: 0..4,
        anchored: true,
        status: Default::default(),
    }
}

fn candidate<'a>(doc: u32, local: &'a LocalEvent, place: Option<u32>) -> Candidate<'a> {
    let mut participants: Vec<ActorId> = Vec::new();
    for &p in &local.participants {
        if !participants.contains(&p) {
            participants.push(p);
        }
    }
    Candidate {
        doc,
        local,
        place: place.map(|p| format!("place {p}")),
        place_parent: None,
        place_fold: place.unwrap_or(NO_PLACE),
        parent_fold: NO_PLACE,
        place_ids: place.into_iter().collect(),
        place_lookup_ids: place.into_iter().collect(),
        // Every participant is a person here, so the death rule is searched too.
        persons: participants.clone(),
        participants,
        definite_reference: false,
    }
}

proptest! {
    /// Mentions join clusters one by one as in `cluster::build`: the search that leaves
    /// out the clusters sharing only the place and one of several people chooses what the
    /// search scoring every listed cluster chooses, and what scoring every cluster does.
    #[test]
    fn skipping_place_and_one_person_finds_what_scoring_all_finds(
        specs in prop::collection::vec(
            (
                any::<bool>(),
                prop::option::of(0u32..3),
                prop::option::of((2017i32..2019, 1u8..3, 0u8..3)),
                prop::collection::vec(0u32..5, 0..4),
                0u32..12,
            ),
            1..60,
        )
    ) {
        let specs: Vec<MentionSpec> = specs;
        let locals: Vec<LocalEvent> = specs
            .iter()
            .map(|(spans, _, date, people, _)| local_event(*spans, *date, people))
            .collect();
        let all: Vec<Candidate> = specs
            .iter()
            .zip(&locals)
            .map(|((_, place, _, _, doc), local)| candidate(*doc, local, *place))
            .collect();
        let mut clusters: Vec<Cluster> = Vec::new();
        let mut heads: Vec<Head> = Vec::new();
        let mut lookup = ClusterLookup::default();
        for (i, mention) in all.iter().enumerate() {
            let chosen = lookup.best(&clusters, &heads, mention, &all);
            let scoring_listed = lookup.search(&clusters, &heads, mention, &all, false);
            prop_assert_eq!(Some(chosen), scoring_listed);
            let scanned = (0..clusters.len())
                .filter_map(|ci| Some((fits(&clusters[ci], &heads[ci], mention, &all)?, ci)))
                .max_by_key(|&(score, ci)| (score, std::cmp::Reverse(ci)));
            prop_assert_eq!(chosen, scanned);
            let ci = match chosen {
                Some((_, ci)) => ci,
                None => {
                    clusters.push(Cluster::default());
                    heads.push(Head::default());
                    clusters.len() - 1
                }
            };
            let added = clusters[ci].add(i, mention, JoinReasons::empty());
            heads[ci] = Head::of(&clusters[ci]);
            lookup.record(ci, &clusters[ci], mention, &added);
        }
    }
}
