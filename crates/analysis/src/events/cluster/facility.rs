//! One facility written several ways across reports: "the Promises Treatment Centre" and
//! "Promises Treatment Center" (British and American spelling), "the Malibu Promises
//! Treatment Center" (the town it is in written before its name), "Morningside Recovery"
//! and "Morningside Recovery Center" (the generic word left off). News names a facility
//! by its proper words, and those stay when the spelling, the town before it or the
//! generic word after it changes: the key keeps only them.

use crate::events::places;

/// Generic words a facility's name may end with or leave off.
const GENERIC_LAST: &[&str] = &["center", "clinic", "facility", "institute"];

/// British spellings news writes beside the American ones.
const SPELLINGS: &[(&str, &str)] = &[("centre", "center"), ("theatre", "theater")];

/// The words of a place name that stay however reports write it: lower-cased, American
/// spelling, without "the", without a gazetteer place written before a name of two or
/// more words, and without a generic last word after two or more. `None` for a name of
/// one word (a town is not a facility) or a name the gazetteer knows.
pub(super) fn facility_key(name: &str) -> Option<String> {
    if places::is_gazetteer_place(name) {
        return None;
    }
    let mut words: Vec<String> = (name.split_whitespace())
        .map(|w| {
            let lower = w.to_lowercase();
            (SPELLINGS.iter())
                .find(|(british, _)| *british == lower)
                .map_or(lower, |(_, american)| american.to_string())
        })
        .collect();
    if words.first().is_some_and(|w| w == "the") {
        words.remove(0);
    }
    if words.len() < 2 {
        return None;
    }
    // "Malibu Promises Treatment Center", "Palm Springs Betty Ford Center".
    for town_words in [2, 1] {
        if words.len() >= town_words + 2
            && places::is_gazetteer_place(&words[..town_words].join(" "))
        {
            words.drain(..town_words);
            break;
        }
    }
    if words.len() >= 3
        && words
            .last()
            .is_some_and(|w| GENERIC_LAST.contains(&w.as_str()))
    {
        words.pop();
    }
    Some(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::facility_key;

    #[test]
    fn a_facility_is_its_proper_words_however_written() {
        let key = |name| facility_key(name).unwrap_or_default();
        assert_eq!(key("Hillcrest Sleep Centre"), key("Hillcrest Sleep Center"));
        assert_eq!(
            key("the Boston Hillcrest Sleep Center"),
            key("Hillcrest Sleep Center")
        );
        assert_eq!(key("Oakwood Recovery"), key("Oakwood Recovery Center"));
        assert_eq!(key("Globe Theatre"), key("the Globe Theater"));
        // Another facility, a town alone and a name the town is part of stay apart.
        assert_ne!(key("Hillcrest Sleep Center"), key("Hillcrest Heart Center"));
        assert_eq!(facility_key("Boston"), None);
        assert_ne!(key("Boston Harbor"), key("Harbor"));
    }
}
