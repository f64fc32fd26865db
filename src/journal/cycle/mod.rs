//! The monthly reporting cycle, derived from the journal like everything else: a unit seals its report for a
//! period (报送, a `submit` op), the coordinating unit passes or returns it (审核, a `review` op), and each
//! unit's standing for each period — 未报送, 已报送 (逾期 N 天), 已退回, 已通过 — follows from those ops
//! alone. No state is stored beside the journal, so a submission file and a feedback file carry the whole
//! cycle between browsers, and merging them in any order gives every browser the same table.
//!
//! Days of the cycle (when a report was submitted, how late) are counted in China Standard Time, the plan's
//! own clock: a report sent at 23:30 on the due day in Lanzhou is on time whatever the machine's zone.

mod complete;
mod package;
mod remind;

pub use complete::{Gap, gaps};
pub use package::{
    SubmissionPackage, feedback_file_name, feedback_ops, submission_file_name, submission_ops,
    unsent_ops,
};
pub use remind::{reminder, reminders_text};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::fold::newer;
use super::op::{Op, OpKind};
use super::period::{Period, Schedule};
use crate::i18n::Lang;
use crate::plan::{Plan, Role, Task};

/// The coordinating unit's decision on a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// 通过
    Passed,
    /// 退回
    Returned,
}

impl Verdict {
    pub fn label_zh(self) -> &'static str {
        match self {
            Verdict::Passed => "通过",
            Verdict::Returned => "退回",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Verdict::Passed => "passed",
            Verdict::Returned => "returned",
        }
    }
}

/// Why one task of a returned report must be redone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskReason {
    pub task: String,
    pub reason: String,
}

/// China Standard Time, UTC+8, in milliseconds.
const CST_MS: i64 = 8 * 3_600_000;

/// The day (China Standard Time) of a moment in ms since the epoch.
pub fn cst_day(ms: i64) -> Date {
    Date::from_unix_ms(ms.saturating_add(CST_MS))
}

/// The latest review of a submission.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewState {
    pub verdict: Verdict,
    pub reason: String,
    pub tasks: Vec<TaskReason>,
    pub at: i64,
    pub by: Option<String>,
}

/// One version of a unit's report for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    /// The submission id (the id of its `submit` op).
    pub id: String,
    pub unit: String,
    /// The period as written in the op.
    pub period: Period,
    pub at: i64,
    /// 填报人, 联系电话, 审核人.
    pub by: Option<String>,
    pub phone: String,
    pub approver: String,
    /// Ids of the edits the submission file carried.
    pub ops: Vec<String>,
    /// 1 for the first submission of the unit for the period, 2 for the re-submission, …
    pub version: usize,
    pub review: Option<ReviewState>,
}

/// Where a unit stands for one period.
#[derive(Debug, Clone, PartialEq)]
pub enum Standing {
    /// 未报送: nothing submitted; `overdue_days` once the due date has passed.
    Missing { overdue_days: Option<i64> },
    /// 已报送, awaiting review; `late_days` when it came after the due date.
    Submitted { at: i64, late_days: Option<i64> },
    /// 已退回: the latest version was returned (reasons in its review).
    Returned { at: i64 },
    /// 已通过
    Passed { at: i64 },
}

impl Standing {
    pub fn slug(&self) -> &'static str {
        match self {
            Standing::Missing { .. } => "missing",
            Standing::Submitted { .. } => "submitted",
            Standing::Returned { .. } => "returned",
            Standing::Passed { .. } => "passed",
        }
    }

    /// `已报送 04-27 · 逾期 2 天`, `未报送 · 逾期 5 天`, `已退回 04-28`, `已通过 04-29`.
    pub fn words(&self, lang: Lang) -> String {
        let day = |at: i64| {
            let d = cst_day(at);
            format!("{:02}-{:02}", d.month, d.day)
        };
        let late = |days: Option<i64>| match (days, lang) {
            (Some(n), Lang::Zh) => format!(" · 逾期 {n} 天"),
            (Some(n), Lang::En) => format!(" · {n} days late"),
            (None, _) => String::new(),
        };
        match self {
            Standing::Missing { overdue_days } => {
                format!(
                    "{}{}",
                    lang.pick("未报送", "Not submitted"),
                    late(*overdue_days)
                )
            }
            Standing::Submitted { at, late_days } => format!(
                "{} {}{}",
                lang.pick("已报送", "Submitted"),
                day(*at),
                late(*late_days)
            ),
            Standing::Returned { at } => {
                format!("{} {}", lang.pick("已退回", "Returned"), day(*at))
            }
            Standing::Passed { at } => format!("{} {}", lang.pick("已通过", "Passed"), day(*at)),
        }
    }
}

/// Every submission in the journal with its latest review, by unit and period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cycle {
    /// `(unit, period key as submitted)` → versions, oldest first.
    versions: BTreeMap<(String, String), Vec<Submission>>,
}

/// Reads the cycle from the journal. Only ops `permit` allows count: a unit submits only for itself, only
/// the coordinating unit reviews, and a review counts only for the submission, unit and period it names.
pub fn cycle(plan: &Plan, ops: &[Op]) -> Cycle {
    let allowed = |op: &&Op| op.validate().is_ok() && super::permit::check(plan, None, op).is_ok();
    let mut reviews: BTreeMap<&str, &Op> = BTreeMap::new();
    let mut submits: BTreeMap<&str, &Op> = BTreeMap::new();
    for op in ops.iter().filter(allowed) {
        match &op.kind {
            OpKind::Submit { submission, .. } => {
                submits
                    .entry(submission)
                    .and_modify(|w| *w = newer(w, op))
                    .or_insert(op);
            }
            OpKind::Review { submission, .. } => {
                reviews
                    .entry(submission)
                    .and_modify(|w| *w = newer(w, op))
                    .or_insert(op);
            }
            _ => {}
        }
    }
    let mut out = Cycle::default();
    for op in submits.into_values() {
        let OpKind::Submit {
            submission,
            unit,
            period,
            phone,
            approver,
            ops,
        } = &op.kind
        else {
            continue;
        };
        let Some(parsed) = Period::parse(period) else {
            continue;
        };
        let review = reviews
            .get(submission.as_str())
            .and_then(|r| match &r.kind {
                OpKind::Review {
                    unit: u,
                    period: p,
                    verdict,
                    reason,
                    tasks,
                    ..
                } if u == unit && p == period => Some(ReviewState {
                    verdict: *verdict,
                    reason: reason.clone(),
                    tasks: tasks.clone(),
                    at: r.at,
                    by: r.by.clone(),
                }),
                _ => None,
            });
        out.versions
            .entry((unit.clone(), period.clone()))
            .or_default()
            .push(Submission {
                id: submission.clone(),
                unit: unit.clone(),
                period: parsed,
                at: op.at,
                by: op.by.clone(),
                phone: phone.clone(),
                approver: approver.clone(),
                ops: ops.clone(),
                version: 0,
                review,
            });
    }
    for list in out.versions.values_mut() {
        crate::sort::sort_by(list, |a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
        for (i, s) in list.iter_mut().enumerate() {
            s.version = i + 1;
        }
    }
    out
}

impl Cycle {
    /// The unit's submissions that fall into `period` under the cadence in force, oldest first (a monthly
    /// report sent before the office switched to quarters still counts for its quarter).
    pub fn versions(&self, unit: &str, period: Period, schedule: Schedule) -> Vec<&Submission> {
        let mut list: Vec<&Submission> = self
            .versions
            .iter()
            .filter(|((u, _), _)| u == unit)
            .flat_map(|(_, v)| v.iter())
            .filter(|s| s.period.under(schedule.cadence) == period)
            .collect();
        crate::sort::sort_by(&mut list, |a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
        list
    }

    /// Every submission of every unit, newest first.
    pub fn all(&self) -> Vec<&Submission> {
        let mut list: Vec<&Submission> = self.versions.values().flatten().collect();
        crate::sort::sort_by(&mut list, |a, b| (b.at, &b.id).cmp(&(a.at, &a.id)));
        list
    }

    pub fn find(&self, submission: &str) -> Option<&Submission> {
        self.versions
            .values()
            .flatten()
            .find(|s| s.id == submission)
    }

    /// The unit's latest submission for the period, if any.
    pub fn latest(&self, unit: &str, period: Period, schedule: Schedule) -> Option<&Submission> {
        self.versions(unit, period, schedule).last().copied()
    }

    /// Where the unit stands for the period on `today` (the review date).
    pub fn standing(
        &self,
        unit: &str,
        period: Period,
        schedule: Schedule,
        today: Date,
    ) -> Standing {
        let due = period.due_date(schedule.due_day);
        let Some(latest) = self.latest(unit, period, schedule) else {
            let over = today.days() - due.days();
            return Standing::Missing {
                overdue_days: (over > 0).then_some(over),
            };
        };
        match &latest.review {
            Some(r) if r.verdict == Verdict::Passed => Standing::Passed { at: r.at },
            Some(r) => Standing::Returned { at: r.at },
            None => {
                // Lateness is that of the first version: a re-submission after a return is not "late".
                let first = self
                    .versions(unit, period, schedule)
                    .first()
                    .map_or(latest.at, |s| s.at);
                let late = cst_day(first).days() - due.days();
                Standing::Submitted {
                    at: latest.at,
                    late_days: (late > 0).then_some(late),
                }
            }
        }
    }
}

/// The units that report (报送): every unit that leads or implements a task, in the plan's order, except
/// the coordinating unit, which collects the reports.
pub fn reporting_units(plan: &Plan) -> Vec<String> {
    plan.units
        .iter()
        .map(|u| u.id.clone())
        .filter(|u| plan.meta.coordinator.as_deref() != Some(u.as_str()))
        .filter(|u| {
            plan.tasks.iter().any(|t| {
                t.roles
                    .iter()
                    .any(|(role, r)| &r.unit == u && role != Role::Cooperating)
            })
        })
        .collect()
}

/// A unit's tasks for reporting: where it leads or implements (主办), and where it cooperates (协办; its
/// input goes to the lead unit).
pub fn report_tasks<'a>(plan: &'a Plan, unit: &str) -> (Vec<&'a Task>, Vec<&'a Task>) {
    let has = |t: &Task, roles: &[Role]| {
        t.roles
            .iter()
            .any(|(role, r)| r.unit == unit && roles.contains(&role))
    };
    let main = plan
        .tasks
        .iter()
        .filter(|t| has(t, &[Role::Lead, Role::Implementing]))
        .collect();
    let cooperating = plan
        .tasks
        .iter()
        .filter(|t| has(t, &[Role::Cooperating]) && !has(t, &[Role::Lead, Role::Implementing]))
        .collect();
    (main, cooperating)
}
