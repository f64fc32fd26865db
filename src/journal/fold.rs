//! `fold(plan, ops)`: the view state is derived from the journal, never stored. Each field takes the value of
//! its greatest `(at, id)` op, so the result does not depend on the order of the slice — which is exactly what
//! lets two reviewers merge journals in any order and see the same thing.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use crate::plan::{Plan, Target, Task};

use super::date::Date;
use super::op::{Field, Op, OpKind, Region, Status};
use super::pace::clamp_into_year;
use super::period::{Period, Schedule};
use super::permit::Refusal;
use super::problem::OpProblem;
use super::reports::{Judge, Light, Registers, UnitReport, derive};

/// Everything the UI shows about edits, keyed by stable ids.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewState {
    /// Every task of the plan by id (`t6`), edited or not.
    pub tasks: BTreeMap<String, TaskState>,
    /// Every target of the plan by id (`t6.k1`), reported or not.
    pub targets: BTreeMap<String, TargetState>,
    /// Ops kept in the journal but not applied, so the UI can say "n edits refer to tasks not in this plan".
    pub ignored: Vec<Ignored>,
    /// The reporting cadence and due day in force.
    pub schedule: Schedule,
    /// The period under review: the one holding `review`.
    pub period: Period,
    /// The review date (in the plan year) the lights are judged at.
    pub review: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskState {
    /// Derived from the units' reports for the period (see `reports`): the least advanced lead's.
    pub status: Status,
    /// 0..=100, derived like `status`.
    pub progress: u8,
    /// The task's light for the period, and whether it is past its deadline and not done (逾期).
    pub light: Light,
    pub overdue: bool,
    /// Every unit's report as of the period, lead units first.
    pub reports: Vec<UnitReport>,
    /// ISO date: the edited deadline, else the plan's, else `{year}-12-31`.
    pub deadline: String,
    /// True when `deadline` comes from an edit rather than the plan.
    pub deadline_edited: bool,
    /// Notes sorted by date, then note id (not by write time, which an undo/redo of a deletion would change).
    pub notes: Vec<Note>,
    /// Time of the latest edit touching the task or one of its targets.
    pub last_change: Option<i64>,
    /// Deadline extension requests (延期申请) with their decisions, oldest first.
    pub extensions: Vec<super::extension::Extension>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub id: String,
    pub date: String,
    pub author: Option<String>,
    /// The unit that wrote it (`None`: written before units were recorded).
    pub unit: Option<String>,
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
    /// The unit that wrote the figure, and who (`None`: before units were recorded).
    pub unit: Option<String>,
    pub by: Option<String>,
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
    /// Written by a unit that may not write it (another unit's report or figure).
    NotPermitted(Refusal),
}

/// Derives the view state as of the plan's year end. Ops about unknown tasks/targets, invalid ops and ops
/// a unit was not entitled to write are listed in `ignored`.
pub fn fold(plan: &Plan, ops: &[Op]) -> ViewState {
    fold_at(plan, ops, &format!("{}-12-31", plan.meta.year))
}

/// Derives the view state as of `review` (moved into the plan year): the lights of the period holding it.
pub fn fold_at(plan: &Plan, ops: &[Op], review: &str) -> ViewState {
    let targets: HashMap<&str, &Target> = plan
        .tasks
        .iter()
        .flat_map(|t| t.targets.iter())
        .map(|k| (k.id.as_str(), k))
        .collect();
    let tasks: HashMap<String, &Task> = plan.tasks.iter().map(|t| (t.id(), t)).collect();
    let review = clamp_into_year(review, plan.meta.year);
    let note_owners = note_owners(ops);
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
        schedule: Schedule::default(),
        period: Period::Month {
            year: plan.meta.year,
            month: 12,
        },
        review: review.clone(),
    };

    let mut winners: HashMap<Field, &Op> = HashMap::default();
    for op in ops {
        let checked = applicable(op, &state, &targets).and_then(|()| {
            permitted(plan, &tasks, &note_owners, op).map_err(IgnoreReason::NotPermitted)
        });
        if let Err(reason) = checked {
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

    if let Some(OpKind::SetCadence { cadence, due_day }) =
        winners.get(&Field::Cadence).map(|o| &o.kind)
    {
        state.schedule = Schedule {
            cadence: *cadence,
            due_day: *due_day,
        };
    }
    let cadence = state.schedule.cadence;
    let review_day = Date::parse(&review).unwrap_or(Date {
        year: plan.meta.year,
        month: 12,
        day: 31,
    });
    state.period = Period::containing(review_day, cadence);
    let extensions = super::extension::collect(&winners);
    let deadline_edits: HashMap<String, (i64, String)> = winners
        .iter()
        .filter_map(|(field, op)| match field {
            Field::Deadline(task) => Some((task.clone(), (op.at, op.id.clone()))),
            _ => None,
        })
        .collect();
    let mut registers = Registers::default();
    for op in winners.into_values() {
        registers.add(op, plan.meta.year, cadence);
        apply(&mut state, op);
    }
    for (task, list) in extensions {
        let Some(st) = state.tasks.get_mut(&task) else {
            continue;
        };
        if let Some((date, key)) = super::extension::latest_approval(&list) {
            let edit = deadline_edits.get(&task).map(|(at, id)| (*at, id.as_str()));
            if edit.is_none_or(|e| key > e) {
                st.deadline = date.to_string();
                st.deadline_edited = true;
            }
        }
        st.extensions = list;
    }
    for task in &plan.tasks {
        let Some(st) = state.tasks.get_mut(&task.id()) else {
            continue;
        };
        let judge = Judge {
            year: plan.meta.year,
            deadline: &st.deadline,
            review: &review,
        };
        let reports = registers.unit_reports(task, state.period, &judge);
        let (light, status, percent, overdue) = derive(task, &reports, &judge);
        (st.light, st.status, st.progress, st.overdue) = (light, status, percent, overdue);
        st.reports = reports;
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
            light: Light::NotReported,
            overdue: false,
            reports: Vec::new(),
            deadline,
            deadline_edited: false,
            notes: Vec::new(),
            last_change: None,
            extensions: Vec::new(),
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
        OpKind::SetCadence { .. } | OpKind::Submit { .. } | OpKind::Review { .. } => Ok(()),
        kind if !state.tasks.contains_key(kind.task()) => {
            Err(IgnoreReason::UnknownTask(kind.task().to_string()))
        }
        _ => Ok(()),
    }
}

/// The unit that wrote each note first: only it (or the coordinator) may delete or rewrite the note.
fn note_owners(ops: &[Op]) -> HashMap<(&str, &str), (&Op, Option<&str>)> {
    let mut owners: HashMap<(&str, &str), (&Op, Option<&str>)> = HashMap::default();
    for op in ops {
        if let OpKind::AddNote { task, note_id, .. } = &op.kind {
            owners
                .entry((task.as_str(), note_id.as_str()))
                .and_modify(|(first, unit)| {
                    if op.order_key() < first.order_key() {
                        (*first, *unit) = (op, op.unit.as_deref());
                    }
                })
                .or_insert((op, op.unit.as_deref()));
        }
    }
    owners
}

fn permitted(
    plan: &Plan,
    tasks: &HashMap<String, &Task>,
    note_owners: &HashMap<(&str, &str), (&Op, Option<&str>)>,
    op: &Op,
) -> Result<(), Refusal> {
    let task = tasks.get(op.kind.task()).copied();
    super::permit::check(plan, task, op)?;
    if let (
        OpKind::AddNote { task, note_id, .. } | OpKind::DeleteNote { task, note_id },
        Some(writer),
    ) = (&op.kind, op.unit.as_deref())
        && let Some((_, owner)) = note_owners.get(&(task.as_str(), note_id.as_str()))
        && *owner != Some(writer)
        && !super::permit::is_coordinator(plan, writer)
    {
        return Err(Refusal::OthersNote {
            writer: writer.into(),
        });
    }
    Ok(())
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
                    unit: op.unit.clone(),
                    by: op.by.clone(),
                });
            }
        }
        OpKind::ClearActual { .. } => {}
        kind => {
            let Some(task) = state.tasks.get_mut(kind.task()) else {
                return;
            };
            match kind {
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
                    author: author.clone().or_else(|| op.by.clone()),
                    unit: op.unit.clone(),
                    text: text.clone(),
                    at: op.at,
                }),
                _ => {}
            }
        }
    }
}
