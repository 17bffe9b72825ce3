//! Loading a folder of articles as the corpus, for the quality tests that score extraction
//! on it (one loader, so every test reads its folder the same way).

use std::path::Path;

use dossier::analysis::{CorpusIndex, SourceText};

/// Indexes every `.txt` file of `dir` (relative to the crate root), in name order, as the
/// corpus would; other entries (such as a `briefs/` folder beside the articles) are skipped.
pub fn index_of(dir: &str) -> CorpusIndex {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read {dir}/: {e}"))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let sources = paths
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            SourceText {
                rel_path: format!("{dir}/{name}"),
                text: std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())),
                path,
            }
        })
        .collect();
    CorpusIndex::build(sources, Vec::new())
}
