//! Finding a quote among the corpus' quotations when the seed index cannot (a short quote
//! with a word changed, a quote whose seeds are stop n-grams), and the set of matches
//! that every way of finding a quote adds to.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::find::MIN_SIMILARITY;
use super::normalize::{self, QuoteToken};
use super::{align, QuoteIndex, QuoteMatch};
use crate::corpus::Document;

/// Matches of one quote, kept by document so that a quote repeated in thousands of
/// documents is not compared with every match so far. Of two overlapping matches in a
/// document the more similar stays.
pub(super) struct MatchSet {
    found: Vec<QuoteMatch>,
    by_doc: HashMap<u32, Vec<usize>>,
    dropped: HashSet<usize>,
}

impl MatchSet {
    pub fn new(found: Vec<QuoteMatch>) -> MatchSet {
        let mut by_doc: HashMap<u32, Vec<usize>> = HashMap::new();
        for (i, m) in found.iter().enumerate() {
            by_doc.entry(m.doc).or_default().push(i);
        }
        MatchSet {
            found,
            by_doc,
            dropped: HashSet::new(),
        }
    }

    /// Whether a match has the quote's exact words.
    pub fn has_exact(&self) -> bool {
        self.found
            .iter()
            .enumerate()
            .any(|(i, m)| m.similarity >= 1.0 && !self.dropped.contains(&i))
    }

    /// Adds `new` unless a match it overlaps is at least as similar; it replaces the
    /// first match it overlaps, and the others it overlaps are dropped.
    pub fn add(&mut self, new: QuoteMatch) {
        let in_doc = self.by_doc.entry(new.doc).or_default();
        let found = &self.found;
        let overlaps = |m: &QuoteMatch| m.span.start < new.span.end && new.span.start < m.span.end;
        if in_doc
            .iter()
            .any(|&i| overlaps(&found[i]) && found[i].similarity >= new.similarity)
        {
            return;
        }
        let replaced: Vec<usize> = in_doc
            .iter()
            .copied()
            .filter(|&i| overlaps(&found[i]))
            .collect();
        match replaced.split_first() {
            Some((&first, rest)) => {
                self.found[first] = new;
                self.dropped.extend(rest);
                in_doc.retain(|i| !rest.contains(i));
            }
            None => {
                in_doc.push(self.found.len());
                self.found.push(new);
            }
        }
    }

    pub fn into_vec(self) -> Vec<QuoteMatch> {
        let MatchSet {
            mut found, dropped, ..
        } = self;
        if !dropped.is_empty() {
            let mut i = 0;
            found.retain(|_| {
                i += 1;
                !dropped.contains(&(i - 1))
            });
        }
        found
    }
}

impl QuoteIndex {
    /// A short quote with one word changed has no 3-word seed left ("we will ship water"
    /// against "we are shipping water"), so the seed index cannot propose where it is. The
    /// corpus' own quotations are what analysts quote: align against those that hold all
    /// but one of the quote's words. One case-insensitive Aho-Corasick pass over the
    /// quotations' text picks them, so a large corpus costs a scan, not an alignment each.
    pub(super) fn find_short(
        &self,
        docs: &[Arc<Document>],
        quote: &str,
        tokens: &[QuoteToken],
        found: &mut MatchSet,
    ) {
        let mut words: Vec<String> = tokens
            .iter()
            .filter_map(|t| match t {
                QuoteToken::Word(w) => quote.get(w.range()).map(str::to_lowercase),
                _ => None,
            })
            .collect();
        words.sort();
        words.dedup();
        let Ok(matcher) = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&words)
        else {
            return;
        };
        let needed = words.len().saturating_sub(1).max(2);
        for source in self.quotes.iter().filter(|q| q.is_speech) {
            let Some(doc) = docs.get(source.doc as usize) else {
                continue;
            };
            let Some(inner) = doc.text().get(source.inner.clone()) else {
                continue;
            };
            let mut seen = vec![false; words.len()];
            for m in matcher.find_overlapping_iter(inner) {
                seen[m.pattern().as_usize()] = true;
            }
            if seen.iter().filter(|&&s| s).count() < needed {
                continue;
            }
            let words = normalize::words(doc.text(), source.inner.clone());
            let Some(alignment) = align::align(tokens, &words) else {
                continue;
            };
            if alignment.similarity < MIN_SIMILARITY {
                continue;
            }
            found.add(QuoteMatch {
                doc: source.doc,
                span: alignment.source,
                similarity: alignment.similarity,
                diff: alignment.ops,
            });
        }
    }
}
