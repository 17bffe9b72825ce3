//! Exact-text lookup of the corpus' quotations: a sorted table from the hash of a run of
//! normalised words to the quotations that hold it, built at merge time.
//!
//! The seed index finds a quote anywhere in the text but aligns at most a few candidate
//! regions, and drops the seeds that too many documents share; a famous line carried by
//! thousands of documents was found by scanning and aligning every quotation. Analysts
//! mostly quote a whole quotation or whole sentences of one, so the table keys every
//! quotation by its words and by each run of its sentences: such a quote is found with a
//! binary search, and each source is confirmed by comparing word hashes, without
//! alignment. Quotes that are a part of a sentence still go through the seed index.

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use super::align::DiffOp;
use super::normalize::{QuoteToken, Word, WordIter};
use super::{QuoteMatch, SourceQuote};
use crate::analysis::corpus::Document;

/// A quotation with more sentences than this is keyed by its single sentences (and as a
/// whole) only, not by every run of them.
const MAX_RUN_PIECES: usize = 6;

#[derive(Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ExactQuotes {
    /// Hashes of word runs ([`run_hash`]), sorted.
    #[serde(with = "crate::analysis::packed::vec")]
    hashes: Vec<u64>,
    /// `quotes[i]` holds the run of `hashes[i]` (an index into the quote index's quotes).
    #[serde(with = "crate::analysis::packed::vec")]
    quotes: Vec<u32>,
}

/// The hash of a run of word hashes: order and length count.
pub fn run_hash(words: &[u64]) -> u64 {
    let mut h: u64 = 0x243f_6a88_85a3_08d3 ^ words.len() as u64;
    for &w in words {
        h = (h ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(27);
    }
    h ^ (h >> 29)
}

impl ExactQuotes {
    pub fn build(docs: &[Arc<Document>], quotes: &[SourceQuote]) -> ExactQuotes {
        let mut pairs: Vec<(u64, u32)> = quotes
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, q)| {
                let text = docs.get(q.doc as usize).map_or("", |d| d.text());
                run_hashes(text, q.inner.clone())
                    .into_iter()
                    .map(move |h| (h, i as u32))
            })
            .collect();
        pairs.par_sort_unstable();
        pairs.dedup();
        let (hashes, quotes) = pairs.into_iter().unzip();
        ExactQuotes { hashes, quotes }
    }

    /// The first `limit` places where a quotation holds exactly the words of `tokens`
    /// (after normalisation), in corpus order; empty when the quote has gaps or brackets.
    pub fn find(
        &self,
        docs: &[Arc<Document>],
        quotes: &[SourceQuote],
        tokens: &[QuoteToken],
        limit: usize,
    ) -> Vec<QuoteMatch> {
        let mut query: Vec<Word> = Vec::with_capacity(tokens.len());
        for token in tokens {
            match token {
                QuoteToken::Word(w) => query.push(*w),
                QuoteToken::Gap(_) | QuoteToken::Wildcard(_) => return Vec::new(),
            }
        }
        if query.is_empty() {
            return Vec::new();
        }
        let query_hashes: Vec<u64> = query.iter().map(|w| w.hash).collect();
        let hash = run_hash(&query_hashes);
        let first = self.hashes.partition_point(|&h| h < hash);
        let n = self.hashes[first..].partition_point(|&h| h == hash);
        let mut found = Vec::new();
        let mut words: Vec<Word> = Vec::new();
        for &quote_idx in &self.quotes[first..first + n] {
            if found.len() >= limit {
                break;
            }
            let Some(source) = quotes.get(quote_idx as usize) else {
                continue;
            };
            let Some(doc) = docs.get(source.doc as usize) else {
                continue;
            };
            words.clear();
            words.extend(WordIter::new(doc.text(), source.inner.clone()));
            let mut at = 0;
            while at + query.len() <= words.len() && found.len() < limit {
                let window = &words[at..at + query.len()];
                if !window.iter().zip(&query_hashes).all(|(w, &h)| w.hash == h) {
                    at += 1;
                    continue;
                }
                found.push(QuoteMatch {
                    doc: source.doc,
                    span: window[0].start..window[window.len() - 1].end,
                    similarity: 1.0,
                    diff: window
                        .iter()
                        .zip(&query)
                        .map(|(s, q)| DiffOp::Same {
                            source: s.range(),
                            quote: q.range(),
                        })
                        .collect(),
                });
                at += query.len();
            }
        }
        found
    }

    /// Heap bytes of the table.
    pub fn heap_bytes(&self) -> usize {
        self.hashes.capacity() * std::mem::size_of::<u64>()
            + self.quotes.capacity() * std::mem::size_of::<u32>()
    }
}

/// The run hashes a quotation is keyed by: all its words, and every run of consecutive
/// sentences (single sentences only past [`MAX_RUN_PIECES`]).
fn run_hashes(text: &str, inner: Range<usize>) -> Vec<u64> {
    let words: Vec<Word> = WordIter::new(text, inner).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let hashes: Vec<u64> = words.iter().map(|w| w.hash).collect();
    // Sentence pieces: a stop, question or exclamation mark between two words ends one.
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for k in 0..words.len() {
        let ends = words.get(k + 1).is_none_or(|next| {
            text.get(words[k].end..next.start)
                .is_some_and(|gap| gap.contains(['.', '!', '?']))
        });
        if ends {
            pieces.push(start..k + 1);
            start = k + 1;
        }
    }
    let mut out = vec![run_hash(&hashes)];
    if pieces.len() > 1 {
        for (i, first) in pieces.iter().enumerate() {
            let last_piece = if pieces.len() <= MAX_RUN_PIECES {
                pieces.len()
            } else {
                i + 1
            };
            for last in &pieces[i..last_piece] {
                if first.start == 0 && last.end == words.len() {
                    continue; // the whole quotation, already keyed
                }
                out.push(run_hash(&hashes[first.start..last.end]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
