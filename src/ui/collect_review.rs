//! 审核: one unit's submission for one period, opened from the 汇总 table — every version with its 填报人,
//! 联系电话 and 审核人, the unit's report on each of its tasks as of that period, and the decision: 通过, or
//! 退回 with a reason for the whole report and/or per task. The feedback file (反馈) then carries the
//! decision back to the unit.

use super::browser;
use super::edits::{now_ms, use_edits};
use super::state::{tr, use_lang, use_my_unit, use_plan};
use crate::i18n::Lang;
use crate::journal::cycle::{
    self, TaskReason, Verdict, feedback_file_name, feedback_ops, report_tasks,
};
use crate::journal::permit::is_coordinator;
use crate::journal::{OpKind, Period, TextPart, export, fold_at};
use leptos::prelude::*;

#[component]
pub fn SubmissionReview(unit: String, period: Period) -> impl IntoView {
    let lang = use_lang();
    let plan = use_plan();
    let edits = use_edits();
    let my_unit = use_my_unit();
    let cycle = Memo::new(move |_| edits.ops.with(|ops| cycle::cycle(&plan.read(), ops)));
    // The unit's reports as they stand for the chosen period (not the period under review).
    let state = Memo::new(move |_| {
        edits
            .ops
            .with(|ops| fold_at(&plan.read(), ops, &period.last_day().iso()))
    });
    let overall = RwSignal::new(String::new());
    let task_reasons = RwSignal::new(std::collections::BTreeMap::<String, String>::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let tasks: Vec<crate::plan::Task> = report_tasks(&plan.read_untracked(), &unit)
        .0
        .into_iter()
        .cloned()
        .collect();
    let versions = {
        let unit = unit.clone();
        move || {
            let lang = lang.get();
            let c = cycle.read();
            let schedule = edits.view.read().schedule;
            let list = c.versions(&unit, period, schedule);
            if list.is_empty() {
                return view! { <p id="no-submission">{lang.pick("该单位本期尚未报送。", "The unit has not submitted for this period.")}</p> }.into_any();
            }
            let rows = list
                .iter()
                .map(|s| {
                    let verdict = s.review.as_ref().map(|r| {
                        let mut words = lang.pick(r.verdict.label_zh(), r.verdict.label_en()).to_string();
                        if !r.reason.is_empty() {
                            words.push_str(&format!("：{}", r.reason));
                        }
                        words
                    });
                    view! {
                        <tr data-version=s.version.to_string()>
                            <td>{format!("{}{}", lang.pick("第 ", "v"), s.version)}{lang.pick(" 版", "")}</td>
                            <td>{super::history::when(s.at)}</td>
                            <td>{s.by.clone().unwrap_or_default()}</td>
                            <td>{s.phone.clone()}</td>
                            <td>{s.approver.clone()}</td>
                            <td class="num">{s.ops.len()}</td>
                            <td class="verdict">{verdict.unwrap_or_else(|| lang.pick("待审核", "awaiting review").into())}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="h-scroll">
                    <table class="versions" id="submission-versions">
                        <thead><tr>
                            <th scope="col">{lang.pick("版本", "Version")}</th>
                            <th scope="col">{lang.pick("报送时间", "Submitted")}</th>
                            <th scope="col">{lang.pick("填报人", "Reported by")}</th>
                            <th scope="col">{lang.pick("联系电话", "Phone")}</th>
                            <th scope="col">{lang.pick("审核人", "Approved by")}</th>
                            <th scope="col">{lang.pick("修改条数", "Edits")}</th>
                            <th scope="col">{lang.pick("审核结果", "Review")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }
    };
    let task_rows = {
        let unit = unit.clone();
        tasks
            .into_iter()
            .map(|task| {
                let id = task.id();
                let unit = unit.clone();
                let report = {
                    let id = id.clone();
                    move || {
                        let lang = lang.get();
                        let st = state.read();
                        let r = st.tasks.get(&id)?.reports.iter().find(|r| r.unit.as_deref() == Some(unit.as_str()))?.clone();
                        let status = r.status.map(|s| lang.pick(s.label_zh(), s.label_en()).to_string()).unwrap_or_else(|| "—".into());
                        let percent = r.percent.map(|p| format!(" {p}%")).unwrap_or_default();
                        let texts = TextPart::ALL
                            .into_iter()
                            .filter_map(|part| r.texts.get(&part).map(|t| format!("{}：{t}", lang.pick(part.label_zh(), part.label_en()))))
                            .collect::<Vec<_>>()
                            .join("\n");
                        Some(format!("{status}{percent}\n{texts}"))
                    }
                };
                let reason_id = id.clone();
                view! {
                    <tr data-task=id.clone()>
                        <th scope="row"><a href=crate::route::Route::Task(task.number).to_hash()>{format!("{}", task.number)}</a></th>
                        <td class="report-text">{move || report().unwrap_or_else(|| "—".into())}</td>
                        <td><textarea rows="2" class="task-reason" aria-label=move || format!("{} {}", lang.get().pick("退回理由 任务", "Return reason, task"), task.number)
                            on:input=move |ev| { let v = event_target_value(&ev); task_reasons.update(|m| { m.insert(reason_id.clone(), v); }); }></textarea></td>
                    </tr>
                }
            })
            .collect_view()
    };
    let decide = {
        let unit = unit.clone();
        move |verdict: Verdict| {
            let lang = lang.get_untracked();
            let plan_now = plan.get_untracked();
            if !my_unit
                .get_untracked()
                .is_some_and(|m| is_coordinator(&plan_now, &m))
                && plan_now.meta.coordinator.is_some()
            {
                message.set(Some((false, lang.pick("只有汇总单位可以审核：请在页首把工作方式设为“汇总督办”。", "Only the coordinating unit reviews: set the way of working at the top to “Coordinate”.").into())));
                return;
            }
            let schedule = edits.view.read_untracked().schedule;
            let Some(latest) = cycle
                .read_untracked()
                .latest(&unit, period, schedule)
                .cloned()
            else {
                message.set(Some((
                    false,
                    lang.pick(
                        "该单位本期尚未报送，无可审核。",
                        "Nothing to review: the unit has not submitted.",
                    )
                    .into(),
                )));
                return;
            };
            let reason = overall.get_untracked().trim().to_string();
            let tasks: Vec<TaskReason> = task_reasons
                .get_untracked()
                .into_iter()
                .filter(|(_, r)| !r.trim().is_empty())
                .map(|(task, r)| TaskReason {
                    task,
                    reason: r.trim().to_string(),
                })
                .collect();
            if verdict == Verdict::Returned && reason.is_empty() && tasks.is_empty() {
                message.set(Some((
                    false,
                    lang.pick(
                        "退回须写明理由（整份报告或某项任务）。",
                        "A return needs a reason, for the whole report or a task.",
                    )
                    .into(),
                )));
                return;
            }
            edits.record(OpKind::Review {
                submission: latest.id.clone(),
                unit: unit.clone(),
                period: latest.period.key(),
                verdict,
                reason,
                tasks,
            });
            message.set(Some((
                true,
                match (verdict, lang) {
                    (Verdict::Passed, Lang::Zh) => "已通过。请下载反馈文件发给该单位。".into(),
                    (Verdict::Returned, Lang::Zh) => "已退回。请下载反馈文件发给该单位。".into(),
                    (Verdict::Passed, Lang::En) => {
                        "Passed. Download the feedback file and send it to the unit.".into()
                    }
                    (Verdict::Returned, Lang::En) => {
                        "Returned. Download the feedback file and send it to the unit.".into()
                    }
                },
            )));
        }
    };
    let pass = {
        let decide = decide.clone();
        move |_| decide(Verdict::Passed)
    };
    let send_back = move |_| decide(Verdict::Returned);
    let download = {
        let unit = unit.clone();
        move |_| {
            let plan_now = plan.get_untracked();
            let ops = edits
                .ops
                .with_untracked(|ops| feedback_ops(&plan_now, ops, &unit));
            let file = export(&plan_now.id, now_ms(), &ops);
            let name = feedback_file_name(&unit, &period.key());
            if let Err(e) = browser::download(&name, "application/json", &file.to_json()) {
                message.set(Some((false, e)));
            }
        }
    };
    let title = {
        let unit = unit.clone();
        move || {
            format!(
                "{} · {} · {}",
                unit,
                period.label(lang.get()),
                lang.get().pick("审核", "review")
            )
        }
    };
    view! {
        <section class="submission-review" id="submission-review" aria-labelledby="review-title">
            <h2 id="review-title">{title}</h2>
            {versions}
            <div class="h-scroll">
                <table class="review-tasks">
                    <thead><tr>
                        <th scope="col">{tr("任务", "Task")}</th>
                        <th scope="col">{tr("本期报告", "Report for the period")}</th>
                        <th scope="col">{tr("退回理由（按任务）", "Return reason (per task)")}</th>
                    </tr></thead>
                    <tbody>{task_rows}</tbody>
                </table>
            </div>
            <label class="review-note">
                <span>{tr("审核意见 / 退回理由（整份报告）", "Review note / reason (whole report)")}</span>
                <textarea id="review-reason" rows="2" prop:value=move || overall.get() on:input=move |ev| overall.set(event_target_value(&ev))></textarea>
            </label>
            <div class="toolbar">
                <button id="review-pass" class="primary" on:click=pass>{tr("通过", "Pass")}</button>
                <button id="review-return" on:click=send_back>{tr("退回", "Return")}</button>
                <button id="download-feedback" on:click=download>{tr("下载反馈文件", "Download the feedback file")}</button>
            </div>
            {move || message.get().map(|(ok, text)| view! {
                <p class=if ok { "ok" } else { "error" } role=if ok { "status" } else { "alert" } id="review-message">{text}</p>
            })}
        </section>
    }
}
