//! The reporting cycle (issue 12): submissions seal a unit's report for a period, the coordinating unit
//! reviews them, and each unit's standing — 未报送 / 已报送 (逾期) / 已退回 / 已通过 — follows from the ops alone,
//! whatever order the files were merged in. Due dates and lateness are counted in China Standard Time.

mod common;

use common::*;
use lanbai_planner::date::Date;
use lanbai_planner::i18n::Lang;
use lanbai_planner::journal::cycle::{
    Standing, SubmissionPackage, TaskReason, Verdict, cycle, feedback_ops, reminder,
    reminders_text, report_tasks, reporting_units, submission_file_name, submission_ops,
    unsent_ops,
};
use lanbai_planner::journal::{Op, OpKind, Period, Schedule, Status, export, import_file, merge};
use lanbai_planner::plan::seed::gansu;

const OFFICE: &str = "兰白国家自主创新示范区办公室";
const APRIL: Period = Period::Month {
    year: 2020,
    month: 4,
};
/// 2020-04-20 10:00 China Standard Time.
const APR20: i64 = 1_587_348_000_000;
const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;

fn day(s: &str) -> Date {
    Date::parse(s).expect("test date")
}

fn submit(id: &str, at: i64, unit: &str, period: &str, carried: &[&str]) -> Op {
    op_by(
        id,
        at,
        unit,
        "填报人",
        OpKind::Submit {
            submission: id.into(),
            unit: unit.into(),
            period: period.into(),
            phone: "0931-1234567".into(),
            approver: "审核人".into(),
            ops: carried.iter().map(|s| s.to_string()).collect(),
        },
    )
}

fn review(id: &str, at: i64, of: &Op, verdict: Verdict, reason: &str) -> Op {
    let OpKind::Submit {
        submission,
        unit,
        period,
        ..
    } = &of.kind
    else {
        panic!("not a submission")
    };
    op_by(
        id,
        at,
        OFFICE,
        "督办员",
        OpKind::Review {
            submission: submission.clone(),
            unit: unit.clone(),
            period: period.clone(),
            verdict,
            reason: reason.into(),
            tasks: vec![TaskReason {
                task: "t6".into(),
                reason: "请补充白银数据".into(),
            }],
        },
    )
}

fn baiyin_report() -> Vec<Op> {
    vec![
        op_by(
            "wby-1",
            APR20,
            "白银市",
            "李四",
            unit_status("t6", "白银市", "2020-04", Status::InProgress),
        ),
        op_by(
            "wby-2",
            APR20 + 1,
            "白银市",
            "李四",
            unit_progress("t6", "白银市", "2020-04", 30),
        ),
    ]
}

#[test]
fn one_unit_on_time_one_late_one_silent() {
    let plan = gansu();
    let schedule = Schedule::default();
    let mut ops = baiyin_report();
    ops.push(submit(
        "wby-3",
        APR20 + 2 * HOUR,
        "白银市",
        "2020-04",
        &["wby-1", "wby-2"],
    ));
    // 兰州市 sends on 27 April: two days after the 25th.
    ops.push(submit("wlz-1", APR20 + 7 * DAY, "兰州市", "2020-04", &[]));
    let c = cycle(&plan, &ops);
    let today = day("2020-04-30");
    assert_eq!(
        c.standing("白银市", APRIL, schedule, today),
        Standing::Submitted {
            at: APR20 + 2 * HOUR,
            late_days: None
        }
    );
    assert_eq!(
        c.standing("兰州市", APRIL, schedule, today),
        Standing::Submitted {
            at: APR20 + 7 * DAY,
            late_days: Some(2)
        }
    );
    assert_eq!(
        c.standing("兰州新区管委会", APRIL, schedule, today),
        Standing::Missing {
            overdue_days: Some(5)
        }
    );
    // Before the due date a silent unit is not overdue yet.
    assert_eq!(
        c.standing("兰州新区管委会", APRIL, schedule, day("2020-04-25")),
        Standing::Missing { overdue_days: None }
    );
    assert_eq!(
        c.standing("兰州市", APRIL, schedule, today).words(Lang::Zh),
        "已报送 04-27 · 逾期 2 天"
    );
}

#[test]
fn lateness_is_counted_in_china_standard_time() {
    let plan = gansu();
    let due_end = 1_587_830_400_000; // 2020-04-26 00:00 CST
    let ops = vec![
        submit("a-1", due_end - 30 * 60_000, "白银市", "2020-04", &[]),
        submit("b-1", due_end + 30 * 60_000, "兰州市", "2020-04", &[]),
    ];
    let c = cycle(&plan, &ops);
    let s = Schedule::default();
    let today = day("2020-04-30");
    assert!(matches!(
        c.standing("白银市", APRIL, s, today),
        Standing::Submitted {
            late_days: None,
            ..
        }
    ));
    assert!(matches!(
        c.standing("兰州市", APRIL, s, today),
        Standing::Submitted {
            late_days: Some(1),
            ..
        }
    ));
}

#[test]
fn return_resubmit_pass_keeps_every_version() {
    let plan = gansu();
    let s = Schedule::default();
    let today = day("2020-04-30");
    let first = submit("wby-3", APR20, "白银市", "2020-04", &["wby-1"]);
    let returned = review("wof-1", APR20 + DAY, &first, Verdict::Returned, "数据不全");
    let mut ops = vec![first.clone(), returned];
    assert_eq!(
        cycle(&plan, &ops).standing("白银市", APRIL, s, today),
        Standing::Returned { at: APR20 + DAY }
    );
    let second = submit("wby-9", APR20 + 2 * DAY, "白银市", "2020-04", &["wby-8"]);
    ops.push(second.clone());
    let c = cycle(&plan, &ops);
    let versions = c.versions("白银市", APRIL, s);
    assert_eq!(versions.len(), 2);
    assert_eq!((versions[0].version, versions[1].version), (1, 2));
    let first_review = versions[0]
        .review
        .as_ref()
        .expect("first version's review kept");
    assert_eq!(first_review.verdict, Verdict::Returned);
    assert_eq!(first_review.tasks[0].reason, "请补充白银数据");
    // The re-submission is not late: the first version was on time.
    assert_eq!(
        c.standing("白银市", APRIL, s, today),
        Standing::Submitted {
            at: APR20 + 2 * DAY,
            late_days: None
        }
    );
    ops.push(review(
        "wof-2",
        APR20 + 3 * DAY,
        &second,
        Verdict::Passed,
        "",
    ));
    assert_eq!(
        cycle(&plan, &ops).standing("白银市", APRIL, s, today),
        Standing::Passed {
            at: APR20 + 3 * DAY
        }
    );
}

#[test]
fn only_the_unit_submits_and_only_the_office_reviews() {
    let plan = gansu();
    let s = Schedule::default();
    let today = day("2020-04-30");
    // 兰州市 seals 白银市's report: refused.
    let mut forged = submit("wlz-5", APR20, "白银市", "2020-04", &[]);
    forged.unit = Some("兰州市".into());
    let real = submit("wby-3", APR20, "白银市", "2020-04", &[]);
    // 兰州市 "passes" 白银市's report: refused.
    let mut self_review = review("wlz-6", APR20 + 1, &real, Verdict::Passed, "");
    self_review.unit = Some("兰州市".into());
    // A review naming another unit than the submission's: refused too.
    let mut mismatched = review("wof-7", APR20 + 2, &real, Verdict::Returned, "x");
    if let OpKind::Review { unit, .. } = &mut mismatched.kind {
        *unit = "兰州市".into();
    }
    let c = cycle(&plan, &[forged, real, self_review, mismatched]);
    assert_eq!(c.all().len(), 1, "the forged submission is not counted");
    assert!(matches!(
        c.standing("白银市", APRIL, s, today),
        Standing::Submitted { .. }
    ));
}

#[test]
fn merge_order_does_not_change_the_table() {
    let plan = gansu();
    let first = submit("wby-3", APR20, "白银市", "2020-04", &[]);
    let unit_file = vec![
        first.clone(),
        submit("wlz-1", APR20 + 5, "兰州市", "2020-04", &[]),
    ];
    let office_file = vec![review(
        "wof-1",
        APR20 + DAY,
        &first,
        Verdict::Returned,
        "补",
    )];
    let a = merge(&unit_file, &office_file).ops;
    let b = merge(&office_file, &unit_file).ops;
    assert_eq!(cycle(&plan, &a), cycle(&plan, &b));
}

#[test]
fn a_submission_carries_only_what_no_earlier_one_did_and_imports_once() {
    let plan = gansu();
    let mut ops = baiyin_report();
    let c = cycle(&plan, &ops);
    let carried: Vec<String> = unsent_ops(&c, &ops, "白银市")
        .iter()
        .map(|o| o.id.clone())
        .collect();
    assert_eq!(carried, ["wby-1", "wby-2"]);
    let refs: Vec<&str> = carried.iter().map(String::as_str).collect();
    let seal = submit("wby-3", APR20 + HOUR, "白银市", "2020-04", &refs);
    ops.push(seal.clone());
    let file = export(
        "gansu-2020-shuangqu",
        APR20 + HOUR,
        &submission_ops(&ops, &seal),
    );
    assert_eq!(file.ops.len(), 3);
    assert_eq!(
        submission_file_name("白银市", "2020-04"),
        "报送-白银市-2020-04.json"
    );
    // The office reads it, merges it; the same file again adds nothing.
    let read = import_file(&file.to_json(), "gansu-2020-shuangqu", 1 << 20).expect("valid file");
    let package = SubmissionPackage::read(&plan, &[], &read.ops).expect("known units");
    assert_eq!(
        package.submissions,
        [("白银市".to_string(), "2020-04".to_string())]
    );
    assert_eq!((package.edits, package.new_ops), (2, 3));
    let office = merge(&[], &read.ops).ops;
    let again = SubmissionPackage::read(&plan, &office, &read.ops).expect("known units");
    assert_eq!(again.new_ops, 0);
    assert_eq!(merge(&office, &read.ops).added, 0);
    // After the seal, a new edit is the only thing the next submission carries.
    ops.push(op_by(
        "wby-4",
        APR20 + 2 * HOUR,
        "白银市",
        "李四",
        unit_progress("t6", "白银市", "2020-04", 40),
    ));
    let c = cycle(&plan, &ops);
    let next: Vec<&str> = unsent_ops(&c, &ops, "白银市")
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(next, ["wby-4"]);
}

#[test]
fn a_file_naming_a_unit_the_plan_lacks_is_refused() {
    let plan = gansu();
    let stranger = submit("wzz-1", APR20, "某某市", "2020-04", &[]);
    assert_eq!(
        SubmissionPackage::read(&plan, &[], &[stranger]),
        Err("某某市".to_string())
    );
}

#[test]
fn feedback_holds_the_reviews_of_that_unit_only() {
    let plan = gansu();
    let by = submit("wby-3", APR20, "白银市", "2020-04", &[]);
    let lz = submit("wlz-1", APR20, "兰州市", "2020-04", &[]);
    let ops = vec![
        by.clone(),
        lz.clone(),
        review("wof-1", APR20 + DAY, &by, Verdict::Returned, "补充"),
        review("wof-2", APR20 + DAY, &lz, Verdict::Passed, ""),
    ];
    let ids: Vec<String> = feedback_ops(&plan, &ops, "白银市")
        .into_iter()
        .map(|o| o.id)
        .collect();
    assert_eq!(ids, ["wof-1"]);
}

#[test]
fn reporting_units_and_their_tasks() {
    let plan = gansu();
    let units = reporting_units(&plan);
    assert!(!units.iter().any(|u| u == OFFICE), "the office collects");
    assert!(!units.iter().any(|u| u == "省科技厅"), "cooperating only");
    assert!(units.iter().any(|u| u == "白银市"));
    let (main, cooperating) = report_tasks(&plan, "省科技厅");
    assert!(main.is_empty());
    let numbers: Vec<u32> = cooperating.iter().map(|t| t.number).collect();
    assert_eq!(numbers, [5, 10]);
    let (main, _) = report_tasks(&plan, "白银市");
    assert_eq!(main.len(), 10);
}

#[test]
fn the_reminder_names_the_unit_due_date_delay_and_tasks() {
    let plan = gansu();
    let s = Schedule::default();
    let text = reminder(
        &plan,
        "兰州新区管委会",
        APRIL,
        s,
        day("2020-04-30"),
        Lang::Zh,
    );
    for part in [
        "兰州新区管委会：",
        "2020年4月25日前报送",
        "已逾期 5 天",
        "任务5",
        "任务10",
        OFFICE,
    ] {
        assert!(text.contains(part), "{part} missing from:\n{text}");
    }
    let all = reminders_text(
        &plan,
        &cycle(&plan, &[submit("wby-3", APR20, "白银市", "2020-04", &[])]),
        APRIL,
        s,
        day("2020-04-30"),
        Lang::Zh,
    );
    assert!(all.contains("兰州市："));
    assert!(!all.contains("白银市："), "白银市 has submitted");
}

#[test]
fn a_monthly_submission_counts_for_its_quarter() {
    let plan = gansu();
    let quarterly = Schedule {
        cadence: lanbai_planner::journal::Cadence::Quarterly,
        due_day: 25,
    };
    let c = cycle(&plan, &[submit("wby-3", APR20, "白银市", "2020-04", &[])]);
    let q2 = Period::Quarter {
        year: 2020,
        quarter: 2,
    };
    assert_eq!(c.versions("白银市", q2, quarterly).len(), 1);
}

fn request(id: &str, at: i64, unit: &str, task: &str, date: &str) -> Op {
    op_by(
        id,
        at,
        unit,
        "李四",
        OpKind::RequestExtension {
            request: id.into(),
            task: task.into(),
            date: date.into(),
            reason: "受疫情影响，项目延后开工".into(),
        },
    )
}

fn decide(id: &str, at: i64, writer: &str, request: &str, task: &str, approve: bool) -> Op {
    op_by(
        id,
        at,
        writer,
        "督办员",
        OpKind::DecideExtension {
            request: request.into(),
            task: task.into(),
            approve,
            reason: if approve {
                String::new()
            } else {
                "理由不充分".into()
            },
        },
    )
}

#[test]
fn an_approved_extension_moves_the_deadline_and_a_refused_one_does_not() {
    use lanbai_planner::journal::fold;
    let plan = gansu();
    let ask = request("wby-5", APR20, "白银市", "t6", "2020-09-30");
    let pending = fold(&plan, std::slice::from_ref(&ask));
    let t6 = &pending.tasks["t6"];
    assert_eq!(t6.deadline, "2020-12-31", "a request alone changes nothing");
    assert_eq!(t6.extensions.len(), 1);
    assert!(t6.extensions[0].decision.is_none());

    let refused = fold(
        &plan,
        &[
            ask.clone(),
            decide("wof-5", APR20 + DAY, OFFICE, "wby-5", "t6", false),
        ],
    );
    assert_eq!(refused.tasks["t6"].deadline, "2020-12-31");
    let decision = refused.tasks["t6"].extensions[0]
        .decision
        .clone()
        .expect("decided");
    assert!(!decision.approve && decision.reason == "理由不充分");

    let approved = fold(
        &plan,
        &[
            ask.clone(),
            decide("wof-5", APR20 + DAY, OFFICE, "wby-5", "t6", true),
        ],
    );
    assert_eq!(approved.tasks["t6"].deadline, "2020-09-30");
    assert!(approved.tasks["t6"].deadline_edited);

    // The office setting another date afterwards wins; one set before the approval does not.
    let later = op_by(
        "wof-6",
        APR20 + 2 * DAY,
        OFFICE,
        "督办员",
        OpKind::SetDeadline {
            task: "t6".into(),
            date: Some("2020-10-31".into()),
        },
    );
    let mut earlier = later.clone();
    earlier.id = "wof-4".into();
    earlier.at = APR20;
    let approve = decide("wof-5", APR20 + DAY, OFFICE, "wby-5", "t6", true);
    assert_eq!(
        fold(&plan, &[ask.clone(), approve.clone(), later]).tasks["t6"].deadline,
        "2020-10-31"
    );
    assert_eq!(
        fold(&plan, &[ask, approve, earlier]).tasks["t6"].deadline,
        "2020-09-30"
    );
}

#[test]
fn only_the_office_decides_and_only_a_responsible_unit_asks() {
    use lanbai_planner::journal::fold;
    let plan = gansu();
    // 白银市 approving its own request, and 省科技厅 (no part in task 6) asking: both ignored.
    let ops = [
        request("wby-5", APR20, "白银市", "t6", "2020-09-30"),
        decide("wby-6", APR20 + 1, "白银市", "wby-5", "t6", true),
        request("wkj-1", APR20, "省科技厅", "t6", "2020-08-31"),
    ];
    let view = fold(&plan, &ops);
    assert_eq!(view.tasks["t6"].deadline, "2020-12-31");
    let ignored: Vec<&str> = view.ignored.iter().map(|i| i.op_id.as_str()).collect();
    assert_eq!(ignored, ["wby-6", "wkj-1"]);
    // A decision naming another task than the request's does not count either.
    let wrong = fold(
        &plan,
        &[
            request("wby-5", APR20, "白银市", "t6", "2020-09-30"),
            decide("wof-5", APR20 + DAY, OFFICE, "wby-5", "t7", true),
        ],
    );
    assert_eq!(wrong.tasks["t6"].deadline, "2020-12-31");
}

#[test]
fn feedback_carries_the_decisions_on_the_units_requests() {
    let plan = gansu();
    let ops = vec![
        request("wby-5", APR20, "白银市", "t6", "2020-09-30"),
        request("wlz-5", APR20, "兰州市", "t6", "2020-08-31"),
        decide("wof-5", APR20 + DAY, OFFICE, "wby-5", "t6", true),
        decide("wof-6", APR20 + DAY, OFFICE, "wlz-5", "t6", false),
    ];
    let ids: Vec<String> = feedback_ops(&plan, &ops, "白银市")
        .into_iter()
        .map(|o| o.id)
        .collect();
    assert_eq!(ids, ["wof-5"]);
}

#[test]
fn a_units_later_edits_and_the_offices_review_never_replace_each_other() {
    use lanbai_planner::journal::{Field, fold};
    let plan = gansu();
    let seal = submit("wby-3", APR20, "白银市", "2020-04", &["wby-1", "wby-2"]);
    let returned = review("wof-1", APR20 + DAY, &seal, Verdict::Returned, "数据不全");
    // The unit edits its report after the return, later than the review.
    let mut ops = baiyin_report();
    ops.extend([seal.clone(), returned.clone()]);
    ops.push(op_by(
        "wby-4",
        APR20 + 2 * DAY,
        "白银市",
        "李四",
        unit_progress("t6", "白银市", "2020-04", 45),
    ));
    // No two of these ops share a register.
    let fields: Vec<Field> = ops.iter().map(|o| o.kind.field()).collect();
    let review_field = returned.kind.field();
    assert_eq!(fields.iter().filter(|f| **f == review_field).count(), 1);
    let c = cycle(&plan, &ops);
    let latest = c
        .latest("白银市", APRIL, Schedule::default())
        .expect("a submission");
    assert_eq!(
        latest.review.as_ref().map(|r| r.reason.as_str()),
        Some("数据不全"),
        "the unit's later edit leaves the review as it was"
    );
    let view = fold(&plan, &ops);
    let report = view.tasks["t6"]
        .reports
        .iter()
        .find(|r| r.unit.as_deref() == Some("白银市"))
        .cloned()
        .expect("白银市's report");
    assert_eq!(
        report.percent,
        Some(45),
        "the review does not touch the report"
    );
    // A forged review written under the unit's name does not replace the office's.
    let mut forged = review("wby-5", APR20 + 3 * DAY, &seal, Verdict::Passed, "");
    forged.unit = Some("白银市".into());
    ops.push(forged);
    let c = cycle(&plan, &ops);
    assert_eq!(
        c.latest("白银市", APRIL, Schedule::default())
            .and_then(|s| s.review.clone())
            .map(|r| r.verdict),
        Some(Verdict::Returned)
    );
}
