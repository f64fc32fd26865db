//! The frame around every page: header (title, search, unit picker, language), the outline of groups and
//! tasks on the left, and the routed page on the right. On a narrow window the outline folds away.

use super::browser;
use super::state::{tr, use_plan, use_route};
use crate::route::{Route, SearchQuery};
use leptos::prelude::*;

#[component]
pub fn Shell() -> impl IntoView {
    super::plans::provide_library();
    let outline_open = RwSignal::new(false);
    let menu_open = expect_context::<super::state::HeaderMenuContext>().0;
    let route = use_route();
    // Following a link from the folded outline or menu should also fold it again.
    Effect::new(move |_| {
        route.track();
        outline_open.set(false);
        menu_open.set(false);
    });
    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            browser::focus_main();
        }>{tr("跳到正文", "Skip to content")}</a>
        <super::header::Header outline_open menu_open/>
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
        <super::unit_prompt::UnitPrompt/>
    }
}

/// Above this many tasks the outline shows only the rows in view (see [`VirtualOutline`]); below it, every
/// row is in the DOM, which keeps find-in-page and printing simple for plans of ordinary size.
const VIRTUAL_FROM: usize = 300;

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
            if plan.tasks.len() >= VIRTUAL_FROM {
                return view! { <VirtualOutline/> }.into_any();
            }
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
                .into_any()
        }}
        <ul class="outline-links">
            <li><a href="#/units">{tr("责任单位", "Units")}</a></li>
            <li><a href="#/matrix">{tr("分工矩阵", "Responsibility matrix")}</a></li>
            <li><a href="#/report">{tr("报送", "Report")}</a></li>
            <li><a href="#/collect">{tr("汇总督办", "Collect and review")}</a></li>
            <li><a href="#/targets">{tr("目标图表", "Target charts")}</a></li>
            <li><a href="#/history">{tr("修改记录", "History")}</a></li>
            <li><a href="#/print">{tr("打印报表", "Print report")}</a></li>
            <li><a href="#/data">{tr("数据与备份", "Data and backup")}</a></li>
            <li><a href="#/plans">{tr("计划库", "Plans")}</a></li>
            <li><a href="#/import">{tr("导入计划", "Import a plan")}</a></li>
        </ul>
    }
}

/// Height of one outline row in px; `.outline-virtual` rows are fixed to it in the style sheet.
const ROW_PX: i32 = 28;
/// Rows rendered above and below the visible ones, so a fast wheel turn does not show blank space.
const OVERSCAN: i32 = 12;

/// One row of the flattened outline: a group heading or a task (by index into `plan.tasks`).
#[derive(Clone, Copy, PartialEq)]
enum OutlineRow {
    Group(usize),
    Task(usize),
}

/// The outline of a large plan: one scroll box whose height is that of every row, holding only the rows in
/// view. Thousands of tasks otherwise cost seconds at start and a long frame on every status change, since
/// each row carries a status dot bound to the edits.
#[component]
fn VirtualOutline() -> impl IntoView {
    let plan = use_plan();
    let route = use_route();
    let scroller = NodeRef::<leptos::html::Div>::new();
    // The first row in view, and how many rows fit: updated on scroll, only when they change.
    let first = RwSignal::new(0i32);
    let visible = RwSignal::new(40i32);
    let rows = Memo::new(move |_| {
        let plan = plan.read();
        let mut rows = Vec::with_capacity(plan.tasks.len() + plan.groups.len());
        let mut last_group = None;
        for (i, t) in plan.tasks.iter().enumerate() {
            if last_group != Some(t.group) {
                if let Some(g) = plan.groups.iter().position(|g| g.number == t.group) {
                    rows.push(OutlineRow::Group(g));
                }
                last_group = Some(t.group);
            }
            rows.push(OutlineRow::Task(i));
        }
        rows
    });
    let on_scroll = move |_| {
        if let Some(el) = scroller.get_untracked() {
            let top = el.scroll_top() / ROW_PX;
            let fit = el.client_height() / ROW_PX + 1;
            if first.get_untracked() != top {
                first.set(top);
            }
            if visible.get_untracked() != fit {
                visible.set(fit);
            }
        }
    };
    // Opening a task from elsewhere (a link, Back) brings its row into view.
    Effect::new(move |_| {
        let Route::Task(n) = route.get() else { return };
        let index = rows.with_untracked(|rows| {
            let plan = plan.read_untracked();
            rows.iter()
                .position(|r| matches!(r, OutlineRow::Task(i) if plan.tasks[*i].number == n))
        });
        if let (Some(index), Some(el)) = (index, scroller.get_untracked()) {
            let y = index as i32 * ROW_PX;
            if y < el.scroll_top() || y + ROW_PX > el.scroll_top() + el.client_height() {
                el.set_scroll_top((y - el.client_height() / 2).max(0));
            }
        }
    });
    let window = move || {
        let total = rows.with(Vec::len) as i32;
        let start = (first.get() - OVERSCAN).clamp(0, total);
        let end = (first.get() + visible.get() + OVERSCAN).clamp(start, total);
        (start, end, total)
    };
    let shown = move || {
        let (start, end, _) = window();
        (start..end).collect::<Vec<i32>>()
    };
    let row_view = move |index: i32| {
        let row = rows.with_untracked(|rows| rows.get(index as usize).copied());
        let plan = plan.read_untracked();
        match row {
            Some(OutlineRow::Group(g)) => {
                let g = &plan.groups[g];
                let number = g.number;
                view! {
                    <li class="outline-row outline-group-title">
                        <a
                            href=Route::Group(number).to_hash()
                            aria-current=move || (route.get() == Route::Group(number)).then_some("page")
                        >
                            {format!("({}){}", g.numeral, g.title)}
                        </a>
                    </li>
                }
                .into_any()
            }
            Some(OutlineRow::Task(i)) => {
                let t = &plan.tasks[i];
                let n = t.number;
                view! {
                    <li class="outline-row">
                        <a
                            href=Route::Task(n).to_hash()
                            aria-current=move || (route.get() == Route::Task(n)).then_some("page")
                        >
                            <super::pace::PaceDot task_id=t.id()/>
                            <span class="task-no">{n}</span>
                            <span class="task-excerpt">{super::components::excerpt(&t.text, 18)}</span>
                        </a>
                    </li>
                }
                .into_any()
            }
            None => ().into_any(),
        }
    };
    view! {
        <div class="outline-virtual" node_ref=scroller on:scroll=on_scroll tabindex="0"
            aria-label=tr("任务目录（滚动显示更多）", "Task outline (scroll for more)")>
            <ul
                class="outline-tasks"
                style:height=move || format!("{}px", window().2 * ROW_PX)
                style:padding-top=move || format!("{}px", window().0 * ROW_PX)
            >
                <For each=shown key=|i| *i children=row_view/>
            </ul>
        </div>
    }
}

/// The page for the current route.
#[component]
fn Page() -> impl IntoView {
    let route = use_route();
    // Typing in the search box changes the route on every keystroke; the search page follows the query
    // itself, so only a change of filters (or of page) builds a new page.
    let page = Memo::new(move |_| match route.get() {
        Route::Search(q) => Route::Search(SearchQuery {
            q: String::new(),
            ..q
        }),
        other => other,
    });
    move || match page.get() {
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
        Route::Sync => super::sync_page::SyncPage().into_any(),
        Route::Targets => super::targets::TargetsPage().into_any(),
        Route::History => super::history::HistoryPage().into_any(),
        Route::Print => super::print::PrintPage().into_any(),
        Route::Report => super::report_page::ReportPage().into_any(),
        Route::Collect(query) => view! { <super::collect::CollectPage query/> }.into_any(),
        Route::Bulletin(period) => view! { <super::bulletin::BulletinPage period/> }.into_any(),
    }
}
