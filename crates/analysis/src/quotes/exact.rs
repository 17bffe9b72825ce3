//! Exact-text lookup of the corpus' quotations: a sorted table from the hash of a run of
//! normalised words to the quotations that hold it, built at merge time.
//!
//! The seed index finds a quote anywhere in the text but aligns at most a few candidate
//! regions, and drops the seeds that too many documents share; a famous line carried by
//! thousands of documents was found by scanning and aligning every quotation. Analysts
//! mostly quote a whole quotation or whole sentences of one, so the table keys every
//! quotation by its words and by each run of its sentences: such a quote is found with a
//! binary search, without alignment. Quotes that are a part of a sentence still go through
//! the seed index.
//!
//! Each key keeps the byte span of its run, so a lookup reads no document: a definition
//! listing the 40,000 sources of a famous line after a warm start would otherwise read
//! 40,000 deferred texts back from disk. The price is two words per key in memory and in
//! the cache, and trusting the 64-bit run hash (no word-by-word confirmation): a false
//! match needs two different word runs with the same hash, about one chance in 10^12 per
//! lookup at 10 million keys.

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use super::align::DiffOp;
use super::normalize::{QuoteToken, Word, WordIter};
use super::{QuoteMatch, SourceQuote};
use crate::corpus::{DocId, Document};

/// A quotation with more sentences than this is keyed by its single sentences (and as a
/// whole) only, not by every run of them.
const MAX_RUN_PIECES: usize = 6;

#[derive(Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ExactQuotes {
    /// Hashes of word runs ([`run_hash`]), sorted.
    #[serde(with = "crate::packed::vec")]
    hashes: Vec<u64>,
    /// `quotes[i]` holds the run of `hashes[i]` (an index into the quote index's quotes).
    #[serde(with = "crate::packed::vec")]
    quotes: Vec<u32>,
    /// `starts[i]..ends[i]`: the run's words in its document (first word's start to last
    /// word's end).
    #[serde(with = "crate::packed::vec")]
    starts: Vec<u32>,
    #[serde(with = "crate::packed::vec")]
    ends: Vec<u32>,
}

/// What [`ExactQuotes::find`] found: the first places by rank as matches, the others.
#[derive(Debug, Default)]
pub struct ExactFound {
    pub best: Vec<QuoteMatch>,
    /// (document, span) of every other place, in no order.
    pub rest: Vec<(DocId, Range<usize>)>,
}

/// One key of the table: run hash, quotation, run span.
type Key = (u64, u32, u32, u32);

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
        let mut keys: Vec<Key> = quotes
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, q)| {
                let text = docs.get(q.doc as usize).map_or("", |d| d.text());
                // A run past 4 GB into its document is not keyed (the seed index finds it).
                run_hashes(text, q.inner.clone())
                    .into_iter()
                    .filter_map(move |(h, span)| {
                        Some((
                            h,
                            i as u32,
                            u32::try_from(span.start).ok()?,
                            u32::try_from(span.end).ok()?,
                        ))
                    })
            })
            .collect();
        keys.par_sort_unstable();
        keys.dedup();
        let mut table = ExactQuotes::default();
        for (hash, quote, start, end) in keys {
            table.hashes.push(hash);
            table.quotes.push(quote);
            table.starts.push(start);
            table.ends.push(end);
        }
        table
    }

    /// Every place where a quotation holds exactly the words of `tokens` (after
    /// normalisation) as a whole or as a run of its sentences; empty when the quote has
    /// gaps or brackets. The `limit` places that come first by `rank` of their document,
    /// then in corpus order, are matches; the others only their document and span, which
    /// is all a count of them needs (a famous line has thousands). Each match's diff is one
    /// [`DiffOp::Same`] over the whole span: the words are the quote's, and telling them
    /// apart would read the document.
    pub fn find<K: Ord>(
        &self,
        quotes: &[SourceQuote],
        tokens: &[QuoteToken],
        limit: usize,
        rank: impl Fn(DocId) -> K,
    ) -> ExactFound {
        let mut query_hashes: Vec<u64> = Vec::with_capacity(tokens.len());
        let mut query_range: Option<Range<usize>> = None;
        for token in tokens {
            match token {
                QuoteToken::Word(w) => {
                    query_hashes.push(w.hash);
                    let range = query_range.get_or_insert(w.start..w.end);
                    range.end = w.end;
                }
                QuoteToken::Gap(_) | QuoteToken::Wildcard(_) => return ExactFound::default(),
            }
        }
        let Some(query_range) = query_range else {
            return ExactFound::default();
        };
        let hash = run_hash(&query_hashes);
        let first = self.hashes.partition_point(|&h| h < hash);
        let n = self.hashes[first..].partition_point(|&h| h == hash);
        let mut places: Vec<(K, DocId, Range<usize>)> = (first..first + n)
            .filter_map(|i| {
                // The columns have one entry per key, unless a cache was tampered with.
                let source = quotes.get(*self.quotes.get(i)? as usize)?;
                let span = *self.starts.get(i)? as usize..*self.ends.get(i)? as usize;
                Some((rank(source.doc), source.doc, span))
            })
            .collect();
        let by_rank = |a: &(K, DocId, Range<usize>), b: &(K, DocId, Range<usize>)| {
            (&a.0, a.1, a.2.start).cmp(&(&b.0, b.1, b.2.start))
        };
        if limit < places.len() {
            places.select_nth_unstable_by(limit, by_rank);
        }
        let rest = places
            .split_off(limit.min(places.len()))
            .into_iter()
            .map(|(_, doc, span)| (doc, span))
            .collect();
        places.sort_unstable_by(by_rank);
        let best = places
            .into_iter()
            .map(|(_, doc, span)| QuoteMatch {
                doc,
                span: span.clone(),
                similarity: 1.0,
                diff: vec![DiffOp::Same {
                    source: span,
                    quote: query_range.clone(),
                }],
            })
            .collect();
        ExactFound { best, rest }
    }

    /// Heap bytes of the table.
    pub fn heap_bytes(&self) -> usize {
        self.hashes.capacity() * std::mem::size_of::<u64>()
            + (self.quotes.capacity() + self.starts.capacity() + self.ends.capacity())
                * std::mem::size_of::<u32>()
    }
}

/// The run hashes a quotation is keyed by, with the runs' spans: all its words, and every
/// run of consecutive sentences (single sentences only past [`MAX_RUN_PIECES`]).
fn run_hashes(text: &str, inner: Range<usize>) -> Vec<(u64, Range<usize>)> {
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
    let span = |run: Range<usize>| words[run.start].start..words[run.end - 1].end;
    let mut out = vec![(run_hash(&hashes), span(0..words.len()))];
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
                let run = first.start..last.end;
                out.push((run_hash(&hashes[run.clone()]), span(run)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
