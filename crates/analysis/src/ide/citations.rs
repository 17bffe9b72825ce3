//! Pandoc citations (`[@key]`, `[@a; @b, p. 3]`, bare `@key`): hover, definition,
//! completion, links, diagnostics.

use super::ranking::fuzzy_score;
use super::types::{
    BriefFile, Completion, CompletionKind, CompletionTarget, Context, Diagnostic, DocumentLink,
    HoverResult, NavTarget, Navigation, SemanticToken, Severity, TokenKind, WorkspaceSymbol,
    WorkspaceSymbolKind, MAX_COMPLETIONS,
};
use crate::brief::is_key_start;
use crate::corpus::{DocId, Document};
use crate::file_kind::Kind;

pub(super) fn hover(cx: Context, file: &BriefFile, offset: usize) -> Option<HoverResult> {
    let citation = file.brief.citation_at(offset)?;
    let doc_id = cx.corpus.doc_by_key(&citation.key)?;
    let doc = cx.corpus.doc(doc_id);
    Some(HoverResult {
        range: citation.range.clone(),
        markdown: document_card(doc),
    })
}

/// The card shown for a document: title, date, source, path, size and how it opens.
pub fn document_card(doc: &Document) -> String {
    format!(
        "**{}**\n\n{}",
        escape_markdown(&doc.title),
        document_facts(doc)
    )
}

/// The card below its title: key, date, source, path and size, link, opening words.
fn document_facts(doc: &Document) -> String {
    let mut card = String::new();
    let mut facts = vec![format!("`@{}`", doc.key)];
    if let Some(date) = doc.date() {
        facts.push(date.to_string());
    }
    if let Some(source) = &doc.front_matter.source {
        facts.push(escape_markdown(source));
    }
    facts.push(format!("`{}`", doc.rel_path));
    facts.push(format_size(doc.len()));
    card.push_str(&facts.join(" · "));
    if let Some(url) = &doc.front_matter.url {
        card.push_str(&format!("\n\n<{url}>"));
    }
    if let Some(original) = original_file_link(doc) {
        card.push_str(&format!("\n\nOriginal: {original}"));
    }
    let opening = opening_words(doc.body_text(), &doc.title, 40);
    if !opening.is_empty() {
        card.push_str(&format!("\n\n> {}", escape_markdown(&opening)));
    }
    card
}

pub(super) fn definition(cx: Context, file: &BriefFile, offset: usize) -> Option<Navigation> {
    let citation = file.brief.citation_at(offset)?;
    let doc = cx.corpus.doc_by_key(&citation.key)?;
    Some(Navigation {
        origin: citation.range.clone(),
        targets: vec![NavTarget {
            doc,
            full_range: 0..0,
            focus_range: 0..0,
        }],
    })
}

/// Document keys after `@` (also `[@`, `; @`): the typed part of the key is replaced.
pub(super) fn completion(cx: Context, file: &BriefFile, offset: usize) -> Option<Vec<Completion>> {
    let text = &file.text;
    let offset = offset.min(text.len());
    let mut start = offset;
    for (i, ch) in text[..offset].char_indices().rev() {
        if is_key_start(ch) || ":.#$%&-+?<>~/".contains(ch) {
            start = i;
        } else {
            break;
        }
    }
    let at = start
        .checked_sub(1)
        .filter(|&at| text.as_bytes()[at] == b'@')?;
    let before_at = text[..at].chars().next_back();
    if before_at.is_some_and(|c| c.is_alphanumeric() || "._%+-".contains(c)) {
        return None; // an e-mail address, not a citation
    }
    if file.brief.masked.as_bytes().get(at) != Some(&b'@') {
        return None; // inside code or a link target
    }
    let typed = &text[start..offset];
    if cx.is_cancelled() {
        return Some(Vec::new());
    }
    // A key that starts with the typed text scores 0 and nothing else does: when there
    // are enough of them (always, after a bare `[@`), the best are the first in key order,
    // read from the index's sorted keys. Otherwise every document is ranked, over keys and
    // titles lowercased once (linear in the corpus, but a few nanoseconds a document).
    let prefixed = cx.corpus.docs_with_key_prefix(&typed.to_lowercase());
    let key_of = |id: DocId| cx.corpus.doc(id).key.as_str();
    let mut ranked: Vec<(u32, &str, DocId)> = if prefixed.len() >= MAX_COMPLETIONS {
        let n = if cx.corpus.keys_are_lowercase() {
            MAX_COMPLETIONS
        } else {
            prefixed.len()
        };
        prefixed[..n]
            .iter()
            .map(|&(_, id)| (0, key_of(id), id))
            .collect()
    } else {
        let Some(ranked) = cx
            .corpus
            .doc_search()
            .rank(typed, MAX_COMPLETIONS, &|| cx.is_cancelled())
        else {
            return Some(Vec::new());
        };
        ranked
            .into_iter()
            .map(|(score, id)| (score, key_of(id), id))
            .collect()
    };
    let best = super::ranking::take_best(&mut ranked, MAX_COMPLETIONS);
    let closing = if closes_bracket(text, at, offset) {
        "]"
    } else {
        ""
    };
    let items = best
        .iter()
        .map(|&(score, key, id)| {
            let title = &cx.corpus.doc(id).title;
            Completion {
                label: key.to_string(),
                kind: CompletionKind::Document,
                detail: Some(title.clone()),
                documentation: None,
                target: Some(CompletionTarget::Document(id)),
                filter_text: citation_filter_text(typed, key, title),
                insert_text: format!("{key}{closing}"),
                edit_range: start..offset,
                rank: score,
            }
        })
        .collect();
    Some(items)
}

/// What a client filters a key on. Clients keep only items whose filter text matches what
/// was typed (Neovim: starts with it), so a key found by its title (`[@Tehran`) would be
/// dropped if the key were the filter text: it is then the typed text followed by the
/// rest of the title word it begins, the rest of the title and the key.
fn citation_filter_text(typed: &str, key: &str, title: &str) -> String {
    let typed_lower = typed.to_lowercase();
    if typed.is_empty() || key.to_lowercase().starts_with(&typed_lower) {
        return key.to_string();
    }
    let title_word = title.char_indices().find(|&(i, _)| {
        let at_word_start = title[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        at_word_start && title[i..].to_lowercase().starts_with(&typed_lower)
    });
    // The rest after as many characters as were typed (their case may differ).
    let rest_after_typed =
        |from: &str| -> String { from.chars().skip(typed.chars().count()).collect() };
    if let Some((i, _)) = title_word {
        return format!("{typed}{} {key}", rest_after_typed(&title[i..]));
    }
    let in_key = key
        .is_ascii()
        .then(|| key.to_ascii_lowercase().find(&typed_lower))
        .flatten();
    match in_key {
        Some(i) => format!("{typed}{} {key}", rest_after_typed(&key[i..])),
        None => format!("{key} {title}"),
    }
}

/// Whether a key inserted at `at + 1..offset` should close the bracket: the `@` is inside
/// an open `[` of this line and no `]` follows before the next `[` or the line's end.
fn closes_bracket(text: &str, at: usize, offset: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..at];
    let opened = before
        .rfind(['[', ']'])
        .is_some_and(|i| before.as_bytes()[i] == b'[');
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let after = &text[offset..line_end];
    let closed = after
        .find(['[', ']'])
        .is_some_and(|i| after.as_bytes()[i] == b']');
    opened && !closed
}

/// The document card of a key offered after `@` (`completionItem/resolve`), without the
/// title: the item's detail shows it right above.
pub(super) fn completion_documentation(cx: Context, id: DocId, key: &str) -> Option<String> {
    let doc = cx.corpus.docs.get(id as usize)?;
    (doc.key == key).then(|| document_facts(doc))
}

pub(super) fn diagnostics(cx: Context, file: &BriefFile) -> Vec<Diagnostic> {
    // Before the corpus is indexed every key would look unknown.
    if !cx.index_ready {
        return Vec::new();
    }
    file.brief
        .citations
        .iter()
        .filter(|c| cx.corpus.doc_by_key(&c.key).is_none())
        .map(|c| Diagnostic {
            range: c.range.start - 1..c.range.end,
            severity: Severity::Error,
            code: "unknown-citation",
            message: unknown_key_message(cx, &c.key),
            related: Vec::new(),
        })
        .collect()
}

fn unknown_key_message(cx: Context, key: &str) -> String {
    let closest = cx
        .corpus
        .docs
        .iter()
        .filter_map(|d| fuzzy_score(key, &d.key).map(|s| (s, &d.key)))
        .min();
    match closest {
        Some((_, suggestion)) => format!("unknown citation key `@{key}`: no corpus document has this key (did you mean `@{suggestion}`?)"),
        None => format!("unknown citation key `@{key}`: no corpus document has this key"),
    }
}

pub(super) fn document_links(cx: Context, file: &BriefFile) -> Vec<DocumentLink> {
    file.brief
        .citations
        .iter()
        .filter_map(|c| {
            Some(DocumentLink {
                range: c.range.clone(),
                doc: cx.corpus.doc_by_key(&c.key)?,
            })
        })
        .collect()
}

pub(super) fn semantic_tokens(file: &BriefFile) -> Vec<SemanticToken> {
    file.brief
        .citations
        .iter()
        .map(|c| SemanticToken {
            range: c.range.start - 1..c.range.end,
            kind: TokenKind::Citation,
        })
        .collect()
}

pub(super) fn workspace_symbols(cx: Context, query: &str) -> Vec<WorkspaceSymbol> {
    cx.corpus
        .docs
        .iter()
        .enumerate()
        .take_while(|(i, _)| i % 1024 != 0 || !cx.is_cancelled())
        .filter(|(_, d)| {
            fuzzy_score(query, &d.key).is_some() || fuzzy_score(query, &d.title).is_some()
        })
        .map(|(i, d)| WorkspaceSymbol {
            name: d.key.clone(),
            kind: WorkspaceSymbolKind::Document,
            doc: i as u32,
            range: 0..0,
            container: Some(d.title.clone()),
        })
        .collect()
}

fn format_size(bytes: usize) -> String {
    if bytes < 10_000 {
        format!("{bytes} bytes")
    } else if bytes < 10_000_000 {
        format!("{} KB", bytes / 1000)
    } else {
        format!("{} MB", bytes / 1_000_000)
    }
}

/// The first words of the body after the title: what the document is about. The title is
/// skipped word by word, so a title written over two lines or with other spacing (or
/// repeated by a front matter `title:`) is not shown again.
fn opening_words(body: &str, title: &str, max_words: usize) -> String {
    let mut body_words = body.split_whitespace();
    // A title taken from a long first line is cut with "…", maybe inside a word.
    let shortened = title.strip_suffix('…');
    let title_words: Vec<&str> = shortened.unwrap_or(title).split_whitespace().collect();
    let starts_with_title = !title_words.is_empty()
        && body.split_whitespace().zip(&title_words).enumerate().all(
            |(i, (body_word, title_word))| {
                body_word == *title_word
                    || shortened.is_some()
                        && i + 1 == title_words.len()
                        && body_word.starts_with(title_word)
            },
        )
        && body.split_whitespace().count() >= title_words.len();
    if starts_with_title {
        for _ in 0..title_words.len() {
            body_words.next();
        }
    }
    let words: Vec<&str> = body_words.take(max_words + 1).collect();
    if words.len() > max_words {
        format!("{} …", words[..max_words].join(" "))
    } else {
        words.join(" ")
    }
}

/// A markdown link to the file a saved page or PDF was read from (go-to-source opens its
/// plain-text rendition instead, where the spans are): `[name.pdf](file:///...)`. `None`
/// for a text file, which go-to-source opens itself.
pub(super) fn original_file_link(doc: &Document) -> Option<String> {
    if !matches!(Kind::of_path(&doc.path), Ok(Kind::Html | Kind::Pdf)) {
        return None;
    }
    let name = doc.path.file_name()?.to_string_lossy();
    Some(format!(
        "[{}]({})",
        escape_markdown(&name),
        file_url(&doc.path.to_string_lossy())
    ))
}

/// A `file://` URL for an absolute path: bytes other than unreserved characters, `/` and
/// `:` percent-encoded (spaces, parentheses and non-ASCII would break a markdown link);
/// Windows' `\` made `/`, a drive letter given its leading `/`.
fn file_url(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut url = String::from("file://");
    if !path.starts_with('/') {
        url.push('/');
    }
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/:".contains(&byte) {
            url.push(byte as char);
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

pub(crate) fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if "\\`*_[]<>#|".contains(ch) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}
