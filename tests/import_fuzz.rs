//! Malformed edits files: thousands of truncated, bit-flipped and foreign inputs must each give an error or a
//! file whose every op is valid — never a panic, never a half-read file.

mod common;

use common::*;
use lanbai_planner::journal::{ImportError, export, import_file};
use serde_json::{Value, json};

const PLAN: &str = "gansu-2020-shuangqu";
const MAX: usize = 1 << 20;

/// Checks one input; returns whether it was accepted.
fn check(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    match import_file(&text, PLAN, MAX) {
        Ok(file) => {
            assert_eq!(file.plan_id, PLAN);
            assert!(file.ops.iter().all(|o| o.validate().is_ok()));
            true
        }
        Err(e) => {
            assert!(!e.message_zh().is_empty() && !e.message_en().is_empty());
            false
        }
    }
}

fn random_value(rng: &mut Rng, depth: u32) -> Value {
    match rng.below(if depth > 3 { 5 } else { 8 }) {
        0 => Value::Null,
        1 => json!(rng.next().is_multiple_of(2)),
        2 => json!(rng.next() as i64),
        3 => json!(["lanbai-planner-edits", "t6", "2020-13-01", "", "兰州"][rng.below(5)]),
        4 => json!(f64::from(rng.below(1000) as u32) / 7.0),
        5 => Value::Array(
            (0..rng.below(4))
                .map(|_| random_value(rng, depth + 1))
                .collect(),
        ),
        _ => {
            let keys = [
                "format",
                "schema",
                "plan_id",
                "exported_at",
                "ops",
                "checksum",
                "id",
                "at",
                "kind",
                "type",
            ];
            Value::Object(
                (0..rng.below(7))
                    .map(|_| {
                        (
                            keys[rng.below(keys.len())].to_string(),
                            random_value(rng, depth + 1),
                        )
                    })
                    .collect(),
            )
        }
    }
}

#[test]
fn thousands_of_malformed_inputs_never_panic() {
    let valid = export(PLAN, 1_593_561_600_000, &generated_journal("a", 20, 3)).to_json();
    let bytes = valid.as_bytes();
    assert!(check(bytes), "the untouched file must import");
    let mut total = 0;

    for cut in 0..bytes.len() {
        assert!(
            !check(&bytes[..cut]),
            "a file truncated at byte {cut} was accepted"
        );
        total += 1;
    }

    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut accepted_flips = 0;
    for _ in 0..2_000 {
        let mut b = bytes.to_vec();
        for _ in 0..=rng.below(3) {
            let i = rng.below(b.len());
            b[i] ^= 1 << rng.below(8);
        }
        accepted_flips += usize::from(check(&b));
        total += 1;
    }
    // A flip can only be harmless outside the checksummed ops (whitespace, exported_at); most must be caught.
    assert!(
        accepted_flips < 400,
        "{accepted_flips} flipped files accepted"
    );

    for _ in 0..1_500 {
        let mut v = random_value(&mut rng, 0);
        if rng.below(2) == 0 {
            // Half of them look like an edits file at first glance, to reach the deeper checks.
            v = json!({"format": "lanbai-planner-edits", "schema": 1, "plan_id": PLAN, "exported_at": 0,
                       "ops": [random_value(&mut rng, 1)], "checksum": random_value(&mut rng, 3)});
        }
        check(v.to_string().as_bytes());
        total += 1;
    }
    assert!(total >= 5_000, "only {total} inputs");
}

#[test]
fn a_valid_op_list_with_a_fixed_checksum_still_goes_through_op_validation() {
    let ops = json!([{"id": "a-1", "at": 1, "kind": {"type": "set_progress", "task": "t1", "percent": 300}}]);
    let checksum = lanbai_planner::journal::export::ops_checksum(&ops);
    let text =
        json!({"format": "lanbai-planner-edits", "schema": 1, "plan_id": PLAN, "exported_at": 0,
                      "ops": ops, "checksum": checksum})
        .to_string();
    assert!(matches!(
        import_file(&text, PLAN, MAX),
        Err(ImportError::InvalidOp { index: 0, .. })
    ));
}
