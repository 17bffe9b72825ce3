//! The persistent index cache: each document's extraction and the merged indexes of the
//! last index of a workspace, so that a restart extracts only the files that changed and,
//! when none did, skips the corpus-wide merge as well.
//!
//! One file per workspace and corpus selection, under the user's cache folder
//! (`$DOSSIER_CACHE_DIR`, else `$XDG_CACHE_HOME/dossier`, else `~/.cache/dossier`):
//! `<16 hex digits>/index.bin`, the digits a hash of the canonical workspace path and the
//! `corpus`/`exclude` settings. Each file entry records the relative path, the size and
//! modification time seen when the text was read, and what a document keeps besides its
//! text ([`DocumentMeta`]: title, front matter, line index, length and a 128-bit xxh3 hash).
//! The file format and its checks are in [`format`]; a refused cache is reported and
//! rebuilt, never used.
//!
//! A warm start opens the table of contents, then looks at the corpus ([`read_corpus`])
//! while the merged indexes are decoded (side by side). A file with the recorded size and
//! modification time is not read: it becomes a deferred document whose text is read back
//! (and checked against its hash) when a feature needs it. Any other file is read, and its
//! hash decides whether its stored extraction is reused. Each document's extraction
//! stays in the file, behind a [`DocExtraction::Stored`] holding the open file, and is read
//! and checked only when a merge (a changed file) or a save needs it; one that fails its
//! check is extracted again from the text.
//!
//! The language server does not wait for that look at the corpus: it publishes the index
//! the cache holds first and checks the files afterwards ([`warm`]).
//!
//! This module does IO; the analysis core only gains serde derives for it.

mod format;
mod warm;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{xxh3_128, xxh3_64};

use crate::analysis::actors::{ActorIndex, CuratedActor};
use crate::analysis::corpus::document_keys;
use crate::analysis::events::EventIndex;
use crate::analysis::quotes::QuoteIndex;
use crate::analysis::{
    CorpusIndex, DocAnalysis, DocExtraction, Document, DocumentMeta, FileStamp, MergedIndexes,
    SourceText, StoredExtraction, TextLoader,
};
use crate::config::Config;
use crate::workspace::{self, LoadProblem};

use format::BlobRef;
pub use format::{build_id, Refused, FORMAT_VERSION};
pub use warm::{changes, Changes};

/// Overrides the folder caches are kept in (tests point it at a temporary folder).
pub const CACHE_DIR_ENV: &str = "DOSSIER_CACHE_DIR";
const CACHE_FILE_NAME: &str = "index.bin";

/// Where the cache of a workspace lives, or `None` when no cache folder can be named
/// (no `$HOME`, no `$XDG_CACHE_HOME`, no override).
pub fn cache_path(root: &Path, config: &Config) -> Option<PathBuf> {
    let base = cache_base_dir()?;
    // The CLI and the server may name the same folder differently (a symlink, `..`).
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut key = Vec::new();
    key.extend_from_slice(root.to_string_lossy().as_bytes());
    for list in [&config.corpus, &config.exclude] {
        key.push(0xff);
        for entry in list {
            key.push(0);
            key.extend_from_slice(entry.as_bytes());
        }
    }
    Some(
        base.join(format!("{:016x}", xxh3_64(&key)))
            .join(CACHE_FILE_NAME),
    )
}

fn cache_base_dir() -> Option<PathBuf> {
    let from_env = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    if let Some(dir) = from_env(CACHE_DIR_ENV) {
        return Some(dir);
    }
    // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
    if let Some(dir) = from_env("XDG_CACHE_HOME") {
        return Some(dir.join("dossier"));
    }
    if let Some(dir) = from_env("HOME") {
        return Some(dir.join(".cache").join("dossier"));
    }
    from_env("LOCALAPPDATA").map(|dir| dir.join("dossier").join("cache"))
}

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

/// One corpus file as a start found it.
pub enum CorpusFile {
    /// Read from disk: new, changed, or not known to the cache.
    Read {
        source: SourceText,
        stamp: FileStamp,
    },
    /// The same size and modification time as when the cache was written: not read, its
    /// text left on disk until something needs it.
    Unchanged {
        path: PathBuf,
        rel_path: String,
        stamp: FileStamp,
        /// Boxed: the line index makes it the largest part of the enum.
        meta: Box<DocumentMeta>,
        analysis: BlobRef,
    },
}

impl CorpusFile {
    fn rel_path(&self) -> &str {
        match self {
            CorpusFile::Read { source, .. } => &source.rel_path,
            CorpusFile::Unchanged { rel_path, .. } => rel_path,
        }
    }
}

/// Reads the corpus files at `paths` in parallel, except those the cache `known` recorded
/// with the same size and modification time: those are only looked at (`stat`).
/// `on_progress(done, total)` is called as files finish.
pub fn read_corpus(
    root: &Path,
    paths: &[PathBuf],
    max_file_bytes: u64,
    known: Option<&Opened>,
    on_progress: &(dyn Fn(usize, usize) + Sync),
) -> (Vec<CorpusFile>, Vec<LoadProblem>) {
    let by_path: HashMap<&str, &StoredFile> = known.map_or_else(HashMap::new, |known| {
        let files = &known.table.files;
        files.iter().map(|f| (f.rel_path.as_str(), f)).collect()
    });
    let done = AtomicUsize::new(0);
    let results: Vec<(Option<CorpusFile>, Option<LoadProblem>)> = paths
        .par_iter()
        .map(|path| {
            let result = unchanged(root, path, max_file_bytes, &by_path).unwrap_or_else(|| {
                let (read, problem) = workspace::load_stamped(root, path, max_file_bytes);
                let file = read.map(|(source, stamp)| CorpusFile::Read { source, stamp });
                (file, problem)
            });
            on_progress(done.fetch_add(1, Ordering::Relaxed) + 1, paths.len());
            result
        })
        .collect();
    let mut files = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    for (file, problem) in results {
        files.extend(file);
        problems.extend(problem);
    }
    (files, problems)
}

/// `path` as the cache recorded it, when its size and modification time say it has not
/// changed (and it is still within the size limit).
fn unchanged(
    root: &Path,
    path: &Path,
    max_file_bytes: u64,
    known: &HashMap<&str, &StoredFile>,
) -> Option<(Option<CorpusFile>, Option<LoadProblem>)> {
    if known.is_empty() {
        return None;
    }
    let rel_path = workspace::rel_path(root, path);
    let stored = known.get(rel_path.as_str())?;
    let metadata = std::fs::metadata(path).ok()?;
    let modified = metadata.modified().ok().map(workspace::modified_ns)?;
    let same = stored.stamp.modified_ns != 0
        && stored.stamp.modified_ns == modified
        && stored.stamp.size == metadata.len()
        && metadata.len() <= max_file_bytes;
    if !same {
        return None;
    }
    let problem = stored
        .stamp
        .invalid_utf8
        .then(|| LoadProblem::InvalidUtf8(path.to_path_buf()));
    let file = CorpusFile::Unchanged {
        path: path.to_path_buf(),
        rel_path,
        stamp: stored.stamp,
        meta: Box::new(stored.meta.clone()),
        analysis: stored.analysis,
    };
    Some((Some(file), problem))
}

/// Reads a deferred document's text back from its file, checking it is the text indexed.
#[derive(Debug)]
struct DiskText;

impl TextLoader for DiskText {
    fn load(&self, doc: &Document) -> Result<String, String> {
        let (source, problem) = workspace::load_source(Path::new(""), &doc.path, u64::MAX);
        let text = source
            .map(|s| s.text)
            .ok_or_else(|| problem.map_or_else(|| "unreadable".to_string(), |p| p.to_string()))?;
        if text.len() != doc.len() || xxh3_128(text.as_bytes()) != doc.hash {
            return Err("the file changed since it was indexed".into());
        }
        Ok(text)
    }
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

/// What the cache did for one index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheReport {
    pub status: CacheStatus,
    /// The cache file, when caching is on and a cache folder exists.
    pub path: Option<PathBuf>,
    pub n_files: usize,
    /// Files whose stored extraction was used.
    pub reused: usize,
    /// Files extracted again (new, changed, or no usable cache).
    pub extracted: usize,
    /// Whether the stored merged indexes were used (every file and the curated actors
    /// unchanged), skipping the merge.
    pub merge_reused: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheStatus {
    /// `cache = false` or `--no-cache`.
    Off,
    /// No folder to keep a cache in.
    NoFolder,
    /// The cache file was read and checked.
    Loaded,
    /// There was no cache file, or it could not be used; the reason.
    NotUsed(String),
}

impl CacheReport {
    /// Whether the cache file should be (re)written: something was extracted or merged.
    pub fn needs_save(&self) -> bool {
        self.path.is_some() && !(self.status == CacheStatus::Loaded && self.merge_reused)
    }
}

impl std::fmt::Display for CacheReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.n_files;
        match &self.status {
            CacheStatus::Off => write!(f, "cache: off; {n} files extracted"),
            CacheStatus::NoFolder => write!(
                f,
                "cache: no cache folder (set XDG_CACHE_HOME or HOME); {n} files extracted"
            ),
            CacheStatus::NotUsed(reason) => {
                write!(f, "cache: not used ({reason}); {n} files extracted")
            }
            CacheStatus::Loaded => {
                let merge = if self.merge_reused {
                    "merged indexes reused"
                } else {
                    "merged again"
                };
                write!(
                    f,
                    "cache: {} of {n} files reused, {} extracted; {merge}",
                    self.reused, self.extracted
                )
            }
        }
    }
}

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

/// [`build_index`] over files as [`read_corpus`] found them: an unchanged file becomes a
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
    // The blob of each unchanged file; a read file is looked up by its hash below.
    let (docs, blobs): (Vec<Arc<Document>>, Vec<Option<BlobRef>>) = files
        .into_par_iter()
        .zip(keys)
        .map(|(file, key)| match file {
            CorpusFile::Read { source, stamp } => {
                let mut doc = Document::new(source, key);
                doc.stamp = stamp;
                (Arc::new(doc), None)
            }
            CorpusFile::Unchanged {
                path,
                rel_path,
                stamp,
                meta,
                analysis,
            } => {
                let mut doc = Document::deferred(path, rel_path, key, *meta, Some(loader.clone()));
                doc.stamp = stamp;
                (Arc::new(doc), Some(analysis))
            }
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
    let reader = stored.reader;
    let same_files = stored.files.len() == docs.len()
        && stored.files.iter().zip(&docs).all(|(file, doc)| {
            file.rel_path == doc.rel_path
                && file.meta.hash == doc.hash
                && file.meta.len == doc.len()
        });
    let same_curated = stored.curated == curated_fingerprint(&curated);
    // An unchanged file knows its blob; a read one is found by path and checked by hash.
    let by_path: HashMap<&str, &StoredFile> = if blobs.iter().any(Option::is_none) {
        stored
            .files
            .iter()
            .map(|f| (f.rel_path.as_str(), f))
            .collect()
    } else {
        HashMap::new()
    };
    let found: Vec<Option<DocExtraction>> = docs
        .par_iter()
        .zip(blobs)
        .map(|(doc, blob)| {
            let blob = blob.or_else(|| {
                by_path
                    .get(doc.rel_path.as_str())
                    .filter(|file| file.meta.hash == doc.hash && file.meta.len == doc.len())
                    .map(|file| file.analysis)
            })?;
            Some(DocExtraction::Stored(Arc::new(CachedExtraction {
                reader: reader.clone(),
                blob,
            })))
        })
        .collect();
    drop(by_path);
    tracing::info!(
        "matched with the cache in {} ms",
        started.elapsed().as_millis()
    );
    let reused = found.iter().filter(|f| f.is_some()).count();
    let extracted = docs.len() - reused;
    let per_doc = extract_all(&docs, found);
    let reusable = stored.merged.filter(|_| same_files && same_curated);
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

/// Writes caches in the background, one at a time, always the newest index: a burst of
/// corpus changes costs one write after the burst, not one per change. Used by the
/// language server, which must never wait for the disk.
#[derive(Default)]
pub struct Saver {
    pending: Mutex<SaverQueue>,
    /// Told, once per session, in words, when a write fails (the server shows it to the
    /// user: a read-only folder or a full disk would otherwise be a line on stderr).
    on_failure: Mutex<Option<FailureNotice>>,
    failure_told: std::sync::atomic::AtomicBool,
}

type FailureNotice = Box<dyn Fn(String) + Send + Sync>;

#[derive(Default)]
struct SaverQueue {
    /// The newest index waiting to be written, and where.
    next: Option<(PathBuf, Arc<CorpusIndex>)>,
    /// Whether a writer thread is running (it takes `next` until there is none).
    writing: bool,
}

impl Saver {
    /// Sets who is told (once) that the cache cannot be written.
    pub fn on_failure(&self, notice: impl Fn(String) + Send + Sync + 'static) {
        *lock(&self.on_failure) = Some(Box::new(notice));
    }

    /// Queues `corpus` to be written to `path`, replacing anything queued before.
    pub fn save(self: &Arc<Self>, path: PathBuf, corpus: Arc<CorpusIndex>) {
        {
            let mut pending = lock(&self.pending);
            pending.next = Some((path, corpus));
            if pending.writing {
                return;
            }
            pending.writing = true;
        }
        let saver = self.clone();
        let spawned = std::thread::Builder::new()
            .name("dossier-cache".into())
            .spawn(move || saver.drain());
        if let Err(err) = spawned {
            tracing::warn!("cannot start the cache writer: {err}; the index cache is not written");
            lock(&self.pending).writing = false;
        }
    }

    fn drain(&self) {
        loop {
            let next = {
                let mut pending = lock(&self.pending);
                match pending.next.take() {
                    Some(next) => next,
                    None => {
                        pending.writing = false;
                        return;
                    }
                }
            };
            let (path, corpus) = next;
            let started = std::time::Instant::now();
            match save(&path, &corpus) {
                Ok(size) => tracing::info!(
                    "index cache written: {} ({size} bytes, {} ms)",
                    path.display(),
                    started.elapsed().as_millis()
                ),
                Err(err) => {
                    let message = format!(
                        "dossier: cannot write the index cache {}: {err}. Everything works without it, but the next start indexes the corpus from scratch (point DOSSIER_CACHE_DIR or XDG_CACHE_HOME at a writable folder with free space, or set `cache = false`)",
                        path.display()
                    );
                    tracing::warn!("{message}");
                    if !self.failure_told.swap(true, Ordering::SeqCst) {
                        if let Some(notice) = lock(&self.on_failure).as_ref() {
                            notice(message);
                        }
                    }
                }
            }
        }
    }

    /// Waits until nothing is queued or being written (tests, and a clean shutdown).
    pub fn wait_idle(&self) {
        self.wait_idle_for(std::time::Duration::MAX);
    }

    /// [`Saver::wait_idle`] for at most `limit`; whether the writes finished.
    pub fn wait_idle_for(&self, limit: std::time::Duration) -> bool {
        let started = std::time::Instant::now();
        while lock(&self.pending).writing {
            if started.elapsed() >= limit {
                return false;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        true
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod unchanged_tests;
