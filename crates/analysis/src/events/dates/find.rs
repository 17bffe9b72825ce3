//! Date expressions found in a text ("July 16", "February 7, 2018", "spring of 2017",
//! "Monday", "next week", "four days before") and resolved against the document's date
//! and year into [`DateParts`], each an [`EventDate`] with its span and the word before it.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::days::{add_days, days_in_month, iso_week, weekday_of};
use super::parts::{DateParts, EventDate};
use crate::calendar::weekday_opening;

/// The document's own date (front matter, ISO `YYYY-MM-DD`), which resolves "Monday".
pub fn parse_iso_day(text: &str) -> Option<(i32, u8, u8)> {
    let text = text.trim();
    let mut parts = text.get(..10)?.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    (1..=12).contains(&month).then_some(())?;
    (1..=days_in_month(year, month))
        .contains(&day)
        .then_some(())?;
    Some((year, month, day))
}

/// What resolves relative dates in one document.
#[derive(Debug, Clone, Copy, Default)]
pub struct DateContext {
    /// The document's date, from its front matter.
    pub today: Option<(i32, u8, u8)>,
    /// The year to give "July 16": the document's year, else the year its full dates use.
    pub year: Option<i32>,
}

fn date_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let month = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)";
        let pattern = format!(
            r"(?x)
            \b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b
          | \b(?P<md_m>{month})\s+(?P<md_d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_y>(?:19|20)\d\d)\b)?
          | \b(?P<dm_d>[0-3]?\d)\s+(?P<dm_m>{month})(?:,?\s+(?P<dm_y>(?:19|20)\d\d)\b)?
          | \b(?P<my_m>{month})(?:\s+of)?,?\s+(?P<my_y>(?:19|20)\d\d)\b
          | \b(?P<mo_pre>in|since|until|by|last|next|this|early|late|mid|mid-|during)\s+(?P<mo_m>January|February|March|April|June|July|August|September|October|November|December)\b(?:,?\s+(?P<mo_y>(?:19|20)\d\d)\b)?
          | \b(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\s+(?:of\s+)?(?P<season_y>(?:19|20)\d\d)\b
          | \b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?\b
          | \b(?P<rel>(?:next|last|this|earlier\ this|later\ this)\s+(?:week|month|year)|yesterday|today|tomorrow|tonight|last\ night|this\ (?:morning|afternoon|evening))\b
          | \b(?P<span_n>a|one|two|three|four|five|six|seven|the)\s+(?P<span_u>days?|weeks?)\s+(?P<span_dir>after|before|earlier|later|ago)\b
          | \b(?P<year>(?:19|20)\d\d)\b(?:['’]s)?
        "
        );
        // ASCII word boundaries: a Unicode `\b` makes the regex crate fall back to its
        // slowest engine on non-ASCII text (measured: about half the indexing time).
        let pattern = pattern.replace(r"\b", r"(?-u:\b)");
        Regex::new(&pattern).expect("the date pattern is a valid constant")
    })
}

/// Every date expression in `text[range]`, in order.
pub fn find_dates(text: &str, range: Range<usize>, cx: DateContext) -> Vec<EventDate> {
    DateMatches::new(text, range).resolve(cx)
}

/// The date expressions of `text[range]` as the pattern matched them, before a
/// [`DateContext`] resolves them: a document's body is matched once and resolved both
/// without context (to find the year it uses most) and with it.
#[derive(Debug)]
pub struct DateMatches<'t> {
    text: &'t str,
    range: Range<usize>,
    /// Offsets relative to `range.start`.
    caps: Vec<regex::Captures<'t>>,
}

impl<'t> DateMatches<'t> {
    pub fn new(text: &'t str, range: Range<usize>) -> DateMatches<'t> {
        let caps = match text.get(range.clone()) {
            Some(slice) => date_regex().captures_iter(slice).collect(),
            None => Vec::new(),
        };
        DateMatches { text, range, caps }
    }

    /// The range matched.
    pub fn range(&self) -> &Range<usize> {
        &self.range
    }

    /// The dates, resolved against `cx` ([`find_dates`]).
    pub fn resolve(&self, cx: DateContext) -> Vec<EventDate> {
        resolve_matches(self.text, self.range.clone(), &self.caps, cx)
    }
}

fn resolve_matches(
    text: &str,
    range: Range<usize>,
    matches: &[regex::Captures<'_>],
    cx: DateContext,
) -> Vec<EventDate> {
    let mut found = Vec::new();
    for caps in matches {
        let Some(whole) = caps.get(0) else { continue };
        let mut span = range.start + whole.start()..range.start + whole.end();
        let mut parts = DateParts::default();
        let mut unresolved = false;
        if let Some(iso) = caps.name("iso") {
            let Some((y, m, d)) = parse_iso_day(iso.as_str()) else {
                continue;
            };
            parts = DateParts {
                year: Some(y),
                month: Some(m),
                day: Some(d),
                ..DateParts::default()
            };
        } else if let (Some(m), Some(d)) = (caps.name("md_m"), caps.name("md_d")) {
            parts = day_parts(
                m.as_str(),
                d.as_str(),
                caps.name("md_y").map(|y| y.as_str()),
                cx,
            );
        } else if let (Some(d), Some(m)) = (caps.name("dm_d"), caps.name("dm_m")) {
            parts = day_parts(
                m.as_str(),
                d.as_str(),
                caps.name("dm_y").map(|y| y.as_str()),
                cx,
            );
        } else if let (Some(m), Some(y)) = (caps.name("my_m"), caps.name("my_y")) {
            parts.month = month_number(m.as_str());
            parts.year = y.as_str().parse().ok();
        } else if let (Some(pre), Some(m)) = (caps.name("mo_pre"), caps.name("mo_m")) {
            // The preposition is context, not part of the date phrase.
            let end = caps.name("mo_y").map_or(m.end(), |y| y.end());
            span = range.start + m.start()..range.start + end;
            parts.month = month_number(m.as_str());
            parts.year = caps
                .name("mo_y")
                .and_then(|y| y.as_str().parse().ok())
                .or_else(|| {
                    month_year(
                        text,
                        range.start + whole.start(),
                        pre.as_str(),
                        parts.month,
                        cx,
                    )
                });
        } else if let (Some(s), Some(y)) = (caps.name("season"), caps.name("season_y")) {
            let season = s.as_str().to_ascii_lowercase();
            parts.season = Some(match season.as_str() {
                "spring" => 0,
                "summer" => 1,
                "winter" => 3,
                _ => 2,
            });
            parts.year = y.as_str().parse().ok();
        } else if let Some(wd) = caps.name("wd") {
            let name = wd.as_str().to_ascii_lowercase();
            let weekday = weekday_opening(&name).map(|(number, _)| number);
            parts.weekday = weekday.map(|w| w as u8);
            span = range.start + wd.start()..range.start + wd.start() + weekday_len(&name);
            unresolved = true;
        } else if let (Some(n), Some(unit), Some(dir)) = (
            caps.name("span_n"),
            caps.name("span_u"),
            caps.name("span_dir"),
        ) {
            // "a week after X met" (X met a week before now), "X, the week before", "four
            // days before the vote" (the vote is four days on): against the article's date.
            let Some(today) = cx.today else {
                continue;
            };
            let postposed = n.as_str().eq_ignore_ascii_case("the");
            let n: i64 = match n.as_str().to_ascii_lowercase().as_str() {
                "a" | "one" | "the" => 1,
                "two" => 2,
                "three" => 3,
                "four" => 4,
                "five" => 5,
                "six" => 6,
                _ => 7,
            };
            let days = if unit.as_str().starts_with("week") {
                7 * n
            } else {
                n
            };
            let sign = match dir.as_str() {
                "after" if postposed => 1,
                "after" => -1,
                "before" if postposed => -1,
                "before" | "later" => 1,
                _ => -1,
            };
            let (y, m, d) = add_days(today, sign * days);
            parts.year = Some(y);
            parts.month = Some(m);
            parts.day = Some(d);
            unresolved = false;
        } else if let Some(rel) = caps.name("rel") {
            unresolved = true;
            if let Some(today) = cx.today {
                if let Some(resolved) = resolve_relative(&rel.as_str().to_ascii_lowercase(), today)
                {
                    parts = resolved;
                    unresolved = false;
                }
            }
        } else if let Some(y) = caps.name("year") {
            // "hit by a 2013 Toyota Camry": a model year names the vehicle, not a day.
            if is_model_year(text, range.start + y.start(), range.start + y.end()) {
                continue;
            }
            parts.year = y.as_str().parse().ok();
            span = range.start + y.start()..range.start + y.end();
        } else {
            continue;
        }
        let preposition = word_before(text, span.start);
        found.push(EventDate {
            text: text[span.clone()].to_string(),
            span,
            parts,
            unresolved,
            preposition,
        });
    }
    found
}

/// The year of a month named without one ("in December"): the document's year, or the
/// year before when the month is still to come in a dated article and nothing around
/// speaks of the future ("collapsed in December", written in March).
fn month_year(
    text: &str,
    at: usize,
    preposition: &str,
    month: Option<u8>,
    cx: DateContext,
) -> Option<i32> {
    let (Some(today), Some(month)) = (cx.today, month) else {
        return cx.year;
    };
    let mut from = at.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text.get(from..at).unwrap_or("").to_ascii_lowercase();
    let future = matches!(preposition, "next" | "until" | "by")
        || [
            " will ",
            " next ",
            "scheduled",
            " due ",
            " expected ",
            " plan",
        ]
        .iter()
        .any(|cue| before.contains(cue));
    Some(if month > today.1 && !future {
        today.0 - 1
    } else {
        today.0
    })
}

/// Resolves a weekday against the document date: the coming one when the sentence speaks
/// of the future ("will meet on Monday"), else the last one on or before the date.
pub fn resolve_weekday(date: &mut EventDate, today: (i32, u8, u8), future: bool) {
    let Some(weekday) = date.parts.weekday else {
        return;
    };
    let today_weekday = weekday_of(today.0, today.1, today.2) as i64;
    let delta = if future {
        (weekday as i64 - today_weekday).rem_euclid(7)
    } else {
        -((today_weekday - weekday as i64).rem_euclid(7))
    };
    let (y, m, d) = add_days(today, delta);
    date.parts.year = Some(y);
    date.parts.month = Some(m);
    date.parts.day = Some(d);
    date.unresolved = false;
}

fn weekday_len(name: &str) -> usize {
    weekday_opening(name).map_or(name.len(), |(_, day)| day.len())
}

/// Whether the year at `start..end` is a vehicle's model year: after a determiner or a
/// possessive ("a 2013 Toyota Camry", "his 2004 pickup", "the driver's 2010 Ford"), before
/// a maker or a kind of car, perhaps after one word of colour or size ("a 2008 silver
/// Honda"). "the 2015 deal", "In 2007 Ford sold", "the 2009 car bombing" are years.
fn is_model_year(text: &str, start: usize, end: usize) -> bool {
    const DETERMINERS: &[&str] = &[
        "a", "an", "the", "his", "her", "their", "its", "my", "our", "your", "this", "that",
    ];
    const MAKERS: &[&str] = &[
        "Acura",
        "Audi",
        "BMW",
        "Buick",
        "Cadillac",
        "Chevrolet",
        "Chevy",
        "Chrysler",
        "Dodge",
        "Ferrari",
        "Fiat",
        "Ford",
        "GMC",
        "Harley",
        "Harley-Davidson",
        "Honda",
        "Hummer",
        "Hyundai",
        "Infiniti",
        "Jaguar",
        "Jeep",
        "Kia",
        "Lexus",
        "Mazda",
        "Mercedes",
        "Mercedes-Benz",
        "Mitsubishi",
        "Nissan",
        "Oldsmobile",
        "Peugeot",
        "Plymouth",
        "Pontiac",
        "Porsche",
        "Renault",
        "Saab",
        "Subaru",
        "Suzuki",
        "Tesla",
        "Toyota",
        "Volkswagen",
        "Volvo",
        "VW",
        "Yamaha",
    ];
    // Not "car", "bus", "truck": "the 2009 car bombing" is dated by its year.
    const VEHICLES: &[&str] = &[
        "sedan",
        "pickup",
        "suv",
        "minivan",
        "coupe",
        "hatchback",
        "convertible",
    ];
    let Some(before) = text.get(..start) else {
        return false;
    };
    let before = before.trim_end();
    let possessive = before.ends_with("'s") || before.ends_with("’s");
    let determiner = word_before(text, start).is_some_and(|w| {
        DETERMINERS.contains(&w.as_str()) && before.ends_with(|c: char| c.is_alphabetic())
    });
    if !(possessive || determiner) {
        return false;
    }
    let words: Vec<&str> = text
        .get(end..)
        .unwrap_or("")
        .split_whitespace()
        .take(2)
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let names_vehicle =
        |w: &str| MAKERS.contains(&w) || VEHICLES.contains(&w.to_ascii_lowercase().as_str());
    match words.as_slice() {
        [first, ..] if names_vehicle(first) => true,
        [first, second] => first.starts_with(|c: char| c.is_lowercase()) && names_vehicle(second),
        _ => false,
    }
}

fn word_before(text: &str, offset: usize) -> Option<String> {
    let before = text.get(..offset)?.trim_end();
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!word.is_empty()).then(|| word.to_lowercase())
}

fn day_parts(month: &str, day: &str, year: Option<&str>, cx: DateContext) -> DateParts {
    let month = month_number(month);
    let day: Option<u8> = day.parse().ok().filter(|d| (1..=31).contains(d));
    let year = year.and_then(|y| y.parse().ok()).or(cx.year);
    DateParts {
        year,
        month,
        day,
        ..DateParts::default()
    }
}

fn month_number(name: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase();
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    NAMES
        .iter()
        .position(|n| lower.starts_with(n))
        .map(|i| i as u8 + 1)
}

fn resolve_relative(phrase: &str, today: (i32, u8, u8)) -> Option<DateParts> {
    let (y, m, _) = today;
    let day = |delta: i64| {
        let (y, m, d) = add_days(today, delta);
        DateParts {
            year: Some(y),
            month: Some(m),
            day: Some(d),
            ..DateParts::default()
        }
    };
    let week = |delta: i64| DateParts {
        week: Some(iso_week(add_days(today, delta))),
        year: Some(iso_week(add_days(today, delta)).0),
        ..DateParts::default()
    };
    let month = |delta: i32| {
        let index = y * 12 + (m as i32 - 1) + delta;
        DateParts {
            year: Some(index.div_euclid(12)),
            month: Some((index.rem_euclid(12) + 1) as u8),
            ..DateParts::default()
        }
    };
    let year = |delta: i32| DateParts {
        year: Some(y + delta),
        ..DateParts::default()
    };
    let last_word = phrase.rsplit(' ').next().unwrap_or(phrase);
    let delta: i32 = if phrase.starts_with("next") {
        1
    } else if phrase.starts_with("last") {
        -1
    } else {
        0
    };
    Some(match (phrase, last_word) {
        // News times the day's happenings by the part of the day: "this morning", "last
        // night" (the evening before the article).
        ("yesterday" | "last night", _) => day(-1),
        ("today" | "tonight" | "this morning" | "this afternoon" | "this evening", _) => day(0),
        ("tomorrow", _) => day(1),
        (_, "week") => week(7 * delta as i64),
        (_, "month") => month(delta),
        (_, "year") => year(delta),
        _ => return None,
    })
}
