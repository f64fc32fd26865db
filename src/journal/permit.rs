//! Who may write what. A unit writes only its own reports, and only the figures of the places it answers
//! for; the coordinating unit (`plan.meta.coordinator`) may correct any, and sets the plan-wide things (the
//! deadline of a task, the reporting cadence). This is what keeps "two units never write the same field" true
//! of every journal, whoever made the file: `fold` applies the same check to every op it reads, so an op
//! that breaks it is listed as ignored rather than replacing another unit's figure.
//!
//! Ops with no writing unit were written before units were recorded (schema 1); they are taken as they
//! were, as the edits of 未注明单位.

use crate::plan::{Plan, Role, Task};

use super::op::{Op, OpKind, Region, task_of_target};

/// Why an op is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A report or setting of the new kind with no writing unit.
    NoUnit,
    /// `writer` wrote the report of another unit and is not the coordinating unit.
    OthersReport { writer: String, unit: String },
    /// The report's unit is not responsible for the task.
    NotResponsible { unit: String, task: String },
    /// `writer` reported the figure of a place another unit answers for.
    NotPlaceOwner {
        writer: String,
        place: String,
        owner: Option<String>,
    },
    /// Only the coordinating unit sets deadlines and the cadence, and reviews submissions.
    CoordinatorOnly { writer: String },
    /// `writer` deleted or rewrote a note another unit wrote.
    OthersNote { writer: String },
}

impl Refusal {
    /// The reason in words, in both languages.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang::{En, Zh};
        match (self, lang) {
            (Refusal::NoUnit, Zh) => "未注明填报单位".into(),
            (Refusal::NoUnit, En) => "it does not say which unit wrote it".into(),
            (Refusal::OthersReport { writer, unit }, Zh) => {
                format!("{writer} 不能填写 {unit} 的报告（只有汇总单位可以更正）")
            }
            (Refusal::OthersReport { writer, unit }, En) => {
                format!(
                    "{writer} cannot write {unit}'s report (only the coordinating unit may correct it)"
                )
            }
            (Refusal::NotResponsible { unit, task }, Zh) => {
                format!(
                    "{unit} 不是任务 {} 的责任单位",
                    task.trim_start_matches('t')
                )
            }
            (Refusal::NotResponsible { unit, task }, En) => format!(
                "{unit} is not responsible for task {}",
                task.trim_start_matches('t')
            ),
            (
                Refusal::NotPlaceOwner {
                    writer,
                    place,
                    owner,
                },
                Zh,
            ) => match owner {
                Some(o) => format!("{place} 的数据由 {o} 填报，{writer} 不能填写"),
                None => format!("{place} 的数据由汇总单位填报，{writer} 不能填写"),
            },
            (
                Refusal::NotPlaceOwner {
                    writer,
                    place,
                    owner,
                },
                En,
            ) => match owner {
                Some(o) => format!("{o} reports {place}'s figures, not {writer}"),
                None => format!("the coordinating unit reports {place}'s figures, not {writer}"),
            },
            (Refusal::CoordinatorOnly { writer }, Zh) => {
                format!(
                    "只有汇总单位可以修改完成时限、报送周期，审核报送或审批延期（{writer} 不是汇总单位）"
                )
            }
            (Refusal::CoordinatorOnly { writer }, En) => format!(
                "only the coordinating unit changes deadlines and the reporting cycle, reviews reports or decides extensions ({writer} is not it)"
            ),
            (Refusal::OthersNote { writer }, Zh) => {
                format!("{writer} 不能删除或改写其他单位的备注")
            }
            (Refusal::OthersNote { writer }, En) => {
                format!("{writer} cannot delete or rewrite another unit's note")
            }
        }
    }
}

/// Whether `unit` is the plan's coordinating unit.
pub fn is_coordinator(plan: &Plan, unit: &str) -> bool {
    plan.meta.coordinator.as_deref() == Some(unit)
}

/// Whether `unit` has a role in `task`.
pub fn is_responsible(task: &Task, unit: &str) -> bool {
    task.roles.iter().any(|(_, r)| r.unit == unit)
}

/// The unit's role in the task, the first when it has several.
pub fn role_of(task: &Task, unit: &str) -> Option<Role> {
    task.roles
        .iter()
        .find(|(_, r)| r.unit == unit)
        .map(|(role, _)| role)
}

/// The one unit that reports a place's figures for a task: the first lead unit whose name starts with the
/// place (兰州市 for 兰州), else the first implementing unit that does. One owner per place is what keeps two
/// units off one figure; 兰州高新区 feeds its figures to 兰州市 rather than writing 兰州's.
pub fn place_owner<'a>(task: &'a Task, place: &str) -> Option<&'a str> {
    [Role::Lead, Role::Implementing]
        .into_iter()
        .find_map(|role| {
            task.roles
                .get(role)
                .iter()
                .find(|r| r.name.starts_with(place) || r.unit.starts_with(place))
                .map(|r| r.unit.as_str())
        })
}

/// The unit that reports a target's total: its task's lead when there is exactly one; otherwise the
/// coordinating unit sums the places (`None`).
pub fn total_owner(task: &Task) -> Option<&str> {
    match task.roles.lead.as_slice() {
        [only] => Some(only.unit.as_str()),
        _ => None,
    }
}

/// Checks one op against the plan. `task` is the op's task when the plan has it (ops about tasks the plan
/// lacks are ignored for that reason before this is asked).
pub fn check(plan: &Plan, task: Option<&Task>, op: &Op) -> Result<(), Refusal> {
    let Some(writer) = op.unit.as_deref() else {
        return match &op.kind {
            OpKind::SetReport { .. }
            | OpKind::SetCadence { .. }
            | OpKind::Submit { .. }
            | OpKind::Review { .. }
            | OpKind::RequestExtension { .. }
            | OpKind::DecideExtension { .. } => Err(Refusal::NoUnit),
            OpKind::SetStatus { unit: Some(_), .. } | OpKind::SetProgress { unit: Some(_), .. } => {
                Err(Refusal::NoUnit)
            }
            _ => Ok(()),
        };
    };
    let coordinator = is_coordinator(plan, writer);
    let no_coordinator = plan.meta.coordinator.is_none();
    let responsible = |unit: &str| task.is_none_or(|t| is_responsible(t, unit));
    match &op.kind {
        OpKind::SetStatus { unit, .. } | OpKind::SetProgress { unit, .. } => report_unit(
            unit.as_deref(),
            writer,
            coordinator,
            op.kind.task(),
            responsible,
        ),
        OpKind::SetReport { unit, .. } => {
            report_unit(Some(unit), writer, coordinator, op.kind.task(), responsible)
        }
        // A unit seals only its own report; only the office reviews.
        OpKind::Submit { unit, .. } if unit != writer => Err(Refusal::OthersReport {
            writer: writer.into(),
            unit: unit.clone(),
        }),
        OpKind::Submit { .. } => Ok(()),
        OpKind::SetDeadline { .. }
        | OpKind::SetCadence { .. }
        | OpKind::Review { .. }
        | OpKind::DecideExtension { .. } => {
            if coordinator || no_coordinator {
                Ok(())
            } else {
                Err(Refusal::CoordinatorOnly {
                    writer: writer.into(),
                })
            }
        }
        OpKind::AddNote { .. } | OpKind::DeleteNote { .. } | OpKind::RequestExtension { .. } => {
            if coordinator || responsible(writer) {
                Ok(())
            } else {
                Err(Refusal::NotResponsible {
                    unit: writer.into(),
                    task: op.kind.task().into(),
                })
            }
        }
        OpKind::SetActual { target, region, .. } | OpKind::ClearActual { target, region, .. } => {
            if coordinator {
                return Ok(());
            }
            let Some(task) = task.filter(|t| t.id() == task_of_target(target)) else {
                return Ok(());
            };
            let (place, owner) = match region {
                Region::Place(p) => (p.clone(), place_owner(task, p)),
                Region::Total => ("合计".to_string(), total_owner(task)),
            };
            if owner == Some(writer) {
                Ok(())
            } else {
                Err(Refusal::NotPlaceOwner {
                    writer: writer.into(),
                    place,
                    owner: owner.map(str::to_string),
                })
            }
        }
    }
}

/// A report written before the person chose a unit names none (or an empty one): it is the report of the
/// unit they then chose.
pub fn as_report_of(kind: OpKind, writer: &str) -> OpKind {
    let blank = |u: &Option<String>| u.as_deref().is_none_or(str::is_empty);
    match kind {
        OpKind::SetStatus {
            task,
            unit,
            period: Some(period),
            status,
        } if blank(&unit) => OpKind::SetStatus {
            task,
            unit: Some(writer.into()),
            period: Some(period),
            status,
        },
        OpKind::SetProgress {
            task,
            unit,
            period: Some(period),
            percent,
        } if blank(&unit) => OpKind::SetProgress {
            task,
            unit: Some(writer.into()),
            period: Some(period),
            percent,
        },
        OpKind::SetReport {
            task,
            unit,
            period,
            part,
            text,
        } if unit.is_empty() => OpKind::SetReport {
            task,
            unit: writer.into(),
            period,
            part,
            text,
        },
        other => other,
    }
}

fn report_unit(
    unit: Option<&str>,
    writer: &str,
    coordinator: bool,
    task: &str,
    responsible: impl Fn(&str) -> bool,
) -> Result<(), Refusal> {
    match unit {
        // A task-level report (schema 1 shape) written by a named unit: only the coordinator may.
        None if coordinator => Ok(()),
        None => Err(Refusal::OthersReport {
            writer: writer.into(),
            unit: super::op::UNSPECIFIED_UNIT.into(),
        }),
        Some(u) if u != writer && !coordinator => Err(Refusal::OthersReport {
            writer: writer.into(),
            unit: u.into(),
        }),
        Some(u) if !responsible(u) => Err(Refusal::NotResponsible {
            unit: u.into(),
            task: task.into(),
        }),
        Some(_) => Ok(()),
    }
}
