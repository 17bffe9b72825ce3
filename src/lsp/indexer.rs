//! The indexer task: the only writer of the corpus. It takes jobs in order (start-up,
//! configuration changes, watched-file changes), does the work on the blocking pool,
//! swaps in the new index and re-publishes the diagnostics of open briefs.
//!
//! Requests never wait for it: they keep answering from the previous snapshot.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::sync::mpsc;
use tower_lsp::lsp_types::notification::{Notification, Progress};
use tower_lsp::lsp_types::request::WorkDoneProgressCreate;
use tower_lsp::lsp_types::*;
use tower_lsp::Client;

use super::proto;
use super::server::{lock, pushed_settings};
use super::state::State;
use crate::analysis::ide::{self, BriefFile};
use crate::analysis::CorpusIndex;
use crate::cache::{self, CacheReport, CacheStatus, Saver};
use crate::config::{Config, ConfigLayer, CONFIG_FILE_NAME};
use crate::project::{index_corpus_cached, load_config, IndexProgress, Overrides};
use crate::workspace::{discover_briefs, is_corpus_path, load_source, LoadProblem};

#[derive(Debug)]
pub enum Job {
    /// After `initialized`: pull configuration, watch files, index everything.
    Initialize,
    /// `didChangeConfiguration`, with the pushed settings (may be null).
    Reconfigure(Value),
    Files(Vec<FileEvent>),
}

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

pub async fn run(client: Client, state: Arc<Mutex<State>>, mut jobs: mpsc::UnboundedReceiver<Job>) {
    // Writes the index cache on its own thread after each index change.
    let saver = Arc::new(Saver::default());
    while let Some(first) = jobs.recv().await {
        // Coalesce what queued up meanwhile: one full re-index covers everything.
        let mut batch = vec![first];
        while let Ok(more) = jobs.try_recv() {
            batch.push(more);
        }
        let mut full = false;
        let mut register_after_index = false;
        let mut pushed = None;
        let mut files = Vec::new();
        for job in batch {
            match job {
                Job::Initialize => {
                    full = true;
                    register_after_index = true;
                }
                Job::Reconfigure(settings) => {
                    pushed = pushed_settings(settings).or(pushed);
                    full = true;
                }
                Job::Files(events) => files.extend(events),
            }
        }
        if let Some(settings) = pushed {
            apply_pushed_settings(&client, &state, settings).await;
        } else if full && lock(&state).support.configuration_pull {
            pull_configuration(&client, &state).await;
        }
        let touches_config = files
            .iter()
            .any(|e| e.uri.path().ends_with(CONFIG_FILE_NAME));
        if full || touches_config {
            reindex_all(&client, &state, &saver).await;
            // Registered once the configuration is known, so the globs follow `corpus`.
            if register_after_index {
                register_watchers(&client, &state).await;
            }
        } else if !files.is_empty() {
            reindex_files(&client, &state, files, &saver).await;
        }
    }
}

async fn pull_configuration(client: &Client, state: &Arc<Mutex<State>>) {
    if !lock(state).support.configuration_pull {
        return;
    }
    let item = ConfigurationItem {
        scope_uri: None,
        section: Some("dossier".into()),
    };
    let Ok(mut values) = client.configuration(vec![item]).await else {
        return;
    };
    if let Some(value) = values.pop() {
        apply_pushed_settings(client, state, value).await;
    }
}

async fn apply_pushed_settings(client: &Client, state: &Arc<Mutex<State>>, value: Value) {
    match ConfigLayer::from_json(value, "workspace/configuration") {
        Ok(layer) => lock(state).workspace_layer = layer,
        Err(err) => {
            client
                .show_message(MessageType::WARNING, format!("dossier: {err}"))
                .await
        }
    }
}

async fn register_watchers(client: &Client, state: &Arc<Mutex<State>>) {
    let corpus = {
        let state = lock(state);
        if !state.support.watched_files_dynamic {
            return;
        }
        state.config.corpus.clone()
    };
    let watchers = watch_globs(&corpus)
        .into_iter()
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob),
            kind: None,
        })
        .collect();
    let options = DidChangeWatchedFilesRegistrationOptions { watchers };
    let registration = Registration {
        id: "dossier-watched-files".into(),
        method: "workspace/didChangeWatchedFiles".into(),
        register_options: serde_json::to_value(options).ok(),
    };
    if let Err(err) = client.register_capability(vec![registration]).await {
        client
            .log_message(
                MessageType::WARNING,
                format!(
                    "dossier: could not watch corpus files ({err}); changes on disk need a restart"
                ),
            )
            .await;
    }
}

/// Globs for the client's file watcher: the corpus entries (made to match anywhere, as
/// clients match string globs against absolute paths), briefs and the config file. Which
/// changed file is corpus is decided again on our side, so broad globs are harmless.
fn watch_globs(corpus: &[String]) -> Vec<String> {
    let mut globs: Vec<String> = corpus
        .iter()
        .map(|entry| {
            let entry = entry.trim_start_matches("./").trim_end_matches('/');
            let is_glob = entry.contains(['*', '?', '[', '{']);
            match (entry.starts_with("**"), is_glob) {
                (true, _) => entry.to_string(),
                (false, true) => format!("**/{entry}"),
                // A folder or a file: the name itself and anything below it.
                (false, false) => format!("**/{entry}{{,/**}}"),
            }
        })
        .collect();
    globs.extend(["**/*.md".to_string(), format!("**/{CONFIG_FILE_NAME}")]);
    globs.dedup();
    globs
}

/// Progress reporting through `$/progress`, when the client supports it.
struct ProgressReporter {
    client: Client,
    token: Option<NumberOrString>,
}

impl ProgressReporter {
    async fn begin(client: &Client, enabled: bool, title: &str) -> ProgressReporter {
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

    async fn report(&self, message: String, percentage: u32) {
        self.send(WorkDoneProgress::Report(WorkDoneProgressReport {
            cancellable: None,
            message: Some(message),
            percentage: Some(percentage),
        }))
        .await;
    }

    async fn end(&self, message: String) {
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

struct Indexed {
    config: Config,
    config_problems: Vec<String>,
    config_path: PathBuf,
    corpus: CorpusIndex,
    load_problems: Vec<LoadProblem>,
    briefs: Vec<(Url, Arc<BriefFile>)>,
    cache: CacheReport,
}

async fn reindex_all(client: &Client, state: &Arc<Mutex<State>>, saver: &Arc<Saver>) {
    let (root, overrides, progress_enabled) = {
        let mut state = lock(state);
        state.index_ready = false;
        let overrides = Overrides {
            layers: vec![
                (
                    "initializationOptions".to_string(),
                    state.init_layer.clone(),
                ),
                (
                    "workspace/configuration".to_string(),
                    state.workspace_layer.clone(),
                ),
            ],
        };
        (
            state.root.clone(),
            overrides,
            state.support.work_done_progress,
        )
    };
    client
        .send_notification::<StatusNotification>(StatusParams {
            state: "indexing".into(),
            documents: 0,
            message: "dossier: indexing…".into(),
        })
        .await;
    let progress = ProgressReporter::begin(client, progress_enabled, "dossier: indexing").await;
    let (sender, mut receiver) = mpsc::unbounded_channel::<IndexProgress>();
    let work =
        tokio::task::spawn_blocking(move || index_workspace(root.as_deref(), &overrides, &sender));
    // Forward progress while the blocking work runs; the channel closes when it ends.
    let mut last_percent = 0;
    while let Some(step) = receiver.recv().await {
        let (message, percent) = match step {
            IndexProgress::Reading { done, total } => (
                format!("reading {done}/{total} files"),
                (done * 80 / total.max(1)) as u32,
            ),
            IndexProgress::Extracting { files } => (format!("extracting {files} documents"), 80),
        };
        if percent >= last_percent + 5 || matches!(step, IndexProgress::Extracting { .. }) {
            last_percent = percent;
            progress.report(message, percent).await;
        }
    }
    let indexed = match work.await {
        Ok(indexed) => indexed,
        Err(err) => {
            let error = super::server::internal_error("indexing", err);
            client
                .show_message(MessageType::ERROR, error.message.to_string())
                .await;
            progress.end("dossier: indexing failed".into()).await;
            return;
        }
    };
    report_config(client, &indexed).await;
    report_load_problems(client, &indexed.load_problems).await;
    let n_docs = indexed.corpus.docs.len();
    let summary = format!(
        "dossier: {n_docs} documents, {} actors, {} events, {} quotes",
        indexed.corpus.actors.actors.len(),
        indexed.corpus.events.events.len(),
        indexed.corpus.quotes.quotes.len()
    );
    let cache_report = indexed.cache;
    let corpus = Arc::new(indexed.corpus);
    {
        let mut state = lock(state);
        state.config = indexed.config;
        state.set_corpus(corpus.clone());
        state.disk_briefs = indexed.briefs.into_iter().collect();
        state.index_ready = true;
    }
    progress.end(summary.clone()).await;
    client.log_message(MessageType::INFO, summary.clone()).await;
    client
        .log_message(MessageType::INFO, format!("dossier: {cache_report}"))
        .await;
    if let Some(path) = cache_report
        .path
        .clone()
        .filter(|_| cache_report.needs_save())
    {
        // Written after `ready`, on the saver's thread: never delays the first answers.
        saver.save(path, corpus);
    }
    client
        .send_notification::<StatusNotification>(StatusParams {
            state: "ready".into(),
            documents: n_docs,
            message: summary,
        })
        .await;
    publish_all(client, state).await;
}

fn index_workspace(
    root: Option<&Path>,
    overrides: &Overrides,
    progress: &mpsc::UnboundedSender<IndexProgress>,
) -> Indexed {
    let Some(root) = root else {
        // No workspace folder: no corpus, but every request still answers.
        return Indexed {
            config: Config::default(),
            config_problems: Vec::new(),
            config_path: PathBuf::from(CONFIG_FILE_NAME),
            corpus: CorpusIndex::default(),
            load_problems: Vec::new(),
            briefs: Vec::new(),
            cache: CacheReport {
                status: CacheStatus::Off,
                path: None,
                n_files: 0,
                reused: 0,
                extracted: 0,
                merge_reused: false,
            },
        };
    };
    let (config, problems) = load_config(root, None, overrides);
    let (corpus, load_problems, cache) = index_corpus_cached(root, &config, &|step| {
        let _ = progress.send(step);
    });
    let corpus_paths: Vec<PathBuf> = corpus.docs.iter().map(|d| d.path.clone()).collect();
    let briefs = discover_briefs(root, &config, &corpus_paths)
        .into_iter()
        .filter_map(|path| {
            let text = String::from_utf8_lossy(&std::fs::read(&path).ok()?).into_owned();
            let uri = Url::from_file_path(&path).ok()?;
            Some((uri.clone(), Arc::new(BriefFile::new(uri.to_string(), text))))
        })
        .collect();
    Indexed {
        config,
        config_problems: problems.iter().map(ToString::to_string).collect(),
        config_path: root.join(CONFIG_FILE_NAME),
        corpus,
        load_problems,
        briefs,
        cache,
    }
}

/// A bad configuration: a message to the user and a diagnostic on the file.
async fn report_config(client: &Client, indexed: &Indexed) {
    let Ok(uri) = Url::from_file_path(&indexed.config_path) else {
        return;
    };
    // Also clears an earlier report once the file is fixed; a missing file has nothing.
    if !indexed.config_path.exists() && indexed.config_problems.is_empty() {
        return;
    }
    let diagnostics = indexed
        .config_problems
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
    for problem in &indexed.config_problems {
        client
            .show_message(MessageType::ERROR, format!("dossier: {problem}"))
            .await;
    }
}

async fn report_load_problems(client: &Client, problems: &[LoadProblem]) {
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

/// Re-indexes the corpus files that changed (one merge for all of them) and refreshes the
/// briefs read from disk.
async fn reindex_files(
    client: &Client,
    state: &Arc<Mutex<State>>,
    events: Vec<FileEvent>,
    saver: &Arc<Saver>,
) {
    let (root, config, corpus) = {
        let state = lock(state);
        (
            state.root.clone(),
            state.config.clone(),
            state.corpus.clone(),
        )
    };
    let Some(root) = root else { return };
    let work = tokio::task::spawn_blocking(move || {
        let mut problems = Vec::new();
        let mut briefs: Vec<(Url, Option<Arc<BriefFile>>)> = Vec::new();
        let mut changes = Vec::new();
        for event in events {
            let Ok(path) = event.uri.to_file_path() else {
                tracing::warn!("ignored a change to {}: not a file path", event.uri);
                continue;
            };
            if is_corpus_path(&root, &config, &path) {
                let (source, problem) = if event.typ == FileChangeType::DELETED {
                    (None, None)
                } else {
                    load_source(&root, &path, config.max_file_bytes)
                };
                problems.extend(problem);
                changes.push((path, source));
            } else if path.extension().is_some_and(|e| e == "md") {
                let text = (event.typ != FileChangeType::DELETED)
                    .then(|| std::fs::read(&path).ok())
                    .flatten()
                    .map(|bytes| {
                        Arc::new(BriefFile::new(
                            event.uri.to_string(),
                            String::from_utf8_lossy(&bytes).into_owned(),
                        ))
                    });
                briefs.push((event.uri, text));
            }
        }
        // One merge for the whole batch, however many corpus files changed.
        let corpus = (!changes.is_empty()).then(|| Arc::new(corpus.with_sources(changes)));
        (corpus, problems, briefs)
    });
    let (new_corpus, problems, briefs) = match work.await {
        Ok(result) => result,
        Err(err) => {
            let error = super::server::internal_error("re-indexing changed files", err);
            client
                .show_message(MessageType::ERROR, error.message.to_string())
                .await;
            return;
        }
    };
    report_load_problems(client, &problems).await;
    let corpus_changed = new_corpus.is_some();
    {
        let mut state = lock(state);
        if let Some(corpus) = new_corpus {
            let cache_path = state
                .root
                .as_deref()
                .filter(|_| state.config.cache)
                .and_then(|root| cache::cache_path(root, &state.config));
            if let Some(path) = cache_path {
                saver.save(path, corpus.clone());
            }
            state.set_corpus(corpus);
        }
        for (uri, file) in briefs {
            match file {
                Some(file) => state.disk_briefs.insert(uri, file),
                None => state.disk_briefs.remove(&uri),
            };
        }
    }
    if corpus_changed {
        let n_docs = lock(state).corpus.docs.len();
        client
            .send_notification::<StatusNotification>(StatusParams {
                state: "ready".into(),
                documents: n_docs,
                message: format!("dossier: {n_docs} documents"),
            })
            .await;
        publish_all(client, state).await;
    }
}

async fn publish_all(client: &Client, state: &Arc<Mutex<State>>) {
    let uris: Vec<Url> = lock(state).open.keys().cloned().collect();
    for uri in uris {
        publish_diagnostics(client, state, uri).await;
    }
}

/// Computes and publishes the diagnostics of one open brief.
pub async fn publish_diagnostics(client: &Client, state: &Arc<Mutex<State>>, uri: Url) {
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
            .map(|d| proto::to_diagnostic(&snapshot.corpus, &file, d, snapshot.unit))
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
            let error = super::server::internal_error("diagnostics", err);
            client
                .log_message(MessageType::ERROR, error.message.to_string())
                .await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::watch_globs;

    #[test]
    fn watch_globs_follow_the_corpus_configuration() {
        let globs = watch_globs(&[
            "seeds".into(),
            "news/*.txt".into(),
            "**/*.txt".into(),
            "./one.txt".into(),
        ]);
        assert_eq!(
            globs,
            vec![
                "**/seeds{,/**}",
                "**/news/*.txt",
                "**/*.txt",
                "**/one.txt{,/**}",
                "**/*.md",
                "**/dossier.toml"
            ]
        );
    }
}
