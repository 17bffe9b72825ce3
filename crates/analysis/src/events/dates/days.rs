//! Days of the proleptic Gregorian calendar counted and stepped through: days between two
//! dates, a date's weekday and ISO week, a month's length.

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub(super) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: (i32, u8, u8), to: (i32, u8, u8)) -> i64 {
    days_from_civil(to.0, to.1, to.2) - days_from_civil(from.0, from.1, from.2)
}

/// Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's algorithm.
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

pub(super) fn add_days(date: (i32, u8, u8), delta: i64) -> (i32, u8, u8) {
    civil_from_days(days_from_civil(date.0, date.1, date.2) + delta)
}

/// 0 Monday .. 6 Sunday.
pub fn weekday_of(y: i32, m: u8, d: u8) -> u8 {
    // 1970-01-01 was a Thursday (3).
    ((days_from_civil(y, m, d) + 3).rem_euclid(7)) as u8
}

pub(super) fn iso_week(date: (i32, u8, u8)) -> (i32, u8) {
    let days = days_from_civil(date.0, date.1, date.2);
    let weekday = (days + 3).rem_euclid(7);
    // The Thursday of this week decides the ISO year.
    let thursday = days - weekday + 3;
    let (year, _, _) = civil_from_days(thursday);
    let first = days_from_civil(year, 1, 1);
    (year, ((thursday - first) / 7 + 1) as u8)
}
