//! Quotes in briefs: status, go-to-source, diagnostics, fixes, hints and tokens.
//!
//! Placeholder of the foundation: answers nothing until the Quotes issue lands.

use std::ops::Range;

use super::{
    BriefFile, CodeAction, Completion, Context, Diagnostic, HoverResult, InlayHint, Navigation,
    SemanticToken,
};

pub fn hover(_cx: Context, _file: &BriefFile, _offset: usize) -> Option<HoverResult> {
    None
}

pub fn definition(_cx: Context, _file: &BriefFile, _offset: usize) -> Option<Navigation> {
    None
}

/// `Some` when the cursor is inside a quote (the quote's completions answer alone).
pub fn completion(_cx: Context, _file: &BriefFile, _offset: usize) -> Option<Vec<Completion>> {
    None
}

pub fn diagnostics(_cx: Context, _file: &BriefFile) -> Vec<Diagnostic> {
    Vec::new()
}

pub fn code_actions(_cx: Context, _file: &BriefFile, _range: Range<usize>) -> Vec<CodeAction> {
    Vec::new()
}

pub fn inlay_hints(_cx: Context, _file: &BriefFile) -> Vec<InlayHint> {
    Vec::new()
}

pub fn semantic_tokens(_cx: Context, _file: &BriefFile) -> Vec<SemanticToken> {
    Vec::new()
}
