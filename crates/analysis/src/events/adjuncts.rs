//! Where and when a mention happened: the place, venue and date its clause gives the
//! trigger (after a venue preposition, before it joined by glue words, a date that opens
//! the clause, a "when" or "where" clause), and what mentions of one sentence share:
//! verbs joined by "and" take the place and day written after the last, a "when" clause
//! and a participle of result (", killing two") those of the clause before them.
//! `extract.rs` reads the sentence and calls these. The place and
//! venue are read in `adjuncts/place.rs`; the day, and what is shared, here.

use std::ops::Range;

use super::clause::{Clause, LocalEvent, PlaceRef};
use super::dates::EventDate;
use super::kinds::EventKind;
use super::triggers::{Trigger, TriggerForm};
use crate::lower::{lowercase_in, str_in};
use place::is_lower_start;

mod place;

/// "A gunman shot one man and wounded two others Monday at a warehouse in Leeds": verbs
/// of one subject joined by "and" share the place and day written after the last one, so
/// a verb without its own takes those of the verb coordinated after it (`is_verb[i]` says
/// whether `mentions[i]`, all of one clause, is a verb's).
pub(super) fn share_coordinated_adjuncts(
    text: &str,
    mentions: &mut [LocalEvent],
    is_verb: &[bool],
) {
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

/// "A bomb exploded on Friday at a bank in Leeds, killing a guard and critically injuring
/// two others": a participle of result after a comma tells what the happening before it
/// did, so it happened where and when that one did, and so do the participles joined to
/// it by "and". A mention without its own day or place takes those of the mention before
/// it in the clause, written before the participle.
pub(super) fn share_with_result_participles(text: &str, mentions: &mut [LocalEvent]) {
    let mut is_result = vec![false; mentions.len()];
    for i in 1..mentions.len() {
        let (before, after) = mentions.split_at_mut(i);
        let (main, result) = (&before[i - 1], &mut after[0]);
        let trigger = &text[result.trigger.clone()];
        let participle = trigger.len() > 4
            && trigger.chars().all(|c| c.is_ascii_alphabetic())
            && trigger.to_ascii_lowercase().ends_with("ing");
        if main.trigger.end > result.trigger.start || !participle {
            continue;
        }
        // The words before the participle, less an adverb ("critically injuring").
        let mut lead_in = text[main.trigger.end..result.trigger.start].trim_end();
        if let Some(adverb) = lead_in.rsplit(char::is_whitespace).next() {
            if adverb.len() > 3 && adverb.ends_with("ly") && adverb.chars().all(char::is_alphabetic)
            {
                lead_in = lead_in[..lead_in.len() - adverb.len()].trim_end();
            }
        }
        let after_and = lead_in
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("and"));
        if after_and {
            lead_in = lead_in[..lead_in.len() - 3].trim_end();
        }
        // ", killing", ", and injuring"; "killing one and wounding two" after such a one.
        let result_clause = lead_in.ends_with(',') || (after_and && is_result[i - 1]);
        if !result_clause {
            continue;
        }
        is_result[i] = true;
        let start = result.trigger.start;
        take_missing_adjuncts(result, main, |span| span.end <= start);
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
pub(super) fn date_the_when_clause(text: &str, mentions: &mut [LocalEvent]) {
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

impl Clause<'_> {
    /// A date that opens the clause ("On Tuesday,", "In January 2011,") when no other
    /// trigger stands between it and `trigger`.
    pub(super) fn opening_date(
        &self,
        previous_stop: usize,
        trigger: &Trigger,
    ) -> Option<EventDate> {
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

    /// "were killed when Greeks threw petrol bombs at a bank in Athens on Wednesday": a
    /// clause of time after the happening tells what went on at the same time and place.
    /// `when` is the token that ended the trigger's clause. "did not say when ..." asks.
    /// "a fire that ripped through a Waitrose store in Surrey", "a crash that killed a woman
    /// in Queens Friday night": so does a relative clause whose verb tells what the
    /// happening did (a past verb right after "that" or "which"; "the fire that officials
    /// blamed" is about the officials).
    pub(super) fn when_clause(
        &self,
        kind: EventKind,
        when: usize,
    ) -> (Option<PlaceRef>, Option<EventDate>) {
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
