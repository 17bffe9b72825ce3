//! Scores actor extraction on tests/data/news3/ (twelve real news articles from Wikinews,
//! Global Voices and NASA, never used to tune the extractor) against the hand-written gold
//! list in tests/gold/actors_news3.tsv, written before dossier was run on the articles.

mod actor_scoring;
mod corpus_dir;

#[test]
fn real_news_meets_the_quality_bars() {
    let s = actor_scoring::score(
        &corpus_dir::index_of("tests/data/news3"),
        &actor_scoring::gold(include_str!("gold/actors_news3.tsv")),
    );
    println!("{}", s.summary());
    // Bars set just below the FIRST measure (the gold was written before dossier ever read
    // these articles), so that this test guards against regression; raise them as the
    // extractors improve. First measure: persons precision 0.525, recall 0.839 (52 of 62);
    // organizations recall 0.512 (21 of 41); places recall 0.848 (56 of 66).
    // (Measured on HEAD f11be3d with uncommitted work in src/analysis/quotes/attribution.rs.)
    s.assert_meets(&actor_scoring::Bars {
        person_precision: 0.52,
        person_recall: 0.83,
        org_recall: 0.51,
        place_recall: 0.84,
    });
}
