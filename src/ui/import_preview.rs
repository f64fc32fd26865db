//! What the importer read, shown before anything is saved: the plan's metadata and counts, its tasks with
//! their units by role, deadline and targets, and the source lines it could not read, each beside its line
//! number with the reason. Everything is rendered as text nodes: the source may contain markup.
//!
//! A plan may have 10,000 tasks and a pasted file 2 MB of unreadable lines, so the totals are computed once
//! per parse ([`Digest`]) and tasks and flagged lines are shown [`PAGE`] at a time: building the preview
//! costs the same whatever the size of the plan (issue 17 item 2: 5,000 tasks once froze the page for 46 s).

use super::import_fix::TaskUnits;
use super::import_source::SourceLines;
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
    pub(super) flagged: Vec<(usize, Vec<String>)>,
    /// How each task's units got their roles, by task number.
    bases: HashMap<u32, Vec<UnitBasis>>,
    /// Units whose role nothing in the text states: things to check like the flagged lines.
    pub(super) guesses: usize,
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
