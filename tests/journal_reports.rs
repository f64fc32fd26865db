//! Reports by unit and period (issue 11): two units' reports never replace each other, the task state is
//! derived from the lead units' reports, a unit writes only what is its own, and schema-1 journals read as
//! the reports of 未注明单位.

mod common;

use common::*;
use lanbai_planner::journal::*;
use lanbai_planner::plan::seed::gansu;

/// 2020-12-10, inside the review period of the year-end review (December).
const DEC: i64 = 1_607_558_400_000;
const OFFICE: &str = "兰白国家自主创新示范区办公室";

fn baiyin_file() -> Vec<Op> {
    vec![
        op_by(
            "wby-1",
            DEC,
            "白银市",
            "李四",
            unit_status("t6", "白银市", "2020-12", Status::InProgress),
        ),
        op_by(
            "wby-2",
            DEC + 1,
            "白银市",
            "李四",
            unit_progress("t6", "白银市", "2020-12", 60),
        ),
        op_by(
            "wby-3",
            DEC + 2,
            "白银市",
            "李四",
            actual("t6.k3", Some("白银"), "2020-12-10", 15.0),
        ),
    ]
}

fn lanzhou_file() -> Vec<Op> {
    vec![
        op_by(
            "wlz-1",
            DEC + 5,
            "兰州市",
            "王五",
            unit_status("t6", "兰州市", "2020-12", Status::Done),
        ),
        op_by(
            "wlz-2",
            DEC + 6,
            "兰州市",
            "王五",
            unit_progress("t6", "兰州市", "2020-12", 90),
        ),
        op_by(
            "wlz-3",
            DEC + 7,
            "兰州市",
            "王五",
            actual("t6.k3", Some("兰州"), "2020-12-10", 70.0),
        ),
    ]
}

fn report<'a>(state: &'a TaskState, unit: &str) -> &'a UnitReport {
    state
        .reports
        .iter()
        .find(|r| r.unit.as_deref() == Some(unit))
        .unwrap_or_else(|| panic!("no report of {unit}"))
}

#[test]
fn two_units_reports_on_one_task_both_survive_the_merge_in_either_order() {
    let plan = gansu();
    let office_first = merge(&merge(&[], &baiyin_file()).ops, &lanzhou_file());
    let office_second = merge(&merge(&[], &lanzhou_file()).ops, &baiyin_file());
    assert!(
        office_first.conflicts.is_empty(),
        "{:?}",
        office_first.conflicts
    );
    assert_eq!(office_first.ops, office_second.ops);
    let view = fold(&plan, &office_first.ops);
    assert_eq!(view, fold(&plan, &office_second.ops));

    let t6 = &view.tasks["t6"];
    let by = report(t6, "白银市");
    assert_eq!(
        (by.status, by.percent, by.light),
        (Some(Status::InProgress), Some(60), Light::Behind)
    );
    assert_eq!(by.by.as_deref(), Some("李四"));
    let lz = report(t6, "兰州市");
    assert_eq!(
        (lz.status, lz.percent, lz.light),
        (Some(Status::Done), Some(90), Light::Done)
    );
    // The task is the slowest lead's: not 已完成.
    assert_eq!(
        (t6.status, t6.progress, t6.light),
        (Status::InProgress, 60, Light::Behind)
    );
    let k3 = &view.targets["t6.k3"];
    assert_eq!(
        k3.latest(&Region::Place("白银".into())).map(|r| r.value),
        Some(15.0)
    );
    assert_eq!(
        k3.latest(&Region::Place("兰州".into())).map(|r| r.value),
        Some(70.0)
    );
    assert!(view.ignored.is_empty(), "{:?}", view.ignored);
}

#[test]
fn a_lead_that_has_not_reported_makes_the_task_not_reported() {
    let view = fold(&gansu(), &lanzhou_file());
    let t6 = &view.tasks["t6"];
    assert_eq!(t6.light, Light::NotReported);
    assert_eq!(report(t6, "兰州市").light, Light::Done);
    // A task nobody reported on is 未填报 too, never "on track".
    assert_eq!(view.tasks["t7"].light, Light::NotReported);
}

#[test]
fn a_unit_cannot_write_another_units_report_or_figures_but_the_office_can_correct() {
    let plan = gansu();
    let mut ops = baiyin_file();
    ops.push(op_by(
        "wlz-9",
        DEC + 10,
        "兰州市",
        "王五",
        unit_progress("t6", "白银市", "2020-12", 5),
    ));
    ops.push(op_by(
        "wgx-1",
        DEC + 11,
        "兰州高新区",
        "赵六",
        actual("t6.k3", Some("兰州"), "2020-12-10", 1.0),
    ));
    ops.push(op_by(
        "wby-9",
        DEC + 12,
        "白银市",
        "李四",
        actual("t6.k3", Some("兰州"), "2020-12-10", 2.0),
    ));
    ops.push(op_by(
        "wgx-2",
        DEC + 13,
        "省科技厅",
        "钱七",
        unit_status("t6", "省科技厅", "2020-12", Status::Done),
    ));
    let view = fold(&plan, &ops);
    let refused: Vec<&str> = view.ignored.iter().map(|i| i.op_id.as_str()).collect();
    assert_eq!(refused, ["wby-9", "wgx-1", "wgx-2", "wlz-9"]);
    assert!(
        view.ignored
            .iter()
            .all(|i| matches!(i.reason, IgnoreReason::NotPermitted(_)))
    );
    assert_eq!(report(&view.tasks["t6"], "白银市").percent, Some(60));
    assert_eq!(
        view.targets["t6.k3"].latest(&Region::Place("兰州".into())),
        None
    );

    ops.push(op_by(
        "woffice-1",
        DEC + 20,
        OFFICE,
        "孙八",
        unit_progress("t6", "白银市", "2020-12", 65),
    ));
    let view = fold(&plan, &ops);
    let by = report(&view.tasks["t6"], "白银市");
    assert_eq!(by.percent, Some(65));
    assert!(by.corrected(), "the office's correction shows as such");
    assert_eq!(by.writer.as_deref(), Some(OFFICE));
}

#[test]
fn only_the_office_sets_deadlines_and_the_reporting_cycle() {
    let plan = gansu();
    let cadence = OpKind::SetCadence {
        cadence: Cadence::Quarterly,
        due_day: 20,
    };
    let deadline = OpKind::SetDeadline {
        task: "t6".into(),
        date: Some("2020-09-30".into()),
    };
    let by_city = vec![
        op_by("w1-1", DEC, "兰州市", "王五", cadence.clone()),
        op_by("w1-2", DEC, "兰州市", "王五", deadline.clone()),
    ];
    let view = fold(&plan, &by_city);
    assert_eq!(view.schedule, Schedule::default());
    assert_eq!(view.tasks["t6"].deadline, "2020-12-31");
    let by_office = vec![
        op_by("w2-1", DEC, OFFICE, "孙八", cadence),
        op_by("w2-2", DEC, OFFICE, "孙八", deadline),
    ];
    let view = fold(&plan, &by_office);
    assert_eq!(view.schedule.cadence, Cadence::Quarterly);
    assert_eq!(view.period.key(), "2020-Q4");
    assert_eq!(view.tasks["t6"].deadline, "2020-09-30");
}

#[test]
fn a_report_of_an_earlier_period_keeps_its_values_but_the_unit_is_not_reported_now() {
    let plan = gansu();
    let ops = vec![
        op_by(
            "w-1",
            DEC,
            "兰州市",
            "王五",
            unit_progress("t6", "兰州市", "2020-05", 40),
        ),
        op_by(
            "w-2",
            DEC,
            "白银市",
            "李四",
            unit_progress("t6", "白银市", "2020-06", 50),
        ),
    ];
    let june = fold_at(&plan, &ops, "2020-06-20");
    assert_eq!(june.period.key(), "2020-06");
    let t6 = &june.tasks["t6"];
    let lz = report(t6, "兰州市");
    assert_eq!(
        (lz.percent, lz.current, lz.light),
        (Some(40), false, Light::NotReported)
    );
    assert_eq!(report(t6, "白银市").light, Light::OnTrack);
    assert_eq!(t6.light, Light::NotReported);
    // Under a quarterly cadence both months fall into Q2, so both units have reported for it.
    let mut quarterly = ops.clone();
    quarterly.push(op_by(
        "w-3",
        DEC,
        OFFICE,
        "孙八",
        OpKind::SetCadence {
            cadence: Cadence::Quarterly,
            due_day: 25,
        },
    ));
    let q2 = fold_at(&plan, &quarterly, "2020-06-20");
    assert_eq!(q2.period.key(), "2020-Q2");
    assert!(q2.tasks["t6"].reports.iter().all(|r| r.current));
    // Reports of later periods are not seen from an earlier one.
    assert!(
        fold_at(&plan, &ops, "2020-04-30").tasks["t6"]
            .reports
            .is_empty()
    );
}

#[test]
fn schema_1_task_level_edits_read_as_the_report_of_the_unit_not_recorded() {
    let plan = gansu();
    let old = vec![
        op("old-1", DEC, status("t6", Status::InProgress)),
        op("old-2", DEC + 1, progress("t6", 55)),
    ];
    let view = fold(&plan, &old);
    let t6 = &view.tasks["t6"];
    let legacy = t6
        .reports
        .iter()
        .find(|r| r.unit.is_none())
        .expect("legacy report");
    assert_eq!(
        (legacy.status, legacy.percent, legacy.current),
        (Some(Status::InProgress), Some(55), true)
    );
    // It stands for both leads, as it stood for the task.
    assert_eq!((t6.status, t6.progress), (Status::InProgress, 55));
    assert!(view.ignored.is_empty());
    // A lead's own report for the period takes its place for that lead only.
    let mut both = old.clone();
    both.push(op_by(
        "w-1",
        DEC + 9,
        "兰州市",
        "王五",
        unit_progress("t6", "兰州市", "2020-12", 95),
    ));
    let t6 = fold(&plan, &both).tasks["t6"].clone();
    assert_eq!(t6.progress, 55);
    assert_eq!(report(&t6, "兰州市").percent, Some(95));
}

#[test]
fn the_same_units_same_field_is_a_real_conflict_named_with_its_unit_and_period() {
    let mine = vec![op_by(
        "a-1",
        DEC,
        "白银市",
        "李四",
        unit_progress("t6", "白银市", "2020-12", 60),
    )];
    let theirs = vec![op_by(
        "b-1",
        DEC + 1,
        "白银市",
        "张三",
        unit_progress("t6", "白银市", "2020-12", 70),
    )];
    let merged = merge(&mine, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].field, "t6 白银市 2020-12 progress");
    assert_eq!(merged.conflicts[0].winner, Side::Incoming);
    // Two units' reports of one task and period are not a conflict.
    let other = vec![op_by(
        "c-1",
        DEC + 1,
        "兰州市",
        "王五",
        unit_progress("t6", "兰州市", "2020-12", 70),
    )];
    assert!(merge(&mine, &other).conflicts.is_empty());
}

#[test]
fn undo_of_a_units_report_stays_that_units_edit() {
    let plan = gansu();
    let ops = vec![
        op_by(
            "me-1",
            DEC,
            "白银市",
            "李四",
            unit_progress("t6", "白银市", "2020-12", 60),
        ),
        op_by(
            "me-2",
            DEC + 1,
            "白银市",
            "李四",
            unit_progress("t6", "白银市", "2020-12", 80),
        ),
    ];
    let back = undo(&ops, "me", "me-3".into(), DEC + 2).expect("an undo");
    assert_eq!(back.unit.as_deref(), Some("白银市"));
    let mut all = ops.clone();
    all.push(back);
    let view = fold(&plan, &all);
    assert!(view.ignored.is_empty());
    assert_eq!(report(&view.tasks["t6"], "白银市").percent, Some(60));
}

#[cfg(not(target_arch = "wasm32"))]
mod merge_properties {
    use super::*;
    use proptest::prelude::*;

    const UNITS: [&str; 4] = ["兰州市", "白银市", "兰州高新区", OFFICE];

    /// Unit reports, figures and settings over a small space of units, periods and times, so that ties,
    /// corrections and refused ops all happen often.
    fn arb_op() -> impl Strategy<Value = Op> {
        let kind = prop_oneof![
            (0usize..4, 11u32..13, 0usize..5).prop_map(|(u, m, s)| unit_status(
                "t6",
                UNITS[u],
                &format!("2020-{m}"),
                Status::ALL[s]
            )),
            (0usize..4, 11u32..13, 0u8..=100).prop_map(|(u, m, p)| unit_progress(
                "t6",
                UNITS[u],
                &format!("2020-{m}"),
                p
            )),
            (0usize..4, 0usize..3).prop_map(|(u, part)| OpKind::SetReport {
                task: "t6".into(),
                unit: UNITS[u].into(),
                period: "2020-12".into(),
                part: TextPart::ALL[part],
                text: format!("{}的进展", UNITS[u]),
            }),
            (0usize..2, 0u32..50).prop_map(|(p, v)| actual(
                "t6.k1",
                Some(["兰州", "白银"][p]),
                "2020-12-01",
                f64::from(v)
            )),
            (0u8..2).prop_map(|q| OpKind::SetCadence {
                cadence: [Cadence::Monthly, Cadence::Quarterly][q as usize],
                due_day: 25,
            }),
            Just(progress("t6", 30)),
        ];
        ("[abc]", 0u32..10, 0i64..5, 0usize..4, kind).prop_map(|(w, n, at, u, kind)| {
            op_by(&format!("{w}-{n}"), DEC + at, UNITS[u], "填报人", kind)
        })
    }

    fn arb_journal() -> impl Strategy<Value = Vec<Op>> {
        prop::collection::vec(arb_op(), 0..20)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn merge_with_report_keys_is_commutative_associative_and_idempotent(
            a in arb_journal(), b in arb_journal(), c in arb_journal()
        ) {
            let plan = gansu();
            let ab = merge(&a, &b);
            prop_assert_eq!(&ab.ops, &merge(&b, &a).ops);
            prop_assert_eq!(fold(&plan, &ab.ops), fold(&plan, &merge(&b, &a).ops));
            let left = merge(&ab.ops, &c).ops;
            let right = merge(&a, &merge(&b, &c).ops).ops;
            prop_assert_eq!(&left, &right);
            prop_assert_eq!(fold(&plan, &left), fold(&plan, &right));
            prop_assert_eq!(&merge(&left, &left).ops, &left);
            prop_assert_eq!(merge(&left, &a).added, 0);
        }

        /// Whatever one unit writes, another unit's report is what that unit (or the office) wrote.
        #[test]
        fn no_op_of_one_unit_changes_another_units_report(a in arb_journal(), b in arb_journal()) {
            let plan = gansu();
            // A journal holds each id once (storage and import deduplicate by id).
            let baiyin: Vec<Op> = a.iter().filter(|o| o.unit.as_deref() == Some("白银市")).cloned().collect();
            let baiyin_only = merge(&[], &baiyin).ops;
            let others: Vec<Op> = b
                .iter()
                .filter(|o| !matches!(o.unit.as_deref(), Some("白银市") | Some(OFFICE)))
                .filter(|o| !matches!(o.kind, OpKind::SetCadence { .. }))
                .cloned()
                .map(|mut o| { o.id = format!("x{}", o.id); o })
                .collect();
            let alone = fold(&plan, &baiyin_only);
            let together = fold(&plan, &merge(&baiyin_only, &others).ops);
            let of = |v: &ViewState| v.tasks["t6"].reports.iter().find(|r| r.unit.as_deref() == Some("白银市")).cloned();
            prop_assert_eq!(of(&alone), of(&together));
            let place = Region::Place("白银".into());
            prop_assert_eq!(alone.targets["t6.k1"].latest(&place), together.targets["t6.k1"].latest(&place));
        }
    }
}

#[test]
fn an_edit_made_before_a_unit_was_chosen_becomes_that_units_report() {
    let waiting = OpKind::SetReport {
        task: "t6".into(),
        unit: String::new(),
        period: "2020-12".into(),
        part: TextPart::Progress,
        text: "本月进展".into(),
    };
    let recorded = permit::as_report_of(waiting, "白银市");
    assert!(matches!(recorded, OpKind::SetReport { ref unit, .. } if unit == "白银市"));
    let legacy = status("t6", Status::Done);
    assert_eq!(
        permit::as_report_of(legacy.clone(), "白银市"),
        legacy,
        "a schema-1 shape is left alone"
    );
}
