//! What changed and when: the journal read as history, for one task (on its page) or the whole plan
//! (`#/history`). Newest first; undo and redo buttons act on this page's own edits.

use super::components::set_title;
use super::edits::use_edits;
use super::state::{tr, use_lang};
use crate::journal::{date::Date, history};
use crate::route::Route;
use leptos::prelude::*;

/// Local date and time of an op, `YYYY-MM-DD HH:MM`, for any stored `at`: the browser gives the zone offset
/// at that instant when it can represent it, else today's; the arithmetic is ours and total.
pub(super) fn when(at: i64) -> String {
    let offset = |d: js_sys::Date| -(d.get_timezone_offset() as i64);
    let there = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64));
    let minutes = if there.get_time().is_nan() {
        offset(js_sys::Date::new_0())
    } else {
        offset(there)
    };
    Date::stamp(at, minutes)
}

/// Undo / redo buttons, disabled when there is nothing to act on.
#[component]
pub fn UndoRedo() -> impl IntoView {
    let edits = use_edits();
    let state = Memo::new(move |_| {
        edits.ops.track();
        edits.can_undo_redo()
    });
    view! {
        <div class="undo-redo" role="group" aria-label=tr("撤销与重做", "Undo and redo")>
            <button id="undo" disabled=move || !state.get().0 on:click=move |_| { edits.undo(); } title="Ctrl+Z">
                {tr("撤销", "Undo")}
            </button>
            <button id="redo" disabled=move || !state.get().1 on:click=move |_| { edits.redo(); } title="Ctrl+Shift+Z">
                {tr("重做", "Redo")}
            </button>
        </div>
    }
}

/// The history list; `task` narrows it to one task and its targets.
#[component]
pub fn HistoryList(
    #[prop(optional)] task: Option<String>,
    #[prop(default = usize::MAX)] limit: usize,
) -> impl IntoView {
    let edits = use_edits();
    let lang = use_lang();
    let plan = super::state::use_plan();
    move || {
        let lang = lang.get();
        let plan = plan.get();
        let entries = edits.ops.with(|ops| history(ops, task.as_deref()));
        if entries.is_empty() {
            return view! { <p class="muted">{lang.pick("还没有修改。", "No edits yet.")}</p> }
                .into_any();
        }
        let total = entries.len();
        let items = entries
            .into_iter()
            .take(limit)
            .map(|e| {
                let number = e.task.trim_start_matches('t').parse::<u32>().ok();
                view! {
                    <li>
                        <time class="muted">{when(e.at)}</time>" "
                        {number.map(|n| view! { <a href=Route::Task(n).to_hash()>{format!("{}{n}", lang.pick("任务 ", "Task "))}</a>" " })}
                        <span>{crate::journal::words::in_words(&plan, &e, lang)}</span>
                        {writer_words(e.unit.as_deref(), e.by.as_deref()).map(|w| view! { " "<span class="muted history-who">{w}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <ol class="history" reversed>{items}</ol>
            {(total > limit).then(|| view! {
                <p><a href="#/history">{format!("{} {total} {}", lang.pick("查看全部", "See all"), lang.pick("条修改", "edits"))}</a></p>
            })}
        }
        .into_any()
    }
}

/// `（白银市 · 李四）`: who wrote an edit; `None` for an edit from before units were recorded.
fn writer_words(unit: Option<&str>, by: Option<&str>) -> Option<String> {
    let unit = unit?;
    Some(match by {
        Some(by) => format!("（{unit} · {by}）"),
        None => format!("（{unit}）"),
    })
}

/// `#/history`: every edit of the plan.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let lang = use_lang();
    set_title(lang.get_untracked().pick("修改记录", "History").to_string());
    view! {
        <article class="page">
            <h1>{tr("修改记录", "History")}</h1>
            <UndoRedo/>
            <HistoryList/>
        </article>
    }
}
