//! Criterion benchmarks of citation completion over a synthetic corpus of 200,000
//! documents (about the 1 GB corpus's 178,000): a bare `[@`, a key prefix few keys start
//! with (the fuzzy fallback that looks at every document), a title word, no match. Actor
//! names by prefix are in the `actors` bench.

use std::sync::Arc;

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use dossier::analysis::ide::{self, BriefFile, CheckSettings, Context};
use dossier::analysis::{
    CorpusIndex, DocAnalysis, DocExtraction, Document, MergedIndexes, SourceText,
};

/// Keys like the generated corpora's (`0013860_53246335759bb835`) and short titles.
fn synthetic_sources(n_docs: usize) -> Vec<SourceText> {
    const WORDS: [&str; 12] = [
        "summit",
        "talks",
        "minister",
        "Oslo",
        "Tehran",
        "border",
        "sanctions",
        "Putin",
        "envoy",
        "ceasefire",
        "Geneva",
        "trade",
    ];
    (0..n_docs)
        .map(|i| {
            let hash = (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            let stem = format!("{i:07}_{hash:016x}");
            let title: Vec<&str> = (0..6)
                .map(|w| WORDS[(i * 7 + w * 5) % WORDS.len()])
                .collect();
            SourceText {
                path: format!("/ws/part{:02}/{stem}.txt", i % 20).into(),
                rel_path: format!("part{:02}/{stem}.txt", i % 20),
                text: format!("title: {}\n\nBody.", title.join(" ")),
            }
        })
        .collect()
}

fn completion(c: &mut Criterion) {
    // Assembled without extraction or merge: completion reads keys, titles and actors, and
    // merging 200,000 near-identical documents would measure the event clustering instead.
    let docs: Vec<Arc<Document>> = synthetic_sources(200_000)
        .into_iter()
        .map(|source| {
            let key = source
                .rel_path
                .rsplit('/')
                .next()
                .unwrap_or("")
                .trim_end_matches(".txt");
            let key = key.to_string();
            Arc::new(Document::new(source, key))
        })
        .collect();
    let per_doc = docs
        .iter()
        .map(|_| DocExtraction::Loaded(Arc::new(DocAnalysis::default())))
        .collect();
    let corpus = CorpusIndex::from_merged(docs, per_doc, Vec::new(), MergedIndexes::default());
    let settings = CheckSettings::default();
    let cx = Context::ready(&corpus, &settings);
    let mut group = c.benchmark_group("completion_200k_docs");
    let cases = [
        ("citation_bare", "See [@"),
        ("citation_rare_key_prefix", "See [@0013860_"),
        ("citation_title_word", "See [@genev"),
        ("citation_no_match", "See [@qqq"),
    ];
    for (name, text) in cases {
        let file = BriefFile::new("brief.md".into(), text.to_string());
        group.bench_function(name, |b| {
            b.iter(|| black_box(ide::completion(cx, &file, text.len())))
        });
    }
    group.finish();
}

criterion_group!(benches, completion);
criterion_main!(benches);
