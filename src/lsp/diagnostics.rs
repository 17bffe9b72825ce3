//! Diagnostics publishing: one open brief's diagnostics computed on the blocking pool over
//! a snapshot and sent unless a newer version of the brief came meanwhile; every open
//! brief's again after an index change. Both a brief's edits (`didOpen`, `didChange`) and
//! the indexer come here.

use std::sync::{Arc, Mutex};

use tower_lsp::lsp_types::*;
use tower_lsp::Client;

use super::blocking::internal_error;
use super::proto;
use super::state::State;
use crate::analysis::ide;
use crate::sync::lock;

/// Re-publishes the diagnostics of every open brief (after an index change).
pub(super) async fn publish_all(client: &Client, state: &Arc<Mutex<State>>) {
    let uris: Vec<Url> = lock(state).open.keys().cloned().collect();
    for uri in uris {
        publish_diagnostics(client, state, uri).await;
    }
}

/// Computes and publishes the diagnostics of one open brief.
pub(super) async fn publish_diagnostics(client: &Client, state: &Arc<Mutex<State>>, uri: Url) {
    let (source, snapshot) = {
        let state = lock(state);
        (state.brief_source(&uri), state.snapshot())
    };
    let Some(source) = source.filter(|s| s.version.is_some()) else {
        return;
    };
    let version = source.version;
    // A newer version of the brief makes this work useless: stop it then.
    let mut snapshot = snapshot;
    if let Some(superseded) = &source.superseded {
        snapshot.cancelled = superseded.clone();
    }
    let work = tokio::task::spawn_blocking(move || {
        let file = source.file();
        let found = ide::diagnostics(snapshot.context(), &file);
        found
            .iter()
            .map(|d| {
                proto::to_diagnostic(
                    &snapshot.corpus,
                    &snapshot.doc_uris,
                    &file,
                    d,
                    snapshot.unit,
                )
            })
            .collect::<Vec<Diagnostic>>()
    });
    match work.await {
        Ok(diagnostics) => {
            let current = lock(state).open.get(&uri).map(|o| o.version);
            // A newer version will publish its own diagnostics.
            if current == version {
                client.publish_diagnostics(uri, diagnostics, version).await;
            }
        }
        Err(err) => {
            let error = internal_error("diagnostics", err);
            client
                .log_message(MessageType::ERROR, error.message.to_string())
                .await;
        }
    }
}
