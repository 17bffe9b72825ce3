//! Which persons a pronoun can stand for: `she said` is not Michael. A person's sex is
//! read from the given name (the first word of the actor's name) in a list built from the
//! US Social Security Administration's baby names (`scripts/given_names.py`); names the
//! list does not hold, or holds for both sexes, are compatible with every pronoun.

use std::sync::LazyLock;

use crate::fxhash::FxHashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sex {
    Female,
    Male,
}

/// `name<TAB>M|F` lines under `#` comments.
const GIVEN_NAMES_TXT: &str = include_str!("../../../../data/lexicon/given_names.txt");

static GIVEN_NAMES: LazyLock<FxHashMap<&'static str, Sex>> = LazyLock::new(|| {
    GIVEN_NAMES_TXT
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (name, sex) = l.split_once('\t')?;
            let sex = match sex {
                "F" => Sex::Female,
                "M" => Sex::Male,
                _ => return None,
            };
            Some((name, sex))
        })
        .collect()
});

/// The sex a pronoun (`he`, `She`) or a gendered description names, if any.
pub(crate) fn of_pronoun(words: &str) -> Option<Sex> {
    let head = words.split_whitespace().last()?.to_ascii_lowercase();
    match head.as_str() {
        "he" | "him" | "his" | "spokesman" | "chairman" | "congressman" | "businessman" => {
            Some(Sex::Male)
        }
        "she" | "her" | "spokeswoman" | "chairwoman" | "congresswoman" | "businesswoman" => {
            Some(Sex::Female)
        }
        _ => None,
    }
}

/// The sex an honorific tells (`Mr.`, `Mrs`, `Ms.`), if the word is one.
pub(crate) fn of_honorific(word: &str) -> Option<Sex> {
    match word.trim_end_matches('.') {
        "Mr" | "Messrs" => Some(Sex::Male),
        "Mrs" | "Ms" | "Miss" | "Mme" => Some(Sex::Female),
        _ => None,
    }
}

/// The sex of a person's name by its given name (`Hillary Clinton`), if the list knows.
/// A lone word is most often a surname (`Clinton`) and tells nothing.
pub(crate) fn of_name(name: &str) -> Option<Sex> {
    let mut words = name.split_whitespace();
    let given = words.next()?;
    words.next()?;
    GIVEN_NAMES.get(given).copied()
}

/// Whether `word` is a given name of the list (`Brian`, not `Syrian`).
pub(crate) fn is_given_name(word: &str) -> bool {
    GIVEN_NAMES.contains_key(word)
}

/// Whether a person named `name` can be what `pronoun` refers to.
pub(crate) fn compatible(pronoun: Option<Sex>, name: &str) -> bool {
    match (pronoun, of_name(name)) {
        (Some(p), Some(n)) => p == n,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_and_names_agree_or_not() {
        assert_eq!(of_pronoun("she"), Some(Sex::Female));
        assert_eq!(of_pronoun("the spokesman"), Some(Sex::Male));
        assert_eq!(of_pronoun("the Russian leader"), None);
        assert!(compatible(of_pronoun("she"), "Hillary Clinton"));
        assert!(!compatible(of_pronoun("he"), "Hillary Clinton"));
        assert!(!compatible(of_pronoun("she"), "Michael Flynn"));
        assert!(!compatible(of_pronoun("he"), "Angela Merkel"));
        // Unknown or surname-only names fit any pronoun.
        assert!(compatible(of_pronoun("he"), "Xi Jinping"));
        assert!(compatible(of_pronoun("she"), "Clinton"));
        assert_eq!(of_honorific("Mr."), Some(Sex::Male));
        assert_eq!(of_honorific("Ms"), Some(Sex::Female));
        assert_eq!(of_honorific("Mister"), None);
    }
}
