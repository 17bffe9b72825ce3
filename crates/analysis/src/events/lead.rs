//! The lead's present perfect: "A train has derailed in Cumbria", "the suspect has been
//! arrested". News opens with the latest happening in the present perfect and gives its
//! day nowhere, since the day is the article's; such a mention is dated by the article.

use std::ops::Range;

use super::dates::{self, DateContext, DateParts, EventDate};
use super::{Day, EventStatus, LocalEvent};

/// Dates the undated mentions of the lead (the body's first paragraph) whose trigger is a
/// present perfect ("has derailed", "have been arrested") by `today`, the article's day.
///
/// Left undated: a sentence that holds any date (the perfect then says nothing of the
/// day: "has risen since 2015"), mentions that are not reported as happened, and a
/// mention whose kind family the document dates elsewhere ("police arrested him on
/// Thursday"): the story dates its event itself, and the article's day could disagree
/// with it by a day and split one event in two.
pub(super) fn date_lead_perfects(
    text: &str,
    body: Range<usize>,
    today: Day,
    mentions: &mut [LocalEvent],
) {
    let lead = lead_of(text, body);
    let dated_families: Vec<_> = mentions
        .iter()
        .filter(|m| m.date.as_ref().is_some_and(|d| !d.unresolved))
        .map(|m| m.kind.family())
        .collect();
    for mention in mentions.iter_mut() {
        let in_lead = lead.start <= mention.trigger.start && mention.trigger.end <= lead.end;
        if !in_lead
            || mention.date.is_some()
            || !mention.anchored
            || mention.status != EventStatus::Happened
            || dated_families.contains(&mention.kind.family())
            || !is_present_perfect(text, &mention.trigger)
        {
            continue;
        }
        let sentence_has_date =
            !dates::find_dates(text, mention.sentence.clone(), DateContext::default()).is_empty();
        if sentence_has_date {
            continue;
        }
        let (year, month, day) = today;
        let parts = DateParts {
            year: Some(year),
            month: Some(month),
            day: Some(day),
            ..DateParts::default()
        };
        mention.date = Some(EventDate {
            text: dates::iso_of(&parts).unwrap_or_default(),
            // The tense dates it: the trigger is what a hover on the date shows.
            span: mention.trigger.clone(),
            parts,
            unresolved: false,
            preposition: None,
        });
    }
}

/// The body's first paragraph (to the first blank line), leading blank lines skipped.
fn lead_of(text: &str, body: Range<usize>) -> Range<usize> {
    let Some(slice) = text.get(body.clone()) else {
        return 0..0;
    };
    let trimmed = slice.trim_start();
    let start = body.start + (slice.len() - trimmed.len());
    let end = ["\n\n", "\r\n\r\n", "\n\r\n", "\r\r"]
        .iter()
        .filter_map(|blank| trimmed.find(blank))
        .min()
        .map_or(body.end, |at| start + at);
    start..end
}

/// Whether the trigger is a past participle after "has"/"have" ("has derailed", "have
/// signed"), perhaps passive ("has been arrested") and with an adverb between ("has
/// reportedly been killed", "have also met").
fn is_present_perfect(text: &str, trigger: &Range<usize>) -> bool {
    let Some(word) = text
        .get(trigger.clone())
        .and_then(|t| t.split_whitespace().next())
    else {
        return false;
    };
    if !is_participle(word) {
        return false;
    }
    let before = text.get(..trigger.start).unwrap_or("");
    let mut words = before
        .rsplit(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase);
    let mut next = words.next();
    let mut skipped = 0;
    while let Some(w) = &next {
        if skipped >= 4 {
            break;
        }
        let adverb = w.ends_with("ly") || ["also", "now", "just", "already"].contains(&w.as_str());
        if w == "been" || adverb {
            skipped += 1;
            next = words.next();
        } else if w == "and" || w == "or" {
            // "has derailed and crashed": the auxiliary governs both participles.
            match words.next() {
                Some(first) if is_participle(&first) => {
                    skipped += 2;
                    next = words.next();
                }
                _ => return false,
            }
        } else {
            break;
        }
    }
    match next.as_deref() {
        Some("has") => true,
        // "was believed to have died", "would have met", "will have signed": a perfect
        // infinitive or a modal's perfect is no report of the news.
        Some("have") => !words.next().is_some_and(|w| {
            [
                "to", "would", "could", "might", "must", "should", "may", "will", "shall",
            ]
            .contains(&w.as_str())
        }),
        _ => false,
    }
}

/// A past participle: regular ("derailed", "arrested"), in -en ("taken", "stolen"), or one
/// of the irregular ones event verbs use.
fn is_participle(word: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "met", "held", "struck", "hit", "fought", "shot", "won", "lost", "fled", "led", "begun",
        "left", "quit", "sent", "sold", "bought", "caught", "split", "set", "built", "burnt",
        "run", "sunk", "sought", "slain", "dealt", "made", "wed",
    ];
    let lower = word.to_ascii_lowercase();
    lower.ends_with("ed") || lower.ends_with("en") || IRREGULAR.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn present_perfects_of_the_lead_are_found() {
        let text = "A train has derailed. Police have been called. He has also met them. \
                    The summit has talks. He had derailed. They derailed. It has derailed and crashed. \
                    He was believed to have died.";
        let found: Vec<&str> = ["derailed", "called", "met", "talks", "crashed", "died"]
            .iter()
            .filter_map(|w| {
                let at = text.find(w)?;
                is_present_perfect(text, &(at..at + w.len())).then_some(*w)
            })
            .collect();
        assert_eq!(found, ["derailed", "called", "met", "crashed"]);
        let had = text.find("had derailed").unwrap() + 4;
        assert!(!is_present_perfect(text, &(had..had + 8)));
    }

    #[test]
    fn the_lead_is_the_first_paragraph() {
        let text = "title: x\n\n\nFirst line\nstill lead.\r\n\r\nSecond.";
        let body = 9..text.len();
        assert_eq!(&text[lead_of(text, body)], "First line\nstill lead.");
    }
}
