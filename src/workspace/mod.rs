//! The file-system edge: finding the corpus and the briefs of a workspace and reading
//! them into text for the analysis core.
//!
//! Discovery uses `ignore` (honours .gitignore, skips hidden folders) and `globset`.
//! Nothing here gives up on a bad file: it is skipped or decoded lossily, and the reason
//! is returned as a [`LoadProblem`] for the caller to report.
//!
//! `problem.rs`: what can go wrong with a file; `paths.rs`: the path rules (what a corpus
//! entry names, the outside-workspace rule, whether a path is corpus, a document's path);
//! `discover.rs`: the walk that finds corpus files and briefs; `read.rs`: corpus files read
//! into text; `brief.rs`: a brief read with its offsets kept.

mod brief;
mod discover;
mod paths;
mod problem;
mod read;

pub use brief::{read_brief, BriefText};
pub use discover::{brief_glob_problems, discover_briefs, discover_corpus};
pub use paths::{is_corpus_path, rel_path, relative};
pub use problem::LoadProblem;
pub use read::{load_source, load_sources, load_stamped, modified_ns};

#[cfg(test)]
mod tests;
