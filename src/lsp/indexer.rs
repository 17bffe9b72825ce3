//! The indexer task: the only writer of the corpus. It takes jobs in order (start-up,
//! configuration changes, watched-file changes), does the work on the blocking pool,
//! swaps in the new index and re-publishes the diagnostics of open briefs.
//!
//! Requests never wait for it: they keep answering from the previous snapshot.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde_json::Value;
use tokio::sync::mpsc;
use tower_lsp::lsp_types::*;
use tower_lsp::Client;

use super::blocking::internal_error;
use super::diagnostics::publish_all;
use super::progress::{
    forward_progress, report_config, report_load_problems, ProgressReporter, StatusNotification,
    StatusParams,
};
use super::settings::{apply_pushed_settings, pull_configuration, pushed_settings};
use super::state::State;
use super::watchers::register_watchers;
use crate::analysis::ide::BriefFile;
use crate::analysis::CorpusIndex;
use crate::cache::{self, CacheReport, CacheStatus, Saver};
use crate::config::{Config, CONFIG_FILE_NAME};
use crate::project::{
    check_cached_index, index_corpus_cached, load_config, open_cached_index, CachedStart,
    IndexProgress, Overrides,
};
use crate::sync::lock;
use crate::workspace::{discover_briefs, is_corpus_path, load_source, read_brief, LoadProblem};

#[derive(Debug)]
pub enum Job {
    /// After `initialized`: pull configuration, watch files, index everything.
    Initialize,
    /// `didChangeConfiguration`, with the pushed settings (may be null).
    Reconfigure(Value),
    Files(Vec<FileEvent>),
}

/// Runs the indexer until the server goes; `saver` writes the index cache on its own
/// thread after each index change.
pub async fn run(
    client: Client,
    state: Arc<Mutex<State>>,
    mut jobs: mpsc::UnboundedReceiver<Job>,
    saver: Arc<Saver>,
) {
    // Only the first index may come from the cache before the files are checked: a later
    // one (a configuration change) would otherwise step back to what the cache last held.
    let mut from_cache = true;
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
        if full && lock(&state).root.is_none() {
            // No folder to index: an empty corpus would flag every citation and quote of
            // every brief. The first brief opened gives its folder (`did_open`), which
            // queues the start-up again.
            report_no_workspace(&client).await;
            continue;
        }
        if full || touches_config {
            reindex_all(&client, &state, &saver, from_cache).await;
            from_cache = false;
            // Registered once the configuration is known, so the globs follow `corpus`.
            if register_after_index {
                register_watchers(&client, &state).await;
            }
        } else if !files.is_empty() {
            reindex_files(&client, &state, files, &saver).await;
        }
    }
}

/// What a server without a workspace folder tells the client (SPEC §1: the opened brief's
/// folder stands in, said to the user).
async fn report_no_workspace(client: &Client) {
    let message = "dossier: the editor gave no workspace folder; waiting for a brief to open, whose folder will be indexed";
    client.log_message(MessageType::WARNING, message).await;
    client
        .send_notification::<StatusNotification>(StatusParams {
            state: "no-workspace".into(),
            documents: 0,
            message: message.into(),
        })
        .await;
}

/// An index of no document checks nothing: said once per index, where the user sees it.
async fn report_empty_corpus(client: &Client, state: &Arc<Mutex<State>>) {
    let (root, corpus) = {
        let state = lock(state);
        (state.root.clone(), state.config.corpus.clone())
    };
    let root = root.map_or_else(|| "?".to_string(), |r| r.display().to_string());
    client
        .show_message(
            MessageType::WARNING,
            format!(
                "dossier: no source document found in {root} (corpus: {corpus:?}), so citations and quotes are not checked. Put the articles under this folder, or name them with `corpus` in dossier.toml."
            ),
        )
        .await;
}

/// A full index, ready to publish.
struct Indexed {
    config: Config,
    config_problems: Vec<String>,
    config_path: PathBuf,
    /// `None` after a warm start whose check found every file as the cache has it: the
    /// index published from the cache stays, and nothing is published again.
    corpus: Option<CorpusIndex>,
    load_problems: Vec<LoadProblem>,
    briefs: Vec<(Url, Arc<BriefFile>)>,
    cache: CacheReport,
}

/// What the blocking part of a full re-index gives back first.
enum Opening {
    Indexed(Indexed),
    /// A warm start: the index the cache holds, to publish before the files are checked.
    FromCache(FromCache),
}

struct FromCache {
    root: PathBuf,
    config: Config,
    config_problems: Vec<String>,
    start: CachedStart,
}

/// Indexes the whole workspace (start-up, configuration changes). With `from_cache` (the
/// first index of the session), a usable index cache is published at once and the corpus
/// files are checked against it afterwards ([`answer_from_cache`]).
async fn reindex_all(
    client: &Client,
    state: &Arc<Mutex<State>>,
    saver: &Arc<Saver>,
    from_cache: bool,
) {
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
    let (sender, receiver) = mpsc::unbounded_channel::<IndexProgress>();
    let work = tokio::task::spawn_blocking(move || {
        open_workspace(root.as_deref(), &overrides, from_cache, &sender)
    });
    // Forward progress while the blocking work runs; the channel closes when it ends.
    forward_progress(&progress, receiver, false).await;
    let indexed = match work.await {
        Ok(Opening::Indexed(indexed)) => Some(indexed),
        Ok(Opening::FromCache(cached)) => answer_from_cache(client, state, &progress, cached).await,
        Err(err) => {
            report_internal_error(client, "indexing", err).await;
            None
        }
    };
    let Some(indexed) = indexed else {
        progress.end("dossier: indexing failed".into()).await;
        return;
    };
    report_config(client, &indexed.config_path, &indexed.config_problems).await;
    report_load_problems(client, &indexed.load_problems).await;
    let cache_report = indexed.cache;
    let published = indexed.corpus.map(Arc::new);
    let corpus = {
        let mut state = lock(state);
        state.config = indexed.config;
        if let Some(corpus) = &published {
            state.set_corpus(corpus.clone());
        }
        state.disk_briefs = indexed.briefs.into_iter().collect();
        state.index_ready = true;
        state.corpus.clone()
    };
    let n_docs = corpus.docs.len();
    let summary = format!(
        "dossier: {n_docs} documents, {} actors, {} events, {} quotes",
        corpus.actors.actors.len(),
        corpus.events.events.len(),
        corpus.quotes.quotes.len()
    );
    progress.end(summary.clone()).await;
    client.log_message(MessageType::INFO, summary.clone()).await;
    if n_docs == 0 {
        report_empty_corpus(client, state).await;
    }
    client
        .log_message(MessageType::INFO, format!("dossier: {cache_report}"))
        .await;
    if let (Some(path), Some(corpus)) = (
        cache_report
            .path
            .clone()
            .filter(|_| cache_report.needs_save()),
        &published,
    ) {
        // Written after `ready`, on the saver's thread: never delays the first answers.
        saver.save(path, corpus.clone());
    }
    client
        .send_notification::<StatusNotification>(StatusParams {
            state: "ready".into(),
            documents: n_docs,
            message: summary,
        })
        .await;
    if published.is_some() {
        publish_all(client, state).await;
    }
}

/// A warm start: publishes the index the cache holds, so that requests are answered from
/// it at once, then checks the corpus files against the cache on the blocking pool. The
/// work-done progress stays open until the check ends. Gives the checked index (`corpus`
/// is `None` when no file differed) for [`reindex_all`] to publish as any other index.
async fn answer_from_cache(
    client: &Client,
    state: &Arc<Mutex<State>>,
    progress: &ProgressReporter,
    cached: FromCache,
) -> Option<Indexed> {
    let FromCache {
        root,
        config,
        config_problems,
        start,
    } = cached;
    let CachedStart { index, pending } = start;
    let corpus = Arc::new(index);
    let n_docs = corpus.docs.len();
    {
        let mut state = lock(state);
        state.config = config.clone();
        state.set_corpus(corpus.clone());
        // The cache is the last complete index: its diagnostics are worth showing while
        // the files are checked (they are published again if a file changed).
        state.index_ready = true;
    }
    let message = format!(
        "answering from the cache ({n_docs} documents) while checking {} corpus files",
        pending.n_files()
    );
    progress.report(message.clone(), 0).await;
    client
        .send_notification::<StatusNotification>(StatusParams {
            state: "indexing".into(),
            documents: n_docs,
            message: format!("dossier: {message}…"),
        })
        .await;
    let (sender, receiver) = mpsc::unbounded_channel::<IndexProgress>();
    let work = tokio::task::spawn_blocking(move || {
        let checked = check_cached_index(&root, &config, pending, &|step| {
            let _ = sender.send(step);
        });
        let outcome = format!(
            "checked {} corpus files against the cache: {}",
            checked.report.n_files, checked.changes
        );
        let (briefs, brief_problems) =
            read_disk_briefs(&root, &config, checked.index.as_ref().unwrap_or(&corpus));
        let mut load_problems = checked.problems;
        load_problems.extend(brief_problems);
        // The check held a second copy of every document's metadata (the cache's table and
        // what was found on disk, ~100 MB at 1 GB): give those pages back.
        super::memory::release_free_memory();
        let indexed = Indexed {
            config,
            config_problems,
            config_path: root.join(CONFIG_FILE_NAME),
            corpus: checked.index,
            load_problems,
            briefs,
            cache: checked.report,
        };
        (indexed, outcome)
    });
    // The check is under way: meanwhile, open briefs get diagnostics from the cached index.
    publish_all(client, state).await;
    forward_progress(progress, receiver, true).await;
    match work.await {
        Ok((indexed, outcome)) => {
            client
                .log_message(MessageType::INFO, format!("dossier: {outcome}"))
                .await;
            Some(indexed)
        }
        Err(err) => {
            report_internal_error(client, "checking the corpus against the cache", err).await;
            None
        }
    }
}

async fn report_internal_error(client: &Client, what: &str, err: tokio::task::JoinError) {
    let error = internal_error(what, err);
    client
        .show_message(MessageType::ERROR, error.message.to_string())
        .await;
}

fn open_workspace(
    root: Option<&Path>,
    overrides: &Overrides,
    from_cache: bool,
    progress: &mpsc::UnboundedSender<IndexProgress>,
) -> Opening {
    let Some(root) = root else {
        // No workspace folder: no corpus, but every request still answers.
        return Opening::Indexed(Indexed {
            config: Config::default(),
            config_problems: Vec::new(),
            config_path: PathBuf::from(CONFIG_FILE_NAME),
            corpus: Some(CorpusIndex::default()),
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
        });
    };
    let (config, problems) = load_config(root, None, overrides);
    let config_problems = problems.iter().map(ToString::to_string).collect();
    if from_cache {
        if let Some(start) = open_cached_index(root, &config) {
            return Opening::FromCache(FromCache {
                root: root.to_path_buf(),
                config,
                config_problems,
                start,
            });
        }
    }
    let (corpus, mut load_problems, cache) = index_corpus_cached(root, &config, &|step| {
        let _ = progress.send(step);
    });
    // Extracting and merging a large corpus frees gigabytes of working memory (at 1 GB of
    // corpus the server held 9.6 GB when ready without this): give it back.
    super::memory::release_free_memory();
    let (briefs, brief_problems) = read_disk_briefs(root, &config, &corpus);
    load_problems.extend(brief_problems);
    Opening::Indexed(Indexed {
        config,
        config_problems,
        config_path: root.join(CONFIG_FILE_NAME),
        corpus: Some(corpus),
        load_problems,
        briefs,
        cache,
    })
}

/// The workspace's briefs on disk (Markdown files outside the corpus), read within
/// `max_file_bytes` (a 100 MB brief never opened once cost 758 MB for the whole session),
/// and what was wrong with them.
fn read_disk_briefs(
    root: &Path,
    config: &Config,
    corpus: &CorpusIndex,
) -> (Vec<(Url, Arc<BriefFile>)>, Vec<LoadProblem>) {
    let corpus_paths: Vec<PathBuf> = corpus.docs.iter().map(|d| d.path.clone()).collect();
    let mut briefs = Vec::new();
    let mut problems = Vec::new();
    for path in discover_briefs(root, config, &corpus_paths) {
        let Ok(uri) = Url::from_file_path(&path) else {
            continue;
        };
        if let Some(file) = read_disk_brief(&path, &uri, config.max_file_bytes, &mut problems) {
            briefs.push((uri, file));
        }
    }
    (briefs, problems)
}

/// One brief from disk, its problem (if any) pushed onto `problems`.
fn read_disk_brief(
    path: &Path,
    uri: &Url,
    max_file_bytes: u64,
    problems: &mut Vec<LoadProblem>,
) -> Option<Arc<BriefFile>> {
    match read_brief(path, max_file_bytes) {
        Ok((brief, problem)) => {
            problems.extend(problem);
            Some(Arc::new(BriefFile::new(uri.to_string(), brief.text)))
        }
        Err(problem) => {
            problems.push(problem);
            None
        }
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
                let file = (event.typ != FileChangeType::DELETED)
                    .then(|| {
                        read_disk_brief(&path, &event.uri, config.max_file_bytes, &mut problems)
                    })
                    .flatten();
                briefs.push((event.uri, file));
            }
        }
        // One merge for the whole batch, however many corpus files changed.
        let corpus = (!changes.is_empty()).then(|| Arc::new(corpus.with_sources(changes)));
        (corpus, problems, briefs)
    });
    let (new_corpus, problems, briefs) = match work.await {
        Ok(result) => result,
        Err(err) => {
            let error = internal_error("re-indexing changed files", err);
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
