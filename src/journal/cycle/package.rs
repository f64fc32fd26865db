//! What travels between a unit and the coordinating office: the submission file (报送) a unit sends, the
//! feedback file (反馈) the office sends back, and what an incoming file holds, read before anything is
//! merged. Both files are ordinary edits files (format, schema, plan id, checksum), so the import path that
//! already refuses damaged and foreign files reads them, and merging twice adds nothing.

use std::collections::HashSet;

use super::{Cycle, Verdict};
use crate::journal::op::{Op, OpKind};
use crate::plan::Plan;

/// The unit's edits that no earlier submission of the unit carried, oldest first: what the next submission
/// file holds besides its seal. Submissions and reviews themselves are not edits of the report.
pub fn unsent_ops<'a>(cycle: &Cycle, ops: &'a [Op], unit: &str) -> Vec<&'a Op> {
    let sent: HashSet<&str> = cycle
        .all()
        .into_iter()
        .filter(|s| s.unit == unit)
        .flat_map(|s| s.ops.iter().map(String::as_str))
        .collect();
    ops.iter()
        .filter(|o| o.unit.as_deref() == Some(unit))
        .filter(|o| !matches!(o.kind, OpKind::Submit { .. } | OpKind::Review { .. }))
        .filter(|o| !sent.contains(o.id.as_str()))
        .collect()
}

/// The ops of a submission file: the edits its seal names (those still in the journal) and the seal.
pub fn submission_ops(ops: &[Op], seal: &Op) -> Vec<Op> {
    let OpKind::Submit { ops: carried, .. } = &seal.kind else {
        return Vec::new();
    };
    let carried: HashSet<&str> = carried.iter().map(String::as_str).collect();
    let mut out: Vec<Op> = ops
        .iter()
        .filter(|o| carried.contains(o.id.as_str()))
        .cloned()
        .collect();
    out.push(seal.clone());
    out
}

/// The ops of a feedback file for `unit`: the coordinating unit's reviews of the unit's submissions, its
/// decisions on the unit's extension requests, and its corrections of the unit's reports, so the unit sees
/// all of them once it imports the file.
pub fn feedback_ops(plan: &Plan, ops: &[Op], unit: &str) -> Vec<Op> {
    let coordinator = plan.meta.coordinator.as_deref();
    // The unit's own extension requests, whose decisions go back with the feedback.
    let requests: HashSet<&str> = ops
        .iter()
        .filter(|o| o.unit.as_deref() == Some(unit))
        .filter_map(|o| match &o.kind {
            OpKind::RequestExtension { request, .. } => Some(request.as_str()),
            _ => None,
        })
        .collect();
    ops.iter()
        .filter(|o| coordinator.is_none() || o.unit.as_deref() == coordinator)
        .filter(|o| match &o.kind {
            OpKind::DecideExtension { request, .. } => requests.contains(request.as_str()),
            OpKind::Review { unit: u, .. } | OpKind::SetReport { unit: u, .. } => u == unit,
            OpKind::SetStatus { unit: Some(u), .. } | OpKind::SetProgress { unit: Some(u), .. } => {
                u == unit
            }
            _ => false,
        })
        .cloned()
        .collect()
}

/// Characters no file system takes in a name, replaced so a unit name is always a valid file name.
fn file_safe(name: &str) -> String {
    name.chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// `报送-白银市-2020-04.json`
pub fn submission_file_name(unit: &str, period: &str) -> String {
    format!("报送-{}-{}.json", file_safe(unit), file_safe(period))
}

/// `反馈-白银市-2020-04.json`
pub fn feedback_file_name(unit: &str, period: &str) -> String {
    format!("反馈-{}-{}.json", file_safe(unit), file_safe(period))
}

/// What an incoming file of the cycle holds, for the per-file line of 汇总 and for refusing a file that
/// names units the plan does not have.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SubmissionPackage {
    /// `(unit, period)` of each seal in the file.
    pub submissions: Vec<(String, String)>,
    /// `(unit, period, verdict)` of each review in the file.
    pub reviews: Vec<(String, String, Verdict)>,
    /// Edits of reports, figures and notes.
    pub edits: usize,
    /// Ops the journal does not have yet.
    pub new_ops: usize,
}

impl SubmissionPackage {
    /// Reads a file's ops against the plan and the local journal. `Err` names the first unit the plan does
    /// not know (a file for another plan, or a hand-made one): such a file is refused whole.
    pub fn read(plan: &Plan, local: &[Op], incoming: &[Op]) -> Result<Self, String> {
        let known = |u: &str| plan.units.iter().any(|x| x.id == u);
        let have: HashSet<&str> = local.iter().map(|o| o.id.as_str()).collect();
        let mut out = SubmissionPackage::default();
        for op in incoming {
            if let Some(u) = op.unit.as_deref().filter(|u| !known(u)) {
                return Err(u.to_string());
            }
            match &op.kind {
                OpKind::Submit { unit, period, .. } => {
                    if !known(unit) {
                        return Err(unit.clone());
                    }
                    out.submissions.push((unit.clone(), period.clone()));
                }
                OpKind::Review {
                    unit,
                    period,
                    verdict,
                    ..
                } => out.reviews.push((unit.clone(), period.clone(), *verdict)),
                _ => out.edits += 1,
            }
            if !have.contains(op.id.as_str()) {
                out.new_ops += 1;
            }
        }
        Ok(out)
    }
}

impl SubmissionPackage {
    /// The per-file line of 汇总: what the file is and what it added, e.g.
    /// `白银市 2020年4月 报送 · 共 4 条记录，新增 4 条` or `… · 共 4 条记录，已导入过，没有新内容`.
    pub fn summary(&self, added: usize, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang;
        let period = |p: &str| {
            crate::journal::Period::parse(p).map_or_else(|| p.to_string(), |p| p.label(lang))
        };
        let mut parts: Vec<String> = self
            .submissions
            .iter()
            .map(|(u, p)| match lang {
                Lang::Zh => format!("{u} {} 报送", period(p)),
                Lang::En => format!("{u}'s submission for {}", period(p)),
            })
            .collect();
        parts.extend(self.reviews.iter().map(|(u, p, v)| match lang {
            Lang::Zh => format!("{u} {} 审核意见：{}", period(p), v.label_zh()),
            Lang::En => format!("review of {u}'s {}: {}", period(p), v.label_en()),
        }));
        if parts.is_empty() {
            parts.push(
                lang.pick("修改记录（无报送）", "edits (no submission)")
                    .into(),
            );
        }
        let what = parts.join(lang.pick("；", "; "));
        let total = self.edits + self.submissions.len() + self.reviews.len();
        let count = match (lang, added) {
            (Lang::Zh, 0) => format!("共 {total} 条记录，已导入过，没有新内容"),
            (Lang::En, 0) => format!("{total} records, already imported: nothing new"),
            (Lang::Zh, n) => format!("共 {total} 条记录，新增 {n} 条"),
            (Lang::En, n) => format!("{total} records, {n} new"),
        };
        format!("{what} · {count}")
    }
}
