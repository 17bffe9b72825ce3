//! Cross-document clustering: mentions of the same happening (same kind family, the same
//! place or the same people, dates that do not disagree) become one [`Event`].
//!
//! Greedy, most informative mentions first, so that "the summit" joins the event its
//! document anchors and a mention never chains two incompatible events together.

use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::fxhash::FxHashMap;
use finish::{disambiguate_labels, finish};
use fit::{fits, join_reasons, Head, NO_PLACE};
use lookup::{Added, ClusterLookup};

use super::clause::LocalEvent;
use super::dates::{self, DateParts, EventDate};
use super::kinds::KindFamily;
use super::places;
use super::{DocEvents, Event, JoinReasons};
use crate::actors::{ActorId, ActorIndex, ActorKind};
use crate::corpus::{DocId, Document};

mod facility;
mod finish;
mod fit;
mod lookup;
mod protagonist;
mod story_place;
#[cfg(test)]
mod tests;

/// The merged fields of an event, which brief mentions are matched against.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct ClusterKey {
    family: Option<KindFamily>,
    place: Option<String>,
    date: Option<DateParts>,
    participants: Vec<ActorId>,
}

struct Candidate<'a> {
    doc: DocId,
    local: &'a LocalEvent,
    place: Option<String>,
    /// The country holding `place`, from the gazetteer.
    place_parent: Option<&'static str>,
    /// `place` and `place_parent` as numbers of their ASCII-lowercased names ([`NO_PLACE`]
    /// for none), which `fits` compares.
    place_fold: u32,
    parent_fold: u32,
    /// Numbers of the keys a cluster joined by this mention is recorded under: its place,
    /// and "within" the place holding it (see `place_keys`).
    place_ids: Vec<u32>,
    /// Numbers of the keys of clusters this mention can share the place with: the same
    /// place, places within it, and the place holding it.
    place_lookup_ids: Vec<u32>,
    participants: Vec<ActorId>,
    /// Those of `participants` that are people (not organisations or groups).
    persons: Vec<ActorId>,
    /// "the summit" with neither place nor date: it refers to the event of that kind its
    /// document already spoke of, whoever it names.
    definite_reference: bool,
}

/// A cluster borrows its members' dates from the extraction results.
#[derive(Default)]
struct Cluster<'a> {
    family: Option<KindFamily>,
    place: Option<String>,
    /// The country holding `place`, from the gazetteer.
    place_parent: Option<&'static str>,
    /// `place` and `place_parent` numbered as in [`Candidate::place_fold`].
    place_fold: u32,
    parent_fold: u32,
    /// The places of its members and the places holding them (see `Candidate::place_ids`).
    place_ids: Vec<u32>,
    /// The distinct years of its resolved dates.
    years: Vec<i32>,
    dates: Vec<(DocId, &'a EventDate)>,
    /// The distinct resolved dates of `dates`, each with the first document that gave it
    /// and whether another document gave it too: a mention is tested against these, not
    /// against every member, so that joining a large cluster costs what its dates are.
    resolved_dates: Vec<(DateParts, DocId, bool)>,
    /// `dates` by document, for the tests that only hold within one document.
    dates_by_doc: FxHashMap<DocId, Vec<&'a EventDate>>,
    participants: Vec<(ActorId, usize)>,
    /// Those of `participants` that are people, each once.
    persons: Vec<ActorId>,
    /// Position of each participant in `participants`.
    participant_slot: FxHashMap<ActorId, usize>,
    /// For each of `participants`, how many of `years` the cluster had once it joined.
    years_when_joined: Vec<usize>,
    members: Vec<usize>,
    /// For each of `members`, what it shared with the cluster when it joined (empty for
    /// the first).
    joined: Vec<JoinReasons>,
    /// `members` grouped by document, so that same-document tests do not walk a large
    /// cluster's every member.
    members_by_doc: FxHashMap<DocId, Vec<usize>>,
    /// Whether every member is of a kind that spans days (talks, summits).
    all_span_days: bool,
}

pub fn build(
    docs: &[Arc<Document>],
    per_doc: &[&DocEvents],
    actors: &ActorIndex,
) -> (Vec<Event>, Vec<ClusterKey>) {
    let started = Instant::now();
    let known_places: Vec<&str> = actors
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Place && places::is_gazetteer_place(&a.name))
        .map(|a| a.name.as_str())
        .collect();
    // What each mention needs of the actors and of its text, per document in parallel;
    // place names are then resolved and numbered in corpus order.
    struct Prepared<'a> {
        doc: DocId,
        local: &'a LocalEvent,
        participants: Vec<ActorId>,
        persons: Vec<ActorId>,
        definite_reference: bool,
    }
    let prepared: Vec<Vec<Prepared>> = (per_doc.par_iter().enumerate())
        .map(|(doc_idx, doc_events)| {
            let doc = doc_idx as DocId;
            // Hypothetical, denied and negated mentions are marked, not reported as events.
            (doc_events.mentions.iter())
                .filter(|m| m.status.is_reported())
                .map(|local| {
                    let mut participants: Vec<ActorId> = Vec::new();
                    for id in local
                        .participants
                        .iter()
                        .filter_map(|&p| actors.global_id(doc, p))
                    {
                        // Two local names of one person are one participant.
                        if !participants.contains(&id) {
                            participants.push(id);
                        }
                    }
                    let persons: Vec<ActorId> = (participants.iter())
                        .filter(|&&id| {
                            actors.actors.get(id as usize).map(|a| a.kind)
                                == Some(ActorKind::Person)
                        })
                        .copied()
                        .collect();
                    let written = docs
                        .get(doc_idx)
                        .and_then(|d| d.text().get(local.span.clone()))
                        .unwrap_or("");
                    // A written place always resolves to one.
                    let definite_reference = local.place.is_none()
                        && local.date.is_none()
                        && (written.starts_with("the ") || written.starts_with("The "));
                    Prepared {
                        doc,
                        local,
                        participants,
                        persons,
                        definite_reference,
                    }
                })
                .collect()
        })
        .collect();
    let mut places = PlaceTable::default();
    let mut candidates = Vec::with_capacity(prepared.iter().map(Vec::len).sum());
    for p in prepared.into_iter().flatten() {
        let local = p.local;
        let place = local
            .place
            .as_ref()
            .map(|p| places.resolve(&p.name, &known_places));
        candidates.push(Candidate {
            doc: p.doc,
            local,
            place: place.map(|p| p.name.clone()),
            place_parent: place.and_then(|p| p.parent),
            place_fold: place.map_or(NO_PLACE, |p| p.fold),
            parent_fold: place.map_or(NO_PLACE, |p| p.parent_fold),
            place_ids: place.map_or_else(Vec::new, |p| p.ids.clone()),
            place_lookup_ids: place.map_or_else(Vec::new, |p| p.lookup_ids.clone()),
            participants: p.participants,
            persons: p.persons,
            definite_reference: p.definite_reference,
        });
    }

    let prepared = Instant::now();
    // Most informative first: they found the clusters the vaguer mentions join. The keys
    // are computed once (the index breaks ties as a stable sort would).
    let mut keyed: Vec<_> = (0..candidates.len())
        .filter(|&i| candidates[i].local.anchored)
        .map(|i| {
            let c = &candidates[i];
            let key = (
                std::cmp::Reverse(n_fields(c)),
                std::cmp::Reverse(c.local.kind.specificity()),
                c.doc,
                c.local.span.start,
            );
            (key, i)
        })
        .collect();
    keyed.sort_unstable();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut heads: Vec<Head> = Vec::new();
    let mut lookup = ClusterLookup::default();
    for &(_, i) in &keyed {
        let candidate = &candidates[i];
        let best = lookup.best(&clusters, &heads, candidate, &candidates);
        let (ci, reasons) = match best {
            Some((_, ci)) => {
                let reasons = join_reasons(&clusters[ci], &heads[ci], candidate, &candidates);
                (ci, reasons)
            }
            None => {
                clusters.push(Cluster::default());
                heads.push(Head::default());
                (clusters.len() - 1, JoinReasons::empty())
            }
        };
        let added = clusters[ci].add(i, candidate, reasons);
        heads[ci] = Head::of(&clusters[ci]);
        lookup.record(ci, &clusters[ci], candidate, &added);
    }

    let greedy_done = Instant::now();
    // Bare definite mentions ("the summit") join the most salient event of their
    // family in the same document, else nothing.
    for (i, candidate) in candidates.iter().enumerate() {
        if candidate.local.anchored {
            continue;
        }
        let family = candidate.local.kind.family();
        let best = (lookup.in_doc(candidate.doc).iter())
            .map(|&ci| (ci as usize, &clusters[ci as usize]))
            .filter(|(_, c)| c.family == Some(family))
            .filter_map(|(ci, c)| {
                let in_doc: Vec<&Candidate> = c
                    .members_by_doc
                    .get(&candidate.doc)
                    .into_iter()
                    .flatten()
                    .map(|&m| &candidates[m])
                    .collect();
                if in_doc.is_empty() {
                    return None;
                }
                let same_kind = in_doc.iter().any(|m| m.local.kind == candidate.local.kind);
                let distance = in_doc
                    .iter()
                    .map(|m| m.local.span.start.abs_diff(candidate.local.span.start))
                    .min()
                    .unwrap_or(usize::MAX);
                let score = 2 * usize::from(same_kind) + in_doc.len();
                Some((score, std::cmp::Reverse(distance), ci))
            })
            .max();
        if let Some((_, _, ci)) = best {
            clusters[ci].members.push(i);
            clusters[ci].joined.push(JoinReasons::REFERS_BACK);
            clusters[ci]
                .members_by_doc
                .entry(candidate.doc)
                .or_default()
                .push(i);
        }
    }

    // Reports sharing their protagonist tell one happening of a kind told once per story.
    let protagonists = protagonist::Protagonists::of(docs.len(), actors);
    protagonist::merge_by_protagonist(&mut clusters, &candidates, &protagonists);
    // Reports of a disaster or an accident whose tops name one place tell one happening.
    let story_places = story_place::StoryPlaces::of(docs, actors);
    story_place::merge_by_story_place(&mut clusters, &candidates, &story_places);

    let unanchored_done = Instant::now();
    // Each cluster is finished on its own, so on any thread; the order is restored by
    // the sort, which is stable.
    // The lookup is dropped beside (its lists are many small allocations).
    let (mut built, ()): (Vec<(Event, ClusterKey)>, ()) = rayon::join(
        || {
            clusters
                .par_iter()
                .map(|c| finish(c, &candidates, docs, actors))
                .collect()
        },
        || drop(lookup),
    );
    built.par_sort_by(|a, b| {
        let first = |e: &Event| e.mentions.first().map(|m| (m.doc, m.span.start));
        first(&a.0).cmp(&first(&b.0))
    });
    disambiguate_labels(&mut built, actors);
    tracing::debug!(
        "events merged in {} ms: {} mentions prepared in {} ms, {} clusters in {} ms, \
         unanchored mentions {} ms, events finished and labelled {} ms",
        started.elapsed().as_millis(),
        candidates.len(),
        (prepared - started).as_millis(),
        clusters.len(),
        (greedy_done - prepared).as_millis(),
        (unanchored_done - greedy_done).as_millis(),
        unanchored_done.elapsed().as_millis(),
    );
    built.into_iter().unzip()
}

/// The keys a cluster is recorded under for a member in `place` (the place, and "within"
/// the country holding it), and the keys a mention in `place` looks up (the place, places
/// within it, and the country holding it), lower-cased: a cluster in Helsinki is found
/// from a mention in Finland and the other way round, but not from one in Turku.
fn place_keys(place: &str) -> (Vec<String>, Vec<String>) {
    let own = place.to_lowercase();
    let parent = places::parent_of(place).map(str::to_lowercase);
    let mut recorded = vec![own.clone()];
    recorded.extend(parent.iter().map(|p| format!("\0{p}")));
    let mut looked_up = vec![own.clone(), format!("\0{own}")];
    looked_up.extend(parent);
    (recorded, looked_up)
}

/// What a place name written in a document resolves to, with its numbers.
struct ResolvedPlace {
    name: String,
    parent: Option<&'static str>,
    fold: u32,
    parent_fold: u32,
    ids: Vec<u32>,
    lookup_ids: Vec<u32>,
}

/// Place names repeat across documents: each is resolved and numbered once.
#[derive(Default)]
struct PlaceTable<'a> {
    resolved: FxHashMap<&'a str, ResolvedPlace>,
    /// The numbers of the lookup keys (see `place_keys`).
    key_numbers: FxHashMap<String, u32>,
    /// The numbers of ASCII-lowercased place names.
    fold_numbers: FxHashMap<String, u32>,
    /// The first name written for each facility (see [`facility::facility_key`]).
    facilities: FxHashMap<String, String>,
}

impl<'a> PlaceTable<'a> {
    fn resolve(&mut self, written: &'a str, known_places: &[&str]) -> &ResolvedPlace {
        if !self.resolved.contains_key(written) {
            let name = if places::is_gazetteer_place(written) {
                written.to_string()
            } else if let Some(known) = places::closest_known(written, known_places) {
                known
            } else if let Some(key) = facility::facility_key(written) {
                // Reports spell one facility several ways: the first spelling names it.
                (self.facilities.entry(key))
                    .or_insert_with(|| written.to_string())
                    .clone()
            } else {
                written.to_string()
            };
            let parent = places::parent_of(&name);
            let (recorded, looked_up) = place_keys(&name);
            let resolved = ResolvedPlace {
                fold: self.fold_number(&name),
                parent_fold: parent.map_or(NO_PLACE, |p| self.fold_number(p)),
                ids: recorded.into_iter().map(|k| self.key_number(k)).collect(),
                lookup_ids: looked_up.into_iter().map(|k| self.key_number(k)).collect(),
                name,
                parent,
            };
            self.resolved.insert(written, resolved);
        }
        &self.resolved[written]
    }

    fn key_number(&mut self, key: String) -> u32 {
        let next = self.key_numbers.len() as u32;
        *self.key_numbers.entry(key).or_insert(next)
    }

    fn fold_number(&mut self, name: &str) -> u32 {
        let next = self.fold_numbers.len() as u32;
        *self
            .fold_numbers
            .entry(name.to_ascii_lowercase())
            .or_insert(next)
    }
}

fn day_key(candidate: &Candidate) -> Option<(u8, u8)> {
    let parts = &candidate.local.date.as_ref()?.parts;
    Some((parts.month?, parts.day?))
}

fn n_fields(c: &Candidate) -> u8 {
    u8::from(c.place.is_some())
        + u8::from(c.local.date.is_some())
        + u8::from(!c.participants.is_empty())
        + u8::from(c.participants.len() > 1)
}

impl<'a> Cluster<'a> {
    /// Adds a member that joined for `reasons`; returns what it brought that the cluster
    /// did not have.
    fn add(&mut self, index: usize, candidate: &Candidate<'a>, reasons: JoinReasons) -> Added {
        let added = Added {
            participants: (candidate.participants.iter())
                .filter(|p| !self.participant_slot.contains_key(p))
                .copied()
                .collect(),
            place_ids: (candidate.place_ids.iter())
                .filter(|p| !self.place_ids.contains(p))
                .copied()
                .collect(),
        };
        self.place_ids.extend(&added.place_ids);
        let year = (candidate.local.date.as_ref())
            .filter(|d| !d.unresolved)
            .and_then(|d| d.parts.year);
        if let Some(year) = year.filter(|y| !self.years.contains(y)) {
            self.years.push(year);
        }
        self.family = Some(candidate.local.kind.family());
        let take_place = match (&self.place, &candidate.place) {
            (None, _) => true,
            // The more specific place wins ("Tehran" over "Iran").
            (Some(current), Some(_)) => candidate
                .place_parent
                .is_some_and(|p| p.eq_ignore_ascii_case(current)),
            (Some(_), None) => false,
        };
        if take_place {
            self.place = candidate.place.clone();
            self.place_parent = candidate.place_parent;
            self.place_fold = candidate.place_fold;
            self.parent_fold = candidate.parent_fold;
        }
        if let Some(date) = &candidate.local.date {
            self.dates.push((candidate.doc, date));
            self.dates_by_doc
                .entry(candidate.doc)
                .or_default()
                .push(date);
            if !date.unresolved {
                match self
                    .resolved_dates
                    .iter_mut()
                    .find(|(parts, _, _)| *parts == date.parts)
                {
                    Some((_, first, several)) => *several |= *first != candidate.doc,
                    None => self
                        .resolved_dates
                        .push((date.parts.clone(), candidate.doc, false)),
                }
            }
        }
        for &p in &candidate.persons {
            if !self.persons.contains(&p) {
                self.persons.push(p);
            }
        }
        for &p in &candidate.participants {
            match self.participant_slot.get(&p) {
                Some(&slot) => self.participants[slot].1 += 1,
                None => {
                    self.participant_slot.insert(p, self.participants.len());
                    self.participants.push((p, 1));
                    self.years_when_joined.push(self.years.len());
                }
            }
        }
        self.all_span_days =
            candidate.local.kind.spans_days() && (self.members.is_empty() || self.all_span_days);
        self.members.push(index);
        self.joined.push(reasons);
        self.members_by_doc
            .entry(candidate.doc)
            .or_default()
            .push(index);
        added
    }
}

/// The event a brief's mention speaks of: the best event it fits among those `may_be`
/// allows, if any.
pub fn resolve(
    keys: &[ClusterKey],
    mention: &LocalEvent,
    may_be: impl Fn(usize) -> bool,
) -> Option<usize> {
    if !mention.anchored {
        return None;
    }
    let family = mention.kind.family();
    keys.iter()
        .enumerate()
        .filter_map(|(i, key)| {
            if key.family != Some(family) || !may_be(i) {
                return None;
            }
            let mut score = 0;
            let mut evidence = false;
            if let Some(place) = &mention.place {
                match &key.place {
                    Some(key_place) if places::same_or_within(key_place, &place.name) => {
                        score += 3;
                        evidence = true;
                    }
                    Some(_) => return None,
                    None => {}
                }
            }
            if let (Some(date), Some(key_date)) = (&mention.date, &key.date) {
                if !date.unresolved {
                    if !dates::compatible(&date.parts, key_date) {
                        return None;
                    }
                    if dates::same_day(&date.parts, key_date) {
                        score += 2;
                        evidence = true;
                    }
                }
            }
            let shared = mention
                .participants
                .iter()
                .filter(|p| key.participants.contains(p))
                .count();
            if shared >= 1 && shared >= 2.min(mention.participants.len()) {
                score += 2 * shared;
                evidence = true;
            }
            evidence.then_some((score, std::cmp::Reverse(i)))
        })
        .max()
        .map(|(_, std::cmp::Reverse(i))| i)
}
