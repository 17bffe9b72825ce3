//! Charges brought and offences named, as crime news tells them: "filed criminal charges
//! against", "charges were filed", "is facing manslaughter charges", "arrested him on
//! charges he killed", "arrested on suspicion of drunk driving", "pulled over for
//! speeding". A bare "charges" or "speeding" is generic ("speeding cars", "murder charges
//! carry life"); with the verb that brings, faces or files them, or the arrest or stop
//! that names them, it is one happening. Each check reads the words of the trigger's
//! sentence only.

use std::ops::Range;

use super::words::{words_after, words_before};
use crate::lower::str_in;

/// Verbs that bring or face charges ("filed", "brought", "faces", "pressed").
const BRINGING: &[&str] = &[
    "filed", "file", "files", "filing", "brought", "bring", "brings", "bringing", "faces", "face",
    "faced", "facing", "pressed", "press", "presses", "pressing", "lodged", "laid", "levelled",
    "leveled",
];

/// Verbs of arrest, charge and traffic stop whose reason names an offence.
const ARRESTING: &[&str] = &[
    "arrested",
    "arrest",
    "arrests",
    "booked",
    "held",
    "jailed",
    "detained",
    "charged",
    "cited",
    "convicted",
    "indicted",
    "accused",
    "suspicion",
    "suspected",
    "pulled",
    "stopped",
    "pleaded",
    "guilty",
];

/// Where a charge is brought, the span the event's trigger should cover: "filed criminal
/// charges" (a bringing verb at most three words before, only a determiner or modifiers
/// between), "charges were filed", "charges filed Friday" (the filing verb right after,
/// perhaps passive). `None` when no verb brings them; "on charges he killed" after an
/// arrest is [`charged_on_arrest`].
pub(super) fn charge_brought(text: &str, start: usize, end: usize) -> Option<Range<usize>> {
    let before = word_spans_before(text, start, 3);
    if let Some((span, _)) = before.iter().find(|(_, w)| str_in(BRINGING, w.as_str())) {
        return Some(span.start..end);
    }
    let after = word_spans_after(text, end, 4);
    const PASSIVE: &[&str] = &["was", "were", "have", "has", "had", "been", "being", "be"];
    for (span, word) in &after {
        if str_in(&["filed", "brought", "lodged", "laid"], word.as_str()) {
            return Some(start..span.end);
        }
        if !str_in(PASSIVE, word.as_str()) {
            break;
        }
    }
    None
}

/// "arrested him on charges he killed his mother", "was arrested on the DUI charge": the
/// charge an arrest was made on (an arrest word within eight words before "on").
pub(super) fn charged_on_arrest(text: &str, start: usize) -> bool {
    let before = words_before(text, start, 10);
    let Some(on) = before.iter().take(3).position(|w| w == "on") else {
        return false;
    };
    before
        .iter()
        .skip(on + 1)
        .take(8)
        .any(|w| str_in(ARRESTING, w.as_str()))
}

/// "the DUI charge", "a double-murder charge": a singular "charge" with the offence named
/// right before it (not "the charge of the light brigade", "a battery charge").
pub(super) fn offence_charge(text: &str, start: usize) -> bool {
    const OFFENCES: &[&str] = &[
        "murder",
        "double-murder",
        "manslaughter",
        "homicide",
        "dui",
        "dwi",
        "assault",
        "robbery",
        "theft",
        "burglary",
        "arson",
        "fraud",
        "kidnapping",
        "rape",
        "felony",
        "misdemeanor",
        "misdemeanour",
        "terrorism",
        "weapons",
        "drug",
        "drugs",
        "driving",
    ];
    words_before(text, start, 1)
        .first()
        .is_some_and(|w| str_in(OFFENCES, w.as_str()))
}

/// "arrested on suspicion of drunk driving", "Chargers receiver arrested for DUI", "was
/// pulled over for speeding", "faces DUI charges", "Williams' DUI arrest": an offence named
/// by the arrest, charge or stop within eight words before, or the charge or arrest it
/// names right after. "A speeding car", "speeding up" name none.
pub(super) fn offence_named(text: &str, start: usize, end: usize) -> bool {
    const NOT_OFFENCE: &[&str] = &[
        "up", "car", "cars", "vehicle", "vehicles", "train", "ticket", "tickets", "bullet",
        "camera", "cameras", "fine", "fines",
    ];
    const NAMED_BY: &[&str] = &[
        "charge",
        "charges",
        "arrest",
        "arrests",
        "conviction",
        "convictions",
        "case",
        "suspicion",
        "stop",
        "checkpoint",
    ];
    let after = words_after(text, end, 1);
    if after
        .first()
        .is_some_and(|w| str_in(NOT_OFFENCE, w.as_str()))
    {
        return false;
    }
    after.first().is_some_and(|w| str_in(NAMED_BY, w.as_str()))
        || words_before(text, start, 8)
            .iter()
            .any(|w| str_in(ARRESTING, w.as_str()) || w == "charges")
}

/// The words before `start` in its sentence, nearest first, with their byte spans.
fn word_spans_before(text: &str, start: usize, n: usize) -> Vec<(Range<usize>, String)> {
    let from = text[..start]
        .rfind(['.', '!', '?', ';', '\n'])
        .map_or(0, |i| i + 1);
    let mut spans = word_spans(text, from..start);
    spans.reverse();
    spans.truncate(n);
    spans
}

/// The words after `end` in its sentence, with their byte spans.
fn word_spans_after(text: &str, end: usize, n: usize) -> Vec<(Range<usize>, String)> {
    let to = text[end..]
        .find(['.', '!', '?', ';', '\n'])
        .map_or(text.len(), |i| end + i);
    let mut spans = word_spans(text, end..to);
    spans.truncate(n);
    spans
}

/// Whitespace-separated words of `text[range]`, trimmed of punctuation and lowercased.
fn word_spans(text: &str, range: Range<usize>) -> Vec<(Range<usize>, String)> {
    let mut spans = Vec::new();
    let mut word_start = None;
    let slice = &text[range.clone()];
    for (i, c) in slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')))
    {
        match (c.is_whitespace(), word_start) {
            (false, None) => word_start = Some(i),
            (true, Some(s)) => {
                let raw = &slice[s..i];
                let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric());
                if !trimmed.is_empty() {
                    let offset = range.start
                        + s
                        + (raw.len()
                            - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len());
                    spans.push((offset..offset + trimmed.len(), trimmed.to_ascii_lowercase()));
                }
                word_start = None;
            }
            _ => {}
        }
    }
    spans
}
