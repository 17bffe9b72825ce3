//! Who a quote is attributed to, read from the words around it: the speaker's name span
//! (`"...," Lavrov said`, `said Bolton`, `According to X, "..."`, `X warned that "..."`,
//! `– John Bolton` under an epigraph) or an anaphor (`he said`, `the Russian leader
//! insisted`) that the caller resolves.
//!
//! Works on plain text with byte offsets, so the brief side uses it too.

use std::ops::Range;
use std::sync::LazyLock;

use crate::lower::WordSet;

use super::lexicon::{
    ABBREVIATIONS, ANAPHOR_HEADS, CONNECTORS, NOT_NAMES, PRONOUNS, SPEECH_VERBS, TITLE_WORDS,
};
use crate::lower::{lowercase_in, str_in};

/// What the words around a quote say about its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cue {
    /// A name as written, titles stripped (`Dmitry Peskov` of "press secretary Dmitry Peskov").
    Name(Range<usize>),
    /// A pronoun or a description (`he`, `the Russian leader`): the nearest speaker.
    Anaphor(Range<usize>),
    /// Someone the text does not name (`a senior official said`, `"...," the source
    /// recalled`, `one employee told`): the quote is attributed, to nobody dossier can name.
    Unnamed(Range<usize>),
    /// The subject of the sentence the quote stands in, with no cue verb of its own
    /// (`Perez hammered Trump, calling him "..."`, `Clinton: "..."`): a speaker only when
    /// the document knows the name as a person or an organization.
    Subject(Range<usize>),
}

/// Words a writer puts after a dash to sign a quote off (`"..." ― Hillary Clinton`).
fn is_dash(c: char) -> bool {
    matches!(c, '–' | '—' | '―' | '-')
}

/// Words that open a clause of their own after a quote (`"...," when he said`): what
/// follows is not the quote's attribution.
const SUBORDINATORS: &[&str] = &[
    "when", "because", "if", "although", "though", "while", "since", "until", "unless", "whereas",
    "after", "before", "once",
];

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
    let after = after_quote(text, quote.end..para.end)
        .filter(|_| !ends_sentence_inside(text, cache, para.start, &quote));
    match after {
        Some(cue) => Some((cue, true)),
        None => before_quote(text, cache.tokens(para.start..quote.start)).map(|cue| (cue, false)),
    }
}

/// Whether the quote at `quote` ends a sentence that opened before it (`Jeb Bush called
/// Trump "unhinged." Sen. Marco Rubio called ...`): a full stop inside the closing mark,
/// where news style puts a comma before its attribution. A cue after such a quote
/// begins the next sentence and tells of another quote.
fn ends_sentence_inside(
    text: &str,
    cache: &mut PrefixTokens<'_>,
    para_start: usize,
    quote: &Range<usize>,
) -> bool {
    let inner = text
        .get(quote.clone())
        .unwrap_or("")
        .trim_end_matches(['"', '”', '’', '\'', ' ']);
    let Some(last) = cache.tokens(para_start..quote.start).last().cloned() else {
        return false;
    };
    if inner.ends_with(['?', '!']) {
        // `Walton was asked, "Would you run?" She answered, ...`: a question or an
        // exclamation that a cue verb before it introduced ends that sentence; else it
        // stands where news style puts a comma (`"Why?" Smith asked`).
        let between = text.get(last.range.end..quote.start).unwrap_or("");
        return is_speech_verb(&last) && between.contains([',', ':']);
    }
    inner.ends_with('.') && !inner.ends_with("..") && !last.stop_after
}

/// The subject of the sentence the quote at `quote` stands inside, when that sentence
/// opened before the quote in `para` (`Corey Lewandowski, ..., ripped FBI Director James
/// Comey for acting as "the judge and the jury"`): with no cue, whoever the sentence is
/// about is who is quoted.
pub(crate) fn enclosing_subject_with(
    cache: &mut PrefixTokens<'_>,
    para: Range<usize>,
    quote: Range<usize>,
) -> Option<Range<usize>> {
    let text = cache.text;
    sentence_subject(text, open_sentence(cache, para, quote)?)
}

/// The words of the sentence the quote at `quote` stands inside, when that sentence opened
/// before the quote in `para` (not when the quote opens a sentence of its own).
fn open_sentence<'c, 'a>(
    cache: &'c mut PrefixTokens<'a>,
    para: Range<usize>,
    quote: Range<usize>,
) -> Option<&'c [Tok<'a>]> {
    let text = cache.text;
    let toks = cache.tokens(para.start..quote.start);
    let (last, rest) = toks.split_last()?;
    if last.stop_after && !text.get(last.range.end..)?.trim_start().starts_with(',') {
        return None;
    }
    let sentence_start = rest.iter().rposition(|t| t.stop_after).map_or(0, |i| i + 1);
    Some(&toks[sentence_start..])
}

/// The pronoun that opens the sentence the quote at `quote` stands inside, when that
/// sentence opened before the quote in `para` (`He anticipated that the next president
/// would be "dealing with ..."`, `But she wanted to know why ... "..."`, `On Wednesday, he
/// seemed to indicate ...`): with no cue, the person it stands for is who is quoted, as a
/// named subject is ([`enclosing_subject_with`]).
pub(crate) fn enclosing_pronoun_with(
    cache: &mut PrefixTokens<'_>,
    para: Range<usize>,
    quote: Range<usize>,
) -> Option<Range<usize>> {
    let sentence = open_sentence(cache, para, quote)?;
    let mut i = 0;
    // "But he wanted": a conjunction before the subject.
    if sentence
        .first()
        .is_some_and(|t| !t.comma_after && lowercase_in(t.text, &["but", "and", "so", "yet"]))
    {
        i = 1;
    }
    // "On Wednesday, he seemed": a prepositional phrase fronted before it.
    if sentence
        .get(i)
        .is_some_and(|t| lowercase_in(t.text, FRONTED_PREPOSITIONS))
    {
        let comma = sentence[i..sentence.len().min(i + 8)]
            .iter()
            .position(|t| t.comma_after)?;
        i += comma + 1;
    }
    let (pronoun, verb) = (sentence.get(i)?, sentence.get(i + 1)?);
    (lowercase_in(pronoun.text, &["he", "she"])
        && !pronoun.comma_after
        && !pronoun.stop_after
        && verb.text.chars().next().is_some_and(char::is_lowercase))
    .then(|| pronoun.range.clone())
}

/// The subject of the last reporting or cue verb in the quote's sentence before the quote
/// (`Trump called her "crooked"`, `Sanders has described the deal as a "disaster"`):
/// who chose the words quoted when no cue names a speaker, or whose label a short quote is.
pub(crate) fn reporting_subject_with(
    cache: &mut PrefixTokens<'_>,
    para: Range<usize>,
    quote: Range<usize>,
) -> Option<Cue> {
    let text = cache.text;
    let toks = cache.tokens(para.start..quote.start);
    // The sentence opens after a full stop; an earlier quote of a list does not end it.
    let ends_sentence = |i: usize| {
        let next = toks.get(i + 1).map_or(quote.start, |t| t.range.start);
        toks[i].stop_after
            && text
                .get(toks[i].range.end..next)
                .is_some_and(|gap| gap.contains(['.', '!', '?', ';']))
    };
    let start = (0..toks.len())
        .rev()
        .find(|&i| ends_sentence(i))
        .map_or(0, |i| i + 1);
    let toks = &toks[start..];
    let v = (1..toks.len())
        .rev()
        .find(|&v| is_reporting_verb(&toks[v]) || is_speech_verb(&toks[v]))?;
    // "Trump went after Bush, calling him "a total stiff"": a participle after a comma has
    // no subject of its own; the sentence's is who called.
    if toks[v].text.ends_with("ing") && toks[v - 1].comma_after {
        return match subject_cue(text, &toks[..v])? {
            Cue::Subject(name) => Some(Cue::Name(name)),
            cue => Some(cue),
        };
    }
    // "when he called the businessman "unhinged"", "the senator called it "corrupt"": a
    // pronoun or a description is the verb's subject too, resolved by the caller.
    match subject_before(text, toks, v) {
        Some(cue @ (Cue::Name(_) | Cue::Anaphor(_))) => Some(cue),
        _ => sentence_subject(text, &toks[..v]).map(Cue::Name),
    }
}

/// Verbs by which a writer reports what someone called something, beside the cue verbs.
const REPORTING_VERBS: &[&str] = &[
    "call",
    "calls",
    "called",
    "calling",
    "describe",
    "describes",
    "described",
    "describing",
    "brand",
    "branded",
    "branding",
    "label",
    "labeled",
    "labelled",
    "labeling",
    "dub",
    "dubbed",
    "term",
    "termed",
    "deem",
    "deemed",
    "dismiss",
    "dismissed",
    "mock",
    "mocked",
    "deride",
    "derided",
    "tout",
    "touted",
    "praise",
    "praised",
    "criticize",
    "criticized",
    "criticised",
    "slam",
    "slammed",
    "blast",
    "blasted",
    "accuse",
    "accused",
    "refer",
    "referred",
    "referring",
    "characterize",
    "characterized",
    "characterizing",
    "tweet",
    "tweeted",
    "promise",
    "promised",
    "vow",
    "vowed",
    "pledge",
    "pledged",
    "nickname",
    "nicknamed",
    "hail",
    "hailed",
    "decry",
    "decried",
];

/// A verb of [`REPORTING_VERBS`] in any of its listed or derived forms (`praising`).
fn is_reporting_verb(tok: &Tok) -> bool {
    static VERBS: LazyLock<WordSet> = LazyLock::new(|| with_participles(REPORTING_VERBS));
    VERBS.contains(&tok.text.to_lowercase())
}

/// `– John Bolton, US Adviser ...` right after an epigraph (in `after`).
pub fn epigraph_cue(text: &str, after: Range<usize>) -> Option<Cue> {
    let slice = text.get(after.clone())?;
    let trimmed = slice.trim_start();
    let dash = trimmed.chars().next().filter(|&c| is_dash(c))?;
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
        // "..., adding:": a participle after a comma has no subject of its own; the word
        // before the comma is not who spoke.
        if v > 0 && tok.text.ends_with("ing") && toks[v - 1].comma_after {
            continue;
        }
        let before = (v > 0).then(|| subject_before(text, toks, v)).flatten();
        // "said Bolton" names the speaker after the verb only where nobody is named
        // before it: in "He said Sanders has been", Sanders is who "he" spoke of.
        let name = match before {
            Some(Cue::Name(r)) => Some(r),
            // "for accusing the Democratic campaign": what follows an -ing form is its
            // object; only a finite verb is inverted.
            None if tok.text.ends_with("ing") => None,
            None => first_name_run(text, &clause(&toks[v + 1..])),
            Some(_) => None,
        };
        if name.is_some() {
            found = name;
        }
    }
    found
}

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

/// Verbs that introduce quotations, counted on PolNeAR's train split
/// (`scripts/cue_verbs.py`): `count<TAB>form` lines under `#` comments.
const CUE_VERBS_TXT: &str = include_str!("../../../../data/lexicon/cue_verbs.txt");

fn is_speech_verb(tok: &Tok) -> bool {
    // `Bystrom agreed. "..."`, `Jones disagreed: "..."`: a verb of assent or dissent that
    // ends its clause answers with the words that follow.
    const RESPONSES: [&str; 8] = [
        "agreed",
        "agrees",
        "disagreed",
        "disagrees",
        "concurred",
        "concurs",
        "demurred",
        "objected",
    ];
    is_speech_word(tok.text) || (tok.stop_after && str_in(&RESPONSES, tok.text))
}

fn is_speech_word(word: &str) -> bool {
    static VERBS: LazyLock<WordSet> = LazyLock::new(|| {
        let learned = CUE_VERBS_TXT
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(1));
        let listed: Vec<&'static str> = SPEECH_VERBS.iter().copied().chain(learned).collect();
        with_participles(&listed)
    });
    VERBS.contains(word)
}

/// The words of `listed` and their derived participles: a verb that introduces or reports
/// quotations does so in each of its forms ("claimed" listed, "He's claiming" is a cue
/// too). Only the -ed and -ing forms are derived, as a bare or -s form is as often a noun
/// ("a claim", "her claims").
fn with_participles(listed: &[&str]) -> WordSet {
    let derived = listed.iter().flat_map(|form| participles(form));
    let words: Vec<String> = listed
        .iter()
        .map(|w| w.to_string())
        .chain(derived)
        .collect();
    WordSet::new(&words)
}

/// The past and present participles of a regular verb given in its -ed or -ing form
/// (`claimed` gives `claiming`, `argued` `arguing`, `replied` `replying`, `slammed`
/// `slamming`; `insisting` gives `insisted`). Irregular forms give words no text holds.
pub(super) fn participles(form: &str) -> Vec<String> {
    let stems: Vec<String> = if let Some(stem) = form.strip_suffix("ied") {
        return vec![format!("{stem}ying")];
    } else if let Some(stem) = form.strip_suffix("ed") {
        // "claim-ed", "argu(e)-d", "slamm-ed".
        vec![stem.to_string(), format!("{stem}e")]
    } else if let Some(stem) = form.strip_suffix("ing") {
        vec![stem.to_string(), format!("{stem}e")]
    } else {
        return Vec::new();
    };
    stems
        .iter()
        .flat_map(|stem| {
            let ing = match stem.strip_suffix('e') {
                Some(bare) if !bare.ends_with('e') => format!("{bare}ing"),
                _ => format!("{stem}ing"),
            };
            let ed = if stem.ends_with('e') {
                format!("{stem}d")
            } else {
                format!("{stem}ed")
            };
            [ing, ed]
        })
        .filter(|w| w != form)
        .collect()
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
    possessive_stem(tok.text).is_some()
}

/// The owner's name of a possessive: `Trump` of `Trump's`, `RealClearPolitics` of
/// `RealClearPolitics’` (a plural's apostrophe, kept on the word by [`push_tokens`]).
fn possessive_stem(word: &str) -> Option<&str> {
    ["'s", "’s", "s'", "s’"]
        .iter()
        .find_map(|end| word.strip_suffix(end).map(|stem| (stem, end)))
        .map(|(stem, end)| {
            // The plural's `s` is the name's own.
            if end.starts_with('s') {
                &word[..stem.len() + 1]
            } else {
                stem
            }
        })
}

fn is_demonym(word: &str) -> bool {
    let lower = word.to_lowercase();
    // "Brian", "Julian", "Vivian" are given names, not demonyms.
    word.chars().next().is_some_and(char::is_uppercase)
        && !super::gender::is_given_name(word)
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
        .any(|c| !c.is_whitespace() && c != ',' && !is_dash(c))
    {
        return None;
    }
    // `"... the founder of ISIS."` then, on the next line, `A flabbergasted Noah quipped,
    // "..."`: a quote closed by a full stop before a line break ends its sentence, and the
    // words after open the next quote's.
    let closed = text[..range.start].trim_end_matches(['"', '”', '\'', '’']);
    if closed.ends_with('.') && gap.contains('\n') {
        return None;
    }
    // `"..." if she didn't win by a larger margin, said David Wasserman`: where the words
    // after the quote go on with its sentence, a cue verb after a comma and before a
    // name, anywhere in that sentence, is the inverted attribution of the whole.
    let goes_on = first.text.chars().next().is_some_and(char::is_lowercase);
    if goes_on {
        let end = toks
            .iter()
            .position(|t| t.stop_after)
            .map_or(toks.len(), |i| i + 1);
        let inverted = (1..end.saturating_sub(1)).find(|&v| {
            toks[v - 1].comma_after
                && is_speech_verb(&toks[v])
                && !toks[v].text.ends_with("ing")
                && is_capitalised(&toks[v + 1])
        });
        if let Some(v) = inverted {
            let rest = clause(&toks[v + 1..end]);
            if let Some(name) = name_after_verb(text, &rest) {
                return Some(Cue::Name(name));
            }
        }
    }
    if lowercase_in(first.text, SUBORDINATORS) {
        return None;
    }
    // `"..." ― Hillary Clinton`: a name alone after a dash signs the quote off.
    if gap.chars().any(is_dash) && !gap.contains(',') {
        let sign_off =
            first_name_run(text, &clause(&toks)).filter(|name| name.start == first.range.start);
        if let Some(name) = sign_off {
            return Some(Cue::Name(name));
        }
    }
    if first.text.eq_ignore_ascii_case("according") && toks.get(1).is_some_and(|t| t.text == "to") {
        return first_name_run(text, &clause_after_according(&toks[2..])).map(Cue::Name);
    }
    if is_speech_verb(first) {
        // `"messy," adding, "Democracy is messy."`: what follows the verb is another
        // quote, not its speaker.
        let opens_quote = toks.get(1).is_some_and(|next| {
            text.get(first.range.end..next.range.start)
                .is_some_and(|gap| gap.contains(['"', '“']))
        });
        if opens_quote {
            return None;
        }
        let rest = clause(&toks[1..]);
        if rest.first().is_some_and(|t| str_in(PRONOUNS, t.text)) {
            return Some(Cue::Anaphor(rest[0].range.clone()));
        }
        // "said a spokesman for the Cumbria Fire and Rescue squad, Brian Mitchelhill.":
        // a description, then the name it describes at the sentence's end; without that
        // name the speaker is unnamed ("said a spokeswoman for the British Transport
        // Police").
        // "said the Rev. Peter Wherry", "said the White House": a title or an
        // organization's name, all of it capitalised, is a name.
        if rest.len() >= 2
            && rest[0].text.eq_ignore_ascii_case("the")
            && rest[1..].iter().all(is_capitalised)
        {
            if let Some(name) = name_from_run(&rest[1..]) {
                return Some(Cue::Name(name));
            }
        }
        let finite = !first.text.ends_with("ing");
        if finite
            && rest
                .first()
                .is_some_and(|t| lowercase_in(t.text, DETERMINERS))
        {
            let sentence = &toks[1..];
            let end = sentence
                .iter()
                .position(|t| t.stop_after)
                .map_or(sentence.len(), |i| i + 1);
            let named = (1..end)
                .filter(|&i| sentence[i - 1].comma_after)
                .find_map(|i| {
                    name_run_ending_at(text, &sentence[..end], end - 1)
                        .filter(|name| name.start >= sentence[i].range.start)
                });
            // `added his campaign manager Jeff Weaver, speaking to CNN`: a description
            // whose role noun the name follows directly (not `a spokeswoman for the
            // British Transport Police`, where a preposition governs the name).
            let titled = rest.last().and_then(|last| {
                let name = name_run_ending_at(text, &rest, rest.len() - 1)?;
                let run = rest.iter().position(|t| t.range.start >= name.start)?;
                let role = rest[..run]
                    .iter()
                    .rposition(|t| !is_capitalised(t))
                    .map(|i| &rest[i])?;
                let governs = lowercase_in(role.text, GOVERNING)
                    || lowercase_in(role.text, DETERMINERS)
                    || str_in(&["and", "or", "known", "named", "called", "as"], role.text);
                (!governs && is_capitalised(last)).then_some(name)
            });
            let named = named.or(titled);
            let span = rest[0].range.start..rest[rest.len() - 1].range.end;
            let role = rest.len() > 1
                && rest[0].text.eq_ignore_ascii_case("the")
                && str_in(ANAPHOR_HEADS, rest[rest.len() - 1].text);
            return Some(match named {
                Some(name) => Cue::Name(name),
                // "said the Texas senator": someone named before.
                None if role => Cue::Anaphor(span),
                None => Cue::Unnamed(span),
            });
        }
        // "said Virginia delegate Beau Correll": the last name run of the clause.
        return name_after_verb(text, &rest).map(Cue::Name);
    }
    // "NAME [adverb] said": the subject is the words before the first verb.
    let limit = toks
        .iter()
        .position(|t| t.stop_after)
        .map_or(toks.len(), |i| i + 1)
        .min(10);
    // A participle (`..., calling it`) has no subject before it.
    let finite_cue = |t: &Tok| is_speech_verb(t) && !t.text.ends_with("ing");
    if let Some(v) = toks[..limit].iter().position(finite_cue) {
        // `"..." for Clinton, said Kunin`: where the words after the quote go on with its
        // sentence, the verb after a comma comes before its subject.
        // As after any verb that comes first, the name is the clause's last name run
        // (`..., said Ohio State University professor Paul Beck`).
        if v > 0 && goes_on && toks[v - 1].comma_after {
            let rest = clause(&toks[v + 1..]);
            if let Some(name) = name_after_verb(text, &rest) {
                return Some(Cue::Name(name));
            }
        }
        return (v > 0).then(|| subject_before(text, &toks, v)).flatten();
    }
    // `"...," Mark Holden, chairman of the group's network of donors that ..., said`: a
    // name set off by a comma, appositions longer than ten words, then the verb.
    let sentence_end = toks
        .iter()
        .position(|t| t.stop_after)
        .map_or(toks.len(), |i| i + 1);
    if is_capitalised(first) && limit < sentence_end {
        let apposed = toks[..limit]
            .iter()
            .position(|t| t.comma_after || !is_capitalised(t))
            .is_some_and(|i| toks[i].comma_after && is_capitalised(&toks[i]));
        let v = (limit..sentence_end).find(|&v| is_speech_verb(&toks[v]));
        if let Some(v) = v.filter(|_| apposed) {
            if let Some(Cue::Name(name)) = subject_before(text, &toks, v) {
                if name.start == first.range.start {
                    return Some(Cue::Name(name));
                }
            }
        }
    }
    if let Some(name) = name_of_body_before_cue(text, &toks) {
        return Some(Cue::Name(name));
    }
    // `"...," Kelly charged`, `"...?" Hannity pressed`, `"...," interjected Trump`: a quote
    // its own punctuation leaves open, then a name and a verb in the past tense, is the
    // news form of attribution whatever the verb.
    let open_ended = text
        .get(..range.start)
        .unwrap_or("")
        .trim_end_matches(['"', '”', '’', '\'', '»'])
        .ends_with([',', '?', '!', '—', '–'])
        || gap.contains(',');
    if !open_ended {
        return None;
    }
    if is_past_tense(first) {
        return first_name_run(text, &clause(&toks[1..])).map(Cue::Name);
    }
    // "Bennett shot back", "Trump went on", "Bozell points out".
    let past_or_phrasal = |v: usize| {
        is_past_tense(&toks[v])
            || str_in(IRREGULAR_PAST, toks[v].text)
            || (toks[v].text.chars().all(|c| c.is_ascii_lowercase())
                && !toks[v].comma_after
                && toks
                    .get(v + 1)
                    .is_some_and(|p| str_in(&["back", "out", "on", "in", "up"], p.text)))
    };
    let v = (0..limit.min(6)).find(|&v| past_or_phrasal(v))?;
    let name = (v > 0)
        .then(|| name_run_ending_at(text, &toks, v - 1))
        .flatten()?;
    (name.start == first.range.start).then_some(Cue::Name(name))
}

/// `"...," Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote`:
/// after a quote, a name, then where the person works (`of`, `from` or `at` and a
/// capitalised body's name, however long), then a cue verb. The name is the speaker.
fn name_of_body_before_cue(text: &str, toks: &[Tok]) -> Option<Range<usize>> {
    let ends = |t: &Tok| t.comma_after || t.stop_after;
    let prep = toks.iter().position(|t| !is_capitalised(t))?;
    if prep == 0 || toks[..prep].iter().any(ends) {
        return None;
    }
    if !lowercase_in(toks[prep].text, &["of", "from", "at"]) {
        return None;
    }
    let mut j = prep + 1;
    if toks.get(j).is_some_and(|t| t.text == "the") {
        j += 1;
    }
    let body_start = j;
    while j < toks.len()
        && !ends(&toks[j - 1])
        && (is_capitalised(&toks[j]) || str_in(&["of", "for", "and", "on", "the"], toks[j].text))
    {
        j += 1;
    }
    let verb = toks.get(j)?;
    let finite = is_speech_verb(verb) && !verb.text.ends_with("ing");
    (j > body_start && finite && !ends(&toks[j - 1]) && is_capitalised(&toks[j - 1]))
        .then(|| name_run_ending_at(text, toks, prep - 1))
        .flatten()
}

/// Irregular past forms that, after a quote and a name, report it (`Trump shot back`).
const IRREGULAR_PAST: &[&str] = &["shot", "went", "spoke", "struck", "hit", "cut", "broke"];

/// A lower-case word in `-ed` (`charged`, `interjected`): a verb in the past tense.
fn is_past_tense(tok: &Tok) -> bool {
    tok.text.len() >= 5
        && tok.text.ends_with("ed")
        && tok.text.chars().all(|c| c.is_ascii_lowercase())
}

/// More than any cue after a quote reads: `clause` takes 8 words after the verb,
/// `clause_after_according` 10 after "according to", the subject search 10, or to the
/// sentence's end after a name set off by a comma.
const AFTER_QUOTE_WORDS: usize = 40;

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

/// The speaker a clause after an inverted cue verb names: its last name run (`said
/// Virginia delegate Beau Correll`), else its first.
fn name_after_verb(text: &str, rest: &[Tok]) -> Option<Range<usize>> {
    last_name_in(text, rest).or_else(|| first_name_run(text, rest))
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
        "would",
        "will",
        "could",
        "himself",
        "herself",
        "themselves",
        "itself",
    ];
    let mut end = v;
    loop {
        if end > 0
            && (str_in(SKIPPABLE, toks[end - 1].text) || is_adverb_before_verb(&toks[end - 1]))
        {
            end -= 1;
        } else if let Some(start) = time_phrase_ending(toks, end) {
            // "Trump on Thursday said", "Cole Tuesday night told".
            end = start;
        } else {
            break;
        }
    }
    if end == 0 {
        return None;
    }
    // "John Bolton, who met ... summit, told", "Butz, 49, told", "Mark Holden, chairman
    // of ..., the network's funding arm, said", "Rep. Zoe Lofgren (D-Calif.), who ...,
    // said": skip the relative clauses, appositions and tags back to the subject.
    let mut last = skip_parentheticals(toks, end - 1);
    while last > 0 && is_party_tag(toks[last].text) && !toks[last - 1].stop_after {
        last -= 1;
    }
    if toks[last].stop_after || (toks[last].comma_after && !is_capitalised(&toks[last])) {
        return None;
    }
    if str_in(PRONOUNS, toks[last].text) || toks[last].text == "they" {
        return Some(Cue::Anaphor(toks[last].range.clone()));
    }
    // "He's claiming", "she'd said", "they've called": a pronoun with its auxiliary.
    if let Some((pronoun, _)) = toks[last].text.split_once(['\'', '’']).filter(|(p, aux)| {
        (str_in(PRONOUNS, p) || *p == "they") && matches!(*aux, "s" | "d" | "ve" | "ll")
    }) {
        let start = toks[last].range.start;
        return Some(Cue::Anaphor(start..start + pronoun.len()));
    }
    // "the IMF report stated", "Trump's statement said": a document speaks for its author.
    if last > 0 && lowercase_in(toks[last].text, DOCUMENT_NOUNS) {
        let owner = &toks[last - 1];
        if !owner.comma_after && !owner.stop_after && is_capitalised(owner) {
            if let Some(stem) = possessive_stem(owner.text) {
                return Some(Cue::Name(owner.range.start..owner.range.start + stem.len()));
            }
            if let Some(name) = name_run_ending_at(text, toks, last - 1) {
                return Some(Cue::Name(name));
            }
        }
    }
    // "Ryan's campaign said", "the Clinton campaign said", "his office said": a campaign
    // or an office speaks for the person it serves.
    if last > 0 && lowercase_in(toks[last].text, SERVING_BODIES) {
        let owner = &toks[last - 1];
        if !owner.comma_after && !owner.stop_after {
            if lowercase_in(owner.text, &["his", "her"]) {
                return Some(Cue::Anaphor(owner.range.clone()));
            }
            if is_capitalised(owner) {
                if let Some(stem) = possessive_stem(owner.text) {
                    return Some(Cue::Name(owner.range.start..owner.range.start + stem.len()));
                }
                if let Some(name) = name_run_ending_at(text, toks, last - 1) {
                    return Some(Cue::Name(name));
                }
            }
        }
    }
    // "Eduard Limonov, who declared": the relative pronoun's antecedent.
    if toks[last].text == "who" && last > 0 && toks[last - 1].comma_after {
        return name_run_ending_at(text, toks, last - 1).map(Cue::Name);
    }
    // "Michael Seaman, who lives outside the state capital, Sacramento, said": a
    // relative clause closed by a comma before the verb, whose last words are a name of
    // its own; the subject is the name before ", who".
    if toks[last].comma_after {
        let who = (last.saturating_sub(25)..last)
            .rev()
            .take_while(|&i| !toks[i].stop_after)
            .find(|&i| toks[i].text == "who" && i > 0 && toks[i - 1].comma_after);
        if let Some(name) = who.and_then(|w| name_run_ending_at(text, toks, w - 1)) {
            return Some(Cue::Name(name));
        }
    }
    if let Some(name) = name_run_ending_at(text, toks, last) {
        // "The deputy commander of Iran's Revolutionary Guards boasted": the name is not the subject.
        // Found by bisection: a scan from the first word made each call cost the words
        // before the verb, in a paragraph of thousands.
        let mut run_start = toks.partition_point(|t| t.range.start < name.start);
        if run_start == toks.len() {
            run_start = 0;
        }
        while run_start > 0
            && !toks[run_start - 1].comma_after
            && !toks[run_start - 1].stop_after
            && (is_capitalised(&toks[run_start - 1]) || is_possessive(&toks[run_start - 1]))
        {
            run_start -= 1;
        }
        // "the Utah Republican asks", "the Wisconsin Democrat said": a place before a
        // party or a role is a description of someone named elsewhere.
        if run_start >= 1
            && toks[run_start - 1].text.eq_ignore_ascii_case("the")
            && crate::actors::is_title(&toks[last].text.to_lowercase())
        {
            return Some(Cue::Anaphor(
                toks[run_start - 1].range.start..toks[last].range.end,
            ));
        }
        // "Sam Lau, the communications director for the Iowa Democratic Party said": an
        // apposition whose closing comma the writer left out; the subject is the name
        // before it.
        if let Some(apposed) = apposition_head(text, toks, run_start) {
            return Some(Cue::Name(apposed));
        }
        // "A joint statement released by Russia ... referred", "posted on Facebook
        // writing": nor is a name a preposition governs.
        // "Rep. Tom Cole of Oklahoma, an ally of ..., said", "Chris Low at FTN Financial
        // said", "Stacy Baker of Columbia,
        // South Carolina says": a name and where they are from is the subject.
        if let Some(person) = affiliated_name(text, toks, run_start) {
            return Some(Cue::Name(person));
        }
        // "A spokesman for Democratic presidential candidate Hillary Clinton called": the
        // preposition may stand before the name's role words.
        let role_start = match run_start.checked_sub(1) {
            Some(head) if is_role_head(&toks[head]) => (head.saturating_sub(3)..head)
                .rev()
                .take_while(|&i| is_role_word(&toks[i]))
                .last()
                .unwrap_or(head),
            _ => run_start,
        };
        let governed = role_start >= 2
            && lowercase_in(toks[role_start - 1].text, GOVERNING)
            && !is_capitalised(&toks[role_start - 2]);
        // "another New Hampshire Republican added": one of a group, unnamed.
        if run_start >= 1 && lowercase_in(toks[run_start - 1].text, &["a", "an", "another", "one"])
        {
            return Some(Cue::Unnamed(toks[run_start - 1].range.start..name.end));
        }
        return (!governed).then_some(Cue::Name(name));
    }
    // "Nate Silver, the polling guru who founded fivethirtyeight.com tweeted": an
    // apposition holding a relative clause, whose closing comma the writer left out.
    let comma = (last.saturating_sub(15)..last)
        .rev()
        .take_while(|&i| !toks[i].stop_after)
        .find(|&i| toks[i].comma_after);
    if let Some(c) = comma {
        let apposition = &toks[c + 1..=last];
        let opens_lower = apposition[0]
            .text
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        if opens_lower && apposition.iter().any(|t| t.text == "who") {
            if let Some(name) = name_run_ending_at(text, toks, c) {
                return Some(Cue::Name(name));
            }
        }
    }
    // "the Russian leader", "a senior official", "one employee": a description. With
    // "the" and a head that names a role it can be someone named before; otherwise it
    // is a speaker the text leaves unnamed.
    const NOT_IN_DESCRIPTION: &[&str] = &[
        "and", "but", "or", "that", "which", "who", "to", "is", "was", "has", "have", "had", "it",
        "not", "he", "she", "they", "we", "i", "you",
    ];
    let det = (last.saturating_sub(4)..=last)
        .rev()
        .take_while(|&i| {
            !lowercase_in(toks[i].text, NOT_IN_DESCRIPTION)
                && (i == last || !toks[i].comma_after && !toks[i].stop_after)
        })
        .find(|&i| lowercase_in(toks[i].text, DETERMINERS))?;
    if det == last
        || toks[last]
            .text
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    {
        return None;
    }
    // "a conference call Thursday": a bare verb form after a singular description is a
    // noun, not the description's verb.
    let verb = toks[v].text;
    let inflected = verb.ends_with('s')
        || verb.ends_with("ed")
        || str_in(&["said", "told", "wrote", "spoke", "thought"], verb);
    if !inflected && lowercase_in(toks[det].text, &["a", "an", "one", "another", "the"]) {
        return None;
    }
    let span = toks[det].range.start..toks[last].range.end;
    if str_in(ANAPHOR_HEADS, toks[last].text) && toks[det].text.eq_ignore_ascii_case("the") {
        return Some(Cue::Anaphor(span));
    }
    Some(Cue::Unnamed(span))
}

/// An adverb between a subject and its verb (`Trump reportedly said`). A word in -ly
/// that closes an apposition is its noun, not an adverb (`Beruff, a Scott ally, said`,
/// `the Smith family said`).
fn is_adverb_before_verb(tok: &Tok) -> bool {
    const NOUNS_IN_LY: &[&str] = &["ally", "family", "assembly", "rally", "reply", "monopoly"];
    tok.text.ends_with("ly")
        && !tok.comma_after
        && !is_capitalised(tok)
        && !lowercase_in(tok.text, NOUNS_IN_LY)
}

/// The person a name run at `run_start` says where they work or come from, when that
/// run is a chain of `of`/`from`/`at` phrases after the person's name: `Chris Low at FTN
/// Financial`, `Archbishop Aris Shirvanian of the Armenian Patriarchate of Jerusalem`,
/// `Stacy Baker of Columbia, South Carolina` (a place, then its state after a comma).
fn affiliated_name(text: &str, toks: &[Tok], run_start: usize) -> Option<Range<usize>> {
    // The first capitalised word of the run ending at `end`, within one clause.
    let run_start_of = |end: usize| {
        let mut start = end;
        while start > 0
            && !toks[start - 1].comma_after
            && !toks[start - 1].stop_after
            && is_capitalised(&toks[start - 1])
        {
            start -= 1;
        }
        start
    };
    let mut start = run_start;
    let mut person = None;
    while let Some(mut p) = start.checked_sub(1) {
        // `of Columbia, South Carolina`: the state belongs to the place before it.
        if toks[p].comma_after && is_capitalised(&toks[p]) && !is_party_tag(toks[p].text) {
            let place = run_start_of(p);
            let from = place
                .checked_sub(1)
                .is_some_and(|q| lowercase_in(toks[q].text, &["of", "from", "in"]));
            if !from {
                break;
            }
            start = place;
            continue;
        }
        if toks[p].text == "the" {
            match p.checked_sub(1) {
                Some(q) => p = q,
                None => break,
            }
        }
        if p == 0 || !lowercase_in(toks[p].text, &["of", "from", "at"]) {
            break;
        }
        let before = &toks[p - 1];
        if !is_capitalised(before) || before.comma_after || before.stop_after {
            break;
        }
        let Some(name) = name_run_ending_at(text, toks, p - 1) else {
            break;
        };
        person = Some(name);
        start = run_start_of(p - 1);
    }
    person
}

/// Prepositions whose object is not the sentence's subject.
/// A word of a role before a name (`presidential candidate`, `Democratic`): a noun or
/// an adjective, not a verb's form, a function word or the end of a clause.
fn is_role_word(tok: &Tok) -> bool {
    let word = tok.text;
    !tok.comma_after
        && !tok.stop_after
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !word.ends_with("ed")
        && !word.ends_with("ing")
        && !lowercase_in(word, GOVERNING)
        && !lowercase_in(word, DETERMINERS)
        && !str_in(NOT_IN_ROLE, word)
}

/// The noun of a role written before a name: a title (`aide`, `spokesman`) or one who
/// runs for office (`candidate`, `nominee`).
fn is_role_head(tok: &Tok) -> bool {
    const RUNNING: &[&str] = &[
        "candidate",
        "nominee",
        "hopeful",
        "contender",
        "challenger",
        "front-runner",
        "frontrunner",
    ];
    let folded = tok.text.to_lowercase();
    is_role_word(tok) && (str_in(RUNNING, &folded) || crate::actors::is_title(&folded))
}

/// Function words that never stand in a role before a name.
const NOT_IN_ROLE: &[&str] = &[
    "and", "or", "but", "that", "who", "which", "is", "was", "are", "were", "has", "have", "had",
    "said", "says", "told", "as", "than", "with", "he", "she", "they", "it", "we", "what", "when",
    "where", "how", "why", "whom", "whose", "if", "because", "then", "not",
];

const GOVERNING: &[&str] = &[
    "of", "by", "on", "in", "at", "for", "from", "to", "about", "against", "via",
];

/// The name that an apposition opened after a comma describes, when the run of the
/// subject at `run_start` is the object of a preposition that ends that apposition
/// (`Anthony Anton, president and CEO of Washington Restaurant Association stated`): the
/// apposition opens with a lower-case word, in the same sentence, at most fifteen words
/// back.
fn apposition_head(text: &str, toks: &[Tok], run_start: usize) -> Option<Range<usize>> {
    let mut before = run_start.checked_sub(1)?;
    if toks[before].text.eq_ignore_ascii_case("the") {
        before = before.checked_sub(1)?;
    }
    if !lowercase_in(toks[before].text, GOVERNING) {
        return None;
    }
    let comma = (run_start.saturating_sub(15)..run_start)
        .rev()
        .take_while(|&i| !toks[i].stop_after)
        .find(|&i| toks[i].comma_after)?;
    let opener = toks.get(comma + 1)?;
    let lower = opener.text.chars().next().is_some_and(char::is_lowercase);
    if !lower || comma + 1 >= run_start || !is_capitalised(&toks[comma]) {
        return None;
    }
    // The words between are a description: no verb of their own in the past tense.
    if toks[comma + 1..run_start].iter().any(is_past_tense) {
        return None;
    }
    name_run_ending_at(text, toks, comma)
}

/// What speaks for the person who owns it (`Ryan's campaign`, `his office`).
const SERVING_BODIES: &[&str] = &["campaign", "office", "camp"];

/// What a person or an organization writes, which then "says" or "states" in its name.
const DOCUMENT_NOUNS: &[&str] = &[
    "report",
    "statement",
    "study",
    "letter",
    "memo",
    "memorandum",
    "analysis",
    "survey",
    "release",
    "filing",
    "complaint",
    "lawsuit",
    "ruling",
    "indictment",
    "tweet",
    "post",
    "email",
    "ad",
    "advertisement",
    "website",
    "document",
    "transcript",
    "editorial",
    "video",
    "commercial",
    "blog",
    "op-ed",
];

/// Words that open a description of a speaker (`the source`, `a spokeswoman for the
/// board`, `one employee`, `two officials`).
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "another", "some", "two", "three", "several", "many", "other", "its",
    "his", "her", "their",
];

/// The subject's last word, from `toks[last]` (the word before the verb): while it closes
/// a comma-delimited segment that is a relative clause, an apposition, an age or a party
/// tag, the segment is skipped.
fn skip_parentheticals(toks: &[Tok], mut last: usize) -> usize {
    for _ in 0..6 {
        if !toks[last].comma_after {
            break;
        }
        // The segment that `toks[last]` closes opens after the previous comma or stop.
        let Some(opening) = (last.saturating_sub(30)..last)
            .rev()
            .find(|&i| toks[i].comma_after || toks[i].stop_after)
        else {
            break;
        };
        let segment = &toks[opening + 1..=last];
        // "of Raleigh, N.C., who ...", "in Columbus, Ohio, said": a place's state or
        // country, set off by commas, belongs to the segment before it.
        // A person's name is no state: "U.S. Ambassador in Russia, Jon Huntsman, has".
        let place_tail = segment.len() <= 3
            && segment.iter().all(is_capitalised)
            && is_capitalised(&toks[opening])
            && !super::gender::is_given_name(segment[0].text);
        if toks[opening].stop_after || !(place_tail || is_parenthetical(segment)) {
            break;
        }
        last = opening;
    }
    last
}

/// A segment set off by commas that says something about the name before it: `who ...`,
/// `the UN coordinator for Sudan`, `campaigning for Y`, `49`, `R-Texas`.
fn is_parenthetical(segment: &[Tok]) -> bool {
    const OPENERS: &[&str] = &[
        "who", "which", "the", "a", "an", "his", "her", "its", "their", "whose", "now", "then",
    ];
    let Some(first) = segment.first() else {
        return false;
    };
    let lower = |t: &Tok| t.text.chars().next().is_some_and(char::is_lowercase);
    lowercase_in(first.text, OPENERS)
        || lower(first)
        || first.text.starts_with(|c: char| c.is_ascii_digit())
        || segment.iter().all(|t| is_party_tag(t.text))
        // "Donald Trump's fired campaign manager": a description ends in a common noun.
        || (segment.len() > 1 && segment.last().is_some_and(lower))
}

/// `R-Texas`, `D-N.Y`, `I-Vt`: a US party and state tag after a name, never a name.
fn is_party_tag(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some('D' | 'R' | 'I'), Some('-'), Some(c)) if c.is_uppercase()
    )
}

/// The subject of the sentence `toks` (its words before a quote): the first name run that
/// opens it or follows a comma and is followed by a lower-case word (its verb), party tags
/// aside. "Speaking in Salem, New Hampshire, Trump went after Bush, calling him ..." gives
/// Trump; "Perez hammered Trump, calling him ..." gives Perez.
fn sentence_subject(text: &str, toks: &[Tok]) -> Option<Range<usize>> {
    const NOT_VERBS: &[&str] = &[
        "and", "or", "of", "in", "on", "at", "for", "to", "from", "with", "by", "as",
    ];
    // "And then Trump went on the attack, saying": a conjunction or a linking adverb that
    // opens the sentence stands before its subject.
    // Only a capitalised one: the words may start after an earlier quote of the sentence
    // ("... uplifting" and Rubio was hurt by going "...").
    let mut i = toks
        .iter()
        .take(2)
        .take_while(|t| {
            !t.comma_after && !t.stop_after && lowercase_in(t.text, SENTENCE_CONNECTIVES)
        })
        .count();
    if i == toks.len() || !toks.first().is_some_and(is_capitalised) {
        i = 0;
    }
    while i < toks.len() {
        // "76-year-old Morton Blackwell, founder of ..., endorsed": an age before the
        // name that opens the sentence.
        let opens = i == 0
            || lowercase_in(toks[i - 1].text, SENTENCE_CONNECTIVES)
                && is_capitalised(&toks[0])
                && toks[..i]
                    .iter()
                    .all(|t| lowercase_in(t.text, SENTENCE_CONNECTIVES))
            || toks[i - 1].comma_after
            || toks[i - 1].stop_after
            || (i == 1 && is_age(toks[0].text));
        // `At Sunday night's debate, Sanders compared ...`: a fronted prepositional
        // phrase, closed by a comma, comes before the subject.
        // `Appearing before cheering supporters Monday, Suu Kyi said`: a participle that
        // opens the sentence, with its object after it, is a fronted clause too.
        let participle = opens
            && is_capitalised(&toks[i])
            && !toks[i].comma_after
            && super::opens_fronted_clause(&toks[i].text.to_lowercase())
            && toks.get(i + 1).is_some_and(|next| {
                lowercase_in(next.text, FRONTED_PREPOSITIONS)
                    || str_in(PARTICIPLE_OBJECTS, next.text)
            });
        // `Shortly after the attacks, Trump issued ...`: an adverb of time before the
        // fronted preposition.
        let adverb = opens
            && toks[i].text.ends_with("ly")
            && !toks[i].comma_after
            && toks
                .get(i + 1)
                .is_some_and(|next| lowercase_in(next.text, FRONTED_PREPOSITIONS));
        // `When Trump suggested that Cuba would sue, Rubio fired back: "..."`: a fronted
        // subordinate clause, closed by its comma, comes before the subject too; a
        // clause runs longer than a phrase.
        let clause = opens && lowercase_in(toks[i].text, SUBORDINATORS);
        if opens
            && (participle || adverb || clause || lowercase_in(toks[i].text, FRONTED_PREPOSITIONS))
        {
            let reach = if clause { 30 } else { 12 };
            let phrase_end = (i..toks.len().min(i + reach))
                .take_while(|&j| j == i || !toks[j - 1].stop_after)
                .find(|&j| toks[j].comma_after);
            // (A clause that runs up to the quote holds it: `When Trump used the words,
            // "..." he was echoing Ryan` is Trump's.)
            if let Some(j) = phrase_end.filter(|&j| !clause || j + 1 < toks.len()) {
                i = j + 1;
                continue;
            }
        }
        // "Republican presidential front-runner Donald Trump defended", "former Arkansas
        // Gov. Mike Huckabee agreed": the role words before the name that opens the
        // sentence.
        if opens {
            if let Some(name_at) = name_after_role(toks, i) {
                i = name_at;
            }
        }
        if !(opens && is_capitalised(&toks[i])) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end + 1 < toks.len()
            && !toks[end].comma_after
            && !toks[end].stop_after
            && (is_capitalised(&toks[end + 1]) || str_in(CONNECTORS, toks[end + 1].text))
            && !is_party_tag(toks[end + 1].text)
        {
            end += 1;
        }
        let mut next = end + 1;
        while next < toks.len() && is_party_tag(toks[next].text) {
            next += 1;
        }
        // "Corey Lewandowski, Donald Trump's fired campaign manager, ripped ...": the
        // appositions set off by commas come between the subject and its verb. Each
        // comma is tried in turn: the words after one may be the verb's own phrase
        // ("Dunn, the governor, repeated his claims, calling ..."), which reads like
        // an apposition that opens with a lower-case word.
        let verb_at = |closes: usize, next: usize| {
            // "Donald Trump on Thursday ratcheted up": a time phrase before the verb.
            let next = time_phrase_after(toks, next).unwrap_or(next);
            // The name's own comma must close an apposition skipped.
            toks.get(next).is_some_and(|after| {
                (closes > end || !toks[end].comma_after)
                    && !toks[closes].stop_after
                    && after.text.chars().next().is_some_and(char::is_lowercase)
                    && !str_in(NOT_VERBS, after.text)
            })
        };
        let mut closes = next - 1;
        let mut verb_follows = verb_at(closes, next);
        for _ in 0..3 {
            if verb_follows || !toks[closes].comma_after || toks[closes].stop_after {
                break;
            }
            let Some(seg_end) = (closes + 1..toks.len().min(closes + 30))
                .find(|&j| toks[j].comma_after || toks[j].stop_after)
            else {
                break;
            };
            if toks[seg_end].stop_after || !is_parenthetical(&toks[closes + 1..=seg_end]) {
                break;
            }
            closes = seg_end;
            verb_follows = verb_at(closes, seg_end + 1);
        }
        // "A Clinton campaign official walked back ...": a name after an indefinite
        // article qualifies the description that is the subject; nobody is named.
        if lowercase_in(toks[i].text, &["a", "an", "another", "one"]) && end > i {
            return None;
        }
        if verb_follows {
            if let Some(name) = name_run_ending_at(text, toks, end) {
                return Some(name);
            }
        }
        i = end + 1;
    }
    None
}

/// Words that join a sentence to the one before it and may open it before its subject
/// (`And then`, `But`, `So`).
const SENTENCE_CONNECTIVES: &[&str] = &["and", "but", "so", "yet", "then", "still", "now"];

/// `76-year-old`, `17-year-old`: an age written before a name.
fn is_age(word: &str) -> bool {
    word.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Words that follow a participle opening a sentence (`Asked about`, `Noting that`,
/// `Weighing in`), beside the prepositions.
const PARTICIPLE_OBJECTS: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "that",
    "up",
    "out",
    "over",
    "into",
    "about",
    "reporters",
];

/// Where the name starts after role words that open a phrase at `at` (`Democratic
/// front-runner Hillary Clinton`, `former Arkansas Gov. Mike Huckabee`): the role's last
/// word is a title or one who runs for office, and a capitalised word follows it.
fn name_after_role(toks: &[Tok], at: usize) -> Option<usize> {
    (at + 1..toks.len().min(at + 6))
        .take_while(|&k| is_role_word(&toks[k - 1]) || is_title_abbreviation(&toks[k - 1]))
        .find(|&k| {
            (is_role_head(&toks[k - 1]) || is_title_abbreviation(&toks[k - 1]))
                && is_capitalised(&toks[k])
                && !is_role_head(&toks[k])
                && !is_title_abbreviation(&toks[k])
        })
}

/// `Gov.`, `Sen.`, `Rep.`: a title written short.
fn is_title_abbreviation(tok: &Tok) -> bool {
    tok.text.len() > 1
        && !tok.comma_after
        && tok.text.ends_with('.')
        && crate::actors::is_title(&tok.text[..tok.text.len() - 1].to_lowercase())
}

/// Whether a sentence's first word (lower case) is a preposition that opens a phrase
/// fronted before its subject (`On the eve of the vote, Rooke ...`).
pub(super) fn opens_fronted_phrase(word: &str) -> bool {
    FRONTED_PREPOSITIONS.contains(&word)
}

/// Prepositions that open a phrase fronted before a sentence's subject.
const FRONTED_PREPOSITIONS: &[&str] = &[
    "at",
    "in",
    "on",
    "during",
    "after",
    "before",
    "amid",
    "despite",
    "following",
    "with",
    "from",
    "for",
    "by",
];

/// The subject of the sentence `toks` as a cue: a pronoun that opens it before a verb
/// (`She then addressed the supporters again: "..."`, `He then joked, "..."`), else its
/// named subject ([`sentence_subject`]).
fn subject_cue(text: &str, toks: &[Tok]) -> Option<Cue> {
    if let [first, second, ..] = toks {
        if str_in(PRONOUNS, first.text)
            && !first.comma_after
            && !first.stop_after
            && second.text.chars().next().is_some_and(char::is_lowercase)
        {
            return Some(Cue::Anaphor(first.range.clone()));
        }
    }
    sentence_subject(text, toks).map(Cue::Subject)
}

/// Weekdays and their times: what a news sentence puts between a subject and its verb.
const DAY_WORDS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "yesterday",
    "today",
];
const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];

/// The start of a time phrase (`on Thursday`, `Tuesday night`, `earlier Monday`) that
/// ends right before `toks[end]`, if one does and keeps to the sentence.
fn time_phrase_ending(toks: &[Tok], end: usize) -> Option<usize> {
    let mut start = end;
    if start > 0 && str_in(DAY_PARTS, toks[start - 1].text) {
        start -= 1;
    }
    // "Reyes, in a statement on Friday, said": a time phrase that a comma closes ends a
    // parenthetical, which the caller skips as a whole.
    if start == 0 || !str_in(DAY_WORDS, toks[start - 1].text) || toks[end - 1].comma_after {
        return None;
    }
    start -= 1;
    if start > 0
        && lowercase_in(
            toks[start - 1].text,
            &["on", "late", "early", "earlier", "last"],
        )
    {
        start -= 1;
    }
    (start > 0 && !toks[start - 1].stop_after && !toks[start - 1].comma_after).then_some(start)
}

/// The end of a time phrase opening at `toks[at]` (see [`time_phrase_ending`]): the index
/// of the word after it.
fn time_phrase_after(toks: &[Tok], at: usize) -> Option<usize> {
    let mut i = at;
    if toks
        .get(i)
        .is_some_and(|t| lowercase_in(t.text, &["on", "late", "early", "earlier", "last"]))
    {
        i += 1;
    }
    let day = toks.get(i).filter(|t| str_in(DAY_WORDS, t.text))?;
    i += 1;
    if !day.comma_after && !day.stop_after && toks.get(i).is_some_and(|t| str_in(DAY_PARTS, t.text))
    {
        i += 1;
    }
    (i < toks.len() && !toks[i - 1].stop_after).then_some(i)
}

/// The cue in the quote's own sentence, before the opening mark. Stages, first that
/// answers wins: `according to X`; the nearest cue verb with its subject (`X, who ...,
/// told CBS that "..."`), where a participle or a verb joined by `and`/`but` takes the
/// sentence's subject (`Perez hammered Trump, calling him "..."`); a quote introduced by
/// a colon takes the sentence's subject (`Clinton: "..."`, `he demurred: "..."`).
fn before_quote(text: &str, toks: &[Tok]) -> Option<Cue> {
    let (last, rest) = toks.split_last()?;
    // A colon or comma that introduces the quote does not end its sentence.
    let after_last = text.get(last.range.end..).unwrap_or("");
    let introduced = after_last.trim_start_matches(['"', '”', '’', '\'', ')']);
    let colon = introduced.starts_with(':');
    let sentence_start = if colon || introduced.starts_with(',') || !last.stop_after {
        rest.iter().rposition(|t| t.stop_after).map_or(0, |i| i + 1)
    } else {
        toks.len()
    };
    let toks = &toks[sentence_start..];
    if let Some(at) = toks
        .windows(2)
        .rposition(|w| w[0].text.eq_ignore_ascii_case("according") && w[1].text == "to")
    {
        if let Some(name) = first_name_run(text, &clause_after_according(&toks[at + 2..])) {
            return Some(Cue::Name(name));
        }
    }
    // `As Vulture put it, "..."`, `in the words of Jim Clyburn, "..."`: idioms that name
    // whose words follow.
    if let Some(put) = toks
        .windows(2)
        .rposition(|w| w[0].text == "put" && w[1].text.trim_end_matches([',', ':']) == "it")
    {
        let opened = toks[put.saturating_sub(6)..put]
            .iter()
            .any(|t| t.text.eq_ignore_ascii_case("as"));
        if opened && put > 0 {
            if let Some(cue) = subject_before(text, toks, put) {
                return Some(cue);
            }
        }
    }
    if let Some(at) = toks.windows(4).rposition(|w| {
        w[0].text.eq_ignore_ascii_case("in")
            && w[1].text == "the"
            && w[2].text == "words"
            && w[3].text == "of"
    }) {
        if let Some(name) = first_name_run(text, &clause_after_according(&toks[at + 4..])) {
            return Some(Cue::Name(name));
        }
    }
    // `Asked whether Clinton "has the integrity ...," 75 percent said yes`: a question
    // put by someone unnamed holds the quote, and whoever it names did not speak.
    let asked_at = usize::from(
        toks.first()
            .is_some_and(|t| str_in(&["When", "If"], t.text)),
    );
    if toks
        .get(asked_at)
        .is_some_and(|t| t.text.eq_ignore_ascii_case("asked"))
        && toks.iter().all(|t| !t.comma_after && !t.stop_after)
        && !toks[asked_at + 1..].iter().any(is_speech_verb)
    {
        return Some(Cue::Unnamed(toks[asked_at].range.clone()));
    }
    // "Said Dorothy Poynter, who grew up with Ali, "..."": a sentence that opens with its
    // cue verb names the speaker right after it.
    if let Some((first, rest)) = toks.split_first().filter(|(first, rest)| {
        is_capitalised(first)
            && is_speech_word(&first.text.to_lowercase())
            && !rest.iter().any(is_speech_verb)
    }) {
        if !first.stop_after && !first.comma_after {
            return first_name_run(text, &clause(rest)).map(Cue::Name);
        }
    }
    // `When Trump suggested that Cuba would sue, Rubio fired back: "..."`: a cue verb
    // inside a fronted subordinate clause tells of other words; the quote is the main
    // clause's.
    let fronted = toks
        .first()
        .filter(|t| lowercase_in(t.text, SUBORDINATORS))
        .and_then(|_| (0..toks.len().min(30)).find(|&j| toks[j].comma_after || toks[j].stop_after))
        .filter(|&j| !toks[j].stop_after && j + 1 < toks.len());
    let first_main = fronted.map_or(1, |j| j + 2);
    for v in (first_main..toks.len()).rev() {
        // `Hillary shot back, "..."`, `Rubio fired back:`: a verb of striking with
        // `back` is a retort.
        let retort =
            str_in(RETORT_VERBS, toks[v].text) && toks.get(v + 1).is_some_and(|t| t.text == "back");
        if !is_speech_verb(&toks[v]) && !retort {
            continue;
        }
        let prev = &toks[v - 1];
        let participle = toks[v].text.ends_with("ing")
            && (prev.comma_after || str_in(&["by", "while", "after", "before"], prev.text));
        let joined = str_in(&["and", "but"], prev.text);
        // "posted on Facebook writing": an -ing form with no name right before it is a
        // participle too.
        let participle = participle
            || (toks[v].text.ends_with("ing")
                && !matches!(
                    subject_before(text, toks, v),
                    Some(Cue::Name(_) | Cue::Anaphor(_))
                ));
        if participle {
            // "Sanders says ..., adding "..."": the speaker of an earlier cue of the
            // sentence; else the sentence's subject ("Perez hammered Trump, calling him").
            let earlier = (1..v)
                .rev()
                .filter(|&u| is_speech_verb(&toks[u]))
                .find_map(|u| match subject_before(text, toks, u) {
                    Some(Cue::Name(name)) => Some(Cue::Name(name)),
                    _ => None,
                });
            match earlier.or_else(|| subject_cue(text, &toks[..v])) {
                Some(cue) => return Some(cue),
                None => continue,
            }
        }
        // `Sanders was asked by host Bill Maher, "..."`: in the passive, the agent after
        // `by` spoke the words, not the subject.
        let passive = lowercase_in(prev.text, PASSIVE_AUXILIARIES)
            && toks.get(v + 1).is_some_and(|t| t.text == "by");
        if passive {
            return first_name_run(text, &clause(&toks[v + 2..])).map(Cue::Name);
        }
        // `Blumenthal was asked, "..."`, `Priebus was said to be "..."`: with no agent, the
        // subject of a passive cue heard the words or was spoken of; someone unnamed spoke.
        // Only in the clause that holds the quote, and not in a relative clause about an
        // object (`calling it an "error" that was reported in a "hit piece" by the Times`).
        let relative = v >= 2 && lowercase_in(toks[v - 2].text, &["that", "which", "who"]);
        if lowercase_in(prev.text, PASSIVE_AUXILIARIES)
            && !relative
            && !toks[v].text.ends_with("ing")
            && toks[v].text != "quoted"
            && !toks[v + 1..].iter().any(|t| t.text == "by")
            && !toks[v..toks.len() - 1].iter().any(|t| t.comma_after)
        {
            return Some(Cue::Unnamed(toks[v].range.clone()));
        }
        let subject = subject_before(text, toks, v);
        // `In other words, explained CBS moderator Nancy Cordes: "..."`: a cue verb after a
        // fronted phrase's comma, with no one named before it and a name right after it, is
        // inverted; the name speaks.
        if prev.comma_after
            && !matches!(subject, Some(Cue::Name(_) | Cue::Anaphor(_)))
            && toks.get(v + 1).is_some_and(is_capitalised)
        {
            if let Some(name) = name_after_verb(text, &clause(&toks[v + 1..])) {
                return Some(Cue::Name(name));
            }
        }
        match subject {
            Some(cue) => return Some(cue),
            // "... and insisted that": the subject was named earlier in the sentence.
            None if joined => return subject_cue(text, &toks[..v]),
            None => return None,
        }
    }
    let main = &toks[first_main - 1..];
    if colon {
        return subject_cue(text, main).or_else(|| name_before_colon(text, main).map(Cue::Subject));
    }
    None
}

/// Verbs of striking that, with `back`, tell of a retort (`shot back`, `fired back`).
const RETORT_VERBS: &[&str] = &["shot", "fired", "hit", "pushed", "struck", "punched"];

/// The auxiliaries of a passive cue (`was asked`, `has been described`).
const PASSIVE_AUXILIARIES: &[&str] = &["was", "were", "been", "being", "is", "are"];

/// The name that a colon before a quote follows, in a sentence with no cue verb: a
/// sentence that is only names (`Mark Blumenthal and Jon Cohen: "..."`, `More from Jones:`
/// in a round-up), or a name its sentence ends on after a description (`The surge does not
/// surprise Republican pollster Daron Shaw: "..."`), not the object of a preposition
/// (`Sanders had an answer for Clinton: "..."` is Sanders's, whom the subject rule finds).
fn name_before_colon(text: &str, toks: &[Tok]) -> Option<Range<usize>> {
    let last = toks.len().checked_sub(1)?;
    // "Here's Clinton in December 1992: "..."": a presenter's line names who speaks
    // right after "Here's".
    let here = match toks {
        [here, ..] if matches!(here.text, "Here's" | "Here’s") => Some(1),
        [here, is, ..] if here.text == "Here" && matches!(is.text, "is" | "are") => Some(2),
        _ => None,
    };
    if let Some(lead) = here {
        return first_name_run(text, &clause(&toks[lead..]));
    }
    let lead = match toks {
        [more, from, ..] if more.text == "More" && from.text == "from" => 2,
        [from, ..] if from.text == "From" => 1,
        _ => 0,
    };
    let names = &toks[lead..];
    let only_names = names.len() <= 6
        && names
            .iter()
            .all(|t| is_capitalised(t) || t.text == "and" || t.text == "&");
    if only_names {
        return name_run_ending_at(text, toks, last);
    }
    let name = name_run_ending_at(text, toks, last)?;
    // The run's first capitalised word, titles included ("pollster Sen. Ted Cruz").
    let run_start = (0..last)
        .rev()
        .find(|&i| !is_capitalised(&toks[i]) || toks[i].comma_after || toks[i].stop_after)?
        + 1;
    let before = &toks[run_start - 1];
    let described = !is_capitalised(before)
        && !before.comma_after
        && !lowercase_in(before.text, GOVERNING)
        && !str_in(CONNECTORS, before.text)
        && !lowercase_in(before.text, &["and", "with", "than", "like", "as"]);
    described.then_some(name)
}
