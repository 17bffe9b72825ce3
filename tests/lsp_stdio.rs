//! End-to-end tests of the language server over real stdio: the built binary, a real
//! workspace on disk (a copy of seeds/), JSON-RPC as an editor sends it.

mod support;

use serde_json::{json, Value};
use support::{file_uri, position_of, workspace, Client};

const BRIEF: &str = "# Helsinki — a brief ’26 🙂\n\nNetanyahu met Putin [@003_423e3940cca06aad].\nUnknown source [@no_such_doc].\n";

fn hover_text(result: &Value) -> String {
    result["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn citation_features_work_end_to_end_in_utf16() {
    let ws = workspace(&[("brief.md", BRIEF.as_bytes())]);
    let (mut client, init) = Client::start(ws.path(), Value::Null, false);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "dossier");
    let progress_kinds: Vec<String> = client
        .notifications
        .iter()
        .filter(|n| n["method"] == "$/progress")
        .map(|n| {
            n["params"]["value"]["kind"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert_eq!(
        progress_kinds.first().map(String::as_str),
        Some("begin"),
        "{progress_kinds:?}"
    );
    assert_eq!(
        progress_kinds.last().map(String::as_str),
        Some("end"),
        "{progress_kinds:?}"
    );

    let uri = file_uri(&ws.path().join("brief.md"));
    client.open(&uri, BRIEF);
    let diagnostics = client.wait_diagnostics(&uri);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "unknown-citation");
    assert_eq!(diagnostics[0]["severity"], 1);
    assert_eq!(diagnostics[0]["source"], "dossier");
    assert_eq!(
        diagnostics[0]["range"]["start"],
        position_of(BRIEF, "@no_such_doc", 0, false)
    );

    let at_key = position_of(BRIEF, "003_423e", 3, false);
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": at_key}),
    );
    assert!(hover_text(&hover).contains("**MOSCOW (AP)"), "{hover}");
    assert!(
        hover_text(&hover).contains("seeds/003_423e3940cca06aad.txt"),
        "{hover}"
    );

    let definition = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri}, "position": at_key}),
    );
    let target = definition[0]["targetUri"].as_str().unwrap_or_default();
    assert!(
        target.ends_with("seeds/003_423e3940cca06aad.txt"),
        "{definition}"
    );

    // Type "[@00" on a new last line, in two incremental edits, and complete.
    let end = json!({"line": 4, "character": 0});
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": end, "end": end}, "text": "See [@"}]
        }),
    );
    client.notify("textDocument/didChange", json!({
        "textDocument": {"uri": uri, "version": 3},
        "contentChanges": [{"range": {"start": {"line": 4, "character": 6}, "end": {"line": 4, "character": 6}}, "text": "00"}]
    }));
    let completion = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": 4, "character": 8}}),
    );
    let labels: Vec<&str> = completion["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert_eq!(labels.len(), 5, "{labels:?}");
    assert!(labels.contains(&"002_770ca645d559dffd"));
    let edit = &completion["items"][0]["textEdit"]["range"];
    assert_eq!(
        edit["start"],
        json!({"line": 4, "character": 6}),
        "{completion}"
    );
    assert_eq!(edit["end"], json!({"line": 4, "character": 8}));
    let item = completion["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "003_423e3940cca06aad")
        .unwrap()
        .clone();
    let resolved = client.request("completionItem/resolve", item);
    let card = resolved["documentation"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(card.contains("`@003_423e3940cca06aad`"), "{resolved}");
    // The title is the item's detail: the card does not repeat it, as heading or opening.
    let title = resolved["detail"].as_str().unwrap_or_default();
    assert!(title.starts_with("MOSCOW (AP)"), "{resolved}");
    assert!(!card.contains("MOSCOW (AP)"), "{resolved}");
    assert!(
        card.contains("for talks focusing on Iranian presence"),
        "{resolved}"
    );

    assert_eq!(client.shutdown(), 0);
}

#[test]
fn non_ascii_edits_keep_positions_right_in_utf8_and_utf16() {
    for utf8 in [false, true] {
        let ws = workspace(&[]);
        let (mut client, init) = Client::start(ws.path(), Value::Null, utf8);
        assert_eq!(
            init["capabilities"]["positionEncoding"],
            if utf8 { "utf-8" } else { "utf-16" }
        );
        let uri = file_uri(&ws.path().join("new.md"));
        let text = "Line one\r\n[@bad]\r\n";
        client.open(&uri, text);
        client.wait_diagnostics(&uri);
        // Insert non-ASCII text before the citation on its line.
        let inserted = "é — ’ 🙂 ";
        client.notify("textDocument/didChange", json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}}, "text": inserted}]
        }));
        // The diagnostic starts at the `@`, after the inserted text and the `[`.
        let column = 1 + if utf8 {
            inserted.len()
        } else {
            inserted.encode_utf16().count()
        };
        let moved = |d: &[Value]| d.len() == 1 && d[0]["range"]["start"]["character"] != 1;
        let diagnostics = client.wait_diagnostics_where(&uri, moved);
        assert_eq!(
            diagnostics[0]["range"]["start"],
            json!({"line": 1, "character": column}),
            "utf8={utf8}"
        );
        let new_text = format!("Line one\r\n{inserted}[@bad]\r\n");
        let hover_at = position_of(&new_text, "@bad", 0, utf8);
        // The citation is unknown, so hover has nothing; but it must answer (not error).
        let response = client.request_raw(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": hover_at}),
        );
        assert!(response.get("error").is_none(), "{response}");
        assert_eq!(client.shutdown(), 0);
    }
}

#[test]
fn document_symbols_links_and_tokens_answer() {
    let ws = workspace(&[("brief.md", BRIEF.as_bytes())]);
    let (mut client, _) = Client::start(ws.path(), Value::Null, false);
    let uri = file_uri(&ws.path().join("brief.md"));
    client.open(&uri, BRIEF);
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(symbols[0]["name"], "Helsinki — a brief ’26 🙂");
    let links = client.request(
        "textDocument/documentLink",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(links.as_array().map(Vec::len), Some(1), "{links}");
    let tokens = client.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": uri}}),
    );
    assert!(
        tokens["data"].as_array().is_some_and(|d| d.len() >= 10),
        "{tokens}"
    );
    let symbols = client.request("workspace/symbol", json!({"query": "003"}));
    assert!(
        symbols
            .as_array()
            .is_some_and(|s| s.iter().any(|s| s["name"] == "003_423e3940cca06aad")),
        "{symbols}"
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn watched_corpus_changes_are_reindexed_in_one_batch() {
    let ws = workspace(&[("brief.md", b"[@fresh_doc] and [@004_df48a3a5ab45bcd7]\n")]);
    let (mut client, _) = Client::start(ws.path(), Value::Null, false);
    let uri = file_uri(&ws.path().join("brief.md"));
    client.open(&uri, "[@fresh_doc] and [@004_df48a3a5ab45bcd7]\n");
    assert_eq!(client.wait_diagnostics(&uri).len(), 1);

    let fresh = ws.path().join("seeds/fresh_doc.txt");
    std::fs::write(&fresh, "title: Fresh\n\nA new article.").unwrap();
    let old = ws.path().join("seeds/004_df48a3a5ab45bcd7.txt");
    std::fs::remove_file(&old).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [
            {"uri": file_uri(&fresh), "type": 1},
            {"uri": format!("file://{}", old.display()), "type": 3}
        ]}),
    );
    let mentions_deleted = |d: &[Value]| {
        d.iter().any(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.contains("@004_df48a3a5ab45bcd7"))
        })
    };
    let diagnostics = client.wait_diagnostics_where(&uri, mentions_deleted);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(diagnostics[0]["message"]
        .as_str()
        .unwrap()
        .contains("@004_df48a3a5ab45bcd7"));
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 4}}),
    );
    assert!(hover_text(&hover).contains("**Fresh**"), "{hover}");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn configuration_from_init_options_and_workspace_configuration() {
    // initializationOptions narrows the corpus to one file; workspace/configuration wins.
    let ws = workspace(&[]);
    let mut client = Client::spawn(&["--stdio"]);
    client.settings =
        json!({"corpus": ["seeds/000_1e2f7ca976c65369.txt", "seeds/001_227275e6a66a84db.txt"]});
    client.request(
        "initialize",
        json!({
            "rootUri": file_uri(ws.path()),
            "initializationOptions": {"corpus": ["seeds/000_1e2f7ca976c65369.txt"]},
            "capabilities": {"workspace": {"configuration": true}}
        }),
    );
    client.notify("initialized", json!({}));
    client.wait_ready();
    let status = client.request("dossier/indexStatus", Value::Null);
    assert_eq!(status, json!({"ready": true, "documents": 2}));
    // A pushed change re-reads the configuration.
    client.settings = json!({"corpus": ["seeds/000_1e2f7ca976c65369.txt"]});
    client.forget_notifications();
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    client.wait_ready();
    assert_eq!(
        client.request("dossier/indexStatus", Value::Null)["documents"],
        1
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn actors_hover_and_complete_by_alias_over_stdio() {
    let brief = "# Notes\n\nLavrov warned the West. Vela";
    let ws = workspace(&[("notes.md", brief.as_bytes())]);
    let (mut client, _) = Client::start(ws.path(), Value::Null, false);
    let uri = file_uri(&ws.path().join("notes.md"));
    client.open(&uri, brief);
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position_of(brief, "Lavrov", 2, false)}),
    );
    let card = hover_text(&hover);
    assert!(card.contains("Sergey Lavrov"), "{card}");
    assert!(card.contains("Russian Foreign Minister"), "{card}");
    let end = position_of(brief, "Vela", 4, false);
    let completion = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": end}),
    );
    let items = completion["items"].as_array().unwrap();
    let velayati = items
        .iter()
        .find(|i| i["label"] == "Ali Akbar Velayati")
        .unwrap_or_else(|| panic!("{completion}"));
    assert!(
        velayati["filterText"].as_str().unwrap().starts_with("Vela"),
        "{velayati}"
    );
    assert_eq!(velayati["textEdit"]["newText"], "Ali Akbar Velayati");
    assert_eq!(
        velayati["textEdit"]["range"]["start"],
        position_of(brief, "Vela", 0, false)
    );
    // Lists stay small: the card comes when the editor resolves the item it shows.
    assert!(velayati.get("documentation").is_none(), "{velayati}");
    let resolved = client.request("completionItem/resolve", velayati.clone());
    let card = resolved["documentation"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(
        card.starts_with("**Ali Akbar Velayati** (person)"),
        "{resolved}"
    );
    assert_eq!(resolved["label"], velayati["label"]);
    assert_eq!(resolved["textEdit"], velayati["textEdit"]);
    // Data this server never gave (or from a corpus since changed) comes back unchanged.
    for data in [
        json!({"actor": 999_999}),
        json!("junk"),
        json!({"actor": 0}),
    ] {
        let mut item = velayati.clone();
        item["data"] = data;
        let answer = client.request("completionItem/resolve", item.clone());
        assert_eq!(answer, item);
    }
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn quotes_are_verified_and_lead_to_their_source_over_stdio() {
    let brief = "Netanyahu said “our focus is on Syria and Iran” [@003_423e3940cca06aad].\n\nLavrov said \"Moscow will never abandon its friends in Damascus\".\n";
    let ws = workspace(&[("q.md", brief.as_bytes())]);
    let (mut client, _) = Client::start(ws.path(), Value::Null, false);
    let uri = file_uri(&ws.path().join("q.md"));
    client.open(&uri, brief);
    let diagnostics = client.wait_diagnostics(&uri);
    let codes: Vec<&str> = diagnostics
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(codes, vec!["quote-not-found"], "{diagnostics:?}");
    assert_eq!(diagnostics[0]["range"]["start"]["line"], 2);

    let inside = position_of(brief, "focus is", 2, false);
    let definition = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri}, "position": inside}),
    );
    let link = &definition[0];
    assert!(
        link["targetUri"]
            .as_str()
            .unwrap()
            .ends_with("seeds/003_423e3940cca06aad.txt"),
        "{definition}"
    );
    let source = std::fs::read_to_string(ws.path().join("seeds/003_423e3940cca06aad.txt")).unwrap();
    let expected_start = position_of(&source, "our focus is on Syria and Iran", 0, false);
    assert_eq!(
        link["targetSelectionRange"]["start"], expected_start,
        "{link}"
    );
    assert_eq!(
        link["originSelectionRange"]["start"],
        position_of(brief, "“our", 0, false)
    );

    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": inside}),
    );
    let card = hover_text(&hover);
    assert!(card.to_lowercase().contains("verified"), "{card}");
    assert!(card.contains("003_423e3940cca06aad"), "{card}");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn without_a_workspace_folder_the_brief_folder_is_indexed_and_the_user_told() {
    let brief = "# B\n\nKnown [@003_423e3940cca06aad]; unknown [@zz_missing_key].\n";
    let ws = workspace(&[("brief.md", brief.as_bytes())]);
    let mut client = Client::spawn_with_cache(&["lsp"], &support::cache_dir(ws.path()));
    // What Neovim 0.11's vim.lsp.enable sends when no root marker is found.
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "workspaceFolders": null, "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    let status = client.wait_notification(|n| n["method"] == "dossier/status");
    assert_eq!(status["params"]["state"], "no-workspace", "{status}");

    let uri = file_uri(&ws.path().join("brief.md"));
    client.open(&uri, brief);
    let told = client.wait_notification(|n| n["method"] == "window/showMessage");
    let message = told["params"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("no workspace folder"), "{message}");
    client.wait_ready();
    let ready = client
        .notifications
        .iter()
        .rev()
        .find(|n| n["method"] == "dossier/status")
        .cloned()
        .unwrap_or_default();
    assert_eq!(ready["params"]["documents"], 5, "{ready}");
    // Diagnostics against the indexed folder: only the key no document has.
    let diagnostics = client.wait_diagnostics_where(&uri, |d| !d.is_empty());
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(diagnostics[0]["message"]
        .as_str()
        .unwrap_or_default()
        .contains("zz_missing_key"));
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn an_empty_corpus_is_said_once_and_flags_nothing() {
    let dir = tempfile::TempDir::new().unwrap();
    let brief =
        "Cited [@003_423e3940cca06aad]; quoted \"we manage to coordinate our positions\".\n";
    std::fs::write(dir.path().join("brief.md"), brief).unwrap();
    let (mut client, _) = Client::start(dir.path(), json!({"cache": false}), false);
    let told = client.wait_notification(|n| n["method"] == "window/showMessage");
    let message = told["params"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("no source document found"), "{message}");
    let uri = file_uri(&dir.path().join("brief.md"));
    client.open(&uri, brief);
    let diagnostics = client.wait_diagnostics(&uri);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn multi_word_names_complete_as_snippets_without_filter_text_for_neovim_only() {
    let brief = "Lavrov spoke first. Vela";
    let ws = workspace(&[("names.md", brief.as_bytes())]);
    for (client_name, keeps_filter_text) in [("Neovim", false), ("Visual Studio Code", true)] {
        let mut client = Client::spawn_with_cache(&["lsp"], &support::cache_dir(ws.path()));
        client.request(
            "initialize",
            json!({
                "processId": null,
                "clientInfo": {"name": client_name},
                "rootUri": file_uri(ws.path()),
                "capabilities": {"textDocument": {"completion": {"completionItem": {"snippetSupport": true}}}}
            }),
        );
        client.notify("initialized", json!({}));
        client.wait_ready();
        let uri = file_uri(&ws.path().join("names.md"));
        client.open(&uri, brief);
        let completion = client.request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": position_of(brief, "Vela", 4, false)}),
        );
        let items = completion["items"].as_array().cloned().unwrap_or_default();
        let item = items
            .iter()
            .find(|i| i["label"] == "Ali Akbar Velayati")
            .unwrap_or_else(|| panic!("{client_name}: no Velayati in {completion}"));
        assert_eq!(item["insertTextFormat"], 2, "{client_name}: {item}");
        assert_eq!(item["textEdit"]["newText"], "Ali Akbar Velayati", "{item}");
        assert_eq!(
            item.get("filterText").is_some(),
            keeps_filter_text,
            "{client_name}: {item}"
        );
        // A one-word text stays plain text.
        let one_word = items.iter().find(|i| {
            !i["textEdit"]["newText"]
                .as_str()
                .unwrap_or(" ")
                .contains(' ')
        });
        if let Some(plain) = one_word {
            assert_eq!(plain["insertTextFormat"], 1, "{plain}");
        }
        assert_eq!(client.shutdown(), 0);
    }
}

#[test]
fn event_hover_gives_status_and_why_mentions_joined_over_stdio() {
    // The seeds' Helsinki summit: three articles, joined by place, date and people. A
    // meeting the brief only supposes is not that summit.
    let brief = "# Helsinki — ’26 🙂\n\nThe Helsinki summit was short.\n\nIf Trump meets Putin in Helsinki again, little changes.\n";
    let ws = workspace(&[("events.md", brief.as_bytes())]);
    let (mut client, _) = Client::start(ws.path(), Value::Null, false);
    let uri = file_uri(&ws.path().join("events.md"));
    client.open(&uri, brief);
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position_of(brief, "summit was", 2, false)}),
    );
    let card = hover_text(&hover);
    assert!(card.starts_with("**Helsinki summit** (summit)"), "{card}");
    assert!(card.contains("\n- status: happened"), "{card}");
    let joined = card
        .lines()
        .find(|l| l.starts_with("- joined: "))
        .unwrap_or_else(|| panic!("no joined line: {card}"));
    assert!(joined.contains(" by same "), "{joined}");
    let hypothetical = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position_of(brief, "meets Putin", 2, false)}),
    );
    assert!(
        !hover_text(&hypothetical).contains("Helsinki summit"),
        "{hypothetical}"
    );
    assert_eq!(client.shutdown(), 0);
}
