//! Editor features over a brief and the corpus, answered as plain structs.
//!
//! Each feature chains the domains in the order SPEC §4 gives ("which answer wins"):
//! inside a quote the quote answers first; outside, a citation, an actor or an event.
//! The protocol layer turns these structs into LSP types.
//!
//! This file is the dispatcher only: the structs live in `types.rs` (re-exported here),
//! each domain's answers in its own file, the helpers the domains share in `ranking.rs`
//! and `cursor.rs`. The `use` arrows run one way: this file → the domains → `types`.

pub mod actors;
mod citations;
mod cursor;
pub mod events;
#[cfg(test)]
mod fixture;
pub mod quotes;
mod ranking;
mod symbols;
mod types;

use std::ops::Range;

pub use cursor::{char_boundary, typed_word};
pub use ranking::fuzzy_score;
pub use symbols::{document_symbols, DocumentSymbol, SymbolKind};
pub use types::{
    BriefFile, CheckSettings, CodeAction, Completion, CompletionKind, CompletionTarget, Context,
    Diagnostic, DocumentLink, HoverResult, InlayHint, Location, NavTarget, Navigation, Related,
    SemanticToken, Severity, TextEdit, TokenKind, WorkspaceSymbol, WorkspaceSymbolKind,
    MAX_COMPLETIONS,
};

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

#[cfg(test)]
mod tests;
