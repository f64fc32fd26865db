//! The frame around every page: header (title, search, unit picker, language), the outline of groups and
//! tasks on the left, and the routed page on the right. On a narrow window the outline folds away.

use super::browser;
use super::state::{tr, use_lang, use_my_unit, use_plan, use_route};
use crate::route::{Route, SearchQuery};
use leptos::prelude::*;

#[component]
pub fn Shell() -> impl IntoView {
    super::plans::provide_library();
    let outline_open = RwSignal::new(false);
    let route = use_route();
    // Following a link from the folded outline should also fold it again.
    Effect::new(move |_| {
        route.track();
        outline_open.set(false);
    });
    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            browser::focus_main();
        }>{tr("跳到正文", "Skip to content")}</a>
        <Header outline_open/>
        <div class="layout">
            <nav
                class="outline"
                class:open=move || outline_open.get()
                aria-label=tr("目录", "Outline")
            >
                <Outline/>
            </nav>
            <main id="main" tabindex="-1">
                <super::update::UpdateNotice/>
                <super::update::FileNotice/>
                <super::banner::Banner/>
                <Page/>
            </main>
        </div>
    }
}

#[component]
fn Header(outline_open: RwSignal<bool>) -> impl IntoView {
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
                    <option value="">{tr("（未选择）", "(none)")}</option>
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
            <DataStatus/>
            <button
                class="lang-toggle"
                lang=move || lang.get().other().html_lang()
                aria-label=tr("Switch to English", "切换到中文")
                on:click=move |_| lang.update(|l| *l = l.other())
            >
                {tr("English", "中文")}
            </button>
        </header>
    }
}

/// Groups and their tasks, with the current one marked.
#[component]
fn Outline() -> impl IntoView {
    let plan = use_plan();
    let route = use_route();
    let is_current = move |r: Route| route.get() == r;
    view! {
        <a class="outline-home" href="#/" aria-current=move || is_current(Route::Overview).then_some("page")>
            {tr("概览", "Overview")}
        </a>
        {move || {
            let plan = plan.get();
            plan.groups
                .iter()
                .map(|g| {
                    let number = g.number;
                    let tasks = plan
                        .tasks_in_group(number)
                        .map(|t| {
                            let n = t.number;
                            let text = super::components::excerpt(&t.text, 18);
                            view! {
                                <li>
                                    <a
                                        href=Route::Task(n).to_hash()
                                        aria-current=move || is_current(Route::Task(n)).then_some("page")
                                    >
                                        <super::pace::PaceDot task_id=t.id()/>
                                        <span class="task-no">{n}</span>
                                        <span class="task-excerpt">{text}</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="outline-group">
                            <a
                                class="outline-group-title"
                                href=Route::Group(number).to_hash()
                                aria-current=move || is_current(Route::Group(number)).then_some("page")
                            >
                                {g.heading()}
                            </a>
                            <ol class="outline-tasks">{tasks}</ol>
                        </div>
                    }
                })
                .collect_view()
        }}
        <ul class="outline-links">
            <li><a href="#/units">{tr("责任单位", "Units")}</a></li>
            <li><a href="#/matrix">{tr("分工矩阵", "Responsibility matrix")}</a></li>
            <li><a href="#/targets">{tr("目标图表", "Target charts")}</a></li>
            <li><a href="#/history">{tr("修改记录", "History")}</a></li>
            <li><a href="#/print">{tr("打印报表", "Print report")}</a></li>
            <li><a href="#/data">{tr("数据与备份", "Data and backup")}</a></li>
            <li><a href="#/plans">{tr("计划库", "Plans")}</a></li>
            <li><a href="#/import">{tr("导入计划", "Import a plan")}</a></li>
        </ul>
    }
}

/// The page for the current route.
#[component]
fn Page() -> impl IntoView {
    let route = use_route();
    move || match route.get() {
        Route::Overview => super::overview::Overview().into_any(),
        Route::Group(n) => view! { <super::group::GroupPage number=n/> }.into_any(),
        Route::Task(n) => view! { <super::task::TaskPage number=n/> }.into_any(),
        Route::Units => super::units::UnitsPage().into_any(),
        Route::Unit(id) => view! { <super::units::UnitPage id/> }.into_any(),
        Route::Matrix(sort) => view! { <super::matrix::MatrixPage sort/> }.into_any(),
        Route::Search(query) => view! { <super::search::SearchPage query/> }.into_any(),
        Route::Import => super::import::ImportPage().into_any(),
        Route::Plans(open) => view! { <super::plans::PlansPage open/> }.into_any(),
        Route::NotFound(raw) => view! { <super::components::NotFound what=raw/> }.into_any(),
        Route::Data => super::data::DataPage().into_any(),
        Route::Targets => super::targets::TargetsPage().into_any(),
        Route::History => super::history::HistoryPage().into_any(),
        Route::Print => super::print::PrintPage().into_any(),
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
