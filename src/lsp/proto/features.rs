//! Each feature's answer made into LSP types: hover, definition, locations, completion
//! (and the `data` `completionItem/resolve` gets back), diagnostics, code actions, inlay
//! hints, semantic tokens, symbols. Spans go through [`super::position`], documents'
//! URIs through [`DocUris`].

use serde::{Deserialize, Serialize};
use tower_lsp::lsp_types as lsp;

use super::position::{to_position, to_range, TextRef};
use super::uris::DocUris;
use crate::analysis::actors::ActorId;
use crate::analysis::corpus::DocId;
use crate::analysis::ide::{
    self, BriefFile, CompletionKind, CompletionTarget, Severity, TokenKind, WorkspaceSymbolKind,
};
use crate::analysis::text::ColumnUnit;
use crate::analysis::CorpusIndex;

/// How completion items with a multi-word text are sent, from the client's capabilities
/// and name (see [`to_completion`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct CompletionStyle {
    /// `completionItem.snippetSupport`.
    pub snippets: bool,
    /// The client inserts a snippet item's `filterText` instead of its label when the label
    /// does not start with the typed text (Neovim): such items go without one.
    pub filter_text_replaces_label: bool,
}

pub fn to_hover(file: &BriefFile, hover: ide::HoverResult, unit: ColumnUnit) -> lsp::Hover {
    lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: hover.markdown,
        }),
        range: Some(to_range(TextRef::brief(file), &hover.range, unit)),
    }
}

pub fn to_definition(
    corpus: &CorpusIndex,
    uris: &DocUris,
    file: &BriefFile,
    nav: ide::Navigation,
    unit: ColumnUnit,
    link_support: bool,
) -> Option<lsp::GotoDefinitionResponse> {
    let origin = to_range(TextRef::brief(file), &nav.origin, unit);
    let mut links = Vec::new();
    for target in &nav.targets {
        let doc = corpus.doc(target.doc);
        let Some(uri) = uris.of(corpus, target.doc) else {
            continue;
        };
        let text = TextRef::doc(doc);
        links.push(lsp::LocationLink {
            origin_selection_range: Some(origin),
            target_uri: uri,
            target_range: to_range(text, &target.full_range, unit),
            target_selection_range: to_range(text, &target.focus_range, unit),
        });
    }
    if links.is_empty() {
        return None;
    }
    Some(if link_support {
        lsp::GotoDefinitionResponse::Link(links)
    } else {
        lsp::GotoDefinitionResponse::Array(
            links
                .into_iter()
                .map(|l| lsp::Location {
                    uri: l.target_uri,
                    range: l.target_selection_range,
                })
                .collect(),
        )
    })
}

pub fn to_location(
    corpus: &CorpusIndex,
    uris: &DocUris,
    briefs: &[&BriefFile],
    location: &ide::Location,
    unit: ColumnUnit,
) -> Option<lsp::Location> {
    match location {
        ide::Location::Corpus { doc, range } => {
            let uri = uris.of(corpus, *doc)?;
            let doc = corpus.doc(*doc);
            Some(lsp::Location {
                uri,
                range: to_range(TextRef::doc(doc), range, unit),
            })
        }
        ide::Location::Brief { id, range } => {
            let file = briefs.iter().find(|b| &b.id == id)?;
            Some(lsp::Location {
                uri: lsp::Url::parse(id).ok()?,
                range: to_range(TextRef::brief(file), range, unit),
            })
        }
    }
}

/// A completion item. Its `textEdit` replaces the typed word. A text with spaces (a
/// multi-word name) goes as a snippet where the client takes snippets. Neovim 0.11
/// (`vim/lsp/completion.lua`) inserts only the first word of a plain-text `textEdit`
/// (`newText:match('^(%S*)')`: "Neta" -> "Benjamin"); of a snippet it inserts the label,
/// unless a `filterText` is there and the label does not start with the typed text, when
/// it inserts the `filterText` ("Netanyahu"); and it keeps an item with a `textEdit` and
/// no `filterText` whatever was typed ("server took care of filtering"). So for Neovim a
/// snippet item goes without `filterText`: `<C-x><C-o>` inserts the whole label, and
/// `vim.lsp.completion.enable` expands the snippet to the same text. Other clients (VS
/// Code filters on `filterText`) keep it, so an item found by an alias is not dropped.
pub fn to_completion(
    file: &BriefFile,
    item: ide::Completion,
    unit: ColumnUnit,
    style: CompletionStyle,
) -> lsp::CompletionItem {
    let kind = match item.kind {
        CompletionKind::Document => lsp::CompletionItemKind::FILE,
        CompletionKind::Person => lsp::CompletionItemKind::CONSTANT,
        CompletionKind::Organization => lsp::CompletionItemKind::MODULE,
        CompletionKind::Place => lsp::CompletionItemKind::STRUCT,
        CompletionKind::Group => lsp::CompletionItemKind::ENUM,
        CompletionKind::Event => lsp::CompletionItemKind::EVENT,
        CompletionKind::Quote => lsp::CompletionItemKind::TEXT,
    };
    let range = to_range(TextRef::brief(file), &item.edit_range, unit);
    let as_snippet = style.snippets && item.insert_text.contains(char::is_whitespace);
    let (new_text, format) = if as_snippet {
        (
            escape_snippet(&item.insert_text),
            lsp::InsertTextFormat::SNIPPET,
        )
    } else {
        (item.insert_text, lsp::InsertTextFormat::PLAIN_TEXT)
    };
    lsp::CompletionItem {
        label: item.label,
        kind: Some(kind),
        detail: item.detail,
        documentation: item.documentation.map(markdown_documentation),
        data: item.target.map(completion_data),
        sort_text: Some(format!("{:08}", item.rank)),
        filter_text: (!(as_snippet && style.filter_text_replaces_label))
            .then_some(item.filter_text),
        insert_text_format: Some(format),
        text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit {
            range,
            new_text,
        })),
        ..lsp::CompletionItem::default()
    }
}

/// Text inserted literally by a snippet: `\`, `$` and `}` escaped.
fn escape_snippet(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(ch, '\\' | '$' | '}') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

pub fn markdown_documentation(value: String) -> lsp::Documentation {
    lsp::Documentation::MarkupContent(lsp::MarkupContent {
        kind: lsp::MarkupKind::Markdown,
        value,
    })
}

/// The `data` of a completion item: what it names, for `completionItem/resolve`
/// (`{"actor": 3}`, `{"event": 12}`, `{"document": 0}`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
enum CompletionData {
    Actor(ActorId),
    Event(usize),
    Document(DocId),
}

fn completion_data(target: CompletionTarget) -> serde_json::Value {
    let data = match target {
        CompletionTarget::Actor(id) => CompletionData::Actor(id),
        CompletionTarget::Event(idx) => CompletionData::Event(idx),
        CompletionTarget::Document(id) => CompletionData::Document(id),
    };
    serde_json::to_value(data).unwrap_or_default()
}

/// What a completion item's `data` names; `None` for anything else a client sends back.
pub fn completion_target(data: &serde_json::Value) -> Option<CompletionTarget> {
    Some(match CompletionData::deserialize(data).ok()? {
        CompletionData::Actor(id) => CompletionTarget::Actor(id),
        CompletionData::Event(idx) => CompletionTarget::Event(idx),
        CompletionData::Document(id) => CompletionTarget::Document(id),
    })
}

pub fn to_diagnostic(
    corpus: &CorpusIndex,
    uris: &DocUris,
    file: &BriefFile,
    d: &ide::Diagnostic,
    unit: ColumnUnit,
) -> lsp::Diagnostic {
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|r| {
            let doc = corpus.doc(r.doc);
            Some(lsp::DiagnosticRelatedInformation {
                location: lsp::Location {
                    uri: uris.of(corpus, r.doc)?,
                    range: to_range(TextRef::doc(doc), &r.range, unit),
                },
                message: r.message.clone(),
            })
        })
        .collect();
    lsp::Diagnostic {
        range: to_range(TextRef::brief(file), &d.range, unit),
        severity: Some(match d.severity {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
            Severity::Information => lsp::DiagnosticSeverity::INFORMATION,
            Severity::Hint => lsp::DiagnosticSeverity::HINT,
        }),
        code: Some(lsp::NumberOrString::String(d.code.to_string())),
        source: Some("dossier".to_string()),
        message: d.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..lsp::Diagnostic::default()
    }
}

pub fn to_code_action(
    uri: &lsp::Url,
    file: &BriefFile,
    action: ide::CodeAction,
    unit: ColumnUnit,
) -> lsp::CodeActionOrCommand {
    let edits = action
        .edits
        .iter()
        .map(|e| lsp::TextEdit {
            range: to_range(TextRef::brief(file), &e.range, unit),
            new_text: e.new_text.clone(),
        })
        .collect();
    let mut changes = std::collections::HashMap::new();
    changes.insert(uri.clone(), edits);
    lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
        title: action.title,
        kind: Some(lsp::CodeActionKind::QUICKFIX),
        edit: Some(lsp::WorkspaceEdit {
            changes: Some(changes),
            ..lsp::WorkspaceEdit::default()
        }),
        is_preferred: Some(action.is_preferred),
        ..lsp::CodeAction::default()
    })
}

pub fn to_inlay_hint(file: &BriefFile, hint: ide::InlayHint, unit: ColumnUnit) -> lsp::InlayHint {
    lsp::InlayHint {
        position: to_position(TextRef::brief(file), hint.offset, unit),
        label: lsp::InlayHintLabel::String(hint.label),
        kind: None,
        text_edits: None,
        tooltip: hint.tooltip.map(lsp::InlayHintTooltip::String),
        padding_left: Some(true),
        padding_right: None,
        data: None,
    }
}

pub fn semantic_token_legend() -> lsp::SemanticTokensLegend {
    lsp::SemanticTokensLegend {
        token_types: TokenKind::ALL
            .iter()
            .map(|k| lsp::SemanticTokenType::new(k.name()))
            .collect(),
        token_modifiers: Vec::new(),
    }
}

/// Encodes tokens relative to each other, one token per line (multi-line tokens are split,
/// since clients need not support tokens that span lines).
pub fn to_semantic_tokens(
    file: &BriefFile,
    tokens: &[ide::SemanticToken],
    unit: ColumnUnit,
) -> Vec<lsp::SemanticToken> {
    let text = TextRef::brief(file);
    let mut out = Vec::with_capacity(tokens.len());
    let (mut prev_line, mut prev_col) = (0u32, 0u32);
    for token in tokens {
        let kind_index = TokenKind::ALL
            .iter()
            .position(|k| *k == token.kind)
            .unwrap_or(0) as u32;
        let first_line = file.line_index.line_of(token.range.start);
        let last_line = file
            .line_index
            .line_of(token.range.end.saturating_sub(1).max(token.range.start));
        for line in first_line..=last_line {
            let Some(line_range) = file.line_index.line_range(line) else {
                break;
            };
            let start = token.range.start.max(line_range.start);
            let end = token.range.end.min(line_range.end);
            if start >= end {
                continue;
            }
            let start_pos = to_position(text, start, unit);
            let end_pos = to_position(text, end, unit);
            let delta_line = start_pos.line - prev_line;
            let delta_start = if delta_line == 0 {
                start_pos.character - prev_col
            } else {
                start_pos.character
            };
            out.push(lsp::SemanticToken {
                delta_line,
                delta_start,
                length: end_pos.character - start_pos.character,
                token_type: kind_index,
                token_modifiers_bitset: 0,
            });
            prev_line = start_pos.line;
            prev_col = start_pos.character;
        }
    }
    out
}

#[allow(deprecated)] // `SymbolInformation::deprecated` must be named to build the struct
pub fn to_workspace_symbol(
    corpus: &CorpusIndex,
    uris: &DocUris,
    symbol: ide::WorkspaceSymbol,
    unit: ColumnUnit,
) -> Option<lsp::SymbolInformation> {
    let doc = corpus.doc(symbol.doc);
    let kind = match symbol.kind {
        WorkspaceSymbolKind::Person => lsp::SymbolKind::CONSTANT,
        WorkspaceSymbolKind::Organization => lsp::SymbolKind::MODULE,
        WorkspaceSymbolKind::Place => lsp::SymbolKind::STRUCT,
        WorkspaceSymbolKind::Group => lsp::SymbolKind::ENUM,
        WorkspaceSymbolKind::Event => lsp::SymbolKind::EVENT,
        WorkspaceSymbolKind::Document => lsp::SymbolKind::FILE,
    };
    Some(lsp::SymbolInformation {
        name: symbol.name,
        kind,
        tags: None,
        deprecated: None,
        location: lsp::Location {
            uri: uris.of(corpus, symbol.doc)?,
            range: to_range(TextRef::doc(doc), &symbol.range, unit),
        },
        container_name: symbol.container,
    })
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be named to build the struct
pub fn to_document_symbol(
    file: &BriefFile,
    symbol: ide::DocumentSymbol,
    unit: ColumnUnit,
) -> lsp::DocumentSymbol {
    let text = TextRef::brief(file);
    lsp::DocumentSymbol {
        name: symbol.name,
        detail: None,
        kind: match symbol.kind {
            ide::SymbolKind::Heading => lsp::SymbolKind::STRING,
            ide::SymbolKind::Quote => lsp::SymbolKind::KEY,
        },
        tags: None,
        deprecated: None,
        range: to_range(text, &symbol.range, unit),
        selection_range: to_range(text, &symbol.selection_range, unit),
        children: Some(
            symbol
                .children
                .into_iter()
                .map(|c| to_document_symbol(file, c, unit))
                .collect(),
        ),
    }
}
