//! The text importer: a work plan as printed (工作要点 / 任务分工) → [`Plan`] plus diagnostics.
//!
//! Pure Rust over `&str`, no DOM: it runs in the browser on pasted text and natively in tests. It never
//! panics and never guesses silently: whatever it cannot read is reported as a [`Diagnostic`] with its
//! 1-based line number, and the rest of the plan is still returned.

mod annotation;
pub mod basis;
mod cut;
mod deadline;
mod heading;
pub mod html;
mod inline;
mod levels;
mod meta;
mod noise;
pub mod office;
mod owner;
mod refs;
mod runon;
mod structure;
mod table;
mod targets;
mod text;
mod units;
pub mod wire;

use crate::plan::ids::unit_id;
use crate::plan::{Deadline, Installment, Plan, PlanMeta, Role, Roles, Task, Unit, UnitRef};
use annotation::Conventions;
use basis::{TaskBasis, UnitBasis};
use std::collections::HashSet;

/// Something in the input the parser did not understand (or had to correct), with where it is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// 1-based line number in the input.
    pub line: usize,
    /// The line (or the part of it) concerned, as cleaned.
    pub text: String,
    pub message: String,
}

impl Diagnostic {
    fn new(line: &Line, message: &str) -> Self {
        Diagnostic {
            line: line.no,
            text: line.text.clone(),
            message: message.to_string(),
        }
    }
}

/// The result of [`parse`]: the plan read so far and what could not be read. Serialisable so the import
/// worker (`src/bin/importer.rs`) can parse off the page's thread and post the result back ([`wire`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Parsed {
    pub plan: Plan,
    pub diagnostics: Vec<Diagnostic>,
    /// How each task's units got their roles, task by task in plan order.
    #[serde(default)]
    pub bases: Vec<TaskBasis>,
}

/// A non-empty input line, cleaned of layout spaces, with its 1-based number.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub no: usize,
    pub text: String,
    /// The line as printed (trimmed): a table whose cells are separated by single spaces needs them.
    pub raw: String,
}

/// Parses a work plan text. See the module documentation for the guarantees.
pub fn parse(input: &str) -> Parsed {
    let raw: Vec<&str> = input.lines().collect();
    let mask = noise::noise_mask(&raw);
    let lines: Vec<Line> = raw
        .iter()
        .enumerate()
        .filter(|(k, _)| !mask[*k])
        .map(|(k, l)| Line {
            no: k + 1,
            text: text::clean_spaces(l),
            raw: l.trim().to_string(),
        })
        .filter(|l| !l.text.is_empty())
        .collect();
    let lines = join_broken_brackets(lines);
    let conv = conventions(&lines);
    let lines = runon::split_run_on_items(lines, conv);
    let mut diagnostics = Vec::new();

    // A table flattened to text is read by its header row; the lines before it are read as usual.
    let table = table::find(&lines);
    let prose = &lines[..table.as_ref().map_or(lines.len(), |t| t.start)];
    let body_start = prose
        .iter()
        .position(|l| heading::heading(&l.text).is_some())
        .unwrap_or(prose.len());
    let header_lines: Vec<&str> = lines[..body_start]
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    let header = meta::read_header(&header_lines);
    let mut body_lines = &prose[body_start..];
    let mut part = None;
    if header.parts.is_some()
        && let Some(first) = body_lines.first()
        && let Some(h) = heading::heading(&first.text).filter(|h| h.rest.is_empty())
    {
        // "(一)" alone before the first heading: the number of this part of a serialised printing.
        part = Some(h.number);
        body_lines = &body_lines[1..];
    }
    let mut body = structure::read_body(body_lines, conv, &mut diagnostics);
    if let Some(t) = &table {
        let drafts = table::read(t, &lines, conv, &mut body.groups, &mut diagnostics);
        body.tasks.extend(drafts);
    }
    cut::drop_cut_unit(&mut body, &lines, &mut diagnostics);

    let year = meta::year_in(&header.title)
        .or_else(|| {
            header
                .iso_date
                .as_deref()
                .and_then(|d| d.get(..4)?.parse().ok())
        })
        .or_else(|| header.intro.iter().find_map(|p| meta::year_in(p)))
        // A fragment may start inside the body: the first year printed anywhere is the best guess left.
        .or_else(|| lines.iter().find_map(|l| meta::year_in(&l.text)))
        .unwrap_or(0);
    if year == 0
        && let Some(first) = lines.first()
    {
        diagnostics.push(Diagnostic::new(first, "no plan year found"));
    }
    let date = header.iso_date.clone().or_else(|| {
        header
            .month_day
            .map(|(m, d)| format!("{year:04}-{m:02}-{d:02}"))
    });

    let (tasks, bases) = number_tasks(body.tasks, year, &mut diagnostics);
    let units = collect_units(&tasks);
    let intro = header.intro.join("\n");
    let mut rc = refs::RefCollector::default();
    rc.scan(&intro, "intro");
    for (k, s) in body.sections.iter().enumerate() {
        rc.scan(&s.text, &format!("section-{}", k + 1));
    }
    for t in &tasks {
        rc.scan(&t.text, &t.id());
    }
    let installment = header.parts.map(|of| Installment {
        number: part.unwrap_or(1),
        of,
        last_task: tasks.last().map_or(0, |t| t.number),
    });
    let plan = Plan {
        id: plan_id(&header.title, year),
        meta: PlanMeta {
            title: header.title,
            original_title: header.original_title,
            publisher: header.publisher,
            newspaper: header.newspaper,
            reporter: header.reporter,
            date,
            year,
            installment,
            coordinator: None,
        },
        intro,
        sections: body.sections,
        groups: body.groups,
        tasks,
        units,
        references: rc.finish(),
    };
    Parsed {
        plan,
        diagnostics,
        bases,
    }
}

/// Joins a line that opens a bracket it does not close with the following lines (at most a few, never a
/// heading): layouts break long annotations in the middle, and a half annotation cannot be read. A line of
/// page information is never joined: its 【字号 is a button, and joining would swallow the table below it.
fn join_broken_brackets(lines: Vec<Line>) -> Vec<Line> {
    const MAX_JOINED: usize = 4;
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut open_joins = 0;
    for line in lines {
        if let Some(prev) = out.last_mut()
            && open_joins < MAX_JOINED
            && depth(&prev.text) > 0
            && !noise::is_page_chrome(&prev.text)
            && heading::heading(&line.text).is_none()
        {
            prev.text.push_str(&line.text);
            open_joins += 1;
            continue;
        }
        open_joins = 0;
        out.push(line);
    }
    out
}

/// Bracket depth at the end of `s` (negative when more close than open).
fn depth(s: &str) -> i32 {
    s.chars().fold(0, |d, c| {
        if text::is_open(c) {
            d + 1
        } else if text::is_close(c) {
            d - 1
        } else {
            d
        }
    })
}

/// Document-wide statements that change how annotations read, e.g. "列第一位的为牵头单位".
fn conventions(lines: &[Line]) -> Conventions {
    let first_leads = lines
        .iter()
        .any(|l| annotation::states_first_leads(&l.text));
    Conventions { first_leads }
}

/// Turns drafts into tasks. Printed numbers are kept when they continue the sequence; a restart at 1 in a new
/// group (plans that number per group) continues the count silently; any other jump is reported and the
/// task gets the next number, because task numbers are ids and must be unique.
fn number_tasks(
    drafts: Vec<structure::TaskDraft>,
    year: i32,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Task>, Vec<TaskBasis>) {
    let mut tasks: Vec<Task> = Vec::with_capacity(drafts.len());
    let mut bases = Vec::with_capacity(drafts.len());
    let mut prev_printed = 0;
    for d in drafts {
        let number = match tasks.last() {
            None => d.number.max(1),
            Some(prev) => {
                let in_sequence = d.number == prev_printed + 1;
                let restart = d.number == 1 && d.group != prev.group;
                if !in_sequence && !restart {
                    diags.push(Diagnostic {
                        line: d.line,
                        text: d.text.clone(),
                        message: format!(
                            "task numbered {} after {}; numbered {}",
                            d.number,
                            prev_printed,
                            prev.number + 1
                        ),
                    });
                }
                prev.number + 1
            }
        };
        prev_printed = d.number;
        let id = format!("t{number}");
        let mut roles = Roles::default();
        let mut units = Vec::new();
        for (role, names) in d.ann.roles {
            let list = roles.get_mut(role);
            for name in names {
                units.push(UnitBasis {
                    role,
                    basis: basis::of(&d.ann.bases, role, &name),
                    name: name.clone(),
                });
                list.push(UnitRef {
                    unit: unit_id(&name),
                    name,
                });
            }
        }
        let deadline = d.ann.deadline.map(|text| Deadline {
            date: deadline::deadline_date(&text, year),
            text,
        });
        let targets = targets::targets(&id, &d.text);
        tasks.push(Task {
            number,
            group: d.group,
            text: d.text,
            roles,
            deadline,
            targets,
            leaders: d.ann.leaders,
        });
        // In the order the task lists its units by role, as the preview walks them.
        units.sort_by_key(|u| Role::ALL.iter().position(|r| *r == u.role));
        bases.push(TaskBasis {
            task: number,
            units,
        });
    }
    (tasks, bases)
}

/// One unit per distinct id, named as first written, in order of first appearance.
fn collect_units(tasks: &[Task]) -> Vec<Unit> {
    let mut seen = HashSet::new();
    let mut units = Vec::new();
    for t in tasks {
        for role in Role::ALL {
            for r in t.roles.get(role) {
                if seen.insert(r.unit.clone()) {
                    units.push(Unit {
                        id: r.unit.clone(),
                        name: r.name.clone(),
                        aliases: Vec::new(),
                    });
                }
            }
        }
    }
    units
}

/// A stable id for an imported plan: year and a hash of the title, so re-importing the same text keeps the
/// stored edits attached. (The shipped plan's id is curated.)
fn plan_id(title: &str, year: i32) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in unit_id(title).bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("plan-{year}-{h:08x}")
}
