//! Source extraction speed on one core: a saved web page (`sources::extract` as HTML) and a
//! PDF report (as PDF) made into text, in bytes of the file per second. Targets (issue 22):
//! 20 MB/s for HTML, 5 MB/s for PDF.
//!
//! Run: `cargo bench --bench sources -- --warm-up-time 1 --measurement-time 5`.
//!
//! Inputs: the committed fixtures (`tests/fixtures/sources`), and larger ones made here
//! from the seed articles so that no download is needed: a 200 KB article page with the
//! usual clutter around it, and a 24-page two-column report with a running header and
//! page numbers, written as the fixture script writes `two_column.pdf` (uncompressed
//! content streams, Helvetica).

use std::fmt::Write as _;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use dossier::sources::{extract, Kind};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/sources/{name}")).expect("run from the crate root")
}

/// The seed articles' paragraphs (front matter left out), in file order.
fn seed_paragraphs() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir("seeds")
        .expect("run from the crate root")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut paragraphs = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let body = match text.strip_prefix("---") {
            Some(rest) => rest.split_once("\n---").map_or(rest, |(_, body)| body),
            None => &text,
        };
        paragraphs.extend(
            body.split("\n\n")
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| p.len() > 40),
        );
    }
    assert!(!paragraphs.is_empty(), "no seed paragraphs");
    paragraphs
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A news page of about `target` bytes: head metadata and scripts, navigation, a cookie
/// banner, the article (the seed paragraphs, a figure and a share bar inside it), a
/// related-stories list, comments and a footer.
fn article_page(paragraphs: &[String], target: usize) -> Vec<u8> {
    let mut page = String::from(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Ceasefire talks resume in Geneva | The Daily Ledger</title>\
         <meta property=\"og:site_name\" content=\"The Daily Ledger\">\
         <meta property=\"article:published_time\" content=\"2021-07-15T09:30:00Z\">\
         <link rel=\"canonical\" href=\"https://ledger.example/world/ceasefire-talks\">\
         <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\
         \"headline\":\"Ceasefire talks resume in Geneva\",\"datePublished\":\"2021-07-15\"}</script>\
         <script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script>\
         <style>body{font-family:serif}.nav a{margin:0 1em}</style></head><body>\
         <div class=\"cookie-banner\">We use cookies to improve your experience. <button>Accept</button></div>\
         <header><nav class=\"nav\"><a href=\"/\">Home</a><a href=\"/world\">World</a>\
         <a href=\"/politics\">Politics</a><a href=\"/business\">Business</a></nav></header>\
         <main><article><h1>Ceasefire talks resume in Geneva</h1>\
         <p class=\"byline\">By Jane Doe</p><time datetime=\"2021-07-15\">July 15, 2021</time>\
         <div class=\"share-bar\"><a href=\"#\">Share</a><a href=\"#\">Tweet</a></div>",
    );
    let mut i = 0;
    while page.len() < target {
        let paragraph = &paragraphs[i % paragraphs.len()];
        let _ = writeln!(page, "<p>{}</p>", escape_html(paragraph));
        if i % 12 == 11 {
            page.push_str(
                "<figure><img src=\"/img/talks.jpg\" alt=\"\"><figcaption>Delegates arrive \
                 for the talks. Photo: Agency</figcaption></figure>\
                 <p class=\"read-more\">Read more: <a href=\"/world/earlier\">Earlier talks \
                 collapsed in March</a></p>",
            );
        }
        i += 1;
    }
    page.push_str(
        "</article><aside class=\"related\"><h2>Related stories</h2><ul>\
         <li><a href=\"/a\">Markets rally on hopes of a deal</a></li>\
         <li><a href=\"/b\">Who are the negotiators?</a></li></ul></aside>\
         <section class=\"comments\"><h2>Comments</h2><p>First!</p></section></main>\
         <footer><p>&copy; 2021 The Daily Ledger</p><a href=\"/terms\">Terms</a></footer>\
         <script>console.log('loaded')</script></body></html>",
    );
    page.into_bytes()
}

/// Lines of at most `width` characters, words kept whole.
fn wrap(paragraph: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in paragraph.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A PDF string literal's text: WinAnsi (non-Latin-1 characters as `?`), with the three
/// special characters escaped.
fn pdf_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' | '(' | ')' => {
                out.push('\\');
                out.push(ch);
            }
            '\u{2018}' | '\u{2019}' => out.push('\''),
            '\u{201c}' | '\u{201d}' => out.push('"'),
            '\u{2014}' | '\u{2013}' => out.push('-'),
            ch if ch.is_ascii() => out.push(ch),
            _ => out.push('?'),
        }
    }
    out
}

/// A report of `n_pages` pages: a running header and a page number on each, the text in
/// two columns of 52 lines, the seed paragraphs flowing down the left column, then the
/// right, then onto the next page.
fn report_pdf(paragraphs: &[String], n_pages: usize) -> Vec<u8> {
    const LINES_PER_COLUMN: usize = 52;
    let mut lines = Vec::new();
    let mut i = 0;
    while lines.len() < n_pages * 2 * LINES_PER_COLUMN {
        lines.extend(wrap(&paragraphs[i % paragraphs.len()], 48));
        lines.push(String::new());
        i += 1;
    }
    let mut streams = Vec::new();
    let mut lines = lines.iter();
    for page in 0..n_pages {
        let mut stream = String::new();
        let _ = writeln!(
            stream,
            "BT /F1 9 Tf 72 760 Td (Geneva Monitoring Report - Quarterly Review) Tj ET"
        );
        let _ = writeln!(stream, "BT /F1 9 Tf 300 40 Td (Page {}) Tj ET", page + 1);
        for x in [54, 312] {
            for row in 0..LINES_PER_COLUMN {
                let Some(line) = lines.next() else { break };
                if line.is_empty() {
                    continue;
                }
                let y = 730 - 13 * row;
                let _ = writeln!(
                    stream,
                    "BT /F1 10 Tf {x} {y} Td ({}) Tj ET",
                    pdf_string(line)
                );
            }
        }
        streams.push(stream);
    }
    // Objects 1 catalog, 2 pages, then a page and its content per page, then the font.
    let font = 3 + 2 * n_pages;
    let kids: Vec<String> = (0..n_pages).map(|i| format!("{} 0 R", 3 + 2 * i)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {n_pages} >>",
            kids.join(" ")
        ),
    ];
    for (i, stream) in streams.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
             /Resources << /Font << /F1 {font} 0 R >> >> /Contents {} 0 R >>",
            4 + 2 * i
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{stream}endstream",
            stream.len()
        ));
    }
    objects.push(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_string(),
    );
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        let _ = writeln!(pdf, "{} 0 obj\n{object}\nendobj", i + 1);
    }
    let xref = pdf.len();
    let _ = writeln!(pdf, "xref\n0 {}\n0000000000 65535 f ", objects.len() + 1);
    for offset in offsets {
        let _ = writeln!(pdf, "{offset:010} 00000 n ");
    }
    let _ = writeln!(
        pdf,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF",
        objects.len() + 1
    );
    pdf.into_bytes()
}

fn bench_one(c: &mut Criterion, group: &str, name: &str, kind: Kind, bytes: &[u8]) {
    // A bench of a file that does not extract would time the failure.
    let extracted = extract(kind, bytes).unwrap_or_else(|err| panic!("{name}: {err}"));
    assert!(extracted.body.len() > 100, "{name}: too little text");
    eprintln!("{group}/{name}: {} bytes", bytes.len());
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function(name, |b| b.iter(|| extract(kind, black_box(bytes))));
    group.finish();
}

fn sources(c: &mut Criterion) {
    let paragraphs = seed_paragraphs();
    let page = article_page(&paragraphs, 200_000);
    let report = report_pdf(&paragraphs, 24);
    bench_one(
        c,
        "html",
        "fixture_article_with_clutter",
        Kind::Html,
        &fixture("article_with_clutter.html"),
    );
    bench_one(c, "html", "article_page_200k", Kind::Html, &page);
    bench_one(
        c,
        "pdf",
        "fixture_two_column",
        Kind::Pdf,
        &fixture("two_column.pdf"),
    );
    bench_one(c, "pdf", "report_24_pages", Kind::Pdf, &report);
}

criterion_group!(benches, sources);
criterion_main!(benches);
