//! The one-time question "which unit do you report for?": asked when someone edits before choosing
//! 我的单位, with their name (填报人), after which the waiting edit is recorded.

use super::edits::use_edits;
use super::state::{tr, use_my_unit, use_plan};
use leptos::prelude::*;

/// Asks once for the unit (and the person's name) when someone edits before choosing one, then records
/// the waiting edit. Nothing is lost by cancelling but that one edit.
#[component]
pub fn UnitPrompt() -> impl IntoView {
    let edits = use_edits();
    let plan = use_plan();
    let my_unit = use_my_unit();
    let settings = super::settings::use_settings();
    let choice = RwSignal::new(String::new());
    let name = RwSignal::new(settings.reporter.get_untracked().unwrap_or_default());
    let error = RwSignal::new(false);
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let unit = choice.get_untracked();
        if unit.is_empty() {
            error.set(true);
            return;
        }
        let who = name.get_untracked().trim().to_string();
        settings.reporter.set((!who.is_empty()).then_some(who));
        my_unit.set(Some(unit));
        if let Some(kind) = edits.awaiting_unit.try_update(Option::take).flatten() {
            edits.record(kind);
        }
    };
    move || {
        edits.awaiting_unit.read().is_some().then(|| view! {
            <form class="unit-prompt" role="alertdialog" aria-labelledby="unit-prompt-title" id="unit-prompt" on:submit=confirm>
                <h2 id="unit-prompt-title">{tr("请先选择您的单位", "Which unit do you report for?")}</h2>
                <p>{tr("每条填报都记录填报单位和填报人，一个单位只能填写本单位的报告。选择一次即可，之后可在页首“我的单位”中更改。",
                    "Every edit records the unit and person who made it, and a unit writes only its own report. Choose once; change it later under “My unit” at the top.")}</p>
                <label>
                    <span>{tr("我的单位", "My unit")}</span>
                    <select id="prompt-unit" on:change=move |ev| choice.set(event_target_value(&ev))>
                        <option value="">{tr("（请选择）", "(choose)")}</option>
                        {plan.get().units.iter().map(|u| view! { <option value=u.id.clone()>{u.name.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{tr("填报人（姓名）", "Your name")}</span>
                    <input id="prompt-name" type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </label>
                {move || error.get().then(|| view! { <p class="error" role="alert">{tr("请选择单位。", "Choose a unit.")}</p> })}
                <p>
                    <button type="submit" id="prompt-ok">{tr("确定并保存这次填报", "Save with this unit")}</button>" "
                    <button type="button" class="link-button" on:click=move |_| edits.awaiting_unit.set(None)>{tr("取消", "Cancel")}</button>
                </p>
            </form>
        })
    }
}
