//! The `file://` URIs answers name corpus documents by: the file itself, or the plain-text
//! rendition of a saved page or a PDF, written beside the index cache when first named.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use tower_lsp::lsp_types as lsp;

use crate::analysis::corpus::{DocId, Document};
use crate::analysis::CorpusIndex;
use crate::cache;

pub fn uri_of(doc: &Document) -> Option<lsp::Url> {
    lsp::Url::from_file_path(&doc.path).ok()
}

/// The `file://` URIs of one corpus index's documents, each made the first time an answer
/// names its document: a definition or references answer can name tens of thousands of
/// documents, and making a URI from a path costs more than the rest of a location.
///
/// A saved page or a PDF is answered as its plain-text rendition, written then beside the
/// index cache (`cache::write_rendition`): the core's offsets are offsets into that text,
/// not into the file's bytes. When no rendition can be written the file itself is named.
#[derive(Debug, Default)]
pub struct DocUris {
    uris: Mutex<HashMap<DocId, lsp::Url>>,
    /// Where renditions go (`cache::renditions_dir`); `None` when no cache folder is known.
    renditions: Option<PathBuf>,
}

impl DocUris {
    pub fn new(renditions: Option<PathBuf>) -> DocUris {
        DocUris {
            uris: Mutex::default(),
            renditions,
        }
    }

    /// The URI of document `id` of `corpus`, which must be the index these URIs are for.
    /// Writes the document's rendition the first time when it has one (call off the async
    /// runtime).
    pub fn of(&self, corpus: &CorpusIndex, id: DocId) -> Option<lsp::Url> {
        let known = self
            .uris
            .lock()
            .ok()
            .and_then(|uris| uris.get(&id).cloned());
        if known.is_some() {
            return known;
        }
        let doc = corpus.docs.get(id as usize)?;
        let uri = match (&self.renditions, cache::has_rendition(doc)) {
            (Some(dir), true) => match cache::write_rendition(dir, doc) {
                Ok(path) => lsp::Url::from_file_path(path).ok(),
                Err(err) => {
                    tracing::warn!("cannot write the text of {}: {err}", doc.rel_path);
                    uri_of(doc)
                }
            },
            _ => uri_of(doc),
        }?;
        if let Ok(mut uris) = self.uris.lock() {
            uris.insert(id, uri.clone());
        }
        Some(uri)
    }
}
