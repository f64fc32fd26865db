//! One chart on a page: the SVG from a pure chart function, redrawn at the page width and in the interface
//! language, with a "show as table" toggle holding the same numbers, and SVG / PNG downloads.

use super::browser;
use super::state::{tr, use_lang};
use crate::charts::{Chart, ChartOptions};
use crate::i18n::Lang;
use leptos::prelude::*;

/// Width charts are drawn at, from the window width and the layout's fixed parts (outline, paddings), so a
/// chart knows its size before it is in the page and never jumps.
#[derive(Clone, Copy)]
pub struct ChartWidth(pub RwSignal<u32>);

fn width_for_window() -> u32 {
    let inner = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(1280.0);
    // Mirrors public/style.css: an 18rem outline above 56rem, main and page paddings.
    let available = if inner > 896.0 {
        inner.min(288.0 + 64.0 + 1152.0) - 288.0 - 64.0 - 60.0
    } else {
        inner - 26.0 - 34.0
    };
    available.clamp(280.0, 1100.0) as u32
}

/// Installs the width signal and keeps it in step with window resizes.
pub fn provide_chart_width() {
    let width = RwSignal::new(width_for_window());
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        let w = width_for_window();
        if width.get_untracked() != w {
            width.set(w);
        }
    });
    on_cleanup(move || handle.remove());
    provide_context(ChartWidth(width));
}

/// Options for drawing at the current width and language; `scale` narrows small multiples.
pub fn chart_options(
    id: &str,
    scale: f64,
) -> impl Fn() -> ChartOptions + Clone + Send + Sync + 'static {
    let width = expect_context::<ChartWidth>().0;
    let lang = use_lang();
    let id: std::sync::Arc<str> = id.into();
    move || ChartOptions {
        width: ((f64::from(width.get()) * scale) as u32).max(crate::charts::MIN_WIDTH),
        lang: lang.get(),
        id: id.to_string(),
    }
}

/// A chart with its table toggle and downloads. `chart` is re-run when what it reads changes.
#[component]
pub fn ChartView(#[prop(into)] chart: Signal<Chart>, file_stem: String) -> impl IntoView {
    // Callers pass derived signals; memoise here so toggling the table or downloading does not draw again.
    let chart = Memo::new(move |_| chart.get());
    let lang = use_lang();
    let as_table = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let stem = StoredValue::new(file_stem);
    let download_svg = move |_| {
        let svg = chart.with_untracked(|c| c.svg.clone());
        let name = format!("{}.svg", stem.get_value());
        error.set(browser::download(&name, "image/svg+xml", &svg).err());
    };
    let download_png = move |_| {
        let svg = chart.with_untracked(|c| c.svg.clone());
        let name = format!("{}.png", stem.get_value());
        error.set(browser::download_svg_as_png(&svg, &name).err());
    };
    view! {
        <figure class="chart">
            {move || {
                let c = chart.get();
                if as_table.get() {
                    table_view(&c, lang.get()).into_any()
                } else {
                    // The SVG is built by our chart code, which escapes every text it draws.
                    view! { <div class="chart-svg" inner_html=c.svg></div> }.into_any()
                }
            }}
            <figcaption>
                <button
                    class="chart-table-toggle"
                    aria-pressed=move || as_table.get().to_string()
                    on:click=move |_| as_table.update(|t| *t = !*t)
                >
                    {move || if as_table.get() { lang.get().pick("显示图表", "Show chart") } else { lang.get().pick("以表格显示", "Show as table") }}
                </button>
                <button class="chart-svg-download" on:click=download_svg>{tr("下载 SVG", "Download SVG")}</button>
                <button class="chart-png-download" on:click=download_png>{tr("下载 PNG", "Download PNG")}</button>
                {move || error.get().map(|e| view! { <span class="error" role="alert">{e}</span> })}
            </figcaption>
        </figure>
    }
}

fn table_view(chart: &Chart, lang: Lang) -> impl IntoView {
    let head = chart
        .table
        .headers
        .iter()
        .map(|h| view! { <th scope="col">{h.clone()}</th> })
        .collect_view();
    let rows = chart
        .table
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    if i == 0 {
                        view! { <th scope="row">{cell.clone()}</th> }.into_any()
                    } else {
                        view! { <td class="num">{cell.clone()}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="chart-table">
            <caption>{chart.title.clone()}{lang.pick("（数据表）", " (data)")}</caption>
            <thead><tr>{head}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
