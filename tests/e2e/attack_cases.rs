//! The hostile inputs of the hardening attack, generated from one valid journal so that each case knows how
//! many edits must survive it. `attacks.rs` plays them against the release build.

use lanbai_planner::journal::export::ops_checksum;
use lanbai_planner::journal::{Op, OpKind, Region, export};
use lanbai_planner::storage::{KeyValue, MemoryKv, Store};

pub const PLAN: &str = "gansu-2020-shuangqu";
const WRITER: &str = "wattack";
/// Three chunks: 256 + 256 + 22.
pub const OPS: usize = 534;
/// 2020-06-30, so no op is in the future of any machine that runs the tests.
const JUNE_2020_MS: i64 = 1_593_500_000_000;

pub fn op(i: usize) -> Op {
    let task = format!("t{}", 1 + i % 10);
    let kind = if i.is_multiple_of(2) {
        OpKind::SetProgress {
            task,
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
        kind,
        cause: None,
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

fn nested(depth: usize) -> String {
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

/// An edits file and what the import page must do with it.
pub struct FileCase {
    pub name: String,
    pub text: String,
    pub expect: Expect,
}

pub enum Expect {
    /// A preview to merge, no refusal.
    Accept,
    /// A message, and nothing offered to merge.
    Refuse,
    /// Either refused, or the preview's text names the problem with one of these words.
    RefuseOrFlag(&'static [&'static str]),
}

fn file_ops() -> Vec<Op> {
    let mut ops: Vec<Op> = (0..9).map(op).collect();
    ops.push(Op {
        id: "wfile-actual".into(),
        at: JUNE_2020_MS,
        kind: OpKind::SetActual {
            target: "t6.k1".into(),
            region: Region::Place("兰州".into()),
            as_of: "2020-06-30".into(),
            value: 12.0,
        },
        cause: None,
    });
    for op in &mut ops {
        op.id = op.id.replace(WRITER, "wfile");
    }
    ops
}

/// A file whose ops were changed through JSON and whose checksum was recomputed, as a forger would.
fn forged(edit: impl Fn(&mut serde_json::Value)) -> String {
    let file = export(PLAN, JUNE_2020_MS, &file_ops());
    let mut value = serde_json::to_value(&file).unwrap_or_default();
    if let Some(ops) = value.get_mut("ops") {
        edit(ops);
        let sum = ops_checksum(ops);
        value["checksum"] = serde_json::Value::String(sum);
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

pub fn file_cases() -> Vec<FileCase> {
    let good = export(PLAN, JUNE_2020_MS, &file_ops()).to_json();
    let mut cases = Vec::new();
    let mut case = |name: &str, text: String, expect: Expect| {
        cases.push(FileCase {
            name: name.into(),
            text,
            expect,
        })
    };
    case("the valid file", good.clone(), Expect::Accept);
    let compact = serde_json::from_str::<serde_json::Value>(&good)
        .map(|v| v.to_string())
        .unwrap_or_default();
    case("re-saved compact by a JSON tool", compact, Expect::Accept);
    case(
        "12.0 re-saved as 12",
        good.replace("12.0", "12"),
        Expect::Accept,
    );
    for tenth in [1, 4, 8] {
        case(
            &format!("truncated at {tenth}0 %"),
            good[..good.len() * tenth / 10].to_string(),
            Expect::Refuse,
        );
    }
    case("empty", String::new(), Expect::Refuse);
    case("not JSON", "这不是文件".into(), Expect::Refuse);
    case("a JSON array", "[1,2,3]".into(), Expect::Refuse);
    case(
        "another app's JSON",
        "{\"format\":\"other\"}".into(),
        Expect::Refuse,
    );
    case(
        "another plan",
        good.replace(PLAN, "plan-2021-88a7e311"),
        Expect::Refuse,
    );
    case(
        "a newer schema",
        good.replacen("\"schema\": 1", "\"schema\": 9", 1),
        Expect::Refuse,
    );
    case(
        "the schema as text",
        good.replacen("\"schema\": 1", "\"schema\": \"1\"", 1),
        Expect::Refuse,
    );
    case(
        "a changed op, old checksum",
        good.replacen("第1条进展", "第2条进展", 1),
        Expect::Refuse,
    );
    case("1e400", good.replacen("12.0", "1e400", 1), Expect::Refuse);
    case(
        "a lone surrogate",
        good.replacen("第1条进展", "\\ud800", 1),
        Expect::Refuse,
    );
    case(
        "deep nesting",
        good.replacen("12.0", &nested(5000), 1),
        Expect::Refuse,
    );
    case(
        "percent 1000",
        forged(|ops| ops[0]["kind"]["percent"] = 1000.into()),
        Expect::Refuse,
    );
    case(
        "an unknown op type",
        forged(|ops| ops[0]["kind"]["type"] = "drop_table".into()),
        Expect::Refuse,
    );
    case(
        "an op without kind",
        forged(|ops| ops[0]["kind"] = serde_json::Value::Null),
        Expect::Refuse,
    );
    case(
        "a duplicated id",
        forged(|ops| ops[1]["id"] = ops[0]["id"].clone()),
        Expect::Refuse,
    );
    case(
        "an id of 10,000 bytes",
        forged(|ops| ops[0]["id"] = "x".repeat(10_000).into()),
        Expect::Refuse,
    );
    case(
        "a note of 30,000 bytes",
        forged(|ops| ops[1]["kind"]["text"] = "长".repeat(10_000).into()),
        Expect::Refuse,
    );
    case(
        "an op dated i64::MAX",
        forged(|ops| ops[0]["at"] = i64::MAX.into()),
        Expect::RefuseOrFlag(&["未来", "时间"]),
    );
    case(
        "ops dated 2099",
        forged(|ops| {
            ops[0]["at"] = 4_070_908_800_000i64.into();
            ops[2]["at"] = 4_070_908_800_000i64.into();
        }),
        Expect::RefuseOrFlag(&["2099"]),
    );
    case(
        "a negative actual",
        forged(|ops| ops[9]["kind"]["value"] = (-5.0).into()),
        Expect::RefuseOrFlag(&["负", "-5"]),
    );
    case(
        "an actual of 1e308",
        forged(|ops| ops[9]["kind"]["value"] = 1e308.into()),
        Expect::RefuseOrFlag(&["过大", "超出", "1e308", "不合理"]),
    );
    case(
        "an op for task 99",
        forged(|ops| ops[0]["kind"]["task"] = "t99".into()),
        Expect::RefuseOrFlag(&["任务 99", "t99", "不存在", "没有"]),
    );
    case(
        "an actual for a place the target has not",
        forged(|ops| ops[9]["kind"]["region"]["place"] = "火星".into()),
        Expect::RefuseOrFlag(&["火星"]),
    );
    case(
        "a byte-order mark",
        format!("\u{feff}{good}"),
        Expect::Accept,
    );
    cases
}

/// Text that would run script if any page put it into the DOM as markup. Every payload carries `xssmark`.
pub fn payloads() -> Vec<String> {
    let bodies = [
        "<script>window.__xss='xssmark'</script>",
        "<img src=x onerror=\"window.__xss='xssmark'\">",
        "<svg onload=\"window.__xss='xssmark'\"></svg>",
        "\"><img src=x onerror=window.__xss='xssmark'>",
        "'><svg/onload=window.__xss='xssmark'>",
        "<iframe src=\"javascript:window.__xss='xssmark'\"></iframe>",
        "<a href=\"javascript:window.__xss='xssmark'\">x</a>",
        "javascript:window.__xss='xssmark'",
        "<body onload=window.__xss='xssmark'>",
        "<details open ontoggle=window.__xss='xssmark'>",
        "<math><mtext><img src=x onerror=window.__xss='xssmark'>",
        "<style>@import 'xssmark'</style>",
        "<object data=\"javascript:window.__xss='xssmark'\"></object>",
        "<embed src=\"javascript:window.__xss='xssmark'\">",
        "<input autofocus onfocus=window.__xss='xssmark'>",
        "<video><source onerror=window.__xss='xssmark'></video>",
        "<marquee onstart=window.__xss='xssmark'>",
        "<base href=\"javascript:/xssmark/\">",
        "<meta http-equiv=refresh content=\"0;url=javascript:window.__xss='xssmark'\">",
        "<link rel=stylesheet href=\"xssmark.css\">",
        "{{constructor.constructor('window.__xss=\"xssmark\"')()}}",
        "${window.__xss='xssmark'}",
        "</textarea><img src=x onerror=window.__xss='xssmark'>",
        "</title><img src=x onerror=window.__xss='xssmark'>",
        "<!--<img src=\"--><img src=x onerror=window.__xss='xssmark'>",
        "<svg><animate onbegin=window.__xss='xssmark' attributeName=x dur=1s>",
        "<form action=\"javascript:window.__xss='xssmark'\"><button>x</button></form>",
        "<a href=\"data:text/html,<script>window.__xss='xssmark'</script>\">x</a>",
        "%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D'xssmark'%3E",
        "&lt;img src=x onerror=window.__xss='xssmark'&gt;",
    ];
    // Each also inside Chinese text, as it would arrive pasted into a note.
    bodies
        .iter()
        .flat_map(|b| [b.to_string(), format!("进展顺利{b}，下一步")])
        .collect()
}
