//! Finding a quote's sources: seed-index candidates aligned word by word, the exact-text
//! table's places, and for short or stop-word quotes the corpus' quotations (`short.rs`);
//! ranked by similarity, then date, then corpus order.

use std::ops::Range;
use std::sync::Arc;

use super::normalize::{self, QuoteToken};
use super::short;
use super::{align, QuoteIndex, QuoteMatch, RankedSources};
use crate::corpus::{DocId, Document};
use crate::fxhash::FxHashMap;

/// A document's date as a number that sorts (year, month, day; a part not given is 0),
/// `u32::MAX` when it has none that reads as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn source_date(docs: &[Arc<Document>], doc: DocId) -> u32 {
    let Some(date) = docs.get(doc as usize).and_then(|d| d.date()) else {
        return u32::MAX;
    };
    let mut parts = date.trim().splitn(3, '-');
    let number = |part: Option<&str>, len: usize| -> Option<u32> {
        let digits = part?.get(..len)?;
        if digits.bytes().all(|b| b.is_ascii_digit()) {
            digits.parse().ok()
        } else {
            None
        }
    };
    let Some(year) = number(parts.next(), 4) else {
        return u32::MAX;
    };
    let month = number(parts.next(), 2).unwrap_or(0);
    let day = number(parts.next(), 2).unwrap_or(0);
    year * 10_000 + month * 100 + day
}

/// How many of `places` (all exact, so as close as any) overlap none of `found`: those the
/// merge would have added had they been matches.
fn count_apart(found: &[QuoteMatch], places: &[(DocId, Range<usize>)]) -> usize {
    if places.is_empty() {
        return 0;
    }
    let mut by_doc: FxHashMap<DocId, Vec<Range<usize>>> = FxHashMap::default();
    for m in found {
        by_doc.entry(m.doc).or_default().push(m.span.clone());
    }
    let overlaps = |doc: &DocId, span: &Range<usize>| {
        by_doc.get(doc).is_some_and(|spans| {
            spans
                .iter()
                .any(|s| s.start < span.end && span.start < s.end)
        })
    };
    places
        .iter()
        .filter(|(doc, span)| !overlaps(doc, span))
        .count()
}

/// Matches below this similarity are not reported at all.
pub(super) const MIN_SIMILARITY: f32 = 0.5;
/// Quotes of at most this many words are also aligned against every source quotation
/// when the seed index finds no exact match.
const SHORT_QUOTE_WORDS: usize = 8;

impl QuoteIndex {
    /// Source spans that carry `quote`, best first: the closest, then the earliest (see
    /// [`QuoteIndex::find_ranked`]).
    pub fn find(&self, docs: &[Arc<Document>], quote: &str) -> Vec<QuoteMatch> {
        self.find_best(docs, quote, usize::MAX)
    }

    /// The first `limit` of [`QuoteIndex::find`]'s answer, without building the others
    /// when the quote is carried by thousands of documents.
    pub fn find_best(&self, docs: &[Arc<Document>], quote: &str, limit: usize) -> Vec<QuoteMatch> {
        self.find_ranked(docs, quote, limit, 1.0).best
    }

    /// The first `limit` sources of `quote`, and how many sources are `near` it or closer.
    /// Sources are ranked by similarity, then by their document's date (`date:` as
    /// year-month-day; the earliest first, undated ones last: the first to print a line is
    /// likely where it was said), then in corpus order. A line carried by thousands of
    /// documents is ranked and counted from the exact-text table's spans, without building
    /// a match for each.
    pub fn find_ranked(
        &self,
        docs: &[Arc<Document>],
        quote: &str,
        limit: usize,
        near: f32,
    ) -> RankedSources {
        let tokens = normalize::quote_tokens(quote);
        let mut found: Vec<QuoteMatch> = Vec::new();
        for candidate in self.text.candidates(&tokens) {
            let Some(doc) = docs.get(candidate.doc as usize) else {
                continue;
            };
            let words = self
                .text
                .doc_words(candidate.doc, doc.text(), candidate.words.clone());
            let Some(alignment) = align::align(&tokens, &words) else {
                continue;
            };
            if alignment.similarity < MIN_SIMILARITY {
                continue;
            }
            let overlapping = found.iter_mut().find(|m| {
                m.doc == candidate.doc
                    && m.span.start < alignment.source.end
                    && alignment.source.start < m.span.end
            });
            match overlapping {
                Some(existing) if existing.similarity >= alignment.similarity => {}
                Some(existing) => {
                    *existing = QuoteMatch {
                        doc: candidate.doc,
                        span: alignment.source,
                        similarity: alignment.similarity,
                        diff: alignment.ops,
                    };
                }
                None => found.push(QuoteMatch {
                    doc: candidate.doc,
                    span: alignment.source,
                    similarity: alignment.similarity,
                    diff: alignment.ops,
                }),
            }
        }
        // The seed index aligns a few regions only: every quotation that holds the quote's
        // words exactly is a source too, found without a scan however many carry it.
        // A seed match may stand for an exact place (the same words found both ways), so
        // as many more exact places are taken as there are seed matches.
        let n_seed_matches = found.len();
        let mut set = short::MatchSet::new(found);
        let exact = self.exact.find(
            &self.quotes,
            &tokens,
            limit.saturating_add(n_seed_matches),
            |doc| source_date(docs, doc),
        );
        for exact in exact.best {
            set.add(exact);
        }
        let n_words = tokens
            .iter()
            .filter(|t| matches!(t, QuoteToken::Word(_)))
            .count();
        // Short quotes with a word changed have no seed left; quotes carried by so many
        // documents that most of their seeds are stop n-grams have too few. Both are
        // looked for among the corpus' quotations.
        let seedless = || n_words <= SHORT_QUOTE_WORDS || self.text.mostly_stopped_seeds(&tokens);
        if !set.has_exact() && seedless() {
            self.find_short(docs, quote, &tokens, &mut set);
        }
        let mut found = set.into_vec();
        let n_other_exact = count_apart(&found, &exact.rest);
        found.sort_by_cached_key(|m| {
            // Similarities are never negative, so their bits order them.
            let closest = std::cmp::Reverse(m.similarity.to_bits());
            (closest, source_date(docs, m.doc), m.doc, m.span.start)
        });
        let n_near = found.iter().filter(|m| m.similarity >= near).count() + n_other_exact;
        found.truncate(limit);
        RankedSources {
            best: found,
            n_near,
        }
    }
}
