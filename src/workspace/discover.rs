//! Discovery: the corpus files and the briefs of a workspace, found by walking it with
//! `ignore` (honours .gitignore, skips hidden folders) and `globset`, within the file budget.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use ignore::WalkState;

use super::paths::{
    build_globset, corpus_entries, rel_path, relative, CorpusEntries, ALWAYS_SKIPPED_DIRS,
};
use super::problem::LoadProblem;
use crate::config::Config;
use crate::sync::lock;

/// The corpus files a configuration selects, sorted, and the problems met on the way.
pub fn discover_corpus(root: &Path, config: &Config) -> (Vec<PathBuf>, Vec<LoadProblem>) {
    let mut problems = Vec::new();
    let exclude = build_globset(&config.exclude, &mut problems);
    let CorpusEntries {
        files: mut found,
        dirs,
        globs,
        outside_globs,
    } = corpus_entries(root, config, &mut problems);
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
