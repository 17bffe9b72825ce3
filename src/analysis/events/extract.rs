//! Per-text extraction of event mentions: a trigger, then the place, date and people the
//! same clause ties to it ("the July 16 meeting in Helsinki", "X met Y in Moscow on
//! Wednesday", "his summit with Y"). Works on corpus documents and on briefs alike.

use std::ops::Range;

use super::dates::{self, DateContext, EventDate};
use super::triggers::{find_triggers, EventKind, Trigger, TriggerForm};
use super::words::{self, Token};
use crate::analysis::actors::ActorKind;

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
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRef {
    /// The gazetteer name, or the words as written when no known place matched
    /// ("in Al-Shayrat"); the corpus-wide merge matches near-miss spellings.
    pub name: String,
    pub span: Range<usize>,
    pub known: bool,
}

/// One event mention in one text.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalEvent {
    /// The words that name the event ("the July 16 meeting in Helsinki").
    pub span: Range<usize>,
    pub trigger: Range<usize>,
    pub kind: EventKind,
    pub place: Option<PlaceRef>,
    pub date: Option<EventDate>,
    /// Person actors, by the ids the input used.
    pub participants: Vec<u32>,
    pub sentence: Range<usize>,
    /// False for a bare definite mention ("the summit") that only refers to an event
    /// the text anchors elsewhere.
    pub anchored: bool,
}

/// Extracts event mentions from `text[range]`. `actors` must be sorted by start offset.
pub fn extract(
    text: &str,
    range: Range<usize>,
    actors: &[ActorSpan],
    date_cx: DateContext,
) -> Vec<LocalEvent> {
    let range = clamp_range(text, range);
    let triggers = find_triggers(text, range.clone());
    if triggers.iter().all(|t| t.kind.is_none()) {
        return Vec::new();
    }
    let all_dates = dates::find_dates(text, range.clone(), date_cx);
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
                };
                for (i, trigger) in cx.triggers.iter().enumerate() {
                    if let Some(mut event) = cx.event_at(i, trigger) {
                        if let (Some(date), Some(today)) = (event.date.as_mut(), date_cx.today) {
                            dates::resolve_weekday(date, today, future);
                        }
                        found.push(event);
                    }
                }
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

/// Words that end a noun's modifiers when reading backwards from the trigger.
const PREMOD_STOP: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
    "your", "my", "any", "every", "each", "some", "another", "no", "of", "in", "at", "on", "for",
    "with", "to", "from", "by", "after", "before", "during", "since", "ahead", "about", "and",
    "or", "but", "as", "is", "are", "was", "were", "be", "been", "will", "would", "could",
    "should", "held", "hold", "holds", "had", "has", "have", "attended", "into", "than", "it",
    "he", "she", "they", "we", "i", "you", "which", "who", "said", "says", "over", "under",
    "between", "against", "toward", "towards", "reach", "reached", "signed", "sealed", "not",
    "also", "if", "when", "where", "while", "there", "here",
];

const DETERMINERS: &[&str] = &[
    "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "your", "a",
    "an", "any", "every", "each", "some", "another", "no",
];

const DEFINITE: &[&str] = &["the", "this", "that", "his", "her", "their", "its"];

/// Words that end the search after a trigger: a new clause or someone speaking.
const FORWARD_STOP: &[&str] = &[
    "which",
    "who",
    "whom",
    "whose",
    "that",
    "said",
    "says",
    "told",
    "tells",
    "saying",
    "according",
    "while",
    "but",
    "because",
    "although",
    "though",
    "where",
    "when",
    "if",
];

/// "-ing" words that modify a noun ("the upcoming summit") rather than govern it.
const MODIFIER_GERUNDS: &[&str] = &["upcoming", "ongoing", "founding", "closing", "opening"];

const COPULAS: &[&str] = &["is", "are", "was", "were"];

/// Lowercase words that may stand between a trigger and its place, date or people without
/// starting a new thought ("summit on Monday in Helsinki", "talks held in the capital",
/// "meeting with North Korean leader Kim").
const LIGHT_GAP_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "at",
    "on",
    "of",
    "with",
    "for",
    "near",
    "outside",
    "inside",
    "between",
    "among",
    "during",
    "to",
    "held",
    "hold",
    "be",
    "been",
    "being",
    "is",
    "was",
    "will",
    "would",
    "take",
    "takes",
    "took",
    "taking",
    "place",
    "scheduled",
    "set",
    "due",
    "slated",
    "expected",
    "planned",
    "also",
    "his",
    "her",
    "their",
    "its",
    "counterpart",
    "counterparts",
    "leader",
    "leaders",
    "later",
    "earlier",
    "first",
    "second",
    "third",
    "forces",
    "troops",
    "army",
    "military",
    "police",
    "soldiers",
    "militants",
    "rebels",
    "fighters",
    "jets",
    "aircraft",
    "planes",
    "drones",
    "warplanes",
    "agreed",
    "reached",
    "signed",
    "announced",
    "declared",
    "launched",
    "carried",
    "out",
    "residence",
    "airbase",
    "base",
    "palace",
    "headquarters",
    "hotel",
    "embassy",
    "sidelines",
];

const VENUE_PREPOSITIONS: &[&str] = &["in", "at", "near", "outside", "inside"];

const PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "outside", "inside", "on", "of", "with", "from", "to", "for", "by",
    "against", "over", "between", "about", "into", "toward", "towards", "across", "than",
];

/// Nouns between a venue preposition and the place ("in the Russian city of Sochi").
const PLACE_NOUNS: &[&str] = &[
    "city",
    "capital",
    "town",
    "village",
    "region",
    "province",
    "area",
    "outskirts",
    "suburbs",
    "suburb",
    "port",
    "district",
    "resort",
    "enclave",
    "republic",
    "state",
    "county",
    "border",
    "governorate",
];

/// Verbs and prepositions after which a noun trigger's subject takes part
/// ("Putin held talks", "X sat down for talks", "Y said after talks with Z").
const LIGHT_WORDS: &[&str] = &[
    "held",
    "hold",
    "holds",
    "holding",
    "had",
    "attended",
    "attend",
    "attends",
    "attending",
    "after",
    "during",
    "for",
    "hosted",
    "host",
    "hosts",
    "hosting",
    "chaired",
    "convened",
    "joined",
    "join",
    "reach",
    "reached",
    "reaches",
    "sealed",
    "signed",
    "sign",
    "struck",
    "concluded",
    "launched",
    "conducted",
    "carried",
    "staged",
    "ordered",
    "began",
    "resumed",
    "ended",
    "opened",
    "announced",
    "agreed",
    "negotiated",
    "brokered",
];

/// Nouns before "for" that make the subject a planner rather than a participant
/// ("confirmed plans for a meeting", "the groundwork for the summit").
const PLAN_NOUNS: &[&str] = &[
    "plans",
    "plan",
    "preparations",
    "preparation",
    "calls",
    "call",
    "hopes",
    "hope",
    "demand",
    "demands",
    "proposal",
    "proposals",
    "groundwork",
    "ground",
    "agenda",
    "date",
    "venue",
    "pressure",
    "push",
    "support",
    "way",
];

/// Words that join one participant to the next ("X and Y", "X with his counterpart Y").
const LINK_WORDS: &[&str] = &[
    "with",
    "between",
    "among",
    "by",
    "and",
    "involving",
    "including",
    "as",
];

struct Clause<'a> {
    text: &'a str,
    sentence: Range<usize>,
    tokens: Vec<Token>,
    triggers: &'a [Trigger],
    actors: &'a [ActorSpan],
    sentence_actors: &'a [ActorSpan],
    dates: &'a [EventDate],
    previous_subject: Option<u32>,
}

impl Clause<'_> {
    fn lower(&self, i: usize) -> String {
        self.tokens
            .get(i)
            .map_or(String::new(), |t| self.text[t.span.clone()].to_lowercase())
    }

    fn is_word(&self, i: usize, list: &[&str]) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_word) && list.contains(&self.lower(i).as_str())
    }

    /// First token starting at or after `offset`.
    fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < offset)
    }

    /// First token starting at or after `offset`, but for a token that contains it.
    fn token_containing(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= offset)
    }

    fn event_at(&self, index: usize, trigger: &Trigger) -> Option<LocalEvent> {
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
                let gerund = word.ends_with("ing") && !MODIFIER_GERUNDS.contains(&word.as_str());
                if !token.is_word || self.is_word(premod - 1, PREMOD_STOP) || gerund {
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

        let place = self
            .place_in(&premod_range, kind, trigger, true)
            .or_else(|| self.place_in(&forward_range, kind, trigger, false))
            .or_else(|| self.fallback_place(trigger, after, forward_end))
            .or_else(|| self.place_in(&backward_range, kind, trigger, false));
        let place_end = place.as_ref().map(|p| p.span.end);
        let date = self
            .date_in(&premod_range, true, TriggerForm::Verb, None)
            .or_else(|| self.date_in(&forward_range, true, trigger.form, place_end))
            .or_else(|| self.date_in(&backward_range, false, trigger.form, None));

        let mut participants = Vec::new();
        for actor in self.persons_in(&premod_range) {
            push_unique(&mut participants, actor.actor);
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

        // A bare "Monday" the document cannot date says too little to make an event.
        let dated = date.as_ref().is_some_and(|d| !d.unresolved);
        let anchored = match trigger.form {
            TriggerForm::WeakVerb => place.is_some(),
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
            date,
            participants,
            sentence: self.sentence.clone(),
            anchored,
        })
    }

    fn offset_of(&self, token: usize) -> usize {
        match self.tokens.get(token) {
            Some(t) => t.span.start,
            None => self.tokens.last().map_or(self.sentence.end, |t| t.span.end),
        }
    }

    fn persons_in<'b>(
        &'b self,
        range: &'b Range<usize>,
    ) -> impl Iterator<Item = &'b ActorSpan> + 'b {
        self.actors.iter().filter(move |a| {
            a.kind == ActorKind::Person && a.span.start >= range.start && a.span.end <= range.end
        })
    }

    /// A known place in `range` that the words before it make a venue.
    fn place_in(
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
    fn is_venue(&self, start: usize, kind: EventKind, trigger: &Trigger, floor: usize) -> bool {
        let place_token = self.token_at(start);
        if place_token == floor
            && kind == EventKind::Visit
            && trigger.form == TriggerForm::Verb
            && start >= trigger.span.end
        {
            return true; // "visited Moscow"
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
            if PREPOSITIONS.contains(&word.as_str()) {
                return VENUE_PREPOSITIONS.contains(&word.as_str())
                    || (kind == EventKind::Visit && word == "to");
            }
            if PREMOD_STOP.contains(&word.as_str()) && word != "the" {
                return false;
            }
        }
        false
    }

    /// "in Al-Shayrat": capitalised words after a venue preposition that no actor claims,
    /// for places the gazetteer lacks or the writer misspelt.
    fn fallback_place(&self, trigger: &Trigger, from: usize, to: usize) -> Option<PlaceRef> {
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
                if self.actors.iter().any(|a| overlaps(&a.span, &token.span)) {
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
                    t.is_word
                        && (is_upper_start(next)
                            || PLACE_NOUNS.contains(&next.to_lowercase().as_str()))
                });
                if !claimed_next {
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

    /// Whether the words between two offsets are only glue (see [`LIGHT_GAP_WORDS`]),
    /// names (capitalised words, actors), dates, titles and commas.
    fn light_gap(&self, from: usize, to: usize, forward: bool) -> bool {
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
            let word = text.to_lowercase();
            let light = LIGHT_GAP_WORDS.contains(&word.as_str())
                || PLACE_NOUNS.contains(&word.as_str())
                || (forward && word == "and")
                || is_title_word(&word);
            if !light {
                return false;
            }
        }
        true
    }

    fn heavy_words(&self, from: usize, to: usize) -> usize {
        (self.token_at(from)..self.token_at(to))
            .filter(|&i| {
                let token = &self.tokens[i];
                token.is_word && !self.light_gap(token.span.start, token.span.end, true)
            })
            .count()
    }

    fn token_text(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.text[t.span.clone()])
    }

    fn date_in(
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
                self.light_gap(d.span.end, range.end, false)
            };
            gap_ok
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

    /// People after the trigger: "met Y", "summit with Y", "between X and Y".
    fn objects(&self, trigger: &Trigger, after: usize, forward_end: usize, out: &mut Vec<u32>) {
        let end = self.offset_of(forward_end);
        let mut persons = self.actors.iter().filter(|a| {
            a.kind == ActorKind::Person && a.span.start >= trigger.span.end && a.span.end <= end
        });
        let Some(first) = persons.next() else { return };
        let gap_first = after;
        let gap_last = self.token_at(first.span.start);
        let gap_words: Vec<String> = (gap_first..gap_last)
            .filter(|&i| self.tokens[i].is_word)
            .map(|i| self.lower(i))
            .collect();
        let linked = match trigger.form {
            TriggerForm::Noun => {
                gap_words.iter().any(|w| LINK_WORDS.contains(&w.as_str()))
                    && self.light_gap(trigger.span.end, first.span.start, true)
            }
            _ => gap_words.len() <= 8,
        };
        if !linked {
            return;
        }
        push_unique(out, first.actor);
        let mut last_end = first.span.end;
        for person in persons {
            if !self.coordinated(last_end, person.span.start) {
                break;
            }
            push_unique(out, person.actor);
            last_end = person.span.end;
        }
    }

    /// Whether the words between two people join them ("and", ", and", "with his
    /// counterpart") rather than describe the first (", a senior adviser to").
    fn coordinated(&self, from: usize, to: usize) -> bool {
        let gap: Vec<usize> = (self.token_at(from)..self.token_at(to)).collect();
        if gap.len() > 8 {
            return false;
        }
        let Some(&first) = gap.first() else {
            return false;
        };
        if self.tokens[first].is_word {
            return self.is_word(first, &["and", "with"]);
        }
        // A comma: a list goes on with "and" or a name, an apposition with "a"/"the".
        match gap.get(1) {
            None => true,
            Some(&second) => {
                self.is_word(second, &["and"]) || is_upper_start(self.token_text(second))
            }
        }
    }

    fn has_light_word(&self, phrase_start: usize) -> bool {
        let Some(before) = phrase_start.checked_sub(1) else {
            return false;
        };
        if !self.is_word(before, LIGHT_WORDS) {
            // "sat down for talks" and "left for Moscow ... for a meeting" reach here via "for".
            return false;
        }
        if self.lower(before) == "for" {
            return !before
                .checked_sub(1)
                .is_some_and(|i| self.is_word(i, PLAN_NOUNS));
        }
        true
    }

    /// The clause's subject: its first person, with the people joined to them.
    fn subject(&self, from: usize, to: usize, out: &mut Vec<u32>) {
        let range = self.offset_of(from)..self.offset_of(to);
        let mut persons = self.persons_in(&range);
        let Some(first) = persons.next() else {
            // "he held talks": the subject of the previous sentence.
            let pronoun = (from..to)
                .rev()
                .take(3)
                .any(|i| self.is_word(i, &["he", "she"]));
            if pronoun {
                if let Some(previous) = self.previous_subject {
                    push_unique(out, previous);
                }
            }
            return;
        };
        if self.token_at(first.span.start) + 30 < to {
            return;
        }
        push_unique(out, first.actor);
        let mut last_end = first.span.end;
        for person in persons {
            if !self.coordinated(last_end, person.span.start) {
                break;
            }
            push_unique(out, person.actor);
            last_end = person.span.end;
        }
    }
}

fn push_unique(list: &mut Vec<u32>, id: u32) {
    if !list.contains(&id) {
        list.push(id);
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn is_upper_start(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_lower_start(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

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
        "The",
        "A",
        "An",
    ];
    WORDS.contains(&word.trim_end_matches(['\'', '’', 's'])) || WORDS.contains(&word)
}

/// Role words ("president", "prime minister", "envoy") from the actors' gazetteer.
fn is_title_word(word: &str) -> bool {
    use std::collections::HashSet;
    use std::sync::OnceLock;
    static TITLES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    TITLES
        .get_or_init(|| {
            include_str!("../../../data/gazetteer/titles.txt")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(str::split_whitespace)
                .collect()
        })
        .contains(word)
}
