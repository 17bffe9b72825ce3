use std::path::{Path, PathBuf};

use super::*;
use crate::config::Config;

fn workspace(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().unwrap();
    for (path, content) in files {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, content).unwrap();
    }
    dir
}

fn names(root: &Path, paths: &[PathBuf]) -> Vec<String> {
    paths.iter().map(|p| rel_path(root, p)).collect()
}

#[test]
fn walk_errors_are_reported_not_dropped() {
    // A .gitignore the walk cannot parse: its other rules still apply, and it is named.
    let ws = workspace(&[
        ("a.txt", b"A"),
        ("sub/b.txt", b"B"),
        ("sub/.gitignore", b"skip.txt\na{b\n"),
        ("sub/skip.txt", b"S"),
    ]);
    let (files, problems) = discover_corpus(ws.path(), &Config::default());
    assert_eq!(names(ws.path(), &files), ["a.txt", "sub/b.txt"]);
    let [LoadProblem::Walk { path, reason }] = problems.as_slice() else {
        panic!("one walk problem expected: {problems:?}");
    };
    assert_eq!(path, &ws.path().join("sub/.gitignore"));
    assert!(reason.contains("line 2"), "{reason}");
    assert!(!problems[0].is_warning_only());
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_listed_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let ws = workspace(&[("a.txt", b"A"), ("locked/b.txt", b"B")]);
    let locked = ws.path().join("locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let listable = std::fs::read_dir(&locked).is_ok();
    let (files, problems) = discover_corpus(ws.path(), &Config::default());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    if listable {
        // Running as root: permissions do not stop the walk, and nothing is missing.
        assert_eq!(names(ws.path(), &files), ["a.txt", "locked/b.txt"]);
        assert!(problems.is_empty(), "{problems:?}");
    } else {
        assert_eq!(names(ws.path(), &files), ["a.txt"]);
        assert!(
            matches!(problems.as_slice(), [LoadProblem::Walk { path, .. }] if path == &locked),
            "{problems:?}"
        );
    }
}

#[test]
fn default_corpus_is_every_txt_honouring_gitignore() {
    let ws = workspace(&[
        ("a.txt", b"A"),
        ("sub/b.txt", b"B"),
        ("ignored/c.txt", b"C"),
        (".hidden/d.txt", b"D"),
        ("target/e.txt", b"E"),
        ("node_modules/f.txt", b"F"),
        ("brief.md", b"# B"),
        (".gitignore", b"ignored/\n"),
    ]);
    let (files, problems) = discover_corpus(ws.path(), &Config::default());
    assert!(problems.is_empty());
    assert_eq!(names(ws.path(), &files), vec!["a.txt", "sub/b.txt"]);
    let briefs = discover_briefs(ws.path(), &Config::default(), &files);
    assert_eq!(names(ws.path(), &briefs), vec!["brief.md"]);
}

#[test]
fn folders_globs_files_and_excludes() {
    let ws = workspace(&[
        ("sources/x.txt", b"X"),
        ("sources/drafts/y.txt", b"Y"),
        ("seeds/s.txt", b"S"),
        ("one.md", b"O"),
    ]);
    let config = Config {
        corpus: vec![
            "sources".into(),
            "seeds/*.txt".into(),
            "one.md".into(),
            "missing".into(),
        ],
        exclude: vec!["sources/drafts".into()],
        ..Config::default()
    };
    let (files, problems) = discover_corpus(ws.path(), &config);
    assert_eq!(
        names(ws.path(), &files),
        vec!["one.md", "seeds/s.txt", "sources/x.txt"]
    );
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .to_string()
            .starts_with("corpus entry `missing` matches no file"),
        "{}",
        problems[0]
    );
    assert!(is_corpus_path(
        ws.path(),
        &config,
        &ws.path().join("seeds/new.txt")
    ));
    assert!(!is_corpus_path(
        ws.path(),
        &config,
        &ws.path().join("sources/drafts/z.txt")
    ));
}

#[test]
fn bad_files_are_reported_and_nothing_else_is_lost() {
    let ws = workspace(&[
        ("ok.txt", b"fine"),
        ("latin1.txt", b"caf\xe9 au lait"),
        ("bin.txt", b"\x00\x01\x02"),
        ("big.txt", &[b'x'; 100]),
    ]);
    let (files, _) = discover_corpus(ws.path(), &Config::default());
    let (sources, problems) = load_sources(ws.path(), &files, 50, &|_, _| {});
    let loaded: Vec<&str> = sources.iter().map(|s| s.rel_path.as_str()).collect();
    assert_eq!(loaded, vec!["latin1.txt", "ok.txt"]);
    assert_eq!(sources[0].text, "caf\u{fffd} au lait");
    let messages: Vec<String> = problems
        .iter()
        .map(|p| relative_message(ws.path(), p))
        .collect();
    expect_test::expect![[r#"
        [
            "big.txt: 100 bytes is over the 50-byte limit; skipped (raise max_file_bytes to index it)",
            "bin.txt: looks binary; skipped (exclude it or convert it to text)",
            "latin1.txt: not valid UTF-8; invalid bytes were replaced (save the file as UTF-8 to fix)",
        ]
    "#]]
    .assert_debug_eq(&messages);
}

#[test]
fn discovery_stops_at_the_file_limit_with_a_clear_report() {
    let files: Vec<(String, &[u8])> = (0..20).map(|i| (format!("d/{i}.txt"), &b"x"[..])).collect();
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(p, c)| (p.as_str(), *c)).collect();
    let ws = workspace(&refs);
    let config = Config {
        max_files: 5,
        ..Config::default()
    };
    let (found, problems) = discover_corpus(ws.path(), &config);
    assert_eq!(found.len(), 5);
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .to_string()
            .contains("holds more than 5 files; indexing stopped there"),
        "{}",
        problems[0]
    );
}

#[test]
fn symlink_loops_do_not_hang_discovery() {
    let ws = workspace(&[("a/x.txt", b"X")]);
    #[cfg(unix)]
    std::os::unix::fs::symlink(ws.path(), ws.path().join("a/loop")).unwrap();
    let (found, _) = discover_corpus(ws.path(), &Config::default());
    assert_eq!(names(ws.path(), &found), vec!["a/x.txt"]);
}

#[test]
fn corpus_files_come_in_the_order_of_their_relative_paths() {
    // `Path` order compares components ("a" < "a-b"); the index orders by the string.
    let ws = workspace(&[("a/b.txt", b"x"), ("a-b/x.txt", b"y"), ("a.txt", b"z")]);
    let (found, _) = discover_corpus(ws.path(), &Config::default());
    assert_eq!(
        names(ws.path(), &found),
        vec!["a-b/x.txt", "a.txt", "a/b.txt"]
    );
}

#[test]
fn a_vanished_file_is_unreadable_not_fatal() {
    let ws = workspace(&[]);
    let (source, problem) = load_source(ws.path(), &ws.path().join("gone.txt"), 100);
    assert!(source.is_none());
    assert!(matches!(problem, Some(LoadProblem::Unreadable { .. })));
}

#[test]
fn an_outside_corpus_is_read_only_when_the_user_names_it_and_odd_entries_are_problems() {
    let ws = workspace(&[
        ("w/seeds/a.txt", b"A"),
        ("far/b.txt", b"B"),
        ("far/sub/c.txt", b"C"),
    ]);
    let root = ws.path().join("w");
    let corpus: Vec<String> = [
        "seeds",
        "../far/*.txt",
        "../far/**/*.txt",
        "../missing/*.txt",
        "../far/*/../b.txt",
        "/dev/null",
    ]
    .map(String::from)
    .to_vec();
    let file_names = |found: &[PathBuf]| -> Vec<String> {
        let mut names: Vec<String> = found
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    // From dossier.toml: every entry leading out is refused, whatever it would match.
    let config = Config {
        corpus: corpus.clone(),
        ..Config::default()
    };
    let (found, problems) = discover_corpus(&root, &config);
    assert_eq!(file_names(&found), ["a.txt"]);
    assert_eq!(problems.len(), 5, "{problems:?}");
    assert!(problems
        .iter()
        .all(|p| matches!(p, LoadProblem::OutsideWorkspace { .. })));
    // From the user's own settings: read and reported; the same file through two globs
    // once; a folder that does not exist, `..` after a wildcard and a device are
    // problems of their own.
    let config = Config {
        corpus,
        corpus_named_by_user: Some("--corpus".into()),
        ..Config::default()
    };
    let (found, problems) = discover_corpus(&root, &config);
    assert_eq!(file_names(&found), ["a.txt", "b.txt", "c.txt"]);
    let kinds: Vec<String> = problems
        .iter()
        .map(|p| match p {
            LoadProblem::OutsideWorkspaceNamedByUser { entry, .. } => format!("named {entry}"),
            LoadProblem::NoSuchCorpusEntry { entry, .. } => format!("no such {entry}"),
            LoadProblem::BadGlob { pattern, reason } => format!("bad {pattern}: {reason}"),
            LoadProblem::Unreadable { path, reason } => {
                format!("unreadable {}: {reason}", path.display())
            }
            other => format!("{other}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "named ../far/*.txt",
            "named ../far/**/*.txt",
            "no such ../missing/*.txt",
            "bad ../far/*/../b.txt: `..` after a wildcard",
            "unreadable /dev/null: not a regular file (a pipe or a device)",
        ]
    );
}

fn relative_message(root: &Path, problem: &LoadProblem) -> String {
    problem
        .to_string()
        .replace(&format!("{}/", root.display()), "")
}
