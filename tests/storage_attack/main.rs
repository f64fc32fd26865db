//! An attacker with full control over localStorage: arbitrary and mutated values under every key the app
//! reads, with and without a quota, then every storage entry point. A seeded loop, so a failure names its
//! case and reruns the same way. Properties: no panic; work bounded by what is stored, never by a number
//! read from it; every op of an untouched chunk loads; a value is only ever changed or removed after its
//! copy is in quarantine; a second load sets nothing new aside; a refused import changes nothing.
#![cfg(not(target_arch = "wasm32"))]

mod cases;
#[path = "../common/mod.rs"]
mod common;
mod fuzz;
mod scanner;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use common::*;
use lanbai_planner::journal::{Op, Status};
use lanbai_planner::storage::keys::{Key, QUARANTINE_PREFIX};
use lanbai_planner::storage::schema::{self, Meta};
use lanbai_planner::storage::settings::SettingsProblem;
use lanbai_planner::storage::{
    KeyValue, KvError, MemoryKv, Store, load_settings, plans, quarantine,
};

const PLAN: &str = "p";
const NOW: i64 = 1_600_000_000_000;

/// A `MemoryKv` that counts the work done through it: one per call, plus one per key `keys` returns.
#[derive(Clone, Default)]
struct Counting {
    kv: MemoryKv,
    work: Rc<Cell<usize>>,
}

impl Counting {
    fn tick(&self, n: usize) {
        self.work.set(self.work.get() + n);
    }
}

impl KeyValue for Counting {
    fn get(&self, key: &str) -> Option<String> {
        self.tick(1);
        self.kv.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.tick(1);
        self.kv.set(key, value)
    }
    fn remove(&self, key: &str) {
        self.tick(1);
        self.kv.remove(key)
    }
    fn keys(&self) -> Vec<String> {
        let keys = self.kv.keys();
        self.tick(1 + keys.len());
        keys
    }
}

type Snapshot = BTreeMap<String, String>;

fn snapshot(kv: &MemoryKv) -> Snapshot {
    kv.keys()
        .into_iter()
        .filter_map(|k| kv.get(&k).map(|v| (k, v)))
        .collect()
}

/// Every value of `before` is still there unchanged, or its verbatim copy sits under a quarantine key that
/// names it and did not exist before. Returns the quarantine keys that appeared.
fn nothing_lost(before: &Snapshot, kv: &MemoryKv) -> Result<Vec<String>, String> {
    let after = snapshot(kv);
    let fresh: Vec<&String> = after
        .keys()
        .filter(|k| k.starts_with(QUARANTINE_PREFIX) && !before.contains_key(*k))
        .collect();
    for (key, value) in before {
        if after.get(key) == Some(value) {
            continue;
        }
        let kept = fresh.iter().any(|q| {
            after.get(*q) == Some(value)
                && matches!(Key::parse(q), Some(Key::Quarantine { original, .. }) if original == *key)
        });
        // The active-plan pointer of an unreadable plan may go: the plan's own key (moved aside or left in
        // place) names the id.
        let plan_key = format!("lanbai:plan:{}", value.trim());
        let plan_aside = key == "lanbai:active-plan"
            && (after.contains_key(&plan_key)
                || fresh.iter().any(|q| {
                    matches!(Key::parse(q), Some(Key::Quarantine { original, .. }) if original == plan_key)
                }));
        if !kept && !plan_aside {
            return Err(format!(
                "{key} was changed or removed without a quarantine copy"
            ));
        }
    }
    Ok(fresh.into_iter().cloned().collect())
}

fn good_ops() -> Vec<Op> {
    generated_journal("good", 9, 7)
}

fn chunk_text(writer: &str, index: u32, ops: &[Op]) -> String {
    schema::write_chunk(writer, index, ops)
}

fn meta_text(writer: &str, first_chunk: u32, chunks: u32, ops: u64) -> String {
    schema::write_meta(&Meta {
        schema: 1,
        writer: writer.into(),
        first_chunk,
        chunks,
        ops,
    })
}

fn quietly<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = catch_unwind(AssertUnwindSafe(f));
    std::panic::set_hook(hook);
    result
}
