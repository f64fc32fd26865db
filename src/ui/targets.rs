//! `#/targets`: every target against its latest actual, per city, with attainment and the time-elapsed
//! line (序时进度); the "六个一百" set as one chart, a chart per indicator in its own unit, and each target's
//! reported figures over time against the straight path to the year's goal.

use super::chart_view::{ChartView, chart_options};
use super::components::set_title;
use super::edits::use_edits;
use super::pace::use_pace;
use super::state::{tr, use_lang, use_plan};
use crate::charts::from_plan::{progress_input, target_inputs};
use crate::charts::{progress_chart, target_chart, targets_overview_chart};
use crate::journal::elapsed_fraction;
use crate::route::Route;
use leptos::prelude::*;

/// Targets drawn at first, and added per "show more".
const PAGE: usize = 12;

/// The overview chart draws at most this many targets (the table and per-indicator charts hold the rest).
const OVERVIEW_MAX: usize = 60;

/// Share of the plan year elapsed at the review date, for the 序时进度 line.
pub fn use_elapsed() -> Memo<Option<f64>> {
    let plan = use_plan();
    let pace = use_pace();
    Memo::new(move |_| elapsed_fraction(plan.read().meta.year, &pace.review_date.get()))
}

#[component]
pub fn TargetsPage() -> impl IntoView {
    let plan = use_plan();
    let edits = use_edits();
    let lang = use_lang();
    let pace = use_pace();
    let elapsed = use_elapsed();
    set_title(
        lang.get_untracked()
            .pick("目标完成情况", "Targets")
            .to_string(),
    );
    let inputs = Memo::new(move |_| target_inputs(&plan.read(), &edits.view.read()));
    // One chart per indicator; the list is rebuilt only when the number of targets changes.
    let count = Memo::new(move |_| inputs.read().len());
    // A province-wide plan has thousands of targets: draw the first few and more on request.
    let shown = RwSignal::new(PAGE);
    let each_options = chart_options("target", 1.0);
    let per_indicator = move || {
        (0..count.get().min(shown.get()))
            .map(|i| {
                let options = each_options.clone();
                let chart = Signal::derive(move || {
                    let mut opts = options();
                    opts.id = format!("{}-{i}", opts.id);
                    let input = inputs.with(|all| all.get(i).cloned()).unwrap_or_default();
                    target_chart(&input, elapsed.get(), &opts)
                });
                view! { <ChartView chart file_stem=format!("target-{}", i + 1)/> }
            })
            .collect_view()
    };
    let progress_options = chart_options("progress", 1.0);
    let progress = move || {
        let plan_now = plan.get();
        plan_now
            .targets()
            .take(shown.get())
            .enumerate()
            .map(|(i, (task, target))| {
                let options = progress_options.clone();
                let target = target.clone();
                let chart = Signal::derive(move || {
                    let plan = plan.read();
                    let view = edits.view.read();
                    let mut opts = options();
                    opts.id = format!("{}-{i}", opts.id);
                    progress_chart(&progress_input(&plan, &target, view.targets.get(&target.id)), &opts)
                });
                view! {
                    <section class="chart-block">
                        <h3>
                            <a href=Route::Task(task.number).to_hash()>{format!("{} {}", lang.get_untracked().pick("任务", "Task"), task.number)}</a>
                        </h3>
                        <ChartView chart file_stem=format!("progress-t{}-{i}", task.number)/>
                    </section>
                }
            })
            .collect_view()
    };
    view! {
        <article class="page targets-page">
            <h1>{tr("目标完成情况", "Targets and actuals")}</h1>
            <p class="muted" id="elapsed-line">
                {move || format!(
                    "{}{}{}{:.0}%",
                    lang.get().pick("评估日期 ", "Review date "),
                    pace.review_date.get(),
                    lang.get().pick("，全年时间已过 ", ": time elapsed "),
                    elapsed.get().unwrap_or(0.0) * 100.0
                )}
            </p>
            {move || (count.get() == 0).then(|| view! {
                <p class="notice">{tr("本计划没有量化目标。", "This plan has no numeric targets.")}</p>
            })}
            <section>
                <h2>{tr("全部目标（完成率）", "All targets (attainment)")}</h2>
                <AllTargetsChart/>
            </section>
            <section>
                <h2>{tr("分指标", "Per indicator")}</h2>
                <div class="chart-grid">{per_indicator}</div>
            </section>
            <section>
                <h2>{tr("进度走势（累计实际值与全年线性进度）", "Progress over time (reported vs linear path)")}</h2>
                {progress}
            </section>
            {move || (count.get() > shown.get()).then(|| view! {
                <p>
                    <button id="more-targets" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {format!("{}（{} / {}）", lang.get().pick("显示更多目标", "Show more targets"), shown.get(), count.get())}
                    </button>
                </p>
            })}
        </article>
    }
}

/// Every target of the plan as a share of its goal, per city (the "六个一百" set for the Gansu plan).
#[component]
pub fn AllTargetsChart() -> impl IntoView {
    let plan = use_plan();
    let edits = use_edits();
    let elapsed = use_elapsed();
    let options = chart_options("targets-all", 1.0);
    let chart = Signal::derive(move || {
        let mut inputs = target_inputs(&plan.read(), &edits.view.read());
        inputs.truncate(OVERVIEW_MAX);
        targets_overview_chart(&inputs, elapsed.get(), &options())
    });
    view! { <ChartView chart file_stem="targets-all".to_string()/> }
}
