//! 催办: the reminder the coordinating office sends a unit that has not reported, in the standard wording of a
//! 督办 notice — whom it is for, what is due by when, how late it is, which tasks, and who sends it — ready to
//! paste into a message or a 督办单.

use super::{Cycle, Standing, report_tasks};
use crate::date::Date;
use crate::i18n::Lang;
use crate::journal::period::{Period, Schedule};
use crate::plan::{Plan, Task};

/// `2020年4月25日`
fn long_date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year, d.month, d.day),
        Lang::En => d.iso(),
    }
}

fn task_list(tasks: &[&Task], lang: Lang) -> String {
    tasks
        .iter()
        .map(|t| {
            let short: String = t.text.chars().take(24).collect();
            let more = if t.text.chars().count() > 24 {
                "…"
            } else {
                ""
            };
            match lang {
                Lang::Zh => format!("任务{}（{short}{more}）", t.number),
                Lang::En => format!("task {} ({short}{more})", t.number),
            }
        })
        .collect::<Vec<_>>()
        .join(lang.pick("；", "; "))
}

/// The reminder for one unit and period, as of `today`.
pub fn reminder(
    plan: &Plan,
    unit: &str,
    period: Period,
    schedule: Schedule,
    today: Date,
    lang: Lang,
) -> String {
    let due = period.due_date(schedule.due_day);
    let overdue = (today.days() - due.days()).max(0);
    let (main, cooperating) = report_tasks(plan, unit);
    let sender = plan
        .meta
        .coordinator
        .clone()
        .unwrap_or_else(|| lang.pick("汇总单位", "The coordinating office").to_string());
    let title = &plan.meta.title;
    let label = period.label(lang);
    let mut lines = Vec::new();
    match lang {
        Lang::Zh => {
            lines.push(format!("{unit}："));
            let late = if overdue > 0 {
                format!("，已逾期 {overdue} 天")
            } else {
                String::new()
            };
            lines.push(format!(
                "根据《{title}》报送要求（{}），{label}工作进展应于{}前报送。截至{}，贵单位尚未报送{late}。",
                schedule.describe(lang),
                long_date(due, lang),
                long_date(today, lang),
            ));
            if !main.is_empty() {
                lines.push(format!("贵单位主办任务：{}。", task_list(&main, lang)));
            }
            if !cooperating.is_empty() {
                lines.push(format!(
                    "协办任务：{}（请将意见报牵头单位）。",
                    task_list(&cooperating, lang)
                ));
            }
            lines.push("请抓紧报送。如已报送，请忽略本提醒。".into());
        }
        Lang::En => {
            lines.push(format!("To {unit}:"));
            let late = if overdue > 0 {
                format!(", {overdue} days overdue")
            } else {
                String::new()
            };
            lines.push(format!(
                "Under “{title}” ({}), the report for {label} was due by {}. As of {}, your unit has not submitted it{late}.",
                schedule.describe(lang),
                long_date(due, lang),
                long_date(today, lang),
            ));
            if !main.is_empty() {
                lines.push(format!("Your tasks: {}.", task_list(&main, lang)));
            }
            if !cooperating.is_empty() {
                lines.push(format!(
                    "Tasks you support: {} (send your input to the lead unit).",
                    task_list(&cooperating, lang)
                ));
            }
            lines.push("Please submit it. If you already have, ignore this reminder.".into());
        }
    }
    lines.push(sender);
    lines.push(long_date(today, lang));
    lines.join("\n")
}

/// Every reminder for the units that have not submitted for the period, one after another, for download.
pub fn reminders_text(
    plan: &Plan,
    cycle: &Cycle,
    period: Period,
    schedule: Schedule,
    today: Date,
    lang: Lang,
) -> String {
    super::reporting_units(plan)
        .iter()
        .filter(|u| {
            matches!(
                cycle.standing(u, period, schedule, today),
                Standing::Missing { .. }
            )
        })
        .map(|u| reminder(plan, u, period, schedule, today, lang))
        .collect::<Vec<_>>()
        .join("\n\n————————————————\n\n")
}
