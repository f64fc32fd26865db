//! `#/report` (报送): my unit's report for the period under review, in one place — the tasks it leads or
//! implements (主办) with their forms and figures, what changed since the last submission, the reasons of a
//! returned report, and the tasks it cooperates on (协办). Submitting seals the period (a `submit` op) and
//! downloads the submission file for the coordinating office; a feedback file from the office is taken in
//! here too.

use super::browser;
use super::components::{TaskLink, set_title};
use super::cycle_files::{FileLine, files_of, take_files};
use super::edits::{now_ms, use_edits};
use super::settings::use_settings;
use super::state::{tr, use_lang, use_my_unit, use_plan};
use crate::i18n::Lang;
use crate::journal::cycle::{
    self, Gap, Verdict, gaps, report_tasks, submission_file_name, submission_ops, unsent_ops,
};
use crate::journal::permit::is_coordinator;
use crate::journal::screen::describe;
use crate::journal::{OpKind, export};
use crate::route::{CollectQuery, Route};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
            <SubmitReport unit=unit.clone() cycle/>
            <FeedbackImport/>
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

/// 填报人, 联系电话, 审核人, the list of what is incomplete, and the button that seals and downloads.
#[component]
fn SubmitReport(unit: String, cycle: Memo<crate::journal::cycle::Cycle>) -> impl IntoView {
    let lang = use_lang();
    let plan = use_plan();
    let edits = use_edits();
    let settings = use_settings();
    let message = RwSignal::new(None::<(bool, String)>);
    let confirm_incomplete = RwSignal::new(false);
    let incomplete = {
        let unit = unit.clone();
        Memo::new(move |_| gaps(&plan.read(), &edits.view.read(), &unit))
    };
    let contact_missing = move || {
        let blank = |s: Option<String>| s.is_none_or(|s| s.trim().is_empty());
        let mut missing = Vec::new();
        if blank(settings.reporter.get()) {
            missing.push(lang.get().pick("填报人", "reported by"));
        }
        if blank(settings.phone.get()) {
            missing.push(lang.get().pick("联系电话", "phone"));
        }
        if blank(settings.approver.get()) {
            missing.push(lang.get().pick("审核人", "approved by"));
        }
        missing
    };
    let submit = {
        let unit = unit.clone();
        move |_| {
            let lang = lang.get_untracked();
            let missing = contact_missing();
            if !missing.is_empty() {
                message.set(Some((
                    false,
                    format!(
                        "{}{}",
                        lang.pick("请先填写：", "Fill in first: "),
                        missing.join(lang.pick("、", ", "))
                    ),
                )));
                return;
            }
            if !incomplete.get_untracked().is_empty() && !confirm_incomplete.get_untracked() {
                confirm_incomplete.set(true);
                message.set(Some((false, lang.pick("仍有任务未填写完整（见上方清单）。确需报送，请再点一次“报送”。", "Some tasks are incomplete (see the list above). To submit anyway, press Submit again.").into())));
                return;
            }
            let (period, carried) = {
                let view = edits.view.read_untracked();
                let c = cycle.read_untracked();
                let carried: Vec<String> = edits.ops.with_untracked(|ops| {
                    unsent_ops(&c, ops, &unit)
                        .into_iter()
                        .map(|o| o.id.clone())
                        .collect()
                });
                (view.period.key(), carried)
            };
            let submission = format!(
                "s{:x}{:04x}",
                now_ms(),
                (js_sys::Math::random() * 65535.0) as u32
            );
            let kind = OpKind::Submit {
                submission,
                unit: unit.clone(),
                period: period.clone(),
                phone: settings
                    .phone
                    .get_untracked()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                approver: settings
                    .approver
                    .get_untracked()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                ops: carried,
            };
            let Some(seal) = edits.record_op(kind) else {
                return;
            };
            edits.flush();
            let plan_id = plan.read_untracked().id.clone();
            let file = edits
                .ops
                .with_untracked(|ops| export(&plan_id, now_ms(), &submission_ops(ops, &seal)));
            let name = submission_file_name(&unit, &period);
            confirm_incomplete.set(false);
            let to = plan
                .read_untracked()
                .meta
                .coordinator
                .clone()
                .unwrap_or_else(|| lang.pick("汇总单位", "the coordinating unit").into());
            message.set(Some(
                match browser::download(&name, "application/json", &file.to_json()) {
                    Ok(()) => (
                        true,
                        match lang {
                            Lang::Zh => format!("已报送。文件“{name}”已下载，请发送给{to}。"),
                            Lang::En => format!(
                                "Submitted. The file “{name}” was downloaded: send it to {to}."
                            ),
                        },
                    ),
                    Err(e) => (
                        false,
                        format!(
                            "{}{e}",
                            lang.pick(
                                "已报送，但文件未能下载：",
                                "Submitted, but the file could not be downloaded: "
                            )
                        ),
                    ),
                },
            ));
        }
    };
    let gap_list = move || {
        let lang = lang.get();
        let list = incomplete.get();
        if list.is_empty() {
            return view! { <p class="ok" id="report-complete">{lang.pick("各主办任务的必填项均已填写。", "Every required field of your tasks is filled in.")}</p> }.into_any();
        }
        let items = list
            .into_iter()
            .map(|(n, parts)| {
                let parts: Vec<&str> = parts.into_iter().map(|g: Gap| g.label(lang)).collect();
                view! { <li><a href=format!("#/report") on:click=move |ev| { ev.prevent_default(); scroll_to_task(n); }>{format!("{}{n}", lang.pick("任务", "Task "))}</a>{format!("{}{}", lang.pick("：缺", ": missing "), parts.join(lang.pick("、", ", ")))}</li> }
            })
            .collect_view();
        view! {
            <div id="report-gaps">
                <p>{lang.pick("以下任务尚未填写完整：", "These tasks are incomplete:")}</p>
                <ul>{items}</ul>
            </div>
        }
        .into_any()
    };
    let text_field = |signal: RwSignal<Option<String>>,
                      id: &'static str,
                      zh: &'static str,
                      en: &'static str| {
        view! {
            <label class="required">
                <span>{tr(zh, en)}</span>
                <input type="text" id=id maxlength="60" prop:value=move || signal.get().unwrap_or_default()
                    on:change=move |ev| { let v = event_target_value(&ev); signal.set((!v.trim().is_empty()).then_some(v)); }/>
            </label>
        }
    };
    view! {
        <section class="submit-report" aria-labelledby="submit-title">
            <h2 id="submit-title">{tr("报送本期报告", "Submit this period's report")}</h2>
            {gap_list}
            <div class="editor-grid">
                {text_field(settings.reporter, "submit-by", "填报人", "Reported by")}
                {text_field(settings.phone, "submit-phone", "联系电话", "Phone")}
                {text_field(settings.approver, "submit-approver", "审核人（单位负责同志）", "Approved by (unit official)")}
            </div>
            <button id="submit-report" class="primary" on:click=submit>{tr("报送并下载报送文件", "Submit and download the file")}</button>
            {move || message.get().map(|(ok, text)| view! {
                <p class=if ok { "ok" } else { "error" } role=if ok { "status" } else { "alert" } id="submit-message">{text}</p>
            })}
            <p class="muted">{tr("报送后本期即封存为一个版本；退回或更正后可再次报送，历次版本都会保留。", "Submitting seals the period as one version; after a return or a correction you can submit again, and every version is kept.")}</p>
        </section>
    }
}

fn scroll_to_task(number: u32) {
    let selector = format!(".report-task[data-task=\"t{number}\"]");
    if let Ok(Some(el)) = document().query_selector(&selector) {
        el.scroll_into_view();
        if let Some(field) = el
            .query_selector("textarea")
            .ok()
            .flatten()
            .and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = field.focus();
        }
    }
}

/// Taking in the office's feedback file (反馈): its reviews then show on this page and on the tasks.
#[component]
fn FeedbackImport() -> impl IntoView {
    let lang = use_lang();
    let plan = use_plan();
    let edits = use_edits();
    let lines = RwSignal::new(Vec::<FileLine>::new());
    let on_file = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let files = files_of(input.as_ref().and_then(|i| i.files()));
        if let Some(i) = input.as_ref() {
            i.set_value("");
        }
        lines.set(Vec::new());
        let plan_now = plan.get_untracked();
        let id = plan_now.id.clone();
        take_files(files, edits, plan_now, id, lang.get_untracked(), lines);
    };
    view! {
        <section class="feedback-import">
            <h2>{tr("导入反馈文件", "Import a feedback file")}</h2>
            <p class="muted">{tr("汇总单位审核后发回的“反馈-…json”文件：导入后，退回理由显示在本页和各任务上。", "The “反馈-….json” file the coordinating unit sends back after review: once imported, its reasons show here and on the tasks.")}</p>
            <label class="file-button">
                <span>{tr("选择反馈文件…", "Choose a feedback file…")}</span>
                <input id="feedback-file" type="file" accept=".json,application/json" aria-label=tr("选择反馈文件", "Choose a feedback file") on:change=on_file/>
            </label>
            <super::collect::FileLines lines/>
        </section>
    }
}

/// The day the cycle is judged at: the review date (always a valid date; the period's end otherwise).
pub fn review_day(view: &crate::journal::ViewState) -> crate::date::Date {
    crate::date::Date::parse(&view.review).unwrap_or_else(|| view.period.last_day())
}
