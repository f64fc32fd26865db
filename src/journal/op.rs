//! The operation: one user edit. Every kind sets exactly one *field* (a last-writer-wins register), which is what
//! makes `fold` and `merge` order-independent: the value of a field is the value of its greatest `(clock, id)` op.

use serde::{Deserialize, Serialize};

use super::cycle::{TaskReason, Verdict};
use super::period::Cadence;

/// One edit, as stored, exported and merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Op {
    /// Globally unique: `<writer id>-<counter>`. Union by id is how journals merge.
    pub id: String,
    /// Milliseconds since the Unix epoch, from the writer's wall clock: what pages show as the op's time.
    pub at: i64,
    /// Where the op orders (schema 4; see `journal::clock`). `None` on older ops, which order by `at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hlc: Option<super::clock::Hlc>,
    pub kind: OpKind,
    /// Set on ops that undo or redo another op, so the undo stack and the history can be rebuilt from the
    /// journal alone; `fold` ignores it (an undo is an ordinary edit that sets the old value again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Cause>,
    /// The unit the writer reports for (我的单位). `None` on ops written before units were recorded (file and
    /// storage schema 1): they are read as the edits of 未注明单位 ("unit not recorded").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The person who wrote it (填报人), as they typed their name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// Why an op was appended, when it was not a fresh edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    content = "op",
    rename_all = "snake_case",
    from = "super::wire::CauseWire"
)]
pub enum Cause {
    /// Sets the field back to its value before the named op.
    Undo(String),
    /// Reverses the named undo op.
    Redo(String),
}

/// What an op changes.
/// Read through `wire::OpKindWire`, which accepts the same JSON without serde's buffering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "snake_case",
    try_from = "super::wire::OpKindWire"
)]
pub enum OpKind {
    /// A unit's status for a period. `unit` and `period` are `None` only on schema-1 ops, when status was
    /// one field per task: those read as 未注明单位's report for the period of their time.
    SetStatus {
        task: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        period: Option<String>,
        status: Status,
    },
    /// A unit's percent complete for a period (`unit` / `period` as for `SetStatus`).
    SetProgress {
        task: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        period: Option<String>,
        percent: u8,
    },
    /// One text of a unit's report for a period: 本月进展, 存在问题 or 下步打算. Empty text clears it.
    SetReport {
        task: String,
        unit: String,
        period: String,
        part: TextPart,
        text: String,
    },
    /// The plan's reporting cadence and due day; only the coordinating unit sets it.
    SetCadence {
        cadence: Cadence,
        due_day: u8,
    },
    /// `None` goes back to the plan's deadline (or the year end).
    SetDeadline {
        task: String,
        date: Option<String>,
    },
    AddNote {
        task: String,
        note_id: String,
        date: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        author: Option<String>,
        text: String,
    },
    DeleteNote {
        task: String,
        note_id: String,
    },
    SetActual {
        target: String,
        region: Region,
        as_of: String,
        value: f64,
    },
    ClearActual {
        target: String,
        region: Region,
        as_of: String,
    },
    /// A unit seals its report for a period (报送). `ops` names the unit's edits the submission file carries
    /// (those not in an earlier submission), so the coordinator can see what the version brought. Each
    /// submission is its own register: re-submitting adds a version and never replaces the first.
    Submit {
        submission: String,
        unit: String,
        period: String,
        phone: String,
        approver: String,
        ops: Vec<String>,
    },
    /// The coordinating unit's decision on one submission (审核): passed, or returned with a reason for the
    /// whole report and/or per task. A later review of the same submission replaces an earlier one.
    Review {
        submission: String,
        unit: String,
        period: String,
        verdict: Verdict,
        reason: String,
        tasks: Vec<TaskReason>,
    },
    /// A unit asks for a new deadline for a task (延期申请), with its reason. Each request is its own register.
    RequestExtension {
        request: String,
        task: String,
        date: String,
        reason: String,
    },
    /// The coordinating unit approves or refuses a request. An approved request moves the task's deadline to
    /// the date asked for, as if the office had set it at the time of the decision.
    DecideExtension {
        request: String,
        task: String,
        approve: bool,
        reason: String,
    },
}

/// The texts of a unit's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextPart {
    /// 本月进展 / 本期进展
    Progress,
    /// 存在问题
    Problems,
    /// 下步打算
    NextSteps,
}

impl TextPart {
    pub const ALL: [TextPart; 3] = [TextPart::Progress, TextPart::Problems, TextPart::NextSteps];

    pub fn label_zh(self) -> &'static str {
        match self {
            TextPart::Progress => "本期进展",
            TextPart::Problems => "存在问题",
            TextPart::NextSteps => "下步打算",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            TextPart::Progress => "Progress this period",
            TextPart::Problems => "Problems",
            TextPart::NextSteps => "Next steps",
        }
    }
}

/// Which register of a report an op writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReportField {
    Status,
    Percent,
    Text(TextPart),
}

/// Whose figure a reported value is: the whole target or one place of its split.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    Total,
    Place(String),
}

/// The status of a task, in the words of a 工作台账.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Behind,
    OnHold,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::Behind,
        Status::OnHold,
    ];

    pub fn label_zh(self) -> &'static str {
        match self {
            Status::NotStarted => "未开始",
            Status::InProgress => "推进中",
            Status::Done => "已完成",
            Status::Behind => "滞后",
            Status::OnHold => "暂缓",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Done => "Done",
            Status::Behind => "Behind",
            Status::OnHold => "On hold",
        }
    }
}

/// The register an op writes. Two ops conflict exactly when they have the same field.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// One register of the report of `(task, unit, period)`. Two units never share one, so merging their
    /// files can never replace one unit's report with another's. Schema-1 ops have `unit` and `period`
    /// `None`: one register per task, as they were written.
    Report {
        task: String,
        unit: Option<String>,
        period: Option<String>,
        part: ReportField,
    },
    Cadence,
    Deadline(String),
    Note {
        task: String,
        note_id: String,
    },
    Actual {
        target: String,
        region: Region,
        as_of: String,
    },
    /// One submission (by its id): written once by its unit.
    Submission(String),
    /// The review of one submission (by its id).
    Review(String),
    /// One deadline extension request, and the decision on it (by request id).
    Extension(String),
    ExtensionDecision(String),
}

impl Field {
    /// A short description for conflict lists, e.g. `t6 status` or `t6.k1 兰州 2020-06-30`.
    pub fn describe(&self) -> String {
        match self {
            Field::Report {
                task,
                unit,
                period,
                part,
            } => {
                // A schema-1 register is the task's own, as it was when written: `t6 status`.
                let who = unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
                let when = period
                    .as_deref()
                    .map(|p| format!(" {p}"))
                    .unwrap_or_default();
                let what = match part {
                    ReportField::Status => "status",
                    ReportField::Percent => "progress",
                    ReportField::Text(TextPart::Progress) => "report",
                    ReportField::Text(TextPart::Problems) => "problems",
                    ReportField::Text(TextPart::NextSteps) => "next steps",
                };
                format!("{task}{who}{when} {what}")
            }
            Field::Cadence => "cadence".into(),
            Field::Deadline(t) => format!("{t} deadline"),
            Field::Note { task, note_id } => format!("{task} note {note_id}"),
            Field::Actual {
                target,
                region,
                as_of,
            } => format!("{target} {} {as_of}", region_label(region)),
            Field::Submission(s) => format!("submission {s}"),
            Field::Review(s) => format!("review of {s}"),
            Field::Extension(r) => format!("extension request {r}"),
            Field::ExtensionDecision(r) => format!("decision on {r}"),
        }
    }
}

/// How a report with no unit (written before units were recorded) is named.
pub const UNSPECIFIED_UNIT: &str = "未注明单位";

pub fn region_label(region: &Region) -> &str {
    match region {
        Region::Total => "total",
        Region::Place(p) => p,
    }
}

/// The task id a target id belongs to: `t6.k1` → `t6`.
pub fn task_of_target(target: &str) -> &str {
    target.split_once('.').map_or(target, |(t, _)| t)
}

impl OpKind {
    pub fn field(&self) -> Field {
        match self {
            OpKind::SetStatus {
                task, unit, period, ..
            } => Field::Report {
                task: task.clone(),
                unit: unit.clone(),
                period: period.clone(),
                part: ReportField::Status,
            },
            OpKind::SetProgress {
                task, unit, period, ..
            } => Field::Report {
                task: task.clone(),
                unit: unit.clone(),
                period: period.clone(),
                part: ReportField::Percent,
            },
            OpKind::SetReport {
                task,
                unit,
                period,
                part,
                ..
            } => Field::Report {
                task: task.clone(),
                unit: Some(unit.clone()),
                period: Some(period.clone()),
                part: ReportField::Text(*part),
            },
            OpKind::SetCadence { .. } => Field::Cadence,
            OpKind::SetDeadline { task, .. } => Field::Deadline(task.clone()),
            OpKind::AddNote { task, note_id, .. } | OpKind::DeleteNote { task, note_id } => {
                Field::Note {
                    task: task.clone(),
                    note_id: note_id.clone(),
                }
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
            } => Field::Actual {
                target: target.clone(),
                region: region.clone(),
                as_of: as_of.clone(),
            },
            OpKind::Submit { submission, .. } => Field::Submission(submission.clone()),
            OpKind::Review { submission, .. } => Field::Review(submission.clone()),
            OpKind::RequestExtension { request, .. } => Field::Extension(request.clone()),
            OpKind::DecideExtension { request, .. } => Field::ExtensionDecision(request.clone()),
        }
    }

    /// The task the op is about (for a target, the task that holds it); empty for plan-wide settings.
    pub fn task(&self) -> &str {
        match self {
            OpKind::SetCadence { .. } | OpKind::Submit { .. } | OpKind::Review { .. } => "",
            OpKind::SetStatus { task, .. }
            | OpKind::SetProgress { task, .. }
            | OpKind::SetReport { task, .. }
            | OpKind::SetDeadline { task, .. }
            | OpKind::AddNote { task, .. }
            | OpKind::DeleteNote { task, .. }
            | OpKind::RequestExtension { task, .. }
            | OpKind::DecideExtension { task, .. } => task,
            OpKind::SetActual { target, .. } | OpKind::ClearActual { target, .. } => {
                task_of_target(target)
            }
        }
    }
}

pub use super::validate::{
    MAX_ACTUAL, MAX_AT, MAX_ID_LEN, MAX_TEXT_LEN, MIN_AT, actual_ok, at_in_range,
};
