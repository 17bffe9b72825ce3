//! Extraction and index tests on invented news sentences (the seed corpus is scored
//! separately, in tests/actors_quality.rs).


use super::*;
use crate::analysis::corpus::{Document, SourceText};

fn doc(text: &str) -> Document {
    Document::new(
        SourceText { path: "/w/a.txt".into(), rel_path: "a.txt".into(), text: text.to_string() },
        "a".into(),
    )
}

/// One line per actor: kind, name, aliases, roles, and the mentions as written.
fn describe(text: &str) -> String {
    let d = doc(text);
    let found = extract_document(&d);
    let mut out = String::new();
    for (idx, actor) in found.actors.iter().enumerate() {
        let mentions: Vec<&str> = found
            .mentions
            .iter()
            .filter(|m| m.actor as usize == idx)
            .map(|m| &d.text[m.span.clone()])
            .collect();
        let tentative = if found.tentative.contains(&(idx as u32)) { " (tentative)" } else { "" };
        out.push_str(&format!(
            "{} {}{tentative} aliases={:?} roles={:?} mentions={:?}\n",
            actor.kind.as_str(),
            actor.name,
            actor.aliases,
            actor.roles,
            mentions
        ));
    }
    out
}

#[test]
fn dump_seeds() {
    for entry in std::fs::read_dir("seeds").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        println!("== {}\n{}", path.display(), describe(&text));
    }
}
