//! The article header: title, 原标题, the dateline "中国甘肃网3月17日讯 据兰州日报报道(记者 孙理)…", and the
//! lead paragraph. News reprints of plans all open this way; a bare plan document simply has a title line.

use super::text::{cn_numeral, is_close, is_colon, is_open, trim};

/// What the header says, before the first heading.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Header {
    pub title: String,
    pub original_title: Option<String>,
    pub publisher: Option<String>,
    pub newspaper: Option<String>,
    pub reporter: Option<String>,
    /// (month, day) of the dateline, or a full ISO date from a 发布时间 line.
    pub month_day: Option<(u32, u32)>,
    pub iso_date: Option<String>,
    pub intro: Vec<String>,
    /// "分两期": the text is printed in this many parts.
    pub parts: Option<u32>,
}

/// Reads header lines (already cleaned of noise). The first line is the title.
pub fn read_header(lines: &[&str]) -> Header {
    let mut h = Header::default();
    let mut it = lines.iter();
    if let Some(first) = it.next() {
        h.title = (*first).to_string();
    }
    for line in it {
        if let Some(v) = labelled(line, &["原标题"]) {
            h.original_title = Some(v);
        } else if let Some(v) = labelled(line, &["来源", "來源"]) {
            h.publisher.get_or_insert(v);
        } else if let Some(v) = labelled(line, &["发布时间", "发布日期", "發佈時間"]) {
            h.iso_date = iso_prefix(&v);
        } else if let Some(date) = date_line(line) {
            h.iso_date.get_or_insert(date);
        } else if let Some(rest) = dateline(line, &mut h) {
            if !rest.is_empty() {
                h.intro.push(rest);
            }
        } else {
            h.intro.push((*line).to_string());
        }
    }
    h.parts = h.intro.iter().find_map(|p| parts(p));
    h
}

/// "原标题:X" → X for any of the given labels and either colon.
fn labelled(line: &str, labels: &[&str]) -> Option<String> {
    labels.iter().find_map(|l| {
        let rest = line.strip_prefix(l)?;
        let c = rest.chars().next().filter(|c| is_colon(*c))?;
        Some(trim(&rest[c.len_utf8()..]).to_string())
    })
}

/// Parses "X3月17日讯 据Y报道(记者 Z)rest": fills publisher, date, newspaper, reporter; returns the rest.
fn dateline(line: &str, h: &mut Header) -> Option<String> {
    let xun = line.find("日讯").or_else(|| line.find("日电"))?;
    let head = &line[..xun];
    let yue = head.rfind('月')?;
    let day: String = head[yue + '月'.len_utf8()..].chars().collect();
    let day: u32 = day.parse().ok()?;
    let month_digits: String = head[..yue]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    let month: u32 = month_digits
        .chars()
        .rev()
        .collect::<String>()
        .parse()
        .ok()?;
    let publisher = trim(&head[..yue - month_digits.len()]);
    if !publisher.is_empty() {
        h.publisher = Some(publisher.to_string());
    }
    h.month_day = Some((month, day));
    let mut rest = trim(&line[xun + "日讯".len()..]);
    if let Some(after) = rest.strip_prefix('据')
        && let Some(end) = after.find("报道")
    {
        h.newspaper = Some(trim(&after[..end]).to_string());
        rest = trim(&after[end + "报道".len()..]);
    }
    if let Some(open) = rest.chars().next().filter(|c| is_open(*c))
        && let Some((close_at, close)) = rest.char_indices().find(|(_, c)| is_close(*c))
    {
        let inner = trim(&rest[open.len_utf8()..close_at]);
        if let Some(name) = inner.strip_prefix("记者") {
            h.reporter = Some(trim(name).to_string());
            rest = trim(&rest[close_at + close.len_utf8()..]);
        }
    }
    Some(rest.to_string())
}

/// A line that is only a date, bare or bracketed: "（2021年2月20日）" → "2021-02-20".
fn date_line(line: &str) -> Option<String> {
    let inner = line.trim_matches(|c: char| is_open(c) || is_close(c) || c.is_whitespace());
    let (y, rest) = inner.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// "2020-03-17 10:00" → "2020-03-17".
fn iso_prefix(v: &str) -> Option<String> {
    let d: String = v.chars().take(10).collect();
    let ok = d.len() == 10
        && d.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    ok.then_some(d)
}

/// "分两期" / "分2期" → 2.
fn parts(text: &str) -> Option<u32> {
    let at = text.find('分')?;
    let after = &text[at + '分'.len_utf8()..];
    let qi = after.find('期')?;
    let n = &after[..qi];
    cn_numeral(n)
        .or_else(|| n.parse().ok())
        .filter(|n| (2..=9).contains(n))
}

/// The first "20xx年" in `s`, i.e. the plan year printed in a title.
pub fn year_in(s: &str) -> Option<i32> {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(5).find_map(|w| {
        let digits: String = w[..4].iter().collect();
        (w[4] == '年' && w[..4].iter().all(char::is_ascii_digit) && (w[0] == '1' || w[0] == '2'))
            .then(|| digits.parse().ok())
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_and_titles() {
        let h = read_header(&[
            "甘肃省出台2020年双区建设工作要点",
            "原标题:我省出台2020年双区建设工作要点",
            "中国甘肃网3月17日讯 据兰州日报报道(记者 孙理)2020年是…。现将该内容分两期于本报刊发。",
        ]);
        assert_eq!(
            h.original_title.as_deref(),
            Some("我省出台2020年双区建设工作要点")
        );
        assert_eq!(h.publisher.as_deref(), Some("中国甘肃网"));
        assert_eq!(h.newspaper.as_deref(), Some("兰州日报"));
        assert_eq!(h.reporter.as_deref(), Some("孙理"));
        assert_eq!(h.month_day, Some((3, 17)));
        assert_eq!(h.intro, ["2020年是…。现将该内容分两期于本报刊发。"]);
        assert_eq!(h.parts, Some(2));
        assert_eq!(year_in(&h.title), Some(2020));
    }

    #[test]
    fn plain_documents() {
        let h = read_header(&[
            "某市2021年工作要点",
            "发布时间：2021-02-03 09:00",
            "为落实……制定本要点。",
        ]);
        assert_eq!(h.iso_date.as_deref(), Some("2021-02-03"));
        assert_eq!(h.intro.len(), 1);
        assert_eq!(h.parts, None);
        assert_eq!(year_in("无年份"), None);
        let d = read_header(&["某市2021年要点", "（2021年2月20日）"]);
        assert_eq!(
            (d.iso_date.as_deref(), d.intro.len()),
            (Some("2021-02-20"), 0)
        );
    }
}
