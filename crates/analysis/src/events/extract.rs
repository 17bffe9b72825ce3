//! Per-text extraction of event mentions: a trigger, then the place, date and people the
//! same clause ties to it ("the July 16 meeting in Helsinki", "X met Y in Moscow on
//! Wednesday", "his summit with Y"). Works on corpus documents and on briefs alike.

use std::cell::OnceCell;
use std::ops::Range;

use super::adjuncts::{
    date_the_when_clause, share_coordinated_adjuncts, share_with_result_participles,
};
use super::clause::{overlaps, push_unique, ActorSpan, Clause, LocalEvent};
use super::dates::{self, DateContext, DateMatches};
use super::lexicon::*;
use super::modality::{status_of, EventStatus};
use super::triggers::{find_triggers, Trigger, TriggerForm};
use super::words;
use super::EventKind;
use crate::actors::ActorKind;
use crate::lower::str_in;

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
                share_with_result_participles(text, &mut found[clause_first..]);
            }
        }
        if first_person.is_some() {
            previous_subject = first_person;
        }
    }
    found
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
    pub(super) fn event_at(&self, index: usize, trigger: &Trigger) -> Option<LocalEvent> {
        let kind = trigger.kind?;
        let first = self.token_containing(trigger.span.start);
        let after = self.token_at(trigger.span.end);
        let previous_stop = index
            .checked_sub(1)
            .and_then(|i| self.triggers.get(i))
            .map_or(0, |t| self.token_at(t.span.end));
        // "an earthquake razed villages on Qeshm on Sunday", "the quake struck Aleppo on
        // Tuesday": a verb of damage, or the noun's own verb, right after a noun of a general
        // kind tells what the noun's happening did, and the clause goes on about both.
        let damage_after = trigger.form == TriggerForm::Noun
            && kind.general()
            && self.triggers.get(index + 1).is_some_and(|t| {
                let own_verb = t.form == TriggerForm::Verb
                    && t.kind.is_some_and(|k| k.family() == kind.family());
                (own_verb || t.kind == Some(EventKind::Damage))
                    && self.token_containing(t.span.start) <= after + 2
            });
        let next_stop = self
            .triggers
            .get(index + 1 + usize::from(damage_after))
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
                // So does a verb of cause ("sparked protests").
                let cause = self.is_word(premod - 1, CAUSE_VERBS);
                if !token.is_word
                    || self.is_word(premod - 1, PREMOD_STOP)
                    || gerund
                    || light_verb
                    || cause
                {
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
                    && self.bare_particular(premod, first, after) =>
            {
                true
            }
            // An election that voters took part in ("voted Sunday in a parliamentary
            // election") happened, though the clause names its country only as the voters.
            _ if kind.family() == super::KindFamily::Vote
                && status == EventStatus::Happened
                && super::gates::ballots_cast(self.text, trigger.span.start, trigger.span.end) =>
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
    fn bare_particular(&self, premod: usize, first: usize, after: usize) -> bool {
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
        const CHARGE: &[&str] = &[
            "charged",
            "accused",
            "suspicion",
            "convicted",
            "guilty",
            "suspected",
            "confessed",
            "admitted",
        ];
        // Verbs of outbreak and spread whose subject is the happening itself ("riots
        // erupted", "protests have spread").
        const OUTBREAK: &[&str] = &["erupted", "spread", "flared", "raged", "escalated"];
        let agent = premod >= 2
            && self.is_word(premod - 1, &["by"])
            && self.lower(premod - 2).ends_with("ed");
        let outbreak = self.is_word(after, OUTBREAK)
            || (self.is_word(after, &["has", "have", "had"]) && self.is_word(after + 1, OUTBREAK));
        let subject = premod == 0 && (self.is_word(after, DAMAGE) || outbreak);
        let caused = premod >= 1 && self.is_word(premod - 1, CAUSE_VERBS);
        let charged = premod >= 2
            && self.is_word(premod - 1, &["with", "of", "to"])
            && self.is_word(premod - 2, CHARGE);
        // "suspected of shooting three people", "and killing a receptionist": a gerund with
        // its object is the verb's act, not the generic noun.
        let gerund_with_object =
            premod == first && self.lower(first).ends_with("ing") && self.object_follows(after);
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
        // "suffocated to death", "stabbed to death": a death told by its manner (but
        // "sentenced to death" is a sentence, "bored to death" a figure).
        let manner = premod >= 2
            && self.is_word(premod - 1, &["to"])
            && self.lower(premod - 2).ends_with("ed")
            && !self.is_word(
                premod - 2,
                &[
                    "sentenced",
                    "condemned",
                    "bored",
                    "scared",
                    "frightened",
                    "worried",
                    "tired",
                    "sickened",
                ],
            )
            && self.is_word(first, &["death"]);
        agent || subject || caused || charged || toll || stretch || gerund_with_object || manner
    }

    /// Whether the words at token `i` begin a verb's object that names who or how many:
    /// a number ("three people", "at least 10", "one"), a person, or "a", "his", "her",
    /// "their" before a noun.
    fn object_follows(&self, i: usize) -> bool {
        const COUNTS: &[&str] = &[
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "dozens", "several", "a", "an", "his", "her", "their",
        ];
        let Some(token) = self.tokens.get(i) else {
            return false;
        };
        let word = &self.text[token.span.clone()];
        let number = word.starts_with(|c: char| c.is_ascii_digit());
        let at_least = self.is_word(i, &["at"]) && self.is_word(i + 1, &["least"]);
        let person = self
            .actors
            .iter()
            .any(|a| a.kind == ActorKind::Person && a.span.start == token.span.start);
        token.is_word && (number || at_least || person || self.is_word(i, COUNTS))
    }
}
