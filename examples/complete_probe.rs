//! Where completion and hover time goes, in process: loads a corpus's index (through the
//! index cache, like `dossier index`) and times `ide::completion` for every one- and
//! two-letter name prefix, a sample of longer ones, `[@` with key prefixes, and hover on a
//! few actors; prints the slowest prefixes and the percentiles.
//!
//! ```text
//! DOSSIER_CACHE_DIR=/tmp/dcache cargo run --release --example complete_probe -- /tmp/corpus100
//! ```

use std::path::Path;
use std::time::{Duration, Instant};

use dossier::analysis::ide::{self, BriefFile, CheckSettings, Context};
use dossier::config::Config;
use dossier::project::index_corpus_cached;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: complete_probe FOLDER");
        std::process::exit(2);
    };
    let root = Path::new(dir).canonicalize().expect("an existing folder");
    let started = Instant::now();
    let (corpus, _, report) = index_corpus_cached(&root, &Config::default(), &|_| {});
    eprintln!(
        "indexed {} documents, {} actors in {:.1} s ({})",
        corpus.docs.len(),
        corpus.actors.actors.len(),
        started.elapsed().as_secs_f64(),
        report
    );
    if report.needs_save() {
        if let Some(path) = &report.path {
            let _ = dossier::cache::save(path, &corpus);
        }
    }
    let settings = CheckSettings::default();
    let cx = Context::ready(&corpus, &settings);

    let letters: Vec<char> = ('a'..='z').collect();
    let mut prefixes: Vec<String> = Vec::new();
    for &a in &letters {
        prefixes.push(a.to_uppercase().collect());
        for &b in &letters {
            prefixes.push(format!("{}{b}", a.to_uppercase()));
        }
    }
    // Longer prefixes: the first letters of the most salient actors' names.
    for actor in corpus.actors.actors.iter().take(300) {
        for n in [3, 4, 6] {
            let p: String = actor.name.chars().take(n).collect();
            prefixes.push(p);
        }
    }
    prefixes.push("Vela".into());
    prefixes.push(String::new());
    let timed = |label: &str, texts: &[String], make: &dyn Fn(&str) -> String| {
        let mut samples: Vec<(Duration, String, usize)> = Vec::new();
        for typed in texts {
            let text = make(typed);
            let file = BriefFile::new("brief.md".into(), text.clone());
            let mut best = Duration::MAX;
            let mut n = 0;
            for _ in 0..3 {
                let t = Instant::now();
                let items = ide::completion(cx, &file, text.len());
                best = best.min(t.elapsed());
                n = items.len();
            }
            samples.push((best, typed.clone(), n));
        }
        report_samples(label, &mut samples);
    };
    timed("name completion", &prefixes, &|p| {
        format!("# Brief\n\nRound 1: {p}")
    });
    // The slowest name prefixes, split into the actor and the event halves of the chain.
    for typed in ["And", "Ha", "Za", "Go", "Al", "Vela", "Ad"] {
        let text = format!("# Brief\n\nRound 1: {typed}");
        let file = BriefFile::new("brief.md".into(), text.clone());
        let best_of = |f: &dyn Fn() -> usize| {
            (0..5)
                .map(|_| {
                    let t = Instant::now();
                    let n = f();
                    (t.elapsed(), n)
                })
                .min()
                .unwrap_or_default()
        };
        let (actors, n_actors) = best_of(&|| ide::actors::completion(cx, &file, text.len()).len());
        let (events, n_events) = best_of(&|| ide::events::completion(cx, &file, text.len()).len());
        println!(
            "  {typed:?}: actors {:.3} ms ({n_actors}), events {:.3} ms ({n_events})",
            ms(actors),
            ms(events)
        );
    }
    let mut key_prefixes: Vec<String> = vec![String::new()];
    for doc in corpus
        .docs
        .iter()
        .step_by(corpus.docs.len().div_ceil(200).max(1))
    {
        for n in [1, 2, 4, 8] {
            key_prefixes.push(doc.key.chars().take(n).collect());
        }
    }
    key_prefixes.extend(["x", "zz", "qq", "reuters", "2024"].map(String::from));
    timed("[@ completion", &key_prefixes, &|p| {
        format!("# Brief\n\nRound 1: Vela [@{p}")
    });

    let mut hovers: Vec<(Duration, String, usize)> = Vec::new();
    for actor in corpus.actors.actors.iter().take(200) {
        let text = format!("# Brief\n\n{} met his counterparts.\n", actor.name);
        let file = BriefFile::new("brief.md".into(), text);
        let mut best = Duration::MAX;
        let mut n = 0;
        for _ in 0..3 {
            let t = Instant::now();
            let h = ide::hover(cx, &file, 10);
            best = best.min(t.elapsed());
            n = h.map_or(0, |h| h.markdown.len());
        }
        hovers.push((best, actor.name.clone(), n));
    }
    report_samples("hover on an actor", &mut hovers);
}

fn report_samples(label: &str, samples: &mut [(Duration, String, usize)]) {
    samples.sort_by_key(|s| std::cmp::Reverse(s.0));
    let pct = |p: f64| {
        let i = ((samples.len() as f64) * (1.0 - p / 100.0)) as usize;
        samples[i.min(samples.len() - 1)].0
    };
    println!(
        "\n{label}: n {} p50 {:.3} ms p90 {:.3} ms p99 {:.3} ms max {:.3} ms",
        samples.len(),
        ms(pct(50.0)),
        ms(pct(90.0)),
        ms(pct(99.0)),
        ms(samples[0].0)
    );
    for (took, typed, n) in samples.iter().take(12) {
        println!("  {:>8.3} ms  {typed:?} ({n})", ms(*took));
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
