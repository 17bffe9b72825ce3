//! The language server: tower-lsp over stdio.
//!
//! - `server`: the `LanguageServer` implementation (lifecycle, document sync, requests).
//! - `indexer`: the one task that changes the corpus (initial index, watched files,
//!   configuration), so corpus changes apply in order and off the request path.
//! - `state`: mutable state behind a short-held mutex, and snapshots for handlers.
//! - `proto`: every conversion between LSP types and the core's offsets.

mod indexer;
pub mod proto;
mod server;
mod state;

use tower_lsp::{LspService, Server};

pub use server::DossierServer;

/// Serves LSP on stdin/stdout until the client says `exit` or closes the stream.
pub async fn serve_stdio() {
    let stdin = tokio::io::stdin();
    let stdout = tokio::io::stdout();
    let (service, socket) = LspService::build(DossierServer::new)
        .custom_method("dossier/indexStatus", DossierServer::index_status)
        .finish();
    Server::new(stdin, stdout, socket).serve(service).await;
}
