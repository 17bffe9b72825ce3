//! Hunting for failures over real stdio: cancel storms, huge briefs, thousands of edits
//! while the corpus re-indexes, files that vanish or turn binary, and a check that a whole
//! session writes nothing into the workspace.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{json, Value};
use support::{file_uri, position_of, workspace, Client};

fn alive(client: &mut Client, uri: &str) {
    let response = client.request_raw(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}}),
    );
    assert!(response.get("error").is_none(), "{response}");
    assert!(client.is_running());
}

#[test]
fn cancel_storms_are_answered_and_survived() {
    let brief = "Putin met Netanyahu in Moscow [@003_423e3940cca06aad].\n";
    let ws = workspace(&[("b.md", brief.as_bytes())]);
    let (mut client, _) = Client::start(ws.path(), Value::Null, false);
    let uri = file_uri(&ws.path().join("b.md"));
    client.open(&uri, brief);
    let first_id = 1000;
    for i in 0..300 {
        let id = first_id + i;
        client.send(&json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
            "params": {"textDocument": {"uri": uri}, "position": {"line": 0, "character": (i % 50)}}}));
        client.notify("$/cancelRequest", json!({"id": id}));
    }
    // Every request gets exactly one answer: a result or RequestCancelled (-32800).
    for i in 0..300 {
        let response = client.wait_response(json!(first_id + i));
        if let Some(error) = response.get("error") {
            assert_eq!(error["code"], -32800, "{response}");
        }
    }
    alive(&mut client, &uri);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn ten_thousand_rapid_edits_during_reindexing_leave_the_same_text() {
    let ws = workspace(&[]);
    let (mut client, _) = Client::start(ws.path(), Value::Null, false);
    let uri = file_uri(&ws.path().join("edits.md"));
    let mut text = String::from("Start é — ’ 🙂\r\n");
    client.open(&uri, &text);
    let pieces = [
        "a", "é", "—", "’", "🙂", "\r\n", "漢", " said \"", "\"", "[@00",
    ];
    let mut state = 12345u64;
    let mut version = 1;
    for i in 0..10_000u32 {
        // A simple deterministic generator: no extra dependency for tests.
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let r = (state >> 33) as usize;
        let boundaries: Vec<usize> = (0..=text.len())
            .filter(|&b| {
                text.is_char_boundary(b)
                    && !(b > 0
                        && text.as_bytes()[b - 1] == b'\r'
                        && text.as_bytes().get(b) == Some(&b'\n'))
            })
            .collect();
        let at = boundaries[r % boundaries.len()];
        let end = boundaries[(r / 7) % boundaries.len()].max(at);
        let end = if r.is_multiple_of(3) { end } else { at };
        let piece = pieces[r % pieces.len()];
        let start_pos = utf16_position(&text, at);
        let end_pos = utf16_position(&text, end);
        version += 1;
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": start_pos, "end": end_pos}, "text": piece}]
            }),
        );
        text.replace_range(at..end, piece);
        if i.is_multiple_of(2500) {
            // Re-index the corpus while the edits stream in.
            let seed = ws.path().join("seeds/001_227275e6a66a84db.txt");
            client.notify(
                "workspace/didChangeWatchedFiles",
                json!({"changes": [{"uri": file_uri(&seed), "type": 2}]}),
            );
        }
    }
    let server_text = client.request("dossier/debugDocumentText", json!({"uri": uri}));
    assert_eq!(server_text.as_str(), Some(text.as_str()));
    let diagnostics = client.wait_diagnostics_where(&uri, |_| true);
    let lines = text
        .split("\r\n")
        .flat_map(|l| l.split(['\n', '\r']))
        .count() as u64;
    for d in &diagnostics {
        assert!(d["range"]["end"]["line"].as_u64().unwrap() < lines, "{d}");
    }
    alive(&mut client, &uri);
    assert_eq!(client.shutdown(), 0);
}

fn utf16_position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let mut line = 0;
    let mut line_start = 0;
    let bytes = before.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                line += 1;
                i += 2;
                line_start = i;
                continue;
            }
            b'\r' | b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    json!({"line": line, "character": before[line_start..].encode_utf16().count()})
}

#[test]
fn a_fifty_megabyte_brief_is_handled() {
    let ws = workspace(&[]);
    let (mut client, _) = Client::start(ws.path(), Value::Null, false);
    let uri = file_uri(&ws.path().join("huge.md"));
    let baseline = client.resident_kib();
    let paragraph =
        "Putin met Netanyahu in Moscow on Wednesday for talks on Syria, the Kremlin said. \n\n";
    let text: String = paragraph.repeat(50 * 1024 * 1024 / paragraph.len());
    client.open(&uri, &text);
    let hover = client.request_raw(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}}),
    );
    assert!(hover.get("error").is_none(), "{hover}");
    let peak = client.resident_kib();
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    let small = file_uri(&ws.path().join("small.md"));
    client.open(&small, "[@nope]");
    assert_eq!(client.wait_diagnostics(&small).len(), 1);
    // Memory returns to its baseline once the brief is closed and the work on it ends,
    // but for one buffer the size of the largest message: tower-lsp's input buffer keeps
    // its capacity (measured: baseline 15 MB, 250 MB with the brief, 69 MB after).
    if let (Some(baseline), Some(peak)) = (baseline, peak) {
        let limit = baseline + 64 * 1024;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let mut after = client.resident_kib().unwrap_or(u64::MAX);
        while after >= limit && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(200));
            after = client.resident_kib().unwrap_or(u64::MAX);
        }
        eprintln!(
            "resident KiB: baseline {baseline}, with the brief {peak}, after closing {after}"
        );
        assert!(
            after < limit,
            "baseline {baseline} KiB, peak {peak} KiB, after close {after} KiB"
        );
    }
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn corpus_files_turning_binary_or_vanishing_are_reported_and_dropped() {
    let brief = "[@004_df48a3a5ab45bcd7] and [@003_423e3940cca06aad]\n";
    let ws = workspace(&[("b.md", brief.as_bytes())]);
    let (mut client, _) = Client::start(ws.path(), Value::Null, false);
    let uri = file_uri(&ws.path().join("b.md"));
    client.open(&uri, brief);
    assert_eq!(client.wait_diagnostics(&uri).len(), 0);

    let turned = ws.path().join("seeds/004_df48a3a5ab45bcd7.txt");
    std::fs::write(&turned, b"\x00\x01binary now").unwrap();
    let folder = ws.path().join("seeds");
    let vanished = folder.join("003_423e3940cca06aad.txt");
    std::fs::remove_file(&vanished).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [
            {"uri": file_uri(&turned), "type": 2},
            {"uri": format!("file://{}", vanished.display()), "type": 2}
        ]}),
    );
    let both_unknown = |d: &[Value]| d.len() == 2;
    let diagnostics = client.wait_diagnostics_where(&uri, both_unknown);
    assert!(diagnostics.iter().all(|d| d["code"] == "unknown-citation"));
    let binary_report = client.wait_notification(|n| {
        n["method"] == "window/logMessage"
            && n["params"]["message"]
                .as_str()
                .is_some_and(|m| m.contains("004_df48a3a5ab45bcd7.txt") && m.contains("binary"))
    });
    assert!(binary_report["params"]["message"]
        .as_str()
        .unwrap()
        .contains("skipped"));

    // The whole corpus folder disappears; a re-index reports it and the server goes on.
    std::fs::remove_dir_all(&folder).unwrap();
    client.settings = json!({"corpus": ["seeds"]});
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    let gone = client.wait_notification(|n| {
        n["params"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("corpus entry `seeds` matches no file"))
    });
    assert!(gone["method"] == "window/logMessage" || gone["method"] == "window/showMessage");
    alive(&mut client, &uri);
    assert_eq!(client.shutdown(), 0);
}

/// Path -> (length, content) of every file under `root`.
fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                stack.push(path);
            } else {
                files.insert(
                    path.strip_prefix(root).unwrap().display().to_string(),
                    std::fs::read(&path).unwrap(),
                );
            }
        }
    }
    files
}

#[test]
fn a_full_session_writes_nothing_into_the_workspace() {
    let brief = "# Brief\n\nNetanyahu said “our focus is on Syria and Iran” [@003_423e3940cca06aad].\nPutin said \"we are working slowly with Iran\".\n";
    let ws = workspace(&[
        ("b.md", brief.as_bytes()),
        ("dossier.toml", b"corpus = [\"seeds\"]\n"),
    ]);
    let before = snapshot(ws.path());
    let (mut client, _) = Client::start(ws.path(), Value::Null, true);
    let uri = file_uri(&ws.path().join("b.md"));
    client.open(&uri, brief);
    client.wait_diagnostics(&uri);
    let at = position_of(brief, "focus", 0, true);
    for method in [
        "textDocument/hover",
        "textDocument/definition",
        "textDocument/completion",
        "textDocument/references",
    ] {
        let mut params = json!({"textDocument": {"uri": uri}, "position": at});
        if method == "textDocument/references" {
            params["context"] = json!({"includeDeclaration": true});
        }
        let response = client.request_raw(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
    }
    for method in [
        "textDocument/documentSymbol",
        "textDocument/semanticTokens/full",
        "textDocument/inlayHint",
        "textDocument/documentLink",
    ] {
        let mut params = json!({"textDocument": {"uri": uri}});
        if method == "textDocument/inlayHint" {
            params["range"] =
                json!({"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}});
        }
        let response = client.request_raw(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
    }
    let actions = client.request("textDocument/codeAction", json!({"textDocument": {"uri": uri},
        "range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 40}}, "context": {"diagnostics": []}}));
    assert!(actions.is_array(), "{actions}");
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(client.shutdown(), 0);
    assert!(
        snapshot(ws.path()) == before,
        "the workspace changed during the session"
    );
}
