//! Two tabs writing in any interleaving, with storage filling up and freeing again, lose nothing.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use lanbai_planner::journal::Status;
use lanbai_planner::storage::{KeyValue, MemoryKv, Store};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Step {
    Append(usize),
    Load(usize),
    Full,
    Free,
}

fn arb_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0usize..2).prop_map(Step::Append),
        2 => (0usize..2).prop_map(Step::Load),
        1 => Just(Step::Full),
        1 => Just(Step::Free),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn interleaved_writers_lose_nothing(steps in prop::collection::vec(arb_step(), 1..80), sizes in (1usize..6, 1usize..6)) {
        let kv = MemoryKv::new();
        let mut stores = [
            Store::with_chunk_size(kv.clone(), "p", "tabA", sizes.0),
            Store::with_chunk_size(kv.clone(), "p", "tabB", sizes.1),
        ];
        let mut appended: Vec<String> = Vec::new();
        for step in steps {
            match step {
                Step::Append(w) => {
                    let id = stores[w].next_op_id();
                    // An error is allowed (storage full); the op must still not be lost.
                    let _ = stores[w].append(op(&id, appended.len() as i64, status("t1", Status::Done)));
                    appended.push(id);
                }
                Step::Load(w) => {
                    let seen = stores[w].load(0).ops;
                    let own: Vec<&String> = appended.iter().filter(|id| id.starts_with(stores[w].writer())).collect();
                    prop_assert!(own.iter().all(|id| seen.iter().any(|o| &&o.id == id)));
                }
                Step::Full => kv.set_quota(Some(kv.used())),
                Step::Free => kv.set_quota(None),
            }
        }
        kv.set_quota(None);
        for s in &mut stores {
            prop_assert_eq!(s.flush(), Ok(()));
        }
        let mut loaded: Vec<String> = Store::open(kv, "p", "fresh").load(0).ops.into_iter().map(|o| o.id).collect();
        loaded.sort();
        appended.sort();
        prop_assert_eq!(loaded, appended);
    }
}

/// One bad token of the kinds the attack used, in place of an op; each keeps brackets balanced, as a bad
/// token inside a value does.
fn arb_bad_op() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(r#"{"id":"bad","at":1e400,"kind":{"type":"set_progress","task":"t1","percent":5}}"#.to_string()),
        Just(r#"{"id":"bad","at":1,"kind":{"type":"add_note","task":"t1","note_id":"n","date":"2020-01-01","text":"\udc00"}}"#.to_string()),
        (1usize..400).prop_map(|d| format!(r#"{{"id":"bad","at":1,"kind":{}0{}}}"#, "[".repeat(d), "]".repeat(d))),
        "[a-z\\]\\[{},:\" ]{0,12}".prop_map(|junk| format!(r#"{{"id":"bad","at":1,"kind":"{}"}} tru"#, junk.replace('"', "\\\""))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn one_bad_op_costs_only_itself_and_a_cut_only_what_follows(n in 1usize..40, seed in any::<u64>(), pick in any::<usize>(), bad in arb_bad_op(), cut in any::<usize>()) {
        let ops = generated_journal("x", n, seed);
        let k = pick % n;
        let texts: Vec<String> = ops.iter().map(|o| serde_json::to_string(o).unwrap_or_default()).collect();
        let with_bad: Vec<&str> = texts.iter().enumerate().map(|(i, t)| if i == k { bad.as_str() } else { t.as_str() }).collect();
        let raw = format!(r#"{{"schema":1,"writer":"x","chunk":0,"ops":[{}]}}"#, with_bad.join(","));
        let read = lanbai_planner::storage::schema::read_chunk(&raw).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let want: Vec<&str> = ops.iter().enumerate().filter(|(i, _)| *i != k).map(|(_, o)| o.id.as_str()).collect();
        let got: Vec<&str> = read.ops.iter().map(|o| o.id.as_str()).collect();
        prop_assert_eq!(got, want);

        // Truncated inside op k: every op before it survives, nothing after it is invented.
        let clean = format!(r#"{{"schema":1,"writer":"x","chunk":0,"ops":[{}]}}"#, texts.join(","));
        let start = clean.find(&texts[k]).unwrap_or(0);
        let mut at = start + cut % texts[k].len().max(1);
        while !clean.is_char_boundary(at) {
            at -= 1;
        }
        let read = lanbai_planner::storage::schema::read_chunk(&clean[..at]).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let got: Vec<&str> = read.ops.iter().map(|o| o.id.as_str()).collect();
        let before: Vec<&str> = ops[..k].iter().map(|o| o.id.as_str()).collect();
        prop_assert_eq!(got, before);
    }

    #[test]
    fn an_import_is_stored_whole_or_not_at_all_under_any_quota(existing in 0usize..600, incoming in 1usize..700, size in 1usize..300, room in 0usize..300_000) {
        let kv = MemoryKv::new();
        let mut s = Store::with_chunk_size(kv.clone(), "p", "w", size);
        prop_assert_eq!(s.append_all(generated_journal("w", existing, 1)), Ok(()));
        kv.set_quota(Some(kv.used() + room));
        let snapshot = |kv: &MemoryKv| kv.keys().into_iter().map(|k| (k.clone(), kv.get(&k))).collect::<Vec<_>>();
        let before = snapshot(&kv);
        let stored = match s.append_all(generated_journal("file", incoming, 2)) {
            Ok(()) => existing + incoming,
            Err(e) => {
                prop_assert_eq!(e.unsaved(), 0);
                prop_assert_eq!(snapshot(&kv), before);
                existing
            }
        };
        prop_assert_eq!(Store::open(kv.clone(), "p", "r").load(0).ops.len(), stored);
        kv.set_quota(None);
        prop_assert_eq!(s.append(op("w-later", 9, status("t2", Status::Done))), Ok(()));
        prop_assert_eq!(Store::open(kv, "p", "r2").load(0).ops.len(), stored + 1);
    }
}
