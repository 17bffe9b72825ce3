//! Trigger words and phrases that introduce an event mention, and the look-alike phrases
//! ("strike a deal", "conference call", "talks about") that must not.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::analysis::lower::ascii_lowercase_in;

/// What kind of thing happened. The family decides which mentions may be the same event.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum EventKind {
    Summit,
    Congress,
    Conference,
    Meeting,
    Talks,
    Negotiations,
    Visit,
    ChemicalAttack,
    Attack,
    Airstrike,
    Strike,
    Agreement,
    Deal,
    Ceasefire,
    Sanctions,
    Election,
    Referendum,
    Withdrawal,
}

/// Kinds that may describe the same happening ("the Helsinki summit" is "the July 16 meeting").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum KindFamily {
    Diplomacy,
    Violence,
    Accord,
    Sanctions,
    Vote,
    Withdrawal,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Summit => "summit",
            EventKind::Congress => "congress",
            EventKind::Conference => "conference",
            EventKind::Meeting => "meeting",
            EventKind::Talks => "talks",
            EventKind::Negotiations => "negotiations",
            EventKind::Visit => "visit",
            EventKind::ChemicalAttack => "chemical attack",
            EventKind::Attack => "attack",
            EventKind::Airstrike => "airstrike",
            EventKind::Strike => "strike",
            EventKind::Agreement => "agreement",
            EventKind::Deal => "deal",
            EventKind::Ceasefire => "ceasefire",
            EventKind::Sanctions => "sanctions",
            EventKind::Election => "election",
            EventKind::Referendum => "referendum",
            EventKind::Withdrawal => "withdrawal",
        }
    }

    /// Kinds that last days or weeks ("talks that opened on March 4 resumed on
    /// Wednesday"): two dates a week apart in one place may be the same one.
    pub fn spans_days(self) -> bool {
        matches!(
            self,
            EventKind::Talks
                | EventKind::Negotiations
                | EventKind::Conference
                | EventKind::Congress
                | EventKind::Summit
        )
    }

    pub fn family(self) -> KindFamily {
        use EventKind::*;
        match self {
            Summit | Congress | Conference | Meeting | Talks | Negotiations | Visit => {
                KindFamily::Diplomacy
            }
            ChemicalAttack | Attack | Airstrike | Strike => KindFamily::Violence,
            Agreement | Deal | Ceasefire => KindFamily::Accord,
            Sanctions => KindFamily::Sanctions,
            Election | Referendum => KindFamily::Vote,
            Withdrawal => KindFamily::Withdrawal,
        }
    }

    /// How specific the word is, to pick a cluster's label: a "summit" that is also called
    /// "the meeting" is labelled a summit. Higher is more specific.
    pub fn specificity(self) -> u8 {
        use EventKind::*;
        match self {
            Summit | Congress | ChemicalAttack | Referendum | Ceasefire => 5,
            Conference | Airstrike | Election => 4,
            Talks | Strike | Agreement | Deal | Sanctions | Withdrawal => 3,
            Meeting | Attack => 2,
            Negotiations | Visit => 1,
        }
    }

    /// The kind named by [`EventKind::as_str`].
    pub fn parse(name: &str) -> Option<EventKind> {
        EventKind::all()
            .iter()
            .copied()
            .find(|k| k.as_str() == name)
    }

    /// Every kind, in a fixed order.
    pub fn all() -> &'static [EventKind] {
        use EventKind::*;
        &[
            Summit,
            Congress,
            Conference,
            Meeting,
            Talks,
            Negotiations,
            Visit,
            ChemicalAttack,
            Attack,
            Airstrike,
            Strike,
            Agreement,
            Deal,
            Ceasefire,
            Sanctions,
            Election,
            Referendum,
            Withdrawal,
        ]
    }
}

/// How a trigger is used in its sentence: verbs look for a subject and an object, nouns
/// for modifiers ("the Helsinki summit") and complements ("summit with Trump").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerForm {
    Noun,
    Verb,
    /// A verb that only makes an event with a venue ("will discuss ... in Vienna").
    WeakVerb,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    pub span: Range<usize>,
    /// `None` for a blocker: a look-alike phrase that is no event and stops the search
    /// for places, dates and people around other triggers.
    pub kind: Option<EventKind>,
    pub form: TriggerForm,
}

struct Pattern {
    text: &'static str,
    kind: Option<EventKind>,
    form: TriggerForm,
}

const fn noun(text: &'static str, kind: EventKind) -> Pattern {
    Pattern {
        text,
        kind: Some(kind),
        form: TriggerForm::Noun,
    }
}

const fn verb(text: &'static str, kind: EventKind) -> Pattern {
    Pattern {
        text,
        kind: Some(kind),
        form: TriggerForm::Verb,
    }
}

const fn weak(text: &'static str, kind: EventKind) -> Pattern {
    Pattern {
        text,
        kind: Some(kind),
        form: TriggerForm::WeakVerb,
    }
}

const fn block(text: &'static str) -> Pattern {
    Pattern {
        text,
        kind: None,
        form: TriggerForm::Noun,
    }
}

use crate::analysis::lower::str_in;
use EventKind as K;

/// The lexicon. Longer phrases win over their parts (leftmost-longest matching), which is
/// how "chemical attack" beats "attack" and "strike a deal" beats "strike".
const PATTERNS: &[Pattern] = &[
    noun("summit", K::Summit),
    noun("summits", K::Summit),
    noun("congress", K::Congress),
    noun("conference", K::Conference),
    noun("meeting", K::Meeting),
    noun("meetings", K::Meeting),
    noun("talks", K::Talks),
    noun("round of talks", K::Talks),
    noun("round of negotiations", K::Talks),
    noun("peace talks", K::Talks),
    noun("ceasefire talks", K::Talks),
    noun("cease-fire talks", K::Talks),
    noun("truce talks", K::Talks),
    noun("ceasefire negotiations", K::Negotiations),
    noun("peace negotiations", K::Negotiations),
    noun("negotiations", K::Negotiations),
    noun("visit", K::Visit),
    noun("trip", K::Visit),
    noun("chemical attack", K::ChemicalAttack),
    noun("chemical weapons attack", K::ChemicalAttack),
    noun("gas attack", K::ChemicalAttack),
    noun("attack", K::Attack),
    noun("attacks", K::Attack),
    noun("bombing", K::Attack),
    noun("airstrike", K::Airstrike),
    noun("airstrikes", K::Airstrike),
    noun("air strike", K::Airstrike),
    noun("air strikes", K::Airstrike),
    noun("missile strike", K::Strike),
    noun("strike", K::Strike),
    noun("strikes", K::Strike),
    noun("deal", K::Deal),
    noun("agreement", K::Agreement),
    noun("roadmap", K::Agreement),
    noun("roadmap agreement", K::Agreement),
    noun("accord", K::Agreement),
    noun("treaty", K::Agreement),
    noun("sanctions", K::Sanctions),
    noun("ceasefire", K::Ceasefire),
    noun("cease-fire", K::Ceasefire),
    noun("truce", K::Ceasefire),
    noun("election", K::Election),
    noun("elections", K::Election),
    noun("referendum", K::Referendum),
    noun("withdrawal", K::Withdrawal),
    verb("met", K::Meeting),
    verb("meet", K::Meeting),
    verb("meets", K::Meeting),
    verb("visited", K::Visit),
    verb("visits", K::Visit),
    verb("visiting", K::Visit),
    verb("struck", K::Strike),
    verb("attacked", K::Attack),
    verb("bombed", K::Attack),
    verb("signed", K::Agreement),
    verb("struck a deal", K::Deal),
    verb("strike a deal", K::Deal),
    verb("sealed a deal", K::Deal),
    verb("agreed to merge", K::Deal),
    weak("discuss", K::Meeting),
    weak("discussed", K::Meeting),
    weak("will hold talks", K::Talks),
    block("conference call"),
    block("press conference"),
    block("news conference"),
    block("talks about"),
    block("talks to"),
    block("deal with"),
    block("dealt with"),
    block("great deal"),
    block("good deal"),
    block("big deal"),
    block("signed off"),
    block("heart attack"),
    block("panic attack"),
    block("hunger strike"),
    block("general strike"),
    block("on strike"),
    block("strike a balance"),
    block("struck a balance"),
    block("struck a chord"),
    block("struck by"),
    block("struck down"),
    block("met with criticism"),
    block("met with resistance"),
    block("met with opposition"),
    block("met with skepticism"),
    block("meet the demands"),
    block("meet the needs"),
    block("meet the requirements"),
    block("meet the target"),
    block("in agreement"),
    block("visiting professor"),
];

fn automaton() -> &'static AhoCorasick {
    static AUTOMATON: OnceLock<AhoCorasick> = OnceLock::new();
    AUTOMATON.get_or_init(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(PATTERNS.iter().map(|p| p.text))
            .unwrap_or_else(|_| {
                // The patterns are constants; a build failure would be a bug, found by
                // every test. An empty automaton keeps the no-panic promise regardless.
                AhoCorasick::new(Vec::<&str>::new()).expect("empty automaton builds")
            })
    })
}

/// Triggers and blockers in `text[range]`, whole words only, in offset order.
pub fn find_triggers(text: &str, range: Range<usize>) -> Vec<Trigger> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for m in automaton().find_iter(slice) {
        let start = range.start + m.start();
        let end = range.start + m.end();
        if !is_word_boundary(text, start, end) {
            continue;
        }
        let pattern = &PATTERNS[m.pattern().as_usize()];
        let matched = &text[start..end];
        if pattern.kind == Some(EventKind::Congress) && starts_upper(matched) {
            // "Congress" capitalised is the legislature, unless it names a gathering
            // ("Congress of Syrian National Dialogue").
            let after = text[end..].trim_start();
            if !after.starts_with("of ") {
                continue;
            }
        }
        if pattern.kind == Some(EventKind::Strike)
            && pattern.form != TriggerForm::Noun
            && not_an_attack(text, start, end)
        {
            continue;
        }
        if pattern.form != TriggerForm::Noun && after_determiner(text, start) {
            // "a signed text", "the visiting delegation": a participle used as an adjective.
            continue;
        }
        found.push(Trigger {
            span: start..end,
            kind: pattern.kind,
            form: pattern.form,
        });
    }
    found
}

fn after_determiner(text: &str, start: usize) -> bool {
    text[..start]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| ascii_lowercase_in(w, &["a", "an", "the"]))
}

/// "struck a cautious note", "an earthquake struck": the verb without an attacker. A
/// figurative object follows within three words, or a natural force comes just before.
fn not_an_attack(text: &str, start: usize, end: usize) -> bool {
    const FIGURATIVE: &[&str] = &[
        "note",
        "tone",
        "chord",
        "balance",
        "pose",
        "blow",
        "nerve",
        "fear",
        "match",
        "gold",
        "oil",
        "optimistic",
        "upbeat",
        "defiant",
        "conciliatory",
        "cautious",
    ];
    const NATURAL: &[&str] = &[
        "earthquake",
        "quake",
        "tremor",
        "aftershock",
        "storm",
        "hurricane",
        "typhoon",
        "cyclone",
        "tornado",
        "lightning",
        "flood",
        "floods",
        "tsunami",
        "disaster",
        "tragedy",
        "pandemic",
        "virus",
        "drought",
        "wildfire",
        "fire",
        "heatwave",
        "landslide",
    ];
    let lower = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase()
    };
    let figurative = text[end..]
        .split_whitespace()
        .take(3)
        .map(lower)
        .any(|w| str_in(FIGURATIVE, w.as_str()));
    let before: Vec<String> = text[..start]
        .split_whitespace()
        .rev()
        .take(3)
        .map(lower)
        .collect();
    let natural = before.iter().any(|w| str_in(NATURAL, w.as_str()));
    figurative || natural
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before_ok = text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() && c != '-');
    let after_ok = text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric() && c != '-');
    before_ok && after_ok
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
