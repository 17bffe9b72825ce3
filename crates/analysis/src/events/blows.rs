//! Blows told by their verb: what "hit" and "burned" name in news, and road accidents.
//! "Hit" is an event only with what did the hitting ("Paris hit by a jewellery heist",
//! "ram-raiders hit a jewellery store", "the car that hit her"), "burned" only with what
//! burned ("burned to the ground", "the church was burned"), "accident" only on a road
//! ("a hit-and-run accident", "a car accident"). "A big hit", "hit the headlines", "burned
//! his fingers", "by accident" name none. Each check reads the words of the trigger's
//! sentence only.

use super::gates::VEHICLES;
use super::kinds::EventKind;
use super::words::{words_after, words_before};
use crate::lower::str_in;

/// "Paris hit by a 2 mn-euro jewelry heist", "the city was hit by a fire-bomb attack": the
/// happening named after "by" (within six words, not "a storm of criticism") is what the
/// verb tells; its kind. `by_matched` says whether the trigger already took the "by".
pub(super) fn happening_hit_by(text: &str, end: usize, by_matched: bool) -> Option<EventKind> {
    let words = words_after(text, end, 8);
    let from = if by_matched {
        0
    } else if words.first().is_some_and(|w| w == "by") {
        1
    } else {
        return None;
    };
    for (i, w) in words.iter().enumerate().skip(from).take(6) {
        if let Some(kind) = happening_noun(w) {
            if words.get(i + 1).is_some_and(|next| next == "of") {
                return None; // "a storm of criticism", "a wave of selling"
            }
            return Some(kind);
        }
    }
    None
}

/// "Ram-raiders hit Paris jewellery store", "a fire-bomb hits a bank", "gunmen hit a
/// checkpoint": who or what does harm, right before "hit" (an auxiliary between at most),
/// makes it that happening. Not "rebels hit back", "sales hit a record".
pub(super) fn harm_hit(text: &str, start: usize, end: usize) -> Option<EventKind> {
    const FIGURES: &[&str] = &[
        "back",
        "out",
        "home",
        "headlines",
        "record",
        "records",
        "rock",
        "bottom",
    ];
    let before = words_before(text, start, 3);
    let doer = before
        .iter()
        .find(|w| !str_in(&["has", "have", "had", "also", "which", "that"], w.as_str()))?;
    let after = words_after(text, end, 4);
    let first_after = after.first().map_or("", String::as_str);
    // "hit the headlines", "hit a record": but "hit a watch shop" is the harm's object.
    let target_named = after
        .iter()
        .skip(1)
        .any(|w| str_in(TARGETS, w.as_str()) || str_in(PLACE_WORDS, w.as_str()));
    let figure =
        str_in(FIGURES, first_after) || (str_in(&["a", "an", "the"], first_after) && !target_named);
    if figure {
        return None;
    }
    happening_noun(doer).or_else(|| doer_noun(doer))
}

/// "the car that hit her", "a driver who hit a pedestrian": a vehicle (or its driver) as
/// the subject of "hit", a person as its object.
pub(super) fn vehicle_hit_someone(text: &str, start: usize, end: usize) -> bool {
    const PEOPLE: &[&str] = &[
        "her",
        "him",
        "them",
        "woman",
        "man",
        "pedestrian",
        "pedestrians",
        "cyclist",
        "cyclists",
        "boy",
        "girl",
        "child",
        "children",
        "teenager",
        "student",
        "officer",
        "people",
        "grandmother",
        "mother",
        "father",
    ];
    let before = words_before(text, start, 3);
    let subject = before
        .iter()
        .find(|w| !str_in(&["that", "which", "who", "allegedly", "then"], w.as_str()));
    subject.is_some_and(|w| str_in(VEHICLES, w.as_str()))
        && words_after(text, end, 3)
            .iter()
            .any(|w| str_in(PEOPLE, w.as_str()))
}

/// "burned to the ground", "a fire that burned the creamery", "the church was burned", "the
/// burning of the church": a fire told by its verb, with the ground, the fire, or the
/// building that burned. "Burned his fingers", "was badly burned" (an injury) are none.
pub(super) fn burned_down(text: &str, start: usize, end: usize) -> bool {
    const FIRE: &[&str] = &["fire", "fires", "blaze", "flames", "wildfire", "inferno"];
    let after = words_after(text, end, 5);
    let at = |i: usize| after.get(i).map_or("", String::as_str);
    if at(0) == "to" && at(1) == "the" && at(2) == "ground" {
        return true;
    }
    if at(0) == "of" {
        // "the burning of the church".
        return after
            .iter()
            .skip(1)
            .take(4)
            .any(|w| str_in(BUILDINGS, w.as_str()));
    }
    let before = words_before(text, start, 6);
    let fire_before = before
        .iter()
        .find(|w| !str_in(&["that", "which", "has", "had", "also"], w.as_str()))
        .is_some_and(|w| str_in(FIRE, w.as_str()));
    let passive = before
        .first()
        .is_some_and(|w| str_in(&["was", "were", "been", "being"], w.as_str()))
        && before.iter().skip(1).any(|w| str_in(BUILDINGS, w.as_str()));
    fire_before || passive
}

/// "a hit-and-run accident", "a car accident", "the traffic accident that killed": an
/// accident on a road (a road word within three words before, or a toll right after). Not
/// "by accident", "an accident of history".
pub(super) fn road_accident(text: &str, start: usize, end: usize) -> bool {
    const ROAD: &[&str] = &[
        "car",
        "cars",
        "traffic",
        "road",
        "motorcycle",
        "motorbike",
        "bus",
        "truck",
        "train",
        "hit-and-run",
        "run",
        "vehicle",
        "auto",
        "bicycle",
        "highway",
        "freeway",
        "motorway",
        "crash",
        "driving",
        "drunk-driving",
        "pedestrian",
    ];
    let before = words_before(text, start, 3);
    if before.first().is_some_and(|w| w == "by") {
        return false;
    }
    let after = words_after(text, end, 2);
    let toll = after.first().is_some_and(|w| w == "that")
        && after
            .get(1)
            .is_some_and(|w| str_in(&["killed", "injured", "left", "claimed"], w.as_str()));
    toll || before.iter().any(|w| str_in(ROAD, w.as_str()))
}

/// Built things a fire or an attack strikes.
const BUILDINGS: &[&str] = &[
    "church",
    "chapel",
    "cathedral",
    "mosque",
    "synagogue",
    "temple",
    "house",
    "houses",
    "home",
    "homes",
    "building",
    "buildings",
    "school",
    "store",
    "shop",
    "warehouse",
    "factory",
    "barn",
    "office",
    "offices",
    "restaurant",
    "hotel",
    "bank",
    "car",
    "cars",
    "vehicle",
    "vehicles",
    "plant",
    "mill",
    "station",
    "apartment",
    "apartments",
    "block",
    "creamery",
    "cabin",
    "hall",
    "theatre",
    "theater",
];

/// What harm is done to: "hit a bank", "hit Paris jewellery store".
const TARGETS: &[&str] = &[
    "bank",
    "store",
    "shop",
    "jeweller",
    "jewellers",
    "jewelry",
    "jewellery",
    "checkpoint",
    "convoy",
    "base",
    "market",
    "village",
    "town",
    "city",
    "building",
    "hotel",
];

/// Words of a place named after "the" or "a" ("hit the capital", "hit a village").
const PLACE_WORDS: &[&str] = &[
    "capital", "city", "town", "village", "region", "area", "coast",
];

/// The kind a noun of a happening names, for the verbs it does ("a heist hit Paris").
fn happening_noun(word: &str) -> Option<EventKind> {
    Some(match word {
        "heist" | "heists" | "robbery" | "robberies" | "burglary" | "burglaries" | "theft"
        | "thefts" => EventKind::Robbery,
        "attack" | "attacks" | "bomb" | "bombs" | "bombing" | "bombings" | "fire-bomb"
        | "firebomb" | "grenade" | "missile" | "missiles" | "rocket" | "rockets" | "shelling"
        | "airstrike" | "airstrikes" | "raid" | "raids" | "shooting" => EventKind::Attack,
        "blast" | "blasts" | "explosion" | "explosions" => EventKind::Explosion,
        "earthquake" | "earthquakes" | "quake" | "tremor" | "aftershock" => EventKind::Earthquake,
        "storm" | "storms" | "hurricane" | "typhoon" | "cyclone" | "tornado" => EventKind::Storm,
        "flood" | "floods" | "floodwaters" | "tsunami" => EventKind::Flood,
        "fire" | "fires" | "blaze" | "wildfire" | "wildfires" => EventKind::Fire,
        _ => return None,
    })
}

/// The kind a noun of the doers of harm names ("ram-raiders", "gunmen").
fn doer_noun(word: &str) -> Option<EventKind> {
    let tail = word.rsplit('-').next().unwrap_or(word);
    Some(match tail {
        "raiders" | "robbers" | "thieves" | "burglars" | "looters" => EventKind::Robbery,
        "gunmen" | "gunman" | "bombers" | "bomber" | "militants" | "attackers" | "attacker"
        | "insurgents" | "terrorists" | "assailants" => EventKind::Attack,
        _ => return None,
    })
}
