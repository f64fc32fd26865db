//! The journal in localStorage. Each writer (one per page load) owns its keys: its ops go into chunks of
//! `CHUNK_SIZE`, and an append rewrites only the writer's last chunk and its tiny meta record. Two tabs
//! therefore never write the same key, so neither can overwrite the other; `load` unions every writer.

use std::collections::{BTreeMap, HashSet};

use crate::journal::Op;
use crate::journal::merge::dedup_report;

use super::claims::{self, LISTED_MISSING};
use super::keys::{Key, clean_writer, is_of_plan};
use super::kv::{KeyValue, KvError};
pub use super::outcome::{LoadReport, StoreError};
use super::quarantine;
use super::schema::{self, Meta, ReadError};

/// 256 ops ≈ 40 KB of JSON: small enough that the keystroke path serialises little, large enough that a
/// 10,000-op journal is ~40 keys.
pub const CHUNK_SIZE: usize = 256;

pub struct Store<K: KeyValue> {
    kv: K,
    plan: String,
    writer: String,
    chunk_size: usize,
    /// Chunk index of `own[0]`: 0, since the id is fresh (see `taken_writers`); metas keep the field, and
    /// load honours it in metas written before ids with chunks were refused.
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
        let wanted = clean_writer(writer_id);
        let keys: Vec<String> = kv
            .keys()
            .into_iter()
            .filter(|k| is_of_plan(k, plan_id))
            .collect();
        // An id that already has keys is taken (see `taken_writers`): use it with a suffix instead. Ids are
        // fresh per page load, so only planted keys ever cause this; the set keeps it linear in them.
        let taken = taken_writers(&keys);
        let mut writer = wanted.clone();
        let mut n = 0u64;
        while taken.contains(&writer) {
            n += 1;
            writer = format!("{wanted}x{n}");
        }
        Store {
            kv,
            plan: plan_id.to_string(),
            writer,
            chunk_size: chunk_size.max(1),
            first_chunk: 0,
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

    /// Records several ops (an import) and writes them all, or none: earlier unsaved edits are written first,
    /// and when any chunk of `ops` does not fit, the keys this call created are removed and the store is as
    /// before (`unsaved` then counts only the earlier edits still waiting). A person is never shown a
    /// partial import as complete, and a later ordinary edit still saves.
    pub fn append_all(&mut self, ops: impl IntoIterator<Item = Op>) -> Result<(), StoreError> {
        self.flush()?;
        let n = self.chunk_size;
        let before = self.own.len();
        self.own.extend(ops);
        // Chunks holding only new ops first; the partly filled last chunk, rewritten with more ops, last. A
        // failure before that write leaves every key that existed untouched.
        let partial = (!before.is_multiple_of(n)).then_some(before / n);
        let fresh = before.div_ceil(n)..self.own.len().div_ceil(n);
        let mut written = Vec::new();
        let result = fresh.chain(partial).try_for_each(|c| {
            self.write_chunk(c)?;
            written.push(c);
            Ok(())
        });
        if let Err(e) = result {
            for index in written.into_iter().filter_map(|c| self.chunk_index(c)) {
                self.kv.remove(&self.chunk_key(index));
            }
            self.own.truncate(before);
            return Err(self.error(e));
        }
        self.persisted = self.own.len();
        self.meta_stale = true;
        self.write_meta_if_stale();
        Ok(())
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
            if let Err(e) = self.write_chunk(c) {
                return Err(self.error(e));
            }
            self.persisted = ((c + 1) * n).min(self.own.len());
            self.meta_stale = true;
        }
        self.write_meta_if_stale();
        Ok(())
    }

    /// The stored index of this store's `c`-th chunk; `None` past `u32::MAX` (never wraps onto chunk 0).
    fn chunk_index(&self, c: usize) -> Option<u32> {
        u32::try_from(c)
            .ok()
            .and_then(|c| self.first_chunk.checked_add(c))
    }

    fn chunk_key(&self, index: u32) -> String {
        Key::Journal {
            plan: self.plan.clone(),
            writer: self.writer.clone(),
            chunk: index,
        }
        .render()
    }

    /// Writes this store's `c`-th chunk whole (localStorage replaces a value atomically).
    fn write_chunk(&self, c: usize) -> Result<(), KvError> {
        let n = self.chunk_size;
        let index = self
            .chunk_index(c)
            .ok_or_else(|| KvError::Other("chunk index out of range".into()))?;
        let ops = &self.own[c * n..((c + 1) * n).min(self.own.len())];
        self.kv.set(
            &self.chunk_key(index),
            &schema::write_chunk(&self.writer, index, ops),
        )
    }

    fn error(&self, e: KvError) -> StoreError {
        let unsaved = self.own.len() - self.persisted;
        match e {
            KvError::QuotaExceeded => StoreError::QuotaExceeded { unsaved },
            KvError::Other(message) => StoreError::Other { unsaved, message },
        }
    }

    fn write_meta_if_stale(&mut self) {
        if !self.meta_stale {
            return;
        }
        let meta = Meta {
            schema: schema::CURRENT,
            writer: self.writer.clone(),
            first_chunk: self.first_chunk,
            chunks: u32::try_from(self.own.len().div_ceil(self.chunk_size)).unwrap_or(u32::MAX),
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

    /// Reads every writer's chunks of this plan, migrating and quarantining as needed. `now_ms` names
    /// quarantine keys.
    pub fn load(&mut self, now_ms: i64) -> LoadReport {
        let mut report = LoadReport::default();
        let mut all: Vec<Op> = Vec::new();
        let mut salvaged: Vec<Op> = Vec::new();
        let mut chunks_seen: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut metas: Vec<Meta> = Vec::new();
        let mut keys: Vec<String> = self
            .kv
            .keys()
            .into_iter()
            .filter(|k| is_of_plan(k, &self.plan))
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
                // A meta that claims more than could exist is a lie: quarantined, never looped over.
                Some(Key::Meta { writer, .. }) => {
                    schema::read_meta(&raw).and_then(|m| match claims::implausible(&m, writer) {
                        Some(lie) => Err(ReadError::Unreadable(lie.into())),
                        None => {
                            metas.push(m);
                            Ok((Vec::new(), None))
                        }
                    })
                }
                _ => continue,
            };
            match result {
                Ok((ops, None)) => all.extend(ops),
                Ok((ops, Some(reason))) => {
                    match quarantine::quarantine(&self.kv, &key, &raw, &reason, now_ms) {
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
                    match quarantine::quarantine(&self.kv, &key, &raw, &reason, now_ms) {
                        Ok(entry) => report.quarantined.push(entry),
                        Err(left) => report.left_in_place.push(left),
                    }
                }
            }
        }
        self.count_missing(&metas, chunks_seen, &mut report);
        if !salvaged.is_empty() {
            // Rescued ops from a damaged chunk now live only in memory; write them under this writer.
            // Recorded one by one, not as an all-or-nothing import: if they do not fit they wait in memory.
            for op in salvaged.iter().cloned() {
                self.record(op);
            }
            report.salvage_error = self.flush().err();
            all.extend(salvaged);
        }
        all.extend(self.own.iter().cloned());
        (report.ops, report.id_clashes) = dedup_report(all);
        report
    }

    /// Chunks the metas promise that are neither stored nor quarantined, counted from the gaps between the
    /// chunk indices that exist, so a meta's claim is never looped over.
    fn count_missing(
        &self,
        metas: &[Meta],
        mut present: BTreeMap<String, Vec<u32>>,
        report: &mut LoadReport,
    ) {
        for (_, original) in quarantine::list(&self.kv) {
            if let Some(Key::Journal {
                plan,
                writer,
                chunk,
            }) = Key::parse(&original)
                && plan == self.plan
            {
                present.entry(writer).or_default().push(chunk);
            }
        }
        for chunks in present.values_mut() {
            chunks.sort_unstable();
            chunks.dedup();
        }
        for m in metas {
            let chunks = present.get(&m.writer).map_or(&[][..], Vec::as_slice);
            let (count, listed) = claims::missing(m.first_chunk, m.chunks, chunks);
            report.missing_chunk_count += count;
            for chunk in listed {
                if report.missing_chunks.len() < LISTED_MISSING {
                    let key = Key::Journal {
                        plan: self.plan.clone(),
                        writer: m.writer.clone(),
                        chunk,
                    };
                    report.missing_chunks.push(key.render());
                }
            }
        }
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

/// The writer ids that already have a key among `keys`. A stored chunk holds ops named `<writer>-1`, … —
/// the ids a store under that id would hand out again, and the merge by id keeps only one of two ops with
/// the same id — and a stored meta is a record it would write over; either makes the id taken.
fn taken_writers(keys: &[String]) -> HashSet<String> {
    keys.iter()
        .filter_map(|key| match Key::parse(key) {
            Some(Key::Journal { writer, .. } | Key::Meta { writer, .. }) => Some(writer),
            _ => None,
        })
        .collect()
}
