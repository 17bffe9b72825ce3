//! The path rules: what each corpus entry of a configuration names (a file, a folder, a
//! glob; inside the workspace, or out of it and then read only when the user's own settings
//! name it), whether a path is corpus without walking, and how a document's path is written.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use super::problem::LoadProblem;
use crate::config::Config;

/// Folders never searched, whatever the configuration says.
pub(super) const ALWAYS_SKIPPED_DIRS: [&str; 2] = ["target", "node_modules"];

/// What the corpus entries of a configuration name, each sorted by the one rule for paths,
/// globs and links that lead out of the workspace.
pub(super) struct CorpusEntries {
    /// Files named one by one: taken even if .gitignore would hide them.
    pub files: Vec<PathBuf>,
    /// Folders walked whole.
    pub dirs: Vec<PathBuf>,
    /// Globs matched against paths inside the workspace.
    pub globs: Vec<String>,
    /// Globs leading out that the user's settings name: the folder the walk starts from and
    /// the rest of the pattern.
    pub outside_globs: Vec<(PathBuf, GlobSet)>,
}

/// Sorts `config.corpus` into what is to be walked or read, pushing onto `problems` each
/// entry refused, missing or read from outside the workspace.
pub(super) fn corpus_entries(
    root: &Path,
    config: &Config,
    problems: &mut Vec<LoadProblem>,
) -> CorpusEntries {
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
    CorpusEntries {
        files: found,
        dirs,
        globs,
        outside_globs,
    }
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

pub(super) fn build_globset(patterns: &[String], problems: &mut Vec<LoadProblem>) -> GlobSet {
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
