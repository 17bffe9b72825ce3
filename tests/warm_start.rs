//! A warm `dossier lsp` start over the real binary: the server answers from the index the
//! cache holds while it checks the corpus files against it, then publishes what changed
//! while it was down (changed, new and removed files); when nothing changed it neither
//! merges again nor rewrites the cache. A damaged cache, or one built with other curated
//! actors, is not answered from: those starts check the files first, as before.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde_json::{json, Value};
use support::{cache_dir, file_uri, workspace, Client};

const BRIEF: &str =
    "# Brief\n\nSee [@000_1e2f7ca976c65369], [@004_df48a3a5ab45bcd7] and [@fresh_doc].\n";

/// Sets a file's modification time `seconds` in the past (a time the cache trusts).
fn set_age(path: &Path, seconds: u64) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(seconds))
        .unwrap();
}

/// The workspace's seed copies, aged an hour so that a warm start only `stat`s them.
fn aged_seeds(root: &Path) -> Vec<PathBuf> {
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(root.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    seeds.sort();
    for seed in &seeds {
        set_age(seed, 3600);
    }
    seeds
}

/// The one cache file of the workspace, once the first server has written it.
fn wait_for_cache_file(root: &Path) -> PathBuf {
    let deadline = std::time::Instant::now() + support::TIMEOUT;
    loop {
        let found: Vec<PathBuf> = std::fs::read_dir(cache_dir(root))
            .into_iter()
            .flatten()
            .flatten()
            .flat_map(|dir| {
                std::fs::read_dir(dir.path())
                    .into_iter()
                    .flatten()
                    .flatten()
            })
            .map(|e| e.path())
            .filter(|p| p.ends_with("index.bin"))
            .collect();
        if let [file] = found.as_slice() {
            return file.clone();
        }
        assert!(std::time::Instant::now() < deadline, "no cache written");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The messages of the `$/progress` notifications, in order, with `"end"` for the end.
fn progress_messages(client: &Client) -> Vec<String> {
    client
        .notifications
        .iter()
        .filter(|n| n["method"] == "$/progress")
        .map(|n| {
            let value = &n["params"]["value"];
            if value["kind"] == "end" {
                "end".to_string()
            } else {
                value["message"].as_str().unwrap_or_default().to_string()
            }
        })
        .collect()
}

/// A first server on `root`: indexes cold, writes the cache, shuts down.
fn first_run(root: &Path) -> PathBuf {
    let (first, _) = Client::start(root, Value::Null, false);
    let messages = progress_messages(&first);
    assert!(
        !messages
            .iter()
            .any(|m| m.contains("answering from the cache")),
        "{messages:?}"
    );
    let cache = wait_for_cache_file(root);
    assert_eq!(first.shutdown(), 0);
    cache
}

fn hover_card(client: &mut Client, uri: &str, character: u32) -> String {
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": character}}),
    );
    hover["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn unknown_citations(diagnostics: &[Value]) -> Vec<String> {
    let mut keys: Vec<String> = diagnostics
        .iter()
        .filter(|d| d["code"] == "unknown-citation")
        .filter_map(|d| d["message"].as_str())
        .map(|m| {
            ["000_1e2f7ca976c65369", "004_df48a3a5ab45bcd7", "fresh_doc"]
                .into_iter()
                .find(|key| m.contains(key))
                .unwrap_or(m)
                .to_string()
        })
        .collect();
    keys.sort();
    keys
}

#[test]
fn files_changed_added_or_removed_while_the_server_was_down_are_seen_after_the_check() {
    let ws = workspace(&[("brief.md", BRIEF.as_bytes())]);
    let seeds = aged_seeds(ws.path());
    let cache = first_run(ws.path());
    let first_cache = std::fs::read(&cache).unwrap();

    // While the server is down: one file gets another text (and a newer time), one is
    // removed, one is new.
    let changed = ws.path().join("seeds/000_1e2f7ca976c65369.txt");
    assert!(seeds.contains(&changed));
    std::fs::write(&changed, "title: Rewritten\n\nThe article was rewritten.\n").unwrap();
    set_age(&changed, 60);
    std::fs::remove_file(ws.path().join("seeds/004_df48a3a5ab45bcd7.txt")).unwrap();
    std::fs::write(
        ws.path().join("seeds/fresh_doc.txt"),
        "title: Fresh\n\nA new article.\n",
    )
    .unwrap();

    let (mut second, _) = Client::start(ws.path(), Value::Null, false);
    // It answered from the cache first, and the progress ended after the check.
    let messages = progress_messages(&second);
    let from_cache = messages
        .iter()
        .position(|m| m.contains("answering from the cache"))
        .unwrap_or_else(|| panic!("{messages:?}"));
    assert!(
        messages[from_cache..].iter().any(|m| m == "end"),
        "{messages:?}"
    );
    assert!(
        second.logged("5 corpus files against the cache: 1 changed, 1 new, 1 removed"),
        "{:?}",
        second.notifications
    );
    assert!(
        second.logged("cache: 3 of 5 files reused, 2 extracted; merged again"),
        "{:?}",
        second.notifications
    );

    let uri = file_uri(&ws.path().join("brief.md"));
    second.open(&uri, BRIEF);
    let diagnostics = second.wait_diagnostics(&uri);
    assert_eq!(
        unknown_citations(&diagnostics),
        vec!["004_df48a3a5ab45bcd7"],
        "{diagnostics:?}"
    );
    let card = hover_card(&mut second, &uri, 8);
    assert!(card.contains("Rewritten"), "{card}");
    let card = hover_card(&mut second, &uri, 62);
    assert!(card.contains("Fresh"), "{card}");

    // The checked index is saved (in the background): a third start finds nothing changed.
    let deadline = std::time::Instant::now() + support::TIMEOUT;
    while std::fs::read(&cache).unwrap_or_default() == first_cache {
        assert!(
            std::time::Instant::now() < deadline,
            "the cache was not rewritten"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(second.shutdown(), 0);
    let (third, _) = Client::start(ws.path(), Value::Null, false);
    assert!(
        third.logged("cache: 5 of 5 files reused, 0 extracted; merged indexes reused"),
        "{:?}",
        third.notifications
    );
    assert_eq!(third.shutdown(), 0);
}

#[test]
fn with_nothing_changed_the_warm_server_answers_and_neither_merges_nor_rewrites_the_cache() {
    let ws = workspace(&[("brief.md", BRIEF.as_bytes())]);
    aged_seeds(ws.path());
    let cache = first_run(ws.path());
    let written = std::fs::read(&cache).unwrap();
    let written_at = std::fs::metadata(&cache).unwrap().modified().unwrap();

    let (mut second, _) = Client::start(ws.path(), Value::Null, false);
    let messages = progress_messages(&second);
    assert!(
        messages
            .iter()
            .any(|m| m.contains("answering from the cache")),
        "{messages:?}"
    );
    assert!(
        second.logged("5 corpus files against the cache: no corpus file changed"),
        "{:?}",
        second.notifications
    );
    assert!(
        second.logged("cache: 5 of 5 files reused, 0 extracted; merged indexes reused"),
        "{:?}",
        second.notifications
    );
    // One index, one `ready`.
    let readies = second
        .notifications
        .iter()
        .filter(|n| n["method"] == "dossier/status" && n["params"]["state"] == "ready")
        .count();
    assert_eq!(readies, 1);

    let uri = file_uri(&ws.path().join("brief.md"));
    second.open(&uri, BRIEF);
    let diagnostics = second.wait_diagnostics(&uri);
    assert_eq!(unknown_citations(&diagnostics), vec!["fresh_doc"]);
    let card = hover_card(&mut second, &uri, 8);
    assert!(!card.is_empty(), "no hover from the cached index");
    assert_eq!(second.shutdown(), 0);

    // Nothing was written: a write starts right after `ready` and takes milliseconds for
    // five files, so it would have landed during the requests above.
    assert_eq!(std::fs::read(&cache).unwrap(), written);
    assert_eq!(
        std::fs::metadata(&cache).unwrap().modified().unwrap(),
        written_at
    );
}

#[test]
fn a_damaged_cache_is_not_answered_from() {
    let ws = workspace(&[]);
    aged_seeds(ws.path());
    let cache = first_run(ws.path());
    std::fs::write(&cache, b"garbage").unwrap();
    let (second, _) = Client::start(ws.path(), Value::Null, false);
    let messages = progress_messages(&second);
    assert!(
        !messages
            .iter()
            .any(|m| m.contains("answering from the cache")),
        "{messages:?}"
    );
    assert!(
        second.logged("cache: not used (not a dossier index cache"),
        "{:?}",
        second.notifications
    );
    assert_eq!(second.shutdown(), 0);
}

#[test]
fn other_curated_actors_take_the_checked_path_and_merge_again() {
    let ws = workspace(&[]);
    aged_seeds(ws.path());
    first_run(ws.path());
    let curated = json!({"actors": [{"name": "Amina Bello", "aliases": ["Bello"]}]});
    let (second, _) = Client::start(ws.path(), curated, false);
    let messages = progress_messages(&second);
    assert!(
        !messages
            .iter()
            .any(|m| m.contains("answering from the cache")),
        "{messages:?}"
    );
    assert!(
        second.logged("cache: 5 of 5 files reused, 0 extracted; merged again"),
        "{:?}",
        second.notifications
    );
    assert_eq!(second.shutdown(), 0);
}
