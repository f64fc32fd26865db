//! The 通报 for a period (issue 12): counts by category, lagging tasks with their leads, units that have not
//! reported, target attainment per city, and changes since the previous period — all from the journal.

mod common;

use common::*;
use lanbai_planner::date::Date;
use lanbai_planner::i18n::Lang;
use lanbai_planner::journal::{Light, Op, OpKind, Period, Status};
use lanbai_planner::plan::seed::gansu;
use lanbai_planner::report::bulletin::bulletin;
use lanbai_planner::report::bulletin_doc::{Block, blocks, title};

/// 2020-04-20 10:00 CST and 2020-03-20.
const APR20: i64 = 1_587_348_000_000;
const MAR20: i64 = APR20 - 31 * 86_400_000;
const APRIL: Period = Period::Month {
    year: 2020,
    month: 4,
};

fn report(id: &str, at: i64, unit: &str, period: &str, task: &str, s: Status, pct: u8) -> Vec<Op> {
    vec![
        op_by(
            &format!("{id}a"),
            at,
            unit,
            "李四",
            unit_status(task, unit, period, s),
        ),
        op_by(
            &format!("{id}b"),
            at + 1,
            unit,
            "李四",
            unit_progress(task, unit, period, pct),
        ),
    ]
}

fn seal(id: &str, at: i64, unit: &str) -> Op {
    op_by(
        id,
        at,
        unit,
        "李四",
        OpKind::Submit {
            submission: id.into(),
            unit: unit.into(),
            period: "2020-04".into(),
            phone: String::new(),
            approver: String::new(),
            ops: Vec::new(),
        },
    )
}

fn journal() -> Vec<Op> {
    let mut ops = Vec::new();
    // Task 6: both leads report in April; 白银市 is slow (10 % at a third of the year): 欠进度.
    ops.extend(report(
        "by1",
        APR20,
        "白银市",
        "2020-04",
        "t6",
        Status::InProgress,
        10,
    ));
    ops.extend(report(
        "lz1",
        APR20,
        "兰州市",
        "2020-04",
        "t6",
        Status::InProgress,
        40,
    ));
    // Task 7: in March both were on pace (30 %); in April 兰州市 says done, 白银市 drops to 15 %: 达进度 → 欠进度.
    ops.extend(report(
        "by2",
        MAR20,
        "白银市",
        "2020-03",
        "t7",
        Status::InProgress,
        30,
    ));
    ops.extend(report(
        "lz2",
        MAR20,
        "兰州市",
        "2020-03",
        "t7",
        Status::InProgress,
        30,
    ));
    ops.extend(report(
        "lz3",
        APR20,
        "兰州市",
        "2020-04",
        "t7",
        Status::Done,
        100,
    ));
    ops.extend(report(
        "by3",
        APR20,
        "白银市",
        "2020-04",
        "t7",
        Status::InProgress,
        15,
    ));
    ops.push(op_by(
        "by9",
        APR20,
        "白银市",
        "李四",
        actual("t6.k3", Some("白银"), "2020-04-15", 15.0),
    ));
    ops.push(seal("bys", APR20 + 10, "白银市"));
    ops.push(seal("lzs", APR20 + 10, "兰州市"));
    ops
}

#[test]
fn counts_lagging_tasks_missing_units_targets_and_changes() {
    let plan = gansu();
    let b = bulletin(
        &plan,
        &journal(),
        APRIL,
        Date::parse("2020-04-28").expect("date"),
    );
    assert_eq!(b.total, 10);
    let count = |l: Light| b.counts.iter().find(|(x, _)| *x == l).map(|(_, n)| *n);
    assert_eq!(count(Light::Behind), Some(2), "{:?}", b.counts);
    assert_eq!(count(Light::NotReported), Some(8));
    let lagging: Vec<u32> = b.lagging.iter().map(|t| t.number).collect();
    assert_eq!(lagging, [6, 7]);
    assert_eq!(b.lagging[0].leads, ["兰州市", "白银市"]);
    assert!(b.missing_units.contains(&"兰州新区管委会".to_string()));
    assert!(!b.missing_units.contains(&"白银市".to_string()));
    assert_eq!(b.submitted_units, 2);
    // 高新技术企业 (t6.k3): 白银 15 of 20; 兰州 not reported, so the total is unknown.
    let k3 = b
        .targets
        .iter()
        .find(|t| t.task == 6 && t.indicator.contains("高新技术企业"))
        .expect("t6 high-tech target");
    let place = |p: &str| k3.places.iter().find(|x| x.place == p).expect("place");
    assert_eq!(place("白银").actual, Some(15.0));
    assert_eq!(place("白银").attainment(), Some(0.75));
    assert_eq!(place("兰州").actual, None);
    assert_eq!(place("合计").actual, None);
    let change: Vec<(u32, Light, Light)> = b
        .changes
        .iter()
        .map(|c| (c.number, c.before, c.after))
        .collect();
    assert!(
        change.contains(&(7, Light::OnTrack, Light::Behind)),
        "{change:?}"
    );
}

#[test]
fn the_document_says_it_in_words() {
    let plan = gansu();
    let b = bulletin(
        &plan,
        &journal(),
        APRIL,
        Date::parse("2020-04-28").expect("date"),
    );
    assert!(title(&b, Lang::Zh).ends_with("落实情况通报（2020年4月）"));
    let text: String = blocks(&b, Lang::Zh)
        .iter()
        .map(|block| match block {
            Block::Heading(h) | Block::Para(h) => h.clone(),
            Block::Table { head, rows } => {
                let mut t = head.join("|");
                for r in rows {
                    t.push('\n');
                    t.push_str(&r.join("|"));
                }
                t
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    for part in [
        "一、总体情况",
        "欠进度2项",
        "应报送单位11个，已报送2个，未报送9个",
        "兰州新区管委会",
        "白银|20|15|75%",
        "任务7由“达进度”变为“欠进度”",
    ] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
}
