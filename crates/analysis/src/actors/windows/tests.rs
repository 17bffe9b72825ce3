//! The window lookup held against two references: the aho-corasick automaton it replaced
//! (on real news text, where they must agree), and a brute-force scan of every position
//! (on generated text, where the automaton's occurrences inside words would differ).

use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};
use proptest::prelude::*;

use super::super::lookup::{is_acronym, Lookup};
use super::super::{extract_document, Actor, ActorIndex, ActorKind, DocActors, DocMention};
use super::{ends_word, starts_word};
use crate::corpus::{Document, SourceText};
use crate::packed::Packed;

/// What `find_in_text` answered before this module: the leftmost-longest occurrences of an
/// automaton over the patterns (ASCII case folded), then the same boundary, case and
/// acronym rules.
fn automaton_find(lookup: &Lookup, text: &str) -> Vec<DocMention> {
    let (patterns, pattern_actor, pattern_exact) = lookup.patterns();
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(patterns)
        .expect("the patterns build an automaton");
    let occurrences = automaton
        .find_iter(text)
        .filter(|m| starts_word(text, m.start()) && ends_word(text, m.end()))
        .map(|m| (m.range(), m.pattern().as_usize() as u32));
    kept(text, occurrences, pattern_actor, pattern_exact)
}

/// The rule as written in `occurrences`, by brute force: every occurrence of every pattern
/// that starts and ends on a word boundary; from the left, the longest at the first start
/// not yet covered.
fn brute_find(lookup: &Lookup, text: &str) -> Vec<DocMention> {
    let (patterns, pattern_actor, pattern_exact) = lookup.patterns();
    let mut all: Vec<(std::ops::Range<usize>, u32)> = Vec::new();
    for (pattern_id, pattern) in patterns.iter().enumerate() {
        if !pattern.starts_with(char::is_alphanumeric) {
            continue;
        }
        for start in (0..text.len()).filter(|&at| text.is_char_boundary(at)) {
            let end = start + pattern.len();
            let equal = text
                .get(start..end)
                .is_some_and(|window| window.eq_ignore_ascii_case(pattern));
            if equal && starts_word(text, start) && ends_word(text, end) {
                all.push((start..end, pattern_id as u32));
            }
        }
    }
    all.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
    let mut covered_to = 0;
    let mut chosen = Vec::new();
    for (span, pattern_id) in all {
        if span.start >= covered_to {
            covered_to = span.end;
            chosen.push((span, pattern_id));
        }
    }
    kept(text, chosen.into_iter(), pattern_actor, pattern_exact)
}

fn kept(
    text: &str,
    occurrences: impl Iterator<Item = (std::ops::Range<usize>, u32)>,
    pattern_actor: &[u32],
    pattern_exact: &[bool],
) -> Vec<DocMention> {
    occurrences
        .filter(|(span, pattern_id)| {
            let matched = &text[span.clone()];
            // Names are capitalised; an acronym alias matches only as an acronym.
            let exact_ok = !pattern_exact[*pattern_id as usize] || is_acronym(matched);
            matched.starts_with(char::is_uppercase) && exact_ok
        })
        .map(|(span, pattern_id)| DocMention {
            span: span.into(),
            actor: pattern_actor[pattern_id as usize],
        })
        .collect()
}

fn actor(name: &str, kind: ActorKind, aliases: &[&str]) -> Actor {
    Actor {
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|alias| alias.to_string()).collect(),
        roles: Vec::new(),
        mentions: Packed::default(),
    }
}

/// Aliases that overlap, nest, share first words, hold punctuation and non-ASCII letters.
fn invented_lookup() -> Lookup {
    use ActorKind::*;
    Lookup::new(&[
        actor("Ali Khamenei", Person, &["Ayatollah Ali Khamenei"]),
        actor("Dan Ali", Person, &[]),
        actor("United States", Place, &["US", "U.S.", "the United States"]),
        actor(
            "Bashar al-Assad",
            Person,
            &["Assad", "al-Assad", "Bashar Assad"],
        ),
        actor("White House", Organization, &["The White House"]),
        actor("Émile Zoë", Person, &["ZOË"]),
        actor("Hong Kong", Place, &[]),
        actor(
            "New York Times",
            Organization,
            &["The New York Times", "NYT"],
        ),
        actor("Times Square", Place, &[]),
        actor("Sean O'Brien", Person, &["O’Brien"]),
        actor(
            "NATO",
            Organization,
            &["North Atlantic Treaty Organization"],
        ),
        actor("Jean-Marie Le Pen", Person, &["Le Pen"]),
    ])
}

const PIECES: &[&str] = &[
    "Ali Khamenei",
    "ali khamenei",
    "AYATOLLAH ALI KHAMENEI",
    "Dan Ali",
    "Jordan",
    "Jor",
    "dan",
    "US",
    "us",
    "Us",
    "U.S.",
    "u.s.",
    "focus",
    "Bashar al-Assad",
    "al-",
    "el-",
    "Al-",
    "Assad",
    "ASSAD",
    "White House",
    "white house",
    "The White House",
    "Émile Zoë",
    "ÉMILE ZOË",
    "émile zoë",
    "ZOË",
    "Zoë",
    "Hong Kong",
    "Kongers",
    "New York Times",
    "Times Square",
    "New York",
    "O'Brien",
    "O’Brien",
    "Sean",
    "NATO",
    "Nato",
    "Le Pen",
    "Jean-Marie",
    "the",
    "said",
    " ",
    " ",
    " ",
    ", ",
    ".",
    "-",
    "’s",
    "'s",
    "(",
    ")",
    "—",
    "🙂",
    "é",
    "\r\n",
    "\n",
    "3",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn windows_find_what_a_scan_of_every_position_finds(
        pieces in proptest::collection::vec(0..PIECES.len(), 0..40),
    ) {
        let lookup = invented_lookup();
        let text: String = pieces.iter().map(|&piece| PIECES[piece]).collect();
        prop_assert_eq!(lookup.find_in_text(&text), brute_find(&lookup, &text), "{:?}", text);
    }
}

#[test]
fn windows_agree_with_the_automaton_on_whole_words() {
    let lookup = invented_lookup();
    let text = "Ayatollah Ali Khamenei met the U.S. envoy; US and NATO officials, \
                Bashar al-Assad’s aides and ÉMILE ZOË watched from Times Square, \
                said The New York Times (in Hong Kong). Le Pen, us, Nato.";
    let found = lookup.find_in_text(text);
    assert_eq!(found, automaton_find(&lookup, text));
    let written: Vec<&str> = found.iter().map(|m| &text[m.span.range()]).collect();
    assert_eq!(
        written,
        [
            "Ayatollah Ali Khamenei",
            "U.S.",
            "US",
            "NATO",
            "Bashar al-Assad",
            // "Émile Zoë" differs from "ÉMILE ZOË" in more than ASCII case; "ZOË" does not.
            "ZOË",
            "Times Square",
            "The New York Times",
            "Hong Kong",
            "Le Pen",
        ]
    );
}

#[test]
fn an_alias_inside_a_word_no_longer_hides_a_name() {
    let lookup = invented_lookup();
    // The automaton took "dan Ali" inside "Jordan", then could not report it, and the
    // name it overlapped was lost; "Hong Kong" inside "Hong Kongers" hid nothing new.
    let text = "Jordan Ali Khamenei spoke; Hong Kongers cheered.";
    let written = |found: Vec<DocMention>| -> Vec<String> {
        found
            .iter()
            .map(|m| text[m.span.range()].to_string())
            .collect()
    };
    assert_eq!(written(lookup.find_in_text(text)), ["Ali Khamenei"]);
    assert_eq!(written(automaton_find(&lookup, text)), ["Khamenei"]);
}

#[test]
fn odd_text_finds_nothing_and_never_panics() {
    let lookup = invented_lookup();
    for text in [
        "",
        "-",
        "al-",
        "🙂🙂",
        "Ali Khamene",
        "\u{feff}Assad\u{feff}",
        "é-É",
    ] {
        assert_eq!(
            lookup.find_in_text(text),
            brute_find(&lookup, text),
            "{text:?}"
        );
    }
    assert!(Lookup::new(&[]).find_in_text("Assad").is_empty());
}

/// The seed articles and the sample brief, each looked up in an index of the seeds: real
/// news text, where every name stands on word boundaries, must find what the automaton did.
#[test]
fn windows_agree_with_the_automaton_on_the_seed_articles() {
    let seeds = [
        include_str!("../../../../../seeds/000_1e2f7ca976c65369.txt"),
        include_str!("../../../../../seeds/001_227275e6a66a84db.txt"),
        include_str!("../../../../../seeds/002_770ca645d559dffd.txt"),
        include_str!("../../../../../seeds/003_423e3940cca06aad.txt"),
        include_str!("../../../../../seeds/004_df48a3a5ab45bcd7.txt"),
    ];
    let docs: Vec<Arc<Document>> = seeds
        .iter()
        .enumerate()
        .map(|(idx, text)| {
            let source = SourceText {
                path: format!("/w/{idx}.txt").into(),
                rel_path: format!("{idx}.txt"),
                text: text.to_string(),
            };
            Arc::new(Document::new(source, format!("{idx}")))
        })
        .collect();
    let per_doc: Vec<DocActors> = docs.iter().map(|doc| extract_document(doc)).collect();
    let refs: Vec<&DocActors> = per_doc.iter().collect();
    let index = ActorIndex::build(&docs, &refs, &[]);
    assert!(index.actors.len() > 50, "{}", index.actors.len());
    let brief = include_str!("../../../../../examples/brief.md");
    let mut n_found = 0;
    for text in seeds.iter().chain([&brief]) {
        let found = index.lookup.find_in_text(text);
        assert_eq!(found, automaton_find(&index.lookup, text));
        n_found += found.len();
    }
    assert!(n_found > 200, "{n_found}");
}
