//! What the importer read, shown before anything is saved: the plan's metadata and counts, every task with
//! its units by role, deadline and targets, and the source lines it could not read, each beside its line
//! number with the reason. Everything is rendered as text nodes: the source may contain markup.

use super::state::use_lang;
use crate::i18n::Lang;
use crate::parse::{Diagnostic, Parsed};
use crate::plan::query::target_value_label;
use crate::plan::{Plan, Role, Task};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Up to this many lines the whole source can be shown; beyond, only the flagged lines and their neighbours.
const FULL_SOURCE_LINES: usize = 400;
const CONTEXT_LINES: usize = 2;

#[component]
pub fn Preview(parsed: Arc<Parsed>, source: String) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let plan = &parsed.plan;
        let deadlines = plan.tasks.iter().filter(|t| t.deadline.is_some()).count();
        let year = match plan.meta.year {
            0 => lang.pick("未识别", "not found").to_string(),
            y => y.to_string(),
        };
        let counts = [
            (
                "preview-groups",
                plan.groups.len(),
                lang.pick("个任务组", "groups"),
            ),
            (
                "preview-tasks",
                plan.tasks.len(),
                lang.pick("项任务", "tasks"),
            ),
            (
                "preview-units",
                plan.units.len(),
                lang.pick("个责任单位", "units"),
            ),
            (
                "preview-targets",
                plan.targets().count(),
                lang.pick("个量化目标", "targets"),
            ),
            (
                "preview-deadlines",
                deadlines,
                lang.pick("项有完成时限", "with deadlines"),
            ),
            (
                "preview-flagged",
                parsed.diagnostics.len(),
                lang.pick("处需要核对", "lines to check"),
            ),
        ];
        view! {
            <section class="import-preview" aria-label=lang.pick("识别结果", "What was read")>
                <h2>{lang.pick("识别结果", "What was read")}</h2>
                <dl class="import-meta">
                    <dt>{lang.pick("标题", "Title")}</dt>
                    <dd id="preview-title">{plan.meta.title.clone()}</dd>
                    <dt>{lang.pick("年份", "Year")}</dt>
                    <dd id="preview-year">{year}</dd>
                </dl>
                <ul class="counts">
                    {counts
                        .into_iter()
                        .map(|(id, n, label)| view! { <li id=id><strong>{n}</strong>" "{label}</li> })
                        .collect_view()}
                </ul>
                <SourceLines source=source.clone() diagnostics=parsed.diagnostics.clone() lang/>
                <h3>{lang.pick("任务", "Tasks")}</h3>
                {tasks_by_group(plan, lang)}
            </section>
        }
    }
}

/// Groups with their tasks; tasks outside any known group (a text without group headings) come last.
fn tasks_by_group(plan: &Plan, lang: Lang) -> impl IntoView + use<> {
    let mut sections: Vec<(String, Vec<&Task>)> = plan
        .groups
        .iter()
        .map(|g| (g.heading(), plan.tasks_in_group(g.number).collect()))
        .collect();
    let loose: Vec<&Task> = plan
        .tasks
        .iter()
        .filter(|t| plan.group(t.group).is_none())
        .collect();
    if !loose.is_empty() {
        sections.push((lang.pick("（未分组）", "(no group)").to_string(), loose));
    }
    sections
        .into_iter()
        .map(|(title, tasks)| {
            let items = tasks.into_iter().map(|t| task_item(t, lang)).collect_view();
            view! {
                <section class="preview-group">
                    <h4>{title}</h4>
                    <ol class="preview-tasks">{items}</ol>
                </section>
            }
        })
        .collect_view()
}

fn task_item(task: &Task, lang: Lang) -> impl IntoView + use<> {
    let roles = Role::ALL
        .into_iter()
        .filter(|role| !task.roles.get(*role).is_empty())
        .map(|role| {
            let names: Vec<&str> = task
                .roles
                .get(role)
                .iter()
                .map(|u| u.name.as_str())
                .collect();
            view! {
                <div class=format!("preview-role role-{}", role.slug())>
                    <dt>{lang.role(role)}</dt>
                    <dd>{names.join("、")}</dd>
                </div>
            }
        })
        .collect_view();
    let deadline = task.deadline.as_ref().map(|d| {
        let date = d
            .date
            .as_ref()
            .filter(|date| **date != d.text)
            .map(|date| format!("（{date}）"));
        view! {
            <div class="preview-deadline">
                <dt>{lang.pick("完成时限", "Deadline")}</dt>
                <dd>{d.text.clone()}{date}</dd>
            </div>
        }
    });
    let targets = (!task.targets.is_empty()).then(|| {
        let list: Vec<String> = task
            .targets
            .iter()
            .map(|t| format!("{} {}", t.indicator, target_value_label(t)))
            .collect();
        view! {
            <div class="preview-targets">
                <dt>{lang.pick("量化目标", "Targets")}</dt>
                <dd>{list.join("；")}</dd>
            </div>
        }
    });
    let leaders = (!task.leaders.is_empty()).then(|| {
        view! {
            <div>
                <dt>{lang.pick("责任领导", "Leaders")}</dt>
                <dd>{task.leaders.join("、")}</dd>
            </div>
        }
    });
    view! {
        <li class="preview-task" value=task.number>
            <p class="task-text">{task.text.clone()}</p>
            <dl class="preview-roles">{roles}{deadline}{targets}{leaders}</dl>
        </li>
    }
}

/// The numbered source: by default only the flagged lines and their neighbours (the person's attention
/// belongs there), all lines on request. Flagged lines are marked and explained.
#[component]
fn SourceLines(source: String, diagnostics: Vec<Diagnostic>, lang: Lang) -> impl IntoView {
    let mut by_line: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for d in &diagnostics {
        by_line
            .entry(d.line)
            .or_default()
            .push(explain(&d.message, lang));
    }
    let total = source.lines().count();
    let show_all = RwSignal::new(false);
    let summary = if diagnostics.is_empty() {
        lang.pick("每一行都已读懂。", "Every line was understood.")
            .to_string()
    } else {
        match lang {
            Lang::Zh => format!(
                "{} 行未能完全读懂，已在下方标出，请核对原文：",
                by_line.len()
            ),
            Lang::En => format!(
                "{} lines were not fully understood; they are marked below. Please check them against the original:",
                by_line.len()
            ),
        }
    };
    let toggle_label = move || match (show_all.get(), lang) {
        (false, Lang::Zh) => format!("显示全部 {total} 行"),
        (false, Lang::En) => format!("Show all {total} lines"),
        (true, _) => lang
            .pick("只显示需要核对的行", "Show only the lines to check")
            .to_string(),
    };
    view! {
        <section class="source-view">
            <h3>{lang.pick("原文与需要核对的行", "Source and lines to check")}</h3>
            <p id="preview-diagnostics-summary">{summary}</p>
            {(total <= FULL_SOURCE_LINES).then(|| view! {
                <button
                    class="source-toggle"
                    aria-pressed=move || show_all.get().to_string()
                    on:click=move |_| show_all.update(|all| *all = !*all)
                >
                    {toggle_label}
                </button>
            })}
            {move || {
                let items = source_items(&source, &by_line, show_all.get());
                (!items.is_empty()).then(|| view! { <ol class="source-lines">{items}</ol> })
            }}
        </section>
    }
}

/// The lines to list: all of them, or the flagged ones with [`CONTEXT_LINES`] around each and a gap mark
/// where lines are left out.
fn source_items(source: &str, by_line: &BTreeMap<usize, Vec<String>>, all: bool) -> Vec<AnyView> {
    let near_flag = |no: usize| {
        by_line
            .range(no.saturating_sub(CONTEXT_LINES)..=no + CONTEXT_LINES)
            .next()
            .is_some()
    };
    let mut items = Vec::new();
    let mut gap = false;
    for (k, line) in source.lines().enumerate() {
        let no = k + 1;
        if !all && !near_flag(no) {
            gap = true;
            continue;
        }
        if gap && !items.is_empty() {
            items.push(view! { <li class="source-gap" aria-hidden="true">"…"</li> }.into_any());
        }
        gap = false;
        let messages = by_line.get(&no).cloned();
        let flagged = messages.is_some();
        items.push(
            view! {
                <li class="source-line" class:flagged=flagged value=no>
                    <span class="line-no" aria-hidden="true">{no}</span>
                    <span class="line-text">{line.to_string()}</span>
                    {messages.map(|m| view! { <span class="line-message">{format!("⚠ {}", m.join("；"))}</span> })}
                </li>
            }
            .into_any(),
        );
    }
    items
}

/// The parser reports in English; people read Chinese first. Unknown messages are shown as they are.
fn explain(message: &str, lang: Lang) -> String {
    const KNOWN: &[(&str, &str)] = &[
        ("no plan year found", "没有找到计划年份"),
        (
            "note outside the plan structure",
            "说明文字不在任何任务之内",
        ),
        (
            "responsibility line outside any task",
            "责任单位行不属于任何任务",
        ),
        (
            "line after a task not understood",
            "任务之后的这一行未能识别",
        ),
        ("text outside any heading", "这段文字不在任何标题之下"),
        (
            "text before a group's first task",
            "任务组第一项任务之前的文字",
        ),
        ("annotation not understood", "括注未能识别"),
        ("unclosed annotation bracket", "括注缺少右括号"),
        ("annotation bracket not closed", "括注缺少右括号"),
        ("task names no responsible unit", "任务没有注明责任单位"),
    ];
    if lang == Lang::En {
        return message.to_string();
    }
    match KNOWN.iter().find(|(en, _)| message.starts_with(en)) {
        Some((en, zh)) if message.len() == en.len() => (*zh).to_string(),
        Some((_, zh)) => format!("{zh}（{message}）"),
        None if message.starts_with("task numbered") => format!("任务编号不连续（{message}）"),
        None => message.to_string(),
    }
}
