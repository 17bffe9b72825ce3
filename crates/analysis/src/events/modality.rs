//! Modality and polarity of an event mention: whether the text reports it as having
//! happened, or as planned, cancelled, hypothetical, denied or negated ("any strike on
//! Iran", "if India attacks us", "called off the summit", "denied meeting him", "did not
//! attack"). Read from the words of the mention's sentence before its trigger, the way
//! English news marks them: a negation or modal next to the trigger, a condition opening
//! the clause, a cancelling or denying verb governing it.

use std::ops::Range;

use crate::lower::ascii_lowercase_in;

/// How the text presents an event. Only [`EventStatus::Happened`], [`EventStatus::Planned`]
/// and [`EventStatus::Cancelled`] mentions make corpus events; the others are marked and
/// kept out of the timeline.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum EventStatus {
    /// Reported as having happened (or happening).
    #[default]
    Happened,
    /// Announced for later: "will meet", "the planned summit", "scheduled talks".
    Planned,
    /// "called off the summit", "the cancelled visit", "postponed the talks".
    Cancelled,
    /// A condition, a possibility or a threat: "if India attacks", "any strike on Iran",
    /// "could attack", "the threat of an attack".
    Hypothetical,
    /// Denied by someone: "denied meeting him".
    Denied,
    /// Negated: "did not attack", "no deal", "never met".
    Negated,
}

impl EventStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Happened => "happened",
            EventStatus::Planned => "planned",
            EventStatus::Cancelled => "cancelled",
            EventStatus::Hypothetical => "hypothetical",
            EventStatus::Denied => "denied",
            EventStatus::Negated => "negated",
        }
    }

    /// Whether the text reports the event as real (happened, or announced for a date):
    /// what corpus events are made of.
    pub fn is_reported(self) -> bool {
        matches!(
            self,
            EventStatus::Happened | EventStatus::Planned | EventStatus::Cancelled
        )
    }
}

const CANCELLING: &[&str] = &[
    "cancelled",
    "canceled",
    "cancel",
    "cancels",
    "cancelling",
    "canceling",
    "postponed",
    "postpone",
    "postpones",
    "scrapped",
    "scrap",
    "scraps",
    "aborted",
    "off", // "called off", "put off"
];
const DENYING: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "denying",
    "rejected",
    "dismissed",
];
const NEGATIONS: &[&str] = &[
    "not", "n't", "never", "no", "without", "nor", "neither", "didn't", "don't", "doesn't",
    "wasn't", "weren't", "isn't", "aren't", "hasn't", "haven't", "hadn't", "won't", "cannot",
];
const CONDITIONS: &[&str] = &["if", "unless", "whether", "lest", "should"];
const POSSIBILITY: &[&str] = &[
    "any",
    "possible",
    "potential",
    "possibly",
    "would",
    "could",
    "might",
    "may",
    "can",
    "threat",
    "threats",
    "threatened",
    "threatens",
    "threatening",
    "risk",
    "fear",
    "fears",
    "feared",
    "avert",
    "prevent",
    "avoid",
    "warned",
    "hypothetical",
    "imaginary",
    "rumoured",
    "rumored",
];
const PLANNING: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "planned",
    "plan",
    "plans",
    "planning",
    "scheduled",
    "upcoming",
    "proposed",
    "expected",
    "slated",
    "intends",
    "intend",
    "forthcoming",
    "next",
];

/// "there + be + not/no" among the eight words before a trigger.
fn existential_negation(words: &[&str]) -> bool {
    const BE: &[&str] = &[
        "is", "are", "was", "were", "been", "be", "has", "have", "had",
    ];
    let Some(at) = words.iter().position(|w| w.eq_ignore_ascii_case("there")) else {
        return false;
    };
    let rest = &words[at + 1..];
    rest.first()
        .is_some_and(|w| is_in(w, BE) || is_in(w, NEGATIONS) || w.ends_with("n't"))
        && rest
            .iter()
            .take(4)
            .any(|w| is_in(w, &["not", "no", "never"]) || w.ends_with("n't"))
}

/// The status of the mention whose trigger is `trigger`, in `sentence`; `clause_start` is
/// where the trigger's clause begins (a condition only governs its clause).
pub fn status_of(
    text: &str,
    sentence: &Range<usize>,
    clause_start: usize,
    trigger: &Range<usize>,
) -> EventStatus {
    let Some(before) = text.get(sentence.start..trigger.start) else {
        return EventStatus::Happened;
    };
    let is_word_char = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    // The last words before the trigger, nearest first: every cue but a condition is
    // near the trigger, so the rest of the sentence is not split.
    let near: Vec<&str> = before
        .rsplit(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    let words: Vec<&str> = near.iter().rev().copied().collect();
    let clause_text = text
        .get(clause_start.max(sentence.start)..trigger.start)
        .unwrap_or("");
    let last = |n: usize| words.iter().rev().take(n).copied();
    let has = |n: usize, list: &[&str]| last(n).any(|w| is_in(w, list) && !is_name(w));
    // "called off the summit", "cancelled its visit", "postponed the talks".
    if has(5, CANCELLING) && !last(5).any(|w| is_in(w, &["took", "set", "kicked", "sets"])) {
        let off_ok = last(5).any(|w| is_in(w, &["called", "call", "calls", "calling", "put"]))
            || last(5).any(|w| is_in(w, CANCELLING) && !w.eq_ignore_ascii_case("off"));
        if off_ok {
            return EventStatus::Cancelled;
        }
    }
    if has(8, DENYING) {
        return EventStatus::Denied;
    }
    // "has not only stabbed": "not only" adds, it does not negate.
    let not_only = words.len() >= 2
        && words
            .windows(2)
            .rev()
            .take(3)
            .any(|w| w[0].eq_ignore_ascii_case("not") && w[1].eq_ignore_ascii_case("only"));
    if !not_only && (has(3, NEGATIONS) || last(3).any(|w| w.ends_with("n't") || w.ends_with("n’t")))
    {
        return EventStatus::Negated;
    }
    // "there have not been the kind of anti-regime protests", "there was no attack": an
    // existential "there" denied in the trigger's clause negates what it introduces.
    if existential_negation(&words) {
        return EventStatus::Negated;
    }
    // "a Nawrocki victory would mean": a modal right after the mention.
    let modal_after = text
        .get(trigger.end..sentence.end)
        .and_then(|after| after.split_whitespace().next())
        .is_some_and(|w| is_in(w, &["would", "could", "might"]));
    let condition = clause_text
        .split(|c: char| !is_word_char(c))
        .any(|w| !w.is_empty() && is_in(w, CONDITIONS));
    if condition || has(3, POSSIBILITY) || modal_after {
        return EventStatus::Hypothetical;
    }
    // "set to meet", "due to visit", "expected to sign".
    let to_cue = words
        .windows(2)
        .rev()
        .take(3)
        .any(|w| w[1] == "to" && is_in(w[0], &["set", "due", "expected", "slated", "poised"]));
    if has(4, PLANNING) || to_cue {
        return EventStatus::Planned;
    }
    EventStatus::Happened
}

/// "May", "Will": a month or a name, not the modal.
fn is_name(word: &str) -> bool {
    word == "May" || word == "Will"
}

fn is_in(word: &str, list: &[&str]) -> bool {
    if word.contains('’') {
        return ascii_lowercase_in(&word.replace('’', "'"), list);
    }
    ascii_lowercase_in(word, list)
}

/// A day as (year, month, day): the date a document was written, which orders reports.
pub type Day = (i32, u8, u8);

/// What one document says of an event, from the statuses of its mentions: a cancellation
/// if any mention reports one, else happened if any does, else planned.
///
/// Within one story a cancellation is the news and is marked ("called off the summit");
/// the story's other mentions of the event ("the summit", "the talks") carry no cue and
/// read as happened by default, so they must not outvote it. A plan is what a story says
/// only when it says nothing else.
pub fn document_verdict(statuses: impl IntoIterator<Item = EventStatus>) -> EventStatus {
    let mut verdict = EventStatus::Planned;
    let mut any = false;
    for status in statuses.into_iter().filter(|s| s.is_reported()) {
        any = true;
        verdict = match (verdict, status) {
            (EventStatus::Cancelled, _) | (_, EventStatus::Cancelled) => EventStatus::Cancelled,
            (EventStatus::Happened, _) | (_, EventStatus::Happened) => EventStatus::Happened,
            _ => EventStatus::Planned,
        };
    }
    if any {
        verdict
    } else {
        EventStatus::Happened
    }
}

/// The status of a corpus event from its documents' verdicts ([`document_verdict`]), each
/// with the day its document was written when known.
///
/// - An outcome (happened, cancelled) overrides a plan: a summit reported as planned by
///   one article and as held by a later one was held, and an article that still calls it
///   "the planned summit" afterwards does not undo that.
/// - Between outcomes the latest dated report wins: a summit called off on May 24 and
///   held on June 12 after all is happened; one reported held and then cancelled (a
///   "postponed" round of talks) is cancelled. Undated reports count only when no
///   outcome is dated.
/// - Among the reports of that last day (or the undated ones), cancelled needs more
///   documents than happened; on a tie the event happened, as more sources say so at
///   least as often and a cancellation is usually marked in every story that reports it.
pub fn event_status(verdicts: &[(Option<Day>, EventStatus)]) -> EventStatus {
    let outcomes = || {
        verdicts
            .iter()
            .filter(|(_, s)| matches!(s, EventStatus::Happened | EventStatus::Cancelled))
    };
    if outcomes().next().is_none() {
        let planned = verdicts.iter().any(|(_, s)| *s == EventStatus::Planned);
        return if planned {
            EventStatus::Planned
        } else {
            EventStatus::Happened
        };
    }
    let latest = outcomes().filter_map(|(day, _)| *day).max();
    let (mut n_happened, mut n_cancelled) = (0, 0);
    for (_, status) in outcomes().filter(|(day, _)| latest.is_none() || *day == latest) {
        match status {
            EventStatus::Cancelled => n_cancelled += 1,
            _ => n_happened += 1,
        }
    }
    if n_cancelled > n_happened {
        EventStatus::Cancelled
    } else {
        EventStatus::Happened
    }
}

impl EventStatus {
    /// Whether a brief's mention of this status may stand for a corpus event of status
    /// `event`. A brief that reports something (happened, planned, cancelled) names the
    /// corpus event whatever the corpus says of it (the card shows the corpus's status).
    /// A hypothetical or negated mention ("if Russia attacks", "Trump did not meet Kim")
    /// speaks of something that did not happen, so it never stands for an event that did;
    /// it may name a planned or cancelled one ("if the summit goes ahead", "the summit
    /// will not take place"). A denied mention ("Moscow denied the Douma attack") names
    /// the event someone denies, which the brief reports as a claim, not as its own word:
    /// it is linked, and the hover says that the brief reports a denial.
    pub fn may_refer_to(self, event: EventStatus) -> bool {
        match self {
            EventStatus::Hypothetical | EventStatus::Negated => event != EventStatus::Happened,
            _ => true,
        }
    }
}
