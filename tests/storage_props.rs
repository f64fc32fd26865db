//! Two tabs writing in any interleaving, with storage filling up and freeing again, lose nothing.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use lanbai_planner::journal::Status;
use lanbai_planner::storage::{MemoryKv, Store};
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
