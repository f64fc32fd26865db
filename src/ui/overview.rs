//! `#/`: what the plan is, where it comes from, how complete our text is, and the ways onward.

use super::components::set_title;
use super::state::{tr, use_lang, use_plan};
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn Overview() -> impl IntoView {
    let plan = use_plan();
    let lang = use_lang();
    move || {
        let plan = plan.get();
        let lang = lang.get();
        set_title(plan.meta.title.clone());
        let meta = &plan.meta;
        // The heading numbering and the source file belong to the shipped article, not to imported plans.
        let shipped = plan.id == crate::storage::plans::SHIPPED_ID;
        let source_line = [
            meta.publisher.clone(),
            meta.newspaper
                .as_ref()
                .map(|n| format!("{}{n}", lang.pick("据", "reporting "))),
            meta.reporter
                .as_ref()
                .map(|r| format!("{}{r}", lang.pick("记者 ", "reporter "))),
            meta.date.clone(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        let installment = meta.installment.clone().map(|i| {
            view! {
                <aside class="notice" role="note">
                    <strong>{lang.pick("不完整的文本：", "Incomplete text: ")}</strong>
                    {match lang {
                        crate::i18n::Lang::Zh => format!(
                            "原文分{}期刊发，这里是第{}期，只含任务 1–{}。任务 {} 及以后刊于另一期，本应用中没有。",
                            i.of, i.number, i.last_task, i.last_task + 1
                        ),
                        crate::i18n::Lang::En => format!(
                            "The article was printed in {} installments; this is installment {}, with tasks 1–{} only. Tasks {} onward were printed separately and are not in this app.",
                            i.of, i.number, i.last_task, i.last_task + 1
                        ),
                    }}
                </aside>
            }
        });
        let counts = [
            (plan.groups.len(), lang.pick("个任务组", "task groups")),
            (plan.tasks.len(), lang.pick("项任务", "tasks")),
            (plan.units.len(), lang.pick("个责任单位", "units")),
            (
                plan.targets().count(),
                lang.pick("个量化目标", "numeric targets"),
            ),
        ];
        let target_task = plan.targets().next().map(|(t, _)| t.number);
        let groups = plan
            .groups
            .iter()
            .map(|g| {
                let count = plan.tasks_in_group(g.number).count();
                let first = plan.tasks_in_group(g.number).map(|t| t.number).min();
                let last = plan.tasks_in_group(g.number).map(|t| t.number).max();
                let range = match (first, last) {
                    (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
                    (Some(a), _) => a.to_string(),
                    _ => String::new(),
                };
                view! {
                    <li>
                        <a href=Route::Group(g.number).to_hash()>{g.heading()}</a>
                        <span class="muted">
                            {format!(" · {count} {} · {range}", lang.pick("项任务", "tasks"))}
                        </span>
                    </li>
                }
            })
            .collect_view();
        let sections = plan
            .sections
            .iter()
            .map(|s| {
                view! {
                    <section class="prose">
                        <h2>{format!("{}、{}", s.numeral, s.title)}</h2>
                        <p>{s.text.clone()}</p>
                    </section>
                }
            })
            .collect_view();
        let has_references = !plan.references.is_empty();
        let references = plan
            .references
            .iter()
            .map(|r| {
                view! {
                    <li>
                        {format!("《{}》", r.title)}
                        {r.number.clone().map(|n| view! { <span class="muted">{format!("（{n}）")}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <article class="page overview">
                <h1>{meta.title.clone()}</h1>
                {meta.original_title.clone().map(|t| view! {
                    <p class="muted">{lang.pick("原标题：", "Original title: ")}{t}</p>
                })}
                <p class="source-credit">{source_line}</p>
                {installment}
                <ul class="counts">
                    {counts
                        .into_iter()
                        .map(|(n, label)| view! { <li><strong>{n}</strong>" "{label}</li> })
                        .collect_view()}
                </ul>
                <super::my_tasks::MyTasks/>
                <BehindList/>
                <TaskCharts/>
                {(!plan.intro.is_empty()).then(|| view! {
                    <section class="prose lead">
                        <h2>{tr("这份计划", "About this plan")}</h2>
                        <p>{plan.intro.clone()}</p>
                    </section>
                })}
                {sections}
                <section>
                    <h2>{if shipped { lang.pick("三、工作重点和目标任务", "Key work and tasks") } else { lang.pick("任务组", "Task groups") }}</h2>
                    <ol class="group-list">{groups}</ol>
                </section>
                <section>
                    <h2>{tr("继续查看", "Go on to")}</h2>
                    <ul class="onward">
                        <li><a href="#/units">{tr("责任单位及其任务数", "Units and their task counts")}</a></li>
                        <li><a href="#/matrix">{tr("任务分工矩阵（可下载 CSV）", "Responsibility matrix (CSV download)")}</a></li>
                        {target_task.map(|n| view! {
                            <li><a href=Route::Task(n).to_hash()>{format!("{}{n}", lang.pick("量化目标：任务 ", "Numeric targets: task "))}</a></li>
                        })}
                        {shipped.then(|| view! {
                            <li><a href="gansu-2020-shuangqu-yaodian-part1.txt" target="_blank">{tr("原文（纯文本）", "Original text (plain text)")}</a></li>
                        })}
                    </ul>
                </section>
                {has_references.then(|| view! {
                    <section>
                        <h2>{tr("引用的文件", "Documents cited")}</h2>
                        <ul class="references">{references}</ul>
                    </section>
                })}
            </article>
        }
    }
}

/// Tasks behind the time-elapsed schedule (序时进度), overdue ones first, as the 督查督办 lists do.
#[component]
fn BehindList() -> impl IntoView {
    let plan = use_plan();
    let lang = use_lang();
    let pace = super::pace::use_pace();
    let edits = super::edits::use_edits();
    let list = move || {
        let lang = lang.get();
        let plan = plan.get();
        let paces = pace.tasks.get();
        let view_state = edits.view.get();
        let mut behind: Vec<(bool, &crate::plan::Task)> = plan
            .tasks
            .iter()
            .filter(|t| paces.get(&t.id()) == Some(&crate::journal::Light::Behind))
            .map(|t| {
                let overdue = view_state.tasks.get(&t.id()).is_some_and(|s| s.overdue);
                (overdue, t)
            })
            .collect();
        crate::sort::sort_by_key(&mut behind, |(overdue, t)| (!*overdue, t.number));
        // The period's count in every category, 未填报 among them: silence is never "no delays".
        let counts = crate::journal::Light::ALL
            .into_iter()
            .map(|light| {
                let n = paces.values().filter(|l| **l == light).count();
                view! {
                    <li class=format!("count-{}", light.slug())>
                        <span class=format!("pace {}", light.css_class())>{lang.pick(light.label_zh(), light.label_en())}</span>
                        " "<strong>{n}</strong>
                    </li>
                }
            })
            .collect_view();
        let unreported = paces
            .values()
            .filter(|l| **l == crate::journal::Light::NotReported)
            .count();
        let period = super::reports::period_words(&view_state, lang);
        let unreported_note = view! {
            <p class="muted">{format!("{}{period}", lang.pick("本期：", "This period: "))}</p>
            <ul class="light-counts" id="light-counts">{counts}</ul>
            {(unreported > 0).then(|| view! {
                <p class="muted" id="unreported">{format!("{unreported} {}", lang.pick("项任务本期未填报（牵头单位未全部报送）。", "tasks not reported for this period (not every lead unit has reported)."))}</p>
            })}
        };
        let list = if behind.is_empty() {
            view! { <p class="muted">{lang.pick("没有欠进度的任务。", "No task is behind.")}</p> }
                .into_any()
        } else {
            view! {
                <ol class="behind-list">
                    {behind.into_iter().map(|(overdue, t)| view! {
                        <li>
                            <a href=Route::Task(t.number).to_hash()>{format!("{}{}", lang.pick("任务 ", "Task "), t.number)}</a>
                            " "{super::components::excerpt(&t.text, 40)}
                            {overdue.then(|| view! { " "<span class="pace pace-behind">{lang.pick("已逾期", "overdue")}</span> })}
                        </li>
                    }).collect_view()}
                </ol>
            }.into_any()
        };
        view! { {list} {unreported_note} }
    };
    view! {
        <section class="behind" id="behind">
            <h2>{tr("滞后序时进度的任务", "Tasks behind schedule")}</h2>
            <ReviewDatePicker/>
            {list}
        </section>
    }
}

/// The review date the 序时进度 is measured at (default today, clamped into the plan year).
#[component]
fn ReviewDatePicker() -> impl IntoView {
    let settings = super::settings::use_settings();
    let pace = super::pace::use_pace();
    view! {
        <label class="review-date">
            <span>{tr("评估日期", "Review date")}</span>
            <input type="date" id="review-date" aria-label=tr("评估日期", "Review date")
                prop:value=move || pace.review_date.get()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    settings.review_date.set((!v.is_empty()).then_some(v));
                }/>
        </label>
    }
}

/// Tasks per group by status and by pace, as charts.
#[component]
pub fn TaskCharts() -> impl IntoView {
    use super::chart_view::{ChartView, chart_options};
    use crate::charts::from_plan::group_tasks;
    use crate::charts::{pace_chart, status_chart};
    let plan = use_plan();
    let edits = super::edits::use_edits();
    let groups = Memo::new(move |_| group_tasks(&plan.read(), &edits.view.read()));
    let status_options = chart_options("status", 1.0);
    let pace_options = chart_options("pace", 1.0);
    let status = Signal::derive(move || status_chart(&groups.read(), &status_options()));
    let paces = Signal::derive(move || pace_chart(&groups.read(), &pace_options()));
    view! {
        <section class="task-charts">
            <h2>{tr("各任务组进展", "Progress by task group")}</h2>
            <ChartView chart=status file_stem="tasks-by-status".to_string()/>
            <ChartView chart=paces file_stem="tasks-by-pace".to_string()/>
        </section>
    }
}
