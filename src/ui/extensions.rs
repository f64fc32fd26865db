//! 延期申请 on a task page: the requests made and what became of them, the form in which a responsible unit
//! asks for a new deadline, and — for the coordinating unit — 批准 / 不批准 on each pending request. The
//! 汇总督办 page lists every pending request with the same controls ([`PendingExtensions`]).

use super::edits::{now_ms, use_edits};
use super::state::{tr, use_lang, use_my_unit, use_plan};
use crate::i18n::Lang;
use crate::journal::OpKind;
use crate::journal::extension::Extension;
use crate::journal::permit::{is_coordinator, is_responsible};
use crate::plan::Task;
use leptos::prelude::*;

/// `待审批` / `已批准（兰白…办公室 · 04-21）` / `未批准：理由`.
fn decision_words(e: &Extension, lang: Lang) -> String {
    match &e.decision {
        None => lang.pick("待审批", "awaiting decision").into(),
        Some(d) => {
            let who = d.unit.clone().unwrap_or_default();
            let head = if d.approve {
                lang.pick("已批准", "approved")
            } else {
                lang.pick("未批准", "refused")
            };
            let reason = if d.reason.is_empty() {
                String::new()
            } else {
                format!("{}{}", lang.pick("：", ": "), d.reason)
            };
            format!("{head}（{who} · {}）{reason}", super::history::when(d.at))
        }
    }
}

/// 批准 / 不批准 with an optional reason, for one pending request.
#[component]
fn DecideControls(request: String, task: String) -> impl IntoView {
    let edits = use_edits();
    let reason = RwSignal::new(String::new());
    let decide = move |approve: bool| {
        edits.record(OpKind::DecideExtension {
            request: request.clone(),
            task: task.clone(),
            approve,
            reason: reason.get_untracked().trim().to_string(),
        });
    };
    let refuse = decide.clone();
    view! {
        <span class="decide">
            <input type="text" class="decide-reason" maxlength="200" aria-label=tr("审批意见", "Note on the decision")
                placeholder=tr("审批意见（可选）", "Note (optional)") prop:value=move || reason.get()
                on:input=move |ev| reason.set(event_target_value(&ev))/>
            <button class="approve-extension" on:click=move |_| decide(true)>{tr("批准", "Approve")}</button>
            <button class="refuse-extension" on:click=move |_| refuse(false)>{tr("不批准", "Refuse")}</button>
        </span>
    }
}

fn row(e: &Extension, lang: Lang, office: bool) -> impl IntoView + use<> {
    let asked = format!(
        "{} {} {}{}",
        e.unit.clone().unwrap_or_default(),
        super::history::when(e.at),
        lang.pick("申请延期至 ", "asks to move the deadline to "),
        e.date
    );
    let pending = e.decision.is_none();
    let controls = (office && pending)
        .then(|| view! { <DecideControls request=e.request.clone() task=e.task.clone()/> });
    view! {
        <li class="extension" data-request=e.request.clone() class:pending=pending>
            <span class="asked">{asked}</span>
            {(!e.reason.is_empty()).then(|| format!("{}{}", lang.pick("，理由：", "; reason: "), e.reason))}
            " · "<strong class="decision">{decision_words(e, lang)}</strong>
            {controls}
        </li>
    }
}

#[component]
pub fn TaskExtensions(task: Task) -> impl IntoView {
    let edits = use_edits();
    let lang = use_lang();
    let plan = use_plan();
    let my_unit = use_my_unit();
    let id = task.id();
    let date = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let list = {
        let id = id.clone();
        move || {
            let lang = lang.get();
            let office = my_unit
                .get()
                .is_some_and(|m| is_coordinator(&plan.read(), &m));
            let view = edits.view.read();
            let items: Vec<_> = view
                .tasks
                .get(&id)
                .map(|t| t.extensions.iter().map(|e| row(e, lang, office)).collect())
                .unwrap_or_default();
            if items.is_empty() {
                return view! { <p class="muted">{lang.pick("尚无延期申请。", "No extension requests.")}</p> }.into_any();
            }
            view! { <ul class="extensions">{items.into_iter().collect_view()}</ul> }.into_any()
        }
    };
    let task_for_form = task.clone();
    let may_ask = move || {
        let plan = plan.read();
        my_unit
            .get()
            .is_some_and(|m| is_responsible(&task_for_form, &m) && !is_coordinator(&plan, &m))
    };
    let ask = {
        let id = id.clone();
        move |_| {
            let day = date.get_untracked();
            if crate::date::Date::parse(&day).is_none() {
                error.set(Some(
                    "请填写申请的新完成时限 / Enter the new deadline asked for",
                ));
                return;
            }
            let why = reason.get_untracked().trim().to_string();
            if why.is_empty() {
                error.set(Some("请写明延期理由 / Give the reason for the extension"));
                return;
            }
            error.set(None);
            let request = format!(
                "x{:x}{:04x}",
                now_ms(),
                (js_sys::Math::random() * 65535.0) as u32
            );
            edits.record(OpKind::RequestExtension {
                request,
                task: id.clone(),
                date: day,
                reason: why,
            });
            date.set(String::new());
            reason.set(String::new());
        }
    };
    view! {
        <section class="extensions-section" aria-labelledby="extensions-title">
            <h2 id="extensions-title">{tr("延期申请", "Deadline extensions")}</h2>
            {list}
            <Show when=may_ask>
                <div class="extension-form">
                    <label>
                        <span>{tr("申请延期至", "New deadline")}</span>
                        <input type="date" id="extension-date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
                    </label>
                    <label class="wide">
                        <span>{tr("延期理由", "Reason")}</span>
                        <textarea id="extension-reason" rows="2" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    </label>
                    <button id="extension-ask" on:click=ask.clone()>{tr("提交延期申请", "Ask for the extension")}</button>
                    <p class="muted">{tr("申请随本单位下次报送文件送达汇总单位；批准后完成时限即改为申请的日期。", "The request reaches the coordinating unit with your next submission file; once approved, the deadline becomes the date asked for.")}</p>
                </div>
            </Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}

/// Every request still awaiting a decision, for the 汇总督办 page.
#[component]
pub fn PendingExtensions() -> impl IntoView {
    let edits = use_edits();
    let lang = use_lang();
    let plan = use_plan();
    let my_unit = use_my_unit();
    move || {
        let lang = lang.get();
        let office = my_unit
            .get()
            .is_some_and(|m| is_coordinator(&plan.read(), &m));
        let view = edits.view.read();
        let pending: Vec<_> = view
            .tasks
            .values()
            .flat_map(|t| t.extensions.iter())
            .filter(|e| e.decision.is_none())
            .map(|e| {
                let n = e.task.trim_start_matches('t').to_string();
                view! {
                    <li>
                        <a href=format!("#/task/{n}")>{format!("{}{n}", lang.pick("任务 ", "Task "))}</a>" "
                        <ul class="extensions">{row(e, lang, office)}</ul>
                    </li>
                }
            })
            .collect();
        (!pending.is_empty()).then(|| {
            view! {
                <section class="pending-extensions" aria-labelledby="pending-extensions-title">
                    <h2 id="pending-extensions-title">{lang.pick("待审批的延期申请", "Extension requests awaiting a decision")}</h2>
                    <ul>{pending.into_iter().collect_view()}</ul>
                </section>
            }
        })
    }
}
