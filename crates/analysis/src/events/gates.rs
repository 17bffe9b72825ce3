//! The checks that make an everyday word an event trigger: what must stand next to "placed",
//! "released", "won", "fell", "cut", "broke", "offer" or "issued" for the word to name a
//! roster move, a product release, a contest decided, a fall, an outage, a record, an offer
//! or a policy change. Each reads the words of the trigger's sentence only.

use super::kinds::EventKind;
use super::words::{words_after, words_before};
use crate::lower::str_in;

/// "placed Reggie Bush on injured reserve", "put him on IR", "headed to injured reserve":
/// "on" or "to" within seven words, then a roster list within the three words after it.
pub(super) fn roster_list_follows(text: &str, end: usize) -> bool {
    const LISTS: &[&str] = &["reserve", "ir", "i.r", "waivers", "injured", "disabled"];
    let words = words_after(text, end, 10);
    let Some(at) = words
        .iter()
        .take(8)
        .position(|w| str_in(&["on", "to"], w.as_str()))
    else {
        return false;
    };
    words[at + 1..]
        .iter()
        .take(3)
        .any(|w| str_in(LISTS, w.as_str()))
}

/// "released an emergency security patch", "issued a rare emergency update", "rushes urgent
/// fix", "released her new album": a product within six words, before any word that starts
/// another phrase ("released the hostages to fix relations" names no product).
pub(super) fn product_follows(text: &str, end: usize) -> bool {
    const PRODUCTS: &[&str] = &[
        "patch",
        "patches",
        "update",
        "updates",
        "fix",
        "fixes",
        "hotfix",
        "upgrade",
        "upgrades",
        "firmware",
        "software",
        "version",
        "app",
        "album",
        "single",
        "smartphone",
        "iphone",
        "ipad",
        "console",
        "beta",
        "edition",
        "workaround",
        "model",
    ];
    const STOPS: &[&str] = &[
        "to", "that", "which", "who", "saying", "after", "because", "from", "on", "in", "as",
    ];
    for w in words_after(text, end, 6) {
        if str_in(PRODUCTS, w.as_str()) {
            return true;
        }
        if str_in(STOPS, w.as_str()) {
            return false;
        }
    }
    false
}

/// A contest decided, told the way sports pages tell it: a score ("beat the Jaguars 31-24",
/// "a 20-13 win") within four words either side, a round after a stoppage ("stopped
/// Thompson in the sixth round", "a seventh-round stoppage"), a streak ("their eighth
/// straight win") or what was won ("won his 16th straight fight").
pub(super) fn scored_contest(text: &str, start: usize, end: usize) -> bool {
    const ROUNDS: &[&str] = &["round", "rounds", "ko", "tko", "knockout"];
    const CONTESTS: &[&str] = &[
        "game",
        "games",
        "match",
        "fight",
        "bout",
        "race",
        "title",
        "final",
        "championship",
        "tournament",
        "cup",
        "series",
        "playoff",
        "pennant",
        "medal",
    ];
    let after = words_after(text, end, 10);
    let before = words_before(text, start, 4);
    let score = |w: &String| {
        let mut parts = w.split('-');
        let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
            return false;
        };
        let small =
            |p: &str| !p.is_empty() && p.len() <= 3 && p.bytes().all(|c| c.is_ascii_digit());
        small(a) && small(b)
    };
    // A range of numbers is no score: "10-15 percent", "aged 18-25 years".
    let scored_after = after.iter().take(4).enumerate().any(|(i, w)| {
        score(w)
            && after.get(i + 1).is_none_or(|next| {
                !str_in(
                    &[
                        "percent", "per", "years", "year", "days", "months", "hours", "minutes",
                        "feet", "metres", "meters", "miles", "people", "million", "billion",
                    ],
                    next.as_str(),
                )
            })
    });
    let scored_before = before.iter().any(score);
    let matched = text[start..end].to_ascii_lowercase();
    let stoppage = matched.starts_with("stop") || matched == "knocked out";
    let round_near = after.iter().any(|w| str_in(ROUNDS, w.as_str()))
        || before.iter().take(2).any(|w| w.ends_with("round"));
    // "their eighth straight win", "this win, their eighth straight".
    let streak = before
        .iter()
        .take(2)
        .chain(after.iter().take(4))
        .any(|w| str_in(&["straight", "consecutive"], w.as_str()));
    // "a Valley tournament win", "a playoff victory", "a road win": the contest named
    // right before the result.
    let contest_before = str_in(&["win", "victory", "defeat", "loss"], matched.as_str())
        && before.first().is_some_and(|w| {
            str_in(CONTESTS, w.as_str())
                || str_in(&["road", "overtime", "league", "regulation"], w.as_str())
        });
    let won_a_contest = str_in(&["won", "wins", "win"], matched.as_str())
        && after.iter().take(4).any(|w| str_in(CONTESTS, w.as_str()));
    scored_after
        || scored_before
        || (stoppage && round_near)
        || streak
        || won_a_contest
        || contest_before
}

/// "Turkmenistan voted Sunday in a parliamentary election", "voters cast ballots in
/// parliamentary elections", "the first election held after the new constitution": an
/// election that voters took part in (a verb of voting within eight words before, or
/// "held" right after) is one that happened, not the talk of elections. For the verbs of
/// voting themselves, an election named within six words after.
pub(super) fn ballots_cast(text: &str, start: usize, end: usize) -> bool {
    const VOTING: &[&str] = &[
        "voted",
        "vote",
        "votes",
        "voting",
        "ballots",
        "polls",
        "participated",
        "turnout",
        "voters",
    ];
    const ELECTIONS: &[&str] = &[
        "election",
        "elections",
        "referendum",
        "vote",
        "poll",
        "polls",
        "runoff",
        "primary",
    ];
    let matched = text[start..end].to_ascii_lowercase();
    let after = words_after(text, end, 6);
    if !matched.contains("election") && !matched.contains("referendum") {
        return after.iter().any(|w| str_in(ELECTIONS, w.as_str()));
    }
    words_before(text, start, 8)
        .iter()
        .any(|w| str_in(VOTING, w.as_str()))
        || after
            .iter()
            .take(2)
            .any(|w| str_in(&["held", "took"], w.as_str()))
}

/// "fell 200 feet from a ridge", "falling about 150 metres", "fell from a balcony", "died in
/// a fall": a distance or a high place within four words after, or a fall named with the
/// death or injury it caused. "Shares fell 5 percent", "fell from power" have neither.
pub(super) fn fell_from_height(text: &str, start: usize, end: usize) -> bool {
    const UNITS: &[&str] = &[
        "feet", "foot", "ft", "metres", "meters", "metre", "meter", "m", "yards", "storeys",
        "stories", "floors",
    ];
    const HEIGHTS: &[&str] = &[
        "ridge",
        "cliff",
        "cliffs",
        "roof",
        "rooftop",
        "balcony",
        "window",
        "building",
        "ladder",
        "bridge",
        "mountain",
        "peak",
        "tower",
        "scaffolding",
        "stairs",
        "staircase",
        "crevasse",
        "gully",
        "ledge",
        "rock",
        "rocks",
        "horse",
        "platform",
        "summit",
        "slope",
        "face",
        "glacier",
        "precipice",
        "ravine",
        "gorge",
        "canyon",
        "shaft",
        "well",
        "crane",
    ];
    // The raw words, so a sum ("fell $60m") is told from a height ("fell 60m").
    let raw: Vec<&str> = text[end..]
        .split(['.', '!', '?', ';', '\n'])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take(5)
        .collect();
    let distance = raw.iter().enumerate().any(|(i, w)| {
        if w.starts_with(['$', '£', '€']) {
            return false;
        }
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        let unit = &w[digits..];
        if !unit.is_empty() {
            return str_in(UNITS, unit);
        }
        raw.get(i + 1).is_some_and(|next| {
            let next = next
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase();
            str_in(UNITS, next.as_str())
        })
    });
    let after = words_after(text, end, 5);
    let height = after
        .iter()
        .position(|w| str_in(&["from", "off", "down", "into"], w.as_str()))
        .is_some_and(|at| {
            after[at + 1..]
                .iter()
                .take(3)
                .any(|w| str_in(HEIGHTS, w.as_str()))
        });
    let harmed = words_before(text, start, 4).iter().any(|w| {
        str_in(
            &[
                "died",
                "dies",
                "killed",
                "injured",
                "hurt",
                "dead",
                "death",
                "badly",
                "seriously",
            ],
            w.as_str(),
        )
    }) && text[start..end].eq_ignore_ascii_case("fall");
    distance || height || harmed
}

/// "undersea cables were cut", "the cable system went down", "damage to undersea cables":
/// a line that carries a network or a supply within four words before the verb, ten
/// before a passive's auxiliary (or, after "damage", within six after "to", "of" or
/// "in"). "Budget cuts", "damaged buildings" name no line.
pub(super) fn line_broken(text: &str, start: usize, end: usize) -> bool {
    const LINES: &[&str] = &[
        "cable",
        "cables",
        "line",
        "lines",
        "pipeline",
        "pipelines",
        "link",
        "links",
        "fibre",
        "fiber",
        "grid",
        "network",
        "mains",
    ];
    if text[start..end].eq_ignore_ascii_case("damage") {
        let after = words_after(text, end, 7);
        return after
            .first()
            .is_some_and(|w| str_in(&["to", "of", "in"], w.as_str()))
            && after[1..].iter().any(|w| str_in(LINES, w.as_str()));
    }
    // "three undersea cables between Italy and Egypt were damaged": a passive reaches
    // further back for its subject.
    let before = words_before(text, start, 10);
    let passive = before
        .first()
        .is_some_and(|w| str_in(&["were", "was", "been", "are", "is"], w.as_str()));
    let reach = if passive { 10 } else { 4 };
    before.iter().take(reach).any(|w| str_in(LINES, w.as_str()))
}

/// "broke the career scoring record", "set the record with a bank shot", "broke Ford's
/// school mark": "record" (or a scoring mark) within ten words, the noun itself and not
/// "record label", "record high", "set the record straight", "a criminal record".
pub(super) fn record_follows(text: &str, end: usize) -> bool {
    const NOT_THE_RECORD: &[&str] = &[
        "straight", "label", "labels", "company", "high", "highs", "low", "lows", "number",
        "numbers", "amount", "levels", "level", "profit", "profits", "sales", "budget",
    ];
    const NOT_A_FEAT: &[&str] = &["criminal", "track", "voting", "police", "medical", "public"];
    const MARKS: &[&str] = &["scoring", "career", "school", "all-time", "world"];
    let words = words_after(text, end, 12);
    words.iter().take(10).enumerate().any(|(i, w)| {
        let previous = i.checked_sub(1).map(|j| words[j].as_str());
        let noun_follows = words.get(i + 1).is_some_and(|next| {
            str_in(NOT_THE_RECORD, next.as_str()) || next.starts_with(|c: char| c.is_ascii_digit())
        });
        match w.as_str() {
            "record" | "records" => {
                !noun_follows && !previous.is_some_and(|p| str_in(NOT_A_FEAT, p))
            }
            "mark" => previous.is_some_and(|p| str_in(MARKS, p) || p.ends_with("'s")),
            _ => false,
        }
    })
}

/// "made an eight-year offer", "extend offer to Teixeira", "a contract offer", "offered
/// Teixeira an eight-year contract", "Red Sox offer Teixeira $200 million": an offer of a
/// contract or a sum, not "offered condolences" or "special offers".
pub(super) fn an_offer_made(text: &str, start: usize, end: usize) -> bool {
    const MAKERS: &[&str] = &[
        "made",
        "make",
        "makes",
        "making",
        "extended",
        "extend",
        "extends",
        "submitted",
        "sweetened",
        "improved",
        "tabled",
        "accepted",
        "rejected",
    ];
    const TERMS: &[&str] = &["contract", "deal", "million", "billion", "bid", "salary"];
    let before = words_before(text, start, 5);
    let made = before.iter().take(4).any(|w| str_in(MAKERS, w.as_str()));
    let of_terms = before
        .iter()
        .take(2)
        .any(|w| w.ends_with("-year") || str_in(&["contract", "takeover", "cash"], w.as_str()));
    let raw_after: Vec<&str> = text[end..].split_whitespace().take(8).collect();
    let sum = raw_after.iter().any(|w| w.starts_with(['$', '£', '€']));
    let terms = words_after(text, end, 8)
        .iter()
        .any(|w| w.ends_with("-year") || str_in(TERMS, w.as_str()));
    made || of_terms || sum || terms
}

/// "issued two late-term regulations", "overturns Bush administration ruling", "restores
/// Endangered Species Act protections": a rule within six words after.
pub(super) fn rule_follows(text: &str, end: usize) -> bool {
    const RULES: &[&str] = &[
        "rule",
        "rules",
        "regulation",
        "regulations",
        "ruling",
        "order",
        "orders",
        "protections",
        "policy",
        "policies",
        "ban",
        "law",
        "laws",
        "act",
        "decree",
        "directive",
        "mandate",
    ];
    const STOPS: &[&str] = &[
        "to", "that", "which", "who", "saying", "after", "because", "as",
    ];
    for w in words_after(text, end, 6) {
        if str_in(RULES, w.as_str()) {
            return true;
        }
        if str_in(STOPS, w.as_str()) {
            return false;
        }
    }
    false
}

/// "will host the Oscars", "hosted the 81st annual Academy Awards ceremony", "to host the
/// televised ceremony": a ceremony or awards show named within six words after "host" (the
/// hosting is that ceremony's happening). "Host a podcast", "hosts bacteria" name none,
/// nor does the noun of a role ("as host of the Academy Awards").
pub(super) fn show_hosted(text: &str, start: usize, end: usize) -> bool {
    const SHOWS: &[&str] = &[
        "oscars",
        "oscar",
        "academy",
        "awards",
        "emmys",
        "emmy",
        "grammys",
        "grammy",
        "globes",
        "baftas",
        "ceremony",
        "ceremonies",
        "telecast",
        "gala",
        "pageant",
    ];
    // "as host of the Academy Awards", "a talk-show host", "Oscars Host": the noun, a
    // person's role, not the hosting.
    const ROLE: &[&str] = &[
        "as",
        "a",
        "an",
        "the",
        "talkshow",
        "talk-show",
        "tv",
        "television",
        "radio",
        "show",
        "oscar",
        "oscars",
        "awards",
        "his",
        "her",
        "their",
        "its",
        "new",
        "former",
        "co",
    ];
    let role = words_before(text, start, 1)
        .first()
        .is_some_and(|w| str_in(ROLE, w.as_str()));
    !role
        && words_after(text, end, 6)
            .iter()
            .any(|w| str_in(SHOWS, w.as_str()))
}

/// "received the 2024 Bruno Rossi Prize", "was awarded a top prize", "won the NASA Student
/// Art Contest", "received the honor": an honour named within eight words after the verb,
/// before a word that starts another phrase ("received a call from the prize committee"
/// names none: "from" ends the search).
pub(super) fn prize_follows(text: &str, end: usize) -> bool {
    const PRIZES: &[&str] = &[
        "prize",
        "prizes",
        "award",
        "awards",
        "medal",
        "medals",
        "trophy",
        "honor",
        "honour",
        "honors",
        "honours",
        "fellowship",
        "laureate",
        "nobel",
        "pulitzer",
        "oscar",
        "oscars",
        "grammy",
        "emmy",
        "contest",
        "knighthood",
        "decoration",
    ];
    const STOPS: &[&str] = &[
        "to", "that", "which", "who", "saying", "after", "because", "from", "as", "than",
    ];
    for w in words_after(text, end, 8) {
        if str_in(PRIZES, w.as_str()) {
            return true;
        }
        if str_in(STOPS, w.as_str()) {
            return false;
        }
    }
    false
}

/// "the PACE satellite launched aboard a SpaceX Falcon 9 rocket", "launches aboard Boeing's
/// Starliner spacecraft", "launched on a scientific balloon", "the launch of the probe",
/// "a successful launch" of the mission the story is about: a craft within four words
/// before or six after, or the words of going up ("into orbit", "aboard", "lifted off").
/// Not "launched an investigation", "launched a campaign", "launch operations"; not a
/// missile, which news reports as an attack or a test.
pub(super) fn craft_launched(text: &str, start: usize, end: usize) -> bool {
    const CRAFT: &[&str] = &[
        "satellite",
        "satellites",
        "rocket",
        "rockets",
        "spacecraft",
        "probe",
        "telescope",
        "observatory",
        "balloon",
        "capsule",
        "shuttle",
        "lander",
        "rover",
        "starliner",
        "spaceship",
    ];
    const UP: &[&str] = &["orbit", "aboard", "atop", "space", "liftoff"];
    let before = words_before(text, start, 4);
    let after = words_after(text, end, 6);
    if before.iter().chain(&after).any(|w| str_in(CRAFT, w)) {
        return true;
    }
    after.iter().take(3).any(|w| str_in(UP, w))
}

/// What a road vehicle is called in news, and who drives it.
pub(super) const VEHICLES: &[&str] = &[
    "car",
    "cars",
    "vehicle",
    "truck",
    "lorry",
    "bus",
    "van",
    "suv",
    "taxi",
    "cab",
    "train",
    "tram",
    "motorcycle",
    "motorbike",
    "pickup",
    "jeep",
    "sedan",
    "minivan",
    "motorist",
    "driver",
    // A car named by its make: "hit by a 2013 Toyota Camry".
    "toyota",
    "honda",
    "nissan",
    "chevrolet",
    "hyundai",
    "volkswagen",
    "subaru",
    "mazda",
    "lexus",
];

/// "was hit while walking in the crosswalk", "had been struck while crossing the street":
/// a person hit (passive, a form of "be" or "got" right before) while on foot or on a
/// bicycle is a road collision though the vehicle goes unnamed; "the shop was hit while
/// closed" is not.
pub(super) fn pedestrian_struck(text: &str, start: usize, end: usize) -> bool {
    let before = words_before(text, start, 1);
    let after = words_after(text, end, 2);
    let at = |i: usize| after.get(i).map_or("", String::as_str);
    before.first().is_some_and(|w| {
        str_in(
            &["was", "were", "is", "been", "being", "got", "gets"],
            w.as_str(),
        )
    }) && at(0) == "while"
        && str_in(
            &[
                "walking", "crossing", "jogging", "running", "cycling", "biking", "riding",
                "standing",
            ],
            at(1),
        )
}

/// "was hit by a car", "struck and killed by a motorist", "struck her with his car", "hit
/// and killed a woman": a collision told by the vehicle that hit someone. `by_matched` says
/// whether the trigger already took the "by" ("struck by").
pub(super) fn vehicle_struck(text: &str, end: usize, by_matched: bool) -> bool {
    let words = words_after(text, end, 10);
    let at = |i: usize| words.get(i).map_or("", String::as_str);
    if !by_matched && at(0) == "and" && str_in(&["killed", "injured", "wounded"], at(1)) {
        return true; // "hit and killed a woman"
    }
    if by_matched || at(0) == "by" {
        let from = usize::from(!by_matched);
        return words
            .iter()
            .skip(from)
            .take(6)
            .any(|w| str_in(VEHICLES, w.as_str()));
    }
    // "struck her with his car".
    let Some(with) = words.iter().take(4).position(|w| w == "with") else {
        return false;
    };
    words[with + 1..]
        .iter()
        .take(3)
        .any(|w| str_in(VEHICLES, w.as_str()))
}

/// "Three dead after ...", "1 dead, 2 hurt", "a man is dead after being shot", "left a
/// receptionist dead": "dead" counting the toll of what the sentence reports, not the
/// adjective of "a dead dog" or "the Dead Sea".
pub(super) fn dead_counted(text: &str, start: usize, end: usize) -> bool {
    const NUMBERS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "dozens", "dozen", "hundreds", "scores",
    ];
    let is_number =
        |w: &str| str_in(NUMBERS, w) || (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit()));
    let before = words_before(text, start, 8);
    let at = |i: usize| before.get(i).map_or("", String::as_str);
    let counted =
        is_number(at(0)) || (str_in(&["people", "persons", "others"], at(0)) && is_number(at(1)));
    let after_word = words_after(text, end, 1);
    let is_dead_after = str_in(&["is", "are", "was", "were"], at(0))
        && after_word
            .first()
            .is_some_and(|w| str_in(&["after", "following"], w.as_str()));
    let left_dead = at(0) != "for"
        && before
            .iter()
            .skip(1)
            .take(5)
            .any(|w| str_in(&["left", "leaves", "leaving", "leave"], w.as_str()));
    counted || is_dead_after || left_dead
}

/// "threw petrol bombs at a bank", "hurled stones at police": what is thrown at someone
/// in an attack, within three words after the verb.
pub(super) fn missile_thrown(text: &str, end: usize) -> bool {
    const MISSILES: &[&str] = &[
        "petrol",
        "molotov",
        "firebomb",
        "firebombs",
        "grenade",
        "grenades",
        "stones",
        "rocks",
        "bricks",
        "bottles",
        "bombs",
        "bomb",
        "acid",
        "explosives",
    ];
    words_after(text, end, 3)
        .iter()
        .any(|w| str_in(MISSILES, w.as_str()))
}

/// "clinched a playoff berth", "clinch the title", "to clinch their eighth straight win":
/// what a contest secured, within four words after the verb.
pub(super) fn contest_secured(text: &str, end: usize) -> bool {
    const SECURED: &[&str] = &[
        "playoff",
        "playoffs",
        "berth",
        "spot",
        "title",
        "seed",
        "championship",
        "pennant",
        "division",
        "crown",
        "series",
        "promotion",
        "win",
        "victory",
        "place",
        "trophy",
        "cup",
    ];
    words_after(text, end, 4)
        .iter()
        .any(|w| str_in(SECURED, w.as_str()))
}

/// "the quake razed mud-brick villages", "homes were damaged", "destroyed by fire", "the
/// airport sustained minor damage", "causing major destruction in seven villages": a built
/// thing, or the force that struck it, within six words either side of the verb; for the
/// nouns "damage" and "destruction", a verb of suffering or causing among the three words
/// before, or a built thing after "to", "of" or "in". "Damaged his reputation", "destroyed
/// the argument", "sued for damage" name neither.
pub(super) fn damage_done(text: &str, start: usize, end: usize) -> bool {
    const BUILT: &[&str] = &[
        "building",
        "buildings",
        "home",
        "homes",
        "house",
        "houses",
        "village",
        "villages",
        "town",
        "towns",
        "hospital",
        "hospitals",
        "school",
        "schools",
        "church",
        "churches",
        "mosque",
        "mosques",
        "airport",
        "bridge",
        "bridges",
        "road",
        "roads",
        "car",
        "cars",
        "vehicle",
        "vehicles",
        "shop",
        "shops",
        "store",
        "stores",
        "clinic",
        "factory",
        "warehouse",
        "apartment",
        "apartments",
        "property",
        "properties",
        "crops",
        "roof",
        "roofs",
        "tower",
        "embassy",
        "ship",
        "vessel",
        "plane",
        "aircraft",
        "train",
        "boat",
        "mudbrick",
        "mud-brick",
        "structure",
        "structures",
        "infrastructure",
        "dwellings",
        "neighborhood",
        "neighbourhood",
        "hotel",
        "temple",
        "stadium",
        "residence",
        "residences",
        "farms",
        "barn",
        "cottage",
    ];
    const FORCES: &[&str] = &[
        "earthquake",
        "quake",
        "tremor",
        "fire",
        "fires",
        "blaze",
        "flames",
        "explosion",
        "blast",
        "bomb",
        "bombs",
        "storm",
        "hurricane",
        "hurricanes",
        "tornado",
        "cyclone",
        "typhoon",
        "flood",
        "floods",
        "floodwaters",
        "tsunami",
        "wildfire",
        "shelling",
        "airstrike",
        "airstrikes",
        "rocket",
        "rockets",
        "missile",
        "missiles",
        "mudslide",
        "landslide",
        "avalanche",
    ];
    let near = |w: &String| str_in(BUILT, w.as_str()) || str_in(FORCES, w.as_str());
    let after = words_after(text, end, 6);
    let written = &text[start..end];
    if written.eq_ignore_ascii_case("damage") || written.eq_ignore_ascii_case("destruction") {
        let suffered = damage_suffered(text, start);
        let to_built = after
            .first()
            .is_some_and(|w| str_in(&["to", "of", "in"], w.as_str()))
            && after[1..].iter().any(|w| str_in(BUILT, w.as_str()));
        return suffered || to_built;
    }
    after.iter().any(near) || words_before(text, start, 6).iter().any(near)
}

/// "the airport sustained minor damage", "causing major destruction", "caused an
/// estimated $1 million in damage": the noun "damage" or "destruction" after a verb of
/// suffering or causing within three words, or after a sum of money. English tells the
/// happening by the verb and its object here, so the noun is read as a verb is.
pub(super) fn damage_suffered(text: &str, start: usize) -> bool {
    const SUFFERED: &[&str] = &[
        "sustained",
        "sustaining",
        "suffered",
        "suffering",
        "caused",
        "causing",
        "cause",
        "causes",
        "inflicted",
        "inflicting",
        "incurred",
        "saw",
    ];
    const MONEY: &[&str] = &[
        "million", "billion", "thousand", "dollars", "pounds", "euros",
    ];
    let before = words_before(text, start, 4);
    let suffered = before.iter().take(3).any(|w| str_in(SUFFERED, w.as_str()));
    let sum = before.iter().any(|w| str_in(MONEY, w.as_str()));
    suffered || sum
}

/// "an earthquake struck Aleppo", "the quake has hit southern Iran", "the tremor, which
/// jolted the island": the natural force named right before the verb (only an auxiliary,
/// "which" or "that" between) is the happening the verb tells; its kind.
pub(super) fn force_struck(text: &str, start: usize) -> Option<EventKind> {
    const BETWEEN: &[&str] = &["", "has", "have", "had", "which", "that", "also"];
    let before = words_before(text, start, 4);
    let force = before.iter().find(|w| !str_in(BETWEEN, w.as_str()))?;
    match force.as_str() {
        "earthquake" | "earthquakes" | "quake" | "tremor" | "aftershock" => {
            Some(EventKind::Earthquake)
        }
        "storm" | "hurricane" | "typhoon" | "cyclone" | "tornado" => Some(EventKind::Storm),
        "flood" | "floods" | "floodwaters" | "tsunami" => Some(EventKind::Flood),
        _ => None,
    }
}
