//! The corpus model: source documents with their keys, titles and front matter.
//!
//! Loading happens at the edge (`crate::workspace`); this module receives text and never
//! fails: a file without front matter simply has none.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use super::text::LineIndex;

/// Index of a document in [`Corpus::docs`].
pub type DocId = u32;

/// A source file as the loader hands it over.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// Absolute path (used for links and URIs).
    pub path: PathBuf,
    /// Path relative to the workspace with `/` separators (used for keys and display).
    pub rel_path: String,
    pub text: String,
}

/// Optional `key: value` lines at the top of a source file.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
}

/// One corpus document, ready for extraction.
#[derive(Debug, Clone)]
pub struct Document {
    pub key: String,
    pub path: PathBuf,
    pub rel_path: String,
    pub title: String,
    pub front_matter: FrontMatter,
    text: DocText,
    /// The text's length in bytes (known without reading a deferred text).
    len: usize,
    /// A 128-bit xxh3 hash of the text: what the index cache and a deferred text's reader
    /// check the file against.
    pub hash: u128,
    /// Where the article body starts (after any front matter); extraction reads from here.
    pub body: Range<usize>,
    pub line_index: LineIndex,
    /// The file as the loader saw it when it read the text (default when not known).
    pub stamp: FileStamp,
}

/// A corpus file's size and modification time when its text was read: what lets the index
/// cache skip reading an unchanged file at the next start.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileStamp {
    /// Bytes on disk (the text can differ when invalid UTF-8 was replaced).
    pub size: u64,
    /// Nanoseconds since the Unix epoch; 0 when unknown or too close to the read to be
    /// trusted (a file written again within the same clock tick keeps its time).
    pub modified_ns: u64,
    /// The file was not valid UTF-8 (the loader warns about it at every start).
    pub invalid_utf8: bool,
}

/// What a deferred document keeps instead of its text (see [`Document::deferred`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DocumentMeta {
    pub title: String,
    pub front_matter: FrontMatter,
    pub len: usize,
    pub hash: u128,
    pub body_start: usize,
    pub line_index: LineIndex,
}

/// Reads the text of a deferred document back, at the edge (the analysis core does no IO).
pub trait TextLoader: std::fmt::Debug + Send + Sync {
    /// The text of `doc` exactly as it was indexed (same length and hash), or why it cannot
    /// be had: the file changed or vanished since.
    fn load(&self, doc: &Document) -> Result<String, String>;
}

#[derive(Debug, Clone)]
enum DocText {
    Loaded(String),
    /// Read on first use; an unreadable text reads as empty (said in the log once), so no
    /// span into it resolves.
    Deferred {
        loader: Arc<dyn TextLoader>,
        text: OnceLock<String>,
    },
}

impl Document {
    pub fn new(source: SourceText, key: String) -> Document {
        let meta = DocumentMeta::of(&source.text);
        let mut doc = Document::deferred(source.path, source.rel_path, key, meta, None);
        doc.text = DocText::Loaded(source.text);
        doc
    }

    /// A document whose text stays on disk until something reads it: the index cache knows
    /// everything else about an unchanged file. `loader` is `None` only inside
    /// [`Document::new`].
    pub fn deferred(
        path: PathBuf,
        rel_path: String,
        key: String,
        meta: DocumentMeta,
        loader: Option<Arc<dyn TextLoader>>,
    ) -> Document {
        let text = match loader {
            Some(loader) => DocText::Deferred {
                loader,
                text: OnceLock::new(),
            },
            None => DocText::Loaded(String::new()),
        };
        Document {
            key,
            path,
            rel_path,
            title: meta.title,
            front_matter: meta.front_matter,
            text,
            len: meta.len,
            hash: meta.hash,
            body: meta.body_start.min(meta.len)..meta.len,
            line_index: meta.line_index,
            stamp: FileStamp::default(),
        }
    }

    /// What [`Document::deferred`] needs to stand in for this document.
    pub fn meta(&self) -> DocumentMeta {
        DocumentMeta {
            title: self.title.clone(),
            front_matter: self.front_matter.clone(),
            len: self.len,
            hash: self.hash,
            body_start: self.body.start,
            line_index: self.line_index.clone(),
        }
    }

    /// The whole text, read from disk on first use when deferred.
    pub fn text(&self) -> &str {
        match &self.text {
            DocText::Loaded(text) => text,
            DocText::Deferred { loader, text } => text.get_or_init(|| {
                loader.load(self).unwrap_or_else(|why| {
                    tracing::warn!("cannot read {} back: {why}", self.rel_path);
                    String::new()
                })
            }),
        }
    }

    /// The text's length in bytes, without reading a deferred text.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether the text is in memory (always, unless deferred and not read yet).
    pub fn is_text_loaded(&self) -> bool {
        match &self.text {
            DocText::Loaded(_) => true,
            DocText::Deferred { text, .. } => text.get().is_some(),
        }
    }

    pub fn body_text(&self) -> &str {
        self.text().get(self.body.clone()).unwrap_or_default()
    }

    pub fn date(&self) -> Option<&str> {
        self.front_matter.date.as_deref()
    }

    /// The sentence-ish span around `range`: the line (paragraph) that holds it, trimmed.
    pub fn enclosing_line(&self, range: Range<usize>) -> Range<usize> {
        let first = self.line_index.line_of(range.start);
        let last = self
            .line_index
            .line_of(range.end.saturating_sub(1).max(range.start));
        let start = self
            .line_index
            .line_range(first)
            .map_or(range.start, |r| r.start);
        let end = self
            .line_index
            .line_range(last)
            .map_or(range.end, |r| r.end);
        start.min(range.start)..end.max(range.end)
    }
}

impl DocumentMeta {
    /// Everything about `text` a deferred document keeps.
    pub fn of(text: &str) -> DocumentMeta {
        let (front_matter, body_start) = parse_front_matter(text);
        let title = front_matter
            .title
            .clone()
            .unwrap_or_else(|| first_line_title(&text[body_start..]));
        DocumentMeta {
            title,
            front_matter,
            len: text.len(),
            hash: xxhash_rust::xxh3::xxh3_128(text.as_bytes()),
            body_start,
            line_index: LineIndex::new(text),
        }
    }
}

/// Document keys for a set of relative paths: the file stem, or where two files share a
/// stem, the relative path without its extension.
pub fn document_keys(rel_paths: &[&str]) -> Vec<String> {
    let stems: Vec<&str> = rel_paths.iter().map(|p| stem(p)).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for s in &stems {
        *counts.entry(s).or_default() += 1;
    }
    let keys: Vec<&str> = rel_paths
        .iter()
        .zip(&stems)
        .map(|(path, stem)| {
            if counts[stem] > 1 {
                without_extension(path)
            } else {
                stem
            }
        })
        .collect();
    // `c/y.md` and `c/y.txt` still share `c/y`: the extension tells them apart, so that
    // both stay citable (the workspace reports the clash, see `workspace::key_clashes`).
    let mut key_counts: HashMap<&str, usize> = HashMap::new();
    for key in &keys {
        *key_counts.entry(key).or_default() += 1;
    }
    rel_paths
        .iter()
        .zip(&keys)
        .map(|(path, key)| {
            if key_counts[key] > 1 {
                path.to_string()
            } else {
                key.to_string()
            }
        })
        .collect()
}

/// Groups of corpus files whose stems and paths without extension are the same (so their
/// keys carry the extension), for the workspace to report.
pub fn key_clashes(rel_paths: &[&str]) -> Vec<(String, Vec<String>)> {
    let mut by_key: HashMap<&str, Vec<&str>> = HashMap::new();
    for path in rel_paths {
        by_key
            .entry(without_extension(path))
            .or_default()
            .push(path);
    }
    let mut clashes: Vec<(String, Vec<String>)> = by_key
        .into_iter()
        .filter(|(_, paths)| paths.len() > 1)
        .map(|(key, paths)| {
            (
                key.to_string(),
                paths.iter().map(|p| p.to_string()).collect(),
            )
        })
        .collect();
    clashes.sort();
    clashes
}

fn stem(rel_path: &str) -> &str {
    let name = rel_path.rsplit('/').next().unwrap_or(rel_path);
    without_extension(name)
}

fn without_extension(path: &str) -> &str {
    let name_start = path.rfind('/').map_or(0, |i| i + 1);
    match path[name_start..].rfind('.') {
        Some(dot) if dot > 0 => &path[..name_start + dot],
        _ => path,
    }
}

const FRONT_MATTER_KEYS: [&str; 5] = ["title", "date", "source", "author", "url"];

/// Reads front matter: either a `---` fenced block, or consecutive `key: value` lines at the
/// very top using only the known keys (so an article that opens with "Note: ..." keeps its
/// first line). Returns the front matter and the offset where the body starts.
pub fn parse_front_matter(text: &str) -> (FrontMatter, usize) {
    let text_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut front_matter = FrontMatter::default();
    let mut lines = LinesWithOffsets::new(text, text_start);
    let fenced = match lines.peek() {
        Some((line, _)) if line.trim_end() == "---" => {
            lines.next();
            true
        }
        _ => false,
    };
    let mut body_start = text_start;
    let mut n_fields = 0;
    for (line, next_start) in lines {
        let trimmed = line.trim();
        if fenced && trimmed == "---" {
            return (front_matter, next_start);
        }
        if trimmed.is_empty() && !fenced {
            if n_fields > 0 {
                body_start = next_start;
            }
            break;
        }
        match parse_field(trimmed) {
            Some((key, value)) => {
                n_fields += 1;
                body_start = next_start;
                let slot = match key.as_str() {
                    "title" => &mut front_matter.title,
                    "date" => &mut front_matter.date,
                    "source" => &mut front_matter.source,
                    "author" => &mut front_matter.author,
                    _ => &mut front_matter.url,
                };
                if !value.is_empty() {
                    *slot = Some(value);
                }
            }
            None if fenced => {} // unknown keys inside a fence are tolerated
            None => break,
        }
    }
    if fenced {
        // An unclosed fence is not front matter after all.
        return (FrontMatter::default(), text_start);
    }
    if n_fields == 0 {
        return (FrontMatter::default(), text_start);
    }
    (front_matter, body_start)
}

fn parse_field(line: &str) -> Option<(String, String)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim().to_ascii_lowercase();
    if !FRONT_MATTER_KEYS.contains(&key.as_str()) {
        return None;
    }
    let value = value.trim().trim_matches('"').trim().to_string();
    Some((key, value))
}

/// Title from the first non-empty line, shortened for display.
fn first_line_title(body: &str) -> String {
    let line = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let line = line.trim_start_matches('\u{feff}');
    const MAX_CHARS: usize = 120;
    if line.chars().count() <= MAX_CHARS {
        return line.to_string();
    }
    let cut: String = line.chars().take(MAX_CHARS).collect();
    format!("{}…", cut.trim_end())
}

/// Lines of a text with the offset just past each line's ending.
struct LinesWithOffsets<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> LinesWithOffsets<'a> {
    fn new(text: &'a str, pos: usize) -> Self {
        LinesWithOffsets { text, pos }
    }

    fn peek(&self) -> Option<(&'a str, usize)> {
        LinesWithOffsets {
            text: self.text,
            pos: self.pos,
        }
        .next()
    }
}

impl<'a> Iterator for LinesWithOffsets<'a> {
    type Item = (&'a str, usize);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.pos..];
        let (line, consumed) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        self.pos += consumed;
        Some((line.trim_end_matches('\r'), self.pos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    #[test]
    fn keys_are_stems_unless_two_files_share_one() {
        let keys = document_keys(&["seeds/a.txt", "news/b.txt", "other/b.txt", "c"]);
        expect![[r#"["a", "news/b", "other/b", "c"]"#]].assert_eq(&format!("{keys:?}"));
    }

    #[test]
    fn front_matter_lines_at_the_top() {
        let text = "title: Putin in Tehran\ndate: 2017-11-01\nsource: CGTN\n\nBody starts here.";
        let (fm, body) = parse_front_matter(text);
        assert_eq!(fm.title.as_deref(), Some("Putin in Tehran"));
        assert_eq!(fm.date.as_deref(), Some("2017-11-01"));
        assert_eq!(fm.source.as_deref(), Some("CGTN"));
        assert_eq!(&text[body..], "Body starts here.");
    }

    #[test]
    fn fenced_front_matter_and_crlf() {
        let text = "---\r\ntitle: A\r\nauthor: x\r\n---\r\nBody";
        let (fm, body) = parse_front_matter(text);
        assert_eq!(fm.title.as_deref(), Some("A"));
        assert_eq!(&text[body..], "Body");
    }

    #[test]
    fn article_text_is_not_front_matter() {
        for text in [
            "Note: this is prose.\nMore.",
            "MOSCOW (AP) — text",
            "---\nnever closed",
        ] {
            let (fm, body) = parse_front_matter(text);
            assert_eq!(fm, FrontMatter::default());
            assert_eq!(body, 0);
        }
    }

    #[test]
    fn title_is_front_matter_or_first_non_empty_line() {
        let doc = Document::new(
            SourceText {
                path: "/w/a.txt".into(),
                rel_path: "a.txt".into(),
                text: "\n\n  Why is it hard?  \nbody".into(),
            },
            "a".into(),
        );
        assert_eq!(doc.title, "Why is it hard?");
        let doc = Document::new(
            SourceText {
                path: "/w/a.txt".into(),
                rel_path: "a.txt".into(),
                text: "title: T\n\nWhy".into(),
            },
            "a".into(),
        );
        assert_eq!(doc.title, "T");
        assert_eq!(doc.body_text(), "Why");
    }
}
