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
    println!(
        "persons: precision {:.3} recall {:.3}; organizations recall {:.3}; places recall {:.3}\n{}",
        s.person_precision, s.person_recall, s.org_recall, s.place_recall, s.report
    );
    assert!(
        s.person_precision >= 0.90,
        "person precision {:.3}\n{}",
        s.person_precision,
        s.report
    );
    assert!(
        s.person_recall >= 0.95,
        "person recall {:.3}\n{}",
        s.person_recall,
        s.report
    );
    assert!(
        s.org_recall >= 0.80,
        "organization recall {:.3}\n{}",
        s.org_recall,
        s.report
    );
    assert!(
        s.place_recall >= 0.80,
        "place recall {:.3}\n{}",
        s.place_recall,
        s.report
    );
}
