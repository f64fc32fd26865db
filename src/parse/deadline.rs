//! Deadline wording → a date. "6月底前" means the last day of June of the plan year; "2020年9月底" names its
//! year; "年底前" is 31 December; "持续推进" / "长期坚持" name no date, so only the words are kept.
//! When the wording names several dates ("6月底前出台方案，年底前完成") the last one is the deadline.

use super::text::{cn_numeral, fold_label_char};

/// The ISO date a deadline wording names, if any; `year` is the plan year used when none is printed.
pub fn deadline_date(text: &str, year: i32) -> Option<String> {
    let chars: Vec<char> = text.chars().map(fold_label_char).collect();
    let mut found: Option<(i32, u32, u32)> = None;
    let mut cur_year = year;
    let mut i = 0;
    while i < chars.len() {
        if let Some((n, len)) = number_at(&chars, i) {
            let unit = chars.get(i + len).copied();
            match unit {
                Some('年') if n >= 1900 => cur_year = n as i32,
                Some('月') if (1..=12).contains(&n) => {
                    let day_at = i + len + 1;
                    let day = number_at(&chars, day_at)
                        .filter(|(d, l)| {
                            chars.get(day_at + l) == Some(&'日') && (1..=31).contains(d)
                        })
                        .map(|(d, _)| d);
                    let d = day.unwrap_or_else(|| last_day(cur_year, n));
                    found = Some((cur_year, n, d.min(last_day(cur_year, n))));
                }
                _ => {}
            }
            i += len;
            continue;
        }
        let rest: String = chars[i..chars.len().min(i + 4)].iter().collect();
        let hit = [
            ("年底", 12, 31),
            ("年末", 12, 31),
            ("年内", 12, 31),
            ("上半年", 6, 30),
            ("下半年", 12, 31),
            ("一季度", 3, 31),
            ("二季度", 6, 30),
            ("三季度", 9, 30),
            ("四季度", 12, 31),
        ]
        .into_iter()
        .find(|(w, _, _)| rest.starts_with(w));
        if let Some((w, m, d)) = hit {
            found = Some((cur_year, m, d));
            i += w.chars().count();
            continue;
        }
        i += 1;
    }
    found
        .filter(|(y, _, _)| (1900..=2200).contains(y))
        .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

/// An Arabic number or a Chinese numeral (as in 六月底, 十二月) at `i`: (value, length in chars).
fn number_at(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        let s: String = chars[i..i + digits].iter().collect();
        return Some((s.parse().unwrap_or(u32::MAX), digits));
    }
    // Chinese numerals only directly before 月, so "一季度" or "十九大" are not read as months.
    (1..=3).rev().find_map(|len| {
        let s: String = chars.get(i..i + len)?.iter().collect();
        let v = cn_numeral(&s)?;
        (chars.get(i + len) == Some(&'月')).then_some((v, len))
    })
}

fn last_day(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wordings() {
        assert_eq!(
            deadline_date("6月底前", 2020).as_deref(),
            Some("2020-06-30")
        );
        assert_eq!(
            deadline_date("2020年9月底", 2019).as_deref(),
            Some("2020-09-30")
        );
        assert_eq!(deadline_date("年底前", 2021).as_deref(), Some("2021-12-31"));
        assert_eq!(
            deadline_date("2021年2月", 2021).as_deref(),
            Some("2021-02-28")
        );
        assert_eq!(
            deadline_date("2020年2月底", 2020).as_deref(),
            Some("2020-02-29")
        );
        assert_eq!(
            deadline_date("10月15日前", 2020).as_deref(),
            Some("2020-10-15")
        );
        assert_eq!(
            deadline_date("六月底前", 2020).as_deref(),
            Some("2020-06-30")
        );
        assert_eq!(
            deadline_date("6月底前出台方案，年底前完成", 2020).as_deref(),
            Some("2020-12-31")
        );
        assert_eq!(deadline_date("三季度", 2020).as_deref(), Some("2020-09-30"));
        assert_eq!(deadline_date("持续推进", 2020), None);
        assert_eq!(deadline_date("长期坚持", 2020), None);
        assert_eq!(deadline_date("13月", 2020), None);
    }
}
