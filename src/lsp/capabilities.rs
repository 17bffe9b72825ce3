//! The `initialize` exchange: what the client offers (position encoding, capabilities,
//! behaviours known only by its name, the workspace folder) read into the session's
//! settings, and the capabilities the server announces in return.

use tower_lsp::lsp_types::*;

use super::proto::{self, CompletionStyle};
use super::state::ClientSupport;
use crate::analysis::text::ColumnUnit;

pub(super) fn negotiate_unit(params: &InitializeParams) -> ColumnUnit {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(encodings) if encodings.contains(&PositionEncodingKind::UTF8) => ColumnUnit::Utf8,
        _ => ColumnUnit::Utf16,
    }
}

pub(super) fn client_support(caps: &ClientCapabilities) -> ClientSupport {
    ClientSupport {
        work_done_progress: caps
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false),
        watched_files_dynamic: caps
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files)
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
        configuration_pull: caps
            .workspace
            .as_ref()
            .and_then(|w| w.configuration)
            .unwrap_or(false),
        definition_links: caps
            .text_document
            .as_ref()
            .and_then(|t| t.definition)
            .and_then(|d| d.link_support)
            .unwrap_or(false),
        completion: CompletionStyle {
            snippets: caps
                .text_document
                .as_ref()
                .and_then(|t| t.completion.as_ref())
                .and_then(|c| c.completion_item.as_ref())
                .and_then(|i| i.snippet_support)
                .unwrap_or(false),
            filter_text_replaces_label: false,
        },
    }
}

/// Clients known by name for a behaviour their capabilities do not tell.
pub(super) fn with_client_quirks(
    mut support: ClientSupport,
    client: Option<&ClientInfo>,
) -> ClientSupport {
    // Neovim's vim.lsp.completion (0.10, 0.11) inserts a snippet item's filterText when
    // its label does not start with the typed text ("Neta" -> "Netanyahu").
    support.completion.filter_text_replaces_label = client.is_some_and(|c| c.name == "Neovim");
    support
}

#[allow(deprecated)] // `root_uri` is deprecated in favour of workspace folders; both are read
pub(super) fn workspace_root(params: &InitializeParams) -> Option<std::path::PathBuf> {
    let uri = params
        .workspace_folders
        .as_ref()
        .and_then(|folders| folders.first())
        .map(|f| f.uri.clone())
        .or_else(|| params.root_uri.clone())?;
    uri.to_file_path().ok()
}

pub(super) fn capabilities(unit: ColumnUnit) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match unit {
            ColumnUnit::Utf8 => PositionEncodingKind::UTF8,
            ColumnUnit::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(["@", "[", "\"", "“"].map(String::from).to_vec()),
            resolve_provider: Some(true),
            ..CompletionOptions::default()
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        inlay_hint_provider: Some(OneOf::Left(true)),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: proto::semantic_token_legend(),
                full: Some(SemanticTokensFullOptions::Bool(true)),
                range: None,
                ..SemanticTokensOptions::default()
            },
        )),
        document_link_provider: Some(DocumentLinkOptions {
            resolve_provider: Some(false),
            work_done_progress_options: Default::default(),
        }),
        ..ServerCapabilities::default()
    }
}
