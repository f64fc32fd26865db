//! A task's reports by unit for the period under review: the table of every unit's latest report with the
//! derived task state above it, and the form in which the person's own unit (我的单位) reports. A unit
//! writes only its own report; the coordinating unit may correct any, choosing whose.

use super::edits::use_edits;
use super::guarded_field::GuardedField;
use super::pace::LightBadge;
use super::state::{tr, use_lang, use_my_unit, use_plan};
use crate::i18n::Lang;
use crate::journal::permit::{is_coordinator, is_responsible};
use crate::journal::reports::{RULE_EN, RULE_ZH};
use crate::journal::{Light, OpKind, Status, TextPart, UNSPECIFIED_UNIT, UnitReport};
use crate::plan::Task;
use leptos::prelude::*;

/// `2020年12月（每月 25 日前报送，截止 2020-12-25）`: the period under review and when its reports are due.
pub fn period_words(view: &crate::journal::ViewState, lang: Lang) -> String {
    let due = view.period.due_date(view.schedule.due_day).iso();
    let label = view.period.label(lang);
    let rule = view.schedule.describe(lang);
    match lang {
        Lang::Zh => format!("{label}（{rule}，截止 {due}）"),
        Lang::En => format!("{label} ({rule}; due {due})"),
    }
}

fn unit_name(report: &UnitReport, lang: Lang) -> String {
    match &report.unit {
        Some(u) => u.clone(),
        None => lang.pick(UNSPECIFIED_UNIT, "Unit not recorded").to_string(),
    }
}

/// Every unit's report on the task for the period, and the task state derived from them.
#[component]
pub fn UnitReports(task: Task) -> impl IntoView {
    let edits = use_edits();
    let lang = use_lang();
    let id = task.id();
    let state = Memo::new(move |_| edits.view.read().tasks.get(&id).cloned());
    let rows = move || {
        let lang = lang.get();
        let Some(state) = state.get() else {
            return ().into_any();
        };
        if state.reports.is_empty() {
            return view! { <p class="muted" id="no-reports">{lang.pick("本期尚无单位报送。", "No unit has reported for this period yet.")}</p> }.into_any();
        }
        let body = state
            .reports
            .iter()
            .map(|r| {
                let role = r.role.map(|role| lang.role(role)).unwrap_or("—");
                let values_from = r
                    .values_period
                    .filter(|_| !r.current)
                    .map(|p| format!("（{}）", p.label(lang)));
                let status = r
                    .status
                    .map(|s| lang.pick(s.label_zh(), s.label_en()).to_string())
                    .unwrap_or_else(|| "—".into());
                let percent = r.percent.map(|p| format!("{p}%")).unwrap_or_else(|| "—".into());
                let text = TextPart::ALL
                    .into_iter()
                    .filter_map(|part| {
                        r.texts.get(&part).map(|t| {
                            format!("{}：{t}", lang.pick(part.label_zh(), part.label_en()))
                        })
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                let who = r.by.clone().unwrap_or_else(|| "—".into());
                let when = (r.at > 0).then(|| super::history::when(r.at));
                let corrected = r.corrected().then(|| {
                    format!(
                        "{}{}",
                        lang.pick("由汇总单位更正：", "Corrected by the coordinating unit: "),
                        r.writer.clone().unwrap_or_default()
                    )
                });
                let light = r.light;
                view! {
                    <tr class=if r.role == Some(crate::plan::Role::Lead) { "lead-row" } else { "" } data-unit=r.unit.clone().unwrap_or_default()>
                        <th scope="row">{unit_name(r, lang)}<br/><span class="muted">{role}</span></th>
                        <td><LightBadge light/></td>
                        <td>{status}{values_from.clone()}</td>
                        <td class="num">{percent}</td>
                        <td class="report-text">{text}</td>
                        <td>{who}<br/><span class="muted">{when}</span>{corrected.map(|c| view! { <br/><span class="corrected">{c}</span> })}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="unit-reports">
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("单位", "Unit")}</th>
                        <th scope="col">{lang.pick("本期", "This period")}</th>
                        <th scope="col">{lang.pick("状态", "Status")}</th>
                        <th scope="col">{lang.pick("进度", "Progress")}</th>
                        <th scope="col">{lang.pick("报告", "Report")}</th>
                        <th scope="col">{lang.pick("填报人", "Reported by")}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        }
        .into_any()
    };
    let derived = move || {
        let lang = lang.get();
        state.get().map(|s| {
            let light = s.light;
            let overdue = s.overdue;
            let words = if light == Light::NotReported {
                lang.pick(
                    "牵头单位本期未全部报送",
                    "not every lead unit has reported for this period",
                )
                .to_string()
            } else {
                format!(
                    "{} {}%",
                    lang.pick(s.status.label_zh(), s.status.label_en()),
                    s.progress
                )
            };
            view! {
                <p class="derived" id="derived-state">
                    <strong>{lang.pick("任务本期状态：", "Task this period: ")}</strong>
                    <LightBadge light overdue/>" "{words}
                </p>
            }
        })
    };
    let period = move || period_words(&edits.view.read(), lang.get());
    view! {
        <section class="reports" aria-labelledby="reports-title">
            <h2 id="reports-title">{tr("各单位报送", "Reports by unit")}</h2>
            <p class="period">{tr("报告期：", "Period: ")}{period}</p>
            {derived}
            {rows}
            <p class="rule">{move || lang.get().pick(RULE_ZH, RULE_EN)}</p>
        </section>
    }
}

/// Which unit's report the person writes here: their own, or — for the coordinating unit — the one chosen.
/// `None` when their unit has no part in the task.
pub(super) fn writable_unit(
    task: &Task,
    mine: Option<&str>,
    chosen: Option<&str>,
    plan: &crate::plan::Plan,
) -> Option<String> {
    let mine = mine?;
    if is_coordinator(plan, mine) {
        // The office writes its own report where it has a part, else corrects a lead unit's by default.
        let default = if is_responsible(task, mine) {
            Some(mine)
        } else {
            task.roles.iter().next().map(|(_, u)| u.unit.as_str())
        };
        return chosen.or(default).map(str::to_string);
    }
    is_responsible(task, mine).then(|| mine.to_string())
}

/// The person's own report on the task for the period: status, percent, and the three texts. On 报送
/// (`in_list`) many forms share a page: no element ids, and the required fields (状态, 本期进展) are marked.
#[component]
pub fn ReportForm(task: Task, #[prop(optional)] in_list: bool) -> impl IntoView {
    let edits = use_edits();
    let lang = use_lang();
    let plan = use_plan();
    let my_unit = use_my_unit();
    let chosen = RwSignal::new(None::<String>);
    let task_id = task.id();
    let task_for_unit = task.clone();
    let unit = Memo::new(move |_| {
        writable_unit(
            &task_for_unit,
            my_unit.get().as_deref(),
            chosen.get().as_deref(),
            &plan.read(),
        )
    });
    let report = {
        let task_id = task_id.clone();
        Memo::new(move |_| {
            let unit = unit.get()?;
            edits
                .view
                .read()
                .tasks
                .get(&task_id)?
                .reports
                .iter()
                .find(|r| r.unit.as_deref() == Some(unit.as_str()))
                .cloned()
        })
    };
    let period = Memo::new(move |_| edits.view.read().period.key());
    let error = RwSignal::new(None::<&'static str>);
    let percent: GuardedField = GuardedField::new(move || {
        report
            .read()
            .as_ref()
            .and_then(|r| r.percent)
            .map(|p| p.to_string())
            .unwrap_or_default()
    });
    let record = move |make: &dyn Fn(String, String) -> OpKind| {
        // With no unit chosen yet, the edit waits for the prompt (see `Edits::record`).
        let who = unit
            .get_untracked()
            .or_else(|| my_unit.get_untracked())
            .unwrap_or_default();
        edits.record(make(who, period.get_untracked()));
    };
    let status_select = {
        let task_id = task_id.clone();
        super::settled_select::SettledSelect::new(move |value: String| {
            if let Some(status) = Status::ALL.into_iter().find(|s| format!("{s:?}") == value) {
                record(&|unit, period| OpKind::SetStatus {
                    task: task_id.clone(),
                    unit: Some(unit),
                    period: Some(period),
                    status,
                });
            }
        })
    };
    let on_percent = {
        let task_id = task_id.clone();
        move |ev: leptos::ev::Event| match event_target_value(&ev).trim().parse::<f64>() {
            Ok(p) if (0.0..=100.0).contains(&p) => {
                percent.committed();
                error.set(None);
                let percent = p.round() as u8;
                record(&|unit, period| OpKind::SetProgress {
                    task: task_id.clone(),
                    unit: Some(unit),
                    period: Some(period),
                    percent,
                });
            }
            _ => error.set(Some(
                "进度须为 0 到 100 之间的数字 / Progress must be a number from 0 to 100",
            )),
        }
    };
    let texts = TextPart::ALL
        .into_iter()
        .map(|part| {
            let task_id = task_id.clone();
            let field: GuardedField<leptos::html::Textarea> = GuardedField::new(move || report.read().as_ref().and_then(|r| r.texts.get(&part).cloned()).unwrap_or_default());
            let on_change = move |ev: leptos::ev::Event| {
                let text = event_target_value(&ev);
                field.committed();
                record(&|unit, period| OpKind::SetReport { task: task_id.clone(), unit, period, part, text: text.clone() });
            };
            view! {
                <label class="wide" class:required=in_list && part == TextPart::Progress>
                    <span>{move || lang.get().pick(part.label_zh(), part.label_en())}</span>
                    <textarea rows="2" id=(!in_list).then(|| format!("report-{part:?}").to_lowercase())
                        data-part=format!("{part:?}").to_lowercase() node_ref=field.node
                        on:input=move |_| field.typed() on:blur=move |_| field.left() on:change=on_change></textarea>
                </label>
            }
        })
        .collect_view();
    let status_options = move || {
        let current = report.read().as_ref().and_then(|r| r.status);
        // On 报送 a status nobody chose shows as such, not as 未开始: it is a required field still empty.
        let blank = (in_list && current.is_none()).then(|| {
            view! { <option value="" selected=true disabled=true>{lang.get().pick("请选择", "Choose")}</option> }
        });
        let options = Status::ALL
            .into_iter()
            .map(|s| view! { <option value=format!("{s:?}") selected=current == Some(s)>{lang.get().pick(s.label_zh(), s.label_en())}</option> })
            .collect_view();
        (blank, options)
    };
    let task_for_pick = task.clone();
    let coordinator_pick = move || {
        let plan = plan.read();
        let mine = my_unit.get()?;
        if !is_coordinator(&plan, &mine) {
            return None;
        }
        let units: Vec<String> = task_for_pick
            .roles
            .iter()
            .map(|(_, u)| u.unit.clone())
            .collect();
        Some(view! {
            <label>
                <span>{tr("代为更正（汇总单位）", "Correct the report of (coordinating unit)")}</span>
                <select id="report-for" on:change=move |ev| { let v = event_target_value(&ev); chosen.set((!v.is_empty()).then_some(v)); }>
                    {units.into_iter().map(|u| { let selected = unit.get_untracked().as_deref() == Some(u.as_str()); view! { <option value=u.clone() selected=selected>{u.clone()}</option> } }).collect_view()}
                </select>
            </label>
        })
    };
    let heading = move || {
        let lang = lang.get();
        match (unit.get(), my_unit.get()) {
            (Some(u), Some(mine)) if u != mine => match lang {
                Lang::Zh => {
                    format!("{mine}（汇总单位）正在更正 {u} 的报告，历史中记为汇总单位的更正。")
                }
                Lang::En => format!(
                    "{mine} (coordinating unit) is correcting {u}'s report; history records it as the office's correction."
                ),
            },
            (Some(u), _) => format!("{}{u}", lang.pick("本单位报送：", "Report of ")),
            (None, Some(mine)) => format!(
                "{mine}{}",
                lang.pick(
                    " 不是本任务的责任单位，无需报送。",
                    " has no part in this task and does not report on it."
                )
            ),
            (None, None) => lang
                .pick(
                    "报送前请先选择“我的单位”。",
                    "Choose “My unit” before reporting.",
                )
                .to_string(),
        }
    };
    let can_write = move || unit.get().is_some() || my_unit.get().is_none();
    // The office's reason when it returned this unit's report on this task for the period (审核 / 退回).
    let returned = {
        let task_id = task_id.clone();
        move || {
            let unit = unit.get()?;
            let view = edits.view.read();
            let c = edits
                .ops
                .with(|ops| crate::journal::cycle::cycle(&plan.read(), ops));
            let review = c
                .latest(&unit, view.period, view.schedule)?
                .review
                .clone()?;
            if review.verdict != crate::journal::cycle::Verdict::Returned {
                return None;
            }
            let reason = review.tasks.into_iter().find(|t| t.task == task_id)?;
            Some(
                view! { <p class="return-reason" id="task-return-reason" role="note">{format!("{}{}", lang.get().pick("本期报送被退回：", "Returned this period: "), reason.reason)}</p> },
            )
        }
    };
    view! {
        <section class="editor report-form" aria-labelledby=(!in_list).then_some("editor-title")>
            {(!in_list).then(|| view! {
                <h2 id="editor-title">{tr("本期报送", "Report for this period")}</h2>
                <p class="who" id="report-who">{heading}</p>
                {coordinator_pick}
                {returned}
            })}
            <Show when=can_write>
                <div class="editor-grid">
                    <label class:required=in_list>
                        <span>{tr("状态", "Status")}</span>
                        <select id=(!in_list).then_some("task-status") class="task-status" aria-label=tr("状态", "Status")
                            on:keydown=move |ev| status_select.keydown(&ev) on:change=move |ev| status_select.change(&ev) on:blur=move |_| status_select.settle()>{status_options}</select>
                    </label>
                    <label>
                        <span>{tr("进度（%）", "Progress (%)")}</span>
                        <input id=(!in_list).then_some("task-progress") class="task-progress" type="number" min="0" max="100" step="5" aria-label=tr("进度", "Progress")
                            node_ref=percent.node on:input=move |_| percent.typed() on:blur=move |_| percent.left() on:change=on_percent.clone()/>
                    </label>
                </div>
                {percent.notice("进度", "progress", |v| format!("{v}%"))}
            </Show>
            <div class="report-texts" class:hidden=move || !can_write()>{texts}</div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}
