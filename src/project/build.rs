//! Building a corpus index from the files a start found: each document's extraction taken
//! from the index cache when the cache holds one for its text (else extracted, in
//! parallel), then the corpus-wide merge, skipped when the cache's merged indexes are
//! still those of the corpus. The CLI's index and every full index of the server come
//! from here; the result is the index `CorpusIndex::build` would give.

use std::sync::Arc;

use rayon::prelude::*;

use crate::analysis::actors::CuratedActor;
use crate::analysis::corpus::document_keys;
use crate::analysis::{
    CorpusIndex, DocAnalysis, DocExtraction, Document, FileStamp, SourceText, TextLoader,
};
use crate::cache::{BlobRef, CorpusFile, DiskText, Stored};

/// Builds the index of `sources`, taking each unchanged file's extraction from `stored`
/// and, when nothing changed at all, its merged indexes too. The result is the index
/// `CorpusIndex::build` would give (tests compare them).
pub fn build_index(
    sources: Vec<SourceText>,
    curated: Vec<CuratedActor>,
    stored: Option<Stored>,
) -> (CorpusIndex, Reuse) {
    let files = sources
        .into_iter()
        .map(|source| CorpusFile::Read {
            source,
            stamp: FileStamp::default(),
        })
        .collect();
    build_index_from(files, curated, stored)
}

/// [`build_index`] over files as [`crate::cache::read_corpus`] found them: an unchanged file becomes a
/// document whose text is read only when something needs it.
pub fn build_index_from(
    files: Vec<CorpusFile>,
    curated: Vec<CuratedActor>,
    stored: Option<Stored>,
) -> (CorpusIndex, Reuse) {
    let started = std::time::Instant::now();
    let loader: Arc<dyn TextLoader> = Arc::new(DiskText);
    let rel_paths: Vec<&str> = files.iter().map(CorpusFile::rel_path).collect();
    let keys = document_keys(&rel_paths);
    // The blob of each unchanged file; a read file is looked up by its hash.
    let (docs, blobs): (Vec<Arc<Document>>, Vec<Option<BlobRef>>) = files
        .into_par_iter()
        .zip(keys)
        .map(|(file, key)| {
            let (doc, blob) = file.into_document(key, &loader);
            (Arc::new(doc), blob)
        })
        .unzip();
    tracing::info!("documents in {} ms", started.elapsed().as_millis());
    let Some(stored) = stored else {
        let per_doc = extract_all(&docs, Vec::new());
        let n = docs.len();
        let index = CorpusIndex::merge(docs, per_doc, curated);
        return (
            index,
            Reuse {
                reused: 0,
                extracted: n,
                merge_reused: false,
            },
        );
    };
    let found = stored.extractions(&docs, blobs);
    tracing::info!(
        "matched with the cache in {} ms",
        started.elapsed().as_millis()
    );
    let reused = found.iter().filter(|f| f.is_some()).count();
    let extracted = docs.len() - reused;
    let per_doc = extract_all(&docs, found);
    let reusable = stored.merged_for(&docs, &curated);
    let merge_reused = reusable.is_some();
    let index = match reusable {
        Some(merged) => CorpusIndex::from_merged(docs, per_doc, curated, merged),
        None => CorpusIndex::merge(docs, per_doc, curated),
    };
    tracing::info!("index ready in {} ms", started.elapsed().as_millis());
    (
        index,
        Reuse {
            reused,
            extracted,
            merge_reused,
        },
    )
}

/// Counts from [`build_index`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reuse {
    pub reused: usize,
    pub extracted: usize,
    pub merge_reused: bool,
}

/// Each document's extraction: `found[i]` when given, else extracted now (in parallel).
fn extract_all(
    docs: &[Arc<Document>],
    mut found: Vec<Option<DocExtraction>>,
) -> Vec<DocExtraction> {
    found.resize_with(docs.len(), || None);
    let started = std::time::Instant::now();
    let to_extract: Vec<&Arc<Document>> = docs
        .iter()
        .zip(&found)
        .filter(|(_, found)| found.is_none())
        .map(|(doc, _)| doc)
        .collect();
    let bytes: usize = to_extract.iter().map(|d| d.len()).sum();
    let per_doc = docs
        .par_iter()
        .zip(found)
        .map(|(doc, found)| {
            found.unwrap_or_else(|| DocExtraction::Loaded(Arc::new(DocAnalysis::extract(doc))))
        })
        .collect();
    if !to_extract.is_empty() {
        tracing::info!(
            "extracted {} documents ({:.1} MB) in {} ms",
            to_extract.len(),
            bytes as f64 / 1e6,
            started.elapsed().as_millis()
        );
    }
    per_doc
}
