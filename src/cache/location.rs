//! Where a workspace's cache lives: one file per workspace and corpus selection, under the
//! user's cache folder (`$DOSSIER_CACHE_DIR`, else `$XDG_CACHE_HOME/dossier`, else
//! `~/.cache/dossier`), never in the workspace.

use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::xxh3_64;

use crate::config::Config;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_paths_differ_by_workspace_and_corpus_selection() {
        let config = Config::default();
        let narrowed = Config {
            corpus: vec!["seeds".into()],
            ..Config::default()
        };
        let a = cache_path(Path::new("/nonexistent/a"), &config);
        let b = cache_path(Path::new("/nonexistent/b"), &config);
        let a_narrowed = cache_path(Path::new("/nonexistent/a"), &narrowed);
        if let (Some(a), Some(b), Some(a_narrowed)) = (a, b, a_narrowed) {
            assert_ne!(a, b);
            assert_ne!(a, a_narrowed);
            assert!(a.ends_with(CACHE_FILE_NAME));
        }
    }
}
