//! The plain structs the editor features take and answer: the brief, the settings and
//! context of a request, and each feature's result. The protocol layer turns the results
//! into LSP types; the features (`mod.rs` and one file per domain) build them.

use std::ops::Range;
use std::sync::atomic::AtomicBool;

use crate::actors::ActorId;
use crate::brief::Brief;
use crate::corpus::DocId;
use crate::index::CorpusIndex;
use crate::text::LineIndex;

/// A brief as the features see it: its text and the parse of that text.
#[derive(Debug, Clone)]
pub struct BriefFile {
    /// An identifier for the brief (the LSP layer uses the URI, the CLI the path).
    pub id: String,
    pub text: String,
    pub brief: Brief,
    pub line_index: LineIndex,
}

impl BriefFile {
    pub fn new(id: String, text: String) -> BriefFile {
        let brief = Brief::parse(&text);
        let line_index = LineIndex::new(&text);
        BriefFile {
            id,
            text,
            brief,
            line_index,
        }
    }
}

/// Settings of the checks (`[check]` in dossier.toml).
#[derive(Debug, Clone, PartialEq)]
pub struct CheckSettings {
    pub min_quote_words: usize,
    pub near_threshold: f32,
    /// Go-to-definition on a quote answers this many of its sources at most, the best
    /// first; references answer them all. At least 1.
    pub definition_sources: usize,
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings {
            min_quote_words: 3,
            near_threshold: 0.8,
            definition_sources: 20,
        }
    }
}

/// Everything a feature may consult.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub corpus: &'a CorpusIndex,
    pub settings: &'a CheckSettings,
    /// False while the corpus is still being indexed: no quote diagnostics then.
    pub index_ready: bool,
    /// Set when the request this work answers was abandoned (the client cancelled it):
    /// long loops check it and return what they have, which nobody will read. `None` where
    /// nothing cancels (the CLI, tests).
    pub cancel: Option<&'a AtomicBool>,
}

impl<'a> Context<'a> {
    /// A context over a fully indexed corpus that nothing cancels (the CLI, tests).
    pub fn ready(corpus: &'a CorpusIndex, settings: &'a CheckSettings) -> Context<'a> {
        Context {
            corpus,
            settings,
            index_ready: true,
            cancel: None,
        }
    }

    /// True once the request was cancelled: stop and return early.
    pub fn is_cancelled(&self) -> bool {
        self.cancel
            .is_some_and(|flag| flag.load(std::sync::atomic::Ordering::Relaxed))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct HoverResult {
    pub range: Range<usize>,
    pub markdown: String,
}

/// A span of a corpus document that a feature points at.
#[derive(Debug, Clone, PartialEq)]
pub struct NavTarget {
    pub doc: DocId,
    /// The sentence or paragraph around the focus.
    pub full_range: Range<usize>,
    /// The exact words.
    pub focus_range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Navigation {
    /// What in the brief the answer is about.
    pub origin: Range<usize>,
    pub targets: Vec<NavTarget>,
}

/// A place in the corpus or in a brief.
#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    Corpus { doc: DocId, range: Range<usize> },
    Brief { id: String, range: Range<usize> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    Document,
    Person,
    Organization,
    Place,
    Group,
    Event,
    Quote,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    pub detail: Option<String>,
    /// Markdown, when it is cheap to build; else see `target`.
    pub documentation: Option<String>,
    /// What the item stands for, so its documentation (a full card) is built only when the
    /// editor shows it ([`completion_documentation`](super::completion_documentation)) and
    /// not for every item of every list.
    pub target: Option<CompletionTarget>,
    /// Begins with the name or alias that matched, so prefix-filtering clients keep it.
    pub filter_text: String,
    pub insert_text: String,
    /// The typed text the insertion replaces.
    pub edit_range: Range<usize>,
    /// Lower sorts first.
    pub rank: u32,
}

/// The corpus entity a completion item names. Ids are those of one index generation: the
/// label is checked again when the documentation is built, so a stale id gives nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionTarget {
    Actor(ActorId),
    Event(usize),
    Document(DocId),
}

/// At most this many completion items are built: the best ranked. The protocol layer marks
/// every list incomplete, so clients ask again as the typed word grows.
pub const MAX_COMPLETIONS: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub doc: DocId,
    pub range: Range<usize>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub range: Range<usize>,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub related: Vec<Related>,
}

/// A text replacement in the brief.
#[derive(Debug, Clone, PartialEq)]
pub struct TextEdit {
    pub range: Range<usize>,
    pub new_text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CodeAction {
    pub title: String,
    pub edits: Vec<TextEdit>,
    /// The diagnostic code the action fixes, if any.
    pub fixes: Option<&'static str>,
    pub is_preferred: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct InlayHint {
    pub offset: usize,
    pub label: String,
    pub tooltip: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TokenKind {
    Actor,
    Event,
    QuoteVerified,
    QuoteDiffers,
    QuoteNotFound,
    Citation,
}

impl TokenKind {
    /// Every kind, in the order of the legend the server announces.
    pub const ALL: [TokenKind; 6] = [
        TokenKind::Actor,
        TokenKind::Event,
        TokenKind::QuoteVerified,
        TokenKind::QuoteDiffers,
        TokenKind::QuoteNotFound,
        TokenKind::Citation,
    ];

    pub fn name(self) -> &'static str {
        match self {
            TokenKind::Actor => "actor",
            TokenKind::Event => "event",
            TokenKind::QuoteVerified => "quoteVerified",
            TokenKind::QuoteDiffers => "quoteDiffers",
            TokenKind::QuoteNotFound => "quoteNotFound",
            TokenKind::Citation => "citation",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SemanticToken {
    pub range: Range<usize>,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkspaceSymbolKind {
    Person,
    Organization,
    Place,
    Group,
    Event,
    Document,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WorkspaceSymbol {
    pub name: String,
    pub kind: WorkspaceSymbolKind,
    pub doc: DocId,
    pub range: Range<usize>,
    pub container: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocumentLink {
    pub range: Range<usize>,
    pub doc: DocId,
}
