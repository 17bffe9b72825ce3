//! The cue before a quote, in its own sentence (`According to X, "..."`, `X, who ...,
//! told CBS that "..."`, `Clinton: "..."`), with retorts and passive cues.

use std::ops::Range;

use super::names::{
    clause, first_name_run, name_after_verb, name_run_ending_at, named_after_according,
};
use super::sentence::subject_cue;
use super::subject::{subject_before, GOVERNING};
use super::tokens::Tok;
use super::{is_capitalised, is_speech_verb, is_speech_word, Cue, SUBORDINATORS};
use crate::lower::{lowercase_in, str_in};
use crate::quotes::lexicon::CONNECTORS;

/// The cue in the quote's own sentence, before the opening mark. Stages, first that
/// answers wins: `according to X`; the nearest cue verb with its subject (`X, who ...,
/// told CBS that "..."`), where a participle or a verb joined by `and`/`but` takes the
/// sentence's subject (`Perez hammered Trump, calling him "..."`); a quote introduced by
/// a colon takes the sentence's subject (`Clinton: "..."`, `he demurred: "..."`).
pub(super) fn before_quote(text: &str, toks: &[Tok]) -> Option<Cue> {
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
        if let Some(name) = named_after_according(text, &toks[at + 2..]) {
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
        if let Some(name) = named_after_according(text, &toks[at + 4..]) {
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
        let after_auxiliary = lowercase_in(prev.text, PASSIVE_AUXILIARIES);
        if after_auxiliary && toks.get(v + 1).is_some_and(|t| t.text == "by") {
            return first_name_run(text, &clause(&toks[v + 2..])).map(Cue::Name);
        }
        // `Blumenthal was asked, "..."`, `Priebus was said to be "..."`: with no agent, the
        // subject of a passive cue heard the words or was spoken of; someone unnamed spoke.
        // Only in the clause that holds the quote, and not in a relative clause about an
        // object (`calling it an "error" that was reported in a "hit piece" by the Times`).
        let relative = v >= 2 && lowercase_in(toks[v - 2].text, &["that", "which", "who"]);
        if after_auxiliary
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
