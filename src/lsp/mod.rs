//! The language server: tower-lsp over stdio.
//!
//! - `server`: the `LanguageServer` implementation (lifecycle, document sync, requests).
//! - `indexer`: the one task that changes the corpus (initial index, watched files,
//!   configuration), so corpus changes apply in order and off the request path.
//! - `progress`: what the indexer tells the client (`$/progress`, `dossier/status`, load
//!   problems).
//! - `state`: mutable state behind a short-held mutex, and snapshots for handlers.
//! - `proto`: every conversion between LSP types and the core's offsets.
//! - `watchers`: the file watcher registration and its globs.

mod indexer;
mod memory;
mod progress;
pub mod proto;
mod server;
mod state;
mod transport;
mod watchers;

use tower_lsp::{LspService, Server};

pub use server::DossierServer;

/// Serves LSP on stdin/stdout until the client says `exit` or closes the stream.
pub async fn serve_stdio() {
    // stdin passes through the sanitizer (see `transport`) on its way to tower-lsp.
    let (sanitized_writer, sanitized_reader) = tokio::io::duplex(1 << 16);
    tokio::spawn(transport::sanitize(tokio::io::stdin(), sanitized_writer));
    let stdout = tokio::io::stdout();
    let (service, socket) = LspService::build(DossierServer::new)
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
    Server::new(sanitized_reader, stdout, socket)
        .serve(service)
        .await;
}
