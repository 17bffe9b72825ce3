//! Role phrases around a person's name that the run itself does not hold: the clause
//! before the name's comma ("Russia's chief negotiator for Syria, Aleksandr Lavrentyev"),
//! and the cleanup every role gets (forms of address and honorifics are not roles).

use super::extractor::Extractor;
use super::gazetteer::fold_into;
use super::lexicon::*;
use super::scan::{AFTER_COMMA, CAP, JOINED, POSSESSIVE, SENTENCE_START};

impl Extractor<'_> {
    /// "Russia's chief negotiator for Syria, Aleksandr Lavrentyev": a clause before the
    /// name's comma that opens the sentence (or follows a comma), starts with an owner or a
    /// determiner, and holds a title word, is the person's role.
    pub(super) fn role_before_comma(&mut self, start: usize) -> Option<String> {
        if start == 0 || !self.tokens[start].has(AFTER_COMMA) {
            return None;
        }
        let mut first = start - 1;
        while self.tokens[first].has(JOINED) && first > 0 && start - first < 10 {
            first -= 1;
        }
        let opener = self.tokens[first];
        let opens_clause = opener.has(SENTENCE_START) || opener.has(AFTER_COMMA);
        if !opens_clause || self.tokens[first].has(JOINED) || start - first < 2 {
            return None;
        }
        fold_into(opener.text(self.text), &mut self.buf);
        let determiner = matches!(
            self.buf.as_str(),
            "the" | "a" | "an" | "his" | "her" | "its" | "their"
        );
        if !(determiner || opener.has(POSSESSIVE) || self.is_title_word(first)) {
            return None;
        }
        // Before the title only owners, modifiers and a couple of nouns ("China's foreign
        // ministry spokesman"); a pronoun there means a clause ("the tour sent its chief
        // operating officer").
        let title_at = (first..start).find(|&i| self.is_title_word(i))?;
        let mut n_plain = 0;
        for i in first + 1..title_at {
            let tok = self.tokens[i];
            fold_into(tok.text(self.text), &mut self.buf);
            let word = self.buf.as_str();
            if matches!(word, "his" | "her" | "its" | "their" | "a" | "an" | "the") {
                return None;
            }
            if !tok.has(CAP) && !tok.has(POSSESSIVE) && !is_in(&TITLE_MODIFIERS, word) {
                n_plain += 1;
            }
        }
        if n_plain > 2 {
            return None;
        }
        let from = if determiner { first + 1 } else { first };
        let span = self.span(from, start);
        let end = self.tokens[start - 1].end as usize;
        let role = self.text.get(span.start..end).unwrap_or("");
        Some(role.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    fn is_title_word(&mut self, i: usize) -> bool {
        fold_into(self.tokens[i].text(self.text), &mut self.buf);
        self.gaz.is_title(&self.buf) || is_in(&CORE_TITLES, &self.buf)
    }
}

/// A role without the forms of address that belong to the name ("supreme leader
/// Ayatollah" is "supreme leader", "Energy Minister Prince" is "Energy Minister"); `None`
/// when nothing is left.
pub(super) fn clean_role(role: &str) -> Option<String> {
    const ADDRESS: [&str; 12] = [
        "ayatollah",
        "sheikh",
        "sheik",
        "imam",
        "prince",
        "princess",
        "emir",
        "sultan",
        "king",
        "queen",
        "rabbi",
        "cardinal",
    ];
    let mut role = role.trim().trim_end_matches([',', ';', ':']).trim_end();
    let one_of = |list: &[&str], word: &str| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    while let Some((head, last)) = role.rsplit_once(' ') {
        if !one_of(&ADDRESS, last) {
            break;
        }
        role = head.trim_end();
    }
    // "Mr" is no role, nor a lone "former".
    let bare = role.trim_end_matches('.');
    if role.is_empty() || one_of(&HONORIFICS, bare) || one_of(&TITLE_MODIFIERS, bare) {
        return None;
    }
    Some(role.to_string())
}
