//! `#/print`: the 任务分工表 as the reviewers know it on paper, laid out for A4 landscape (public/style.css,
//! `@page report`), with the same table as CSV and as a self-contained HTML file. The table comes from
//! [`crate::report`], so what is printed, downloaded and shown is one thing.

use super::browser;
use super::edits::use_edits;
use super::pace::use_pace;
use super::state::{tr, use_lang, use_plan};
use crate::report::html::{report_body_html, report_html};
use crate::report::{self, file_name, report_csv};
use leptos::prelude::*;

#[component]
pub fn PrintPage() -> impl IntoView {
    let plan = use_plan();
    let edits = use_edits();
    let pace = use_pace();
    let lang = use_lang();
    let error = RwSignal::new(None::<String>);
    // Built when read (ten rows: cheap) rather than kept in a memo, which would cost the wasm a memo of a new type.
    let report = move || {
        report::build(
            &plan.read(),
            &edits.view.read(),
            &pace.review_date.get(),
            lang.get(),
        )
    };
    let save = move |ext: &'static str, mime: &'static str| {
        let r = untrack(report);
        let lang = lang.get_untracked();
        let body = match ext {
            "csv" => report_csv(&r, lang),
            _ => report_html(&r, lang),
        };
        let name = file_name(lang.pick("任务分工表", "task-table"), &r.review_date, ext);
        error.set(browser::download(&name, mime, &body).err());
    };
    Effect::new(move |_| {
        super::components::set_title(
            lang.get()
                .pick("任务分工表", "Task assignment table")
                .to_string(),
        )
    });
    view! {
        <article class="page print-page">
            <div class="toolbar print-toolbar">
                <p class="muted">{tr(
                    "按 A4 横向排版，可直接打印（Ctrl+P）或存为 PDF。",
                    "Laid out for A4 landscape: print it (Ctrl+P) or save it as PDF.")}</p>
                <div class="print-actions">
                    <button id="print-now" on:click=|_| { let _ = window().print(); }>{tr("打印", "Print")}</button>
                    <button id="print-csv" on:click=move |_| save("csv", "text/csv;charset=utf-8")>{tr("下载 CSV", "Download CSV")}</button>
                    <button id="print-html" on:click=move |_| save("html", "text/html;charset=utf-8")>{tr("下载 HTML 报告", "Download HTML report")}</button>
                </div>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            // Escaped by report::html (tested natively): the page shows the very markup the HTML file holds.
            <div class="report" inner_html=move || report_body_html(&report(), lang.get())></div>
            // The charts print after the table, on a page of their own.
            <section class="print-charts" id="print-charts">
                <h2>{super::state::tr("目标与进展图表", "Targets and progress charts")}</h2>
                <super::targets::AllTargetsChart/>
                <super::overview::TaskCharts/>
            </section>
        </article>
    }
}
