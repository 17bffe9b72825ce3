//! The subject of a sentence with no cue verb of its own, read on from its start past
//! fronted phrases and role words (`Speaking in Salem, Trump went after Bush, calling him
//! "..."` gives Trump).

use std::ops::Range;

use super::names::name_run_ending_at;
use super::subject::{is_parenthetical, is_role_head, is_role_word, time_phrase_after};
use super::tokens::{is_party_tag, Tok};
use super::{is_capitalised, Cue, SUBORDINATORS};
use crate::lower::{lowercase_in, str_in};
use crate::quotes::lexicon::{CONNECTORS, PRONOUNS};

/// The subject of the sentence `toks` (its words before a quote): the first name run that
/// opens it or follows a comma and is followed by a lower-case word (its verb), party tags
/// aside. "Speaking in Salem, New Hampshire, Trump went after Bush, calling him ..." gives
/// Trump; "Perez hammered Trump, calling him ..." gives Perez.
pub(super) fn sentence_subject(text: &str, toks: &[Tok]) -> Option<Range<usize>> {
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
            && crate::quotes::lexicon::opens_fronted_clause(&toks[i].text.to_lowercase())
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
pub(in crate::quotes) fn opens_fronted_phrase(word: &str) -> bool {
    FRONTED_PREPOSITIONS.contains(&word)
}

/// Prepositions that open a phrase fronted before a sentence's subject.
pub(super) const FRONTED_PREPOSITIONS: &[&str] = &[
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
pub(super) fn subject_cue(text: &str, toks: &[Tok]) -> Option<Cue> {
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
