//! Unit tests of event extraction and clustering on invented news sentences.

use super::*;
use crate::analysis::corpus::SourceText;
use crate::analysis::CorpusIndex;

fn seeds_index() -> CorpusIndex {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut sources = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        let text = std::fs::read_to_string(&path).unwrap();
        let rel_path = format!("seeds/{}", path.file_name().unwrap().to_string_lossy());
        sources.push(SourceText { path, rel_path, text });
    }
    CorpusIndex::build(sources, Vec::new())
}

#[test]
#[ignore]
fn dump_seed_mentions() {
    let corpus = seeds_index();
    for (d, analysis) in corpus.per_doc.iter().enumerate() {
        let doc = corpus.doc(d as u32);
        println!("=== {}", doc.key);
        for m in &analysis.events.mentions {
            let names: Vec<&str> = m
                .participants
                .iter()
                .map(|&p| analysis.actors.actors[p as usize].name.as_str())
                .collect();
            println!(
                "{:?} {:?} | {:?} | place={:?} date={:?} people={:?} anchored={}",
                m.kind,
                &doc.text[m.span.clone()],
                &doc.text[m.trigger.clone()],
                m.place.as_ref().map(|p| &p.name),
                m.date.as_ref().map(|d| d.display()),
                names,
                m.anchored
            );
        }
    }
    for e in &corpus.events.events {
        let names: Vec<&str> = e
            .participants
            .iter()
            .map(|&p| corpus.actors.actor(p).name.as_str())
            .collect();
        println!("EVENT {} | {:?} | {:?} | {:?}", e.label, e.date, e.place, names);
        for m in &e.mentions {
            println!("    {} {:?}", corpus.doc(m.doc).key, &corpus.doc(m.doc).text[m.span.clone()]);
        }
    }
}
