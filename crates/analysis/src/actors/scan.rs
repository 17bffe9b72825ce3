//! One linear byte-level pass that cuts news text into words with the facts the actor
//! extractor needs (capitalised? sentence start? possessive? what separates it from the
//! previous word?), without allocating per word.
//!
//! Why not a regex: names are decided by a word's neighbours, so the extractor walks a
//! token array forwards and backwards; a tokenizer that records each word's context once
//! keeps that walk cheap and the whole pass linear.

use crate::lower::str_in;
use std::ops::Range;

/// A word of the text. `end` excludes a possessive `'s`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: u32,
    pub end: u32,
    pub flags: u16,
}

/// The first letter is uppercase.
pub(crate) const CAP: u16 = 1;
/// Two or more letters, all uppercase ("IRGC", "MOSCOW").
pub(crate) const ALL_CAPS: u16 = 1 << 1;
/// Followed by `'s` or `’s`, which `end` leaves out.
pub(crate) const POSSESSIVE: u16 = 1 << 2;
/// The first word of a sentence (or of a line, or right after an opening quote).
pub(crate) const SENTENCE_START: u16 = 1 << 3;
/// The first word of a line.
pub(crate) const LINE_START: u16 = 1 << 4;
/// Only spaces or tabs separate this word from the previous one (no punctuation, no line
/// break), so the two can belong to one name.
pub(crate) const JOINED: u16 = 1 << 5;
/// A comma stands between the previous word and this one (and nothing else but spaces).
pub(crate) const AFTER_COMMA: u16 = 1 << 6;
/// Starts with a letter (not a digit).
pub(crate) const ALPHA: u16 = 1 << 7;
/// Part of a team's name in a results or standings line ("Wigan 42 Bradford Bulls 36",
/// "Crystal Palace 4 1 2 1 4 3 5"); set by `results::mark_sports_lines`, not by the tokenizer.
pub(crate) const TEAM: u16 = 1 << 8;

impl Token {
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.range()).unwrap_or("")
    }
}

/// Abbreviations whose full stop does not end a sentence.
const HONORIFICS: [&str; 20] = [
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Lt", "Col", "Gov", "Prof", "Sgt", "Capt",
    "Maj", "Adm", "Brig", "Cpl", "Rev", "Sens",
];

/// Cuts `text[range]` into words, appending them to `out` (cleared first).
pub(crate) fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    out.clear();
    // About one word in six bytes of news text: one allocation, not a dozen regrowths.
    out.reserve(range.len() / 6);
    let bytes = text.as_bytes();
    let end = range.end.min(bytes.len());
    let mut i = range.start.min(end);
    // Context since the previous word.
    let mut saw_newline = true;
    let mut saw_stop = true;
    let mut saw_comma = false;
    let mut saw_other = false;
    let mut prev_is_abbreviation = false;
    while i < end {
        let b = bytes[i];
        let (is_word_start, ch_len) = word_char_at(text, i);
        if !is_word_start {
            match b {
                b' ' | b'\t' => {}
                b'\n' | b'\r' => saw_newline = true,
                b'.' | b'!' | b'?' => {
                    // The dot of "Sen." or of the initial in "Amit P. Mehta" neither ends
                    // the sentence nor separates the name's words.
                    if !(b == b'.' && prev_is_abbreviation) {
                        saw_stop = true;
                        saw_other = true;
                    }
                }
                b',' => saw_comma = true,
                b'"' => {
                    saw_other = true;
                    saw_stop = true;
                }
                _ => {
                    saw_other = true;
                    // Opening quotes start a quoted sentence; other marks just separate.
                    if text[i..].starts_with('“') || text[i..].starts_with('«') {
                        saw_stop = true;
                    }
                }
            }
            i += ch_len.max(1);
            continue;
        }
        let word_start = i;
        let mut j = i + ch_len;
        let mut possessive = false;
        // Extend over letters, digits and inner joiners (hyphen, apostrophe, dotted initials).
        loop {
            if j >= end {
                break;
            }
            let (is_word, len) = word_char_at(text, j);
            if is_word {
                j += len;
                continue;
            }
            let joiner_len = if bytes[j] == b'-' || bytes[j] == b'\'' {
                1
            } else if text[j..].starts_with('’') {
                3
            } else if bytes[j] == b'.' && is_dotted_initial(bytes, word_start, j) {
                1
            } else {
                0
            };
            if joiner_len == 0 || j + joiner_len >= end {
                break;
            }
            let (next_is_word, _) = word_char_at(text, j + joiner_len);
            if !next_is_word {
                break;
            }
            // A possessive: 's (or ’s) followed by a non-word character.
            if joiner_len != 1 || bytes[j] != b'-' {
                let after = j + joiner_len;
                if bytes[j] != b'.'
                    && matches!(bytes.get(after), Some(b's'))
                    && !word_char_at(text, after + 1).0
                {
                    possessive = true;
                    break;
                }
            }
            j += joiner_len;
        }
        let mut word_end = j;
        // "U.S." keeps its final full stop.
        if bytes.get(j) == Some(&b'.')
            && is_dotted_initial(bytes, word_start, j)
            && text[word_start..j].contains('.')
        {
            word_end = j + 1;
        }
        let word = &text[word_start..j];
        let first = word.chars().next().unwrap_or(' ');
        let mut flags = 0u16;
        if is_capitalised(word) {
            flags |= CAP;
        }
        if first.is_alphabetic() {
            flags |= ALPHA;
        }
        // Most words are lowercase; only capitalised ones need the costlier checks.
        if first.is_uppercase() {
            let n_letters = word.chars().filter(|c| c.is_alphabetic()).count();
            // "J.D." is a person's initials, not an acronym standing alone.
            let initials = word.contains('.') && n_letters <= 3;
            if n_letters >= 2 && !initials && !word.chars().any(|c| c.is_lowercase()) {
                flags |= ALL_CAPS;
            }
        }
        if possessive {
            flags |= POSSESSIVE;
        }
        if saw_newline {
            flags |= LINE_START | SENTENCE_START;
        } else if saw_stop {
            flags |= SENTENCE_START;
        }
        if !saw_newline && !saw_stop && !saw_comma && !saw_other {
            flags |= JOINED;
        }
        if saw_comma && !saw_newline && !saw_stop && !saw_other {
            flags |= AFTER_COMMA;
        }
        out.push(Token {
            start: word_start as u32,
            end: word_end as u32,
            flags,
        });
        prev_is_abbreviation = first.is_uppercase()
            && (word.len() == 1 || (word.len() <= 4 && str_in(&HONORIFICS, word)));
        saw_newline = false;
        saw_stop = false;
        saw_comma = false;
        saw_other = false;
        i = if possessive {
            // Skip the apostrophe and the s.
            j + if bytes[j] == b'\'' { 2 } else { 4 }
        } else {
            word_end
        };
    }
}

/// A name-like capital: "Putin", "al-Assad" (an article before a capital); not a compound
/// adjective ("Syria-focused", "Iranian-backed").
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !word.as_bytes().contains(&b'-') {
        return first.is_uppercase() && !is_pronoun_contraction(word);
    }
    let mut parts = word.split('-');
    let head = parts.next().unwrap_or("");
    if first.is_uppercase() {
        // "Syria-focused", "Kremlin-backed", "Soviet-era" are adjectives; "Min-jung",
        // "Jae-myung", "Ing-wen" are given names: a short head and short syllables that are
        // not common compound tails.
        let short_syllables = head.len() <= 5;
        return !parts.any(|part| {
            part.chars().next().is_some_and(char::is_lowercase)
                && part.len() > 2
                && !(short_syllables && part.len() <= 5 && !is_compound_tail(part))
        });
    }
    let after_article = word.split('-').nth(1).and_then(|p| p.chars().next());
    const ARTICLES: [&str; 14] = [
        "al", "el", "ad", "as", "an", "ar", "at", "az", "ash", "ez", "es", "ul", "bin", "abu",
    ];
    str_in(&ARTICLES, head) && after_article.is_some_and(char::is_uppercase)
}

/// "I'm", "We've", "They'll", "It'd": a pronoun and a contracted verb are no name,
/// whatever their capital ("I think I'm going" gave a person "I'm").
fn is_pronoun_contraction(word: &str) -> bool {
    let Some((head, tail)) = word.split_once(['\'', '’']) else {
        return false;
    };
    matches!(
        tail,
        "m" | "re" | "ve" | "ll" | "d" | "s" | "M" | "RE" | "VE" | "LL" | "D" | "S"
    ) && crate::lower::lowercase_in(head, &super::lexicon::CONTRACTED_PRONOUNS)
}

/// Whether a word character starts at `i`, and the byte length of the character there.
/// Lowercase tails of hyphenated English compounds ("Trump-era", "Iran-led", "Post-war").
fn is_compound_tail(part: &str) -> bool {
    const TAILS: [&str; 40] = [
        "era", "war", "run", "born", "made", "style", "like", "wide", "free", "year", "day", "old",
        "time", "term", "level", "cost", "zone", "area", "type", "size", "front", "side", "line",
        "scale", "class", "rich", "held", "out", "off", "down", "over", "back", "long", "short",
        "high", "new", "ready", "proof", "only", "based",
    ];
    part.ends_with("ed") || str_in(&TAILS, part)
}

#[inline]
fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    let Some(&b) = bytes.get(i) else {
        return (false, 0);
    };
    if b < 0x80 {
        return (b.is_ascii_alphanumeric(), 1);
    }
    match text.get(i..).and_then(|rest| rest.chars().next()) {
        Some(ch) => (ch.is_alphanumeric(), ch.len_utf8()),
        // Not a char boundary: a continuation byte, skipped one at a time.
        None => (false, 1),
    }
}

/// "U.S", "U.N": single uppercase letters separated by full stops, up to `dot`.
fn is_dotted_initial(bytes: &[u8], word_start: usize, dot: usize) -> bool {
    dot > word_start
        && bytes[dot - 1].is_ascii_uppercase()
        && (dot - 1 == word_start || bytes[dot - 2] == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut tokens = Vec::new();
        tokenize(text, 0..text.len(), &mut tokens);
        tokens
            .iter()
            .map(|t| {
                let mut s = t.text(text).to_string();
                for (flag, mark) in [
                    (POSSESSIVE, "'s"),
                    (SENTENCE_START, "^"),
                    (JOINED, "+"),
                    (AFTER_COMMA, ","),
                ] {
                    if t.has(flag) {
                        s.push_str(mark);
                    }
                }
                s
            })
            .collect()
    }

    #[test]
    fn words_possessives_initials_and_context() {
        let got = words("U.S. President Donald Trump’s aide, Mr. Jean-Luc O'Neil. Then al-Assad's");
        assert_eq!(
            got,
            [
                "U.S.^",
                "President+",
                "Donald+",
                "Trump's+",
                "aide+",
                "Mr,",
                // The dot after "Mr" does not separate it from the name.
                "Jean-Luc+",
                "O'Neil+",
                "Then^",
                "al-Assad's+"
            ]
        );
    }

    #[test]
    fn middle_initials_and_hyphenated_given_names() {
        let got =
            words("Judge Amit P. Mehta met Sen. J.D. Vance and Min-jung Park, Kremlin-backed");
        assert_eq!(
            got,
            [
                "Judge^",
                "Amit+",
                "P+",
                "Mehta+",
                "met+",
                "Sen+",
                "J.D.+",
                "Vance+",
                "and+",
                "Min-jung+",
                "Park+",
                "Kremlin-backed,"
            ]
        );
        let mut tokens = Vec::new();
        let text = "J.D. Min-jung Kremlin-backed Trump-era";
        tokenize(text, 0..text.len(), &mut tokens);
        let caps: Vec<bool> = tokens.iter().map(|t| t.has(CAP)).collect();
        assert_eq!(caps, [true, true, false, false]);
        assert!(!tokens[0].has(ALL_CAPS), "initials are not an acronym");
    }

    #[test]
    fn non_ascii_and_odd_bytes_do_not_panic() {
        let text = "Tête-à-tête — Ömer’s “Quote” 🙂 's ’";
        let got = words(text);
        assert_eq!(got, ["Tête-à-tête^", "Ömer's", "Quote^", "s"]);
    }
}
