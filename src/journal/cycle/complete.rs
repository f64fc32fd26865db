//! What a unit's report still lacks before it is sealed: for each task it leads or implements, a status
//! reported for the period and a 本期进展 text. The 报送 page lists these before submitting, so nobody sends
//! a report the office will return for a blank field.

use crate::journal::ViewState;
use crate::journal::op::TextPart;
use crate::plan::Plan;

/// A required part of a task's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// No status reported for this period.
    Status,
    /// No 本期进展 text for this period.
    Progress,
}

impl Gap {
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            Gap::Status => lang.pick("状态", "status"),
            Gap::Progress => lang.pick("本期进展", "progress this period"),
        }
    }
}

/// The unit's tasks (主办) whose report for the period under review is incomplete, in plan order.
pub fn gaps(plan: &Plan, view: &ViewState, unit: &str) -> Vec<(u32, Vec<Gap>)> {
    let (main, _) = super::report_tasks(plan, unit);
    main.into_iter()
        .filter_map(|task| {
            let state = view.tasks.get(&task.id())?;
            let report = state
                .reports
                .iter()
                .find(|r| r.unit.as_deref() == Some(unit));
            let mut missing = Vec::new();
            let status_now = report.is_some_and(|r| {
                r.status.is_some()
                    && r.values_period.map(|p| p.under(view.schedule.cadence)) == Some(view.period)
            });
            if !status_now {
                missing.push(Gap::Status);
            }
            let text_now = report
                .and_then(|r| r.texts.get(&TextPart::Progress))
                .is_some_and(|t| !t.trim().is_empty());
            if !text_now {
                missing.push(Gap::Progress);
            }
            (!missing.is_empty()).then_some((task.number, missing))
        })
        .collect()
}
