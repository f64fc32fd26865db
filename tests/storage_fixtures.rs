//! Every stored format ever written must still load. Each file under `tests/fixtures/storage/v{n}/` is a
//! snapshot of localStorage as that version left it, with what loading it must give. Never delete a fixture;
//! add one per new schema version.

mod common;

use std::path::Path;

use common::sample_plan;
use lanbai_planner::journal::{Region, UNSPECIFIED_UNIT, ViewState, fold};
use lanbai_planner::plan::seed::gansu;
use lanbai_planner::storage::{KeyValue, MemoryKv, Store, load_settings};
use serde_json::Value;

fn fixtures() -> Vec<(String, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/storage");
    let mut out = Vec::new();
    for version in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        for file in std::fs::read_dir(version.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let text = std::fs::read_to_string(file.path()).unwrap_or_default();
            let value = serde_json::from_str(&text).unwrap_or(Value::Null);
            out.push((file.path().display().to_string(), value));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn every_fixture_loads_as_expected() {
    let all = fixtures();
    assert!(all.len() >= 2, "fixtures missing: {}", all.len());
    let plan = sample_plan();
    for (name, fx) in all {
        let kv = MemoryKv::new();
        let storage = fx["storage"].as_object().cloned().unwrap_or_default();
        for (k, v) in &storage {
            assert_eq!(kv.set(k, v.as_str().unwrap_or_default()), Ok(()), "{name}");
        }
        let expect = &fx["expect"];
        let mut store = Store::open(
            kv.clone(),
            fx["plan"].as_str().unwrap_or_default(),
            "fixture-test",
        );
        let report = store.load(1_600_000_000_000);

        let ids: Vec<&str> = report.ops.iter().map(|o| o.id.as_str()).collect();
        let want: Vec<&str> = expect["ops"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(sorted, want, "{name}: ops");
        assert_eq!(
            report.quarantined.len() as u64,
            expect["quarantined"].as_u64().unwrap_or(99),
            "{name}"
        );
        for q in &report.quarantined {
            let original = storage.get(&q.original_key).and_then(Value::as_str);
            assert_eq!(
                kv.get(&q.key).as_deref(),
                original,
                "{name}: quarantine keeps the raw text"
            );
        }

        if expect.get("status_t6").is_some() {
            task_level_expectations(&name, expect, &fold(&plan, &report.ops));
        }
        if let Some(shipped) = expect.get("shipped_plan") {
            unit_report_expectations(&name, shipped, &fold(&gansu(), &report.ops));
        }
        if let Some(expected) = expect.get("cycle") {
            cycle_expectations(&name, expected, &report.ops);
        }
        if let Some(expected) = expect.get("clock") {
            clock_expectations(&name, expected, &fold(&gansu(), &report.ops));
        }
        let (settings, _) = load_settings(&kv, 1);
        assert_eq!(
            serde_json::to_value(settings.language).ok(),
            Some(expect["settings_language"].clone()),
            "{name}"
        );

        // A second load finds the same ops and nothing new to quarantine: loading never loses or repeats work.
        let again = Store::open(
            kv.clone(),
            fx["plan"].as_str().unwrap_or_default(),
            "fixture-test-2",
        )
        .load(2);
        assert_eq!(again.ops, report.ops, "{name}: reload");
        assert!(
            again.quarantined.is_empty(),
            "{name}: reload quarantined again"
        );
    }
}

/// v3 fixtures: each unit's standing in the reporting cycle, and the reasons a returned report carries.
fn cycle_expectations(name: &str, expected: &Value, ops: &[lanbai_planner::journal::Op]) {
    use lanbai_planner::journal::cycle::cycle;
    use lanbai_planner::journal::{Period, Schedule};
    let plan = gansu();
    let c = cycle(&plan, ops);
    let period = expected["period"].as_str().and_then(Period::parse);
    let today = expected["today"]
        .as_str()
        .and_then(lanbai_planner::date::Date::parse);
    let (Some(period), Some(today)) = (period, today) else {
        panic!("{name}: cycle period and today must be given");
    };
    for (unit, want) in expected["standings"].as_object().into_iter().flatten() {
        let standing = c.standing(unit, period, Schedule::default(), today);
        assert_eq!(Some(standing.slug()), want.as_str(), "{name}: {unit}");
    }
    let view = lanbai_planner::journal::fold(&plan, ops);
    for (task, want) in expected["deadlines"].as_object().into_iter().flatten() {
        assert_eq!(
            view.tasks.get(task).map(|t| t.deadline.as_str()),
            want.as_str(),
            "{name}: deadline of {task}"
        );
    }
    for (unit, want) in expected["reasons"].as_object().into_iter().flatten() {
        let review = c
            .latest(unit, period, Schedule::default())
            .and_then(|s| s.review.clone());
        let got: Vec<String> = review
            .map(|r| {
                std::iter::once(r.reason)
                    .chain(r.tasks.into_iter().map(|t| t.reason))
                    .collect()
            })
            .unwrap_or_default();
        let want: Vec<String> = want
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        assert_eq!(got, want, "{name}: {unit}'s reasons");
    }
}

/// v4 fixtures: which unit's report won its register under the hybrid clock, and the wall time it shows.
fn clock_expectations(name: &str, expected: &Value, view: &ViewState) {
    let winners = expected["winners"].as_array().cloned().unwrap_or_default();
    assert!(!winners.is_empty(), "{name}: no winners listed");
    for w in winners {
        let (task, unit) = (w[0].as_str().unwrap_or(""), w[1].as_str().unwrap_or(""));
        let report = view
            .tasks
            .get(task)
            .and_then(|t| t.reports.iter().find(|r| r.unit.as_deref() == Some(unit)));
        let Some(report) = report else {
            panic!("{name}: no report of {unit} on {task}");
        };
        assert_eq!(
            serde_json::to_value(report.status).ok().as_ref(),
            Some(&w[2]),
            "{name} {task} {unit}"
        );
        assert_eq!(
            Some(report.at),
            w[3].as_i64(),
            "{name} {task} {unit}: wall time shown"
        );
    }
}

/// v1 fixtures: the task-level state on the small sample plan, as v1 showed it.
fn task_level_expectations(name: &str, expect: &Value, view: &ViewState) {
    let t6 = &view.tasks["t6"];
    assert_eq!(
        serde_json::to_value(t6.status).ok(),
        Some(expect["status_t6"].clone()),
        "{name}"
    );
    assert_eq!(
        Some(u64::from(t6.progress)),
        expect["progress_t6"].as_u64(),
        "{name}"
    );
    assert_eq!(
        Some(t6.notes.len() as u64),
        expect["notes_t6"].as_u64(),
        "{name}"
    );
    assert_eq!(
        Some(view.tasks["t3"].deadline.as_str()),
        expect["deadline_t3"].as_str(),
        "{name}"
    );
    assert_eq!(
        view.targets["t6.k1"].actual(),
        expect["actual_t6_k1"].as_f64(),
        "{name}"
    );
    assert!(
        view.targets["t6.k1"]
            .latest(&Region::Place("兰州".into()))
            .is_none(),
        "{name}"
    );
}

/// v2 fixtures: every unit's report on the shipped plan, the derived task state, refused ops and figures.
fn unit_report_expectations(name: &str, shipped: &Value, view: &ViewState) {
    for (task, want) in shipped.as_object().into_iter().flatten() {
        let Some(state) = view.tasks.get(task) else {
            continue;
        };
        assert_eq!(
            serde_json::to_value(state.status).ok().as_ref(),
            want.get("status"),
            "{name} {task}"
        );
        assert_eq!(
            Some(u64::from(state.progress)),
            want["progress"].as_u64(),
            "{name} {task}"
        );
        assert_eq!(
            Some(state.light.slug()),
            want["light"].as_str(),
            "{name} {task}"
        );
        let reports: Vec<Value> = state
            .reports
            .iter()
            .map(|r| {
                serde_json::json!([
                    r.unit.as_deref().unwrap_or(UNSPECIFIED_UNIT),
                    r.status,
                    r.percent,
                    r.by
                ])
            })
            .collect();
        assert_eq!(
            Some(&Value::Array(reports)),
            want.get("reports"),
            "{name} {task}"
        );
    }
    let ignored: Vec<&str> = view.ignored.iter().map(|i| i.op_id.as_str()).collect();
    let want: Vec<&str> = shipped["ignored"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(ignored, want, "{name}: ignored");
    for (place, value) in shipped["t6_k3"].as_object().into_iter().flatten() {
        assert_eq!(
            view.targets["t6.k3"]
                .latest(&Region::Place(place.clone()))
                .map(|r| r.value),
            value.as_f64(),
            "{name}: t6.k3 {place}"
        );
    }
}
