//! Hostile and re-saved edits files (issue 17, items 3, 9 and 10): what the file reader refuses, in whose
//! words, and what it must still accept. Each test here failed on the build before the fix.

mod common;

use std::path::Path;

use common::*;
use lanbai_planner::date::Date;
use lanbai_planner::journal::*;
use serde_json::{Value, json};

const PLAN: &str = "gansu-2020-shuangqu";
const MAX: usize = 1 << 22;
const JUNE: i64 = 1_593_500_000_000;

/// An edits file around `ops` given as JSON, with the checksum of that JSON (for canonical JSON, what the
/// app itself writes), so only the op checks can refuse it.
fn file_with(ops: Value) -> String {
    let checksum = export::ops_checksum(&ops);
    json!({"format": "lanbai-planner-edits", "schema": 1, "plan_id": PLAN, "exported_at": 0,
           "ops": ops, "checksum": checksum})
    .to_string()
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/edits")
        .join(name);
    std::fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn a_file_re_saved_by_a_json_tool_still_imports() {
    let ops = vec![
        op(
            "w-1",
            JUNE,
            actual("t6.k1", Some("兰州"), "2020-06-30", 12.0),
        ),
        op("w-2", JUNE + 1, actual("t6.k6", None, "2020-06-30", 3.0)),
        op("w-3", JUNE + 2, status("t1", Status::Done)),
    ];
    let text = export(PLAN, JUNE, &ops).to_json();
    assert!(text.contains("12.0"), "{text}");
    // What `jq .`, Python's json module or an editor's formatter writes back: integers without `.0`, other
    // indentation, keys in another order.
    let resaved = text.replace("12.0", "12").replace("3.0", "3");
    let resaved: Value = serde_json::from_str(&resaved).unwrap_or(Value::Null);
    let resaved = serde_json::to_string(&resaved).unwrap_or_default();
    assert!(!resaved.contains("12.0"));
    let back = import_file(&resaved, PLAN, MAX);
    assert_eq!(back.map(|f| f.ops), Ok(ops));
}

#[test]
fn a_file_exported_before_the_content_checksum_still_imports() {
    let text = fixture("v1-exported-2020-06-30.json");
    let file = import_file(&text, PLAN, MAX);
    assert!(file.is_ok(), "{file:?}");
    let ops = file.map(|f| f.ops).unwrap_or_default();
    assert_eq!(ops.len(), 5);
    let v = fold(&sample_plan(), &ops);
    assert_eq!(v.targets["t6.k1"].actual(), Some(12.0));
}

#[test]
fn any_change_of_content_is_still_caught() {
    let text = fixture("v1-exported-2020-06-30.json");
    for (from, to) in [
        ("\"percent\": 40", "\"percent\": 41"),
        ("12.0", "12.5"),
        ("in_progress", "done"),
        ("\"t3\"", "\"t4\""),
        ("已召开", "未召开"),
    ] {
        let edited = text.replacen(from, to, 1);
        assert_ne!(edited, text, "{from}");
        assert_eq!(
            import_file(&edited, PLAN, MAX),
            Err(ImportError::ChecksumMismatch),
            "{from} → {to}"
        );
    }
}

#[test]
fn times_outside_a_sane_range_are_refused_and_never_win() {
    for at in [i64::MAX, 4_102_444_800_000, -1, i64::MIN] {
        let text = file_with(json!([
            {"id": "x-1", "at": at, "kind": {"type": "set_status", "task": "t1", "status": "on_hold"}}
        ]));
        let err = import_file(&text, PLAN, MAX);
        assert!(
            matches!(err, Err(ImportError::InvalidOp { index: 0, .. })),
            "{at}: {err:?}"
        );
        // Stored by an older version, such an op is kept in the journal but wins nothing.
        let ops = vec![
            op("x-1", at, status("t1", Status::OnHold)),
            op("w-1", JUNE, status("t1", Status::Done)),
        ];
        assert_eq!(
            fold(&sample_plan(), &ops).tasks["t1"].status,
            Status::Done,
            "{at}"
        );
    }
}

#[test]
fn dates_of_any_time_are_real_dates() {
    let far = Date::from_unix_ms(i64::MAX);
    assert!(far.year > 2100, "{far:?}");
    assert!(Date::from_unix_ms(i64::MIN).year < 0);
    for days in [i64::MAX, i64::MIN, i64::MAX / 2] {
        let d = Date::from_days(days);
        assert!(
            (1..=12).contains(&d.month) && (1..=31).contains(&d.day),
            "{days}: {d:?}"
        );
    }
    for ms in [i64::MAX, i64::MIN, 0, -1, 4_102_444_800_000] {
        let d = Date::from_unix_ms(ms);
        assert!(
            (1..=12).contains(&d.month) && (1..=31).contains(&d.day),
            "{ms}: {d:?}"
        );
        assert!(!d.iso().contains("-00"), "{ms}: {}", d.iso());
    }
}

#[test]
fn negative_and_absurd_actuals_are_refused_through_import() {
    for value in [json!(-5.0), json!(-0.5), json!(1e308), json!(1e16)] {
        let text = file_with(json!([
            {"id": "x-1", "at": JUNE, "kind": {"type": "set_actual", "target": "t6.k1",
             "region": "total", "as_of": "2020-06-30", "value": value}}
        ]));
        let err = import_file(&text, PLAN, MAX);
        assert!(
            matches!(err, Err(ImportError::InvalidOp { index: 0, .. })),
            "{value}: {err:?}"
        );
    }
    let fine = file_with(json!([
        {"id": "x-1", "at": JUNE, "kind": {"type": "set_actual", "target": "t6.k1",
         "region": "total", "as_of": "2020-06-30", "value": 0.0}}
    ]));
    assert!(import_file(&fine, PLAN, MAX).is_ok());
}

/// Ops serde cannot read, as hand edits and other tools produce them.
fn unreadable_ops() -> Vec<Value> {
    vec![
        json!({"id": "x-1", "at": JUNE, "kind": {"type": "set_progress", "task": "t1"}}),
        json!({"id": "x-1", "at": JUNE, "kind": {"type": "set_progress", "task": "t1", "percent": "40"}}),
        json!({"id": "x-1", "at": JUNE, "kind": {"type": "set_progress", "task": "t1", "percent": 300}}),
        json!({"id": "x-1", "at": JUNE, "kind": ["set_status", "t1", "done"]}),
        json!({"id": "x-1", "at": JUNE, "kind": {"type": "set_colour", "task": "t1"}}),
        json!({"id": "x-1", "at": JUNE, "kind": {"type": "set_status", "task": "t1", "status": "finished"}}),
        json!({"id": "x-1", "at": "yesterday", "kind": {"type": "set_status", "task": "t1", "status": "done"}}),
        json!({"id": 7, "at": JUNE, "kind": {"type": "set_status", "task": "t1", "status": "done"}}),
        json!({"id": "x-1", "at": JUNE, "kind": {"type": "set_status", "task": "t1", "status": "done"},
               "cause": {"type": "rewind", "op": "x-0"}}),
        json!({"id": "x-1", "at": JUNE, "kind": {"type": "set_actual", "target": "t6.k1",
               "region": {"city": "兰州"}, "as_of": "2020-06-30", "value": 1}}),
        json!([1, 2, 3]),
        json!("set_status"),
    ]
}

#[test]
fn rejection_messages_speak_one_language_in_the_users_words() {
    let parser_words = [
        "expected",
        "struct",
        "Wire",
        "invalid type",
        "missing field",
        "unknown variant",
        "`",
        "line ",
        "column",
        "elements",
        "enum",
    ];
    for raw in unreadable_ops() {
        let text = file_with(json!([raw]));
        let err = import_file(&text, PLAN, MAX);
        let Err(err @ ImportError::InvalidOp { .. }) = err else {
            panic!("{raw}: {err:?}");
        };
        let zh = err.message_zh();
        let en = err.message_en();
        for word in parser_words {
            assert!(!zh.contains(word), "{raw}: {zh}");
            assert!(!en.contains(word), "{raw}: {en}");
        }
        // Chinese apart from the edit's own id, which is the person's data.
        let latin = zh
            .replace("x-1", "")
            .chars()
            .filter(char::is_ascii_alphabetic)
            .count();
        assert_eq!(latin, 0, "{raw}: {zh}");
    }
    for text in [
        "{\"format\": \"lanbai-planner-edits\", \"ops\": [",
        "{\"a\": tru}",
    ] {
        let err = import_file(text, PLAN, MAX).err();
        let zh = err
            .as_ref()
            .map(ImportError::message_zh)
            .unwrap_or_default();
        let en = err
            .as_ref()
            .map(ImportError::message_en)
            .unwrap_or_default();
        assert!(
            !zh.is_empty() && zh.chars().filter(char::is_ascii_alphabetic).count() <= 4,
            "{zh}"
        );
        for word in ["EOF", "expected", "ident", "while parsing"] {
            assert!(!en.contains(word), "{en}");
        }
    }
    let no_schema = export(PLAN, 0, &[])
        .to_json()
        .replacen("\"schema\": 4,", "", 1);
    let zh = import_file(&no_schema, PLAN, MAX)
        .err()
        .map(|e| e.message_zh())
        .unwrap_or_default();
    assert!(!zh.is_empty() && !zh.contains("missing"), "{zh}");
}

/// Every edits-file schema keeps a fixture: v2 (issue 11) carries unit reports with their unit, period and
/// person, and reads into the same reports on the shipped plan.
#[test]
fn a_v2_file_of_one_units_report_imports_with_its_unit_and_person() {
    let text = fixture("v2-baiyin-2020-12.json");
    let ops = import_file(&text, PLAN, MAX)
        .map(|f| f.ops)
        .unwrap_or_default();
    assert_eq!(ops.len(), 4);
    let view = fold(&lanbai_planner::plan::seed::gansu(), &ops);
    assert!(view.ignored.is_empty(), "{:?}", view.ignored);
    let report = view.tasks["t6"].reports.first().cloned();
    assert_eq!(
        report.map(|r| (r.unit, r.by, r.percent, r.texts.len())),
        Some((Some("白银市".into()), Some("李四".into()), Some(60), 1))
    );
    let tampered = text.replacen("\"percent\": 60", "\"percent\": 61", 1);
    assert_eq!(
        import_file(&tampered, PLAN, MAX),
        Err(ImportError::ChecksumMismatch)
    );
}
