//! Events in briefs: hover, definition, references, completion, symbols, tokens.
//!
//! A brief's event mentions are found by the same extraction as the corpus's ("the
//! Helsinki summit", "Putin's meeting with Netanyahu", "the February 7, 2018 attack"),
//! with actors from the corpus index, then matched to the corpus-wide events; a label
//! written as such ("Sochi congress") is found too.

use std::collections::{BinaryHeap, HashMap, HashSet};
use std::ops::Range;

use super::cursor::typed_word;
use super::ranking::fuzzy_score;
use super::types::{
    BriefFile, Completion, CompletionKind, CompletionTarget, Context, HoverResult, Location,
    NavTarget, Navigation, SemanticToken, TokenKind, WorkspaceSymbol, WorkspaceSymbolKind,
    MAX_COMPLETIONS,
};
use crate::actors::ActorId;
use crate::events::complete::{self, Field};
use crate::events::{self, dates::DateContext, ActorSpan, Event, EventStatus, JoinReasons};

/// How many source documents an event card quotes.
const MAX_SOURCES: usize = 10;

/// One event named in a brief.
#[derive(Debug, Clone, PartialEq)]
struct BriefEvent {
    /// The words that name the event.
    span: Range<usize>,
    /// Where a hover answers: the words, the trigger, the bound place and date.
    hit_ranges: Vec<Range<usize>>,
    /// For the semantic token: the trigger word, or the label as written.
    token: Range<usize>,
    event: usize,
    /// How the brief presents it (a label written as such: happened).
    status: EventStatus,
}

pub fn hover(cx: Context, file: &BriefFile, offset: usize) -> Option<HoverResult> {
    let found = event_at(cx, file, offset)?;
    Some(HoverResult {
        range: found.span.clone(),
        markdown: card(cx, found.event, Some(found.status)),
    })
}

pub fn definition(cx: Context, file: &BriefFile, offset: usize) -> Option<Navigation> {
    let found = event_at(cx, file, offset)?;
    let mention = cx.corpus.events.fullest_mention(found.event)?;
    Some(Navigation {
        origin: found.span,
        targets: vec![NavTarget {
            doc: mention.doc,
            full_range: mention.sentence.range(),
            focus_range: mention.span.range(),
        }],
    })
}

pub fn references(
    cx: Context,
    briefs: &[&BriefFile],
    file: &BriefFile,
    offset: usize,
) -> Option<Vec<Location>> {
    let found = event_at(cx, file, offset)?;
    let event = cx.corpus.events.events.get(found.event)?;
    let mut locations: Vec<Location> = event
        .mentions
        .iter()
        .map(|m| Location::Corpus {
            doc: m.doc,
            range: m.span.range(),
        })
        .collect();
    for brief in briefs {
        if cx.is_cancelled() {
            break;
        }
        for mention in brief_events(cx, brief) {
            if mention.event == found.event {
                locations.push(Location::Brief {
                    id: brief.id.clone(),
                    range: mention.span,
                });
            }
        }
    }
    Some(locations)
}

pub fn completion(cx: Context, file: &BriefFile, offset: usize) -> Vec<Completion> {
    let offset = offset.min(file.text.len());
    if !file.text.is_char_boundary(offset) {
        return Vec::new();
    }
    let word = typed_word(&file.text, offset);
    let in_prose =
        file.brief.masked.as_bytes().get(word.start) == file.text.as_bytes().get(word.start);
    let typed = file.text[word.clone()].trim_start_matches(['\'', '’', '-', '.']);
    if typed.chars().count() < 2 || !in_prose {
        return Vec::new();
    }
    let typed_lower = typed.to_lowercase();
    let index = &cx.corpus.events;
    // The events that match come from the index's prefix table in increasing order of a
    // bound of their rank; each is ranked exactly, and the walk stops once the worst of the
    // best kept ranks no higher than the next bound: nothing unread can enter the list.
    let mut names_matched: HashMap<ActorId, Option<&str>> = HashMap::new();
    let mut seen: HashSet<usize> = HashSet::new();
    // (rank key, event, rank, what matched): the key orders by rank, label and index.
    let mut best: BinaryHeap<(u64, usize, u32, &str)> = BinaryHeap::new();
    for (n, (bound, i)) in index.completion_candidates(&typed_lower).enumerate() {
        if n % 1024 == 0 && cx.is_cancelled() {
            return Vec::new();
        }
        let full = best.len() >= MAX_COMPLETIONS;
        if full && best.peek().is_some_and(|worst| worst.0 <= bound) {
            break;
        }
        if !seen.insert(i) {
            continue;
        }
        let Some(event) = index.events.get(i) else {
            continue;
        };
        let Some((matched, tier)) = match_event(cx, event, &typed_lower, &mut names_matched) else {
            continue;
        };
        let rank = tier + complete::salience(event);
        best.push((index.completion_rank_key(i, rank), i, rank, matched));
        if best.len() > MAX_COMPLETIONS {
            best.pop();
        }
    }
    best.into_sorted_vec()
        .iter()
        .filter_map(|&(_, i, rank, matched)| {
            let event = index.events.get(i)?;
            let label = event.label.as_str();
            Some(Completion {
                label: label.to_string(),
                kind: CompletionKind::Event,
                detail: Some(detail(cx, event)),
                documentation: None,
                target: Some(CompletionTarget::Event(i)),
                filter_text: if matched.eq_ignore_ascii_case(label) {
                    label.to_string()
                } else {
                    format!("{matched} {label}")
                },
                insert_text: label.to_string(),
                edit_range: word.clone(),
                rank,
            })
        })
        .collect()
}

/// The card of an event offered by completion (`completionItem/resolve`).
pub(super) fn completion_documentation(cx: Context, idx: usize, label: &str) -> Option<String> {
    let event = cx.corpus.events.events.get(idx)?;
    (event.label == label).then(|| card(cx, idx, None))
}

pub fn semantic_tokens(cx: Context, file: &BriefFile) -> Vec<SemanticToken> {
    brief_events(cx, file)
        .into_iter()
        .map(|m| SemanticToken {
            range: m.token,
            kind: TokenKind::Event,
        })
        .collect()
}

pub fn workspace_symbols(cx: Context, query: &str) -> Vec<WorkspaceSymbol> {
    let index = &cx.corpus.events;
    let mut scored: Vec<(u32, WorkspaceSymbol)> = index
        .events
        .iter()
        .enumerate()
        .take_while(|(i, _)| i % 1024 != 0 || !cx.is_cancelled())
        .filter_map(|(i, event)| {
            let score = fuzzy_score(query, &event.label)?;
            let mention = index.fullest_mention(i)?;
            let container = match (&event.date, &event.place) {
                (Some(date), Some(place)) => Some(format!("{date}, {place}")),
                (Some(date), None) => Some(date.clone()),
                (None, place) => place.clone(),
            };
            Some((
                score,
                WorkspaceSymbol {
                    name: event.label.clone(),
                    kind: WorkspaceSymbolKind::Event,
                    doc: mention.doc,
                    range: mention.span.range(),
                    container,
                },
            ))
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
    scored.into_iter().map(|(_, s)| s).collect()
}

/// The first `limit` events an actor takes part in, as "label (date)" lines, dated ones
/// first in order: for the actor hover.
pub fn events_of_actor(cx: Context, actor: ActorId, limit: usize) -> Vec<String> {
    let index = &cx.corpus.events;
    index
        .events_of_actor(actor)
        .iter()
        .filter_map(|&i| index.events.get(i as usize))
        .take(limit)
        .map(|e| match &e.date {
            Some(date) => format!("{} ({date})", e.label),
            None => e.label.clone(),
        })
        .collect()
}

fn event_at(cx: Context, file: &BriefFile, offset: usize) -> Option<BriefEvent> {
    brief_events(cx, file).into_iter().find(|m| {
        m.hit_ranges
            .iter()
            .any(|r| r.start <= offset && offset < r.end.max(r.start + 1))
    })
}

/// Every event mention of a brief that names a corpus event, in offset order.
fn brief_events(cx: Context, file: &BriefFile) -> Vec<BriefEvent> {
    let index = &cx.corpus.events;
    if index.events.is_empty() {
        return Vec::new();
    }
    let text = &file.brief.masked;
    let actors = &cx.corpus.actors;
    let mut spans: Vec<ActorSpan> = actors
        .find_in_text(text)
        .into_iter()
        .filter_map(|m| {
            let actor = actors.actors.get(m.actor as usize)?;
            let written = text.get(m.span.range())?;
            Some(ActorSpan {
                proper: events::is_proper(written, &actor.name, &actor.aliases, actor.kind),
                span: m.span.range(),
                actor: m.actor,
                kind: actor.kind,
                name: actor.name.clone(),
            })
        })
        .collect();
    spans.sort_by_key(|s| (s.span.start, s.span.end));
    // Mentions whose status keeps them from the event they would match ("if Trump meets
    // Putin in Geneva"): a label written inside one still names the event, marked so.
    let mut unlinked: Vec<(Range<usize>, EventStatus)> = Vec::new();
    let mut found: Vec<BriefEvent> =
        events::extract(text, 0..text.len(), &spans, DateContext::default())
            .into_iter()
            .filter_map(|local| {
                let Some(event) = index.resolve(&local) else {
                    if !local.status.is_reported() {
                        unlinked.push((local.span.clone(), local.status));
                    }
                    return None;
                };
                let mut hit_ranges = vec![local.span.clone(), local.trigger.clone()];
                let mut span = local.span.clone();
                if let Some(place) = &local.place {
                    hit_ranges.push(place.span.clone());
                }
                if let Some(date) = &local.date {
                    // "the February 7, 2018 attack" and "the summit on July 16": the date is
                    // part of what names the event.
                    if date.span.end <= local.trigger.start && date.span.start + 40 >= span.start
                        || date.span.start >= span.end && date.span.start <= span.end + 20
                    {
                        span = span.start.min(date.span.start)..span.end.max(date.span.end);
                    }
                    hit_ranges.push(date.span.clone());
                }
                Some(BriefEvent {
                    span,
                    hit_ranges,
                    token: local.trigger,
                    event,
                    status: local.status,
                })
            })
            .collect();
    // Labels written as such ("Sochi congress"), where extraction did not already see them.
    // Looked up by the brief's own words (every span between word boundaries, up to the
    // longest label), so the cost follows the brief, not the number of events. The
    // earliest event wins, as if every event's label were searched in turn.
    let lower = text.to_ascii_lowercase();
    let mut written: Vec<(usize, Range<usize>)> = Vec::new();
    let is_start = |at: usize| {
        !text[..at].ends_with(char::is_alphanumeric) && !text[at..].starts_with(char::is_whitespace)
    };
    let ends: Vec<usize> = (1..=text.len())
        .filter(|&at| text.is_char_boundary(at))
        .filter(|&at| {
            !text[at..].starts_with(char::is_alphanumeric)
                && !text[..at].ends_with(char::is_whitespace)
        })
        .collect();
    let max_len = index.max_label_len();
    for start in (0..text.len()).filter(|&at| text.is_char_boundary(at) && is_start(at)) {
        if start % 4096 == 0 && cx.is_cancelled() {
            break;
        }
        let first = ends.partition_point(|&end| end < start + 4);
        for &end in ends[first..]
            .iter()
            .take_while(|&&end| end <= start + max_len)
        {
            if let Some(event) = index.event_by_label(&lower[start..end]) {
                written.push((event, start..end));
            }
        }
    }
    written.sort_by_key(|(event, range)| (*event, range.start));
    for (event, range) in written {
        if !found
            .iter()
            .any(|m| m.span.start < range.end && range.start < m.span.end)
        {
            let status = unlinked
                .iter()
                .find(|(span, _)| span.start < range.end && range.start < span.end)
                .map_or(EventStatus::Happened, |&(_, status)| status);
            found.push(BriefEvent {
                span: range.clone(),
                hit_ranges: vec![range.clone()],
                token: range,
                event,
                status,
            });
        }
    }
    found.sort_by_key(|m| m.span.start);
    found
}

/// What the typed word matches in an event: its label, place, kind or a participant, the
/// first of them in that order, with the tier of that [`Field`] (the completion table's
/// bounds are built on the same fields and tiers). `names_matched` remembers each
/// participant's answer: actors take part in many events.
fn match_event<'a>(
    cx: Context<'a>,
    event: &'a Event,
    typed_lower: &str,
    names_matched: &mut HashMap<ActorId, Option<&'a str>>,
) -> Option<(&'a str, u32)> {
    if starts_lowercase(&event.label, typed_lower) {
        return Some((&event.label, Field::Label.tier()));
    }
    if let Some(place) = event
        .place
        .as_ref()
        .filter(|p| starts_lowercase(p, typed_lower))
    {
        return Some((place, Field::Place.tier()));
    }
    if starts_lowercase(event.kind.as_str(), typed_lower) {
        return Some((event.kind.as_str(), Field::Kind.tier()));
    }
    for &p in &event.participants {
        let matched = *names_matched.entry(p).or_insert_with(|| {
            let actor = cx.corpus.actors.actors.get(p as usize)?;
            std::iter::once(&actor.name)
                .chain(actor.aliases.iter())
                .find_map(|name| {
                    if starts_lowercase(name, typed_lower) {
                        return Some(name.as_str());
                    }
                    name.split(' ')
                        .skip(1)
                        .find(|w| starts_lowercase(w, typed_lower))
                })
        });
        if let Some(name) = matched {
            return Some((name, Field::Participant.tier()));
        }
    }
    None
}

/// `candidate.to_lowercase().starts_with(typed_lower)` without allocating.
fn starts_lowercase(candidate: &str, typed_lower: &str) -> bool {
    let mut lowered = candidate.chars().flat_map(char::to_lowercase);
    typed_lower.chars().all(|t| lowered.next() == Some(t))
}

fn participant_names(cx: Context, event: &Event) -> Vec<String> {
    event
        .participants
        .iter()
        .filter_map(|&p| cx.corpus.actors.actors.get(p as usize))
        .map(|a| a.name.clone())
        .collect()
}

fn detail(cx: Context, event: &Event) -> String {
    let mut parts = vec![format!("{}, {}", event.kind, event.status.as_str())];
    if let Some(date) = &event.date {
        parts.push(date.clone());
    }
    let people = participant_names(cx, event);
    if !people.is_empty() {
        parts.push(people.join(", "));
    }
    parts.join(" · ")
}

/// The hover card: label, kind, status, date with precision, place, participants, why
/// its mentions were joined, sources. `in_brief` is how the brief hovered presents the
/// event, if a brief does.
fn card(cx: Context, event_idx: usize, in_brief: Option<EventStatus>) -> String {
    let Some(event) = cx.corpus.events.events.get(event_idx) else {
        return String::new();
    };
    let mut out = format!("**{}** ({})\n", event.label, event.kind);
    out.push_str(&format!("\n- status: {}", event.status.as_str()));
    // The brief's word when it marks one the corpus does not share: "Moscow denied the
    // Douma attack" names the attack, but the brief does not assert it. An unmarked
    // mention ("the summit") reads as happened and says nothing of its own.
    if let Some(status) = in_brief.filter(|&s| s != EventStatus::Happened && s != event.status) {
        out.push_str(&format!(" (in this brief: {})", status.as_str()));
    }
    if let Some(date) = &event.date {
        let precision = event
            .precision
            .map(|p| format!(" ({})", p.as_str()))
            .unwrap_or_default();
        out.push_str(&format!("\n- date: {date}{precision}"));
    }
    if let Some(place) = &event.place {
        out.push_str(&format!("\n- place: {place}"));
    }
    let people = participant_names(cx, event);
    if !people.is_empty() {
        out.push_str(&format!("\n- participants: {}", people.join(", ")));
    }
    let n_docs = {
        let mut docs: Vec<u32> = event.mentions.iter().map(|m| m.doc).collect();
        docs.dedup();
        docs.len()
    };
    out.push_str(&format!(
        "\n- {} mention{} in {n_docs} document{}",
        event.mentions.len(),
        if event.mentions.len() == 1 { "" } else { "s" },
        if n_docs == 1 { "" } else { "s" }
    ));
    if let Some(joined) = joined_line(event) {
        out.push_str(&format!("\n- joined: {joined}"));
    }
    out.push_str("\n\n**Sources**\n");
    // A card, not a report: a much-covered event lists its first sources only.
    let mut last_doc = None;
    let mut n_listed = 0;
    for mention in &event.mentions {
        if last_doc == Some(mention.doc) {
            continue;
        }
        last_doc = Some(mention.doc);
        if n_listed == MAX_SOURCES {
            let more = n_docs - MAX_SOURCES;
            let s = if more == 1 { "" } else { "s" };
            out.push_str(&format!("\n- … and {more} more document{s}"));
            break;
        }
        n_listed += 1;
        let doc = cx.corpus.doc(mention.doc);
        let sentence = doc.text().get(mention.sentence.range()).unwrap_or_default();
        out.push_str(&format!("\n- `{}`: {}", doc.key, shorten(sentence, 220)));
    }
    out
}

/// "3 mentions by same date and place, 1 by same people": the mentions that joined the
/// event's first one, grouped by what they shared with it, the largest group first.
fn joined_line(event: &Event) -> Option<String> {
    let mut groups: Vec<(JoinReasons, usize)> = Vec::new();
    for mention in event.mentions.iter().filter(|m| !m.joined.is_empty()) {
        match groups.iter_mut().find(|(r, _)| *r == mention.joined) {
            Some((_, n)) => *n += 1,
            None => groups.push((mention.joined, 1)),
        }
    }
    groups.sort_by_key(|&(reasons, n)| (std::cmp::Reverse(n), reasons.bits()));
    let parts: Vec<String> = groups
        .iter()
        .enumerate()
        .map(|(i, (reasons, n))| {
            let noun = match (i, n) {
                (0, 1) => " mention",
                (0, _) => " mentions",
                _ => "",
            };
            let by = if reasons.contains(JoinReasons::REFERS_BACK) {
                ""
            } else {
                "by "
            };
            format!("{n}{noun} {by}{}", reasons.describe())
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn shorten(text: &str, max_chars: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let cut: String = text.chars().take(max_chars).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests;
