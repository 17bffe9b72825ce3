//! Test fixtures: a corpus and a brief written as one text, files opened by `//- path` lines.
//!
//! ```text
//! //- news/helsinki.txt
//! Summit in Helsinki
//! The two leaders met in Helsinki.
//!
//! //- brief.md
//! As reported [@hel$0sinki].
//! ```
//!
//! A `//- path` line opens a file. The path is relative to the workspace (`/ws/`), so it
//! gives the document's key (`news/helsinki.txt` is `@helsinki`). The file whose path ends
//! in `.md` is the brief, and its path is the brief's id; the others are the corpus, in the
//! order written. `$0` marks the cursor, at most once, in the brief.
//!
//! The line break just before a header, or at the very end of the fixture, closes the file
//! and is not part of it, so a file whose text ends with a line break is followed by an
//! empty line. Nothing is trimmed or re-indented: the tests check offsets, byte sizes and
//! line numbers, so a file's text is exactly what is written. Text before the first header
//! must be blank (the line break after a raw string's `r#"`).
//!
//! Most modules share one corpus between their tests and vary the brief:
//! [`Fixture::brief_over`] takes the corpus part as a fixture and the brief as plain text.

use super::types::{BriefFile, CheckSettings, Context};
use crate::{CorpusIndex, SourceText};

/// A parsed fixture: the corpus indexed, default settings, the brief and its cursor.
pub(crate) struct Fixture {
    pub(crate) corpus: CorpusIndex,
    pub(crate) settings: CheckSettings,
    pub(crate) brief: BriefFile,
    cursor: Option<usize>,
}

impl Fixture {
    /// A fixture of corpus files and one brief.
    pub(crate) fn parse(fixture: &str) -> Fixture {
        Fixture::from_files(files(fixture))
    }

    /// The corpus files of `corpus` (a fixture without a brief) and `brief` as the text of
    /// `brief.md`, taken whole: only its `$0` is removed.
    pub(crate) fn brief_over(corpus: &str, brief: &str) -> Fixture {
        let mut files = files(corpus);
        files.push(FixtureFile {
            path: BRIEF_PATH.to_string(),
            text: brief.to_string(),
        });
        Fixture::from_files(files)
    }

    /// The context the features take: the fixture's corpus, fully indexed, and its settings.
    pub(crate) fn cx(&self) -> Context<'_> {
        Context::ready(&self.corpus, &self.settings)
    }

    /// The byte offset of the `$0` cursor in the brief.
    pub(crate) fn offset(&self) -> usize {
        self.cursor.expect("the fixture's brief needs a $0 cursor")
    }

    fn from_files(files: Vec<FixtureFile>) -> Fixture {
        let (briefs, corpus_files): (Vec<FixtureFile>, Vec<FixtureFile>) =
            files.into_iter().partition(FixtureFile::is_brief);
        let [brief] = <[FixtureFile; 1]>::try_from(briefs).unwrap_or_else(|briefs| {
            panic!(
                "a fixture has one brief (a `.md` file), not {}",
                briefs.len()
            )
        });
        let (text, cursor) = without_cursor(&brief.text);
        Fixture {
            corpus: index(corpus_files),
            settings: CheckSettings::default(),
            brief: BriefFile::new(brief.path, text),
            cursor,
        }
    }
}

/// `text` as the brief `brief.md` without its `$0` cursor, and the cursor's offset: for the
/// tests that ask one corpus about many briefs.
pub(crate) fn brief(text: &str) -> (BriefFile, usize) {
    let (text, cursor) = without_cursor(text);
    let cursor = cursor.expect("the brief needs a $0 cursor");
    (BriefFile::new(BRIEF_PATH.to_string(), text), cursor)
}

/// The corpus of a fixture that has no brief.
pub(crate) fn corpus(fixture: &str) -> CorpusIndex {
    let files = files(fixture);
    assert!(
        !files.iter().any(FixtureFile::is_brief),
        "a corpus fixture has no brief (`.md` file)"
    );
    index(files)
}

const CURSOR: &str = "$0";

/// The brief's path where a test writes the brief on its own.
const BRIEF_PATH: &str = "brief.md";

const HEADER: &str = "//- ";

struct FixtureFile {
    path: String,
    text: String,
}

impl FixtureFile {
    fn is_brief(&self) -> bool {
        self.path.ends_with(".md")
    }
}

fn without_cursor(text: &str) -> (String, Option<usize>) {
    let cursor = text.find(CURSOR);
    let text = text.replacen(CURSOR, "", 1);
    assert!(!text.contains(CURSOR), "a fixture has one $0 cursor");
    (text, cursor)
}

/// The files of a fixture, in the order written.
fn files(fixture: &str) -> Vec<FixtureFile> {
    // (where the header line starts, where the file's text starts, the path)
    let mut headers: Vec<(usize, usize, &str)> = Vec::new();
    let mut line_start = 0;
    for line in fixture.split_inclusive('\n') {
        if let Some(path) = line.strip_prefix(HEADER) {
            headers.push((line_start, line_start + line.len(), path.trim_end()));
        }
        line_start += line.len();
    }
    let before = &fixture[..headers.first().map_or(fixture.len(), |h| h.0)];
    assert!(
        before.trim().is_empty(),
        "fixture text before the first `{HEADER}path` header: {before:?}"
    );
    let ends = headers.iter().skip(1).map(|h| h.0).chain([fixture.len()]);
    headers
        .iter()
        .zip(ends)
        .map(|(&(_, text_start, path), end)| {
            let text = &fixture[text_start..end];
            FixtureFile {
                path: path.to_string(),
                text: text.strip_suffix('\n').unwrap_or(text).to_string(),
            }
        })
        .collect()
}

fn index(files: Vec<FixtureFile>) -> CorpusIndex {
    let sources = files
        .into_iter()
        .map(|file| {
            assert!(
                !file.text.contains(CURSOR),
                "the $0 cursor belongs in the brief, not in {}",
                file.path
            );
            SourceText {
                path: format!("/ws/{}", file.path).into(),
                rel_path: file.path,
                text: file.text,
            }
        })
        .collect();
    CorpusIndex::build(sources, Vec::new())
}

#[test]
fn files_keep_their_text_exactly() {
    let fixture = Fixture::parse(
        r#"
//- a.txt
no line break at the end
//- b.txt
one line break at the end

//- brief.md
See [@a$0] and [@b].
"#,
    );
    let texts: Vec<String> = (fixture.corpus.docs.iter())
        .map(|doc| format!("{} {:?}", doc.key, doc.text()))
        .collect();
    assert_eq!(
        texts,
        [
            r#"a "no line break at the end""#,
            r#"b "one line break at the end\n""#
        ]
    );
    assert_eq!(fixture.brief.id, "brief.md");
    assert_eq!(fixture.brief.text, "See [@a] and [@b].");
    assert_eq!(fixture.offset(), "See [@a".len());
    let over = Fixture::brief_over("//- a.txt\nText.\n", "Brief\n");
    assert_eq!(over.corpus.docs[0].text(), "Text.");
    assert_eq!(over.brief.text, "Brief\n");
}
