//! All conversion between LSP types and the core's offsets and structs, both ways.
//!
//! `from_*` functions turn client positions into byte offsets; `to_*` functions turn the
//! core's answers into LSP types. Nothing else in dossier knows what a `Position` is.
//!
//! `position.rs`: positions and ranges both ways, and edits applied to a rope (all the
//! position conversion there is); `uris.rs`: documents' URIs; `features.rs`: each
//! feature's answer in LSP types.

mod features;
mod position;
mod uris;

pub use features::{
    completion_target, markdown_documentation, semantic_token_legend, to_code_action,
    to_completion, to_definition, to_diagnostic, to_document_symbol, to_hover, to_inlay_hint,
    to_location, to_semantic_tokens, to_workspace_symbol, CompletionStyle,
};
pub use position::{
    apply_change, from_position, from_range, rope_char_index, to_position, to_range, TextRef,
};
pub use uris::{uri_of, DocUris};
