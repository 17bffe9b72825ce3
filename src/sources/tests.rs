//! Kinds by extension and content, renditions, and every bad kind of file as an error.

use std::path::Path;

use super::*;

#[test]
fn kinds_by_extension() {
    assert_eq!(Kind::of_path(Path::new("a/b.HTM")), Ok(Kind::Html));
    assert_eq!(Kind::of_path(Path::new("b.pdf")), Ok(Kind::Pdf));
    assert_eq!(Kind::of_path(Path::new("b.md")), Ok(Kind::Text));
    assert_eq!(Kind::of_path(Path::new("noext")), Ok(Kind::Text));
    assert_eq!(Kind::of_path(Path::new("r.docx")), Err("docx".to_string()));
}

#[test]
fn content_that_does_not_match_the_extension_is_refused() {
    let pdf = b"%PDF-1.4\n1 0 obj <<>> endobj";
    let cases: [(Kind, &[u8], &str); 5] = [
        (Kind::Html, pdf, "named as HTML but its content is PDF"),
        (
            Kind::Pdf,
            b"<!DOCTYPE html><p>hi</p>",
            "named as PDF but its content is HTML",
        ),
        (
            Kind::Pdf,
            b"just words",
            "named as PDF but its content is plain text",
        ),
        (
            Kind::Html,
            b"just words, no markup at all",
            "named as HTML but its content is plain text",
        ),
        (Kind::Text, pdf, "named as text but its content is PDF"),
    ];
    for (kind, bytes, want) in cases {
        let err = extract(kind, bytes).unwrap_err().to_string();
        assert!(err.starts_with(want), "{kind:?}: {err}");
    }
    assert!(check_text("plain “text” é".as_bytes()).is_ok());
}

#[test]
fn the_rendition_is_front_matter_then_the_body() {
    let extracted = Extracted {
        meta: Metadata {
            title: Some("Talks\nresume".into()),
            date: Some("2019-03-12".into()),
            outlet: Some("The Post".into()),
            author: None,
            url: Some("https://example.com/a".into()),
        },
        body: "First paragraph.\n\nSecond — é.\n\n".into(),
    };
    expect_test::expect![[r#"
        ---
        title: Talks resume
        date: 2019-03-12
        source: The Post
        url: https://example.com/a
        ---

        First paragraph.

        Second — é.
    "#]]
    .assert_eq(&extracted.rendition());
    let (front_matter, body_start) =
        crate::analysis::corpus::parse_front_matter(&extracted.rendition());
    assert_eq!(front_matter.title.as_deref(), Some("Talks resume"));
    assert_eq!(front_matter.date.as_deref(), Some("2019-03-12"));
    assert_eq!(front_matter.source.as_deref(), Some("The Post"));
    assert!(extracted.rendition()[body_start..].starts_with("\nFirst paragraph."));
}

#[test]
fn paragraphs_are_tidied() {
    assert_eq!(tidy_paragraphs("  a   b \n c\n\n\n\n d \n"), "a b\nc\n\nd");
    assert_eq!(tidy_paragraphs("\n\n"), "");
}
