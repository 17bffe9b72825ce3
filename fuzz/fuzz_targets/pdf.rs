//! Fuzz target: a PDF read as a corpus source (`sources::extract` as PDF): any bytes give
//! a text or a load problem, never a panic that escapes.
#![no_main]

use std::sync::Once;

use dossier::sources::{extract, Kind};
use libfuzzer_sys::fuzz_target;

static QUIET_PANICS: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    // `pdf::extract` catches the panics of the PDF crates and reports the file as damaged;
    // libfuzzer-sys's panic hook would abort on them first. Without the hook a panic that
    // escapes `extract` still aborts (libfuzzer-sys catches it around this closure).
    QUIET_PANICS.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    if let Ok(extracted) = extract(Kind::Pdf, data) {
        assert!(extracted.body.split_whitespace().next().is_some());
        assert!(extracted.rendition().ends_with('\n'));
    }
});
