//! Fuzz target: configuration parsing from TOML and from client JSON never panics, and
//! a parsed layer always merges into a configuration within its bounds.
#![no_main]

use dossier::config::{Config, ConfigLayer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut layers = Vec::new();
    if let Ok(layer) = ConfigLayer::from_toml(&text, "dossier.toml") {
        layers.push(layer);
    }
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) {
        if let Ok(layer) = ConfigLayer::from_json(value, "initializationOptions") {
            layers.push(layer);
        }
    }
    let (config, _problems) = Config::from_layers(layers.iter().map(|l| ("fuzz", l)));
    assert!((0.0..=1.0).contains(&config.check.near_threshold));
    assert!(!config.corpus.is_empty());
});
