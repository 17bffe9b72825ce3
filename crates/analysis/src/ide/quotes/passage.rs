//! The source words a quote's match stands for, as its card, its diagnostics and its fix
//! show them: the aligned passage grown to the clause's words the alignment left out, as
//! one line, and where it stands (`@key` line N).

use std::ops::Range;

use crate::ide::types::Context;
use crate::quotes::{DiffOp, QuoteMatch};

/// The source passage a match stands for: its aligned words and, where the quote begins or
/// ends with words the alignment left unmatched, the source words on that side within the
/// clause (at most one more than those words). The alignment ends a
/// match at its last agreeing word, so "it is absolutely unrealistic" against "it is
/// absolutely not realistic" aligns to "it is absolutely": shown, or put in the brief by
/// the fix, that would drop the words that carry the meaning.
pub fn source_passage(cx: Context, m: &QuoteMatch) -> Range<usize> {
    let text = cx.corpus.doc(m.doc).text();
    let is_word = |op: &&DiffOp| !matches!(op, DiffOp::Skipped { .. });
    let added = |op: &&DiffOp| matches!(op, DiffOp::Added { .. });
    let leading = m.diff.iter().filter(is_word).take_while(added).count();
    let trailing = m
        .diff
        .iter()
        .rev()
        .filter(is_word)
        .take_while(added)
        .count();
    let mut passage = m.span.clone();
    if trailing > 0 {
        passage.end = extend_forward(text, passage.end, trailing + 1);
    }
    if leading > 0 {
        passage.start = extend_backward(text, passage.start, leading + 1);
    }
    passage
}

/// Characters that end a clause: a passage never grows across them.
const CLAUSE_END: &[char] = &[
    '.', ',', ';', ':', '!', '?', '"', '“', '”', '«', '»', '(', ')', '\n', '—', '–',
];

fn extend_forward(text: &str, end: usize, max_words: usize) -> usize {
    let rest = text.get(end..).unwrap_or_default();
    let clause = rest.find(CLAUSE_END).map_or(rest, |i| &rest[..i]);
    let mut new_end = end;
    let mut at = 0;
    for (n, word) in clause.split_whitespace().enumerate() {
        if n == max_words {
            break;
        }
        let found = clause[at..].find(word).map_or(at, |i| at + i);
        at = found + word.len();
        new_end = end + at;
    }
    new_end
}

fn extend_backward(text: &str, start: usize, max_words: usize) -> usize {
    let before = text.get(..start).unwrap_or_default();
    let clause_start = before.rfind(CLAUSE_END).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let clause = &before[clause_start..];
    let mut new_start = start;
    let mut at = clause.len();
    for (n, word) in clause.split_whitespace().rev().enumerate() {
        if n == max_words {
            break;
        }
        let found = clause[..at].rfind(word).unwrap_or(at);
        at = found;
        new_start = clause_start + at;
    }
    new_start
}

/// The source words of a match as one line.
pub(super) fn passage_text(cx: Context, m: &QuoteMatch) -> String {
    let text = cx.corpus.doc(m.doc).text();
    collapse(text.get(source_passage(cx, m)).unwrap_or_default())
}

/// `@key` line N of a match.
pub(super) fn place(cx: Context, m: &QuoteMatch) -> String {
    let doc = cx.corpus.doc(m.doc);
    format!(
        "`@{}` line {}",
        doc.key,
        doc.line_index.line_of(m.span.start) + 1
    )
}

/// Text as one line, its runs of white space made one space.
pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
