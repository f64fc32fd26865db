//! What importing a file would do, decided before anything is merged, so the preview can say every choice out
//! loud: which edits are new, which conflict, which are held back and why, and which are about tasks, targets
//! or places this plan does not have.
//!
//! Two kinds of op are held back, and the rest of the file can still be merged:
//! - **dated more than a day past this machine's clock.** Since journal schema 4 the hybrid logical clock
//!   orders edits made after such an op after it, but the op would still beat every edit made before it was
//!   seen, and its date would mislead every page that shows it; a file is looked at before it is merged, so
//!   it is held back here (sync, which has no one to ask, merges it and names the device on #/data). A
//!   day of slack lets a colleague's clock run a little fast. Such ops are held back rather than clamped
//!   (clamping would give one id two contents in two journals) and rather than refusing the whole file: the
//!   file is mostly a colleague's honest work, a wrong clock or a tampered op should not cost the rest, and
//!   the preview names each one held back before the person agrees.
//! - **an id this browser already has, with other content.** Only a hand-edited file does that; merging it
//!   would change an edit already stored (or silently drop the file's), so it is shown and the stored one kept.
//!
//! Ops about tasks, targets or places not in this plan are merged (the journal keeps them, as it keeps every
//! op, in case a later release of the plan has them) and listed, so they are never counted as new unseen.

use rustc_hash::FxHashMap as HashMap;

use super::date::Date;
use super::fold::{IgnoreReason, Ignored, fold};
use super::merge::{MergeResult, merge};
use super::op::Op;
use crate::i18n::Lang;
use crate::plan::Plan;

/// How far past the importing machine's clock an op may be dated: clocks a little fast are common.
pub const FUTURE_SLACK_MS: i64 = 86_400_000;

/// The import, decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Screened {
    /// The ops to merge: the file's ops less those held back.
    pub accepted: Vec<Op>,
    /// `merge(local, accepted)`: what merging would add and which fields conflict.
    pub merge: MergeResult,
    /// Ops of the file that will not be merged, with the reason.
    pub held: Vec<Held>,
    /// Ops among the new ones that this plan cannot show (unknown task, target or place).
    pub not_in_plan: Vec<Ignored>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    pub op: Op,
    pub reason: HoldReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoldReason {
    /// Dated more than [`FUTURE_SLACK_MS`] past the importing machine's clock.
    Future,
    /// Its id is one this browser already has, with other content.
    IdClash,
}

/// Decides an import of `incoming` (already read and validated by `import_file`) into `local` at `now`.
pub fn screen(plan: &Plan, local: &[Op], incoming: &[Op], now: i64) -> Screened {
    let by_id: HashMap<&str, &Op> = local.iter().map(|o| (o.id.as_str(), o)).collect();
    let mut accepted = Vec::with_capacity(incoming.len());
    let mut held = Vec::new();
    for op in incoming {
        let reason = match by_id.get(op.id.as_str()) {
            Some(mine) if *mine != op => Some(HoldReason::IdClash),
            Some(_) => None,
            None if op.at > now.saturating_add(FUTURE_SLACK_MS) => Some(HoldReason::Future),
            None => None,
        };
        match reason {
            Some(reason) => held.push(Held {
                op: op.clone(),
                reason,
            }),
            None => accepted.push(op.clone()),
        }
    }
    let fresh: Vec<Op> = accepted
        .iter()
        .filter(|o| !by_id.contains_key(o.id.as_str()))
        .cloned()
        .collect();
    let not_in_plan = fold(plan, &fresh).ignored;
    let merge = merge(local, &accepted);
    Screened {
        accepted,
        merge,
        held,
        not_in_plan,
    }
}

impl HoldReason {
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            HoldReason::Future => lang.pick(
                "修改时间晚于本机时钟一天以上，若导入将压过此后的所有修改",
                "dated more than a day after this computer's clock; it would override every later edit",
            ),
            HoldReason::IdClash => lang.pick(
                "编号与本机已有的一条修改相同但内容不同，保留本机的修改",
                "has the id of an edit already here but other content; the edit here is kept",
            ),
        }
    }
}

impl IgnoreReason {
    /// Why an op does not show, in the person's words.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (IgnoreReason::UnknownTask(t), Lang::Zh) => format!("本计划中没有任务 {t}"),
            (IgnoreReason::UnknownTask(t), Lang::En) => format!("this plan has no task {t}"),
            (IgnoreReason::UnknownTarget(t), Lang::Zh) => format!("本计划中没有指标 {t}"),
            (IgnoreReason::UnknownTarget(t), Lang::En) => format!("this plan has no target {t}"),
            (IgnoreReason::UnknownPlace { target, place }, Lang::Zh) => {
                format!("指标 {target} 没有 {place} 的分解")
            }
            (IgnoreReason::UnknownPlace { target, place }, Lang::En) => {
                format!("target {target} has no share for {place}")
            }
            (IgnoreReason::Invalid(p), _) => p.message(lang),
            (IgnoreReason::NotPermitted(r), _) => r.message(lang),
        }
    }
}

/// One op in words, with its date: "任务 1 状态 → 暂缓（2099-01-01）" / "Task 1 status → On hold (2099-01-01)".
pub fn describe(op: &Op, lang: Lang) -> String {
    let (zh, en) = super::undo::summary(&op.kind);
    let summary = lang.pick(&zh, &en).to_string();
    let task = op.kind.task();
    let subject = match task.strip_prefix('t').and_then(|n| n.parse::<u32>().ok()) {
        Some(n) => format!("{}{n}", lang.pick("任务 ", "Task ")),
        None => task.to_string(),
    };
    // Task summaries start with the task id, which the subject now says in words.
    let rest = summary
        .strip_prefix(&format!("{task} "))
        .unwrap_or(&summary);
    let day = Date::from_unix_ms(op.at).iso();
    // Who wrote it, when the op says: 白银市 · 李四.
    let who = match (&op.unit, &op.by) {
        (Some(u), Some(b)) => format!("{u} · {b}, "),
        (Some(u), None) => format!("{u}, "),
        _ => String::new(),
    };
    match lang {
        Lang::Zh => format!("{subject} {rest}（{}{day}）", who.replace(", ", "，")),
        Lang::En => format!("{subject} {rest} ({who}{day})"),
    }
}
