//! Cross-document clustering: mentions of the same happening (same kind family, the same
//! place or the same people, dates that do not disagree) become one [`Event`].
//!
//! Greedy, most informative mentions first, so that "the summit" joins the event its
//! document anchors and a mention never chains two incompatible events together.

use std::collections::{HashMap, HashSet};

use fast_hash::FastMap;
use std::sync::Arc;

use lookup::{Added, ClusterLookup};

use super::dates::{self, DateParts, EventDate};
use super::extract::LocalEvent;
use super::places;
use super::triggers::{EventKind, KindFamily};
use super::{DocEvents, Event, EventMention};
use crate::analysis::actors::{ActorId, ActorIndex, ActorKind};
use crate::analysis::corpus::{DocId, Document};

mod fast_hash;
mod lookup;

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
    /// Numbers of the keys a cluster joined by this mention is recorded under: its place,
    /// and "within" the place holding it (see `place_keys`).
    place_ids: Vec<u32>,
    /// Numbers of the keys of clusters this mention can share the place with: the same
    /// place, places within it, and the place holding it.
    place_lookup_ids: Vec<u32>,
    participants: Vec<ActorId>,
    /// "the summit" with neither place nor date: it refers to the event of that kind its
    /// document already spoke of, whoever it names.
    definite_reference: bool,
}

#[derive(Default)]
struct Cluster {
    family: Option<KindFamily>,
    place: Option<String>,
    /// The country holding `place`, from the gazetteer.
    place_parent: Option<&'static str>,
    /// The places of its members and the places holding them (see `Candidate::place_ids`).
    place_ids: Vec<u32>,
    /// The distinct years of its resolved dates.
    years: Vec<i32>,
    dates: Vec<(DocId, EventDate)>,
    /// The distinct resolved dates of `dates`, each with the first document that gave it
    /// and whether another document gave it too: a mention is tested against these, not
    /// against every member, so that joining a large cluster costs what its dates are.
    resolved_dates: Vec<(DateParts, DocId, bool)>,
    /// `dates` by document, for the tests that only hold within one document.
    dates_by_doc: FastMap<DocId, Vec<EventDate>>,
    participants: Vec<(ActorId, usize)>,
    /// Position of each participant in `participants`.
    participant_slot: FastMap<ActorId, usize>,
    /// For each of `participants`, how many of `years` the cluster had once it joined.
    years_when_joined: Vec<usize>,
    members: Vec<usize>,
    /// `members` grouped by document, so that same-document tests do not walk a large
    /// cluster's every member.
    members_by_doc: FastMap<DocId, Vec<usize>>,
    /// Whether every member is of a kind that spans days (talks, summits).
    all_span_days: bool,
}

pub fn build(
    docs: &[Arc<Document>],
    per_doc: &[&DocEvents],
    actors: &ActorIndex,
) -> (Vec<Event>, Vec<ClusterKey>) {
    let known_places: Vec<&str> = actors
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Place && places::is_gazetteer_place(&a.name))
        .map(|a| a.name.as_str())
        .collect();
    // Place names repeat across documents: each is resolved once.
    let mut resolved_places: HashMap<&str, String> = HashMap::new();
    let mut place_numbers: HashMap<String, u32> = HashMap::new();
    let mut candidates = Vec::new();
    for (doc_idx, doc_events) in per_doc.iter().enumerate() {
        let doc = doc_idx as DocId;
        for local in &doc_events.mentions {
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
            let place = local.place.as_ref().map(|p| {
                resolved_places
                    .entry(p.name.as_str())
                    .or_insert_with(|| {
                        if places::is_gazetteer_place(&p.name) {
                            p.name.clone()
                        } else {
                            places::closest_known(&p.name, &known_places)
                                .unwrap_or_else(|| p.name.clone())
                        }
                    })
                    .clone()
            });
            let place_parent = place.as_deref().and_then(places::parent_of);
            let mut number = |key: String| {
                let next = place_numbers.len() as u32;
                *place_numbers.entry(key).or_insert(next)
            };
            let (recorded, looked_up) = place.as_deref().map_or_else(Default::default, place_keys);
            let place_ids = recorded.into_iter().map(&mut number).collect();
            let place_lookup_ids = looked_up.into_iter().map(&mut number).collect();
            let written = docs
                .get(doc_idx)
                .and_then(|d| d.text.get(local.span.clone()))
                .unwrap_or("");
            let definite_reference = place.is_none()
                && local.date.is_none()
                && (written.starts_with("the ") || written.starts_with("The "));
            candidates.push(Candidate {
                doc,
                local,
                place,
                place_parent,
                place_ids,
                place_lookup_ids,
                participants,
                definite_reference,
            });
        }
    }

    // Most informative first: they found the clusters the vaguer mentions join.
    let mut order: Vec<usize> = (0..candidates.len())
        .filter(|&i| candidates[i].local.anchored)
        .collect();
    order.sort_by_key(|&i| {
        let c = &candidates[i];
        (
            std::cmp::Reverse(n_fields(c)),
            std::cmp::Reverse(c.local.kind.specificity()),
            c.doc,
            c.local.span.start,
        )
    });
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut lookup = ClusterLookup::default();
    for &i in &order {
        let candidate = &candidates[i];
        let best = lookup.best(&clusters, candidate, &candidates);
        let ci = match best {
            Some((_, ci)) => ci,
            None => {
                clusters.push(Cluster::default());
                clusters.len() - 1
            }
        };
        let added = clusters[ci].add(i, candidate);
        lookup.record(ci, &clusters[ci], candidate, &added);
    }

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
            clusters[ci]
                .members_by_doc
                .entry(candidate.doc)
                .or_default()
                .push(i);
        }
    }

    let mut built: Vec<(Event, ClusterKey)> = clusters
        .iter()
        .map(|c| finish(c, &candidates, docs, actors))
        .collect();
    built.sort_by(|a, b| {
        let first = |e: &Event| e.mentions.first().map(|m| (m.doc, m.span.start));
        first(&a.0).cmp(&first(&b.0))
    });
    disambiguate_labels(&mut built, actors);
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

impl Cluster {
    /// Adds a member; returns what it brought that the cluster did not have.
    fn add(&mut self, index: usize, candidate: &Candidate) -> Added {
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
        if self.place.is_none() {
            self.place = candidate.place.clone();
            self.place_parent = candidate.place_parent;
        } else if let (Some(current), Some(new)) = (&self.place, &candidate.place) {
            // The more specific place wins ("Tehran" over "Iran").
            if candidate
                .place_parent
                .is_some_and(|p| p.eq_ignore_ascii_case(current))
            {
                self.place = Some(new.clone());
                self.place_parent = candidate.place_parent;
            }
        }
        if let Some(date) = &candidate.local.date {
            self.dates.push((candidate.doc, date.clone()));
            self.dates_by_doc
                .entry(candidate.doc)
                .or_default()
                .push(date.clone());
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
        self.members_by_doc
            .entry(candidate.doc)
            .or_default()
            .push(index);
        added
    }
}

/// How well a mention fits a cluster, `None` when it cannot be the same event.
fn fits(cluster: &Cluster, candidate: &Candidate, all: &[Candidate]) -> Option<u32> {
    if cluster.family != Some(candidate.local.kind.family()) {
        return None;
    }
    let mut place_match = false;
    if let (Some(a), Some(b)) = (&cluster.place, &candidate.place) {
        let within = a.eq_ignore_ascii_case(b)
            || cluster
                .place_parent
                .is_some_and(|p| p.eq_ignore_ascii_case(b))
            || candidate
                .place_parent
                .is_some_and(|p| p.eq_ignore_ascii_case(a));
        if !within {
            return None;
        }
        place_match = true;
    }
    let mut same_day = false;
    if let Some(date) = &candidate.local.date {
        // Within the mention's document every date counts (relative ones too).
        let in_doc = cluster
            .dates_by_doc
            .get(&candidate.doc)
            .map_or(&[][..], Vec::as_slice);
        for other in in_doc {
            let relative = date.unresolved || other.unresolved;
            // Talks that opened on March 4 and resumed on March 12 in one place are one.
            let same_gathering =
                place_match && days_apart(date, other) <= 7 && candidate.local.kind.spans_days();
            if !same_gathering && !dates::compatible(&date.parts, &other.parts) {
                return None;
            }
            same_day |= !relative && dates::same_day(&date.parts, &other.parts);
        }
        // From other documents only resolved dates count, each distinct one once.
        if !date.unresolved {
            for (parts, first, several) in &cluster.resolved_dates {
                if !*several && *first == candidate.doc {
                    continue; // tested above
                }
                if !dates::compatible(&date.parts, parts) {
                    return None;
                }
                same_day |= dates::same_day(&date.parts, parts);
            }
        }
    }
    let shared = candidate
        .participants
        .iter()
        .filter(|p| cluster.participant_slot.contains_key(p))
        .count();
    let only_mention = candidate.participants.len() - shared;
    let only_cluster = cluster.participants.len() - shared;
    let in_doc = cluster
        .members_by_doc
        .get(&candidate.doc)
        .map_or(&[][..], Vec::as_slice);
    let same_doc = !in_doc.is_empty();
    let refers_back = candidate.definite_reference
        && same_doc
        && in_doc.iter().any(|&m| {
            all[m].local.kind == candidate.local.kind
                && all[m].local.span.start < candidate.local.span.start
        });
    if refers_back {
        return Some(1 + 4 * u32::from(same_doc));
    }
    // Talks and summits have many parties: two mentions naming different delegates in the
    // same place are one gathering. A meeting of two is told apart by who met.
    let multilateral = place_match && candidate.local.kind.spans_days() && cluster.all_span_days;
    if only_mention > 0 && only_cluster > 0 && shared < 2 && !multilateral {
        return None; // Netanyahu-Putin is not Velayati-Putin
    }
    let people_match = shared >= 1
        && shared
            >= 2.min(candidate.participants.len())
                .min(cluster.participants.len());
    // Two triggers of one family in one sentence ("met ... for talks") are one event.
    let same_sentence = in_doc
        .iter()
        .any(|&m| all[m].local.sentence == candidate.local.sentence);
    if !(place_match || people_match || same_day || same_sentence) {
        return None;
    }
    Some(
        3 * u32::from(place_match)
            + 2 * shared as u32
            + 2 * u32::from(same_day)
            + 4 * u32::from(same_doc),
    )
}

/// Days between two full dates; `i64::MAX` unless both are full days.
fn days_apart(a: &EventDate, b: &EventDate) -> i64 {
    let day = |d: &EventDate| Some((d.parts.year?, d.parts.month?, d.parts.day?));
    match (day(a), day(b)) {
        (Some(x), Some(y)) => dates::days_between(x, y).abs(),
        _ => i64::MAX,
    }
}

/// The event a brief's mention speaks of: the best event it fits, if any.
pub fn resolve(keys: &[ClusterKey], mention: &LocalEvent) -> Option<usize> {
    if !mention.anchored {
        return None;
    }
    let family = mention.kind.family();
    keys.iter()
        .enumerate()
        .filter_map(|(i, key)| {
            if key.family != Some(family) {
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

fn finish(
    cluster: &Cluster,
    candidates: &[Candidate],
    docs: &[Arc<Document>],
    actors: &ActorIndex,
) -> (Event, ClusterKey) {
    let members: Vec<&Candidate> = cluster.members.iter().map(|&m| &candidates[m]).collect();
    let mut kinds: Vec<(EventKind, usize)> = Vec::new();
    for m in &members {
        match kinds.iter_mut().find(|(k, _)| *k == m.local.kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((m.local.kind, 1)),
        }
    }
    let kind = kinds
        .iter()
        .max_by_key(|(k, n)| (k.specificity(), *n, std::cmp::Reverse(*k)))
        .map_or(EventKind::Meeting, |(k, _)| *k);

    // The date: the most precise resolved date, completed by the others.
    let mut resolved: Vec<&EventDate> = cluster
        .dates
        .iter()
        .map(|(_, d)| d)
        .filter(|d| !d.unresolved)
        .collect();
    resolved.sort_by_key(|d| (d.precision(), std::cmp::Reverse(d.parts.year.is_some())));
    let mut parts: Option<DateParts> = None;
    for date in &resolved {
        parts = Some(match parts {
            None => date.parts.clone(),
            Some(p) if dates::compatible(&p, &date.parts) => dates::merge_parts(&p, &date.parts),
            Some(p) => p,
        });
    }
    let best_date = resolved
        .first()
        .copied()
        .or_else(|| cluster.dates.first().map(|(_, d)| d));
    let date = match (&parts, best_date) {
        (Some(p), _) if dates::iso_of(p).is_some() => dates::iso_of(p),
        (_, Some(d)) => Some(d.text.clone()),
        _ => None,
    };
    let precision = match (&parts, best_date) {
        (Some(p), Some(d)) => Some(
            EventDate {
                parts: p.clone(),
                ..d.clone()
            }
            .precision(),
        ),
        (None, Some(d)) => Some(d.precision()),
        _ => None,
    };

    let mut participants = cluster.participants.clone();
    participants.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let participants: Vec<ActorId> = participants.into_iter().map(|(p, _)| p).collect();

    let mut mentions: Vec<EventMention> = members
        .iter()
        .filter_map(|m| {
            let doc = docs.get(m.doc as usize)?;
            doc.text.get(m.local.span.clone())?;
            Some(EventMention {
                doc: m.doc,
                span: m.local.span.clone(),
                sentence: m.local.sentence.clone(),
                kind: m.local.kind,
                n_fields: n_fields(m),
            })
        })
        .collect();
    mentions.sort_by_key(|m| (m.doc, m.span.start));
    mentions.dedup_by_key(|m| (m.doc, m.span.clone()));

    let label = label(
        kind,
        cluster.place.as_deref(),
        &participants,
        date.as_deref(),
        actors,
    );
    let event = Event {
        label,
        kind: kind.as_str().to_string(),
        date,
        precision,
        place: cluster.place.clone(),
        participants: participants.clone(),
        mentions,
    };
    let key = ClusterKey {
        family: cluster.family,
        place: cluster.place.clone(),
        date: parts,
        participants,
    };
    (event, key)
}

/// "Helsinki summit", "Trump-Kim meeting", "strike of 2017-04-07".
fn label(
    kind: EventKind,
    place: Option<&str>,
    participants: &[ActorId],
    date: Option<&str>,
    actors: &ActorIndex,
) -> String {
    let kind = kind.as_str();
    if let Some(place) = place {
        return format!("{place} {kind}");
    }
    let surnames: Vec<&str> = participants
        .iter()
        .take(2)
        .filter_map(|&p| actors.actors.get(p as usize))
        .map(short_name)
        .collect();
    if !surnames.is_empty() {
        return format!("{} {kind}", surnames.join("-"));
    }
    match date {
        Some(date) => format!("{kind} of {date}"),
        None => kind.to_string(),
    }
}

/// How a label names a participant: a person by the one-word alias the articles use
/// ("Xi" of "Xi Jinping", whose surname comes first), else by the last word of the name;
/// an organisation in full ("Rapid Support Forces", not "Forces").
fn short_name(actor: &crate::analysis::actors::Actor) -> &str {
    if actor.kind != ActorKind::Person {
        return actor.name.as_str();
    }
    actor
        .aliases
        .iter()
        .find(|alias| !alias.contains(' ') && actor.name.split(' ').any(|w| w == alias.as_str()))
        .map(String::as_str)
        .unwrap_or_else(|| actor.name.rsplit(' ').next().unwrap_or(&actor.name))
}

/// Events that share a label are told apart by who took part ("Putin-Erdogan meeting in
/// Moscow"), else by date, else by a number, so that labels stay keys.
fn disambiguate_labels(built: &mut [(Event, ClusterKey)], actors: &ActorIndex) {
    let mut label_count: HashMap<String, usize> = HashMap::new();
    for (event, _) in built.iter() {
        *label_count.entry(event.label.clone()).or_default() += 1;
    }
    for (i, (event, _)) in built.iter_mut().enumerate() {
        if label_count.get(&event.label).copied().unwrap_or(0) < 2 {
            continue;
        }
        let surnames: Vec<&str> = event
            .participants
            .iter()
            .take(2)
            .filter_map(|&p| actors.actors.get(p as usize))
            .map(short_name)
            .collect();
        event.label = match (&event.place, surnames.is_empty(), &event.date) {
            (Some(place), false, _) => format!("{} {} in {place}", surnames.join("-"), event.kind),
            (_, _, Some(date)) => format!("{} ({date})", event.label),
            _ => format!("{} ({})", event.label, i + 1),
        };
    }
    let labels: Vec<String> = built.iter().map(|(e, _)| e.label.clone()).collect();
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, (event, _)) in built.iter_mut().enumerate() {
        if !seen.insert(labels[i].as_str()) {
            event.label = format!("{} ({})", event.label, i + 1);
        }
    }
}
