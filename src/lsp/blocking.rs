//! Blocking work and its cancellation: every request's CPU work runs on tokio's blocking
//! pool over a snapshot, stops when its request is cancelled, and a panic there becomes a
//! JSON-RPC internal error instead of taking the server down.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use tower_lsp::jsonrpc::{Error, ErrorCode, Result};

use super::state::Snapshot;

/// Runs one request's CPU work on the blocking pool, so that it can be cancelled.
///
/// tower-lsp answers `$/cancelRequest` itself (RequestCancelled, -32800) by dropping the
/// handler's future, but work already handed to the blocking pool would run to its end and
/// hold a thread that the next requests wait for. The guard below lives in the handler's
/// future: when that future is dropped it sets the snapshot's flag, which the work checks
/// before it starts and in its long loops (`Context::is_cancelled`). Every request handler
/// goes through here.
pub(super) async fn blocking<R: Send + 'static>(
    method: &'static str,
    snapshot: Snapshot,
    work: impl FnOnce(&Snapshot) -> R + Send + 'static,
) -> Result<R> {
    let _cancel_on_drop = CancelOnDrop(snapshot.cancelled.clone());
    let joined =
        tokio::task::spawn_blocking(move || (!snapshot.is_cancelled()).then(|| work(&snapshot)))
            .await;
    match joined {
        Ok(Some(answer)) => Ok(answer),
        // Only reachable once the request was dropped: tower-lsp has answered already.
        Ok(None) => Err(Error::request_cancelled()),
        Err(err) => Err(internal_error(method, err)),
    }
}

/// Sets a request's cancellation flag when the handler's future ends, answered or dropped
/// (once answered, nothing reads the flag any more).
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// The JSON-RPC error for work on the blocking pool that panicked or was aborted, logged.
pub(super) fn internal_error(method: &str, err: tokio::task::JoinError) -> Error {
    let reason = match err.try_into_panic() {
        Ok(panic) => panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string()),
        Err(err) => err.to_string(),
    };
    tracing::error!("{method} failed: {reason}");
    Error {
        code: ErrorCode::InternalError,
        message: format!("dossier: internal error in {method}: {reason}").into(),
        data: None,
    }
}
