//! Scores actor extraction on seeds/ against the hand-written gold list in
//! tests/gold/actors.tsv and holds it to the bars of the Actors issue.

mod actor_scoring;
mod corpus_dir;

#[test]
fn seeds_meet_the_quality_bars() {
    let s = actor_scoring::score(
        &corpus_dir::index_of("seeds"),
        &actor_scoring::gold(include_str!("gold/actors.tsv")),
    );
    println!("{}", s.summary());
    s.assert_meets(&actor_scoring::Bars {
        person_precision: 0.90,
        person_recall: 0.95,
        org_recall: 0.80,
        place_recall: 0.80,
    });
}
