//! What a word's neighbours say about it: the title before a name (a role), the
//! appositive after it, a verb of saying beside it, a preposition or noun that makes it a
//! place or an organization, and whether its line is a headline.

use super::extractor::{Extractor, Seg};
use super::gazetteer::{fold_into, name_words, Entry};
use super::lexicon::*;
use super::scan::{
    Token, AFTER_COMMA, ALL_CAPS, ALPHA, CAP, JOINED, LINE_START, POSSESSIVE, SENTENCE_START,
};

impl Extractor<'_> {
    /// The role a title before a name gives ("Russian Foreign Minister", "Kremlin
    /// spokesman"), from segments of the same part and words just before the run.
    pub(super) fn role_before(
        &mut self,
        segs: &[(Seg, usize, usize)],
        part_start: usize,
    ) -> (Option<String>, bool) {
        let (role_start, role_end) = match segs.last() {
            None => match self.lookback_title(part_start) {
                Some(found) => found,
                None => return (None, false),
            },
            Some(&(Seg::Honorific, _, _)) => return (None, true),
            Some(&(Seg::Title, _, title_end)) => {
                let mut chain_start = title_end;
                for &(seg, s, _) in segs.iter().rev() {
                    match seg {
                        Seg::Title | Seg::Demonym | Seg::Named { .. } => chain_start = s,
                        _ => break,
                    }
                }
                if chain_start == part_start {
                    if let Some((look_start, _)) = self.lookback_title(part_start) {
                        chain_start = look_start;
                    }
                }
                (chain_start, title_end)
            }
            Some(_) => return (None, false),
        };
        if role_start >= role_end {
            return (None, false);
        }
        let span = self.span(role_start, role_end);
        (Some(self.surface(span)), true)
    }

    /// Lowercase title words right before token `start` ("Kremlin spokesman", "supreme
    /// leader"): the (start, end) tokens of that title, if any.
    pub(super) fn lookback_title(&mut self, start: usize) -> Option<(usize, usize)> {
        if start == 0 || !self.tokens[start].has(JOINED) {
            return None;
        }
        let mut first = start;
        let mut saw_title = false;
        let mut n_owner_words = 0;
        while first > 0 {
            let tok = self.tokens[first - 1];
            fold_into(tok.text(self.text), &mut self.buf);
            let word = self.buf.as_str();
            let lower_title =
                !tok.has(CAP) && (self.gaz.is_title(word) || is_in(&CORE_TITLES, word));
            let modifier = !tok.has(CAP) && is_in(&TITLE_MODIFIERS, word);
            let qualifies = if lower_title {
                saw_title = true;
                true
            } else if modifier {
                saw_title
            } else if tok.has(CAP) && saw_title && n_owner_words < 3 {
                // "Kremlin", "North Korean", "Iran's", "Rosneft": the office's owner.
                n_owner_words += 1;
                true
            } else {
                false
            };
            if !qualifies || (n_owner_words > 0 && !tok.has(CAP)) {
                break;
            }
            first -= 1;
            if !self.tokens[first].has(JOINED) {
                break;
            }
        }
        (saw_title && first < start).then_some((first, start))
    }

    /// ", head of the Council of ...," after a name: a role when it holds a title word.
    pub(super) fn appositive_role(&mut self, next: usize, actor: u32) {
        let Some(first) = self.tokens.get(next) else {
            return;
        };
        if !first.has(AFTER_COMMA) {
            return;
        }
        let mut end = next;
        let mut has_title = false;
        while end < self.tokens.len() && end < next + 14 {
            let tok = self.tokens[end];
            if end > next && !tok.has(JOINED) {
                break;
            }
            fold_into(tok.text(self.text), &mut self.buf);
            if end == next {
                let word = self.buf.as_str();
                let opens = matches!(word, "a" | "an" | "the")
                    || self.gaz.is_title(word)
                    || is_in(&CORE_TITLES, word)
                    || is_in(&TITLE_MODIFIERS, word)
                    || (tok.has(CAP)
                        && matches!(
                            self.gaz.lookup_as_written(word, tok.text(self.text)),
                            Some(Entry::Demonym { .. } | Entry::Named { .. })
                        ));
                // ", Rouhani and Aliyev" is a list, ", who met ..." a clause.
                if !opens {
                    return;
                }
            }
            if self.gaz.is_title(&self.buf)
                || is_in(&CORE_TITLES, &self.buf)
                || self.buf == "former"
            {
                has_title = true;
            }
            if is_in(&SPEECH_VERBS, &self.buf) {
                return;
            }
            end += 1;
        }
        // A dateline after the appositive ("..., US Adviser on National Security MOSCOW –").
        while end > next + 1 && self.tokens[end - 1].has(ALL_CAPS) {
            end -= 1;
        }
        if !has_title {
            return;
        }
        let mut start = next;
        if matches!(self.tokens[start].text(self.text), "a" | "an" | "the") && start + 1 < end {
            start += 1;
        }
        let span = self.span(start, end);
        let role = self.surface(span);
        self.add_role(actor, role);
    }

    /// A verb of saying right after the word, or right before it ("said Bolton").
    pub(super) fn speech_next_to(&mut self, i: usize) -> bool {
        let after = self
            .tokens
            .get(i + 1)
            .copied()
            .filter(|t| t.has(JOINED) || t.has(AFTER_COMMA));
        let before = (i > 0 && self.tokens[i].has(JOINED)).then(|| self.tokens[i - 1]);
        for tok in [after, before].into_iter().flatten() {
            fold_into(tok.text(self.text), &mut self.buf);
            if is_in(&SPEECH_VERBS, &self.buf) {
                return true;
            }
        }
        if i >= 2 && self.tokens[i].has(JOINED) {
            let (a, b) = (
                self.tokens[i - 2].text(self.text),
                self.tokens[i - 1].text(self.text),
            );
            if a.eq_ignore_ascii_case("according") && b == "to" {
                return true;
            }
        }
        false
    }

    /// "(Zitelli 80th)", "Solskjaer 70th", "Scorers: Lubarskij (50th minute), Pizzi (5th and
    /// 73rd)": a match report's scorer, a single name before the minute of the goal (an
    /// ordinal up to 130) that ends the entry, or before the minutes in parentheses.
    pub(super) fn scored_in_minute(&self, i: usize) -> bool {
        let Some(next) = self.tokens.get(i + 1) else {
            return false;
        };
        if next.has(JOINED) {
            // The minute ends the scorer's entry ("80th)", "67th penalty"); "1st Place 8th
            // Grade Division" is a ranking.
            let ends = self
                .tokens
                .get(i + 2)
                .is_none_or(|t| !t.has(JOINED) || is_in(&MINUTE_WORDS, t.text(self.text)));
            return minute_of_goal(next.text(self.text)) && ends;
        }
        if self.text[self.tokens[i].end as usize..next.start as usize].trim() != "(" {
            return false;
        }
        // Inside the parentheses: only minutes and the words that go with them.
        let mut minutes = 0;
        for t in &self.tokens[i + 1..] {
            let word = t.text(self.text);
            if minute_of_goal(word) {
                minutes += 1;
            } else if !(word == "and" || is_in(&MINUTE_WORDS, word)) {
                return false;
            }
            if self.text[t.end as usize..].trim_start().starts_with(')') {
                return minutes > 0;
            }
        }
        false
    }

    pub(super) fn org_context(&mut self, start: usize, end: usize) -> bool {
        let before = (start > 0 && self.tokens[start].has(JOINED)).then(|| self.tokens[start - 1]);
        let after = self
            .tokens
            .get(end)
            .copied()
            .filter(|t| t.has(JOINED) && !self.tokens[end - 1].has(POSSESSIVE));
        let beside = [before, after]
            .into_iter()
            .flatten()
            .any(|t| !t.has(CAP) && is_in(&ORG_CONTEXT, t.text(self.text)));
        // "Petofi general manager Laszlo Sebesvari", "Eagles owner Jeffrey Lurie": a
        // company's or a club's office before a name.
        let office = after.is_some_and(|t| {
            let word = t.text(self.text);
            is_in(&ORG_AFTER, word)
                || (word == "general"
                    && self
                        .tokens
                        .get(end + 1)
                        .is_some_and(|n| n.has(JOINED) && n.text(self.text) == "manager"))
        });
        beside || office || self.org_appositive(end)
    }

    /// "BASF, the chemicals company based in ...": an appositive whose head noun, within
    /// three words of its article, is an organization noun.
    pub(super) fn org_appositive(&self, next: usize) -> bool {
        self.appositive_head(next, &ORG_CONTEXT).is_some()
    }

    /// The first word of `nouns` within three words of the article of an appositive that
    /// starts at token `next` (", the chemicals company", ", a small port in").
    pub(super) fn appositive_head(&self, next: usize, nouns: &[&str]) -> Option<usize> {
        let first = self.tokens.get(next)?;
        if !first.has(AFTER_COMMA) || !matches!(first.text(self.text), "the" | "a" | "an") {
            return None;
        }
        (next + 1..(next + 4).min(self.tokens.len()))
            .take_while(|&i| self.tokens[i].has(JOINED))
            .find(|&i| {
                let tok = self.tokens[i];
                !tok.has(POSSESSIVE) && is_in(nouns, tok.text(self.text))
            })
    }

    /// "Plaza San Martin", "Tahrir Square": a place word heads or ends the name.
    pub(super) fn place_cue(&self, start: usize, end: usize) -> bool {
        is_in(&PLACE_HEADS, self.tokens[start].text(self.text))
            || is_in(&PLACE_TAILS, self.tokens[end - 1].text(self.text))
    }

    /// "Dagalo, widely known as Hemedti": the actor named last before "known as", in the
    /// same sentence.
    pub(super) fn known_as(&self, i: usize) -> Option<u32> {
        if i < 2 || !self.tokens[i].has(JOINED) || !self.tokens[i - 1].has(JOINED) {
            return None;
        }
        let (a, b) = (
            self.tokens[i - 2].text(self.text),
            self.tokens[i - 1].text(self.text),
        );
        if !(matches!(a, "known" | "nicknamed" | "called") && b == "as") {
            return None;
        }
        let at = self.tokens[i].start as usize;
        let sentence = (0..=i)
            .rev()
            .find(|&k| self.tokens[k].has(SENTENCE_START))
            .map_or(0, |k| self.tokens[k].start as usize);
        self.mentions
            .iter()
            .filter(|m| m.span.start >= sentence && m.span.end <= at && at - m.span.end < 120)
            .max_by_key(|m| m.span.start)
            .map(|m| m.actor)
    }

    pub(super) fn place_context(&self, start: usize) -> bool {
        start > 0
            && self.tokens[start].has(JOINED)
            && is_in(&PLACE_PREPOSITIONS, self.tokens[start - 1].text(self.text))
    }

    /// Whether the word at `last` ends its noun phrase: a possessive, punctuation or a
    /// function word comes next, not a noun it would qualify.
    pub(super) fn heads_phrase(&self, last: usize) -> bool {
        const FUNCTION_WORDS: [&str; 22] = [
            "in", "on", "at", "of", "to", "for", "with", "by", "from", "and", "or", "but", "have",
            "has", "had", "is", "are", "was", "were", "will", "would", "who",
        ];
        self.tokens[last].has(POSSESSIVE)
            || self
                .tokens
                .get(last + 1)
                .is_none_or(|t| !t.has(JOINED) || is_in(&FUNCTION_WORDS, t.text(self.text)))
    }
}

/// What may follow a goal's minute in a match report's scorers.
const MINUTE_WORDS: [&str; 6] = ["minute", "minutes", "min", "penalty", "pen", "og"];

/// "80th", "5th", "90th-minute": the minute of a goal, an ordinal up to 130.
pub(super) fn minute_of_goal(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = word[digits..].split('-').next().unwrap_or("");
    (1..=3).contains(&digits)
        && matches!(suffix, "st" | "nd" | "rd" | "th")
        && word[..digits]
            .parse::<u32>()
            .is_ok_and(|n| (1..=130).contains(&n))
}

/// Same length and one letter different, or one letter more (names only, so cheap).
pub(super) fn one_edit_apart(a: &str, b: &str) -> bool {
    // ASCII names compare as bytes, which are their characters: no copies.
    if a.is_ascii() && b.is_ascii() {
        return one_edit_apart_in(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    one_edit_apart_in(&a, &b)
}

fn one_edit_apart_in<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a == b || a.len().abs_diff(b.len()) > 1 || a.len().min(b.len()) < 4 {
        return false;
    }
    if a.len() == b.len() {
        return a.iter().zip(b).filter(|(x, y)| x != y).count() == 1;
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    let skip = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    short[skip..] == long[skip + 1..]
}

/// Marks the tokens of headline-like lines: short lines without a final full stop (titles,
/// section heads, boilerplate such as "Share") or with every word capitalised, where
/// capitalised words are not names.
pub(super) fn headline_flags(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut flags = vec![false; tokens.len()];
    let mut line_start = 0;
    while line_start < tokens.len() {
        let mut line_end = line_start + 1;
        while line_end < tokens.len() && !tokens[line_end].has(LINE_START) {
            line_end += 1;
        }
        let last_end = tokens[line_end - 1].end as usize;
        let rest = text.get(last_end..).unwrap_or("");
        let eol = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let tail = rest[..eol].trim_end();
        let terminated = tail.ends_with(['.', '!', '?', '"', '”', ':', ';', '’', '\'', ',', ')']);
        let n_words = line_end - line_start;
        let n_caps = tokens[line_start..line_end]
            .iter()
            .filter(|t| t.has(CAP))
            .count();
        let title_case = n_words >= 2 && n_caps * 2 > n_words;
        // Bylines ("By Jane Doe", "Follow Jane Doe on Twitter") name people, unlike titles.
        let first_word = tokens[line_start].text(text);
        let byline = matches!(
            first_word,
            "By" | "Follow" | "Reporting" | "Writing" | "Editing" | "Additional"
        ) && n_words >= 3;
        // Results, tables, lists and sign-offs name people: no headlines (`data_line`).
        // "Salma Hayek Described Her Experience Being Discriminated Against.": prose
        // never capitalises every word of a sentence; a heading may end with a stop.
        let every_word_capitalised =
            (5..=14).contains(&n_words) && n_caps == n_words && tail.ends_with('.');
        let looks_headline = (!terminated || every_word_capitalised)
            && !byline
            && (n_words <= 4 || (title_case && n_words <= 14));
        if looks_headline && !data_line(text, &tokens[line_start..line_end], n_words, n_caps) {
            flags[line_start..line_end]
                .iter_mut()
                .for_each(|f| *f = true);
        }
        line_start = line_end;
    }
    flags
}

/// Whether an unterminated line is data, not a headline: results, tables and lists ("Tim
/// Henman (Britain) beat Doug Flach (U.S.) 6-3", "Scorers: Shkvyrin Igor 78", "Flemming,
/// Jason Gillespie, Stuart Law, ...") hold numbers, commas or parentheses and name people;
/// so do a name alone on its line (a sign-off, "Larry Fine"), names joined by "/" or "&"
/// ("Faith McKie / Kathryn Hambleton") and a given name after a label ("Media contact:
/// Elizabeth Vlock"). A line in capitals only stays a headline.
fn data_line(text: &str, line: &[Token], n_words: usize, n_caps: usize) -> bool {
    if !line.iter().any(|t| t.has(ALPHA) && !t.has(ALL_CAPS)) {
        return false;
    }
    let last_end = line[line.len() - 1].end as usize;
    let line_text = text.get(line[0].start as usize..last_end).unwrap_or("");
    if line.iter().any(|t| !t.has(ALPHA))
        || line_text.matches(',').count() >= 2
        || line_text.contains('(')
    {
        return true;
    }
    let mut buf = String::new();
    let mut given = |t: &Token| {
        fold_into(t.text(text), &mut buf);
        name_words().is_given(&buf)
    };
    let separated = line_text.contains(['/', '&']);
    (n_caps == n_words && given(&line[0]) && (n_words == 2 || (separated && n_words <= 8)))
        || line
            .iter()
            .skip(1)
            .any(|t| t.has(CAP) && text[..t.start as usize].trim_end().ends_with(':') && given(t))
}

/// Sentences in another language ("o Presidente da República prossegue ...", a Russian
/// quotation) name people by their own grammar: their words, like a headline's, only
/// resolve to actors the English text names. A sentence is foreign when it has a letter
/// outside ASCII and fewer than half of its (at least three) lowercase words are English.
pub(super) fn mark_foreign_sentences(text: &str, tokens: &[Token], flags: &mut [bool]) {
    let words = name_words();
    let gaz = super::gazetteer::gazetteer();
    let mut start = 0;
    let mut buf = String::new();
    while start < tokens.len() {
        let mut end = start + 1;
        while end < tokens.len() && !tokens[end].has(SENTENCE_START) {
            end += 1;
        }
        let sentence = &tokens[start..end];
        let foreign_letter = |t: &Token| {
            let word = t.text(text);
            !word.is_ascii() && word.chars().any(|c| !c.is_ascii() && c.is_alphabetic())
        };
        if sentence.iter().any(foreign_letter) {
            let (mut lower, mut english) = (0, 0);
            for t in sentence.iter().filter(|t| t.has(ALPHA) && !t.has(CAP)) {
                lower += 1;
                fold_into(t.text(text), &mut buf);
                english += usize::from(
                    words.is_common(&buf) || gaz.is_nonname(&buf) || is_in(&CONNECTORS, &buf),
                );
            }
            if lower >= 3 && english * 2 < lower {
                flags[start..end].iter_mut().for_each(|f| *f = true);
            }
        }
        start = end;
    }
}
