//! The gazetteers shipped in `data/gazetteer/` (places, organizations, titles, words that are
//! never names), embedded at compile time and parsed once on first use.
//!
//! Lookups are by lowercase surface form with single spaces between words, so a caller
//! folds the words it saw into a reusable buffer and asks once per candidate.

use std::sync::LazyLock;

use super::lexicon::CORE_TITLES;
use super::ActorKind;
use crate::fxhash::{FxHashMap, FxHashSet};

const PLACES_TSV: &str = include_str!("../../../../data/gazetteer/places.tsv");
const ORGANIZATIONS_TSV: &str = include_str!("../../../../data/gazetteer/organizations.tsv");
const TITLES_TXT: &str = include_str!("../../../../data/gazetteer/titles.txt");
const NONNAMES_TXT: &str = include_str!("../../../../data/gazetteer/nonnames.txt");
const GIVEN_NAMES_TXT: &str = include_str!("../../../../data/gazetteer/given_names.txt");
const COMMON_WORDS_TXT: &str = include_str!("../../../../data/gazetteer/common_words.txt");

/// Word lists about the words of a name (`scripts/actors_lexicon.py` builds both): given
/// names, and words English news writes in lowercase. A capitalised group is a person's
/// full name when it starts with a given name or holds no common word.
#[derive(Debug, Default)]
pub(crate) struct NameWords {
    given: FxHashSet<String>,
    /// Word -> seen lowercase in news (CoNLL-2003 train) rather than only in a dictionary.
    common: FxHashMap<String, bool>,
}

impl NameWords {
    /// Whether a folded (lowercase) word is a given name.
    pub fn is_given(&self, folded: &str) -> bool {
        self.given.contains(folded)
    }

    /// Whether a folded word is an English word written in lowercase ("observatory",
    /// "outer"; not "jordan", which is also a proper noun).
    pub fn is_common(&self, folded: &str) -> bool {
        self.common.contains_key(folded)
    }

    /// Whether a folded word is common in news text itself ("space", "network"; not the
    /// dictionary-only "bracken" or "tiger", which name people too).
    pub fn is_news_common(&self, folded: &str) -> bool {
        self.common.get(folded).copied().unwrap_or(false)
    }
}

pub(crate) fn name_words() -> &'static NameWords {
    static WORDS: LazyLock<NameWords> = LazyLock::new(|| {
        let set = |text: &str| -> FxHashSet<String> {
            data_lines(text).map(|l| l.trim().to_string()).collect()
        };
        let common = data_lines(COMMON_WORDS_TXT)
            .map(|l| match l.split_once('\t') {
                Some((word, mark)) => (word.trim().to_string(), mark.trim() == "+"),
                None => (l.trim().to_string(), false),
            })
            .collect();
        NameWords {
            given: set(GIVEN_NAMES_TXT),
            common,
        }
    });
    &WORDS
}

/// What a surface form in the gazetteer denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    /// A place or organization, by index into [`Gazetteer::names`].
    Named { name: u32, kind: ActorKind },
    /// "Russian": an adjective of a country (index into [`Gazetteer::names`]).
    Demonym { country: u32 },
    /// "Russians": the people of a country, an actor of kind group.
    People { country: u32 },
}

#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    /// Canonical names of places and organizations.
    pub names: Vec<String>,
    /// Lowercase surface form -> what it denotes. The first entry that claims a form wins.
    pub entries: FxHashMap<String, Entry>,
    /// Lowercase titles and offices ("president", "foreign minister", "spokesman").
    pub titles: FxHashSet<String>,
    /// Lowercase words that are never (part of) a name ("the", "monday", "share").
    pub nonnames: FxHashSet<String>,
    /// The nonnames of sections marked `[surname]`.
    pub surname_nonnames: FxHashSet<String>,
    /// Forms written with inner capitals ("UN", "LeT", "U.S."): they match only when the
    /// text writes them the same way, so "Un" in "Kim Jong Un" is not the United Nations.
    pub case_sensitive: FxHashMap<String, String>,
    /// The most words any entry or title has, which bounds longest-match loops.
    pub max_words: usize,
    /// The beginnings of every form, title and core title that end before a character
    /// other than an ASCII letter or digit (or at the form's end): what folded words read
    /// up to a word's end can be if they begin a form.
    form_starts: FxHashSet<String>,
}

pub(crate) fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: LazyLock<Gazetteer> =
        LazyLock::new(|| Gazetteer::parse(PLACES_TSV, ORGANIZATIONS_TSV, TITLES_TXT, NONNAMES_TXT));
    &GAZETTEER
}

impl Gazetteer {
    pub fn parse(places: &str, organizations: &str, titles: &str, nonnames: &str) -> Gazetteer {
        let mut gaz = Gazetteer::default();
        for fields in data_lines(places).map(|line| line.split('\t').collect::<Vec<_>>()) {
            let Some(name) = fields.first().map(|n| n.trim()).filter(|n| !n.is_empty()) else {
                continue;
            };
            let name_idx = gaz.add_name(name);
            let named = Entry::Named {
                name: name_idx,
                kind: ActorKind::Place,
            };
            gaz.add_form(name, named);
            for alias in list_field(&fields, 2) {
                gaz.add_form(alias, named);
            }
            // Singular demonyms are adjectives; the plural (ending in s) names the people.
            for demonym in list_field(&fields, 3) {
                let entry = if demonym.ends_with('s') && demonym.len() > 3 {
                    Entry::People { country: name_idx }
                } else {
                    Entry::Demonym { country: name_idx }
                };
                gaz.add_form(demonym, entry);
            }
        }
        for fields in data_lines(organizations).map(|line| line.split('\t').collect::<Vec<_>>()) {
            let Some(name) = fields.first().map(|n| n.trim()).filter(|n| !n.is_empty()) else {
                continue;
            };
            // Armed groups (Hezbollah) are organizations too; "group" is for peoples and
            // loose collectives ("Iranians").
            let named = Entry::Named {
                name: gaz.add_name(name),
                kind: ActorKind::Organization,
            };
            gaz.add_form(name, named);
            for alias in list_field(&fields, 2) {
                gaz.add_form(alias, named);
            }
        }
        for title in data_lines(titles) {
            let folded = fold(title);
            gaz.max_words = gaz.max_words.max(folded.split(' ').count());
            gaz.titles.insert(folded);
        }
        let mut surname_section = false;
        for line in nonnames.lines().map(|line| line.trim_end_matches('\r')) {
            if line.starts_with('#') {
                surname_section = line.ends_with("[surname]");
                continue;
            }
            let word = line.trim().to_lowercase();
            if word.is_empty() {
                continue;
            }
            if surname_section {
                gaz.surname_nonnames.insert(word.clone());
            }
            gaz.nonnames.insert(word);
        }
        let forms: Vec<String> = gaz
            .entries
            .keys()
            .chain(&gaz.titles)
            .cloned()
            .chain(CORE_TITLES.iter().map(|t| t.to_string()))
            .collect();
        for form in forms {
            for (at, ch) in form.char_indices() {
                if !(ch.is_ascii_lowercase() || ch.is_ascii_digit()) {
                    gaz.form_starts.insert(form[..at].to_string());
                }
            }
            gaz.form_starts.insert(form);
        }
        gaz
    }

    /// Whether some form or title (core titles included) may begin with `folded`, the
    /// folded text from a word's start to a word's end. When none does, no longer run of
    /// words can be one either: the folded longer run begins with `folded` followed by
    /// what follows a word's end in text (a space or a mark, never a letter or digit), so
    /// a form equal to it would have put `folded` in `form_starts`.
    pub fn begins_a_form(&self, folded: &str) -> bool {
        self.form_starts.contains(folded)
    }

    fn add_name(&mut self, name: &str) -> u32 {
        self.names.push(name.to_string());
        (self.names.len() - 1) as u32
    }

    fn add_form(&mut self, form: &str, entry: Entry) {
        let folded = fold(form);
        if folded.is_empty() {
            return;
        }
        self.max_words = self.max_words.max(folded.split(' ').count());
        let has_inner_capital = form
            .split([' ', '-'])
            .any(|word| word.chars().skip(1).any(char::is_uppercase));
        if has_inner_capital && !self.entries.contains_key(&folded) {
            self.case_sensitive.insert(
                folded.clone(),
                form.split_whitespace().collect::<Vec<_>>().join(" "),
            );
        }
        self.entries.entry(folded).or_insert(entry);
    }

    pub fn lookup(&self, folded: &str) -> Option<Entry> {
        self.entries.get(folded).copied()
    }

    /// [`Gazetteer::lookup`] that also honours case-sensitive forms; `original` is the
    /// text as written (any whitespace).
    pub fn lookup_as_written(&self, folded: &str, original: &str) -> Option<Entry> {
        let entry = self.entries.get(folded).copied()?;
        match self.case_sensitive.get(folded) {
            Some(form) => {
                let same = form.split(' ').eq(original.split_whitespace());
                // An all-capitals headline or dateline may still write "UN" as "UN".
                same.then_some(entry)
            }
            None => Some(entry),
        }
    }

    /// Whether `folded` is a title, hyphenated with a rank prefix too ("under-secretary",
    /// "vice-chairman", "co-founder"); a hyphenated surname ending in a title word
    /// ("Jean-King") is not one.
    pub fn is_title(&self, folded: &str) -> bool {
        const RANK_PREFIXES: [&str; 6] = ["under", "vice", "deputy", "co", "ex", "acting"];
        self.titles.contains(folded)
            || folded.split_once('-').is_some_and(|(prefix, rest)| {
                RANK_PREFIXES.contains(&prefix) && self.titles.contains(rest)
            })
    }

    pub fn is_nonname(&self, folded: &str) -> bool {
        self.nonnames.contains(folded)
    }

    /// A word of [`Gazetteer::is_nonname`] that is also a surname after a given name
    /// (`Low` of "Chris Low"); function words, months and page furniture never are.
    pub fn may_be_surname(&self, folded: &str) -> bool {
        self.surname_nonnames.contains(folded)
    }
}

/// Lowercase with runs of whitespace as one space: the key every lookup uses.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`] into a reused buffer (cleared first), so hot loops do not allocate.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    out.clear();
    let mut pending_space = false;
    for ch in text.chars() {
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        let ch = if ch == '’' { '\'' } else { ch };
        if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
        } else {
            out.extend(ch.to_lowercase());
        }
    }
}

/// The text with each run of whitespace as one space and none at either end, as written
/// otherwise: a name's surface as the document shows it, line breaks and all spaced alike.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|line| line.trim_end_matches('\r'))
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
}

fn list_field<'a>(fields: &[&'a str], idx: usize) -> impl Iterator<Item = &'a str> {
    fields
        .get(idx)
        .copied()
        .unwrap_or("")
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_file_and_knows_common_forms() {
        let gaz = gazetteer();
        let russia = gaz.lookup("russia");
        assert!(matches!(
            russia,
            Some(Entry::Named {
                kind: ActorKind::Place,
                ..
            })
        ));
        assert!(matches!(gaz.lookup("russian"), Some(Entry::Demonym { .. })));
        assert!(matches!(gaz.lookup("russians"), Some(Entry::People { .. })));
        assert!(gaz.is_title("president"));
    }

    #[test]
    fn fold_lowercases_and_collapses_space() {
        assert_eq!(fold("  Supreme \n Leader’s "), "supreme leader's");
    }
}
