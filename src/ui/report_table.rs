//! The table of every unit's latest report on a task for the period under review, with the derived task
//! state above it. The form in which the person's own unit reports is `reports::ReportForm`.

use super::edits::use_edits;
use super::pace::LightBadge;
use super::reports::period_words;
use super::state::{tr, use_lang};
use crate::i18n::Lang;
use crate::journal::reports::{RULE_EN, RULE_ZH};
use crate::journal::{Light, TextPart, UNSPECIFIED_UNIT, UnitReport};
use crate::plan::Task;
use leptos::prelude::*;

fn unit_name(report: &UnitReport, lang: Lang) -> String {
    match &report.unit {
        Some(u) => u.clone(),
        None => lang.pick(UNSPECIFIED_UNIT, "Unit not recorded").to_string(),
    }
}

/// Every unit's report on the task for the period, and the task state derived from them.
#[component]
pub fn UnitReports(task: Task) -> impl IntoView {
    let edits = use_edits();
    let lang = use_lang();
    let id = task.id();
    let state = Memo::new(move |_| edits.view.read().tasks.get(&id).cloned());
    let rows = move || {
        let lang = lang.get();
        let Some(state) = state.get() else {
            return ().into_any();
        };
        if state.reports.is_empty() {
            return view! { <p class="muted" id="no-reports">{lang.pick("本期尚无单位报送。", "No unit has reported for this period yet.")}</p> }.into_any();
        }
        let body = state
            .reports
            .iter()
            .map(|r| {
                let role = r.role.map(|role| lang.role(role)).unwrap_or("—");
                let values_from = r
                    .values_period
                    .filter(|_| !r.current)
                    .map(|p| format!("（{}）", p.label(lang)));
                let status = r
                    .status
                    .map(|s| lang.pick(s.label_zh(), s.label_en()).to_string())
                    .unwrap_or_else(|| "—".into());
                let percent = r.percent.map(|p| format!("{p}%")).unwrap_or_else(|| "—".into());
                let text = TextPart::ALL
                    .into_iter()
                    .filter_map(|part| {
                        r.texts.get(&part).map(|t| {
                            format!("{}：{t}", lang.pick(part.label_zh(), part.label_en()))
                        })
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                let who = r.by.clone().unwrap_or_else(|| "—".into());
                let when = (r.at > 0).then(|| super::history::when(r.at));
                let corrected = r.corrected().then(|| {
                    format!(
                        "{}{}",
                        lang.pick("由汇总单位更正：", "Corrected by the coordinating unit: "),
                        r.writer.clone().unwrap_or_default()
                    )
                });
                let light = r.light;
                view! {
                    <tr class=if r.role == Some(crate::plan::Role::Lead) { "lead-row" } else { "" } data-unit=r.unit.clone().unwrap_or_default()>
                        <th scope="row">{unit_name(r, lang)}<br/><span class="muted">{role}</span></th>
                        <td><LightBadge light/></td>
                        <td>{status}{values_from.clone()}</td>
                        <td class="num">{percent}</td>
                        <td class="report-text">{text}</td>
                        <td>{who}<br/><span class="muted">{when}</span>{corrected.map(|c| view! { <br/><span class="corrected">{c}</span> })}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="unit-reports">
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("单位", "Unit")}</th>
                        <th scope="col">{lang.pick("本期", "This period")}</th>
                        <th scope="col">{lang.pick("状态", "Status")}</th>
                        <th scope="col">{lang.pick("进度", "Progress")}</th>
                        <th scope="col">{lang.pick("报告", "Report")}</th>
                        <th scope="col">{lang.pick("填报人", "Reported by")}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        }
        .into_any()
    };
    let derived = move || {
        let lang = lang.get();
        state.get().map(|s| {
            let light = s.light;
            let overdue = s.overdue;
            let words = if light == Light::NotReported {
                lang.pick(
                    "牵头单位本期未全部报送",
                    "not every lead unit has reported for this period",
                )
                .to_string()
            } else {
                format!(
                    "{} {}%",
                    lang.pick(s.status.label_zh(), s.status.label_en()),
                    s.progress
                )
            };
            view! {
                <p class="derived" id="derived-state">
                    <strong>{lang.pick("任务本期状态：", "Task this period: ")}</strong>
                    <LightBadge light overdue/>" "{words}
                </p>
            }
        })
    };
    let period = move || period_words(&edits.view.read(), lang.get());
    view! {
        <section class="reports" aria-labelledby="reports-title">
            <h2 id="reports-title">{tr("各单位报送", "Reports by unit")}</h2>
            <p class="period">{tr("报告期：", "Period: ")}{period}</p>
            {derived}
            {rows}
            <p class="rule">{move || lang.get().pick(RULE_ZH, RULE_EN)}</p>
        </section>
    }
}
