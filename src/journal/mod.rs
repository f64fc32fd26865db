//! User edits as an append-only log of operations. The view state is `fold(plan, ops)`; merging another
//! reviewer's edits is a union of ops; undo appends the inverse. Pure Rust: no browser, tested natively.

/// Civil dates (shared with the charts).
pub use crate::date;
pub mod clock;
pub mod consistency;
pub mod cycle;
pub mod export;
pub mod extension;
pub mod fold;
pub mod merge;
pub mod op;
pub mod pace;
pub mod period;
pub mod permit;
pub mod problem;
pub mod reports;
pub mod screen;
pub mod standing;
pub mod undo;
pub mod validate;
mod wire;
pub mod words;

pub use clock::{Hlc, stamp};
pub use export::{ExportFile, ImportError, export, import_file};
pub use fold::{
    IgnoreReason, Ignored, Note, Reported, TargetState, TaskState, ViewState, fold, fold_at,
};
pub use merge::{Conflict, MergeResult, Side, merge, sort_ops};
pub use op::{Cause, Field, Op, OpKind, Region, ReportField, Status, TextPart, UNSPECIFIED_UNIT};
pub use pace::{Pace, attainment, elapsed_fraction, judged_at, pace, target_pace, task_pace};
pub use period::{Cadence, Period, Schedule};
pub use problem::OpProblem;
pub use reports::{Light, UnitReport};
pub use screen::{HoldReason, Screened, screen};
pub use undo::{HistoryEntry, UndoStacks, history, redo, stacks, undo};
