//! The headline's quotations, single-quoted as headline style has it, and where the
//! headline stands in a document.

use std::ops::Range;

use super::extract::{self, Support};
use super::{normalize, LocalQuote};
use crate::corpus::Document;

/// The headline's single-quoted words (`Syria 'congress'`, `'Every minute counts': ...`):
/// headline style marks quotations with single marks, which in body text are too often
/// apostrophes to trust. A headline quotation that a body quotation repeats takes that
/// quotation's speaker, as the headline has no room to attribute it.
pub(super) fn headline_quotes(doc: &Document, body_quotes: &[LocalQuote]) -> Vec<LocalQuote> {
    let text = doc.text();
    let Some(headline) = headline_range(doc) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for quote in extract::find_single_quotes(text, headline) {
        if body_quotes
            .iter()
            .any(|q| q.span.start <= quote.span.start && quote.span.end <= q.span.end)
        {
            continue;
        }
        let is_speech = extract::is_speech(text, &quote, Support::None);
        let words = normalize::words(text, quote.inner.clone());
        let repeated = body_quotes.iter().filter(|q| q.is_speech).find(|q| {
            let body = normalize::words(text, q.inner.clone());
            !words.is_empty()
                && body
                    .windows(words.len())
                    .any(|w| w.iter().zip(&words).all(|(a, b)| a.hash == b.hash))
        });
        let (speaker, speaker_name, speaker_span) = match repeated.filter(|_| is_speech) {
            Some(q) => (q.speaker, q.speaker_name.clone(), q.speaker_span.clone()),
            None => (None, None, None),
        };
        out.push(LocalQuote {
            span: quote.span,
            inner: quote.inner,
            speaker,
            speaker_name,
            speaker_span,
            is_speech,
        });
    }
    out
}

/// The headline: the front matter's `title:` value, else the body's first line when it is
/// short and does not end like a sentence.
fn headline_range(doc: &Document) -> Option<Range<usize>> {
    let text = doc.text();
    let mut at = 0;
    for line in text.get(..doc.body.start)?.split_inclusive('\n') {
        if let Some(value) = line.strip_prefix("title:") {
            let start = at + "title:".len() + (value.len() - value.trim_start().len());
            return Some(start..at + line.trim_end().len());
        }
        at += line.len();
    }
    let body = text.get(doc.body.clone())?;
    let lead = body.len() - body.trim_start().len();
    let first = body.trim_start().lines().next()?.trim_end();
    let looks_headline = first.len() <= 200 && !first.ends_with(['.', '!', '?']);
    looks_headline.then(|| doc.body.start + lead..doc.body.start + lead + first.len())
}
