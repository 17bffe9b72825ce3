//! What more than one fuzz target builds: a corpus index over named seed texts.

use dossier::analysis::{CorpusIndex, SourceText};

/// A corpus index over `(name, text)` pairs, each a source at `/seeds/NAME`.
pub fn seed_index(texts: &[(&str, &str)]) -> CorpusIndex {
    let sources = texts
        .iter()
        .map(|(name, text)| SourceText {
            path: format!("/seeds/{name}").into(),
            rel_path: name.to_string(),
            text: text.to_string(),
        })
        .collect();
    CorpusIndex::build(sources, Vec::new())
}
