//! The warm start's two steps: the index assembled from the cache's table alone is the
//! index the files give while none changed, and the check finds exactly what changed.

use std::path::{Path, PathBuf};

use super::super::tests::dump;
use super::super::unchanged_tests::{cold_and_saved, corpus, read, set_age};
use super::super::{open, read_corpus};
use super::*;
use crate::project::build_index_from;
use crate::workspace::LoadProblem;

fn rel(root: &Path, path: &Path) -> String {
    crate::workspace::rel_path(root, path)
}

/// The index assembled from the cache at `cache`, as the server publishes it first.
fn from_table(root: &Path, cache: &Path) -> CorpusIndex {
    let opened = open(cache).unwrap();
    opened.cached_index(root, Vec::new()).unwrap()
}

#[test]
fn with_nothing_changed_the_index_from_the_table_is_the_cold_one_and_no_file_is_read() {
    let (dir, paths) = corpus();
    let cache = dir.path().join("cache/index.bin");
    let (cold, opened) = cold_and_saved(dir.path(), &paths, &cache);
    let cached = from_table(dir.path(), &cache);
    assert!(cached.docs.iter().all(|d| !d.is_text_loaded()));
    for (c, d) in cached.docs.iter().zip(&cold.docs) {
        assert_eq!((&c.path, &c.key, c.stamp), (&d.path, &d.key, d.stamp));
        assert_eq!(c.line_index, d.line_index);
    }
    assert_eq!(dump(&cached), dump(&cold));

    let files = read(dir.path(), &paths, Some(&opened));
    assert!(files
        .iter()
        .all(|f| matches!(f, CorpusFile::Unchanged { .. })));
    let found = changes(&opened, &files);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(found.to_string(), "no corpus file changed");
}

#[test]
fn a_touched_file_with_the_same_text_is_no_change() {
    let (dir, paths) = corpus();
    let cache = dir.path().join("cache/index.bin");
    let (_, opened) = cold_and_saved(dir.path(), &paths, &cache);
    set_age(&paths[0], 7200);
    let files = read(dir.path(), &paths, Some(&opened));
    assert!(matches!(files[0], CorpusFile::Read { .. }));
    assert!(changes(&opened, &files).is_empty());
}

#[test]
fn changed_new_and_removed_files_are_found_and_the_index_built_again_is_the_cold_one() {
    let (dir, mut paths) = corpus();
    let cache = dir.path().join("cache/index.bin");
    let (_, opened) = cold_and_saved(dir.path(), &paths, &cache);
    // Changed: same length, another text, and a time that still looks old.
    let original = std::fs::read_to_string(&paths[1]).unwrap();
    std::fs::write(&paths[1], original.replacen('a', "e", 1)).unwrap();
    set_age(&paths[1], 3600);
    std::fs::remove_file(&paths[2]).unwrap();
    let removed = paths.remove(2);
    let added = dir.path().join("000_new.txt");
    std::fs::write(
        &added,
        "Amina Bello said \"we will rebuild the bridge\" in Lagos.\n",
    )
    .unwrap();
    paths.insert(0, added.clone());

    let files = read(dir.path(), &paths, Some(&opened));
    let found = changes(&opened, &files);
    let root = dir.path();
    assert_eq!(
        found,
        Changes {
            changed: vec![rel(root, &paths[2])],
            added: vec![rel(root, &added)],
            removed: vec![rel(root, &removed)],
            reordered: false,
        }
    );
    assert_eq!(found.to_string(), "1 changed, 1 new, 1 removed");

    let (rebuilt, reuse) = build_index_from(files, Vec::new(), Some(opened.into_stored()));
    assert_eq!((reuse.reused, reuse.extracted), (paths.len() - 2, 2));
    assert!(!reuse.merge_reused);
    let (cold, _) = build_index_from(read(root, &paths, None), Vec::new(), None);
    assert_eq!(dump(&rebuilt), dump(&cold));
}

#[test]
fn an_unreadable_file_is_a_removal_and_its_problem_is_reported() {
    let (dir, paths) = corpus();
    let cache = dir.path().join("cache/index.bin");
    let (_, opened) = cold_and_saved(dir.path(), &paths, &cache);
    // A folder where the file was: not readable as text, even by root.
    std::fs::remove_file(&paths[0]).unwrap();
    std::fs::create_dir(&paths[0]).unwrap();
    let (files, problems) = read_corpus(dir.path(), &paths, u64::MAX, Some(&opened), &|_, _| {});
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        matches!(&problems[0], LoadProblem::Unreadable { path, .. } if *path == paths[0]),
        "{problems:?}"
    );
    let found = changes(&opened, &files);
    assert_eq!(found.removed, vec![rel(dir.path(), &paths[0])]);
    assert!(found.changed.is_empty() && found.added.is_empty());
}

#[test]
fn the_same_files_in_another_order_are_a_change() {
    let (dir, paths) = corpus();
    let cache = dir.path().join("cache/index.bin");
    let (_, opened) = cold_and_saved(dir.path(), &paths, &cache);
    let reversed: Vec<PathBuf> = paths.iter().rev().cloned().collect();
    let found = changes(&opened, &read(dir.path(), &reversed, Some(&opened)));
    assert!(found.reordered && !found.is_empty(), "{found:?}");
}

#[test]
fn the_merged_indexes_belong_to_the_curated_actors_they_were_built_with() {
    let (dir, paths) = corpus();
    let cache = dir.path().join("cache/index.bin");
    let (_, opened) = cold_and_saved(dir.path(), &paths, &cache);
    assert!(opened.curated_matches(&[]));
    let curated = CuratedActor {
        name: "Amina Bello".into(),
        aliases: vec!["Bello".into()],
        kind: None,
        role: None,
    };
    assert!(!opened.curated_matches(&[curated]));
    assert_eq!(opened.n_files(), paths.len());
}
