//! Quote matching speed: go-to-source on a 100 MB corpus, the index's size, re-checking a
//! 5,000-word brief, and a comparison with `rg -F` when ripgrep is installed.
//!
//! The corpus is built deterministically (a fixed xorshift seed) by recombining the
//! sentences of seeds/: every capitalised word is replaced by one of ~4,000 invented names,
//! every number by a random one, and 15% of the other words by a random word of the seeds'
//! vocabulary, so that long word sequences are (mostly) unique while 3-word seeds repeat
//! as they do in real news. Documents are ~5 KB, like the seeds.
//!
//! Run: `cargo bench --bench quotes -- --warm-up-time 1 --measurement-time 3`.
//! `DOSSIER_BENCH_MB` changes the corpus size (default 100).

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use dossier::analysis::actors::ActorIndex;
use dossier::analysis::corpus::{Document, SourceText};
use dossier::analysis::ide::{self, BriefFile, CheckSettings, Context};
use dossier::analysis::quotes::{DocQuotes, QuoteIndex};
use dossier::analysis::CorpusIndex;

const SEEDS: [&str; 5] = [
    include_str!("../seeds/000_1e2f7ca976c65369.txt"),
    include_str!("../seeds/001_227275e6a66a84db.txt"),
    include_str!("../seeds/002_770ca645d559dffd.txt"),
    include_str!("../seeds/003_423e3940cca06aad.txt"),
    include_str!("../seeds/004_df48a3a5ab45bcd7.txt"),
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn seed_sentences() -> Vec<Vec<&'static str>> {
    SEEDS
        .iter()
        .flat_map(|text| text.split(['\n', '.']))
        .map(|s| s.split_whitespace().collect::<Vec<_>>())
        .filter(|words| words.len() >= 6)
        .collect()
}

fn invented_names(rng: &mut Rng) -> Vec<String> {
    const SYLLABLES: [&str; 24] = [
        "ka", "lo", "vi", "ra", "men", "tor", "sa", "di", "no", "bel", "ur", "mi", "zan", "ko",
        "pe", "lin", "ga", "shu", "ter", "va", "ni", "do", "rus", "el",
    ];
    (0..4_000)
        .map(|_| {
            let n = 2 + rng.below(2);
            let word: String = (0..n)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect();
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect()
}

/// Documents of about 5 KB until `total_bytes`.
fn synthetic_corpus(total_bytes: usize) -> Vec<SourceText> {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let sentences = seed_sentences();
    let vocabulary: Vec<&str> = sentences
        .iter()
        .flatten()
        .copied()
        .filter(|w| w.chars().all(char::is_lowercase))
        .collect();
    let names = invented_names(&mut rng);
    let mut docs = Vec::new();
    let mut produced = 0;
    while produced < total_bytes {
        let mut text = String::with_capacity(5_200);
        while text.len() < 5_000 {
            let sentence = &sentences[rng.below(sentences.len())];
            for (i, word) in sentence.iter().enumerate() {
                if i > 0 {
                    text.push(' ');
                }
                if word.chars().any(|c| c.is_ascii_digit()) {
                    text.push_str(&rng.below(100_000).to_string());
                } else if i > 0 && word.chars().next().is_some_and(char::is_uppercase) {
                    text.push_str(&names[rng.below(names.len())]);
                } else if rng.below(100) < 15 {
                    text.push_str(vocabulary[rng.below(vocabulary.len())]);
                } else {
                    text.push_str(word);
                }
            }
            text.push_str(if rng.below(4) == 0 { ".\n" } else { ". " });
        }
        produced += text.len();
        let n = docs.len();
        docs.push(SourceText {
            path: format!("/bench/{n:06}.txt").into(),
            rel_path: format!("{n:06}.txt"),
            text,
        });
    }
    docs
}

/// 25-word windows of random documents: what an analyst quotes.
fn sample_quotes(docs: &[Arc<Document>], n: usize) -> Vec<String> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    (0..n)
        .map(|_| {
            let doc = &docs[rng.below(docs.len())];
            let words: Vec<&str> = doc.text().split_whitespace().collect();
            let start = rng.below(words.len().saturating_sub(25).max(1));
            words[start..(start + 25).min(words.len())].join(" ")
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn go_to_source(c: &mut Criterion) {
    let megabytes: usize = std::env::var("DOSSIER_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let started = Instant::now();
    let sources = synthetic_corpus(megabytes * 1_000_000);
    let docs: Vec<Arc<Document>> = sources
        .into_iter()
        .enumerate()
        .map(|(i, s)| Arc::new(Document::new(s, format!("{i:06}"))))
        .collect();
    let corpus_bytes: usize = docs.iter().map(|d| d.len()).sum();
    let empty = DocQuotes::default();
    let per_doc: Vec<&DocQuotes> = docs.iter().map(|_| &empty).collect();
    let generated = started.elapsed();
    let index = QuoteIndex::build(&docs, &per_doc, &ActorIndex::default());
    let built = started.elapsed() - generated;
    eprintln!(
        "corpus: {} documents, {corpus_bytes} bytes (generated in {generated:?}); index built in {built:?}, {} heap bytes ({:.2} of the corpus)",
        docs.len(),
        index.heap_bytes(),
        index.heap_bytes() as f64 / corpus_bytes as f64
    );
    let quotes = sample_quotes(&docs, 1_000);
    let mut times: Vec<Duration> = Vec::with_capacity(quotes.len());
    let mut misses = 0;
    for quote in &quotes {
        let t = Instant::now();
        let found = index.find(&docs, quote);
        times.push(t.elapsed());
        if found.first().is_none_or(|m| m.similarity < 1.0) {
            misses += 1;
        }
    }
    times.sort();
    eprintln!(
        "go-to-source, 25-word quotes: p50 {:?}, p99 {:?}, max {:?}; {misses} of {} not found verbatim",
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        times[times.len() - 1],
        quotes.len()
    );
    compare_with_ripgrep(&docs, &quotes[..5], percentile(&times, 0.5));
    let mut i = 0;
    c.bench_function(
        &format!("go-to-source 25 words, {megabytes} MB corpus"),
        |b| {
            b.iter(|| {
                i = (i + 1) % quotes.len();
                index.find(&docs, &quotes[i])
            })
        },
    );
}

/// Writes the corpus to a temporary folder and times `rg -F -l` for a few quotes.
fn compare_with_ripgrep(docs: &[Arc<Document>], quotes: &[String], ours: Duration) {
    let Ok(dir) = tempfile::tempdir() else { return };
    // One file per 1,000 documents keeps the file count reasonable for the file system.
    for (n, chunk) in docs.chunks(1_000).enumerate() {
        let text: String = chunk
            .iter()
            .map(|d| d.text())
            .collect::<Vec<_>>()
            .join("\n");
        if std::fs::write(dir.path().join(format!("{n:04}.txt")), text).is_err() {
            return;
        }
    }
    let mut times = Vec::new();
    for quote in quotes {
        let t = Instant::now();
        let run = std::process::Command::new("rg")
            .arg("-F")
            .arg("-l")
            .arg("--")
            .arg(quote)
            .arg(dir.path())
            .output();
        if run.is_err() {
            eprintln!("rg -F: ripgrep is not installed, no comparison");
            return;
        }
        times.push(t.elapsed());
    }
    times.sort();
    let rg = times[times.len() / 2];
    eprintln!(
        "rg -F -l, same quotes, same corpus (warm cache): median {rg:?}; dossier is {:.0}x faster",
        rg.as_secs_f64() / ours.as_secs_f64()
    );
}

/// A 5,000-word brief whose quotes come from the seeds (some altered), re-checked after
/// an edit: parse plus every quote diagnostic.
fn recheck_brief(c: &mut Criterion) {
    let sources: Vec<SourceText> = SEEDS
        .iter()
        .enumerate()
        .map(|(i, text)| SourceText {
            path: format!("/seeds/{i}.txt").into(),
            rel_path: format!("{i}.txt"),
            text: text.to_string(),
        })
        .collect();
    let corpus = CorpusIndex::build(sources, Vec::new());
    let sentences = seed_sentences();
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut brief = String::from("# Brief\n\n");
    let mut n_words = 0;
    while n_words < 5_000 {
        let sentence = &sentences[rng.below(sentences.len())];
        let quoted = sentence[..sentence.len().min(12)].join(" ");
        let quoted = if rng.below(4) == 0 {
            quoted.replacen(' ', " very ", 1)
        } else {
            quoted
        };
        brief.push_str(&format!("The analyst notes that, as the source put it, \"{quoted}\" [@0], which matters here.\n\n"));
        n_words += quoted.split_whitespace().count() + 14;
    }
    let settings = CheckSettings::default();
    let cx = Context::ready(&corpus, &settings);
    let file = BriefFile::new("brief.md".into(), brief.clone());
    eprintln!(
        "brief: {} words, {} quotes, {} findings",
        n_words,
        file.brief.quotes.len(),
        ide::diagnostics(cx, &file).len()
    );
    c.bench_function("re-check a 5,000-word brief after an edit", |b| {
        b.iter(|| {
            let edited = format!("{brief}x");
            let file = BriefFile::new("brief.md".into(), edited);
            ide::diagnostics(cx, &file)
        })
    });
}

criterion_group!(benches, recheck_brief, go_to_source);
criterion_main!(benches);
