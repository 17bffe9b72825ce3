//! The language server: tower-lsp over stdio.
//!
//! - `server`: the `LanguageServer` implementation (lifecycle, document sync, requests).
//! - `blocking`: every request's work on the blocking pool, its cancellation, and a panic
//!   there made a JSON-RPC error.
//! - `diagnostics`: computing and publishing an open brief's diagnostics (after its edits,
//!   and for every open brief after an index change).
//! - `indexer`: the one task that changes the corpus (initial index, watched files,
//!   configuration), so corpus changes apply in order and off the request path.
//! - `settings`: client settings, pushed (`didChangeConfiguration`) or pulled
//!   (`workspace/configuration`).
//! - `progress`: what the indexer tells the client (`$/progress`, `dossier/status`, load
//!   problems).
//! - `state`: mutable state behind a short-held mutex, and snapshots for handlers.
//! - `proto`: every conversion between LSP types and the core's offsets.
//! - `watchers`: the file watcher registration and its globs.

mod blocking;
mod capabilities;
mod diagnostics;
mod indexer;
mod memory;
mod progress;
pub mod proto;
mod server;
mod settings;
mod state;
mod transport;
mod watchers;

use std::sync::atomic::Ordering;
use std::sync::Arc;

use tower_lsp::{LspService, Server};

use crate::cache::Saver;

pub use server::{DossierServer, Session};

/// How a language server session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionEnd {
    /// `shutdown`, then `exit` (or the end of input), or input that ended before any
    /// session began: exit status 0.
    ShutDown,
    /// Input ended or `exit` came without a `shutdown` first (the client died, the pipe
    /// broke, the transport failed): LSP says exit status 1, so that a supervisor sees it.
    WithoutShutdown,
}

/// Serves LSP on stdin/stdout until the client says `exit` or closes the stream.
pub async fn serve_stdio() -> SessionEnd {
    // stdin passes through the sanitizer (see `transport`) on its way to tower-lsp.
    let (sanitized_writer, sanitized_reader) = tokio::io::duplex(1 << 16);
    let guard = tokio::spawn(transport::sanitize(tokio::io::stdin(), sanitized_writer));
    // stdout through `transport::restore_null_ids`, which gives answers to the guard's
    // stand-ins for id-less messages their `null` id.
    let (server_output, restorer_input) = tokio::io::duplex(1 << 16);
    let restorer = tokio::spawn(transport::restore_null_ids(
        restorer_input,
        tokio::io::stdout(),
    ));
    let saver = Arc::new(Saver::default());
    let server_saver = saver.clone();
    let session = Arc::new(Session::default());
    let server_session = session.clone();
    let (service, socket) = LspService::build(move |client| {
        DossierServer::new(client, server_saver.clone(), server_session.clone())
    })
    .custom_method("dossier/indexStatus", DossierServer::index_status)
    .custom_method("dossier/debugPanic", DossierServer::debug_panic)
    .custom_method(
        "dossier/debugWaitForCancel",
        DossierServer::debug_wait_for_cancel,
    )
    .custom_method(
        "dossier/debugCancelledWork",
        DossierServer::debug_cancelled_work,
    )
    .custom_method(
        "dossier/debugDocumentText",
        DossierServer::debug_document_text,
    )
    .custom_method(
        transport::INVALID_MESSAGE_METHOD,
        DossierServer::invalid_message,
    )
    .finish();
    Server::new(sanitized_reader, server_output, socket)
        .serve(service)
        .await;
    // The server's output ended with it: what the restorer still holds goes out first (the
    // bound only guards against a writer that never closes).
    if tokio::time::timeout(OUTPUT_FLUSH_AT_EXIT, restorer)
        .await
        .is_err()
    {
        tracing::warn!("the last answers may not have been written before exit");
    }
    // A cache being written when the client leaves is finished first (a cold index of a
    // large corpus would otherwise be lost, and done again at the next start), within a
    // bound: a client that waits for the process to end waits at most this long.
    let finished = tokio::task::spawn_blocking(move || saver.wait_idle_for(CACHE_WRITE_AT_EXIT))
        .await
        .unwrap_or(false);
    if !finished {
        tracing::warn!("exited before the index cache was written; the next start rebuilds it");
    }
    // The guard ends with the input; a panic there is a failed session even after
    // `shutdown`.
    if guard.is_finished() {
        if let Err(err) = guard.await {
            tracing::error!("the input guard failed: {err}");
            return SessionEnd::WithoutShutdown;
        }
    }
    if session.shut_down.load(Ordering::SeqCst) || !session.began.load(Ordering::SeqCst) {
        SessionEnd::ShutDown
    } else {
        SessionEnd::WithoutShutdown
    }
}

/// How long the server waits at exit for its last answers to be written.
const OUTPUT_FLUSH_AT_EXIT: std::time::Duration = std::time::Duration::from_secs(5);

/// How long the server stays after `exit` to finish writing the index cache.
const CACHE_WRITE_AT_EXIT: std::time::Duration = std::time::Duration::from_secs(120);
