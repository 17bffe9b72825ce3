//! What the words around a name's mentions say it is, read over the whole document once
//! every mention is known. A name nothing marks as a person's (no role, no given name, no
//! honorific) is taken for one when a verb of saying stands beside it; the rest of the
//! story often says otherwise, in patterns English news writes for companies, clubs and
//! places and never for people:
//! - a company's belongings after its name ("Pirelli shares", "Comelf's six-month
//!   output", "Cofinec CEO Stephen Frater");
//! - a single name with a plural verb, as British sports writing treats a club
//!   ("Deportivo were unable to capitalise");
//! - a settlement's noun and "of" before it ("in the town of Uyo", "the eastern province
//!   of Zhejiang"), or a place noun after it ("Charles de Gaulle airport", "the
//!   Jebel al-Akhdar region").
//!
//! Each cue is counted per mention; the actor takes the kind its cues agree on.

use super::extractor::Extractor;
use super::gazetteer::{fold_into, name_words};
use super::lexicon::{is_in, ORG_CONTEXT};
use super::scan::{CAP, JOINED, LINE_START, POSSESSIVE, SENTENCE_START};
use super::ActorKind;
use crate::fxhash::FxHashMap;

/// Nouns of what a company owns, issues or reports, right after its name.
const CORPORATE_AFTER: [&str; 29] = [
    "shares",
    "stock",
    "stocks",
    "shareholders",
    "stake",
    "subsidiary",
    "subsidiaries",
    "unit",
    "division",
    "ceo",
    "CEO",
    "headquarters",
    "output",
    "revenue",
    "revenues",
    "sales",
    "profit",
    "profits",
    "earnings",
    "plant",
    "plants",
    "factory",
    "factories",
    "outlets",
    "bonds",
    "dividend",
    "turnover",
    "workforce",
    "board",
];

/// Verbs by which a company reports its results ("Implats posted year attributable
/// profit"), and the results they report. Not "reported": a person reports losses on a
/// tax return ("Trump reported a $916 million loss").
const RESULTS_VERBS: [&str; 6] = ["posted", "posts", "booked", "books", "revised", "revises"];
const RESULTS_NOUNS: [&str; 9] = [
    "profit", "profits", "loss", "losses", "net", "earnings", "turnover", "pretax", "pre-tax",
];

/// Those of them that, after a possessive, are a company's and not a person's ("Trump's
/// earnings" are his own; "Pirelli's shares" are the firm's).
const CORPORATE_OWNED: [&str; 11] = [
    "shares",
    "stock",
    "shareholders",
    "subsidiary",
    "subsidiaries",
    "division",
    "headquarters",
    "output",
    "turnover",
    "workforce",
    "dividend",
];

/// Words after which a name opens its clause, so a plural verb after it is its own.
const CLAUSE_OPENERS: [&str; 12] = [
    "But", "but", "Yet", "yet", "while", "when", "as", "because", "although", "though", "so",
    "that",
];

/// Verbs in the plural: after a single name, a club or a team (a person takes "was").
const PLURAL_VERBS: [&str; 3] = ["were", "are", "have"];

/// Nouns of a settlement or an area, before "of" and a name ("the town of Uyo"), or
/// heading an appositive after it ("Whittier, a port in western Prince William Sound").
const PLACE_OF: [&str; 16] = [
    "town",
    "city",
    "village",
    "province",
    "region",
    "district",
    "county",
    "port",
    "island",
    "suburb",
    "municipality",
    "prefecture",
    "state",
    "capital",
    "settlement",
    "community",
];

/// What may follow a place noun ending an appositive (", a small port in ...").
const AFTER_PLACE_NOUN: [&str; 10] = [
    "in", "of", "near", "on", "outside", "north", "south", "east", "west", "some",
];

/// Nouns of a place, right after a name ("Charles de Gaulle airport").
const PLACE_AFTER: [&str; 10] = [
    "airport",
    "port",
    "region",
    "province",
    "district",
    "prefecture",
    "harbour",
    "harbor",
    "peninsula",
    "palace",
];

/// Words right before a single name that make it a club's or a company's ("his club
/// Essex", "UEFA Cup hopefuls Parma"), beside the organization nouns of [`ORG_CONTEXT`].
/// Not "side": "on the Democratic side Pate backed" is no club.
const CLUB_BEFORE: [&str; 6] = ["club", "team", "outfit", "champions", "holders", "hopefuls"];

/// Prepositions: a relative clause after "by X, which" is often about the thing before.
const PREPOSITIONS: [&str; 12] = [
    "by", "with", "of", "from", "to", "for", "in", "on", "at", "about", "against", "over",
];

/// Honorifics that make any name a person's.
const HONORIFICS: [&str; 8] = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms."];

/// Nouns of an event right after a place's name, or after it as the subject of "was": "the
/// Sandy Hook shooting", "Sandy Hook wasn't just a national tragedy".
const EVENT_AFTER: [&str; 12] = [
    "shooting",
    "shootings",
    "massacre",
    "tragedy",
    "bombing",
    "bombings",
    "rampage",
    "killings",
    "disaster",
    "victims",
    "elementary",
    "residents",
];

/// Prepositions of a location before a name ("in Sandy Hook", "near Palm Springs").
const AT_PLACE: [&str; 5] = ["in", "at", "near", "outside", "inside"];

/// Copulas a place's name takes as a subject before an event noun ("Sandy Hook was").
const COPULAS: [&str; 6] = ["was", "is", "wasn't", "isn't", "wasn’t", "isn’t"];

/// "Sandy Hook", "Sandy Point", "Palm Springs": a given name then an English noun (one no
/// one bears as a given name) names a place as often as a person; only such names take
/// the place cues of [`EVENT_AFTER`] and [`AT_PLACE`] ("Chad Curtis", "Jordan Matthews"
/// end in no English noun; "Gordon Brown" does, and takes none of those cues).
fn given_then_noun(name: &str) -> bool {
    let words = name_words();
    let mut parts = name.split(' ');
    let (Some(first), Some(last), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let (first, last) = (first.to_lowercase(), last.to_lowercase());
    words.is_given(&first) && words.is_common(&last) && !words.is_given(&last)
}

#[derive(Default, Clone, Copy)]
struct Cues {
    person: bool,
    organization: usize,
    place: usize,
    /// Place cues no person's name takes, given name or not ("the village of X").
    settlement: usize,
}

impl Cues {
    fn merge(&mut self, other: &Cues) {
        self.person |= other.person;
        self.organization += other.organization;
        self.place += other.place;
        self.settlement += other.settlement;
    }
}

impl Extractor<'_> {
    /// Persons whose mentions the document describes as a company, a club or a place take
    /// that kind (see the module's comment). A role, an honorific or a given name first
    /// keeps a person a person.
    pub(super) fn persons_told_by_context(&mut self) {
        let mut cues: Vec<Cues> = (0..self.actors.len()).map(|_| Cues::default()).collect();
        let noun_named: Vec<bool> = self
            .actors
            .iter()
            .map(|a| a.kind == ActorKind::Person && a.roles.is_empty() && given_then_noun(&a.name))
            .collect();
        for m in &self.mentions {
            let actor = &self.actors[m.actor as usize];
            if actor.kind != ActorKind::Person || !actor.roles.is_empty() {
                continue;
            }
            let first = self
                .tokens
                .partition_point(|t| (t.start as usize) < m.span.start);
            let last = self
                .tokens
                .partition_point(|t| (t.end as usize) < m.span.end);
            if first >= self.tokens.len() || last >= self.tokens.len() || last < first {
                continue;
            }
            let c = &mut cues[m.actor as usize];
            let word = |i: usize| self.tokens[i].text(self.text);
            let before = first
                .checked_sub(1)
                .filter(|_| self.tokens[first].has(JOINED));
            let before = before.map(word).unwrap_or("");
            if is_in(&HONORIFICS, before) {
                c.person = true;
                continue;
            }
            if noun_named[m.actor as usize] && self.event_at_place(last, before) {
                c.settlement += 1;
                continue;
            }
            let next = self
                .tokens
                .get(last + 1)
                .filter(|t| t.has(JOINED) && !t.has(CAP) || t.text(self.text) == "CEO");
            let next = next.map(|t| t.text(self.text)).unwrap_or("");
            let possessive = self.tokens[last].has(POSSESSIVE);
            let single = first == last;
            let after_comma = self
                .tokens
                .get(last + 1)
                .filter(|t| t.has(super::scan::AFTER_COMMA))
                .map(|t| t.text(self.text));
            let opens_clause =
                self.tokens[first].has(SENTENCE_START) || is_in(&CLAUSE_OPENERS, before);
            let owned = if possessive {
                &CORPORATE_OWNED[..]
            } else {
                &CORPORATE_AFTER[..]
            };
            // A company's belongings; "club X", "giant X"; "Cofinec, which operates" (a
            // relative pronoun of things).
            let company = is_in(owned, next)
                || (single && (is_in(&CLUB_BEFORE, before) || is_in(&ORG_CONTEXT, before)))
                || (after_comma == Some("which") && !is_in(&PREPOSITIONS, before))
                || (single && !possessive && self.reports_results(last));
            let plural = word(first).ends_with('s') && !word(first).ends_with("ss");
            // "The Tigers won": a plural name is a team's; "But Deportivo were": a single
            // name with a plural verb is a club's.
            let team = single
                && !possessive
                && ((before.eq_ignore_ascii_case("the") && plural && word(first) == actor.name)
                    || (opens_clause && is_in(&PLURAL_VERBS, next) && !word(first).ends_with('s')));
            if company || team {
                c.organization += 1;
            } else if !possessive && is_in(&PLACE_AFTER, next) {
                c.place += 1;
            } else if before == "of"
                && first >= 2
                && self.tokens[first - 1].has(JOINED)
                && is_in(&PLACE_OF, word(first - 2))
            {
                c.settlement += 1;
            } else if let Some(noun) = self.appositive_head(last + 1, &PLACE_OF) {
                let end = self.tokens.get(noun + 1);
                if end.is_none_or(|t| !t.has(JOINED) || is_in(&AFTER_PLACE_NOUN, t.text(self.text)))
                {
                    c.settlement += 1;
                }
            }
        }
        // A word the document takes for a speaker in one place and leaves tentative in
        // another is two actors of one name: they share their cues.
        let mut by_name: FxHashMap<String, Cues> = FxHashMap::default();
        for (actor, c) in self.actors.iter().zip(&cues) {
            if actor.kind == ActorKind::Person {
                by_name
                    .entry(actor.name.to_lowercase())
                    .or_default()
                    .merge(c);
            }
        }
        for (actor, c) in self.actors.iter().zip(cues.iter_mut()) {
            if let Some(shared) = by_name.get(&actor.name.to_lowercase()) {
                *c = *shared;
            }
        }
        let words = name_words();
        for (actor, c) in self.actors.iter_mut().zip(&cues) {
            if c.person || c.organization + c.place + c.settlement == 0 {
                continue;
            }
            if c.settlement > 0 && c.settlement >= c.organization {
                actor.kind = ActorKind::Place;
                continue;
            }
            let first_word = actor.name.split_whitespace().next().unwrap_or("");
            fold_into(first_word, &mut self.buf);
            if actor.name.contains(' ') && words.is_given(&self.buf) {
                continue;
            }
            actor.kind = if c.organization >= c.place {
                ActorKind::Organization
            } else {
                ActorKind::Place
            };
        }
    }

    /// "Kekkila posted a 6.1 million markka profit", "Matahari revises down 1996 net
    /// target": a verb of reporting right after the name, then a company's result within
    /// the next few words. People do not post profits.
    fn reports_results(&self, last: usize) -> bool {
        let Some(verb) = self.tokens.get(last + 1).filter(|t| t.has(JOINED)) else {
            return false;
        };
        if !is_in(&RESULTS_VERBS, verb.text(self.text)) {
            return false;
        }
        self.tokens[last + 2..]
            .iter()
            .take(8)
            .take_while(|t| !t.has(LINE_START))
            .any(|t| is_in(&RESULTS_NOUNS, t.text(self.text)))
    }

    /// Whether the mention ending on token `last` stands where a place does: after "in"
    /// or "at", before an event noun, or as the subject of "was" before one within a few
    /// words ("Sandy Hook wasn't just a national tragedy"). Not a possessive ("in Gordon
    /// Brown's view").
    fn event_at_place(&self, last: usize, before: &str) -> bool {
        if self.tokens[last].has(POSSESSIVE) {
            return false;
        }
        if is_in(&AT_PLACE, before) {
            return true;
        }
        let word = |i: usize| {
            self.tokens
                .get(i)
                .filter(|t| t.has(JOINED) && !t.has(CAP))
                .map(|t| t.text(self.text))
        };
        if word(last + 1).is_some_and(|w| is_in(&EVENT_AFTER, w)) {
            return true;
        }
        word(last + 1).is_some_and(|w| is_in(&COPULAS, w))
            && (last + 2..last + 6)
                .map_while(word)
                .any(|w| is_in(&EVENT_AFTER, w))
    }
}
