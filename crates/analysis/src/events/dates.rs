//! Date expressions in news text ("July 16", "February 7, 2018", "spring of 2017",
//! "Monday", "next week"), normalised to ISO with a precision, and the rules for when two
//! dates may describe the same event. What a date is is `parts.rs`'s; finding them in a
//! text `find.rs`'s; counting days (weekdays, ISO weeks, days between) `days.rs`'s.

mod days;
mod find;
mod parts;

pub use days::{days_between, weekday_of};
pub use find::{find_dates, parse_iso_day, resolve_weekday, DateContext, DateMatches};
pub(super) use parts::is_weekday_or_month;
pub use parts::{iso_of, DateParts, DatePrecision, EventDate};

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
