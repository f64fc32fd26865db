//! The header: the brand, the plan switcher, search, the unit picker, the work mode, where the edits stand,
//! sync and the language. From 64rem up it is one line; below, its tools fold into a panel (菜单).

use super::browser;
use super::state::{tr, use_lang, use_my_unit, use_plan, use_route};
use crate::route::{Route, SearchQuery};
use leptos::prelude::*;

#[component]
pub fn Header(outline_open: RwSignal<bool>, menu_open: RwSignal<bool>) -> impl IntoView {
    let plan = use_plan();
    let lang = use_lang();
    let my_unit = use_my_unit();
    let route = use_route();
    let query = Memo::new(move |_| match route.get() {
        Route::Search(q) => q.q,
        _ => String::new(),
    });
    let on_search = move |ev: leptos::ev::Event| {
        let q = event_target_value(&ev);
        let next = match route.get_untracked() {
            Route::Search(current) => SearchQuery { q, ..current },
            _ => SearchQuery {
                q,
                ..Default::default()
            },
        };
        let next = Route::Search(next);
        // Typing refines one search: replace the entry rather than pile up history.
        if matches!(route.get_untracked(), Route::Search(_)) {
            browser::replace_hash(&next);
        } else {
            browser::push_hash(&next);
        }
        route.set(next);
    };
    let on_unit = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if id.is_empty() {
            my_unit.set(None);
        } else {
            // Choosing the coordinating unit is choosing to coordinate, and any other unit to report.
            let office = crate::journal::permit::is_coordinator(&plan.read_untracked(), &id);
            let mode = if office {
                crate::storage::settings::WorkMode::Coordinate
            } else {
                crate::storage::settings::WorkMode::Report
            };
            super::settings::use_settings().mode.set(mode);
            browser::push_hash(&Route::Unit(id.clone()));
            my_unit.set(Some(id));
        }
    };
    view! {
        <header class="topbar">
            <button
                class="outline-toggle"
                aria-expanded=move || outline_open.get().to_string()
                on:click=move |_| outline_open.update(|open| *open = !*open)
            >
                {tr("目录", "Outline")}
            </button>
            <a class="brand" href="#/">
                <span class="brand-name">{tr("兰白双区工作台", "Lanbai Planner")}</span>
                <span class="brand-plan">{move || plan.get().meta.title.clone()}</span>
            </a>
            <super::sync_page::SyncStatus/>
            <button
                class="menu-toggle"
                aria-controls="topbar-tools"
                aria-expanded=move || menu_open.get().to_string()
                on:click=move |_| menu_open.update(|open| *open = !*open)
            >
                {move || if menu_open.get() { lang.get().pick("收起", "Close") } else { lang.get().pick("菜单", "Menu") }}
            </button>
            // One line on a wide window (`display: contents`); below 64rem a panel the menu button unfolds.
            <div
                class="topbar-tools"
                id="topbar-tools"
                class:open=move || menu_open.get()
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        menu_open.set(false);
                    }
                }
            >
            <super::plans::PlanSwitcher/>
            <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
                <input
                    type="search"
                    id="search-box"
                    aria-keyshortcuts="/"
                    aria-label=tr("搜索任务、单位", "Search tasks and units")
                    placeholder=tr("搜索任务、单位…（按 / 键）", "Search tasks, units… (press /)")
                    prop:value=move || query.get()
                    on:input=on_search
                />
            </form>
            <label class="unit-picker">
                <span>{tr("我的单位", "My unit")}</span>
                <select aria-label=tr("我的单位", "My unit") on:change=on_unit prop:value=move || my_unit.get().unwrap_or_default()>
                    <option value="">{tr("（选择我的单位）", "(choose my unit)")}</option>
                    {move || {
                        let selected = my_unit.get();
                        plan.get()
                            .units
                            .iter()
                            .map(|u| {
                                let is_selected = selected.as_deref() == Some(u.id.as_str());
                                view! { <option value=u.id.clone() selected=is_selected>{u.name.clone()}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            {move || my_unit.get().map(|id| view! {
                <a class="my-duties" href=Route::Unit(id).to_hash()>{tr("我的责任清单", "My duties")}</a>
            })}
            <WorkModePicker/>
            <DataStatus/>
            <button
                class="lang-toggle"
                lang=move || lang.get().other().html_lang()
                aria-label=tr("Switch to English", "切换到中文")
                on:click=move |_| lang.update(|l| *l = l.other())
            >
                {tr("English", "中文")}
            </button>
            </div>
        </header>
    }
}

/// 填报 or 汇总督办; choosing one opens its page (报送 or 汇总督办). Choosing 汇总督办 makes the plan's coordinating unit
/// "my unit", since reviews are that unit's edits; it is a way of working, not a login.
#[component]
fn WorkModePicker() -> impl IntoView {
    use crate::storage::settings::WorkMode;
    let settings = super::settings::use_settings();
    let plan = use_plan();
    let my_unit = use_my_unit();
    let on_change = move |ev: leptos::ev::Event| {
        let mode = if event_target_value(&ev) == "coordinate" {
            WorkMode::Coordinate
        } else {
            WorkMode::Report
        };
        settings.mode.set(mode);
        let next = match mode {
            WorkMode::Coordinate => {
                if let Some(office) = plan.read_untracked().meta.coordinator.clone() {
                    my_unit.set(Some(office));
                }
                Route::Collect(Default::default())
            }
            WorkMode::Report => Route::Report,
        };
        browser::push_hash(&next);
    };
    view! {
        <label class="mode-picker">
            <span class="visually-hidden">{tr("工作方式", "Way of working")}</span>
            <select id="work-mode" aria-label=tr("工作方式", "Way of working") on:change=on_change>
                <option value="report" selected=move || settings.mode.get() == WorkMode::Report>{tr("填报", "Reporting")}</option>
                <option value="coordinate" selected=move || settings.mode.get() == WorkMode::Coordinate>{tr("汇总督办", "Coordinating")}</option>
            </select>
        </label>
    }
}

/// Where the edits stand, in the header: how many, and whether the last write reached storage.
#[component]
fn DataStatus() -> impl IntoView {
    let edits = super::edits::use_edits();
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let count = edits.ops.read().len();
        let failed = edits.health.read().save_error.is_some();
        let text = if failed {
            lang.pick("未能保存！", "Not saved!").to_string()
        } else {
            format!(
                "{count} {}",
                lang.pick("条修改 · 已存本机", "edits · saved here")
            )
        };
        view! {
            <a class="data-status" class:failed=failed href="#/data" title=lang.pick("数据与备份", "Data and backup")>{text}</a>
        }
    }
}
