//! dossier: a language server for analysts who write markdown briefs against a corpus of
//! news articles.
//!
//! - [`analysis`]: the core (corpus model, extraction, indexes, features); no IO.
//! - [`workspace`], [`config`], [`project`]: finding, reading and configuring a workspace.
//! - [`sources`]: corpus files by kind (text, saved web pages, PDF) made into text.
//! - [`cache`]: the persistent index cache (unchanged files are not extracted again).
//! - [`lsp`]: the language server (tower-lsp).
//! - [`cli`]: `dossier check` and `dossier index`.

pub use dossier_analysis as analysis;
pub mod cache;
pub mod cli;
pub mod config;
pub mod lsp;
pub mod project;
pub mod sources;
mod sync;
pub mod workspace;
