//! The responsibility matrix (units × tasks, each cell 牵 / 实 / 配) and its CSV form. The CSV starts with a
//! UTF-8 byte-order mark because Excel on Chinese Windows otherwise opens UTF-8 as GBK and shows mojibake.

use super::{Plan, Role, Unit};
use crate::route::MatrixSort;

/// One row of the matrix: a unit and its role in each task (in plan task order).
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow<'a> {
    pub unit: &'a Unit,
    /// One entry per task in `plan.tasks` order; several roles in one task are all kept.
    pub cells: Vec<Vec<Role>>,
    pub total: usize,
}

/// Builds the matrix rows in the requested order.
pub fn matrix(plan: &Plan, sort: MatrixSort) -> Vec<MatrixRow<'_>> {
    let mut rows: Vec<MatrixRow> = plan
        .units
        .iter()
        .map(|unit| {
            let cells: Vec<Vec<Role>> = plan
                .tasks
                .iter()
                .map(|t| plan.roles_of(t, &unit.id))
                .collect();
            let total = cells.iter().filter(|c| !c.is_empty()).count();
            MatrixRow { unit, cells, total }
        })
        .collect();
    match sort {
        MatrixSort::Plan => {}
        MatrixSort::Name => rows.sort_by(|a, b| a.unit.name.cmp(&b.unit.name)),
        // Stable sort: equal loads keep plan order.
        MatrixSort::Load => rows.sort_by_key(|r| std::cmp::Reverse(r.total)),
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
    fn cells_join_several_roles() {
        assert_eq!(cell_text(&[Role::Lead, Role::Cooperating]), "牵/配");
        assert_eq!(cell_text(&[]), "");
    }
}
