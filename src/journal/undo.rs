//! Undo, redo and history, all derived from the journal. Undo appends the inverse op — "set the field back to
//! what it was before op X" — tagged `cause: Undo(X)`, and redo appends the inverse of that undo. Nothing is ever
//! removed, so an undo travels through export and merge like any edit, and the stacks can be rebuilt after a
//! reload from the ops alone.

use super::fold::newer;
use super::op::{Cause, Op, OpKind, Region, Status, region_label};

/// The local user's undo and redo stacks (op ids, top last).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UndoStacks {
    pub undo: Vec<String>,
    pub redo: Vec<String>,
}

/// Whether `op` was written by the local user: op ids start with the device/tab prefix the caller chose.
pub fn is_own(op: &Op, own_prefix: &str) -> bool {
    op.id
        .strip_prefix(own_prefix)
        .is_some_and(|rest| rest.starts_with('-'))
}

/// A submission (报送) has been handed over as a file and a review (审核) as a feedback file, and so have
/// extension requests and decisions: none can be taken back by undo. A unit corrects by re-submitting or
/// asking again, the coordinator by reviewing or deciding again.
pub fn undoable(kind: &OpKind) -> bool {
    !matches!(
        kind,
        OpKind::Submit { .. }
            | OpKind::Review { .. }
            | OpKind::RequestExtension { .. }
            | OpKind::DecideExtension { .. }
    )
}

/// Replays the local user's ops in `(at, id)` order: a fresh edit clears redo (as in every editor); undo moves
/// an op to the redo stack; redo moves it back.
pub fn stacks(ops: &[Op], own_prefix: &str) -> UndoStacks {
    let mut own: Vec<&Op> = ops
        .iter()
        .filter(|o| is_own(o, own_prefix) && undoable(&o.kind))
        .collect();
    crate::sort::sort_by(&mut own, |a, b| a.order_key().cmp(&b.order_key()));
    let mut s = UndoStacks::default();
    for op in own {
        match &op.cause {
            None => {
                s.undo.push(op.id.clone());
                s.redo.clear();
            }
            Some(Cause::Undo(x)) => {
                if let Some(i) = s.undo.iter().rposition(|u| u == x) {
                    s.undo.remove(i);
                }
                s.redo.push(op.id.clone());
            }
            Some(Cause::Redo(u)) => {
                if let Some(i) = s.redo.iter().rposition(|r| r == u) {
                    s.redo.remove(i);
                }
                s.undo.push(op.id.clone());
            }
        }
    }
    s
}

/// The op that undoes the local user's latest edit not yet undone, or `None` when there is nothing to undo.
/// `at` is raised above the field's current winner if the local clock is behind, so the undo always shows.
pub fn undo(ops: &[Op], own_prefix: &str, new_id: String, now: i64) -> Option<Op> {
    let target = stacks(ops, own_prefix).undo.pop()?;
    inverse(ops, &target, new_id, now, Cause::Undo(target.clone()))
}

/// The op that redoes the latest undo, or `None`.
pub fn redo(ops: &[Op], own_prefix: &str, new_id: String, now: i64) -> Option<Op> {
    let target = stacks(ops, own_prefix).redo.pop()?;
    inverse(ops, &target, new_id, now, Cause::Redo(target.clone()))
}

fn inverse(ops: &[Op], of: &str, id: String, now: i64, cause: Cause) -> Option<Op> {
    let x = ops.iter().find(|o| o.id == of)?;
    let field = x.kind.field();
    let before = ops
        .iter()
        .filter(|o| o.kind.field() == field && o.order_key() < x.order_key())
        .reduce(newer);
    let kind = match before {
        Some(p) => p.kind.clone(),
        None => reset(&x.kind),
    };
    // The undo is the same unit's edit as the op it reverses (a person who switched units since still
    // undoes their own edit, which only that unit may write).
    let (at, hlc) = super::clock::stamp(ops, now);
    Some(Op {
        id,
        at,
        hlc: Some(hlc),
        kind,
        cause: Some(cause),
        unit: x.unit.clone(),
        by: x.by.clone(),
    })
}

/// The op that puts a field back to "never edited".
fn reset(kind: &OpKind) -> OpKind {
    match kind.clone() {
        OpKind::SetStatus {
            task, unit, period, ..
        } => OpKind::SetStatus {
            task,
            unit,
            period,
            status: Status::NotStarted,
        },
        OpKind::SetProgress {
            task, unit, period, ..
        } => OpKind::SetProgress {
            task,
            unit,
            period,
            percent: 0,
        },
        OpKind::SetReport {
            task,
            unit,
            period,
            part,
            ..
        } => OpKind::SetReport {
            task,
            unit,
            period,
            part,
            text: String::new(),
        },
        // The default schedule is what "never set" means.
        OpKind::SetCadence { .. } => OpKind::SetCadence {
            cadence: super::period::Cadence::Monthly,
            due_day: super::period::DEFAULT_DUE_DAY,
        },
        OpKind::SetDeadline { task, .. } => OpKind::SetDeadline { task, date: None },
        OpKind::AddNote { task, note_id, .. } | OpKind::DeleteNote { task, note_id } => {
            OpKind::DeleteNote { task, note_id }
        }
        OpKind::SetActual {
            target,
            region,
            as_of,
            ..
        }
        | OpKind::ClearActual {
            target,
            region,
            as_of,
        } => OpKind::ClearActual {
            target,
            region,
            as_of,
        },
        // Never on an undo stack (see `undoable`); kept as they are.
        kind @ (OpKind::Submit { .. }
        | OpKind::Review { .. }
        | OpKind::RequestExtension { .. }
        | OpKind::DecideExtension { .. }) => kind,
    }
}

/// One line of the history list.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub op_id: String,
    pub at: i64,
    /// The task the edit is about (`t6` also for its targets).
    pub task: String,
    pub summary_zh: String,
    pub summary_en: String,
    /// Set when this entry undid or redid another.
    pub cause: Option<Cause>,
    /// The unit and person who wrote it (`None` before units were recorded).
    pub unit: Option<String>,
    pub by: Option<String>,
}

/// The journal as history, newest first; `task` narrows it to one task and its targets.
pub fn history(ops: &[Op], task: Option<&str>) -> Vec<HistoryEntry> {
    let mut out: Vec<HistoryEntry> = ops
        .iter()
        .filter(|o| task.is_none_or(|t| o.kind.task() == t))
        .map(|o| {
            let (zh, en) = summary(&o.kind);
            let (zh, en) = match &o.cause {
                Some(Cause::Undo(_)) => (format!("撤销：{zh}"), format!("Undo: {en}")),
                Some(Cause::Redo(_)) => (format!("重做：{zh}"), format!("Redo: {en}")),
                None => (zh, en),
            };
            HistoryEntry {
                op_id: o.id.clone(),
                at: o.at,
                task: o.kind.task().to_string(),
                summary_zh: zh,
                summary_en: en,
                cause: o.cause.clone(),
                unit: o.unit.clone(),
                by: o.by.clone(),
            }
        })
        .collect();
    crate::sort::sort_by(&mut out, |a, b| (b.at, &b.op_id).cmp(&(a.at, &a.op_id)));
    out
}

/// ` 白银市 2020-05` for a unit's report, nothing for a schema-1 task-level one.
fn whose(unit: Option<&str>, period: Option<&str>) -> (String, String) {
    match (unit, period) {
        (Some(u), Some(p)) => (format!(" {u} {p}"), format!(" {u} {p}")),
        _ => (String::new(), String::new()),
    }
}

/// One edit in a few words, in both languages; the subject (task or target id) comes first.
pub(super) fn summary(kind: &OpKind) -> (String, String) {
    let place = |r: &Region| match r {
        Region::Total => ("合计".to_string(), "total".to_string()),
        Region::Place(p) => (p.clone(), region_label(r).to_string()),
    };
    match kind {
        OpKind::SetStatus {
            task,
            unit,
            period,
            status,
        } => {
            let (zh, en) = whose(unit.as_deref(), period.as_deref());
            (
                format!("{task}{zh} 状态 → {}", status.label_zh()),
                format!("{task}{en} status → {}", status.label_en()),
            )
        }
        OpKind::SetProgress {
            task,
            unit,
            period,
            percent,
        } => {
            let (zh, en) = whose(unit.as_deref(), period.as_deref());
            (
                format!("{task}{zh} 进度 → {percent}%"),
                format!("{task}{en} progress → {percent}%"),
            )
        }
        OpKind::SetReport {
            task,
            unit,
            period,
            part,
            text,
        } => {
            let (zh, en) = whose(Some(unit), Some(period));
            let short: String = text.chars().take(40).collect();
            (
                format!("{task}{zh} {}：{short}", part.label_zh()),
                format!("{task}{en} {}: {short}", part.label_en().to_lowercase()),
            )
        }
        OpKind::SetCadence { cadence, due_day } => {
            let schedule = super::period::Schedule {
                cadence: *cadence,
                due_day: *due_day,
            };
            (
                format!("报送周期 → {}", schedule.describe(crate::i18n::Lang::Zh)),
                format!(
                    "reporting cycle → {}",
                    schedule.describe(crate::i18n::Lang::En)
                ),
            )
        }
        OpKind::SetDeadline {
            task,
            date: Some(d),
        } => (
            format!("{task} 时限 → {d}"),
            format!("{task} deadline → {d}"),
        ),
        OpKind::SetDeadline { task, date: None } => (
            format!("{task} 时限恢复为原定"),
            format!("{task} deadline back to the plan's"),
        ),
        OpKind::AddNote {
            task, date, text, ..
        } => {
            let short: String = text.chars().take(40).collect();
            (
                format!("{task} 备注 {date}：{short}"),
                format!("{task} note {date}: {short}"),
            )
        }
        OpKind::DeleteNote { task, note_id } => (
            format!("{task} 删除备注 {note_id}"),
            format!("{task} deleted note {note_id}"),
        ),
        OpKind::SetActual {
            target,
            region,
            as_of,
            value,
        } => {
            let (zh, en) = place(region);
            (
                format!("{target} {zh} 截至{as_of}实际 {value}"),
                format!("{target} {en} actual as of {as_of}: {value}"),
            )
        }
        OpKind::ClearActual {
            target,
            region,
            as_of,
        } => {
            let (zh, en) = place(region);
            (
                format!("{target} {zh} 清除{as_of}实际值"),
                format!("{target} {en} cleared actual as of {as_of}"),
            )
        }
        OpKind::Submit {
            unit, period, ops, ..
        } => (
            format!("{unit} 报送 {period}（{} 条修改）", ops.len()),
            format!("{unit} submitted {period} ({} edits)", ops.len()),
        ),
        OpKind::Review {
            unit,
            period,
            verdict,
            ..
        } => (
            format!("审核 {unit} {period} 报送：{}", verdict.label_zh()),
            format!(
                "reviewed {unit}'s {period} submission: {}",
                verdict.label_en()
            ),
        ),
        OpKind::RequestExtension {
            task, date, reason, ..
        } => (
            format!("{task} 申请延期至 {date}：{reason}"),
            format!("{task} extension requested to {date}: {reason}"),
        ),
        OpKind::DecideExtension {
            task,
            approve,
            reason,
            ..
        } => {
            let (zh, en) = if *approve {
                ("批准延期", "extension approved")
            } else {
                ("不批准延期", "extension refused")
            };
            let tail = |sep: &str| {
                if reason.is_empty() {
                    String::new()
                } else {
                    format!("{sep}{reason}")
                }
            };
            (
                format!("{task} {zh}{}", tail("：")),
                format!("{task} {en}{}", tail(": ")),
            )
        }
    }
}
