//! Criterion benchmarks of the Actors issue: extraction throughput on news text (bytes per
//! second on one core) and completion latency over a synthetic index of 100,000 actors.

use std::sync::Arc;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use dossier::analysis::actors::{self, ActorIndex, ActorKind, DocActors, LocalActor, LocalMention};
use dossier::analysis::ide::{self, BriefFile, CheckSettings, Context};
use dossier::analysis::{CorpusIndex, Document, SourceText};

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
            let rel_path = path.to_string_lossy().into_owned();
            Document::new(
                SourceText {
                    path,
                    rel_path,
                    text,
                },
                "seed".into(),
            )
        })
        .collect()
}

fn extraction(c: &mut Criterion) {
    let docs = seed_documents();
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let mut group = c.benchmark_group("actors");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("extract_seeds", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(actors::extract_document(black_box(doc)));
            }
        })
    });
    group.finish();
}

/// 100,000 distinct person names built from syllables, with a Zipf-like mention count.
fn synthetic_index(n_actors: usize) -> ActorIndex {
    const SYLLABLES: [&str; 24] = [
        "ka", "ve", "la", "ya", "ti", "mo", "ru", "shi", "an", "dre", "el", "na", "po", "sa", "ri",
        "do", "ber", "gu", "fa", "zo", "lin", "mar", "to", "qui",
    ];
    let word = |mut n: usize, len: usize| {
        let mut w = String::new();
        for _ in 0..len {
            w.push_str(SYLLABLES[n % SYLLABLES.len()]);
            n /= SYLLABLES.len();
        }
        let mut chars = w.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect::<String>())
            .unwrap_or_default()
    };
    let mut local = DocActors::default();
    for i in 0..n_actors {
        let first = word(i * 7 + 3, 2);
        let last = word(i, 4);
        local.actors.push(LocalActor {
            name: format!("{first} {last}"),
            kind: ActorKind::Person,
            aliases: vec![last],
            roles: vec!["Minister".into()],
        });
        for _ in 0..(1 + 1000 / (i + 1)).min(20) {
            local.mentions.push(LocalMention {
                span: 0..0,
                actor: i as u32,
            });
        }
    }
    let doc = Arc::new(Document::new(
        SourceText {
            path: "/synthetic.txt".into(),
            rel_path: "synthetic.txt".into(),
            text: String::new(),
        },
        "synthetic".into(),
    ));
    ActorIndex::build(&[doc], &[&local], &[])
}

fn completion(c: &mut Criterion) {
    let mut corpus = CorpusIndex::default();
    corpus.actors = synthetic_index(100_000);
    let settings = CheckSettings::default();
    let cx = Context::ready(&corpus, &settings);
    let mut group = c.benchmark_group("actors_completion_100k");
    for typed in ["Ka", "Velaya", "kvlr"] {
        let text = format!("The analyst wrote {typed}");
        let file = BriefFile::new("brief.md".into(), text.clone());
        group.bench_function(typed, |b| {
            b.iter(|| black_box(ide::completion(cx, &file, text.len())))
        });
    }
    group.finish();
}

criterion_group!(benches, extraction, completion);
criterion_main!(benches);
