//! Scores event extraction on tests/data/news4/ (twelve real articles: Wikinews 2007 and NASA
//! 2024) against tests/gold/events_news4.tsv, written by reading them before dossier was run.

mod corpus_dir;
mod event_scoring;

#[test]
fn news4_events_against_gold() {
    let score = event_scoring::score(
        &corpus_dir::index_of("tests/data/news4"),
        &event_scoring::gold(include_str!("gold/events_news4.tsv")),
    );
    println!("{}", score.summary);
    score.assert_meets(&event_scoring::Bars {
        recall: 0.0,
        dates: 0.0,
        participants: 0.0,
        precision: 0.0,
    });
}
