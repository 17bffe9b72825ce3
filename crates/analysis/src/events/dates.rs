//! Date expressions in news text ("July 16", "February 7, 2018", "spring of 2017",
//! "Monday", "next week"), normalised to ISO with a precision, and the rules for when two
//! dates may describe the same event. Finding them in a text is `find.rs`'s; counting
//! days (weekdays, ISO weeks, days between) is `days.rs`'s.

use std::ops::Range;

mod days;
mod find;

pub use days::{days_between, weekday_of};
pub use find::{find_dates, parse_iso_day, resolve_weekday, DateContext, DateMatches};

/// How much of a date the text gave.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Season,
    Year,
    /// A weekday or "next week" that could not be resolved (the document has no date).
    Relative,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Season => "season",
            DatePrecision::Year => "year",
            DatePrecision::Relative => "relative",
        }
    }
}

/// A date as the text gives it; missing parts stay `None`.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct DateParts {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// 0 spring, 1 summer, 2 autumn, 3 winter.
    pub season: Option<u8>,
    /// 0 Monday .. 6 Sunday.
    pub weekday: Option<u8>,
    /// ISO week (year, week), for "next week" resolved against the document date.
    pub week: Option<(i32, u8)>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EventDate {
    /// The phrase as written ("July 16", "Monday").
    pub text: String,
    pub span: Range<usize>,
    pub parts: DateParts,
    /// A relative phrase ("next week", "Monday") that the document's date did not resolve.
    pub unresolved: bool,
    /// The word before the date ("since 2015" is no event date).
    pub preposition: Option<String>,
}

const SEASONS: [&str; 4] = ["spring", "summer", "autumn", "winter"];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether `word` (lowercase) is a weekday or a month name: "fired on Thursday" is a date.
pub(super) fn is_weekday_or_month(word: &str) -> bool {
    WEEKDAYS.contains(&word) || MONTHS.contains(&word)
}

impl EventDate {
    pub fn precision(&self) -> DatePrecision {
        let p = &self.parts;
        if p.day.is_some() && p.month.is_some() {
            DatePrecision::Day
        } else if p.week.is_some() {
            DatePrecision::Week
        } else if p.month.is_some() {
            DatePrecision::Month
        } else if p.season.is_some() {
            DatePrecision::Season
        } else if p.year.is_some() {
            DatePrecision::Year
        } else {
            DatePrecision::Relative
        }
    }

    /// ISO where the text allows: `2018-07-16`, `2017-11`, `2017-spring`, `2018-W29`, `2017`.
    pub fn iso(&self) -> Option<String> {
        iso_of(&self.parts)
    }

    /// What the index shows: the ISO form, else the phrase as written.
    pub fn display(&self) -> String {
        self.iso().unwrap_or_else(|| self.text.clone())
    }
}

pub fn iso_of(p: &DateParts) -> Option<String> {
    let year = p.year?;
    Some(match (p.month, p.day, p.season, p.week) {
        (Some(m), Some(d), _, _) => format!("{year:04}-{m:02}-{d:02}"),
        (_, _, _, Some((wy, w))) => format!("{wy:04}-W{w:02}"),
        (Some(m), None, _, _) => format!("{year:04}-{m:02}"),
        (None, _, Some(s), _) => format!("{year:04}-{}", SEASONS[s as usize % 4]),
        _ => format!("{year:04}"),
    })
}

/// Whether two dates may be the date of one event: no part given by both disagrees.
/// Unresolved relative dates from different documents say nothing about each other.
pub fn compatible(a: &DateParts, b: &DateParts) -> bool {
    fn same<T: PartialEq>(x: Option<T>, y: Option<T>) -> bool {
        match (x, y) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
    }
    if !same(a.year, b.year) || !same(a.month, b.month) || !same(a.day, b.day) {
        return false;
    }
    if !same(a.weekday, b.weekday) {
        return false;
    }
    if let (Some(w), Some(date)) = (a.weekday, full_date(b)) {
        if weekday_of(date.0, date.1, date.2) != w {
            return false;
        }
    }
    if let (Some(w), Some(date)) = (b.weekday, full_date(a)) {
        if weekday_of(date.0, date.1, date.2) != w {
            return false;
        }
    }
    if let (Some(s), Some(m)) = (a.season, b.month) {
        if season_of_month(m) != s {
            return false;
        }
    }
    if let (Some(s), Some(m)) = (b.season, a.month) {
        if season_of_month(m) != s {
            return false;
        }
    }
    same(a.season, b.season)
}

/// Two dates agree to the day (both give year, month and day, or month and day).
pub fn same_day(a: &DateParts, b: &DateParts) -> bool {
    a.month.is_some()
        && a.day.is_some()
        && a.month == b.month
        && a.day == b.day
        && (a.year.is_none() || b.year.is_none() || a.year == b.year)
}

/// The union of two compatible dates' parts (the more precise wins).
pub fn merge_parts(a: &DateParts, b: &DateParts) -> DateParts {
    DateParts {
        year: a.year.or(b.year),
        month: a.month.or(b.month),
        day: a.day.or(b.day),
        season: a.season.or(b.season),
        weekday: a.weekday.or(b.weekday),
        week: a.week.or(b.week),
    }
}

fn full_date(p: &DateParts) -> Option<(i32, u8, u8)> {
    Some((p.year?, p.month?, p.day?))
}

fn season_of_month(month: u8) -> u8 {
    match month {
        3..=5 => 0,
        6..=8 => 1,
        9..=11 => 2,
        _ => 3,
    }
}
