//! Cross-document clustering: mentions of the same happening (same kind family, the same
//! place or the same people, dates that do not disagree) become one [`Event`].
//!
//! Greedy, most informative mentions first, so that "the summit" joins the event its
//! document anchors and a mention never chains two incompatible events together.

use std::sync::Arc;

use super::dates::{self, DateParts, EventDate};
use super::extract::LocalEvent;
use super::places;
use super::triggers::{EventKind, KindFamily};
use super::{DocEvents, Event, EventMention};
use crate::analysis::actors::{ActorId, ActorIndex, ActorKind};
use crate::analysis::corpus::{DocId, Document};

/// The merged fields of an event, which brief mentions are matched against.
#[derive(Debug, Clone, Default)]
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
}

#[derive(Default)]
struct Cluster {
    family: Option<KindFamily>,
    place: Option<String>,
    dates: Vec<(DocId, EventDate)>,
    participants: Vec<(ActorId, usize)>,
    members: Vec<usize>,
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
            candidates.push(Candidate {
                doc,
                local,
                place,
                participants,
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
    for &i in &order {
        let candidate = &candidates[i];
        let best = clusters
            .iter()
            .enumerate()
            .filter_map(|(ci, cluster)| fits(cluster, candidate, &candidates).map(|s| (s, ci)))
            .max_by_key(|&(score, ci)| (score, std::cmp::Reverse(ci)));
        let ci = match best {
            Some((_, ci)) => ci,
            None => {
                clusters.push(Cluster::default());
                clusters.len() - 1
            }
        };
        clusters[ci].add(i, candidate);
    }

    // Bare definite mentions ("the summit") join the most salient event of their
    // family in the same document, else nothing.
    for (i, candidate) in candidates.iter().enumerate() {
        if candidate.local.anchored {
            continue;
        }
        let family = candidate.local.kind.family();
        let best = clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| c.family == Some(family))
            .filter_map(|(ci, c)| {
                let in_doc: Vec<&Candidate> = c
                    .members
                    .iter()
                    .map(|&m| &candidates[m])
                    .filter(|m| m.doc == candidate.doc)
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
        self.members.push(index);
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
            if !dates::compatible(&date.parts, &other.parts) {
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
    if only_mention > 0 && only_cluster > 0 && shared < 2 {
        return None; // Netanyahu-Putin is not Velayati-Putin
    }
    let people_match = shared >= 1
        && shared
            >= 2.min(candidate.participants.len())
                .min(cluster_people.len());
    let same_doc = cluster.members.iter().any(|&m| all[m].doc == candidate.doc);
    // Two triggers of one family in one sentence ("met ... for talks") are one event.
    let same_sentence = cluster
        .members
        .iter()
        .any(|&m| all[m].doc == candidate.doc && all[m].local.sentence == candidate.local.sentence);
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
        .map(|a| a.name.rsplit(' ').next().unwrap_or(&a.name))
        .collect();
    if !surnames.is_empty() {
        return format!("{} {kind}", surnames.join("-"));
    }
    match date {
        Some(date) => format!("{kind} of {date}"),
        None => kind.to_string(),
    }
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
            .map(|a| a.name.rsplit(' ').next().unwrap_or(&a.name))
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
