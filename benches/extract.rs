//! Per-document extraction speed on one core: `DocAnalysis::extract` (actors, quotes and
//! events of one document) over the seed articles, in bytes per second, and each
//! extractor alone to see where the time goes.
//!
//! Run: `cargo bench --bench extract -- --warm-up-time 1 --measurement-time 3`.
//! `DOSSIER_BENCH_CORPUS=/some/folder` also measures the `*.txt` files of that folder
//! (the first 5 MB, walked in name order): generated corpora recombine the seeds but have
//! other names and more varied documents.

use std::path::{Path, PathBuf};

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use dossier::analysis::{actors, events, quotes, DocAnalysis, Document, SourceText};
use dossier::config::Config;
use dossier::workspace::discover_corpus;

fn document(path: PathBuf, text: String) -> Document {
    let rel_path = path.to_string_lossy().into_owned();
    Document::new(
        SourceText {
            path,
            rel_path,
            text,
        },
        "doc".into(),
    )
}

fn seed_documents() -> Vec<Document> {
    let mut paths: Vec<_> = std::fs::read_dir("seeds")
        .expect("run from the crate root")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            document(path, text)
        })
        .collect()
}

/// The `*.txt` files under `dir`, in path order, until `limit` bytes are read.
fn corpus_documents(dir: &Path, limit: usize) -> Vec<Document> {
    // The corpus `dossier index` would find there (every `*.txt`, in path order).
    let (paths, _) = discover_corpus(dir, &Config::default());
    let mut docs = Vec::new();
    let mut total = 0;
    for path in paths {
        if total >= limit {
            break;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        total += text.len();
        docs.push(document(path, text));
    }
    docs
}

fn bench_docs(c: &mut Criterion, name: &str, docs: &[Document], parts: bool) {
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("doc_analysis", |b| {
        b.iter(|| {
            for doc in docs {
                black_box(DocAnalysis::extract(black_box(doc)));
            }
        })
    });
    if parts {
        let doc_actors: Vec<_> = docs.iter().map(actors::extract_document).collect();
        group.bench_function("actors", |b| {
            b.iter(|| {
                for doc in docs {
                    black_box(actors::extract_document(black_box(doc)));
                }
            })
        });
        group.bench_function("quotes", |b| {
            b.iter(|| {
                for (doc, found) in docs.iter().zip(&doc_actors) {
                    black_box(quotes::extract_document(black_box(doc), found));
                }
            })
        });
        group.bench_function("events", |b| {
            b.iter(|| {
                for (doc, found) in docs.iter().zip(&doc_actors) {
                    black_box(events::extract_document(black_box(doc), found));
                }
            })
        });
    }
    group.finish();
}

fn extraction(c: &mut Criterion) {
    bench_docs(c, "extract_seeds", &seed_documents(), true);
    if let Some(dir) = std::env::var_os("DOSSIER_BENCH_CORPUS") {
        let docs = corpus_documents(Path::new(&dir), 5_000_000);
        bench_docs(c, "extract_corpus", &docs, true);
    }
}

criterion_group!(benches, extraction);
criterion_main!(benches);
