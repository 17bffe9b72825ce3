//! Where and when a mention happened: the place, venue and date its clause gives the
//! trigger (after a venue preposition, before it joined by glue words, a date that opens
//! the clause, a "when" or "where" clause), and what mentions of one sentence share:
//! verbs joined by "and" take the place and day written after the last, a "when" clause
//! those of its main clause. `extract.rs` reads the sentence and calls these.

use std::ops::Range;

use super::clause::{is_upper_start, overlaps, ActorSpan, Clause, LocalEvent, PlaceRef};
use super::dates::EventDate;
use super::kinds::{EventKind, KindFamily};
use super::lexicon::*;
use super::triggers::{Trigger, TriggerForm};
use crate::actors::ActorKind;
use crate::calendar::{is_month, is_weekday, AP_MONTH_ABBREVIATIONS};
use crate::lower::{lowercase_in, str_in};

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
    pub(super) fn misread_place(&self, actor: &ActorSpan, preposition: usize) -> bool {
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
    pub(super) fn facility_after(
        &self,
        trigger: &Trigger,
        after: usize,
        to: usize,
    ) -> Option<PlaceRef> {
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
    pub(super) fn venue_after(
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

    /// "in the East Flatbush neighborhood in Brooklyn, New York, where Kimani Gray was
    /// shot": a clause opened by ", where" happened at the place named just before it.
    /// `first` is the trigger's phrase start; no other trigger may stand between.
    pub(super) fn where_place(&self, first: usize, previous_stop: usize) -> Option<PlaceRef> {
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
    // Months and weekdays from the shared table, with only the AP abbreviations ("in Oct.
    // 2011"): "Mar", "Apr", "Jun", "Jul" and "Sep" are not calendar words here.
    let is_calendar = |word: &str| {
        is_month(word)
            || is_weekday(word)
            || str_in(&AP_MONTH_ABBREVIATIONS, word)
            || str_in(WORDS, word)
    };
    is_calendar(word.trim_end_matches(['\'', '’', 's'])) || is_calendar(word)
}
