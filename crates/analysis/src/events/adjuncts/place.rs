//! Where a mention happened, as its clause gives it: a known place a venue preposition
//! governs, capitalised words no actor claims after one, a name the actors misread as a
//! person, a facility after an admission, the spot a venue preposition names, the place
//! named before ", where". `adjuncts.rs` reads the day and shares both across a sentence.

use std::ops::Range;

use crate::actors::ActorKind;
use crate::calendar::{is_month, is_weekday, AP_MONTH_ABBREVIATIONS};
use crate::events::clause::{is_upper_start, overlaps, ActorSpan, Clause, PlaceRef};
use crate::events::kinds::{EventKind, KindFamily};
use crate::events::lexicon::*;
use crate::events::triggers::{Trigger, TriggerForm};
use crate::lower::{lowercase_in, str_in};

impl Clause<'_> {
    /// A known place in `range` that the words before it make a venue.
    pub(in crate::events) fn place_in(
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
                    || (crate::events::places::parent_of(&place.name).is_some()
                        && self.heavy_words(trigger.span.end, place.span.start) <= 4)
            } else {
                self.light_gap(place.span.end, range.end, false)
            };
            let accepted =
                premod || (gap_ok && self.is_venue(place.span.start, kind, trigger, floor));
            if accepted {
                chosen = Some(
                    self.feature_of_name(&place.span)
                        .unwrap_or_else(|| PlaceRef {
                            name: place.name.clone(),
                            span: place.span.clone(),
                            known: true,
                        }),
                );
                // Before the trigger the nearest venue counts; after it, the first.
                if range.start >= trigger.span.end {
                    break;
                }
            }
        }
        chosen
    }

    /// "the Gulf of Aden", "the Bay of Bengal": a word of geography written alone, which
    /// the gazetteer may know as one place ("Gulf" for the Persian Gulf), followed by "of"
    /// and a capitalised name, is a longer name of its own, kept as written.
    fn feature_of_name(&self, span: &Range<usize>) -> Option<PlaceRef> {
        const FEATURES: &[&str] = &[
            "Gulf", "Bay", "Sea", "Strait", "Straits", "Isle", "Cape", "Lake",
        ];
        if !FEATURES.contains(&self.text.get(span.clone())?) {
            return None;
        }
        let rest = self.text.get(span.end..)?.strip_prefix(" of ")?;
        let (mut len, mut at) = (0, 0);
        for word in rest.split(' ') {
            let core = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            if !core.starts_with(|c: char| c.is_uppercase()) || is_calendar_word(core) {
                break;
            }
            len = at + core.len();
            // A comma or a stop ends the name.
            if core.len() < word.len() {
                break;
            }
            at += word.len() + 1;
        }
        (len > 0).then(|| {
            let end = span.end + " of ".len() + len;
            PlaceRef {
                name: self.text[span.start..end].to_string(),
                span: span.start..end,
                known: false,
            }
        })
    }

    /// Whether the preposition governing a place at `start` makes it where things happen.
    /// Reading back stops at token `floor` (just after the trigger, for places after it).
    pub(in crate::events) fn is_venue(
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
    pub(in crate::events) fn fallback_place(
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
    pub(in crate::events) fn misread_place(&self, actor: &ActorSpan, preposition: usize) -> bool {
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
    pub(in crate::events) fn facility_after(
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

    /// "died in prison", "exploded late Friday at a Woodburn bank", "was found dead in his
    /// motel room", "fell from a ridge": the facility or spot a venue preposition names in
    /// the happening's clause, as written from its determiner to its head noun (the last of
    /// a run of facility nouns: "his prison cell"), a name before the head kept ("a
    /// Woodburn bank"). "into" places only an admission ("checked into rehab"), "from"
    /// only a fall or an escape ("escaped from a prison"); "in the head" names no facility.
    pub(in crate::events) fn venue_after(
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

    /// "in the East Flatbush neighborhood in Brooklyn, New York, where Kimani Gray was
    /// shot": a clause opened by ", where" happened at the place named just before it.
    /// `first` is the trigger's phrase start; no other trigger may stand between.
    pub(in crate::events) fn where_place(
        &self,
        first: usize,
        previous_stop: usize,
    ) -> Option<PlaceRef> {
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
}

pub(super) fn is_lower_start(word: &str) -> bool {
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
