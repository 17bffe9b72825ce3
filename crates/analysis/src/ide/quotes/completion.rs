//! Completion inside an open quote: after `Putin said "` that speaker's quotes; after three
//! or more typed words, the rest of the source sentences that begin with them.

use std::ops::Range;

use super::check::names_agree;
use crate::ide::cursor::typed_word;
use crate::ide::symbols::shorten;
use crate::ide::types::{BriefFile, Completion, CompletionKind, Context};
use crate::quotes::attribution::{self, Cue};
use crate::quotes::normalize::count_words;

/// `Some` when the cursor is inside an open quote (the quote's completions answer alone).
pub fn completion(cx: Context, file: &BriefFile, offset: usize) -> Option<Vec<Completion>> {
    let offset = offset.min(file.text.len());
    if !file.text.is_char_boundary(offset) {
        return None;
    }
    let (para_start, mark) = open_quote_at(&file.brief.masked, offset)?;
    let inner_start = mark
        + file.brief.masked[mark..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
    let partial = typed_word(&file.text, offset);
    let partial = partial.start.max(inner_start)..offset;
    let complete = file
        .brief
        .masked
        .get(inner_start..partial.start)
        .unwrap_or_default();
    let items = if count_words(complete) >= 3 {
        continuations(cx, file, complete, partial)
    } else {
        speaker_quotes(cx, file, para_start, mark, inner_start..offset)
    };
    Some(items)
}

/// The paragraph start and the opening mark of the quote still open at `offset`.
fn open_quote_at(masked: &str, offset: usize) -> Option<(usize, usize)> {
    let before = masked.get(..offset)?;
    let para_start = before.rfind("\n\n").map_or(0, |i| i + 2);
    let mut open: Option<usize> = None;
    let mut prev: Option<char> = None;
    for (i, ch) in before[para_start..].char_indices() {
        let at = para_start + i;
        match (ch, open) {
            ('“' | '«' | '„', None) => open = Some(at),
            ('”' | '»', Some(_)) => open = None,
            ('"', None) if prev.is_none_or(|c| c.is_whitespace() || "([{—–-:/".contains(c)) => {
                open = Some(at)
            }
            ('"', Some(_)) => open = None,
            _ => {}
        }
        prev = Some(ch);
    }
    open.map(|mark| (para_start, mark))
}

/// The rest of each source sentence that starts with the typed words.
fn continuations(
    cx: Context,
    file: &BriefFile,
    typed: &str,
    partial: Range<usize>,
) -> Vec<Completion> {
    let prefix = file
        .text
        .get(partial.clone())
        .unwrap_or_default()
        .to_lowercase();
    let mut items: Vec<Completion> = Vec::new();
    for m in cx.corpus.quotes.find(&cx.corpus.docs, typed) {
        if m.similarity < 1.0 {
            continue;
        }
        let doc = cx.corpus.doc(m.doc);
        let rest = doc.text().get(m.span.end..).unwrap_or_default();
        let Some(word_at) = rest.find(|c: char| c.is_alphanumeric()) else {
            continue;
        };
        if rest[..word_at].contains(['.', '!', '?', '"', '”', '\n']) {
            continue; // the sentence ends where the typed words do
        }
        let rest = &rest[word_at..];
        let end = rest
            .find(['.', '!', '?'])
            .map(|i| i + 1)
            .into_iter()
            .chain(rest.find(['"', '”', '\n']))
            .min()
            .unwrap_or(rest.len());
        let insert = rest[..end].trim_end().trim_end_matches(',').to_string();
        if insert.is_empty()
            || !insert.to_lowercase().starts_with(&prefix)
            || items.iter().any(|i| i.insert_text == insert)
        {
            continue;
        }
        items.push(Completion {
            label: shorten(&insert, 60),
            kind: CompletionKind::Quote,
            detail: Some(format!(
                "@{} line {}",
                doc.key,
                doc.line_index.line_of(m.span.end) + 1
            )),
            documentation: Some(format!(
                "> {}",
                shorten(&doc.text()[m.span.start..m.span.end + word_at + end], 400)
            )),
            target: None,
            filter_text: insert.clone(),
            insert_text: insert,
            edit_range: partial.clone(),
            rank: items.len() as u32,
        });
    }
    items
}

/// The quotes of the speaker the brief names before the open mark (`Putin said "`).
fn speaker_quotes(
    cx: Context,
    file: &BriefFile,
    para_start: usize,
    mark: usize,
    typed: Range<usize>,
) -> Vec<Completion> {
    let masked = &file.brief.masked;
    let Some((Cue::Name(span), _)) =
        attribution::explicit_cue(masked, para_start..mark + 1, mark..mark + 1)
    else {
        return Vec::new();
    };
    let name = file.text.get(span).unwrap_or_default();
    let actor = cx.corpus.actors.resolve(name);
    let typed_text = file
        .text
        .get(typed.clone())
        .unwrap_or_default()
        .trim_start()
        .to_lowercase();
    let mut items: Vec<Completion> = Vec::new();
    for q in cx.corpus.quotes.quotes.iter().filter(|q| q.is_speech) {
        let same = match (actor, q.speaker) {
            (Some(a), Some(s)) => a == s,
            _ => q
                .speaker_name
                .as_deref()
                .is_some_and(|s| names_agree(s, name)),
        };
        if !same {
            continue;
        }
        let doc = cx.corpus.doc(q.doc);
        let words = doc.text().get(q.inner.clone()).unwrap_or_default();
        let insert: String = words
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end_matches(',')
            .to_string();
        if !insert.to_lowercase().starts_with(&typed_text)
            || items.iter().any(|i| i.insert_text == insert)
        {
            continue;
        }
        items.push(Completion {
            label: shorten(&insert, 60),
            kind: CompletionKind::Quote,
            detail: Some(format!(
                "{} · @{}",
                q.speaker_name.as_deref().unwrap_or(name),
                doc.key
            )),
            documentation: Some(format!("> {insert}")),
            target: None,
            filter_text: insert.clone(),
            insert_text: insert,
            edit_range: typed.clone(),
            rank: items.len() as u32,
        });
    }
    items
}
