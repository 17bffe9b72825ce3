//! Article body extraction measured on the scrapinghub article-extraction-benchmark (181
//! real pages with hand-made ground truth), kept outside the repository.
//!
//! ```text
//! cargo run --release --example eval_articles -- BENCH/html > BENCH/output/dossier.json
//! (cd BENCH && python3 evaluate.py)
//! ```
//!
//! `BENCH/html` holds the benchmark's pages, decompressed (`gunzip -k BENCH/html/*.gz`).
//! The output maps each page's id to `{"articleBody": ...}`, the format its `evaluate.py`
//! scores. Each page's id, publication date, author and title go to stderr, tab-separated,
//! for checking dates by hand (docs/sources.md), with the throughput at the end.

use std::time::{Duration, Instant};

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: eval_articles DIR_OF_HTML_PAGES > output/dossier.json");
        std::process::exit(2);
    };
    let mut paths: Vec<std::path::PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .collect(),
        Err(err) => {
            eprintln!("{}: {err}", std::path::Path::new(&dir).display());
            std::process::exit(2);
        }
    };
    paths.sort();
    let mut output = serde_json::Map::new();
    let (mut spent, mut bytes_read) = (Duration::ZERO, 0usize);
    for path in &paths {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let id = path
            .file_name()
            .map(|n| n.to_string_lossy().trim_end_matches(".html").to_string())
            .unwrap_or_default();
        bytes_read += bytes.len();
        let started = Instant::now();
        let result = dossier::sources::html::extract(&bytes);
        spent += started.elapsed();
        let (body, date, author, title) = match result {
            Ok(page) => (page.body, page.meta.date, page.meta.author, page.meta.title),
            Err(err) => (String::new(), None, None, Some(format!("({err})"))),
        };
        eprintln!(
            "{id}\t{}\t{}\t{}",
            date.as_deref().unwrap_or("-"),
            author.as_deref().unwrap_or("-"),
            title.as_deref().unwrap_or("-")
        );
        output.insert(id, serde_json::json!({ "articleBody": body }));
    }
    eprintln!(
        "{} pages, {:.1} MB in {:.2} s: {:.1} MB/s",
        paths.len(),
        bytes_read as f64 / 1e6,
        spent.as_secs_f64(),
        bytes_read as f64 / 1e6 / spent.as_secs_f64().max(1e-9)
    );
    println!("{}", serde_json::Value::Object(output));
}
