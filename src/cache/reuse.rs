//! What a stored cache gives an index being built (`project::build_index_from`): the
//! extraction of each document whose text is the one the cache recorded, and the merged
//! indexes when the corpus and the curated actors are those the cache was written with.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::format::BlobRef;
use super::{curated_fingerprint, CachedExtraction, Stored, StoredFile};
use crate::analysis::actors::CuratedActor;
use crate::analysis::{DocExtraction, Document, MergedIndexes};

impl Stored {
    /// The stored extraction of each of `docs` that the cache holds for its text: at
    /// `blobs[i]` for a file left unread (its size and modification time vouch for it),
    /// else the entry of the same path when its length and hash match. It stays in the
    /// cache file until something needs it.
    pub fn extractions(
        &self,
        docs: &[Arc<Document>],
        blobs: Vec<Option<BlobRef>>,
    ) -> Vec<Option<DocExtraction>> {
        // An unchanged file knows its blob; a read one is found by path and checked by hash.
        let by_path: HashMap<&str, &StoredFile> = if blobs.iter().any(Option::is_none) {
            self.files
                .iter()
                .map(|f| (f.rel_path.as_str(), f))
                .collect()
        } else {
            HashMap::new()
        };
        docs.par_iter()
            .zip(blobs)
            .map(|(doc, blob)| {
                let blob = blob.or_else(|| {
                    by_path
                        .get(doc.rel_path.as_str())
                        .filter(|file| file.meta.hash == doc.hash && file.meta.len == doc.len())
                        .map(|file| file.analysis)
                })?;
                Some(DocExtraction::Stored(Arc::new(CachedExtraction {
                    reader: self.reader.clone(),
                    blob,
                })))
            })
            .collect()
    }

    /// The merged indexes, when `docs` are the files the cache was written from (the same
    /// paths in the same order, the same texts) and `curated` its curated actors: the
    /// corpus-wide merge would give them again.
    pub fn merged_for(
        self,
        docs: &[Arc<Document>],
        curated: &[CuratedActor],
    ) -> Option<MergedIndexes> {
        let same_files = self.files.len() == docs.len()
            && self.files.iter().zip(docs).all(|(file, doc)| {
                file.rel_path == doc.rel_path
                    && file.meta.hash == doc.hash
                    && file.meta.len == doc.len()
            });
        let same_curated = self.curated == curated_fingerprint(curated);
        self.merged.filter(|_| same_files && same_curated)
    }
}
