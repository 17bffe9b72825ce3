//! What a date is: the parts a text gave (`DateParts`), the phrase with its span and the
//! word before it (`EventDate`), its precision and ISO form, and the names of weekdays,
//! months and seasons they are read by.

use std::ops::Range;

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

/// Whether `word` (lowercase) is a weekday or a month name: "fired on Thursday" is a date.
pub(in crate::events) fn is_weekday_or_month(word: &str) -> bool {
    crate::calendar::is_weekday_or_month_any_case(word)
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
