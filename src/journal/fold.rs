//! `fold(plan, ops)`: the view state is derived from the journal, never stored. Each field takes the value of
//! its greatest `(at, id)` op, so the result does not depend on the order of the slice — which is exactly what
//! lets two reviewers merge journals in any order and see the same thing.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use crate::plan::{Plan, Target};

use super::op::{Field, Op, OpKind, Region, Status};
use super::problem::OpProblem;

/// Everything the UI shows about edits, keyed by stable ids.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewState {
    /// Every task of the plan by id (`t6`), edited or not.
    pub tasks: BTreeMap<String, TaskState>,
    /// Every target of the plan by id (`t6.k1`), reported or not.
    pub targets: BTreeMap<String, TargetState>,
    /// Ops kept in the journal but not applied, so the UI can say "n edits refer to tasks not in this plan".
    pub ignored: Vec<Ignored>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskState {
    pub status: Status,
    /// 0..=100.
    pub progress: u8,
    /// ISO date: the edited deadline, else the plan's, else `{year}-12-31`.
    pub deadline: String,
    /// True when `deadline` comes from an edit rather than the plan.
    pub deadline_edited: bool,
    /// Notes sorted by date, then note id (not by write time, which an undo/redo of a deletion would change).
    pub notes: Vec<Note>,
    /// Time of the latest edit touching the task or one of its targets.
    pub last_change: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub id: String,
    pub date: String,
    pub author: Option<String>,
    pub text: String,
    pub at: i64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct TargetState {
    /// For each region, reported values sorted by `as_of`.
    pub series: BTreeMap<Region, Vec<Reported>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    pub as_of: String,
    pub value: f64,
}

impl TargetState {
    /// The most recent reported value of a region.
    pub fn latest(&self, region: &Region) -> Option<&Reported> {
        self.series.get(region).and_then(|s| s.last())
    }

    /// The actual figure to compare with the target: the latest total when one was reported, else the sum of the
    /// latest value of each place (a unit may only report per place).
    pub fn actual(&self) -> Option<f64> {
        if let Some(r) = self.latest(&Region::Total) {
            return Some(r.value);
        }
        let places: Vec<f64> = self
            .series
            .iter()
            .filter(|(r, _)| matches!(r, Region::Place(_)))
            .filter_map(|(_, s)| s.last().map(|r| r.value))
            .collect();
        (!places.is_empty()).then(|| places.iter().sum())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ignored {
    pub op_id: String,
    pub reason: IgnoreReason,
}

#[derive(Debug, Clone, PartialEq)]
pub enum IgnoreReason {
    UnknownTask(String),
    UnknownTarget(String),
    /// The target exists but has no split share for this place.
    UnknownPlace {
        target: String,
        place: String,
    },
    /// Failed [`Op::validate`] (only reachable through code that skipped import validation).
    Invalid(OpProblem),
}

/// Derives the view state. Ops about unknown tasks/targets and invalid ops are listed in `ignored`.
pub fn fold(plan: &Plan, ops: &[Op]) -> ViewState {
    let targets: HashMap<&str, &Target> = plan
        .tasks
        .iter()
        .flat_map(|t| t.targets.iter())
        .map(|k| (k.id.as_str(), k))
        .collect();
    let mut state = ViewState {
        tasks: plan
            .tasks
            .iter()
            .map(|t| {
                let deadline = t.deadline.as_ref().and_then(|d| d.date.clone());
                (
                    t.id(),
                    TaskState::new(deadline.unwrap_or_else(|| format!("{}-12-31", plan.meta.year))),
                )
            })
            .collect(),
        targets: targets
            .keys()
            .map(|k| (k.to_string(), TargetState::default()))
            .collect(),
        ignored: Vec::new(),
    };

    let mut winners: HashMap<Field, &Op> = HashMap::default();
    for op in ops {
        if let Err(reason) = applicable(op, &state, &targets) {
            state.ignored.push(Ignored {
                op_id: op.id.clone(),
                reason,
            });
            continue;
        }
        if let Some(task) = state.tasks.get_mut(op.kind.task()) {
            task.last_change = Some(task.last_change.map_or(op.at, |t| t.max(op.at)));
        }
        winners
            .entry(op.kind.field())
            .and_modify(|w| *w = newer(w, op))
            .or_insert(op);
    }
    crate::sort::sort_by(&mut state.ignored, |a, b| a.op_id.cmp(&b.op_id));

    for op in winners.into_values() {
        apply(&mut state, op);
    }
    for task in state.tasks.values_mut() {
        crate::sort::sort_by(&mut task.notes, |a, b| {
            (&a.date, &a.id).cmp(&(&b.date, &b.id))
        });
    }
    for target in state.targets.values_mut() {
        target.series.retain(|_, s| !s.is_empty());
        for s in target.series.values_mut() {
            crate::sort::sort_by(s, |a, b| a.as_of.cmp(&b.as_of));
        }
    }
    state
}

/// The op that wins a field. Equal `(at, id)` with different content only happens with hand-edited data; the
/// canonical JSON breaks that tie so the answer still does not depend on slice order.
pub fn newer<'a>(a: &'a Op, b: &'a Op) -> &'a Op {
    match a.order_key().cmp(&b.order_key()) {
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Equal if a == b => a,
        std::cmp::Ordering::Equal => {
            let ja = serde_json::to_string(a).unwrap_or_default();
            let jb = serde_json::to_string(b).unwrap_or_default();
            if jb > ja { b } else { a }
        }
    }
}

impl TaskState {
    fn new(deadline: String) -> Self {
        TaskState {
            status: Status::NotStarted,
            progress: 0,
            deadline,
            deadline_edited: false,
            notes: Vec::new(),
            last_change: None,
        }
    }
}

fn applicable(
    op: &Op,
    state: &ViewState,
    targets: &HashMap<&str, &Target>,
) -> Result<(), IgnoreReason> {
    op.validate().map_err(IgnoreReason::Invalid)?;
    match &op.kind {
        OpKind::SetActual { target, region, .. } | OpKind::ClearActual { target, region, .. } => {
            let Some(t) = targets.get(target.as_str()) else {
                return Err(IgnoreReason::UnknownTarget(target.clone()));
            };
            match region {
                Region::Place(p) if !t.split.iter().any(|s| &s.place == p) => {
                    Err(IgnoreReason::UnknownPlace {
                        target: target.clone(),
                        place: p.clone(),
                    })
                }
                _ => Ok(()),
            }
        }
        kind if !state.tasks.contains_key(kind.task()) => {
            Err(IgnoreReason::UnknownTask(kind.task().to_string()))
        }
        _ => Ok(()),
    }
}

fn apply(state: &mut ViewState, op: &Op) {
    match &op.kind {
        OpKind::SetActual {
            target,
            region,
            as_of,
            value,
        } => {
            if let Some(t) = state.targets.get_mut(target) {
                t.series.entry(region.clone()).or_default().push(Reported {
                    as_of: as_of.clone(),
                    value: *value,
                });
            }
        }
        OpKind::ClearActual { .. } => {}
        kind => {
            let Some(task) = state.tasks.get_mut(kind.task()) else {
                return;
            };
            match kind {
                OpKind::SetStatus { status, .. } => task.status = *status,
                OpKind::SetProgress { percent, .. } => task.progress = (*percent).min(100),
                OpKind::SetDeadline { date: Some(d), .. } => {
                    task.deadline = d.clone();
                    task.deadline_edited = true;
                }
                OpKind::AddNote {
                    note_id,
                    date,
                    author,
                    text,
                    ..
                } => task.notes.push(Note {
                    id: note_id.clone(),
                    date: date.clone(),
                    author: author.clone(),
                    text: text.clone(),
                    at: op.at,
                }),
                _ => {}
            }
        }
    }
}
