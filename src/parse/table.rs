//! Tables flattened to text: a header row (序号 | 任务 | 牵头单位 | 责任单位 | 完成时限 | 备注) says what each
//! column holds, and the rows below are read by it. Copies of tables arrive in three layouts, all handled:
//! cells separated by `|` (or tabs), cells separated by single spaces (the task text then takes whatever
//! the other columns leave), and one cell per line (a row starts at its 序号, or, in a table without
//! one, at each sentence). Merged cells lose their copies, so rows may be short: a cell that reads as a
//! deadline goes to the deadline column, a sentence after the row's deadline is a sub-row of its task,
//! and unit cells beyond the columns belong to the last unit column (one unit per line in a tall cell).

use super::annotation::{self, Annotation, Conventions};
use super::heading::{Level, heading};
use super::structure::TaskDraft;
use super::{Diagnostic, Line};
use crate::plan::Group;
use fill::{Row, fill, is_sentence, is_seq};
use header::{columns, good_header, header_cell_at};

mod cells;
mod fill;
mod header;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Seq,
    Task,
    Lead,
    Responsible,
    Implementing,
    Cooperating,
    Leaders,
    Deadline,
    Other,
}

/// How the rows of a table are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Pipes,
    Spaces,
    CellPerLine,
}

/// A table found in the text: where its header starts and what it holds.
pub struct Table {
    pub start: usize,
    cols: Vec<Col>,
    layout: Layout,
    rows_from: usize,
}

/// Finds the first table header in the lines.
pub fn find(lines: &[Line]) -> Option<Table> {
    for (k, line) in lines.iter().enumerate() {
        let compact: String = line.text.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.chars().count() <= 60 && !compact.contains(['。', '，', ',', '：', ':', '；'])
        {
            let cols = columns(&line.text);
            let known = cols
                .iter()
                .filter(|c| **c != Col::Other && **c != Col::Task)
                .count();
            if known >= 2 && good_header(&cols) {
                let layout = if line.text.contains('|') || line.raw.contains('\t') {
                    Layout::Pipes
                } else {
                    Layout::Spaces
                };
                if layout == Layout::Pipes || line.raw.contains(' ') {
                    return Some(Table {
                        start: k,
                        cols,
                        layout,
                        rows_from: k + 1,
                    });
                }
            }
        }
        let mut cols = Vec::new();
        let mut n = 0;
        let texts: Vec<&str> = lines[k..(k + 24).min(lines.len())]
            .iter()
            .map(|l| l.text.as_str())
            .collect();
        while let Some((c, used)) = header_cell_at(&texts, n, n > 0) {
            cols.extend(c);
            n += used;
        }
        if n >= 3 && good_header(&cols) {
            return Some(Table {
                start: k,
                cols,
                layout: Layout::CellPerLine,
                rows_from: k + n,
            });
        }
    }
    None
}

/// The annotation a row's cells make: each unit column read with its label, or in the unlabelled form
/// when the cell itself says the role ("市发改委牵头落实").
fn annotate(row: &Row, conv: Conventions) -> Annotation {
    let mut ann = Annotation::default();
    for (col, cells) in &row.cells {
        let label = match col {
            Col::Lead => "牵头单位",
            Col::Responsible => "责任单位",
            Col::Implementing => "实施单位",
            Col::Cooperating => "配合单位",
            Col::Leaders => "责任领导",
            Col::Deadline => "完成时限",
            Col::Seq | Col::Task | Col::Other => continue,
        };
        let value = cells.join("、");
        let verbs =
            matches!(col, Col::Lead | Col::Responsible) && annotation::mentions_roles(&value);
        let content = if verbs {
            value
        } else {
            format!("{label}：{value}")
        };
        if let Some(mut a) = annotation::read(&content, conv) {
            ann.deadline = ann.deadline.take().or(a.deadline.take());
            ann.absorb(a);
        }
    }
    ann
}

/// Reads the rows below a header into task drafts, adding the table's group rows to `groups`.
pub fn read(
    table: &Table,
    lines: &[Line],
    conv: Conventions,
    groups: &mut Vec<Group>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<TaskDraft> {
    let mut rows: Vec<(Row, u32)> = Vec::new();
    let mut group = 0;
    let mut pending: Option<(Row, Vec<String>)> = None;
    let has_seq = table.cols.contains(&Col::Seq);
    let finish = |p: &mut Option<(Row, Vec<String>)>, rows: &mut Vec<(Row, u32)>, group: u32| {
        if let Some((mut row, cells)) = p.take() {
            fill(
                &table.cols,
                cells,
                table.layout == Layout::CellPerLine,
                &mut row,
            );
            rows.push((row, group));
        }
    };
    let body = lines.get(table.rows_from..).unwrap_or_default();
    for (k, line) in body.iter().enumerate() {
        let cells: Vec<String> = match table.layout {
            Layout::Pipes if line.raw.contains('\t') => {
                line.raw.split('\t').map(str::to_string).collect()
            }
            Layout::Pipes => line.text.split('|').map(str::to_string).collect(),
            Layout::Spaces => space_cells(&line.raw, table.cols.len()),
            Layout::CellPerLine => vec![line.text.trim_end_matches(['|', ' ']).to_string()],
        };
        let first = cells
            .iter()
            .find(|c| !c.trim().is_empty())
            .cloned()
            .unwrap_or_default();
        if let Some(h) = heading(first.trim()).filter(|h| h.level <= Level::ChineseParen) {
            let only = cells.iter().filter(|c| !c.trim().is_empty()).count() == 1;
            if only
                && pending
                    .as_ref()
                    .is_none_or(|(r, _)| !r.text.is_empty() || table.layout != Layout::CellPerLine)
            {
                finish(&mut pending, &mut rows, group);
                groups.push(Group {
                    number: groups.len() as u32 + 1,
                    numeral: h.numeral,
                    title: h.rest,
                });
                group = groups.len() as u32;
                continue;
            }
        }
        let starts = match table.layout {
            // A number followed by a deadline is a stray cell of the row (a lost column's count), not
            // the next row's 序号: a row goes on with its task text.
            Layout::CellPerLine if has_seq => {
                is_seq(&first).is_some()
                    && body
                        .get(k + 1)
                        .is_none_or(|n| !annotation::looks_like_deadline(&n.text))
            }
            Layout::CellPerLine => {
                is_sentence(&first) && pending.as_ref().is_none_or(|(_, c)| c.len() > 1)
            }
            _ => true,
        };
        if starts {
            finish(&mut pending, &mut rows, group);
            pending = Some((
                Row {
                    line: line.no,
                    ..Row::default()
                },
                cells,
            ));
        } else if let Some((_, c)) = pending.as_mut() {
            c.extend(cells);
        } else {
            diags.push(Diagnostic::new(line, "table line before the first row"));
        }
    }
    finish(&mut pending, &mut rows, group);
    if rows.iter().any(|(_, g)| *g == 0) && groups.is_empty() {
        groups.push(Group {
            number: 1,
            numeral: String::new(),
            title: String::new(),
        });
    }
    let mut next = 1;
    let mut out = Vec::new();
    for (row, g) in rows {
        if row.text.is_empty() {
            continue;
        }
        let number = row.seq.unwrap_or(next);
        next = number + 1;
        let ann = annotate(&row, conv);
        for p in &ann.problems {
            diags.push(Diagnostic {
                line: row.line,
                text: row.text.clone(),
                message: p.clone(),
            });
        }
        let last_unit = ann
            .roles
            .last()
            .map(|(r, _)| (*r, lines.last().map_or(0, |l| l.no)));
        out.push(TaskDraft {
            line: row.line,
            number,
            group: g.max(1),
            text: row.text,
            annotated: !ann.roles.is_empty(),
            ann,
            last_unit,
            inherited: Vec::new(),
        });
    }
    out
}

/// Cells of a row whose cells are separated by single spaces: the number first, one cell per column at
/// the end, and the task text in between (task texts contain no spaces, names rarely do).
fn space_cells(text: &str, ncols: usize) -> Vec<String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    if tokens.len() <= ncols {
        return tokens.into_iter().map(str::to_string).collect();
    }
    let tail = ncols.saturating_sub(2);
    let mid_end = tokens.len() - tail;
    let mut cells = vec![tokens[0].to_string(), tokens[1..mid_end].join(" ")];
    cells.extend(tokens[mid_end..].iter().map(|t| t.to_string()));
    cells
}
