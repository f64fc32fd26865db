//! The body below the header: headings, tasks, their continuation lines and annotations. The level that
//! holds the tasks is chosen from the document itself (the shallowest Arabic level that carries
//! annotations), because plans number tasks 1. in one place and (1) or ① in another.

use super::annotation::{self, Annotation, Conventions};
use super::heading::{Level, heading};
use super::levels::{annotated_leaves, task_level};
use super::text::is_terminal;
use super::{Diagnostic, Line};
use crate::plan::{Group, Section};

/// A task as read, before ids, units and targets are resolved.
#[derive(Debug, Clone, Default)]
pub struct TaskDraft {
    pub line: usize,
    pub number: u32,
    pub group: u32,
    pub text: String,
    pub ann: Annotation,
    pub annotated: bool,
    /// The role and line of the last units this task received (to spot a unit cut by the text's end).
    pub last_unit: Option<(crate::plan::Role, usize)>,
    /// What the headings above it say about its owner (see [`super::owner`]).
    pub inherited: Vec<Annotation>,
}

impl TaskDraft {
    /// A new task at `line`, inheriting the owners the headings open above it (`stack`) name.
    fn under(line: usize, number: u32, group: u32, stack: &[usize], heads: &[Head]) -> TaskDraft {
        TaskDraft {
            line,
            number,
            group,
            inherited: stack
                .iter()
                .filter_map(|&k| heads[k].owner.clone())
                .collect(),
            ..TaskDraft::default()
        }
    }
}

/// The body read into sections, groups and task drafts.
#[derive(Debug, Default)]
pub struct Body {
    pub sections: Vec<Section>,
    pub groups: Vec<Group>,
    pub tasks: Vec<TaskDraft>,
}

/// A heading above task level, with the paragraphs printed under it.
struct Head {
    level: Level,
    numeral: String,
    title: String,
    text: Vec<(usize, String)>,
    group: Option<u32>,
    /// The owner this heading names ("省监察厅牵头的工作"), given to the tasks below it.
    owner: Option<Annotation>,
}

/// Reads the body lines. Every line ends up in a section, a task or a diagnostic.
pub fn read_body(lines: &[Line], conv: Conventions, diags: &mut Vec<Diagnostic>) -> Body {
    let items = paragraph_items(lines, conv);
    let head_at = |k: usize| -> Option<super::heading::Heading> {
        heading(&lines[k].text).or_else(|| items[k].map(|n| paragraph_heading(&lines[k].text, n)))
    };
    let task_level = task_level(lines, conv, &head_at);
    let annotated_leaf = annotated_leaves(lines, conv, &head_at, task_level);
    let mut body = Body::default();
    let mut heads: Vec<Head> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut task: Option<TaskDraft> = None;
    let mut implicit_group: Option<u32> = None;
    // Whether the open task is an unnumbered sentence under an owner heading (its sequel is another).
    let mut loose_owner_task = false;
    for (k, line) in lines.iter().enumerate() {
        let next = task.as_ref().map(|t| t.number + 1);
        let h = head_at(k).or_else(|| sequel(&line.text, next, task_level));
        match h {
            Some(h)
                if !annotated_leaf[k]
                    && (task_level.is_some_and(|t| h.level < t) || task_level.is_none()) =>
            {
                close(&mut task, &mut body, diags);
                loose_owner_task = false;
                while stack.last().is_some_and(|&k| heads[k].level >= h.level) {
                    stack.pop();
                }
                heads.push(Head {
                    level: h.level,
                    numeral: h.numeral,
                    owner: super::owner::heading_owner(&h.rest, conv),
                    title: h.rest,
                    text: Vec::new(),
                    group: None,
                });
                stack.push(heads.len() - 1);
            }
            Some(h) if Some(h.level) == task_level || annotated_leaf[k] => {
                close(&mut task, &mut body, diags);
                loose_owner_task = false;
                let group = group_of(&stack, &mut heads, &mut body, &mut implicit_group);
                let mut draft = TaskDraft::under(line.no, h.number, group, &stack, &heads);
                add_text(&mut draft, &h.rest, line, conv, diags);
                task = Some(draft);
            }
            other => {
                let sub_item = other.is_some();
                if is_note(&line.text) {
                    if !annotation::states_first_leads(&line.text) {
                        diags.push(Diagnostic::new(line, "note outside the plan structure"));
                    }
                } else if let Some(ann) = annotation::label_line(&line.text, conv) {
                    match task.as_mut() {
                        Some(t) => merge(t, ann, line, diags),
                        None => diags.push(Diagnostic::new(
                            line,
                            "responsibility line outside any task",
                        )),
                    }
                } else if !sub_item
                    && stack
                        .last()
                        .is_some_and(|&k| super::owner::names_units(heads[k].owner.as_ref()))
                    && ends_sentence(&line.text)
                    && (task.is_none()
                        || (loose_owner_task
                            && task.as_ref().is_some_and(|t| ends_sentence(&t.text))))
                {
                    // An unnumbered sentence right under a heading that names its owner unit
                    // ("(一)省监察厅牵头的工作" / "加强行政监察工作…。"): a task of that owner.
                    close(&mut task, &mut body, diags);
                    let group = group_of(&stack, &mut heads, &mut body, &mut implicit_group);
                    let number = body.tasks.last().map_or(1, |t| t.number + 1);
                    let mut draft = TaskDraft::under(line.no, number, group, &stack, &heads);
                    add_text(&mut draft, &line.text, line, conv, diags);
                    task = Some(draft);
                    loose_owner_task = true;
                } else if let Some(t) = task.as_mut() {
                    if sub_item || continues(&t.text, &line.text) {
                        add_text(t, &line.text, line, conv, diags);
                    } else {
                        diags.push(Diagnostic::new(line, "line after a task not understood"));
                    }
                } else if let Some(&k) = stack.last() {
                    let head = &mut heads[k];
                    if head.text.is_empty() && continues_title(&head.title, &line.text) {
                        head.title.push_str(&line.text);
                    } else {
                        head.text.push((line.no, line.text.clone()));
                    }
                } else {
                    diags.push(Diagnostic::new(line, "text outside any heading"));
                }
            }
        }
    }
    close(&mut task, &mut body, diags);
    for head in heads {
        if head.text.is_empty() {
            continue;
        }
        if head.group.is_some() {
            for (no, text) in head.text {
                diags.push(Diagnostic {
                    line: no,
                    text,
                    message: "text before a group's first task".into(),
                });
            }
        } else {
            let text = head
                .text
                .into_iter()
                .map(|(_, t)| t)
                .collect::<Vec<_>>()
                .join("\n");
            body.sections.push(Section {
                numeral: head.numeral,
                title: head.title,
                text,
            });
        }
    }
    body
}

/// "11.121人才梯队项目" after task 10 is task 11 whose text starts with a number, not the decimal 11.121:
/// when the task level is Arabic and the line starts with the next task number and a point, it is that
/// task. Only the expected number is taken, so "1.5亿元" elsewhere stays text.
fn sequel(line: &str, next: Option<u32>, level: Option<Level>) -> Option<super::heading::Heading> {
    let next = next?;
    if level != Some(Level::Arabic) {
        return None;
    }
    let rest = line.strip_prefix(&format!("{next}."))?;
    rest.starts_with(|c: char| c.is_ascii_digit())
        .then(|| super::heading::Heading {
            level: Level::Arabic,
            numeral: next.to_string(),
            number: next,
            rest: rest.to_string(),
        })
}

/// Unnumbered items: under a title with no annotation of its own, two or more paragraphs in a row that
/// each end with their own annotation are one task each ("耕地保有量保持在…。(市国土局牵头)" /
/// "单位工业增加值用水量…。(市水利局…按职责分工负责)"). Returns each such line's position in its run.
fn paragraph_items(lines: &[Line], conv: Conventions) -> Vec<Option<u32>> {
    let mut out = vec![None; lines.len()];
    let own = |t: &str| {
        heading(t).is_none()
            && annotation::trailing_bracket(t).is_some_and(|(_, c)| {
                annotation::read(c, conv).is_some_and(|a| !a.roles.is_empty())
            })
    };
    let mut k = 0;
    while k < lines.len() {
        let title = heading(&lines[k].text).is_some_and(|h| {
            !super::inline::has_annotation(&h.rest, conv) && !h.rest.contains('。')
        });
        let run = lines[k + 1..].iter().take_while(|l| own(&l.text)).count();
        if title && run >= 2 {
            for (n, slot) in out[k + 1..=k + run].iter_mut().enumerate() {
                *slot = Some(n as u32 + 1);
            }
            k += run;
        }
        k += 1;
    }
    out
}

fn paragraph_heading(text: &str, number: u32) -> super::heading::Heading {
    super::heading::Heading {
        level: Level::Paragraph,
        numeral: String::new(),
        number,
        rest: text.to_string(),
    }
}

/// "注：…" / "（注：…）": remarks about the table, not plan text.
fn is_note(line: &str) -> bool {
    let f = super::text::fold(line);
    let f = f.trim_start_matches(|c: char| super::text::is_open(c));
    f.starts_with("注:")
        || f.starts_with("备注")
        || (annotation::states_first_leads(line) && annotation::trailing_bracket(line).is_none())
}

/// Whether a line continues the text before it: the text was cut mid-sentence, or the line is itself a
/// complete sentence (a further paragraph of the task). A short unpunctuated line after a finished sentence
/// (a signature, a stray caption) is not taken into the task.
fn continues(prev: &str, line: &str) -> bool {
    let prev_done = prev.chars().next_back().is_some_and(is_terminal);
    let line_done = line
        .chars()
        .next_back()
        .is_some_and(|c| is_terminal(c) || super::text::is_close(c) || c == '。');
    !prev_done || line_done || prev.is_empty()
}

/// A heading title broken over two lines: the second part is short and has no sentence punctuation.
fn continues_title(title: &str, line: &str) -> bool {
    !title.is_empty()
        && !title.chars().next_back().is_some_and(is_terminal)
        && line.chars().count() <= 20
        && !line
            .chars()
            .any(|c| is_terminal(c) || c == '。' || c == '，' || c == ',')
}

/// The group of a task under the innermost heading, made from the heading when it has none yet (or an
/// untitled group when there is no heading).
fn group_of(
    stack: &[usize],
    heads: &mut [Head],
    body: &mut Body,
    implicit_group: &mut Option<u32>,
) -> u32 {
    match stack.last() {
        Some(&k) => match heads[k].group {
            Some(g) => g,
            None => {
                let g = new_group(body, heads[k].numeral.clone(), heads[k].title.clone());
                heads[k].group = Some(g);
                g
            }
        },
        None => {
            *implicit_group.get_or_insert_with(|| new_group(body, String::new(), String::new()))
        }
    }
}

/// A line that ends a sentence (。, ；, …): a whole statement, not a broken title.
fn ends_sentence(line: &str) -> bool {
    line.chars().count() >= 6
        && line
            .chars()
            .next_back()
            .is_some_and(|c| is_terminal(c) || c == '。')
}

fn new_group(body: &mut Body, numeral: String, title: String) -> u32 {
    let number = body.groups.len() as u32 + 1;
    body.groups.push(Group {
        number,
        numeral,
        title,
    });
    number
}

/// Appends a line of task text, cutting a closing annotation off it. A line that does not end a sentence
/// was broken by the layout, so the next one is joined without a separator.
fn add_text(
    t: &mut TaskDraft,
    raw: &str,
    line: &Line,
    conv: Conventions,
    diags: &mut Vec<Diagnostic>,
) {
    let parts = super::inline::split(raw, conv);
    for p in &parts.problems {
        diags.push(Diagnostic::new(line, p));
    }
    for ann in parts.found {
        merge(t, ann, line, diags);
    }
    let text = parts.text;
    let text = text.trim_end();
    if text.is_empty() {
        return;
    }
    if !t.text.is_empty() && t.text.chars().next_back().is_some_and(is_terminal) {
        t.text.push('\n');
    }
    t.text.push_str(text);
}

fn merge(t: &mut TaskDraft, ann: Annotation, line: &Line, diags: &mut Vec<Diagnostic>) {
    for p in &ann.problems {
        diags.push(Diagnostic::new(line, p));
    }
    t.annotated = true;
    for (role, units) in ann.roles {
        if !units.is_empty() {
            t.last_unit = Some((role, line.no));
        }
        if !t.ann.roles.iter().any(|(r, _)| *r == role) {
            t.ann.roles.push((role, Vec::new()));
        }
        let Some((_, list)) = t.ann.roles.iter_mut().find(|(r, _)| *r == role) else {
            continue;
        };
        // Several annotations in one item: the union, in source order.
        for u in units {
            if !list.contains(&u) {
                list.push(u);
            }
        }
    }
    t.ann.bases.extend(ann.bases);
    t.ann.leaders.extend(ann.leaders);
    if ann.deadline.is_some() {
        t.ann.deadline = ann.deadline;
    }
}

fn close(task: &mut Option<TaskDraft>, body: &mut Body, diags: &mut Vec<Diagnostic>) {
    let Some(mut t) = task.take() else { return };
    if !t.inherited.is_empty() {
        let inherited = std::mem::take(&mut t.inherited);
        super::owner::inherit(&mut t.ann, &inherited);
        t.annotated |= t.ann.roles.iter().any(|(_, u)| !u.is_empty());
    }
    if !t.annotated {
        diags.push(Diagnostic {
            line: t.line,
            text: t.text.clone(),
            message: "task names no responsible unit".into(),
        });
    }
    body.tasks.push(t);
}
