//! What this browser knows of the server folder, kept in `lanbai:sync:<plan>`: each file's version and op
//! count as last read or written. It is only a cache — a broken or missing record costs one download of
//! the folder, never an edit — so a value that does not read is replaced rather than quarantined.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::journal::Op;
use crate::storage::{KeyValue, KvError};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SyncState {
    pub schema: u32,
    /// By file name (`w….n.json`).
    pub files: BTreeMap<String, FileState>,
    /// When a round last got through (ms), for 已同步（3 分钟前）.
    pub last_ok: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FileState {
    /// The version the listing gave (ETag, or modified time and length), compared with the next listing.
    pub version: Option<String>,
    /// The ETag of the last download, for `If-None-Match` (a listing's version may not be one).
    pub etag: Option<String>,
    /// Ops the file holds on the server.
    pub ops: u64,
    /// The file did not read (bad JSON or checksum): quarantined here, not fetched again until it changes.
    pub bad: bool,
}

pub fn key(plan: &str) -> String {
    format!("lanbai:sync:{plan}")
}

pub fn load(kv: &impl KeyValue, plan: &str) -> SyncState {
    kv.get(&key(plan))
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

pub fn save(kv: &impl KeyValue, plan: &str, state: &SyncState) -> Result<(), KvError> {
    let state = SyncState {
        schema: 1,
        ..state.clone()
    };
    let text = serde_json::to_string(&state).map_err(|e| KvError::Other(e.to_string()))?;
    kv.set(&key(plan), &text)
}

/// One writer seen in the journal (a page load on some device), for the list on #/data.
#[derive(Debug, Clone, PartialEq)]
pub struct Device {
    pub writer: String,
    pub unit: Option<String>,
    pub last_at: i64,
    pub ops: usize,
    /// How far its latest op is dated past this browser's clock, when more than a day: its clock is wrong.
    pub ahead_ms: Option<i64>,
}

/// Every writer among `ops` (an op id is `<writer>-<n>`), latest first.
pub fn devices(ops: &[Op], now: i64) -> Vec<Device> {
    let mut by_writer: BTreeMap<&str, Device> = BTreeMap::new();
    for op in ops {
        let writer = op.id.rsplit_once('-').map_or(op.id.as_str(), |(w, _)| w);
        let d = by_writer.entry(writer).or_insert_with(|| Device {
            writer: writer.to_string(),
            unit: None,
            last_at: i64::MIN,
            ops: 0,
            ahead_ms: None,
        });
        d.ops += 1;
        if op.at >= d.last_at {
            d.last_at = op.at;
            d.unit = op.unit.clone().or(d.unit.take());
        }
    }
    let mut out: Vec<Device> = by_writer
        .into_values()
        .map(|mut d| {
            let ahead = d.last_at.saturating_sub(now);
            d.ahead_ms = (ahead > crate::journal::screen::FUTURE_SLACK_MS).then_some(ahead);
            d
        })
        .collect();
    out.sort_by(|a, b| b.last_at.cmp(&a.last_at).then(a.writer.cmp(&b.writer)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryKv;

    #[test]
    fn a_broken_record_reads_as_empty_and_is_replaced() {
        let kv = MemoryKv::new();
        assert_eq!(kv.set(&key("p"), "{not json"), Ok(()));
        let mut s = load(&kv, "p");
        assert!(s.files.is_empty());
        s.last_ok = Some(5);
        assert_eq!(save(&kv, "p", &s), Ok(()));
        assert_eq!(load(&kv, "p").last_ok, Some(5));
    }
}
