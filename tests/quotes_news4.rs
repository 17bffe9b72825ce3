//! Quote extraction and speaker attribution on tests/data/news4/ (twelve real articles:
//! Wikinews 2007 and NASA 2024) against tests/gold/quotes_news4.tsv, written by reading the
//! articles before dossier was run on them.

mod corpus_dir;
mod quote_scoring;

use dossier::analysis::CorpusIndex;

fn news4_corpus() -> CorpusIndex {
    corpus_dir::index_of("tests/data/news4")
}

#[test]
fn news4_speaker_attribution() {
    let gold = quote_scoring::gold(include_str!("gold/quotes_news4.tsv"));
    let score = quote_scoring::score(&news4_corpus(), &gold);
    println!("{}", score.report);
    println!(
        "quotes matched: {} of {}; unmatched: {:#?}",
        gold.len() - score.unmatched.len(),
        gold.len(),
        score.unmatched
    );
    println!("speech/not-speech wrong: {:?}", score.wrong_speech);
    assert!(
        score.unmatched.is_empty(),
        "gold quotes not extracted: {:#?}",
        score.unmatched
    );
    assert!(
        score.precision >= 0.0,
        "speaker precision {:.3}",
        score.precision
    );
    assert!(score.recall >= 0.0, "speaker recall {:.3}", score.recall);
}

#[test]
fn every_news4_quote_is_found_verbatim() {
    quote_scoring::assert_every_quote_found_verbatim(&news4_corpus());
}
