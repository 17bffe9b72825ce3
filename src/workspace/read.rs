//! Reading corpus files into text for the analysis core: the size limit, binary files,
//! invalid UTF-8, saved pages and PDFs made into their renditions, and each file's stamp
//! (size and modification time) for the index cache.

use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::paths::rel_path;
use super::problem::LoadProblem;
use crate::analysis::{FileStamp, SourceText};
use crate::sources::{self, Kind};

/// Bytes read to decide whether a file is binary.
const BINARY_SNIFF_BYTES: usize = 8192;
/// Reads corpus files in parallel. `on_progress(done, total)` is called as files finish.
pub fn load_sources(
    root: &Path,
    paths: &[PathBuf],
    max_file_bytes: u64,
    on_progress: &(dyn Fn(usize, usize) + Sync),
) -> (Vec<SourceText>, Vec<LoadProblem>) {
    let done = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<(Option<SourceText>, Option<LoadProblem>)> = paths
        .par_iter()
        .map(|path| {
            let result = load_source(root, path, max_file_bytes);
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            on_progress(n, paths.len());
            result
        })
        .collect();
    let mut sources = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    for (source, problem) in results {
        sources.extend(source);
        problems.extend(problem);
    }
    (sources, problems)
}

/// Reads one corpus file: the text (if it is usable) and what was wrong with it.
pub fn load_source(
    root: &Path,
    path: &Path,
    max_file_bytes: u64,
) -> (Option<SourceText>, Option<LoadProblem>) {
    let (source, problem) = load_stamped(root, path, max_file_bytes);
    (source.map(|(source, _)| source), problem)
}

/// A modification time this close to the read is not trusted to tell a later change: a
/// file written again within the same clock tick keeps its time.
const RACY_MODIFIED_NS: u64 = 2_000_000_000;

/// [`load_source`], with the file's size and modification time as it was read.
pub fn load_stamped(
    root: &Path,
    path: &Path,
    max_file_bytes: u64,
) -> (Option<(SourceText, FileStamp)>, Option<LoadProblem>) {
    let unreadable = |err: std::io::Error| LoadProblem::Unreadable {
        path: path.to_path_buf(),
        reason: err.to_string(),
    };
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(err) => return (None, Some(unreadable(err))),
    };
    let metadata = file.metadata().ok();
    let size = metadata.as_ref().map_or(0, |m| m.len());
    let read_at = modified_ns(std::time::SystemTime::now());
    let modified = metadata
        .and_then(|m| m.modified().ok())
        .map_or(0, modified_ns);
    if size > max_file_bytes {
        return (
            None,
            Some(LoadProblem::TooLarge {
                path: path.to_path_buf(),
                size,
                limit: max_file_bytes,
            }),
        );
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // `take` bounds the read even if the file grows while we read it.
    if let Err(err) = file
        .take(max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        return (None, Some(unreadable(err)));
    }
    if bytes.len() as u64 > max_file_bytes {
        return (
            None,
            Some(LoadProblem::TooLarge {
                path: path.to_path_buf(),
                size: bytes.len() as u64,
                limit: max_file_bytes,
            }),
        );
    }
    let bytes_read = bytes.len() as u64;
    let kind = match Kind::of_path(path) {
        Ok(kind) => kind,
        Err(extension) => {
            let path = path.to_path_buf();
            return (None, Some(LoadProblem::Unsupported { path, extension }));
        }
    };
    let extraction_problem = |reason| LoadProblem::Extraction {
        path: path.to_path_buf(),
        reason,
    };
    let (text, problem) = if kind == Kind::Text {
        if let Err(reason) = sources::check_text(&bytes) {
            return (None, Some(extraction_problem(reason)));
        }
        if memchr::memchr(0, &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)]).is_some() {
            return (None, Some(LoadProblem::Binary(path.to_path_buf())));
        }
        match String::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(err) => (
                String::from_utf8_lossy(err.as_bytes()).into_owned(),
                Some(LoadProblem::InvalidUtf8(path.to_path_buf())),
            ),
        }
    } else {
        // The document's text is its rendition: the same bytes always give the same
        // text, so a deferred document reads back (and hashes) as it was indexed.
        match sources::extract(kind, &bytes) {
            Ok(extracted) => (extracted.rendition(), None),
            Err(reason) => return (None, Some(extraction_problem(reason))),
        }
    };
    let rel_path = rel_path(root, path);
    let stamp = FileStamp {
        size: bytes_read,
        modified_ns: if read_at.saturating_sub(modified) < RACY_MODIFIED_NS {
            0
        } else {
            modified
        },
        invalid_utf8: problem.is_some(),
    };
    (
        Some((
            SourceText {
                path: path.to_path_buf(),
                rel_path,
                text,
            },
            stamp,
        )),
        problem,
    )
}

/// A file time as nanoseconds since the Unix epoch (0 before it).
pub fn modified_ns(time: std::time::SystemTime) -> u64 {
    time.duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}
