//! The 任务分工表 the reviewers print and pass round on paper (序号 / 任务 / 牵头单位 / 实施单位 / 配合单位 / 目标 /
//! 进展 / 状态), built once from the plan and the folded edits so the print view, the CSV and the HTML report
//! can never disagree. Pure: no browser, tested natively.

pub mod bulletin;
pub mod bulletin_doc;
pub mod html;
pub mod ledger;
pub mod office;

use crate::i18n::{Lang, format_number};
use crate::journal::{Light, Region, TaskState, ViewState};
use crate::plan::matrix::csv_line;
use crate::plan::query::target_value_label;
use crate::plan::{Plan, Role, Task};

/// The whole table: heading facts and the rows grouped as the plan groups them.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub title: String,
    pub review_date: String,
    /// Says the text is one installment of several, so a printed table never looks like the whole plan.
    pub coverage: Option<String>,
    pub groups: Vec<ReportGroup>,
}

/// One task group, e.g. (一)加强顶层设计…, with its tasks.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportGroup {
    /// "(一)加强顶层设计…" as printed.
    pub heading: String,
    pub rows: Vec<ReportRow>,
}

/// One task as a row of the table; every cell already in words.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRow {
    pub number: u32,
    pub task: String,
    pub lead: String,
    pub implementing: String,
    pub cooperating: String,
    pub targets: String,
    pub progress: String,
    pub status: String,
    /// The task's light for the period under review (未填报 until its leads report), as the dots show it.
    pub pace: Light,
}

/// Column headings in table order.
pub fn columns(lang: Lang) -> [&'static str; 8] {
    [
        lang.pick("序号", "No."),
        lang.pick("任务", "Task"),
        lang.pick("牵头单位", "Lead"),
        lang.pick("实施单位", "Implementing"),
        lang.pick("配合单位", "Cooperating"),
        lang.pick("目标", "Targets"),
        lang.pick("进展", "Progress"),
        lang.pick("状态", "Status"),
    ]
}

impl ReportRow {
    /// The cells in [`columns`] order.
    pub fn cells(&self) -> [String; 8] {
        [
            self.number.to_string(),
            self.task.clone(),
            self.lead.clone(),
            self.implementing.clone(),
            self.cooperating.clone(),
            self.targets.clone(),
            self.progress.clone(),
            self.status.clone(),
        ]
    }
}

/// Builds the table for the plan as the edits leave it, at `review_date`.
pub fn build(plan: &Plan, view: &ViewState, review_date: &str, lang: Lang) -> Report {
    let groups = plan
        .groups
        .iter()
        .map(|g| ReportGroup {
            heading: format!("({}){}", g.numeral, g.title),
            rows: plan
                .tasks_in_group(g.number)
                .map(|t| row(view, t, lang))
                .collect(),
        })
        .collect();
    let coverage = plan.meta.installment.as_ref().map(|i| match lang {
        Lang::Zh => format!(
            "本表据原文第{}期（共{}期）编制，含任务1至{}；其后任务见第{}期，未收录。",
            i.number,
            i.of,
            i.last_task,
            i.number + 1
        ),
        Lang::En => format!(
            "From installment {} of {} of the text: tasks 1 to {}; later tasks were printed elsewhere and are not included.",
            i.number, i.of, i.last_task
        ),
    });
    Report {
        title: plan.meta.title.clone(),
        review_date: review_date.to_string(),
        coverage,
        groups,
    }
}

fn row(view: &ViewState, task: &Task, lang: Lang) -> ReportRow {
    let units = |role: Role| {
        task.roles
            .get(role)
            .iter()
            .map(|u| u.name.as_str())
            .collect::<Vec<_>>()
            .join("、")
    };
    let state = view.tasks.get(&task.id());
    let pace = state.map_or(Light::NotReported, |s| s.light);
    ReportRow {
        number: task.number,
        task: task.text.clone(),
        lead: units(Role::Lead),
        implementing: units(Role::Implementing),
        cooperating: units(Role::Cooperating),
        targets: targets_text(task, view),
        progress: state.map(|s| progress_text(s, lang)).unwrap_or_default(),
        status: status_text(task, view, state, pace, lang),
        pace,
    }
}

/// Each target as the source words it, its city split and the actual figure reported so far; then the
/// deadline when the source gives one.
fn targets_text(task: &Task, view: &ViewState) -> String {
    let mut parts: Vec<String> = task
        .targets
        .iter()
        .map(|t| {
            let mut s = format!("{}{}{}", t.action, t.indicator, target_value_label(t));
            if !t.split.is_empty() {
                let split: Vec<String> = t
                    .split
                    .iter()
                    .map(|p| format!("{}{}", p.place, format_number(p.value)))
                    .collect();
                s.push_str(&format!("（{}）", split.join("、")));
            }
            let state = view.targets.get(&t.id);
            let standing = crate::journal::standing::target_standing(t, state, 0, "");
            if let crate::journal::standing::TargetStanding::Partial(places) = &standing {
                // The total is unknown until every place has reported: no "实际15" as if it were.
                let places: Vec<String> = places
                    .iter()
                    .map(|(place, figure)| match figure {
                        Some(f) if f.met.is_some() => format!(
                            "{place}{}{}（{}）",
                            format_number(f.actual),
                            t.measure,
                            if f.met == Some(true) {
                                "达标"
                            } else {
                                "未达标"
                            }
                        ),
                        Some(f) => format!(
                            "{place}{}/{}{}",
                            format_number(f.actual),
                            format_number(f.planned),
                            f.attainment
                                .map(|a| format!("（{:.0}%）", a * 100.0))
                                .unwrap_or_default()
                        ),
                        None => format!("{place}未填报"),
                    })
                    .collect();
                s.push_str(&format!("，{}", places.join("、")));
            }
            if let (Some(state), crate::journal::standing::TargetStanding::Whole(whole)) =
                (state, &standing)
            {
                s.push_str(&format!("，实际{}", format_number(whole.actual)));
                let places: Vec<String> = state
                    .series
                    .keys()
                    .filter_map(|r| match r {
                        Region::Place(p) => state
                            .latest(r)
                            .map(|v| format!("{p}{}", format_number(v.value))),
                        Region::Total => None,
                    })
                    .collect();
                if !places.is_empty() {
                    s.push_str(&format!("（{}）", places.join("、")));
                }
            }
            s
        })
        .collect();
    if let Some(deadline) = &task.deadline {
        parts.push(format!("时限：{}", deadline.text));
    }
    parts.join("；")
}

/// "40%" and the latest note with its date.
fn progress_text(state: &TaskState, lang: Lang) -> String {
    let mut s = format!("{}%", state.progress);
    if let Some(note) = state.notes.last() {
        let sep = lang.pick("；", "; ");
        s.push_str(&format!("{sep}{} {}", note.date, note.text));
    }
    s
}

/// Status and light, e.g. "推进中 · 达进度" or "未开始 · 未填报", and "· 逾期" when past the deadline and
/// not done.
/// A 已完成 the figures contradict says so ("· 待核对：进度为 90%；…"), never a bare "已完成 · 符合序时".
fn status_text(
    task: &Task,
    view: &ViewState,
    state: Option<&TaskState>,
    light: Light,
    lang: Lang,
) -> String {
    let status = state.map(|s| s.status).unwrap_or_default();
    let mut text = format!(
        "{} · {}",
        lang.pick(status.label_zh(), status.label_en()),
        lang.pick(light.label_zh(), light.label_en())
    );
    if state.is_some_and(|s| s.overdue) {
        text.push_str(lang.pick(" · 逾期", " · overdue"));
    }
    if let Some(state) = state.filter(|s| s.status == crate::journal::Status::Done) {
        let found = crate::journal::consistency::done_mismatches(task, Some(state.progress), view);
        if !found.is_empty() {
            let words: Vec<String> = found.iter().map(|m| m.words(lang)).collect();
            text.push_str(lang.pick(" · 待核对：", " · to check: "));
            text.push_str(&words.join(lang.pick("；", "; ")));
        }
    }
    text
}

/// The table as CSV for a spreadsheet: a group heading line before each group's rows, UTF-8 with BOM and
/// CRLF like the matrix CSV (Excel on Chinese Windows reads BOM-less UTF-8 as GBK).
pub fn report_csv(report: &Report, lang: Lang) -> String {
    let header: Vec<String> = columns(lang).iter().map(|c| c.to_string()).collect();
    let mut lines = vec![csv_line(&header)];
    for group in &report.groups {
        lines.push(csv_line(std::slice::from_ref(&group.heading)));
        for row in &group.rows {
            lines.push(csv_line(&row.cells()));
        }
    }
    format!("\u{FEFF}{}\r\n", lines.join("\r\n"))
}

/// One unit's duty list (责任清单) with progress, as CSV: the unit's role in each task it is named in, then
/// the same cells as the 任务分工表. `None` when the plan has no such unit.
pub fn unit_duties_csv(plan: &Plan, view: &ViewState, unit_id: &str, lang: Lang) -> Option<String> {
    let unit = plan.unit(unit_id)?;
    let mut header = vec![lang.pick("本单位职责", "Role of this unit").to_string()];
    header.extend(columns(lang).iter().map(|c| c.to_string()));
    let mut lines = vec![csv_line(&header)];
    for task in &plan.tasks {
        let roles = plan.roles_of(task, &unit.id);
        if roles.is_empty() {
            continue;
        }
        let role_words: Vec<&str> = roles.iter().map(|r| lang.role(*r)).collect();
        let mut fields = vec![role_words.join("/")];
        fields.extend(row(view, task, lang).cells());
        lines.push(csv_line(&fields));
    }
    Some(format!("\u{FEFF}{}\r\n", lines.join("\r\n")))
}

/// A file name safe on Windows, macOS and Linux: characters none of them allow become "_".
pub fn file_name(stem: &str, review_date: &str, ext: &str) -> String {
    let clean: String = stem
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{clean}-{review_date}.{ext}")
}

#[cfg(test)]
mod tests;
