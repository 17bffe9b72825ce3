use std::sync::Arc;

use proptest::prelude::*;

use super::*;
use crate::ide::fuzzy_score;
use crate::SourceText;

fn documents(pairs: &[(String, String)]) -> Vec<Arc<Document>> {
    pairs
        .iter()
        .enumerate()
        .map(|(i, (key, title))| {
            Arc::new(Document::new(
                SourceText {
                    path: format!("/ws/{i}.txt").into(),
                    rel_path: format!("{i}.txt"),
                    text: format!("{title}\nBody text."),
                },
                key.clone(),
            ))
        })
        .collect()
}

/// What citation completion ranked before the packed table: every document scored with
/// `fuzzy_score` against its key, else its title plus 1000, the best by (score, key, id).
fn reference(docs: &[Arc<Document>], typed: &str, limit: usize) -> Vec<(u32, DocId)> {
    let mut scored: Vec<(u32, &str, DocId)> = docs
        .iter()
        .enumerate()
        .filter_map(|(id, d)| {
            let score = fuzzy_score(typed, &d.key)
                .or_else(|| fuzzy_score(typed, &d.title).map(|s| s + TITLE_PENALTY))?;
            Some((score, d.key.as_str(), id as DocId))
        })
        .collect();
    scored.sort();
    scored.truncate(limit);
    scored.into_iter().map(|(s, _, id)| (s, id)).collect()
}

fn text_of(alphabet: &'static [&'static str], max_len: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(alphabet), 0..max_len)
        .prop_map(|parts| parts.concat())
}

/// Mixed case, a letter whose lowercase is two chars (İ), other non-ASCII letters, digits
/// and separators: every branch of the score and of lowercasing.
const ALPHABET: &[&str] = &[
    "a", "A", "b", "B", "c", "0", "1", "-", " ", "é", "É", "İ", "ß",
];

proptest! {
    #[test]
    fn ranks_as_scoring_every_document(
        pairs in proptest::collection::vec((text_of(ALPHABET, 8), text_of(ALPHABET, 14)), 0..80),
        typed in text_of(ALPHABET, 4),
        limit in proptest::sample::select(vec![1usize, 3, 10, 100]),
    ) {
        let docs = documents(&pairs);
        let search = DocSearch::new(&docs);
        let got = search.rank(&typed, limit, &|| false);
        prop_assert_eq!(got, Some(reference(&docs, &typed, limit)));
    }
}

#[test]
fn keys_before_titles_and_ties_by_key() {
    let pairs: Vec<(String, String)> = [
        ("zeta-report", "Summit in Oslo"),
        ("alpha", "Oslo talks"),
        ("Beta-oslo", "Nothing"),
        ("oslo-2024", "Elsewhere"),
        ("gamma", "Minutes"),
    ]
    .iter()
    .map(|(k, t)| (k.to_string(), t.to_string()))
    .collect();
    let docs = documents(&pairs);
    let search = DocSearch::new(&docs);
    let got = search.rank("oslo", 10, &|| false).expect("not cancelled");
    // oslo-2024 (prefix), Beta-oslo (substring at 5), then the titles: "oslo talks"
    // (title prefix), "summit in oslo" (title substring at 10).
    assert_eq!(got, vec![(0, 3), (15, 2), (1000, 1), (1020, 0)]);
    assert_eq!(got, reference(&docs, "oslo", 10));
}

#[test]
fn a_cancelled_ranking_gives_none() {
    let docs = documents(&[("a".into(), "b".into())]);
    assert_eq!(DocSearch::new(&docs).rank("a", 10, &|| true), None);
}

#[test]
fn the_subsequence_score_is_the_index_of_the_last_match() {
    for (pattern, candidate) in [
        ("ace", "abcde"),
        ("éa", "xéya"),
        ("aa", "a-a"),
        ("ßc", "ßxc"),
    ] {
        let expected = fuzzy_score(pattern, candidate).map(|s| s - 100);
        assert_eq!(
            last_match(pattern, candidate),
            expected,
            "{pattern} in {candidate}"
        );
    }
}
