//! The words attribution reads: whitespace-separated words with their byte ranges, and
//! whether a comma or the end of a clause follows each; read whole, up to a count, or
//! incrementally over a paragraph's growing prefix; and how far before a quote they are
//! read.

use std::ops::Range;

use crate::lower::str_in;
use crate::quotes::lexicon::ABBREVIATIONS;

/// How far before a quote its attribution reads, at most. Every cue stands in the quote's
/// sentence or a few sentences before; reading the whole paragraph instead made a long
/// paragraph's cost grow with the cube of its length (each quote looked at every speech
/// verb before it, and each verb at every word before it): a 1 MB document with no
/// paragraph break took 11.7 s to index, 4 MB more than 14 minutes. The same bound as the
/// brief side's (`SPEAKER_CONTEXT_BYTES` in `ide/quotes.rs`).
pub(crate) const CONTEXT_BYTES: usize = 2048;

/// Where the words read before the quote at `quote_start` begin: the paragraph's start
/// (`para_start`) when it is at most [`CONTEXT_BYTES`] back, as in any ordinary
/// paragraph; otherwise the first sentence that opens inside that window, or failing one
/// the first word, so that neither a sentence nor a word is read cut in half.
pub(crate) fn context_start(text: &str, para_start: usize, quote_start: usize) -> usize {
    if quote_start.saturating_sub(para_start) <= CONTEXT_BYTES {
        return para_start;
    }
    let mut at = quote_start - CONTEXT_BYTES;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let window = &text[at..quote_start];
    let mut chars = window.char_indices().peekable();
    let mut first_word = None;
    while let Some((i, c)) = chars.next() {
        if !c.is_whitespace() {
            continue;
        }
        let after = at + i + c.len_utf8();
        first_word.get_or_insert(after);
        let gap_start = window[..i].trim_end().len();
        let ends_sentence = window[..gap_start].ends_with(['.', '!', '?'])
            || window[gap_start..after - at].contains(['\n', '\r']);
        if ends_sentence && chars.peek().is_some_and(|(_, next)| !next.is_whitespace()) {
            return after;
        }
    }
    first_word.unwrap_or(quote_start)
}

/// Words with their byte ranges, stripped of surrounding punctuation.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub range: Range<usize>,
    pub text: &'a str,
    pub comma_after: bool,
    /// Ends a sentence or clause (`.`, `!`, `?`, `:`, `;`) or touches a quotation mark.
    pub stop_after: bool,
}

pub(crate) fn tokens(text: &str, range: Range<usize>) -> Vec<Tok<'_>> {
    tokens_upto(text, range, usize::MAX)
}

/// The words of ranges that all start at one offset and grow (a paragraph up to each of
/// its quotes in turn), read incrementally: without it every quote of a long paragraph
/// re-reads the paragraph from its start. Gives exactly what [`tokens`] gives.
pub(crate) struct PrefixTokens<'a> {
    text: &'a str,
    /// The range `toks` holds the words of (empty before the first use).
    range: Range<usize>,
    toks: Vec<Tok<'a>>,
}

impl<'a> PrefixTokens<'a> {
    pub(crate) fn new(text: &'a str) -> PrefixTokens<'a> {
        PrefixTokens {
            text,
            range: 0..0,
            toks: Vec::new(),
        }
    }

    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// The words of `range`, as [`tokens`] reads them.
    pub(crate) fn tokens(&mut self, range: Range<usize>) -> &[Tok<'a>] {
        let text = self.text;
        if text.get(range.clone()).is_none() {
            return &[];
        }
        // Words are whitespace-separated chunks, and a chunk changes only the words
        // before it: when the held range ends right after a whitespace character, the
        // chunks of the longer range are the held ones followed by those of the rest.
        let extends = self.range.start == range.start
            && self.range.end <= range.end
            && (self.range.is_empty()
                || text[..self.range.end]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_whitespace));
        if !extends {
            self.toks.clear();
            self.range = range.start..range.start;
        }
        if self.range.end < range.end {
            push_tokens(text, self.range.end..range.end, usize::MAX, &mut self.toks);
            self.range.end = range.end;
        }
        #[cfg(test)]
        MOST_WORDS_HANDED_OUT.with(|most| most.set(most.get().max(self.toks.len())));
        &self.toks
    }
}

#[cfg(test)]
thread_local! {
    /// The most words [`PrefixTokens::tokens`] has handed out at once on this thread: what
    /// each attribution stage may walk for one quote.
    pub(crate) static MOST_WORDS_HANDED_OUT: std::cell::Cell<usize> =
        const { std::cell::Cell::new(0) };
}

/// The first `max` words of `range`: what a cue after a quote can use, without reading
/// the rest of a long paragraph.
pub(super) fn tokens_upto(text: &str, range: Range<usize>, max: usize) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    push_tokens(text, range, max, &mut out);
    out
}

/// Reads the words of `range` on after those already in `out` (see [`PrefixTokens`]),
/// stopping once `out` holds `max`.
fn push_tokens<'a>(text: &'a str, range: Range<usize>, max: usize, out: &mut Vec<Tok<'a>>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let mut offset = range.start;
    for chunk in slice.split_inclusive(char::is_whitespace) {
        // A word's flags are final once the next word is read: read one more, drop it.
        if out.len() > max {
            out.truncate(max);
            break;
        }
        let chunk_start = offset;
        offset += chunk.len();
        let word = chunk.trim_end();
        let lead = word.len()
            - word
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let mut core = word[lead..].trim_end_matches(|c: char| !c.is_alphanumeric());
        // `RealClearPolitics’ David Byler`: a plural's possessive apostrophe stays on the
        // word, so that the word reads as an owner, not a name of its own.
        if core.ends_with('s') {
            if let Some(mark) = word[lead + core.len()..]
                .chars()
                .next()
                .filter(|c| ['\'', '’'].contains(c))
            {
                core = &word[lead..lead + core.len() + mark.len_utf8()];
            }
        }
        let trail = &word[lead + core.len()..];
        if core.is_empty() {
            // Lone punctuation ("–", "\"") still ends what came before.
            if let Some(last) = out.last_mut() {
                let last: &mut Tok = last;
                // A hyphen standing alone is a dash ("Polls closed late - Sam Ortiz:").
                last.stop_after |= word.chars().any(|c| ".!?:;\"“”«»–—".contains(c))
                    || (!word.is_empty() && word.bytes().all(|b| b == b'-'));
                last.comma_after |= word.contains(',');
            }
            continue;
        }
        // A full stop that belongs to the word does not end the sentence: an abbreviation
        // ("Sen."), an initial ("Michael J. Petrilli", "George H.W. Bush"), a state in a
        // party tag ("(R-Ky.)"), or any word whose stop a comma follows ("Washington,
        // D.C., said").
        let initial = core.len() <= 4
            && core.split('.').all(|c| c.len() == 1)
            && core.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        let own_stop = trail.starts_with('.')
            && (str_in(ABBREVIATIONS, core)
                || initial
                || is_party_tag(core)
                || trail[1..].starts_with(','));
        let after_own = if own_stop { &trail[1..] } else { trail };
        // A line break ends a clause too: scraped paragraphs often lack their final stop.
        let stop_after = after_own.chars().any(|c| ".!?:;".contains(c))
            || trail.chars().any(|c| "\"“”«»".contains(c))
            || chunk[word.len()..].contains(['\n', '\r']);
        let start = chunk_start + lead;
        out.push(Tok {
            range: start..start + core.len(),
            text: core,
            comma_after: trail.contains(','),
            stop_after,
        });
        // An opening quotation mark before a word ends the clause before it.
        if word[..lead].chars().any(|c| "\"“”«»".contains(c)) && out.len() >= 2 {
            let n = out.len();
            out[n - 2].stop_after = true;
        }
    }
}

/// `R-Texas`, `D-N.Y`, `I-Vt`: a US party and state tag after a name, never a name.
pub(super) fn is_party_tag(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some('D' | 'R' | 'I'), Some('-'), Some(c)) if c.is_uppercase()
    )
}
