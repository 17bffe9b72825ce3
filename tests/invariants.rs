//! Property tests: on random news-like text and briefs (non-ASCII, CRLF, odd quote marks,
//! markdown syntax), extraction, brief parsing, quote matching and every feature keep their
//! invariants (see `dossier::analysis::validate`) and never panic.

use dossier::analysis::ide::{BriefFile, CheckSettings, Context};
use dossier::analysis::validate::{
    brief_violations, corpus_violations, feature_violations, match_violations,
};
use dossier::analysis::{CorpusIndex, SourceText};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "Russian President Vladimir Putin",
    " met ",
    "Benjamin Netanyahu",
    " in Moscow",
    " on Wednesday",
    ". ",
    "\"We are working very productively,\" ",
    "he said",
    "Lavrov told reporters",
    ": ",
    "“",
    "”",
    "\"",
    "«",
    "»",
    "‘",
    "’",
    "'s",
    " — ",
    "\r\n",
    "\n",
    "\n\n",
    "é",
    "🙂",
    "漢字",
    "the Helsinki summit",
    " on July 16, 2018",
    "according to Sergey Lavrov, ",
    "said Kremlin spokesman Dmitry Peskov",
    "[@key]",
    "@003_x",
    "`code \"q\"`",
    "> ",
    "# ",
    "...",
    "…",
    "[sic]",
    "[on Syria]",
    "Mr. ",
    "Al-Assad",
    "al-",
    "IRGC",
    "(",
    ")",
    ",",
    " ",
    "\t",
    "Share",
    "Copied",
    "Reuters Photo",
    "\u{feff}",
    "\u{2028}",
    "title: T\n",
    "date: 2018-07-16\n",
    "---\n",
];

fn text_from(indices: &[usize]) -> String {
    indices.iter().map(|&i| PIECES[i % PIECES.len()]).collect()
}

fn corpus_of(docs: &[String]) -> CorpusIndex {
    let sources = docs
        .iter()
        .enumerate()
        .map(|(i, text)| SourceText {
            path: format!("/ws/doc{i}.txt").into(),
            rel_path: format!("doc{i}.txt"),
            text: text.clone(),
        })
        .collect();
    CorpusIndex::build(sources, Vec::new())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn corpus_briefs_and_features_keep_their_invariants(
        docs in proptest::collection::vec(proptest::collection::vec(0..PIECES.len(), 0..120), 1..4),
        brief in proptest::collection::vec(0..PIECES.len(), 0..80),
        probes in proptest::collection::vec(0usize..2000, 0..12),
    ) {
        let docs: Vec<String> = docs.iter().map(|d| text_from(d)).collect();
        let corpus = corpus_of(&docs);
        let violations = corpus_violations(&corpus);
        prop_assert!(violations.is_empty(), "{violations:?}\ndocs: {docs:?}");

        let file = BriefFile::new("file:///ws/brief.md".into(), text_from(&brief));
        let violations = brief_violations(&file);
        prop_assert!(violations.is_empty(), "{violations:?}\nbrief: {:?}", file.text);

        let settings = CheckSettings::default();
        let cx = Context { corpus: &corpus, settings: &settings, index_ready: true, cancel: None };
        let violations = feature_violations(cx, &file, &probes);
        prop_assert!(violations.is_empty(), "{violations:?}\nbrief: {:?}\ndocs: {docs:?}", file.text);
    }

    #[test]
    fn quote_matches_stay_inside_their_documents(
        doc in proptest::collection::vec(0..PIECES.len(), 0..200),
        quote in proptest::collection::vec(0..PIECES.len(), 0..30),
        raw in "\\PC{0,60}",
    ) {
        let corpus = corpus_of(&[text_from(&doc)]);
        for quote in [text_from(&quote), raw] {
            let violations = match_violations(&corpus, &quote);
            prop_assert!(violations.is_empty(), "{violations:?}\nquote: {quote:?}");
        }
    }
}

#[test]
fn the_seed_corpus_and_the_example_brief_keep_their_invariants() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut docs: Vec<String> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    docs.sort();
    let corpus = corpus_of(&docs);
    assert!(
        corpus.actors.actors.len() > 20,
        "extraction found almost nothing"
    );
    assert_eq!(corpus_violations(&corpus), Vec::<String>::new());
    let brief = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/brief.md"),
    )
    .unwrap();
    let file = BriefFile::new("file:///ws/brief.md".into(), brief);
    assert_eq!(brief_violations(&file), Vec::<String>::new());
    let settings = CheckSettings::default();
    let cx = Context::ready(&corpus, &settings);
    let probes: Vec<usize> = (0..file.text.len()).step_by(7).collect();
    assert_eq!(feature_violations(cx, &file, &probes), Vec::<String>::new());
}
