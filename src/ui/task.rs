//! `#/task/{n}`: one task's full text, its units by role and its targets with their city split.

use super::components::{NotFound, UnitLink, set_title};
use super::edit_controls::{TargetActuals, TaskEditor, TaskNotes};
use super::history::{HistoryList, UndoRedo};
use super::state::{use_lang, use_plan};
use crate::i18n::format_number;
use crate::plan::Role;
use crate::plan::query::target_value_label;
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn TaskPage(number: u32) -> impl IntoView {
    let plan = use_plan();
    let lang = use_lang();
    move || {
        let plan = plan.get();
        let lang = lang.get();
        let Some(task) = plan.task(number).cloned() else {
            return view! { <NotFound what=Route::Task(number).to_hash()/> }.into_any();
        };
        set_title(format!("{}{}", lang.pick("任务 ", "Task "), task.number));
        let group = plan.group(task.group).cloned();
        let roles = Role::ALL
            .into_iter()
            .map(|role| {
                let units = task.roles.get(role).to_vec();
                let others = task.roles.iter().next().is_some();
                let body = if units.is_empty() && role == Role::Lead && others {
                    // A 责任单位 is not a 牵头单位: where the document names no lead, say so.
                    view! { <span class="muted no-lead">{lang.pick("未注明", "not stated")}</span> }.into_any()
                } else if units.is_empty() {
                    view! { <span class="muted">{lang.pick("（原文未列）", "(none listed in the source)")}</span> }.into_any()
                } else {
                    view! {
                        <ol class="unit-list">
                            {units.into_iter().map(|u| view! { <li><UnitLink unit=u/></li> }).collect_view()}
                        </ol>
                    }
                    .into_any()
                };
                view! {
                    <div class=format!("role role-{}", role.slug())>
                        <dt>{lang.role(role)}</dt>
                        <dd>{body}</dd>
                    </div>
                }
            })
            .collect_view();
        let places: Vec<String> = {
            let mut places: Vec<String> = Vec::new();
            for share in task.targets.iter().flat_map(|t| t.split.iter()) {
                if !places.contains(&share.place) {
                    places.push(share.place.clone());
                }
            }
            places
        };
        let targets = (!task.targets.is_empty()).then(|| {
            let header = places
                .iter()
                .map(|p| view! { <th scope="col">{p.clone()}</th> })
                .collect_view();
            let rows = task
                .targets
                .iter()
                .map(|t| {
                    let cells = places
                        .iter()
                        .map(|p| {
                            let value = t
                                .split
                                .iter()
                                .find(|s| &s.place == p)
                                .map(|s| format_number(s.value))
                                .unwrap_or_else(|| "—".into());
                            view! { <td class="num">{value}</td> }
                        })
                        .collect_view();
                    view! {
                        <tr id=t.id.clone()>
                            <th scope="row">{t.indicator.clone()}</th>
                            <td class="num">{target_value_label(t)}</td>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <section>
                    <h2>{lang.pick("量化目标", "Targets")}</h2>
                    <table class="targets">
                        <thead>
                            <tr>
                                <th scope="col">{lang.pick("指标", "Indicator")}</th>
                                <th scope="col">{lang.pick("目标", "Target")}</th>
                                {header}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </section>
            }
        });
        let deadline = task.deadline.clone().map(|d| {
            view! { <p><strong>{lang.pick("完成时限：", "Deadline: ")}</strong>{d.text}</p> }
        });
        let prev = plan.task(number.wrapping_sub(1)).map(|t| t.number);
        let next = plan.task(number + 1).map(|t| t.number);
        let last_note = plan.meta.installment.clone().filter(|i| i.last_task == number).map(|i| {
            view! {
                <p class="notice" role="note">
                    {match lang {
                        crate::i18n::Lang::Zh => format!("原文第{}期到此为止；任务 {} 及以后不在本文本中。", i.number, number + 1),
                        crate::i18n::Lang::En => format!("Installment {} ends here; task {} onward is not in this text.", i.number, number + 1),
                    }}
                </p>
            }
        });
        view! {
            <article class="page task-page">
                <p class="crumbs">
                    <a href="#/">{lang.pick("概览", "Overview")}</a>
                    {group.map(|g| view! {
                        " › "
                        <a href=Route::Group(g.number).to_hash()>{g.heading()}</a>
                    })}
                </p>
                <h1>{format!("{}{}", lang.pick("任务 ", "Task "), task.number)}</h1>
                <p class="task-text prose">{task.text.clone()}</p>
                {deadline}
                <section>
                    <h2>{lang.pick("责任分工", "Responsibilities")}</h2>
                    <dl class="roles">{roles}</dl>
                </section>
                {targets}
                <super::report_table::UnitReports task=task.clone()/>
                <super::reports::ReportForm task=task.clone()/>
                <TaskEditor task=task.clone()/>
                <super::extensions::TaskExtensions task=task.clone()/>
                {(!task.targets.is_empty()).then(|| view! {
                    <section class="actuals-section">
                        <h2>{lang.pick("实际完成情况", "Actual figures")}</h2>
                        <TaskTargetsChart number=task.number/>
                        {task.targets.iter().map(|t| view! { <TargetActuals target=t.clone()/> }).collect_view()}
                    </section>
                })}
                <TaskNotes task=task.clone()/>
                <section>
                    <h2>{lang.pick("修改记录", "History")}</h2>
                    <UndoRedo/>
                    <HistoryList task=task.id() limit=10/>
                </section>
                {last_note}
                <nav class="pager" aria-label=lang.pick("翻页", "Pages")>
                    {prev.map(|n| view! { <a href=Route::Task(n).to_hash() rel="prev">{format!("← {}{n}", lang.pick("任务 ", "Task "))}</a> })}
                    {next.map(|n| view! { <a href=Route::Task(n).to_hash() rel="next">{format!("{}{n} →", lang.pick("任务 ", "Task "))}</a> })}
                </nav>
            </article>
        }
        .into_any()
    }
}

/// The task's own targets against their latest actuals.
#[component]
fn TaskTargetsChart(number: u32) -> impl IntoView {
    use super::chart_view::{ChartView, chart_options};
    use crate::charts::from_plan::target_input;
    use crate::charts::targets_overview_chart;
    let plan = use_plan();
    let edits = super::edits::use_edits();
    let elapsed = super::targets::use_elapsed();
    let options = chart_options(&format!("task-{number}-targets"), 1.0);
    let chart = Signal::derive(move || {
        let plan = plan.read();
        let view = edits.view.read();
        let inputs: Vec<_> = plan
            .task(number)
            .map(|t| {
                t.targets
                    .iter()
                    .map(|k| target_input(k, view.targets.get(&k.id)))
                    .collect()
            })
            .unwrap_or_default();
        targets_overview_chart(&inputs, elapsed.get(), &options())
    });
    view! { <ChartView chart file_stem=format!("task-{number}-targets")/> }
}
