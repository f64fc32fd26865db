//! Reporting periods: the plan's cadence (monthly by default, quarterly as an option) and its due day
//! (每月 25 日前报送). A period is written as text in ops — `2020-05` for a month, `2020-Q2` for a quarter — so
//! a report made under one cadence is still read after the coordinator switches to the other: every period
//! falls into exactly one period of the cadence in force (May is in Q2), by its last day.

use serde::{Deserialize, Serialize};

use super::date::{Date, days_in_month};
use crate::i18n::Lang;

/// How often units report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    #[default]
    Monthly,
    Quarterly,
}

/// The day of the period's last month by which reports are due when no op says otherwise.
pub const DEFAULT_DUE_DAY: u8 = 25;

/// The cadence and due day in force for a plan: the default, or the latest `set_cadence` op.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub cadence: Cadence,
    /// 1..=31; in a shorter month the due date is its last day.
    pub due_day: u8,
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule {
            cadence: Cadence::Monthly,
            due_day: DEFAULT_DUE_DAY,
        }
    }
}

/// A period read from its text form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
}

/// Only for an empty `ViewState`; `fold` always sets the period under review.
impl Default for Period {
    fn default() -> Self {
        Period::Month {
            year: 2020,
            month: 12,
        }
    }
}

impl Period {
    /// Reads `YYYY-MM` or `YYYY-Qn`; anything else (`2020-13`, `2020-Q5`, `20-05`) is `None`.
    pub fn parse(s: &str) -> Option<Period> {
        let (year, rest) = s.split_once('-')?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        if let Some(q) = rest.strip_prefix('Q') {
            let quarter: u32 = (q.len() == 1).then(|| q.parse().ok()).flatten()?;
            return (1..=4)
                .contains(&quarter)
                .then_some(Period::Quarter { year, quarter });
        }
        if rest.len() != 2 || !rest.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let month: u32 = rest.parse().ok()?;
        (1..=12)
            .contains(&month)
            .then_some(Period::Month { year, month })
    }

    /// The period of `cadence` that holds `date`.
    pub fn containing(date: Date, cadence: Cadence) -> Period {
        match cadence {
            Cadence::Monthly => Period::Month {
                year: date.year,
                month: date.month,
            },
            Cadence::Quarterly => Period::Quarter {
                year: date.year,
                quarter: date.month.div_ceil(3),
            },
        }
    }

    /// The text form written in ops.
    pub fn key(self) -> String {
        match self {
            Period::Month { year, month } => format!("{year}-{month:02}"),
            Period::Quarter { year, quarter } => format!("{year}-Q{quarter}"),
        }
    }

    fn last_month(self) -> (i32, u32) {
        match self {
            Period::Month { year, month } => (year, month),
            Period::Quarter { year, quarter } => (year, quarter * 3),
        }
    }

    /// The period's last day: reports of a period are judged against 序时进度 at its end.
    pub fn last_day(self) -> Date {
        let (year, month) = self.last_month();
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// The due date of the period's report: the due day of its last month (or that month's last day).
    pub fn due_date(self, due_day: u8) -> Date {
        let (year, month) = self.last_month();
        Date {
            year,
            month,
            day: u32::from(due_day.max(1)).min(days_in_month(year, month)),
        }
    }

    /// The period of `cadence` this one falls into (itself when the cadence matches).
    pub fn under(self, cadence: Cadence) -> Period {
        Period::containing(self.last_day(), cadence)
    }

    /// `2020年5月` / `2020年第2季度`, or `May 2020` / `2020 Q2`.
    pub fn label(self, lang: Lang) -> String {
        match (self, lang) {
            (Period::Month { year, month }, Lang::Zh) => format!("{year}年{month}月"),
            (Period::Quarter { year, quarter }, Lang::Zh) => format!("{year}年第{quarter}季度"),
            (Period::Month { year, month }, Lang::En) => {
                const MONTHS: [&str; 12] = [
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec",
                ];
                let name = MONTHS.get(month as usize - 1).copied().unwrap_or("?");
                format!("{name} {year}")
            }
            (Period::Quarter { year, quarter }, Lang::En) => format!("{year} Q{quarter}"),
        }
    }
}

impl Schedule {
    /// Every period of the plan year, in order: 2020-01 … 2020-12, or 2020-Q1 … 2020-Q4.
    pub fn periods(self, year: i32) -> Vec<Period> {
        match self.cadence {
            Cadence::Monthly => (1..=12)
                .map(|month| Period::Month { year, month })
                .collect(),
            Cadence::Quarterly => (1..=4)
                .map(|quarter| Period::Quarter { year, quarter })
                .collect(),
        }
    }

    /// 每月 25 日前报送 / Monthly, due by the 25th.
    pub fn describe(self, lang: Lang) -> String {
        match (self.cadence, lang) {
            (Cadence::Monthly, Lang::Zh) => format!("每月 {} 日前报送", self.due_day),
            (Cadence::Quarterly, Lang::Zh) => {
                format!("每季度末月 {} 日前报送", self.due_day)
            }
            (Cadence::Monthly, Lang::En) => format!("monthly, due by day {}", self.due_day),
            (Cadence::Quarterly, Lang::En) => {
                format!(
                    "quarterly, due by day {} of the quarter's last month",
                    self.due_day
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_forms_round_trip_and_nonsense_is_refused() {
        for s in ["2020-01", "2020-12", "2020-Q1", "2020-Q4"] {
            assert_eq!(Period::parse(s).map(Period::key).as_deref(), Some(s));
        }
        for s in [
            "2020-13", "2020-00", "2020-Q5", "2020-Q0", "20-05", "2020-5", "2020", "",
        ] {
            assert_eq!(Period::parse(s), None, "{s}");
        }
    }

    #[test]
    fn a_month_falls_into_its_quarter_and_due_dates_fit_short_months() {
        let may = Period::Month {
            year: 2020,
            month: 5,
        };
        assert_eq!(may.under(Cadence::Quarterly).key(), "2020-Q2");
        assert_eq!(may.due_date(25).iso(), "2020-05-25");
        let feb = Period::Month {
            year: 2021,
            month: 2,
        };
        assert_eq!(feb.due_date(31).iso(), "2021-02-28");
        assert_eq!(
            Period::Quarter {
                year: 2020,
                quarter: 1
            }
            .due_date(25)
            .iso(),
            "2020-03-25"
        );
        assert_eq!(Schedule::default().periods(2020).len(), 12);
    }
}
