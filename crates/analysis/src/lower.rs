//! Lowercase word tests for the extractors' hot loops, without allocating for the ASCII
//! words news text is mostly made of; each gives exactly what `str::to_lowercase` (or
//! `to_ascii_lowercase`) followed by a comparison gives.

use std::ops::Deref;

use super::fxhash::FxHashSet;

/// A word list looked up by hash: for lists long enough that comparing a word with each
/// entry costs more (quotes' speech verbs, actors' organization cues).
#[derive(Debug)]
pub(crate) struct WordSet {
    /// Owned, so that words derived at start-up need not be leaked to live as long as the
    /// set (LeakSanitizer reported each leaked word, which stopped the `extraction` fuzz
    /// target on its first input).
    words: FxHashSet<Box<str>>,
    longest: usize,
}

impl WordSet {
    pub(crate) fn new<S: AsRef<str>>(list: &[S]) -> WordSet {
        WordSet {
            words: list.iter().map(|w| Box::from(w.as_ref())).collect(),
            longest: list.iter().map(|w| w.as_ref().len()).max().unwrap_or(0),
        }
    }

    /// Whether `word` is in the list (as `list.contains(&word)`).
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        word.len() <= self.longest && self.words.contains(word)
    }
}

/// Whether `word` is in `list`: `list.contains(&word)` with a cheap first-byte test
/// before each full comparison (most list words share a length with some text words).
#[inline]
pub(crate) fn str_in(list: &[&str], word: &str) -> bool {
    let w = word.as_bytes();
    match w.first() {
        None => list.iter().any(|entry| entry.is_empty()),
        Some(&first) => list.iter().any(|entry| {
            let e = entry.as_bytes();
            e.len() == w.len() && e[0] == first && e[1..] == w[1..]
        }),
    }
}

/// Whether `word.to_lowercase()` is in `list`.
pub(crate) fn lowercase_in(word: &str, list: &[&str]) -> bool {
    if word.is_ascii() {
        list.iter().any(|entry| ascii_lowercase_eq(word, entry))
    } else {
        let lower = word.to_lowercase();
        list.contains(&lower.as_str())
    }
}

/// Whether `word.to_ascii_lowercase() == lower` (any word: non-ASCII bytes compare as
/// they are, as `to_ascii_lowercase` leaves them).
pub(crate) fn ascii_lowercase_eq(word: &str, lower: &str) -> bool {
    word.len() == lower.len()
        && word
            .bytes()
            .zip(lower.bytes())
            .all(|(w, l)| w.to_ascii_lowercase() == l)
}

/// Whether `word.to_ascii_lowercase()` is in `list`.
pub(crate) fn ascii_lowercase_in(word: &str, list: &[&str]) -> bool {
    list.iter().any(|entry| ascii_lowercase_eq(word, entry))
}

/// Short ASCII words are lowercased into this many bytes on the stack.
const INLINE: usize = 30;

/// `word.to_lowercase()`, held inline for short ASCII words.
#[derive(Debug, Clone)]
pub(crate) enum LowerWord {
    Inline { bytes: [u8; INLINE], len: u8 },
    Heap(String),
}

impl LowerWord {
    pub(crate) fn new(word: &str) -> LowerWord {
        if word.len() <= INLINE && word.is_ascii() {
            let mut bytes = [0u8; INLINE];
            for (b, w) in bytes.iter_mut().zip(word.bytes()) {
                *b = w.to_ascii_lowercase();
            }
            LowerWord::Inline {
                bytes,
                len: word.len() as u8,
            }
        } else {
            LowerWord::Heap(word.to_lowercase())
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        match self {
            // Lowercased ASCII is ASCII, so always valid UTF-8.
            LowerWord::Inline { bytes, len } => {
                std::str::from_utf8(&bytes[..*len as usize]).unwrap_or_default()
            }
            LowerWord::Heap(s) => s,
        }
    }
}

impl Deref for LowerWord {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for LowerWord {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_to_lowercase() {
        let words = [
            "Summit",
            "SUMMIT",
            "İstanbul",
            "\u{212A}ing", // the Kelvin sign lowercases to an ASCII k
            "Ömer",
            "",
            "a-very-long-hyphenated-word-beyond-the-inline-size",
        ];
        let list = ["summit", "king", "istanbul", "ömer", ""];
        for word in words {
            let lower = word.to_lowercase();
            assert_eq!(LowerWord::new(word).as_str(), lower);
            assert_eq!(lowercase_in(word, &list), list.contains(&lower.as_str()));
            assert_eq!(str_in(&list, word), list.contains(&word));
            assert_eq!(WordSet::new(&list).contains(word), list.contains(&word));
            let ascii = word.to_ascii_lowercase();
            assert_eq!(
                ascii_lowercase_in(word, &list),
                list.contains(&ascii.as_str())
            );
        }
    }
}
