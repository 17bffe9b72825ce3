//! Fuzz target: an arbitrary quote against an arbitrary text. Matches stay inside the
//! text, and a quote cut verbatim from the text is found.
#![no_main]

use dossier::analysis::validate::match_violations;
use dossier::analysis::{CorpusIndex, SourceText};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (quote, text) = input.split_once('\0').unwrap_or((&input, &input));
    let source = SourceText {
        path: "/ws/a.txt".into(),
        rel_path: "a.txt".into(),
        text: text.to_string(),
    };
    let corpus = CorpusIndex::build(vec![source], Vec::new());
    let violations = match_violations(&corpus, quote);
    assert!(violations.is_empty(), "{violations:?}");
});
