//! Fuzz target: corpus extraction (actors, quotes, events) and the corpus-wide merge.
#![no_main]

use dossier::analysis::validate::corpus_violations;
use dossier::analysis::{CorpusIndex, SourceText};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Up to three documents, split at NUL bytes.
    let sources = String::from_utf8_lossy(data)
        .split('\0')
        .take(3)
        .enumerate()
        .map(|(i, text)| SourceText {
            path: format!("/ws/{i}.txt").into(),
            rel_path: format!("{i}.txt"),
            text: text.to_string(),
        })
        .collect();
    let corpus = CorpusIndex::build(sources, Vec::new());
    let violations = corpus_violations(&corpus);
    assert!(violations.is_empty(), "{violations:?}");
});
