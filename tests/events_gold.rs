//! Scores event extraction on seeds/ against tests/gold/events.tsv, a list written by
//! reading the articles: recall of the required events with their places, dates and
//! participants, no event split in two, and precision over all events found.

mod corpus_dir;
mod event_scoring;

#[test]
fn seed_events_against_gold() {
    let s = event_scoring::score(
        &corpus_dir::index_of("seeds"),
        &event_scoring::gold(include_str!("gold/events.tsv")),
    );
    println!("{}", s.summary);
    assert!(
        s.recall >= 0.8,
        "recall {:.2} below 0.8\n{}",
        s.recall,
        s.report
    );
    assert!(s.splits.is_empty(), "events split in two: {:#?}", s.splits);
    assert!(
        s.missing_docs.is_empty(),
        "mentions missing: {:#?}",
        s.missing_docs
    );
    assert!(
        s.n_date * 10 >= s.n_dated * 7,
        "dates {}/{}\n{}",
        s.n_date,
        s.n_dated,
        s.report
    );
    assert!(
        s.n_people * 10 >= s.n_with_people * 7,
        "participants {}/{}\n{}",
        s.n_people,
        s.n_with_people,
        s.report
    );
    assert!(s.precision >= 0.5, "precision {:.2}", s.precision);
}
