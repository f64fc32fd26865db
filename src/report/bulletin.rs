//! 通报: what the coordinating office publishes for a period — how many tasks stand in each category, the
//! 欠进度 and 逾期 tasks with their lead units, the units that have not reported, target attainment per
//! city, and what changed since the previous period. Built from the journal alone (the same fold and cycle
//! every page uses), so the bulletin on screen, in print and in the Word file say the same. Pure.

use crate::date::Date;
use crate::journal::cycle::{self, Standing, reporting_units};
use crate::journal::{Light, Op, Period, Region, fold_at};
use crate::plan::{Plan, Task};

/// One task as the bulletin lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskLine {
    pub number: u32,
    pub text: String,
    pub leads: Vec<String>,
    pub light: Light,
    pub overdue: bool,
    pub progress: u8,
    pub deadline: String,
}

/// One place's figure of a target at the period's end.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceFigure {
    /// `兰州`, `白银`, or `合计`.
    pub place: String,
    pub planned: f64,
    /// `None`: not reported by the period's end.
    pub actual: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TargetLine {
    pub task: u32,
    pub indicator: String,
    pub measure: String,
    pub places: Vec<PlaceFigure>,
}

/// A task whose category changed since the previous period.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub number: u32,
    pub before: Light,
    pub after: Light,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bulletin {
    pub plan_title: String,
    pub period: Period,
    pub previous: Option<Period>,
    /// The day the bulletin is drawn up (the review date), for "未报送" and the heading.
    pub as_of: Date,
    /// Tasks per category, in [`Light::ALL`] order, and how many are 逾期 besides.
    pub counts: Vec<(Light, usize)>,
    pub overdue_count: usize,
    pub total: usize,
    /// 欠进度 or 逾期 tasks, in plan order.
    pub lagging: Vec<TaskLine>,
    /// Reporting units with no submission for the period; and how many did submit.
    pub missing_units: Vec<String>,
    pub submitted_units: usize,
    pub targets: Vec<TargetLine>,
    pub changes: Vec<Change>,
    /// Every task for the ledger-like annex (all categories).
    pub tasks: Vec<TaskLine>,
}

fn line(task: &Task, state: &crate::journal::TaskState) -> TaskLine {
    TaskLine {
        number: task.number,
        text: task.text.clone(),
        leads: task.roles.lead.iter().map(|u| u.name.clone()).collect(),
        light: state.light,
        overdue: state.overdue,
        progress: state.progress,
        deadline: state.deadline.clone(),
    }
}

/// The period before `period` in the plan year, if any.
fn previous(period: Period) -> Option<Period> {
    match period {
        Period::Month { year, month } if month > 1 => Some(Period::Month {
            year,
            month: month - 1,
        }),
        Period::Quarter { year, quarter } if quarter > 1 => Some(Period::Quarter {
            year,
            quarter: quarter - 1,
        }),
        _ => None,
    }
}

/// The bulletin for `period` as of `as_of` (who has reported is judged on that day).
pub fn bulletin(plan: &Plan, ops: &[Op], period: Period, as_of: Date) -> Bulletin {
    let end = period.last_day();
    let view = fold_at(plan, ops, &end.iso());
    let before = previous(period).map(|p| (p, fold_at(plan, ops, &p.last_day().iso())));
    let tasks: Vec<TaskLine> = plan
        .tasks
        .iter()
        .filter_map(|t| view.tasks.get(&t.id()).map(|s| line(t, s)))
        .collect();
    let counts = Light::ALL
        .into_iter()
        .map(|l| (l, tasks.iter().filter(|t| t.light == l).count()))
        .collect();
    let lagging = tasks
        .iter()
        .filter(|t| t.light == Light::Behind || t.overdue)
        .cloned()
        .collect();
    let c = cycle::cycle(plan, ops);
    let units = reporting_units(plan);
    let missing_units: Vec<String> = units
        .iter()
        .filter(|u| {
            matches!(
                c.standing(u, period, view.schedule, as_of),
                Standing::Missing { .. }
            )
        })
        .cloned()
        .collect();
    let targets = plan
        .tasks
        .iter()
        .flat_map(|t| t.targets.iter().map(move |k| (t, k)))
        .map(|(task, target)| {
            let state = view.targets.get(&target.id);
            let latest = |region: &Region| {
                state
                    .and_then(|s| s.series.get(region))
                    .and_then(|s| s.iter().rev().find(|r| r.as_of <= end.iso()))
                    .map(|r| r.value)
            };
            let mut places: Vec<PlaceFigure> = target
                .split
                .iter()
                .map(|s| PlaceFigure {
                    place: s.place.clone(),
                    planned: s.value,
                    actual: latest(&Region::Place(s.place.clone())),
                })
                .collect();
            // The total is known when reported as such, or when every place has reported.
            let total = latest(&Region::Total).or_else(|| {
                let sum: Option<f64> = places.iter().map(|p| p.actual).sum();
                sum.filter(|_| !places.is_empty())
            });
            places.push(PlaceFigure {
                place: "合计".into(),
                planned: target.value,
                actual: total,
            });
            TargetLine {
                task: task.number,
                indicator: target.indicator.clone(),
                measure: target.measure.clone(),
                places,
            }
        })
        .collect();
    let changes = before
        .as_ref()
        .map(|(_, prev)| {
            plan.tasks
                .iter()
                .filter_map(|t| {
                    let a = prev.tasks.get(&t.id())?.light;
                    let b = view.tasks.get(&t.id())?.light;
                    (a != b).then_some(Change {
                        number: t.number,
                        before: a,
                        after: b,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Bulletin {
        plan_title: plan.meta.title.clone(),
        period,
        previous: before.map(|(p, _)| p),
        as_of,
        overdue_count: tasks.iter().filter(|t| t.overdue).count(),
        total: tasks.len(),
        counts,
        lagging,
        submitted_units: units.len() - missing_units.len(),
        missing_units,
        targets,
        changes,
        tasks,
    }
}

impl PlaceFigure {
    /// Attainment as a share of the planned figure, when both are known.
    pub fn attainment(&self) -> Option<f64> {
        self.actual
            .filter(|_| self.planned != 0.0)
            .map(|a| a / self.planned)
    }
}
