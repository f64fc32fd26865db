//! Asking before 已完成 is saved when the figures say otherwise (see `journal::consistency`), and saying so on
//! the task page once it is saved anyway: a reviewer who finds "已完成" at 90 % stops trusting the rest.

use super::state::use_lang;
use crate::i18n::Lang;
use crate::journal::ViewState;
use crate::journal::consistency::done_mismatches;
use crate::plan::Task;
use leptos::prelude::*;

/// 已完成 chosen but not yet saved, with what contradicts it.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingDone {
    pub words: Vec<String>,
    /// Progress is below 100 %: offer to set it with the status.
    pub below_100: bool,
}

/// `None` when 已完成 agrees with the progress and the targets.
pub fn check_done(
    task: &Task,
    percent: Option<u8>,
    view: &ViewState,
    lang: Lang,
) -> Option<PendingDone> {
    let found = done_mismatches(task, percent, view);
    (!found.is_empty()).then(|| PendingDone {
        below_100: found
            .iter()
            .any(|m| matches!(m, crate::journal::consistency::Mismatch::Percent(_))),
        words: found.iter().map(|m| m.words(lang)).collect(),
    })
}

/// The question before saving: mark done with 100 %, mark done as it is, or keep the old status.
#[component]
pub fn DoneConfirm(
    pending: RwSignal<Option<PendingDone>>,
    /// Called with `true` to set progress to 100 % as well.
    on_done: Callback<bool>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let p = pending.get()?;
        let lang = lang.get();
        Some(view! {
            <div class="done-confirm" id="done-confirm" role="alertdialog" aria-labelledby="done-confirm-title">
                <p id="done-confirm-title"><strong>{lang.pick("标为已完成前请核对：", "Before marking this done, check:")}</strong></p>
                <ul>{p.words.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul>
                <p class="actions">
                    {p.below_100.then(|| view! {
                        <button id="done-with-100" on:click=move |_| on_done.run(true)>{lang.pick("标为已完成，进度改为 100%", "Mark done and set progress to 100%")}</button>
                    })}
                    <button id="done-anyway" on:click=move |_| on_done.run(false)>{lang.pick("仍标为已完成", "Mark done anyway")}</button>
                    <button id="done-cancel" on:click=move |_| on_cancel.run(())>{lang.pick("取消", "Cancel")}</button>
                </p>
            </div>
        })
    }
}

/// On the task page, once 已完成 is saved against the figures: what does not add up.
pub fn mismatch_note(words: Vec<String>, lang: Lang) -> impl IntoView {
    (!words.is_empty()).then(|| {
        view! {
            <p class="done-mismatch" id="done-mismatch" role="note">
                {format!("{}{}", lang.pick("已完成，但", "Done, but "), words.join(lang.pick("；", "; ")))}
            </p>
        }
    })
}
