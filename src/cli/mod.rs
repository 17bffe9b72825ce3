//! The command line: `dossier check` and `dossier index`.
//!
//! Exit codes (SPEC §2): 0 nothing at warning level or above, 1 such findings, 2 a usage,
//! configuration or I/O error. Errors are one line on stderr, never a backtrace.

mod check;
mod index;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

pub use check::{run_check, CheckArgs, OutputFormat};
pub use index::{run_index, IndexArgs};

use crate::analysis::CorpusIndex;
use crate::cache::{self, CacheReport, CacheStatus};
use crate::config::{Config, ConfigLayer, OneOrMany};
use crate::project::{index_corpus_cached, load_config, IndexProgress, Overrides};

/// Flags every command takes.
#[derive(Debug, Clone, Default)]
pub struct CommonArgs {
    pub root: Option<PathBuf>,
    /// Replaces the configured corpus when not empty.
    pub corpus: Vec<String>,
    pub config: Option<PathBuf>,
    /// `--no-cache`: neither read nor write the index cache.
    pub no_cache: bool,
}

pub const EXIT_OK: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

/// A workspace opened for the CLI, with whatever went wrong on the way.
struct Opened {
    root: PathBuf,
    config: Config,
    corpus: CorpusIndex,
    cache: CacheReport,
    /// Set when the configuration was bad: the run still completes, but exits 2.
    config_failed: bool,
}

fn open(common: &CommonArgs) -> Result<Opened, String> {
    let cwd = std::env::current_dir()
        .map_err(|e| format!("error: cannot read the current directory: {e}"))?;
    let root = match &common.root {
        Some(root) => cwd.join(root),
        None => cwd,
    };
    if !root.is_dir() {
        return Err(format!(
            "error: workspace `{}` is not a folder; pass an existing folder to --root",
            root.display()
        ));
    }
    let root = root.canonicalize().unwrap_or(root);
    let mut overrides = Overrides::default();
    if !common.corpus.is_empty() {
        let layer = ConfigLayer {
            corpus: Some(OneOrMany::Many(common.corpus.clone())),
            ..ConfigLayer::default()
        };
        overrides.layers.push(("--corpus".into(), layer));
    }
    if common.no_cache {
        let layer = ConfigLayer {
            cache: Some(false),
            ..ConfigLayer::default()
        };
        overrides.layers.push(("--no-cache".into(), layer));
    }
    let (config, config_problems) = load_config(&root, common.config.as_deref(), &overrides);
    for problem in &config_problems {
        eprintln!("error: {problem}");
    }
    let show_progress = std::io::stderr().is_terminal();
    let (corpus, load_problems, cache) = index_corpus_cached(&root, &config, &|progress| {
        if show_progress {
            print_progress(progress);
        }
    });
    if show_progress {
        eprint!("\r\x1b[K");
    }
    for problem in &load_problems {
        eprintln!("warning: {problem}");
    }
    Ok(Opened {
        root,
        config,
        corpus,
        cache,
        config_failed: !config_problems.is_empty(),
    })
}

impl Opened {
    /// Writes the index cache when this run extracted or merged anything; after the
    /// output, so the cache never delays it. A failure is a warning: the run succeeded.
    fn save_cache(&self) {
        let Some(path) = self
            .cache
            .path
            .as_deref()
            .filter(|_| self.cache.needs_save())
        else {
            return;
        };
        if let Err(err) = cache::save(path, &self.corpus) {
            eprintln!(
                "warning: cannot write the index cache {}: {err}; the next run indexes from scratch (set XDG_CACHE_HOME to a writable folder, or pass --no-cache)",
                path.display()
            );
        }
    }

    /// Whether the cache was refused (damaged, another version): worth a line even where
    /// the cache outcome is not normally printed.
    fn cache_was_refused(&self) -> bool {
        matches!(&self.cache.status, CacheStatus::NotUsed(reason) if reason != "no cache yet")
    }
}

fn print_progress(progress: IndexProgress) {
    let line = match progress {
        IndexProgress::Reading { done, total } if done % 256 == 0 || done == total => {
            format!("reading {done}/{total} files")
        }
        IndexProgress::Reading { .. } => return,
        IndexProgress::Extracting { files } => format!("indexing {files} files"),
    };
    let mut stderr = std::io::stderr().lock();
    let _ = write!(stderr, "\r\x1b[Kdossier: {line}");
    let _ = stderr.flush();
}

/// Writes to stdout; a closed pipe (`dossier index | head`) ends the output quietly
/// instead of panicking the way `print!` does.
fn write_stdout(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}

/// A path for display: relative to `base` when inside it.
fn display_path(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}
