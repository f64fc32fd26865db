//! Fixed attacks: a chunk cut at every position, claims of billions of chunks, and the cases the seeded
//! attack found, each kept as its own test.

use super::*;

/// Truncating one small chunk at every position: the ops before the cut load, nothing is lost.
#[test]
fn a_chunk_cut_at_every_position_keeps_what_precedes_the_cut() {
    let bad = generated_journal("bad", 3, 11);
    let full = chunk_text("bad", 0, &bad);
    let key = format!("lanbai:v1:{PLAN}:journal:bad:0");
    let mut failed = Vec::new();
    for cut in (0..full.len()).filter(|i| full.is_char_boundary(*i)) {
        let kv = MemoryKv::new();
        let text = &full[..cut];
        let _ = kv.set(&key, text);
        let before = snapshot(&kv);
        let outcome = quietly(|| {
            let mut store = Store::open(kv.clone(), PLAN, "me");
            let first = store.load(NOW);
            let second = store.load(NOW);
            let complete = bad
                .iter()
                .filter(|o| text.contains(&serde_json::to_string(o).unwrap_or_default()));
            let lost = complete.filter(|o| !first.ops.contains(o)).count();
            (lost, second.quarantined.len(), nothing_lost(&before, &kv))
        });
        match outcome {
            Ok((0, 0, Ok(_))) => {}
            other => failed.push(format!("cut {cut}: {other:?}")),
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

/// Metas claiming billions of chunks, or the most that could be plausible, cost work bounded by the keys
/// that exist, and name only a few missing chunks.
#[test]
fn claims_read_from_storage_never_bound_a_loop() {
    for (first, chunks, ops) in [
        (0, 4_000_000_000u32, 4_000_000_000u64),
        (0, u32::MAX, u64::MAX),
        (u32::MAX - 1, 1, 1),
        (0, 262_143, 262_143),
        (131_071, 131_072, 262_144),
        (0, 131_072, 131_072),
    ] {
        let counting = Counting::default();
        for w in ["a", "b", "me"] {
            let _ = counting.kv.set(
                &format!("lanbai:v1:{PLAN}:meta:{w}"),
                &meta_text(w, first, chunks, ops),
            );
        }
        let _ = counting.kv.set(
            &format!("lanbai:v1:{PLAN}:journal:me:{}", first.saturating_add(1)),
            &chunk_text("me", first, &good_ops()),
        );
        let mut store = Store::open(counting.clone(), PLAN, "me");
        let report = store.load(NOW);
        assert!(report.missing_chunks.len() <= 5);
        assert_eq!(
            store.append(op("me-1", 1, status("t1", Status::Done))),
            Ok(())
        );
        assert!(
            counting.work.get() < 200,
            "{} calls for a meta claiming {chunks} chunks from {first}",
            counting.work.get()
        );
        assert!(quarantine::list(&counting.kv).len() <= 3);
    }
}

/// The same key set aside twice in one millisecond: both copies keep, and still name, their original key,
/// so `#/data` lists the chunk as a chunk (with its repair button) and a reload does not count it missing.
#[test]
fn a_second_copy_in_the_same_millisecond_still_names_its_original() {
    let kv = MemoryKv::new();
    let key = format!("lanbai:v1:{PLAN}:journal:bad:0");
    let mut store = Store::open(kv.clone(), PLAN, "me");
    for garbage in ["{not json", "{still not"] {
        let _ = kv.set(&key, garbage);
        assert_eq!(store.load(NOW).quarantined.len(), 1);
    }
    let listed = quarantine::list(&kv);
    assert_eq!(listed.len(), 2);
    for (holder, original) in &listed {
        assert_eq!(original, &key, "{holder}");
    }
    let held: Vec<String> = listed.iter().filter_map(|(q, _)| kv.get(q)).collect();
    assert_eq!(held, ["{not json", "{still not"]);

    // Copies named the earlier way (`…{original}~{n}`) are still listed under their original key, and a
    // key that is valid with its `~1` keeps it.
    let old = MemoryKv::new();
    let _ = old.set(&format!("{QUARANTINE_PREFIX}5:{key}~1"), "x");
    let _ = old.set(&format!("{QUARANTINE_PREFIX}6:lanbai:settings~2"), "x");
    let _ = old.set(&format!("{QUARANTINE_PREFIX}7:lanbai:plan:imp~1"), "x");
    let originals: Vec<String> = quarantine::list(&old).into_iter().map(|(_, o)| o).collect();
    assert_eq!(
        originals,
        [key.as_str(), "lanbai:settings", "lanbai:plan:imp~1"]
    );
}

/// An active-plan value naming no saved plan is moved aside, not deleted: the app opens the shipped plan,
/// the value stays recoverable, and the next start has nothing to complain about.
#[test]
fn a_dangling_active_plan_is_set_aside_not_deleted() {
    let kv = MemoryKv::new();
    let _ = kv.set("lanbai:active-plan", "gone-plan");
    let before = snapshot(&kv);
    let (plan, problem) = plans::initial(&kv, NOW);
    assert_eq!(plan.id, plans::SHIPPED_ID);
    assert!(matches!(
        problem,
        Some(plans::PlansError::ActivePointer { .. })
    ));
    assert_eq!(nothing_lost(&before, &kv).map(|q| q.len()), Ok(1));
    assert_eq!(plans::initial(&kv, NOW).1, None);
}

/// A meta already stored under the writer id a store is opened with (readable, a lie, or garbage) is
/// another writer's record: the store takes a fresh id instead of writing its own meta over it.
#[test]
fn a_store_never_writes_over_a_meta_it_did_not_write() {
    for planted in [
        meta_text("me", 0, 1, 1),
        meta_text("me", 0, 4_000_000_000, 1),
        "{not json".to_string(),
    ] {
        let kv = MemoryKv::new();
        let key = format!("lanbai:v1:{PLAN}:meta:me");
        let _ = kv.set(&key, &planted);
        let mut store = Store::open(kv.clone(), PLAN, "me");
        assert_eq!(
            store.append(op("me-1", 1, status("t1", Status::Done))),
            Ok(())
        );
        assert_eq!(kv.get(&key).as_deref(), Some(planted.as_str()), "{planted}");
        assert_ne!(store.writer(), "me");
        let loaded = Store::open(kv.clone(), PLAN, "fresh").load(NOW);
        assert_eq!(loaded.ops.len(), 1);
    }
}

/// A chunk that repeats its `ops` key reads, like any JSON reader, as its last array; the ops of the
/// earlier one must not vanish unseen while the value stays put, so the chunk is set aside verbatim (every
/// op still in its raw text) and the ops of the array that reads are kept.
#[test]
fn a_chunk_with_a_repeated_key_is_set_aside_whole() {
    let first = generated_journal("bad", 2, 3);
    let last = generated_journal("bad", 4, 5)[2..].to_vec();
    let text = |ops: &[Op]| serde_json::to_string(ops).unwrap_or_default();
    let raw = format!(
        r#"{{"schema":1,"writer":"bad","chunk":0,"ops":{},"ops":{}}}"#,
        text(&first),
        text(&last)
    );
    let kv = MemoryKv::new();
    let key = format!("lanbai:v1:{PLAN}:journal:bad:0");
    let _ = kv.set(&key, &raw);
    let before = snapshot(&kv);
    let report = Store::open(kv.clone(), PLAN, "me").load(NOW);
    assert_eq!(report.quarantined.len(), 1, "{report:?}");
    assert!(last.iter().all(|o| report.ops.contains(o)));
    assert_eq!(nothing_lost(&before, &kv).map(|q| q.len()), Ok(1));
}

/// Chunks already stored under the id a store is opened with hold ops named `<id>-1`, `<id>-2`, … — the
/// very ids the store hands out. A new edit must not share an id with a stored op (the merge by id would
/// keep only one of them), so such an id is taken too.
#[test]
fn a_new_edit_never_shares_an_id_with_a_stored_op() {
    let kv = MemoryKv::new();
    let planted = op("me-1", 9_000_000_000_000, status("t1", Status::OnHold));
    let _ = kv.set(
        &format!("lanbai:v1:{PLAN}:journal:me:0"),
        &chunk_text("me", 0, std::slice::from_ref(&planted)),
    );
    let mut store = Store::open(kv.clone(), PLAN, "me");
    let id = store.next_op_id();
    let edit = op(&id, 1, status("t1", Status::Done));
    assert_eq!(store.append(edit.clone()), Ok(()));
    let loaded = Store::open(kv.clone(), PLAN, "fresh").load(NOW).ops;
    assert!(loaded.contains(&edit), "{id}: {loaded:?}");
    assert!(loaded.contains(&planted));
}
