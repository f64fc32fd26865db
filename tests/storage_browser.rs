//! The storage layer against the browser's real localStorage: what the in-memory tests assume about it
//! (atomic writes, the quota error's name, shared keys between stores) is checked here.
#![cfg(target_arch = "wasm32")]

use lanbai_planner::journal::{Op, OpKind, Status};
use lanbai_planner::storage::browser::LocalStorage;
use lanbai_planner::storage::{KeyValue, Store, StoreError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Each test uses its own plan id, so tests never see each other's keys, and removes its keys at the end.
fn storage(plan: &str) -> LocalStorage {
    let kv = LocalStorage::new().expect("localStorage is available in the test browser");
    clean(&kv, plan);
    kv
}

fn clean(kv: &LocalStorage, plan: &str) {
    for k in kv.keys() {
        if k.contains(plan) {
            kv.remove(&k);
        }
    }
}

fn op(id: &str, at: i64, task: &str) -> Op {
    Op {
        id: id.into(),
        at,
        hlc: None,
        kind: OpKind::SetStatus {
            task: task.into(),
            unit: None,
            period: None,
            status: Status::Done,
        },
        cause: None,
        unit: None,
        by: None,
    }
}

fn ids(ops: &[Op]) -> Vec<String> {
    let mut v: Vec<String> = ops.iter().map(|o| o.id.clone()).collect();
    v.sort();
    v
}

#[wasm_bindgen_test]
fn persists_and_reloads() {
    let plan = "browser-test-persist";
    let kv = storage(plan);
    let mut a = Store::with_chunk_size(storage(plan), plan, "tab1", 4);
    for i in 0..10 {
        assert_eq!(a.append(op(&format!("tab1-{i}"), i, "t1")), Ok(()));
    }
    let report = Store::open(LocalStorage::new().expect("storage"), plan, "tab2").load(0);
    assert_eq!(report.ops.len(), 10);
    assert!(
        kv.get(&format!("lanbai:v1:{plan}:journal:tab1:2"))
            .is_some()
    );
    clean(&kv, plan);
}

#[wasm_bindgen_test]
fn corrupted_value_is_quarantined_not_deleted() {
    let plan = "browser-test-corrupt";
    let kv = storage(plan);
    let key = format!("lanbai:v1:{plan}:journal:old:0");
    assert_eq!(kv.set(&key, "{\"schema\":1,\"ops\":[{\"id\""), Ok(()));
    let report = Store::open(storage_keep(), plan, "tab").load(123);
    assert_eq!(report.quarantined.len(), 1);
    let q = &report.quarantined[0];
    assert_eq!(
        kv.get(&q.key).as_deref(),
        Some("{\"schema\":1,\"ops\":[{\"id\"")
    );
    assert_eq!(kv.get(&key), None);
    kv.remove(&q.key);
    clean(&kv, plan);
}

fn storage_keep() -> LocalStorage {
    LocalStorage::new().expect("storage")
}

#[wasm_bindgen_test]
fn quota_exceeded_returns_an_error_and_loses_nothing() {
    let plan = "browser-test-quota";
    let kv = storage(plan);
    let mut s = Store::open(storage_keep(), plan, "tab");
    assert_eq!(s.append(op("tab-1", 1, "t1")), Ok(()));

    // Fill localStorage: halve the block size on each refusal until even 1 KB no longer fits.
    let mut fillers = Vec::new();
    let mut size = 1 << 20;
    while size >= 1024 {
        let key = format!("{plan}:filler:{}", fillers.len());
        match kv.set(&key, &"x".repeat(size)) {
            Ok(()) => fillers.push(key),
            Err(_) => size /= 2,
        }
    }
    let mut err = s.append(op("tab-2", 2, "t2"));
    for i in 3..40 {
        // A small op may still squeeze into the last free bytes; keep adding until one is refused.
        if err.is_err() {
            break;
        }
        err = s.append(op(&format!("tab-{i}"), i, "t3"));
    }
    let cleanup = |kv: &LocalStorage| fillers.iter().for_each(|k| kv.remove(k));
    let refused = matches!(err, Err(StoreError::QuotaExceeded { .. }));
    let unsaved = s.unsaved().len();
    cleanup(&kv);
    assert!(refused, "expected QuotaExceeded, got {err:?}");
    assert!(unsaved >= 1);
    let in_memory = s.load(0).ops.len();
    assert_eq!(s.flush(), Ok(()), "a write after space is freed catches up");
    let reloaded = Store::open(storage_keep(), plan, "other").load(0);
    assert_eq!(reloaded.ops.len(), in_memory);
    clean(&kv, plan);
}

#[wasm_bindgen_test]
fn two_stores_appending_interleaved_lose_nothing() {
    let plan = "browser-test-two-tabs";
    let kv = storage(plan);
    let mut a = Store::with_chunk_size(storage_keep(), plan, "tabA", 3);
    let mut b = Store::with_chunk_size(storage_keep(), plan, "tabB", 3);
    let mut all = Vec::new();
    for i in 0..20 {
        let (x, y) = (a.next_op_id(), b.next_op_id());
        assert_eq!(a.append(op(&x, i, "t1")), Ok(()));
        assert_eq!(b.append(op(&y, i, "t1")), Ok(()));
        all.push(x);
        all.push(y);
        if i % 5 == 0 {
            assert!(b.load(0).ops.iter().any(|o| o.id == all[all.len() - 2]));
        }
    }
    all.sort();
    assert_eq!(
        ids(&Store::open(storage_keep(), plan, "tabC").load(0).ops),
        all
    );
    clean(&kv, plan);
}
