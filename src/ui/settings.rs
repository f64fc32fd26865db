//! The reader's interface settings. Unreadable stored settings fall back to defaults: they hold nothing that
//! cannot be chosen again in a click, unlike the edits journal.

use crate::i18n::Lang;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

const KEY: &str = "lanbai:settings";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub lang: Lang,
    #[serde(default)]
    pub unit: Option<String>,
}

pub fn load() -> Settings {
    LocalStorage::get(KEY).unwrap_or_default()
}

pub fn save(settings: &Settings) {
    // A failed write (quota, private mode) only loses a preference; the edits store reports its own failures.
    let _ = LocalStorage::set(KEY, settings);
}
