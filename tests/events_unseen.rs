//! Scores event extraction on articles written for this test (tests/data/news2) against
//! tests/gold/events_unseen.tsv, a list written by reading them: recall of the required
//! events with their places, dates and participants, no event split in two, and precision.

mod corpus_dir;
mod event_scoring;

#[test]
fn unseen_events_against_gold() {
    let s = event_scoring::score(
        &corpus_dir::index_of("tests/data/news2"),
        &event_scoring::gold(include_str!("gold/events_unseen.tsv")),
    );
    println!("{}", s.summary);
    // Measured when this test was written: recall 15/15, dates 9/12, participants 10/11,
    // precision 18/20; the bounds leave one event of slack.
    assert!(
        s.recall >= 0.93,
        "recall {:.2} below 0.93\n{}",
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
    assert!(s.precision >= 0.85, "precision {:.2}", s.precision);
}
