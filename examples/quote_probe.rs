//! Prints what dossier reads in text files: every quote, whether it is speech, and its
//! speaker, then the actors with their kinds (tentative ones marked `?`). For trying a
//! rule on sentences written by hand before measuring it.
//!
//! ```text
//! cargo run --release --example quote_probe -- FILE.txt [FILE.txt ...]
//! ```

use std::path::PathBuf;

use dossier::analysis::{DocAnalysis, Document, SourceText};

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: quote_probe FILE.txt [FILE.txt ...]");
        std::process::exit(2);
    }
    for path in paths {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                eprintln!("{path}: {err}");
                continue;
            }
        };
        let doc = Document::new(
            SourceText {
                path: PathBuf::from(&path),
                rel_path: path.clone(),
                text,
            },
            "probe".into(),
        );
        let found = DocAnalysis::extract(&doc);
        println!("== {path}");
        for quote in &found.quotes.quotes {
            let speaker = match quote.speaker {
                Some(local) => found
                    .actors
                    .actors
                    .get(local as usize)
                    .map(|a| a.name.as_str()),
                None => quote.speaker_name.as_deref(),
            };
            println!(
                "{:<6} {:<24} {:?}",
                if quote.is_speech { "speech" } else { "words" },
                speaker.unwrap_or("-"),
                &doc.text()[quote.inner.clone()],
            );
        }
        if std::env::var_os("PROBE_MENTIONS").is_some() {
            for m in &found.actors.mentions {
                let name = found
                    .actors
                    .actors
                    .get(m.actor as usize)
                    .map(|a| a.name.as_str());
                println!(
                    "mention {:?} -> {}",
                    &doc.text()[m.span.clone()],
                    name.unwrap_or("?")
                );
            }
        }
        for (i, actor) in found.actors.actors.iter().enumerate() {
            let tentative = found.actors.tentative.binary_search(&(i as u32)).is_ok();
            println!(
                "actor  {:?}{} {}",
                actor.kind,
                if tentative { "?" } else { "" },
                actor.name
            );
        }
    }
}
