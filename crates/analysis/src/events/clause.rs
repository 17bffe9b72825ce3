//! What event extraction reads and writes: the actor spans it is given, the clause it
//! reads a trigger in (with the token accessors every reader of a clause shares), and the
//! event records it yields. `extract.rs`, `adjuncts.rs` and `participants.rs` read a
//! clause through these; keeping them apart lets those files depend on this one rather
//! than on each other.

use std::ops::Range;

use super::dates::EventDate;
use super::kinds::EventKind;
use super::lexicon::{LIGHT_GAP_WORDS, PLACE_NOUNS};
use super::modality::EventStatus;
use super::triggers::Trigger;
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

    /// Whether the clause is a headline ([`words::is_headline`]).
    pub(super) fn in_headline(&self) -> bool {
        words::is_headline(self.text, &self.sentence)
    }

    pub(super) fn offset_of(&self, token: usize) -> usize {
        match self.tokens.get(token) {
            Some(t) => t.span.start,
            None => self.tokens.last().map_or(self.sentence.end, |t| t.span.end),
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
}

pub(super) fn push_unique(list: &mut Vec<u32>, id: u32) {
    if !list.contains(&id) {
        list.push(id);
    }
}

pub(super) fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

pub(super) fn is_upper_start(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
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
