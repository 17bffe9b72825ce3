//! The cue after a quote (`"...," Lavrov said`, `"...," said a spokesman, Brian
//! Mitchelhill`, `"..." ― Hillary Clinton`).

use std::ops::Range;

use super::names::{
    clause, first_name_run, name_after_verb, name_from_run, name_run_ending_at,
    named_after_according,
};
use super::subject::{subject_before, DETERMINERS, GOVERNING};
use super::tokens::{tokens_upto, Tok};
use super::{
    is_capitalised, is_dash, is_past_tense, is_possessive, is_speech_verb, Cue, SUBORDINATORS,
};
use crate::lower::{lowercase_in, str_in};
use crate::quotes::lexicon::{is_anaphor_head, PRONOUNS};

pub(super) fn after_quote(text: &str, range: Range<usize>) -> Option<Cue> {
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
                && (is_capitalised(&toks[v + 1]) || lowercase_in(toks[v + 1].text, DETERMINERS))
        });
        if let Some(v) = inverted {
            if is_capitalised(&toks[v + 1]) {
                let rest = clause(&toks[v + 1..end]);
                if let Some(name) = name_after_verb(text, &rest) {
                    return Some(Cue::Name(name));
                }
            } else if let Some(cue @ (Cue::Name(_) | Cue::Anaphor(_))) =
                // `... from attending the same mosque, said the bureau's director, James
                // B. Comey`: a description after the verb, and the name it describes.
                cue_after_verb(text, &toks[v..end])
            {
                return Some(cue);
            }
        }
    }
    if lowercase_in(first.text, SUBORDINATORS) {
        return None;
    }
    // `"glow in the dark," for instance, and Trump vowed ...`, `"leading from behind" and
    // Donald Trump says ...`: a conjunction that opens the words after the quote, or
    // follows a comma in them, starts a clause of its own; its verb tells of other words.
    let coordinated = |i: usize| {
        lowercase_in(toks[i].text, &["and", "but", "yet", "while", "whereas"])
            && (i == 0 || toks[i - 1].comma_after)
    };
    // `"..." ― Hillary Clinton`: a name alone after a dash signs the quote off.
    if gap.chars().any(is_dash) && !gap.contains(',') {
        let sign_off =
            first_name_run(text, &clause(&toks)).filter(|name| name.start == first.range.start);
        if let Some(name) = sign_off {
            return Some(Cue::Name(name));
        }
    }
    if first.text.eq_ignore_ascii_case("according") && toks.get(1).is_some_and(|t| t.text == "to") {
        return named_after_according(text, &toks[2..]).map(Cue::Name);
    }
    if is_speech_verb(first) {
        return cue_after_verb(text, &toks);
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
        if goes_on && (0..v).any(coordinated) {
            return None;
        }
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
    // `"...," California Department of Alcohol and Drug Programs deputy director Millicent
    // Tidwell told The Post`: a name after a chain of an organization's name and role
    // words, longer than the ten words above, with no comma or verb among them.
    if let Some(name) = long_title_chain(text, &toks) {
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

/// The cue that a speech verb at `toks[0]` opens after a quote (`said Bolton`, `said the
/// bureau's director, James B. Comey, on Monday`, `said a spokesman`, `said the Texas
/// senator`): the name, the description or nobody named.
fn cue_after_verb(text: &str, toks: &[Tok]) -> Option<Cue> {
    let verb = toks.first()?;
    // `"messy," adding, "Democracy is messy."`: what follows the verb is another
    // quote, not its speaker.
    let opens_quote = toks.get(1).is_some_and(|next| {
        text.get(verb.range.end..next.range.start)
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
    let finite = !verb.text.ends_with("ing");
    // `said Biancardi's attorney, James Zeszutek`: an owner's role, then its holder's name.
    if finite
        && rest
            .first()
            .is_some_and(|t| is_capitalised(t) && is_possessive(t))
    {
        let sentence = &toks[1..];
        let end = sentence
            .iter()
            .position(|t| t.stop_after)
            .map_or(sentence.len(), |i| i + 1);
        // `said Dolan's attorney, Paula Lindqvist.`: the name that ends the sentence after
        // a comma.
        let last =
            name_run_ending_at(text, &sentence[..end], end.saturating_sub(1)).filter(|name| {
                let run = sentence.partition_point(|t| t.range.start < name.start);
                run > 0 && sentence[run - 1].comma_after
            });
        if let Some(name) = apposed_name(text, sentence).or(last) {
            return Some(Cue::Name(name));
        }
    }
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
        let apposed = apposed_name(text, &sentence[..end]);
        let named = apposed.or_else(|| {
            (1..end)
                .filter(|&i| sentence[i - 1].comma_after)
                .find_map(|i| {
                    name_run_ending_at(text, &sentence[..end], end - 1)
                        .filter(|name| name.start >= sentence[i].range.start)
                })
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
            && is_anaphor_head(rest[rest.len() - 1].text);
        return Some(match named {
            Some(name) => Cue::Name(name),
            // "said the Texas senator": someone named before.
            None if role => Cue::Anaphor(span),
            None => Cue::Unnamed(span),
        });
    }
    // "said Virginia delegate Beau Correll": the last name run of the clause.
    name_after_verb(text, &rest).map(Cue::Name)
}

/// `said the bureau's director, James B. Comey, on Monday`: in the words after a cue verb
/// (to its sentence's end), a name of two words or more set off by commas after the
/// description is the one it describes, wherever the sentence goes on.
fn apposed_name(text: &str, sentence: &[Tok]) -> Option<Range<usize>> {
    let end = sentence
        .iter()
        .position(|t| t.stop_after)
        .map_or(sentence.len(), |i| i + 1);
    (1..end)
        .filter(|&i| sentence[i - 1].comma_after)
        .find_map(|i| {
            let close = (i..end).find(|&j| sentence[j].comma_after)?;
            let all_named = sentence[i..=close].iter().all(is_capitalised);
            (close > i && all_named)
                .then(|| name_run_ending_at(text, &sentence[..end], close))
                .flatten()
        })
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

/// The subject of a finite cue verb at most [`TITLE_CHAIN_WORDS`] words after a quote
/// when all the words before it are capitalised, `of`/`and`/`the`/`for`, or at most three
/// role words, and the last of them is a name.
fn long_title_chain(text: &str, toks: &[Tok]) -> Option<Range<usize>> {
    let v = toks.iter().take(TITLE_CHAIN_WORDS).position(|t| {
        is_speech_verb(t) && !t.text.ends_with("ing") || t.comma_after || t.stop_after
    })?;
    if v == 0 || !is_speech_verb(&toks[v]) || !is_capitalised(&toks[v - 1]) {
        return None;
    }
    let lowercase: Vec<&Tok> = toks[..v].iter().filter(|t| !is_capitalised(t)).collect();
    let roles = lowercase
        .iter()
        .filter(|t| !str_in(&["of", "and", "the", "for"], t.text))
        .count();
    let plain = lowercase
        .iter()
        .all(|t| t.text.chars().all(|c| c.is_ascii_lowercase()) && !t.text.ends_with("ed"));
    if roles > 3 || !plain {
        return None;
    }
    match subject_before(text, toks, v)? {
        Cue::Name(name) => Some(name),
        _ => None,
    }
}

/// How far after a quote [`long_title_chain`] looks for the cue verb.
const TITLE_CHAIN_WORDS: usize = 16;

/// Irregular past forms that, after a quote and a name, report it (`Trump shot back`).
const IRREGULAR_PAST: &[&str] = &["shot", "went", "spoke", "struck", "hit", "cut", "broke"];

/// More than any cue after a quote reads: `clause` takes 8 words after the verb,
/// `clause_after_according` 10 after "according to", the subject search 10, or to the
/// sentence's end after a name set off by a comma.
const AFTER_QUOTE_WORDS: usize = 40;
