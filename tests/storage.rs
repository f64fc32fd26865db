//! The stored journal against an in-memory localStorage: incremental writes, reload, quarantine, quota and
//! two tabs writing at once.

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use common::*;
use lanbai_planner::journal::{Op, Status};
use lanbai_planner::storage::{KeyValue, KvError, MemoryKv, Store, StoreError};

const PLAN: &str = "gansu-2020-shuangqu";

/// Records every write, to prove an append touches only the last chunk and the meta record.
#[derive(Clone, Default)]
struct Counting {
    kv: MemoryKv,
    sets: Rc<RefCell<Vec<(String, usize)>>>,
}

impl KeyValue for Counting {
    fn get(&self, key: &str) -> Option<String> {
        self.kv.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.sets.borrow_mut().push((key.to_string(), value.len()));
        self.kv.set(key, value)
    }
    fn remove(&self, key: &str) {
        self.kv.remove(key)
    }
    fn keys(&self) -> Vec<String> {
        self.kv.keys()
    }
}

fn ids(ops: &[Op]) -> Vec<String> {
    let mut v: Vec<String> = ops.iter().map(|o| o.id.clone()).collect();
    v.sort();
    v
}

#[test]
fn persists_and_reloads_across_chunks() {
    let kv = MemoryKv::new();
    let ops = generated_journal("tab1", 600, 1);
    let mut a = Store::open(kv.clone(), PLAN, "tab1");
    for op in &ops {
        assert_eq!(a.append(op.clone()), Ok(()));
    }
    let journal_keys = kv
        .keys()
        .iter()
        .filter(|k| k.contains(":journal:tab1:"))
        .count();
    assert_eq!(journal_keys, 3);
    let mut b = Store::open(kv.clone(), PLAN, "tab2");
    let report = b.load(0);
    assert_eq!(ids(&report.ops), ids(&ops));
    assert!(report.quarantined.is_empty() && report.missing_chunks.is_empty());
    assert!(
        Store::open(kv, "another-plan", "tab3")
            .load(0)
            .ops
            .is_empty(),
        "plans do not see each other"
    );
}

#[test]
fn an_append_rewrites_only_the_last_chunk_and_meta() {
    let kv = Counting::default();
    let mut s = Store::open(kv.clone(), PLAN, "w");
    assert_eq!(s.append_all(generated_journal("w", 10_000, 2)), Ok(()));
    kv.sets.borrow_mut().clear();
    assert_eq!(s.append(op("w-x", 1, status("t1", Status::Done))), Ok(()));
    let sets = kv.sets.borrow();
    assert_eq!(sets.len(), 2, "{sets:?}");
    assert!(sets[0].0.ends_with(":journal:w:39"), "{}", sets[0].0);
    assert!(
        sets[0].1 < 40_000,
        "the last chunk holds at most 17 ops here, got {} bytes",
        sets[0].1
    );
    assert!(sets[1].0.ends_with(":meta:w"));
}

#[test]
fn a_reused_writer_id_never_overwrites_its_earlier_chunks() {
    let kv = MemoryKv::new();
    let mut first = Store::open(kv.clone(), PLAN, "w");
    assert_eq!(
        first.append(op("w-1", 1, status("t1", Status::Done))),
        Ok(())
    );
    let mut again = Store::open(kv.clone(), PLAN, "w");
    assert_eq!(
        again.append(op("w-1b", 2, status("t2", Status::Done))),
        Ok(())
    );
    assert_eq!(ids(&again.load(0).ops), ["w-1", "w-1b"]);
}

#[test]
fn unreadable_chunks_are_quarantined_not_deleted() {
    let kv = MemoryKv::new();
    let mut a = Store::with_chunk_size(kv.clone(), PLAN, "a", 2);
    assert_eq!(a.append_all(generated_journal("a", 6, 3)), Ok(()));
    let bad_key = format!("lanbai:v1:{PLAN}:journal:a:1");
    assert_eq!(kv.set(&bad_key, "{\"schema\":1,\"ops\":[tru"), Ok(()));
    let report = Store::open(kv.clone(), PLAN, "b").load(1_700_000_000_000);
    assert_eq!(report.ops.len(), 4);
    assert_eq!(report.quarantined.len(), 1);
    let q = &report.quarantined[0];
    assert_eq!(q.original_key, bad_key);
    assert!(q.reason.starts_with("not JSON"), "{}", q.reason);
    assert_eq!(
        kv.get(&q.key).as_deref(),
        Some("{\"schema\":1,\"ops\":[tru")
    );
    assert_eq!(kv.get(&bad_key), None);
    assert_eq!(
        lanbai_planner::storage::quarantine::list(&kv),
        [(q.key.clone(), bad_key)]
    );
}

#[test]
fn good_ops_of_a_damaged_chunk_are_rescued_and_written_again() {
    let kv = MemoryKv::new();
    let key = format!("lanbai:v1:{PLAN}:journal:old:0");
    let raw = r#"{"schema":1,"writer":"old","chunk":0,"ops":[
        {"id":"old-1","at":1,"kind":{"type":"set_status","task":"t1","status":"done"}},
        {"id":"old-2","at":2,"kind":{"type":"set_status","task":"t1","status":"finished"}}]}"#;
    assert_eq!(kv.set(&key, raw), Ok(()));
    let report = Store::open(kv.clone(), PLAN, "new").load(5);
    assert_eq!(ids(&report.ops), ["old-1"]);
    assert_eq!(report.quarantined.len(), 1);
    assert_eq!(report.salvage_error, None);
    assert_eq!(
        ids(&Store::open(kv, PLAN, "later").load(6).ops),
        ["old-1"],
        "the rescued op survives a reload"
    );
}

#[test]
fn when_the_quarantine_copy_fails_the_original_stays() {
    let kv = MemoryKv::new();
    let key = format!("lanbai:v1:{PLAN}:journal:x:0");
    assert_eq!(kv.set(&key, "garbage"), Ok(()));
    kv.set_quota(Some(kv.used()));
    let report = Store::open(kv.clone(), PLAN, "b").load(5);
    assert!(report.quarantined.is_empty());
    assert_eq!(report.left_in_place.len(), 1);
    assert_eq!(report.left_in_place[0].error, KvError::QuotaExceeded);
    assert_eq!(kv.get(&key).as_deref(), Some("garbage"));
}

#[test]
fn data_from_a_newer_version_is_left_alone() {
    let kv = MemoryKv::new();
    let key = format!("lanbai:v1:{PLAN}:journal:future:0");
    let raw = r#"{"schema":7,"ops":"compressed"}"#;
    assert_eq!(kv.set(&key, raw), Ok(()));
    let report = Store::open(kv.clone(), PLAN, "b").load(5);
    assert_eq!(report.newer, std::slice::from_ref(&key));
    assert!(report.quarantined.is_empty());
    assert_eq!(kv.get(&key).as_deref(), Some(raw));
}

#[test]
fn quota_errors_keep_ops_in_memory_until_a_write_succeeds() {
    let kv = MemoryKv::new();
    let mut s = Store::open(kv.clone(), PLAN, "w");
    assert_eq!(s.append(op("w-1", 1, status("t1", Status::Done))), Ok(()));
    kv.set_quota(Some(kv.used()));
    let err = s.append(op("w-2", 2, progress("t1", 50)));
    assert_eq!(err, Err(StoreError::QuotaExceeded { unsaved: 1 }));
    assert_eq!(
        s.append(op("w-3", 3, progress("t1", 60))),
        Err(StoreError::QuotaExceeded { unsaved: 2 })
    );
    assert_eq!(
        ids(&s.load(4).ops),
        ["w-1", "w-2", "w-3"],
        "this tab still sees its unsaved edits"
    );
    assert_eq!(
        ids(&Store::open(kv.clone(), PLAN, "other").load(4).ops),
        ["w-1"],
        "the old chunk is intact"
    );
    kv.set_quota(None);
    assert_eq!(s.flush(), Ok(()));
    assert!(s.unsaved().is_empty());
    assert_eq!(
        ids(&Store::open(kv, PLAN, "other2").load(4).ops),
        ["w-1", "w-2", "w-3"]
    );
}

#[test]
fn two_tabs_appending_interleaved_lose_nothing() {
    let kv = MemoryKv::new();
    let mut a = Store::with_chunk_size(kv.clone(), PLAN, "tabA", 3);
    let mut b = Store::with_chunk_size(kv.clone(), PLAN, "tabB", 5);
    let (ja, jb) = (
        generated_journal("tabA", 40, 4),
        generated_journal("tabB", 40, 5),
    );
    for (x, y) in ja.iter().zip(&jb) {
        assert_eq!(a.append(x.clone()), Ok(()));
        // Each tab reloads in between, as on a storage event, and must not write what it read.
        let seen = b.load(0).ops;
        assert!(seen.iter().any(|o| o.id == x.id));
        assert_eq!(b.append(y.clone()), Ok(()));
    }
    let all = ids(&[ja, jb].concat());
    assert_eq!(ids(&a.load(0).ops), all);
    assert_eq!(ids(&Store::open(kv, PLAN, "tabC").load(0).ops), all);
}

#[test]
fn storage_events_for_other_writers_of_this_plan_only() {
    let kv = MemoryKv::new();
    let mut other = Store::open(kv.clone(), PLAN, "other");
    assert_eq!(
        other.append(op("other-1", 1, status("t1", Status::Done))),
        Ok(())
    );
    let me = Store::open(kv, PLAN, "me");
    let their_chunk = format!("lanbai:v1:{PLAN}:journal:other:0");
    assert!(me.on_storage_event(Some(&their_chunk)));
    assert!(me.on_storage_event(None));
    assert!(!me.on_storage_event(Some(&format!("lanbai:v1:{PLAN}:journal:me:0"))));
    assert!(!me.on_storage_event(Some("lanbai:v1:other-plan:journal:x:0")));
    assert!(!me.on_storage_event(Some("lanbai:settings")));
    assert_eq!(
        me.read_changed(&their_chunk).map(|o| ids(&o)),
        Some(vec!["other-1".to_string()])
    );
}

#[test]
fn chunks_that_vanished_are_reported() {
    let kv = MemoryKv::new();
    let mut a = Store::with_chunk_size(kv.clone(), PLAN, "a", 2);
    assert_eq!(a.append_all(generated_journal("a", 5, 6)), Ok(()));
    kv.remove(&format!("lanbai:v1:{PLAN}:journal:a:1"));
    let report = Store::open(kv, PLAN, "b").load(0);
    assert_eq!(
        report.missing_chunks,
        [format!("lanbai:v1:{PLAN}:journal:a:1")]
    );
    assert_eq!(report.ops.len(), 3);
}

#[test]
fn recorded_ops_wait_for_flush() {
    let kv = MemoryKv::new();
    let mut s = Store::open(kv.clone(), PLAN, "w");
    s.record(op("w-1", 1, status("t1", Status::Done)));
    s.record(op("w-2", 2, status("t2", Status::Done)));
    assert_eq!(s.unsaved().len(), 2);
    assert!(kv.keys().is_empty(), "record must not write");
    assert_eq!(s.flush(), Ok(()));
    assert!(s.unsaved().is_empty());
    assert_eq!(ids(&Store::open(kv, PLAN, "r").load(0).ops), ["w-1", "w-2"]);
}
