//! Whether and where to sync, in `lanbai:sync-config` (one folder serves every plan, each in its own
//! subfolder). Off until someone turns it on: with no folder configured the app behaves as it always did.
//! The password is not here: it is kept until the browser is closed, or in `lanbai:sync-password` only when
//! "remember on this computer" is ticked (see `ui::sync`).

use serde::{Deserialize, Serialize};

use crate::storage::{KeyValue, KvError};

pub const KEY: &str = "lanbai:sync-config";
pub const PASSWORD_KEY: &str = "lanbai:sync-password";
/// Beside the app, so the server that serves the app serves the folder and no CORS is needed.
pub const DEFAULT_FOLDER: &str = "./sync/";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SyncConfig {
    pub enabled: bool,
    pub folder: String,
    pub user: String,
    pub remember: bool,
}

impl Default for SyncConfig {
    fn default() -> Self {
        SyncConfig {
            enabled: false,
            folder: DEFAULT_FOLDER.into(),
            user: String::new(),
            remember: false,
        }
    }
}

/// The stored config; a value that does not read is treated as "off" (and left in place for the person to
/// see on #/data, never deleted).
pub fn load(kv: &impl KeyValue) -> SyncConfig {
    kv.get(KEY)
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

pub fn save(kv: &impl KeyValue, config: &SyncConfig) -> Result<(), KvError> {
    let text = serde_json::to_string(config).map_err(|e| KvError::Other(e.to_string()))?;
    kv.set(KEY, &text)
}
