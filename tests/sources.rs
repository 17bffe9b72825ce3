//! Corpus files by kind (issue 22): saved pages and PDFs on committed fixtures
//! (tests/fixtures/sources, the PDFs written by scripts/source_fixtures.py), every bad
//! kind of file as a load problem, and the rest of the corpus indexed; quotes in an HTML
//! and a PDF source verified by `dossier check`; go-to-source on them over stdio, landing
//! in their plain-text renditions beside the index cache.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use dossier::sources::{self, ExtractError, Kind};
use dossier::workspace::{self, LoadProblem};
use serde_json::{json, Value};
use support::{binary, cache_dir, file_uri, position_of, workspace, Client};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sources")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

fn extracted(name: &str) -> sources::Extracted {
    let kind = Kind::of_path(Path::new(name)).unwrap();
    sources::extract(kind, &fixture(name)).unwrap_or_else(|err| panic!("{name}: {err}"))
}

fn failure(name: &str) -> ExtractError {
    let kind = Kind::of_path(Path::new(name)).unwrap();
    sources::extract(kind, &fixture(name)).expect_err(name)
}

/// The quotes of the two fixtures, as their pages write them.
const PDF_QUOTES: [&str; 3] = [
    "We will not accept any agreement that leaves the northern provinces without protection,",
    "The reconstruction of the water infrastructure cannot wait for a political settlement,",
    "systematically obstructing humanitarian deliveries to besieged neighbourhoods",
];

#[test]
fn an_article_page_gives_its_body_without_the_clutter_and_its_metadata() {
    let page = extracted("article_with_clutter.html");
    let body = &page.body;
    for kept in [
        "Negotiators in Geneva failed on Thursday",
        "“We came here to open the roads for food and medicine, and we will not leave until they are open,” said Foreign Minister Amira Haddad",
        "“systematically obstructing humanitarian deliveries to besieged neighbourhoods”",
        "Mediators expect the delegations to meet again next week",
    ] {
        assert!(body.contains(kept), "missing {kept:?} in:\n{body}");
    }
    for clutter in [
        "cookies",
        "Subscribe",
        "Related stories",
        "Timeline: eight years",
        "Another week, another failure",
        "tracking pixel",
        "All rights reserved",
        "analytics",
        // Furniture inside the article's own container.
        "Share on Facebook",
        "Email this story",
        "Bab al-Hawa",
        "Samir Aziz",
        "Advertisement",
        "Aid agencies warn of famine",
        "daily briefing",
        "in your inbox",
        "Sign up",
    ] {
        assert!(!body.contains(clutter), "{clutter:?} kept in:\n{body}");
    }
    // One paragraph a line, blank lines between.
    assert_eq!(body.split("\n\n").count(), 5, "{body}");
    let meta = &page.meta;
    assert_eq!(
        meta.title.as_deref(),
        Some("Ceasefire talks stall over aid corridors")
    );
    assert_eq!(meta.date.as_deref(), Some("2019-03-14"));
    assert_eq!(meta.outlet.as_deref(), Some("The Geneva Ledger"));
    assert_eq!(meta.author.as_deref(), Some("Lena Marchetti"));
    assert_eq!(
        meta.url.as_deref(),
        Some("https://ledger.example/world/2019/03/14/ceasefire-talks-stall")
    );
}

#[test]
fn malformed_html_still_gives_its_article() {
    let page = extracted("malformed.html");
    assert!(page.body.contains(
        "\"We are not going back until the safety rules are in the contract,\" said union leader Joao Ferreira"
    ), "{}", page.body);
    assert!(page.body.contains("two million euros a day — a figure"));
    assert!(!page.body.contains("Copyright"), "{}", page.body);
    assert_eq!(page.meta.date.as_deref(), Some("2020-06-02"));
}

#[test]
fn a_page_without_an_article_is_refused() {
    assert_eq!(failure("no_body.html"), ExtractError::NoArticleBody);
}

#[test]
fn a_two_column_pdf_reads_in_order_without_headers_or_hyphens() {
    let pdf = extracted("two_column.pdf");
    let body = &pdf.body;
    for quote in PDF_QUOTES {
        assert!(body.contains(quote), "missing {quote:?} in:\n{body}");
    }
    // Reading order: the left column, then the right one, then the next page.
    let order = [
        "Negotiators from both governments",
        "Delegates described",
        "The reconstruction of the water",
        "The opposition delegation",
        "Diplomats expect the talks",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|p| {
            body.find(p)
                .unwrap_or_else(|| panic!("{p:?} missing:\n{body}"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "{positions:?}\n{body}"
    );
    // A paragraph cut by a column break goes on; hyphens at line ends are undone.
    assert!(body.contains("according to monitors from the International Committee"));
    assert!(body.contains("constructive") && body.contains("infrastructure cannot"));
    assert!(!body.contains("- "), "a hyphen left at a line end:\n{body}");
    // The running header and the page numbers are dropped.
    assert!(!body.contains("Geneva Monitoring Report"), "{body}");
    assert!(
        !body.contains("Page 1") && !body.contains("Page 2"),
        "{body}"
    );
    assert_eq!(
        pdf.meta.title.as_deref(),
        Some("Third round of ceasefire talks opens")
    );
    assert_eq!(pdf.meta.date.as_deref(), Some("2019-03-12"));
    assert_eq!(pdf.meta.author.as_deref(), Some("Geneva Monitoring Group"));
}

#[test]
fn bad_pdfs_each_say_why() {
    assert_eq!(failure("image_only.pdf"), ExtractError::NoTextLayer);
    assert_eq!(
        failure("image_only.pdf").to_string(),
        "no text layer: run OCR first"
    );
    assert_eq!(failure("encrypted.pdf"), ExtractError::Encrypted);
    assert!(matches!(
        failure("truncated.pdf"),
        ExtractError::DamagedPdf(_)
    ));
}

#[test]
fn odd_bytes_never_panic() {
    let pdf = fixture("two_column.pdf");
    let html = fixture("article_with_clutter.html");
    let mut inputs: Vec<(Kind, Vec<u8>)> = Vec::new();
    for cut in [0, 1, 5, 9, 100, pdf.len() / 3, pdf.len() - 10] {
        inputs.push((Kind::Pdf, pdf[..cut].to_vec()));
        inputs.push((Kind::Html, html[..cut.min(html.len())].to_vec()));
    }
    let mut flipped = pdf.clone();
    for i in (20..flipped.len()).step_by(97) {
        flipped[i] ^= 0x5a;
    }
    inputs.push((Kind::Pdf, flipped));
    inputs.push((Kind::Html, vec![0xff; 3000]));
    inputs.push((Kind::Html, b"<".repeat(5000)));
    for (kind, bytes) in inputs {
        // Ok or a reason, never a panic (the PDF reader's own panics are caught).
        let _ = sources::extract(kind, &bytes);
    }
}

fn copy_fixtures(root: &Path) -> Vec<PathBuf> {
    let dir = root.join("sources");
    std::fs::create_dir_all(&dir).unwrap();
    let names = [
        "article_with_clutter.html",
        "malformed.html",
        "no_body.html",
        "two_column.pdf",
        "image_only.pdf",
        "encrypted.pdf",
        "truncated.pdf",
    ];
    for name in names {
        std::fs::write(dir.join(name), fixture(name)).unwrap();
    }
    // Mislabelled and unsupported files.
    std::fs::write(dir.join("report.html"), fixture("two_column.pdf")).unwrap();
    std::fs::write(dir.join("page.pdf"), fixture("malformed.html")).unwrap();
    std::fs::write(dir.join("notes.docx"), b"PK\x03\x04 not really").unwrap();
    std::fs::write(dir.join("wire.txt"), b"A wire story with words in it.").unwrap();
    names.iter().map(|n| dir.join(n)).collect()
}

#[test]
fn every_bad_file_is_a_load_problem_and_the_rest_is_indexed() {
    let dir = tempfile::TempDir::new().unwrap();
    copy_fixtures(dir.path());
    let config = dossier::config::Config {
        corpus: vec!["sources".into()],
        ..Default::default()
    };
    let (files, problems) = workspace::discover_corpus(dir.path(), &config);
    assert!(problems.is_empty(), "{problems:?}");
    let (loaded, problems) = workspace::load_sources(dir.path(), &files, 1 << 20, &|_, _| {});
    let names: Vec<&str> = loaded.iter().map(|s| s.rel_path.as_str()).collect();
    assert_eq!(
        names,
        [
            "sources/article_with_clutter.html",
            "sources/malformed.html",
            "sources/two_column.pdf",
            "sources/wire.txt"
        ]
    );
    let root = format!("{}/", dir.path().display());
    let mut messages: Vec<String> = problems
        .iter()
        .map(|p| p.to_string().replace(&root, ""))
        .collect();
    messages.sort();
    expect_test::expect![[r#"
        [
            "sources/encrypted.pdf: encrypted PDF that needs a password; save an unprotected copy; skipped",
            "sources/image_only.pdf: no text layer: run OCR first; skipped",
            "sources/no_body.html: no article body found in the page; save the article page itself, or its text as .txt; skipped",
            "sources/notes.docx: .docx files are not read (dossier reads .txt, .md, .html, .htm and .pdf); skipped (convert it or exclude it)",
            "sources/page.pdf: named as PDF but its content is HTML; rename it or exclude it; skipped",
            "sources/report.html: named as HTML but its content is PDF; rename it or exclude it; skipped",
            "sources/truncated.pdf: damaged PDF (failed parsing cross reference table: invalid start value); save it again or export it as text; skipped",
        ]
    "#]]
    .assert_debug_eq(&messages);
    assert!(problems.iter().all(|p| matches!(
        p,
        LoadProblem::Extraction { .. } | LoadProblem::Unsupported { .. }
    )));
}

#[test]
fn the_default_corpus_takes_every_supported_kind() {
    let dir = tempfile::TempDir::new().unwrap();
    copy_fixtures(dir.path());
    let (files, _) = workspace::discover_corpus(dir.path(), &Default::default());
    let names: Vec<String> = files
        .iter()
        .map(|p| workspace::rel_path(dir.path(), p))
        .collect();
    assert!(
        names.contains(&"sources/two_column.pdf".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"sources/malformed.html".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"sources/wire.txt".to_string()), "{names:?}");
    assert!(!names.iter().any(|n| n.ends_with(".docx")), "{names:?}");
}

#[test]
fn check_verifies_quotes_from_a_page_and_a_pdf_and_resolves_against_their_dates() {
    let brief = "# Talks\n\nHaddad said \"We will not accept any agreement that leaves the northern provinces without protection\" [@two_column].\n\nNassar spoke of \"systematically obstructing humanitarian deliveries to besieged neighbourhoods\" [@article_with_clutter].\n\nA made-up line: \"the corridors are open to every convoy from today\".\n";
    let ws = workspace(&[("brief.md", brief.as_bytes())]);
    copy_fixtures(ws.path());
    let output = Command::new(binary())
        .args(["check", "--format", "json", "brief.md"])
        .current_dir(ws.path())
        .env("DOSSIER_CACHE_DIR", cache_dir(ws.path()))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let findings: serde_json::Value =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|_| panic!("{stderr}"));
    let codes: Vec<(u64, &str)> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["line"].as_u64().unwrap(), f["code"].as_str().unwrap()))
        .collect();
    // Only the made-up quote is flagged: both real ones were found in their sources.
    assert_eq!(codes, [(7, "quote-not-found")], "{findings:#}\n{stderr}");
    assert!(stderr.contains("no text layer: run OCR first"), "{stderr}");
    // The index knows the documents' dates, so "Thursday" resolves against them.
    let output = Command::new(binary())
        .args(["index", "--json"])
        .current_dir(ws.path())
        .env("DOSSIER_CACHE_DIR", cache_dir(ws.path()))
        .output()
        .unwrap();
    let index: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let docs = index["documents"].as_array().unwrap();
    let page = docs
        .iter()
        .find(|d| d["key"] == "article_with_clutter")
        .expect("the page is indexed");
    assert_eq!(page["title"], "Ceasefire talks stall over aid corridors");
}

/// The text a UTF-8 LSP range selects in `text`, its whitespace runs as one space.
fn selected(text: &str, range: &Value) -> String {
    let offset = |pos: &Value| {
        let line = pos["line"].as_u64().unwrap() as usize;
        let line_start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        line_start + pos["character"].as_u64().unwrap() as usize
    };
    let span = offset(&range["start"])..offset(&range["end"]);
    let words = text
        .get(span.clone())
        .unwrap_or_else(|| panic!("{span:?} not in the text"));
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn go_to_source_in_a_page_or_a_pdf_opens_its_text_beside_the_cache_on_the_quote() {
    let pdf_quote = PDF_QUOTES[1].trim_end_matches(',');
    let page_quote = "we will not leave until they are open";
    let brief = format!(
        "# Talks\n\nLindqvist said \"{pdf_quote}\" [@two_column].\n\nHaddad said \"{page_quote}\" [@article_with_clutter].\n"
    );
    let ws = workspace(&[("brief.md", brief.as_bytes())]);
    copy_fixtures(ws.path());
    let files_before = files_under(ws.path());
    let (mut client, _) = Client::start(ws.path(), Value::Null, true);
    let uri = file_uri(&ws.path().join("brief.md"));
    client.open(&uri, &brief);
    client.wait_diagnostics(&uri);
    for (quote, original) in [
        (pdf_quote, "sources/two_column.pdf"),
        (page_quote, "sources/article_with_clutter.html"),
    ] {
        let at =
            json!({"textDocument": {"uri": uri}, "position": position_of(&brief, quote, 3, true)});
        let definition = client.request("textDocument/definition", at.clone());
        let link = &definition[0];
        let target = link["targetUri"]
            .as_str()
            .unwrap_or_else(|| panic!("{definition:#}"));
        let path = url_path(target);
        let cache = cache_dir(ws.path()).canonicalize().unwrap();
        // The rendition: beside the index cache, never in the workspace, named after the file.
        assert!(path.starts_with(&cache), "{path:?} is not under {cache:?}");
        assert!(
            path.ends_with(format!("renditions/{original}.txt")),
            "{path:?}"
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            selected(&text, &link["targetSelectionRange"]),
            quote,
            "{definition:#}"
        );
        // Its text is the document as indexed: front matter, then the body.
        assert!(text.starts_with("---\ntitle: "), "{text}");
        let hover = client.request("textDocument/hover", at);
        let card = hover["contents"]["value"].as_str().unwrap_or_default();
        assert!(card.starts_with("**Quote verified**"), "{card}");
        let original_uri = file_uri(&ws.path().join(original));
        let file_name = original.rsplit('/').next().unwrap().replace('_', "\\_");
        assert!(
            card.contains(&format!("Original: [{file_name}]({original_uri})")),
            "{card}\nwanted a link to {original_uri}"
        );
    }
    // The citation's card: title, outlet, date, address and the original file.
    let at = json!({"textDocument": {"uri": uri}, "position": position_of(&brief, "@article_with_clutter", 2, true)});
    let hover = client.request("textDocument/hover", at);
    let card = hover["contents"]["value"].as_str().unwrap_or_default();
    for wanted in [
        "**Ceasefire talks stall over aid corridors**",
        "2019-03-14",
        "The Geneva Ledger",
        "<https://ledger.example/world/2019/03/14/ceasefire-talks-stall>",
        "Original: [article\\_with\\_clutter.html](file://",
    ] {
        assert!(card.contains(wanted), "{wanted:?} not in {card}");
    }
    // Nothing was written into the workspace.
    assert_eq!(files_under(ws.path()), files_before);
    client.shutdown();
}

/// The path of a `file://` URI.
fn url_path(uri: &str) -> PathBuf {
    let path = uri
        .strip_prefix("file://")
        .unwrap_or_else(|| panic!("{uri}"));
    let mut bytes = Vec::new();
    let mut rest = path.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        if byte == b'%' && tail.len() >= 2 {
            let hex = std::str::from_utf8(&tail[..2]).unwrap();
            bytes.push(u8::from_str_radix(hex, 16).unwrap());
            rest = &tail[2..];
        } else {
            bytes.push(byte);
            rest = tail;
        }
    }
    PathBuf::from(String::from_utf8(bytes).unwrap())
}

/// Every file under `dir`, relative, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    files.sort();
    files
}
