//! localStorage behind [`KeyValue`]. Kept tiny on purpose: the logic above it is tested natively, and the
//! browser tests in `tests/storage_browser.rs` check this file against a real browser.

use wasm_bindgen::JsValue;

use super::kv::{KeyValue, KvError};

pub struct LocalStorage {
    storage: web_sys::Storage,
}

impl LocalStorage {
    /// `None` when the page has no localStorage (disabled, or a sandboxed frame): the UI then works from memory
    /// and says so.
    pub fn new() -> Option<Self> {
        let storage = web_sys::window()?.local_storage().ok()??;
        Some(LocalStorage { storage })
    }
}

/// Chromium and Safari throw a `DOMException` named `QuotaExceededError`; old Firefox used
/// `NS_ERROR_DOM_QUOTA_REACHED`. Both mean "full", and the UI offers an export for that case.
fn classify(err: JsValue) -> KvError {
    let name = js_sys::Reflect::get(&err, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string());
    match name.as_deref() {
        Some("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED") => KvError::QuotaExceeded,
        other => KvError::Other(other.unwrap_or("unknown error").to_string()),
    }
}

impl KeyValue for LocalStorage {
    fn get(&self, key: &str) -> Option<String> {
        self.storage.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.storage.set_item(key, value).map_err(classify)
    }

    fn remove(&self, key: &str) {
        // removeItem does not throw for a missing key; any other failure leaves the value, which is the safe side.
        let _ = self.storage.remove_item(key);
    }

    fn keys(&self) -> Vec<String> {
        let n = self.storage.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .collect()
    }
}
