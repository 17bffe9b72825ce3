//! The corpus-wide merge alone, phase by phase, over a corpus folder: each phase runs on
//! its own (not side by side) so that its wall and CPU time are its own.
//!
//! ```text
//! cargo run --release --example merge_corpus -- /tmp/corpus100 [/tmp/extractions100.bin]
//! ```
//!
//! With a second argument the documents' extractions are written there on the first run
//! and read back on later runs (the merge changes, extraction does not), which skips most
//! of the run's time.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use dossier::analysis::actors::{ActorIndex, DocActors};
use dossier::analysis::events::{DocEvents, EventIndex};
use dossier::analysis::quotes::{DocQuotes, QuoteIndex};
use dossier::analysis::{CorpusIndex, DocAnalysis, SourceText};
use dossier::config::Config;
use dossier::workspace::discover_corpus;

/// CPU time of the whole process (all threads), in seconds, from /proc.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    (ticks(11) + ticks(12)) / 100.0
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let (wall, cpu) = (Instant::now(), cpu_seconds());
    let out = f();
    eprintln!(
        "{what}: {:.0} ms wall, {:.0} ms CPU",
        wall.elapsed().as_secs_f64() * 1e3,
        (cpu_seconds() - cpu) * 1e3
    );
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: merge_corpus FOLDER [EXTRACTIONS_FILE]");
        std::process::exit(2);
    };
    let root = Path::new(dir);
    // The corpus `dossier index` would find there (every `*.txt`, in path order).
    let (paths, _) = discover_corpus(root, &Config::default());
    let sources: Vec<SourceText> = paths
        .into_par_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let rel_path = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            SourceText {
                path,
                rel_path,
                text,
            }
        })
        .collect();
    let docs = CorpusIndex::documents(sources);
    let stored = args.get(2).and_then(|file| std::fs::read(file).ok());
    let per_doc: Vec<DocAnalysis> = match stored {
        Some(bytes) => timed("read extractions", || {
            postcard::from_bytes(&bytes).expect("extractions of another build: delete the file")
        }),
        None => {
            let per_doc: Vec<DocAnalysis> = timed("extract", || {
                docs.par_iter().map(|d| DocAnalysis::extract(d)).collect()
            });
            if let Some(file) = args.get(2) {
                let bytes = postcard::to_stdvec(&per_doc).expect("serializable");
                std::fs::write(file, bytes).expect("writable");
            }
            per_doc
        }
    };
    let started = Instant::now();
    let doc_actors: Vec<&DocActors> = per_doc.iter().map(|a| &a.actors).collect();
    let actors = timed("actors", || ActorIndex::build(&docs, &doc_actors, &[]));
    let doc_quotes: Vec<&DocQuotes> = per_doc.iter().map(|a| &a.quotes).collect();
    let quotes = timed("quotes", || QuoteIndex::build(&docs, &doc_quotes, &actors));
    let doc_events: Vec<&DocEvents> = per_doc.iter().map(|a| &a.events).collect();
    let events = timed("events", || EventIndex::build(&docs, &doc_events, &actors));
    eprintln!(
        "{} documents: {} actors, {} quotes, {} events; merged in {:.0} ms",
        docs.len(),
        actors.actors.len(),
        quotes.quotes.len(),
        events.events.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    let _keep: Vec<Arc<_>> = docs;
}
