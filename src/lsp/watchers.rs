//! Watching files: the client's file watcher is registered once the configuration is known,
//! with globs that follow the `corpus` setting.

use std::sync::{Arc, Mutex};

use tower_lsp::lsp_types::*;
use tower_lsp::Client;

use super::state::State;
use crate::config::CONFIG_FILE_NAME;
use crate::sync::lock;

pub async fn register_watchers(client: &Client, state: &Arc<Mutex<State>>) {
    let corpus = {
        let state = lock(state);
        if !state.support.watched_files_dynamic {
            return;
        }
        state.config.corpus.clone()
    };
    let watchers = watch_globs(&corpus)
        .into_iter()
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob),
            kind: None,
        })
        .collect();
    let options = DidChangeWatchedFilesRegistrationOptions { watchers };
    let registration = Registration {
        id: "dossier-watched-files".into(),
        method: "workspace/didChangeWatchedFiles".into(),
        register_options: serde_json::to_value(options).ok(),
    };
    if let Err(err) = client.register_capability(vec![registration]).await {
        client
            .log_message(
                MessageType::WARNING,
                format!(
                    "dossier: could not watch corpus files ({err}); changes on disk need a restart"
                ),
            )
            .await;
    }
}

/// Globs for the client's file watcher: the corpus entries (made to match anywhere, as
/// clients match string globs against absolute paths), briefs and the config file. Which
/// changed file is corpus is decided again on our side, so broad globs are harmless.
fn watch_globs(corpus: &[String]) -> Vec<String> {
    let mut globs: Vec<String> = corpus
        .iter()
        .map(|entry| {
            let entry = entry.trim_start_matches("./").trim_end_matches('/');
            let is_glob = entry.contains(['*', '?', '[', '{']);
            match (entry.starts_with("**"), is_glob) {
                (true, _) => entry.to_string(),
                (false, true) => format!("**/{entry}"),
                // A folder or a file: the name itself and anything below it.
                (false, false) => format!("**/{entry}{{,/**}}"),
            }
        })
        .collect();
    globs.extend(["**/*.md".to_string(), format!("**/{CONFIG_FILE_NAME}")]);
    globs.dedup();
    globs
}

#[cfg(test)]
mod tests {
    use super::watch_globs;

    #[test]
    fn watch_globs_follow_the_corpus_configuration() {
        let globs = watch_globs(&[
            "seeds".into(),
            "news/*.txt".into(),
            "**/*.txt".into(),
            "./one.txt".into(),
        ]);
        assert_eq!(
            globs,
            vec![
                "**/seeds{,/**}",
                "**/news/*.txt",
                "**/*.txt",
                "**/one.txt{,/**}",
                "**/*.md",
                "**/dossier.toml"
            ]
        );
    }
}
