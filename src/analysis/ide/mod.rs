//! Editor features over a brief and the corpus, answered as plain structs.
//!
//! Each feature chains the domains in the order SPEC §4 gives ("which answer wins"):
//! inside a quote the quote answers first; outside, a citation, an actor or an event.
//! The protocol layer turns these structs into LSP types.

pub mod actors;
mod citations;
pub mod events;
#[cfg(test)]
mod fixture;
pub mod quotes;
mod symbols;

use std::ops::Range;
use std::sync::atomic::AtomicBool;

use super::actors::ActorId;
use super::brief::Brief;
use super::corpus::DocId;
use super::index::CorpusIndex;
use super::text::LineIndex;

pub use symbols::{document_symbols, DocumentSymbol, SymbolKind};

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
    /// editor shows it ([`completion_documentation`]) and not for every item of every list.
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

pub fn hover(cx: Context, file: &BriefFile, offset: usize) -> Option<HoverResult> {
    let offset = char_boundary(&file.text, offset);
    if let Some(quote_card) = quotes::hover(cx, file, offset) {
        let inner = actors::hover(cx, file, offset).or_else(|| events::hover(cx, file, offset));
        return Some(match inner {
            Some(more) => HoverResult {
                range: quote_card.range,
                markdown: format!("{}\n\n---\n\n{}", quote_card.markdown, more.markdown),
            },
            None => quote_card,
        });
    }
    citations::hover(cx, file, offset)
        .or_else(|| actors::hover(cx, file, offset))
        .or_else(|| events::hover(cx, file, offset))
}

pub fn definition(cx: Context, file: &BriefFile, offset: usize) -> Option<Navigation> {
    let offset = char_boundary(&file.text, offset);
    quotes::definition(cx, file, offset)
        .or_else(|| citations::definition(cx, file, offset))
        .or_else(|| actors::definition(cx, file, offset))
        .or_else(|| events::definition(cx, file, offset))
}

pub fn references(
    cx: Context,
    briefs: &[&BriefFile],
    file: &BriefFile,
    offset: usize,
) -> Vec<Location> {
    let offset = char_boundary(&file.text, offset);
    quotes::references(cx, file, offset)
        .or_else(|| actors::references(cx, briefs, file, offset))
        .or_else(|| events::references(cx, briefs, file, offset))
        .unwrap_or_default()
}

pub fn completion(cx: Context, file: &BriefFile, offset: usize) -> Vec<Completion> {
    let offset = char_boundary(&file.text, offset);
    if !typing_in_prose(file, offset) {
        return Vec::new();
    }
    if let Some(items) = citations::completion(cx, file, offset) {
        return items;
    }
    if let Some(mut items) = quotes::completion(cx, file, offset) {
        items.truncate(MAX_COMPLETIONS);
        return items;
    }
    // Names are offered for a word being typed, or at the start of a fresh word (manual
    // invoke); not glued to other characters such as a lone `@`.
    let word = typed_word(&file.text, offset);
    let glued = file.text[..word.start]
        .chars()
        .next_back()
        .is_some_and(|c| !(c.is_whitespace() || "([{\"“«'‘—–-/".contains(c)));
    if glued {
        return Vec::new();
    }
    let mut items = actors::completion(cx, file, offset);
    items.extend(events::completion(cx, file, offset));
    let typed = file.text[word.clone()].trim_start_matches(['\'', '’', '-', '.']);
    let before = words_before(&file.text, word.start);
    for item in &mut items {
        rank_by_label(item, &before, typed);
    }
    items.sort_by(|a, b| a.rank.cmp(&b.rank).then_with(|| a.label.cmp(&b.label)));
    items.truncate(MAX_COMPLETIONS);
    items
}

/// Ranks above any salience: how well the typed text matches the label.
const LABEL_TIER: u32 = 10_000_000;

/// Puts how well the typed text matches an item's label before its own rank: the words
/// before the cursor and the typed word as a phrase of the label ("Helsinki su" for
/// "Helsinki summit"), then the label's start, then the start of one of its words, then
/// an item found another way (an alias, an event's participant or place). A phrase item
/// inserts the label from the typed word on, since the words before it are written.
fn rank_by_label(item: &mut Completion, before: &[&str], typed: &str) {
    if typed.is_empty() {
        return;
    }
    let typed_lower = typed.to_lowercase();
    let label_words: Vec<(usize, &str)> = item
        .label
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let starts = |w: &str| w.to_lowercase().starts_with(&typed_lower);
    let phrase = (1..=before.len()).rev().find_map(|k| {
        let context = &before[before.len() - k..];
        (0..label_words.len().saturating_sub(k)).find_map(|i| {
            let same = label_words[i..i + k]
                .iter()
                .zip(context)
                .all(|((_, w), c)| w.to_lowercase() == c.to_lowercase());
            (same && starts(label_words[i + k].1)).then_some(label_words[i + k].0)
        })
    });
    let tier = if let Some(from) = phrase {
        let rest = item.label[from..].to_string();
        item.insert_text = rest.clone();
        item.filter_text = rest;
        0
    } else if starts(&item.label) {
        1
    } else if label_words.iter().any(|(_, w)| starts(w)) {
        2
    } else {
        3
    };
    item.rank = tier * LABEL_TIER + item.rank.min(LABEL_TIER - 1);
}

/// Up to three words written just before `offset` in the same clause (no punctuation
/// between them and the cursor's word).
fn words_before(text: &str, offset: usize) -> Vec<&str> {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let clause = &text[line_start..offset];
    let clause_start = clause
        .rfind(|c: char| !(c.is_alphanumeric() || c.is_whitespace() || "-'’".contains(c)))
        .map_or(0, |i| {
            i + clause[i..].chars().next().map_or(1, char::len_utf8)
        });
    let words: Vec<&str> = clause[clause_start..].split_whitespace().collect();
    words[words.len().saturating_sub(3)..].to_vec()
}

/// The documentation of a completion item (`completionItem/resolve`): the card of what it
/// names. `None` when the target no longer carries that label (the corpus changed since).
pub fn completion_documentation(
    cx: Context,
    target: CompletionTarget,
    label: &str,
) -> Option<String> {
    match target {
        CompletionTarget::Actor(id) => actors::completion_documentation(cx, id, label),
        CompletionTarget::Event(idx) => events::completion_documentation(cx, idx, label),
        CompletionTarget::Document(id) => citations::completion_documentation(cx, id, label),
    }
}

pub fn diagnostics(cx: Context, file: &BriefFile) -> Vec<Diagnostic> {
    // An empty corpus is a missing one (a wrong folder or `corpus` glob), not a finding
    // about the brief: every key would be unknown and every quote not found. The server
    // and the CLI say so once instead.
    if cx.corpus.docs.is_empty() {
        return Vec::new();
    }
    let mut found = citations::diagnostics(cx, file);
    if cx.index_ready {
        found.extend(quotes::diagnostics(cx, file));
    }
    found.sort_by_key(|d| (d.range.start, d.range.end));
    found
}

pub fn code_actions(cx: Context, file: &BriefFile, range: Range<usize>) -> Vec<CodeAction> {
    let range = char_boundary(&file.text, range.start)..char_boundary(&file.text, range.end);
    quotes::code_actions(cx, file, range)
}

pub fn inlay_hints(cx: Context, file: &BriefFile) -> Vec<InlayHint> {
    quotes::inlay_hints(cx, file)
}

pub fn semantic_tokens(cx: Context, file: &BriefFile) -> Vec<SemanticToken> {
    let mut tokens = citations::semantic_tokens(file);
    tokens.extend(actors::semantic_tokens(cx, file));
    tokens.extend(events::semantic_tokens(cx, file));
    tokens.extend(quotes::semantic_tokens(cx, file));
    // Tokens must not overlap: the earlier-starting (then longer) token wins.
    tokens.sort_by_key(|t| (t.range.start, std::cmp::Reverse(t.range.end)));
    let mut kept: Vec<SemanticToken> = Vec::with_capacity(tokens.len());
    for token in tokens {
        if kept
            .last()
            .is_none_or(|last| token.range.start >= last.range.end)
        {
            kept.push(token);
        }
    }
    kept
}

pub fn document_links(cx: Context, file: &BriefFile) -> Vec<DocumentLink> {
    citations::document_links(cx, file)
}

pub fn workspace_symbols(cx: Context, query: &str) -> Vec<WorkspaceSymbol> {
    let mut symbols = actors::workspace_symbols(cx, query);
    symbols.extend(events::workspace_symbols(cx, query));
    symbols.extend(citations::workspace_symbols(cx, query));
    symbols
}

/// The `n` smallest of `items`, sorted: a partial selection, so that ranking a whole
/// corpus does not sort all of it.
pub(crate) fn take_best<T: Ord>(items: &mut Vec<T>, n: usize) -> &[T] {
    if items.len() > n {
        items.select_nth_unstable(n);
        items.truncate(n);
    }
    items.sort_unstable();
    items
}

/// Subsequence match of `pattern` in `candidate`, case-insensitive; lower is better,
/// `None` when the characters do not all appear in order. A prefix match scores 0.
pub fn fuzzy_score(pattern: &str, candidate: &str) -> Option<u32> {
    if pattern.is_empty() {
        return Some(0);
    }
    let candidate_lower = candidate.to_lowercase();
    let pattern_lower = pattern.to_lowercase();
    if candidate_lower.starts_with(&pattern_lower) {
        return Some(0);
    }
    if let Some(at) = candidate_lower.find(&pattern_lower) {
        return Some(10 + at as u32);
    }
    let mut score = 100u32;
    let mut rest = candidate_lower.chars().enumerate();
    let mut last = 0usize;
    for wanted in pattern_lower.chars() {
        let (pos, _) = rest.find(|&(_, c)| c == wanted)?;
        score += (pos - last) as u32;
        last = pos;
    }
    Some(score)
}

/// `offset` clamped to the text and moved back to a char boundary: features take any
/// offset (the protocol layer already snaps, but the core must not trust its callers).
pub fn char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// False inside code, HTML and link targets: what was typed just before the cursor was
/// blanked out of the prose mask.
fn typing_in_prose(file: &BriefFile, offset: usize) -> bool {
    let offset = offset.min(file.text.len());
    let before = file.text[..offset].chars().next_back();
    let masked_before = file
        .brief
        .masked
        .get(..offset)
        .and_then(|m| m.chars().next_back());
    match before {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some(c) => masked_before == Some(c),
    }
}

/// The word being typed just before `offset`: letters, digits, apostrophes and hyphens.
pub fn typed_word(text: &str, offset: usize) -> Range<usize> {
    let offset = offset.min(text.len());
    let mut start = offset;
    for (i, ch) in text[..offset].char_indices().rev() {
        if ch.is_alphanumeric()
            || ch == '-'
            || ch == '\''
            || ch == '’'
            || ch == '.' && i + 1 < offset
        {
            start = i;
        } else {
            break;
        }
    }
    start..offset
}

#[cfg(test)]
mod tests;
