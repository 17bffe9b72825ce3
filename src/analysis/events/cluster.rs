//! Cross-document clustering: mentions of the same happening (same kind family, the same
//! place or the same people, dates that do not disagree) become one [`Event`].
//!
//! Greedy, most informative mentions first, so that "the summit" joins the event its
//! document anchors and a mention never chains two incompatible events together.

use std::collections::HashMap;
use std::sync::Arc;

use super::dates::{self, DateParts, EventDate};
use super::extract::LocalEvent;
use super::places;
use super::triggers::{EventKind, KindFamily};
use super::{DocEvents, Event, EventMention};
use crate::analysis::actors::{ActorId, ActorIndex, ActorKind};
use crate::analysis::corpus::{DocId, Document};

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
    participants: Vec<ActorId>,
    /// "the summit" with neither place nor date: it refers to the event of that kind its
    /// document already spoke of, whoever it names.
    definite_reference: bool,
}

#[derive(Default)]
struct Cluster {
    family: Option<KindFamily>,
    place: Option<String>,
    dates: Vec<(DocId, EventDate)>,
    participants: Vec<(ActorId, usize)>,
    members: Vec<usize>,
    /// `members` grouped by document, so that same-document tests do not walk a large
    /// cluster's every member.
    members_by_doc: HashMap<DocId, Vec<usize>>,
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
    let mut candidates = Vec::new();
    for (doc_idx, doc_events) in per_doc.iter().enumerate() {
        let doc = doc_idx as DocId;
        for local in &doc_events.mentions {
            let participants = local
                .participants
                .iter()
                .filter_map(|&p| actors.global_id(doc, p))
                .collect();
            let place = local.place.as_ref().map(|p| {
                if places::is_gazetteer_place(&p.name) {
                    p.name.clone()
                } else {
                    places::closest_known(&p.name, &known_places).unwrap_or_else(|| p.name.clone())
                }
            });
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
        // Only clusters sharing a place, a participant, a day or the document can fit
        // (see `fits`), so only those are scored: without this the merge is quadratic.
        let best = lookup
            .neighbours(candidate)
            .into_iter()
            .filter_map(|ci| fits(&clusters[ci], candidate, &candidates).map(|s| (s, ci)))
            .max_by_key(|&(score, ci)| (score, std::cmp::Reverse(ci)));
        let ci = match best {
            Some((_, ci)) => ci,
            None => {
                clusters.push(Cluster::default());
                clusters.len() - 1
            }
        };
        clusters[ci].add(i, candidate);
        lookup.record(ci, candidate);
    }

    // Bare definite mentions ("the summit") join the most salient event of their
    // family in the same document, else nothing.
    for (i, candidate) in candidates.iter().enumerate() {
        if candidate.local.anchored {
            continue;
        }
        let family = candidate.local.kind.family();
        let in_same_doc = lookup
            .by_doc
            .get(&candidate.doc)
            .cloned()
            .unwrap_or_default();
        let best = in_same_doc
            .into_iter()
            .map(|ci| (ci, &clusters[ci]))
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

/// Clusters by what a mention can share with them: place (and its parent), participant,
/// day of the month, document. Entries may repeat or be stale; `fits` decides.
#[derive(Default)]
struct ClusterLookup {
    by_place: HashMap<String, Vec<usize>>,
    by_participant: HashMap<ActorId, Vec<usize>>,
    by_day: HashMap<(u8, u8), Vec<usize>>,
    by_doc: HashMap<DocId, Vec<usize>>,
}

impl ClusterLookup {
    fn record(&mut self, ci: usize, candidate: &Candidate) {
        for key in place_keys(candidate) {
            push_unique(self.by_place.entry(key).or_default(), ci);
        }
        for &p in &candidate.participants {
            push_unique(self.by_participant.entry(p).or_default(), ci);
        }
        if let Some(day) = day_key(candidate) {
            push_unique(self.by_day.entry(day).or_default(), ci);
        }
        push_unique(self.by_doc.entry(candidate.doc).or_default(), ci);
    }

    /// Clusters that may fit `candidate`, in increasing order.
    fn neighbours(&self, candidate: &Candidate) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        for key in place_keys(candidate) {
            found.extend(self.by_place.get(&key).into_iter().flatten());
        }
        for p in &candidate.participants {
            found.extend(self.by_participant.get(p).into_iter().flatten());
        }
        if let Some(day) = day_key(candidate) {
            found.extend(self.by_day.get(&day).into_iter().flatten());
        }
        found.extend(self.by_doc.get(&candidate.doc).into_iter().flatten());
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// A place and the place that holds it, lower-cased: a cluster in Helsinki is found from a
/// mention in Finland and the other way round.
fn place_keys(candidate: &Candidate) -> Vec<String> {
    let Some(place) = &candidate.place else {
        return Vec::new();
    };
    let mut keys = vec![place.to_lowercase()];
    keys.extend(places::parent_of(place).map(str::to_lowercase));
    keys
}

fn day_key(candidate: &Candidate) -> Option<(u8, u8)> {
    let parts = &candidate.local.date.as_ref()?.parts;
    Some((parts.month?, parts.day?))
}

fn push_unique(list: &mut Vec<usize>, ci: usize) {
    if list.last() != Some(&ci) {
        list.push(ci);
    }
}

fn n_fields(c: &Candidate) -> u8 {
    u8::from(c.place.is_some())
        + u8::from(c.local.date.is_some())
        + u8::from(!c.participants.is_empty())
        + u8::from(c.participants.len() > 1)
}

impl Cluster {
    fn add(&mut self, index: usize, candidate: &Candidate) {
        self.family = Some(candidate.local.kind.family());
        if self.place.is_none() {
            self.place = candidate.place.clone();
        } else if let (Some(current), Some(new)) = (&self.place, &candidate.place) {
            // The more specific place wins ("Tehran" over "Iran").
            if places::parent_of(new).is_some_and(|p| p.eq_ignore_ascii_case(current)) {
                self.place = Some(new.clone());
            }
        }
        if let Some(date) = &candidate.local.date {
            self.dates.push((candidate.doc, date.clone()));
        }
        for &p in &candidate.participants {
            match self.participants.iter_mut().find(|(id, _)| *id == p) {
                Some((_, n)) => *n += 1,
                None => self.participants.push((p, 1)),
            }
        }
        self.all_span_days =
            candidate.local.kind.spans_days() && (self.members.is_empty() || self.all_span_days);
        self.members.push(index);
        self.members_by_doc
            .entry(candidate.doc)
            .or_default()
            .push(index);
    }
}

/// How well a mention fits a cluster, `None` when it cannot be the same event.
fn fits(cluster: &Cluster, candidate: &Candidate, all: &[Candidate]) -> Option<u32> {
    if cluster.family != Some(candidate.local.kind.family()) {
        return None;
    }
    let mut place_match = false;
    if let (Some(a), Some(b)) = (&cluster.place, &candidate.place) {
        if !places::same_or_within(a, b) {
            return None;
        }
        place_match = true;
    }
    let mut same_day = false;
    if let Some(date) = &candidate.local.date {
        for (doc, other) in &cluster.dates {
            let relative = date.unresolved || other.unresolved;
            if relative && *doc != candidate.doc {
                continue;
            }
            // Talks that opened on March 4 and resumed on March 12 in one place are one.
            let same_gathering = place_match
                && *doc == candidate.doc
                && days_apart(date, other) <= 7
                && candidate.local.kind.spans_days();
            if !same_gathering && !dates::compatible(&date.parts, &other.parts) {
                return None;
            }
            same_day |= !relative && dates::same_day(&date.parts, &other.parts);
        }
    }
    let cluster_people: Vec<ActorId> = cluster.participants.iter().map(|(p, _)| *p).collect();
    let shared = candidate
        .participants
        .iter()
        .filter(|p| cluster_people.contains(p))
        .count();
    let only_mention = candidate.participants.len() - shared;
    let only_cluster = cluster_people.len() - shared;
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
                .min(cluster_people.len());
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
    let labels: Vec<String> = built.iter().map(|(e, _)| e.label.clone()).collect();
    for (i, (event, _)) in built.iter_mut().enumerate() {
        if labels.iter().filter(|l| **l == labels[i]).count() < 2 {
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
    for (i, (event, _)) in built.iter_mut().enumerate() {
        if labels[..i].contains(&event.label) {
            event.label = format!("{} ({})", event.label, i + 1);
        }
    }
}
