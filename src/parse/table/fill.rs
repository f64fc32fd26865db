//! Putting a row's cells in their columns. A row with one cell per column is read cell by cell; a
//! short or tall row (merged cells lost, a unit cell of several paragraphs, result columns after the
//! deadline) is read by what its cells look like: see the documentation of [`super`].

use super::header;
use super::{Col, cells};
use crate::parse::annotation;
use crate::parse::text::is_terminal;

pub fn is_seq(cell: &str) -> Option<u32> {
    let t = cell.trim_matches(|c: char| c.is_whitespace() || c == '|' || c == '.' || c == '、');
    (!t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

pub fn is_sentence(cell: &str) -> bool {
    cell.chars().count() > 20
        || cell
            .chars()
            .next_back()
            .is_some_and(|c| is_terminal(c) || c == '。')
}

/// One row as read: its number, text and the cells of each column.
#[derive(Default)]
pub struct Row {
    pub line: usize,
    pub seq: Option<u32>,
    pub text: String,
    pub cells: Vec<(Col, Vec<String>)>,
}

impl Row {
    pub fn put(&mut self, col: Col, cell: String) {
        match self.cells.iter_mut().find(|(c, _)| *c == col) {
            Some((_, v)) => v.push(cell),
            None => self.cells.push((col, vec![cell])),
        }
    }

    pub fn has(&self, col: Col) -> bool {
        self.cells.iter().any(|(c, _)| *c == col)
    }
}

/// Puts a row's cells in their columns (see the module documentation for short and tall rows).
pub fn fill(cols: &[Col], cells: Vec<String>, one_per_line: bool, row: &mut Row) {
    let cells: Vec<String> = cells.into_iter().map(|c| c.trim().to_string()).collect();
    let cells = cells::join_broken_names(cells, cols.len());
    if cells.len() == cols.len() && (!one_per_line || cells_fit(cols, &cells)) {
        for (col, cell) in cols.iter().zip(cells) {
            match col {
                Col::Seq => row.seq = row.seq.or_else(|| is_seq(&cell)),
                Col::Task if row.text.is_empty() => row.text = cell,
                _ if !cell.is_empty() => row.put(*col, cell),
                _ => {}
            }
        }
        return;
    }
    let has_deadline = cols.contains(&Col::Deadline);
    // Columns after the deadline (落实情况, 是否达到序时进度) take the cells that follow it; with none,
    // a sentence after the deadline is a sub-row of the task.
    let after_deadline = cols
        .iter()
        .position(|c| *c == Col::Deadline)
        .map(|p| p + 1)
        .filter(|p| *p < cols.len());
    let last_unit = cols
        .iter()
        .rposition(|c| !matches!(c, Col::Seq | Col::Task | Col::Deadline));
    let last_unit_col = cols.iter().rposition(|c| header::is_unit_col(*c));
    let mut last_put: Option<usize> = None;
    let mut ci = 0;
    let mut past_deadline = false;
    for cell in cells.into_iter().filter(|c| !c.is_empty()) {
        if row.seq.is_none() && row.text.is_empty() && is_seq(&cell).is_some() {
            row.seq = is_seq(&cell);
            continue;
        }
        if !row.text.is_empty()
            && is_seq(&cell).is_some()
            && next_col(cols, ci).is_none_or(header::is_unit_col)
        {
            // A bare number where a unit or the deadline is due: a stray count, not a name.
            continue;
        }
        if past_deadline {
            // Report columns after the deadline; cells beyond the last column are dropped, not units.
            if let Some(col) = cols.get(ci).copied() {
                row.put(col, cell);
                ci += 1;
            }
            continue;
        }
        if row.text.is_empty() {
            row.text = cell;
            ci = cols
                .iter()
                .position(|c| *c == Col::Task)
                .map_or(0, |p| p + 1);
            continue;
        }
        if has_deadline && annotation::looks_like_deadline(&cell) {
            if !row.has(Col::Deadline) {
                row.put(Col::Deadline, cell);
            }
            if let Some(p) = after_deadline {
                past_deadline = true;
                ci = p;
            }
            continue;
        }
        if row.has(Col::Deadline) && is_sentence(&cell) {
            // A sub-row whose merged cells were lost: part of the same task.
            row.text.push('\n');
            row.text.push_str(&cell);
            continue;
        }
        if let Some(at) = last_put.filter(|a| Some(*a) == last_unit_col)
            && is_unit_name(&cell)
        {
            // The next unit of a tall cell (one unit per paragraph), not the next column.
            row.put(cols[at], cell);
            continue;
        }
        while ci < cols.len() && matches!(cols[ci], Col::Seq | Col::Task | Col::Deadline) {
            ci += 1;
        }
        let at = if ci < cols.len() {
            ci
        } else {
            last_unit.unwrap_or(cols.len())
        };
        let Some(col) = cols.get(at).copied() else {
            continue;
        };
        row.put(col, cell);
        last_put = Some(at);
        if Some(at) != last_unit {
            ci = at + 1;
        }
    }
}

/// The column the next cell goes to, past the number, text and deadline columns.
fn next_col(cols: &[Col], from: usize) -> Option<Col> {
    cols.get(from..)?
        .iter()
        .copied()
        .find(|c| !matches!(c, Col::Seq | Col::Task | Col::Deadline))
}

/// A cell that reads as unit names: short, no sentence, no figures, every name ending like a body.
fn is_unit_name(cell: &str) -> bool {
    cell.chars().count() <= 24
        && !is_sentence(cell)
        && !cell
            .chars()
            .any(|c| c.is_ascii_digit() || "，,。；;：:%".contains(c))
        && cell
            .split(['、', ' '])
            .filter(|p| !p.is_empty())
            .all(crate::parse::units::is_body)
}

/// Whether a row with one cell per column may be read cell by cell. Where empty cells vanished (one cell
/// per line) a row can have the right count by chance, with a second unit or a stray number in the
/// deadline column: then the cells are placed by what they look like instead.
fn cells_fit(cols: &[Col], cells: &[String]) -> bool {
    cols.iter().zip(cells).all(|(col, cell)| match col {
        Col::Deadline => cell.is_empty() || annotation::looks_like_deadline(cell),
        c if header::is_unit_col(*c) => is_seq(cell).is_none(),
        _ => true,
    })
}
