//! The second pass: single words (surnames, lone first names, acronyms, headline words)
//! resolved against the full names the whole document gives, once it has all been read.

use super::context::one_edit_apart;
use super::extractor::{Extractor, Pending};
use super::gazetteer::{fold_into, name_words};
use super::lexicon::{is_in, PERSON_NOUNS, SPEECH_VERBS, STORMS};
use super::names::{name_key, patronymic};
use super::scan::{AFTER_COMMA, ALL_CAPS, ALPHA, CAP, JOINED, POSSESSIVE, SENTENCE_START};
use super::segment::{looks_like_common_word, plural_name};
use super::ActorKind;
use crate::calendar::is_month_abbreviation;

/// Words after which a capitalised dictionary word is a month or a noun, not a surname
/// ("in May", "by Spring", "last Fall").
const BEFORE_A_DATE: [&str; 19] = [
    "in", "on", "at", "of", "by", "from", "to", "for", "with", "since", "until", "till", "during",
    "last", "next", "early", "late", "this", "mid",
];

/// Auxiliaries after a sentence's subject ("May has said", "Small was").
const AUXILIARIES: [&str; 15] = [
    "is", "was", "has", "had", "will", "would", "could", "can", "did", "does", "may", "might",
    "must", "should", "also",
];

impl Extractor<'_> {
    pub(super) fn second_pass(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let storms = self.storm_names();
        let mut idx = 0;
        while idx < pending.len() {
            // "Hurricane Edouard ... Edouard is getting stronger": a storm's name is no one's.
            let word = self.tokens[pending[idx].tok].text(self.text);
            if storms.iter().any(|storm| storm == word) {
                idx += 1;
                continue;
            }
            // A full name in a headline, table or foreign sentence, word by word ("Samora
            // Machel", "Putin's"): one mention of the person the document names in full.
            if let Some(next) = pending.get(idx + 1) {
                if self.full_name_pair(pending[idx].tok, next.tok) {
                    idx += 2;
                    continue;
                }
            }
            let p = &pending[idx];
            self.resolve_pending(Pending {
                tok: p.tok,
                from: p.from,
                is_person: p.is_person,
                role: p.role.clone(),
            });
            idx += 1;
        }
        self.persons_named_as_orgs();
        self.words_named_as_orgs();
        self.places_named_as_persons();
        self.surnames_that_are_words();
        self.persons_told_by_context();
    }

    /// "Washington fell short ... Washington came charging back" in a story about MaliVai
    /// Washington: a one-word place that is the surname of a person the document names in
    /// full is that person, unless a preposition makes it a place ("in Washington").
    fn places_named_as_persons(&mut self) {
        if self.persons.is_empty() {
            return;
        }
        for idx in 0..self.mentions.len() {
            let m = &self.mentions[idx];
            let actor = &self.actors[m.actor as usize];
            if actor.kind != ActorKind::Place || actor.name.contains(' ') {
                continue;
            }
            let (at, span) = (m.span.start, m.span.clone());
            let tok = self.tokens.partition_point(|t| (t.start as usize) < at);
            if self
                .tokens
                .get(tok)
                .is_none_or(|t| t.end as usize != span.end)
                || self.place_context(tok)
                || self.headline[tok]
            {
                continue;
            }
            let key = name_key(self.text.get(span).unwrap_or(""));
            if let Some(person) = self.nearest_person(at, |(_, _, last)| *last == key) {
                self.mentions[idx].actor = person;
            }
        }
    }

    /// "May said she would stay" in a story about Theresa May, "Small, who attended the
    /// rally" after Marty Small: a capitalised word the dictionary knows, alone, is the
    /// person when the document names someone in full with it as the surname.
    /// Not after a preposition or before a number ("in May", "May 5"), where a month or a
    /// noun is meant, nor in a headline or in capitals; a sentence's first word only as the
    /// subject of a verb of saying or an auxiliary, or with its possessive ("Price said";
    /// not "Price increases were").
    fn surnames_that_are_words(&mut self) {
        if self.persons.is_empty() {
            return;
        }
        for i in 0..self.tokens.len() {
            let tok = self.tokens[i];
            let word = tok.text(self.text);
            let next = self.tokens.get(i + 1).filter(|t| t.has(JOINED));
            let subject = tok.has(POSSESSIVE)
                || next.is_some_and(|t| {
                    let w = t.text(self.text);
                    is_in(&SPEECH_VERBS, w) || is_in(&AUXILIARIES, w)
                })
                || self.tokens.get(i + 1).is_some_and(|t| {
                    t.has(AFTER_COMMA) && matches!(t.text(self.text), "who" | "whose")
                });
            if !tok.has(CAP)
                || tok.has(ALL_CAPS)
                || self.headline[i]
                || (tok.has(SENTENCE_START) && !subject)
                || !self
                    .persons
                    .iter()
                    .any(|(_, _, last)| last.eq_ignore_ascii_case(word))
                || (tok.has(JOINED) && self.tokens[i - 1].has(CAP))
                || next.is_some_and(|t| t.has(CAP) || !t.has(ALPHA))
                || self.place_context(i)
                || (tok.has(JOINED) && is_in(&BEFORE_A_DATE, self.tokens[i - 1].text(self.text)))
                || !self.is_nonname_word(word)
                || self
                    .mentions
                    .iter()
                    .any(|m| m.span.contains(&(tok.start as usize)))
            {
                continue;
            }
            let key = name_key(word);
            if let Some(person) =
                self.nearest_person(tok.start as usize, |(_, _, last)| *last == key)
            {
                self.add_mention(person, tok.range(), word.to_string());
            }
        }
    }

    /// A "person" whose full name the document elsewhere gives an organization ("talks
    /// with Deutsche Bahn" before "railway operator Deutsche Bahn"): its mentions go to the
    /// organization, and the person is left tentative for the merge to drop.
    fn persons_named_as_orgs(&mut self) {
        for idx in 0..self.persons.len() {
            let actor = self.persons[idx].0;
            if self.actors[actor as usize].kind != ActorKind::Person {
                continue;
            }
            let name = std::mem::take(&mut self.actors[actor as usize].name);
            let org = self.is_named_org(&name);
            self.actors[actor as usize].name = name;
            let Some(org) = org else {
                continue;
            };
            for m in self.mentions.iter_mut().filter(|m| m.actor == actor) {
                m.actor = org;
            }
            self.full_mentions.retain(|&(_, a)| a != actor);
            if !self.tentative.contains(&actor) {
                self.tentative.push(actor);
            }
        }
    }

    /// "the opposition Taleban militia ... Taleban said its shipment": a single word taken
    /// for a speaker, or left tentative, is the organization the document names by that
    /// same word elsewhere (a militia, a firm, a club). News introduces an organization by
    /// what it is and then writes its bare name as the subject of any verb; a person's
    /// name is never an organization's in the same story. A role keeps a person a person.
    fn words_named_as_orgs(&mut self) {
        for actor in 0..self.actors.len() {
            let person = &self.actors[actor];
            if person.kind != ActorKind::Person
                || person.name.contains(' ')
                || !person.roles.is_empty()
            {
                continue;
            }
            let name = std::mem::take(&mut self.actors[actor].name);
            let org = self.is_named_org(&name);
            self.actors[actor].name = name;
            let Some(org) =
                org.filter(|&org| self.actors[org as usize].kind == ActorKind::Organization)
            else {
                continue;
            };
            let actor = actor as u32;
            for m in self.mentions.iter_mut().filter(|m| m.actor == actor) {
                m.actor = org;
            }
            if !self.tentative.contains(&actor) {
                self.tentative.push(actor);
            }
        }
    }

    pub(super) fn resolve_pending(&mut self, p: Pending) {
        let tok = self.tokens[p.tok];
        let surface = tok.text(self.text).to_string();
        let mut key = name_key(&surface);
        if let Some(particle) = p
            .tok
            .checked_sub(1)
            .and_then(|b| patronymic(self.tokens[b].text(self.text)))
        {
            key = format!("{particle} {key}");
        }
        let at = tok.start as usize;
        let mut found = self.nearest_person(at, |(_, _, last)| *last == key);
        if found.is_none() {
            found = self.nearest_person(at, |(_, first, _)| *first == key);
        }
        if found.is_none() {
            found = self
                .by_key
                .get(&format!("a:{}", surface.to_lowercase()))
                .copied();
        }
        if found.is_none() {
            found = self.known_as(p.tok);
        }
        if found.is_none() && self.after_article(p.tok) {
            // "the Clintons", "the Obamas": a family by the plural of a surname.
            if let Some(stem) = key.strip_suffix('s').filter(|stem| stem.len() >= 3) {
                found = self.nearest_person(at, |(_, _, last)| last == stem);
            }
        }
        if found.is_none() && key.chars().count() >= 5 && !tok.has(SENTENCE_START) {
            // A spelling variant of a name in this document ("Maher" beside "Mahar Assad").
            found = self.nearest_person(at, |(_, first, last)| {
                one_edit_apart(first, &key) || one_edit_apart(last, &key)
            });
        }
        let headline = self.headline[p.tok];
        let actor = match found {
            Some(actor) => actor,
            None if headline => return,
            None if (p.is_person || self.apposed_to_person_noun(p.tok))
                && !tok.has(ALL_CAPS)
                // "said Eagles owner Jeffrey Lurie": a club's office follows its name.
                && !self.org_context(p.tok, p.tok + 1)
                && !(p.role.is_none()
                    && (self.place_context(p.tok) || self.after_article(p.tok)))
                // "Aides said", "Critics said": at a sentence's start a capital letter
                // tells nothing, and the plural of a word news writes in lowercase is a
                // group described ("Rice said" names someone).
                && !(tok.has(SENTENCE_START)
                    && (looks_plural(&surface) || self.is_common_plural(&surface)))
                && !self.is_nonname_word(&surface) =>
            {
                let actor = self.actor_for(format!("p:|{key}"), surface.clone(), ActorKind::Person);
                self.by_key
                    .insert(format!("a:{}", surface.to_lowercase()), actor);
                actor
            }
            None if !tok.has(SENTENCE_START) && !tok.has(ALL_CAPS) && self.place_context(p.tok) => {
                self.actor_for(
                    format!("n:{}", surface.to_lowercase()),
                    surface.clone(),
                    ActorKind::Place,
                )
            }
            None if (!tok.has(SENTENCE_START) && self.org_context(p.tok, p.tok + 1))
                || self.org_appositive(p.tok + 1)
                || self.possessive_names_itself(p.tok)
                || (p.role.is_none() && self.after_article(p.tok) && self.heads_phrase(p.tok))
                // "the Yankees lost", "The Angels battered him": a plural name after "the"
                // is a team or a group (a family, "the Clintons", was found above).
                || (p.role.is_none() && self.after_the(p.tok) && plural_name(&surface)) =>
            {
                self.actor_for(
                    format!("n:{}", surface.to_lowercase()),
                    surface.clone(),
                    ActorKind::Organization,
                )
            }
            None => {
                fold_into(&surface, &mut self.buf);
                // A lone word common in news ("Result", "Stadium", "Cup") unexplained is no
                // name; a dictionary-only word may be a surname elsewhere ("Macron").
                if self.gaz.is_nonname(&self.buf)
                    || name_words().is_news_common(self.buf.trim_end_matches('.'))
                    || looks_like_common_word(&self.buf)
                    || surface.chars().count() < 2
                    || surface.bytes().any(|b| b.is_ascii_digit())
                    || self.no_name_alone(p.tok)
                    || self.word_of_title_case_phrase(p.tok)
                {
                    return;
                }
                let key = format!("t:{}", surface.to_lowercase());
                let is_new = !self.by_key.contains_key(&key);
                let actor = self.actor_for(key, surface.clone(), ActorKind::Person);
                if is_new {
                    self.tentative.push(actor);
                }
                actor
            }
        };
        if let Some(role) = p.role {
            if self.actors[actor as usize].kind == ActorKind::Person {
                self.add_role(actor, role);
            }
        }
        if p.from < p.tok {
            let span = self.span(p.from, p.tok + 1);
            let surface = self.surface(span.clone());
            self.add_mention(actor, span, surface);
        } else {
            self.add_mention(actor, tok.range(), surface);
        }
        if self.actors[actor as usize].kind == ActorKind::Person {
            self.appositive_role(p.tok + 1, actor);
        }
    }

    /// "Lloyd's of London", "than Lloyd's is willing to accept", "ordered Lloyd's to pay":
    /// a possessive that no noun follows is a firm named in the possessive (a founder's
    /// house or shop: Lloyd's, Sainsbury's, Christie's), not what a person owns. Only
    /// words that open no noun phrase count: "of", "to" and the verbs "is", "was", "has",
    /// "had" ("Lloyd's chairman" and "Trump's two sons" are left alone, and a name's
    /// contraction, "Trump's been", takes a participle).
    fn possessive_names_itself(&self, i: usize) -> bool {
        self.tokens[i].has(POSSESSIVE)
            && self.tokens.get(i + 1).is_some_and(|t| {
                t.has(JOINED)
                    && matches!(
                        t.text(self.text),
                        "of" | "to" | "is" | "was" | "has" | "had"
                    )
            })
    }

    /// Whether tokens `a` and `b` (adjacent, joined) are the given name and surname of a
    /// person named in full; if so, records one mention of both.
    fn full_name_pair(&mut self, a: usize, b: usize) -> bool {
        if b != a + 1 || !self.tokens[b].has(JOINED) || self.tokens[a].has(POSSESSIVE) {
            return false;
        }
        let first = name_key(self.tokens[a].text(self.text));
        let last = name_key(self.tokens[b].text(self.text));
        let at = self.tokens[a].start as usize;
        let Some(person) = self.nearest_person(at, |(_, f, l)| *f == first && *l == last) else {
            return false;
        };
        let span = self.span(a, b + 1);
        let surface = self.surface(span.clone());
        self.add_mention(person, span, surface);
        true
    }

    /// The names the document gives storms ("Hurricane Edouard", "Typhoon Sally").
    fn storm_names(&self) -> Vec<String> {
        let mut storms = Vec::new();
        for pair in self.tokens.windows(2) {
            if pair[1].has(JOINED)
                && pair[1].has(CAP)
                && is_in(&STORMS, pair[0].text(self.text))
                && !pair[1].has(ALL_CAPS)
            {
                let name = pair[1].text(self.text).to_string();
                if !storms.contains(&name) {
                    storms.push(name);
                }
            }
        }
        storms
    }

    /// "the Yankees", "The Angels": a word right after "the", in any case.
    fn after_the(&self, i: usize) -> bool {
        i > 0
            && self.tokens[i].has(JOINED)
            && matches!(self.tokens[i - 1].text(self.text), "the" | "The")
    }

    /// Words that stand alone for no one when nothing else explains them: a compass point
    /// ("heading South", "the North and South"), a Roman number ("World War II"), a
    /// month's abbreviation before its day ("(Jan 10)", "Jan 2"), which is also a given name,
    /// and an acronym outside a headline ("ACC said"): prose writes people's names in
    /// capitals only in headlines and bylines.
    fn no_name_alone(&self, i: usize) -> bool {
        if self.tokens[i].has(ALL_CAPS) && !self.headline[i] {
            return true;
        }
        let word = self.tokens[i].text(self.text);
        let before_day = || {
            self.tokens.get(i + 1).is_some_and(|next| {
                next.has(JOINED) && next.text(self.text).bytes().all(|b| b.is_ascii_digit())
            })
        };
        matches!(word, "North" | "South" | "East" | "West")
            || (word.len() >= 2 && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')))
            || (is_month_abbreviation(word) && before_day())
    }

    /// "Trump's wife, Melania,", "his spokesman, Spicer,": a name set off by commas after a
    /// noun that only describes a person is that person, even alone.
    fn apposed_to_person_noun(&self, i: usize) -> bool {
        i > 0
            && self.tokens[i].has(AFTER_COMMA)
            && !self.tokens[i - 1].has(CAP)
            && is_in(&PERSON_NOUNS, self.tokens[i - 1].text(self.text))
            && !self.tokens.get(i + 1).is_some_and(|t| t.has(JOINED))
    }

    /// "Homeland Security Deputy Secretary", "the Central American Minors program", "the
    /// Super Tuesday primary": an English word (not a given name) written in title case
    /// right beside another capitalised word, that nothing else explains, is a word of a
    /// long official name or phrase, not a person's. `self.buf` holds the folded word.
    fn word_of_title_case_phrase(&self, i: usize) -> bool {
        let words = name_words();
        if !words.is_common(&self.buf) || words.is_given(&self.buf) {
            return false;
        }
        let capital_before = i > 0
            && self.tokens[i].has(JOINED)
            && self.tokens[i - 1].has(CAP)
            && !self.tokens[i - 1].has(POSSESSIVE);
        let capital_after = !self.tokens[i].has(POSSESSIVE)
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.has(JOINED) && t.has(CAP));
        capital_before || capital_after
    }

    /// "a Green, said": a word after an article is a noun, however it is said.
    pub(super) fn after_article(&self, i: usize) -> bool {
        i > 0
            && self.tokens[i].has(JOINED)
            && matches!(self.tokens[i - 1].text(self.text), "a" | "an" | "the")
    }

    fn is_common_plural(&mut self, word: &str) -> bool {
        fold_into(word, &mut self.buf);
        let words = name_words();
        self.buf
            .strip_suffix('s')
            .is_some_and(|stem| words.is_news_common(stem) && words.is_news_common(&self.buf))
    }

    pub(super) fn is_nonname_word(&mut self, word: &str) -> bool {
        fold_into(word, &mut self.buf);
        self.gaz.is_nonname(&self.buf)
    }

    /// Among persons named in full that `matches`: the one named in full just before `at`
    /// (within a sentence or two, "... Mahar Assad. ... Assad will"), else the one the
    /// document introduced first, the story's main person by news convention.
    pub(super) fn nearest_person(
        &self,
        at: usize,
        matches: impl Fn(&(u32, String, String)) -> bool,
    ) -> Option<u32> {
        let candidates: Vec<u32> = self
            .persons
            .iter()
            .filter(|p| matches(p))
            .map(|p| p.0)
            .collect();
        match candidates.len() {
            0 => None,
            1 => Some(candidates[0]),
            _ => {
                const RECENT: usize = 300;
                // Full mentions are in text order (the first pass reads forward): the
                // recent ones are found by bisection, not by a scan of every full mention
                // of the document, which made a document of megabytes quadratic.
                let is_candidate = |(_, actor): &&(usize, u32)| candidates.contains(actor);
                let mentions = &self.full_mentions;
                let from = mentions.partition_point(|(pos, _)| *pos < at.saturating_sub(RECENT));
                let to = mentions.partition_point(|(pos, _)| *pos <= at);
                let recent = mentions[from..to.max(from)].iter().rev().find(is_candidate);
                recent
                    .or_else(|| mentions.iter().find(is_candidate))
                    .map(|&(_, actor)| actor)
            }
        }
    }
}

/// "Economists warned", "Analysts said": a sentence-initial plural noun of people is a
/// subject, not a surname.
fn looks_plural(word: &str) -> bool {
    const ENDINGS: [&str; 9] = [
        "sts", "ers", "ians", "ants", "ents", "ics", "ors", "ives", "als",
    ];
    word.len() > 5 && ENDINGS.iter().any(|e| word.ends_with(e))
}
