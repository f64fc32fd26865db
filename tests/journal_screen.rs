//! What an import would do, decided before merging (issue 17, items 3 and 9): ops dated in the future and id
//! clashes are held back and named, ops this plan cannot show are listed, and a person's edit made after a
//! future-dated op still wins.

mod common;

use common::*;
use lanbai_planner::date::Date;
use lanbai_planner::i18n::Lang;
use lanbai_planner::journal::screen::{FUTURE_SLACK_MS, describe};
use lanbai_planner::journal::*;

/// 2020-07-01T00:00:00Z, the importing machine's clock in these tests.
const NOW: i64 = 1_593_561_600_000;
/// 2099-01-01T00:00:00Z.
const Y2099: i64 = 4_070_908_800_000;

#[test]
fn ops_dated_past_tomorrow_are_held_back_and_named_the_rest_still_merges() {
    let plan = sample_plan();
    let local = vec![op("me-1", NOW - 10, progress("t2", 10))];
    let file = vec![
        op("them-1", Y2099, status("t1", Status::OnHold)),
        op("them-2", Y2099 + 1, progress("t3", 99)),
        op("them-3", NOW - 5, progress("t2", 30)),
        // A clock a few hours fast is fine.
        op(
            "them-4",
            NOW + FUTURE_SLACK_MS - 1,
            status("t4", Status::Done),
        ),
    ];
    let s = screen(&plan, &local, &file, NOW);
    let held: Vec<(&str, HoldReason)> = s
        .held
        .iter()
        .map(|h| (h.op.id.as_str(), h.reason))
        .collect();
    assert_eq!(
        held,
        vec![
            ("them-1", HoldReason::Future),
            ("them-2", HoldReason::Future)
        ]
    );
    let accepted: Vec<&str> = s.accepted.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(accepted, vec!["them-3", "them-4"]);
    assert_eq!(s.merge.added, 2);
    let v = fold(&plan, &s.merge.ops);
    assert_eq!(v.tasks["t1"].status, Status::NotStarted);
    assert_eq!(v.tasks["t3"].progress, 0);
    assert_eq!(v.tasks["t2"].progress, 30);

    assert_eq!(
        describe(&s.held[0].op, Lang::Zh),
        "任务 1 状态 → 暂缓（2099-01-01）"
    );
    assert_eq!(
        describe(&s.held[1].op, Lang::Zh),
        "任务 3 进度 → 99%（2099-01-01）"
    );
    assert_eq!(
        describe(&s.held[0].op, Lang::En),
        "Task 1 status → On hold (2099-01-01)"
    );
    assert!(HoldReason::Future.message(Lang::Zh).contains("一天"));
}

#[test]
fn an_id_this_browser_has_with_other_content_is_shown_and_the_stored_op_kept() {
    let plan = sample_plan();
    let local = vec![op("me-1", NOW - 10, status("t1", Status::Done))];
    let file = vec![
        op("me-1", NOW - 10, status("t1", Status::Behind)),
        op("them-1", NOW - 9, progress("t2", 50)),
    ];
    let s = screen(&plan, &local, &file, NOW);
    assert_eq!(s.held.len(), 1);
    assert_eq!(s.held[0].reason, HoldReason::IdClash);
    assert_eq!(s.held[0].op.kind, status("t1", Status::Behind));
    assert_eq!(s.merge.added, 1);
    assert_eq!(fold(&plan, &s.merge.ops).tasks["t1"].status, Status::Done);
    // The same op again is simply already here: not held, not new.
    let again = screen(&plan, &local, &local, NOW);
    assert!(again.held.is_empty());
    assert_eq!(again.merge.added, 0);
}

#[test]
fn ops_this_plan_cannot_show_are_listed_not_counted_as_unseen_news() {
    let plan = sample_plan();
    let file = vec![
        op("them-1", NOW - 3, status("t99", Status::Done)),
        op("them-2", NOW - 2, actual("t6.k9", None, "2020-06-30", 1.0)),
        op(
            "them-3",
            NOW - 1,
            actual("t6.k1", Some("天水"), "2020-06-30", 1.0),
        ),
        op("them-4", NOW, status("t1", Status::Done)),
    ];
    let s = screen(&plan, &[], &file, NOW);
    let unseen: Vec<&str> = s.not_in_plan.iter().map(|i| i.op_id.as_str()).collect();
    assert_eq!(unseen, vec!["them-1", "them-2", "them-3"]);
    let words: Vec<String> = s
        .not_in_plan
        .iter()
        .map(|i| i.reason.message(Lang::Zh))
        .collect();
    assert_eq!(
        words,
        vec![
            "本计划中没有任务 t99",
            "本计划中没有指标 t6.k9",
            "指标 t6.k1 没有 天水 的分解"
        ]
    );
    assert_eq!(s.merge.added, 4);
}

#[test]
fn an_edit_made_after_a_future_dated_op_wins_its_field_and_keeps_its_own_time() {
    let plan = sample_plan();
    // Written by a machine whose clock ran decades fast (or stored before imports refused future times).
    let mut ops = vec![op("old-1", Y2099, status("t1", Status::OnHold))];
    let (at, hlc) = stamp(&ops, NOW);
    // The wall time stays honest (it is what the pages show); the clock orders the edit after what it saw.
    assert_eq!(at, NOW);
    assert!(hlc > ops[0].clock());
    let mut mine = op("me-1", at, status("t1", Status::Done));
    mine.hlc = Some(hlc);
    ops.push(mine);
    assert_eq!(fold(&plan, &ops).tasks["t1"].status, Status::Done);
    // Any field: the clock is the journal's, not the field's.
    assert!(stamp(&ops, NOW).1 > hlc);
    // A time no clock writes wins nothing, so it does not drag the clock past 2100.
    let broken = vec![op("old-2", i64::MAX, status("t1", Status::OnHold))];
    assert_eq!(stamp(&broken, NOW).1, Hlc { ms: NOW, n: 0 });
}

#[test]
fn undo_of_an_edit_next_to_a_broken_time_still_shows() {
    let plan = sample_plan();
    let ops = vec![
        op("x-1", i64::MAX, status("t1", Status::OnHold)),
        op("me-1", NOW, status("t1", Status::Done)),
    ];
    let u = undo(&ops, "me", "me-2".into(), NOW + 1);
    let Some(u) = u else {
        panic!("nothing to undo");
    };
    assert!(u.validate().is_ok(), "{u:?}");
    let all = [ops, vec![u]].concat();
    assert_eq!(fold(&plan, &all).tasks["t1"].status, Status::NotStarted);
}

#[test]
fn history_times_print_as_real_dates_for_any_stored_time() {
    assert_eq!(Date::stamp(1_593_561_599_999, 8 * 60), "2020-07-01 07:59");
    for at in [i64::MAX, i64::MIN, 4_102_444_800_000, -1] {
        for offset in [0, 8 * 60, -(12 * 60)] {
            let s = Date::stamp(at, offset);
            assert!(!s.starts_with("0000") && !s.contains("-00"), "{at}: {s}");
        }
    }
}

#[test]
fn two_stored_ops_with_one_id_and_time_are_reported_not_silently_resolved() {
    use lanbai_planner::journal::merge::dedup_report;
    let a = op("w-1", NOW, status("t1", Status::Done));
    let b = op("w-1", NOW, status("t1", Status::OnHold));
    let same = op("w-2", NOW, progress("t2", 5));
    let (ops, clashes) = dedup_report(vec![a.clone(), same.clone(), b.clone(), same.clone()]);
    assert_eq!(ops.len(), 2);
    assert_eq!(clashes.len(), 1, "an exact copy is no clash");
    let (ops2, clashes2) = dedup_report(vec![b.clone(), same, a.clone()]);
    assert_eq!(ops, ops2, "the choice does not depend on order");
    assert_eq!(clashes, clashes2);
    let kept = &clashes[0].kept;
    assert!(ops.contains(kept));
    assert!(kept == &a || kept == &b);
    assert_ne!(&clashes[0].set_aside, kept);
}

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use lanbai_planner::journal::op::MAX_AT;
    use proptest::prelude::*;

    proptest! {
        /// Any stored time prints as a real date and minute, whatever the zone.
        #[test]
        fn stamps_are_total(ms in any::<i64>(), offset in -(14 * 60)..(14 * 60i64)) {
            let s = Date::stamp(ms, offset);
            let (day, time) = s.rsplit_once(' ').unwrap_or_default();
            let (h, m) = time.split_once(':').unwrap_or_default();
            prop_assert!(h.parse::<u32>().is_ok_and(|h| h < 24), "{}", s);
            prop_assert!(m.parse::<u32>().is_ok_and(|m| m < 60), "{}", s);
            let md: Vec<u32> = day.rsplitn(3, '-').take(2).filter_map(|p| p.parse().ok()).collect();
            prop_assert!(md.len() == 2 && (1..=31).contains(&md[0]) && (1..=12).contains(&md[1]), "{}", s);
        }

        /// Whatever the file's times, nothing dated past tomorrow is accepted, nothing else is held back,
        /// and every op of the file is either accepted or held.
        #[test]
        fn screening_holds_back_exactly_the_future(
            ats in proptest::collection::vec(0i64..MAX_AT, 0..30),
            now in 0i64..MAX_AT,
        ) {
            let file: Vec<Op> = ats
                .iter()
                .enumerate()
                .map(|(i, at)| op(&format!("f-{i}"), *at, status("t1", Status::Done)))
                .collect();
            let s = screen(&sample_plan(), &[], &file, now);
            prop_assert_eq!(s.accepted.len() + s.held.len(), file.len());
            let limit = now.saturating_add(FUTURE_SLACK_MS);
            prop_assert!(s.accepted.iter().all(|o| o.at <= limit));
            prop_assert!(s.held.iter().all(|h| h.op.at > limit && h.reason == HoldReason::Future));
        }
    }
}
