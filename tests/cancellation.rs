//! `$/cancelRequest` over stdio: a cancelled request is answered RequestCancelled (or
//! normally, when it had already finished), its work on the blocking pool stops, and the
//! server goes on answering.

mod support;

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::{file_uri, position_of, workspace, Client};

const REQUEST_CANCELLED: i64 = -32800;

#[test]
fn cancelling_stops_work_on_the_blocking_pool() {
    let ws = workspace(&[]);
    let (mut client, _) = Client::start(ws.path(), Value::Null, false);
    let before = client.request("dossier/debugCancelledWork", Value::Null);
    assert_eq!(before, json!(0));
    // This request runs until its flag is set (at most 10 s).
    let id = client.send_request("dossier/debugWaitForCancel", Value::Null);
    std::thread::sleep(Duration::from_millis(100));
    client.notify("$/cancelRequest", json!({ "id": id }));
    let answer = client.wait_response(id);
    assert_eq!(
        answer["error"]["code"],
        json!(REQUEST_CANCELLED),
        "{answer}"
    );
    // The work itself saw the flag and stopped, long before its 10 s.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let stopped = client.request("dossier/debugCancelledWork", Value::Null);
        if stopped == json!(1) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the cancelled work never stopped"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn cancelled_requests_answer_cancelled_or_normally_and_the_server_goes_on() {
    let brief = "# Notes\n\nPutin met Netanyahu in Moscow. See [@001_227275e6a66a84db].\n\nVela";
    let ws = workspace(&[("notes.md", brief.as_bytes())]);
    let (mut client, _) = Client::start(ws.path(), Value::Null, false);
    let uri = file_uri(&ws.path().join("notes.md"));
    client.open(&uri, brief);
    let at_putin = position_of(brief, "Putin", 2, false);
    let at_end = position_of(brief, "Vela", 4, false);
    let requests = [
        (
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": at_putin}),
        ),
        (
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": at_end}),
        ),
        (
            "textDocument/references",
            json!({"textDocument": {"uri": uri}, "position": at_putin, "context": {"includeDeclaration": true}}),
        ),
        ("workspace/symbol", json!({"query": "a"})),
        (
            "textDocument/semanticTokens/full",
            json!({"textDocument": {"uri": uri}}),
        ),
    ];
    for round in 0..4 {
        let mut ids = Vec::new();
        for (method, params) in &requests {
            ids.push((*method, client.send_request(method, params.clone())));
        }
        for (_, id) in &ids {
            if round % 2 == 0 {
                client.notify("$/cancelRequest", json!({ "id": id }));
            }
        }
        for (method, id) in ids {
            let answer = client.wait_response(id);
            let cancelled = answer["error"]["code"] == json!(REQUEST_CANCELLED);
            assert!(
                cancelled || answer.get("result").is_some(),
                "{method}: neither cancelled nor answered: {answer}"
            );
        }
    }
    // Still answering, and correctly.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": at_putin}),
    );
    let card = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(card.contains("Vladimir Putin"), "{hover}");
    assert_eq!(client.shutdown(), 0);
}
