//! The journal in localStorage. Each writer (one per page load) owns its keys: its ops go into chunks of
//! `CHUNK_SIZE`, and an append rewrites only the writer's last chunk and its tiny meta record. Two tabs
//! therefore never write the same key, so neither can overwrite the other; `load` unions every writer.

use std::collections::BTreeMap;

use crate::journal::Op;
use crate::journal::merge::{IdClash, dedup_report};

use super::keys::{Key, clean_writer, plan_prefix};
use super::kv::{KeyValue, KvError};
use super::quarantine::{LeftInPlace, QuarantineEntry, quarantine};
use super::schema::{self, Meta, ReadError};

/// 256 ops ≈ 40 KB of JSON: small enough that the keystroke path serialises little, large enough that a
/// 10,000-op journal is ~40 keys.
pub const CHUNK_SIZE: usize = 256;

/// A write that did not reach storage. The ops are still in the store's memory and go out with the next
/// successful write; `unsaved` says how many are waiting.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    QuotaExceeded { unsaved: usize },
    Other { unsaved: usize, message: String },
}

impl StoreError {
    pub fn unsaved(&self) -> usize {
        match self {
            StoreError::QuotaExceeded { unsaved } | StoreError::Other { unsaved, .. } => *unsaved,
        }
    }

    pub fn message_zh(&self) -> String {
        match self {
            StoreError::QuotaExceeded { unsaved } => format!(
                "浏览器存储空间已满，{unsaved} 条修改暂存在本页内存中，关闭页面会丢失。请立即导出修改记录文件。"
            ),
            StoreError::Other { unsaved, message } => {
                format!(
                    "保存失败（{message}），{unsaved} 条修改暂存在本页内存中。请导出修改记录文件。"
                )
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            StoreError::QuotaExceeded { unsaved } => format!(
                "Browser storage is full: {unsaved} edits are only in this page's memory and will be lost when it closes. Export your edits now."
            ),
            StoreError::Other { unsaved, message } => {
                format!(
                    "Saving failed ({message}): {unsaved} edits are only in this page's memory. Export your edits."
                )
            }
        }
    }
}

/// What `load` found, for the data banner.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LoadReport {
    /// Every readable op of every writer plus this store's unsaved ones, deduplicated, sorted by `(at, id)`.
    pub ops: Vec<Op>,
    /// Unreadable values moved aside during this load.
    pub quarantined: Vec<QuarantineEntry>,
    /// Unreadable values that could not be moved aside; skipped, never overwritten.
    pub left_in_place: Vec<LeftInPlace>,
    /// Keys written by a newer version of the app; left untouched for it.
    pub newer: Vec<String>,
    /// Chunk keys a meta record promised that are gone (cleared by hand or evicted).
    pub missing_chunks: Vec<String>,
    /// Ops rescued from a damaged chunk could not be written again (their raw text is in quarantine).
    pub salvage_error: Option<StoreError>,
    /// Stored ops sharing an id with another of other content: one is used, both stay stored.
    pub id_clashes: Vec<IdClash>,
}

pub struct Store<K: KeyValue> {
    kv: K,
    plan: String,
    writer: String,
    chunk_size: usize,
    /// Chunk index of `own[0]`: past every chunk this writer id ever had, so a reused id never overwrites.
    first_chunk: u32,
    /// Ops appended through this store, in order; `own[..persisted]` are in storage.
    own: Vec<Op>,
    persisted: usize,
    meta_stale: bool,
    counter: u64,
}

impl<K: KeyValue> Store<K> {
    /// `writer_id` must be unique per page load (e.g. random digits plus the start time), not kept in
    /// sessionStorage: a duplicated tab copies sessionStorage, and two stores with one id share keys.
    pub fn open(kv: K, plan_id: &str, writer_id: &str) -> Self {
        Self::with_chunk_size(kv, plan_id, writer_id, CHUNK_SIZE)
    }

    pub fn with_chunk_size(kv: K, plan_id: &str, writer_id: &str, chunk_size: usize) -> Self {
        let writer = clean_writer(writer_id);
        let prefix = plan_prefix(plan_id);
        let mut first_chunk = 0;
        for key in kv.keys().iter().filter(|k| k.starts_with(&prefix)) {
            match Key::parse(key) {
                Some(Key::Journal {
                    writer: w, chunk, ..
                }) if w == writer => first_chunk = first_chunk.max(chunk + 1),
                Some(Key::Meta { writer: w, .. }) if w == writer => {
                    if let Some(m) = kv.get(key).and_then(|raw| schema::read_meta(&raw).ok()) {
                        first_chunk = first_chunk.max(m.first_chunk.saturating_add(m.chunks));
                    }
                }
                _ => {}
            }
        }
        Store {
            kv,
            plan: plan_id.to_string(),
            writer,
            chunk_size: chunk_size.max(1),
            first_chunk,
            own: Vec::new(),
            persisted: 0,
            meta_stale: false,
            counter: 0,
        }
    }

    pub fn writer(&self) -> &str {
        &self.writer
    }

    /// A fresh op id, `<writer>-<n>`; the writer id is also the prefix `journal::undo` uses for "my edits".
    pub fn next_op_id(&mut self) -> String {
        self.counter += 1;
        format!("{}-{}", self.writer, self.counter)
    }

    /// Records an op and writes it. On error the op is kept and retried by the next append or `flush`.
    pub fn append(&mut self, op: Op) -> Result<(), StoreError> {
        self.own.push(op);
        self.flush()
    }

    /// Records an op without writing, for a caller that debounces and calls `flush` later (and on
    /// `visibilitychange`); `unsaved` shows what is waiting.
    pub fn record(&mut self, op: Op) {
        self.own.push(op);
    }

    /// Records several ops (an import) and writes them.
    pub fn append_all(&mut self, ops: impl IntoIterator<Item = Op>) -> Result<(), StoreError> {
        self.own.extend(ops);
        self.flush()
    }

    /// Ops recorded but not yet in storage.
    pub fn unsaved(&self) -> &[Op] {
        &self.own[self.persisted..]
    }

    /// Writes the chunks holding unsaved ops — normally just the last one — then the meta record.
    pub fn flush(&mut self) -> Result<(), StoreError> {
        let n = self.chunk_size;
        while self.persisted < self.own.len() {
            let c = self.persisted / n;
            let end = ((c + 1) * n).min(self.own.len());
            let index = self.first_chunk + c as u32;
            let key = Key::Journal {
                plan: self.plan.clone(),
                writer: self.writer.clone(),
                chunk: index,
            }
            .render();
            let value = schema::write_chunk(&self.writer, index, &self.own[c * n..end]);
            if let Err(e) = self.kv.set(&key, &value) {
                let unsaved = self.own.len() - self.persisted;
                return Err(match e {
                    KvError::QuotaExceeded => StoreError::QuotaExceeded { unsaved },
                    KvError::Other(message) => StoreError::Other { unsaved, message },
                });
            }
            self.persisted = end;
            self.meta_stale = true;
        }
        if self.meta_stale {
            let meta = Meta {
                schema: schema::CURRENT,
                writer: self.writer.clone(),
                first_chunk: self.first_chunk,
                chunks: self.own.len().div_ceil(n) as u32,
                ops: self.own.len() as u64,
            };
            let key = Key::Meta {
                plan: self.plan.clone(),
                writer: self.writer.clone(),
            }
            .render();
            // The ops are safe once their chunk is written; a meta that fails to save is retried next time.
            self.meta_stale = self.kv.set(&key, &schema::write_meta(&meta)).is_err();
        }
        Ok(())
    }

    /// Reads every writer's chunks of this plan, migrating and quarantining as needed. `now_ms` names
    /// quarantine keys.
    pub fn load(&mut self, now_ms: i64) -> LoadReport {
        let mut report = LoadReport::default();
        let prefix = plan_prefix(&self.plan);
        let mut all: Vec<Op> = Vec::new();
        let mut salvaged: Vec<Op> = Vec::new();
        let mut chunks_seen: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut metas: Vec<Meta> = Vec::new();
        let mut keys: Vec<String> = self
            .kv
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
            .collect();
        crate::sort::sort(&mut keys);
        for key in keys {
            let parsed = Key::parse(&key);
            let Some(raw) = self.kv.get(&key) else {
                continue;
            };
            let result = match &parsed {
                Some(Key::Journal { writer, chunk, .. }) => {
                    chunks_seen.entry(writer.clone()).or_default().push(*chunk);
                    schema::read_chunk(&raw).map(|read| {
                        let damaged = !read.bad.is_empty();
                        (read.ops, damaged.then(|| read.bad.join("; ")))
                    })
                }
                Some(Key::Meta { .. }) => schema::read_meta(&raw).map(|m| {
                    metas.push(m);
                    (Vec::new(), None)
                }),
                _ => continue,
            };
            match result {
                Ok((ops, None)) => all.extend(ops),
                Ok((ops, Some(reason))) => {
                    match quarantine(&self.kv, &key, &raw, &reason, now_ms) {
                        Ok(entry) => {
                            report.quarantined.push(entry);
                            salvaged.extend(ops);
                        }
                        Err(left) => {
                            report.left_in_place.push(left);
                            all.extend(ops);
                        }
                    }
                }
                Err(ReadError::Newer(_)) => report.newer.push(key),
                Err(ReadError::Unreadable(reason)) => {
                    match quarantine(&self.kv, &key, &raw, &reason, now_ms) {
                        Ok(entry) => report.quarantined.push(entry),
                        Err(left) => report.left_in_place.push(left),
                    }
                }
            }
        }
        for m in &metas {
            let seen = chunks_seen.get(&m.writer);
            for chunk in m.first_chunk..m.first_chunk.saturating_add(m.chunks) {
                if !seen.is_some_and(|s| s.contains(&chunk)) {
                    let key = Key::Journal {
                        plan: self.plan.clone(),
                        writer: m.writer.clone(),
                        chunk,
                    };
                    report.missing_chunks.push(key.render());
                }
            }
        }
        if !salvaged.is_empty() {
            // Rescued ops from a damaged chunk now live only in memory; write them under this writer.
            report.salvage_error = self.append_all(salvaged.iter().cloned()).err();
            all.extend(salvaged);
        }
        all.extend(self.own.iter().cloned());
        (report.ops, report.id_clashes) = dedup_report(all);
        report
    }

    /// The ops stored under one changed key, for a cheap merge after a `storage` event; `None` when the key is
    /// not another writer's readable chunk of this plan (then call `load`).
    pub fn read_changed(&self, key: &str) -> Option<Vec<Op>> {
        if !self.on_storage_event(Some(key)) {
            return None;
        }
        let read = schema::read_chunk(&self.kv.get(key)?).ok()?;
        read.bad.is_empty().then_some(read.ops)
    }

    /// Whether a `storage` event is about another tab's edits of this plan (so the UI should merge them).
    /// `None` is what the event carries when storage was cleared: reload.
    pub fn on_storage_event(&self, key: Option<&str>) -> bool {
        let Some(key) = key else { return true };
        matches!(Key::parse(key), Some(Key::Journal { plan, writer, .. }) if plan == self.plan && writer != self.writer)
    }
}
