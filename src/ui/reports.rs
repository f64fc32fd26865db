//! The form in which the person's own unit (我的单位) reports on a task for the period under review (the table
//! of every unit's report is `report_table`). A unit writes only its own report; the coordinating unit may
//! correct any, choosing whose.

use super::edits::use_edits;
use super::guarded_field::GuardedField;
use super::state::{tr, use_lang, use_my_unit, use_plan};
use crate::i18n::Lang;
use crate::journal::permit::{is_coordinator, is_responsible};
use crate::journal::{OpKind, Status, TextPart};
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
    let record_status = {
        let task_id = task_id.clone();
        Callback::new(move |status: Status| {
            record(&|unit, period| OpKind::SetStatus {
                task: task_id.clone(),
                unit: Some(unit),
                period: Some(period),
                status,
            })
        })
    };
    // 已完成 against the figures waits for the person's answer (see `done_check`).
    let pending_done = RwSignal::new(None::<super::done_check::PendingDone>);
    let status_ref = NodeRef::<leptos::html::Select>::new();
    let status_select = {
        let task = task.clone();
        super::settled_select::SettledSelect::new(move |value: String| {
            let Some(status) = Status::ALL.into_iter().find(|s| format!("{s:?}") == value) else {
                return;
            };
            if status == Status::Done {
                let percent = report.get_untracked().and_then(|r| r.percent);
                let check = super::done_check::check_done(
                    &task,
                    percent,
                    &edits.view.read_untracked(),
                    lang.get_untracked(),
                );
                if check.is_some() {
                    pending_done.set(check);
                    return;
                }
            }
            record_status.run(status);
        })
    };
    let on_done = {
        let task_id = task_id.clone();
        Callback::new(move |with_100: bool| {
            pending_done.set(None);
            if with_100 {
                record(&|unit, period| OpKind::SetProgress {
                    task: task_id.clone(),
                    unit: Some(unit),
                    period: Some(period),
                    percent: 100,
                });
            }
            record_status.run(Status::Done);
        })
    };
    let on_cancel = Callback::new(move |()| {
        pending_done.set(None);
        // The list shows the choice that was not saved: put the saved one back.
        let saved = report
            .get_untracked()
            .and_then(|r| r.status)
            .unwrap_or_default();
        if let Some(select) = status_ref.get_untracked() {
            select.set_value(&format!("{saved:?}"));
        }
    });
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
    let mismatch = {
        let task = task.clone();
        Memo::new(move |_| {
            let r = report.get().filter(|r| r.status == Some(Status::Done))?;
            super::done_check::check_done(&task, r.percent, &edits.view.read(), lang.get())
        })
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
                        <select id=(!in_list).then_some("task-status") class="task-status" aria-label=tr("状态", "Status") node_ref=status_ref
                            on:keydown=move |ev| status_select.keydown(&ev) on:change=move |ev| status_select.change(&ev) on:blur=move |_| status_select.settle()>{status_options}</select>
                    </label>
                    <label>
                        <span>{tr("进度（%）", "Progress (%)")}</span>
                        <input id=(!in_list).then_some("task-progress") class="task-progress" type="number" min="0" max="100" step="5" aria-label=tr("进度", "Progress")
                            node_ref=percent.node on:input=move |_| percent.typed() on:blur=move |_| percent.left() on:change=on_percent.clone()/>
                    </label>
                </div>
                {percent.notice("进度", "progress", |v| format!("{v}%"))}
                <super::done_check::DoneConfirm pending=pending_done on_done on_cancel/>
                {move || mismatch.get().map(|m| super::done_check::mismatch_note(m.words, lang.get()))}
            </Show>
            <div class="report-texts" class:hidden=move || !can_write()>{texts}</div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}
