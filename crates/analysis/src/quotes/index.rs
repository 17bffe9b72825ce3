//! The seed index over the whole corpus text: hashed 3-word shingles in an inverted index,
//! and candidate regions for a quote found by seed voting.
//!
//! Memory is the design constraint (the index must stay smaller than the corpus):
//! - shingle hashes are not stored; a shingle's bucket (hash modulo a power of two) holds
//!   its postings, and collisions only add noise that voting and alignment throw away;
//! - postings are global word numbers in one `u32` array laid out bucket after bucket
//!   (each bucket's slice is sorted because documents are added in order);
//! - words are not stored either: the byte offset of every 16th word is, and a candidate
//!   region is tokenised again from the nearest checkpoint when it is aligned.

use std::ops::Range;

use rayon::prelude::*;

use dossier_packed::Packed;

use super::normalize::{shingle_hash, QuoteToken, Word, WordIter};

/// Words per seed.
pub const SHINGLE: usize = 3;
/// One byte offset is kept for every this many words.
const CHECKPOINT: usize = 16;
/// Buckets holding more postings than this (and than a share of the corpus) are dropped:
/// they are "the United States"-like n-grams that vote everywhere.
const MIN_STOP_POSTINGS: usize = 2_000;
/// Postings a query reads at most (beyond its three rarest seeds).
const QUERY_POSTINGS_BUDGET: usize = 3_000;
/// Candidate regions aligned per query at most.
pub(super) const MAX_CANDIDATES: usize = 20;

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct TextIndex {
    /// Global number of each document's first word, plus the total at the end.
    doc_first_word: Packed<u32>,
    /// Byte offset, in its document, of every [`CHECKPOINT`]-th global word.
    checkpoints: Packed<u32>,
    /// `postings[bucket_starts[b]..bucket_starts[b + 1]]` are bucket `b`'s postings.
    bucket_starts: Packed<u32>,
    postings: Packed<u32>,
    bucket_mask: u64,
    /// The buckets dropped as stop n-grams, sorted: a quote whose every seed falls in one
    /// of them is carried by too many documents for seeds to find it (see `candidates`).
    stopped: Packed<u32>,
}

/// A region of a document that may carry the quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub doc: u32,
    /// Word numbers inside the document.
    pub words: Range<u32>,
    pub votes: u32,
}

struct DocWords {
    offsets: Vec<u32>,
    buckets: Vec<u64>,
}

impl TextIndex {
    pub fn build(texts: &[&str]) -> TextIndex {
        let per_doc: Vec<DocWords> = texts
            .par_iter()
            .map(|text| {
                let mut offsets = Vec::new();
                let mut hashes = Vec::new();
                for word in WordIter::new(text, 0..text.len()) {
                    offsets.push(word.start as u32);
                    hashes.push(word.hash);
                }
                let buckets = hashes.windows(SHINGLE).map(shingle_hash).collect();
                DocWords { offsets, buckets }
            })
            .collect();
        let n_words: usize = per_doc.iter().map(|d| d.offsets.len()).sum();
        let n_shingles: usize = per_doc.iter().map(|d| d.buckets.len()).sum();
        let n_buckets = (n_shingles / 4).max(1024).next_power_of_two();
        let bucket_mask = n_buckets as u64 - 1;
        let mut counts = vec![0u32; n_buckets + 1];
        for doc in &per_doc {
            for &hash in &doc.buckets {
                counts[(hash & bucket_mask) as usize] += 1;
            }
        }
        let stop = MIN_STOP_POSTINGS.max(n_shingles / 5_000) as u32;
        let mut bucket_starts = Vec::with_capacity(n_buckets + 1);
        let mut total = 0u32;
        let mut stopped = Vec::new();
        for (b, count) in counts.iter_mut().take(n_buckets).enumerate() {
            bucket_starts.push(total);
            if *count > stop {
                *count = 0;
                stopped.push(b as u32);
            }
            total += *count;
        }
        bucket_starts.push(total);
        let mut fill: Vec<u32> = bucket_starts.clone();
        let mut postings = vec![0u32; total as usize];
        let mut doc_first_word = Vec::with_capacity(texts.len() + 1);
        let mut checkpoints = Vec::with_capacity(n_words / CHECKPOINT + 1);
        let mut global = 0u32;
        for doc in &per_doc {
            doc_first_word.push(global);
            for (k, &offset) in doc.offsets.iter().enumerate() {
                if (global as usize + k).is_multiple_of(CHECKPOINT) {
                    checkpoints.push(offset);
                }
            }
            for (k, &hash) in doc.buckets.iter().enumerate() {
                let bucket = (hash & bucket_mask) as usize;
                if counts[bucket] > 0 {
                    postings[fill[bucket] as usize] = global + k as u32;
                    fill[bucket] += 1;
                }
            }
            global += doc.offsets.len() as u32;
        }
        doc_first_word.push(global);
        TextIndex {
            doc_first_word: doc_first_word.into(),
            checkpoints: checkpoints.into(),
            bucket_starts: bucket_starts.into(),
            postings: postings.into(),
            bucket_mask,
            stopped: stopped.into(),
        }
    }

    /// Heap bytes the index holds.
    pub fn heap_bytes(&self) -> usize {
        self.doc_first_word.heap_bytes()
            + self.checkpoints.heap_bytes()
            + self.bucket_starts.heap_bytes()
            + self.postings.heap_bytes()
            + self.stopped.heap_bytes()
    }

    fn bucket(&self, hash: u64) -> &[u32] {
        let b = (hash & self.bucket_mask) as usize;
        match (self.bucket_starts.get(b), self.bucket_starts.get(b + 1)) {
            (Some(&start), Some(&end)) => self
                .postings
                .get(start as usize..end as usize)
                .unwrap_or(&[]),
            _ => &[],
        }
    }

    fn doc_of_word(&self, global: u32) -> usize {
        match self.doc_first_word.binary_search(&global) {
            // Empty documents share a first word with the next one: take the last of them.
            Ok(mut i) => {
                while i + 1 < self.doc_first_word.len() - 1 && self.doc_first_word[i + 1] == global
                {
                    i += 1;
                }
                i
            }
            Err(next) => next.saturating_sub(1),
        }
    }

    fn is_stopped(&self, hash: u64) -> bool {
        let b = (hash & self.bucket_mask) as u32;
        self.stopped.binary_search(&b).is_ok()
    }

    /// Whether at least half of the quote's seeds were dropped as stop n-grams: it (or
    /// the quote it misquotes) is carried by so many documents that `candidates` cannot
    /// find it.
    pub fn mostly_stopped_seeds(&self, tokens: &[QuoteToken]) -> bool {
        let mut run: Vec<u64> = Vec::new();
        let (mut seeds, mut stopped) = (0usize, 0usize);
        for token in tokens {
            match token {
                QuoteToken::Word(word) => {
                    run.push(word.hash);
                    if run.len() >= SHINGLE {
                        seeds += 1;
                        if self.is_stopped(shingle_hash(&run[run.len() - SHINGLE..])) {
                            stopped += 1;
                        }
                    }
                }
                QuoteToken::Gap(_) | QuoteToken::Wildcard(_) => run.clear(),
            }
        }
        stopped > 0 && 2 * stopped >= seeds
    }

    /// Regions that may carry the quote, most seeds first.
    pub fn candidates(&self, tokens: &[QuoteToken]) -> Vec<Candidate> {
        if self.doc_first_word.len() < 2 {
            return Vec::new();
        }
        // Seeds: shingles inside each run of words between gaps, with the quote word number.
        let mut seeds: Vec<(usize, u32, &[u32])> = Vec::new();
        let mut run: Vec<u64> = Vec::new();
        let mut n_quote_words = 0u32;
        let mut has_gaps = false;
        for token in tokens.iter().chain(std::iter::once(&QuoteToken::Gap(0..0))) {
            match token {
                QuoteToken::Word(word) => {
                    run.push(word.hash);
                    n_quote_words += 1;
                    if run.len() >= SHINGLE {
                        let postings = self.bucket(shingle_hash(&run[run.len() - SHINGLE..]));
                        if !postings.is_empty() {
                            seeds.push((postings.len(), n_quote_words - SHINGLE as u32, postings));
                        }
                    }
                }
                QuoteToken::Gap(r) | QuoteToken::Wildcard(r) => {
                    has_gaps |= !r.is_empty();
                    run.clear();
                }
            }
        }
        seeds.sort_by_key(|s| s.0);
        let mut hits: Vec<(i64, u32)> = Vec::new();
        for (i, (_, quote_word, postings)) in seeds.iter().enumerate() {
            if i >= 3 && hits.len() + postings.len() > QUERY_POSTINGS_BUDGET {
                break;
            }
            hits.extend(postings.iter().map(|&p| (p as i64 - *quote_word as i64, p)));
        }
        hits.sort_unstable();
        // Seeds of one occurrence share a diagonal (source word - quote word), give or take
        // the words an analyst dropped or added.
        const DIAGONAL_TOLERANCE: i64 = 4;
        let margin: i64 = if has_gaps { 80 } else { 8 };
        // First the runs and their votes only; documents are looked up for the few kept.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < hits.len() {
            let mut j = i + 1;
            while j < hits.len() && hits[j].0 - hits[j - 1].0 <= DIAGONAL_TOLERANCE {
                j += 1;
            }
            runs.push((i, j));
            i = j;
        }
        let best = runs.iter().map(|(i, j)| j - i).max().unwrap_or(0);
        let floor = (best * 4).div_ceil(10).max(1);
        let mut clusters: Vec<Candidate> = Vec::new();
        for (i, j) in runs.into_iter().filter(|(i, j)| j - i >= floor) {
            // A run may straddle two documents: it belongs to the one of its first hit.
            let doc = self.doc_of_word(hits[i].1);
            let (first, last) = (
                self.doc_first_word[doc] as i64,
                self.doc_first_word[doc + 1] as i64,
            );
            let votes = hits[i..j]
                .iter()
                .filter(|h| (first..last).contains(&(h.1 as i64)))
                .count();
            let start = (hits[i].0 - margin).clamp(first, last);
            let end = (hits[j - 1].0 + n_quote_words as i64 + margin).clamp(first, last);
            clusters.push(Candidate {
                doc: doc as u32,
                words: (start - first) as u32..(end - first) as u32,
                votes: votes as u32,
            });
        }
        clusters.sort_by(|a, b| {
            b.votes
                .cmp(&a.votes)
                .then_with(|| (a.doc, a.words.start).cmp(&(b.doc, b.words.start)))
        });
        clusters.truncate(MAX_CANDIDATES);
        clusters
    }

    /// The words `words` (numbers inside document `doc`) of the document's text.
    pub fn doc_words(&self, doc: u32, text: &str, words: Range<u32>) -> Vec<Word> {
        let Some(&first) = self.doc_first_word.get(doc as usize) else {
            return Vec::new();
        };
        let global = first as usize + words.start as usize;
        let checkpoint = global / CHECKPOINT;
        let (from, skip) = if checkpoint * CHECKPOINT >= first as usize {
            let offset = self.checkpoints.get(checkpoint).copied().unwrap_or(0) as usize;
            (offset, global - checkpoint * CHECKPOINT)
        } else {
            (0, words.start as usize)
        };
        WordIter::new(text, from..text.len())
            .skip(skip)
            .take(words.len())
            .collect()
    }
}
