//! SPEC §5 over real stdio: each kind of bad input gets a clear report naming what is
//! wrong, and the server still answers afterwards.

mod support;

use serde_json::{json, Value};
use support::{file_uri, workspace, Client};

/// Asserts the server is alive and answering: a hover request on a brief gets a reply.
fn assert_still_answers(client: &mut Client, uri: &str) {
    let response = client.request_raw(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 3}}),
    );
    assert!(response.get("error").is_none(), "{response}");
    assert!(client.is_running());
}

fn log_messages(client: &Client) -> Vec<String> {
    client
        .notifications
        .iter()
        .filter(|n| n["method"] == "window/logMessage" || n["method"] == "window/showMessage")
        .filter_map(|n| n["params"]["message"].as_str().map(str::to_string))
        .collect()
}

fn start_with(files: &[(&str, &[u8])], init: Value) -> (support::Workspace, Client, String) {
    let ws = workspace(files);
    let (mut client, _) = Client::start(ws.path(), init, false);
    let uri = file_uri(&ws.path().join("brief.md"));
    client.open(&uri, "[@003_423e3940cca06aad]\n");
    (ws, client, uri)
}

#[test]
fn invalid_utf8_is_decoded_lossily_and_reported_once() {
    let (_ws, mut client, uri) =
        start_with(&[("seeds/latin1.txt", b"Caf\xe9 society")], Value::Null);
    let messages = log_messages(&client);
    let about: Vec<&String> = messages
        .iter()
        .filter(|m| m.contains("latin1.txt"))
        .collect();
    assert_eq!(about.len(), 1, "{messages:?}");
    assert!(about[0].contains("not valid UTF-8"));
    assert_eq!(
        client.request("dossier/indexStatus", Value::Null)["documents"],
        6,
        "the file is still indexed"
    );
    assert_still_answers(&mut client, &uri);
}

#[test]
fn binary_files_are_skipped_and_reported() {
    let (_ws, mut client, uri) =
        start_with(&[("seeds/image.txt", b"\x89PNG\x00\x00\x01")], Value::Null);
    let messages = log_messages(&client);
    assert!(
        messages
            .iter()
            .any(|m| m.contains("image.txt") && m.contains("looks binary; skipped")),
        "{messages:?}"
    );
    assert_eq!(
        client.request("dossier/indexStatus", Value::Null)["documents"],
        5
    );
    assert_still_answers(&mut client, &uri);
}

#[test]
fn oversized_files_are_skipped_and_reported() {
    let big = vec![b'x'; 20_000];
    let (_ws, mut client, uri) =
        start_with(&[("seeds/huge.txt", &big)], json!({"maxFileBytes": 10_000}));
    let messages = log_messages(&client);
    assert!(
        messages
            .iter()
            .any(|m| m.contains("huge.txt") && m.contains("over the 10000-byte limit")),
        "{messages:?}"
    );
    assert_still_answers(&mut client, &uri);
}

#[test]
fn a_bad_config_file_is_reported_and_defaults_are_used() {
    let (ws, mut client, uri) = start_with(
        &[("dossier.toml", b"corpus = [\"seeds\"\nnonsense")],
        Value::Null,
    );
    let messages = log_messages(&client);
    assert!(
        messages
            .iter()
            .any(|m| m.contains("dossier.toml") && m.contains("using the default configuration")),
        "{messages:?}"
    );
    let config_uri = file_uri(&ws.path().join("dossier.toml"));
    let diagnostics = client.wait_diagnostics(&config_uri);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0]["code"], "bad-config");
    assert_eq!(
        client.request("dossier/indexStatus", Value::Null)["documents"],
        5,
        "defaults: every .txt"
    );
    assert_still_answers(&mut client, &uri);
}

#[test]
fn bad_initialization_options_are_reported() {
    let (_ws, mut client, uri) = start_with(&[], json!({"check": {"minQuoteWords": "three"}}));
    let messages = log_messages(&client);
    assert!(
        messages.iter().any(|m| m.contains("initializationOptions")
            && m.contains("key `check.minQuoteWords`")
            && m.contains("invalid type")),
        "{messages:?}"
    );
    // Another key, another wrong type.
    let (_ws2, client2, _) = start_with(&[], json!({"check": {"nearThreshold": "high"}}));
    let messages = log_messages(&client2);
    assert!(
        messages
            .iter()
            .any(|m| m.contains("key `check.nearThreshold`") && m.contains("\"high\"")),
        "{messages:?}"
    );
    assert_still_answers(&mut client, &uri);
}

#[test]
fn positions_past_the_end_and_unknown_documents_get_sane_answers() {
    let (_ws, mut client, uri) = start_with(&[], Value::Null);
    for position in [
        json!({"line": 0, "character": 9999}),
        json!({"line": 9999, "character": 0}),
    ] {
        let response = client.request_raw(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position}),
        );
        assert!(response.get("error").is_none(), "{response}");
        let response = client.request_raw(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": position}),
        );
        assert!(response.get("error").is_none(), "{response}");
    }
    let unknown = "file:///nowhere/never-opened.md";
    let response = client.request_raw(
        "textDocument/hover",
        json!({"textDocument": {"uri": unknown}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(response["result"], Value::Null, "{response}");
    // A change to a document that was never opened is reported, not applied.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": unknown, "version": 2}, "contentChanges": [{"text": "x"}]}),
    );
    let warning = client.wait_notification(|n| {
        n["method"] == "window/logMessage"
            && n["params"]["message"]
                .as_str()
                .is_some_and(|m| m.contains("never opened"))
    });
    assert!(warning["params"]["message"]
        .as_str()
        .unwrap()
        .contains("never-opened.md"));
    assert_still_answers(&mut client, &uri);
}

#[test]
fn malformed_json_rpc_is_answered_and_survived() {
    let (_ws, mut client, uri) = start_with(&[], Value::Null);
    let garbage = b"{this is not json";
    client.send_raw(format!("Content-Length: {}\r\n\r\n", garbage.len()).as_bytes());
    client.send_raw(garbage);
    let parse_error = client.wait_response(Value::Null);
    assert_eq!(parse_error["error"]["code"], -32700, "{parse_error}");
    let response = client.request_raw("no/suchMethod", json!({}));
    assert_eq!(response["error"]["code"], -32601, "{response}");
    assert_still_answers(&mut client, &uri);
}

#[test]
fn a_corpus_file_deleted_before_reindexing_is_reported_not_fatal() {
    let (ws, mut client, uri) = start_with(&[], Value::Null);
    let gone = ws.path().join("seeds/ghost.txt");
    // Announced as created, but gone by the time the server reads it.
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("file://{}", gone.display()), "type": 1}]}),
    );
    let warning = client.wait_notification(|n| {
        n["method"] == "window/logMessage"
            && n["params"]["message"]
                .as_str()
                .is_some_and(|m| m.contains("ghost.txt"))
    });
    assert!(warning["params"]["message"]
        .as_str()
        .unwrap()
        .contains("cannot be read"));
    assert_still_answers(&mut client, &uri);
}

#[test]
fn a_panic_inside_a_request_becomes_an_error_response() {
    let (_ws, mut client, uri) = start_with(&[], Value::Null);
    let response = client.request_raw("dossier/debugPanic", Value::Null);
    assert_eq!(response["error"]["code"], -32603, "{response}");
    assert!(response["error"]["message"]
        .as_str()
        .unwrap()
        .contains("deliberate test panic"));
    assert_still_answers(&mut client, &uri);
}

#[test]
fn requests_before_initialize_are_refused_and_the_server_goes_on() {
    let mut client = Client::spawn(&["lsp"]);
    let response = client.request_raw(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///x.md"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(response["error"]["code"], -32002, "{response}");
    let init = client.request_raw("initialize", json!({"capabilities": {}}));
    assert!(init.get("result").is_some(), "{init}");
    assert_eq!(client.shutdown(), 0);
}

/// Sends one raw JSON-RPC body, framed.
fn send_body(client: &mut Client, body: &str) {
    client.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
}

#[test]
fn hostile_lengths_ids_and_fields_are_answered_and_the_session_goes_on() {
    let (_ws, mut client, uri) = start_with(&[], Value::Null);
    // A length that once overflowed the guard's arithmetic (a panic, and no more answers).
    for length in ["18446744073709551615", "18446744073709551605"] {
        client.send_raw(format!("Content-Length: {length}\r\n\r\n").as_bytes());
        let error = client.wait_response(Value::Null);
        assert_eq!(error["error"]["code"], -32700, "{length}: {error}");
        assert_still_answers(&mut client, &uri);
    }
    // Ids tower-lsp cannot decode ended its input stream, and the session with it.
    for id in ["1.5", "1e3", "18446744073709551615"] {
        for body in [
            format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"dossier/indexStatus"}}"#),
            format!(r#"{{"jsonrpc":"2.0","id":{id},"result":null}}"#),
        ] {
            send_body(&mut client, &body);
            let error = client.wait_response(Value::Null);
            assert_eq!(error["error"]["code"], -32600, "{body}: {error}");
            assert!(
                error["error"]["message"].as_str().unwrap().contains("`id`"),
                "{error}"
            );
            assert_still_answers(&mut client, &uri);
        }
    }
    // What tower-lsp's own decoding refuses, the guard refuses too: a repeated field, a
    // response whose `error` is no error object.
    send_body(
        &mut client,
        r#"{"jsonrpc":"2.0","id":5,"method":"dossier/indexStatus","id":6}"#,
    );
    let error = client.wait_response(json!(6));
    assert_eq!(error["error"]["code"], -32600, "{error}");
    assert_still_answers(&mut client, &uri);
    send_body(&mut client, r#"{"jsonrpc":"2.0","id":7,"error":5}"#);
    let error = client.wait_response(json!(7));
    assert_eq!(error["error"]["code"], -32600, "{error}");
    assert_still_answers(&mut client, &uri);
}

#[test]
fn id_less_errors_back_to_back_each_get_their_own_answer() {
    let (_ws, mut client, uri) = start_with(&[], Value::Null);
    // In one write: a body that is not JSON, then an id tower-lsp cannot decode. Both are
    // answered with id null; the second once got tower-lsp's generic "Invalid request",
    // as a duplicate of the first's pending id.
    let not_json = "{not json";
    let bad_id = r#"{"jsonrpc":"2.0","id":1.5,"method":"dossier/indexStatus"}"#;
    client.send_raw(
        format!(
            "Content-Length: {}\r\n\r\n{not_json}Content-Length: {}\r\n\r\n{bad_id}",
            not_json.len(),
            bad_id.len()
        )
        .as_bytes(),
    );
    let first = client.wait_response(Value::Null);
    let second = client.wait_response(Value::Null);
    let mut answers = [first, second];
    answers.sort_by_key(|a| a["error"]["code"].as_i64());
    assert_eq!(answers[0]["error"]["code"], -32700, "{answers:?}");
    assert_eq!(answers[1]["error"]["code"], -32600, "{answers:?}");
    assert!(
        answers[1]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("`id`"),
        "{answers:?}"
    );
    assert_still_answers(&mut client, &uri);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn parameterless_methods_take_null_or_empty_params_and_a_refused_shutdown_does_not_shut_down() {
    let (_ws, mut client, uri) = start_with(&[], Value::Null);
    for (id, params) in [(50, "null"), (51, "{}"), (52, "[]")] {
        send_body(
            &mut client,
            &format!(
                r#"{{"jsonrpc":"2.0","id":{id},"method":"dossier/indexStatus","params":{params}}}"#
            ),
        );
        let response = client.wait_response(json!(id));
        assert_eq!(response["result"]["documents"], 5, "{params}: {response}");
    }
    // Real parameters on `shutdown` are refused, and the server is not shut down.
    send_body(
        &mut client,
        r#"{"jsonrpc":"2.0","id":60,"method":"shutdown","params":{"now":true}}"#,
    );
    let refused = client.wait_response(json!(60));
    assert_eq!(refused["error"]["code"], -32602, "{refused}");
    assert_still_answers(&mut client, &uri);
    // `"params": null` on shutdown is a shutdown; then exit, with status 0.
    send_body(
        &mut client,
        r#"{"jsonrpc":"2.0","id":61,"method":"shutdown","params":null}"#,
    );
    let done = client.wait_response(json!(61));
    assert!(done.get("error").is_none(), "{done}");
    send_body(
        &mut client,
        r#"{"jsonrpc":"2.0","method":"exit","params":{}}"#,
    );
    assert_eq!(client.wait_exit(), 0);
}

#[test]
fn a_session_that_ends_without_shutdown_exits_non_zero() {
    let (_ws, mut client, uri) = start_with(&[], Value::Null);
    assert_still_answers(&mut client, &uri);
    // LSP: `exit` without `shutdown` first exits with status 1, so a supervisor sees it.
    client.notify("exit", Value::Null);
    assert_eq!(client.wait_exit(), 1);
}

#[test]
fn a_brief_on_disk_over_the_size_limit_is_not_read_and_is_reported() {
    let big = format!("# Big\n\n{}\n", "word ".repeat(4_000));
    let (_ws, mut client, uri) = start_with(
        &[("big.md", big.as_bytes())],
        json!({"maxFileBytes": 10_000}),
    );
    let messages = log_messages(&client);
    assert!(
        messages
            .iter()
            .any(|m| m.contains("big.md") && m.contains("over the 10000-byte limit")),
        "{messages:?}"
    );
    assert_still_answers(&mut client, &uri);
}

#[test]
fn a_corpus_outside_the_workspace_named_in_the_editor_s_settings_is_read_and_reported() {
    // The editor's settings are the user's own: an entry outside the workspace is read,
    // and said when the corpus is loaded. The same entry in dossier.toml is refused.
    let outside = tempfile::TempDir::new().unwrap();
    let far = outside.path().canonicalize().unwrap();
    std::fs::write(far.join("far.txt"), "The summit in Vienna ended early.\n").unwrap();
    let glob = format!("{}/*.txt", far.display());
    let toml = format!(r#"corpus = ["seeds", "{glob}"]"#);
    let (_ws, mut client, uri) = start_with(&[("dossier.toml", toml.as_bytes())], Value::Null);
    let messages = log_messages(&client);
    assert!(
        messages.iter().any(|m| m.contains(&format!(
            "corpus entry `{glob}` leads outside the workspace"
        ))),
        "{messages:?}"
    );
    assert_eq!(
        client.request("dossier/indexStatus", Value::Null)["documents"],
        5
    );
    assert_still_answers(&mut client, &uri);
    let (_ws, mut client, uri) = start_with(&[], json!({"corpus": ["seeds", glob.as_str()]}));
    let messages = log_messages(&client);
    assert!(
        messages.iter().any(|m| m
            .contains(&format!("corpus entry `{glob}` is outside the workspace"))
            && m.contains("read because `initializationOptions` names it")),
        "{messages:?}"
    );
    assert_eq!(
        client.request("dossier/indexStatus", Value::Null)["documents"],
        6
    );
    assert_still_answers(&mut client, &uri);
}
