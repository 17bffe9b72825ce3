//! Who a quote is attributed to, read from the words around it: the speaker's name span
//! (`"...," Lavrov said`, `said Bolton`, `According to X, "..."`, `X warned that "..."`,
//! `– John Bolton` under an epigraph) or an anaphor (`he said`, `the Russian leader
//! insisted`) that the caller resolves.
//!
//! Works on plain text with byte offsets, so the brief side uses it too.
//!
//! This file holds the entry points, the [`Cue`] they answer and the word tests every
//! stage shares. The stages, one file each: `after.rs`, the cue after a quote; `before.rs`,
//! the cue before it in its sentence; `subject.rs`, the subject of a cue verb, read back
//! from the verb; `sentence.rs`, the subject of a sentence, read on from its start;
//! `names.rs`, name runs; `tokens.rs`, the words they all read.

mod after;
mod before;
mod names;
mod sentence;
mod subject;
mod tokens;

use std::ops::Range;
use std::sync::LazyLock;

use super::lexicon::SPEECH_VERBS;
use crate::lower::WordSet;
use crate::lower::{lowercase_in, str_in};
use after::after_quote;
use before::before_quote;
use names::{clause, first_name_run, name_run_ending_at};
use sentence::{sentence_subject, subject_cue, FRONTED_PREPOSITIONS};
use subject::subject_before;
use tokens::{tokens, tokens_upto, Tok};

pub(super) use sentence::opens_fronted_phrase;
pub(super) use tokens::{context_start, PrefixTokens};
#[cfg(test)]
pub(super) use tokens::{CONTEXT_BYTES, MOST_WORDS_HANDED_OUT};

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
    let text = cache.text();
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
    let text = cache.text();
    sentence_subject(text, open_sentence(cache, para, quote)?)
}

/// The words of the sentence the quote at `quote` stands inside, when that sentence opened
/// before the quote in `para` (not when the quote opens a sentence of its own).
fn open_sentence<'c, 'a>(
    cache: &'c mut PrefixTokens<'a>,
    para: Range<usize>,
    quote: Range<usize>,
) -> Option<&'c [Tok<'a>]> {
    let text = cache.text();
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
    let text = cache.text();
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
    let aside = dash_asides(text, toks, quote.start);
    let v = (1..toks.len()).rev().find(|&v| {
        (is_reporting_verb(&toks[v]) || is_speech_verb(&toks[v]))
            && !aside.iter().any(|a| a.contains(&v))
    })?;
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
    let text = cache.text();
    let end = range.end;
    let toks = cache.tokens(range);
    let aside = dash_asides(text, toks, end);
    let mut found = None;
    for (v, tok) in toks.iter().enumerate() {
        if !is_speech_verb(tok) || aside.iter().any(|a| a.contains(&v)) {
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
            // "told the News": who hears the words, not who says them.
            None if lowercase_in(tok.text, ADDRESSEE_VERBS) => None,
            None => first_name_run(text, &clause(&toks[v + 1..])),
            Some(_) => None,
        };
        if name.is_some() {
            found = name;
        }
    }
    found
}

/// The words set off between two dashes (`Terry White told The Post — where the lawyer
/// said she was "..." — "..."`), as ranges of indexes into `toks`: an aside, whose cue
/// tells of other words than those the sentence goes on to quote.
fn dash_asides(text: &str, toks: &[Tok], end: usize) -> Vec<Range<usize>> {
    let dashes: Vec<usize> = (0..toks.len())
        .filter(|&i| {
            let next = toks.get(i + 1).map_or(end, |t| t.range.start);
            text.get(toks[i].range.end..next).is_some_and(|gap| {
                gap.contains(['—', '–']) || gap.split_whitespace().any(|p| p == "-" || p == "--")
            })
        })
        .collect();
    dashes
        .chunks_exact(2)
        .map(|pair| pair[0] + 1..pair[1] + 1)
        .collect()
}

/// Cue verbs whose object is who hears the words (`told the News`, `assured voters`):
/// never inverted, so a name after one is not the speaker.
const ADDRESSEE_VERBS: &[&str] = &[
    "tell", "tells", "told", "telling", "inform", "informs", "informed", "assure", "assures",
    "assured", "remind", "reminds", "reminded", "urge", "urges", "urged", "brief", "briefed",
];

/// Verbs that introduce quotations, counted on PolNeAR's train split
/// (`scripts/cue_verbs.py`): `count<TAB>form` lines under `#` comments.
const CUE_VERBS_TXT: &str = include_str!("../../../../../data/lexicon/cue_verbs.txt");

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
/// `RealClearPolitics’` (a plural's apostrophe, kept on the word by [`tokens::push_tokens`]).
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

/// A lower-case word in `-ed` (`charged`, `interjected`): a verb in the past tense.
fn is_past_tense(tok: &Tok) -> bool {
    tok.text.len() >= 5
        && tok.text.ends_with("ed")
        && tok.text.chars().all(|c| c.is_ascii_lowercase())
}
