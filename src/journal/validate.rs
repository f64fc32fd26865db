//! What serde cannot check about an op: its time, ranges, dates, finite numbers, lengths, and the shape
//! of a report's key. Every reader of ops (import, load, fold) applies the same rules, each failure a
//! reason of our own with a message in each language.

use super::date::Date;
use super::op::{Cause, Op, OpKind, Region};
use super::problem::{DatePart, OpProblem, Part};

/// Upper bounds that keep one hostile file from filling storage with a single op.
pub const MAX_ID_LEN: usize = 128;
pub const MAX_TEXT_LEN: usize = 20_000;
/// The most edits one submission may name (and tasks one review may give reasons for): a unit's year of
/// reports is a few hundred.
pub const MAX_SUBMITTED_OPS: usize = 100_000;
/// The largest actual figure taken: far above any plan's count or amount (a thousand trillion), and small
/// enough that sums and percentages of such figures stay finite.
pub const MAX_ACTUAL: f64 = 1e15;
/// The sane range of `at`. The upper bound is what matters: an op dated far ahead wins its field against
/// every later edit, so a time no working clock writes (2100 and beyond, up to `i64::MAX`) is refused
/// wherever ops are read — import, load and fold. The lower bound is the epoch: an old time only loses, and
/// no clock writes a negative one.
pub const MIN_AT: i64 = 0;
/// 2100-01-01T00:00:00Z, exclusive.
pub const MAX_AT: i64 = 4_102_444_800_000;

/// Whether `at` lies in the sane range [`MIN_AT`]..[`MAX_AT`].
pub fn at_in_range(at: i64) -> bool {
    (MIN_AT..MAX_AT).contains(&at)
}

impl Op {
    /// Checks what serde cannot: the time, ranges, dates, finite numbers, lengths. The reason is one of our
    /// own, with a message in each language.
    pub fn validate(&self) -> Result<(), OpProblem> {
        let short = |part: Part, s: &str| -> Result<(), OpProblem> {
            if s.is_empty() || s.len() > MAX_ID_LEN {
                Err(OpProblem::BadName(part))
            } else {
                Ok(())
            }
        };
        let date = |part: DatePart, s: &str| -> Result<(), OpProblem> {
            Date::parse(s).map(|_| ()).ok_or(OpProblem::BadDate(part))
        };
        short(Part::Id, &self.id)?;
        if let Some(unit) = &self.unit {
            short(Part::Unit, unit)?;
        }
        if self.by.as_ref().is_some_and(|b| b.len() > MAX_ID_LEN) {
            return Err(OpProblem::BadName(Part::Author));
        }
        if !at_in_range(self.at)
            || self
                .hlc
                .is_some_and(|h| !at_in_range(h.ms) || h.ms < self.at)
        {
            return Err(OpProblem::TimeOutOfRange);
        }
        if let Some(Cause::Undo(o) | Cause::Redo(o)) = &self.cause {
            short(Part::CauseOp, o)?;
        }
        match &self.kind {
            OpKind::SetStatus {
                task, unit, period, ..
            } => {
                short(Part::Task, task)?;
                report_key_ok(unit.as_deref(), period.as_deref())
            }
            OpKind::SetProgress {
                task,
                unit,
                period,
                percent,
            } => {
                short(Part::Task, task)?;
                report_key_ok(unit.as_deref(), period.as_deref())?;
                if *percent > 100 {
                    Err(OpProblem::PercentOver100)
                } else {
                    Ok(())
                }
            }
            OpKind::SetDeadline { task, date: d } => {
                short(Part::Task, task)?;
                d.as_deref().map_or(Ok(()), |d| date(DatePart::Deadline, d))
            }
            OpKind::AddNote {
                task,
                note_id,
                date: d,
                author,
                text,
            } => {
                short(Part::Task, task)?;
                short(Part::NoteId, note_id)?;
                date(DatePart::NoteDate, d)?;
                if author.as_ref().is_some_and(|a| a.len() > MAX_ID_LEN) {
                    return Err(OpProblem::BadName(Part::Author));
                }
                if text.len() > MAX_TEXT_LEN {
                    Err(OpProblem::NoteTooLong)
                } else {
                    Ok(())
                }
            }
            OpKind::DeleteNote { task, note_id } => {
                short(Part::Task, task)?;
                short(Part::NoteId, note_id)
            }
            OpKind::SetReport {
                task,
                unit,
                period,
                text,
                ..
            } => {
                short(Part::Task, task)?;
                report_key_ok(Some(unit), Some(period))?;
                if text.len() > MAX_TEXT_LEN {
                    Err(OpProblem::NoteTooLong)
                } else {
                    Ok(())
                }
            }
            OpKind::SetCadence { due_day, .. } => {
                if (1..=31).contains(due_day) {
                    Ok(())
                } else {
                    Err(OpProblem::BadDueDay)
                }
            }
            OpKind::SetActual {
                target,
                region,
                as_of,
                value,
            } => {
                short(Part::Target, target)?;
                region_ok(region)?;
                date(DatePart::AsOf, as_of)?;
                actual_ok(*value)
            }
            OpKind::ClearActual {
                target,
                region,
                as_of,
            } => {
                short(Part::Target, target)?;
                region_ok(region)?;
                date(DatePart::AsOf, as_of)
            }
            OpKind::Submit {
                submission,
                unit,
                period,
                phone,
                approver,
                ops,
            } => {
                short(Part::Submission, submission)?;
                report_key_ok(Some(unit), Some(period))?;
                if phone.len() > MAX_ID_LEN || approver.len() > MAX_ID_LEN {
                    return Err(OpProblem::BadName(Part::Author));
                }
                if ops.len() > MAX_SUBMITTED_OPS {
                    return Err(OpProblem::TooManyParts);
                }
                ops.iter().try_for_each(|o| short(Part::Id, o))
            }
            OpKind::Review {
                submission,
                unit,
                period,
                reason,
                tasks,
                ..
            } => {
                short(Part::Submission, submission)?;
                report_key_ok(Some(unit), Some(period))?;
                if tasks.len() > MAX_SUBMITTED_OPS {
                    return Err(OpProblem::TooManyParts);
                }
                let too_long = reason.len() > MAX_TEXT_LEN
                    || tasks.iter().any(|t| t.reason.len() > MAX_TEXT_LEN);
                if too_long {
                    return Err(OpProblem::NoteTooLong);
                }
                tasks.iter().try_for_each(|t| short(Part::Task, &t.task))
            }
            OpKind::RequestExtension {
                request,
                task,
                date: d,
                reason,
            } => {
                short(Part::Request, request)?;
                short(Part::Task, task)?;
                date(DatePart::Deadline, d)?;
                if reason.len() > MAX_TEXT_LEN {
                    return Err(OpProblem::NoteTooLong);
                }
                Ok(())
            }
            OpKind::DecideExtension {
                request,
                task,
                reason,
                ..
            } => {
                short(Part::Request, request)?;
                short(Part::Task, task)?;
                if reason.len() > MAX_TEXT_LEN {
                    return Err(OpProblem::NoteTooLong);
                }
                Ok(())
            }
        }
    }

    /// The total order that decides every conflict: the later hybrid clock wins (`at` for ops older than
    /// schema 4), ties broken by the greater id.
    pub fn order_key(&self) -> (super::clock::Hlc, &str) {
        (self.clock(), &self.id)
    }
}

/// A report's unit and period: both given (schema 2) or both absent (schema 1); a period is `YYYY-MM` or
/// `YYYY-Qn`.
fn report_key_ok(unit: Option<&str>, period: Option<&str>) -> Result<(), OpProblem> {
    match (unit, period) {
        (None, None) => Ok(()),
        (Some(u), Some(p)) => {
            if u.is_empty() || u.len() > MAX_ID_LEN {
                Err(OpProblem::BadName(Part::Unit))
            } else if super::period::Period::parse(p).is_none() {
                Err(OpProblem::BadPeriod)
            } else {
                Ok(())
            }
        }
        _ => Err(OpProblem::HalfReportKey),
    }
}

fn region_ok(region: &Region) -> Result<(), OpProblem> {
    match region {
        Region::Place(p) if p.is_empty() || p.len() > MAX_ID_LEN => {
            Err(OpProblem::BadName(Part::Place))
        }
        _ => Ok(()),
    }
}

/// The rule for an actual figure, shared by the form and by every reader of ops: a finite number from 0 to
/// [`MAX_ACTUAL`].
pub fn actual_ok(value: f64) -> Result<(), OpProblem> {
    if !value.is_finite() {
        Err(OpProblem::NotANumber)
    } else if value < 0.0 {
        Err(OpProblem::Negative)
    } else if value > MAX_ACTUAL {
        Err(OpProblem::TooLarge)
    } else {
        Ok(())
    }
}
