//! Properties that make merging safe: union by id with last-writer-wins fields is commutative, associative and
//! idempotent, and fold does not care about the order of the slice.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use lanbai_planner::journal::*;
use proptest::prelude::*;

/// Ops over a deliberately small space of ids, times and fields, so ties and id clashes happen often.
fn arb_op() -> impl Strategy<Value = Op> {
    let kind = prop_oneof![
        (1u32..4, 0usize..5).prop_map(|(t, s)| status(&format!("t{t}"), Status::ALL[s])),
        (1u32..4, 0u8..=100).prop_map(|(t, p)| progress(&format!("t{t}"), p)),
        (1u32..4, 1u32..4).prop_map(|(t, n)| note(
            &format!("t{t}"),
            &format!("n{n}"),
            "2020-03-01",
            "x"
        )),
        (1u32..4, 1u32..4).prop_map(|(t, n)| OpKind::DeleteNote {
            task: format!("t{t}"),
            note_id: format!("n{n}")
        }),
        (0u32..3, 1u32..3, 0u32..50).prop_map(|(p, m, v)| {
            let place = [None, Some("兰州"), Some("白银")][p as usize];
            actual("t6.k1", place, &format!("2020-0{m}-01"), f64::from(v))
        }),
        (1u32..3).prop_map(|m| OpKind::ClearActual {
            target: "t6.k1".into(),
            region: Region::Total,
            as_of: format!("2020-0{m}-01"),
        }),
        Just(status("t99", Status::Done)),
    ];
    // Half the ops carry a hybrid clock (schema 4), in a small space so clock ties and clocks that order
    // against `at` both happen; the rest are older ops ordered by `at`.
    let clock = prop::option::of((0i64..3, 0u32..3));
    ("[ab]", 0u32..12, 0i64..6, kind, clock).prop_map(|(w, n, at, kind, clock)| {
        let mut o = op(&format!("{w}-{n}"), at, kind);
        o.hlc = clock.map(|(d, c)| Hlc { ms: at + d, n: c });
        o
    })
}

fn arb_journal() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec(arb_op(), 0..24)
}

fn ids(ops: &[Op]) -> Vec<String> {
    let mut v: Vec<String> = ops.iter().map(|o| o.id.clone()).collect();
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn merge_is_commutative(a in arb_journal(), b in arb_journal()) {
        let plan = sample_plan();
        let ab = merge(&a, &b);
        let ba = merge(&b, &a);
        prop_assert_eq!(&ab.ops, &ba.ops);
        prop_assert_eq!(fold(&plan, &ab.ops), fold(&plan, &ba.ops));
        prop_assert_eq!(ab.conflicts.len(), ba.conflicts.len());
    }

    #[test]
    fn merge_is_idempotent(a in arb_journal(), b in arb_journal()) {
        let once = merge(&a, &b);
        let twice = merge(&once.ops, &b);
        prop_assert_eq!(&once.ops, &twice.ops);
        prop_assert_eq!(twice.added, 0);
        prop_assert!(twice.conflicts.is_empty());
        prop_assert_eq!(&merge(&once.ops, &once.ops).ops, &once.ops);
    }

    #[test]
    fn merge_is_associative(a in arb_journal(), b in arb_journal(), c in arb_journal()) {
        let plan = sample_plan();
        let left = merge(&merge(&a, &b).ops, &c).ops;
        let right = merge(&a, &merge(&b, &c).ops).ops;
        prop_assert_eq!(&left, &right);
        prop_assert_eq!(fold(&plan, &left), fold(&plan, &right));
    }

    #[test]
    fn merge_keeps_every_id(a in arb_journal(), b in arb_journal()) {
        let mut expected = [ids(&a), ids(&b)].concat();
        expected.sort();
        expected.dedup();
        prop_assert_eq!(ids(&merge(&a, &b).ops), expected);
    }

    #[test]
    fn fold_ignores_slice_order(a in arb_journal(), seed in any::<u64>()) {
        let plan = sample_plan();
        // The merged journal has unique ids; shuffle it deterministically from the seed.
        let ops = merge(&a, &[]).ops;
        let mut shuffled = ops.clone();
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let mut reversed = ops.clone();
        reversed.reverse();
        let folded = fold(&plan, &ops);
        let mut f2 = fold(&plan, &shuffled);
        f2.ignored.sort_by(|p, q| p.op_id.cmp(&q.op_id));
        prop_assert_eq!(&folded, &f2);
        prop_assert_eq!(&folded, &fold(&plan, &reversed));
    }

    #[test]
    fn undo_then_redo_round_trips(a in arb_journal()) {
        let plan = sample_plan();
        let mut ops = merge(&a, &[]).ops;
        let before = fold(&plan, &ops);
        if let Some(u) = undo(&ops, "a", "a-u".into(), 100) {
            ops.push(u);
            if let Some(r) = redo(&ops, "a", "a-r".into(), 101) {
                ops.push(r);
                let after = fold(&plan, &ops);
                let strip = |v: &ViewState| {
                    v.tasks.iter().map(|(k, t)| (k.clone(), t.status, t.progress, t.notes.iter().map(|n| n.id.clone()).collect::<Vec<_>>())).collect::<Vec<_>>()
                };
                prop_assert_eq!(strip(&before), strip(&after));
                let series = |v: &ViewState| v.targets.values().map(|t| t.series.clone()).collect::<Vec<_>>();
                prop_assert_eq!(series(&before), series(&after));
            } else {
                prop_assert!(false, "an undo must be redoable");
            }
        }
    }
}
