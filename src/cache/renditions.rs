//! The plain-text renditions of saved pages and PDFs, written beside the index cache so
//! that go-to-source can open them: a client cannot select a span of extracted text inside
//! an `.html` or `.pdf` file, but it can open a text file whose bytes are exactly the text
//! dossier indexed, so every offset the core gives lands on the same words.
//!
//! Written on demand (the first answer that names a document), never into the workspace.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::analysis::Document;
use crate::config::Config;
use crate::sources::Kind;

use super::location::cache_path;

/// The folder, beside a workspace's index cache file, that holds its renditions.
const RENDITIONS_DIR: &str = "renditions";

/// Where a workspace's renditions are kept, or `None` when no cache folder can be named.
/// The folder is named even when the index cache is turned off (`cache = false`):
/// go-to-source needs it all the same.
pub fn renditions_dir(root: &Path, config: &Config) -> Option<PathBuf> {
    Some(cache_path(root, config)?.parent()?.join(RENDITIONS_DIR))
}

/// Whether go-to-source on `doc` opens a rendition rather than the file itself: a saved
/// page or a PDF, whose text is not the file's bytes.
pub fn has_rendition(doc: &Document) -> bool {
    matches!(Kind::of_path(&doc.path), Ok(Kind::Html | Kind::Pdf))
}

/// The path of `doc`'s rendition under `dir`: its path in the workspace with `.txt` added
/// (`reports/un.pdf` -> `reports/un.pdf.txt`), so an editor's tab names the original.
pub fn rendition_path(dir: &Path, doc: &Document) -> PathBuf {
    let mut path = dir.to_path_buf();
    for part in doc.rel_path.split('/') {
        // A relative path from discovery has no `..`; never let one leave the folder.
        if !part.is_empty() && part != "." && part != ".." {
            path.push(part);
        }
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".txt");
    path.set_file_name(name);
    path
}

/// Makes sure `doc`'s rendition under `dir` holds its text, and returns its path. A file
/// that already holds the same text is left alone; another is replaced atomically (a
/// temporary file renamed over it), so a second server never reads half a rendition.
pub fn write_rendition(dir: &Path, doc: &Document) -> io::Result<PathBuf> {
    let path = rendition_path(dir, doc);
    let text = doc.text();
    if text.len() != doc.len() {
        // A deferred text that could not be read back reads as empty: no span would land.
        return Err(io::Error::other(format!(
            "the text of {} could not be read back",
            doc.rel_path
        )));
    }
    if std::fs::read(&path).is_ok_and(|on_disk| on_disk == text.as_bytes()) {
        return Ok(path);
    }
    let folder = path
        .parent()
        .ok_or_else(|| io::Error::other("rendition path has no folder"))?;
    std::fs::create_dir_all(folder)?;
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let temp = path.with_extension(format!(
        "txt.{}.{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = std::fs::File::create(&temp)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .and_then(|()| std::fs::rename(&temp, &path));
    if let Err(err) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(err);
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::SourceText;

    fn doc(rel_path: &str, text: &str) -> Document {
        Document::new(
            SourceText {
                path: PathBuf::from("/ws").join(rel_path),
                rel_path: rel_path.to_string(),
                text: text.to_string(),
            },
            "key".into(),
        )
    }

    #[test]
    fn a_rendition_is_written_once_under_its_relative_path() {
        let dir = tempfile::TempDir::new().unwrap();
        let page = doc("news/a page.html", "title: T\n\nBody “quoted” 🙂\n");
        let path = write_rendition(dir.path(), &page).unwrap();
        assert_eq!(path, dir.path().join("news/a page.html.txt"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), page.text());
        // The same text again leaves the file alone; another text replaces it.
        let before = std::fs::metadata(&path).unwrap().modified().unwrap();
        write_rendition(dir.path(), &page).unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().modified().unwrap(),
            before
        );
        let changed = doc("news/a page.html", "Another body\n");
        write_rendition(dir.path(), &changed).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "Another body\n");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("news"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    }

    #[test]
    fn a_path_never_leaves_the_renditions_folder() {
        let odd = doc("../../etc/x.pdf", "text\n");
        assert_eq!(
            rendition_path(Path::new("/cache/r"), &odd),
            Path::new("/cache/r/etc/x.pdf.txt")
        );
        assert!(has_rendition(&odd));
        assert!(!has_rendition(&doc("a.txt", "text\n")));
    }
}
