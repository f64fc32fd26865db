//! A tiny civil-date helper. The app only needs "days between two ISO dates" and "how long is this year", so a
//! dozen lines of Howard Hinnant's `days_from_civil` beat pulling a date crate into the wasm.

/// A calendar date in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses exactly `YYYY-MM-DD` (four-digit year) and rejects impossible days such as 2021-02-29, so a typo
    /// in an imported file is reported instead of silently landing on another day.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let year = i32::try_from(num(0..4)?).ok()?;
        let (month, day) = (num(5..7)?, num(8..10)?);
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::days`]. Total over every `i64`: days beyond ±2^39 (about 1.5 billion years, far
    /// past any real date) are clamped there, so the year always fits an `i32` and nothing overflows.
    pub fn from_days(z: i64) -> Date {
        const LIMIT: i64 = 1 << 39;
        let z = z.clamp(-LIMIT, LIMIT) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date of a Unix timestamp in milliseconds (UTC), for turning "now" into a review date.
    pub fn from_unix_ms(ms: i64) -> Date {
        Date::from_days(ms.div_euclid(86_400_000))
    }

    /// `YYYY-MM-DD HH:MM` of a Unix time in milliseconds shifted by `offset_minutes` east of UTC (the local
    /// time zone's offset at that instant). Total over every `i64`: a stored time no clock could write (say
    /// `i64::MAX`) still prints as a real, if far, date instead of "0000-01-00".
    pub fn stamp(ms: i64, offset_minutes: i64) -> String {
        let local = ms.saturating_add(offset_minutes.saturating_mul(60_000));
        let minutes = local.div_euclid(60_000).rem_euclid(24 * 60);
        format!(
            "{} {:02}:{:02}",
            Date::from_unix_ms(local).iso(),
            minutes / 60,
            minutes % 60
        )
    }

    /// The first day of this date's month (month ticks on time axes).
    pub fn month_start(self) -> Date {
        Date { day: 1, ..self }
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

pub fn days_in_year(year: i32) -> i64 {
    if is_leap(year) { 366 } else { 365 }
}

/// Days from ISO date `a` to ISO date `b` (`b - a`); `None` when either is not a valid date.
pub fn days_between(a: &str, b: &str) -> Option<i64> {
    Some(Date::parse(b)?.days() - Date::parse(a)?.days())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_days() {
        assert_eq!(Date::parse("1970-01-01").map(Date::days), Some(0));
        assert_eq!(Date::parse("2000-03-01").map(Date::days), Some(11_017));
        assert_eq!(Date::parse("2020-12-31").map(Date::days), Some(18_627));
        assert_eq!(Date::parse("1969-12-31").map(Date::days), Some(-1));
        assert_eq!(days_between("2020-01-01", "2020-12-31"), Some(365));
        assert_eq!(days_between("2019-01-01", "2019-12-31"), Some(364));
    }

    #[test]
    fn round_trips_every_day_of_four_centuries() {
        let start = Date::parse("1900-01-01").map(Date::days).unwrap_or(0);
        let mut prev: Option<Date> = None;
        for z in start..start + 146_097 {
            let d = Date::from_days(z);
            assert_eq!(d.days(), z);
            assert_eq!(Date::parse(&d.iso()), Some(d));
            if let Some(p) = prev {
                assert!(p < d);
            }
            prev = Some(d);
        }
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in [
            "2021-02-29",
            "2020-13-01",
            "2020-00-10",
            "2020-04-31",
            "2020-1-01",
            "20-01-01x",
            "",
            "2020/01/01",
            "2020-01-0a",
            "+020-01-01",
            "2020-01-001",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2020-02-29").is_some());
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("1900-02-29").is_none());
    }

    #[test]
    fn unix_ms_maps_to_utc_day() {
        assert_eq!(Date::from_unix_ms(0).iso(), "1970-01-01");
        assert_eq!(Date::from_unix_ms(1_593_561_599_999).iso(), "2020-06-30");
        assert_eq!(Date::from_unix_ms(-1).iso(), "1969-12-31");
    }

    #[test]
    fn stamps_are_local_minutes() {
        assert_eq!(Date::stamp(1_593_561_599_999, 0), "2020-06-30 23:59");
        assert_eq!(Date::stamp(1_593_561_599_999, 8 * 60), "2020-07-01 07:59");
        assert_eq!(Date::stamp(0, -60), "1969-12-31 23:00");
    }
}
