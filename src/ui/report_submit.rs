//! The end of the 报送 page: 填报人, 联系电话 and 审核人, the list of what is still incomplete, the button that
//! seals the period and downloads the submission file, and taking in the office's feedback file.

use super::browser;
use super::cycle_files::{FileLine, files_of, take_files};
use super::edits::{now_ms, use_edits};
use super::settings::use_settings;
use super::state::{tr, use_lang, use_plan};
use crate::i18n::Lang;
use crate::journal::cycle::{Gap, gaps, submission_file_name, submission_ops, unsent_ops};
use crate::journal::{OpKind, export};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// 填报人, 联系电话, 审核人, the list of what is incomplete, and the button that seals and downloads.
#[component]
pub fn SubmitReport(unit: String, cycle: Memo<crate::journal::cycle::Cycle>) -> impl IntoView {
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
pub fn FeedbackImport() -> impl IntoView {
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
