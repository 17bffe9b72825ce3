//! Corpus files by kind: plain text is read as it is; a saved web page or a PDF report is
//! turned into a plain-text rendition (the document's own metadata as front matter, then
//! its body) that the analysis core indexes like any text file.
//!
//! The kind is chosen by the file's extension and checked against its content, so a PDF
//! saved as `.html` (or a web page saved as `.pdf`) is reported rather than indexed as
//! garbage. Parsing is left to well-kept crates: `dom_smoothie` (a port of Mozilla's
//! Readability) for HTML, `pdf-extract` (over `lopdf`) for PDF.

mod dates;
mod furniture;
pub mod html;
pub mod pdf;

pub use crate::analysis::file_kind::Kind;

/// The extensions the default corpus takes. `.md` is read too when the configuration names
/// it, but is left out of the default: markdown files are the analyst's briefs.
pub const DEFAULT_CORPUS_GLOBS: [&str; 4] = ["**/*.txt", "**/*.html", "**/*.htm", "**/*.pdf"];

/// What a document says about itself (front matter's fields, found in the document).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    /// ISO `YYYY-MM-DD`: what event dates resolve against.
    pub date: Option<String>,
    /// The outlet or site name.
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// The canonical address of the page.
    pub url: Option<String>,
}

/// The text of a saved page or a PDF, with its metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    pub meta: Metadata,
    /// Paragraphs separated by blank lines, lines without trailing spaces.
    pub body: String,
}

/// Why a file could not be turned into text. Every message says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// A PDF whose pages carry no text (scanned images).
    #[error("no text layer: run OCR first")]
    NoTextLayer,
    /// A PDF that needs a password to open.
    #[error("encrypted PDF that needs a password; save an unprotected copy")]
    Encrypted,
    /// A PDF the parser cannot read (truncated, damaged).
    #[error("damaged PDF ({0}); save it again or export it as text")]
    DamagedPdf(String),
    /// A page with no article in it (an index page, a page saved before it loaded).
    #[error(
        "no article body found in the page; save the article page itself, or its text as .txt"
    )]
    NoArticleBody,
    /// The content does not match the extension.
    #[error("named as {expected} but its content is {found}; rename it or exclude it")]
    Mislabelled {
        expected: &'static str,
        found: &'static str,
    },
}

/// Reads `bytes` as `kind`. Text files are not handled here (the loader decodes them).
pub fn extract(kind: Kind, bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let mislabelled = |found| ExtractError::Mislabelled {
        expected: kind.name(),
        found,
    };
    match (kind, sniff(bytes)) {
        (Kind::Html, None | Some("HTML")) => html::extract(bytes),
        (Kind::Pdf, Some("PDF")) => pdf::extract(bytes),
        (Kind::Pdf, found) => Err(mislabelled(found.unwrap_or("not a PDF"))),
        (Kind::Html, Some(found)) => Err(mislabelled(found)),
        (Kind::Text, _) => {
            check_text(bytes)?;
            Ok(Extracted {
                meta: Metadata::default(),
                body: String::from_utf8_lossy(bytes).into_owned(),
            })
        }
    }
}

/// A text file whose content is another kind (`%PDF-` in a `.txt`): the reason to report.
pub fn check_text(bytes: &[u8]) -> Result<(), ExtractError> {
    match sniff(bytes) {
        Some(found @ ("PDF" | "a ZIP archive (an office document?)")) => {
            Err(ExtractError::Mislabelled {
                expected: "text",
                found,
            })
        }
        _ => Ok(()),
    }
}

/// What the first bytes say a file is, when they say it clearly.
fn sniff(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(1024)];
    if memchr::memmem::find(head, b"%PDF-").is_some() {
        return Some("PDF");
    }
    if head.starts_with(b"PK\x03\x04") {
        return Some("a ZIP archive (an office document?)");
    }
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&[][..], |i| &head[i..]);
    let start = start.strip_prefix(b"\xef\xbb\xbf").unwrap_or(start);
    let lower: Vec<u8> = start.iter().take(64).map(u8::to_ascii_lowercase).collect();
    if [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<?xml",
        b"<!--",
    ]
    .iter()
    .any(|tag| lower.starts_with(tag))
    {
        return Some("HTML");
    }
    if memchr::memchr(0, head).is_some() {
        return Some("binary data");
    }
    if !head.is_empty() && !head.contains(&b'<') {
        return Some("plain text");
    }
    None
}

impl Extracted {
    /// The text dossier indexes: a fenced front matter block with the metadata found, a
    /// blank line, then the body. Offsets into the document are offsets into this text,
    /// and go-to-source opens a copy of it kept with the index cache.
    pub fn rendition(&self) -> String {
        let mut text = String::with_capacity(self.body.len() + 256);
        let fields = [
            ("title", &self.meta.title),
            ("date", &self.meta.date),
            ("source", &self.meta.outlet),
            ("author", &self.meta.author),
            ("url", &self.meta.url),
        ];
        if fields.iter().any(|(_, value)| value.is_some()) {
            text.push_str("---\n");
            for (key, value) in fields {
                if let Some(value) = value {
                    text.push_str(key);
                    text.push_str(": ");
                    text.push_str(&one_line(value));
                    text.push('\n');
                }
            }
            text.push_str("---\n\n");
        }
        text.push_str(self.body.trim_end());
        text.push('\n');
        text
    }
}

/// A metadata value on one line, its runs of whitespace as one space.
fn one_line(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cleans a value found in the document: one line, trimmed; `None` when empty.
fn clean(value: Option<&str>) -> Option<String> {
    let value = one_line(value?);
    (!value.is_empty()).then_some(value)
}

/// Paragraphs from extracted text: each line's whitespace collapsed, at most one blank line
/// between paragraphs, none at the ends.
fn tidy_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let mut words = line.split_whitespace();
        let Some(first) = words.next() else {
            blank = !out.is_empty();
            continue;
        };
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(first);
        for word in words {
            out.push(' ');
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests;
