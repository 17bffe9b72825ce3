//! All conversion between LSP types and the core's offsets and structs, both ways.
//!
//! `from_*` functions turn client positions into byte offsets; `to_*` functions turn the
//! core's answers into LSP types. Nothing else in dossier knows what a `Position` is.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Mutex;

use ropey::Rope;
use serde::{Deserialize, Serialize};
use tower_lsp::lsp_types as lsp;

use crate::analysis::actors::ActorId;
use crate::analysis::corpus::{DocId, Document};
use crate::analysis::ide::{
    self, BriefFile, CompletionKind, CompletionTarget, Severity, TokenKind, WorkspaceSymbolKind,
};
use crate::analysis::text::{ColumnUnit, LineCol, LineIndex};
use crate::analysis::CorpusIndex;
use crate::cache;

/// The line index of a text: all that position conversion needs. A corpus document's is
/// known without its text, so converting its spans never reads a deferred document.
#[derive(Clone, Copy)]
pub struct TextRef<'a> {
    pub lines: &'a LineIndex,
}

impl<'a> TextRef<'a> {
    pub fn brief(file: &'a BriefFile) -> Self {
        TextRef {
            lines: &file.line_index,
        }
    }

    pub fn doc(doc: &'a Document) -> Self {
        TextRef {
            lines: &doc.line_index,
        }
    }
}

pub fn from_position(text: TextRef, pos: lsp::Position, unit: ColumnUnit) -> usize {
    text.lines.offset(
        LineCol {
            line: pos.line,
            col: pos.character,
        },
        unit,
    )
}

pub fn from_range(text: TextRef, range: lsp::Range, unit: ColumnUnit) -> Range<usize> {
    let start = from_position(text, range.start, unit);
    let end = from_position(text, range.end, unit);
    start.min(end)..end.max(start)
}

pub fn to_position(text: TextRef, offset: usize, unit: ColumnUnit) -> lsp::Position {
    let lc = text.lines.line_col(offset, unit);
    lsp::Position {
        line: lc.line,
        character: lc.col,
    }
}

pub fn to_range(text: TextRef, range: &Range<usize>, unit: ColumnUnit) -> lsp::Range {
    lsp::Range {
        start: to_position(text, range.start, unit),
        end: to_position(text, range.end, unit),
    }
}

/// The char index in a rope of an LSP position, clamped like [`LineIndex::offset`].
pub fn rope_char_index(rope: &Rope, pos: lsp::Position, unit: ColumnUnit) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let line_start = rope.line_to_char(line);
    let mut units = 0usize;
    let wanted = pos.character as usize;
    for (i, ch) in rope.line(line).chars().enumerate() {
        if ch == '\n' || ch == '\r' || units >= wanted {
            return line_start + i;
        }
        units += match unit {
            ColumnUnit::Utf8 => ch.len_utf8(),
            ColumnUnit::Utf16 => ch.len_utf16(),
        };
        if units > wanted {
            return line_start + i;
        }
    }
    rope.len_chars()
}

/// Applies one `didChange` content change to a rope.
pub fn apply_change(
    rope: &mut Rope,
    change: &lsp::TextDocumentContentChangeEvent,
    unit: ColumnUnit,
) {
    match change.range {
        None => *rope = Rope::from_str(&change.text),
        Some(range) => {
            let start = rope_char_index(rope, range.start, unit);
            let end = rope_char_index(rope, range.end, unit).max(start);
            rope.remove(start..end);
            rope.insert(start, &change.text);
        }
    }
}

pub fn uri_of(doc: &Document) -> Option<lsp::Url> {
    lsp::Url::from_file_path(&doc.path).ok()
}

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

/// The `file://` URIs of one corpus index's documents, each made the first time an answer
/// names its document: a definition or references answer can name tens of thousands of
/// documents, and making a URI from a path costs more than the rest of a location.
///
/// A saved page or a PDF is answered as its plain-text rendition, written then beside the
/// index cache (`cache::write_rendition`): the core's offsets are offsets into that text,
/// not into the file's bytes. When no rendition can be written the file itself is named.
#[derive(Debug, Default)]
pub struct DocUris {
    uris: Mutex<HashMap<DocId, lsp::Url>>,
    /// Where renditions go (`cache::renditions_dir`); `None` when no cache folder is known.
    renditions: Option<PathBuf>,
}

impl DocUris {
    pub fn new(renditions: Option<PathBuf>) -> DocUris {
        DocUris {
            uris: Mutex::default(),
            renditions,
        }
    }

    /// The URI of document `id` of `corpus`, which must be the index these URIs are for.
    /// Writes the document's rendition the first time when it has one (call off the async
    /// runtime).
    pub fn of(&self, corpus: &CorpusIndex, id: DocId) -> Option<lsp::Url> {
        let known = self
            .uris
            .lock()
            .ok()
            .and_then(|uris| uris.get(&id).cloned());
        if known.is_some() {
            return known;
        }
        let doc = corpus.docs.get(id as usize)?;
        let uri = match (&self.renditions, cache::has_rendition(doc)) {
            (Some(dir), true) => match cache::write_rendition(dir, doc) {
                Ok(path) => lsp::Url::from_file_path(path).ok(),
                Err(err) => {
                    tracing::warn!("cannot write the text of {}: {err}", doc.rel_path);
                    uri_of(doc)
                }
            },
            _ => uri_of(doc),
        }?;
        if let Ok(mut uris) = self.uris.lock() {
            uris.insert(id, uri.clone());
        }
        Some(uri)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> lsp::Position {
        lsp::Position { line, character }
    }

    #[test]
    fn incremental_edits_with_non_ascii_and_crlf_match_the_client_text() {
        for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16] {
            let mut rope = Rope::from_str("é — ’ 🙂 x\r\nline two\r\n");
            // Replace "x" (after the emoji) with "y🙂"; columns differ per unit.
            let x_col = match unit {
                ColumnUnit::Utf8 => "é — ’ 🙂 ".len() as u32,
                ColumnUnit::Utf16 => "é — ’ 🙂 ".encode_utf16().count() as u32,
            };
            let change = lsp::TextDocumentContentChangeEvent {
                range: Some(lsp::Range {
                    start: pos(0, x_col),
                    end: pos(0, x_col + 1),
                }),
                range_length: None,
                text: "y🙂".into(),
            };
            apply_change(&mut rope, &change, unit);
            // Insert past the end of line 1: clamped to the line's end, before the CRLF.
            let change = lsp::TextDocumentContentChangeEvent {
                range: Some(lsp::Range {
                    start: pos(1, 99),
                    end: pos(1, 99),
                }),
                range_length: None,
                text: "!".into(),
            };
            apply_change(&mut rope, &change, unit);
            assert_eq!(rope.to_string(), "é — ’ 🙂 y🙂\r\nline two!\r\n");
        }
    }

    #[test]
    fn positions_convert_both_ways() {
        let file = BriefFile::new("b".into(), "a🙂b\r\nc".into());
        let text = TextRef::brief(&file);
        let b = file.text.find('b').unwrap();
        assert_eq!(to_position(text, b, ColumnUnit::Utf16), pos(0, 3));
        assert_eq!(from_position(text, pos(0, 3), ColumnUnit::Utf16), b);
        assert_eq!(
            from_position(text, pos(1, 0), ColumnUnit::Utf8),
            file.text.find('c').unwrap()
        );
    }
}

#[cfg(test)]
mod edit_sequences {
    //! Property: any sequence of incremental edits, in either encoding, leaves the rope
    //! identical to the client's own text.

    use super::*;
    use proptest::prelude::*;

    const PIECES: [&str; 12] = [
        "a", "é", "—", "’", "漢字", "🙂", "\r\n", "\n", " ", "word ", "\r\nx", "",
    ];

    /// Reference position of a byte offset, computed independently of `LineIndex`.
    fn reference_position(text: &str, offset: usize, unit: ColumnUnit) -> lsp::Position {
        let mut line = 0;
        let mut line_start = 0;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < offset {
            match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') && i + 1 < offset => {
                    line += 1;
                    i += 2;
                    line_start = i;
                    continue;
                }
                b'\r' | b'\n' => {
                    line += 1;
                    line_start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        let segment = &text[line_start..offset];
        let character = match unit {
            ColumnUnit::Utf8 => segment.len(),
            ColumnUnit::Utf16 => segment.encode_utf16().count(),
        };
        lsp::Position {
            line,
            character: character as u32,
        }
    }

    /// Offsets a client could address: char boundaries not inside a CRLF pair.
    fn addressable(text: &str) -> Vec<usize> {
        (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .filter(|&i| {
                !(i > 0
                    && text.as_bytes()[i - 1] == b'\r'
                    && text.as_bytes().get(i) == Some(&b'\n'))
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn rope_matches_client_text(
            utf8 in any::<bool>(),
            edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), 0..PIECES.len(), 0..PIECES.len()), 1..40),
        ) {
            let unit = if utf8 { ColumnUnit::Utf8 } else { ColumnUnit::Utf16 };
            let mut client = String::from("é — ’ 🙂\r\nline\rthird 漢字\n");
            let mut rope = Rope::from_str(&client);
            for (a, b, p1, p2) in edits {
                let offsets = addressable(&client);
                let (x, y) = (a.get(&offsets), b.get(&offsets));
                let (start, end) = (*x.min(y), *x.max(y));
                let new_text = format!("{}{}", PIECES[p1], PIECES[p2]);
                let change = lsp::TextDocumentContentChangeEvent {
                    range: Some(lsp::Range { start: reference_position(&client, start, unit), end: reference_position(&client, end, unit) }),
                    range_length: None,
                    text: new_text.clone(),
                };
                apply_change(&mut rope, &change, unit);
                client.replace_range(start..end, &new_text);
                prop_assert_eq!(rope.to_string(), client.clone());
                // Positions computed by the core agree with the reference everywhere.
                let file = BriefFile::new("b".into(), client.clone());
                for &offset in addressable(&client).iter().step_by(3) {
                    prop_assert_eq!(to_position(TextRef::brief(&file), offset, unit), reference_position(&client, offset, unit));
                }
            }
        }
    }
}
