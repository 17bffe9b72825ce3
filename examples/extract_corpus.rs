//! Per-document extraction alone, on one thread, over a corpus folder: a fixed amount of
//! work for `perf stat` (instructions do not vary with the machine's load the way time
//! does) and `perf record`, without the corpus-wide merge.
//!
//! ```text
//! cargo run --release --example extract_corpus -- /tmp/corpus20
//! perf stat -e instructions:u target/release/examples/extract_corpus /tmp/corpus20
//! ```

use std::path::Path;
use std::time::Instant;

use dossier::analysis::{DocAnalysis, Document, SourceText};
use dossier::config::Config;
use dossier::workspace::discover_corpus;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: extract_corpus FOLDER");
        std::process::exit(2);
    };
    // The corpus `dossier index` would find there (every `*.txt`, in path order).
    let (paths, _) = discover_corpus(Path::new(&dir), &Config::default());
    let docs: Vec<Document> = paths
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
                "doc".into(),
            )
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let started = Instant::now();
    let mut n_items = 0;
    for doc in &docs {
        let found = DocAnalysis::extract(doc);
        n_items += found.actors.mentions.len() + found.quotes.quotes.len();
        n_items += found.events.mentions.len();
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} documents, {:.1} MB, {n_items} items: {:.0} ms, {:.1} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        secs * 1e3,
        bytes as f64 / 1e6 / secs
    );
}
