//! Scores event extraction on seeds/ against tests/gold/events.tsv, a list written by
//! reading the articles: recall of the required events with their places, dates and
//! participants, no event split in two, and precision over all events found.

mod corpus_dir;
mod event_scoring;

#[test]
fn seed_events_against_gold() {
    let score = event_scoring::score(
        &corpus_dir::index_of("seeds"),
        &event_scoring::gold(include_str!("gold/events.tsv")),
    );
    println!("{}", score.summary);
    score.assert_meets(&event_scoring::Bars {
        recall: 0.8,
        dates: 0.7,
        participants: 0.7,
        precision: 0.5,
    });
}
