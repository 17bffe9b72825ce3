//! Quotes: what the corpus quotes and who said it, and finding a brief's quote in the
//! corpus text even when it was slightly altered.
//!
//! This is the foundation's placeholder: the types and queries are the contract the rest
//! of dossier uses; extraction and matching are the "Quotes" issue.

use std::ops::Range;
use std::sync::Arc;

use super::actors::{ActorId, ActorIndex, DocActors};
use super::corpus::{DocId, Document};

/// A quotation in a corpus document.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceQuote {
    pub doc: DocId,
    /// The quote including its marks.
    pub span: Range<usize>,
    /// The words between the marks.
    pub inner: Range<usize>,
    pub speaker: Option<ActorId>,
    /// False for titles and scare quotes ("denuclearize").
    pub is_speech: bool,
}

/// A quote as one document knows it (speaker as a local actor index).
#[derive(Debug, Clone, PartialEq)]
pub struct LocalQuote {
    pub span: Range<usize>,
    pub inner: Range<usize>,
    pub speaker: Option<u32>,
    pub is_speech: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocQuotes {
    pub quotes: Vec<LocalQuote>,
}

pub fn extract_document(_doc: &Document, _actors: &DocActors) -> DocQuotes {
    DocQuotes::default()
}

/// Where a quote's words stand in the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMatch {
    pub doc: DocId,
    /// The exact source words that match the quote.
    pub span: Range<usize>,
    /// 1.0 for the same words (after normalisation), lower as they differ.
    pub similarity: f32,
}

#[derive(Debug, Default)]
pub struct QuoteIndex {
    pub quotes: Vec<SourceQuote>,
}

impl QuoteIndex {
    pub fn build(
        _docs: &[Arc<Document>],
        _per_doc: &[&DocQuotes],
        _actors: &ActorIndex,
    ) -> QuoteIndex {
        QuoteIndex::default()
    }

    /// Source spans that carry `quote`, best first.
    pub fn find(&self, _docs: &[Arc<Document>], _quote: &str) -> Vec<QuoteMatch> {
        Vec::new()
    }
}
