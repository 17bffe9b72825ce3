//! A warm start does not read unchanged files: their size and modification time vouch for
//! them, and their text is read back (and checked against its hash) only when something
//! needs it.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::tests::dump;
use super::*;
use crate::project::build_index_from;
use crate::workspace::LoadProblem;

/// A corpus folder with copies of the seeds, last modified an hour ago (so their times are
/// trusted), and its file paths in order.
pub(super) fn corpus() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::TempDir::new().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(seeds).unwrap() {
        let from = entry.unwrap().path();
        if from.extension().is_some_and(|e| e == "txt") {
            let to = dir.path().join(from.file_name().unwrap());
            std::fs::copy(&from, &to).unwrap();
            set_age(&to, 3600);
            paths.push(to);
        }
    }
    paths.sort();
    (dir, paths)
}

pub(super) fn set_age(path: &Path, seconds: u64) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(seconds))
        .unwrap();
}

pub(super) fn read(root: &Path, paths: &[PathBuf], known: Option<&Opened>) -> Vec<CorpusFile> {
    let (files, problems) = read_corpus(root, paths, u64::MAX, known, &|_, _| {});
    assert!(problems.is_empty(), "{problems:?}");
    files
}

/// Which files were read (`true`) rather than left on disk.
fn were_read(files: &[CorpusFile]) -> Vec<bool> {
    files
        .iter()
        .map(|f| matches!(f, CorpusFile::Read { .. }))
        .collect()
}

/// The texts and extractions an index holds, comparable across indexes.
fn texts(index: &CorpusIndex) -> Vec<(String, String)> {
    index
        .docs
        .iter()
        .map(|d| (d.rel_path.clone(), d.text().to_string()))
        .collect()
}

/// A cold index of `paths`, saved; the cache file opened again.
pub(super) fn cold_and_saved(
    root: &Path,
    paths: &[PathBuf],
    cache: &Path,
) -> (CorpusIndex, Opened) {
    let (cold, _) = build_index_from(read(root, paths, None), Vec::new(), None);
    save(cache, &cold).unwrap();
    (cold, open(cache).unwrap())
}

pub(super) fn decoded(opened: Opened) -> Stored {
    let merged = opened.decode_merged().unwrap();
    opened.decoded(merged)
}

#[test]
fn unchanged_files_are_not_read_and_the_index_is_the_cold_one() {
    let (dir, paths) = corpus();
    let cache = dir.path().join("cache/index.bin");
    let (cold, opened) = cold_and_saved(dir.path(), &paths, &cache);
    let files = read(dir.path(), &paths, Some(&opened));
    assert_eq!(were_read(&files), vec![false; paths.len()]);
    let (warm, reuse) = build_index_from(files, Vec::new(), Some(decoded(opened)));
    assert!(reuse.merge_reused);
    assert_eq!(reuse.reused, paths.len());
    assert!(warm.docs.iter().all(|d| !d.is_text_loaded()));
    for (w, c) in warm.docs.iter().zip(&cold.docs) {
        assert_eq!(
            (&w.title, &w.front_matter, &w.body),
            (&c.title, &c.front_matter, &c.body)
        );
        assert_eq!(w.line_index, c.line_index);
    }
    assert_eq!(texts(&warm), texts(&cold));
    assert_eq!(dump(&warm), dump(&cold));
}

#[test]
fn a_touched_file_is_read_and_a_changed_one_extracted() {
    let (dir, paths) = corpus();
    let cache = dir.path().join("cache/index.bin");
    let (_, opened) = cold_and_saved(dir.path(), &paths, &cache);
    // Touched: same text, another time. Changed: new text.
    set_age(&paths[0], 7200);
    let changed = "Lagos, May 2 - \"We will not wait,\" said Amina Bello, the mayor.\n";
    std::fs::write(&paths[1], changed).unwrap();
    set_age(&paths[1], 3600);
    let files = read(dir.path(), &paths, Some(&opened));
    let mut expected = vec![false; paths.len()];
    expected[0] = true;
    expected[1] = true;
    assert_eq!(were_read(&files), expected);
    let (warm, reuse) = build_index_from(files, Vec::new(), Some(decoded(opened)));
    assert_eq!((reuse.reused, reuse.extracted), (paths.len() - 1, 1));
    let (cold, _) = build_index_from(read(dir.path(), &paths, None), Vec::new(), None);
    assert_eq!(dump(&warm), dump(&cold));
}

#[test]
fn a_file_written_just_before_it_was_read_is_read_again() {
    let (dir, paths) = corpus();
    set_age(&paths[2], 0);
    let cache = dir.path().join("cache/index.bin");
    let (_, opened) = cold_and_saved(dir.path(), &paths, &cache);
    let files = read(dir.path(), &paths, Some(&opened));
    let mut expected = vec![false; paths.len()];
    expected[2] = true;
    assert_eq!(were_read(&files), expected);
}

#[test]
fn a_deferred_text_changed_or_removed_since_the_start_reads_as_empty() {
    let (dir, paths) = corpus();
    let cache = dir.path().join("cache/index.bin");
    let (_, opened) = cold_and_saved(dir.path(), &paths, &cache);
    let files = read(dir.path(), &paths, Some(&opened));
    let (warm, _) = build_index_from(files, Vec::new(), Some(decoded(opened)));
    let len = warm.docs[0].len();
    std::fs::write(&paths[0], "x".repeat(len)).unwrap();
    std::fs::remove_file(&paths[1]).unwrap();
    for doc in &warm.docs[..2] {
        assert_eq!(doc.text(), "");
        assert_eq!(doc.body_text(), "");
    }
    assert!(!warm.docs[2].text().is_empty());
}

#[test]
fn an_unchanged_file_of_invalid_utf8_is_reported_again() {
    let (dir, paths) = corpus();
    std::fs::write(&paths[0], b"Caf\xe9 owners said \"no\".\n").unwrap();
    set_age(&paths[0], 3600);
    let cache = dir.path().join("cache/index.bin");
    let (_, opened) = cold_and_saved_lossy(dir.path(), &paths, &cache);
    let (files, problems) = read_corpus(dir.path(), &paths, u64::MAX, Some(&opened), &|_, _| {});
    assert_eq!(were_read(&files), vec![false; paths.len()]);
    assert_eq!(problems, vec![LoadProblem::InvalidUtf8(paths[0].clone())]);
}

/// [`cold_and_saved`] for a corpus with a file the loader warns about.
fn cold_and_saved_lossy(root: &Path, paths: &[PathBuf], cache: &Path) -> (CorpusIndex, Opened) {
    let (files, problems) = read_corpus(root, paths, u64::MAX, None, &|_, _| {});
    assert_eq!(problems.len(), 1);
    let (cold, _) = build_index_from(files, Vec::new(), None);
    save(cache, &cold).unwrap();
    (cold, open(cache).unwrap())
}
