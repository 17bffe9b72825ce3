//! Quotes in briefs: status (verified, differs, not found), go-to-source, diagnostics,
//! fixes, hints, tokens and completion inside a quote.
//!
//! Every feature starts from [`check`] (`check.rs`): the brief's quote looked up in the
//! corpus, the brief's speaker compared with the source's; what a match shows of its source
//! is `passage.rs`'s.

use std::ops::Range;

use super::citations::{escape_markdown, original_file_link};
use super::types::{
    BriefFile, CodeAction, Context, Diagnostic, HoverResult, InlayHint, Location, NavTarget,
    Navigation, Related, SemanticToken, Severity, TextEdit, TokenKind,
};
use crate::brief::BriefQuote;
use crate::quotes::DiffOp;

use check::{
    brief_speaker, check_at, checked_words, checks, LISTED_SOURCES, SPEAKER_CONTEXT_BYTES,
};
pub use check::{check, QuoteCheck, Status};
pub use passage::source_passage;
use passage::{collapse, passage_text, place};

pub fn hover(cx: Context, file: &BriefFile, offset: usize) -> Option<HoverResult> {
    let checked = check_at(cx, file, offset, LISTED_SOURCES + 1)?;
    let mut card = match checked.status {
        Status::Verified => "**Quote verified**".to_string(),
        Status::Differs => "**Quote differs from the source**".to_string(),
        Status::NotFound => "**Quote not found** in the corpus".to_string(),
    };
    if checked.status == Status::NotFound && checked.matches.is_empty() {
        card.push_str(&format!(
            "\n\nNothing in the corpus comes close: no passage of {} documents shares half of these words in order.",
            cx.corpus.docs.len()
        ));
    }
    if let Some(best) = checked.matches.first() {
        let doc = cx.corpus.doc(best.doc);
        if checked.status == Status::NotFound {
            card.push_str(&format!(
                "\n\nNearest passage: {:.0}% similar (a quote {:.0}% similar or more counts as differing), {}:",
                best.similarity * 100.0,
                cx.settings.near_threshold * 100.0,
                place(cx, best)
            ));
        } else {
            card.push_str(&format!(" · {}", place(cx, best)));
            let speaker = cx
                .corpus
                .quotes
                .quote_at(best.doc, &best.span)
                .and_then(|q| q.speaker_name.clone());
            card.push_str(&format!(
                " · speaker: {}",
                speaker
                    .as_deref()
                    .map_or("unknown".to_string(), escape_markdown)
            ));
        }
        let passage = source_passage(cx, best);
        let wording = doc.text().get(passage.clone()).unwrap_or_default();
        card.push_str(&format!("\n\n> {}", escape_markdown(&collapse(wording))));
        // Go-to-source opens a saved page's or a PDF's text; the file itself is a link here.
        if let Some(original) = original_file_link(doc) {
            card.push_str(&format!("\n\nOriginal: {original}"));
            if let Some(url) = &doc.front_matter.url {
                card.push_str(&format!(" · <{url}>"));
            }
        }
        if checked.status != Status::Verified {
            let query = file
                .brief
                .masked
                .get(checked.words.clone())
                .unwrap_or_default();
            // The passage's words beyond the aligned ones are words the quote lacks.
            let lacking = |range: Range<usize>| {
                let words = collapse(doc.text().get(range).unwrap_or_default());
                (!words.is_empty()).then(|| format!("~~{}~~", escape_markdown(&words)))
            };
            let parts: Vec<String> = [
                lacking(passage.start..best.span.start),
                Some(diff_markdown(doc.text(), query, &best.diff)),
                lacking(best.span.end..passage.end),
            ]
            .into_iter()
            .flatten()
            .collect();
            card.push_str(&format!("\n\nDifferences: {}", parts.join(" ")));
        }
        if let Some(source_speaker) = &checked.misattributed_to {
            let brief_name = checked
                .brief_speaker
                .as_ref()
                .map_or("", |(_, n)| n.as_str());
            card.push_str(&format!(
                "\n\nThe brief attributes it to {}, the source to {}.",
                escape_markdown(brief_name),
                escape_markdown(source_speaker)
            ));
        }
        // A card, not a report: a much-quoted line names its first sources only.
        let others: Vec<String> = checked
            .matches
            .iter()
            .skip(1)
            .take(LISTED_SOURCES - 1)
            .map(|m| place(cx, m))
            .collect();
        if !others.is_empty() && checked.status != Status::NotFound {
            let n_more = checked.n_sources.saturating_sub(1 + others.len());
            let more = match n_more {
                0 => String::new(),
                1 => " and 1 more source".to_string(),
                n => format!(" and {n} more sources"),
            };
            card.push_str(&format!("\n\nAlso in: {}{more}", others.join(", ")));
        }
        if checked.n_sources > cx.settings.definition_sources {
            card.push_str(&format!(
                "\n\n{} sources in all: go to definition opens the first {}, find references lists every one.",
                checked.n_sources, cx.settings.definition_sources
            ));
        }
    }
    Some(HoverResult {
        range: checked.quote.range.clone(),
        markdown: card,
    })
}

/// The source wording with the brief's changes: ~~removed~~ **added**.
pub fn diff_markdown(source: &str, query: &str, diff: &[DiffOp]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let src = |r: &Range<usize>| escape_markdown(source.get(r.clone()).unwrap_or_default());
    let qry = |r: &Range<usize>| escape_markdown(query.get(r.clone()).unwrap_or_default());
    for op in diff {
        match op {
            DiffOp::Same { source, .. } => parts.push(src(source)),
            DiffOp::Changed { source, quote } => {
                parts.push(format!("~~{}~~ **{}**", src(source), qry(quote)))
            }
            DiffOp::Removed { source } => parts.push(format!("~~{}~~", src(source))),
            DiffOp::Added { quote } => parts.push(format!("**{}**", qry(quote))),
            DiffOp::Skipped { source, quote } if !source.is_empty() => {
                parts.push(format!("~~{}~~ {}", collapse(&src(source)), qry(quote)))
            }
            DiffOp::Skipped { quote, .. } => parts.push(qry(quote)),
        }
    }
    parts.join(" ")
}

/// The quote's best sources, at most the setting's number: an editor opens the first or
/// shows a list to pick from, and a list of thousands helps nobody (references have them).
pub fn definition(cx: Context, file: &BriefFile, offset: usize) -> Option<Navigation> {
    let limit = cx.settings.definition_sources.max(1);
    let checked = check_at(cx, file, offset, limit)?;
    if checked.status == Status::NotFound {
        return None;
    }
    let targets = checked
        .matches
        .iter()
        .map(|m| NavTarget {
            doc: m.doc,
            full_range: cx.corpus.doc(m.doc).enclosing_line(m.span.clone()),
            focus_range: m.span.clone(),
        })
        .collect();
    Some(Navigation {
        origin: checked.quote.range.clone(),
        targets,
    })
}

/// Every source of the quote under the cursor, best first; `None` when it has none (the
/// cursor may be on a name inside it, whose references are asked for instead).
pub fn references(cx: Context, file: &BriefFile, offset: usize) -> Option<Vec<Location>> {
    let checked = check_at(cx, file, offset, usize::MAX)?;
    if checked.status == Status::NotFound {
        return None;
    }
    let sources = checked.matches.into_iter().map(|m| Location::Corpus {
        doc: m.doc,
        range: m.span,
    });
    Some(sources.collect())
}

pub fn diagnostics(cx: Context, file: &BriefFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for checked in checks(cx, file) {
        let range = checked.quote.range.clone();
        match (checked.status, checked.matches.first()) {
            (Status::NotFound, nearest) => out.push(Diagnostic {
                range,
                severity: Severity::Warning,
                code: "quote-not-found",
                message: match nearest {
                    Some(m) => format!(
                        "quote not found in the corpus: the nearest passage is {:.0}% similar ({}): “{}”",
                        m.similarity * 100.0,
                        place(cx, m).replace('`', ""),
                        passage_text(cx, m)
                    ),
                    None => "quote not found in the corpus: no source has these words (check the wording or the source)".into(),
                },
                related: nearest
                    .map(|m| Related { doc: m.doc, range: source_passage(cx, m), message: "the nearest passage".into() })
                    .into_iter()
                    .collect(),
            }),
            (Status::Differs, Some(best)) => out.push(Diagnostic {
                range,
                severity: Severity::Warning,
                code: "quote-differs",
                message: format!(
                    "quote differs from the source ({:.0}% similar to {}); the source says: “{}”",
                    best.similarity * 100.0,
                    place(cx, best).replace('`', ""),
                    passage_text(cx, best)
                ),
                related: vec![Related { doc: best.doc, range: source_passage(cx, best), message: "the source wording".into() }],
            }),
            _ => {}
        }
        if let (Some(source_speaker), Some((span, name)), Some(best)) = (
            &checked.misattributed_to,
            &checked.brief_speaker,
            checked.matches.first(),
        ) {
            out.push(Diagnostic {
                range: span.clone(),
                severity: Severity::Warning,
                code: "quote-misattributed",
                message: format!(
                    "quote attributed to {name}, but the source attributes it to {source_speaker}"
                ),
                related: vec![Related {
                    doc: best.doc,
                    range: best.span.clone(),
                    message: format!("said by {source_speaker}"),
                }],
            });
        }
    }
    out
}

pub fn code_actions(cx: Context, file: &BriefFile, range: Range<usize>) -> Vec<CodeAction> {
    let mut actions = Vec::new();
    let touches_range = |r: &Range<usize>| r.start <= range.end && range.start <= r.end;
    // Only the quotes the range touches, by their marks or by their speaker's name, are
    // looked up in the corpus: looking up every quote of the brief made each request
    // cost the whole brief (the `brief` fuzz target, which asks at every 13th byte, ran
    // at one input a second).
    let nearby = file.brief.quotes.iter().filter(|q| {
        touches_range(&q.range)
            || brief_speaker(file, q, &checked_words(&file.brief.masked, q))
                .is_some_and(|(span, _)| touches_range(&span))
    });
    let checked = nearby
        .take_while(|_| !cx.is_cancelled())
        .filter_map(|q| check(cx, file, q));
    for checked in checked {
        let q = checked.quote;
        let touches = q.range.start <= range.end && range.start <= q.range.end
            || checked
                .brief_speaker
                .as_ref()
                .is_some_and(|(s, _)| s.start <= range.end && range.start <= s.end);
        let Some(best) = checked.matches.first().filter(|_| touches) else {
            continue;
        };
        let doc = cx.corpus.doc(best.doc);
        match checked.status {
            Status::Differs => actions.push(CodeAction {
                title: format!("Replace with the source wording (@{})", doc.key),
                // Exactly the passage the quote was compared with (and the message shows).
                edits: vec![TextEdit {
                    range: checked.words.clone(),
                    new_text: passage_text(cx, best),
                }],
                fixes: Some("quote-differs"),
                is_preferred: true,
            }),
            Status::Verified if !cited_after(file, q) => actions.push(CodeAction {
                title: format!("Cite the source [@{}]", doc.key),
                edits: vec![TextEdit {
                    range: q.range.end..q.range.end,
                    new_text: format!(" [@{}]", doc.key),
                }],
                fixes: None,
                is_preferred: false,
            }),
            _ => {}
        }
        if let (Some(source_speaker), Some((span, _))) =
            (&checked.misattributed_to, &checked.brief_speaker)
        {
            actions.push(CodeAction {
                title: format!("Attribute to {source_speaker}"),
                edits: vec![TextEdit {
                    range: span.clone(),
                    new_text: source_speaker.clone(),
                }],
                fixes: Some("quote-misattributed"),
                is_preferred: true,
            });
        }
    }
    actions
}

/// The rest of the quote's sentence after it: up to a stop or a line break, and no further
/// than [`SPEAKER_CONTEXT_BYTES`] (a paragraph without stops must not make each quote read
/// it to its end).
fn sentence_after(file: &BriefFile, quote: &BriefQuote) -> Range<usize> {
    let start = quote.range.end.min(file.text.len());
    let mut limit = (start + SPEAKER_CONTEXT_BYTES).min(file.text.len());
    while !file.text.is_char_boundary(limit) {
        limit -= 1;
    }
    let rest = &file.text[start..limit];
    let sentence_end = rest
        .find(['.', '\n', '!', '?'])
        .map_or(rest.len(), |i| i + 1);
    start..start + sentence_end
}

/// The keys of the citations that follow the quote in the same sentence.
fn keys_cited_after<'a>(file: &'a BriefFile, quote: &BriefQuote) -> Vec<&'a str> {
    let window = sentence_after(file, quote);
    // Citations are in text order: find the first one by bisection, so that a paragraph of
    // n quotes and n citations costs n log n, not n².
    let citations = &file.brief.citations;
    let first = citations.partition_point(|c| c.range.start < window.start);
    citations[first..]
        .iter()
        .take_while(|c| c.range.start <= window.end)
        .map(|c| c.key.as_str())
        .collect()
}

/// A citation follows the quote in the same sentence.
fn cited_after(file: &BriefFile, quote: &BriefQuote) -> bool {
    let sentence = sentence_after(file, quote);
    let rest = file.text.get(sentence.start..).unwrap_or_default();
    let window = &file.text[sentence];
    let window = if window.len() < 4 {
        rest.get(..rest.len().min(8)).unwrap_or(window)
    } else {
        window
    };
    window.contains('@')
}

pub fn inlay_hints(cx: Context, file: &BriefFile) -> Vec<InlayHint> {
    checks(cx, file)
        .into_iter()
        .filter(|c| c.status == Status::Verified)
        .filter_map(|c| {
            let best = c.matches.first()?;
            let doc = cx.corpus.doc(best.doc);
            // A citation of one of its sources written right after the quote says it already.
            let cited = keys_cited_after(file, c.quote);
            let already_cited = c
                .matches
                .iter()
                .any(|m| cited.contains(&cx.corpus.doc(m.doc).key.as_str()));
            if already_cited {
                return None;
            }
            Some(InlayHint {
                offset: c.quote.range.end,
                label: format!("@{}", doc.key),
                tooltip: Some(format!("{} · {}", doc.title, place(cx, best))),
            })
        })
        .collect()
}

pub fn semantic_tokens(cx: Context, file: &BriefFile) -> Vec<SemanticToken> {
    checks(cx, file)
        .into_iter()
        .map(|c| SemanticToken {
            range: c.quote.range.clone(),
            kind: match c.status {
                Status::Verified => TokenKind::QuoteVerified,
                Status::Differs => TokenKind::QuoteDiffers,
                Status::NotFound => TokenKind::QuoteNotFound,
            },
        })
        .collect()
}

mod check;
mod completion;
mod passage;
pub use completion::completion;

#[cfg(test)]
mod tests;
