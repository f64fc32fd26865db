//! `#/search?q=…&unit=…&role=…&group=…`: full-text search with filters, all kept in the URL so a filtered
//! view can be bookmarked or sent to a colleague.

use super::browser;
use super::components::{Highlighted, set_title};
use super::state::{tr, use_lang, use_plan, use_route};
use crate::plan::Role;
use crate::plan::query::{Filters, SearchIndex, query_terms, search_indexed};
use crate::route::{Route, SearchQuery};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn SearchPage(query: SearchQuery) -> impl IntoView {
    let plan = use_plan();
    let lang = use_lang();
    let route = use_route();
    // Folded once per plan; each keystroke then only scans it.
    let index = Memo::new(move |_| Arc::new(SearchIndex::new(&plan.read())));
    // Results rendered at once: a short query can match thousands of tasks, and building their rows is
    // what a keystroke would wait for. "Show more" raises it.
    let limit = RwSignal::new(RESULTS_SHOWN);
    // Changing a filter is a new view worth a history entry.
    let set_filter = move |change: &dyn Fn(&mut SearchQuery)| {
        if let Route::Search(mut q) = route.get_untracked() {
            change(&mut q);
            browser::push_hash(&Route::Search(q));
        }
    };
    let plan_now = plan.get_untracked();
    let unit_options = plan_now
        .units
        .iter()
        .map(|u| {
            let selected = query.unit.as_deref() == Some(u.id.as_str());
            view! { <option value=u.id.clone() selected=selected>{u.name.clone()}</option> }
        })
        .collect_view();
    let group_options = plan_now
        .groups
        .iter()
        .map(|g| {
            let selected = query.group == Some(g.number);
            view! { <option value=g.number.to_string() selected=selected>{g.heading()}</option> }
        })
        .collect_view();
    let role_options = Role::ALL
        .into_iter()
        .map(|r| {
            let selected = query.role == Some(r);
            view! { <option value=r.slug() selected=selected>{move || lang.get().role(r)}</option> }
        })
        .collect_view();
    let filters = view! {
        <form class="filters" on:submit=|ev| ev.prevent_default()>
            <label>
                {tr("单位", "Unit")}
                <select id="filter-unit" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_filter(&|q| q.unit = (!v.is_empty()).then(|| v.clone()));
                }>
                    <option value="">{tr("全部单位", "All units")}</option>
                    {unit_options}
                </select>
            </label>
            <label>
                {tr("角色", "Role")}
                <select id="filter-role" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_filter(&|q| q.role = Role::from_slug(&v));
                }>
                    <option value="">{tr("全部角色", "All roles")}</option>
                    {role_options}
                </select>
            </label>
            <label>
                {tr("任务组", "Group")}
                <select id="filter-group" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_filter(&|q| q.group = v.parse().ok());
                }>
                    <option value="">{tr("全部任务组", "All groups")}</option>
                    {group_options}
                </select>
            </label>
        </form>
    };
    let results = move || {
        let plan = plan.get();
        let lang = lang.get();
        let Route::Search(q) = route.get() else {
            return ().into_any();
        };
        set_title(format!("{}{}", lang.pick("搜索：", "Search: "), q.q));
        let terms = query_terms(&q.q);
        let filters = Filters {
            unit: q.unit.clone(),
            role: q.role,
            group: q.group,
        };
        let index = index.get();
        let found = search_indexed(&plan, &index, &q.q, &filters);
        if terms.is_empty() && filters == Filters::default() {
            return view! { <p class="muted">{lang.pick("在上方搜索框输入关键词，或选择筛选条件。", "Type in the search box above, or choose a filter.")}</p> }.into_any();
        }
        let hidden = found.tasks.len().saturating_sub(limit.get());
        let task_items = found
            .tasks
            .iter()
            .take(limit.get())
            .map(|t| {
                let units: Vec<String> = t.roles.iter().map(|(_, u)| u.name.clone()).collect();
                let units_hit = !terms.is_empty()
                    && units.iter().any(|u| terms.iter().any(|term| crate::plan::query::fold_for_search(u).contains(term.as_str())));
                view! {
                    <li class="result">
                        <a href=Route::Task(t.number).to_hash()>{format!("{}{}", lang.pick("任务 ", "Task "), t.number)}</a>
                        <p><Highlighted text=t.text.clone() terms=terms.clone()/></p>
                        {units_hit.then(|| view! {
                            <p class="muted"><Highlighted text=units.join("、") terms=terms.clone()/></p>
                        })}
                    </li>
                }
            })
            .collect_view();
        let group_items = found
            .groups
            .iter()
            .map(|g| view! {
                <li><a href=Route::Group(g.number).to_hash()><Highlighted text=g.heading() terms=terms.clone()/></a></li>
            })
            .collect_view();
        let unit_items = found
            .units
            .iter()
            .map(|u| view! {
                <li><a href=Route::Unit(u.id.clone()).to_hash()><Highlighted text=u.name.clone() terms=terms.clone()/></a></li>
            })
            .collect_view();
        view! {
            <p class="result-count" role="status">
                {format!("{} {}", found.tasks.len(), lang.pick("项任务", "tasks"))}
                {(!terms.is_empty()).then(|| format!(" · {} {} · {} {}", found.groups.len(), lang.pick("个任务组", "groups"), found.units.len(), lang.pick("个单位", "units")))}
            </p>
            <section>
                <h2>{lang.pick("任务", "Tasks")}</h2>
                <ol class="results" id="task-results">{task_items}</ol>
                {(hidden > 0).then(|| view! {
                    <button id="more-results" on:click=move |_| limit.update(|l| *l += RESULTS_SHOWN)>
                        {format!("{} ({} {})", lang.pick("显示更多", "Show more"), hidden, lang.pick("项未显示", "not shown"))}
                    </button>
                })}
            </section>
            {(!found.groups.is_empty()).then(|| view! { <section><h2>{lang.pick("任务组", "Groups")}</h2><ul>{group_items}</ul></section> })}
            {(!found.units.is_empty()).then(|| view! { <section><h2>{lang.pick("单位", "Units")}</h2><ul id="unit-results">{unit_items}</ul></section> })}
        }
        .into_any()
    };
    view! {
        <article class="page search-page">
            <h1>{tr("搜索", "Search")}</h1>
            {filters}
            {results}
        </article>
    }
}

/// Task results rendered before "Show more": about four screens. Each result is a task's whole text with
/// its matches marked, and every keystroke rebuilds the shown ones.
const RESULTS_SHOWN: usize = 30;
