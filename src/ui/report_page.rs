//! `#/report` (报送): my unit's report for the period under review, in one place — the tasks it leads or
//! implements (主办) with their forms and figures, what changed since the last submission, the reasons of a
//! returned report, and the tasks it cooperates on (协办). Submitting seals the period (a `submit` op) and
//! downloads the submission file for the coordinating office; a feedback file from the office is taken in
//! here too (both in `report_submit`).

use super::components::{TaskLink, set_title};
use super::edits::use_edits;
use super::state::{tr, use_lang, use_my_unit, use_plan};
use crate::i18n::Lang;
use crate::journal::cycle::{self, Verdict, report_tasks, unsent_ops};
use crate::journal::permit::is_coordinator;
use crate::journal::screen::describe;
use crate::route::{CollectQuery, Route};
use leptos::prelude::*;

#[component]
pub fn ReportPage() -> impl IntoView {
    let lang = use_lang();
    let plan = use_plan();
    let my_unit = use_my_unit();
    set_title(lang.get_untracked().pick("报送", "Report").to_string());
    move || {
        let lang = lang.get();
        let plan = plan.get();
        let Some(unit) = my_unit.get() else {
            return view! {
                <article class="page report-page">
                    <h1>{lang.pick("报送", "Report")}</h1>
                    <p id="report-no-unit">{lang.pick("请先在页首选择“我的单位”，这里会列出本单位本期需要报送的任务。", "Choose “My unit” at the top first; this page then lists what your unit reports this period.")}</p>
                </article>
            }
            .into_any();
        };
        if is_coordinator(&plan, &unit) {
            return view! {
                <article class="page report-page">
                    <h1>{lang.pick("报送", "Report")}</h1>
                    <p id="report-coordinator">{lang.pick("汇总单位不向自己报送。各单位的报送在“汇总督办”页汇总、审核和催办。", "The coordinating unit does not report to itself. Units' submissions are collected, reviewed and chased on the Collect page.")}
                        " "<a href=Route::Collect(CollectQuery::default()).to_hash()>{lang.pick("前往汇总督办", "Go to Collect")}</a></p>
                </article>
            }
            .into_any();
        }
        view! { <UnitReport unit/> }.into_any()
    }
}

#[component]
fn UnitReport(unit: String) -> impl IntoView {
    let lang = use_lang();
    let plan = use_plan();
    let edits = use_edits();
    let cycle = Memo::new(move |_| edits.ops.with(|ops| cycle::cycle(&plan.read(), ops)));
    let period_words = move || super::reports::period_words(&edits.view.read(), lang.get());
    let (main, cooperating) = {
        let plan = plan.read_untracked();
        let (m, c) = report_tasks(&plan, &unit);
        (
            m.into_iter().cloned().collect::<Vec<_>>(),
            c.into_iter().cloned().collect::<Vec<_>>(),
        )
    };
    let standing = {
        let unit = unit.clone();
        move || {
            let view = edits.view.read();
            let today = review_day(&view);
            let c = cycle.read();
            let standing = c.standing(&unit, view.period, view.schedule, today);
            let version = c
                .latest(&unit, view.period, view.schedule)
                .map(|s| s.version);
            (standing, version)
        }
    };
    let standing_view = move || {
        let lang = lang.get();
        let (standing, version) = standing();
        let version = version.map(|v| match lang {
            Lang::Zh => format!("（第 {v} 版）"),
            Lang::En => format!(" (version {v})"),
        });
        view! {
            <p class=format!("standing standing-{}", standing.slug()) id="report-standing">
                <strong>{lang.pick("本期报送：", "This period: ")}</strong>{standing.words(lang)}{version}
            </p>
        }
    };
    let returned = {
        let unit = unit.clone();
        move || {
            let lang = lang.get();
            let view = edits.view.read();
            let c = cycle.read();
            let latest = c.latest(&unit, view.period, view.schedule)?;
            let review = latest
                .review
                .clone()
                .filter(|r| r.verdict == Verdict::Returned)?;
            let tasks = review
                .tasks
                .iter()
                .map(|t| {
                    let n = t.task.trim_start_matches('t').to_string();
                    view! { <li>{format!("{}{n}：{}", lang.pick("任务", "Task "), t.reason)}</li> }
                })
                .collect_view();
            Some(view! {
                <div class="returned" id="report-returned" role="alert">
                    <p><strong>{lang.pick("本期报送已被汇总单位退回，请修改后重新报送。", "The coordinating unit returned this report: correct it and submit again.")}</strong></p>
                    {(!review.reason.is_empty()).then(|| view! { <p>{format!("{}{}", lang.pick("退回理由：", "Reason: "), review.reason)}</p> })}
                    <ul>{tasks}</ul>
                </div>
            })
        }
    };
    let main_count = main.len();
    let main_view = main
        .into_iter()
        .map(|task| view! { <ReportTask task unit=unit.clone() cycle/> })
        .collect_view();
    let cooperating_view = {
        let rows = cooperating
            .into_iter()
            .map(|task| {
                let leads = task
                    .roles
                    .lead
                    .iter()
                    .map(|u| u.name.clone())
                    .collect::<Vec<_>>()
                    .join("、");
                view! { <li><TaskLink task=task.clone() chars=40/>" "<span class="muted">{move || format!("{}{leads}", lang.get().pick("牵头：", "lead: "))}</span></li> }
            })
            .collect_view();
        view! { <ul class="cooperating-tasks">{rows}</ul> }
    };
    view! {
        <article class="page report-page">
            <h1>{let unit = unit.clone(); move || format!("{} · {}", lang.get().pick("报送", "Report"), unit)}</h1>
            <p class="period">{tr("报告期：", "Period: ")}{period_words}</p>
            {standing_view}
            {returned.clone()}
            <h2>{move || format!("{}（{main_count}）", lang.get().pick("主办任务", "Tasks you lead or implement"))}</h2>
            <p class="muted">{tr("带 * 的为必填项。", "Fields marked * are required.")}</p>
            {main_view}
            <h2>{tr("协办任务", "Tasks you support")}</h2>
            <p class="muted">{tr("协办单位的意见报送牵头单位，由牵头单位在报告中反映；此处不单独报送。", "Your input on these goes to the lead unit, which reports it; they are not submitted from here.")}</p>
            {cooperating_view}
            <super::report_submit::SubmitReport unit=unit.clone() cycle/>
            <super::report_submit::FeedbackImport/>
        </article>
    }
}

/// One task of the report: its form, its figures, the office's return reason and the edits since the last
/// submission.
#[component]
fn ReportTask(
    task: crate::plan::Task,
    unit: String,
    cycle: Memo<crate::journal::cycle::Cycle>,
) -> impl IntoView {
    let lang = use_lang();
    let edits = use_edits();
    let task_id = task.id();
    let changes = {
        let (unit, task_id) = (unit.clone(), task_id.clone());
        move || {
            let lang = lang.get();
            let c = cycle.read();
            let lines: Vec<String> = edits.ops.with(|ops| {
                unsent_ops(&c, ops, &unit)
                    .into_iter()
                    .filter(|o| o.kind.task() == task_id)
                    .map(|o| describe(o, lang))
                    .collect()
            });
            if lines.is_empty() {
                return view! { <p class="muted changes">{lang.pick("自上次报送以来没有修改。", "No change since the last submission.")}</p> }.into_any();
            }
            let count = lines.len();
            let items = lines
                .into_iter()
                .map(|l| view! { <li>{l}</li> })
                .collect_view();
            view! {
                <details class="changes">
                    <summary>{format!("{}{count}{}", lang.pick("自上次报送以来的修改：", "Changed since the last submission: "), lang.pick(" 条", ""))}</summary>
                    <ul>{items}</ul>
                </details>
            }
            .into_any()
        }
    };
    let reason = {
        let (unit, task_id) = (unit.clone(), task_id.clone());
        move || {
            let view = edits.view.read();
            let c = cycle.read();
            let review = c
                .latest(&unit, view.period, view.schedule)?
                .review
                .clone()?;
            let reason = review
                .tasks
                .into_iter()
                .find(|t| t.task == task_id && review.verdict == Verdict::Returned)?;
            Some(
                view! { <p class="return-reason" role="note">{format!("{}{}", lang.get().pick("退回理由：", "Returned: "), reason.reason)}</p> },
            )
        }
    };
    let target_count = task.targets.len();
    let targets = (target_count > 0).then(|| {
        let tables = task
            .targets
            .iter()
            .map(|t| view! { <super::edit_controls::TargetActuals target=t.clone()/> })
            .collect_view();
        view! {
            <details class="report-targets">
                <summary>{move || match lang.get() {
                    Lang::Zh => format!("指标数据（{target_count} 项）"),
                    Lang::En => format!("Target figures ({target_count})"),
                }}</summary>
                {tables}
            </details>
        }
    });
    view! {
        <section class="report-task" data-task=task_id.clone()>
            <h3><TaskLink task=task.clone() chars=60/></h3>
            {reason}
            <super::reports::ReportForm task=task.clone() in_list=true/>
            {targets}
            {changes}
        </section>
    }
}

/// The day the cycle is judged at: the review date (always a valid date; the period's end otherwise).
pub fn review_day(view: &crate::journal::ViewState) -> crate::date::Date {
    crate::date::Date::parse(&view.review).unwrap_or_else(|| view.period.last_day())
}
