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
    let left = |error: KvError| LeftInPlace {
        key: original.to_string(),
        reason: reason.to_string(),
        bytes: raw.len(),
        error,
    };
    // Two unreadable values with the same key in the same millisecond must not overwrite each other: the
    // later one takes the next free millisecond, so its key still parses to the original key (a suffix on
    // the original would hide what it was from `list`, the repair button and the missing-chunk count).
    let key = (0..=u32::MAX)
        .map_while(|n| now_ms.checked_add(i64::from(n)))
        .map(|at| {
            Key::Quarantine {
                at,
                original: original.to_string(),
            }
            .render()
        })
        .find(|k| kv.get(k).is_none())
        .ok_or_else(|| left(KvError::Other("no free quarantine key".into())))?;
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
            Some(Key::Quarantine { at, original }) => Some((at, k, unsuffixed(original))),
            _ => None,
        })
        .collect();
    crate::sort::sort(&mut out);
    out.into_iter().map(|(_, k, o)| (k, o)).collect()
}

/// Earlier versions named a second copy in the same millisecond `…{original}~{n}`; those keys are still
/// listed under the key they came from. The suffix is taken off only where the key with it is no app key
/// and the key without it is one (a chunk's `…:0~1`, `lanbai:settings~1`), so a key that is valid with
/// its `~1` (a plan id or writer ending so) stays as it is.
fn unsuffixed(original: String) -> String {
    let stripped = original
        .rsplit_once('~')
        .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .map(|(o, _)| o);
    match stripped {
        Some(o) if Key::parse(&original).is_none() && Key::parse(o).is_some() => o.to_string(),
        _ => original,
    }
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
