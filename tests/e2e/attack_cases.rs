//! The hostile inputs of the hardening attack, generated from one valid journal so that each case knows how
//! many edits must survive it. `attacks.rs` plays them against the release build.

use lanbai_planner::journal::{Op, OpKind};
use lanbai_planner::storage::{KeyValue, MemoryKv, Store};

pub const PLAN: &str = "gansu-2020-shuangqu";
pub const WRITER: &str = "wattack";
/// Three chunks: 256 + 256 + 22.
pub const OPS: usize = 534;
/// 2020-06-30, so no op is in the future of any machine that runs the tests.
pub const JUNE_2020_MS: i64 = 1_593_500_000_000;

pub fn op(i: usize) -> Op {
    let task = format!("t{}", 1 + i % 10);
    let kind = if i.is_multiple_of(2) {
        OpKind::SetProgress {
            task,
            unit: None,
            period: None,
            percent: (i % 101) as u8,
        }
    } else {
        OpKind::AddNote {
            task,
            note_id: format!("n{i}"),
            date: "2020-06-30".into(),
            author: Some("白银市".into()),
            text: format!("第{i}条进展"),
        }
    };
    Op {
        id: format!("{WRITER}-{}", i + 1),
        at: JUNE_2020_MS + i as i64 * 1000,
        hlc: None,
        kind,
        cause: None,
        unit: None,
        by: None,
    }
}

/// Stored values to plant, and what must hold after the app loads them.
pub struct StorageCase {
    pub name: String,
    pub entries: Vec<(String, String)>,
    /// The header must count at least this many edits.
    pub floor: usize,
    /// No chunk key was removed, so no banner may say that pieces of the journal are gone.
    pub nothing_removed: bool,
}

/// The valid journal as localStorage holds it: (key, value) in key order.
pub fn journal() -> Vec<(String, String)> {
    let kv = MemoryKv::new();
    let mut store = Store::open(kv.clone(), PLAN, WRITER);
    for i in 0..OPS {
        store.record(op(i));
    }
    store
        .flush()
        .expect("an unlimited MemoryKv takes every write");
    let mut keys = kv.keys();
    keys.sort();
    keys.into_iter()
        .map(|k| {
            let v = kv.get(&k).unwrap_or_default();
            (k, v)
        })
        .collect()
}

fn chunk_key(n: u32) -> String {
    format!("lanbai:v1:{PLAN}:journal:{WRITER}:{n}")
}

fn meta_key() -> String {
    format!("lanbai:v1:{PLAN}:meta:{WRITER}")
}

fn with(base: &[(String, String)], key: &str, value: String) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = base.iter().filter(|(k, _)| k != key).cloned().collect();
    out.push((key.to_string(), value));
    out
}

fn get(base: &[(String, String)], key: &str) -> String {
    base.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// How many of chunk 1's ops are whole in its first `cut` bytes (what an op-by-op salvage can keep).
fn whole_ops_before(raw: &str, cut: usize) -> usize {
    (256..512)
        .filter(|&i| {
            let text = serde_json::to_string(&op(i)).unwrap_or_default();
            raw.find(&text).is_some_and(|at| at + text.len() <= cut)
        })
        .count()
}

pub fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

pub fn storage_cases() -> Vec<StorageCase> {
    let base = journal();
    let mut cases = Vec::new();
    let mut case = |name: &str, entries: Vec<(String, String)>, floor: usize, kept: bool| {
        cases.push(StorageCase {
            name: name.into(),
            entries,
            floor,
            nothing_removed: kept,
        })
    };
    // Meta records that lie about what exists.
    let meta = get(&base, &meta_key());
    for (name, from, to) in [
        ("meta chunks 1e9", "\"chunks\":3", "\"chunks\":1000000000"),
        (
            "meta chunks u32::MAX",
            "\"chunks\":3",
            "\"chunks\":4294967295",
        ),
        (
            "meta chunks 10 million",
            "\"chunks\":3",
            "\"chunks\":10000000",
        ),
        ("meta chunks 1000", "\"chunks\":3", "\"chunks\":1000"),
        ("meta chunks 0", "\"chunks\":3", "\"chunks\":0"),
        ("meta chunks 2^32", "\"chunks\":3", "\"chunks\":4294967296"),
        ("meta chunks -1", "\"chunks\":3", "\"chunks\":-1"),
        ("meta chunks 1e400", "\"chunks\":3", "\"chunks\":1e400"),
        (
            "meta first_chunk u32::MAX",
            "\"first_chunk\":0",
            "\"first_chunk\":4294967295",
        ),
        (
            "meta first_chunk near u32::MAX",
            "\"first_chunk\":0",
            "\"first_chunk\":4294967000",
        ),
        (
            "meta ops u64::MAX",
            "\"ops\":534",
            "\"ops\":18446744073709551615",
        ),
        ("meta schema 0", "\"schema\":1", "\"schema\":0"),
        ("meta schema 999", "\"schema\":1", "\"schema\":999"),
    ] {
        case(
            name,
            with(&base, &meta_key(), meta.replace(from, to)),
            OPS,
            true,
        );
    }
    for (name, value) in [
        ("meta empty", ""),
        ("meta null", "null"),
        ("meta truncated", "{\"schema\":1,\"writer\""),
        ("meta an array", "[]"),
        ("meta not JSON", "not json at all"),
    ] {
        case(name, with(&base, &meta_key(), value.into()), OPS, true);
    }
    // Chunk 1 damaged in ways that break its JSON: an op-by-op salvage keeps the rest.
    let chunk = get(&base, &chunk_key(1));
    let others = OPS - 256;
    for tenth in [1, 3, 5, 7, 9] {
        let mut cut = chunk.len() * tenth / 10;
        while !chunk.is_char_boundary(cut) {
            cut -= 1;
        }
        let floor = others + whole_ops_before(&chunk, cut);
        case(
            &format!("chunk truncated at {tenth}0 %"),
            with(&base, &chunk_key(1), chunk[..cut].to_string()),
            floor,
            true,
        );
    }
    let first_progress = serde_json::to_string(&op(256)).unwrap_or_default();
    let damaged = |from: &str, to: &str| chunk.replacen(from, to, 1);
    let one_op = |to: String| damaged(&first_progress, &to);
    for (name, value, floor) in [
        (
            "a percent of 1e400",
            one_op(first_progress.replace("\"percent\":54", "\"percent\":1e400")),
            OPS - 1,
        ),
        (
            "a lone surrogate escape",
            damaged("第257条进展", "\\ud800第257条进展"),
            OPS - 1,
        ),
        (
            "a 5000-deep array among the ops",
            one_op(format!("{first_progress},{}", nested(5000))),
            OPS,
        ),
        (
            "a 3000-deep array inside an op",
            damaged("\"第257条进展\"", &nested(3000)),
            OPS - 1,
        ),
        (
            "a percent of 1000",
            one_op(first_progress.replace("\"percent\":54", "\"percent\":1000")),
            OPS - 1,
        ),
        (
            "an op dated i64::MAX",
            one_op(first_progress.replace(
                &format!("\"at\":{}", op(256).at),
                "\"at\":9223372036854775807",
            )),
            OPS - 1,
        ),
        (
            "a NUL character",
            damaged("第257条进展", "\\u0000第257条进展"),
            OPS,
        ),
        (
            "the closing brackets gone",
            chunk.trim_end_matches(['}', ']']).to_string(),
            others + 255,
        ),
    ] {
        case(name, with(&base, &chunk_key(1), value), floor, true);
    }
    for (name, value) in [
        ("chunk empty", String::new()),
        ("chunk null", "null".into()),
        (
            "chunk ops not an array",
            chunk.replacen("\"ops\":[", "\"ops\":{\"x\":[", 1),
        ),
        (
            "chunk without schema",
            chunk.replacen("\"schema\":1,", "", 1),
        ),
        (
            "chunk binary garbage",
            "\u{1}\u{2}\u{fffd}\u{feff}garbage".into(),
        ),
        ("chunk with a byte-order mark", format!("\u{feff}{chunk}")),
    ] {
        case(name, with(&base, &chunk_key(1), value), others, true);
    }
    case(
        "chunk of a newer schema",
        with(
            &base,
            &chunk_key(1),
            chunk.replacen("\"schema\":1", "\"schema\":999", 1),
        ),
        others,
        true,
    );
    // Keys that claim impossible chunk numbers.
    let mut high = base.clone();
    high.push((chunk_key(u32::MAX), get(&base, &chunk_key(2))));
    case("a chunk key numbered u32::MAX", high, OPS, true);
    let mut odd = base.clone();
    odd.push((
        format!("lanbai:v1:{PLAN}:journal:{WRITER}:abc"),
        "{}".into(),
    ));
    case("a chunk key numbered abc", odd, OPS, true);
    // The rest of the app's keys.
    for (key, value) in [
        ("lanbai:settings", "{"),
        ("lanbai:settings", "null"),
        ("lanbai:settings", "{\"language\":\"xx\",\"unit\":42}"),
        ("lanbai:plans", "{"),
        ("lanbai:plans", "[{\"id\":1}]"),
        (
            "lanbai:plans",
            "{\"plans\":[{\"id\":\"plan-x\",\"title\":\"X\"}]}",
        ),
        ("lanbai:active-plan", "plan-that-does-not-exist"),
        ("lanbai:active-plan", "{\"id\":"),
        ("lanbai:plan:plan-x", "{not a plan"),
        ("lanbai:quarantine:abc:lanbai:v1:x", "anything"),
    ] {
        case(
            &format!("{key} = {value}"),
            with(&base, key, value.into()),
            OPS,
            true,
        );
    }
    cases
}
