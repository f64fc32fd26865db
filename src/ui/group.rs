//! `#/group/{n}`: one task group with its tasks.

use super::components::{NotFound, TaskLink, set_title};
use super::state::{use_lang, use_plan};
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn GroupPage(number: u32) -> impl IntoView {
    let plan = use_plan();
    let lang = use_lang();
    move || {
        let plan = plan.get();
        let Some(group) = plan.group(number).cloned() else {
            return view! { <NotFound what=Route::Group(number).to_hash()/> }.into_any();
        };
        set_title(group.heading());
        let tasks = plan
            .tasks_in_group(number)
            .map(|t| view! { <li><TaskLink task=t.clone() chars=120/></li> })
            .collect_view();
        let prev = plan.group(number.wrapping_sub(1)).map(|g| g.number);
        let next = plan.group(number + 1).map(|g| g.number);
        view! {
            <article class="page">
                <p class="crumbs"><a href="#/">{lang.get().pick("概览", "Overview")}</a></p>
                <h1>{group.heading()}</h1>
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
