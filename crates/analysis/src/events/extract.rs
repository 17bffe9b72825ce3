//! Per-text extraction of event mentions: a trigger, then the place, date and people the
//! same clause ties to it ("the July 16 meeting in Helsinki", "X met Y in Moscow on
//! Wednesday", "his summit with Y"). Works on corpus documents and on briefs alike.

use std::cell::OnceCell;
use std::ops::Range;

use super::dates::{self, DateContext, DateMatches, EventDate};
use super::kinds::{EventKind, KindFamily};
use super::lexicon::*;
use super::modality::{status_of, EventStatus};
use super::triggers::{find_triggers, Trigger, TriggerForm};
use super::words::{self, Token};
use crate::actors::ActorKind;
use crate::lower::str_in;
use crate::lower::{lowercase_in, LowerWord};

/// An actor named in the text, as extraction needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorSpan {
    pub span: Range<usize>,
    /// Local id in a document, global id in a brief.
    pub actor: u32,
    pub kind: ActorKind,
    /// The canonical name (places are reported by it).
    pub name: String,
    /// Written as the name or an alias, not a demonym ("Kazakh" does not place a meeting).
    pub proper: bool,
}

/// Where an event happened, as one mention says it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PlaceRef {
    /// The gazetteer name, or the words as written when no known place matched
    /// ("in Al-Shayrat"); the corpus-wide merge matches near-miss spellings.
    pub name: String,
    pub span: Range<usize>,
    pub known: bool,
}

/// One event mention in one text.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LocalEvent {
    /// The words that name the event ("the July 16 meeting in Helsinki").
    pub span: Range<usize>,
    pub trigger: Range<usize>,
    pub kind: EventKind,
    pub place: Option<PlaceRef>,
    /// The facility or spot the clause names, as written ("in prison", "at a Woodburn
    /// bank", "fell from a ridge"): where in `place` it happened, or all the text says of
    /// where when it names no place.
    #[serde(default)]
    pub venue: Option<PlaceRef>,
    pub date: Option<EventDate>,
    /// Actors taking part (persons; organisations when no person is named), by the ids
    /// the input used.
    pub participants: Vec<u32>,
    pub sentence: Range<usize>,
    /// False for a bare definite mention ("the summit") that only refers to an event
    /// the text anchors elsewhere.
    pub anchored: bool,
    /// Happened, planned, cancelled, hypothetical, denied or negated
    /// ([`super::modality::status_of`]); only reported ones make corpus events.
    #[serde(default)]
    pub status: EventStatus,
}

/// Extracts event mentions from `text[range]`. `actors` must be sorted by start offset.
pub fn extract(
    text: &str,
    range: Range<usize>,
    actors: &[ActorSpan],
    date_cx: DateContext,
) -> Vec<LocalEvent> {
    extract_with(text, range, actors, date_cx, &OnceCell::new())
}

/// [`extract`], taking the date expressions from `date_matches` when they were (or will
/// be) matched over the same range: a document's date context matches its body too.
pub(super) fn extract_with<'t>(
    text: &'t str,
    range: Range<usize>,
    actors: &[ActorSpan],
    date_cx: DateContext,
    date_matches: &OnceCell<DateMatches<'t>>,
) -> Vec<LocalEvent> {
    let range = clamp_range(text, range);
    let triggers = find_triggers(text, range.clone());
    if triggers.iter().all(|t| t.kind.is_none()) {
        return Vec::new();
    }
    let matches = date_matches.get_or_init(|| DateMatches::new(text, range.clone()));
    let all_dates = if *matches.range() == range {
        matches.resolve(date_cx)
    } else {
        dates::find_dates(text, range.clone(), date_cx)
    };
    let renamed = renamed_actors(text, actors);
    let mut found = Vec::new();
    let mut previous_subject: Option<u32> = None;
    for sentence in words::sentences(text, range) {
        let sentence_actors = within(actors, &sentence, |a| &a.span);
        let first_person = sentence_actors
            .iter()
            .find(|a| a.kind == ActorKind::Person)
            .map(|a| a.actor);
        let sentence_triggers = within(&triggers, &sentence, |t| &t.span);
        if sentence_triggers.iter().any(|t| t.kind.is_some()) {
            let future = words::has_future_cue(&text[sentence.clone()]);
            for clause in words::clauses(text, sentence.clone()) {
                let cx = Clause {
                    text,
                    sentence: sentence.clone(),
                    tokens: words::tokenize(text, clause.clone()),
                    triggers: within(sentence_triggers, &clause, |t| &t.span),
                    actors: within(sentence_actors, &clause, |a| &a.span),
                    sentence_actors,
                    dates: within(&all_dates, &clause, |d| &d.span),
                    previous_subject,
                    renamed: &renamed,
                };
                let clause_first = found.len();
                let mut verbs = Vec::new();
                for (i, trigger) in cx.triggers.iter().enumerate() {
                    if let Some(mut event) = cx.event_at(i, trigger) {
                        if let (Some(date), Some(today)) = (event.date.as_mut(), date_cx.today) {
                            dates::resolve_weekday(date, today, future);
                        }
                        verbs.push(trigger.form != TriggerForm::Noun);
                        found.push(event);
                    }
                }
                share_coordinated_adjuncts(text, &mut found[clause_first..], &verbs);
                date_the_when_clause(text, &mut found[clause_first..]);
            }
        }
        if first_person.is_some() {
            previous_subject = first_person;
        }
    }
    found
}

/// "A gunman shot one man and wounded two others Monday at a warehouse in Leeds": verbs
/// of one subject joined by "and" share the place and day written after the last one, so
/// a verb without its own takes those of the verb coordinated after it (`is_verb[i]` says
/// whether `mentions[i]`, all of one clause, is a verb's).
fn share_coordinated_adjuncts(text: &str, mentions: &mut [LocalEvent], is_verb: &[bool]) {
    for i in (1..mentions.len()).rev() {
        let (before, after) = mentions.split_at_mut(i);
        let (first, next) = (&mut before[i - 1], &after[0]);
        if !(is_verb[i - 1] && is_verb[i]) || first.trigger.end > next.trigger.start {
            continue;
        }
        // "shot ... and wounded", "resigned ... and was arrested".
        const AUXILIARIES: &[&str] = &["was", "were", "is", "are", "has", "have", "had", "been"];
        let between = &text[first.trigger.end..next.trigger.start];
        let joined = between
            .split_whitespace()
            .rev()
            .find(|w| !lowercase_in(w, AUXILIARIES))
            .is_some_and(|w| w.eq_ignore_ascii_case("and"));
        // The day and place must follow the second verb: "and on Monday killed" gives its
        // own day, not the first's.
        let trailing = |span: &Range<usize>| span.start >= next.trigger.end;
        if !joined {
            continue;
        }
        take_missing_adjuncts(first, next, trailing);
    }
}

/// The day and the place (with its venue) of `from` that `taker` lacks, each when `written`
/// accepts where the text gives it.
fn take_missing_adjuncts(
    taker: &mut LocalEvent,
    from: &LocalEvent,
    written: impl Fn(&Range<usize>) -> bool,
) {
    if taker.date.is_none() && from.date.as_ref().is_some_and(|d| written(&d.span)) {
        taker.date = from.date.clone();
    }
    if taker.place.is_none() && from.place.as_ref().is_some_and(|p| written(&p.span)) {
        taker.place = from.place.clone();
        if taker.venue.is_none() {
            taker.venue = from.venue.clone();
        }
    }
}

/// "A deputy was killed Friday in Leeds when a gunman shot him": the happening of a
/// "when" clause is the one its main clause places and dates, so a mention inside the
/// clause without its own takes the day and place written between the main verb and
/// "when" (the reverse of [`Clause::when_clause`], which dates the main verb by the clause).
fn date_the_when_clause(text: &str, mentions: &mut [LocalEvent]) {
    for i in 1..mentions.len() {
        let (before, after) = mentions.split_at_mut(i);
        let (main, inner) = (&before[i - 1], &mut after[0]);
        if main.trigger.end > inner.trigger.start {
            continue;
        }
        let Some(when) = text[main.trigger.end..inner.trigger.start]
            .match_indices("when")
            .map(|(at, _)| main.trigger.end + at)
            .find(|&at| {
                let word_start = !text[..at].ends_with(|c: char| c.is_alphanumeric());
                let word_end = !text[at + 4..].starts_with(|c: char| c.is_alphanumeric());
                word_start && word_end
            })
        else {
            continue;
        };
        let between = |span: &Range<usize>| span.start >= main.trigger.end && span.end <= when;
        take_missing_adjuncts(inner, main, between);
    }
}

fn clamp_range(text: &str, range: Range<usize>) -> Range<usize> {
    let end = range.end.min(text.len());
    let start = range.start.min(end);
    if text.is_char_boundary(start) && text.is_char_boundary(end) {
        start..end
    } else {
        0..0
    }
}

/// The items of a sorted list whose span lies inside `range`.
fn within<'a, T>(
    items: &'a [T],
    range: &Range<usize>,
    span: impl Fn(&T) -> &Range<usize>,
) -> &'a [T] {
    let start = items.partition_point(|item| span(item).start < range.start);
    let end = items.partition_point(|item| span(item).start < range.end);
    let slice = &items[start..end.max(start)];
    let keep = slice
        .iter()
        .rposition(|item| span(item).end <= range.end)
        .map_or(0, |i| i + 1);
    &slice[..keep]
}

pub(super) struct Clause<'a> {
    pub(super) text: &'a str,
    pub(super) sentence: Range<usize>,
    pub(super) tokens: Vec<Token>,
    pub(super) triggers: &'a [Trigger],
    pub(super) actors: &'a [ActorSpan],
    pub(super) sentence_actors: &'a [ActorSpan],
    pub(super) dates: &'a [EventDate],
    pub(super) previous_subject: Option<u32>,
    /// Actors the document writes in more than one form ("Esther Williams", "Williams"),
    /// sorted: a person is soon named by a part of the name, a place by the whole of it.
    pub(super) renamed: &'a [u32],
}

/// The actors written in more than one form in the document (sorted ids).
fn renamed_actors(text: &str, actors: &[ActorSpan]) -> Vec<u32> {
    let mut first_form: std::collections::HashMap<u32, &str> = Default::default();
    let mut renamed = Vec::new();
    for a in actors.iter().filter(|a| a.kind != ActorKind::Place) {
        let Some(written) = text.get(a.span.clone()) else {
            continue;
        };
        let form = *first_form.entry(a.actor).or_insert(written);
        if form != written {
            renamed.push(a.actor);
        }
    }
    renamed.sort_unstable();
    renamed.dedup();
    renamed
}

impl Clause<'_> {
    pub(super) fn lower(&self, i: usize) -> LowerWord {
        LowerWord::new(
            self.tokens
                .get(i)
                .map_or("", |t| &self.text[t.span.clone()]),
        )
    }

    pub(super) fn is_word(&self, i: usize, list: &[&str]) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.is_word && lowercase_in(&self.text[t.span.clone()], list))
    }

    /// First token starting at or after `offset`.
    pub(super) fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < offset)
    }

    /// First token starting at or after `offset`, but for a token that contains it.
    pub(super) fn token_containing(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= offset)
    }

    pub(super) fn event_at(&self, index: usize, trigger: &Trigger) -> Option<LocalEvent> {
        let kind = trigger.kind?;
        let first = self.token_containing(trigger.span.start);
        let after = self.token_at(trigger.span.end);
        let previous_stop = index
            .checked_sub(1)
            .and_then(|i| self.triggers.get(i))
            .map_or(0, |t| self.token_at(t.span.end));
        let next_stop = self
            .triggers
            .get(index + 1)
            .map_or(self.tokens.len(), |t| self.token_containing(t.span.start));

        // Modifiers before a noun: "the July 16", "Trump-Putin", "Putin's", "Sochi".
        let mut premod = first;
        if trigger.form == TriggerForm::Noun {
            while premod > previous_stop && first - premod < 5 {
                let token = &self.tokens[premod - 1];
                let word = self.lower(premod - 1);
                let gerund = word.ends_with("ing") && !str_in(MODIFIER_GERUNDS, word.as_str());
                // A light verb ("resumed talks", "chaired a meeting") ends the modifiers too.
                let light_verb = self.is_word(premod - 1, LIGHT_WORDS)
                    && !self.is_word(premod - 1, &["after", "during", "for"]);
                if !token.is_word || self.is_word(premod - 1, PREMOD_STOP) || gerund || light_verb {
                    break;
                }
                premod -= 1;
            }
        }
        let determiner =
            (premod > previous_stop && self.is_word(premod - 1, DETERMINERS)).then(|| premod - 1);
        let phrase_start_token = determiner.unwrap_or(premod);
        let premod_range = self.offset_of(premod)..trigger.span.start;

        // How far the clause goes on talking about this trigger.
        let mut forward_end = next_stop.min(after + 24);
        for i in after..forward_end {
            let copula = trigger.form != TriggerForm::Noun && self.is_word(i, COPULAS);
            if self.is_word(i, FORWARD_STOP) || copula {
                forward_end = i;
                break;
            }
        }
        let forward_range = trigger.span.end..self.offset_of(forward_end);
        let backward_range = self.offset_of(previous_stop)..self.offset_of(phrase_start_token);

        // A noun naming a happening of a general kind ("a fire-bomb attack on a bank in
        // Greece killed ...") is often the subject of the clause that places and dates it:
        // its complements are read as a verb's are.
        let as_verb = Trigger {
            form: TriggerForm::Verb,
            ..trigger.clone()
        };
        let general_noun = trigger.form == TriggerForm::Noun && kind.general();
        let place = self
            .place_in(&premod_range, kind, trigger, true)
            .or_else(|| self.place_in(&forward_range, kind, trigger, false))
            .or_else(|| self.fallback_place(trigger, after, forward_end))
            .or_else(|| self.place_in(&backward_range, kind, trigger, false))
            .or_else(|| {
                general_noun
                    .then(|| self.place_in(&forward_range, kind, &as_verb, false))
                    .flatten()
            });
        // An admission's named facility comes before the city it is in.
        let place = self.facility_after(trigger, after, forward_end).or(place);
        let venue = self.venue_after(kind, trigger, after, forward_end);
        let place_end = place.as_ref().map(|p| p.span.end);
        let date = self
            .date_in(&premod_range, true, TriggerForm::Verb, None)
            .or_else(|| self.date_in(&forward_range, true, trigger.form, place_end))
            .or_else(|| self.date_in(&backward_range, false, trigger.form, None))
            .or_else(|| {
                // "a magnitude 7.1 earthquake struck shortly before dawn on Wednesday".
                general_noun
                    .then(|| self.date_in(&forward_range, true, TriggerForm::Verb, None))
                    .flatten()
            });

        // "On Tuesday, a UN tribunal in The Hague dismissed ...", "In January 2011, he was
        // charged": a date opening the clause dates its first happening.
        let date = date.or_else(|| {
            (trigger.form != TriggerForm::Noun || general_noun)
                .then(|| self.opening_date(previous_stop, trigger))
                .flatten()
        });

        let (mut place, mut date) = (place, date);
        if place.is_none() || date.is_none() {
            if trigger.form != TriggerForm::Noun || general_noun {
                let (when_place, when_date) = self.when_clause(kind, forward_end);
                place = place.or(when_place);
                date = date.or(when_date);
            }
            place = place.or_else(|| self.where_place(phrase_start_token, previous_stop));
        }

        let mut participants = Vec::new();
        for actor in self.persons_in(&premod_range) {
            push_unique(&mut participants, actor.actor);
        }
        if participants.is_empty() {
            // "the RSF attack": an organisation in the modifiers takes part.
            for actor in self.organisations_in(&premod_range) {
                push_unique(&mut participants, actor.actor);
            }
        }
        if determiner.is_some_and(|d| self.is_word(d, &["their"])) {
            // "Xi and Biden held their final meeting": the people named before own it.
            let before = self.offset_of(phrase_start_token);
            for owner in self
                .sentence_actors
                .iter()
                .filter(|a| a.kind == ActorKind::Person && a.span.end <= before)
                .take(4)
            {
                push_unique(&mut participants, owner.actor);
            }
        }
        if determiner.is_some_and(|d| self.is_word(d, &["his", "her"])) {
            let before = self.offset_of(phrase_start_token);
            if let Some(owner) = self
                .sentence_actors
                .iter()
                .rev()
                .find(|a| a.kind == ActorKind::Person && a.span.end <= before)
            {
                push_unique(&mut participants, owner.actor);
            }
        }
        self.objects(trigger, after, forward_end, &mut participants);
        if trigger.form != TriggerForm::Noun || self.has_light_word(phrase_start_token) {
            self.subject(previous_stop, phrase_start_token, &mut participants);
        }

        if let Some(place) = place.as_ref().filter(|p| !p.known) {
            // "in Beverly Hills" taken for a person names the place, not someone there.
            let named: Vec<u32> = (self.actors.iter())
                .filter(|a| overlaps(&a.span, &place.span))
                .map(|a| a.actor)
                .collect();
            participants.retain(|p| !named.contains(p));
        }

        let clause_start = self
            .tokens
            .first()
            .map_or(trigger.span.start, |t| t.span.start);
        let status = status_of(self.text, &self.sentence, clause_start, &trigger.span);
        if status == EventStatus::Cancelled
            && date
                .as_ref()
                .is_some_and(|d| d.span.start >= trigger.span.start)
        {
            // "called off the summit on May 24": the day it was called off, not its day.
            date = None;
        }
        // A bare "Monday" the document cannot date says too little to make an event.
        let dated = date.as_ref().is_some_and(|d| !d.unresolved);
        let anchored = match trigger.form {
            TriggerForm::WeakVerb => place.is_some(),
            // A finite verb of a general event kind ("died", "was arrested") asserts a
            // happening by itself.
            TriggerForm::Verb if kind.general() && status == EventStatus::Happened => true,
            // ... and so does a noun of such a kind with a determiner ("a shooting", "the
            // killing", "an arrest"): a bare noun is generic ("murder charges").
            TriggerForm::Noun
                if kind.general() && status == EventStatus::Happened && determiner.is_some() =>
            {
                true
            }
            // ... and a bare one in a headline, which names the story's happening without
            // articles ("Warehouse fire in Leeds", "Jewel heist in Nice").
            TriggerForm::Noun
                if kind.general() && status == EventStatus::Happened && self.in_headline() =>
            {
                true
            }
            // ... and a bare one where English makes it a particular happening: the agent
            // of a passive ("damaged by fire"), the subject of a past verb of damage ("fire
            // destroyed the warehouse"), or the act a charge names ("charged with arson").
            TriggerForm::Noun
                if kind.general()
                    && status == EventStatus::Happened
                    && self.bare_particular(premod, after) =>
            {
                true
            }
            _ => place.is_some() || dated || !participants.is_empty(),
        };
        let definite = determiner.is_some_and(|d| self.is_word(d, DEFINITE))
            || self.text[premod_range.clone()].contains(['\'', '’']);
        if !(anchored || definite && trigger.form == TriggerForm::Noun) {
            return None;
        }
        let mut end = trigger.span.end;
        if let Some(place) = &place {
            if place.span.start >= end && place.span.start - end < 40 {
                end = place.span.end;
            }
        }
        Some(LocalEvent {
            span: self.offset_of(phrase_start_token).min(trigger.span.start)..end,
            trigger: trigger.span.clone(),
            kind,
            place,
            venue,
            date,
            participants,
            sentence: self.sentence.clone(),
            anchored,
            status,
        })
    }

    /// Whether a bare noun of a general kind at tokens `premod..after` names a particular
    /// happening (see `event_at`).
    fn bare_particular(&self, premod: usize, after: usize) -> bool {
        const DAMAGE: &[&str] = &[
            "destroyed",
            "damaged",
            "gutted",
            "razed",
            "swept",
            "ripped",
            "tore",
            "broke",
            "engulfed",
            "killed",
            "injured",
            "wounded",
            "left",
        ];
        const CHARGE: &[&str] = &["charged", "accused", "suspicion", "convicted", "guilty"];
        let agent = premod >= 2
            && self.is_word(premod - 1, &["by"])
            && self.lower(premod - 2).ends_with("ed");
        let subject = premod == 0 && self.is_word(after, DAMAGE);
        let charged = premod >= 2
            && self.is_word(premod - 1, &["with", "of"])
            && self.is_word(premod - 2, CHARGE);
        // ", killing at least ten": a participle clause giving the toll of what the
        // sentence reports.
        let toll = premod >= 1
            && self
                .tokens
                .get(premod - 1)
                .is_some_and(|t| &self.text[t.span.clone()] == ",")
            && self.lower(premod).ends_with("ing");
        // "five days of rioting", "the third night of rioting", "a wave of unrest": a
        // stretch of time or a wave of it makes the happening particular.
        let stretch = premod >= 2
            && self.is_word(premod - 1, &["of"])
            && self.is_word(
                premod - 2,
                &[
                    "days", "nights", "weeks", "hours", "night", "day", "wave", "waves", "spate",
                    "outbreak",
                ],
            );
        agent || subject || charged || toll || stretch
    }

    /// Whether the clause is a headline ([`words::is_headline`]).
    fn in_headline(&self) -> bool {
        words::is_headline(self.text, &self.sentence)
    }

    /// A date that opens the clause ("On Tuesday,", "In January 2011,") when no other
    /// trigger stands between it and `trigger`.
    fn opening_date(&self, previous_stop: usize, trigger: &Trigger) -> Option<EventDate> {
        let date = self.dates.first()?;
        let opens = self.token_containing(date.span.start) <= 1;
        let before_trigger = date.span.end <= trigger.span.start;
        let nothing_between = self.token_at(date.span.end) >= previous_stop;
        let bounding = matches!(
            date.preposition.as_deref(),
            Some("since" | "until" | "till" | "before" | "than" | "after")
        );
        (opens && before_trigger && nothing_between && !bounding).then(|| date.clone())
    }

    pub(super) fn offset_of(&self, token: usize) -> usize {
        match self.tokens.get(token) {
            Some(t) => t.span.start,
            None => self.tokens.last().map_or(self.sentence.end, |t| t.span.end),
        }
    }

    /// A known place in `range` that the words before it make a venue.
    pub(super) fn place_in(
        &self,
        range: &Range<usize>,
        kind: EventKind,
        trigger: &Trigger,
        premod: bool,
    ) -> Option<PlaceRef> {
        let candidates = self.actors.iter().filter(|a| {
            a.kind == ActorKind::Place
                && a.proper
                && a.span.start >= range.start
                && a.span.end <= range.end
        });
        let mut chosen = None;
        for place in candidates {
            let floor = if range.start >= trigger.span.end {
                self.token_at(trigger.span.end)
            } else {
                self.token_at(range.start)
            };
            let gap_ok = if range.start >= trigger.span.end {
                // A city may follow a longer description ("a congress to push peace
                // efforts in the Russian city of Sochi"); a country must follow closely
                // ("talks focusing on Iran's presence in Syria" are not in Syria).
                trigger.form != TriggerForm::Noun
                    || self.light_gap(trigger.span.end, place.span.start, true)
                    || (super::places::parent_of(&place.name).is_some()
                        && self.heavy_words(trigger.span.end, place.span.start) <= 4)
            } else {
                self.light_gap(place.span.end, range.end, false)
            };
            let accepted =
                premod || (gap_ok && self.is_venue(place.span.start, kind, trigger, floor));
            if accepted {
                chosen = Some(PlaceRef {
                    name: place.name.clone(),
                    span: place.span.clone(),
                    known: true,
                });
                // Before the trigger the nearest venue counts; after it, the first.
                if range.start >= trigger.span.end {
                    break;
                }
            }
        }
        chosen
    }

    /// Whether the preposition governing a place at `start` makes it where things happen.
    /// Reading back stops at token `floor` (just after the trigger, for places after it).
    pub(super) fn is_venue(
        &self,
        start: usize,
        kind: EventKind,
        trigger: &Trigger,
        floor: usize,
    ) -> bool {
        let place_token = self.token_at(start);
        // "went to Riyadh": a journey verb's place comes right after it, not later ("went
        // to perform umrah (pilgrimage to Mecca)").
        let journey = self.text[trigger.span.clone()].ends_with(" to");
        if journey && place_token != floor {
            return false;
        }
        if place_token == floor
            && kind == EventKind::Visit
            && trigger.form != TriggerForm::Noun
            && start >= trigger.span.end
        {
            return true; // "visited Moscow"
        }
        if place_token == floor + 1
            && kind.family() == KindFamily::Disaster
            && start >= trigger.span.end
            && self.tokens.get(floor).is_some_and(|t| t.is_word)
        {
            return true; // "an earthquake struck Aleppo", "a storm hit Manila"
        }
        let mut i = place_token;
        let mut steps = 0;
        while i > floor && steps < 6 {
            i -= 1;
            steps += 1;
            let token = &self.tokens[i];
            if !token.is_word {
                if self.text[token.span.clone()].contains(',') {
                    return false;
                }
                continue;
            }
            let word = self.lower(i);
            if word == "of" && i > 0 && self.is_word(i - 1, PLACE_NOUNS) {
                continue;
            }
            if str_in(PREPOSITIONS, word.as_str()) {
                // "the attack on Wad Madani": a strike's target is where it happened.
                let target = kind.family() == KindFamily::Violence && word == "on";
                return str_in(VENUE_PREPOSITIONS, word.as_str())
                    || (kind == EventKind::Visit && word == "to")
                    || target;
            }
            if str_in(PREMOD_STOP, word.as_str()) && word != "the" {
                return false;
            }
        }
        false
    }

    /// "in Al-Shayrat": capitalised words after a venue preposition that no actor claims,
    /// for places the gazetteer lacks or the writer misspelt.
    pub(super) fn fallback_place(
        &self,
        trigger: &Trigger,
        from: usize,
        to: usize,
    ) -> Option<PlaceRef> {
        for i in from..to {
            if !self.is_word(i, VENUE_PREPOSITIONS) || !is_lower_start(self.token_text(i)) {
                continue;
            }
            if trigger.form == TriggerForm::Noun
                && !self.light_gap(trigger.span.end, self.tokens[i].span.start, true)
            {
                return None;
            }
            let mut j = i + 1;
            if self.is_word(j, &["the"]) {
                j += 1;
            }
            let start = j;
            while j < to && j - start < 3 {
                let Some(token) = self.tokens.get(j) else {
                    break;
                };
                let word = self.token_text(j);
                // "Khirbet al-Ghazaleh", "Deir ez-Zor": a lowercase particle joined to a name.
                let particle = j > start
                    && word
                        .split_once('-')
                        .is_some_and(|(_, rest)| is_upper_start(rest) && is_lower_start(word));
                if !token.is_word || !(is_upper_start(word) || particle) || is_calendar_word(word) {
                    break;
                }
                let claimed = self.actors.iter().find(|a| overlaps(&a.span, &token.span));
                if claimed.is_some_and(|a| !self.misread_place(a, i)) {
                    break;
                }
                j += 1;
            }
            if j > start {
                let span = self.tokens[start].span.start..self.tokens[j - 1].span.end;
                // A claimed word right after ("in Russian ...") means this is no place name.
                // A capitalised word or a place noun right after ("in Russian ...",
                // "the Syrian city") means these words are no place name.
                let claimed_next = self.tokens.get(j).is_some_and(|t| {
                    let next = &self.text[t.span.clone()];
                    t.is_word && (is_upper_start(next) || lowercase_in(next, PLACE_NOUNS))
                });
                // "outside the Square": a lone place noun refers back, it names nothing.
                let lone_noun = j == start + 1
                    && (lowercase_in(&self.text[span.clone()], PLACE_NOUNS)
                        || lowercase_in(&self.text[span.clone()], LONE_PLACE_NOUNS));
                if !claimed_next && !lone_noun {
                    return Some(PlaceRef {
                        name: self.text[span.clone()].to_string(),
                        span,
                        known: false,
                    });
                }
            }
        }
        None
    }

    /// "passed away in Beverly Hills, Calif.", "a shooting in Hawaiian Gardens": a name the
    /// actors took for a person right after "in" is a place the gazetteer lacks, when the
    /// document never names it by a part (a person is soon "Williams", a place stays
    /// "Beverly Hills") and no possessive follows ("in Smith's office"). Before ", State"
    /// ("in Newport Beach, CA") a name taken for an organisation is one too.
    fn misread_place(&self, actor: &ActorSpan, preposition: usize) -> bool {
        if actor.kind == ActorKind::Place
            || !self.is_word(preposition, &["in"])
            || self.renamed.binary_search(&actor.actor).is_ok()
        {
            return false;
        }
        let rest = self.text.get(actor.span.end..).unwrap_or("");
        if rest.starts_with(['\'', '’']) {
            return false;
        }
        let state_after = rest
            .strip_prefix(',')
            .map(str::trim_start)
            .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()));
        actor.kind == ActorKind::Person || state_after
    }

    /// "checked into the Betty Ford Center", "was admitted to Promises Treatment Center":
    /// the named facility right after an admission's verb is where it happened. In a
    /// headline, whose every word is capitalised, the name must be one the actors know
    /// ("Checks Into Betty Ford", not "Checks Into Rehab").
    fn facility_after(&self, trigger: &Trigger, after: usize, to: usize) -> Option<PlaceRef> {
        if trigger.kind != Some(EventKind::Admission) {
            return None;
        }
        let written = self.text[trigger.span.clone()].to_lowercase();
        let takes_object =
            written.ends_with("into") || written.ends_with(" to") || written.starts_with("enter");
        if !takes_object {
            return None;
        }
        let mut j = after;
        if self.is_word(j, &["the"]) {
            j += 1;
        }
        let start = j;
        let mut known = false;
        while j < to && j - start < 5 {
            let Some(token) = self.tokens.get(j) else {
                break;
            };
            let word = self.token_text(j);
            if !token.is_word || !is_upper_start(word) || is_calendar_word(word) {
                break;
            }
            let claimed = self.actors.iter().find(|a| overlaps(&a.span, &token.span));
            if claimed.is_some_and(|a| {
                a.kind == ActorKind::Place || self.renamed.binary_search(&a.actor).is_ok()
            }) {
                break;
            }
            known |= claimed.is_some();
            j += 1;
        }
        if j == start || (self.in_headline() && !known) {
            return None;
        }
        let span = self.tokens[start].span.start..self.tokens[j - 1].span.end;
        Some(PlaceRef {
            name: self.text[span.clone()].to_string(),
            span,
            known: false,
        })
    }

    /// "were killed when Greeks threw petrol bombs at a bank in Athens on Wednesday": a
    /// "died in prison", "exploded late Friday at a Woodburn bank", "was found dead in his
    /// motel room", "fell from a ridge": the facility or spot a venue preposition names in
    /// the happening's clause, as written from its determiner to its head noun (the last of
    /// a run of facility nouns: "his prison cell"), a name before the head kept ("a
    /// Woodburn bank"). "into" places only an admission ("checked into rehab"), "from"
    /// only a fall or an escape ("escaped from a prison"); "in the head" names no facility.
    fn venue_after(
        &self,
        kind: EventKind,
        trigger: &Trigger,
        from: usize,
        to: usize,
    ) -> Option<PlaceRef> {
        // "checked into rehab": the trigger may end with the preposition.
        let written = &self.text[trigger.span.clone()];
        let inside = kind == EventKind::Admission
            && (written.ends_with(" into") || written.ends_with(" to") || written.ends_with(" at"));
        for i in from.saturating_sub(usize::from(inside))..to {
            if !(self.is_word(i, VENUE_PHRASE_PREPOSITIONS) || inside && i + 1 == from) {
                continue;
            }
            let word = self.lower(i);
            if (word == "into" && kind != EventKind::Admission)
                || (word == "from" && !matches!(kind, EventKind::Fall | EventKind::Escape))
            {
                continue;
            }
            if trigger.form == TriggerForm::Noun
                && !self.light_gap(trigger.span.end, self.tokens[i].span.start, true)
            {
                return None;
            }
            let start = i + 1;
            let first = start + usize::from(self.is_word(start, DETERMINERS));
            let (mut head, mut modifiers) = (None, 0);
            let mut k = first;
            while k < to && k < first + 9 && modifiers < 5 {
                let token = &self.tokens[k];
                if !token.is_word {
                    // "a Biloxi, Miss., motel room": a state's commas among the modifiers.
                    let mark = &self.text[token.span.clone()];
                    if k > first && (mark == "," || mark == ".") {
                        k += 1;
                        continue;
                    }
                    break;
                }
                modifiers += 1;
                if self.is_word(k, FACILITY_NOUNS) {
                    while k + 1 < to && self.is_word(k + 1, FACILITY_NOUNS) {
                        k += 1;
                    }
                    head = Some(k);
                    break;
                }
                if self.is_word(k, PREMOD_STOP) || is_calendar_word(self.token_text(k)) {
                    break;
                }
                k += 1;
            }
            if let Some(head) = head {
                let span = self.tokens[start].span.start..self.tokens[head].span.end;
                return Some(PlaceRef {
                    name: self.text[span.clone()].to_string(),
                    span,
                    known: false,
                });
            }
        }
        None
    }

    /// clause of time after the happening tells what went on at the same time and place.
    /// `when` is the token that ended the trigger's clause. "did not say when ..." asks.
    /// "a fire that ripped through a Waitrose store in Surrey", "a crash that killed a woman
    /// in Queens Friday night": so does a relative clause whose verb tells what the
    /// happening did (a past verb right after "that" or "which"; "the fire that officials
    /// blamed" is about the officials).
    fn when_clause(&self, kind: EventKind, when: usize) -> (Option<PlaceRef>, Option<EventDate>) {
        const ASKING: &[&str] = &[
            "say", "said", "know", "known", "clear", "unclear", "ask", "asked", "decide",
            "decided", "since", "until", "from", "remember", "recall", "unknown", "sure",
        ];
        const DID: &[&str] = &[
            "tore", "broke", "swept", "struck", "hit", "left", "began", "took", "spread", "burned",
            "burnt", "shook", "sent", "brought", "led", "forced", "saw",
        ];
        let time = self.is_word(when, &["when"]) && !(when > 0 && self.is_word(when - 1, ASKING));
        let relative = self.is_word(when, &["that", "which"])
            && self.tokens.get(when + 1).is_some_and(|t| {
                let word = &self.text[t.span.clone()];
                t.is_word
                    && is_lower_start(word)
                    && (word.ends_with("ed") || str_in(DID, &word.to_lowercase()))
            });
        if !time && !relative {
            return (None, None);
        }
        let from = when + 1;
        let to = self.tokens.len().min(from + 20);
        let at_when = Trigger {
            span: self.tokens[when].span.clone(),
            kind: Some(kind),
            form: TriggerForm::Verb,
        };
        let range = self.offset_of(from)..self.offset_of(to);
        let place = self
            .place_in(&range, kind, &at_when, false)
            .or_else(|| self.fallback_place(&at_when, from, to));
        let date = self.date_in(&range, true, TriggerForm::Verb, None);
        (place, date)
    }

    /// "in the East Flatbush neighborhood in Brooklyn, New York, where Kimani Gray was
    /// shot": a clause opened by ", where" happened at the place named just before it.
    /// `first` is the trigger's phrase start; no other trigger may stand between.
    fn where_place(&self, first: usize, previous_stop: usize) -> Option<PlaceRef> {
        let w = (previous_stop.max(2)..first)
            .rev()
            .find(|&i| self.is_word(i, &["where"]))?;
        if self.token_text(w - 1) != "," {
            return None;
        }
        let comma = self.tokens[w - 1].span.start;
        let floor = w.saturating_sub(12);
        let near = self.offset_of(floor);
        // "in Brooklyn, New York, where": the first place named is the one the clause
        // means; what follows it says which state or country holds it.
        let known = self
            .actors
            .iter()
            .find(|a| {
                a.kind == ActorKind::Place
                    && a.proper
                    && a.span.end <= comma
                    && a.span.start >= near
            })
            .map(|a| PlaceRef {
                name: a.name.clone(),
                span: a.span.clone(),
                known: true,
            });
        let before = Trigger {
            span: self.tokens[floor].span.start..self.tokens[floor].span.start,
            kind: None,
            form: TriggerForm::Verb,
        };
        let unknown = self.fallback_place(&before, floor, w - 1);
        match (known, unknown) {
            (Some(k), Some(u)) => Some(if u.span.start < k.span.start { u } else { k }),
            (k, u) => k.or(u),
        }
    }

    /// Whether the words between two offsets are only glue (see [`LIGHT_GAP_WORDS`]),
    /// names (capitalised words, actors), dates, titles and commas.
    pub(super) fn light_gap(&self, from: usize, to: usize, forward: bool) -> bool {
        if from >= to {
            return true;
        }
        let claimed = |span: &Range<usize>| {
            self.actors.iter().any(|a| overlaps(&a.span, span))
                || self.dates.iter().any(|d| overlaps(&d.span, span))
        };
        for i in self.token_at(from)..self.token_at(to) {
            let token = &self.tokens[i];
            if claimed(&token.span) {
                continue;
            }
            let text = &self.text[token.span.clone()];
            if !token.is_word {
                if text == "." || text == "!" || text == "?" {
                    return false;
                }
                continue;
            }
            if is_upper_start(text) || text.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let word = LowerWord::new(text);
            let light = str_in(LIGHT_GAP_WORDS, word.as_str())
                || str_in(PLACE_NOUNS, word.as_str())
                || (forward && word == "and")
                || is_title_word(&word);
            if !light {
                return false;
            }
        }
        true
    }

    pub(super) fn heavy_words(&self, from: usize, to: usize) -> usize {
        (self.token_at(from)..self.token_at(to))
            .filter(|&i| {
                let token = &self.tokens[i];
                token.is_word && !self.light_gap(token.span.start, token.span.end, true)
            })
            .count()
    }

    pub(super) fn token_text(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.text[t.span.clone()])
    }

    pub(super) fn date_in(
        &self,
        range: &Range<usize>,
        first: bool,
        form: TriggerForm,
        place_end: Option<usize>,
    ) -> Option<EventDate> {
        let mut candidates = self.dates.iter().filter(|d| {
            let gap_ok = if first {
                form != TriggerForm::Noun
                    || self.light_gap(range.start, d.span.start, true)
                    // "... in the Russian city of Sochi on November 18"
                    || place_end.is_some_and(|end| {
                        end <= d.span.start && self.light_gap(end, d.span.start, true)
                    })
            } else {
                // "a week after the ministers met": the phrase governs the clause it opens.
                let governs_clause = d.text.ends_with(" after") || d.text.ends_with(" before");
                governs_clause || self.light_gap(d.span.end, range.end, false)
            };
            // "The ruling comes a week after the ministers met": a phrase that governs
            // the clause after it dates that clause's happening, not one before it.
            // ("the conference in Baku the week before." governs nothing).
            // "revealing the nature of today's Russian authorities": a possessive date
            // after the trigger describes the noun it precedes.
            let possessive = first && (d.text.ends_with("'s") || d.text.ends_with("’s"));
            let governs_next = first
                && (d.text.ends_with(" after") || d.text.ends_with(" before"))
                && self.text[d.span.end..]
                    .trim_start()
                    .starts_with(|c: char| c.is_alphabetic());
            gap_ok
                && !governs_next
                && !possessive
                && d.span.start >= range.start
                && d.span.end <= range.end
                && !matches!(
                    d.preposition.as_deref(),
                    Some("since" | "until" | "till" | "before" | "than")
                )
        });
        let chosen = if first {
            candidates.next()
        } else {
            candidates.next_back()
        };
        chosen.cloned()
    }
}

pub(super) fn push_unique(list: &mut Vec<u32>, id: u32) {
    if !list.contains(&id) {
        list.push(id);
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

pub(super) fn is_upper_start(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_lower_start(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// Nouns of places that, capitalised alone after "the", refer back to a place named before.
const LONE_PLACE_NOUNS: &[&str] = &[
    "square",
    "street",
    "avenue",
    "bridge",
    "building",
    "station",
    "hospital",
    "embassy",
    "prison",
    "court",
    "office",
    "site",
    "scene",
    "palace",
    "parliament",
    "house",
    "center",
    "centre",
    "stadium",
    "airport",
    "port",
    "harbour",
    "harbor",
    "camp",
    "base",
];

fn is_calendar_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        // News (AP style) abbreviates a month before a day or a year ("in Oct. 2011").
        "Jan",
        "Feb",
        "Aug",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        // Holidays date things, they place nothing ("at the Christmas party").
        "Christmas",
        "Easter",
        "Thanksgiving",
        "Halloween",
        "Hanukkah",
        "Ramadan",
        "The",
        "A",
        "An",
    ];
    WORDS.contains(&word.trim_end_matches(['\'', '’', 's'])) || str_in(WORDS, word)
}

/// Role words ("president", "prime minister", "envoy") from the actors' gazetteer.
fn is_title_word(word: &str) -> bool {
    use crate::fxhash::FxHashSet;
    use std::sync::OnceLock;
    static TITLES: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    TITLES
        .get_or_init(|| {
            include_str!("../../../../data/gazetteer/titles.txt")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(str::split_whitespace)
                .collect()
        })
        .contains(word)
}
