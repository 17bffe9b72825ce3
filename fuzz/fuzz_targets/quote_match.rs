//! Fuzz target: an arbitrary quote against the seed articles, or against an arbitrary text.
//! Matches stay inside the text, and every similarity is within 0..=1.
//!
//! An input with a NUL is a quote and the text after it: each such input indexes its own
//! text (extraction, actors, quotes, the text index), which runs at tens of inputs a
//! second. An input without a NUL is a quote looked up in the seed articles, indexed once
//! per process: the lookup alone (tokens, candidates, word alignment, exact table), about
//! a hundred a second for quotes of 1 KB (89 such inputs in under a second, the seed index
//! build included). Extraction over arbitrary text is the `extraction` target's too.
#![no_main]

#[path = "common.rs"]
mod common;

use std::sync::LazyLock;

use dossier::analysis::validate::match_violations;
use dossier::analysis::{CorpusIndex, SourceText};
use libfuzzer_sys::fuzz_target;

const QUOTE_BYTES: usize = 1024;

/// The five seed articles, the realistic texts a quote of a brief is looked up in.
static SEEDS: LazyLock<CorpusIndex> = LazyLock::new(|| {
    let texts = [
        (
            "000.txt",
            include_str!("../../seeds/000_1e2f7ca976c65369.txt"),
        ),
        (
            "001.txt",
            include_str!("../../seeds/001_227275e6a66a84db.txt"),
        ),
        (
            "002.txt",
            include_str!("../../seeds/002_770ca645d559dffd.txt"),
        ),
        (
            "003.txt",
            include_str!("../../seeds/003_423e3940cca06aad.txt"),
        ),
        (
            "004.txt",
            include_str!("../../seeds/004_df48a3a5ab45bcd7.txt"),
        ),
    ];
    common::seed_index(&texts)
});

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (quote, text) = match input.split_once('\0') {
        Some((quote, text)) => (quote, Some(text)),
        None => (&*input, None),
    };
    // A quote of a brief is a few sentences: at most 1 KB of it is looked up. A whole seed
    // article of 7 KB as the quote spent the run in word alignments of a thousand words by
    // a thousand, at 10 inputs a second.
    let mut cut = quote.len().min(QUOTE_BYTES);
    while !quote.is_char_boundary(cut) {
        cut -= 1;
    }
    let quote = &quote[..cut];
    let violations = match text {
        None => match_violations(&SEEDS, quote),
        Some(text) => {
            let source = SourceText {
                path: "/ws/a.txt".into(),
                rel_path: "a.txt".into(),
                text: text.to_string(),
            };
            let corpus = CorpusIndex::build(vec![source], Vec::new());
            match_violations(&corpus, quote)
        }
    };
    assert!(violations.is_empty(), "{violations:?}");
});
