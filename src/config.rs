//! Configuration: `dossier.toml`, the LSP's `initializationOptions` and
//! `workspace/configuration`, and CLI flags, merged with a fixed precedence.
//!
//! Precedence, lowest to highest: defaults, `dossier.toml`, `initializationOptions`,
//! `workspace/configuration` (section `dossier`), command line flags. Each source is a
//! [`ConfigLayer`] whose unset keys leave the lower layers' values alone.

use std::path::Path;

use serde::Deserialize;

use crate::analysis::actors::{ActorKind, CuratedActor};
use crate::analysis::ide::CheckSettings;

pub const CONFIG_FILE_NAME: &str = "dossier.toml";

/// Files larger than this are skipped and reported (a news corpus has no such files; a
/// huge one is almost always a dump or a mistake).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// The largest `max_file_bytes` accepted: offsets into a document are 32-bit in the indexes.
pub const MAX_FILE_BYTES_LIMIT: u64 = u32::MAX as u64;

/// Discovery stops after this many files, so that opening a home directory by mistake
/// reports and stops instead of walking for minutes (a million-document corpus fits).
pub const DEFAULT_MAX_FILES: usize = 2_000_000;

/// The effective configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Files, folders or globs relative to the workspace.
    pub corpus: Vec<String>,
    pub exclude: Vec<String>,
    pub briefs: Vec<String>,
    pub check: CheckSettings,
    pub actors: Vec<CuratedActor>,
    pub max_file_bytes: u64,
    pub max_files: usize,
    /// Keep the persistent index cache (`cache = false` or `--no-cache` turns it off).
    pub cache: bool,
    /// The user's own settings that named `corpus` (`--corpus`, `initializationOptions`,
    /// `workspace/configuration`), or `None` when it is the default or a `dossier.toml`'s.
    /// Only then may a corpus entry lead outside the workspace (SPEC §1): a `dossier.toml`
    /// travels with the workspace, and must not make an editor read `/etc/passwd`.
    pub corpus_named_by_user: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            corpus: crate::sources::DEFAULT_CORPUS_GLOBS
                .iter()
                .map(|glob| glob.to_string())
                .collect(),
            exclude: Vec::new(),
            briefs: vec!["**/*.md".to_string()],
            check: CheckSettings::default(),
            actors: Vec::new(),
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_files: DEFAULT_MAX_FILES,
            cache: true,
            corpus_named_by_user: None,
        }
    }
}

/// One source of settings. Keys are snake_case in TOML; the camelCase forms the LSP
/// clients send are accepted as aliases.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigLayer {
    #[serde(default)]
    pub corpus: Option<OneOrMany>,
    #[serde(default)]
    pub exclude: Option<OneOrMany>,
    #[serde(default)]
    pub briefs: Option<OneOrMany>,
    #[serde(default)]
    pub check: Option<CheckLayer>,
    #[serde(default, alias = "actors")]
    pub actor: Option<Vec<ActorEntry>>,
    #[serde(default, alias = "maxFileBytes")]
    pub max_file_bytes: Option<u64>,
    #[serde(default, alias = "maxFiles")]
    pub max_files: Option<usize>,
    #[serde(default)]
    pub cache: Option<bool>,
}

/// A path or glob, or a list of them.
#[derive(Debug, Clone, PartialEq)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = OneOrMany;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a path or glob, or a list of them")
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany::One(value.to_string()))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<OneOrMany, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<String>()? {
                    items.push(item);
                }
                Ok(OneOrMany::Many(items))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl OneOrMany {
    /// True for an empty list (a single string is one entry, even when empty).
    pub fn is_empty(&self) -> bool {
        matches!(self, OneOrMany::Many(items) if items.is_empty())
    }

    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckLayer {
    #[serde(default, alias = "minQuoteWords")]
    pub min_quote_words: Option<usize>,
    #[serde(default, alias = "nearThreshold")]
    pub near_threshold: Option<f32>,
    #[serde(default, alias = "definitionSources")]
    pub definition_sources: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
}

/// What is wrong with a configuration source. Messages are lower-case and name the fix.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConfigError {
    /// The file is not valid TOML or has a key or value dossier does not know.
    #[error("{path}: {message}; using the default configuration")]
    Invalid { path: String, message: String },
    /// A value parses but makes no sense (a threshold outside 0..=1, an unknown actor kind).
    #[error("{source_name}: {message}")]
    BadValue {
        source_name: String,
        message: String,
    },
}

impl ConfigLayer {
    /// Parses `dossier.toml` text. `path` names the file in messages.
    pub fn from_toml(text: &str, path: &str) -> Result<ConfigLayer, ConfigError> {
        toml::from_str(text).map_err(|err: toml::de::Error| {
            let place = err.span().map(|span| {
                let before = &text[..span.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
                format!("line {line}, column {column}: ")
            });
            ConfigError::Invalid {
                path: path.to_string(),
                message: format!("{}{}", place.unwrap_or_default(), one_line(err.message())),
            }
        })
    }

    /// Parses settings a client sent (`initializationOptions`, `workspace/configuration`).
    /// `null` and `{}` are empty layers.
    pub fn from_json(
        value: serde_json::Value,
        source_name: &str,
    ) -> Result<ConfigLayer, ConfigError> {
        if value.is_null() {
            return Ok(ConfigLayer::default());
        }
        // Clients often wrap settings in their section name.
        let value = match value {
            serde_json::Value::Object(mut map) if map.len() == 1 && map.contains_key("dossier") => {
                map.remove("dossier").unwrap_or_default()
            }
            other => other,
        };
        serde_json::from_value(value.clone()).map_err(|err| ConfigError::Invalid {
            path: source_name.to_string(),
            message: match bad_json_key(&value) {
                Some((key, why)) => format!("key `{key}`: {}", one_line(&why)),
                None => one_line(&err.to_string()),
            },
        })
    }
}

/// The key of client settings that does not decode, and why: serde_json's own error names
/// no key (`invalid type: string "high", expected f32`). Each key (and each key of a nested
/// table such as `check`) is decoded alone until one fails.
fn bad_json_key(value: &serde_json::Value) -> Option<(String, String)> {
    let object = value.as_object()?;
    for (key, inner) in object {
        let alone = serde_json::json!({ key.as_str(): inner });
        let Err(err) = serde_json::from_value::<ConfigLayer>(alone) else {
            continue;
        };
        if let Some(table) = inner.as_object() {
            for (inner_key, inner_value) in table {
                let alone =
                    serde_json::json!({ key.as_str(): { inner_key.as_str(): inner_value } });
                if let Err(err) = serde_json::from_value::<ConfigLayer>(alone) {
                    return Some((format!("{key}.{inner_key}"), err.to_string()));
                }
            }
        }
        return Some((key.clone(), err.to_string()));
    }
    None
}

impl Config {
    /// Applies layers in order (later wins). Bad values are reported and skipped.
    pub fn from_layers<'a>(
        layers: impl IntoIterator<Item = (&'a str, &'a ConfigLayer)>,
    ) -> (Config, Vec<ConfigError>) {
        let mut config = Config::default();
        let mut problems = Vec::new();
        for (source_name, layer) in layers {
            config.apply(source_name, layer, &mut problems);
        }
        (config, problems)
    }

    fn apply(&mut self, source_name: &str, layer: &ConfigLayer, problems: &mut Vec<ConfigError>) {
        let bad = |message: String| ConfigError::BadValue {
            source_name: source_name.to_string(),
            message,
        };
        if let Some(corpus) = &layer.corpus {
            let corpus = corpus.clone().into_vec();
            if corpus.is_empty() {
                problems.push(bad("`corpus` is empty; keeping the previous corpus".into()));
            } else {
                self.corpus = corpus;
            }
        }
        if let Some(exclude) = &layer.exclude {
            self.exclude = exclude.clone().into_vec();
        }
        if let Some(briefs) = &layer.briefs {
            self.briefs = briefs.clone().into_vec();
        }
        if let Some(check) = &layer.check {
            if let Some(n) = check.min_quote_words {
                self.check.min_quote_words = n;
            }
            match check.near_threshold {
                Some(t) if (0.0..=1.0).contains(&t) => self.check.near_threshold = t,
                Some(t) => problems.push(bad(format!(
                    "`check.near_threshold` is {t}; it must be between 0 and 1, using {}",
                    self.check.near_threshold
                ))),
                None => {}
            }
            match check.definition_sources {
                Some(0) => problems.push(bad(format!(
                    "`check.definition_sources` is 0; definition answers one source at least, using {}",
                    self.check.definition_sources
                ))),
                Some(n) => self.check.definition_sources = n,
                None => {}
            }
        }
        if let Some(max) = layer.max_files {
            self.max_files = max;
        }
        match layer.max_file_bytes {
            // The indexes keep offsets into a document as 32-bit numbers.
            Some(max) if max > MAX_FILE_BYTES_LIMIT => problems.push(bad(format!(
                "`max_file_bytes` is {max}; documents over {MAX_FILE_BYTES_LIMIT} bytes cannot be indexed, using {}",
                self.max_file_bytes
            ))),
            Some(max) => self.max_file_bytes = max,
            None => {}
        }
        if let Some(cache) = layer.cache {
            self.cache = cache;
        }
        for entry in layer.actor.iter().flatten() {
            let kind = match entry.kind.as_deref().map(|k| (k, ActorKind::parse(k))) {
                None => None,
                Some((_, Some(kind))) => Some(kind),
                Some((k, None)) => {
                    problems.push(bad(format!(
                        "actor `{}` has kind `{k}`; use person, organization, place or group",
                        entry.name
                    )));
                    None
                }
            };
            if entry.name.trim().is_empty() {
                problems.push(bad(
                    "an `[[actor]]` entry has an empty name; it is ignored".into()
                ));
                continue;
            }
            let curated = CuratedActor {
                name: entry.name.trim().to_string(),
                aliases: entry.aliases.clone(),
                kind,
                role: entry.role.clone(),
            };
            // A later layer's entry for the same name replaces an earlier one.
            self.actors.retain(|a| a.name != curated.name);
            self.actors.push(curated);
        }
    }
}

/// Reads `dossier.toml` from `root` if there is one. A missing file is an empty layer.
pub fn read_config_file(path: &Path) -> Result<Option<ConfigLayer>, ConfigError> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            ConfigLayer::from_toml(&text, &path.display().to_string()).map(Some)
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(ConfigError::Invalid {
            path: path.display().to_string(),
            message: format!("cannot read: {err}"),
        }),
    }
}

fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_need_no_file() {
        let (config, problems) = Config::from_layers([]);
        assert!(problems.is_empty());
        assert_eq!(
            config.corpus,
            ["**/*.txt", "**/*.html", "**/*.htm", "**/*.pdf"]
        );
        assert_eq!(config.briefs, vec!["**/*.md"]);
        assert_eq!(config.check.min_quote_words, 3);
        assert_eq!(config.check.near_threshold, 0.8);
        assert_eq!(config.check.definition_sources, 20);
    }

    #[test]
    fn later_layers_win_and_camel_case_is_accepted() {
        let file = ConfigLayer::from_toml(
            "corpus = [\"sources\"]\n[check]\nmin_quote_words = 5\n[[actor]]\nname = \"Bashar al-Assad\"\naliases = [\"Assad\"]\nkind = \"person\"\nrole = \"President of Syria\"\n",
            "dossier.toml",
        )
        .unwrap();
        let client = ConfigLayer::from_json(
            serde_json::json!({"check": {"minQuoteWords": 4, "definitionSources": 7}, "exclude": "drafts/**"}),
            "initializationOptions",
        )
        .unwrap();
        let (config, problems) =
            Config::from_layers([("dossier.toml", &file), ("client", &client)]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.corpus, vec!["sources"]);
        assert_eq!(config.exclude, vec!["drafts/**"]);
        assert_eq!(config.check.min_quote_words, 4);
        assert_eq!(config.check.definition_sources, 7);
        assert_eq!(config.actors[0].kind, Some(ActorKind::Person));
        assert_eq!(config.actors[0].role.as_deref(), Some("President of Syria"));
    }

    #[test]
    fn bad_files_and_values_are_reported_specifically() {
        let err = ConfigLayer::from_toml("corpus = [", "dossier.toml").unwrap_err();
        assert!(err.to_string().starts_with("dossier.toml: "), "{err}");
        assert!(
            err.to_string().ends_with("using the default configuration"),
            "{err}"
        );
        let err = ConfigLayer::from_toml("corpuss = []", "dossier.toml").unwrap_err();
        assert!(err.to_string().contains("unknown field `corpuss`"), "{err}");
        let layer = ConfigLayer::from_toml(
            "[check]\nnear_threshold = 3.0\ndefinition_sources = 0\n[[actor]]\nname = \"X\"\nkind = \"robot\"",
            "dossier.toml",
        )
        .unwrap();
        let (config, problems) = Config::from_layers([("dossier.toml", &layer)]);
        assert_eq!(config.check.near_threshold, 0.8);
        assert_eq!(config.check.definition_sources, 20);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[1]
            .to_string()
            .contains("`check.definition_sources` is 0"));
        assert!(problems[2].to_string().contains("kind `robot`"));
    }

    #[test]
    fn max_file_bytes_past_32_bit_offsets_is_refused() {
        let layer = ConfigLayer::from_toml("max_file_bytes = 5000000000", "dossier.toml").unwrap();
        let (config, problems) = Config::from_layers([("dossier.toml", &layer)]);
        assert_eq!(config.max_file_bytes, DEFAULT_MAX_FILE_BYTES);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].to_string().contains("5000000000"),
            "{problems:?}"
        );
        let layer = ConfigLayer::from_toml("max_file_bytes = 4294967295", "dossier.toml").unwrap();
        let (config, problems) = Config::from_layers([("dossier.toml", &layer)]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.max_file_bytes, u64::from(u32::MAX));
    }

    #[test]
    fn client_settings_may_be_wrapped_in_their_section() {
        let layer = ConfigLayer::from_json(
            serde_json::json!({"dossier": {"corpus": ["a"]}}),
            "workspace/configuration",
        )
        .unwrap();
        assert_eq!(layer.corpus, Some(OneOrMany::Many(vec!["a".into()])));
        assert_eq!(
            ConfigLayer::from_json(serde_json::Value::Null, "x").unwrap(),
            ConfigLayer::default()
        );
    }
}
