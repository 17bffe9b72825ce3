//! Events: what happened, when, where and with whom, clustered across documents.
//!
//! Extraction runs per document ([`extract_document`]): trigger words ("summit", "met",
//! "chemical attack") anchored by a place, a date or participants in their clause.
//! [`EventIndex::build`] then merges mentions that speak of the same happening (same kind
//! family, same place or people, compatible dates) into corpus-wide [`Event`]s.
//! See docs/events.md for the rules and their reasons.

mod adjuncts;
mod blows;
mod clause;
mod cluster;
pub mod complete;
pub mod dates;
mod extract;
mod gates;
mod kinds;
mod lead;
mod lexicon;
pub mod modality;
mod offences;
mod participants;
mod patterns;
mod places;
mod sport;
mod story;
pub mod triggers;
mod words;

pub(crate) use words::is_abbreviation;

#[cfg(test)]
mod tests;

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::actors::{ActorId, ActorIndex, ActorKind, DocActors};
use super::corpus::{DocId, Document};
use super::span::Span;
use dossier_packed::{offset, Words};

pub use clause::{ActorSpan, LocalEvent, PlaceRef};
use dates::DateMatches;
pub use dates::{DateParts, DatePrecision, EventDate};
pub use extract::extract;
pub use kinds::{EventKind, KindFamily};
pub use modality::{Day, EventStatus};

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EventMention {
    pub doc: DocId,
    /// The words that name the event ("the July 16 meeting in Helsinki").
    pub span: Span,
    /// The sentence that holds the mention, for hovers that cite the source.
    pub sentence: Span,
    pub kind: EventKind,
    /// How many of place, date and participants this mention gives (the fullest mention
    /// is the definition).
    pub n_fields: u8,
    /// What it shared with the event when it joined it; empty for the mention the event
    /// began with. Stored in the byte above `n_fields`.
    pub joined: JoinReasons,
}

/// Why a mention joined an event's cluster (see `cluster/fit.rs`): a set of reasons in
/// one byte, since mentions are kept by the million.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct JoinReasons(u8);

impl JoinReasons {
    /// The same place, or a place within the other ("Astana" and "Kazakhstan").
    pub const PLACE: JoinReasons = JoinReasons(1);
    /// The same people: two of them, or all of the smaller side.
    pub const PEOPLE: JoinReasons = JoinReasons(1 << 1);
    /// The same day.
    pub const DAY: JoinReasons = JoinReasons(1 << 2);
    /// A mention of the same family in the same sentence ("met ... for talks").
    pub const SENTENCE: JoinReasons = JoinReasons(1 << 3);
    /// The same story: a general kind (a death, an arrest) in the same document.
    pub const STORY: JoinReasons = JoinReasons(1 << 4);
    /// "the summit" with no place or date, referring back to its document's event.
    pub const REFERS_BACK: JoinReasons = JoinReasons(1 << 5);
    const ALL: u8 = (1 << 6) - 1;

    pub fn empty() -> JoinReasons {
        JoinReasons(0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn contains(self, other: JoinReasons) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn insert(&mut self, other: JoinReasons) {
        self.0 |= other.0;
    }

    /// The byte stored in the cache.
    pub fn bits(self) -> u8 {
        self.0
    }

    /// The reasons of a stored byte; `None` for bits no reason has.
    pub fn from_bits(bits: u8) -> Option<JoinReasons> {
        (bits & !Self::ALL == 0).then_some(JoinReasons(bits))
    }

    /// "same date and place", "same people", "referring back": for the hover card.
    pub fn describe(self) -> String {
        if self.contains(JoinReasons::REFERS_BACK) {
            return "referring back".to_string();
        }
        let named = [
            (JoinReasons::DAY, "date"),
            (JoinReasons::PLACE, "place"),
            (JoinReasons::PEOPLE, "people"),
            (JoinReasons::SENTENCE, "sentence"),
            (JoinReasons::STORY, "story"),
        ];
        let words: Vec<&str> = named
            .iter()
            .filter(|(reason, _)| self.contains(*reason))
            .map(|(_, word)| *word)
            .collect();
        match words.split_last() {
            None => "nothing".to_string(),
            Some((last, [])) => format!("same {last}"),
            Some((last, rest)) => format!("same {} and {last}", rest.join(", ")),
        }
    }
}

// SAFETY: not plain (its kind is an enum), so only `put` and `take` are used.
unsafe impl Words for EventMention {
    const N: usize = 7;
    fn put(&self, out: &mut Vec<u32>) -> Option<()> {
        out.extend([
            self.doc,
            self.span.start,
            self.span.end,
            self.sentence.start,
            self.sentence.end,
            kind_number(self.kind),
            u32::from(self.n_fields) | u32::from(self.joined.bits()) << 8,
        ]);
        Some(())
    }
    fn take(words: &[u32]) -> Option<Self> {
        match *words {
            [doc, start, end, s_start, s_end, kind, fields] => Some(EventMention {
                doc,
                span: Span { start, end },
                sentence: Span {
                    start: s_start,
                    end: s_end,
                },
                kind: *KINDS.get(offset(kind))?,
                n_fields: u8::try_from(fields & 0xff).ok()?,
                joined: JoinReasons::from_bits(u8::try_from(fields >> 8).ok()?)?,
            }),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Event {
    pub label: String,
    pub kind: EventKind,
    /// ISO where the text allows (`2018-07-16`, `2017-11`, `2017-spring`), else the
    /// phrase as written ("July 16").
    pub date: Option<String>,
    /// How much of the date the text gave.
    pub precision: Option<DatePrecision>,
    /// Happened, planned or cancelled, from what its documents say
    /// ([`modality::event_status`]): a summit called off is a cancelled event.
    pub status: EventStatus,
    pub place: Option<String>,
    /// The facility or spot its mentions name most ("prison", "a Woodburn bank"), as
    /// written: where in `place` it happened ([`LocalEvent::venue`]).
    #[serde(default)]
    pub venue: Option<String>,
    #[serde(with = "crate::packed::vec")]
    pub participants: Vec<ActorId>,
    #[serde(with = "crate::packed::vec")]
    pub mentions: Vec<EventMention>,
}

/// What extraction found in one document.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DocEvents {
    /// In offset order; participants are local actor ids.
    pub mentions: Vec<LocalEvent>,
}

pub fn extract_document(doc: &Document, actors: &DocActors) -> DocEvents {
    let spans = doc_actor_spans(doc, actors);
    // The body's date expressions, matched at most once for the date context and events.
    let body_dates = OnceCell::new();
    let date_cx = date_context(doc, &body_dates);
    let mut mentions =
        extract::extract_with(doc.text(), doc.body.clone(), &spans, date_cx, &body_dates);
    if let Some(today) = date_cx.today {
        lead::date_lead_perfects(doc.text(), doc.body.clone(), today, &mut mentions);
    }
    if let (Some(place), Some(today)) = (dateline_place(doc, actors), date_cx.today) {
        // A dispatch reports from its dateline: what happened there on the day (or the
        // day or two before) and names no other place happened at the dateline.
        for mention in mentions.iter_mut().filter(|m| m.place.is_none()) {
            // "An earthquake struck Aleppo on Tuesday": a sentence that names another place
            // does not report from the dateline.
            let names_place = spans.iter().any(|a| {
                a.kind == ActorKind::Place
                    && a.proper
                    && a.name != place.name
                    && a.span.start >= mention.sentence.start
                    && a.span.end <= mention.sentence.end
            });
            if names_place {
                continue;
            }
            let Some(day) = mention.date.as_ref().and_then(|d| {
                let p = &d.parts;
                (!d.unresolved).then_some((p.year?, p.month?, p.day?))
            }) else {
                continue;
            };
            if (-2..=0).contains(&dates::days_between(today, day)) {
                mention.place = Some(place.clone());
            }
        }
    }
    sidelines_places(doc.text(), &mut mentions);
    story::share_story_places_and_dates(doc.text(), doc.body.clone(), &spans, &mut mentions);
    DocEvents { mentions }
}

/// "held talks on the sidelines of the summit": a placeless meeting on the sidelines of a
/// gathering is where the gathering is (the last one of the document before it, else the
/// first after).
fn sidelines_places(text: &str, mentions: &mut [LocalEvent]) {
    let gatherings: Vec<(usize, PlaceRef)> = mentions
        .iter()
        .filter(|m| {
            matches!(
                m.kind,
                EventKind::Summit | EventKind::Conference | EventKind::Congress
            )
        })
        .filter_map(|m| Some((m.span.start, m.place.clone()?)))
        .collect();
    if gatherings.is_empty() {
        return;
    }
    for mention in mentions.iter_mut().filter(|m| m.place.is_none()) {
        let on_sidelines = text
            .get(mention.sentence.clone())
            .is_some_and(|s| s.contains("sidelines of") || s.contains("sideline of"));
        if !on_sidelines {
            continue;
        }
        let at = mention.span.start;
        let place = gatherings
            .iter()
            .rev()
            .find(|(start, _)| *start < at)
            .or_else(|| gatherings.first())
            .map(|(_, p)| p.clone());
        mention.place = place;
    }
}

/// The body's first line up to the dash or comma of a dateline ("RIO DE JANEIRO —",
/// "DOHA, March 12 (Wire) -", "ANTAKYA, Turkey, Oct. 9, 2025 —"), when it holds one.
fn dateline(doc: &Document) -> Option<(usize, &str)> {
    let body = doc.text().get(doc.body.clone())?;
    let lead = body.len() - body.trim_start().len();
    let line = body[lead..].lines().next()?;
    let end = [" — ", " – ", " - ", " -- "]
        .iter()
        .filter_map(|dash| line.find(dash))
        .min()?;
    (end <= 120).then(|| (doc.body.start + lead, &line[..end]))
}

/// The place of the dateline: its upper-case opening words, when the document knows them as
/// a place.
fn dateline_place(doc: &Document, actors: &DocActors) -> Option<PlaceRef> {
    let (start, line) = dateline(doc)?;
    let name_end = line.find([',', '(']).unwrap_or(line.len());
    let written = line[..name_end].trim();
    let upper = written.len() >= 3
        && written.chars().any(char::is_alphabetic)
        && written
            .chars()
            .all(|c| c.is_uppercase() || c.is_whitespace() || ".-'’".contains(c));
    if !upper {
        return None;
    }
    let actor = actors
        .actors
        .iter()
        .find(|a| a.kind == ActorKind::Place && a.name.eq_ignore_ascii_case(written))?;
    Some(PlaceRef {
        name: actor.name.clone(),
        span: start..start + written.len(),
        known: true,
    })
}

/// The actors of a document as extraction reads them.
fn doc_actor_spans(doc: &Document, actors: &DocActors) -> Vec<ActorSpan> {
    let mut spans: Vec<ActorSpan> = actors
        .mentions
        .iter()
        .filter_map(|m| {
            let actor = actors.actors.get(m.actor as usize)?;
            let written = doc.text().get(m.span.clone())?;
            Some(ActorSpan {
                span: m.span.clone(),
                actor: m.actor,
                kind: actor.kind,
                name: actor.name.clone(),
                proper: is_proper(written, &actor.name, &actor.aliases, actor.kind),
            })
        })
        .collect();
    spans.sort_by_key(|s| (s.span.start, s.span.end));
    spans
}

/// A place written as its name or an alias, not as a demonym ("Kazakh", "Russian").
pub(crate) fn is_proper(written: &str, name: &str, aliases: &[String], kind: ActorKind) -> bool {
    if kind != ActorKind::Place {
        return true;
    }
    let written = written.trim_end_matches(['\'', '’', 's']);
    let same = |candidate: &str| {
        candidate.eq_ignore_ascii_case(written)
            || candidate
                .trim_end_matches(['\'', '’', 's'])
                .eq_ignore_ascii_case(written)
    };
    same(name) || aliases.iter().any(|a| same(a))
}

/// What resolves "Monday" and "July 16" in a document: its front-matter date, else the
/// year its own full dates use most.
fn date_context<'t>(
    doc: &'t Document,
    body_dates: &OnceCell<DateMatches<'t>>,
) -> dates::DateContext {
    let today = document_day(doc);
    let year = today.map(|t| t.0).or_else(|| {
        let found = body_dates
            .get_or_init(|| DateMatches::new(doc.text(), doc.body.clone()))
            .resolve(dates::DateContext::default());
        let mut counts: Vec<(i32, usize)> = Vec::new();
        for date in found
            .iter()
            .filter(|d| d.parts.month.is_some() && d.parts.year.is_some())
        {
            let year = date.parts.year.unwrap_or_default();
            match counts.iter_mut().find(|(y, _)| *y == year) {
                Some((_, n)) => *n += 1,
                None => counts.push((year, 1)),
            }
        }
        counts.iter().max_by_key(|(y, n)| (*n, *y)).map(|(y, _)| *y)
    });
    dates::DateContext { today, year }
}

/// The day a document was written: its front-matter date, else a full date in its
/// dateline ("ANTAKYA, Oct. 9, 2025 —").
pub(crate) fn document_day(doc: &Document) -> Option<Day> {
    doc.date().and_then(dates::parse_iso_day).or_else(|| {
        let (start, line) = dateline(doc)?;
        dates::find_dates(
            doc.text(),
            start..start + line.len(),
            dates::DateContext::default(),
        )
        .into_iter()
        .find_map(|d| Some((d.parts.year?, d.parts.month?, d.parts.day?)))
    })
}

/// Corpus-wide events and the lookups the editor features need.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct EventIndex {
    pub events: Vec<Event>,
    /// Per event: what brief mentions are matched against.
    keys: Vec<cluster::ClusterKey>,
    /// Per actor: the events it takes part in, dated ones first by date, then by label.
    #[serde(with = "crate::packed::nested")]
    by_actor: Vec<Vec<u32>>,
    /// For each label of at least [`MIN_WRITTEN_LABEL`] bytes, ASCII-lowercased, the first
    /// event with that label, sorted by that lowercase label: a brief that writes a label as
    /// such ("Sochi congress") is matched by lookups of its own words (a binary search that
    /// lowercases as it compares, so the table is only ids).
    #[serde(with = "crate::packed::vec")]
    by_label: Vec<u32>,
    /// The longest label in `by_label`, in bytes.
    max_label_len: usize,
    /// Labels, places, kinds and participants' names by prefix, for completion.
    completion: complete::CompletionTable,
}

/// Shorter labels are not looked up in briefs' text: too many ordinary words match.
pub const MIN_WRITTEN_LABEL: usize = 4;

impl EventIndex {
    pub fn build(
        docs: &[Arc<Document>],
        per_doc: &[&DocEvents],
        actors: &ActorIndex,
    ) -> EventIndex {
        let (events, keys) = cluster::build(docs, per_doc, actors);
        // Three tables over the finished events, built side by side.
        let ((by_actor, (by_label, max_label_len)), completion) = rayon::join(
            || {
                rayon::join(
                    || events_by_actor(&events, actors.actors.len()),
                    || {
                        let mut by_label: BTreeMap<String, u32> = BTreeMap::new();
                        for (i, event) in events.iter().enumerate() {
                            if event.label.len() >= MIN_WRITTEN_LABEL {
                                by_label
                                    .entry(event.label.to_ascii_lowercase())
                                    .or_insert(i as u32);
                            }
                        }
                        let max_label_len = by_label.keys().map(String::len).max().unwrap_or(0);
                        let by_label: Vec<u32> = by_label.into_values().collect();
                        (by_label, max_label_len)
                    },
                )
            },
            || complete::CompletionTable::build(&events, &actors.actors),
        );
        EventIndex {
            events,
            keys,
            by_actor,
            by_label,
            max_label_len,
            completion,
        }
    }

    /// The first event whose label, ASCII-lowercased, is `lower` (at least
    /// [`MIN_WRITTEN_LABEL`] bytes).
    pub fn event_by_label(&self, lower: &str) -> Option<usize> {
        let label_cmp = |&id: &u32| {
            let label = self
                .events
                .get(id as usize)
                .map_or("", |e| e.label.as_str());
            label
                .bytes()
                .map(|b| b.to_ascii_lowercase())
                .cmp(lower.bytes())
        };
        let at = self.by_label.binary_search_by(label_cmp).ok()?;
        self.by_label.get(at).map(|&i| i as usize)
    }

    /// The longest label [`EventIndex::event_by_label`] can find, in bytes.
    pub fn max_label_len(&self) -> usize {
        self.max_label_len
    }

    /// The events a typed word may complete to, in increasing order of a bound of their
    /// rank: see [`complete::CompletionTable::candidates`]. `typed_lower` is lowercase.
    pub fn completion_candidates(&self, typed_lower: &str) -> complete::Candidates<'_> {
        self.completion.candidates(typed_lower)
    }

    /// The key an event ranked `rank` compares by with the bounds of
    /// [`EventIndex::completion_candidates`]: in the order of (rank, label, index).
    pub fn completion_rank_key(&self, event: usize, rank: u32) -> u64 {
        self.completion.rank_key(event, rank)
    }

    /// The event a mention extracted from other text (a brief) speaks of, if any.
    /// `mention.participants` must be global actor ids.
    /// A hypothetical or negated mention never stands for an event that happened
    /// ([`EventStatus::may_refer_to`]).
    pub fn resolve(&self, mention: &LocalEvent) -> Option<usize> {
        cluster::resolve(&self.keys, mention, |event| {
            self.events
                .get(event)
                .is_some_and(|e| mention.status.may_refer_to(e.status))
        })
    }

    /// Events an actor takes part in, dated ones first by date, then by label.
    pub fn events_of_actor(&self, actor: ActorId) -> &[u32] {
        self.by_actor.get(actor as usize).map_or(&[], Vec::as_slice)
    }

    /// The mention with the most fields, then the longest: what "definition" goes to.
    pub fn fullest_mention(&self, event: usize) -> Option<&EventMention> {
        self.events.get(event)?.mentions.iter().max_by_key(|m| {
            (
                m.n_fields,
                m.span.len(),
                std::cmp::Reverse(m.doc),
                std::cmp::Reverse(m.span.start),
            )
        })
    }
}

/// Per actor, the events it takes part in, in the order the actor hover lists them.
fn events_by_actor(events: &[Event], n_actors: usize) -> Vec<Vec<u32>> {
    let mut by_actor: Vec<Vec<u32>> = vec![Vec::new(); n_actors];
    for (i, event) in events.iter().enumerate() {
        for &actor in &event.participants {
            if let Some(list) = by_actor.get_mut(actor as usize) {
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
    }
    let order = |&i: &u32| {
        let e = &events[i as usize];
        (e.date.is_none(), e.date.as_deref(), e.label.as_str())
    };
    by_actor
        .par_iter_mut()
        .for_each(|list| list.sort_by(|a, b| order(a).cmp(&order(b))));
    by_actor
}

/// Every event kind, at its [`kind_number`].
pub(crate) const KINDS: [EventKind; 59] = [
    EventKind::Summit,
    EventKind::Congress,
    EventKind::Conference,
    EventKind::Meeting,
    EventKind::Talks,
    EventKind::Negotiations,
    EventKind::Visit,
    EventKind::ChemicalAttack,
    EventKind::Attack,
    EventKind::Airstrike,
    EventKind::Strike,
    EventKind::Agreement,
    EventKind::Deal,
    EventKind::Ceasefire,
    EventKind::Sanctions,
    EventKind::Election,
    EventKind::Referendum,
    EventKind::Withdrawal,
    EventKind::Death,
    EventKind::Injury,
    EventKind::Protest,
    EventKind::Arrest,
    EventKind::Charge,
    EventKind::Trial,
    EventKind::Conviction,
    EventKind::Sentencing,
    EventKind::Release,
    EventKind::Execution,
    EventKind::Lawsuit,
    EventKind::Appointment,
    EventKind::Dismissal,
    EventKind::Resignation,
    EventKind::Acquisition,
    EventKind::Bankruptcy,
    EventKind::Earthquake,
    EventKind::Fire,
    EventKind::Explosion,
    EventKind::Crash,
    EventKind::Flood,
    EventKind::Storm,
    EventKind::Contest,
    EventKind::Escape,
    EventKind::Marriage,
    EventKind::Ruling,
    EventKind::Speech,
    EventKind::Robbery,
    EventKind::Admission,
    EventKind::RosterMove,
    EventKind::ProductRelease,
    EventKind::Ceremony,
    EventKind::Fall,
    EventKind::Outage,
    EventKind::Record,
    EventKind::Offer,
    EventKind::PolicyChange,
    EventKind::Award,
    EventKind::Launch,
    EventKind::Damage,
    EventKind::Offence,
];

/// An event kind's number in [`KINDS`] (how the index cache stores it); the match fails to
/// compile when a kind is added, and a test (`packed/tests.rs`) checks that both agree.
pub(crate) fn kind_number(kind: EventKind) -> u32 {
    match kind {
        EventKind::Summit => 0,
        EventKind::Congress => 1,
        EventKind::Conference => 2,
        EventKind::Meeting => 3,
        EventKind::Talks => 4,
        EventKind::Negotiations => 5,
        EventKind::Visit => 6,
        EventKind::ChemicalAttack => 7,
        EventKind::Attack => 8,
        EventKind::Airstrike => 9,
        EventKind::Strike => 10,
        EventKind::Agreement => 11,
        EventKind::Deal => 12,
        EventKind::Ceasefire => 13,
        EventKind::Sanctions => 14,
        EventKind::Election => 15,
        EventKind::Referendum => 16,
        EventKind::Withdrawal => 17,
        EventKind::Death => 18,
        EventKind::Injury => 19,
        EventKind::Protest => 20,
        EventKind::Arrest => 21,
        EventKind::Charge => 22,
        EventKind::Trial => 23,
        EventKind::Conviction => 24,
        EventKind::Sentencing => 25,
        EventKind::Release => 26,
        EventKind::Execution => 27,
        EventKind::Lawsuit => 28,
        EventKind::Appointment => 29,
        EventKind::Dismissal => 30,
        EventKind::Resignation => 31,
        EventKind::Acquisition => 32,
        EventKind::Bankruptcy => 33,
        EventKind::Earthquake => 34,
        EventKind::Fire => 35,
        EventKind::Explosion => 36,
        EventKind::Crash => 37,
        EventKind::Flood => 38,
        EventKind::Storm => 39,
        EventKind::Contest => 40,
        EventKind::Escape => 41,
        EventKind::Marriage => 42,
        EventKind::Ruling => 43,
        EventKind::Speech => 44,
        EventKind::Robbery => 45,
        EventKind::Admission => 46,
        EventKind::RosterMove => 47,
        EventKind::ProductRelease => 48,
        EventKind::Ceremony => 49,
        EventKind::Fall => 50,
        EventKind::Outage => 51,
        EventKind::Record => 52,
        EventKind::Offer => 53,
        EventKind::PolicyChange => 54,
        EventKind::Award => 55,
        EventKind::Launch => 56,
        EventKind::Damage => 57,
        EventKind::Offence => 58,
    }
}
