//! Reading the corpus files against a cache's table of contents: a file with the size and
//! modification time the table records is only looked at (`stat`) and becomes a deferred
//! document, whose text [`DiskText`] reads back (and checks) when a feature needs it; any
//! other file is read.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_128;

use super::format::BlobRef;
use super::{Opened, StoredFile};
use crate::analysis::{Document, DocumentMeta, FileStamp, SourceText, TextLoader};
use crate::workspace::{self, LoadProblem};

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
    /// The file's path relative to the workspace, as the corpus names it.
    pub fn rel_path(&self) -> &str {
        match self {
            CorpusFile::Read { source, .. } => &source.rel_path,
            CorpusFile::Unchanged { rel_path, .. } => rel_path,
        }
    }

    /// The document this file is, under `key`: an unchanged file becomes a deferred
    /// document whose text `loader` reads back when something needs it, and comes with
    /// where its stored extraction lies in the cache file (a read file is matched with
    /// the cache by its hash, [`super::Stored::extractions`]).
    pub fn into_document(
        self,
        key: String,
        loader: &Arc<dyn TextLoader>,
    ) -> (Document, Option<BlobRef>) {
        match self {
            CorpusFile::Read { source, stamp } => {
                let mut doc = Document::new(source, key);
                doc.stamp = stamp;
                (doc, None)
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
                (doc, Some(analysis))
            }
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
pub struct DiskText;

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
