//! Go-to-definition and references on a quote carried by many documents, over real stdio:
//! definition answers the best sources only (the closest, then the earliest, at most the
//! `definitionSources` setting), the hover counts them all, references list every one.

mod support;

use serde_json::{json, Value};
use support::{file_uri, position_of, workspace, Client};

const N_EXACT: usize = 30;
const BRIEF: &str =
    "# Talks\n\nOrtiz said “Peace is within reach if both sides keep talking.” 🙂\n";

/// `N_EXACT` articles with the line, the last one the earliest.
fn corpus_files() -> Vec<(String, String)> {
    (0..N_EXACT)
        .map(|i| {
            let text = format!(
                "title: Report {i}\ndate: {}-05-01\n\n\"Peace is within reach if both sides keep talking,\" Lena Ortiz said in Oslo.\n",
                2050 - i
            );
            (format!("news/d{i:02}.txt"), text)
        })
        .collect()
}

fn start(init_options: Value) -> (support::Workspace, Client, String) {
    let files = corpus_files();
    let mut all: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(path, text)| (path.as_str(), text.as_bytes()))
        .collect();
    all.push(("brief.md", BRIEF.as_bytes()));
    let ws = workspace(&all);
    let (mut client, _) = Client::start(ws.path(), init_options, false);
    let uri = file_uri(&ws.path().join("brief.md"));
    client.open(&uri, BRIEF);
    client.wait_diagnostics(&uri);
    (ws, client, uri)
}

/// The file names a list of locations or location links points at, in order.
fn file_names(answer: &Value, uri_key: &str) -> Vec<String> {
    answer
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item[uri_key].as_str())
                .map(|uri| uri.rsplit('/').next().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn exact_newest_last(count: usize) -> Vec<String> {
    (0..N_EXACT)
        .rev()
        .take(count)
        .map(|i| format!("d{i:02}.txt"))
        .collect()
}

/// What the server answers at `position` of the brief: definition's files, the hover card,
/// the references.
struct Answers {
    definition: Vec<String>,
    card: String,
    references: Value,
}

fn ask(client: &mut Client, uri: &str, position: Value) -> Answers {
    let at = json!({"textDocument": {"uri": uri}, "position": position});
    let definition = client.request("textDocument/definition", at.clone());
    let hover = client.request("textDocument/hover", at.clone());
    let mut params = at;
    params["context"] = json!({"includeDeclaration": true});
    Answers {
        definition: file_names(&definition, "targetUri"),
        card: hover["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        references: client.request("textDocument/references", params),
    }
}

#[test]
fn definition_answers_the_best_twenty_and_references_every_source() {
    let (_ws, mut client, uri) = start(Value::Null);
    let answers = ask(&mut client, &uri, position_of(BRIEF, "within", 2, false));
    assert_eq!(answers.definition, exact_newest_last(20));
    // Nine sources besides the first are named; 30 in all.
    let card = &answers.card;
    assert!(card.contains(" and 20 more sources"), "{card}");
    assert!(card.contains("30 sources in all"), "{card}");
    let references = &answers.references;
    assert_eq!(
        file_names(references, "uri"),
        exact_newest_last(N_EXACT),
        "{references}"
    );
    // Each reference is the quoted words in its article, line 4 (0-based 3).
    for location in references.as_array().into_iter().flatten() {
        assert_eq!(location["range"]["start"]["line"], 3, "{location}");
        assert_eq!(location["range"]["start"]["character"], 1, "{location}");
    }
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn the_definition_sources_setting_caps_definition_only() {
    let (_ws, mut client, uri) = start(json!({"check": {"definitionSources": 3}}));
    let answers = ask(&mut client, &uri, position_of(BRIEF, "keep", 1, false));
    assert_eq!(answers.definition, exact_newest_last(3));
    let card = &answers.card;
    assert!(
        card.contains("go to definition opens the first 3"),
        "{card}"
    );
    let references = &answers.references;
    assert_eq!(
        references.as_array().map_or(0, Vec::len),
        N_EXACT,
        "{references}"
    );
    assert_eq!(client.shutdown(), 0);
}
