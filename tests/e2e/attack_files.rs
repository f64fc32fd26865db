//! Hostile edits files and script payloads of the hardening attack, built from the storage cases' ops.

use crate::attack_cases::{JUNE_2020_MS, PLAN, WRITER, nested, op};
use lanbai_planner::journal::export::SCHEMA;
use lanbai_planner::journal::export::ops_checksum;
use lanbai_planner::journal::{Op, OpKind, Region, export};

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
        hlc: None,
        kind: OpKind::SetActual {
            target: "t6.k1".into(),
            region: Region::Place("兰州".into()),
            as_of: "2020-06-30".into(),
            value: 12.0,
        },
        cause: None,
        unit: None,
        by: None,
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
        good.replacen(&format!("\"schema\": {SCHEMA}"), "\"schema\": 9", 1),
        Expect::Refuse,
    );
    case(
        "the schema as text",
        good.replacen(&format!("\"schema\": {SCHEMA}"), "\"schema\": \"2\"", 1),
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
