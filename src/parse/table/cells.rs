//! Cells of a one-cell-per-line table that the layout broke in two: a narrow unit column wraps a long
//! name ("市生态" / "环境局"), and the web copy keeps each half as its own paragraph. When a row has more
//! cells than the header has columns, such halves are joined back into one name.

use crate::parse::units::is_body;

/// Prefixes that start a local government unit's name; a half without one is not joined, so that a
/// short task text followed by a unit ("优化营商环境" / "市发改委") is never taken for a broken name.
const UNIT_PREFIXES: [char; 6] = ['市', '省', '区', '县', '州', '镇'];

/// Joins broken unit names while the row has more cells than columns.
pub fn join_broken_names(mut cells: Vec<String>, ncols: usize) -> Vec<String> {
    let mut i = 0;
    while cells.len() > ncols && i + 1 < cells.len() {
        if is_first_half(&cells[i]) && is_second_half(&cells[i + 1]) {
            let second = cells.remove(i + 1);
            cells[i].push_str(&second);
        }
        i += 1;
    }
    cells
}

fn plain(s: &str) -> bool {
    s.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn is_first_half(s: &str) -> bool {
    let n = s.chars().count();
    (2..=6).contains(&n) && plain(s) && s.starts_with(UNIT_PREFIXES) && !is_body(s)
}

fn is_second_half(s: &str) -> bool {
    let n = s.chars().count();
    (1..=8).contains(&n) && plain(s) && is_body(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_wrapped_name_is_joined_only_when_the_row_is_too_long() {
        let row = cells(&[
            "3",
            "生活污水治理率达30%。",
            "市生态",
            "环境局",
            "已完成50个",
        ]);
        assert_eq!(
            join_broken_names(row.clone(), 4),
            cells(&["3", "生活污水治理率达30%。", "市生态环境局", "已完成50个"])
        );
        assert_eq!(
            join_broken_names(row.clone(), 5),
            row,
            "a row that fits is left alone"
        );
    }

    #[test]
    fn a_short_task_or_a_whole_unit_is_never_joined_to_the_next_cell() {
        let row = cells(&["1", "优化营商环境", "市发改委", "市财政局", "进展"]);
        assert_eq!(join_broken_names(row.clone(), 4), row);
        let row = cells(&["1", "任务", "市发改委", "市财政局", "进展"]);
        assert_eq!(join_broken_names(row.clone(), 4), row);
    }
}
