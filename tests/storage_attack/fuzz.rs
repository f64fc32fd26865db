//! The seeded attack: a good writer, a few hostile values of one class under any key the app reads, then
//! every entry point and every property, counted per class.

use super::*;

fn plan_text() -> String {
    let kv = MemoryKv::new();
    let mut plan = sample_plan();
    plan.id = "imp".into();
    let _ = plans::save(&kv, plan, "导入", 1, plans::OnConflict::Ask);
    kv.get("lanbai:plan:imp").unwrap_or_default()
}

/// The raw texts a mutation starts from, each a value the app itself writes.
fn seeds() -> Vec<String> {
    let bad = generated_journal("bad", 3, 11);
    vec![
        chunk_text("bad", 0, &bad),
        meta_text("bad", 0, 1, 3),
        r#"{"language":"en","unit":"省科技厅","review_date":"2020-06-30","last_export_at":5,"schema":1}"#
            .into(),
        r#"{"schema":1,"plans":[{"id":"imp","name":"导入","imported_at":1,"task_count":10}]}"#.into(),
        plan_text(),
    ]
}

const NUMBERS: &[&str] = &[
    "1e400",
    "-1",
    "4294967296",
    "4294967295",
    "18446744073709551616",
    "NaN",
    "-0",
    "1.5",
    "0",
    "4e9",
    "262144",
];

/// One hostile value: a mutation of an app-written value, or something made up.
fn mutate(rng: &mut Rng, seed: &str, class: usize) -> String {
    let mut s = seed.to_string();
    let at = |rng: &mut Rng, s: &str| {
        let mut i = rng.below(s.len() + 1);
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    match class {
        0 => {
            let i = at(rng, &s);
            s.truncate(i);
        }
        1 => {
            let i = at(rng, &s);
            let c = b"\"\\{}[],:0-9e \x00"[rng.below(14)] as char;
            let end = s[i..].chars().next().map_or(i, |c| i + c.len_utf8());
            s.replace_range(i..end, &c.to_string());
        }
        2 => {
            let spots: Vec<usize> = s
                .char_indices()
                .filter(|(i, c)| {
                    c.is_ascii_digit() && !s[..*i].ends_with(|p: char| p.is_ascii_digit())
                })
                .map(|(i, _)| i)
                .collect();
            if let Some(&i) = spots.get(rng.below(spots.len())) {
                let len = s[i..]
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(s.len() - i);
                s.replace_range(i..i + len, rng.pick(NUMBERS));
            }
        }
        3 => {
            let spots: Vec<usize> = s.match_indices('"').map(|(i, _)| i + 1).collect();
            if let Some(&i) = spots.get(rng.below(spots.len())) {
                s.insert_str(i, rng.pick(&["\\ud800", "\\udc00", "\\ud83d", "\\u0000"]));
            }
        }
        4 => {
            let d = [200, 5_000, 40_000][rng.below(3)];
            let deep = format!("{}0{}", "[".repeat(d), "]".repeat(d));
            s = s.replacen("\"kind\":", &format!("\"kind\":{deep},\"x\":"), 1);
            if rng.below(2) == 0 {
                s = format!("{{\"schema\":1,\"ops\":[{deep}],\"a\":{s}}}");
            }
        }
        5 => {
            let dup = rng.pick(&[
                "\"ops\":[]",
                "\"schema\":2",
                "\"schema\":1",
                "\"chunks\":4000000000",
                "\"writer\":\"other\"",
                "\"plans\":[]",
                "\"language\":7",
            ]);
            if let Some(i) = s.rfind('}') {
                s.insert_str(i, &format!(",{dup}"));
            }
        }
        6 => {
            let huge = "兰".repeat(20_000 + rng.below(40_000));
            s = s.replacen("\"text\":\"", &format!("\"text\":\"{huge}"), 1);
            s = s.replacen("\"name\":\"", &format!("\"name\":\"{huge}"), 1);
        }
        7 => {
            s = match rng.below(3) {
                0 => format!("\u{feff}{s}"),
                1 => format!("{s}\u{0}"),
                _ => s.replacen(",", ",\u{0}", 1),
            }
        }
        8 => {
            s = s.replace(
                "\"bad-",
                rng.pick(&["\"bad:x ", "\" bad\t", "\"bad:", "\"bad\n"]),
            )
        }
        _ => {
            s = rng
                .pick(&[
                    "",
                    "null",
                    "[]",
                    "{}",
                    "\"lanbai\"",
                    "{\"schema\":1}",
                    "{\"schema\":1,\"ops\":{}}",
                    "{\"schema\":99,\"ops\":[]}",
                    "{\"schema\":0,\"ops\":[]}",
                    "{\"schema\":1,\"ops\":[1,\"x\",null,{}]}",
                    "imp",
                    " imp\n",
                ])
                .to_string()
        }
    }
    s
}

const CLASSES: [&str; 10] = [
    "truncation",
    "byte flip",
    "number",
    "lone surrogate",
    "deep nesting",
    "duplicate key",
    "huge string",
    "BOM/NUL",
    "id with ':'/space",
    "foreign value",
];

/// Where a hostile value goes: every key class the app reads, including odd chunk indices, writers and
/// plans whose id begins like ours.
fn hostile_key(rng: &mut Rng) -> String {
    let writer = rng.pick(&["bad", "good", "me", "a b", "x", "good2"]);
    let chunk = rng.pick(&[
        "0",
        "1",
        "4294967295",
        "4294967294",
        "131072",
        "abc",
        "-1",
        "01",
    ]);
    match rng.below(10) {
        0..=2 => format!("lanbai:v1:{PLAN}:journal:{writer}:{chunk}"),
        3 => format!("lanbai:v1:{PLAN}:x:journal:{writer}:{chunk}"),
        4 | 5 => format!("lanbai:v1:{PLAN}:meta:{writer}"),
        6 => format!("{QUARANTINE_PREFIX}{NOW}:lanbai:v1:{PLAN}:journal:bad:0"),
        7 => "lanbai:settings".into(),
        8 => rng
            .pick(&["lanbai:plans", "lanbai:plan:imp", "lanbai:plan:imp-2"])
            .into(),
        _ => "lanbai:active-plan".into(),
    }
}

/// Metas that claim more or less than exists, and metas of other writers.
fn hostile_meta(rng: &mut Rng) -> String {
    let n = [
        0u64,
        1,
        3,
        262_143,
        262_144,
        4_000_000_000,
        u64::from(u32::MAX),
    ];
    let pick = |rng: &mut Rng| n[rng.below(n.len())];
    let writer = rng.pick(&["bad", "good", "other", "me"]);
    let chunks = u32::try_from(pick(rng)).unwrap_or(u32::MAX);
    let first = u32::try_from(pick(rng)).unwrap_or(u32::MAX);
    let ops = pick(rng).max(u64::from(chunks) * u64::from(rng.below(2) as u32));
    meta_text(writer, first, chunks, ops)
}

struct Case {
    seed: u64,
    class: usize,
    quota: bool,
}

/// Plants a good writer and a few hostile values, runs every entry point and checks every property.
/// Returns the storage calls the loads made per stored key.
fn run_case(case: &Case, seeds: &[String]) -> Result<f64, String> {
    let mut rng = Rng(case.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let counting = Counting::default();
    let kv = counting.kv.clone();
    let good = good_ops();
    // The good writer: three chunks of three ops and its meta, as the app writes them.
    let mut writer = Store::with_chunk_size(kv.clone(), PLAN, "good", 3);
    writer
        .append_all(good.clone())
        .map_err(|e| format!("planting: {e:?}"))?;
    // Its chunks stay untouched; its meta may be replaced by a lie like any other key.
    let untouched: Snapshot = snapshot(&kv)
        .into_iter()
        .filter(|(k, _)| k.contains(":journal:"))
        .collect();
    for _ in 0..1 + rng.below(4) {
        let key = hostile_key(&mut rng);
        if untouched.contains_key(&key) {
            continue;
        }
        let value = if key.contains(":meta:") && rng.below(2) == 0 {
            hostile_meta(&mut rng)
        } else {
            let seed = &seeds[rng.below(seeds.len())];
            mutate(&mut rng, seed, case.class)
        };
        kv.set(&key, &value)
            .map_err(|e| format!("planting: {e:?}"))?;
    }
    if case.quota {
        kv.set_quota(Some(kv.used() + rng.below(400)));
    }
    let planted = snapshot(&kv);
    let before = planted.clone();
    let keys = before.len();
    counting.work.set(0);

    let mut store = Store::with_chunk_size(counting.clone(), PLAN, "me", 2);
    let first = store.load(NOW);
    let second = store.load(NOW);
    for op in &good {
        if !first.ops.contains(op) || !second.ops.contains(op) {
            return Err(format!("op {} of an untouched chunk did not load", op.id));
        }
    }
    if !second.quarantined.is_empty() {
        return Err(format!(
            "a second load set more aside: {:?}",
            second.quarantined
        ));
    }
    for key in before.keys() {
        if let Some(ops) = store.read_changed(key)
            && untouched.contains_key(key)
            && !ops.iter().all(|o| good.contains(o))
        {
            return Err(format!("read_changed({key}) gave foreign ops"));
        }
    }
    let (_, _) = load_settings(&counting, NOW);
    let (_, problem) = load_settings(&counting, NOW);
    // A value storage had no room to move aside is reported again; nothing new may be set aside.
    if matches!(problem, Some(SettingsProblem::Quarantined(_))) {
        return Err(format!("second settings load: {problem:?}"));
    }
    let (entries, _) = plans::list(&counting, NOW);
    for e in &entries {
        let _ = plans::load(&counting, &e.id, NOW);
    }
    let _ = plans::initial(&counting, NOW);
    let _ = plans::list(&counting, NOW);
    let quarantined = nothing_lost(&before, &kv)?;
    let mut distinct = quarantined.clone();
    distinct.dedup();
    if distinct.len() != quarantined.len() {
        return Err("two values share a quarantine key".into());
    }
    let work = counting.work.get();
    if work > 60 * (keys + 10) {
        return Err(format!("{work} storage calls for {keys} keys"));
    }

    // A refused import changes nothing; an edit after it still saves once there is room.
    let unsaved_before = store.unsaved().len();
    let fits = store.flush().is_ok();
    let before = snapshot(&kv);
    let import = generated_journal("file", 7 + rng.below(20), case.seed);
    if store.append_all(import.clone()).is_err() && fits && snapshot(&kv) != before {
        return Err(format!(
            "a refused import changed storage ({unsaved_before} waiting before)"
        ));
    }
    kv.set_quota(None);
    let later = op("me-later", 9, status("t2", Status::Done));
    store
        .append(later.clone())
        .map_err(|e| format!("an edit after a refused import: {e:?}"))?;
    let fresh = Store::open(kv.clone(), PLAN, "fresh").load(NOW + 1);
    if !fresh.ops.contains(&later) || good.iter().any(|o| !fresh.ops.contains(o)) {
        return Err("a fresh load misses saved ops".into());
    }
    // Saving wrote only keys of its own: every planted value is still there or in quarantine.
    nothing_lost(&planted, &kv).map_err(|e| format!("after saving: {e}"))?;
    Ok(work as f64 / keys as f64)
}

#[test]
fn hostile_storage_never_panics_loses_or_loops() {
    let mut failures: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut ran: BTreeMap<&str, usize> = BTreeMap::new();
    let mut spent: BTreeMap<&str, u128> = BTreeMap::new();
    let seeds = seeds();
    let mut most_work = 0f64;
    for seed in 1..=600u64 {
        for quota in [false, true] {
            let case = Case {
                seed,
                class: (seed % CLASSES.len() as u64) as usize,
                quota,
            };
            let name = CLASSES[case.class];
            *ran.entry(name).or_default() += 1;
            let t = std::time::Instant::now();
            let result = quietly(|| run_case(&case, &seeds));
            *spent.entry(name).or_default() += t.elapsed().as_millis();
            let outcome = match result {
                Ok(Ok(ratio)) => {
                    most_work = most_work.max(ratio);
                    continue;
                }
                Ok(Err(e)) => e,
                Err(panic) => format!(
                    "panic: {}",
                    panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default()
                ),
            };
            failures
                .entry(name)
                .or_default()
                .push(format!("seed {seed} quota {quota}: {outcome}"));
        }
    }
    let summary: Vec<String> = ran
        .iter()
        .map(|(c, n)| {
            format!(
                "{c}: {n} ran, {} failed",
                failures.get(c).map_or(0, Vec::len)
            )
        })
        .collect();
    println!("{}", summary.join("\n"));
    println!("ms per class {spent:?}; at most {most_work:.1} storage calls per stored key");
    for f in failures.values().flatten() {
        println!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{}\n{:#?}",
        summary.join("\n"),
        failures
            .values()
            .map(|v| v.iter().take(3).collect::<Vec<_>>())
            .collect::<Vec<_>>()
    );
}
