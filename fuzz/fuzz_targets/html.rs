//! Fuzz target: a saved web page read as a corpus source (`sources::extract` as HTML):
//! any bytes give an article or a load problem, never a panic.
#![no_main]

use dossier::sources::{extract, Kind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(extracted) = extract(Kind::Html, data) {
        // A page taken as an article has words, and its rendition ends its last line.
        assert!(extracted.body.split_whitespace().next().is_some());
        assert!(extracted.rendition().ends_with('\n'));
    }
});
