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
    score.assert_meets(&quote_scoring::Bars {
        precision: 0.9,
        recall: 0.85,
        max_wrong_speech: 0,
    });
}

#[test]
fn every_extracted_quote_is_found_verbatim() {
    quote_scoring::assert_every_quote_found_verbatim(&corpus_dir::index_of("seeds"));
}
