//! Tests of extraction, attribution and matching on invented news text.


use super::*;
use crate::analysis::corpus::SourceText;

fn doc(text: &str) -> Document {
    Document::new(SourceText { path: "/w/a.txt".into(), rel_path: "a.txt".into(), text: text.into() }, "a".into())
}

/// Each quote as `inner => speaker` (`-` none, `(title)` not speech).
fn quotes_of(text: &str) -> String {
    let d = doc(text);
    let found = extract_document(&d, &DocActors::default());
    found
        .quotes
        .iter()
        .map(|q| {
            let who = match (&q.speaker_name, q.is_speech) {
                (_, false) => "(not speech)".to_string(),
                (Some(name), true) => name.clone(),
                (None, true) => "-".to_string(),
            };
            format!("{} => {}\n", &text[q.inner.clone()], who)
        })
        .collect()
}

#[test]
fn seeds_dump() {
    for entry in std::fs::read_dir("seeds").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        println!("== {}\n{}", path.display(), quotes_of(&text));
    }
}
