//! Issue 17's storage attacks against the in-memory localStorage: a meta record that lies about its chunks,
//! chunk indices at the top of `u32`, a chunk quarantined by the app itself, one bad token inside a chunk,
//! and an import that does not fit.

mod common;

use common::*;
use lanbai_planner::journal::{Op, Status};
use lanbai_planner::storage::schema::read_chunk;
use lanbai_planner::storage::{KeyValue, MemoryKv, Store, StoreError};

const PLAN: &str = "gansu-2020-shuangqu";

fn ids(ops: &[Op]) -> Vec<String> {
    let mut v: Vec<String> = ops.iter().map(|o| o.id.clone()).collect();
    v.sort();
    v
}

fn meta_key(writer: &str) -> String {
    format!("lanbai:v1:{PLAN}:meta:{writer}")
}

fn chunk_key(writer: &str, chunk: u32) -> String {
    format!("lanbai:v1:{PLAN}:journal:{writer}:{chunk}")
}

/// Every key and value, to prove that a refused write changed nothing.
fn snapshot(kv: &MemoryKv) -> Vec<(String, Option<String>)> {
    kv.keys()
        .into_iter()
        .map(|k| (k.clone(), kv.get(&k)))
        .collect()
}

/// 534 edits in three chunks, as in the attack, under writer `w`.
fn stored_534() -> (MemoryKv, Vec<Op>) {
    let kv = MemoryKv::new();
    let ops = generated_journal("w", 534, 17);
    let mut s = Store::open(kv.clone(), PLAN, "w");
    assert_eq!(s.append_all(ops.clone()), Ok(()));
    (kv, ops)
}

#[test]
fn a_meta_that_lies_about_its_chunks_is_quarantined_and_every_edit_loads() {
    // More chunks than ops, then counts no storage could hold, then ranges that overflow u32.
    let lies = [
        (0u64, 600u64, 534u64),
        (0, 10_000_000, 10_000_000),
        (0, 1_000_000_000, 534),
        (0, 4_294_967_295, 534),
        (4_294_967_295, 1, 534),
        (4_294_967_000, 3, 534),
    ];
    for (first, chunks, ops_claimed) in lies {
        let (kv, ops) = stored_534();
        let raw = format!(
            r#"{{"schema":1,"writer":"w","first_chunk":{first},"chunks":{chunks},"ops":{ops_claimed}}}"#
        );
        assert_eq!(kv.set(&meta_key("w"), &raw), Ok(()));
        let report = Store::open(kv.clone(), PLAN, "reader").load(7);
        assert_eq!(report.ops.len(), ops.len(), "{raw}");
        assert_eq!(report.missing_chunk_count, 0, "{raw}");
        assert!(report.missing_chunks.is_empty(), "{raw}");
        assert_eq!(report.quarantined.len(), 1, "{raw}: the lie is set aside");
        assert_eq!(report.quarantined[0].original_key, meta_key("w"));
        assert_eq!(
            kv.get(&report.quarantined[0].key).as_deref(),
            Some(raw.as_str()),
            "kept verbatim"
        );
        assert_eq!(kv.get(&meta_key("w")), None);
        let again = Store::open(kv, PLAN, "later").load(8);
        assert_eq!(again.ops.len(), ops.len());
        assert!(again.quarantined.is_empty() && again.missing_chunk_count == 0);
    }
}

#[test]
fn a_meta_whose_writer_field_names_someone_else_is_a_lie() {
    let (kv, ops) = stored_534();
    let raw = r#"{"schema":1,"writer":"nobody","first_chunk":0,"chunks":3,"ops":534}"#;
    assert_eq!(kv.set(&meta_key("w"), raw), Ok(()));
    let report = Store::open(kv, PLAN, "reader").load(7);
    assert_eq!(report.ops.len(), ops.len());
    assert_eq!(report.missing_chunk_count, 0);
    assert_eq!(report.quarantined.len(), 1);
}

#[test]
fn many_missing_chunks_are_counted_not_listed() {
    // A plausible meta (a writer that really had 5,000 chunks, all but two cleared) is not a lie: the count
    // is arithmetic and only a few keys are named.
    let kv = MemoryKv::new();
    let mut s = Store::with_chunk_size(kv.clone(), PLAN, "w", 1);
    assert_eq!(s.append_all(generated_journal("w", 3, 1)), Ok(()));
    let raw = r#"{"schema":1,"writer":"w","first_chunk":0,"chunks":5000,"ops":5000}"#;
    assert_eq!(kv.set(&meta_key("w"), raw), Ok(()));
    kv.remove(&chunk_key("w", 1));
    let report = Store::open(kv, PLAN, "reader").load(7);
    assert_eq!(report.missing_chunk_count, 4998);
    assert!(
        (1..=8).contains(&report.missing_chunks.len()),
        "{:?}",
        report.missing_chunks
    );
    assert_eq!(report.missing_chunks[0], chunk_key("w", 1));
    assert_eq!(report.missing_chunks[1], chunk_key("w", 3));
    assert_eq!(report.ops.len(), 2);
    assert!(report.quarantined.is_empty());
}

#[test]
fn a_chunk_at_the_top_index_never_makes_a_writer_wrap_onto_chunk_zero() {
    let kv = MemoryKv::new();
    let mut first = Store::open(kv.clone(), PLAN, "w");
    assert_eq!(
        first.append(op("w-1", 1, status("t1", Status::Done))),
        Ok(())
    );
    // A hostile (or very old) chunk of the same writer id at the last index there is.
    let top = r#"{"schema":1,"writer":"w","chunk":4294967295,"ops":[{"id":"w-top","at":2,"kind":{"type":"set_status","task":"t2","status":"done"}}]}"#;
    assert_eq!(kv.set(&chunk_key("w", u32::MAX), top), Ok(()));
    let mut again = Store::open(kv.clone(), PLAN, "w");
    let id = again.next_op_id();
    assert_eq!(again.append(op(&id, 3, status("t3", Status::Done))), Ok(()));
    assert_eq!(
        ids(&Store::open(kv, PLAN, "reader").load(9).ops),
        ["w-1".to_string(), "w-top".to_string(), id],
        "nothing was overwritten"
    );
}

#[test]
fn a_chunk_the_app_quarantined_is_not_reported_missing_on_later_loads() {
    let kv = MemoryKv::new();
    let mut a = Store::with_chunk_size(kv.clone(), PLAN, "a", 2);
    assert_eq!(a.append_all(generated_journal("a", 6, 3)), Ok(()));
    let damaged = r#"{"schema":1,"writer":"a","chunk":1,"ops":[
        {"id":"a-x","at":1,"kind":{"type":"set_status","task":"t1","status":"done"}},
        {"id":"a-y","at":2,"kind":{"type":"set_status","task":"t1","status":"finished"}}]}"#;
    assert_eq!(kv.set(&chunk_key("a", 1), damaged), Ok(()));
    let first = Store::open(kv.clone(), PLAN, "b").load(5);
    assert_eq!(first.quarantined.len(), 1);
    assert_eq!(first.missing_chunk_count, 0);
    for n in 0..2 {
        let later = Store::open(kv.clone(), PLAN, &format!("c{n}")).load(6 + n);
        assert_eq!(later.ops.len(), 5, "four untouched and one rescued");
        assert!(later.quarantined.is_empty());
        assert_eq!(later.missing_chunk_count, 0, "{:?}", later.missing_chunks);
        assert!(later.missing_chunks.is_empty());
    }
}

/// A chunk of five well-formed ops, `bad` replacing the third.
fn chunk_with_third(bad: &str) -> String {
    let op = |n: u32| {
        format!(
            r#"{{"id":"x-{n}","at":{n},"kind":{{"type":"add_note","task":"t1","note_id":"n{n}","date":"2020-05-01","text":"第{n}条"}}}}"#
        )
    };
    format!(
        r#"{{"schema":1,"writer":"x","chunk":0,"ops":[{},{},{bad},{},{}]}}"#,
        op(1),
        op(2),
        op(4),
        op(5)
    )
}

#[test]
fn one_bad_token_costs_only_its_own_op() {
    let deep = format!("{}1{}", "[".repeat(5000), "]".repeat(5000));
    let bad_ops = [
        r#"{"id":"x-3","at":1e400,"kind":{"type":"add_note","task":"t1","note_id":"n3","date":"2020-05-01","text":"n"}}"#.to_string(),
        r#"{"id":"x-3","at":3,"kind":{"type":"add_note","task":"t1","note_id":"n3","date":"2020-05-01","text":"\ud800"}}"#.to_string(),
        format!(r#"{{"id":"x-3","at":3,"kind":{deep}}}"#),
        r#"{"id":"x-3","at":3,"kind":{"type":"add_note","task":"t1","text":"a\"],}{b"}, tru}"#
            .to_string(),
    ];
    for bad in &bad_ops {
        let raw = chunk_with_third(bad);
        let read = read_chunk(&raw).unwrap_or_else(|e| panic!("{e:?} for {bad}"));
        assert_eq!(ids(&read.ops), ["x-1", "x-2", "x-4", "x-5"], "{bad}");
        assert!(!read.bad.is_empty(), "{bad}");
    }
    let full = chunk_with_third(&bad_ops[0]);
    let cut = &full[..full.find("x-4").unwrap_or(full.len()) + 5];
    let read = read_chunk(cut).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        ids(&read.ops),
        ["x-1", "x-2"],
        "a truncated chunk keeps what precedes the cut"
    );
}

#[test]
fn a_chunk_with_one_bad_token_is_quarantined_and_its_good_ops_saved_again() {
    let kv = MemoryKv::new();
    let raw = chunk_with_third(r#"{"id":"x-3","at":1e400,"kind":{}}"#);
    assert_eq!(kv.set(&chunk_key("x", 0), &raw), Ok(()));
    let report = Store::open(kv.clone(), PLAN, "b").load(5);
    assert_eq!(ids(&report.ops), ["x-1", "x-2", "x-4", "x-5"]);
    assert_eq!(report.quarantined.len(), 1);
    assert_eq!(
        kv.get(&report.quarantined[0].key).as_deref(),
        Some(raw.as_str())
    );
    let later = Store::open(kv, PLAN, "c").load(6);
    assert_eq!(ids(&later.ops), ["x-1", "x-2", "x-4", "x-5"]);
    assert_eq!(later.missing_chunk_count, 0);
}

#[test]
fn a_repaired_copy_of_a_quarantined_chunk_reads_with_the_chunk_reader() {
    let repaired = chunk_with_third(
        r#"{"id":"x-3","at":3,"kind":{"type":"add_note","task":"t1","note_id":"n3","date":"2020-05-01","text":"修好了"}}"#,
    );
    let read = read_chunk(&repaired).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(ids(&read.ops), ["x-1", "x-2", "x-3", "x-4", "x-5"]);
    assert!(read.bad.is_empty());
}

#[test]
fn an_import_that_does_not_fit_writes_nothing_and_later_edits_still_save() {
    let kv = MemoryKv::new();
    let mut s = Store::open(kv.clone(), PLAN, "w");
    // 300 ops: a full chunk and a partial one, so an import would extend the partial chunk too.
    assert_eq!(s.append_all(generated_journal("w", 300, 1)), Ok(()));
    // Room for a chunk or two more, not for 2,000 ops.
    kv.set_quota(Some(kv.used() + 60_000));
    let before = snapshot(&kv);
    let import = generated_journal("file", 2000, 2);
    let err = s.append_all(import.clone());
    assert_eq!(err, Err(StoreError::QuotaExceeded { unsaved: 0 }));
    assert_eq!(snapshot(&kv), before, "nothing of the import is stored");
    assert!(
        s.unsaved().is_empty(),
        "nor waiting in memory to be written later"
    );
    assert_eq!(s.load(3).ops.len(), 300);
    // An ordinary edit after the refusal saves, and a reload sees it.
    assert_eq!(
        s.append(op("w-edit", 5, status("t1", Status::Done))),
        Ok(())
    );
    assert_eq!(Store::open(kv.clone(), PLAN, "r").load(4).ops.len(), 301);
    // With room, the same import goes in whole.
    kv.set_quota(None);
    assert_eq!(s.append_all(import), Ok(()));
    assert_eq!(Store::open(kv, PLAN, "r2").load(5).ops.len(), 2301);
}

#[test]
fn an_import_waits_for_earlier_edits_and_is_refused_with_them_when_full() {
    let kv = MemoryKv::new();
    let mut s = Store::open(kv.clone(), PLAN, "w");
    assert_eq!(s.append(op("w-1", 1, status("t1", Status::Done))), Ok(()));
    kv.set_quota(Some(kv.used()));
    s.record(op("w-2", 2, progress("t1", 50)));
    let err = s.append_all(generated_journal("file", 10, 2));
    assert_eq!(
        err,
        Err(StoreError::QuotaExceeded { unsaved: 1 }),
        "the earlier edit is still waiting"
    );
    assert_eq!(ids(s.unsaved()), ["w-2"]);
    kv.set_quota(None);
    assert_eq!(s.flush(), Ok(()));
    assert_eq!(ids(&Store::open(kv, PLAN, "r").load(4).ops), ["w-1", "w-2"]);
}

/// A plan whose id begins another plan's id (`a` and `a:b`) shares the key prefix `lanbai:v1:a:`; each must
/// load only its own journal, or switching plans would show (and re-save) the other plan's edits.
#[test]
fn a_plan_never_loads_the_journal_of_a_plan_whose_id_it_begins() {
    let kv = MemoryKv::new();
    let mut longer = Store::open(kv.clone(), "a:b", "wb");
    longer
        .append_all(generated_journal("wb", 3, 1))
        .expect("no quota");
    let mut shorter = Store::open(kv.clone(), "a", "wa");
    shorter
        .append_all(generated_journal("wa", 2, 2))
        .expect("no quota");
    let mine = Store::open(kv.clone(), "a", "wa2").load(0);
    assert_eq!(mine.ops.len(), 2, "{:?}", ids(&mine.ops));
    assert!(mine.missing_chunks.is_empty() && mine.quarantined.is_empty());
    let theirs = Store::open(kv.clone(), "a:b", "wb2").load(0);
    assert_eq!(theirs.ops.len(), 3, "{:?}", ids(&theirs.ops));
}
