//! Client settings: those pushed with `didChangeConfiguration` and those pulled with
//! `workspace/configuration`, made the `workspace/configuration` layer of the state's
//! configuration (read again by the indexer's next full index).

use std::sync::{Arc, Mutex};

use serde_json::Value;
use tower_lsp::lsp_types::*;
use tower_lsp::Client;

use super::state::State;
use crate::config::ConfigLayer;
use crate::sync::lock;

/// Settings a client pushes with `didChangeConfiguration`, when it does not support pull.
pub(super) fn pushed_settings(settings: Value) -> Option<Value> {
    (!settings.is_null()).then_some(settings)
}

/// Asks the client for the `dossier` settings (`workspace/configuration`), when it can
/// answer, and applies them.
pub(super) async fn pull_configuration(client: &Client, state: &Arc<Mutex<State>>) {
    if !lock(state).support.configuration_pull {
        return;
    }
    let item = ConfigurationItem {
        scope_uri: None,
        section: Some("dossier".into()),
    };
    let Ok(mut values) = client.configuration(vec![item]).await else {
        return;
    };
    if let Some(value) = values.pop() {
        apply_pushed_settings(client, state, value).await;
    }
}

/// Makes `value` the workspace layer of the settings; one that does not parse is shown to
/// the user and changes nothing.
pub(super) async fn apply_pushed_settings(
    client: &Client,
    state: &Arc<Mutex<State>>,
    value: Value,
) {
    match ConfigLayer::from_json(value, "workspace/configuration") {
        Ok(layer) => lock(state).workspace_layer = layer,
        Err(err) => {
            client
                .show_message(MessageType::WARNING, format!("dossier: {err}"))
                .await
        }
    }
}
