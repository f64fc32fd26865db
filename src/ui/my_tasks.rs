//! 我的任务 on the overview: with a unit chosen, how its own tasks stand this period — behind, not reported,
//! overdue — so a unit's person sees their part first and the way to their duty list.

use super::state::{use_lang, use_my_unit, use_plan};
use crate::journal::Light;
use crate::plan::Role;
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn MyTasks() -> impl IntoView {
    let plan = use_plan();
    let lang = use_lang();
    let my_unit = use_my_unit();
    let edits = super::edits::use_edits();
    move || {
        let unit_id = my_unit.get()?;
        let plan = plan.read();
        let unit = plan.unit(&unit_id)?;
        let lang = lang.get();
        let view = edits.view.read();
        let duties = plan.duties(&unit.id);
        // The tasks the unit reports on: those it leads or implements.
        let mut reported: Vec<&crate::plan::Task> = duties.get(Role::Lead).to_vec();
        reported.extend(duties.get(Role::Implementing).iter().copied());
        let lights: Vec<Light> = reported
            .iter()
            .map(|t| super::units::own_light(super::units::own_report(&view, &t.id(), &unit.id)))
            .collect();
        let count = |light: Light| lights.iter().filter(|l| **l == light).count();
        let overdue = reported
            .iter()
            .filter(|t| view.tasks.get(&t.id()).is_some_and(|s| s.overdue))
            .count();
        let parts = [
            (
                lang.pick("欠进度", "behind"),
                count(Light::Behind),
                "pace-behind",
            ),
            (
                lang.pick("未填报", "not reported"),
                count(Light::NotReported),
                "pace-none",
            ),
            (lang.pick("已逾期", "overdue"), overdue, "pace-behind"),
        ];
        Some(view! {
            <section class="my-tasks" id="my-tasks">
                <h2>{format!("{}（{}）", lang.pick("我的任务", "My tasks"), unit.name)}</h2>
                <p>
                    {format!("{} {} {}", lang.pick("须报送", "Reports on"), lights.len(), lang.pick("项任务，按本单位所报：", "tasks, by its own reports: "))}
                    {parts.into_iter().enumerate().map(|(i, (label, n, class))| view! {
                        {(i > 0).then_some(" / ")}
                        <span class={if n > 0 { format!("pace {class}") } else { "muted".to_string() }}>{format!("{label} {n}")}</span>
                    }).collect_view()}
                    " "
                    <a href=Route::Unit(unit.id.clone()).to_hash()>{lang.pick("查看我的责任清单", "Open my duty list")}</a>
                </p>
            </section>
        })
    }
}
