//! What the corpus says about one quote of the brief: its status (verified, differs, not
//! found) and best sources, looked up with
//! [`QuoteIndex::find`](crate::quotes::QuoteIndex::find), and the speaker the brief names,
//! read from the words around the quote and compared with the source's. Every quote
//! feature (`quotes.rs`) starts from [`check`].

use std::ops::Range;

use super::passage::collapse;
use crate::actors::ActorId;
use crate::brief::BriefQuote;
use crate::ide::types::{BriefFile, Context};
use crate::quotes::attribution::{self, Cue};
use crate::quotes::normalize::count_words;
use crate::quotes::{QuoteMatch, SourceQuote};

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
pub(super) const LISTED_SOURCES: usize = 10;

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
pub(super) fn checked_words(masked: &str, quote: &BriefQuote) -> Range<usize> {
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
pub(super) fn brief_speaker(
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
pub(super) const SPEAKER_CONTEXT_BYTES: usize = 2048;

/// `para` cut to [`SPEAKER_CONTEXT_BYTES`] on each side of `quote`, at word boundaries.
pub(super) fn speaker_context(
    masked: &str,
    para: Range<usize>,
    quote: &Range<usize>,
) -> Range<usize> {
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
pub(super) fn names_agree(a: &str, b: &str) -> bool {
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
pub(super) fn checks<'a>(cx: Context, file: &'a BriefFile) -> Vec<QuoteCheck<'a>> {
    file.brief
        .quotes
        .iter()
        .take_while(|_| !cx.is_cancelled())
        .filter_map(|q| check(cx, file, q))
        .collect()
}

pub(super) fn check_at<'a>(
    cx: Context,
    file: &'a BriefFile,
    offset: usize,
    limit: usize,
) -> Option<QuoteCheck<'a>> {
    let quote = file.brief.quote_at(offset)?;
    check_sources(cx, file, quote, limit)
}
