//! Criterion benchmarks of completion over a synthetic corpus of 200,000 documents (about
//! the 1 GB corpus's 178,000): a bare `[@`, a key prefix few keys start with (the fuzzy
//! fallback that looks at every document), a title word, and actor names by prefix over
//! 100,000 actors.

use std::sync::Arc;

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use dossier::analysis::actors::{ActorIndex, ActorKind, DocActors, LocalActor, LocalMention};
use dossier::analysis::ide::{self, BriefFile, CheckSettings, Context};
use dossier::analysis::{CorpusIndex, SourceText};

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

/// Distinct person names built from syllables, most salient first.
fn synthetic_actors(n_actors: usize) -> ActorIndex {
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
        let last = word(i, 4);
        local.actors.push(LocalActor {
            name: format!("{} {last}", word(i * 7 + 3, 2)),
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
    let doc = Arc::new(dossier::analysis::Document::new(
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
    let mut corpus = CorpusIndex::build(synthetic_sources(200_000), Vec::new());
    corpus.actors = synthetic_actors(100_000);
    let settings = CheckSettings::default();
    let cx = Context::ready(&corpus, &settings);
    let mut group = c.benchmark_group("completion_200k_docs");
    let cases = [
        ("citation_bare", "See [@"),
        ("citation_rare_key_prefix", "See [@0013860_"),
        ("citation_title_word", "See [@genev"),
        ("citation_no_match", "See [@qqq"),
        ("name_two_letters", "The analyst wrote Ka"),
        ("name_prefix", "The analyst wrote Velaya"),
        ("name_fuzzy", "The analyst wrote kvlr"),
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
