//! The tolerant chunk scanner against serde_json: on every valid chunk it must find exactly the `ops`
//! elements and the `schema` serde_json finds (random values, key orders, escaped and repeated keys,
//! whitespace), and on any byte string it must return without panicking or recursing.

use lanbai_planner::storage::scan::scan_chunk;
use lanbai_planner::storage::schema::read_chunk;
use proptest::prelude::*;
use serde_json::Value;

use super::common::generated_journal;

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(Value::from),
        "[\"\\\\\\[\\]{},:a-z兰 \\n\\u{1F600}\\u{0}-\\u{1f}]{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec(("[a-z\"\\\\]{0,4}", inner), 0..5)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// A key as JSON text, each character escaped as `\uXXXX` when its bit in `mask` is set.
fn key_text(key: &str, mask: u32) -> String {
    key.chars()
        .enumerate()
        .map(|(i, c)| {
            if mask >> (i % 32) & 1 == 1 && (c as u32) < 0x10000 {
                format!("\\u{:04x}", c as u32)
            } else {
                serde_json::to_string(&c.to_string())
                    .map(|s| s.trim_matches('"').to_string())
                    .unwrap_or_default()
            }
        })
        .collect()
}

const SCHEMAS: &[&str] = &[
    "1",
    "0",
    "2",
    "-1",
    "-0",
    "1.5",
    "1e0",
    "1E2",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "\"1\"",
    "null",
    "[1]",
];

/// A top-level field of a chunk, in the order given.
#[derive(Debug, Clone)]
enum Field {
    Schema(usize),
    Ops(Vec<Value>, bool),
    Other(String, Value),
}

fn arb_field() -> impl Strategy<Value = Field> {
    prop_oneof![
        (0..SCHEMAS.len()).prop_map(Field::Schema),
        (prop::collection::vec(arb_json(), 0..6), any::<bool>())
            .prop_map(|(v, pretty)| Field::Ops(v, pretty)),
        ("writer|chunk|x|op|schemas|[a-z]{0,3}", arb_json()).prop_map(|(k, v)| Field::Other(k, v)),
    ]
}

fn render(fields: &[Field], masks: &[u32], space: &str) -> String {
    let body: Vec<String> = fields
        .iter()
        .zip(masks.iter().cycle())
        .map(|(f, &mask)| {
            let (key, value) = match f {
                Field::Schema(i) => ("schema".to_string(), SCHEMAS[*i].to_string()),
                Field::Ops(items, pretty) => {
                    let array = Value::Array(items.clone());
                    let text = if *pretty {
                        serde_json::to_string_pretty(&array)
                    } else {
                        serde_json::to_string(&array)
                    };
                    ("ops".to_string(), text.unwrap_or_default())
                }
                Field::Other(k, v) => (k.clone(), v.to_string()),
            };
            format!("{space}\"{}\"{space}:{space}{value}", key_text(&key, mask))
        })
        .collect();
    format!("{space}{{{}{space}}}{space}", body.join(","))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn on_valid_chunks_the_scanner_reads_what_serde_json_reads(
        fields in prop::collection::vec(arb_field(), 0..6),
        masks in prop::collection::vec(prop_oneof![3 => Just(0u32), 1 => any::<u32>()], 1..4),
        space in prop_oneof![Just(""), Just(" "), Just("\n\t ")],
    ) {
        let text = render(&fields, &masks, space);
        let value: Value = serde_json::from_str(&text)
            .map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
        let scanned = scan_chunk(&text);
        prop_assert_eq!(scanned.schema, value.get("schema").and_then(Value::as_u64), "{}", text);
        let items = value.get("ops").and_then(Value::as_array);
        prop_assert_eq!(scanned.found_ops, items.is_some(), "{}", text);
        let parsed: Vec<Value> = scanned.ops.iter().filter_map(|t| serde_json::from_str(t).ok()).collect();
        prop_assert_eq!(parsed, items.cloned().unwrap_or_default(), "{}", text);
        let named = |name: &str| fields.iter().filter(|f| match f {
            Field::Schema(_) => name == "schema",
            Field::Ops(..) => name == "ops",
            Field::Other(k, _) => k == name,
        }).count();
        prop_assert_eq!(scanned.repeated, named("schema") > 1 || named("ops") > 1, "{}", text);
    }

    /// What the app writes: every op comes back through the scanner exactly as serde_json reads the chunk.
    #[test]
    fn written_chunks_scan_to_their_ops(n in 0usize..30, seed in any::<u64>(), text in "\\PC{0,40}") {
        let mut ops = generated_journal("w", n, seed);
        if let Some(first) = ops.first_mut() {
            first.id = text;
        }
        let raw = lanbai_planner::storage::schema::write_chunk("w", 0, &ops);
        let scanned = scan_chunk(&raw);
        prop_assert_eq!(scanned.schema, Some(u64::from(lanbai_planner::storage::schema::CHUNK)));
        let back: Vec<lanbai_planner::journal::Op> =
            scanned.ops.iter().filter_map(|t| serde_json::from_str(t).ok()).collect();
        prop_assert_eq!(&back, &ops);
        prop_assert_eq!(read_chunk(&raw).map(|r| r.ops), Ok(ops));
    }

    #[test]
    fn any_bytes_scan_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let scanned = scan_chunk(&text);
        prop_assert!(scanned.ops.iter().all(|o| !o.is_empty() && text.contains(o)));
        let _ = read_chunk(&text);
    }
}

/// A million open brackets, scanned on a thread with a 64 KiB stack: a recursive scanner would overflow.
#[test]
fn the_scanner_never_recurses() {
    let deep = format!(
        "{{\"schema\":1,\"ops\":[{}{{\"a\":\"{}",
        "[{\"x\":".repeat(1_000_000),
        "\\\"".repeat(1000)
    );
    let found = std::thread::Builder::new()
        .stack_size(64 * 1024)
        .spawn(move || scan_chunk(&deep).ops.len())
        .map(|t| t.join());
    assert!(matches!(found, Ok(Ok(1))), "{found:?}");
}

/// The disagreements the property found on the first scanner, kept as fixed cases.
#[test]
fn signs_fractions_escaped_and_repeated_keys_read_as_serde_json_reads_them() {
    let mut wrong = Vec::new();
    for text in [
        r#"{"schema":-1,"ops":[]}"#,
        r#"{"schema":1.5,"ops":[]}"#,
        r#"{"schema":1e0,"ops":[]}"#,
        r#"{"schema":-1,"schema":0}"#,
        r#"{"sch\u0065ma":1,"\u006fps":[1,{"a":2}]}"#,
        r#"{"schema":1,"ops":[1],"ops":[2,3]}"#,
        r#"{"schema":1,"ops":[1],"ops":{}}"#,
    ] {
        let value: Value = serde_json::from_str(text).unwrap_or_default();
        let scanned = scan_chunk(text);
        let items = value.get("ops").and_then(Value::as_array);
        let parsed: Vec<Value> = scanned
            .ops
            .iter()
            .filter_map(|t| serde_json::from_str(t).ok())
            .collect();
        let got = (scanned.schema, scanned.found_ops, parsed);
        let want = (
            value.get("schema").and_then(Value::as_u64),
            items.is_some(),
            items.cloned().unwrap_or_default(),
        );
        if got != want {
            wrong.push(format!("{text}: scanned {got:?}, serde_json {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
