//! Small pieces shared by several pages.

use super::state::{tr, use_lang, use_plan};
use crate::plan::{Task, UnitRef};
use crate::route::Route;
use leptos::prelude::*;

/// The first `chars` characters of a text, with an ellipsis when cut.
pub fn excerpt(text: &str, chars: usize) -> String {
    let mut out: String = text.chars().take(chars).collect();
    if text.chars().count() > chars {
        out.push('…');
    }
    out
}

/// Sets the window title to "<page> · <app>", so tabs and history entries are distinguishable.
pub fn set_title(page: String) {
    let app = use_lang()
        .get_untracked()
        .pick("兰白双区工作台", "Lanbai Planner");
    document().set_title(&format!("{page} · {app}"));
}

/// A unit as a task names it, linking to the unit's duty list; an alias also shows the canonical name.
#[component]
pub fn UnitLink(unit: UnitRef) -> impl IntoView {
    let plan = use_plan();
    let canonical = plan
        .get_untracked()
        .units
        .iter()
        .find(|u| u.id == unit.unit)
        .map(|u| u.name.clone())
        .filter(|name| *name != unit.name);
    view! {
        <a class="unit-link" href=Route::Unit(unit.unit.clone()).to_hash()>{unit.name.clone()}</a>
        {canonical.map(|name| view! { <span class="alias-note">{format!("（即{name}）")}</span> })}
    }
}

/// A task as a link with its number and an excerpt of its text.
#[component]
pub fn TaskLink(task: Task, #[prop(default = 60)] chars: usize) -> impl IntoView {
    view! {
        <a class="task-link" href=Route::Task(task.number).to_hash()>
            <span class="task-no">{task.number}</span>
            <span>{excerpt(&task.text, chars)}</span>
        </a>
    }
}

/// Text with the runs that match the query marked.
#[component]
pub fn Highlighted(text: String, terms: Vec<String>) -> impl IntoView {
    crate::plan::query::highlight(&text, &terms)
        .into_iter()
        .map(|(run, hit)| {
            if hit {
                view! { <mark>{run}</mark> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
}

/// Answer for a link that names nothing in this plan.
#[component]
pub fn NotFound(what: String) -> impl IntoView {
    set_title(
        use_lang()
            .get_untracked()
            .pick("未找到", "Not found")
            .to_string(),
    );
    view! {
        <section class="page">
            <h1>{tr("没有这个页面", "No such page")}</h1>
            <p>
                {tr("链接指向的内容在本计划中不存在：", "The link points to nothing in this plan: ")}
                <code>{what}</code>
            </p>
            <p><a href="#/">{tr("回到概览", "Back to the overview")}</a></p>
        </section>
    }
}
