//! Reports by unit and period, and the task state derived from them. Every report register is its own
//! field (see `Field::Report`), so this module only *reads* the winning ops: it files each under its task,
//! unit and period, then derives what the views show for the period under review:
//! - each unit's report: the texts of the period, and the latest status and percent up to it (progress is
//!   cumulative, so last month's 60 % still says where the unit stands), with its light — 未填报 when the
//!   unit has not reported *in* the period, whatever it said before;
//! - the task's state: its lead units' reports (the implementing units' when it names no lead), the least
//!   advanced of them, a lead that has not reported counting as 未填报. Schema-1 reports, written when the
//!   task had one shared status, stand for every lead that has no report of its own.
//!
//! The lights follow the 督查 convention against 序时进度: 已完成 / 超进度 / 达进度 / 欠进度 / 未填报, plus 逾期
//! (past the deadline and not done).

use std::collections::BTreeMap;

use crate::plan::{Role, Task};

use super::date::Date;
use super::op::{Op, OpKind, Status, TextPart};
use super::pace::{Pace, clamp_into_year, pace, task_elapsed};
use super::period::{Cadence, Period};

/// A report's light, from least to most advanced (the derive's order is the order of "less advanced").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Light {
    NotReported,
    Behind,
    OnTrack,
    Ahead,
    Done,
}

impl Light {
    pub const ALL: [Light; 5] = [
        Light::Done,
        Light::Ahead,
        Light::OnTrack,
        Light::Behind,
        Light::NotReported,
    ];

    pub fn label_zh(self) -> &'static str {
        match self {
            Light::Done => "已完成",
            Light::Ahead => "超进度",
            Light::OnTrack => "达进度",
            Light::Behind => "欠进度",
            Light::NotReported => "未填报",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Light::Done => "Done",
            Light::Ahead => "Ahead",
            Light::OnTrack => "On pace",
            Light::Behind => "Behind",
            Light::NotReported => "Not reported",
        }
    }

    /// The CSS class the app, the print view and the report share: red, amber-free words-first badges.
    pub fn css_class(self) -> &'static str {
        match self {
            Light::Done => "pace-done",
            Light::Ahead => "pace-ahead",
            Light::OnTrack => "pace-on-track",
            Light::Behind => "pace-behind",
            Light::NotReported => "pace-none",
        }
    }

    /// A CSS-friendly name: `done`, `behind`…
    pub fn slug(self) -> &'static str {
        match self {
            Light::Done => "done",
            Light::Ahead => "ahead",
            Light::OnTrack => "on-pace",
            Light::Behind => "behind",
            Light::NotReported => "none",
        }
    }
}

/// The rule, stated once for every page that shows a light.
pub const RULE_ZH: &str = "状态按序时进度判定：已完成；超进度（进度高于序时 10 个百分点以上）；达进度；欠进度（低于序时 10 个百分点以上，或已逾期，或报告为滞后）；本期未报送为未填报。任务状态取各牵头单位本期报告中最慢者，牵头单位未报送即为未填报。";
pub const RULE_EN: &str = "Lights follow the share of time elapsed (序时进度): done; ahead (more than 10 points above it); on pace; behind (more than 10 points below it, past the deadline, or reported as behind); a unit that has not reported for the period is not reported. A task takes the slowest of its lead units' reports for the period; a lead unit that has not reported makes it not reported.";

/// One unit's report on one task, as of the period under review.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitReport {
    /// `None`: a report written before units were recorded (未注明单位).
    pub unit: Option<String>,
    /// The unit's role in the task (`None` for 未注明单位, or a coordinator correcting outside its tasks).
    pub role: Option<Role>,
    /// The latest status and percent up to the period, and the period they were reported for.
    pub status: Option<Status>,
    pub percent: Option<u8>,
    pub values_period: Option<Period>,
    /// The texts of the period itself.
    pub texts: BTreeMap<TextPart, String>,
    /// Whether the unit reported anything for the period.
    pub current: bool,
    pub light: Light,
    /// Who wrote the latest op of this report, and for which unit (the coordinating unit when it corrected).
    pub by: Option<String>,
    pub writer: Option<String>,
    pub at: i64,
}

impl UnitReport {
    /// Whether the latest op was written by another unit than the report's (the coordinator's correction).
    pub fn corrected(&self) -> bool {
        self.unit.is_some() && self.writer.is_some() && self.writer != self.unit
    }
}

#[derive(Default)]
struct Raw<'a> {
    status: Option<&'a Op>,
    percent: Option<&'a Op>,
    texts: BTreeMap<TextPart, &'a Op>,
}

/// The winning report ops, filed by task, unit and period of the cadence in force.
#[derive(Default)]
pub(super) struct Registers<'a> {
    by_task: BTreeMap<&'a str, BTreeMap<Option<&'a str>, BTreeMap<Period, Raw<'a>>>>,
}

/// Keeps the newer of two ops in a slot: two registers meet in one period only after the cadence changed
/// (May's and June's monthly reports both fall into Q2), and the later write stands.
fn keep_newer<'a>(slot: &mut Option<&'a Op>, op: &'a Op) {
    if slot.is_none_or(|old| old.order_key() < op.order_key()) {
        *slot = Some(op);
    }
}

impl<'a> Registers<'a> {
    /// Files one winning report op. A schema-1 op (no period) belongs to the period of its time, moved into
    /// the plan year: edits made in 2026 on the 2020 plan are its year-end report.
    pub(super) fn add(&mut self, op: &'a Op, year: i32, cadence: Cadence) {
        let (task, unit, period) = match &op.kind {
            OpKind::SetStatus {
                task, unit, period, ..
            }
            | OpKind::SetProgress {
                task, unit, period, ..
            } => (task, unit.as_deref(), period.as_deref()),
            OpKind::SetReport {
                task, unit, period, ..
            } => (task, Some(unit.as_str()), Some(period.as_str())),
            _ => return,
        };
        let period = match period.and_then(Period::parse) {
            Some(p) => p.under(cadence),
            None => {
                let day = clamp_into_year(&Date::from_unix_ms(op.at).iso(), year);
                let date = Date::parse(&day).unwrap_or(Date {
                    year,
                    month: 12,
                    day: 31,
                });
                Period::containing(date, cadence)
            }
        };
        let raw = self
            .by_task
            .entry(task)
            .or_default()
            .entry(unit)
            .or_default()
            .entry(period)
            .or_default();
        match &op.kind {
            OpKind::SetStatus { .. } => keep_newer(&mut raw.status, op),
            OpKind::SetProgress { .. } => keep_newer(&mut raw.percent, op),
            OpKind::SetReport { part, .. } => {
                let mut slot = raw.texts.get(part).copied();
                keep_newer(&mut slot, op);
                if let Some(op) = slot {
                    raw.texts.insert(*part, op);
                }
            }
            _ => {}
        }
    }

    /// Every unit's report on `task` as of `period`, judged at `review` against `deadline`.
    pub(super) fn unit_reports(
        &self,
        task: &Task,
        period: Period,
        judge: &Judge<'_>,
    ) -> Vec<UnitReport> {
        let Some(units) = self.by_task.get(task.id().as_str()) else {
            return Vec::new();
        };
        let mut out: Vec<UnitReport> = units
            .iter()
            .filter_map(|(unit, periods)| report_of(task, *unit, periods, period, judge))
            .collect();
        // Role order (lead first), then the order the task lists its units, then 未注明单位.
        let position = |r: &UnitReport| {
            let unit = r.unit.as_deref();
            task.roles
                .iter()
                .position(|(_, u)| Some(u.unit.as_str()) == unit)
                .unwrap_or(usize::MAX)
        };
        crate::sort::sort_by(&mut out, |a, b| position(a).cmp(&position(b)));
        out
    }
}

/// What a light is judged against.
pub(super) struct Judge<'a> {
    pub year: i32,
    pub deadline: &'a str,
    pub review: &'a str,
}

impl Judge<'_> {
    fn overdue(&self, status: Option<Status>) -> bool {
        status != Some(Status::Done)
            && matches!((Date::parse(self.deadline), Date::parse(self.review)), (Some(d), Some(r)) if r > d)
    }

    /// The light of a report that was made in the period.
    fn light(&self, status: Option<Status>, percent: Option<u8>) -> Light {
        match status {
            Some(Status::Done) => return Light::Done,
            Some(Status::Behind) => return Light::Behind,
            _ if self.overdue(status) => return Light::Behind,
            _ => {}
        }
        let share = f64::from(percent.unwrap_or(0)) / 100.0;
        match task_elapsed(self.year, self.deadline, self.review).map(|e| pace(share, e)) {
            Some(Pace::Ahead) => Light::Ahead,
            Some(Pace::Behind) => Light::Behind,
            Some(Pace::OnTrack) | None => Light::OnTrack,
        }
    }
}

fn report_of<'a>(
    task: &Task,
    unit: Option<&str>,
    periods: &BTreeMap<Period, Raw<'a>>,
    period: Period,
    judge: &Judge<'_>,
) -> Option<UnitReport> {
    let upto = periods.range(..=period);
    let latest_of = |pick: fn(&Raw<'a>) -> Option<&'a Op>| {
        upto.clone()
            .rev()
            .find_map(|(p, raw)| pick(raw).map(|op| (*p, op)))
    };
    let status = latest_of(|r| r.status);
    let percent = latest_of(|r| r.percent);
    if status.is_none() && percent.is_none() && !periods.contains_key(&period) {
        return None;
    }
    let this = periods.get(&period);
    let texts: BTreeMap<TextPart, String> = this
        .map(|raw| {
            raw.texts
                .iter()
                .filter_map(|(part, op)| match &op.kind {
                    OpKind::SetReport { text, .. } if !text.trim().is_empty() => {
                        Some((*part, text.clone()))
                    }
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let current = this.is_some();
    let status_value = status.and_then(|(_, op)| match op.kind {
        OpKind::SetStatus { status, .. } => Some(status),
        _ => None,
    });
    let percent_value = percent.and_then(|(_, op)| match op.kind {
        OpKind::SetProgress { percent, .. } => Some(percent.min(100)),
        _ => None,
    });
    let latest_op = upto
        .flat_map(|(_, raw)| {
            raw.status
                .into_iter()
                .chain(raw.percent)
                .chain(raw.texts.values().copied())
        })
        .max_by(|a, b| a.order_key().cmp(&b.order_key()));
    let light = if current {
        judge.light(status_value, percent_value)
    } else {
        Light::NotReported
    };
    Some(UnitReport {
        unit: unit.map(str::to_string),
        role: unit.and_then(|u| super::permit::role_of(task, u)),
        status: status_value,
        percent: percent_value,
        values_period: status.or(percent).map(|(p, _)| p),
        texts,
        current,
        light,
        by: latest_op.and_then(|o| o.by.clone()),
        writer: latest_op.and_then(|o| o.unit.clone()),
        at: latest_op.map_or(0, |o| o.at),
    })
}

/// The task's derived state: `(light, status, percent, overdue)` from the reports of the units that sum
/// it up (its leads; its implementing units when it names no lead; every reporter when it names neither).
pub(super) fn derive(
    task: &Task,
    reports: &[UnitReport],
    judge: &Judge<'_>,
) -> (Light, Status, u8, bool) {
    let legacy = reports.iter().find(|r| r.unit.is_none());
    let summarisers: Vec<&str> = [Role::Lead, Role::Implementing]
        .into_iter()
        .map(|role| task.roles.get(role))
        .find(|units| !units.is_empty())
        .map(|units| units.iter().map(|u| u.unit.as_str()).collect())
        .unwrap_or_default();
    let chosen: Vec<Option<&UnitReport>> = if summarisers.is_empty() {
        reports.iter().map(Some).collect()
    } else {
        summarisers
            .iter()
            .map(|unit| {
                let own = reports.iter().find(|r| r.unit.as_deref() == Some(unit));
                match (own, legacy) {
                    (Some(own), _) if own.current => Some(own),
                    (_, Some(old)) if old.current => Some(old),
                    (own, old) => own.or(old),
                }
            })
            .collect()
    };
    // The least advanced: by light, then by percent; a lead with nothing at all is 未填报 at 0 %.
    let slowest = chosen
        .iter()
        .map(|r| match r {
            Some(r) => (r.light, r.percent.unwrap_or(0), r.status),
            None => (Light::NotReported, 0, None),
        })
        .min_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let Some((light, percent, status)) = slowest else {
        return (
            Light::NotReported,
            Status::NotStarted,
            0,
            judge.overdue(None),
        );
    };
    let status = status.unwrap_or(Status::NotStarted);
    (light, status, percent, judge.overdue(Some(status)))
}
