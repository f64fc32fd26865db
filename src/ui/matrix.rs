//! `#/matrix`: units × tasks with 牵 / 实 / 配 cells, sortable, downloadable as CSV for Excel. Large plans
//! are shown a page of task columns at a time; the CSV always holds the whole matrix.

use super::browser;
use super::components::set_title;
use super::state::{use_lang, use_plan};
use crate::plan::matrix::{cell_text, matrix_csv};
use crate::route::{MatrixSort, Route};
use leptos::prelude::*;

#[component]
pub fn MatrixPage(sort: MatrixSort) -> impl IntoView {
    let plan = use_plan();
    let lang = use_lang();
    let error = RwSignal::new(None::<String>);
    let page = RwSignal::new(0usize);
    move || {
        let plan = plan.get();
        let lang = lang.get();
        let pages = plan.tasks.len().div_ceil(PAGE_COLUMNS).max(1);
        let page_no = page.get().min(pages - 1);
        let columns = page_no * PAGE_COLUMNS..((page_no + 1) * PAGE_COLUMNS).min(plan.tasks.len());
        set_title(lang.pick("分工矩阵", "Responsibility matrix").to_string());
        let sort_links = MatrixSort::ALL
            .into_iter()
            .map(|s| {
                let label = match s {
                    MatrixSort::Plan => lang.pick("按原文顺序", "Source order"),
                    MatrixSort::Name => lang.pick("按单位名称", "By name"),
                    MatrixSort::Load => lang.pick("按任务数", "By task count"),
                };
                view! {
                    <a href=Route::Matrix(s).to_hash() aria-current=(s == sort).then_some("true")>{label}</a>
                }
            })
            .collect_view();
        let head = plan.tasks[columns.clone()]
            .iter()
            .map(|t| {
                view! {
                    <th scope="col" title=super::components::excerpt(&t.text, 40)>
                        <a href=Route::Task(t.number).to_hash()>{t.number}</a>
                    </th>
                }
            })
            .collect_view();
        let rows = crate::plan::matrix::matrix_columns(&plan, sort, columns.clone())
            .into_iter()
            .map(|row| {
                let cells = row
                    .cells
                    .iter()
                    .map(|roles| {
                        let class = roles.first().map(|r| format!("cell-{}", r.slug())).unwrap_or_default();
                        view! { <td class=class>{cell_text(roles)}</td> }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row"><a href=Route::Unit(row.unit.id.clone()).to_hash()>{row.unit.name.clone()}</a></th>
                        {cells}
                        <td class="num">{row.total}</td>
                    </tr>
                }
            })
            .collect_view();
        let plan_for_csv = plan.clone();
        let download = move |_| {
            let csv = matrix_csv(&plan_for_csv, sort);
            let name = format!("{}-分工矩阵.csv", plan_for_csv.id);
            error.set(browser::download(&name, "text/csv;charset=utf-8", &csv).err());
        };
        view! {
            <article class="page matrix-page">
                <h1>{lang.pick("任务分工矩阵", "Responsibility matrix")}</h1>
                <p class="muted">{lang.pick("牵 = 牵头单位，实 = 实施单位，配 = 配合单位。", "牵 = lead, 实 = implementing, 配 = cooperating.")}</p>
                <div class="toolbar">
                    <nav class="sort" aria-label=lang.pick("排序", "Sort")>
                        <span>{lang.pick("排序：", "Sort: ")}</span>
                        {sort_links}
                    </nav>
                    <button id="matrix-csv" on:click=download>{lang.pick("下载 CSV", "Download CSV")}</button>
                </div>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                {(pages > 1).then(|| view! {
                    <nav class="pager" aria-label=lang.pick("矩阵分页", "Matrix pages")>
                        <button id="matrix-prev" disabled=page_no == 0 on:click=move |_| page.set(page_no.saturating_sub(1))>
                            {lang.pick("上一页", "Previous")}
                        </button>
                        <span role="status">
                            {format!("{} {}–{} / {}", lang.pick("任务", "Tasks"), columns.start + 1, columns.end, plan.tasks.len())}
                        </span>
                        <button id="matrix-next" disabled=page_no + 1 >= pages on:click=move |_| page.set(page_no + 1)>
                            {lang.pick("下一页", "Next")}
                        </button>
                    </nav>
                })}
                <div class="table-scroll" tabindex="0" role="region" aria-label=lang.pick("分工矩阵", "Responsibility matrix")>
                    <table class="matrix">
                        <thead>
                            <tr>
                                <th scope="col">{lang.pick("单位 \\ 任务", "Unit \\ task")}</th>
                                {head}
                                <th scope="col">{lang.pick("合计", "Total")}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </article>
        }
    }
}

/// Task columns per page. A province-wide plan is ~300 units × 10,000 tasks, three million cells that no
/// browser lays out in reasonable time; 50 columns keep a page near 15,000 cells.
const PAGE_COLUMNS: usize = 50;
