//! The calendar's words as news writes them: months, weekdays and the months'
//! abbreviations, in one table for the extractors that must not read "March" or "Monday"
//! as a name, a place or a speaker. Each reader adds the few words of its own it needs.

use crate::lower::str_in;

/// The months, capitalised as written.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The weekdays, capitalised as written.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The abbreviations AP style writes before a day or a year ("in Oct. 2011"), without the
/// full stop; it writes the other months in full.
pub(crate) const AP_MONTH_ABBREVIATIONS: [&str; 7] =
    ["Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"];

/// The other months' abbreviations, as datelines and other styles write them ("Mar 3",
/// "Sep 12").
pub(crate) const OTHER_MONTH_ABBREVIATIONS: [&str; 5] = ["Mar", "Apr", "Jun", "Jul", "Sep"];

/// Whether `word` is a month as written ("March", not "march").
pub(crate) fn is_month(word: &str) -> bool {
    str_in(&MONTHS, word)
}

/// Whether `word` is a weekday as written ("Monday", not "monday").
pub(crate) fn is_weekday(word: &str) -> bool {
    str_in(&WEEKDAYS, word)
}

/// Whether `word` is a month's abbreviation in any style ("Oct", "Sept", "Sep", "Mar").
pub(crate) fn is_month_abbreviation(word: &str) -> bool {
    str_in(&AP_MONTH_ABBREVIATIONS, word) || str_in(&OTHER_MONTH_ABBREVIATIONS, word)
}

/// The weekday `word` opens with, whatever its case (`"thursday's"` is Thursday): its
/// number from Monday, 0, and its name.
pub(crate) fn weekday_opening(word: &str) -> Option<(usize, &'static str)> {
    WEEKDAYS.iter().copied().enumerate().find(|(_, day)| {
        word.get(..day.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(day))
    })
}

/// Whether `word` is a weekday or a month whatever its case ("fired on thursday").
pub(crate) fn is_weekday_or_month_any_case(word: &str) -> bool {
    WEEKDAYS
        .iter()
        .chain(&MONTHS)
        .any(|name| name.eq_ignore_ascii_case(word))
}
