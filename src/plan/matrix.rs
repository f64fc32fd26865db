//! The responsibility matrix (units × tasks, each cell 牵 / 实 / 配) and its CSV form. The CSV starts with a
//! UTF-8 byte-order mark because Excel on Chinese Windows otherwise opens UTF-8 as GBK and shows mojibake.

use super::{Plan, Role, Unit};
use crate::route::MatrixSort;

/// One row of the matrix: a unit and its role in each task of the requested columns (in plan task order).
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow<'a> {
    pub unit: &'a Unit,
    /// One entry per task of the columns; several roles in one task are all kept.
    pub cells: Vec<Vec<Role>>,
    /// Tasks the unit appears in, over the whole plan (not only the columns), so every page sorts alike.
    pub total: usize,
}

/// Builds the matrix rows in the requested order.
pub fn matrix(plan: &Plan, sort: MatrixSort) -> Vec<MatrixRow<'_>> {
    matrix_columns(plan, sort, 0..plan.tasks.len())
}

/// The rows for the tasks in `columns` only: a page of a wide matrix (a province-wide plan has 300 units ×
/// 10,000 tasks) computes just the cells it shows. Totals, and so the load order, count every task.
pub fn matrix_columns(
    plan: &Plan,
    sort: MatrixSort,
    columns: std::ops::Range<usize>,
) -> Vec<MatrixRow<'_>> {
    let totals = plan.role_counts_any();
    let end = columns.end.min(plan.tasks.len());
    let tasks = &plan.tasks[columns.start.min(end)..end];
    let mut rows: Vec<MatrixRow> = plan
        .units
        .iter()
        .map(|unit| MatrixRow {
            unit,
            cells: tasks.iter().map(|t| plan.roles_of(t, &unit.id)).collect(),
            total: totals.get(unit.id.as_str()).copied().unwrap_or(0),
        })
        .collect();
    match sort {
        MatrixSort::Plan => {}
        MatrixSort::Name => crate::sort::sort_by(&mut rows, |a, b| a.unit.name.cmp(&b.unit.name)),
        // Stable sort: equal loads keep plan order.
        MatrixSort::Load => crate::sort::sort_by_key(&mut rows, |r| std::cmp::Reverse(r.total)),
    }
    rows
}

/// Cell text: the role marks joined, e.g. "牵" or "牵/配".
pub fn cell_text(roles: &[Role]) -> String {
    roles.iter().map(|r| r.mark()).collect::<Vec<_>>().join("/")
}

/// The matrix as CSV (RFC 4180 quoting, CRLF line ends, UTF-8 with BOM).
pub fn matrix_csv(plan: &Plan, sort: MatrixSort) -> String {
    let mut header = vec!["单位".to_string(), "别名".to_string()];
    header.extend(plan.tasks.iter().map(|t| format!("任务{}", t.number)));
    header.push("合计".to_string());
    let mut lines = vec![csv_line(&header)];
    for row in matrix(plan, sort) {
        let mut fields = vec![row.unit.name.clone(), row.unit.aliases.join("、")];
        fields.extend(row.cells.iter().map(|c| cell_text(c)));
        fields.push(row.total.to_string());
        lines.push(csv_line(&fields));
    }
    format!("\u{FEFF}{}\r\n", lines.join("\r\n"))
}

/// Quotes a field when it holds a comma, quote or line break; a leading `=`, `+`, `-` or `@` is prefixed
/// with an apostrophe so a spreadsheet does not run user text as a formula.
pub fn csv_field(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

pub fn csv_line(fields: &[String]) -> String {
    fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formula_guarded() {
        assert_eq!(csv_field("兰州市"), "兰州市");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("line\nbreak"), "\"line\nbreak\"");
    }

    #[test]
    fn a_page_of_columns_matches_the_full_matrix() {
        let plan = crate::plan::seed::gansu();
        let full = matrix(&plan, MatrixSort::Load);
        let page = matrix_columns(&plan, MatrixSort::Load, 3..7);
        assert_eq!(full.len(), page.len());
        for (f, p) in full.iter().zip(&page) {
            assert_eq!((f.unit.id.as_str(), f.total), (p.unit.id.as_str(), p.total));
            assert_eq!(&f.cells[3..7], &p.cells[..]);
        }
        assert!(
            matrix_columns(&plan, MatrixSort::Plan, 8..99)
                .iter()
                .all(|r| r.cells.len() == 2)
        );
    }

    #[test]
    fn cells_join_several_roles() {
        assert_eq!(cell_text(&[Role::Lead, Role::Cooperating]), "牵/配");
        assert_eq!(cell_text(&[]), "");
    }
}
