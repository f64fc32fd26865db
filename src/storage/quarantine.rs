//! Data the app cannot read is never deleted: it is copied verbatim to a quarantine key, and the original is
//! removed only once the copy reads back identical. The UI lists quarantined values and offers their raw text
//! for download, so whatever went wrong (a bug, a hand edit, an extension) can still be recovered.

use super::keys::{Key, QUARANTINE_PREFIX};
use super::kv::{KeyValue, KvError};

/// A value moved aside.
#[derive(Debug, Clone, PartialEq)]
pub struct QuarantineEntry {
    /// Where the raw text now lives.
    pub key: String,
    pub original_key: String,
    pub reason: String,
    /// Length of the raw text in bytes.
    pub bytes: usize,
}

/// A value that could not be read *and* could not be moved aside (storage full): it stays where it was, is
/// not loaded, and nothing will write over it.
#[derive(Debug, Clone, PartialEq)]
pub struct LeftInPlace {
    pub key: String,
    pub reason: String,
    pub bytes: usize,
    pub error: KvError,
}

/// Moves `raw` (the current value of `original`) to a fresh quarantine key.
pub fn quarantine(
    kv: &impl KeyValue,
    original: &str,
    raw: &str,
    reason: &str,
    now_ms: i64,
) -> Result<QuarantineEntry, LeftInPlace> {
    let base = Key::Quarantine {
        at: now_ms,
        original: original.to_string(),
    }
    .render();
    // Two unreadable values with the same key in the same millisecond must not overwrite each other.
    let key = (0..)
        .map(|n| {
            if n == 0 {
                base.clone()
            } else {
                format!("{base}~{n}")
            }
        })
        .find(|k| kv.get(k).is_none())
        .unwrap_or(base);
    let left = |error: KvError| LeftInPlace {
        key: original.to_string(),
        reason: reason.to_string(),
        bytes: raw.len(),
        error,
    };
    kv.set(&key, raw).map_err(left)?;
    if kv.get(&key).as_deref() != Some(raw) {
        return Err(left(KvError::Other(
            "the quarantine copy did not read back".into(),
        )));
    }
    kv.remove(original);
    Ok(QuarantineEntry {
        key,
        original_key: original.to_string(),
        reason: reason.to_string(),
        bytes: raw.len(),
    })
}

/// Every quarantined value, oldest first, as (quarantine key, original key) — for the banner after a reload.
pub fn list(kv: &impl KeyValue) -> Vec<(String, String)> {
    let mut out: Vec<(i64, String, String)> = kv
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(QUARANTINE_PREFIX))
        .filter_map(|k| match Key::parse(&k) {
            Some(Key::Quarantine { at, original }) => Some((at, k, original)),
            _ => None,
        })
        .collect();
    crate::sort::sort(&mut out);
    out.into_iter().map(|(_, k, o)| (k, o)).collect()
}

/// The raw text of a quarantined value, for download.
pub fn raw(kv: &impl KeyValue, quarantine_key: &str) -> Option<String> {
    quarantine_key
        .starts_with(QUARANTINE_PREFIX)
        .then(|| kv.get(quarantine_key))
        .flatten()
}

/// Deletes a quarantined value — only ever on an explicit request after the user downloaded it.
pub fn discard(kv: &impl KeyValue, quarantine_key: &str) {
    if quarantine_key.starts_with(QUARANTINE_PREFIX) {
        kv.remove(quarantine_key);
    }
}
