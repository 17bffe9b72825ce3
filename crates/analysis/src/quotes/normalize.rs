//! Quote-matching normalisation: text as a stream of words, each a hash of its folded form
//! (lower case, one apostrophe style) with its byte range in the original text.
//!
//! Punctuation, quotation marks, dashes and whitespace separate words and never take part
//! in a comparison, which is what makes `“Iran-backed,”` match `"Iran backed`.

use std::ops::Range;

/// A word of a text: its byte range and the hash of its normalised form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub hash: u64,
}

impl Word {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn is_apostrophe(ch: char) -> bool {
    matches!(ch, '\'' | '’' | '‘' | '`' | 'ʼ' | '′')
}

fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric()
}

/// Words of `text[from..to]`; `from` must be a char boundary.
pub struct WordIter<'a> {
    text: &'a str,
    pos: usize,
    end: usize,
}

impl<'a> WordIter<'a> {
    pub fn new(text: &'a str, range: Range<usize>) -> WordIter<'a> {
        let end = range.end.min(text.len());
        let mut pos = range.start.min(end);
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
        WordIter { text, pos, end }
    }
}

impl Iterator for WordIter<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        let rest = self.text.get(self.pos..self.end)?;
        let mut chars = rest.char_indices().peekable();
        let mut start = None;
        let mut hash = FNV_OFFSET;
        let mut word_end = 0;
        while let Some((i, ch)) = chars.next() {
            if is_word_char(ch) {
                if start.is_none() {
                    start = Some(i);
                }
                for lower in ch.to_lowercase() {
                    let mut buf = [0u8; 4];
                    for &b in lower.encode_utf8(&mut buf).as_bytes() {
                        hash = (hash ^ b as u64).wrapping_mul(FNV_PRIME);
                    }
                }
                word_end = i + ch.len_utf8();
            } else if start.is_some() {
                // An apostrophe inside a word ("Putin’s", "can't") belongs to it.
                let next_is_word = chars.peek().is_some_and(|&(_, c)| is_word_char(c));
                if is_apostrophe(ch) && next_is_word {
                    hash = (hash ^ b'\'' as u64).wrapping_mul(FNV_PRIME);
                    continue;
                }
                break;
            }
        }
        let start = start?;
        let word = Word {
            start: self.pos + start,
            end: self.pos + word_end,
            hash,
        };
        self.pos = word.end;
        Some(word)
    }
}

/// All words of a range of a text.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    WordIter::new(text, range).collect()
}

/// The hash of one word as [`WordIter`] would compute it.
pub fn word_hash(word: &str) -> u64 {
    WordIter::new(word, 0..word.len())
        .next()
        .map_or(0, |w| w.hash)
}

/// The seed hash of `n` consecutive word hashes.
pub fn shingle_hash(hashes: &[u64]) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
    for &w in hashes {
        h = (h.rotate_left(23) ^ w).wrapping_mul(0xff51_afd7_ed55_8ccd);
    }
    h ^ (h >> 31)
}

/// One token of a quote as an analyst wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteToken {
    Word(Word),
    /// An ellipsis: any number of source words were left out.
    Gap(Range<usize>),
    /// `[bracketed]` editorial words standing for a few source words.
    Wildcard(Range<usize>),
}

/// Tokens of a brief's quote: words, ellipses as gaps, `[brackets]` as wildcards;
/// `[sic]` is dropped. Byte ranges are into `text`.
pub fn quote_tokens(text: &str) -> Vec<QuoteToken> {
    let mut tokens = Vec::new();
    let mut segment_start = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        let rest = &text[i..];
        let special: Option<(usize, Option<QuoteToken>)> = if rest.starts_with('[') {
            rest.find(']')
                .filter(|&close| !rest[1..close].contains('['))
                .map(|close| {
                    let inner = rest[1..close].trim();
                    let token = if inner.eq_ignore_ascii_case("sic")
                        || inner.eq_ignore_ascii_case("sic!")
                    {
                        None
                    } else if inner.is_empty() || is_ellipsis(inner) {
                        Some(QuoteToken::Gap(i..i + close + 1))
                    } else {
                        Some(QuoteToken::Wildcard(i..i + close + 1))
                    };
                    (close + 1, token)
                })
        } else if rest.starts_with("...") || rest.starts_with(". . .") {
            let len = if rest.starts_with("...") { 3 } else { 5 };
            let extra = rest[len..].bytes().take_while(|&b| b == b'.').count();
            Some((len + extra, Some(QuoteToken::Gap(i..i + len + extra))))
        } else if rest.starts_with('…') {
            Some(('…'.len_utf8(), Some(QuoteToken::Gap(i..i + '…'.len_utf8()))))
        } else {
            None
        };
        match special {
            Some((len, token)) => {
                tokens.extend(WordIter::new(text, segment_start..i).map(QuoteToken::Word));
                tokens.extend(token);
                i += len;
                segment_start = i;
            }
            None => {
                i += 1;
                while i < bytes.len() && !text.is_char_boundary(i) {
                    i += 1;
                }
            }
        }
    }
    tokens.extend(WordIter::new(text, segment_start..text.len()).map(QuoteToken::Word));
    tokens
}

fn is_ellipsis(text: &str) -> bool {
    text.chars().all(|c| c == '.' || c == '…' || c == ' ')
}

/// How many words a brief's quote has (gaps and brackets not counted).
pub fn count_words(text: &str) -> usize {
    quote_tokens(text)
        .iter()
        .filter(|t| matches!(t, QuoteToken::Word(_)))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        words(text, 0..text.len())
            .iter()
            .map(|w| &text[w.range()])
            .collect()
    }

    #[test]
    fn words_split_on_punctuation_and_keep_apostrophes() {
        assert_eq!(
            texts("“Iran-backed,” Putin’s can't — tête-à-tête 50,000."),
            [
                "Iran",
                "backed",
                "Putin’s",
                "can't",
                "tête",
                "à",
                "tête",
                "50",
                "000"
            ]
        );
    }

    #[test]
    fn case_and_apostrophe_style_do_not_change_the_hash() {
        assert_eq!(word_hash("Putin’s"), word_hash("putin's"));
        assert_eq!(word_hash("ÉTÉ"), word_hash("été"));
        assert_ne!(word_hash("putin"), word_hash("putins"));
    }

    #[test]
    fn quote_tokens_know_gaps_brackets_and_sic() {
        let text = "we [Russia] want … to [sic] work ... together [...] now";
        let kinds: Vec<String> = quote_tokens(text)
            .iter()
            .map(|t| match t {
                QuoteToken::Word(w) => text[w.range()].to_string(),
                QuoteToken::Gap(_) => "<gap>".into(),
                QuoteToken::Wildcard(r) => format!("<{}>", &text[r.clone()]),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "we",
                "<[Russia]>",
                "want",
                "<gap>",
                "to",
                "work",
                "<gap>",
                "together",
                "<gap>",
                "now"
            ]
        );
        assert_eq!(count_words(text), 6);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", "[", "]", "[[x]", "…", "é[", "'", "a'", "'a"] {
            let _ = quote_tokens(text);
            let _ = words(text, 0..text.len() + 5);
        }
        assert_eq!(words("é", 1..2), vec![]);
    }
}
