//! The file-system edge: finding the corpus and the briefs of a workspace and reading
//! them into text for the analysis core.
//!
//! Discovery uses `ignore` (honours .gitignore, skips hidden folders) and `globset`.
//! Nothing here gives up on a bad file: it is skipped or decoded lossily, and the reason
//! is returned as a [`LoadProblem`] for the caller to report.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use globset::{Glob, GlobSet, GlobSetBuilder};
use ignore::WalkState;
use rayon::prelude::*;

use crate::analysis::{FileStamp, SourceText};
use crate::config::Config;
use crate::sources::{self, Kind};
use crate::sync::lock;

/// Folders never searched, whatever the configuration says.
const ALWAYS_SKIPPED_DIRS: [&str; 2] = ["target", "node_modules"];

/// Bytes read to decide whether a file is binary.
const BINARY_SNIFF_BYTES: usize = 8192;

/// Why a file was skipped or altered while loading.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadProblem {
    /// Read and decoded with U+FFFD for the bad bytes; the document is still indexed.
    #[error("{}: not valid UTF-8; invalid bytes were replaced (save the file as UTF-8 to fix)", .0.display())]
    InvalidUtf8(PathBuf),
    /// A NUL byte near the start: not a text file.
    #[error("{}: looks binary; skipped (exclude it or convert it to text)", .0.display())]
    Binary(PathBuf),
    #[error("{}: {size} bytes is over the {limit}-byte limit; skipped (raise max_file_bytes to index it)", .path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{}: cannot be read ({reason}); skipped", .path.display())]
    Unreadable { path: PathBuf, reason: String },
    /// A saved page or PDF whose text could not be had (no text layer, encrypted, no
    /// article body, content that does not match the extension).
    #[error("{}: {reason}; skipped", .path.display())]
    Extraction {
        path: PathBuf,
        reason: crate::sources::ExtractError,
    },
    #[error("{}: .{extension} files are not read (dossier reads .txt, .md, .html, .htm and .pdf); skipped (convert it or exclude it)", .path.display())]
    Unsupported { path: PathBuf, extension: String },
    #[error("corpus entry `{entry}` matches no file or folder in {}; check `corpus` in dossier.toml", .root.display())]
    NoSuchCorpusEntry { entry: String, root: PathBuf },
    /// Discovery stopped early; the corpus holds what was found before the limit.
    #[error("{} holds more than {limit} files; indexing stopped there (narrow `corpus` in dossier.toml, or raise max_files)", .root.display())]
    TooManyFiles { root: PathBuf, limit: usize },
    /// A path, a glob or a link of `dossier.toml` that leads out of the workspace is
    /// refused: the file travels with the workspace, and must not make an editor read
    /// `/etc/passwd` into hovers. Only the user's own settings may name such an entry.
    #[error("corpus entry `{entry}` leads outside the workspace {}; refused (dossier.toml may only name files inside the workspace: open the folder that holds them, copy them in, or name them in your own settings, `--corpus` or the editor's `dossier.corpus`)", .root.display())]
    OutsideWorkspace { entry: String, root: PathBuf },
    /// A corpus entry outside the workspace that the user's own settings (`source_name`)
    /// name: read, and said when the corpus is loaded so that it is never a surprise.
    #[error("corpus entry `{entry}` is outside the workspace {}; read because `{source_name}` names it", .root.display())]
    OutsideWorkspaceNamedByUser {
        entry: String,
        root: PathBuf,
        source_name: String,
    },
    /// Files that would share one document key (`c/y.md` and `c/y.txt`): both are kept,
    /// each cited by its path with the extension.
    #[error("{} share the document key `@{key}`; each is cited by its path with the extension ({})", .paths.join(" and "), .paths.iter().map(|p| format!("`@{p}`")).collect::<Vec<_>>().join(", "))]
    KeyClash { key: String, paths: Vec<String> },
    #[error("`{pattern}` is not a valid glob ({reason}); it is ignored")]
    BadGlob { pattern: String, reason: String },
    /// The walk met an error: a folder it could not list (its files are missing from the
    /// corpus), or an ignore file it could not read or parse (its rules may not apply).
    #[error("{}: {reason} (met while listing the corpus; files there may be missing or not ignored as written)", .path.display())]
    Walk { path: PathBuf, reason: String },
}

impl LoadProblem {
    /// True when the file's content was still indexed.
    pub fn is_warning_only(&self) -> bool {
        matches!(
            self,
            LoadProblem::InvalidUtf8(_)
                | LoadProblem::KeyClash { .. }
                | LoadProblem::OutsideWorkspaceNamedByUser { .. }
        )
    }
}

/// The corpus files a configuration selects, sorted, and the problems met on the way.
pub fn discover_corpus(root: &Path, config: &Config) -> (Vec<PathBuf>, Vec<LoadProblem>) {
    let mut problems = Vec::new();
    let exclude = build_globset(&config.exclude, &mut problems);
    let mut globs = Vec::new();
    let mut found: Vec<PathBuf> = Vec::new();
    let mut dirs = Vec::new();
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    // Through `..` or a symbolic link, the real place is what counts.
    let inside = |path: &Path| {
        path.canonicalize()
            .is_ok_and(|real| real.starts_with(&canonical_root))
    };
    // One rule for paths, globs and links: an entry that leads out of the workspace is
    // read only when the user's own settings name it, and then reported; otherwise refused.
    let outside = |entry: &String| match &config.corpus_named_by_user {
        Some(source_name) => LoadProblem::OutsideWorkspaceNamedByUser {
            entry: entry.clone(),
            root: root.to_path_buf(),
            source_name: source_name.clone(),
        },
        None => LoadProblem::OutsideWorkspace {
            entry: entry.clone(),
            root: root.to_path_buf(),
        },
    };
    let mut outside_globs: Vec<(PathBuf, GlobSet)> = Vec::new();
    for entry in &config.corpus {
        let path = root.join(entry);
        if is_glob(entry) {
            // Globs are matched against paths inside the workspace: one that is absolute or
            // climbs out would match nothing, silently.
            let entry_path = Path::new(entry);
            if entry_path.is_absolute()
                || entry_path
                    .components()
                    .any(|c| c == std::path::Component::ParentDir)
            {
                match outside(entry) {
                    refused @ LoadProblem::OutsideWorkspace { .. } => problems.push(refused),
                    named => match outside_glob(root, entry) {
                        Ok(Some((base, include))) => {
                            if !base.starts_with(&canonical_root) {
                                problems.push(named);
                            }
                            outside_globs.push((base, include));
                        }
                        Ok(None) => problems.push(LoadProblem::NoSuchCorpusEntry {
                            entry: entry.clone(),
                            root: root.to_path_buf(),
                        }),
                        Err(bad_glob) => problems.push(bad_glob),
                    },
                }
                continue;
            }
            globs.push(entry.clone());
        } else if path.exists() && !inside(&path) {
            match outside(entry) {
                refused @ LoadProblem::OutsideWorkspace { .. } => problems.push(refused),
                named => {
                    if path.is_dir() {
                        dirs.push(path);
                    } else if path.is_file() {
                        found.push(path);
                    } else {
                        // Opening a FIFO would wait for a writer; a device never ends.
                        problems.push(LoadProblem::Unreadable {
                            path,
                            reason: "not a regular file (a pipe or a device)".into(),
                        });
                        continue;
                    }
                    problems.push(named);
                }
            }
        } else if path.is_dir() {
            dirs.push(path);
        } else if path.is_file() {
            // Named explicitly: taken even if .gitignore would hide it.
            found.push(path);
        } else {
            problems.push(LoadProblem::NoSuchCorpusEntry {
                entry: entry.clone(),
                root: root.to_path_buf(),
            });
        }
    }
    // Every file visited counts against the limit, matching or not: the limit bounds the
    // walk itself (a workspace opened on a home directory), not only the corpus.
    let budget = AtomicUsize::new(config.max_files);
    let mut over_limit = false;
    if !globs.is_empty() {
        let include = build_globset(&globs, &mut problems);
        let matches = |path: &Path| include.is_match(relative(root, path));
        let walked = walk_files(root, &budget, &matches);
        found.extend(walked.files);
        problems.extend(walked.problems);
        over_limit |= walked.over_limit;
    }
    for (base, include) in outside_globs {
        let matches = |path: &Path| include.is_match(relative(&base, path));
        let walked = walk_files(&base, &budget, &matches);
        found.extend(walked.files);
        problems.extend(walked.problems);
        over_limit |= walked.over_limit;
    }
    for dir in dirs {
        let walked = walk_files(&dir, &budget, &|_| true);
        found.extend(walked.files);
        problems.extend(walked.problems);
        over_limit |= walked.over_limit;
    }
    if over_limit {
        problems.push(LoadProblem::TooManyFiles {
            root: root.to_path_buf(),
            limit: config.max_files,
        });
    }
    // In the order of their relative paths as strings: the order `CorpusIndex::with_source`
    // keeps, so that a corpus changed file by file and one found afresh list documents
    // alike (and the index cache sees the same files).
    let mut files: Vec<(String, PathBuf)> = found
        .into_iter()
        .filter(|p| !exclude.is_match(relative(root, p)))
        .map(|p| (rel_path(root, &p), p))
        .collect();
    files.sort_unstable();
    files.dedup_by(|a, b| a.1 == b.1);
    let rel_paths: Vec<&str> = files.iter().map(|(rel, _)| rel.as_str()).collect();
    for (key, paths) in crate::analysis::corpus::key_clashes(&rel_paths) {
        problems.push(LoadProblem::KeyClash { key, paths });
    }
    (files.into_iter().map(|(_, p)| p).collect(), problems)
}

/// The `briefs` and `exclude` globs that do not parse: a command line check must fail on
/// them rather than check nothing and pass.
pub fn brief_glob_problems(config: &Config) -> Vec<LoadProblem> {
    let mut problems = Vec::new();
    build_globset(&config.briefs, &mut problems);
    build_globset(&config.exclude, &mut problems);
    problems
}

/// The briefs of a workspace: files matching `briefs` that are not corpus files.
pub fn discover_briefs(root: &Path, config: &Config, corpus: &[PathBuf]) -> Vec<PathBuf> {
    let mut problems = Vec::new();
    let include = build_globset(&config.briefs, &mut problems);
    let exclude = build_globset(&config.exclude, &mut problems);
    let corpus: BTreeSet<&Path> = corpus.iter().map(PathBuf::as_path).collect();
    let keep = |p: &Path| {
        let rel = relative(root, p);
        include.is_match(rel) && !exclude.is_match(rel) && !corpus.contains(p)
    };
    // Problems met here are not reported: a brief the walk misses is still checked when
    // the editor opens it, and the corpus walk reports the same folders.
    let mut briefs = walk_files(root, &AtomicUsize::new(config.max_files), &keep).files;
    briefs.sort();
    briefs
}

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

/// A brief read from disk: its text (invalid UTF-8 replaced by U+FFFD) and where the
/// replacements changed byte offsets, so that columns can be given in the file's bytes.
#[derive(Debug, Clone)]
pub struct BriefText {
    pub text: String,
    /// `(offset in text, offset in the file)` after each replacement, in order.
    shifts: Vec<(usize, usize)>,
}

impl BriefText {
    /// Whether the file held invalid UTF-8.
    pub fn had_invalid_utf8(&self) -> bool {
        !self.shifts.is_empty()
    }

    /// The byte offset in the file of the byte offset `offset` in [`BriefText::text`].
    pub fn file_offset(&self, offset: usize) -> usize {
        let at = self
            .shifts
            .partition_point(|&(in_text, _)| in_text <= offset);
        match at.checked_sub(1).map(|i| self.shifts[i]) {
            Some((in_text, in_file)) => in_file + (offset - in_text),
            None => offset,
        }
    }
}

/// Reads a brief from disk, within `max_file_bytes`: a FIFO, a device (`/dev/zero`) or a
/// folder is refused, as is a file over the limit, before anything is read. Invalid UTF-8
/// is replaced and comes back as a warning-only [`LoadProblem::InvalidUtf8`].
pub fn read_brief(
    path: &Path,
    max_file_bytes: u64,
) -> Result<(BriefText, Option<LoadProblem>), LoadProblem> {
    let unreadable = |reason: String| LoadProblem::Unreadable {
        path: path.to_path_buf(),
        reason,
    };
    let metadata = std::fs::metadata(path).map_err(|e| unreadable(e.to_string()))?;
    if !metadata.is_file() {
        return Err(unreadable(
            "not a regular file (a folder, a pipe or a device)".into(),
        ));
    }
    if metadata.len() > max_file_bytes {
        return Err(LoadProblem::TooLarge {
            path: path.to_path_buf(),
            size: metadata.len(),
            limit: max_file_bytes,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| unreadable(e.to_string()))?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // `take` bounds the read even if the file grows while it is read.
    file.take(max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(e.to_string()))?;
    if bytes.len() as u64 > max_file_bytes {
        return Err(LoadProblem::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: max_file_bytes,
        });
    }
    let (text, shifts) = match String::from_utf8(bytes) {
        Ok(text) => (text, Vec::new()),
        Err(err) => decode_lossily(err.as_bytes()),
    };
    let problem = (!shifts.is_empty()).then(|| LoadProblem::InvalidUtf8(path.to_path_buf()));
    Ok((BriefText { text, shifts }, problem))
}

/// `String::from_utf8_lossy`, noting where each replacement moved the offsets.
fn decode_lossily(bytes: &[u8]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::with_capacity(bytes.len());
    let mut shifts = Vec::new();
    let mut in_file = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        in_file += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            in_file += chunk.invalid().len();
            shifts.push((text.len(), in_file));
        }
    }
    (text, shifts)
}

/// A file time as nanoseconds since the Unix epoch (0 before it).
pub fn modified_ns(time: std::time::SystemTime) -> u64 {
    time.duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// [`relative`] as the corpus names a document: a string with `/` separators.
pub fn rel_path(root: &Path, path: &Path) -> String {
    relative(root, path).to_string_lossy().replace('\\', "/")
}

/// `path` relative to `root` when it is inside it, else as given.
pub fn relative<'a>(root: &Path, path: &'a Path) -> &'a Path {
    path.strip_prefix(root).unwrap_or(path)
}

/// Whether a path (absolute) is selected as corpus by the configuration, without walking.
pub fn is_corpus_path(root: &Path, config: &Config, path: &Path) -> bool {
    // A watched-file event outside the workspace is never corpus, whatever it names: an
    // outside corpus the user's settings name (`LoadProblem::OutsideWorkspaceNamedByUser`)
    // is read again at the next start or configuration change.
    if !path.starts_with(root)
        || path
            .components()
            .any(|c| c == std::path::Component::ParentDir)
    {
        return false;
    }
    let mut problems = Vec::new();
    let rel = relative(root, path);
    if build_globset(&config.exclude, &mut problems).is_match(rel) {
        return false;
    }
    if rel
        .components()
        .any(|c| ALWAYS_SKIPPED_DIRS.iter().any(|d| c.as_os_str() == *d))
    {
        return false;
    }
    config.corpus.iter().any(|entry| {
        if is_glob(entry) {
            build_globset(std::slice::from_ref(entry), &mut problems).is_match(rel)
        } else {
            let configured = root.join(entry);
            path == configured || path.starts_with(&configured)
        }
    })
}

/// A glob that leads out of the workspace, as the folder named by its components before
/// the first wildcard (where the walk starts, `..` and links resolved) and the rest of the
/// pattern, which paths under that folder must match. `Ok(None)` when the folder does not
/// exist; an error when the rest of the pattern does not parse or climbs again with `..`.
fn outside_glob(root: &Path, entry: &str) -> Result<Option<(PathBuf, GlobSet)>, LoadProblem> {
    let bad = |reason: &str| LoadProblem::BadGlob {
        pattern: entry.to_string(),
        reason: reason.to_string(),
    };
    let mut base = root.to_path_buf();
    let mut rest: Vec<String> = Vec::new();
    for component in Path::new(entry).components() {
        let text = component.as_os_str().to_string_lossy();
        if rest.is_empty() && !is_glob(&text) {
            base.push(component);
        } else if component == std::path::Component::ParentDir {
            return Err(bad("`..` after a wildcard"));
        } else {
            rest.push(text.into_owned());
        }
    }
    let Ok(base) = base.canonicalize() else {
        return Ok(None);
    };
    let glob = globset::GlobBuilder::new(&rest.join("/"))
        .literal_separator(true)
        .build()
        .map_err(|err| bad(&err.kind().to_string()))?;
    let mut builder = GlobSetBuilder::new();
    builder.add(glob);
    let set = builder.build().map_err(|err| bad(&err.to_string()))?;
    Ok(Some((base, set)))
}

fn is_glob(entry: &str) -> bool {
    entry.contains(['*', '?', '[', '{'])
}

fn build_globset(patterns: &[String], problems: &mut Vec<LoadProblem>) -> GlobSet {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let pattern_for_dirs = pattern.trim_end_matches('/');
        match globset::GlobBuilder::new(pattern_for_dirs)
            .literal_separator(true)
            .build()
        {
            Ok(glob) => {
                builder.add(glob);
                // "drafts" or "drafts/" also means everything under it.
                if !is_glob(pattern_for_dirs) {
                    if let Ok(glob) = Glob::new(&format!("{pattern_for_dirs}/**")) {
                        builder.add(glob);
                    }
                }
            }
            Err(err) => problems.push(LoadProblem::BadGlob {
                pattern: pattern.clone(),
                reason: err.kind().to_string(),
            }),
        }
    }
    builder.build().unwrap_or_else(|_| GlobSet::empty())
}

/// What a walk found: the files kept, the errors met, and whether the file budget ran out.
struct Walked {
    files: Vec<PathBuf>,
    problems: Vec<LoadProblem>,
    over_limit: bool,
}

fn walk_files(dir: &Path, budget: &AtomicUsize, keep: &(dyn Fn(&Path) -> bool + Sync)) -> Walked {
    let found = Mutex::new(Vec::new());
    let problems = Mutex::new(Vec::new());
    let over_limit = AtomicBool::new(false);
    let (found_ref, problems_ref, over_ref) = (&found, &problems, &over_limit);
    walker(dir).build_parallel().run(|| {
        // Each thread gathers its own files and hands them over when it finishes.
        let mut mine = Gathered {
            files: Vec::new(),
            into: found_ref,
        };
        Box::new(move |entry| {
            let report = |err: &ignore::Error| {
                let problem = LoadProblem::Walk {
                    path: error_path(err).unwrap_or(dir).to_path_buf(),
                    reason: error_reason(err),
                };
                lock(problems_ref).push(problem);
            };
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    report(&err);
                    return WalkState::Continue;
                }
            };
            // A folder whose ignore files could not be read or parsed carries the error.
            if let Some(err) = entry.error() {
                report(err);
            }
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                return WalkState::Continue;
            }
            let spent = budget.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(1)
            });
            if spent.is_err() {
                over_ref.store(true, Ordering::Relaxed);
                return WalkState::Quit;
            }
            if keep(entry.path()) {
                mine.files.push(entry.into_path());
            }
            WalkState::Continue
        })
    });
    let mut problems = problems
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    // The walk's threads finish in any order; reports should not.
    problems.sort_by_cached_key(ToString::to_string);
    Walked {
        files: found
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
        problems,
        over_limit: over_limit.into_inner(),
    }
}

/// The path an `ignore` error names, looking inside the errors it wraps.
fn error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Partial(errs) => errs.iter().find_map(error_path),
        ignore::Error::Loop { child, .. } => Some(child),
        _ => None,
    }
}

/// An `ignore` error's message without the path [`error_path`] reports separately.
fn error_reason(err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { err, .. } | ignore::Error::WithDepth { err, .. } => {
            error_reason(err)
        }
        ignore::Error::WithLineNumber { line, err } => {
            format!("line {line}: {}", error_reason(err))
        }
        ignore::Error::Partial(errs) => {
            errs.iter().map(error_reason).collect::<Vec<_>>().join("; ")
        }
        other => other.to_string(),
    }
}

/// One walking thread's files, added to the shared list when the thread is done.
struct Gathered<'a> {
    files: Vec<PathBuf>,
    into: &'a Mutex<Vec<PathBuf>>,
}

impl Drop for Gathered<'_> {
    fn drop(&mut self) {
        lock(self.into).append(&mut self.files);
    }
}

fn walker(dir: &Path) -> ignore::WalkBuilder {
    let mut builder = ignore::WalkBuilder::new(dir);
    builder
        .hidden(true)
        .git_ignore(true)
        .git_global(false)
        .require_git(false)
        .follow_links(false)
        .filter_entry(|entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            !(is_dir
                && entry.depth() > 0
                && ALWAYS_SKIPPED_DIRS.iter().any(|d| entry.file_name() == *d))
        });
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace(files: &[(&str, &[u8])]) -> tempfile::TempDir {
        let dir = tempfile::TempDir::new().unwrap();
        for (path, content) in files {
            let full = dir.path().join(path);
            std::fs::create_dir_all(full.parent().unwrap()).unwrap();
            std::fs::write(full, content).unwrap();
        }
        dir
    }

    fn names(root: &Path, paths: &[PathBuf]) -> Vec<String> {
        paths.iter().map(|p| rel_path(root, p)).collect()
    }

    #[test]
    fn walk_errors_are_reported_not_dropped() {
        // A .gitignore the walk cannot parse: its other rules still apply, and it is named.
        let ws = workspace(&[
            ("a.txt", b"A"),
            ("sub/b.txt", b"B"),
            ("sub/.gitignore", b"skip.txt\na{b\n"),
            ("sub/skip.txt", b"S"),
        ]);
        let (files, problems) = discover_corpus(ws.path(), &Config::default());
        assert_eq!(names(ws.path(), &files), ["a.txt", "sub/b.txt"]);
        let [LoadProblem::Walk { path, reason }] = problems.as_slice() else {
            panic!("one walk problem expected: {problems:?}");
        };
        assert_eq!(path, &ws.path().join("sub/.gitignore"));
        assert!(reason.contains("line 2"), "{reason}");
        assert!(!problems[0].is_warning_only());
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_that_cannot_be_listed_is_reported() {
        use std::os::unix::fs::PermissionsExt;
        let ws = workspace(&[("a.txt", b"A"), ("locked/b.txt", b"B")]);
        let locked = ws.path().join("locked");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let listable = std::fs::read_dir(&locked).is_ok();
        let (files, problems) = discover_corpus(ws.path(), &Config::default());
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        if listable {
            // Running as root: permissions do not stop the walk, and nothing is missing.
            assert_eq!(names(ws.path(), &files), ["a.txt", "locked/b.txt"]);
            assert!(problems.is_empty(), "{problems:?}");
        } else {
            assert_eq!(names(ws.path(), &files), ["a.txt"]);
            assert!(
                matches!(problems.as_slice(), [LoadProblem::Walk { path, .. }] if path == &locked),
                "{problems:?}"
            );
        }
    }

    #[test]
    fn default_corpus_is_every_txt_honouring_gitignore() {
        let ws = workspace(&[
            ("a.txt", b"A"),
            ("sub/b.txt", b"B"),
            ("ignored/c.txt", b"C"),
            (".hidden/d.txt", b"D"),
            ("target/e.txt", b"E"),
            ("node_modules/f.txt", b"F"),
            ("brief.md", b"# B"),
            (".gitignore", b"ignored/\n"),
        ]);
        let (files, problems) = discover_corpus(ws.path(), &Config::default());
        assert!(problems.is_empty());
        assert_eq!(names(ws.path(), &files), vec!["a.txt", "sub/b.txt"]);
        let briefs = discover_briefs(ws.path(), &Config::default(), &files);
        assert_eq!(names(ws.path(), &briefs), vec!["brief.md"]);
    }

    #[test]
    fn folders_globs_files_and_excludes() {
        let ws = workspace(&[
            ("sources/x.txt", b"X"),
            ("sources/drafts/y.txt", b"Y"),
            ("seeds/s.txt", b"S"),
            ("one.md", b"O"),
        ]);
        let config = Config {
            corpus: vec![
                "sources".into(),
                "seeds/*.txt".into(),
                "one.md".into(),
                "missing".into(),
            ],
            exclude: vec!["sources/drafts".into()],
            ..Config::default()
        };
        let (files, problems) = discover_corpus(ws.path(), &config);
        assert_eq!(
            names(ws.path(), &files),
            vec!["one.md", "seeds/s.txt", "sources/x.txt"]
        );
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .to_string()
                .starts_with("corpus entry `missing` matches no file"),
            "{}",
            problems[0]
        );
        assert!(is_corpus_path(
            ws.path(),
            &config,
            &ws.path().join("seeds/new.txt")
        ));
        assert!(!is_corpus_path(
            ws.path(),
            &config,
            &ws.path().join("sources/drafts/z.txt")
        ));
    }

    #[test]
    fn bad_files_are_reported_and_nothing_else_is_lost() {
        let ws = workspace(&[
            ("ok.txt", b"fine"),
            ("latin1.txt", b"caf\xe9 au lait"),
            ("bin.txt", b"\x00\x01\x02"),
            ("big.txt", &[b'x'; 100]),
        ]);
        let (files, _) = discover_corpus(ws.path(), &Config::default());
        let (sources, problems) = load_sources(ws.path(), &files, 50, &|_, _| {});
        let loaded: Vec<&str> = sources.iter().map(|s| s.rel_path.as_str()).collect();
        assert_eq!(loaded, vec!["latin1.txt", "ok.txt"]);
        assert_eq!(sources[0].text, "caf\u{fffd} au lait");
        let messages: Vec<String> = problems
            .iter()
            .map(|p| relative_message(ws.path(), p))
            .collect();
        expect_test::expect![[r#"
            [
                "big.txt: 100 bytes is over the 50-byte limit; skipped (raise max_file_bytes to index it)",
                "bin.txt: looks binary; skipped (exclude it or convert it to text)",
                "latin1.txt: not valid UTF-8; invalid bytes were replaced (save the file as UTF-8 to fix)",
            ]
        "#]]
        .assert_debug_eq(&messages);
    }

    #[test]
    fn discovery_stops_at_the_file_limit_with_a_clear_report() {
        let files: Vec<(String, &[u8])> =
            (0..20).map(|i| (format!("d/{i}.txt"), &b"x"[..])).collect();
        let refs: Vec<(&str, &[u8])> = files.iter().map(|(p, c)| (p.as_str(), *c)).collect();
        let ws = workspace(&refs);
        let config = Config {
            max_files: 5,
            ..Config::default()
        };
        let (found, problems) = discover_corpus(ws.path(), &config);
        assert_eq!(found.len(), 5);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .to_string()
                .contains("holds more than 5 files; indexing stopped there"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn symlink_loops_do_not_hang_discovery() {
        let ws = workspace(&[("a/x.txt", b"X")]);
        #[cfg(unix)]
        std::os::unix::fs::symlink(ws.path(), ws.path().join("a/loop")).unwrap();
        let (found, _) = discover_corpus(ws.path(), &Config::default());
        assert_eq!(names(ws.path(), &found), vec!["a/x.txt"]);
    }

    #[test]
    fn corpus_files_come_in_the_order_of_their_relative_paths() {
        // `Path` order compares components ("a" < "a-b"); the index orders by the string.
        let ws = workspace(&[("a/b.txt", b"x"), ("a-b/x.txt", b"y"), ("a.txt", b"z")]);
        let (found, _) = discover_corpus(ws.path(), &Config::default());
        assert_eq!(
            names(ws.path(), &found),
            vec!["a-b/x.txt", "a.txt", "a/b.txt"]
        );
    }

    #[test]
    fn a_vanished_file_is_unreadable_not_fatal() {
        let ws = workspace(&[]);
        let (source, problem) = load_source(ws.path(), &ws.path().join("gone.txt"), 100);
        assert!(source.is_none());
        assert!(matches!(problem, Some(LoadProblem::Unreadable { .. })));
    }

    #[test]
    fn an_outside_corpus_is_read_only_when_the_user_names_it_and_odd_entries_are_problems() {
        let ws = workspace(&[
            ("w/seeds/a.txt", b"A"),
            ("far/b.txt", b"B"),
            ("far/sub/c.txt", b"C"),
        ]);
        let root = ws.path().join("w");
        let corpus: Vec<String> = [
            "seeds",
            "../far/*.txt",
            "../far/**/*.txt",
            "../missing/*.txt",
            "../far/*/../b.txt",
            "/dev/null",
        ]
        .map(String::from)
        .to_vec();
        let file_names = |found: &[PathBuf]| -> Vec<String> {
            let mut names: Vec<String> = found
                .iter()
                .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        };
        // From dossier.toml: every entry leading out is refused, whatever it would match.
        let config = Config {
            corpus: corpus.clone(),
            ..Config::default()
        };
        let (found, problems) = discover_corpus(&root, &config);
        assert_eq!(file_names(&found), ["a.txt"]);
        assert_eq!(problems.len(), 5, "{problems:?}");
        assert!(problems
            .iter()
            .all(|p| matches!(p, LoadProblem::OutsideWorkspace { .. })));
        // From the user's own settings: read and reported; the same file through two globs
        // once; a folder that does not exist, `..` after a wildcard and a device are
        // problems of their own.
        let config = Config {
            corpus,
            corpus_named_by_user: Some("--corpus".into()),
            ..Config::default()
        };
        let (found, problems) = discover_corpus(&root, &config);
        assert_eq!(file_names(&found), ["a.txt", "b.txt", "c.txt"]);
        let kinds: Vec<String> = problems
            .iter()
            .map(|p| match p {
                LoadProblem::OutsideWorkspaceNamedByUser { entry, .. } => format!("named {entry}"),
                LoadProblem::NoSuchCorpusEntry { entry, .. } => format!("no such {entry}"),
                LoadProblem::BadGlob { pattern, reason } => format!("bad {pattern}: {reason}"),
                LoadProblem::Unreadable { path, reason } => {
                    format!("unreadable {}: {reason}", path.display())
                }
                other => format!("{other}"),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "named ../far/*.txt",
                "named ../far/**/*.txt",
                "no such ../missing/*.txt",
                "bad ../far/*/../b.txt: `..` after a wildcard",
                "unreadable /dev/null: not a regular file (a pipe or a device)",
            ]
        );
    }

    fn relative_message(root: &Path, problem: &LoadProblem) -> String {
        problem
            .to_string()
            .replace(&format!("{}/", root.display()), "")
    }
}
