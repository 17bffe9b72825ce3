//! The persistent index cache: each document's extraction and the merged indexes of the
//! last index of a workspace, so that a restart extracts only the files that changed and,
//! when none did, skips the corpus-wide merge as well.
//!
//! One file per workspace and corpus selection, under the user's cache folder
//! ([`location`]). Each file entry records the relative path, the size and modification
//! time seen when the text was read, and what a document keeps besides its text
//! ([`DocumentMeta`]: title, front matter, line index, length and a 128-bit xxh3 hash).
//! The file format and its checks are in [`format`]; a refused cache is reported and
//! rebuilt, never used. This file holds the table of contents, opened ([`open`],
//! [`load`]) and written ([`save`]).
//!
//! A warm start opens the table of contents, then looks at the corpus ([`read_corpus`])
//! while the merged indexes are decoded (side by side). A file with the recorded size and
//! modification time is not read: it becomes a deferred document whose text is read back
//! (and checked against its hash) when a feature needs it. Any other file is read, and its
//! hash decides whether its stored extraction is reused ([`reuse`], for
//! `project::build_index_from`). Each document's extraction stays in the file, behind a
//! [`DocExtraction::Stored`] holding the open file, and is read and checked only when a
//! merge (a changed file) or a save needs it; one that fails its check is extracted again
//! from the text.
//!
//! The language server does not wait for that look at the corpus: it publishes the index
//! the cache holds first and checks the files afterwards ([`warm`]). It writes its caches
//! through a [`Saver`], off its threads; [`CacheReport`] says what the cache did.
//!
//! This module does IO; the analysis core only gains serde derives for it.

mod format;
mod location;
mod read;
mod renditions;
mod report;
mod reuse;
mod saver;
mod warm;

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::analysis::actors::{ActorIndex, CuratedActor};
use crate::analysis::events::EventIndex;
use crate::analysis::quotes::QuoteIndex;
use crate::analysis::{
    CorpusIndex, DocAnalysis, DocExtraction, Document, DocumentMeta, FileStamp, MergedIndexes,
    StoredExtraction,
};

pub use format::{build_id, BlobRef, Refused, FORMAT_VERSION};
pub use location::{cache_path, CACHE_DIR_ENV};
pub use read::{read_corpus, CorpusFile, DiskText};
pub use renditions::{has_rendition, rendition_path, renditions_dir, write_rendition};
pub use report::{CacheReport, CacheStatus};
pub use saver::Saver;
pub use warm::{changes, Changes};

/// A cache file opened: what the last index held. The merged indexes are decoded (`None`
/// when a warm start already handed them to the index it published first, see [`warm`]);
/// each document's extraction stays in the file until a merge needs it.
pub struct Stored {
    curated: u64,
    files: Vec<StoredFile>,
    merged: Option<MergedIndexes>,
    reader: Arc<format::Reader>,
}

/// The table of contents of a cache file.
#[derive(Serialize, Deserialize)]
struct Table {
    curated: u64,
    files: Vec<StoredFile>,
    actors: BlobRef,
    quotes: BlobRef,
    events: BlobRef,
}

#[derive(Serialize, Deserialize)]
struct StoredFile {
    rel_path: String,
    /// Size and modification time when the text was read: when both still hold, the file is
    /// not read at all.
    stamp: FileStamp,
    /// Everything but the text (which has this length and hash).
    meta: DocumentMeta,
    /// The file's [`DocAnalysis`].
    analysis: BlobRef,
}

/// A document's extraction left in a cache file (see [`DocExtraction::Stored`]).
#[derive(Debug)]
struct CachedExtraction {
    reader: Arc<format::Reader>,
    blob: BlobRef,
}

impl StoredExtraction for CachedExtraction {
    fn load(&self) -> Result<DocAnalysis, String> {
        self.reader.decode(&self.blob)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A cache file opened and its table of contents checked; nothing else decoded yet.
pub struct Opened {
    table: Table,
    reader: Arc<format::Reader>,
}

/// Opens the cache at `path`, reading only its table of contents; every failure says why
/// the cache is not used.
pub fn open(path: &Path) -> Result<Opened, Refused> {
    let (table, reader): (Table, _) = format::open(path)?;
    Ok(Opened {
        table,
        reader: Arc::new(reader),
    })
}

impl Opened {
    /// Decodes the three merged indexes (side by side).
    pub fn decode_merged(&self) -> Result<MergedIndexes, Refused> {
        let (table, reader) = (&self.table, &self.reader);
        let corrupt = |what: &str, why: String| Refused::Corrupt(format!("{what}: {why}"));
        let (actors, (quotes, events)) = rayon::join(
            || reader.decode::<ActorIndex>(&table.actors),
            || {
                rayon::join(
                    || reader.decode::<QuoteIndex>(&table.quotes),
                    || reader.decode::<EventIndex>(&table.events),
                )
            },
        );
        Ok(MergedIndexes {
            actors: actors.map_err(|why| corrupt("actors", why))?,
            quotes: quotes.map_err(|why| corrupt("quotes", why))?,
            events: events.map_err(|why| corrupt("events", why))?,
        })
    }

    /// With its merged indexes decoded.
    pub fn decoded(self, merged: MergedIndexes) -> Stored {
        Stored {
            curated: self.table.curated,
            files: self.table.files,
            merged: Some(merged),
            reader: self.reader,
        }
    }
}

/// Opens the cache at `path` and decodes its merged indexes ([`open`], then
/// [`Opened::decode_merged`]).
pub fn load(path: &Path) -> Result<Stored, Refused> {
    let opened = open(path)?;
    let merged = opened.decode_merged()?;
    Ok(opened.decoded(merged))
}

/// The pieces of [`load`], one at a time, for `benches/cache_decode.rs`: the merged
/// indexes' blobs read and checked but not decoded, and the decoder [`load`] uses.
#[doc(hidden)]
pub mod probe {
    use super::*;

    /// The three merged indexes of a cache file, as stored.
    pub struct MergedBlobs {
        pub actors: Vec<u8>,
        pub quotes: Vec<u8>,
        pub events: Vec<u8>,
    }

    /// Reads and checks the merged indexes' blobs of the cache at `path`.
    pub fn merged_blobs(path: &Path) -> Result<MergedBlobs, Refused> {
        let (table, reader): (Table, _) = format::open(path)?;
        let read = |blob: &BlobRef| reader.bytes(blob).map_err(Refused::Corrupt);
        Ok(MergedBlobs {
            actors: read(&table.actors)?,
            quotes: read(&table.quotes)?,
            events: read(&table.events)?,
        })
    }

    /// Decodes one blob as [`load`] does.
    pub fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
        format::decode_bytes(bytes)
    }
}

/// Documents encoded together before being written, so that encoding runs in parallel
/// without holding every document's bytes at once.
const SAVE_CHUNK: usize = 1024;

/// Writes the cache of `corpus` to `path` atomically; returns the file's size. Extractions
/// still in an older cache file are copied from it without being decoded.
pub fn save(path: &Path, corpus: &CorpusIndex) -> std::io::Result<u64> {
    format::write_atomic(path, |writer| {
        let mut files = Vec::with_capacity(corpus.docs.len());
        let docs: Vec<(&Arc<Document>, &DocExtraction)> =
            corpus.docs.iter().zip(&corpus.per_doc).collect();
        for chunk in docs.chunks(SAVE_CHUNK) {
            let encoded: Vec<std::io::Result<Vec<u8>>> = chunk
                .par_iter()
                .map(|&(doc, extraction)| encoded(doc, extraction))
                .collect();
            for (&(doc, _), result) in chunk.iter().zip(encoded) {
                let bytes = result?;
                files.push(StoredFile {
                    rel_path: doc.rel_path.clone(),
                    stamp: doc.stamp,
                    meta: doc.meta(),
                    analysis: writer.bytes(&bytes)?,
                });
            }
        }
        Ok(Table {
            curated: curated_fingerprint(&corpus.curated),
            files,
            actors: writer.value(&corpus.actors)?,
            quotes: writer.value(&corpus.quotes)?,
            events: writer.value(&corpus.events)?,
        })
    })
}

/// The encoded extraction of `doc`: copied from the cache file it is in when it is
/// intact, else encoded (extracted again if it cannot be read back).
fn encoded(doc: &Document, extraction: &DocExtraction) -> std::io::Result<Vec<u8>> {
    if let DocExtraction::Stored(stored) = extraction {
        if let Some(cached) = stored.as_any().downcast_ref::<CachedExtraction>() {
            if let Ok(bytes) = cached.reader.bytes(&cached.blob) {
                return Ok(bytes);
            }
        }
    }
    postcard::to_allocvec(&*extraction.get(doc))
        .map_err(|err| std::io::Error::new(std::io::ErrorKind::InvalidData, err.to_string()))
}

fn curated_fingerprint(curated: &[CuratedActor]) -> u64 {
    postcard::to_allocvec(curated).map_or(0, |bytes| xxh3_64(&bytes))
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod unchanged_tests;
