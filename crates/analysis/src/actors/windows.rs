//! Finding aliases in a brief by hashing its word windows: every stretch of text that
//! starts and ends on a word boundary is looked up, ASCII case folded, in a table of the
//! aliases' hashes.
//!
//! Why not an aho-corasick automaton, as before? With hundreds of thousands of actors the
//! automaton took seconds to build (its failure links most of it), and a warm server could
//! not answer its first hover until it was built; the table here is two hash maps filled
//! in one pass, and a brief is short, so looking up its few windows per word costs less
//! than the build saved. The answer is the automaton's (leftmost-longest, no overlaps,
//! ASCII case folded) for every occurrence that starts and ends on a word boundary; the
//! automaton also took occurrences that start or end inside a word, which could only be
//! thrown away afterwards, and which hid a real name they overlapped ("Jordan Ali
//! Khamenei" lost "Ali Khamenei" to an alias "Dan Ali" found inside "Jordan").

use std::ops::Range;

use rayon::prelude::*;

use crate::fxhash::FxHashMap;

/// No pattern shares its hash with an earlier one.
const END_OF_CHAIN: u32 = u32::MAX;

/// The aliases by the hash of their ASCII-folded text, and the longest alias that opens
/// with each first word, so that a word no alias opens with costs one lookup.
#[derive(Debug, Default)]
pub(super) struct AliasWindows {
    /// Folded hash of an alias -> its pattern id (the first one, when hashes collide).
    first_with_hash: FxHashMap<u64, u32>,
    /// Pattern id -> the next pattern id with the same hash, or [`END_OF_CHAIN`].
    next_with_hash: Vec<u32>,
    /// Folded hash of an alias's first word -> the longest alias opening with it, in bytes.
    longest_after_first_word: FxHashMap<u64, u32>,
}

impl AliasWindows {
    /// The table over `patterns` (distinct under ASCII case folding, as the alias table
    /// makes them); a pattern id is its index there.
    pub(super) fn new(patterns: &[String]) -> AliasWindows {
        // Hashing is most of the work and needs no table: it runs on every core first.
        let hashes: Vec<Option<(u64, u64)>> = patterns
            .par_iter()
            .map(|pattern| {
                // An alias that opens with no letter or digit is never reported (a name
                // starts with a capital), so it need not be found.
                let first_word_end = first_word_end(pattern, 0)?;
                let first_word = &pattern.as_bytes()[..first_word_end];
                Some((folded_hash(pattern.as_bytes()), folded_hash(first_word)))
            })
            .collect();
        let mut first_with_hash =
            FxHashMap::with_capacity_and_hasher(patterns.len(), Default::default());
        let mut next_with_hash = vec![END_OF_CHAIN; patterns.len()];
        let mut longest_after_first_word: FxHashMap<u64, u32> =
            FxHashMap::with_capacity_and_hasher(patterns.len() / 2, Default::default());
        for (pattern_id, (pattern, hashes)) in patterns.iter().zip(hashes).enumerate() {
            let Some((hash, first_word_hash)) = hashes else {
                continue;
            };
            if let Some(earlier) = first_with_hash.insert(hash, pattern_id as u32) {
                next_with_hash[pattern_id] = earlier;
            }
            let longest = longest_after_first_word.entry(first_word_hash).or_insert(0);
            *longest = (*longest).max(pattern.len() as u32);
        }
        AliasWindows {
            first_with_hash,
            next_with_hash,
            longest_after_first_word,
        }
    }

    /// The aliases in `text`, in offset order: scanning from the left, at each word start
    /// the longest window that is an alias (ASCII case folded) is taken, and the scan goes
    /// on after it. Case and acronym rules are the caller's: a lowercase "white house" is
    /// found here and still hides the words it covers.
    pub(super) fn occurrences(&self, patterns: &[String], text: &str) -> Vec<(Range<usize>, u32)> {
        let mut found = Vec::new();
        if self.first_with_hash.is_empty() {
            return found;
        }
        let mut scan_from = 0;
        let mut ends: Vec<usize> = Vec::new();
        for (start, ch) in text.char_indices() {
            if start < scan_from || !ch.is_alphanumeric() || !starts_word(text, start) {
                continue;
            }
            let Some(first_word_end) = first_word_end(text, start) else {
                continue;
            };
            let first_word = &text.as_bytes()[start..first_word_end];
            let Some(&longest) = self.longest_after_first_word.get(&folded_hash(first_word)) else {
                continue;
            };
            window_ends(text, first_word_end, start + longest as usize, &mut ends);
            let longest_match = ends.iter().rev().find_map(|&end| {
                self.pattern_of(patterns, &text[start..end])
                    .map(|pattern_id| (start..end, pattern_id))
            });
            if let Some((span, pattern_id)) = longest_match {
                scan_from = span.end;
                found.push((span, pattern_id));
            }
        }
        found
    }

    /// The pattern equal to `window` but for ASCII case.
    fn pattern_of(&self, patterns: &[String], window: &str) -> Option<u32> {
        let mut pattern_id = *self.first_with_hash.get(&folded_hash(window.as_bytes()))?;
        loop {
            let pattern = patterns.get(pattern_id as usize)?;
            if pattern.eq_ignore_ascii_case(window) {
                return Some(pattern_id);
            }
            pattern_id = *self.next_with_hash.get(pattern_id as usize)?;
            if pattern_id == END_OF_CHAIN {
                return None;
            }
        }
    }
}

/// Whether a name may start at `start`: after no letter, digit or hyphen, except the
/// article of "al-Assad" ("Syrian-Israeli" does not hold "Israeli").
pub(super) fn starts_word(text: &str, start: usize) -> bool {
    let head = &text[..start];
    let article = head.ends_with("al-") || head.ends_with("el-");
    article || !head.chars().next_back().is_some_and(continues_word)
}

/// Whether a name may end at `end`: before no letter, digit or hyphen.
pub(super) fn ends_word(text: &str, end: usize) -> bool {
    !text[end..].chars().next().is_some_and(continues_word)
}

fn continues_word(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '-'
}

/// The end of the letters and digits that open `text[start..]`, `None` if there are none.
fn first_word_end(text: &str, start: usize) -> Option<usize> {
    let tail = &text[start..];
    let len = tail
        .char_indices()
        .find(|&(_, ch)| !ch.is_alphanumeric())
        .map_or(tail.len(), |(at, _)| at);
    (len > 0).then_some(start + len)
}

/// Every place from `from` to `limit` (inclusive) where a window may end: a name ends on a
/// word boundary and, being trimmed, never on a space.
fn window_ends(text: &str, from: usize, limit: usize, ends: &mut Vec<usize>) {
    ends.clear();
    let limit = limit.min(text.len());
    if from > limit {
        return;
    }
    if ends_word(text, from) {
        ends.push(from);
    }
    for (at, ch) in text[from..].char_indices() {
        let end = from + at + ch.len_utf8();
        if end > limit {
            break;
        }
        if !ch.is_whitespace() && ends_word(text, end) {
            ends.push(end);
        }
    }
}

/// A hash of `bytes` with ASCII letters folded to lowercase (the multiply-add of
/// `fxhash`, a byte at a time so that no folded copy is made).
fn folded_hash(bytes: &[u8]) -> u64 {
    const MULTIPLIER: u64 = 0xf135_7aea_2e62_a9c5;
    let mut hash = bytes.len() as u64;
    for &byte in bytes {
        hash = (hash.rotate_left(5) ^ byte.to_ascii_lowercase() as u64).wrapping_mul(MULTIPLIER);
    }
    hash
}

#[cfg(test)]
mod tests;
