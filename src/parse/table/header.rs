//! The header row of a flattened table: which words name which column.

use super::Col;
use crate::parse::text::{fold, is_close, is_open};

/// Header words (folded, no spaces); longer first so 牵头负责部门 wins over 牵头部门.
pub const WORDS: &[(&str, Col)] = &[
    ("序号", Col::Seq),
    ("编号", Col::Seq),
    ("协同责任单位", Col::Cooperating),
    ("牵头负责领导", Col::Leaders),
    ("牵头负责部门", Col::Lead),
    ("牵头责任单位", Col::Lead),
    ("牵头单位", Col::Lead),
    ("牵头部门", Col::Lead),
    ("主要责任单位", Col::Responsible),
    ("责任单位", Col::Responsible),
    ("责任部门", Col::Responsible),
    ("实施单位", Col::Implementing),
    ("配合单位", Col::Cooperating),
    ("配合部门", Col::Cooperating),
    ("协办单位", Col::Cooperating),
    ("协同单位", Col::Cooperating),
    ("主办单位", Col::Responsible),
    ("参与单位", Col::Cooperating),
    ("分管县领导", Col::Leaders),
    ("分管市领导", Col::Leaders),
    ("分管区领导", Col::Leaders),
    ("分管省领导", Col::Leaders),
    ("分管领导", Col::Leaders),
    ("责任领导", Col::Leaders),
    ("牵头领导", Col::Leaders),
    ("责任人", Col::Leaders),
    ("完成时限", Col::Deadline),
    ("完成时间", Col::Deadline),
    ("时间节点", Col::Deadline),
    ("时限", Col::Deadline),
    ("备注", Col::Other),
    ("进展情况", Col::Other),
    ("完成情况", Col::Other),
    ("推进情况", Col::Other),
];

/// The header's columns, read from its text with spaces and `|` removed.
pub fn columns(cell_text: &str) -> Vec<Col> {
    let f: Vec<char> = fold(cell_text)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '|')
        .collect();
    let mut cols = Vec::new();
    let mut other = String::new();
    let mut i = 0;
    while i < f.len() {
        let hit = WORDS
            .iter()
            .find(|(w, _)| w.chars().enumerate().all(|(k, c)| f.get(i + k) == Some(&c)));
        match hit {
            Some((w, col)) => {
                flush_other(&mut cols, &mut other);
                cols.push(*col);
                i += w.chars().count();
            }
            None => {
                other.push(f[i]);
                i += 1;
            }
        }
    }
    flush_other(&mut cols, &mut other);
    cols
}

/// Unrecognised header text: the task column when it speaks of tasks, contents or items.
fn flush_other(cols: &mut Vec<Col>, other: &mut String) {
    if other.is_empty() {
        return;
    }
    let task = [
        "任务", "内容", "事项", "项目", "实事", "措施", "目标", "要求", "工作",
    ]
    .iter()
    .any(|w| other.contains(w));
    cols.push(if task { Col::Task } else { Col::Other });
    other.clear();
}

pub fn is_unit_col(c: Col) -> bool {
    matches!(
        c,
        Col::Lead | Col::Responsible | Col::Implementing | Col::Cooperating | Col::Leaders
    )
}

pub fn good_header(cols: &[Col]) -> bool {
    cols.len() >= 2
        && cols.iter().any(|c| is_unit_col(*c) && *c != Col::Leaders)
        && cols.iter().any(|c| matches!(c, Col::Seq | Col::Task))
}

/// A cell of a one-cell-per-line header: short and made only of header words.
pub fn header_cell(line: &str) -> Option<Vec<Col>> {
    let t: String = line
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '|')
        .collect();
    if t.is_empty() || t.chars().count() > 8 {
        return None;
    }
    let cols = columns(&t);
    let f = fold(&t);
    let word = WORDS.iter().any(|(w, _)| f == *w);
    let report = cols == [Col::Other] && REPORT_ENDINGS.iter().any(|e| f.ends_with(e));
    if word || report || cols == [Col::Task] {
        return Some(cols);
    }
    qualified_word(&f).map(|c| vec![c])
}

/// A header word after a short qualifier (计划完成时间, 预计完成时间, 具体责任单位): the word's column.
/// Why: offices qualify a column's name in their own way, and a header cell the reader does not know
/// ends the header, so the columns after it are lost and their cells are read as units.
fn qualified_word(f: &str) -> Option<Col> {
    let n = f.chars().count();
    WORDS
        .iter()
        .find(|(w, _)| {
            let q = n.saturating_sub(w.chars().count());
            f.ends_with(w)
                && (1..=3).contains(&q)
                && f.chars()
                    .take(q)
                    .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        })
        .map(|(_, c)| *c)
        .filter(|c| *c != Col::Seq)
}

/// Columns of results beside the plan (上半年落实情况, 完成状态): part of the header, read as nothing.
const REPORT_ENDINGS: &[&str] = &["情况", "状态", "进度", "成效", "结果"];

/// The header cell starting at line `k` of a one-cell-per-line header, and how many lines it takes: a cell
/// the layout broke in two (牵头责任 / 单位) is read joined, and a bracketed note below a cell (落实情况 /
/// (全年)) belongs to it.
pub fn header_cell_at(lines: &[&str], k: usize, after_cell: bool) -> Option<(Vec<Col>, usize)> {
    let line = lines.get(k)?;
    if let Some(cols) = header_cell(line) {
        return Some((cols, 1));
    }
    let t = line.trim();
    let bracketed = t.starts_with(is_open) && t.ends_with(is_close) && t.chars().count() <= 8;
    if after_cell && bracketed {
        return Some((Vec::new(), 1));
    }
    let next = lines.get(k + 1)?;
    let joined = format!("{}{}", t, next.trim());
    let f = fold(&joined);
    WORDS
        .iter()
        .any(|(w, _)| f == *w)
        .then(|| (columns(&joined), 2))
}
