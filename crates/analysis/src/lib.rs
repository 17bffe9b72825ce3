//! The analysis core: corpus model, extraction, indexes, brief analysis and the editor
//! features, all as plain data over UTF-8 byte offsets.
//!
//! Nothing here knows LSP, JSON, tokio or the file system (see ARCHITECTURE.md).

pub mod actors;
pub mod brief;
pub(crate) mod calendar;
pub mod corpus;
pub mod events;
pub mod file_kind;
pub(crate) mod fxhash;
pub mod ide;
pub(crate) mod lower;
pub(crate) mod min_tree;
// Its own crate (crates/packed), a leaf, re-exported for the edge (`analysis::packed`). The
// core's own modules `use dossier_packed` by its name, not through this root, so that the
// root stays above them: it re-exports the index, which uses them.
pub use dossier_packed as packed;
pub mod quotes;
pub mod span;
pub mod text;
pub mod validate;

pub mod doc_search;
mod index;

pub use corpus::{DocId, Document, DocumentMeta, FileStamp, SourceText, TextLoader};
pub use index::{
    CorpusIndex, DocAnalysis, DocExtraction, DocTables, MergedIndexes, StoredExtraction,
};

// The packed arrays' tests, over the core's own records.
#[cfg(test)]
mod packed_tests;
