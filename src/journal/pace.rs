//! 序时进度: is the work keeping pace with the share of time elapsed? The 督查督办 convention colours an item
//! red when it is clearly behind the calendar; `TOLERANCE` is how much slack "clearly" means.

use crate::plan::{Bound, Target};

use super::date::{Date, days_in_year};
use super::fold::{TargetState, TaskState};
use super::op::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pace {
    Ahead,
    OnTrack,
    Behind,
}

impl Pace {
    pub fn label_zh(self) -> &'static str {
        match self {
            Pace::Ahead => "超序时",
            Pace::OnTrack => "符合序时",
            Pace::Behind => "滞后序时",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Pace::Ahead => "Ahead",
            Pace::OnTrack => "On track",
            Pace::Behind => "Behind",
        }
    }
}

/// Ten percentage points: progress reports are rounded guesses ("about 60%"), and a narrower band would turn
/// every task red or green on noise. Behind when `progress < elapsed − 0.10`, ahead when `progress > elapsed + 0.10`.
pub const TOLERANCE: f64 = 0.10;

/// Both arguments are fractions in 0..=1.
pub fn pace(progress: f64, elapsed: f64) -> Pace {
    if progress < elapsed - TOLERANCE {
        Pace::Behind
    } else if progress > elapsed + TOLERANCE {
        Pace::Ahead
    } else {
        Pace::OnTrack
    }
}

/// Share of the plan year elapsed at the end of `review` (so 12-31 is 1.0), clamped to 0..=1 for dates outside
/// the year. `None` when `review` is not a date.
pub fn elapsed_fraction(year: i32, review: &str) -> Option<f64> {
    let start = Date {
        year,
        month: 1,
        day: 1,
    }
    .days();
    let r = Date::parse(review)?.days();
    Some(((r - start + 1) as f64 / days_in_year(year) as f64).clamp(0.0, 1.0))
}

/// A review date moved into the plan year: before it → 1 January, after it → 31 December, unreadable → 31
/// December (the year-end review is the one a past plan is judged by).
pub fn clamp_into_year(review: &str, year: i32) -> String {
    let first = Date {
        year,
        month: 1,
        day: 1,
    };
    let last = Date {
        year,
        month: 12,
        day: 31,
    };
    match Date::parse(review) {
        Some(d) if d.days() < first.days() => first.iso(),
        Some(d) if d.days() <= last.days() => d.iso(),
        _ => last.iso(),
    }
}

/// Share of a task's own window (1 January of the plan year to its deadline) elapsed at `review`: a task due
/// 6月底 is measured against June, not against the whole year.
pub fn task_elapsed(year: i32, deadline: &str, review: &str) -> Option<f64> {
    let start = Date {
        year,
        month: 1,
        day: 1,
    }
    .days();
    let end = Date::parse(deadline)?.days();
    let r = Date::parse(review)?.days();
    if end < start {
        return Some(if r > end { 1.0 } else { 0.0 });
    }
    Some(((r - start + 1) as f64 / (end - start + 1) as f64).clamp(0.0, 1.0))
}

/// A task's pace. Done is never behind; an explicit 滞后 status, or a passed deadline on an unfinished task, is
/// always behind; otherwise progress against the task's window.
pub fn task_pace(task: &TaskState, year: i32, review: &str) -> Pace {
    if task.status == Status::Done {
        return match task_elapsed(year, &task.deadline, review) {
            Some(e) => pace(1.0, e),
            None => Pace::OnTrack,
        };
    }
    if task.status == Status::Behind || is_overdue(task, review) {
        return Pace::Behind;
    }
    match task_elapsed(year, &task.deadline, review) {
        Some(e) => pace(f64::from(task.progress) / 100.0, e),
        None => Pace::OnTrack,
    }
}

/// Deadline passed and not done. ISO dates compare as strings, but parse first so a bad date is never overdue.
pub fn is_overdue(task: &TaskState, review: &str) -> bool {
    task.status != Status::Done
        && matches!((Date::parse(&task.deadline), Date::parse(review)), (Some(d), Some(r)) if r > d)
}

/// Actual / target value (1.0 = met), or `None` while the whole is unknown (nothing reported, or only some
/// places of a split: see `standing`) or when the target is 0.
pub fn attainment(target: &Target, state: &TargetState) -> Option<f64> {
    super::standing::target_standing(target, Some(state), 0, "").attainment()
}

/// A target's pace against the year, judged at the date its figures speak for ([`judged_at`]): 15 of 20 as of
/// June is ahead of the year, not behind a year-end review date. For an upper bound (以内) only overshooting
/// is bad, and it is bad at once.
pub fn target_pace(target: &Target, state: &TargetState, year: i32, review: &str) -> Option<Pace> {
    let a = attainment(target, state)?;
    if target.bound == Bound::AtMost {
        return Some(if a > 1.0 { Pace::Behind } else { Pace::OnTrack });
    }
    Some(pace(a, elapsed_fraction(year, judged_at(state, review))?))
}

/// The date a target's figures speak for: the latest as-of date among the figures [`TargetState::actual`]
/// uses, never later than the review date (a figure dated after it says nothing about that day).
pub fn judged_at<'a>(state: &'a TargetState, review: &'a str) -> &'a str {
    use super::op::Region;
    let used: Vec<&str> = match state.latest(&Region::Total) {
        Some(total) => vec![total.as_of.as_str()],
        None => state
            .series
            .values()
            .filter_map(|s| s.last().map(|r| r.as_of.as_str()))
            .collect(),
    };
    match used.into_iter().filter(|d| Date::parse(d).is_some()).max() {
        Some(latest) if latest < review => latest,
        _ => review,
    }
}
