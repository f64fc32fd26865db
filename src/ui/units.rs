//! `#/units`: every unit with its task counts per role; `#/unit/{id}`: one unit's duty list (责任清单).

use super::components::{NotFound, TaskLink, set_title};
use super::state::{use_lang, use_my_unit, use_plan};
use super::{browser, edits::use_edits, pace::use_pace};
use crate::plan::Role;
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn UnitsPage() -> impl IntoView {
    let plan = use_plan();
    let lang = use_lang();
    move || {
        let plan = plan.get();
        let lang = lang.get();
        set_title(lang.pick("责任单位", "Units").to_string());
        let counts = plan.role_counts();
        let rows = plan
            .units
            .iter()
            .map(|u| {
                let [lead, implementing, cooperating] =
                    counts.get(u.id.as_str()).copied().unwrap_or_default();
                view! {
                    <tr>
                        <th scope="row">
                            <a href=Route::Unit(u.id.clone()).to_hash()>{u.name.clone()}</a>
                            {(!u.aliases.is_empty()).then(|| view! {
                                <span class="alias-note">{format!("（{}{}）", lang.pick("又作", "also "), u.aliases.join("、"))}</span>
                            })}
                        </th>
                        <td class="num">{lead}</td>
                        <td class="num">{implementing}</td>
                        <td class="num">{cooperating}</td>
                        <td class="num">{lead + implementing + cooperating}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <article class="page">
                <h1>{lang.pick("责任单位", "Units")}</h1>
                <p class="muted">{format!("{} {}", plan.units.len(), lang.pick("个单位；同一单位的不同写法已合并。", "units; different spellings of one body are merged."))}</p>
                <WorkloadChart/>
                <table class="units-table">
                    <thead>
                        <tr>
                            <th scope="col">{lang.pick("单位", "Unit")}</th>
                            <th scope="col">{lang.pick("牵头", "Lead")}</th>
                            <th scope="col">{lang.pick("实施", "Implementing")}</th>
                            <th scope="col">{lang.pick("配合", "Cooperating")}</th>
                            <th scope="col">{lang.pick("合计", "Total")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </article>
        }
    }
}

#[component]
pub fn UnitPage(id: String) -> impl IntoView {
    let plan = use_plan();
    let lang = use_lang();
    let my_unit = use_my_unit();
    let edits = use_edits();
    let pace = use_pace();
    let error = RwSignal::new(None::<String>);
    // The duty list with each task's progress, as the unit hands it in (责任清单 with 进展).
    let download_id = id.clone();
    let download = move |_| {
        let lang = lang.get_untracked();
        let review = pace.review_date.get_untracked();
        let plan = plan.read_untracked();
        let csv =
            crate::report::unit_duties_csv(&plan, &edits.view.read_untracked(), &download_id, lang);
        let result = match (csv, plan.unit(&download_id)) {
            (Some(csv), Some(unit)) => {
                let stem = format!("{}-{}", unit.name, lang.pick("责任清单", "duties"));
                browser::download(
                    &crate::report::file_name(&stem, &review, "csv"),
                    "text/csv;charset=utf-8",
                    &csv,
                )
            }
            _ => Err(lang.pick("没有这个单位", "No such unit").to_string()),
        };
        error.set(result.err());
    };
    move || {
        let plan = plan.get();
        let lang = lang.get();
        let Some(unit) = plan.unit(&id).cloned() else {
            return view! { <NotFound what=Route::Unit(id.clone()).to_hash()/> }.into_any();
        };
        set_title(unit.name.clone());
        let duties = plan.duties(&unit.id);
        let sections = Role::ALL
            .into_iter()
            .map(|role| {
                let tasks = duties.get(role).to_vec();
                let body = if tasks.is_empty() {
                    view! { <p class="muted">{lang.pick("无", "None")}</p> }.into_any()
                } else {
                    view! {
                        <ol class="task-list">
                            {tasks.into_iter().map(|t| view! {
                                <li>
                                    <TaskLink task=t.clone() chars=80/>
                                    " "<OwnReport task_id=t.id() unit_id=unit.id.clone()/>
                                </li>
                            }).collect_view()}
                        </ol>
                    }
                    .into_any()
                };
                view! {
                    <section class=format!("duty duty-{}", role.slug())>
                        <h2>{format!("{}（{}）", lang.pick(role_heading_zh(role), role_heading_en(role)), duties.get(role).len())}</h2>
                        {body}
                    </section>
                }
            })
            .collect_view();
        let unit_id = unit.id.clone();
        let is_mine = my_unit.get().as_deref() == Some(unit.id.as_str());
        view! {
            <article class="page unit-page">
                <p class="crumbs"><a href="#/units">{lang.pick("责任单位", "Units")}</a></p>
                <h1>{unit.name.clone()}</h1>
                {(!unit.aliases.is_empty()).then(|| view! {
                    <p class="muted">{format!("{}{}", lang.pick("原文中又作：", "Also written as: "), unit.aliases.join("、"))}</p>
                })}
                <p>
                    {if is_mine {
                        view! { <span class="badge">{lang.pick("这是我的单位", "This is my unit")}</span> }.into_any()
                    } else {
                        view! {
                            <button on:click=move |_| my_unit.set(Some(unit_id.clone()))>
                                {lang.pick("设为我的单位", "Make this my unit")}
                            </button>
                        }
                        .into_any()
                    }}
                </p>
                <p>{format!("{} {}", lang.pick("责任清单：共", "Duties: "), duties.total())}{lang.pick(" 项任务", " tasks")}</p>
                <p>
                    <button id="unit-csv" on:click=download.clone()>{lang.pick("下载责任清单及进展（CSV）", "Download duty list with progress (CSV)")}</button>
                </p>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <WorkloadChart only=unit.id.clone()/>
                {sections}
            </article>
        }
        .into_any()
    }
}

/// The unit's own report on one task for the period: its light, status and percent, or 未填报; then the
/// task's deadline (逾期 when past it) and when the unit last reported on it, so the list says what to do next.
#[component]
fn OwnReport(task_id: String, unit_id: String) -> impl IntoView {
    let edits = use_edits();
    let lang = use_lang();
    move || {
        let view = edits.view.read();
        let task = view.tasks.get(&task_id);
        let deadline = task.map(|t| (t.deadline.clone(), t.overdue));
        let report = own_report(&view, &task_id, &unit_id).cloned();
        let lang = lang.get();
        let report_at = report.as_ref().map(|r| r.at);
        let light = own_light(report.as_ref());
        let words = report.map(|r| {
            let status = r
                .status
                .map(|s| lang.pick(s.label_zh(), s.label_en()))
                .unwrap_or("—");
            let percent = r.percent.map(|p| format!(" {p}%")).unwrap_or_default();
            format!("{status}{percent}")
        });
        let last = report_at.filter(|at| *at > 0).map(|at| {
            // Reports are dated in China Standard Time, as the cycle counts lateness.
            let day = crate::date::Date::from_unix_ms(at + 8 * 3_600_000).iso();
            format!("{}{day}", lang.pick("最近填报 ", "last reported "))
        });
        view! {
            <span class="own-report" data-task=task_id.clone()>
                <super::pace::LightBadge light/>
                {words.map(|w| view! { " "<span class="muted">{w}</span> })}
                {deadline.map(|(day, overdue)| view! {
                    " · "<span class="duty-deadline">{format!("{}{day}", lang.pick("时限 ", "due "))}</span>
                    {overdue.then(|| view! { " "<span class="pace pace-behind">{lang.pick("已逾期", "overdue")}</span> })}
                })}
                {last.map(|l| view! { " · "<span class="duty-last muted">{l}</span> })}
            </span>
        }
    }
}

/// A unit's light on a task for the period: its own report's, or 未填报 when it has none.
pub fn own_light(report: Option<&crate::journal::reports::UnitReport>) -> crate::journal::Light {
    report.map_or(crate::journal::Light::NotReported, |r| r.light)
}

/// The unit's own report on `task_id` for the period, if it has one.
pub fn own_report<'a>(
    view: &'a crate::journal::ViewState,
    task_id: &str,
    unit_id: &str,
) -> Option<&'a crate::journal::reports::UnitReport> {
    view.tasks
        .get(task_id)?
        .reports
        .iter()
        .find(|r| r.unit.as_deref() == Some(unit_id))
}

fn role_heading_zh(role: Role) -> &'static str {
    match role {
        Role::Lead => "牵头",
        Role::Implementing => "实施",
        Role::Cooperating => "配合",
    }
}

fn role_heading_en(role: Role) -> &'static str {
    match role {
        Role::Lead => "Leads",
        Role::Implementing => "Implements",
        Role::Cooperating => "Cooperates on",
    }
}

/// Tasks led / implemented / cooperated on per unit, busiest first (aliases merged); `only` narrows it to
/// one unit for its own page.
#[component]
fn WorkloadChart(#[prop(optional)] only: Option<String>) -> impl IntoView {
    use super::chart_view::{ChartView, chart_options};
    use crate::charts::from_plan::workload;
    use crate::charts::workload_chart;
    let plan = use_plan();
    let options = chart_options("workload", 1.0);
    let only_name = only.and_then(|id| plan.read_untracked().unit(&id).map(|u| u.name.clone()));
    let chart = Signal::derive(move || {
        let mut loads = workload(&plan.read());
        if let Some(name) = &only_name {
            loads.retain(|l| &l.unit == name);
        }
        workload_chart(&loads, 30, &options())
    });
    view! { <ChartView chart file_stem="workload".to_string()/> }
}
