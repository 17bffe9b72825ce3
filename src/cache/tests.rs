//! The cache's promise: an index built with it is the index built without it, whatever
//! changed in between (files, curated actors), and a damaged cache is never used.

use std::path::{Path, PathBuf};

use super::*;
use crate::analysis::actors::ActorKind;
use crate::analysis::SourceText;
use crate::project::{build_index, Reuse};

fn seeds() -> Vec<SourceText> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| SourceText {
            rel_path: format!("seeds/{}", path.file_name().unwrap().to_string_lossy()),
            text: std::fs::read_to_string(&path).unwrap(),
            path,
        })
        .collect()
}

/// Everything an index holds that a feature can see, as bytes: documents, per-document
/// extraction, merged indexes (the automaton is rebuilt, so it is compared by use below).
pub(super) fn dump(index: &CorpusIndex) -> Vec<u8> {
    let docs: Vec<(&str, &str, &str, &str)> = index
        .docs
        .iter()
        .map(|d| {
            (
                d.key.as_str(),
                d.rel_path.as_str(),
                d.title.as_str(),
                d.text(),
            )
        })
        .collect();
    let per_doc: Vec<Arc<DocAnalysis>> = index
        .docs
        .iter()
        .zip(&index.per_doc)
        .map(|(doc, extraction)| extraction.get(doc))
        .collect();
    let per_doc: Vec<&DocAnalysis> = per_doc.iter().map(|a| &**a).collect();
    let merged = (&index.actors, &index.quotes, &index.events);
    postcard::to_allocvec(&(docs, per_doc, merged, &index.curated)).unwrap()
}

fn saved(index: &CorpusIndex) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("ws/index.bin");
    save(&path, index).unwrap();
    (dir, path)
}

fn curated_putin() -> Vec<CuratedActor> {
    vec![CuratedActor {
        name: "Vladimir Putin".into(),
        aliases: vec!["the Kremlin leader".into()],
        kind: Some(ActorKind::Person),
        role: Some("President of Russia".into()),
    }]
}

#[test]
fn warm_index_equals_cold_and_skips_the_merge() {
    let cold = CorpusIndex::build(seeds(), Vec::new());
    let (_dir, path) = saved(&cold);
    let (warm, reuse) = build_index(seeds(), Vec::new(), Some(load(&path).unwrap()));
    assert_eq!(
        reuse,
        Reuse {
            reused: 5,
            extracted: 0,
            merge_reused: true
        }
    );
    assert_eq!(dump(&warm), dump(&cold));
    // The lookups that are not stored work as before.
    for name in ["Putin", "Vladimir Putin", "Netanyahu", "Tehran"] {
        assert_eq!(
            warm.actors.resolve(name),
            cold.actors.resolve(name),
            "{name}"
        );
    }
    assert_eq!(
        warm.actors.complete("Vela", 5),
        cold.actors.complete("Vela", 5)
    );
    let text = "Putin met Netanyahu in Moscow.";
    assert_eq!(
        warm.actors.find_in_text(text),
        cold.actors.find_in_text(text)
    );
    let quote = &cold.quotes.quotes[0];
    let words = &cold.docs[quote.doc as usize].text()[quote.inner.clone()];
    assert_eq!(
        warm.quotes.find(&warm.docs, words),
        cold.quotes.find(&cold.docs, words)
    );
    assert!(crate::analysis::validate::corpus_violations(&warm).is_empty());
}

#[test]
fn one_changed_file_is_extracted_again_and_the_result_equals_a_cold_index() {
    let before = CorpusIndex::build(seeds(), Vec::new());
    let (_dir, path) = saved(&before);
    let mut changed = seeds();
    changed[2]
        .text
        .push_str("\n\nBenjamin Netanyahu met Vladimir Putin in Sochi on Monday.\n");
    let (warm, reuse) = build_index(changed.clone(), Vec::new(), Some(load(&path).unwrap()));
    assert_eq!(
        reuse,
        Reuse {
            reused: 4,
            extracted: 1,
            merge_reused: false
        }
    );
    assert_eq!(dump(&warm), dump(&CorpusIndex::build(changed, Vec::new())));
}

#[test]
fn added_and_removed_files_change_the_document_set_correctly() {
    let before = CorpusIndex::build(seeds(), Vec::new());
    let (_dir, path) = saved(&before);
    let mut sources = seeds();
    sources.remove(0);
    sources.push(SourceText {
        path: "/w/zz/new.txt".into(),
        rel_path: "zz/new.txt".into(),
        text: "Emmanuel Macron visited Beijing on Tuesday, the Élysée said.".into(),
    });
    let (warm, reuse) = build_index(sources.clone(), Vec::new(), Some(load(&path).unwrap()));
    assert_eq!((reuse.reused, reuse.extracted), (4, 1));
    assert!(!reuse.merge_reused);
    assert_eq!(dump(&warm), dump(&CorpusIndex::build(sources, Vec::new())));
}

#[test]
fn curated_actors_changed_reuse_extraction_but_merge_again() {
    let before = CorpusIndex::build(seeds(), Vec::new());
    let (_dir, path) = saved(&before);
    let (warm, reuse) = build_index(seeds(), curated_putin(), Some(load(&path).unwrap()));
    assert_eq!((reuse.reused, reuse.extracted), (5, 0));
    assert!(!reuse.merge_reused);
    assert_eq!(
        dump(&warm),
        dump(&CorpusIndex::build(seeds(), curated_putin()))
    );
    // And the other way round: saved with curated actors, loaded without.
    let (_dir2, path2) = saved(&warm);
    let (back, reuse) = build_index(seeds(), Vec::new(), Some(load(&path2).unwrap()));
    assert!(!reuse.merge_reused);
    assert_eq!(dump(&back), dump(&before));
}

#[test]
fn a_damaged_cache_is_refused_not_used() {
    let index = CorpusIndex::build(seeds(), Vec::new());
    let (_dir, path) = saved(&index);
    let bytes = std::fs::read(&path).unwrap();
    for (what, damaged) in [
        ("truncated", bytes[..bytes.len() / 2].to_vec()),
        ("empty", Vec::new()),
        ("extended", [&bytes[..], b"more"].concat()),
    ] {
        std::fs::write(&path, &damaged).unwrap();
        assert!(load(&path).is_err(), "{what} cache was accepted");
    }
}

#[test]
fn a_damaged_byte_anywhere_is_refused_or_never_used() {
    // A document's extraction is only read when a merge or a save needs it, so a damaged
    // byte there is not refused at load: it must then be caught when read, and the
    // document extracted again. Either way the index equals the cold one.
    let cold = CorpusIndex::build(seeds(), Vec::new());
    let expected = dump(&cold);
    let (_dir, path) = saved(&cold);
    let bytes = std::fs::read(&path).unwrap();
    let mut refused = 0;
    let step = (bytes.len() / 60).max(1);
    for i in (0..bytes.len()).step_by(step) {
        let mut damaged = bytes.clone();
        damaged[i] ^= 0x04;
        std::fs::write(&path, &damaged).unwrap();
        let Ok(stored) = load(&path) else {
            refused += 1;
            continue;
        };
        let (warm, _) = build_index(seeds(), Vec::new(), Some(stored));
        assert!(
            dump(&warm) == expected,
            "byte {i} damaged changed the index"
        );
        // A save copies what is intact and encodes again what is not: the new file is whole.
        save(&path, &warm).unwrap();
        let (again, _) = build_index(seeds(), Vec::new(), Some(load(&path).unwrap()));
        assert!(dump(&again) == expected, "byte {i} damaged survived a save");
    }
    assert!(
        refused > 0 && refused < 60,
        "{refused} of 60 refused at load"
    );
}

#[test]
fn stored_extractions_are_loaded_for_a_merge_and_stay_stored() {
    let cold = CorpusIndex::build(seeds(), Vec::new());
    let (_dir, path) = saved(&cold);
    let (warm, _) = build_index(seeds(), Vec::new(), Some(load(&path).unwrap()));
    assert!(warm
        .per_doc
        .iter()
        .all(|e| matches!(e, DocExtraction::Stored(_))));
    let changed_path = warm.docs[1].path.clone();
    let mut source = seeds().swap_remove(1);
    source
        .text
        .push_str("\n\nAngela Merkel met Emmanuel Macron in Paris on Friday.\n");
    let next = warm.with_source(&changed_path, Some(source));
    let stored = next
        .per_doc
        .iter()
        .filter(|e| matches!(e, DocExtraction::Stored(_)))
        .count();
    assert_eq!(stored, 4, "the unchanged documents stay in the cache file");
    assert!(next.actors.resolve("Emmanuel Macron").is_some());
}

#[test]
fn reports_say_what_was_reused() {
    let report = CacheReport {
        status: CacheStatus::Loaded,
        path: Some("/c/index.bin".into()),
        n_files: 5,
        reused: 4,
        extracted: 1,
        merge_reused: false,
    };
    assert_eq!(
        report.to_string(),
        "cache: 4 of 5 files reused, 1 extracted; merged again"
    );
    assert!(report.needs_save());
    let unchanged = CacheReport {
        reused: 5,
        extracted: 0,
        merge_reused: true,
        ..report.clone()
    };
    assert!(!unchanged.needs_save());
    let refused = CacheReport {
        status: CacheStatus::NotUsed("corrupt: checksum mismatch; rebuilt".into()),
        reused: 0,
        extracted: 5,
        ..report
    };
    assert_eq!(
        refused.to_string(),
        "cache: not used (corrupt: checksum mismatch; rebuilt); 5 files extracted"
    );
}

#[test]
fn the_saver_writes_the_newest_index_in_the_background() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("ws/index.bin");
    let saver = Arc::new(Saver::default());
    let older = Arc::new(CorpusIndex::build(seeds()[..2].to_vec(), Vec::new()));
    let newer = Arc::new(CorpusIndex::build(seeds(), Vec::new()));
    saver.save(path.clone(), older);
    saver.save(path.clone(), newer.clone());
    saver.wait_idle();
    let (warm, reuse) = build_index(seeds(), Vec::new(), Some(load(&path).unwrap()));
    assert!(reuse.merge_reused);
    assert_eq!(dump(&warm), dump(&newer));
}

#[test]
fn a_batch_of_changes_is_one_merge_equal_to_a_fresh_index() {
    let mut all = seeds();
    let start: Vec<SourceText> = all.drain(..3).collect();
    let before = CorpusIndex::build(start.clone(), Vec::new());
    let mut edited = start[1].clone();
    edited
        .text
        .push_str("\n\nAngela Merkel met Emmanuel Macron in Paris on Friday.\n");
    let mut twice = edited.clone();
    twice
        .text
        .push_str("\"We will meet again,\" Macron said.\n");
    // Two new files, one edited twice in the batch (the last change wins), one removed.
    let mut changes: Vec<(PathBuf, Option<SourceText>)> = all
        .iter()
        .map(|s| (s.path.clone(), Some(s.clone())))
        .collect();
    changes.push((edited.path.clone(), Some(edited)));
    changes.push((twice.path.clone(), Some(twice.clone())));
    changes.push((start[0].path.clone(), None));
    let after = before.with_sources(changes);

    let mut expected_sources = vec![twice, start[2].clone()];
    expected_sources.extend(all);
    expected_sources.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    let fresh = CorpusIndex::build(expected_sources, Vec::new());
    assert_eq!(after.docs.len(), 4);
    assert!(dump(&after) == dump(&fresh));
    assert!(after.actors.resolve("Emmanuel Macron").is_some());
}
