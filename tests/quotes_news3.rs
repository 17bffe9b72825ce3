//! Quality of quote extraction on twelve real news articles (tests/data/news3: Wikinews,
//! Global Voices and NASA, 2007-2024) that the extraction rules were never tuned on: speaker
//! precision and recall, speech vs scare quotes and titles, and that every quotation is
//! found again by the quote index. Gold list: tests/gold/quotes_news3.tsv, written by
//! reading the articles before dossier was run on them.

mod corpus_dir;
mod quote_scoring;

use dossier::analysis::CorpusIndex;

/// The real articles, as the corpus.
fn news3_corpus() -> CorpusIndex {
    corpus_dir::index_of("tests/data/news3")
}

#[test]
fn speaker_attribution_on_real_articles() {
    let gold = quote_scoring::gold(include_str!("gold/quotes_news3.tsv"));
    let score = quote_scoring::score(&news3_corpus(), &gold);
    println!(
        "quotes matched: {} of {}",
        gold.len() - score.unmatched.len(),
        gold.len()
    );
    // The gold was written before dossier ever read these articles. First measure, on
    // f11be3d (before the attribution stages of docs/quotes.md): precision 0.694 (34 right
    // of 49 predicted), recall 0.654 (34 of 52), 81 of 81 quotes matched, 19 told wrongly
    // as speech or not speech. Now 0.808 / 0.808 (42 of 52); the bars sit just below.
    score.assert_meets(&quote_scoring::Bars {
        precision: 0.80,
        recall: 0.80,
        max_wrong_speech: 19,
    });
}

#[test]
fn every_real_article_quote_is_found_verbatim() {
    quote_scoring::assert_every_quote_found_verbatim(&news3_corpus());
}
