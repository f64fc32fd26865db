//! Behaviour of the journal core: fold, undo/redo, history, merge, pace and the edits file.

mod common;

use common::*;
use lanbai_planner::journal::*;

#[test]
fn untouched_plan_folds_to_defaults() {
    let plan = sample_plan();
    let v = fold(&plan, &[]);
    assert_eq!(v.tasks.len(), 10);
    assert_eq!(v.targets.len(), 6);
    let t1 = &v.tasks["t1"];
    assert_eq!(
        (t1.status, t1.progress, t1.deadline.as_str()),
        (Status::NotStarted, 0, "2020-12-31")
    );
    assert_eq!(v.tasks["t3"].deadline, "2020-06-30");
    assert!(!v.tasks["t3"].deadline_edited);
    assert_eq!(t1.last_change, None);
}

#[test]
fn later_at_wins_and_ties_go_to_the_greater_id() {
    let plan = sample_plan();
    let ops = vec![
        op("b-1", 20, status("t1", Status::Done)),
        op("a-1", 10, status("t1", Status::Behind)),
        op("a-2", 30, progress("t2", 40)),
        op("b-2", 30, progress("t2", 60)),
    ];
    let v = fold(&plan, &ops);
    assert_eq!(v.tasks["t1"].status, Status::Done);
    assert_eq!(v.tasks["t2"].progress, 60);
    assert_eq!(v.tasks["t1"].last_change, Some(20));
}

#[test]
fn notes_sort_by_date_and_delete_removes_them() {
    let plan = sample_plan();
    let ops = vec![
        op("a-1", 1, note("t2", "n1", "2020-05-01", "五月")),
        op("a-2", 2, note("t2", "n2", "2020-03-01", "三月")),
        op("a-3", 3, note("t2", "n3", "2020-04-01", "四月")),
        op(
            "a-4",
            4,
            OpKind::DeleteNote {
                task: "t2".into(),
                note_id: "n3".into(),
            },
        ),
    ];
    let v = fold(&plan, &ops);
    let texts: Vec<&str> = v.tasks["t2"]
        .notes
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(texts, ["三月", "五月"]);
}

#[test]
fn actuals_form_series_per_region_and_sum_places_without_a_total() {
    let plan = sample_plan();
    let ops = vec![
        op("a-1", 1, actual("t6.k1", Some("兰州"), "2020-06-30", 40.0)),
        op("a-2", 2, actual("t6.k1", Some("兰州"), "2020-03-31", 10.0)),
        op("a-3", 3, actual("t6.k1", Some("白银"), "2020-06-30", 12.0)),
        op("a-4", 4, actual("t6.k1", Some("白银"), "2020-06-30", 15.0)),
        op("a-5", 5, actual("t6.k1", Some("白银"), "2020-09-30", 19.0)),
        op(
            "a-6",
            6,
            OpKind::ClearActual {
                target: "t6.k1".into(),
                region: Region::Place("白银".into()),
                as_of: "2020-09-30".into(),
            },
        ),
    ];
    let v = fold(&plan, &ops);
    let k1 = &v.targets["t6.k1"];
    let lz: Vec<(&str, f64)> = k1.series[&Region::Place("兰州".into())]
        .iter()
        .map(|r| (r.as_of.as_str(), r.value))
        .collect();
    assert_eq!(lz, [("2020-03-31", 10.0), ("2020-06-30", 40.0)]);
    assert_eq!(
        k1.latest(&Region::Place("白银".into())).map(|r| r.value),
        Some(15.0)
    );
    assert_eq!(k1.actual(), Some(55.0));
    let with_total = [
        ops,
        vec![op("a-7", 7, actual("t6.k1", None, "2020-06-30", 70.0))],
    ]
    .concat();
    assert_eq!(
        fold(&plan, &with_total).targets["t6.k1"].actual(),
        Some(70.0)
    );
    assert_eq!(fold(&plan, &with_total).tasks["t6"].last_change, Some(7));
}

#[test]
fn edits_about_unknown_things_are_listed_not_applied() {
    let plan = sample_plan();
    let ops = vec![
        op("a-1", 1, status("t11", Status::Done)),
        op("a-2", 2, actual("t6.k9", None, "2020-01-01", 1.0)),
        op("a-3", 3, actual("t6.k6", Some("兰州"), "2020-01-01", 1.0)),
        op("a-4", 4, progress("t1", 120)),
        op("a-5", 5, status("t1", Status::Done)),
    ];
    let v = fold(&plan, &ops);
    let reasons: Vec<&IgnoreReason> = v.ignored.iter().map(|i| &i.reason).collect();
    assert_eq!(reasons.len(), 4);
    assert!(matches!(reasons[0], IgnoreReason::UnknownTask(t) if t == "t11"));
    assert!(matches!(reasons[1], IgnoreReason::UnknownTarget(t) if t == "t6.k9"));
    assert!(matches!(reasons[2], IgnoreReason::UnknownPlace { .. }));
    assert!(matches!(reasons[3], IgnoreReason::Invalid(_)));
    assert_eq!(v.tasks["t1"].status, Status::Done);
    assert_eq!(v.tasks["t1"].progress, 0);
}

#[test]
fn undo_restores_the_previous_value_and_redo_reapplies() {
    let plan = sample_plan();
    let mut ops = vec![
        op("other-1", 5, status("t1", Status::InProgress)),
        op("me-1", 10, status("t1", Status::Done)),
        op("me-2", 11, progress("t1", 80)),
    ];
    let u1 = undo(&ops, "me", "me-3".into(), 20);
    assert_eq!(u1.as_ref().map(|o| &o.kind), Some(&progress("t1", 0)));
    ops.extend(u1);
    let u2 = undo(&ops, "me", "me-4".into(), 21);
    assert_eq!(
        u2.as_ref().map(|o| &o.kind),
        Some(&status("t1", Status::InProgress))
    );
    ops.extend(u2);
    assert_eq!(
        undo(&ops, "me", "me-x".into(), 22),
        None,
        "other people's edits are not ours to undo"
    );
    let v = fold(&plan, &ops);
    assert_eq!(
        (v.tasks["t1"].status, v.tasks["t1"].progress),
        (Status::InProgress, 0)
    );

    let r1 = redo(&ops, "me", "me-5".into(), 23);
    assert_eq!(
        r1.as_ref().map(|o| &o.kind),
        Some(&status("t1", Status::Done))
    );
    ops.extend(r1);
    assert_eq!(fold(&plan, &ops).tasks["t1"].status, Status::Done);
    // A fresh edit clears the redo stack.
    ops.push(op("me-6", 30, progress("t2", 10)));
    assert_eq!(redo(&ops, "me", "me-7".into(), 31), None);
    assert_eq!(stacks(&ops, "me").undo, ["me-5", "me-6"]);
}

#[test]
fn undo_beats_a_newer_clock_and_undoes_notes() {
    let plan = sample_plan();
    let mut ops = vec![op("me-1", 1_000, note("t2", "n1", "2020-02-01", "x"))];
    let u = undo(&ops, "me", "me-2".into(), 500);
    assert!(
        u.as_ref()
            .is_some_and(|o| o.at == 500 && o.clock() > ops[0].clock()),
        "undo must win even with a clock behind the edit, and keep its own wall time"
    );
    ops.extend(u);
    assert!(fold(&plan, &ops).tasks["t2"].notes.is_empty());
    ops.extend(redo(&ops, "me", "me-3".into(), 600));
    assert_eq!(fold(&plan, &ops).tasks["t2"].notes.len(), 1);
}

#[test]
fn prefix_match_is_exact() {
    let ops = vec![op("me2-1", 1, status("t1", Status::Done))];
    assert_eq!(undo(&ops, "me", "me-1".into(), 2), None);
}

#[test]
fn history_is_newest_first_and_filters_by_task() {
    let ops = vec![
        op("a-1", 1, status("t1", Status::Done)),
        op("a-2", 2, actual("t6.k1", Some("兰州"), "2020-06-30", 40.0)),
        op("a-3", 3, progress("t6", 50)),
    ];
    let all = history(&ops, None);
    assert_eq!(
        all.iter().map(|h| h.op_id.as_str()).collect::<Vec<_>>(),
        ["a-3", "a-2", "a-1"]
    );
    let t6 = history(&ops, Some("t6"));
    assert_eq!(t6.len(), 2);
    assert!(t6[1].summary_zh.contains("兰州"), "{}", t6[1].summary_zh);
    assert_eq!(all[2].summary_zh, "t1 状态 → 已完成");
    assert_eq!(all[2].summary_en, "t1 status → Done");
}

#[test]
fn merge_reports_conflicts_and_counts_added() {
    let base = vec![op("a-1", 1, status("t1", Status::InProgress))];
    let local = [
        base.clone(),
        vec![op("a-2", 10, status("t1", Status::Done))],
    ]
    .concat();
    let incoming = [
        base,
        vec![
            op("b-1", 12, status("t1", Status::Behind)),
            op("b-2", 3, progress("t2", 5)),
        ],
    ]
    .concat();
    let m = merge(&local, &incoming);
    assert_eq!(m.added, 2);
    assert_eq!(
        m.ops.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
        ["a-1", "b-2", "a-2", "b-1"]
    );
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].field, "t1 status");
    assert_eq!(m.conflicts[0].winner, Side::Incoming);
    let again = merge(&m.ops, &incoming);
    assert_eq!(
        (again.added, again.conflicts.len(), again.ops == m.ops),
        (0, 0, true)
    );
}

#[test]
fn pace_uses_a_ten_point_band() {
    assert_eq!(pace(0.39, 0.5), Pace::Behind);
    assert_eq!(pace(0.40, 0.5), Pace::OnTrack);
    assert_eq!(pace(0.60, 0.5), Pace::OnTrack);
    assert_eq!(pace(0.61, 0.5), Pace::Ahead);
}

#[test]
fn elapsed_fraction_is_clamped_to_the_plan_year() {
    assert_eq!(elapsed_fraction(2020, "2019-06-01"), Some(0.0));
    assert_eq!(elapsed_fraction(2020, "2020-12-31"), Some(1.0));
    assert_eq!(elapsed_fraction(2020, "2021-03-01"), Some(1.0));
    let mid = elapsed_fraction(2020, "2020-07-01").unwrap_or(0.0);
    assert!((mid - 183.0 / 366.0).abs() < 1e-12);
    assert_eq!(elapsed_fraction(2020, "2020-13-01"), None);
}

#[test]
fn task_pace_rules() {
    let plan = sample_plan();
    let v = fold(
        &plan,
        &[
            op("a-1", 1, status("t2", Status::Done)),
            op("a-2", 2, progress("t1", 45)),
        ],
    );
    assert_eq!(
        task_pace(&v.tasks["t2"], 2020, "2020-12-31"),
        Pace::OnTrack,
        "done is never behind"
    );
    assert_eq!(task_pace(&v.tasks["t1"], 2020, "2020-07-01"), Pace::OnTrack);
    assert_eq!(task_pace(&v.tasks["t1"], 2020, "2020-09-01"), Pace::Behind);
    // t3 is due 2020-06-30: measured against its own window, and overdue after it.
    assert_eq!(task_pace(&v.tasks["t3"], 2020, "2020-07-01"), Pace::Behind);
    assert!(pace::is_overdue(&v.tasks["t3"], "2020-07-01"));
    assert!(!pace::is_overdue(&v.tasks["t3"], "2020-06-30"));
    let behind = fold(
        &plan,
        &[
            op("a-1", 1, status("t4", Status::Behind)),
            op("a-2", 2, progress("t4", 90)),
        ],
    );
    assert_eq!(
        task_pace(&behind.tasks["t4"], 2020, "2020-02-01"),
        Pace::Behind
    );
}

#[test]
fn target_attainment_and_pace() {
    let plan = sample_plan();
    let k1 = &plan.tasks[5].targets[0];
    let v = fold(
        &plan,
        &[
            op("a-1", 1, actual("t6.k1", Some("兰州"), "2020-06-30", 40.0)),
            op("a-2", 2, actual("t6.k1", Some("白银"), "2020-06-30", 10.0)),
        ],
    );
    let state = &v.targets["t6.k1"];
    assert_eq!(attainment(k1, state), Some(0.5));
    assert_eq!(
        target_pace(k1, state, 2020, "2020-06-30"),
        Some(Pace::OnTrack)
    );
    // Judged at the figures' date, not the review date: half the target by the end of June is on track.
    assert_eq!(
        target_pace(k1, state, 2020, "2020-10-31"),
        Some(Pace::OnTrack)
    );
    assert_eq!(judged_at(state, "2020-10-31"), "2020-06-30");
    assert_eq!(judged_at(state, "2020-03-31"), "2020-03-31");
    let later = fold(
        &plan,
        &[
            op("a-1", 1, actual("t6.k1", Some("兰州"), "2020-10-31", 40.0)),
            op("a-2", 2, actual("t6.k1", Some("白银"), "2020-06-30", 10.0)),
        ],
    );
    assert_eq!(
        target_pace(k1, &later.targets["t6.k1"], 2020, "2020-12-31"),
        Some(Pace::Behind),
        "half the target by the end of October is behind"
    );
    assert_eq!(
        target_pace(k1, &v.targets["t6.k2"], 2020, "2020-10-31"),
        None
    );
}

#[test]
fn export_round_trips_and_rejects_with_reasons() {
    let ops = generated_journal("a", 50, 7);
    let file = export("gansu-2020-shuangqu", 1_593_561_599_999, &ops);
    assert_eq!(
        file.file_name(),
        "lanbai-edits-gansu-2020-shuangqu-2020-06-30.json"
    );
    let text = file.to_json();
    let back = import_file(&text, "gansu-2020-shuangqu", 1 << 20);
    assert_eq!(back.as_ref().ok(), Some(&file));

    assert!(matches!(
        import_file(&text, "gansu-2020-shuangqu", 100),
        Err(ImportError::TooLarge { .. })
    ));
    assert!(matches!(
        import_file(&text, "other", 1 << 20),
        Err(ImportError::OtherPlan { .. })
    ));
    assert!(matches!(
        import_file("{\"a\":", "p", 99),
        Err(ImportError::NotJson { line: 1, .. })
    ));
    assert!(matches!(
        import_file("[1,2]", "p", 99),
        Err(ImportError::NotEditsFile)
    ));
    let newer = text.replacen("\"schema\": 4", "\"schema\": 5", 1);
    assert!(matches!(
        import_file(&newer, "gansu-2020-shuangqu", 1 << 20),
        Err(ImportError::NewerSchema { found: 5, .. })
    ));
    let edited = text.replacen("\"at\": 1580000", "\"at\": 1580001", 1);
    assert_ne!(edited, text);
    assert_eq!(
        import_file(&edited, "gansu-2020-shuangqu", 1 << 20),
        Err(ImportError::ChecksumMismatch)
    );

    let bad = vec![op("a-1", 1, progress("t1", 101))];
    let bad_file = export("p", 0, &bad).to_json();
    let err = import_file(&bad_file, "p", 1 << 20);
    assert!(
        matches!(&err, Err(ImportError::InvalidOp { index: 0, id: Some(id), .. }) if id == "a-1"),
        "{err:?}"
    );
    if let Err(e) = err {
        assert!(e.message_zh().contains("第 1 条"));
        assert!(e.message_zh().contains("进度超过 100%"));
        assert!(e.message_en().contains("over 100"));
    }
}

#[test]
fn merge_tie_on_time_goes_to_the_greater_id_on_either_side() {
    let local = vec![op("b-1", 10, status("t1", Status::Done))];
    let incoming = vec![op("a-1", 10, status("t1", Status::Behind))];
    let m = merge(&local, &incoming);
    assert_eq!(m.conflicts[0].winner, Side::Local);
    assert_eq!(merge(&incoming, &local).conflicts[0].winner, Side::Incoming);
    assert_eq!(
        fold(&sample_plan(), &m.ops).tasks["t1"].status,
        Status::Done
    );
}

#[test]
fn unknown_schema_values_are_named() {
    let text = export("p", 0, &[]).to_json();
    for (from, to) in [
        ("\"schema\": 4", "\"schema\": 0"),
        ("\"schema\": 4", "\"schema\": \"4\""),
    ] {
        let bad = text.replacen(from, to, 1);
        assert!(
            matches!(
                import_file(&bad, "p", 1 << 20),
                Err(ImportError::UnknownSchema { .. })
            ),
            "{bad}"
        );
    }
    let no_schema = text.replacen("\"schema\": 4,", "", 1);
    let err = import_file(&no_schema, "p", 1 << 20);
    assert_eq!(err, Err(ImportError::UnknownSchema { found: None }));
}

#[test]
fn review_dates_are_clamped_into_the_plan_year() {
    use lanbai_planner::journal::pace::clamp_into_year;
    assert_eq!(clamp_into_year("2026-11-27", 2020), "2020-12-31");
    assert_eq!(clamp_into_year("2019-05-01", 2020), "2020-01-01");
    assert_eq!(clamp_into_year("2020-06-30", 2020), "2020-06-30");
    assert_eq!(clamp_into_year("not a date", 2020), "2020-12-31");
}

#[test]
fn a_schema_1_file_still_imports_as_task_level_edits() {
    let ops = vec![op("a-1", 10, status("t6", Status::Done))];
    let v1 = export("p", 0, &ops)
        .to_json()
        .replacen("\"schema\": 4", "\"schema\": 1", 1);
    assert_eq!(import_file(&v1, "p", 1 << 20).map(|f| f.ops), Ok(ops));
}

/// Issue 15, item 2: with only one place of a split reported, the total is unknown: no attainment of the
/// whole, each place judged against its share at its figure's date, and the silent place named.
#[test]
fn a_split_target_with_one_place_reported_is_judged_per_place() {
    use lanbai_planner::journal::standing::{TargetStanding, target_standing};
    let plan = sample_plan();
    let k3 = &plan.tasks[5].targets[2];
    assert_eq!(k3.split.len(), 2, "兰州 80, 白银 20");
    let v = fold(
        &plan,
        &[op(
            "a-1",
            1,
            actual("t6.k3", Some("白银"), "2020-06-30", 15.0),
        )],
    );
    let state = &v.targets["t6.k3"];
    assert_eq!(attainment(k3, state), None, "the total is not 15");
    assert_eq!(target_pace(k3, state, 2020, "2020-12-31"), None);
    let TargetStanding::Partial(places) = target_standing(k3, Some(state), 2020, "2020-12-31")
    else {
        panic!("partial")
    };
    assert_eq!(places[0].0, "兰州");
    assert!(places[0].1.is_none(), "兰州 未填报");
    let baiyin = places[1].1.as_ref().expect("白银's figure");
    assert_eq!((baiyin.actual, baiyin.planned), (15.0, 20.0));
    assert_eq!(baiyin.attainment, Some(0.75));
    assert_eq!(
        baiyin.pace,
        Some(Pace::Ahead),
        "75 % of its share by the end of June"
    );

    let both = fold(
        &plan,
        &[
            op("a-1", 1, actual("t6.k3", Some("白银"), "2020-06-30", 15.0)),
            op("a-2", 2, actual("t6.k3", Some("兰州"), "2020-09-30", 40.0)),
        ],
    );
    let whole = target_standing(k3, Some(&both.targets["t6.k3"]), 2020, "2020-12-31");
    let TargetStanding::Whole(f) = whole else {
        panic!("whole once both reported")
    };
    assert_eq!((f.actual, f.as_of.as_str()), (55.0, "2020-09-30"));
    assert_eq!(
        f.pace,
        Some(Pace::Behind),
        "55 of 100 by the end of September"
    );
    assert_eq!(
        target_standing(k3, None, 2020, "2020-12-31"),
        TargetStanding::Unreported
    );
}

/// Issue 15, item 5: 已完成 at 90 %, or with targets unmet or unreported, is a mismatch to ask about.
#[test]
fn done_with_progress_or_targets_short_is_a_mismatch() {
    use lanbai_planner::i18n::Lang;
    use lanbai_planner::journal::consistency::{Mismatch, done_mismatches};
    let plan = sample_plan();
    let t6 = &plan.tasks[5];
    let v = fold(
        &plan,
        &[
            op("a-1", 1, actual("t6.k1", Some("兰州"), "2020-10-31", 80.0)),
            op("a-2", 2, actual("t6.k1", Some("白银"), "2020-10-31", 20.0)),
            op("a-3", 3, actual("t6.k2", Some("白银"), "2020-10-31", 9.0)),
        ],
    );
    let found = done_mismatches(t6, Some(90), &v);
    assert_eq!(found[0], Mismatch::Percent(90));
    let words: Vec<String> = found.iter().map(|m| m.words(Lang::Zh)).collect();
    assert_eq!(words[0], "进度为 90%");
    assert!(
        !words.iter().any(|w| w.contains("100/100")),
        "t6.k1 is met: {words:?}"
    );
    assert!(
        words.contains(&"新产品：兰州 未填报、白银 9/20".to_string()),
        "{words:?}"
    );
    assert!(
        words.iter().any(|w| w.ends_with("尚未填报实际值")),
        "{words:?}"
    );
    // A task without targets at 100 % is consistent.
    assert!(done_mismatches(&plan.tasks[0], Some(100), &v).is_empty());
    assert_eq!(
        done_mismatches(&plan.tasks[0], Some(60), &v),
        [Mismatch::Percent(60)]
    );
}

/// Issue 15, item 6: a rate ("增长7%左右") is a level to compare, never a quantity to add up: places are not
/// summed into a total, and the figure is met or not met against the bound.
#[test]
fn a_rate_target_is_compared_not_summed() {
    use lanbai_planner::journal::standing::{TargetStanding, target_standing};
    use lanbai_planner::plan::{Bound, PlaceShare, Target};
    let mut plan = sample_plan();
    let rate = Target {
        id: "t6.k1".into(),
        indicator: "地区生产总值增长".into(),
        action: String::new(),
        value: 7.0,
        measure: "%".into(),
        bound: Bound::About,
        split: vec![
            PlaceShare {
                place: "兰州".into(),
                value: 7.0,
            },
            PlaceShare {
                place: "白银".into(),
                value: 7.0,
            },
        ],
        source: "增长7%左右".into(),
    };
    assert!(rate.is_level());
    plan.tasks[5].targets[0] = rate.clone();
    let v = fold(
        &plan,
        &[
            op("a-1", 1, actual("t6.k1", Some("兰州"), "2020-06-30", 6.9)),
            op("a-2", 2, actual("t6.k1", Some("白银"), "2020-06-30", 5.0)),
        ],
    );
    let state = &v.targets["t6.k1"];
    assert_eq!(
        attainment(&rate, state),
        None,
        "6.9 % + 5 % is not 11.9 % of anything"
    );
    let TargetStanding::Partial(places) = target_standing(&rate, Some(state), 2020, "2020-12-31")
    else {
        panic!("no total until one is entered")
    };
    assert_eq!(
        places[0].1.as_ref().and_then(|f| f.met),
        Some(true),
        "6.9 is about 7"
    );
    assert_eq!(
        places[1].1.as_ref().and_then(|f| f.met),
        Some(false),
        "5 is not"
    );
    let with_total = fold(
        &plan,
        &[op("a-3", 3, actual("t6.k1", None, "2020-06-30", 7.2))],
    );
    let TargetStanding::Whole(f) =
        target_standing(&rate, with_total.targets.get("t6.k1"), 2020, "2020-12-31")
    else {
        panic!("the entered total is the whole")
    };
    assert_eq!(
        (f.actual, f.met, f.attainment, f.pace),
        (7.2, Some(true), None, None)
    );
    // A cap (以内) is a level too: at most the bound.
    let cap = Target {
        bound: Bound::AtMost,
        measure: "起".into(),
        value: 3.0,
        ..rate
    };
    assert!(cap.is_level() && cap.level_met(3.0) && !cap.level_met(4.0));
}
