//! The header row of a flattened table: which words name which column.

use super::Col;
use crate::parse::text::fold;

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
        "任务", "内容", "事项", "项目", "实事", "措施", "目标", "要求",
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
    (word || cols == [Col::Task]).then_some(cols)
}
