//! What a corpus file is read as, by its extension: the rule the edge (`sources`) reads
//! files by and the core's citations follow (a saved page or a PDF is opened through its
//! plain-text rendition). Here rather than in `sources` so the core imports nothing from
//! the edge.

use std::path::Path;

/// What a corpus file is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `.txt`, `.md` and any other extension not listed below: the bytes are the text.
    Text,
    /// `.html`, `.htm`: a saved article page.
    Html,
    /// `.pdf`: a report or transcript with a text layer.
    Pdf,
}

/// Extensions of documents dossier cannot read (yet): reported rather than indexed as text.
const UNSUPPORTED_EXTENSIONS: [&str; 9] = [
    "docx",
    "doc",
    "odt",
    "rtf",
    "epub",
    "pptx",
    "xlsx",
    "mhtml",
    "webarchive",
];

impl Kind {
    /// The kind a path's extension names, or the extension when it is one dossier does not
    /// read.
    pub fn of_path(path: &Path) -> Result<Kind, String> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Ok(Kind::Html),
            "pdf" => Ok(Kind::Pdf),
            ext if UNSUPPORTED_EXTENSIONS.contains(&ext) => Err(ext.to_string()),
            _ => Ok(Kind::Text),
        }
    }

    /// The kind as messages name it ("named as PDF but ...").
    pub fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Html => "HTML",
            Kind::Pdf => "PDF",
        }
    }
}
