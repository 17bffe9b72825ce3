//! Opening a workspace: configuration from its layers, corpus discovery, loading and
//! indexing. Shared by the CLI and the language server.
//!
//! - this file: the configuration, and a workspace indexed with the cache (as the CLI
//!   does, and the server's warm start in two steps).
//! - `build`: the index built from the files found, reusing what the cache holds.

mod build;

use std::path::{Path, PathBuf};

use crate::analysis::CorpusIndex;
use crate::cache::{self, CacheReport, CacheStatus, Changes, Refused};
use crate::config::{read_config_file, Config, ConfigError, ConfigLayer, CONFIG_FILE_NAME};
use crate::workspace::{discover_corpus, LoadProblem};

pub use build::{build_index, build_index_from, Reuse};

/// Extra settings on top of `dossier.toml`, lowest precedence first.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    /// `(source name, layer)`, e.g. `("initializationOptions", ..)`.
    pub layers: Vec<(String, ConfigLayer)>,
}

/// Reads the configuration of a workspace. `config_file` overrides `ROOT/dossier.toml`.
/// Problems are returned with the defaults (or the other layers) in force.
pub fn load_config(
    root: &Path,
    config_file: Option<&Path>,
    overrides: &Overrides,
) -> (Config, Vec<ConfigError>) {
    let path: PathBuf = config_file.map_or_else(|| root.join(CONFIG_FILE_NAME), Path::to_path_buf);
    let mut problems = Vec::new();
    let file_layer = match read_config_file(&path) {
        Ok(Some(layer)) => Some(layer),
        Ok(None) if config_file.is_some() => {
            problems.push(ConfigError::Invalid {
                path: path.display().to_string(),
                message: "no such file".into(),
            });
            None
        }
        Ok(None) => None,
        Err(err) => {
            problems.push(err);
            None
        }
    };
    let file_name = path.display().to_string();
    let mut layers: Vec<(&str, &ConfigLayer)> = Vec::new();
    if let Some(layer) = &file_layer {
        layers.push((&file_name, layer));
    }
    for (name, layer) in &overrides.layers {
        layers.push((name, layer));
    }
    let (mut config, value_problems) = Config::from_layers(layers);
    problems.extend(value_problems);
    // The overrides come after the file, and an empty corpus is refused, so the last
    // override that names one is where the corpus in force comes from.
    config.corpus_named_by_user = overrides
        .layers
        .iter()
        .rev()
        .find(|(_, layer)| {
            layer
                .corpus
                .as_ref()
                .is_some_and(|corpus| !corpus.is_empty())
        })
        .map(|(name, _)| name.clone());
    (config, problems)
}

/// Progress of indexing, for a progress bar or `$/progress`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexProgress {
    Reading { done: usize, total: usize },
    Extracting { files: usize },
}

/// Discovers, reads and indexes the corpus, reusing what the index cache holds for
/// unchanged files when `config.cache` is on. The cache is read while the corpus is, and
/// is not written here: callers write it (`cache::save`) once they have shown the index,
/// when [`CacheReport::needs_save`] says so.
pub fn index_corpus_cached(
    root: &Path,
    config: &Config,
    on_progress: &(dyn Fn(IndexProgress) + Sync),
) -> (CorpusIndex, Vec<LoadProblem>, CacheReport) {
    let path = if config.cache {
        cache::cache_path(root, config)
    } else {
        None
    };
    let started = std::time::Instant::now();
    let opened = path.as_deref().map(cache::open);
    tracing::info!("opened the cache in {} ms", started.elapsed().as_millis());
    let known = opened.as_ref().and_then(|opened| opened.as_ref().ok());
    // The merged indexes are decoded while the corpus is looked at: unchanged files are
    // only `stat`ed, the others read.
    let ((files, problems), merged) = rayon::join(
        || {
            let (paths, mut problems) = discover_corpus(root, config);
            tracing::info!(
                "found {} corpus files in {} ms",
                paths.len(),
                started.elapsed().as_millis()
            );
            let (files, load_problems) = cache::read_corpus(
                root,
                &paths,
                config.max_file_bytes,
                known,
                &|done, total| on_progress(IndexProgress::Reading { done, total }),
            );
            problems.extend(load_problems);
            tracing::info!("read the corpus in {} ms", started.elapsed().as_millis());
            (files, problems)
        },
        || {
            let merged = known.map(cache::Opened::decode_merged);
            tracing::info!("decoded the cache in {} ms", started.elapsed().as_millis());
            merged
        },
    );
    on_progress(IndexProgress::Extracting { files: files.len() });
    let n_files = files.len();
    let stored = match (opened, merged) {
        (Some(Ok(opened)), Some(Ok(merged))) => Some(Ok(opened.decoded(merged))),
        (Some(Err(refused)), _) | (Some(Ok(_)), Some(Err(refused))) => Some(Err(refused)),
        (None, _) | (Some(Ok(_)), None) => None,
    };
    let status = match (&stored, config.cache) {
        (_, false) => CacheStatus::Off,
        (None, true) => CacheStatus::NoFolder,
        (Some(Ok(_)), true) => CacheStatus::Loaded,
        (Some(Err(Refused::Missing)), true) => CacheStatus::NotUsed("no cache yet".into()),
        (Some(Err(refused)), true) => {
            tracing::warn!("index cache not used: {refused}; rebuilding it");
            CacheStatus::NotUsed(format!("{refused}; rebuilt"))
        }
    };
    let (index, reuse) =
        build_index_from(files, config.actors.clone(), stored.and_then(Result::ok));
    let report = CacheReport {
        status,
        path,
        n_files,
        reused: reuse.reused,
        extracted: reuse.extracted,
        merge_reused: reuse.merge_reused,
    };
    tracing::info!("{report}");
    (index, problems, report)
}

/// A warm start's first index and what its check needs (see [`open_cached_index`]).
pub struct CachedStart {
    /// The index the cache holds, as if no corpus file had changed since it was written.
    pub index: CorpusIndex,
    /// The cache's table, kept for [`check_cached_index`].
    pub pending: PendingCheck,
}

/// A cache opened for a warm start, waiting for the corpus files to be checked against it.
pub struct PendingCheck {
    opened: cache::Opened,
    path: PathBuf,
}

impl PendingCheck {
    /// How many files the cache lists.
    pub fn n_files(&self) -> usize {
        self.opened.n_files()
    }
}

/// The index the workspace's cache holds, assembled without looking at any corpus file:
/// for the language server, which answers from it at once while [`check_cached_index`]
/// looks at the files. `None` when the cache is off, missing, refused (another build,
/// damaged) or built with other curated actors: the caller then indexes with
/// [`index_corpus_cached`], which says why the cache was not used. The CLI answers once,
/// so it never takes this path.
pub fn open_cached_index(root: &Path, config: &Config) -> Option<CachedStart> {
    if !config.cache {
        return None;
    }
    let path = cache::cache_path(root, config)?;
    let started = std::time::Instant::now();
    let opened = cache::open(&path).ok()?;
    // Checked before the costly decode: other curated actors make other merged indexes.
    if !opened.curated_matches(&config.actors) {
        return None;
    }
    let index = match opened.cached_index(root, config.actors.clone()) {
        Ok(index) => index,
        Err(refused) => {
            tracing::info!("no warm start: {refused}");
            return None;
        }
    };
    tracing::info!(
        "opened and assembled the cache in {} ms",
        started.elapsed().as_millis()
    );
    Some(CachedStart {
        index,
        pending: PendingCheck { opened, path },
    })
}

/// What [`check_cached_index`] found.
pub struct Checked {
    /// The index of the corpus files as they are, when they differ from the cache's;
    /// `None` when the index assembled from the cache is already that index.
    pub index: Option<CorpusIndex>,
    pub changes: Changes,
    /// Problems met finding and reading the files, as [`index_corpus_cached`] reports them.
    pub problems: Vec<LoadProblem>,
    pub report: CacheReport,
}

/// Checks the corpus files against the cache a warm start was assembled from: they are
/// found again, each one `stat`ed against the cache's table (and read when its size or
/// time differ). When a file changed, appeared or went away, the index is built again from
/// the files with the stored extractions of the unchanged ones and one merge: the index
/// [`index_corpus_cached`] gives. The merged indexes are not decoded a second time.
pub fn check_cached_index(
    root: &Path,
    config: &Config,
    pending: PendingCheck,
    on_progress: &(dyn Fn(IndexProgress) + Sync),
) -> Checked {
    let started = std::time::Instant::now();
    let PendingCheck { opened, path } = pending;
    let (paths, mut problems) = discover_corpus(root, config);
    let (files, load_problems) = cache::read_corpus(
        root,
        &paths,
        config.max_file_bytes,
        Some(&opened),
        &|done, total| on_progress(IndexProgress::Reading { done, total }),
    );
    problems.extend(load_problems);
    let changes = cache::changes(&opened, &files);
    tracing::info!(
        "checked {} corpus files against the cache in {} ms: {changes}",
        files.len(),
        started.elapsed().as_millis()
    );
    let n_files = files.len();
    let mut report = CacheReport {
        status: CacheStatus::Loaded,
        path: Some(path),
        n_files,
        reused: n_files,
        extracted: 0,
        merge_reused: true,
    };
    if changes.is_empty() {
        return Checked {
            index: None,
            changes,
            problems,
            report,
        };
    }
    on_progress(IndexProgress::Extracting { files: n_files });
    let (index, reuse) = build_index_from(files, config.actors.clone(), Some(opened.into_stored()));
    report.reused = reuse.reused;
    report.extracted = reuse.extracted;
    report.merge_reused = reuse.merge_reused;
    tracing::info!("{report}");
    Checked {
        index: Some(index),
        changes,
        problems,
        report,
    }
}
