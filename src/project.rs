//! Opening a workspace: configuration from its layers, corpus discovery, loading and
//! indexing. Shared by the CLI and the language server.

use std::path::{Path, PathBuf};

use crate::analysis::CorpusIndex;
use crate::config::{read_config_file, Config, ConfigError, ConfigLayer, CONFIG_FILE_NAME};
use crate::workspace::{discover_corpus, load_sources, LoadProblem};

/// Extra settings on top of `dossier.toml`, lowest precedence first.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    /// `(source name, layer)`, e.g. `("initializationOptions", ..)`.
    pub layers: Vec<(String, ConfigLayer)>,
}

/// Reads the configuration of a workspace. `config_file` overrides `ROOT/dossier.toml`.
/// Problems are returned with the defaults (or the other layers) in force.
pub fn load_config(
    root: &Path,
    config_file: Option<&Path>,
    overrides: &Overrides,
) -> (Config, Vec<ConfigError>) {
    let path: PathBuf = config_file.map_or_else(|| root.join(CONFIG_FILE_NAME), Path::to_path_buf);
    let mut problems = Vec::new();
    let file_layer = match read_config_file(&path) {
        Ok(Some(layer)) => Some(layer),
        Ok(None) if config_file.is_some() => {
            problems.push(ConfigError::Invalid {
                path: path.display().to_string(),
                message: "no such file".into(),
            });
            None
        }
        Ok(None) => None,
        Err(err) => {
            problems.push(err);
            None
        }
    };
    let file_name = path.display().to_string();
    let mut layers: Vec<(&str, &ConfigLayer)> = Vec::new();
    if let Some(layer) = &file_layer {
        layers.push((&file_name, layer));
    }
    for (name, layer) in &overrides.layers {
        layers.push((name, layer));
    }
    let (config, value_problems) = Config::from_layers(layers);
    problems.extend(value_problems);
    (config, problems)
}

/// Progress of indexing, for a progress bar or `$/progress`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexProgress {
    Reading { done: usize, total: usize },
    Extracting { files: usize },
}

/// Discovers, reads and indexes the corpus.
pub fn index_corpus(
    root: &Path,
    config: &Config,
    on_progress: &(dyn Fn(IndexProgress) + Sync),
) -> (CorpusIndex, Vec<LoadProblem>) {
    let (paths, mut problems) = discover_corpus(root, config);
    let (sources, load_problems) =
        load_sources(root, &paths, config.max_file_bytes, &|done, total| {
            on_progress(IndexProgress::Reading { done, total })
        });
    problems.extend(load_problems);
    on_progress(IndexProgress::Extracting {
        files: sources.len(),
    });
    let index = CorpusIndex::build(sources, config.actors.clone());
    (index, problems)
}
