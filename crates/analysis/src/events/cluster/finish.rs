//! A cluster made an [`Event`]: its kind, date, participants and mentions, and a label
//! that stays a key across the corpus.

use std::sync::Arc;

use super::{n_fields, Candidate, Cluster, ClusterKey};
use crate::actors::{ActorId, ActorIndex, ActorKind};
use crate::corpus::Document;
use crate::events::dates::{self, DateParts, EventDate};
use crate::events::kinds::EventKind;
use crate::events::modality::{self, EventStatus};
use crate::events::{document_day, Event, EventMention};
use crate::fxhash::{FxHashMap, FxHashSet};

pub(super) fn finish(
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
        .map(|&(_, d)| d)
        .filter(|d| !d.unresolved)
        .collect();
    resolved.sort_by_key(|d| (d.precision(), std::cmp::Reverse(d.parts.year.is_some())));
    // Reports of one happening days apart each date it by their own day ("died Tuesday"
    // read against each article's date): among the dates as precise as the best, the one
    // most mentions give leads, the earliest on a tie (the happening precedes its reports).
    if let Some(first) = resolved.first().copied() {
        let key = |d: &EventDate| (d.precision(), d.parts.year.is_some());
        let given = |d: &EventDate| resolved.iter().filter(|e| e.parts == d.parts).count();
        let lead = (resolved.iter().copied())
            .take_while(|d| key(d) == key(first))
            .max_by(|a, b| {
                let at = |d: &EventDate| (d.parts.year, d.parts.month, d.parts.day);
                given(a).cmp(&given(b)).then_with(|| at(b).cmp(&at(a)))
            });
        if let Some(at) = lead.and_then(|lead| resolved.iter().position(|d| std::ptr::eq(*d, lead)))
        {
            let lead = resolved.remove(at);
            resolved.insert(0, lead);
        }
    }
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
        .or_else(|| cluster.dates.first().map(|&(_, d)| d));
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
        .zip(&cluster.joined)
        .filter_map(|(m, &joined)| {
            let doc = docs.get(m.doc as usize)?;
            doc.text().get(m.local.span.clone())?;
            Some(EventMention {
                doc: m.doc,
                span: m.local.span.clone().into(),
                sentence: m.local.sentence.clone().into(),
                kind: m.local.kind,
                n_fields: n_fields(m),
                joined,
            })
        })
        .collect();
    mentions.sort_by_key(|m| (m.doc, m.span.start));
    mentions.dedup_by_key(|m| (m.doc, m.span));

    let label = label(
        kind,
        cluster.place.as_deref(),
        &participants,
        date.as_deref(),
        actors,
    );
    // The venue most members name (case aside), the first named on a tie.
    let mut venues: Vec<(&str, usize)> = Vec::new();
    for venue in members.iter().filter_map(|m| m.local.venue.as_ref()) {
        match venues
            .iter_mut()
            .find(|(v, _)| v.eq_ignore_ascii_case(&venue.name))
        {
            Some((_, n)) => *n += 1,
            None => venues.push((&venue.name, 1)),
        }
    }
    let venue = (venues.iter())
        .fold(None::<(&str, usize)>, |best, &(v, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((v, n)),
        })
        .map(|(v, _)| v.to_string());
    let event = Event {
        label,
        kind,
        date,
        precision,
        status: status(&members, docs),
        place: cluster.place.clone(),
        venue,
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

/// The event's status from what each of its documents says (see
/// [`modality::event_status`]). The documents' days are only read when the documents
/// disagree on the outcome.
fn status(members: &[&Candidate], docs: &[Arc<Document>]) -> EventStatus {
    let mut by_doc: FxHashMap<u32, EventStatus> = FxHashMap::default();
    for m in members {
        let verdict = by_doc.entry(m.doc).or_insert(m.local.status);
        *verdict = modality::document_verdict([*verdict, m.local.status]);
    }
    let outcome_differs = by_doc.values().any(|s| *s == EventStatus::Cancelled)
        && by_doc.values().any(|s| *s == EventStatus::Happened);
    let verdicts: Vec<_> = by_doc
        .iter()
        .map(|(&doc, &verdict)| {
            let day = match docs.get(doc as usize) {
                Some(d) if outcome_differs => document_day(d),
                _ => None,
            };
            (day, verdict)
        })
        .collect();
    modality::event_status(&verdicts)
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
fn short_name(actor: &crate::actors::Actor) -> &str {
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
pub(super) fn disambiguate_labels(built: &mut [(Event, ClusterKey)], actors: &ActorIndex) {
    // Which labels to change is decided over borrowed labels first: a large corpus has
    // hundreds of thousands of them, not worth copying.
    let shared = {
        let mut label_count: FxHashMap<&str, usize> = FxHashMap::default();
        for (event, _) in built.iter() {
            *label_count.entry(event.label.as_str()).or_default() += 1;
        }
        (built.iter())
            .map(|(event, _)| {
                label_count
                    .get(event.label.as_str())
                    .is_some_and(|&n| n >= 2)
            })
            .collect::<Vec<bool>>()
    };
    for (i, (event, _)) in built.iter_mut().enumerate() {
        if !shared[i] {
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
    let repeated = {
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        (built.iter())
            .map(|(event, _)| !seen.insert(event.label.as_str()))
            .collect::<Vec<bool>>()
    };
    for (i, (event, _)) in built.iter_mut().enumerate() {
        if repeated[i] {
            event.label = format!("{} ({})", event.label, i + 1);
        }
    }
}
