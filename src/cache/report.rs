//! What the cache did for one index, as the CLI prints it and the server logs it.

use std::path::PathBuf;

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
