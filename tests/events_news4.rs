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
    // First measure (5e481fe, the gold written before any run): recall 2/13, dates 1/2,
    // participants 1/2, precision 2/16. After the ECB+ kinds of docs/events.md: recall 3/13,
    // dates 1/3, participants 2/3, precision 3/20. With the award and launch kinds: recall
    // 5/13, dates 1/4 (the new "Wilmore award" is dated 2018 by "the 2018 Theodore
    // Roosevelt award", the gold's month is 2018-01), participants 4/5, precision 7/34;
    // NASA releases describe plans more than happenings. Bars at today's figures less a
    // little slack.
    score.assert_meets(&event_scoring::Bars {
        recall: 0.35,
        dates: 0.25,
        participants: 0.75,
        precision: 0.18,
    });
}
