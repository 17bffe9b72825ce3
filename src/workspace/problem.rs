//! Why a file was skipped or altered while loading: every [`LoadProblem`] the edge reports
//! instead of giving up on a bad file, with a message a user can act on.

use std::path::PathBuf;

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
