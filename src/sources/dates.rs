//! Publication dates as pages and PDFs write them, made ISO (`YYYY-MM-DD`).

/// The day `text` names, as `YYYY-MM-DD`: ISO 8601 with or without a time
/// (`2019-03-12T10:00:00Z`), `2019/03/12`, `20190312`, PDF dates (`D:20190312...`), and
/// written dates in English (`March 12, 2019`, `12 March 2019`, `Tue, 12 Mar 2019 10:00 GMT`).
pub fn iso_day(text: &str) -> Option<String> {
    let text = text.trim();
    let text = text.strip_prefix("D:").unwrap_or(text);
    numeric(text)
        .or_else(|| written(text))
        .and_then(|(y, m, d)| {
            let plausible =
                (1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d);
            plausible.then(|| format!("{y:04}-{m:02}-{d:02}"))
        })
}

/// `2019-03-12...`, `2019/03/12`, `2019.03.12`, `20190312...`.
fn numeric(text: &str) -> Option<(u32, u32, u32)> {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let year = digits(0..4)?;
    if bytes.get(4).is_some_and(|b| b"-/.".contains(b)) {
        let sep = bytes[4];
        let rest = &text[5..];
        let (month, rest) = rest.split_once(sep as char)?;
        let day: String = rest.chars().take_while(char::is_ascii_digit).collect();
        return Some((year, month.parse().ok()?, day.parse().ok()?));
    }
    Some((year, digits(4..6)?, digits(6..8)?))
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `March 12, 2019`, `12 March 2019`, `Tue, 12 Mar 2019`, `Mar. 12, 2019 10:15 a.m.`.
fn written(text: &str) -> Option<(u32, u32, u32)> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let month_at = words.iter().position(|w| {
        w.len() >= 3
            && MONTHS.iter().any(|m| w.starts_with(m))
            && w.chars().all(char::is_alphabetic)
    })?;
    let month = MONTHS.iter().position(|m| words[month_at].starts_with(m))? as u32 + 1;
    let number = |i: usize| -> Option<u32> {
        let word = words.get(i)?;
        let word = word.trim_end_matches(|c: char| c.is_alphabetic()); // 12th
        word.parse().ok()
    };
    let year_after = |i: usize| number(i).filter(|y| *y >= 1900);
    if let (Some(day), Some(year)) = (number(month_at + 1), year_after(month_at + 2)) {
        return Some((year, month, day));
    }
    let day = number(month_at.checked_sub(1)?)?;
    Some((year_after(month_at + 1)?, month, day))
}

#[cfg(test)]
mod tests {
    use super::iso_day;

    #[test]
    fn the_forms_pages_and_pdfs_use() {
        let cases = [
            ("2019-03-12T10:00:00+00:00", Some("2019-03-12")),
            ("2019-3-2", Some("2019-03-02")),
            ("2019/03/12", Some("2019-03-12")),
            ("D:20190312104500Z", Some("2019-03-12")),
            ("March 12, 2019", Some("2019-03-12")),
            ("Tue, 12 Mar 2019 10:00:00 GMT", Some("2019-03-12")),
            ("Sept. 3rd, 2018 4:15 p.m.", Some("2018-09-03")),
            ("12 March", None),
            ("2019-13-01", None),
            ("yesterday", None),
            ("", None),
            ("é2019", None),
        ];
        for (text, want) in cases {
            assert_eq!(iso_day(text).as_deref(), want, "{text}");
        }
    }
}
