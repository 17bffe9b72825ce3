//! Who a quote is attributed to, read from the words around it: the speaker's name span
//! (`"...," Lavrov said`, `said Bolton`, `According to X, "..."`, `X warned that "..."`,
//! `– John Bolton` under an epigraph) or an anaphor (`he said`, `the Russian leader
//! insisted`) that the caller resolves.
//!
//! Works on plain text with byte offsets, so the brief side uses it too.

use std::ops::Range;
use std::sync::LazyLock;

use crate::analysis::lower::WordSet;

use super::lexicon::{
    ABBREVIATIONS, ANAPHOR_HEADS, CONNECTORS, NOT_NAMES, PRONOUNS, SPEECH_VERBS, TITLE_WORDS,
};
use crate::analysis::lower::str_in;

/// What the words around a quote say about its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cue {
    /// A name as written, titles stripped (`Dmitry Peskov` of "press secretary Dmitry Peskov").
    Name(Range<usize>),
    /// A pronoun or a description (`he`, `the Russian leader`): the nearest speaker.
    Anaphor(Range<usize>),
}

/// Words of an unclosed quote's attribution ("Lavrov told reporters in Moscow").
pub fn starts_with_attribution(rest: &str) -> bool {
    let toks = tokens_upto(rest, 0..rest.len(), 8);
    let Some(verb) = toks.iter().take(6).position(|t| is_speech_verb(t)) else {
        return false;
    };
    verb > 0 && name_run_ending_at(rest, &toks, verb - 1).is_some()
}

/// The explicit attribution of the quote at `quote` inside `para`: after the closing mark
/// first (news style), else before the opening mark in the same sentence. The flag says
/// whether it came from right after the quote.
pub fn explicit_cue(text: &str, para: Range<usize>, quote: Range<usize>) -> Option<(Cue, bool)> {
    explicit_cue_with(&mut PrefixTokens::new(text), para, quote)
}

/// [`explicit_cue`] reading the words before the quote through `cache`, which a caller
/// that walks a paragraph's quotes in order keeps between them.
pub(crate) fn explicit_cue_with(
    cache: &mut PrefixTokens<'_>,
    para: Range<usize>,
    quote: Range<usize>,
) -> Option<(Cue, bool)> {
    let text = cache.text;
    match after_quote(text, quote.end..para.end) {
        Some(cue) => Some((cue, true)),
        None => before_quote(text, cache.tokens(para.start..quote.start)).map(|cue| (cue, false)),
    }
}

/// `– John Bolton, US Adviser ...` right after an epigraph (in `after`).
pub fn epigraph_cue(text: &str, after: Range<usize>) -> Option<Cue> {
    let slice = text.get(after.clone())?;
    let trimmed = slice.trim_start();
    let dash = trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, '–' | '—' | '-' | '―'))?;
    let start = after.start + (slice.len() - trimmed.len()) + dash.len_utf8();
    let toks = tokens(text, start..after.end);
    let clause_end = toks
        .iter()
        .position(|t| t.comma_after || t.stop_after)
        .map_or(toks.len().min(5), |i| i + 1);
    first_name_run(text, &toks[..clause_end.min(toks.len())]).map(Cue::Name)
}

/// The last "NAME said" (or "said NAME") in `range`: who spoke most recently.
pub fn last_speaker_clause(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    last_speaker_clause_with(&mut PrefixTokens::new(text), range)
}

/// [`last_speaker_clause`] reading the words through `cache`.
pub(crate) fn last_speaker_clause_with(
    cache: &mut PrefixTokens<'_>,
    range: Range<usize>,
) -> Option<Range<usize>> {
    let text = cache.text;
    let toks = cache.tokens(range);
    let mut found = None;
    for (v, tok) in toks.iter().enumerate() {
        if !is_speech_verb(tok) {
            continue;
        }
        let before = (v > 0).then(|| subject_before(text, toks, v)).flatten();
        let name = match before {
            Some(Cue::Name(r)) => Some(r),
            _ => first_name_run(text, &clause(&toks[v + 1..])),
        };
        if name.is_some() {
            found = name;
        }
    }
    found
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
        &self.toks
    }
}

/// The first `max` words of `range`: what a cue after a quote can use, without reading
/// the rest of a long paragraph.
fn tokens_upto(text: &str, range: Range<usize>, max: usize) -> Vec<Tok<'_>> {
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
        let core = word[lead..].trim_end_matches(|c: char| !c.is_alphanumeric());
        let trail = &word[lead + core.len()..];
        if core.is_empty() {
            // Lone punctuation ("–", "\"") still ends what came before.
            if let Some(last) = out.last_mut() {
                let last: &mut Tok = last;
                last.stop_after |= word.chars().any(|c| ".!?:;\"“”«»–—".contains(c));
                last.comma_after |= word.contains(',');
            }
            continue;
        }
        let abbreviation = trail.starts_with('.') && str_in(ABBREVIATIONS, core);
        // A line break ends a clause too: scraped paragraphs often lack their final stop.
        let stop_after = (!abbreviation && trail.chars().any(|c| ".!?:;".contains(c)))
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

fn is_speech_verb(tok: &Tok) -> bool {
    static VERBS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(SPEECH_VERBS));
    VERBS.contains(tok.text)
}

fn is_capitalised(tok: &Tok) -> bool {
    tok.text.chars().next().is_some_and(char::is_uppercase) || is_particle_name(tok.text)
}

/// "al-Khulaifi", "bin-Salman", "de-Gaulle": a lower-case name particle joined to a
/// capitalised name is still a name word.
fn is_particle_name(word: &str) -> bool {
    const PARTICLES: &[&str] = &["al", "el", "bin", "ibn", "abu", "ben", "de", "van", "von"];
    word.split_once('-').is_some_and(|(particle, rest)| {
        str_in(PARTICLES, particle) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

fn is_possessive(tok: &Tok) -> bool {
    tok.text.ends_with("'s") || tok.text.ends_with("’s")
}

fn is_demonym(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.chars().next().is_some_and(char::is_uppercase)
        && (lower.ends_with("ian")
            || lower.ends_with("ean")
            || lower.ends_with("ese")
            || lower.ends_with("ish"))
}

/// Strip leading titles from a run of tokens; `None` when nothing name-like is left.
fn name_from_run(toks: &[Tok]) -> Option<Range<usize>> {
    let mut start = 0;
    while start < toks.len()
        && (str_in(TITLE_WORDS, toks[start].text)
            || str_in(NOT_NAMES, toks[start].text)
            || is_demonym(toks[start].text))
        && start + 1 < toks.len()
    {
        start += 1;
    }
    let run = &toks[start..];
    let last = run.last()?;
    if str_in(NOT_NAMES, last.text)
        || str_in(TITLE_WORDS, last.text)
        || (run.len() == 1 && is_demonym(last.text))
    {
        return None;
    }
    Some(run[0].range.start..last.range.end)
}

/// The name run whose last word is `toks[end]`.
fn name_run_ending_at(_text: &str, toks: &[Tok], end: usize) -> Option<Range<usize>> {
    let last = toks.get(end)?;
    if !is_capitalised(last) || is_possessive(last) {
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
fn first_name_run(text: &str, toks: &[Tok]) -> Option<Range<usize>> {
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

/// Tokens up to the end of the first clause (a comma, a stop, a preposition, "who").
fn clause<'a>(toks: &[Tok<'a>]) -> Vec<Tok<'a>> {
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

fn after_quote(text: &str, range: Range<usize>) -> Option<Cue> {
    // The cue is within the first clause, ten words at most (see below).
    let toks = tokens_upto(text, range.clone(), AFTER_QUOTE_WORDS);
    let first = toks.first()?;
    // The attribution must follow the closing mark directly (a comma at most between).
    let gap = text.get(range.start..first.range.start)?;
    if gap
        .chars()
        .any(|c| !c.is_whitespace() && c != ',' && c != '–' && c != '—')
    {
        return None;
    }
    if first.text.eq_ignore_ascii_case("according") && toks.get(1).is_some_and(|t| t.text == "to") {
        return first_name_run(text, &clause_after_according(&toks[2..])).map(Cue::Name);
    }
    if is_speech_verb(first) {
        let rest = clause(&toks[1..]);
        if rest.first().is_some_and(|t| str_in(PRONOUNS, t.text)) {
            return Some(Cue::Anaphor(rest[0].range.clone()));
        }
        return first_name_run(text, &rest)
            .or_else(|| last_name_in(text, &rest))
            .map(Cue::Name);
    }
    // "NAME [adverb] said": the subject is the words before the first verb.
    let limit = toks
        .iter()
        .position(|t| t.stop_after)
        .map_or(toks.len(), |i| i + 1)
        .min(10);
    let v = toks[..limit].iter().position(is_speech_verb)?;
    if v == 0 {
        return None;
    }
    subject_before(text, &toks, v)
}

/// More than any cue after a quote reads: `clause` takes 8 words after the verb,
/// `clause_after_according` 10 after "according to", the subject search 10.
const AFTER_QUOTE_WORDS: usize = 24;

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

fn last_name_in(text: &str, toks: &[Tok]) -> Option<Range<usize>> {
    (0..toks.len())
        .rev()
        .find_map(|end| name_run_ending_at(text, toks, end))
}

/// The subject of the speech verb `toks[v]`: a name, a pronoun or a description.
fn subject_before(text: &str, toks: &[Tok], v: usize) -> Option<Cue> {
    const SKIPPABLE: &[&str] = &[
        "has",
        "had",
        "have",
        "was",
        "is",
        "also",
        "later",
        "then",
        "once",
        "recently",
        "earlier",
        "again",
        "further",
        "reportedly",
        "previously",
        "had",
        "would",
        "will",
        "could",
    ];
    let mut end = v;
    while end > 0
        && (str_in(SKIPPABLE, toks[end - 1].text)
            || toks[end - 1].text.ends_with("ly") && !is_capitalised(&toks[end - 1]))
    {
        end -= 1;
    }
    if end == 0 {
        return None;
    }
    let mut last = end - 1;
    // "John Bolton, who met ... summit, told", "Tusk, campaigning for Trzaskowski in Gdansk
    // on Thursday, warned", "Khair, the director of Confluence, said": skip the relative
    // clause or apposition back to the comma that opens it.
    if toks[last].comma_after {
        match apposition_start(toks, last) {
            Some(opening) => last = opening,
            None if !is_capitalised(&toks[last]) => return None,
            None => {}
        }
    }
    if toks[last].stop_after {
        return None;
    }
    if str_in(PRONOUNS, toks[last].text) || toks[last].text == "they" {
        return Some(Cue::Anaphor(toks[last].range.clone()));
    }
    if let Some(name) = name_run_ending_at(text, toks, last) {
        // "The deputy commander of Iran's Revolutionary Guards boasted": the name is not the subject.
        let mut run_start = toks
            .iter()
            .position(|t| t.range.start >= name.start)
            .unwrap_or(0);
        while run_start > 0
            && (is_capitalised(&toks[run_start - 1]) || is_possessive(&toks[run_start - 1]))
        {
            run_start -= 1;
        }
        let governed = run_start >= 2
            && toks[run_start - 1].text == "of"
            && !is_capitalised(&toks[run_start - 2]);
        return (!governed).then_some(Cue::Name(name));
    }
    if str_in(ANAPHOR_HEADS, toks[last].text) && last > 0 {
        // "the Russian leader": a description of someone named before.
        let det = (last.saturating_sub(4)..last)
            .rev()
            .find(|&i| toks[i].text.eq_ignore_ascii_case("the"))?;
        return Some(Cue::Anaphor(toks[det].range.start..toks[last].range.end));
    }
    None
}

/// The word before the comma that opens a relative clause or apposition ending at
/// `toks[last]` (which carries the closing comma): the subject's last word.
fn apposition_start(toks: &[Tok], last: usize) -> Option<usize> {
    const OPENERS: &[&str] = &[
        "who", "which", "the", "a", "an", "his", "her", "its", "their", "whose", "now", "then",
    ];
    let opening = (1..last.saturating_add(1))
        .rev()
        .take(30)
        .map(|i| i - 1)
        .find(|&i| toks[i].comma_after || toks[i].stop_after)?;
    if toks[opening].stop_after {
        return None;
    }
    let first = toks.get(opening + 1)?;
    let opens = OPENERS.contains(&first.text.to_lowercase().as_str())
        || first.text.chars().next().is_some_and(char::is_lowercase);
    (opens && is_capitalised(&toks[opening])).then_some(opening)
}

fn before_quote(text: &str, toks: &[Tok]) -> Option<Cue> {
    // Only the quote's own sentence counts.
    let sentence_start = toks.iter().rposition(|t| t.stop_after).map_or(0, |i| i + 1);
    let toks = &toks[sentence_start..];
    if let Some(at) = toks
        .windows(2)
        .rposition(|w| w[0].text.eq_ignore_ascii_case("according") && w[1].text == "to")
    {
        if let Some(name) = first_name_run(text, &clause_after_according(&toks[at + 2..])) {
            return Some(Cue::Name(name));
        }
    }
    for v in (1..toks.len()).rev() {
        if !is_speech_verb(&toks[v]) {
            continue;
        }
        match subject_before(text, toks, v) {
            Some(cue) => return Some(cue),
            // "... and insisted that": the subject was named earlier in the sentence.
            None if toks[v - 1].text == "and" => continue,
            None => return None,
        }
    }
    None
}
