//! Shared test fixtures: a small plan shaped like the Gansu one (task 6 with split targets) and op builders.
#![allow(dead_code)]

use lanbai_planner::journal::{Op, OpKind, Region, Status};
use lanbai_planner::plan::{
    Bound, Deadline, Group, PlaceShare, Plan, PlanMeta, Roles, Target, Task,
};

pub fn sample_plan() -> Plan {
    let task = |number: u32, deadline: Option<&str>, targets: Vec<Target>| Task {
        number,
        group: 1,
        text: format!("任务{number}"),
        roles: Roles::default(),
        deadline: deadline.map(|d| Deadline {
            date: Some(d.into()),
            text: "6月底前".into(),
        }),
        leaders: Vec::new(),
        targets,
    };
    let split_target = |k: u32, indicator: &str| Target {
        id: format!("t6.k{k}"),
        indicator: indicator.into(),
        action: "开发".into(),
        value: 100.0,
        measure: "个".into(),
        bound: Bound::AtLeast,
        split: vec![
            PlaceShare {
                place: "兰州".into(),
                value: 80.0,
            },
            PlaceShare {
                place: "白银".into(),
                value: 20.0,
            },
        ],
        source: String::new(),
    };
    let mut t6_targets: Vec<Target> = (1..=5).map(|k| split_target(k, "新产品")).collect();
    t6_targets.push(Target {
        id: "t6.k6".into(),
        indicator: "科技投入".into(),
        action: String::new(),
        value: 100.0,
        measure: "亿元".into(),
        bound: Bound::AtLeast,
        split: vec![],
        source: String::new(),
    });
    Plan {
        id: "gansu-2020-shuangqu".into(),
        meta: PlanMeta {
            title: "2020年双区建设工作要点".into(),
            original_title: None,
            publisher: None,
            newspaper: None,
            reporter: None,
            date: None,
            year: 2020,
            installment: None,
            coordinator: None,
        },
        intro: String::new(),
        sections: vec![],
        groups: vec![Group {
            number: 1,
            numeral: "一".into(),
            title: "组".into(),
        }],
        tasks: (1..=10)
            .map(|n| match n {
                3 => task(3, Some("2020-06-30"), vec![]),
                6 => task(6, None, t6_targets.clone()),
                _ => task(n, None, vec![]),
            })
            .collect(),
        units: vec![],
        references: vec![],
    }
}

pub fn op(id: &str, at: i64, kind: OpKind) -> Op {
    Op {
        id: id.into(),
        at,
        hlc: None,
        kind,
        cause: None,
        unit: None,
        by: None,
    }
}

pub fn status(task: &str, s: Status) -> OpKind {
    OpKind::SetStatus {
        task: task.into(),
        unit: None,
        period: None,
        status: s,
    }
}

pub fn progress(task: &str, percent: u8) -> OpKind {
    OpKind::SetProgress {
        task: task.into(),
        unit: None,
        period: None,
        percent,
    }
}

pub fn actual(target: &str, place: Option<&str>, as_of: &str, value: f64) -> OpKind {
    OpKind::SetActual {
        target: target.into(),
        region: place.map_or(Region::Total, |p| Region::Place(p.into())),
        as_of: as_of.into(),
        value,
    }
}

pub fn note(task: &str, note_id: &str, date: &str, text: &str) -> OpKind {
    OpKind::AddNote {
        task: task.into(),
        note_id: note_id.into(),
        date: date.into(),
        author: None,
        text: text.into(),
    }
}

/// A deterministic journal of `n` varied ops spread over tasks 1–10 and task 6's targets, from `writer`.
pub fn generated_journal(writer: &str, n: usize, seed: u64) -> Vec<Op> {
    let mut x = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    (0..n)
        .map(|i| {
            let r = next();
            let task = format!("t{}", r % 10 + 1);
            let day = format!("2020-{:02}-{:02}", r % 12 + 1, r % 28 + 1);
            let kind = match (r >> 8) % 6 {
                0 => status(&task, Status::ALL[(r >> 16) as usize % 5]),
                1 => progress(&task, ((r >> 16) % 101) as u8),
                2 => note(
                    &task,
                    &format!("{writer}-n{i}"),
                    &day,
                    "进展顺利，按计划推进",
                ),
                3 => OpKind::SetDeadline {
                    task,
                    date: Some(day),
                },
                4 => actual(
                    "t6.k1",
                    Some(if r & 1 == 0 { "兰州" } else { "白银" }),
                    &day,
                    (r % 80) as f64,
                ),
                _ => actual(&format!("t6.k{}", r % 6 + 1), None, &day, (r % 120) as f64),
            };
            op(
                &format!("{writer}-{i}"),
                1_580_000_000_000 + (i as i64) * 60_000 + (r % 1000) as i64,
                kind,
            )
        })
        .collect()
}

/// A seeded xorshift generator for the fuzz loops: deterministic, so a failing case reruns the same way.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

/// An op written by `unit` (我的单位) and the person `by`.
pub fn op_by(id: &str, at: i64, unit: &str, by: &str, kind: OpKind) -> Op {
    Op {
        unit: Some(unit.into()),
        by: Some(by.into()),
        ..op(id, at, kind)
    }
}

/// `unit`'s status for `period`.
pub fn unit_status(task: &str, unit: &str, period: &str, s: Status) -> OpKind {
    OpKind::SetStatus {
        task: task.into(),
        unit: Some(unit.into()),
        period: Some(period.into()),
        status: s,
    }
}

/// `unit`'s percent for `period`.
pub fn unit_progress(task: &str, unit: &str, period: &str, percent: u8) -> OpKind {
    OpKind::SetProgress {
        task: task.into(),
        unit: Some(unit.into()),
        period: Some(period.into()),
        percent,
    }
}
