//! What the importer read, shown before anything is saved: the plan's metadata and counts, its tasks with
//! their units by role, deadline and targets, and the source lines it could not read, each beside its line
//! number with the reason. Everything is rendered as text nodes: the source may contain markup.
//!
//! A plan may have 10,000 tasks and a pasted file 2 MB of unreadable lines, so the totals are computed once
//! per parse ([`Digest`]) and tasks and flagged lines are shown [`PAGE`] at a time: building the preview
//! costs the same whatever the size of the plan (issue 17 item 2: 5,000 tasks once froze the page for 46 s).

use super::import_fix::TaskUnits;
use super::preview_pager::Pager;
use super::state::use_lang;
use crate::i18n::Lang;
use crate::parse::Parsed;
use crate::parse::basis::{self, UnitBasis};
use crate::plan::Task;
use crate::plan::fix::UnitFix;
use crate::plan::query::target_value_label;
use leptos::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Up to this many lines the whole source can be shown; beyond, only the flagged lines and their neighbours.
const FULL_SOURCE_LINES: usize = 400;
const CONTEXT_LINES: usize = 2;
/// Tasks, or flagged lines, on one page of the preview: enough to check a plan, few enough to render at once.
pub const PAGE: usize = 50;

/// What the preview shows of one parse, computed once: the counts, the tasks in reading order (by group,
/// tasks outside any known group last) and the flagged lines.
pub struct Digest {
    parsed: Arc<Parsed>,
    deadlines: usize,
    targets: usize,
    /// Indices into `plan.tasks`, in the order shown, each with its group's heading (`None`: no group).
    order: Vec<(usize, Option<String>)>,
    /// Line numbers with the parser's messages for them, in line order.
    flagged: Vec<(usize, Vec<String>)>,
    /// How each task's units got their roles, by task number.
    bases: HashMap<u32, Vec<UnitBasis>>,
    /// Units whose role nothing in the text states: things to check like the flagged lines.
    guesses: usize,
    /// Tasks with units but no lead unit named (牵头单位未注明).
    no_lead: usize,
}

impl Digest {
    pub fn new(parsed: Arc<Parsed>) -> Digest {
        let plan = &parsed.plan;
        let position: HashMap<u32, usize> = plan
            .groups
            .iter()
            .enumerate()
            .map(|(k, g)| (g.number, k))
            .collect();
        let mut order: Vec<(usize, usize)> = (0..plan.tasks.len())
            .map(|k| {
                let group = position.get(&plan.tasks[k].group).copied();
                (group.unwrap_or(plan.groups.len()), k)
            })
            .collect();
        order.sort_unstable();
        let order = order
            .into_iter()
            .map(|(g, k)| (k, plan.groups.get(g).map(|g| g.heading())))
            .collect();
        let mut by_line: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for d in &parsed.diagnostics {
            by_line.entry(d.line).or_default().push(d.message.clone());
        }
        let bases = parsed
            .bases
            .iter()
            .map(|t| (t.task, t.units.clone()))
            .collect();
        Digest {
            guesses: basis::guesses(&parsed.bases),
            no_lead: plan
                .tasks
                .iter()
                .filter(|t| t.roles.lead.is_empty() && t.roles.iter().next().is_some())
                .count(),
            bases,
            deadlines: plan.tasks.iter().filter(|t| t.deadline.is_some()).count(),
            targets: plan.targets().count(),
            order,
            flagged: by_line.into_iter().collect(),
            parsed,
        }
    }

    pub fn parsed(&self) -> &Arc<Parsed> {
        &self.parsed
    }
}

#[component]
pub fn Preview(
    digest: Arc<Digest>,
    source: Arc<str>,
    /// The person's corrections of units and roles, applied when the plan is saved.
    fixes: RwSignal<Vec<UnitFix>>,
) -> impl IntoView {
    let lang = use_lang();
    let task_page = RwSignal::new(0usize);
    let counts = {
        let digest = digest.clone();
        move || {
            let lang = lang.get();
            let plan = &digest.parsed.plan;
            [
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
                    digest.targets,
                    lang.pick("个量化目标", "targets"),
                ),
                (
                    "preview-deadlines",
                    digest.deadlines,
                    lang.pick("项有完成时限", "with deadlines"),
                ),
                (
                    "preview-flagged",
                    digest.parsed.diagnostics.len(),
                    lang.pick("处需要核对", "lines to check"),
                ),
                (
                    "preview-guesses",
                    digest.guesses,
                    lang.pick(
                        "个单位的职责为推测，需核对",
                        "units whose role is a guess, to check",
                    ),
                ),
                (
                    "preview-no-lead",
                    digest.no_lead,
                    lang.pick("项任务未注明牵头单位", "tasks that name no lead"),
                ),
            ]
            .into_iter()
            .map(|(id, n, label)| view! { <li id=id><strong>{n}</strong>" "{label}</li> })
            .collect_view()
        }
    };
    let meta = digest.parsed.plan.meta.clone();
    let year = move || match meta.year {
        0 => lang.get().pick("未识别", "not found").to_string(),
        y => y.to_string(),
    };
    let tasks = {
        let digest = digest.clone();
        move || tasks_page(&digest, task_page.get(), lang.get(), fixes)
    };
    view! {
        <section class="import-preview" aria-label=move || lang.get().pick("识别结果", "What was read")>
            <h2>{move || lang.get().pick("识别结果", "What was read")}</h2>
            <dl class="import-meta">
                <dt>{move || lang.get().pick("标题", "Title")}</dt>
                <dd id="preview-title">{meta.title.clone()}</dd>
                <dt>{move || lang.get().pick("年份", "Year")}</dt>
                <dd id="preview-year">{year}</dd>
            </dl>
            <ul class="counts">{counts}</ul>
            <SourceLines source digest=digest.clone()/>
            <h3>{move || lang.get().pick("任务", "Tasks")}</h3>
            <p class="muted preview-fix-hint">
                {move || lang.get().pick(
                    "单位的职责识别有误时，可在单位旁改为牵头、实施或配合，或移除不是单位的词语；保存时按更正后的结果保存。",
                    "Where a unit's role was read wrongly, change it beside the unit (lead, implementing, cooperating) or remove words that are not a unit; the plan is saved as corrected.",
                )}
            </p>
            <p class="muted preview-basis-legend">
                {move || lang.get().pick(
                    "单位名后注明职责的依据：标注（如“牵头单位：”或表格列名）、措辞（单位后写有“牵头”“配合”等）、文件规则（如“列第一位的为牵头单位”）、标题（上级标题写明牵头单位）；“推测”表示原文未写明职责，请核对。",
                    "Beside each unit, how its role was decided: label (such as 牵头单位： or a table column), verb (牵头, 配合 after the unit), document rule (such as 列第一位的为牵头单位), heading (a heading above names the lead); “guess” means the text does not say, so please check.",
                )}
            </p>
            <Pager id="preview-task-pager" total=digest.order.len() page=task_page what=("项", "tasks")/>
            {tasks}
        </section>
    }
}

/// One page of tasks, under the heading of each group the page reaches into.
fn tasks_page(
    digest: &Digest,
    page: usize,
    lang: Lang,
    fixes: RwSignal<Vec<UnitFix>>,
) -> impl IntoView + use<> {
    let plan = &digest.parsed.plan;
    let mut sections: Vec<(String, Vec<&Task>)> = Vec::new();
    for (k, heading) in digest.order.iter().skip(page * PAGE).take(PAGE) {
        let title = heading
            .clone()
            .unwrap_or_else(|| lang.pick("（未分组）", "(no group)").to_string());
        match sections.last_mut() {
            Some((last, tasks)) if *last == title => tasks.push(&plan.tasks[*k]),
            _ => sections.push((title, vec![&plan.tasks[*k]])),
        }
    }
    sections
        .into_iter()
        .map(|(title, tasks)| {
            let items = tasks
                .into_iter()
                .map(|t| task_item(t, digest, lang, fixes))
                .collect_view();
            view! {
                <section class="preview-group">
                    <h4>{title}</h4>
                    <ol class="preview-tasks">{items}</ol>
                </section>
            }
        })
        .collect_view()
}

fn task_item(
    task: &Task,
    digest: &Digest,
    lang: Lang,
    fixes: RwSignal<Vec<UnitFix>>,
) -> impl IntoView + use<> {
    let bases = digest.bases.get(&task.number).cloned().unwrap_or_default();
    let roles = view! { <TaskUnits task=task.clone() bases fixes/> };
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

/// The numbered source: by default only the flagged lines and their neighbours, a page of flagged lines at a
/// time (the person's attention belongs there); all lines on request when the text is short. Flagged lines
/// are marked and explained.
#[component]
fn SourceLines(source: Arc<str>, digest: Arc<Digest>) -> impl IntoView {
    let lang = use_lang();
    let total = source.lines().count();
    let flagged = digest.flagged.len();
    let guesses = digest.guesses;
    let show_all = RwSignal::new(false);
    let page = RwSignal::new(0usize);
    // "Every line was understood" would claim too much while roles are guessed: say what is known.
    let summary = move || {
        match (flagged, guesses, lang.get()) {
        (0, 0, lang) => lang
            .pick(
                "没有未能读懂的行；各单位的职责均有原文依据（见单位旁的说明）。",
                "No line was left unread; every unit's role is stated in the text (see the word beside it).",
            )
            .to_string(),
        (0, g, Lang::Zh) => format!(
            "没有未能读懂的行，但有 {g} 个单位的职责原文未写明，标为“推测”，请在下方任务中核对。"
        ),
        (0, g, Lang::En) => format!(
            "No line was left unread, but the text does not state the role of {g} units; they are marked “guess” in the tasks below. Please check them."
        ),
        (n, _, Lang::Zh) => format!("{n} 行未能完全读懂，已在下方标出，请核对原文："),
        (n, _, Lang::En) => format!(
            "{n} lines were not fully understood; they are marked below. Please check them against the original:"
        ),
    }
    };
    let toggle_label = move || match (show_all.get(), lang.get()) {
        (false, Lang::Zh) => format!("显示全部 {total} 行"),
        (false, Lang::En) => format!("Show all {total} lines"),
        (true, lang) => lang
            .pick("只显示需要核对的行", "Show only the lines to check")
            .to_string(),
    };
    view! {
        <section class="source-view">
            <h3>{move || lang.get().pick("原文与需要核对的行", "Source and lines to check")}</h3>
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
            {move || (!show_all.get()).then(|| view! {
                <Pager id="preview-line-pager" total=flagged page what=("处", "lines to check")/>
            })}
            {move || {
                let lang = lang.get();
                let items = if show_all.get() {
                    source_items(&source, &digest.flagged, (1, total), true, lang)
                } else {
                    let shown = digest.flagged.iter().skip(page.get() * PAGE).take(PAGE);
                    let flags: Vec<(usize, Vec<String>)> = shown.cloned().collect();
                    let first = flags.first().map(|f| f.0.saturating_sub(CONTEXT_LINES));
                    let last = flags.last().map(|f| f.0 + CONTEXT_LINES);
                    match (first, last) {
                        (Some(first), Some(last)) => source_items(&source, &flags, (first, last), false, lang),
                        _ => Vec::new(),
                    }
                };
                (!items.is_empty()).then(|| view! { <ol class="source-lines">{items}</ol> })
            }}
        </section>
    }
}

/// Lines `first..=last` (1-based): all of them, or those flagged or within [`CONTEXT_LINES`] of a flag in
/// `flags`, with a gap mark where lines are left out.
fn source_items(
    source: &str,
    flags: &[(usize, Vec<String>)],
    (first, last): (usize, usize),
    all: bool,
    lang: Lang,
) -> Vec<AnyView> {
    let by_line: BTreeMap<usize, &Vec<String>> = flags.iter().map(|(no, m)| (*no, m)).collect();
    let near_flag = |no: usize| {
        by_line
            .range(no.saturating_sub(CONTEXT_LINES)..=no + CONTEXT_LINES)
            .next()
            .is_some()
    };
    let mut items = Vec::new();
    let mut gap = false;
    let start = first.max(1);
    for (k, line) in source.lines().enumerate().skip(start - 1) {
        let no = k + 1;
        if no > last {
            break;
        }
        if !all && !near_flag(no) {
            gap = true;
            continue;
        }
        if gap && !items.is_empty() {
            items.push(view! { <li class="source-gap" aria-hidden="true">"…"</li> }.into_any());
        }
        gap = false;
        let messages = by_line.get(&no).map(|m| {
            m.iter()
                .map(|m| explain(m, lang))
                .collect::<Vec<_>>()
                .join("；")
        });
        let flagged = messages.is_some();
        items.push(
            view! {
                <li class="source-line" class:flagged=flagged value=no>
                    <span class="line-no" aria-hidden="true">{no}</span>
                    <span class="line-text">{line.to_string()}</span>
                    {messages.map(|m| view! { <span class="line-message">{format!("⚠ {m}")}</span> })}
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
