//! Fuzz target: markdown brief analysis and every feature over it, against the seed corpus.
#![no_main]

#[path = "common.rs"]
mod common;

use std::sync::LazyLock;

use dossier::analysis::ide::{BriefFile, CheckSettings, Context};
use dossier::analysis::validate::{brief_violations, feature_violations};
use dossier::analysis::CorpusIndex;
use libfuzzer_sys::fuzz_target;

static SEEDS: LazyLock<CorpusIndex> = LazyLock::new(|| {
    let texts = [
        (
            "000.txt",
            include_str!("../../seeds/000_1e2f7ca976c65369.txt"),
        ),
        (
            "003.txt",
            include_str!("../../seeds/003_423e3940cca06aad.txt"),
        ),
    ];
    common::seed_index(&texts)
});

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let file = BriefFile::new("file:///fuzz.md".into(), text);
    let violations = brief_violations(&file);
    assert!(violations.is_empty(), "{violations:?}");
    let settings = CheckSettings::default();
    let cx = Context::ready(&SEEDS, &settings);
    let probes: Vec<usize> = (0..=file.text.len()).step_by(13).collect();
    let violations = feature_violations(cx, &file, &probes);
    assert!(violations.is_empty(), "{violations:?}");
});
