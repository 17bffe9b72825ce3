//! What the indexer tells the client while it works: `$/progress` (begin, reports, end),
//! the `dossier/status` notification for status bars, and the problems met reading the
//! configuration and loading files.

use std::path::Path;

use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;
use tower_lsp::lsp_types::notification::{Notification, Progress};
use tower_lsp::lsp_types::request::WorkDoneProgressCreate;
use tower_lsp::lsp_types::*;
use tower_lsp::Client;

use crate::project::IndexProgress;
use crate::workspace::LoadProblem;

/// `dossier/status`: a custom notification for status bars.
#[derive(Debug, Serialize, Deserialize)]
pub struct StatusParams {
    pub state: String,
    pub documents: usize,
    pub message: String,
}

pub enum StatusNotification {}

impl Notification for StatusNotification {
    type Params = StatusParams;
    const METHOD: &'static str = "dossier/status";
}

/// Progress reporting through `$/progress`, when the client supports it.
pub struct ProgressReporter {
    client: Client,
    token: Option<NumberOrString>,
}

impl ProgressReporter {
    pub async fn begin(client: &Client, enabled: bool, title: &str) -> ProgressReporter {
        let mut token = None;
        if enabled {
            let candidate = NumberOrString::String(format!("dossier-index-{}", std::process::id()));
            let created = client
                .send_request::<WorkDoneProgressCreate>(WorkDoneProgressCreateParams {
                    token: candidate.clone(),
                })
                .await;
            if created.is_ok() {
                token = Some(candidate);
            }
        }
        let reporter = ProgressReporter {
            client: client.clone(),
            token,
        };
        reporter
            .send(WorkDoneProgress::Begin(WorkDoneProgressBegin {
                title: title.into(),
                cancellable: Some(false),
                message: None,
                percentage: Some(0),
            }))
            .await;
        reporter
    }

    pub async fn report(&self, message: String, percentage: u32) {
        self.send(WorkDoneProgress::Report(WorkDoneProgressReport {
            cancellable: None,
            message: Some(message),
            percentage: Some(percentage),
        }))
        .await;
    }

    pub async fn end(&self, message: String) {
        self.send(WorkDoneProgress::End(WorkDoneProgressEnd {
            message: Some(message),
        }))
        .await;
    }

    async fn send(&self, value: WorkDoneProgress) {
        if let Some(token) = &self.token {
            let params = ProgressParams {
                token: token.clone(),
                value: ProgressParamsValue::WorkDone(value),
            };
            self.client.send_notification::<Progress>(params).await;
        }
    }
}

pub async fn report_load_problems(client: &Client, problems: &[LoadProblem]) {
    for problem in problems {
        let kind = if problem.is_warning_only() {
            MessageType::INFO
        } else {
            MessageType::WARNING
        };
        client
            .log_message(kind, format!("dossier: {problem}"))
            .await;
    }
    let skipped = problems.iter().filter(|p| !p.is_warning_only()).count();
    if skipped > 0 {
        let first = problems
            .iter()
            .find(|p| !p.is_warning_only())
            .map(ToString::to_string)
            .unwrap_or_default();
        let more = if skipped > 1 {
            format!(" (and {} more; see the output log)", skipped - 1)
        } else {
            String::new()
        };
        client
            .show_message(MessageType::WARNING, format!("dossier: {first}{more}"))
            .await;
    }
}

/// Forwards indexing steps from the blocking work to `$/progress` until the work drops its
/// sender. With `from_cache`, the server is already answering from the index the cache
/// holds, and the messages say so.
pub async fn forward_progress(
    progress: &ProgressReporter,
    mut receiver: mpsc::UnboundedReceiver<IndexProgress>,
    from_cache: bool,
) {
    let mut last_percent = 0;
    while let Some(step) = receiver.recv().await {
        let (message, percent) = match (step, from_cache) {
            (IndexProgress::Reading { done, total }, false) => (
                format!("reading {done}/{total} files"),
                (done * 80 / total.max(1)) as u32,
            ),
            (IndexProgress::Reading { done, total }, true) => (
                format!("answering from the cache; checking {done}/{total} files"),
                (done * 80 / total.max(1)) as u32,
            ),
            (IndexProgress::Extracting { files }, false) => {
                (format!("extracting {files} documents"), 80)
            }
            (IndexProgress::Extracting { files }, true) => (
                format!("answering from the cache; files changed, indexing {files} documents"),
                80,
            ),
        };
        if percent >= last_percent + 5 || matches!(step, IndexProgress::Extracting { .. }) {
            last_percent = percent;
            progress.report(message, percent).await;
        }
    }
}

/// A bad configuration: a message to the user and a diagnostic on the file.
pub async fn report_config(client: &Client, config_path: &Path, config_problems: &[String]) {
    let Ok(uri) = Url::from_file_path(config_path) else {
        return;
    };
    // Also clears an earlier report once the file is fixed; a missing file has nothing.
    if !config_path.exists() && config_problems.is_empty() {
        return;
    }
    let diagnostics = config_problems
        .iter()
        .map(|problem| Diagnostic {
            range: Range::default(),
            severity: Some(DiagnosticSeverity::ERROR),
            source: Some("dossier".into()),
            code: Some(NumberOrString::String("bad-config".into())),
            message: problem.clone(),
            ..Diagnostic::default()
        })
        .collect();
    client.publish_diagnostics(uri, diagnostics, None).await;
    for problem in config_problems {
        client
            .show_message(MessageType::ERROR, format!("dossier: {problem}"))
            .await;
    }
}
