//! Fuzzy ranking of documents by key and title for citation completion, over the keys and
//! titles lowercased once when the index is assembled, with no allocation per document.
//!
//! The editor scores a document by [`fuzzy_score`](super::ide::fuzzy_score) of the typed
//! text against its key, or, when the key does not match at all, against its title plus
//! 1000, and keeps the best by (score, key, id). A typed key prefix that many keys start
//! with never gets here (the sorted keys answer it); this is the fallback for a prefix few
//! keys start with, which must look at every document. It stays cheap because each step
//! of the score is tried only while it can still beat the worst item kept: one AND of
//! character masks rules out a key or title that lacks a typed character, a prefix test
//! costs a comparison, a substring search runs only when a substring score could enter,
//! and the subsequence walk only when a subsequence score could.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use memchr::memmem;
use rayon::prelude::*;

use super::corpus::{DocId, Document};

/// Added to a title's score: any key match ranks before any title match.
pub const TITLE_PENALTY: u32 = 1000;

/// Every document's key and title, lowercased (as `str::to_lowercase` does), packed.
#[derive(Debug, Default)]
pub struct DocSearch {
    keys: Packed,
    keys_lower: Packed,
    titles_lower: Packed,
}

/// Strings one after another, with each one's end and character mask.
#[derive(Debug, Default)]
struct Packed {
    text: String,
    ends: Vec<u32>,
    masks: Vec<u64>,
}

impl Packed {
    fn new(strings: Vec<String>) -> Packed {
        let mut packed = Packed {
            text: String::with_capacity(strings.iter().map(String::len).sum()),
            ends: Vec::with_capacity(strings.len()),
            masks: Vec::with_capacity(strings.len()),
        };
        for s in &strings {
            packed.text.push_str(s);
            // Past 4 GiB of text the offsets would wrap; such a string reads as empty.
            packed
                .ends
                .push(u32::try_from(packed.text.len()).unwrap_or(u32::MAX));
            packed.masks.push(char_mask(s));
        }
        packed
    }

    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..self.ends[i] as usize).unwrap_or("")
    }
}

/// A bit per character class: a string can hold `pattern` as a subsequence (and so as a
/// prefix or substring) only if its mask has every bit of the pattern's.
pub fn char_mask(text: &str) -> u64 {
    text.chars()
        .fold(0u64, |mask, c| mask | 1u64 << char_bit(c))
}

fn char_bit(c: char) -> u32 {
    match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + (c as u32 - '0' as u32),
        c if c.is_ascii() => 36 + c as u32 % 26,
        // Every other character shares the last bit.
        _ => 63,
    }
}

/// How a candidate string compared with what was typed.
enum Scored {
    Score(u32),
    /// It cannot match.
    NoMatch,
    /// It may match, but not well enough to enter the list.
    Pruned,
}

/// The typed text, lowercased, with what each step of the score needs.
struct Pattern<'a> {
    lower: &'a str,
    mask: u64,
    n_chars: u32,
    finder: memmem::Finder<'a>,
}

impl DocSearch {
    pub fn new(docs: &[std::sync::Arc<Document>]) -> DocSearch {
        let (keys, (keys_lower, titles_lower)): (Vec<String>, (Vec<String>, Vec<String>)) = docs
            .par_iter()
            .map(|d| {
                (
                    d.key.clone(),
                    (d.key.to_lowercase(), d.title.to_lowercase()),
                )
            })
            .unzip();
        DocSearch {
            keys: Packed::new(keys),
            keys_lower: Packed::new(keys_lower),
            titles_lower: Packed::new(titles_lower),
        }
    }

    /// The `limit` best documents for `typed` as (score, id), sorted by (score, key, id);
    /// `None` when `cancelled` said so (it is asked every 1024 documents).
    pub fn rank(
        &self,
        typed: &str,
        limit: usize,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Vec<(u32, DocId)>> {
        let lower = typed.to_lowercase();
        let pattern = Pattern {
            lower: &lower,
            mask: char_mask(&lower),
            n_chars: lower.chars().count() as u32,
            finder: memmem::Finder::new(lower.as_bytes()),
        };
        // The worst kept item is on top: (score, key, id).
        let mut best: BinaryHeap<(u32, &str, DocId)> = BinaryHeap::new();
        for i in 0..self.keys.ends.len() {
            if i % 1024 == 0 && cancelled() {
                return None;
            }
            let id = i as DocId;
            let key = self.keys.get(i);
            // Would an item of score `bound` (or more) stay out of a full list?
            let stays_out = |bound: u32, best: &BinaryHeap<(u32, &str, DocId)>| {
                best.len() >= limit
                    && best.peek().is_none_or(|worst| match bound.cmp(&worst.0) {
                        Ordering::Less => false,
                        Ordering::Greater => true,
                        Ordering::Equal => (key, id) > (worst.1, worst.2),
                    })
            };
            // A key that may match is pruned only by a bound no title score can be under,
            // for when it does not match after all, its title would be scored.
            let key_scored = pattern.score(&self.keys_lower, i, 0, |bound| {
                stays_out(bound.min(TITLE_PENALTY), &best)
            });
            let scored = match key_scored {
                Scored::NoMatch => pattern.score(&self.titles_lower, i, TITLE_PENALTY, |bound| {
                    stays_out(bound, &best)
                }),
                scored => scored,
            };
            if let Scored::Score(score) = scored {
                best.push((score, key, id));
                if best.len() > limit {
                    best.pop();
                }
            }
        }
        Some(
            best.into_sorted_vec()
                .into_iter()
                .map(|(score, _, id)| (score, id))
                .collect(),
        )
    }
}

impl Pattern<'_> {
    /// `fuzzy_score` of the pattern against string `i` of `strings`, plus `base`; each step
    /// is tried only while `stays_out` says a score of its smallest value could enter.
    fn score(
        &self,
        strings: &Packed,
        i: usize,
        base: u32,
        stays_out: impl Fn(u32) -> bool,
    ) -> Scored {
        if self.mask & !strings.masks[i] != 0 {
            return Scored::NoMatch;
        }
        if stays_out(base) {
            return Scored::Pruned;
        }
        let candidate = strings.get(i);
        if candidate.starts_with(self.lower) {
            return Scored::Score(base);
        }
        // Not a prefix, so a substring starts at byte 1 at the earliest.
        if stays_out(base.saturating_add(11)) {
            return Scored::Pruned;
        }
        if let Some(at) = self.finder.find(candidate.as_bytes()) {
            return Scored::Score(base.saturating_add(10 + at as u32));
        }
        // The last typed character is matched at char index `n_chars - 1` at the earliest.
        if stays_out(base.saturating_add(100 + self.n_chars.saturating_sub(1))) {
            return Scored::Pruned;
        }
        match last_match(self.lower, candidate) {
            Some(pos) => Scored::Score(base.saturating_add(100 + pos)),
            None => Scored::NoMatch,
        }
    }
}

/// The char index in `candidate` where the last char of `pattern` matches when each char
/// is matched as early as possible after the previous one (`fuzzy_score`'s subsequence
/// score minus 100: its gaps add up to that index); `None` when they do not all appear.
fn last_match(pattern: &str, candidate: &str) -> Option<u32> {
    if pattern.is_ascii() && candidate.is_ascii() {
        let hay = candidate.as_bytes();
        let mut from = 0usize;
        let mut last = 0usize;
        for &wanted in pattern.as_bytes() {
            let at = from + memchr::memchr(wanted, &hay[from..])?;
            last = at;
            from = at + 1;
        }
        return Some(last as u32);
    }
    let mut rest = candidate.chars().enumerate();
    let mut last = 0usize;
    for wanted in pattern.chars() {
        let (pos, _) = rest.find(|&(_, c)| c == wanted)?;
        last = pos;
    }
    Some(last as u32)
}

#[cfg(test)]
mod tests;
