//! The subject of a cue verb, read back from the verb (`John Bolton, who met ..., told`,
//! `the Russian leader insisted`, `Ryan's campaign said`): past adverbs, time phrases,
//! relative clauses, appositions and party tags to a name, a pronoun or a description.

use std::ops::Range;

use super::names::name_run_ending_at;
use super::tokens::{is_party_tag, Tok};
use super::{is_capitalised, is_past_tense, is_possessive, possessive_stem, Cue};
use crate::calendar::is_weekday;
use crate::lower::{lowercase_in, str_in};
use crate::quotes::lexicon::{is_anaphor_head, PRONOUNS, UNNAMED_SUBJECTS};

/// The subject of the speech verb `toks[v]`: a name, a pronoun or a description.
pub(super) fn subject_before(text: &str, toks: &[Tok], v: usize) -> Option<Cue> {
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
    // "she heard someone say", "Police sources also told", "Witnesses said": nobody the
    // text names (not the sentence's subject, nor a name after the verb).
    if lowercase_in(toks[last].text, UNNAMED_SUBJECTS) {
        return Some(Cue::Unnamed(toks[last].range.clone()));
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
    // "the Florida senator and Republican presidential candidate said": two roles under
    // one determiner are one person, and the first is the description to resolve (not
    // "the senator and his wife", two people).
    let last = (last.saturating_sub(5)..last)
        .rev()
        .take_while(|&i| !toks[i].comma_after && !toks[i].stop_after)
        .find(|&a| {
            toks[a].text == "and"
                && a > 0
                && is_anaphor_head(toks[a - 1].text)
                && !lowercase_in(toks[a + 1].text, DETERMINERS)
                && !is_capitalised(&toks[last])
        })
        .map_or(last, |a| a - 1);
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
    if is_anaphor_head(toks[last].text) && toks[det].text.eq_ignore_ascii_case("the") {
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

/// A word of a role before a name (`presidential candidate`, `Democratic`): a noun or
/// an adjective, not a verb's form, a function word or the end of a clause.
pub(super) fn is_role_word(tok: &Tok) -> bool {
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
pub(super) fn is_role_head(tok: &Tok) -> bool {
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

/// Prepositions whose object is not the sentence's subject.
pub(super) const GOVERNING: &[&str] = &[
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
pub(super) const DOCUMENT_NOUNS: &[&str] = &[
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
pub(super) const DETERMINERS: &[&str] = &[
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
            && !crate::quotes::gender::is_given_name(segment[0].text);
        if toks[opening].stop_after || !(place_tail || is_parenthetical(segment)) {
            break;
        }
        last = opening;
    }
    last
}

/// A segment set off by commas that says something about the name before it: `who ...`,
/// `the UN coordinator for Sudan`, `campaigning for Y`, `49`, `R-Texas`.
pub(super) fn is_parenthetical(segment: &[Tok]) -> bool {
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

/// Weekdays and their times: what a news sentence puts between a subject and its verb.
fn is_day_word(word: &str) -> bool {
    is_weekday(word) || str_in(DAY_WORDS, word)
}

/// The days a news sentence names there besides the weekdays.
const DAY_WORDS: &[&str] = &["yesterday", "today"];

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
    if start == 0 || !is_day_word(toks[start - 1].text) || toks[end - 1].comma_after {
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
pub(super) fn time_phrase_after(toks: &[Tok], at: usize) -> Option<usize> {
    let mut i = at;
    if toks
        .get(i)
        .is_some_and(|t| lowercase_in(t.text, &["on", "late", "early", "earlier", "last"]))
    {
        i += 1;
    }
    let day = toks.get(i).filter(|t| is_day_word(t.text))?;
    i += 1;
    if !day.comma_after && !day.stop_after && toks.get(i).is_some_and(|t| str_in(DAY_PARTS, t.text))
    {
        i += 1;
    }
    (i < toks.len() && !toks[i - 1].stop_after).then_some(i)
}
