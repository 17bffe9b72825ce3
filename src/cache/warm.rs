//! The language server's warm start in two steps: the index the cache holds, assembled from
//! its table of contents alone and published before any corpus file is looked at
//! ([`Opened::cached_index`]); then the corpus files checked against that table
//! ([`changes`]), and only when something differs, the index built again from the files
//! with the stored extractions ([`Opened::into_stored`] for
//! [`crate::project::build_index_from`]).
//!
//! The CLI does not take this path: it answers once, so it checks the files first
//! (`project::index_corpus_cached`).

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_128;

use super::{curated_fingerprint, CorpusFile, DiskText, Opened, Refused, Stored, StoredFile};
use crate::analysis::actors::CuratedActor;
use crate::analysis::corpus::document_keys;
use crate::analysis::{
    CorpusIndex, DocExtraction, DocTables, Document, StoredExtraction, TextLoader,
};

/// How the corpus files found on disk differ from a cache's table of contents, by relative
/// path. A file whose modification time changed but whose text hashes as recorded is not a
/// change: its index entry would be the same.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// In the table and on disk, with another text.
    pub changed: Vec<String>,
    /// On disk, not in the table.
    pub added: Vec<String>,
    /// In the table, no longer in the corpus (deleted, or now unreadable: its load problem
    /// is reported).
    pub removed: Vec<String>,
    /// The same files in another order (the order of documents is part of the index).
    pub reordered: bool,
}

impl Changes {
    /// Nothing differs: the index published from the table is the one the files give.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
            && !self.reordered
    }
}

impl std::fmt::Display for Changes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_empty() {
            return write!(f, "no corpus file changed");
        }
        write!(
            f,
            "{} changed, {} new, {} removed",
            self.changed.len(),
            self.added.len(),
            self.removed.len()
        )?;
        if self.reordered {
            write!(f, ", reordered")?;
        }
        Ok(())
    }
}

impl Opened {
    /// Whether the cache was written with these curated actors (its merged indexes are
    /// theirs only then).
    pub fn curated_matches(&self, curated: &[CuratedActor]) -> bool {
        self.table.curated == curated_fingerprint(curated)
    }

    /// How many files the table lists.
    pub fn n_files(&self) -> usize {
        self.table.files.len()
    }

    /// The index the cache holds, assembled without looking at any corpus file: every
    /// file of the table becomes a deferred document under `root` (its text read back and
    /// checked against its hash when a feature needs it) with its stored extraction, and
    /// the merged indexes are this cache's, used as is. It is the index of the corpus as it
    /// was when the cache was written. The documents and their tables are built while the
    /// merged indexes are decoded (they need nothing from them).
    pub fn cached_index(
        &self,
        root: &Path,
        curated: Vec<CuratedActor>,
    ) -> Result<CorpusIndex, Refused> {
        let started = std::time::Instant::now();
        let (merged, (docs, per_doc, tables)) = rayon::join(
            || {
                let merged = self.decode_merged();
                tracing::info!("decoded the cache in {} ms", started.elapsed().as_millis());
                merged
            },
            || {
                let (docs, per_doc) = self.documents(root);
                let tables = DocTables::new(&docs);
                tracing::info!(
                    "documents from the cache's table in {} ms",
                    started.elapsed().as_millis()
                );
                (docs, per_doc, tables)
            },
        );
        let index = CorpusIndex::from_merged_with(docs, tables, per_doc, curated, merged?);
        tracing::info!(
            "index assembled from the cache in {} ms",
            started.elapsed().as_millis()
        );
        Ok(index)
    }

    /// Every file of the table as a deferred document with its stored extraction.
    fn documents(&self, root: &Path) -> (Vec<Arc<Document>>, Vec<DocExtraction>) {
        let loader: Arc<dyn TextLoader> = Arc::new(DiskText);
        let files = &self.table.files;
        let rel_paths: Vec<&str> = files.iter().map(|f| f.rel_path.as_str()).collect();
        let keys = document_keys(&rel_paths);
        files
            .par_iter()
            .zip(keys)
            .map(|(file, key)| {
                let mut doc = Document::deferred(
                    root.join(&file.rel_path),
                    file.rel_path.clone(),
                    key,
                    file.meta.clone(),
                    Some(loader.clone()),
                );
                doc.stamp = file.stamp;
                let stored: Arc<dyn StoredExtraction> = Arc::new(super::CachedExtraction {
                    reader: self.reader.clone(),
                    blob: file.analysis,
                });
                (Arc::new(doc), DocExtraction::Stored(stored))
            })
            .unzip()
    }

    /// The table and the open file without merged indexes, for
    /// [`crate::project::build_index_from`]
    /// once files changed: it reuses each stored extraction whose text is unchanged, and
    /// merges again.
    pub fn into_stored(self) -> Stored {
        Stored {
            curated: self.table.curated,
            files: self.table.files,
            merged: None,
            reader: self.reader,
        }
    }
}

/// How `files` (as [`super::read_corpus`] found them, checking against `known`) differ from
/// `known`'s table. A file left unread (same size and modification time) is unchanged; a
/// file read is compared by length and hash.
pub fn changes(known: &Opened, files: &[CorpusFile]) -> Changes {
    let table = &known.table.files;
    let by_path: HashMap<&str, &StoredFile> =
        table.iter().map(|f| (f.rel_path.as_str(), f)).collect();
    let mut found = Changes::default();
    for file in files {
        let rel_path = file.rel_path();
        match (file, by_path.get(rel_path)) {
            (_, None) => found.added.push(rel_path.to_string()),
            (CorpusFile::Unchanged { .. }, Some(_)) => {}
            (CorpusFile::Read { source, .. }, Some(stored)) => {
                let same = source.text.len() == stored.meta.len
                    && xxh3_128(source.text.as_bytes()) == stored.meta.hash;
                if !same {
                    found.changed.push(rel_path.to_string());
                }
            }
        }
    }
    let on_disk: HashSet<&str> = files.iter().map(CorpusFile::rel_path).collect();
    found.removed = table
        .iter()
        .map(|f| f.rel_path.as_str())
        .filter(|rel_path| !on_disk.contains(rel_path))
        .map(str::to_string)
        .collect();
    found.reordered = found.added.is_empty()
        && found.removed.is_empty()
        && !table
            .iter()
            .map(|f| f.rel_path.as_str())
            .eq(files.iter().map(CorpusFile::rel_path));
    found
}

#[cfg(test)]
mod tests;
