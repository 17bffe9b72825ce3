//! Name runs: the capitalised words that name a speaker, titles stripped, and the clause
//! after a cue verb they are read from.

use std::ops::Range;

use super::subject::DOCUMENT_NOUNS;
use super::tokens::{is_party_tag, Tok};
use super::{is_capitalised, is_possessive, possessive_stem};
use crate::lower::lowercase_in;
use crate::lower::str_in;
use crate::quotes::lexicon::{is_not_name, CONNECTORS, TITLE_WORDS};

fn is_demonym(word: &str) -> bool {
    let lower = word.to_lowercase();
    // "Brian", "Julian", "Vivian" are given names, not demonyms.
    word.chars().next().is_some_and(char::is_uppercase)
        && !crate::quotes::gender::is_given_name(word)
        && (lower.ends_with("ian")
            || lower.ends_with("ean")
            || lower.ends_with("ese")
            || lower.ends_with("ish"))
}

/// Strip leading titles from a run of tokens; `None` when nothing name-like is left.
pub(super) fn name_from_run(toks: &[Tok]) -> Option<Range<usize>> {
    let mut start = 0;
    while start < toks.len()
        && (str_in(TITLE_WORDS, toks[start].text)
            || is_not_name(toks[start].text)
            || is_demonym(toks[start].text))
        && start + 1 < toks.len()
    {
        start += 1;
    }
    // "United Steelworkers Political Director Tim Waters", "House Speaker Paul Ryan": a
    // title inside the run ends the organization or place it belongs to.
    if let Some(title) = toks[start..toks.len().saturating_sub(1)]
        .iter()
        .rposition(|t| str_in(TITLE_WORDS, t.text) && t.text.len() > 3)
    {
        start += title + 1;
    }
    let run = &toks[start..];
    let last = run.last()?;
    if is_not_name(last.text)
        || str_in(TITLE_WORDS, last.text)
        || (run.len() == 1 && is_demonym(last.text))
    {
        return None;
    }
    Some(run[0].range.start..last.range.end)
}

/// The name run whose last word is `toks[end]`.
pub(super) fn name_run_ending_at(_text: &str, toks: &[Tok], end: usize) -> Option<Range<usize>> {
    let last = toks.get(end)?;
    if !is_capitalised(last) || is_possessive(last) || is_party_tag(last.text) {
        return None;
    }
    let mut start = end;
    while start > 0 {
        let prev = &toks[start - 1];
        if prev.comma_after || prev.stop_after || is_possessive(prev) {
            break;
        }
        let joins = is_capitalised(prev)
            || (str_in(CONNECTORS, prev.text) && start >= 2 && is_capitalised(&toks[start - 2]));
        if !joins {
            break;
        }
        start -= 1;
    }
    name_from_run(&toks[start..=end])
}

/// The first name run in `toks`.
pub(super) fn first_name_run(text: &str, toks: &[Tok]) -> Option<Range<usize>> {
    let mut i = 0;
    while i < toks.len() {
        if is_capitalised(&toks[i]) && !is_possessive(&toks[i]) {
            let mut end = i;
            while end + 1 < toks.len()
                && !toks[end].comma_after
                && !toks[end].stop_after
                && !is_possessive(&toks[end + 1])
                && (is_capitalised(&toks[end + 1]) || str_in(CONNECTORS, toks[end + 1].text))
            {
                end += 1;
            }
            if let Some(name) = name_run_ending_at(text, toks, end) {
                return Some(name);
            }
            i = end + 1;
        } else {
            i += 1;
        }
    }
    None
}

/// The speaker a clause after an inverted cue verb names: its last name run (`said
/// Virginia delegate Beau Correll`), else its first.
pub(super) fn name_after_verb(text: &str, rest: &[Tok]) -> Option<Range<usize>> {
    last_name_in(text, rest).or_else(|| first_name_run(text, rest))
}

fn last_name_in(text: &str, toks: &[Tok]) -> Option<Range<usize>> {
    (0..toks.len())
        .rev()
        .find_map(|end| name_run_ending_at(text, toks, end))
}

/// Tokens up to the end of the first clause (a comma, a stop, a preposition, "who").
pub(super) fn clause<'a>(toks: &[Tok<'a>]) -> Vec<Tok<'a>> {
    const CLAUSE_BREAKS: &[&str] = &[
        "in", "on", "at", "from", "after", "during", "to", "with", "who", "which", "that",
        "before", "as", "when", "while", "of", "outside", "inside", "near", "by",
    ];
    let mut out = Vec::new();
    for tok in toks.iter().take(8) {
        if str_in(CLAUSE_BREAKS, tok.text) {
            break;
        }
        out.push(tok.clone());
        if tok.comma_after || tok.stop_after {
            break;
        }
    }
    out
}

fn clause_after_according<'a>(toks: &[Tok<'a>]) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    for tok in toks.iter().take(10) {
        out.push(tok.clone());
        if tok.comma_after || tok.stop_after {
            break;
        }
    }
    out
}

/// Whom the words after `according to` name: the first name run of their clause, else
/// the owner of a document (`According to the NYPD's statement, ...`).
pub(super) fn named_after_according(text: &str, toks: &[Tok]) -> Option<Range<usize>> {
    let clause = clause_after_according(toks);
    first_name_run(text, &clause).or_else(|| {
        clause.windows(2).find_map(|w| {
            let stem = possessive_stem(w[0].text)?;
            (is_capitalised(&w[0]) && lowercase_in(w[1].text, DOCUMENT_NOUNS))
                .then(|| w[0].range.start..w[0].range.start + stem.len())
        })
    })
}
