//! Fuzz target: an arbitrary quote against an arbitrary text. Matches stay inside the
//! text, and a quote cut verbatim from the text is found.
#![no_main]

use dossier::analysis::validate::match_violations;
use dossier::analysis::{CorpusIndex, SourceText};
use libfuzzer_sys::fuzz_target;

const QUOTE_BYTES: usize = 1024;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (quote, text) = input.split_once('\0').unwrap_or((&input, &input));
    // A quote of a brief is a few sentences: at most 1 KB of it is looked up. The whole
    // input as the quote (a seed article of 7 KB against itself) spent the run in word
    // alignments of a thousand words by a thousand, at 10 inputs a second.
    let mut cut = quote.len().min(QUOTE_BYTES);
    while !quote.is_char_boundary(cut) {
        cut -= 1;
    }
    let quote = &quote[..cut];
    let source = SourceText {
        path: "/ws/a.txt".into(),
        rel_path: "a.txt".into(),
        text: text.to_string(),
    };
    let corpus = CorpusIndex::build(vec![source], Vec::new());
    let violations = match_violations(&corpus, quote);
    assert!(violations.is_empty(), "{violations:?}");
});
