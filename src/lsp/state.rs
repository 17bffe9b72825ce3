//! The server's mutable state and the immutable snapshots handlers work on.
//!
//! The state sits behind a `std::sync::Mutex` that is only ever held for a few field
//! copies, never across `.await`. Handlers take a [`Snapshot`] (Arc clones and a rope clone,
//! both O(1)) and do their work on the blocking pool.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use ropey::Rope;
use tower_lsp::lsp_types::Url;

use super::proto::{CompletionStyle, DocUris};
use crate::analysis::ide::{BriefFile, CheckSettings, Context};
use crate::analysis::text::ColumnUnit;
use crate::analysis::CorpusIndex;
use crate::config::{Config, ConfigLayer};

/// What the client said it can do, as far as dossier cares.
#[derive(Debug, Clone, Default)]
pub struct ClientSupport {
    pub work_done_progress: bool,
    pub watched_files_dynamic: bool,
    pub configuration_pull: bool,
    pub definition_links: bool,
    /// How multi-word completion items go: see `proto::to_completion`.
    pub completion: CompletionStyle,
}

/// A brief open in the editor.
#[derive(Debug, Clone)]
pub struct OpenBrief {
    pub rope: Rope,
    pub version: i32,
    /// The parse of `rope` at `version`, filled lazily off the async runtime by whichever
    /// request needs it first; a new cell replaces it on every change.
    pub parsed: ParseCell,
    /// Set once this version is replaced or closed: diagnostics still being computed for it
    /// stop (nobody will publish them).
    pub superseded: Arc<AtomicBool>,
}

impl OpenBrief {
    pub fn new(text: &str, version: i32) -> OpenBrief {
        OpenBrief {
            rope: Rope::from_str(text),
            version,
            parsed: ParseCell::default(),
            superseded: Arc::default(),
        }
    }

    /// Marks the current version's work as stale and starts a new version.
    pub fn start_version(&mut self, version: i32) {
        self.superseded.store(true, Ordering::Relaxed);
        self.superseded = Arc::default();
        self.parsed = ParseCell::default();
        self.version = version;
    }
}

/// A brief's parse, shared by every snapshot of one version, so concurrent requests
/// parse it once (the others wait for that parse instead of repeating it).
pub type ParseCell = Arc<OnceLock<Arc<BriefFile>>>;

fn filled(file: &Arc<BriefFile>) -> ParseCell {
    let cell = OnceLock::new();
    let _ = cell.set(file.clone());
    Arc::new(cell)
}

#[derive(Debug, Default)]
pub struct State {
    pub root: Option<PathBuf>,
    pub unit: ColumnUnit,
    pub support: ClientSupport,
    pub init_layer: ConfigLayer,
    pub workspace_layer: ConfigLayer,
    pub config: Config,
    /// Set with [`State::set_corpus`], which keeps `doc_uris` in step.
    pub corpus: Arc<CorpusIndex>,
    /// The URIs of `corpus`'s documents, made as answers need them.
    pub doc_uris: Arc<DocUris>,
    pub index_ready: bool,
    pub open: HashMap<Url, OpenBrief>,
    /// Briefs of the workspace read from disk (for references across briefs).
    pub disk_briefs: HashMap<Url, Arc<BriefFile>>,
}

/// The text of one brief at one version, to be parsed (or already parsed).
#[derive(Debug, Clone)]
pub struct BriefSource {
    pub uri: Url,
    pub version: Option<i32>,
    pub rope: Option<Rope>,
    pub parsed: ParseCell,
    /// For an open brief: set once this version is replaced (see [`OpenBrief::superseded`]).
    pub superseded: Option<Arc<AtomicBool>>,
}

impl BriefSource {
    /// The parsed brief; parses now if no one has yet (call off the async runtime).
    pub fn file(&self) -> Arc<BriefFile> {
        self.parsed
            .get_or_init(|| {
                let text = self.rope.as_ref().map(Rope::to_string).unwrap_or_default();
                Arc::new(BriefFile::new(self.uri.to_string(), text))
            })
            .clone()
    }
}

/// Everything a request needs, detached from the lock.
#[derive(Clone)]
pub struct Snapshot {
    pub corpus: Arc<CorpusIndex>,
    pub settings: CheckSettings,
    pub index_ready: bool,
    pub unit: ColumnUnit,
    pub definition_links: bool,
    pub completion: CompletionStyle,
    /// The URIs of `corpus`'s documents.
    pub doc_uris: Arc<DocUris>,
    /// Set when the request that took this snapshot is abandoned (see `blocking::blocking`);
    /// every snapshot has its own.
    pub cancelled: Arc<AtomicBool>,
}

impl Snapshot {
    pub fn context(&self) -> Context<'_> {
        Context {
            corpus: &self.corpus,
            settings: &self.settings,
            index_ready: self.index_ready,
            cancel: Some(&self.cancelled),
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

impl State {
    /// Installs a new corpus index (and forgets the URIs of the previous one's documents).
    pub fn set_corpus(&mut self, corpus: Arc<CorpusIndex>) {
        let renditions = (self.root.as_deref())
            .and_then(|root| crate::cache::renditions_dir(root, &self.config));
        self.doc_uris = Arc::new(DocUris::new(renditions));
        self.corpus = corpus;
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            corpus: self.corpus.clone(),
            doc_uris: self.doc_uris.clone(),
            settings: self.config.check.clone(),
            index_ready: self.index_ready,
            unit: self.unit,
            definition_links: self.support.definition_links,
            completion: self.support.completion,
            cancelled: Arc::default(),
        }
    }

    /// The brief a request names: open in the editor, else as read from disk.
    pub fn brief_source(&self, uri: &Url) -> Option<BriefSource> {
        if let Some(open) = self.open.get(uri) {
            return Some(BriefSource {
                uri: uri.clone(),
                version: Some(open.version),
                rope: Some(open.rope.clone()),
                parsed: open.parsed.clone(),
                superseded: Some(open.superseded.clone()),
            });
        }
        let on_disk = self.disk_briefs.get(uri)?;
        Some(BriefSource {
            uri: uri.clone(),
            version: None,
            rope: None,
            parsed: filled(on_disk),
            superseded: None,
        })
    }

    /// Every brief known: open ones at their current text (if parsed), the others from disk.
    pub fn all_brief_sources(&self) -> Vec<BriefSource> {
        let mut sources: Vec<BriefSource> = self
            .open
            .keys()
            .filter_map(|uri| self.brief_source(uri))
            .collect();
        sources.extend(
            self.disk_briefs
                .iter()
                .filter(|(uri, _)| !self.open.contains_key(*uri))
                .map(|(uri, file)| BriefSource {
                    uri: uri.clone(),
                    version: None,
                    rope: None,
                    parsed: filled(file),
                    superseded: None,
                }),
        );
        sources
    }
}
