//! Quotes in briefs: status (verified, differs, not found), go-to-source, diagnostics,
//! fixes, hints, tokens and completion inside a quote.
//!
//! Every feature starts from [`check`]: the brief's quote looked up in the corpus with
//! [`QuoteIndex::find`](crate::quotes::QuoteIndex::find), the brief's speaker read
//! from the words around the quote and compared with the source's speaker.

use std::ops::Range;

use super::citations::{escape_markdown, original_file_link};
use super::types::{
    BriefFile, CodeAction, Context, Diagnostic, HoverResult, InlayHint, Location, NavTarget,
    Navigation, Related, SemanticToken, Severity, TextEdit, TokenKind,
};
use crate::actors::ActorId;
use crate::brief::BriefQuote;
use crate::quotes::attribution::{self, Cue};
use crate::quotes::normalize::count_words;
use crate::quotes::{DiffOp, QuoteMatch, SourceQuote};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Verified,
    Differs,
    NotFound,
}

/// What the corpus says about one quote of the brief.
#[derive(Debug, Clone)]
pub struct QuoteCheck<'a> {
    pub quote: &'a BriefQuote,
    /// The words checked: the quote's inner range without a blockquote's attribution line.
    pub words: Range<usize>,
    pub status: Status,
    /// Matches at or above the near threshold, best first (the closest one when not found),
    /// at most the number the check asked for.
    pub matches: Vec<QuoteMatch>,
    /// How many sources are at or above the near threshold, `matches` and the others.
    pub n_sources: usize,
    /// The speaker the brief names (`Lavrov said "..."`): its span and text.
    pub brief_speaker: Option<(Range<usize>, String)>,
    /// The source's speaker when it differs from the brief's.
    pub misattributed_to: Option<String>,
}

/// How many sources of a quote the checks read: the best, and a few to name on its card.
/// Definition reads its setting's number, and only references list every source (a famous
/// line has thousands).
const LISTED_SOURCES: usize = 10;

/// Checks one quote, reading its best sources only; `None` for quotes too short to check.
pub fn check<'a>(cx: Context, file: &BriefFile, quote: &'a BriefQuote) -> Option<QuoteCheck<'a>> {
    check_sources(cx, file, quote, LISTED_SOURCES + 1)
}

/// Checks one quote with its first `limit` sources.
fn check_sources<'a>(
    cx: Context,
    file: &BriefFile,
    quote: &'a BriefQuote,
    limit: usize,
) -> Option<QuoteCheck<'a>> {
    let words = checked_words(&file.brief.masked, quote);
    let query = file.brief.masked.get(words.clone())?;
    if count_words(query) < cx.settings.min_quote_words.max(1) {
        return None;
    }
    let near_threshold = cx.settings.near_threshold;
    let ranked = cx
        .corpus
        .quotes
        .find_ranked(&cx.corpus.docs, query, limit, near_threshold);
    let found = ranked.best;
    let best = found.first().map_or(0.0, |m| m.similarity);
    // The threshold alone decides (SPEC §3): a short quote with one word changed ("it is
    // absolutely unrealistic" against "it is absolutely not realistic", 75%) is not found,
    // and its card shows the nearest passage, rather than a "differs" whose fix would put
    // the source's first words in place of the analyst's.
    let near = |m: &QuoteMatch| m.similarity >= near_threshold;
    let status = if best >= 1.0 {
        Status::Verified
    } else if found.first().is_some_and(near) {
        Status::Differs
    } else {
        Status::NotFound
    };
    let matches: Vec<QuoteMatch> = match status {
        Status::NotFound => found.into_iter().take(1).collect(),
        _ => found.into_iter().filter(near).collect(),
    };
    let brief_speaker = brief_speaker(file, quote, &words);
    let misattributed_to = match (&brief_speaker, status) {
        (Some((_, name)), Status::Verified | Status::Differs) => {
            let source = matches
                .first()
                .and_then(|m| cx.corpus.quotes.quote_at(m.doc, &m.span));
            source.and_then(|s| misattribution(cx, name, s))
        }
        _ => None,
    };
    let n_sources = if status == Status::NotFound {
        0
    } else {
        ranked.n_near
    };
    Some(QuoteCheck {
        quote,
        words,
        status,
        matches,
        n_sources,
        brief_speaker,
        misattributed_to,
    })
}

/// A blockquote's last line "— Sergey Lavrov" names the speaker; it is not quoted words.
fn checked_words(masked: &str, quote: &BriefQuote) -> Range<usize> {
    let inner = quote.inner.clone();
    if !quote.is_block {
        return inner;
    }
    let mut at = inner.start;
    for line in masked
        .get(inner.clone())
        .unwrap_or_default()
        .split_inclusive('\n')
    {
        let trimmed = line.trim_start();
        if at > inner.start && (trimmed.starts_with(['—', '–', '―']) || trimmed.starts_with("-- "))
        {
            let end = inner.start + masked[inner.start..at].trim_end().len();
            return inner.start..end;
        }
        at += line.len();
    }
    inner
}

/// The speaker an explicit attribution around the quote names; pronouns never count.
fn brief_speaker(
    file: &BriefFile,
    quote: &BriefQuote,
    words: &Range<usize>,
) -> Option<(Range<usize>, String)> {
    let masked = &file.brief.masked;
    if quote.is_block && words.end < quote.inner.end {
        if let Some(Cue::Name(span)) = attribution::epigraph_cue(masked, words.end..quote.inner.end)
        {
            return Some((span.clone(), collapse(file.text.get(span)?)));
        }
    }
    let block = file.brief.blocks.get(quote.block)?.clone();
    let para = speaker_context(
        masked,
        block.start.min(quote.range.start)..block.end.max(quote.range.end),
        &quote.range,
    );
    let cue = attribution::explicit_cue(masked, para, quote.range.clone())
        .map(|(cue, _)| cue)
        .or_else(|| {
            // A blockquote's "— Sergey Lavrov" line.
            let end = masked[quote.range.end..]
                .find("\n\n")
                .map_or(masked.len(), |i| quote.range.end + i);
            quote
                .is_block
                .then(|| attribution::epigraph_cue(masked, quote.range.end..end))
                .flatten()
        });
    match cue? {
        Cue::Name(span) => Some((
            span.clone(),
            file.text
                .get(span)?
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        )),
        // A sentence's subject without a cue verb is too weak a claim to warn on.
        Cue::Anaphor(_) | Cue::Subject(_) | Cue::Unnamed(_) => None,
    }
}

/// How much of its paragraph around a quote attribution reads, each side. A cue stands in
/// the quote's sentence, and a sentence is far shorter; reading the whole paragraph before
/// every quote made a paragraph of n quotes cost n² (60,000 quotes in one paragraph never
/// finished), where this bound makes it linear.
const SPEAKER_CONTEXT_BYTES: usize = 2048;

/// `para` cut to [`SPEAKER_CONTEXT_BYTES`] on each side of `quote`, at word boundaries.
fn speaker_context(masked: &str, para: Range<usize>, quote: &Range<usize>) -> Range<usize> {
    let mut start = para.start;
    if quote.start.saturating_sub(start) > SPEAKER_CONTEXT_BYTES {
        let mut at = quote.start - SPEAKER_CONTEXT_BYTES;
        while !masked.is_char_boundary(at) {
            at += 1;
        }
        // Start after the first whitespace, so that no word is read cut in half.
        start = masked[at..quote.start]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(quote.start, |(i, c)| at + i + c.len_utf8());
    }
    let mut end = para.end.min(masked.len());
    if end.saturating_sub(quote.end) > SPEAKER_CONTEXT_BYTES {
        let mut at = quote.end + SPEAKER_CONTEXT_BYTES;
        while !masked.is_char_boundary(at) {
            at -= 1;
        }
        end = masked[quote.end..at]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(quote.end, |(i, _)| quote.end + i);
    }
    start..end
}

/// The source speaker's name when both speakers are known and are not the same actor.
fn misattribution(cx: Context, brief_name: &str, source: &SourceQuote) -> Option<String> {
    let source_name = source.speaker_name.as_deref()?;
    if names_agree(brief_name, source_name) {
        return None;
    }
    let actors = &cx.corpus.actors;
    let brief_actor: Option<ActorId> = actors.resolve(brief_name);
    let same_actor = brief_actor.is_some() && brief_actor == source.speaker;
    let same_alias = source.speaker.is_some_and(|id| {
        actors
            .actor(id)
            .aliases
            .iter()
            .any(|a| names_agree(a, brief_name))
    });
    (!same_actor && !same_alias).then(|| source_name.to_string())
}

/// Loose name agreement: a word of one name (not a particle) is a word of the other.
fn names_agree(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == '-')
            .map(|t| {
                t.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|t| t.len() > 2 && !["al", "el", "bin", "ibn", "the"].contains(&t.as_str()))
            .collect()
    };
    let b_words = words(b);
    words(a).iter().any(|w| b_words.contains(w))
}

/// Every quote of the brief checked against the corpus (a big brief has thousands; a
/// cancelled request stops between two quotes).
fn checks<'a>(cx: Context, file: &'a BriefFile) -> Vec<QuoteCheck<'a>> {
    file.brief
        .quotes
        .iter()
        .take_while(|_| !cx.is_cancelled())
        .filter_map(|q| check(cx, file, q))
        .collect()
}

fn check_at<'a>(
    cx: Context,
    file: &'a BriefFile,
    offset: usize,
    limit: usize,
) -> Option<QuoteCheck<'a>> {
    let quote = file.brief.quote_at(offset)?;
    check_sources(cx, file, quote, limit)
}

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
fn passage_text(cx: Context, m: &QuoteMatch) -> String {
    let text = cx.corpus.doc(m.doc).text();
    collapse(text.get(source_passage(cx, m)).unwrap_or_default())
}

/// `@key` line N of a match.
fn place(cx: Context, m: &QuoteMatch) -> String {
    let doc = cx.corpus.doc(m.doc);
    format!(
        "`@{}` line {}",
        doc.key,
        doc.line_index.line_of(m.span.start) + 1
    )
}

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

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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

mod completion;
pub use completion::completion;

#[cfg(test)]
mod tests;
