//! The `LanguageServer` implementation. Each request handler converts in, asks the
//! analysis on the blocking pool, and converts out; state-changing notifications are
//! applied synchronously, before any `.await`, so they take effect in arrival order.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;
use tower_lsp::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

use super::blocking::{blocking, internal_error};
use super::capabilities::{
    capabilities, client_support, negotiate_unit, with_client_quirks, workspace_root,
};
use super::diagnostics::publish_diagnostics;
use super::indexer::{self, Job};
use super::proto;
use super::state::{OpenBrief, Snapshot, State};
use crate::analysis::ide::{self, BriefFile};
use crate::cache::Saver;
use crate::config::ConfigLayer;
use crate::sync::lock;

/// Closing a brief at least this large returns freed memory to the system.
const LARGE_BRIEF_BYTES: usize = 4 * 1024 * 1024;

/// How long typing must pause before quote diagnostics are recomputed.
const DIAGNOSTICS_DEBOUNCE: Duration = Duration::from_millis(150);

pub struct DossierServer {
    client: Client,
    state: Arc<Mutex<State>>,
    jobs: mpsc::UnboundedSender<Job>,
    /// How far the session went (see [`Session`]): the process exits 0 only after a
    /// `shutdown`, or when no session began (LSP: an `exit` or a closed stdin without it is
    /// an error exit).
    session: Arc<Session>,
}

/// What the server saw of the session, for its exit status.
#[derive(Debug, Default)]
pub struct Session {
    /// An `initialize` request came.
    pub began: AtomicBool,
    /// A `shutdown` request was answered.
    pub shut_down: AtomicBool,
}

/// Answer of the `dossier/indexStatus` request.
#[derive(Debug, Serialize, Deserialize)]
pub struct IndexStatus {
    pub ready: bool,
    pub documents: usize,
}

impl DossierServer {
    /// A server whose index cache writes go through `saver`, which the caller may wait
    /// for after the session (see `serve_stdio`).
    pub fn new(client: Client, saver: Arc<Saver>, session: Arc<Session>) -> DossierServer {
        let state = Arc::new(Mutex::new(State::default()));
        // A cache that cannot be written is said once, in words, in the editor.
        let runtime = tokio::runtime::Handle::current();
        let notice_client = client.clone();
        saver.on_failure(move |message| {
            let client = notice_client.clone();
            runtime.spawn(async move { client.show_message(MessageType::WARNING, message).await });
        });
        let (jobs, receiver) = mpsc::unbounded_channel();
        tokio::spawn(indexer::run(client.clone(), state.clone(), receiver, saver));
        DossierServer {
            client,
            state,
            jobs,
            session,
        }
    }

    /// Answers a message the transport could not use with the error it deserves.
    pub async fn invalid_message(&self, params: super::transport::InvalidMessage) -> Result<()> {
        self.client
            .log_message(MessageType::WARNING, format!("dossier: {}", params.message))
            .await;
        Err(Error {
            code: ErrorCode::from(params.code),
            message: params.message.into(),
            data: None,
        })
    }

    /// `dossier/debugPanic`: panics inside a request, to prove a panic becomes an error
    /// response. Only with `DOSSIER_TEST_HOOKS=1` in the environment; else unknown.
    pub async fn debug_panic(&self) -> Result<()> {
        if !test_hooks_enabled() {
            return Err(Error::method_not_found());
        }
        let joined = tokio::task::spawn_blocking(|| panic!("deliberate test panic")).await;
        joined.map_err(|err| internal_error("dossier/debugPanic", err))
    }

    /// `dossier/debugWaitForCancel`: blocking work that runs until its request is cancelled
    /// (at most 10 s), then counts itself in `dossier/debugCancelledWork`: proves that
    /// `$/cancelRequest` reaches work on the blocking pool. Test hooks only.
    pub async fn debug_wait_for_cancel(&self) -> Result<bool> {
        if !test_hooks_enabled() {
            return Err(Error::method_not_found());
        }
        let snapshot = lock(&self.state).snapshot();
        blocking("dossier/debugWaitForCancel", snapshot, |snap| {
            let deadline = std::time::Instant::now() + Duration::from_secs(10);
            while std::time::Instant::now() < deadline {
                if snap.is_cancelled() {
                    CANCELLED_WORK.fetch_add(1, Ordering::SeqCst);
                    return true;
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            false
        })
        .await
    }

    /// `dossier/debugCancelledWork`: how many `debugWaitForCancel` requests stopped because
    /// they were cancelled. Test hooks only.
    pub async fn debug_cancelled_work(&self) -> Result<usize> {
        if !test_hooks_enabled() {
            return Err(Error::method_not_found());
        }
        Ok(CANCELLED_WORK.load(Ordering::SeqCst))
    }

    /// `dossier/debugDocumentText`: the server's copy of an open document, so tests can
    /// prove it equals the client's after any edit sequence. Test hooks only.
    pub async fn debug_document_text(
        &self,
        params: TextDocumentIdentifier,
    ) -> Result<Option<String>> {
        if !test_hooks_enabled() {
            return Err(Error::method_not_found());
        }
        let state = lock(&self.state);
        Ok(state
            .open
            .get(&params.uri)
            .map(|open| open.rope.to_string()))
    }

    pub async fn index_status(&self) -> Result<IndexStatus> {
        let state = lock(&self.state);
        Ok(IndexStatus {
            ready: state.index_ready,
            documents: state.corpus.docs.len(),
        })
    }

    /// Runs `work` on a snapshot and the parsed brief, on the blocking pool. A brief that
    /// is neither open nor known on disk gives `None`; a panic gives an error response.
    async fn on_brief<R: Send + 'static>(
        &self,
        uri: &Url,
        method: &'static str,
        work: impl FnOnce(&Snapshot, &BriefFile) -> R + Send + 'static,
    ) -> Result<Option<R>> {
        let (source, snapshot) = {
            let state = lock(&self.state);
            (state.brief_source(uri), state.snapshot())
        };
        let Some(source) = source else {
            return Ok(None);
        };
        blocking(method, snapshot, move |snap| {
            let file = source.file();
            (!snap.is_cancelled()).then(|| work(snap, &file))
        })
        .await
    }

    fn send(&self, job: Job) {
        // The indexer lives as long as the server; a send can only fail during shutdown.
        let _ = self.jobs.send(job);
    }
}

/// Test-only requests exist only with `DOSSIER_TEST_HOOKS=1` in the environment.
fn test_hooks_enabled() -> bool {
    std::env::var_os("DOSSIER_TEST_HOOKS").is_some_and(|v| v == "1")
}

/// How many test-hook requests saw their cancellation flag (`dossier/debugCancelledWork`).
static CANCELLED_WORK: AtomicUsize = AtomicUsize::new(0);

#[tower_lsp::async_trait]
impl LanguageServer for DossierServer {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        self.session.began.store(true, Ordering::SeqCst);
        let unit = negotiate_unit(&params);
        let init_problem = {
            let mut state = lock(&self.state);
            state.unit = unit;
            state.root = workspace_root(&params);
            state.support = with_client_quirks(
                client_support(&params.capabilities),
                params.client_info.as_ref(),
            );
            match params
                .initialization_options
                .clone()
                .map(|v| ConfigLayer::from_json(v, "initializationOptions"))
            {
                Some(Ok(layer)) => {
                    state.init_layer = layer;
                    None
                }
                Some(Err(err)) => Some(err.to_string()),
                None => None,
            }
        };
        if let Some(problem) = init_problem {
            self.client
                .show_message(MessageType::WARNING, format!("dossier: {problem}"))
                .await;
        }
        Ok(InitializeResult {
            capabilities: capabilities(unit),
            server_info: Some(ServerInfo {
                name: "dossier".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.send(Job::Initialize);
    }

    async fn shutdown(&self) -> Result<()> {
        self.session.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let adopted_root = {
            let mut state = lock(&self.state);
            let brief = OpenBrief::new(&doc.text, doc.version);
            if let Some(replaced) = state.open.insert(doc.uri.clone(), brief) {
                replaced.superseded.store(true, Ordering::Relaxed);
            }
            // SPEC §1: without a workspace folder, the first brief's folder is the workspace.
            let folder = state
                .root
                .is_none()
                .then(|| doc.uri.to_file_path().ok())
                .flatten()
                .and_then(|path| path.parent().map(std::path::Path::to_path_buf));
            if let Some(folder) = &folder {
                state.root = Some(folder.clone());
            }
            folder
        };
        if let Some(folder) = adopted_root {
            self.client
                .show_message(
                    MessageType::WARNING,
                    format!(
                        "dossier: the editor gave no workspace folder, so the folder of this brief is the workspace: {}. Open the folder that holds the corpus (or put a dossier.toml in it) to index another.",
                        folder.display()
                    ),
                )
                .await;
            self.send(Job::Initialize);
        }
        publish_diagnostics(&self.client, &self.state, doc.uri).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let applied = {
            let mut state = lock(&self.state);
            let unit = state.unit;
            match state.open.get_mut(&uri) {
                Some(open) if version > open.version => {
                    for change in &params.content_changes {
                        proto::apply_change(&mut open.rope, change, unit);
                    }
                    open.start_version(version);
                    Ok(())
                }
                Some(open) => Err(format!("ignored a change to {uri} at version {version}: the brief is already at version {}", open.version)),
                None => Err(format!("ignored a change to {uri}: it was never opened (didOpen must come first)")),
            }
        };
        if let Err(message) = applied {
            self.client
                .log_message(MessageType::WARNING, format!("dossier: {message}"))
                .await;
            return;
        }
        let client = self.client.clone();
        let state = self.state.clone();
        tokio::spawn(async move {
            tokio::time::sleep(DIAGNOSTICS_DEBOUNCE).await;
            let still_current = lock(&state)
                .open
                .get(&uri)
                .is_some_and(|o| o.version == version);
            if still_current {
                publish_diagnostics(&client, &state, uri).await;
            }
        });
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let closed = lock(&self.state).open.remove(&uri);
        if let Some(brief) = &closed {
            brief.superseded.store(true, Ordering::Relaxed);
        }
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
        if closed.is_some_and(|brief| brief.rope.len_bytes() >= LARGE_BRIEF_BYTES) {
            // Work on the brief may still hold it for a moment; then give its memory back.
            tokio::spawn(async {
                tokio::time::sleep(Duration::from_millis(500)).await;
                let _ = tokio::task::spawn_blocking(super::memory::release_free_memory).await;
            });
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        self.send(Job::Reconfigure(params.settings));
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        self.send(Job::Files(params.changes));
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let uri = params.text_document_position_params.text_document.uri;
        let pos = params.text_document_position_params.position;
        let answer = self
            .on_brief(&uri, "textDocument/hover", move |snap, file| {
                let offset = proto::from_position(proto::TextRef::brief(file), pos, snap.unit);
                ide::hover(snap.context(), file, offset)
                    .map(|h| proto::to_hover(file, h, snap.unit))
            })
            .await?;
        Ok(answer.flatten())
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let uri = params.text_document_position_params.text_document.uri;
        let pos = params.text_document_position_params.position;
        let answer = self
            .on_brief(&uri, "textDocument/definition", move |snap, file| {
                let started = std::time::Instant::now();
                let offset = proto::from_position(proto::TextRef::brief(file), pos, snap.unit);
                let nav = ide::definition(snap.context(), file, offset)?;
                let found = started.elapsed();
                let n_targets = nav.targets.len();
                let answer = proto::to_definition(
                    &snap.corpus,
                    &snap.doc_uris,
                    file,
                    nav,
                    snap.unit,
                    snap.definition_links,
                );
                // A definition can list thousands of sources; what the answer's JSON costs
                // (in tower-lsp, after this) is the request's time less these two.
                tracing::debug!(
                    "definition: {n_targets} targets found in {:.2} ms, converted in {:.2} ms",
                    found.as_secs_f64() * 1e3,
                    (started.elapsed() - found).as_secs_f64() * 1e3
                );
                answer
            })
            .await?;
        Ok(answer.flatten())
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let uri = params.text_document_position.text_document.uri;
        let pos = params.text_document_position.position;
        let others = lock(&self.state).all_brief_sources();
        let answer = self
            .on_brief(&uri, "textDocument/references", move |snap, file| {
                let offset = proto::from_position(proto::TextRef::brief(file), pos, snap.unit);
                let other_files: Vec<Arc<BriefFile>> = others
                    .iter()
                    .filter(|s| s.uri.as_str() != file.id)
                    .map(|s| s.file())
                    .collect();
                let mut briefs: Vec<&BriefFile> = vec![file];
                briefs.extend(other_files.iter().map(Arc::as_ref));
                ide::references(snap.context(), &briefs, file, offset)
                    .iter()
                    .filter_map(|l| {
                        proto::to_location(&snap.corpus, &snap.doc_uris, &briefs, l, snap.unit)
                    })
                    .collect::<Vec<_>>()
            })
            .await?;
        Ok(answer.filter(|locations| !locations.is_empty()))
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let uri = params.text_document_position.text_document.uri;
        let pos = params.text_document_position.position;
        let answer = self
            .on_brief(&uri, "textDocument/completion", move |snap, file| {
                let offset = proto::from_position(proto::TextRef::brief(file), pos, snap.unit);
                let items: Vec<CompletionItem> = ide::completion(snap.context(), file, offset)
                    .into_iter()
                    .map(|item| proto::to_completion(file, item, snap.unit, snap.completion))
                    .collect();
                // Incomplete: the list depends on the typed word and is cut to the best
                // items, so clients must ask again as the word grows.
                CompletionResponse::List(CompletionList {
                    is_incomplete: true,
                    items,
                })
            })
            .await?;
        Ok(answer)
    }

    /// Adds the documentation (the card of the actor, event or document) to the item the
    /// editor shows. An item that names nothing this server knows any more comes back as it
    /// was: a resolve never fails for the client.
    async fn completion_resolve(&self, item: CompletionItem) -> Result<CompletionItem> {
        let target = item.data.as_ref().and_then(proto::completion_target);
        let Some(target) = target.filter(|_| item.documentation.is_none()) else {
            return Ok(item);
        };
        let snapshot = lock(&self.state).snapshot();
        let unchanged = item.clone();
        let resolved = blocking("completionItem/resolve", snapshot, move |snap| {
            let mut item = item;
            let card = ide::completion_documentation(snap.context(), target, &item.label);
            item.documentation = card.map(proto::markdown_documentation);
            item
        })
        .await;
        Ok(resolved.unwrap_or(unchanged))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let answer = self
            .on_brief(
                &params.text_document.uri,
                "textDocument/documentSymbol",
                move |snap, file| {
                    let symbols = ide::document_symbols(file)
                        .into_iter()
                        .map(|s| proto::to_document_symbol(file, s, snap.unit))
                        .collect();
                    DocumentSymbolResponse::Nested(symbols)
                },
            )
            .await?;
        Ok(answer)
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<Vec<SymbolInformation>>> {
        let snapshot = lock(&self.state).snapshot();
        let symbols = blocking("workspace/symbol", snapshot, move |snap| {
            ide::workspace_symbols(snap.context(), &params.query)
                .into_iter()
                .take(500)
                .filter_map(|s| {
                    proto::to_workspace_symbol(&snap.corpus, &snap.doc_uris, s, snap.unit)
                })
                .collect::<Vec<_>>()
        })
        .await?;
        Ok(Some(symbols))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let range = params.range;
        let answer = self
            .on_brief(
                &params.text_document.uri,
                "textDocument/codeAction",
                move |snap, file| {
                    let range = proto::from_range(proto::TextRef::brief(file), range, snap.unit);
                    ide::code_actions(snap.context(), file, range)
                        .into_iter()
                        .map(|a| proto::to_code_action(&uri, file, a, snap.unit))
                        .collect::<Vec<_>>()
                },
            )
            .await?;
        Ok(answer)
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let answer = self
            .on_brief(
                &params.text_document.uri,
                "textDocument/inlayHint",
                move |snap, file| {
                    ide::inlay_hints(snap.context(), file)
                        .into_iter()
                        .map(|h| proto::to_inlay_hint(file, h, snap.unit))
                        .collect::<Vec<_>>()
                },
            )
            .await?;
        Ok(answer)
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        let answer = self
            .on_brief(
                &params.text_document.uri,
                "textDocument/semanticTokens/full",
                move |snap, file| {
                    let tokens = ide::semantic_tokens(snap.context(), file);
                    let data = proto::to_semantic_tokens(file, &tokens, snap.unit);
                    SemanticTokensResult::Tokens(SemanticTokens {
                        result_id: None,
                        data,
                    })
                },
            )
            .await?;
        Ok(answer)
    }

    async fn document_link(&self, params: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
        let answer = self
            .on_brief(
                &params.text_document.uri,
                "textDocument/documentLink",
                move |snap, file| {
                    ide::document_links(snap.context(), file)
                        .into_iter()
                        .filter_map(|link| {
                            let doc = snap.corpus.doc(link.doc);
                            Some(DocumentLink {
                                range: proto::to_range(
                                    proto::TextRef::brief(file),
                                    &link.range,
                                    snap.unit,
                                ),
                                target: Some(snap.doc_uris.of(&snap.corpus, link.doc)?),
                                tooltip: Some(doc.title.clone()),
                                data: None,
                            })
                        })
                        .collect::<Vec<_>>()
                },
            )
            .await?;
        Ok(answer)
    }
}
