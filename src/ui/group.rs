//! `#/group/{n}`: one task group with its tasks.

use super::components::{NotFound, TaskLink, set_title};
use super::state::{tr, use_lang, use_plan};
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn GroupPage(number: u32) -> impl IntoView {
    let plan = use_plan();
    let lang = use_lang();
    let selected = RwSignal::new(std::collections::BTreeSet::<String>::new());
    move || {
        let plan = plan.get();
        let Some(group) = plan.group(number).cloned() else {
            return view! { <NotFound what=Route::Group(number).to_hash()/> }.into_any();
        };
        set_title(group.heading());
        let tasks = plan
            .tasks_in_group(number)
            .map(|t| {
                let id = t.id();
                let label = format!("{}{}", lang.get().pick("选择任务 ", "Select task "), t.number);
                view! {
                    <li class="selectable">
                        <input type="checkbox" class="bulk-pick" aria-label=label
                            prop:checked={let id = id.clone(); move || selected.read().contains(&id)}
                            on:change={let id = id.clone(); move |ev| {
                                let on = event_target_checked(&ev);
                                selected.update(|s| { if on { s.insert(id.clone()); } else { s.remove(&id); } });
                            }}/>
                        <super::pace::PaceDot task_id=id.clone()/>
                        <TaskLink task=t.clone() chars=120/>
                    </li>
                }
            })
            .collect_view();
        let prev = plan.group(number.wrapping_sub(1)).map(|g| g.number);
        let next = plan.group(number + 1).map(|g| g.number);
        view! {
            <article class="page">
                <p class="crumbs"><a href="#/">{lang.get().pick("概览", "Overview")}</a></p>
                <h1>{group.heading()}</h1>
                <BulkStatus group=number selected/>
                <ol class="task-list">{tasks}</ol>
                <nav class="pager" aria-label=lang.get().pick("翻页", "Pages")>
                    {prev.map(|n| view! { <a href=Route::Group(n).to_hash() rel="prev">{format!("← {}{n}", lang.get().pick("任务组 ", "Group "))}</a> })}
                    {next.map(|n| view! { <a href=Route::Group(n).to_hash() rel="next">{format!("{}{n} →", lang.get().pick("任务组 ", "Group "))}</a> })}
                </nav>
            </article>
        }
        .into_any()
    }
}

/// Sets the status of several tasks at once: one op per task, so each can be undone and merged on its own.
#[component]
fn BulkStatus(group: u32, selected: RwSignal<std::collections::BTreeSet<String>>) -> impl IntoView {
    use crate::journal::{OpKind, Status};
    let plan = use_plan();
    let lang = use_lang();
    let edits = super::edits::use_edits();
    let status = RwSignal::new(Status::InProgress);
    let select_all = move |_| {
        let ids: std::collections::BTreeSet<String> =
            plan.read().tasks_in_group(group).map(|t| t.id()).collect();
        selected.update(|s| {
            if s.len() == ids.len() {
                s.clear()
            } else {
                *s = ids
            }
        });
    };
    let my_unit = super::state::use_my_unit();
    // Each status is the person's own unit's report for the period: tasks their unit has no part in are
    // left alone. Without a unit, the first edit asks.
    let apply = move |_| {
        let chosen = status.get_untracked();
        let period = edits.view.read_untracked().period.key();
        let plan = plan.read_untracked();
        let Some(unit) = my_unit.get_untracked() else {
            if let Some(task) = selected.get_untracked().into_iter().next() {
                edits.record(OpKind::SetStatus {
                    task,
                    unit: None,
                    period: Some(period),
                    status: chosen,
                });
            }
            return;
        };
        for task in selected.get_untracked() {
            // The unit the task page's form writes for (the office: the lead's report it corrects).
            let whose = plan
                .tasks
                .iter()
                .find(|t| t.id() == task)
                .and_then(|t| super::reports::writable_unit(t, Some(&unit), None, &plan));
            if let Some(whose) = whose {
                edits.record(OpKind::SetStatus {
                    task,
                    unit: Some(whose),
                    period: Some(period.clone()),
                    status: chosen,
                });
            }
        }
        selected.update(|s| s.clear());
    };
    view! {
        <div class="bulk toolbar" role="group" aria-label=super::state::tr("批量设置状态", "Set status in bulk")>
            <button class="bulk-all" on:click=select_all>{super::state::tr("全选 / 全不选", "Select all / none")}</button>
            <label>
                <span>{super::state::tr("将选中任务的状态设为", "Set the selected tasks to")}</span>" "
                <select id="bulk-status" aria-label=tr("批量状态", "Bulk status") on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(s) = Status::ALL.into_iter().find(|s| format!("{s:?}") == v) { status.set(s); }
                }>
                    {move || Status::ALL.into_iter().map(|s| view! {
                        <option value=format!("{s:?}") selected=s == status.get_untracked()>{lang.get().pick(s.label_zh(), s.label_en())}</option>
                    }).collect_view()}
                </select>
            </label>
            <button id="bulk-apply" disabled=move || selected.read().is_empty() on:click=apply>
                {move || format!("{}（{}）", lang.get().pick("应用", "Apply"), selected.read().len())}
            </button>
        </div>
    }
}
