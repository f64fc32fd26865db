//! One sync round: list the plan's folder, fetch the files whose version changed and mirror them into local
//! chunks, then upload this device's chunks the server does not have whole. One new op therefore costs a
//! listing, one upload (and its move) on the device that made it, and one download on each other device —
//! a constant number of requests, whatever the size of the journal.

use std::collections::{BTreeMap, HashSet};

use crate::journal::{Op, export, import_file};
use crate::storage::keys::{Key, is_of_plan};
use crate::storage::quarantine::{self, QuarantineEntry};
use crate::storage::schema::{self, Meta};
use crate::storage::{CHUNK_SIZE, KeyValue, KvError};

use super::error::SyncError;
use super::layout::{Entry, Fetched, file_name, parse_file_name, temp_name, temp_target};
use super::state::{self, FileState, SyncState};

/// The largest server file read: a chunk of 256 ops is about 40 KB, so anything far past that is not ours.
const MAX_FILE_BYTES: usize = 4 << 20;

/// The server side of sync: the plan's folder on some WebDAV server. `browser::Dav` speaks HTTP; the tests
/// use an in-memory folder.
#[allow(async_fn_in_trait)]
pub trait Transport {
    /// The files in the plan's folder (`PROPFIND`, depth 1).
    async fn list(&self) -> Result<Vec<Entry>, SyncError>;
    /// A file, unless it is still `version` (`GET` with `If-None-Match`).
    async fn get(&self, name: &str, version: Option<&str>) -> Result<Fetched, SyncError>;
    /// Writes `name` whole: uploads to `temp`, then moves it into place over the old version.
    async fn put(&self, name: &str, temp: &str, body: &str) -> Result<(), SyncError>;
    /// Removes one of this device's leftover uploads.
    async fn delete(&self, name: &str) -> Result<(), SyncError>;
    /// Where a file lives, for the quarantine list.
    fn url(&self, name: &str) -> String;
}

/// What a round did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Round {
    pub fetched: usize,
    pub uploaded: usize,
    /// Ops fetched that this browser's chunks did not hold, to merge into the page.
    pub new_ops: Vec<Op>,
    /// Server files that did not read, kept verbatim here and not merged.
    pub quarantined: Vec<QuarantineEntry>,
    /// Local ops still not on the server (0 after a round that got through).
    pub pending: u64,
}

/// Syncs `plan` once. `live_writer` is this page's writer (its chunks belong to its store and are never
/// rewritten here); `nonce` makes temporary upload names unique. The state record is saved whatever
/// happens, so what a round that fails half-way did is not done twice.
pub async fn round<K: KeyValue, T: Transport>(
    kv: &K,
    transport: &T,
    plan: &str,
    live_writer: &str,
    now: i64,
    nonce: u64,
) -> Result<Round, SyncError> {
    let mut state = state::load(kv, plan);
    let mut out = Round::default();
    let result = run(
        kv,
        transport,
        plan,
        live_writer,
        now,
        nonce,
        &mut state,
        &mut out,
    )
    .await;
    if result.is_ok() {
        state.last_ok = Some(now);
    }
    // Only a cache: failing to save it costs a download next time, never an edit.
    let _ = state::save(kv, plan, &state);
    out.pending = pending_in(kv, plan, &state);
    result.map(|()| out)
}

#[allow(clippy::too_many_arguments)]
async fn run<K: KeyValue, T: Transport>(
    kv: &K,
    transport: &T,
    plan: &str,
    live_writer: &str,
    now: i64,
    nonce: u64,
    state: &mut SyncState,
    out: &mut Round,
) -> Result<(), SyncError> {
    let local = LocalChunks::scan(kv, plan);
    let listing = transport.list().await?;
    let mut listed: BTreeMap<String, Option<String>> = BTreeMap::new();
    for entry in listing {
        if let Some(target) = temp_target(&entry.name) {
            // A leftover of an upload of ours that never moved into place: tidy it, quietly.
            if parse_file_name(target).is_some_and(|(w, _)| local.is_mine(&w)) {
                let _ = transport.delete(&entry.name).await;
            }
            continue;
        }
        if parse_file_name(&entry.name).is_some() {
            listed.insert(entry.name, entry.version);
        }
    }
    // Files the server no longer has are forgotten, so their chunks are uploaded again.
    state.files.retain(|name, _| listed.contains_key(name));

    for (name, version) in &listed {
        let known = state.files.get(name);
        if version.is_some() && known.is_some_and(|k| &k.version == version) {
            continue;
        }
        let Some((writer, chunk)) = parse_file_name(name) else {
            continue;
        };
        let have = known.and_then(|k| k.etag.as_deref());
        let version = version.clone();
        let (text, etag) = match transport.get(name, have).await? {
            Fetched::NotModified => {
                if let Some(k) = state.files.get_mut(name) {
                    k.version = version;
                }
                continue;
            }
            Fetched::Body {
                text,
                version: etag,
            } => (text, etag),
        };
        out.fetched += 1;
        match import_file(&text, plan, MAX_FILE_BYTES) {
            Ok(file) => {
                let ops = file.ops.len() as u64;
                if writer != live_writer {
                    out.new_ops
                        .extend(mirror(kv, plan, &writer, chunk, file.ops)?);
                }
                state.files.insert(
                    name.clone(),
                    FileState {
                        version,
                        etag,
                        ops,
                        bad: false,
                    },
                );
            }
            Err(e) => {
                let was_bad = known.is_some_and(|k| k.bad);
                if !was_bad {
                    let reason = format!("{e:?}");
                    if let Ok(entry) =
                        quarantine::quarantine(kv, &transport.url(name), &text, &reason, now)
                    {
                        out.quarantined.push(entry);
                    }
                }
                state.files.insert(
                    name.clone(),
                    FileState {
                        version,
                        etag,
                        ops: 0,
                        bad: true,
                    },
                );
            }
        }
    }

    for (writer, chunk, count) in local.mine() {
        let Some(name) = file_name(&writer, chunk) else {
            continue;
        };
        let remote = state.files.get(&name).map_or(0, |f| f.ops);
        if count <= remote {
            continue;
        }
        let Some(ops) = local.read(kv, plan, &writer, chunk) else {
            continue;
        };
        // Compact, not the pretty form of a download: every device fetches this file after each change.
        let body = serde_json::to_string(&export(plan, now, &ops))
            .map_err(|e| SyncError::Unreachable(e.to_string()))?;
        let temp = temp_name(&name, nonce.wrapping_add(out.uploaded as u64));
        transport.put(&name, &temp, &body).await?;
        out.uploaded += 1;
        state.files.insert(
            name,
            FileState {
                ops: ops.len() as u64,
                ..FileState::default()
            },
        );
    }
    Ok(())
}

/// Adds a fetched file's ops to the local chunk of its writer (union by id: a mirror never loses an op it
/// had) and returns the ops that are new here.
fn mirror(
    kv: &impl KeyValue,
    plan: &str,
    writer: &str,
    chunk: u32,
    ops: Vec<Op>,
) -> Result<Vec<Op>, SyncError> {
    let key = Key::Journal {
        plan: plan.to_string(),
        writer: writer.to_string(),
        chunk,
    }
    .render();
    let mut here: Vec<Op> = match kv.get(&key) {
        Some(raw) => match schema::read_chunk(&raw) {
            Ok(read) if read.bad.is_empty() => read.ops,
            // A damaged or newer local chunk is the store's to quarantine or leave alone; do not write over it.
            _ => return Ok(Vec::new()),
        },
        None => Vec::new(),
    };
    let ids: HashSet<String> = here.iter().map(|o| o.id.clone()).collect();
    let fresh: Vec<Op> = ops.into_iter().filter(|o| !ids.contains(&o.id)).collect();
    if fresh.is_empty() {
        return Ok(fresh);
    }
    here.extend(fresh.iter().cloned());
    kv.set(&key, &schema::write_chunk(writer, chunk, &here))
        .map_err(|e| match e {
            KvError::QuotaExceeded => SyncError::LocalFull,
            KvError::Other(m) => SyncError::Unreachable(m),
        })?;
    Ok(fresh)
}

/// This plan's chunks in local storage: which writers are this device's (they have a meta record; mirrors
/// of other devices never do) and how many ops each of their chunks holds, read from the metas so a round
/// does not parse the whole journal.
struct LocalChunks {
    metas: Vec<Meta>,
    chunks: HashSet<(String, u32)>,
}

impl LocalChunks {
    fn scan(kv: &impl KeyValue, plan: &str) -> LocalChunks {
        let mut metas = Vec::new();
        let mut chunks = HashSet::new();
        for key in kv.keys().into_iter().filter(|k| is_of_plan(k, plan)) {
            match Key::parse(&key) {
                Some(Key::Meta { writer, .. }) => {
                    if let Some(m) = kv
                        .get(&key)
                        .and_then(|raw| schema::read_meta(&raw).ok())
                        .filter(|m| m.writer == writer && m.ops <= crate::storage::claims::MAX_OPS)
                    {
                        metas.push(m);
                    }
                }
                Some(Key::Journal { writer, chunk, .. }) => {
                    chunks.insert((writer, chunk));
                }
                _ => {}
            }
        }
        LocalChunks { metas, chunks }
    }

    fn is_mine(&self, writer: &str) -> bool {
        self.metas.iter().any(|m| m.writer == writer)
    }

    /// `(writer, chunk, ops)` for every chunk of this device's writers that is present.
    fn mine(&self) -> Vec<(String, u32, u64)> {
        let n = CHUNK_SIZE as u64;
        let mut out = Vec::new();
        for m in &self.metas {
            let chunks = m.ops.div_ceil(n);
            for c in 0..chunks {
                let Some(index) = u32::try_from(c)
                    .ok()
                    .and_then(|c| m.first_chunk.checked_add(c))
                else {
                    break;
                };
                if self.chunks.contains(&(m.writer.clone(), index)) {
                    out.push((m.writer.clone(), index, (m.ops - c * n).min(n)));
                }
            }
        }
        out
    }

    fn read(&self, kv: &impl KeyValue, plan: &str, writer: &str, chunk: u32) -> Option<Vec<Op>> {
        let key = Key::Journal {
            plan: plan.to_string(),
            writer: writer.to_string(),
            chunk,
        }
        .render();
        let read = schema::read_chunk(&kv.get(&key)?).ok()?;
        read.bad.is_empty().then_some(read.ops)
    }
}

fn pending_in(kv: &impl KeyValue, plan: &str, state: &SyncState) -> u64 {
    LocalChunks::scan(kv, plan)
        .mine()
        .into_iter()
        .map(|(w, c, count)| {
            let remote = file_name(&w, c)
                .and_then(|n| state.files.get(&n))
                .map_or(0, |f| f.ops);
            count.saturating_sub(remote)
        })
        .sum()
}

/// Local ops not yet on the server as far as this browser knows, without asking it (for 离线：N 条修改待同步).
pub fn pending(kv: &impl KeyValue, plan: &str) -> u64 {
    pending_in(kv, plan, &state::load(kv, plan))
}

/// Runs a future whose transport never waits (an in-memory folder, blocking HTTP), for native tests and the
/// benchmark: it polls until ready, so it is only for futures that are always ready when polled.
pub fn block_on_ready<F: std::future::Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}
