//! The persistent index cache over the real binary: a warm run prints what a cold run
//! prints, changed files are extracted again, a damaged cache is refused and rebuilt, the
//! off switches write nothing, and an unwritable cache folder costs only a warning.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{json, Value};
use support::{binary, cache_dir, file_uri, workspace, Client};

/// Runs the binary in `root` with its caches in `cache`.
/// A brief with nothing to report, so that `check` has something to check (it refuses a
/// workspace without briefs) and exits 0.
const CLEAN_BRIEF: &[u8] = b"Fine [@001_227275e6a66a84db].\n";

fn run_with_cache(root: &Path, cache: &Path, args: &[&str]) -> Output {
    Command::new(binary())
        .args(args)
        .current_dir(root)
        .env("DOSSIER_CACHE_DIR", cache)
        .output()
        .expect("run dossier")
}

fn run(root: &Path, args: &[&str]) -> Output {
    run_with_cache(root, &cache_dir(root), args)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `dossier index --json`, checked for success; (stdout, stderr).
fn index_json(root: &Path, extra: &[&str]) -> (String, String) {
    let mut args = vec!["index", "--json"];
    args.extend_from_slice(extra);
    let output = run(root, &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr(&output),
    )
}

/// The cache files under a cache folder.
fn cache_files(cache: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(cache) else {
        return found;
    };
    for entry in entries.flatten() {
        if let Ok(inner) = std::fs::read_dir(entry.path()) {
            found.extend(inner.flatten().map(|e| e.path()));
        }
    }
    found
}

fn the_cache_file(root: &Path) -> PathBuf {
    let files = cache_files(&cache_dir(root));
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

#[test]
fn a_warm_run_prints_what_a_cold_run_prints_and_says_it_reused_everything() {
    let ws = workspace(&[("brief.md", CLEAN_BRIEF)]);
    let (cold, cold_err) = index_json(ws.path(), &[]);
    assert!(
        cold_err.contains("cache: not used (no cache yet); 5 files extracted"),
        "{cold_err}"
    );
    assert!(the_cache_file(ws.path()).ends_with("index.bin"));
    let (warm, warm_err) = index_json(ws.path(), &[]);
    assert!(
        warm_err.contains("cache: 5 of 5 files reused, 0 extracted; merged indexes reused"),
        "{warm_err}"
    );
    assert_eq!(warm, cold);
    let index: Value = serde_json::from_str(&warm).unwrap();
    assert_eq!(index["documents"].as_array().map(Vec::len), Some(5));
    assert!(index["actors"].as_array().is_some_and(|a| !a.is_empty()));

    // The human summary and `check` use the same cache.
    let summary = run(ws.path(), &["index"]);
    assert!(
        stderr(&summary).contains("5 of 5 files reused"),
        "{}",
        stderr(&summary)
    );
    let check = run(ws.path(), &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn a_changed_file_alone_is_extracted_again_and_the_result_equals_a_cold_run() {
    let ws = workspace(&[]);
    index_json(ws.path(), &[]);
    let changed = ws.path().join("seeds/003_423e3940cca06aad.txt");
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\n\nBenjamin Netanyahu met Vladimir Putin in Sochi, the Kremlin said.\n");
    std::fs::write(&changed, text).unwrap();
    std::fs::write(
        ws.path().join("seeds/new_article.txt"),
        "Emmanuel Macron said \"we will not give up on the deal\" in Paris on Tuesday.\n",
    )
    .unwrap();

    let (warm, warm_err) = index_json(ws.path(), &[]);
    assert!(
        warm_err.contains("cache: 4 of 6 files reused, 2 extracted; merged again"),
        "{warm_err}"
    );
    let (cold, cold_err) = index_json(ws.path(), &["--no-cache"]);
    assert!(
        cold_err.contains("cache: off; 6 files extracted"),
        "{cold_err}"
    );
    assert_eq!(warm, cold);
    assert!(warm.contains("new_article"));

    // The cache was rewritten: the next run reuses everything.
    let (again, again_err) = index_json(ws.path(), &[]);
    assert!(
        again_err.contains("6 of 6 files reused, 0 extracted; merged indexes reused"),
        "{again_err}"
    );
    assert_eq!(again, cold);
}

#[test]
fn a_damaged_or_foreign_cache_is_refused_with_a_reason_and_rebuilt() {
    let ws = workspace(&[("brief.md", CLEAN_BRIEF)]);
    let (cold, _) = index_json(ws.path(), &[]);
    let path = the_cache_file(ws.path());
    let good = std::fs::read(&path).unwrap();
    // The header: 8 magic bytes, the format version (u32), the build id's length (u16) and
    // the build id, which starts with the crate version.
    let mut other_build = good.clone();
    other_build[14] = b'9';
    let mut other_format = good.clone();
    other_format[8] = 0xee;
    let random: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
        .collect();
    // In the table of contents, just before the 24-byte trailer: checked at open. (A bit
    // flipped in a document's extraction is caught when that extraction is read; see
    // `src/cache/tests.rs`.)
    let mut flipped = good.clone();
    let in_table = flipped.len() - 24 - 3;
    flipped[in_table] ^= 0x40;
    let cases: [(&str, Vec<u8>, &str); 6] = [
        (
            "truncated",
            good[..good.len() * 2 / 3].to_vec(),
            "corrupt: ",
        ),
        ("empty", Vec::new(), "not a dossier index cache"),
        ("random bytes", random, "not a dossier index cache"),
        ("one flipped bit", flipped, "corrupt: checksum mismatch"),
        (
            "another version",
            other_build,
            "written by another version of dossier",
        ),
        ("another format", other_format, "written in cache format"),
    ];
    for (what, bytes, reason) in cases {
        std::fs::write(&path, &bytes).unwrap();
        let (output, err) = index_json(ws.path(), &[]);
        assert!(
            err.contains(&format!("cache: not used ({reason}")) && err.contains("rebuilt"),
            "{what}: {err}"
        );
        assert!(err.contains("5 files extracted"), "{what}: {err}");
        assert_eq!(output, cold, "{what}");
        // Rebuilt: the file is good again.
        let (_, err) = index_json(ws.path(), &[]);
        assert!(err.contains("5 of 5 files reused"), "{what}: {err}");
    }
    // `check` names a refused cache too, and still answers.
    std::fs::write(&path, b"garbage").unwrap();
    let check = run(ws.path(), &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(
        stderr(&check).contains("cache: not used (not a dossier index cache"),
        "{}",
        stderr(&check)
    );
}

#[test]
fn no_cache_flag_and_setting_write_nothing() {
    let ws = workspace(&[("brief.md", CLEAN_BRIEF)]);
    let (_, err) = index_json(ws.path(), &["--no-cache"]);
    assert!(err.contains("cache: off"), "{err}");
    let check = run(ws.path(), &["check", "--no-cache"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(cache_files(&cache_dir(ws.path())).is_empty());

    let ws = workspace(&[
        ("dossier.toml", b"cache = false\n"),
        ("brief.md", CLEAN_BRIEF),
    ]);
    let (_, err) = index_json(ws.path(), &[]);
    assert!(err.contains("cache: off"), "{err}");
    run(ws.path(), &["check"]);
    assert!(cache_files(&cache_dir(ws.path())).is_empty());
}

#[test]
fn an_unwritable_cache_folder_is_a_warning_and_the_index_still_works() {
    let ws = workspace(&[]);
    // A file where the cache folder should be: no one, not even root, can create it.
    let blocker = ws.path().join("not-a-folder");
    std::fs::write(&blocker, b"x").unwrap();
    let cache = blocker.join("cache");
    let output = run_with_cache(ws.path(), &cache, &["index", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("warning: cannot write the index cache"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let (cold, _) = index_json(ws.path(), &["--no-cache"]);
    assert_eq!(String::from_utf8_lossy(&output.stdout), cold);
}

#[test]
fn a_second_server_on_the_same_workspace_starts_from_the_cache() {
    const BRIEF: &str = "# Brief\n\nVladimir Putin met Hassan Rouhani in Tehran.\n";
    let ws = workspace(&[("brief.md", BRIEF.as_bytes())]);
    let (first, _) = Client::start(ws.path(), Value::Null, false);
    assert!(
        first.logged("cache: not used (no cache yet)"),
        "{:?}",
        first.notifications
    );
    // The cache is written in the background after `ready`; wait for it.
    let deadline = std::time::Instant::now() + support::TIMEOUT;
    while cache_files(&cache_dir(ws.path()))
        .iter()
        .all(|p| !p.ends_with("index.bin"))
    {
        assert!(std::time::Instant::now() < deadline, "no cache written");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(first.shutdown(), 0);

    let (mut second, _) = Client::start(ws.path(), Value::Null, false);
    assert!(
        second.logged("cache: 5 of 5 files reused, 0 extracted; merged indexes reused"),
        "{:?}",
        second.notifications
    );
    let uri = file_uri(&ws.path().join("brief.md"));
    second.open(&uri, BRIEF);
    let hover = second.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 12}}),
    );
    let card = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(card.contains("Putin"), "{hover}");
    assert_eq!(second.shutdown(), 0);
}

#[test]
fn a_server_told_to_exit_while_writing_its_cache_finishes_the_write_first() {
    // Enough documents that the cache takes a while to write after `ready`.
    let seeds: Vec<Vec<u8>> = std::fs::read_dir(support::seeds_dir())
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    let copies: Vec<(String, Vec<u8>)> = (0..600)
        .map(|i| {
            let text = &seeds[i % seeds.len()];
            (format!("seeds/copies/copy_{i:04}.txt"), text.clone())
        })
        .collect();
    let files: Vec<(&str, &[u8])> = copies
        .iter()
        .map(|(path, text)| (path.as_str(), text.as_slice()))
        .collect();
    let ws = workspace(&files);

    // Leave as soon as the index is ready, while the cache is still being written.
    let (first, _) = Client::start(ws.path(), Value::Null, false);
    assert_eq!(first.shutdown(), 0);
    let written = cache_files(&cache_dir(ws.path()));
    assert!(
        written.iter().any(|p| p.ends_with("index.bin")),
        "the cache was not finished before the server exited: {written:?}"
    );
    assert!(
        written.iter().all(|p| p.ends_with("index.bin")),
        "a temporary file was left: {written:?}"
    );
}

#[test]
fn a_fifo_in_the_cache_s_place_is_refused_without_waiting() {
    let ws = workspace(&[("brief.md", CLEAN_BRIEF)]);
    index_json(ws.path(), &[]);
    let cache_file = the_cache_file(ws.path());
    std::fs::remove_file(&cache_file).unwrap();
    let made = Command::new("mkfifo").arg(&cache_file).status().unwrap();
    assert!(made.success());
    // Opening a FIFO for reading waits for a writer: the run never ended.
    let mut child = Command::new(binary())
        .args(["index", "--json"])
        .current_dir(ws.path())
        .env("DOSSIER_CACHE_DIR", cache_dir(ws.path()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(30) {
            let _ = child.kill();
            panic!("`dossier index` waits on the FIFO in the cache's place");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("not a regular file"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_temporary_file_left_by_a_killed_cache_write_is_removed_at_the_next_start() {
    let ws = workspace(&[("brief.md", CLEAN_BRIEF)]);
    index_json(ws.path(), &[]);
    let folder = the_cache_file(ws.path()).parent().unwrap().to_path_buf();
    // What a server killed while writing leaves: a temporary file no one holds.
    let left = folder.join(".index.bin.4242.0.tmp");
    let file = std::fs::File::create(&left).unwrap();
    file.set_len(1 << 20).unwrap();
    let minute_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    file.set_modified(minute_ago).unwrap();
    drop(file);
    // A start that finds the cache unchanged writes nothing, and still removes it.
    index_json(ws.path(), &[]);
    assert!(!left.exists(), "{} is still there", left.display());
}

#[test]
fn a_server_that_cannot_write_its_cache_says_so_once_in_words_and_goes_on() {
    let ws = workspace(&[("brief.md", CLEAN_BRIEF)]);
    // A file where the cache folder should be: no one, not even root, can create it.
    let blocker = ws.path().join("not-a-folder");
    std::fs::write(&blocker, b"x").unwrap();
    let mut client = Client::spawn_with_cache(&["lsp"], &blocker.join("cache"));
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": file_uri(ws.path()), "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    client.wait_ready();
    let shown = client.wait_notification(|n| {
        n["method"] == "window/showMessage"
            && n["params"]["message"]
                .as_str()
                .is_some_and(|m| m.contains("cannot write the index cache"))
    });
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(message.contains("not-a-folder"), "{message}");
    assert_eq!(
        client.request("dossier/indexStatus", Value::Null)["documents"],
        5
    );
    assert_eq!(client.shutdown(), 0);
}
