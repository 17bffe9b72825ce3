//! Quality of quote extraction on the seeds against the hand-made gold list
//! (tests/gold/quotes.tsv): speaker precision and recall, speech vs titles, and that every
//! quotation is found again, verbatim, by the quote index.

mod corpus_dir;
mod quote_scoring;

#[test]
fn speaker_attribution_on_the_seeds() {
    let score = quote_scoring::score(
        &corpus_dir::index_of("seeds"),
        &quote_scoring::gold(include_str!("gold/quotes.tsv")),
    );
    println!("{}", score.report);
    assert!(
        score.unmatched.is_empty(),
        "gold quotes not extracted: {:?}",
        score.unmatched
    );
    assert!(
        score.wrong_speech.is_empty(),
        "speech/title wrong for {:?}",
        score.wrong_speech
    );
    assert!(
        score.precision >= 0.9,
        "speaker precision {:.3} below 0.9\n{}",
        score.precision,
        score.report
    );
    assert!(
        score.recall >= 0.85,
        "speaker recall {:.3} below 0.85\n{}",
        score.recall,
        score.report
    );
}

#[test]
fn every_extracted_quote_is_found_verbatim() {
    quote_scoring::assert_every_quote_found_verbatim(&corpus_dir::index_of("seeds"));
}
