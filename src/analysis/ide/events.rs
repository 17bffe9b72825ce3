//! Events in briefs: hover, definition, references, completion, symbols, tokens.
//!
//! Placeholder of the foundation: answers nothing until the Events issue lands.

use super::{
    BriefFile, Completion, Context, HoverResult, Location, Navigation, SemanticToken,
    WorkspaceSymbol,
};

pub fn hover(_cx: Context, _file: &BriefFile, _offset: usize) -> Option<HoverResult> {
    None
}

pub fn definition(_cx: Context, _file: &BriefFile, _offset: usize) -> Option<Navigation> {
    None
}

pub fn references(
    _cx: Context,
    _briefs: &[&BriefFile],
    _file: &BriefFile,
    _offset: usize,
) -> Option<Vec<Location>> {
    None
}

pub fn completion(_cx: Context, _file: &BriefFile, _offset: usize) -> Vec<Completion> {
    Vec::new()
}

pub fn semantic_tokens(_cx: Context, _file: &BriefFile) -> Vec<SemanticToken> {
    Vec::new()
}

pub fn workspace_symbols(_cx: Context, _query: &str) -> Vec<WorkspaceSymbol> {
    Vec::new()
}
