//! Quotes: what the corpus quotes and who said it, and finding a brief's quote in the
//! corpus text even when it was slightly altered.
//!
//! Extraction runs per document: [`extract`] finds the quotation marks, [`attribution`]
//! reads the speaker's name (or pronoun) around them, and [`extract_document`] maps that
//! name to the document's actors. [`QuoteIndex::build`] gives the quotes global speaker ids
//! and builds the seed index over the *whole* text ([`index`]): an analyst may quote a
//! sentence no quotation mark surrounds. [`QuoteIndex::find`] votes for candidate regions
//! with the quote's seeds and aligns the quote's words there ([`align`]).

pub mod align;
mod anaphora;
pub mod attribution;
mod document;
mod exact;
pub mod extract;
mod find;
mod gender;
mod headline;
mod index;
mod lexicon;
pub mod normalize;
mod short;
mod speaker;
mod stored;

use std::ops::Range;
use std::sync::Arc;

use super::actors::{ActorId, ActorIndex};
use super::corpus::{DocId, Document};
pub use align::DiffOp;
pub use document::extract_document;
pub use index::SHINGLE;

/// A quotation in a corpus document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SourceQuote {
    pub doc: DocId,
    /// The quote including its marks.
    pub span: Range<usize>,
    /// The words between the marks.
    pub inner: Range<usize>,
    pub speaker: Option<ActorId>,
    /// The speaker's canonical name when an actor was found, else the name as written.
    pub speaker_name: Option<String>,
    /// False for titles and scare quotes ("denuclearize").
    pub is_speech: bool,
}

/// A quote as one document knows it (speaker as a local actor index).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LocalQuote {
    pub span: Range<usize>,
    pub inner: Range<usize>,
    pub speaker: Option<u32>,
    /// The speaker's name as the text writes it ("Kortunov"), titles stripped.
    pub speaker_name: Option<String>,
    /// Where that name stands in the document.
    pub speaker_span: Option<Range<usize>>,
    pub is_speech: bool,
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DocQuotes {
    pub quotes: Vec<LocalQuote>,
}

/// Where a quote's words stand in the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMatch {
    pub doc: DocId,
    /// The exact source words that match the quote.
    pub span: Range<usize>,
    /// 1.0 for the same words (after normalisation), lower as they differ.
    pub similarity: f32,
    /// Word by word, source against quote (quote ranges are into the text given to `find`).
    /// A match found in the exact-text table has one `Same` over all its words instead.
    pub diff: Vec<DiffOp>,
}

/// A quote's best sources and how many it has.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RankedSources {
    /// At most the number asked for, best first.
    pub best: Vec<QuoteMatch>,
    /// How many sources are at least as close as asked, those in `best` included.
    pub n_near: usize,
}

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct QuoteIndex {
    #[serde(with = "stored")]
    pub quotes: Vec<SourceQuote>,
    text: index::TextIndex,
    /// Quotations (and their sentences) by their exact words.
    exact: exact::ExactQuotes,
    /// Per actor: its speech quotes (indexes into `quotes`), in corpus order.
    #[serde(with = "crate::packed::nested")]
    by_speaker: Vec<Vec<u32>>,
}

/// The seed index over every document's text, which needs neither the quotes nor the
/// actors: the merge builds it beside the actor merge (see [`QuoteIndex::build_with`]).
pub struct QuoteText(index::TextIndex);

impl QuoteText {
    pub fn build(docs: &[Arc<Document>]) -> QuoteText {
        let texts: Vec<&str> = docs.iter().map(|d| d.text()).collect();
        QuoteText(index::TextIndex::build(&texts))
    }
}

impl QuoteIndex {
    pub fn build(
        docs: &[Arc<Document>],
        per_doc: &[&DocQuotes],
        actors: &ActorIndex,
    ) -> QuoteIndex {
        QuoteIndex::build_with(docs, per_doc, actors, QuoteText::build(docs))
    }

    /// [`QuoteIndex::build`] with the seed index of the same documents built already.
    pub fn build_with(
        docs: &[Arc<Document>],
        per_doc: &[&DocQuotes],
        actors: &ActorIndex,
        text: QuoteText,
    ) -> QuoteIndex {
        let mut quotes = Vec::new();
        for (doc_idx, doc_quotes) in per_doc.iter().enumerate() {
            let doc = doc_idx as DocId;
            for q in &doc_quotes.quotes {
                let speaker = q
                    .speaker
                    .and_then(|local| actors.global_id(doc, local))
                    .filter(|&id| (id as usize) < actors.actors.len());
                let speaker_name = match speaker {
                    Some(id) => Some(actors.actor(id).name.clone()),
                    None => q.speaker_name.clone(),
                };
                quotes.push(SourceQuote {
                    doc,
                    span: q.span.clone(),
                    inner: q.inner.clone(),
                    speaker,
                    speaker_name,
                    is_speech: q.is_speech,
                });
            }
        }
        let mut by_speaker: Vec<Vec<u32>> = vec![Vec::new(); actors.actors.len()];
        for (i, q) in quotes.iter().enumerate() {
            if let Some(list) = q
                .speaker
                .filter(|_| q.is_speech)
                .and_then(|s| by_speaker.get_mut(s as usize))
            {
                list.push(i as u32);
            }
        }
        let exact = exact::ExactQuotes::build(docs, &quotes);
        QuoteIndex {
            quotes,
            text: text.0,
            exact,
            by_speaker,
        }
    }

    /// The extracted quote that holds (most of) a matched span, for its speaker.
    pub fn quote_at(&self, doc: DocId, span: &Range<usize>) -> Option<&SourceQuote> {
        let first = self.quotes.partition_point(|q| q.doc < doc);
        self.quotes[first..]
            .iter()
            .take_while(|q| q.doc == doc)
            .filter(|q| q.inner.start < span.end && span.start < q.inner.end)
            .max_by_key(|q| q.inner.end.min(span.end) - q.inner.start.max(span.start))
    }

    /// The speech quotes of one actor.
    pub fn quotes_of(&self, speaker: ActorId) -> impl Iterator<Item = &SourceQuote> {
        self.by_speaker
            .get(speaker as usize)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(|&i| self.quotes.get(i as usize))
    }

    /// Heap bytes of the matching index (the seed index and the extracted quotes).
    pub fn heap_bytes(&self) -> usize {
        let quotes: usize = self.quotes.capacity() * std::mem::size_of::<SourceQuote>()
            + self
                .quotes
                .iter()
                .map(|q| q.speaker_name.as_ref().map_or(0, String::capacity))
                .sum::<usize>();
        self.text.heap_bytes() + self.exact.heap_bytes() + quotes
    }
}

#[cfg(test)]
mod tests;
