//! Organizations named by a cue word ("Carnegie Moscow Center", "Federation of Korean
//! Industries", "Inter-American Commission on Human Rights"): where such a name starts and
//! ends inside a capitalised run.

use std::sync::LazyLock;

use super::extractor::Extractor;
use super::gazetteer::fold_into;
use super::lexicon::*;
use super::scan::{ALL_CAPS, CAP, SENTENCE_START};
use crate::lower::WordSet;

/// [`ORG_CUES`] looked up by hash: every capitalised run is checked word by word.
fn is_org_cue(word: &str) -> bool {
    static CUES: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&ORG_CUES));
    CUES.contains(word)
}

impl Extractor<'_> {
    /// An organization named by a cue word ("Carnegie Moscow Center", "Council of ... of
    /// Russia"): the tokens from the run's first content word through the last cue word,
    /// plus a connector tail ("of ...").
    pub(super) fn org_by_cue(&mut self, start: usize, end: usize) -> Option<(usize, usize)> {
        // "Newcastle United", "Leeds United": a club name ends with "United"; a school's
        // with "High" ("Warren High", "Diamond Bar High"); a company's with a dotted legal
        // form ("Cofinec S.A.").
        // A cue word before a title names a portfolio, not an organization ("Treasury
        // Secretary Steven Mnuchin", "Railway Minister Ashwini Vaishnaw").
        let last_cue = (start..end).rev().find(|&i| {
            let word = self.tokens[i].text(self.text);
            let cue = is_org_cue(word)
                || (matches!(word, "United" | "High") && i == end - 1 && i > start)
                || (is_in(&DOTTED_LEGAL_FORMS, word) && i == end - 1 && i > start);
            // Only when the cue leads the run, or follows one place ("US Treasury
            // Under-Secretary"): "Boxing Association President" is an organization's office.
            let leads = i == start || (i == start + 1 && self.lookup(start, i).is_some());
            // "Centre Frank Bunce said": a rugby or basketball position before a full name
            // (two name words or more, nothing lowercase) is his role, not a centre's name.
            let position = i == start
                && matches!(word, "Centre" | "Center")
                && end - i >= 3
                && (i + 1..end).all(|k| self.tokens[k].has(CAP));
            cue && !position && !(leads && i + 1 < end && self.is_title_at(i + 1))
        })?;
        // The name starts after the last "and"/"on" before the cue ("Rosneft and the
        // National Iranian Oil Company" is two organizations).
        // An "and" between two unknown words is inside the name ("Independent Electoral
        // and Boundaries Commission").
        let mut org_start = (start..last_cue)
            .rev()
            .find(|&i| match self.tokens[i].text(self.text) {
                "on" => true,
                "and" => !self.and_inside_name(i),
                _ => false,
            })
            .map_or(start, |i| i + 1);
        // "Shares of Alphabet Inc": an "of" before the cue starts the name unless a cue
        // word heads it ("Federation of Korean Industries", "Bank of America Corp").
        if let Some(of) = (org_start + 1..last_cue)
            .rev()
            .find(|&i| matches!(self.tokens[i].text(self.text), "of" | "for"))
        {
            if !is_org_cue(self.tokens[of - 1].text(self.text)) {
                org_start = of + 1;
            }
        }
        while org_start < last_cue
            && (self.leading_noise(org_start) || !self.tokens[org_start].has(CAP))
        {
            org_start += 1;
        }
        // A tail of "of ..."/"for ..." belongs to the name; "and", "on" end it.
        let mut org_end = last_cue + 1;
        let mut i = org_end;
        while i < end {
            let word = self.tokens[i].text(self.text);
            if self.tokens[i].has(CAP) {
                // "Best Products Co Chairman Daniel Levy", "Reserve Bank of India Governor
                // Chakravarty Rangarajan": a title right after the name's words is the
                // office of the person who follows ("Office of the President" keeps its).
                let after_words = i == last_cue + 1 || self.tokens[i - 1].has(CAP);
                if after_words && self.title_starts_at(i) {
                    break;
                }
                if i > last_cue + 1 {
                    org_end = i + 1;
                }
            } else if word == "and" {
                // "Chamber of Industry and Commerce", not "Council of Europe and Russia".
                let next_known = self.tokens.get(i + 1).is_some_and(|t| {
                    fold_into(t.text(self.text), &mut self.buf);
                    self.gaz.lookup(&self.buf).is_some()
                });
                let next_is_word = self
                    .tokens
                    .get(i + 1)
                    .is_some_and(|t| t.has(CAP) && !t.has(ALL_CAPS));
                if i == last_cue + 1 || next_known || !next_is_word {
                    break;
                }
            } else if !matches!(word, "of" | "for" | "the" | "on") {
                break;
            } else if word == "on" && !self.names_after_on(i) {
                // "Commission on Human Rights", but not "the Council on Monday".
                break;
            }
            i += 1;
        }
        // A sentence-initial lone cue word ("Congress passed") is too weak.
        if org_start == last_cue
            && org_end == last_cue + 1
            && self.tokens[org_start].has(SENTENCE_START)
        {
            return None;
        }
        Some((org_start, org_end))
    }

    /// Whether a title starts at token `i`: a title word, or a modifier before one
    /// ("Deputy President", "Chief Executive").
    fn title_starts_at(&mut self, i: usize) -> bool {
        let modifier = {
            fold_into(self.tokens[i].text(self.text), &mut self.buf);
            is_in(&TITLE_MODIFIERS, &self.buf)
        };
        self.is_title_at(i) || (modifier && i + 1 < self.tokens.len() && self.is_title_at(i + 1))
    }

    /// Whether token `i` is a title word ("Secretary", "Minister", "Under-Secretary").
    fn is_title_at(&mut self, i: usize) -> bool {
        let tok = self.tokens[i];
        if !tok.has(CAP) || tok.has(ALL_CAPS) {
            return false;
        }
        fold_into(tok.text(self.text), &mut self.buf);
        self.gaz.is_title(&self.buf) || is_in(&CORE_TITLES, &self.buf)
    }

    /// A leading word that is not part of what follows: "The", "Mr", a sentence-initial
    /// common word.
    pub(super) fn leading_noise(&mut self, i: usize) -> bool {
        let tok = self.tokens[i];
        fold_into(tok.text(self.text), &mut self.buf);
        let word = self.buf.trim_end_matches('.');
        is_in(&HONORIFICS, word)
            || word == "the"
            || (tok.has(SENTENCE_START) && self.gaz.is_nonname(word))
    }

    /// An "and" inside a cue-word name: both neighbours capitalised and the one before it
    /// not a known actor ("Rosneft and National Iranian Oil Company" is two names).
    pub(super) fn and_inside_name(&mut self, i: usize) -> bool {
        if i == 0 || i + 1 >= self.tokens.len() {
            return false;
        }
        let (before, after) = (self.tokens[i - 1], self.tokens[i + 1]);
        let before_is_cue = is_org_cue(before.text(self.text));
        if !before.has(CAP) || !after.has(CAP) || before.has(ALL_CAPS) || before_is_cue {
            return false;
        }
        fold_into(before.text(self.text), &mut self.buf);
        self.gaz.lookup(&self.buf).is_none() && !self.gaz.is_nonname(&self.buf)
    }

    /// "on" followed by a capitalised word that is not a day or month ("on Human Rights").
    pub(super) fn names_after_on(&mut self, i: usize) -> bool {
        let Some(next) = self.tokens.get(i + 1).copied() else {
            return false;
        };
        fold_into(next.text(self.text), &mut self.buf);
        next.has(CAP) && !crate::calendar::is_weekday_or_month_any_case(&self.buf)
    }
}
