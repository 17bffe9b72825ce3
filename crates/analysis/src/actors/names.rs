//! A person's name from a group of capitalised words: what the group is by its words (a
//! given name or an initial opens a person's name; English words make an organization or
//! nothing), where the name starts and ends (a regnal number, a patronymic), and the key a
//! person's name words are compared by (`name_key`).

use super::extractor::{Extractor, Pending};
use super::gazetteer::{fold_into, name_words, NameWords};
use super::lexicon::*;
use super::results::linked_name;
use super::scan::{ALL_CAPS, CAP, JOINED, TEAM};
use super::ActorKind;

impl Extractor<'_> {
    /// A group of name words: a person's full name, or a single word to resolve later.
    pub(super) fn name_group(
        &mut self,
        mut start: usize,
        mut end: usize,
        role: Option<String>,
        mut is_person: bool,
    ) {
        while start < end && !self.tokens[start].has(CAP) {
            start += 1;
        }
        while end > start && !self.tokens[end - 1].has(CAP) {
            end -= 1;
        }
        if start >= end {
            return;
        }
        // "F.H. Faulding & Co", "A.G. Edwards & Sons": a name before "& Co" or "& Sons"
        // is a firm's, named for its founders; alone later it is the firm again.
        if let Some(tail) = self.tokens.get(end).filter(|t| {
            let between = self
                .text
                .get(self.tokens[end - 1].end as usize..t.start as usize);
            between.is_some_and(|b| b.trim() == "&") && matches!(t.text(self.text), "Co" | "Sons")
        }) {
            let base = self.surface(self.span(start, end)).to_lowercase();
            let span = self.tokens[start].start as usize..tail.end as usize;
            // "Co" and "Sons" belong to this name: they start no run of their own ("&
            // Sons said" is no speaker).
            self.tokens[end].flags &= !CAP;
            let surface = self.surface(span.clone());
            self.add_named(span, surface, ActorKind::Organization);
            let firm = self.mentions.last().map(|m| m.actor);
            if let Some(firm) = firm {
                self.by_key.entry(format!("n:{base}")).or_insert(firm);
            }
            return;
        }
        // "a Taleban MiG-19 fighter", "Ferrari F40", "Stork H1 profit": a word with a digit
        // names a model or a period, never part of a person's name; the words either side
        // of it are read on their own.
        if end - start > 1 {
            if let Some(digit) = (start..end).find(|&i| {
                self.tokens[i]
                    .text(self.text)
                    .bytes()
                    .any(|b| b.is_ascii_digit())
            }) {
                if digit > start {
                    self.name_group(start, digit, role.clone(), is_person);
                }
                if digit + 1 < end {
                    self.name_group(digit + 1, end, None, false);
                }
                return;
            }
        }
        // "Queen Elizabeth II", "Henry VIII": a regnal number ends the name it follows,
        // after a title or a given name ("Artemis VII" is a mission); "I" only after a
        // title, where it cannot be the pronoun.
        let numeral = self.tokens[end - 1].text(self.text);
        let regnal = end - start > 1
            && if numeral == "I" {
                role.is_some()
            } else {
                is_regnal_number(numeral) && {
                    fold_into(self.tokens[start].text(self.text), &mut self.buf);
                    role.is_some() || name_words().is_given(&self.buf)
                }
            };
        // Acronyms inside a group stand alone ("National Security MOSCOW").
        if let Some(caps) =
            (start..end - usize::from(regnal)).find(|&i| self.tokens[i].has(ALL_CAPS))
        {
            if end - start > 1 {
                if caps > start {
                    self.name_group(start, caps, role.clone(), is_person);
                }
                self.pending.push(Pending {
                    tok: caps,
                    from: caps,
                    is_person: false,
                    role: None,
                });
                if caps + 1 < end {
                    self.name_group(caps + 1, end, None, false);
                }
                return;
            }
        }
        // "S. Campbell 69; G. Rose 7-73": an initial opens a player's name, even where the
        // line reads like a results line.
        let first_end = self.tokens[start].end as usize;
        let initial = matches!(self.tokens[start].text(self.text).as_bytes(), [c] if c.is_ascii_uppercase())
            && self.text.as_bytes().get(first_end) == Some(&b'.');
        if self.tokens[start].has(TEAM) && !self.headline[start] && !initial {
            let span = self.span(start, end);
            let surface = self.surface(span.clone());
            self.add_named(span, surface, ActorKind::Organization);
            return;
        }
        let mut n_words = (start..end).filter(|&i| self.tokens[i].has(CAP)).count();
        if n_words > 1 && !self.headline[start] {
            // "Advanced Medical Inc. said ... Advanced Medical said": words the document
            // has already given an organization or a place name it again, whatever they
            // look like ("Advanced" is no name word, "Medical" alone no person).
            let span = self.span(start, end);
            let surface = self.surface(span.clone());
            if let Some(named) = self.is_named_org(&surface) {
                self.add_mention(named, span, surface);
                return;
            }
            // Common words are no part of a name ("Struggling Donald Trump", "Outer Space").
            let (mut name_start, mut shape) = self.name_shape(start, end);
            // "mass shooter Dylann Roof", "gunman Omar Mateen": right after a noun that
            // only describes a person, two name words are that person's name, even when
            // the last is an English word ("Roof") and the first no known given name.
            if shape != NameShape::Person && n_words == 2 && self.after_person_noun(start) {
                shape = NameShape::Person;
                name_start = start;
                is_person = true;
            }
            // "his coach Butch Harmon", "Foreign Minister Mate Granic": right after a role
            // comes a full name, so its first word is the given name even when it is an
            // English word too.
            if role.is_some() && shape == NameShape::Person && n_words == 2 {
                name_start = start;
            }
            match shape {
                NameShape::Person => {}
                NameShape::Organization => {
                    let span = self.span(name_start, end);
                    let surface = self.surface(span.clone());
                    self.add_named(span, surface, ActorKind::Organization);
                    return;
                }
                // "the Late Super Eagles star": English words named by an office after them.
                NameShape::Nothing => {
                    if self.org_context(name_start, end) {
                        let span = self.span(name_start, end);
                        let surface = self.surface(span.clone());
                        self.add_named(span, surface, ActorKind::Organization);
                    }
                    return;
                }
            }
            start = name_start;
            n_words = (start..end).filter(|&i| self.tokens[i].has(CAP)).count();
        }
        // "El Gizawy's criticism": a capitalised particle and a surname are the surname
        // of the person the document names in full ("Ahmed El Gizawy").
        if n_words == 2 && end == start + 2 && !self.headline[start] {
            fold_into(self.tokens[start].text(self.text), &mut self.buf);
            // "Al Gore", "Al Martin": "Al" before an English word or a given name is the
            // given name (Arabic names after "Al" are neither: "Al Thani", "Al Jazeera").
            let given_al = self.tokens[start].text(self.text) == "Al" && {
                fold_into(self.tokens[start + 1].text(self.text), &mut self.buf);
                let words = name_words();
                words.is_given(&self.buf) || words.is_common(&self.buf)
            };
            fold_into(self.tokens[start].text(self.text), &mut self.buf);
            if is_in(&NAME_PARTICLES, &self.buf) && !given_al {
                // "(Van Hintum 69th)": a Dutch or German surname with its particle
                // scored, as the person named in full would.
                let surname = start + 1;
                is_person |= self.scored_in_minute(surname) || self.in_scorecard(surname);
                self.pending.push(Pending {
                    tok: surname,
                    from: start,
                    is_person,
                    role,
                });
                return;
            }
        }
        if n_words == 1 || self.headline[start] {
            // Headlines name people already named; each word is resolved in pass two.
            for i in start..end {
                if !self.tokens[i].has(CAP) {
                    continue;
                }
                is_person |= self.speech_next_to(i)
                    || self.scored_in_minute(i)
                    || self.in_scorecard(i)
                    || linked_name(self.tokens[i].text(self.text));
                self.pending.push(Pending {
                    tok: i,
                    from: i,
                    is_person,
                    role: role.clone(),
                });
            }
            return;
        }
        if n_words > 5 {
            return;
        }
        let span = self.span(start, end);
        let surface = self.surface(span.clone());
        // A name the document already called an organization stays one ("railway operator
        // Deutsche Bahn" ... "Deutsche Bahn's head").
        if self.org_context(start, end) || self.is_named_org(&surface).is_some() {
            self.add_named(span, surface, ActorKind::Organization);
            return;
        }
        // "from Paul Johnson": a given name first makes the preposition no place cue.
        fold_into(self.tokens[start].text(self.text), &mut self.buf);
        let given_first = name_words().is_given(&self.buf);
        let place_tail = is_in(&PLACE_TAILS, self.tokens[end - 1].text(self.text));
        if place_tail
            || (role.is_none()
                && !is_person
                && ((self.place_context(start) && !given_first) || self.place_cue(start, end)))
        {
            self.add_named(span, surface, ActorKind::Place);
            return;
        }
        // "over the White Sox in the league", "the Blue Jays pitcher": a name after an
        // article, heading its phrase or a plural, is a team's or a firm's; a person's takes
        // none ("the Ivanka Trump brand" is a person's name qualifying a noun).
        let plural = |word: &str| word.ends_with('s') && !word.ends_with("ss");
        if role.is_none()
            && !is_person
            && self.after_article(start)
            && (self.heads_phrase(end - 1)
                || (!given_first && plural(self.tokens[end - 1].text(self.text))))
        {
            self.add_named(span, surface, ActorKind::Organization);
            return;
        }
        let role = role.or_else(|| self.role_before_comma(start));
        let first = name_key(self.tokens[start].text(self.text));
        let mut last = name_key(self.tokens[end - 1].text(self.text));
        if end - start >= 3 {
            if let Some(particle) = patronymic(self.tokens[end - 2].text(self.text)) {
                // "Mohammed bin Salman": Salman is his father, so a lone "Salman" (King
                // Salman) is not him; "bin Salman" is.
                last = format!("{particle} {last}");
            }
        }
        let key = format!("p:{first}|{last}");
        let is_new = !self.by_key.contains_key(&key);
        let actor = self.actor_for(key, surface.clone(), ActorKind::Person);
        if is_new {
            self.persons.push((actor, first, last));
        }
        if let Some(role) = role {
            self.add_role(actor, role);
        }
        self.full_mentions.push((span.start, actor));
        self.add_mention(actor, span, surface);
        self.appositive_role(end, actor);
    }

    /// Whether a lowercase noun that only describes a person ("shooter", "wife") stands
    /// right before token `start`.
    fn after_person_noun(&self, start: usize) -> bool {
        start > 0
            && self.tokens[start].has(JOINED)
            && !self.tokens[start - 1].has(CAP)
            && is_in(&PERSON_NOUNS, self.tokens[start - 1].text(self.text))
    }

    /// What a group of two or more capitalised words is, by its words. A given name or
    /// an initial starts a person's name ("Bill Jordan", "John Major", "M. Butcher"); a
    /// common word before one is dropped ("Struggling Donald Trump", "Accused Trump"), as
    /// is a word common in news before anything ("Outer Space" is "Space"). What is left,
    /// when it does not start with a given name but holds a word common in news, is no
    /// person: an organization when that word ends it ("Network Rail", "Artemis
    /// Generation"), else nothing. Returns the start of the name and its shape.
    fn name_shape(&mut self, mut start: usize, end: usize) -> (usize, NameShape) {
        let words = name_words();
        let is_word = |ex: &mut Self, i: usize, test: fn(&NameWords, &str) -> bool| {
            fold_into(ex.tokens[i].text(ex.text), &mut ex.buf);
            test(words, ex.buf.trim_end_matches('.'))
        };
        let given = |ex: &mut Self, i: usize| {
            let word = ex.tokens[i].text(ex.text);
            // An initial ("M.", "J.D.") stands for a given name.
            let initial = word.len() <= 4
                && word.ends_with('.')
                && word.chars().filter(|c| c.is_alphabetic()).count() <= 2;
            initial || is_word(ex, i, NameWords::is_given)
        };
        // "Hurricane Edouard": a storm, no one's name (its later mentions are dropped in
        // the second pass).
        if is_in(&STORMS, self.tokens[start].text(self.text)) {
            return (start, NameShape::Nothing);
        }
        // "St Mirren", "East Fife", "West Indies": a saint's or a compass word starts a
        // place or a club, not a person's name.
        if matches!(
            self.tokens[start].text(self.text),
            "St" | "St." | "Saint" | "North" | "South" | "East" | "West" | "New"
        ) {
            return (start, NameShape::Nothing);
        }
        // "Mother Teresa", "Brother Roger": a religious name is the form of address and
        // one given name, with no surname after it ("Sister Mary Lynch" is a title and a
        // name).
        if matches!(
            self.tokens[start].text(self.text),
            "Mother" | "Sister" | "Brother"
        ) && end == start + 2
            && self.tokens[start + 1].has(CAP)
            && given(self, start + 1)
        {
            return (start, NameShape::Person);
        }
        loop {
            // "Crew Program", "Art Contest": a given name that is also a word common in
            // news, before nothing but such words, is the word.
            let weak_given = is_word(self, start, NameWords::is_news_common)
                && (start + 1..end).all(|i| {
                    !self.tokens[i].has(CAP) || is_word(self, i, NameWords::is_news_common)
                });
            if given(self, start) && !weak_given {
                return (start, NameShape::Person);
            }
            let Some(next) = (start + 1..end).find(|&i| self.tokens[i].has(CAP)) else {
                break;
            };
            // "Chili Davis", "Sugar Ray": a rarer English noun before a given name that
            // ends the name is a given name of its own (a nickname); the dropped word of
            // "Struggling Donald Trump" has a full name after it, and an adjective or a
            // participle describes the person ("Understated Perez", "Embattled Davis").
            // The given name must be no English word itself ("Big Will"), a form of
            // address is no nickname ("Uncle Joe"), and a capitalised phrase in quotation
            // marks is a title or a label ("its “Bathroom Bill,”", "“Dear Walter” letters").
            let name_ends = (next + 1..end).all(|i| !self.tokens[i].has(CAP));
            let quoted =
                self.text[..self.tokens[start].start as usize].ends_with(['"', '“', '‘', '\'']);
            let nickname = name_ends
                && !quoted
                && !describing_word(self.tokens[start].text(self.text))
                && !is_in(&ADDRESS_WORDS, self.tokens[start].text(self.text))
                && !is_word(self, next, NameWords::is_common);
            let drop = is_word(self, start, NameWords::is_news_common)
                || (is_word(self, start, NameWords::is_common) && given(self, next) && !nickname);
            if !drop {
                break;
            }
            start = next;
        }
        let caps: Vec<usize> = (start + 1..end)
            .filter(|&i| self.tokens[i].has(CAP))
            .collect();
        // Two English words ("Royal Charter", "Academic Affairs": no given name opens
        // them), or a word common in news after the first: no person.
        let n_common = (start..end)
            .filter(|&i| self.tokens[i].has(CAP) && is_word(self, i, NameWords::is_common))
            .count();
        let news_word = caps
            .iter()
            .any(|&i| is_word(self, i, NameWords::is_news_common));
        if !news_word && n_common < 2 {
            return (start, NameShape::Person);
        }
        if caps
            .last()
            .is_some_and(|&i| is_word(self, i, NameWords::is_news_common))
        {
            (start, NameShape::Organization)
        } else {
            (start, NameShape::Nothing)
        }
    }
}

/// Words that address or describe a person by kinship or age before a given name ("Dear
/// Walter", "Uncle Joe", "Little Marco"), not nicknames.
const ADDRESS_WORDS: [&str; 14] = [
    "Dear", "Uncle", "Aunt", "Auntie", "Cousin", "Papa", "Mama", "Grandpa", "Grandma", "Poor",
    "Little", "Old", "Young", "Big",
];

/// Whether a capitalised word has the ending of an adjective, a participle or an adverb
/// ("Understated", "Embattled", "Grieving", "Defiant", "Furious"), which describe a
/// person rather than name one.
fn describing_word(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    [
        "ed", "ing", "ly", "ful", "ous", "ive", "able", "ible", "less", "est", "ic", "al", "ant",
        "ent", "ish",
    ]
    .iter()
    .any(|end| lower.len() > end.len() + 2 && lower.ends_with(end))
}

/// What a group of capitalised words is, by its words (see `Extractor::name_shape`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum NameShape {
    Person,
    Organization,
    Nothing,
}

/// The key a name word is compared by: lowercase, without an Arabic article prefix
/// ("al-Assad" and "Assad" are one surname).
pub(crate) fn name_key(word: &str) -> String {
    let lower = word.to_lowercase().replace('’', "'");
    for prefix in [
        "al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-",
    ] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            if rest.len() >= 3 {
                return rest.to_string();
            }
        }
    }
    lower
}

/// "II", "VIII", "XVI": a Roman number of two letters or more, as kings and popes carry.
fn is_regnal_number(word: &str) -> bool {
    word.len() >= 2
        && word.len() <= 6
        && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
        && !word.contains("IIII")
        && !word.contains("VV")
}

/// `bin`, `ibn`, `bint`: a particle that makes the next name a father's, not a surname
/// (lower case only: "Ben" is a given name).
pub(super) fn patronymic(word: &str) -> Option<&str> {
    matches!(word, "bin" | "ibn" | "bint").then_some(word)
}
