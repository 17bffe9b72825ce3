//! Scores event extraction on twelve real news articles (tests/data/news3: Wikinews, Global
//! Voices, NASA) against tests/gold/events_news3.tsv, written by reading them before dossier's
//! events were run on them: recall of the required events with their places, dates and
//! participants, no event split in two, and precision.

mod corpus_dir;
mod event_scoring;

#[test]
fn news3_events_against_gold() {
    let score = event_scoring::score(
        &corpus_dir::index_of("tests/data/news3"),
        &event_scoring::gold(include_str!("gold/events_news3.tsv")),
    );
    println!("{}", score.summary);
    score.assert_meets(&event_scoring::Bars {
        recall: 0.0,
        dates: 0.0,
        participants: 0.0,
        precision: 0.0,
    });
}
