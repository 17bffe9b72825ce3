//! Trigger words and phrases that introduce an event mention, and the look-alike phrases
//! ("strike a deal", "conference call", "talks about") that must not.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::lower::{ascii_lowercase_in, str_in};

use super::blows::{burned_down, happening_hit_by, harm_hit, road_accident, vehicle_hit_someone};
use super::gates::{
    an_offer_made, ballots_cast, contest_secured, craft_launched, damage_done, damage_suffered,
    dead_counted, fell_from_height, force_struck, line_broken, missile_thrown, pedestrian_struck,
    prize_follows, product_follows, record_follows, roster_list_follows, rule_follows,
    scored_contest, show_hosted, vehicle_struck,
};
use super::kinds::EventKind;
use super::offences::{charge_brought, charged_on_arrest, offence_charge, offence_named};
pub use super::patterns::TriggerForm;
use super::patterns::PATTERNS;
use super::sport::{game_played, numbered_round, playoff_named};
use super::words::{words_after, words_before};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    pub span: Range<usize>,
    /// `None` for a blocker: a look-alike phrase that is no event and stops the search
    /// for places, dates and people around other triggers.
    pub kind: Option<EventKind>,
    pub form: TriggerForm,
}

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
        let mut kind = pattern.kind;
        // "an earthquake struck Aleppo", "the storm has hit the coast": the force named
        // right before the verb is the happening it tells.
        let force = str_in(FORCE_VERBS, pattern.text)
            .then(|| force_struck(text, start))
            .flatten();
        if let Some(force) = force {
            kind = Some(force);
        } else if str_in(&["shook", "rocked", "jolted"], pattern.text) {
            continue; // "shook hands", "rocked the boat"
        } else if pattern.kind == Some(EventKind::Strike) && pattern.form != TriggerForm::Noun {
            // "struck and killed a woman", "struck her with his car": a collision.
            if vehicle_struck(text, end, false) || pedestrian_struck(text, start, end) {
                kind = Some(EventKind::Crash);
            } else if not_an_attack(text, start, end) {
                continue;
            }
        }
        if force.is_none() && str_in(&["hit", "hits", "hit by"], pattern.text) {
            let by_matched = pattern.text == "hit by";
            let collision = vehicle_struck(text, end, by_matched)
                || (!by_matched
                    && (pedestrian_struck(text, start, end)
                        || vehicle_hit_someone(text, start, end)));
            // "Paris hit by a jewellery heist", "ram-raiders hit a store": the happening or
            // its doers make "hit" that happening; "a big hit", "hit the headlines" are none.
            let harm = happening_hit_by(text, end, by_matched)
                .or_else(|| (!by_matched).then(|| harm_hit(text, start, end)).flatten());
            match (collision, harm) {
                (true, _) => {}
                (false, Some(harm)) => kind = Some(harm),
                (false, None) => continue,
            }
        }
        if pattern.text == "struck by" && !vehicle_struck(text, end, true) {
            kind = None; // "struck by the irony": the blocker it always was
        }
        if kind == Some(EventKind::Crash)
            && pattern.form == TriggerForm::Noun
            && pattern.text.starts_with("hit")
            && words_after(text, end, 1).first().is_some_and(|w| {
                str_in(
                    &[
                        "crash",
                        "accident",
                        "collision",
                        "incident",
                        "driver",
                        "motorist",
                        "suspect",
                        "victim",
                        "death",
                        "case",
                        "charges",
                    ],
                    w.as_str(),
                )
            })
        {
            continue; // "a hit-and-run crash": the crash is the event, "hit-and-run driver"
        }
        if pattern.text == "accused"
            && !words_after(text, end, 1)
                .first()
                .is_some_and(|w| str_in(&["of", "in"], w.as_str()))
        {
            continue; // "accused the minister of lying" is a statement, not a charge
        }
        if str_in(&["threw", "hurled"], pattern.text) && !missile_thrown(text, end) {
            continue; // "threw for 364 yards", "hurled insults"
        }
        if pattern.text == "dead" && !dead_counted(text, start, end) {
            continue; // "a dead dog", "the Dead Sea"
        }
        if kind == Some(EventKind::Dismissal) && fired_a_weapon(text, end) {
            // "fired shots at", "fired on the crowd": ACE Conflict.Attack, not End-Position.
            kind = Some(EventKind::Attack);
        }
        if kind == Some(EventKind::Ruling)
            && pattern.form == TriggerForm::Verb
            && !pattern.text.starts_with("ruled")
            && !court_decides(text, start)
        {
            // "she dismissed the criticism": only a court's dismissal is a ruling; "Obama
            // overturns Bush rule" is a government's.
            let unmakes = str_in(
                &[
                    "overturns",
                    "overturned",
                    "reversed",
                    "reverses",
                    "struck down",
                ],
                pattern.text,
            );
            if !unmakes || !rule_follows(text, end) {
                continue; // "dismissed claims by Law and Justice"
            }
            kind = Some(EventKind::PolicyChange);
        }
        if kind == Some(EventKind::ProductRelease)
            && !product_follows(text, end)
            && rule_follows(text, end)
        {
            kind = Some(EventKind::PolicyChange); // "issued two regulations"
        }
        if kind == Some(EventKind::Outage)
            && str_in(&["broke", "broken"], pattern.text)
            && record_follows(text, end)
        {
            kind = Some(EventKind::Record); // "broke the scoring record"
        }
        if kind == Some(EventKind::Outage)
            && str_in(&["damaged", "damage"], pattern.text)
            && !line_broken(text, start, end)
        {
            kind = Some(EventKind::Damage); // "homes were damaged": no line, perhaps a house
        }
        if pattern.text.starts_with("march") && starts_upper(matched) && the_month(text, start, end)
        {
            continue; // "in March 2017"; "the Million Man March" is a name's head
        }
        if pattern.text == "ruling" && ruling_as_adjective(text, end) {
            continue; // "the ruling party", "the ruling FLN"
        }
        if kind == Some(EventKind::Admission)
            && str_in(
                &["admitted to", "admitted into", "entered", "enters"],
                pattern.text,
            )
            && !facility_follows(text, end)
        {
            continue; // "admitted to lying", "entered the race"
        }
        if str_in(&["won", "wins", "win", "winning"], pattern.text) && prize_follows(text, end) {
            kind = Some(EventKind::Award); // "won the Pulitzer Prize"
        }
        if str_in(&["launched", "launches"], pattern.text) && craft_launched(text, start, end) {
            kind = Some(EventKind::Launch); // "the satellite launched aboard a Falcon 9"
        }
        // "Won't Direct": a contraction is no verb of winning.
        let contraction = text[end..]
            .strip_prefix(['\'', '’'])
            .and_then(|rest| rest.strip_prefix(['t', 'T']))
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric));
        let gated_out = contraction
            || match kind {
                Some(EventKind::RosterMove) => !roster_list_follows(text, end),
                Some(EventKind::ProductRelease) => !product_follows(text, end),
                Some(EventKind::Contest) if pattern.text.starts_with("clinch") => {
                    !contest_secured(text, end)
                }
                Some(EventKind::Contest) if str_in(&["game", "games"], pattern.text) => {
                    !game_played(text, start, end) && !scored_contest(text, start, end)
                }
                Some(EventKind::Contest) if pattern.text.starts_with("playoff") => {
                    !playoff_named(text, end)
                }
                Some(EventKind::Contest) if pattern.text == "round" => {
                    !numbered_round(text, start, end)
                }
                Some(EventKind::Offence) => !offence_named(text, start, end),
                Some(EventKind::Election)
                    if pattern.form == TriggerForm::Verb && !pattern.text.contains("elected") =>
                {
                    !ballots_cast(text, start, end)
                }
                Some(EventKind::Fire)
                    if str_in(&["burned", "burnt", "burns", "burning"], pattern.text) =>
                {
                    !burned_down(text, start, end)
                }
                Some(EventKind::Ceremony) if pattern.text.starts_with("host") => {
                    !show_hosted(text, start, end)
                }
                Some(EventKind::Crash) if pattern.text.starts_with("accident") => {
                    !road_accident(text, start, end)
                }
                Some(EventKind::Charge) if pattern.text == "charge" => {
                    !offence_charge(text, start)
                        && !charged_on_arrest(text, start)
                        && charge_brought(text, start, end).is_none()
                }
                Some(EventKind::Contest)
                    if !str_in(
                        &["victory over", "win over", "defeated", "defeats"],
                        pattern.text,
                    ) =>
                {
                    !scored_contest(text, start, end)
                }
                Some(EventKind::Fall) => !fell_from_height(text, start, end),
                Some(EventKind::Record) => {
                    // "set to visit" is a plan, not a record set.
                    !record_follows(text, end)
                        || words_after(text, end, 1).first().is_some_and(|w| w == "to")
                }
                Some(EventKind::Offer) => !an_offer_made(text, start, end),
                Some(EventKind::PolicyChange) => !rule_follows(text, end),
                Some(EventKind::Award) => !prize_follows(text, end),
                Some(EventKind::Launch) => !craft_launched(text, start, end),
                Some(EventKind::Damage) => !damage_done(text, start, end),
                Some(EventKind::Outage)
                    if pattern.form == TriggerForm::Verb || pattern.text == "damage" =>
                {
                    !line_broken(text, start, end)
                }
                _ => false,
            };
        if gated_out {
            continue; // "put the plan on hold", "released the hostages", "lost the vote"
        }
        if pattern.text == "injured"
            && words_after(text, end, 1)
                .first()
                .is_some_and(|w| str_in(&["reserve", "list"], w.as_str()))
        {
            // "placed on injured reserve": the roster's list, not an injury (and no blocker,
            // which would keep the move's date from it).
            continue;
        }
        if pattern.text == "held up" && !held_up_a_target(text, end) {
            continue; // "the bridge held up", "talks were held up by"
        }
        if pattern.text == "signed" && !document_near(text, start, end) {
            // "a comment signed by user Tchaka": what is signed must be an accord.
            continue;
        }
        if pattern.form == TriggerForm::Noun
            && (inside_name(text, start, end) || modifies_noun(text, end))
        {
            // "Shooting Stars" (a club), "the protest movement", "election center": the
            // event word is part of a name or describes another noun.
            continue;
        }
        if pattern.form != TriggerForm::Noun && after_determiner(text, start) {
            // "a signed text", "the visiting delegation": a participle used as an adjective.
            continue;
        }
        // "sustained heavy damage", "caused $1 million in damage": the noun is the object
        // that tells the happening, read as a verb.
        let mut span = start..end;
        let mut form = if kind == Some(EventKind::Damage)
            && pattern.form == TriggerForm::Noun
            && damage_suffered(text, start)
        {
            TriggerForm::Verb
        } else {
            pattern.form
        };
        if kind == Some(EventKind::Charge) && pattern.form == TriggerForm::Noun {
            // "filed criminal charges", "charges were filed": the verb that brings them is
            // the happening, and the trigger covers it; "arrested on charges he killed"
            // names the charge the arrest was made on.
            if let Some(brought) = charge_brought(text, start, end) {
                span = brought;
                form = TriggerForm::Verb;
            } else if charged_on_arrest(text, start) {
                form = TriggerForm::Verb;
            }
        }
        if kind == Some(EventKind::Offence) {
            // "arrested on suspicion of drunk driving": the act the arrest names, asserted
            // as a verb asserts its happening (the gate made sure something names it).
            form = TriggerForm::Verb;
        }
        found.push(Trigger { span, kind, form });
    }
    found
}

/// "fired shots", "fired a missile", "fired on the crowd": what a weapon fires within three
/// words, or a preposition of aim right after ("fired on Thursday" is a date, not an aim).
fn fired_a_weapon(text: &str, end: usize) -> bool {
    const AMMUNITION: &[&str] = &[
        "shot", "shots", "rounds", "round", "bullets", "bullet", "weapon", "weapons", "gun",
        "guns", "rifle", "pistol", "missile", "missiles", "rocket", "rockets", "shells", "mortar",
        "mortars", "tear", "warning", "volley",
    ];
    const AIM: &[&str] = &["at", "on", "into", "upon", "back"];
    let words: Vec<String> = text[end..]
        .split_whitespace()
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    let ammunition = words.iter().any(|w| str_in(AMMUNITION, w.as_str()));
    let aimed = words.first().is_some_and(|w| str_in(AIM, w.as_str()))
        && words.get(1).is_none_or(|w| {
            !(super::dates::is_weekday_or_month(w) || str_in(&["last", "this"], w.as_str()))
        });
    ammunition || aimed
}

/// A place of care, treatment or custody within five words after `end` ("admitted to
/// hospital", "entered a rehab program", "entered well-known Malibu rehab center").
fn facility_follows(text: &str, end: usize) -> bool {
    const FACILITIES: &[&str] = &[
        "rehab",
        "rehabilitation",
        "hospital",
        "hospitals",
        "clinic",
        "treatment",
        "center",
        "centre",
        "facility",
        "detox",
        "hospice",
        "infirmary",
        "sanatorium",
        "ward",
        "program",
        "programme",
        "care",
        "asylum",
    ];
    words_after(text, end, 5)
        .iter()
        .any(|w| str_in(FACILITIES, w.as_str()))
}

/// "held up a bank", "held up the jewellery store at gunpoint": a place that keeps money
/// or goods, or a person robbed, within four words after.
fn held_up_a_target(text: &str, end: usize) -> bool {
    const TARGETS: &[&str] = &[
        "bank",
        "banks",
        "store",
        "shop",
        "jeweller",
        "jewellers",
        "jeweler",
        "jewelers",
        "jewelry",
        "jewellery",
        "station",
        "restaurant",
        "casino",
        "pharmacy",
        "supermarket",
        "truck",
        "van",
        "courier",
        "cashier",
        "clerk",
        "teller",
        "gunpoint",
        "knifepoint",
    ];
    words_after(text, end, 4)
        .iter()
        .any(|w| str_in(TARGETS, w.as_str()))
}

/// Whether a court decides: a court, tribunal, judge or jury within eight words before the
/// verb in its sentence ("a UN tribunal in The Hague dismissed", "the judge rejected").
fn court_decides(text: &str, start: usize) -> bool {
    const COURTS: &[&str] = &[
        "court",
        "courts",
        "tribunal",
        "judge",
        "judges",
        "justices",
        "jury",
        "panel",
        "magistrate",
        "arbitrator",
        "arbitrators",
    ];
    words_before(text, start, 8)
        .iter()
        .any(|w| str_in(COURTS, w.as_str()))
}

/// Whether a capitalised "March" is the month: a number follows, or no capitalised word
/// of a name stands before it.
fn the_month(text: &str, start: usize, end: usize) -> bool {
    let number_after = text[end..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit());
    let name_before = text[..start]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| starts_upper(w) && !w.ends_with(['.', ':', '!', '?']));
    number_after || !name_before
}

/// "the ruling party", "the ruling FLN": "ruling" before a name or a body it describes.
fn ruling_as_adjective(text: &str, end: usize) -> bool {
    const BODIES: &[&str] = &[
        "party",
        "parties",
        "coalition",
        "class",
        "classes",
        "elite",
        "elites",
        "family",
        "council",
        "junta",
        "military",
        "government",
        "regime",
        "establishment",
        "body",
        "bloc",
        "camp",
        "majority",
        "dynasty",
        "faction",
    ];
    let next = text[end..].trim_start_matches([' ', '\t']);
    let word: String = next
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    starts_upper(&word) || str_in(BODIES, word.to_ascii_lowercase().as_str())
}

/// Whether an accord's document is named within ten words before "signed" or six after
/// ("signed an agreement", "the treaty, signed by China", "hold signed copies of an
/// historic agreement"): one signs a document, and "signed by user X" is no accord.
fn document_near(text: &str, start: usize, end: usize) -> bool {
    const DOCUMENTS: &[&str] = &[
        "agreement",
        "agreements",
        "deal",
        "deals",
        "treaty",
        "treaties",
        "accord",
        "accords",
        "pact",
        "convention",
        "contract",
        "contracts",
        "arrangement",
        "memorandum",
        "declaration",
        "bill",
        "bills",
        "law",
        "laws",
        "order",
        "decree",
        "charter",
        "protocol",
        "ceasefire",
        "truce",
        "roadmap",
        "legislation",
        "document",
        "documents",
        "framework",
        "compact",
        "statement",
        "communique",
        "armistice",
        "deals",
    ];
    words_before(text, start, 10)
        .iter()
        .chain(words_after(text, end, 6).iter())
        .any(|w| str_in(DOCUMENTS, w.as_str()))
}

/// A capitalised event word in the middle of a sentence followed by another capitalised
/// word is inside a name ("Shooting Stars", "Fire Brigade Union"); English names end on
/// their head ("the Million Man March" stays). A title-case headline (no lowercase word of
/// four letters or more on its line) is no name.
fn inside_name(text: &str, start: usize, end: usize) -> bool {
    if !starts_upper(&text[start..end]) {
        return false;
    }
    let before = text[..start].trim_end_matches([' ', '\t']);
    let opens_sentence = before
        .chars()
        .next_back()
        .is_none_or(|c| ".!?:\n\"“‘'([".contains(c));
    if opens_sentence {
        return false;
    }
    let next = text[end..].trim_start_matches([' ', '\t']);
    let next_word: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
    if !starts_upper(&next_word)
        || super::dates::is_weekday_or_month(&next_word.to_ascii_lowercase())
    {
        return false;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    // Title case leaves short function words lowercase ("Colts Clinch Playoff Spot with
    // 20-13 Win Over Chiefs"), so they do not make the line a sentence.
    const TITLE_LOWER: &[&str] = &[
        "with", "from", "into", "onto", "upon", "over", "amid", "than", "that", "after", "about",
        "under", "during", "before", "against",
    ];
    text[line_start..line_end].split_whitespace().any(|w| {
        w.len() >= 4 && w.chars().next().is_some_and(char::is_lowercase) && !str_in(TITLE_LOWER, w)
    })
}

/// "the protest movement", "an election center", "attack helicopters": an event noun
/// directly before a noun of a person, group, body, place or tool describes that noun.
fn modifies_noun(text: &str, end: usize) -> bool {
    const HEADS: &[&str] = &[
        "movement",
        "movements",
        "leader",
        "leaders",
        "organizer",
        "organizers",
        "organiser",
        "organisers",
        "tactics",
        "site",
        "sites",
        "center",
        "centre",
        "centers",
        "centres",
        "website",
        "monitoring",
        "monitor",
        "monitors",
        "official",
        "officials",
        "observer",
        "observers",
        "commission",
        "committee",
        "campaign",
        "campaigns",
        "law",
        "laws",
        "rules",
        "policy",
        "policies",
        "squad",
        "squads",
        "helicopter",
        "helicopters",
        "dog",
        "dogs",
        "warrant",
        "warrants",
        "season",
        "coverage",
        "zone",
        "zones",
        "movement's",
        "group",
        "groups",
        "activists",
        "unit",
        "units",
        "plane",
        "planes",
        "aircraft",
        "submarine",
        "submarines",
        "boat",
        "boats",
        "team",
        "teams",
    ];
    let next = text[end..].trim_start_matches([' ', '\t']);
    let word: String = next
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '\'')
        .collect();
    !word.is_empty() && !starts_upper(&word) && str_in(HEADS, word.as_str())
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

/// The verbs whose subject may be a natural force ([`force_struck`]).
const FORCE_VERBS: &[&str] = &["struck", "hit", "hits", "shook", "rocked", "jolted"];

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
