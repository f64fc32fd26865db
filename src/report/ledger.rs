//! 台账: one row per task with the 任务分工表 columns (序号, 任务, 牵头单位, 实施单位, 配合单位, 完成时限), the
//! task's category and percent for the period, and one column per period with every unit's 本期进展 — the
//! workbook the office keeps and circulates. Built from the journal; written to .xlsx by `office::xlsx`.

use serde::{Deserialize, Serialize};

use crate::journal::{Light, Op, Period, TextPart, fold_at};
use crate::plan::{Plan, Role};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ledger {
    pub title: String,
    /// `2020年4月` for each period column, oldest first.
    pub periods: Vec<String>,
    pub rows: Vec<LedgerRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerRow {
    pub number: u32,
    pub task: String,
    pub lead: String,
    pub implementing: String,
    pub cooperating: String,
    pub deadline: String,
    /// The category in words (`欠进度（逾期）`) and as a slug for its colour (`behind`).
    pub category: String,
    pub light: String,
    pub percent: u8,
    /// One text per period: `兰州市：…\n白银市：…`, empty when no unit reported.
    pub progress: Vec<String>,
}

/// The ledger from the first period of the year up to `upto`.
pub fn ledger(plan: &Plan, ops: &[Op], upto: Period, periods: &[Period]) -> Ledger {
    let views: Vec<_> = periods
        .iter()
        .filter(|p| **p <= upto)
        .map(|p| (p, fold_at(plan, ops, &p.last_day().iso())))
        .collect();
    let now = fold_at(plan, ops, &upto.last_day().iso());
    let names = |task: &crate::plan::Task, role: Role| {
        task.roles
            .get(role)
            .iter()
            .map(|u| u.name.clone())
            .collect::<Vec<_>>()
            .join("、")
    };
    let rows = plan
        .tasks
        .iter()
        .map(|task| {
            let id = task.id();
            let state = now.tasks.get(&id);
            let light = state.map_or(Light::NotReported, |s| s.light);
            let overdue = state.is_some_and(|s| s.overdue);
            let progress = views
                .iter()
                .map(|(_, v)| {
                    v.tasks
                        .get(&id)
                        .map(|s| {
                            s.reports
                                .iter()
                                .filter(|r| r.current)
                                .filter_map(|r| {
                                    let text = r.texts.get(&TextPart::Progress)?;
                                    let unit = r.unit.clone().unwrap_or_default();
                                    Some(format!("{unit}：{text}"))
                                })
                                .collect::<Vec<_>>()
                                .join("\n")
                        })
                        .unwrap_or_default()
                })
                .collect();
            LedgerRow {
                number: task.number,
                task: task.text.clone(),
                lead: names(task, Role::Lead),
                implementing: names(task, Role::Implementing),
                cooperating: names(task, Role::Cooperating),
                deadline: state.map(|s| s.deadline.clone()).unwrap_or_default(),
                category: if overdue {
                    format!("{}（逾期）", light.label_zh())
                } else {
                    light.label_zh().to_string()
                },
                light: light.slug().to_string(),
                percent: state.map_or(0, |s| s.progress),
                progress,
            }
        })
        .collect();
    Ledger {
        title: format!("{}工作台账", plan.meta.title),
        periods: views
            .iter()
            .map(|(p, _)| p.label(crate::i18n::Lang::Zh))
            .collect(),
        rows,
    }
}
