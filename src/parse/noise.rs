//! Lines that are not plan: related-news lists, page furniture of web and PDF copies, repeated running
//! headers. They are dropped before structure is read so they cannot be mistaken for task continuations.

use super::text::trim;

/// Headings that start a list of links after the article.
const LIST_HEADS: &[&str] = &[
    "相关新闻",
    "相关阅读",
    "延伸阅读",
    "推荐阅读",
    "相关链接",
    "热点推荐",
    "猜你喜欢",
];

/// Lines of page furniture, matched at the start of the line.
const FURNITURE: &[&str] = &[
    "责任编辑",
    "编辑:",
    "编辑：",
    "打印本页",
    "关闭窗口",
    "【打印】",
    "【关闭】",
    "分享到",
    "扫一扫",
    "返回顶部",
    "上一篇",
    "下一篇",
    "【字体",
    "字号:",
    "字号：",
    "浏览次数",
    "阅读次数",
];

/// Buttons and counters of a web page that a copy keeps inside a line of page information
/// ("发布时间:… 来源:… 浏览量: 【字号: 打印"). Found anywhere in the line, because the line also holds the
/// publication date that is kept for the document's year.
const CHROME: &[&str] = &[
    "【字号",
    "【字体",
    "【打印",
    "浏览量",
    "浏览次数",
    "阅读次数",
    "打印本页",
];

/// A line of page information with web-page buttons or counters in it: never plan text, and an opening
/// bracket in it (【字号) is a button, never the start of an annotation broken over lines.
pub fn is_page_chrome(l: &str) -> bool {
    CHROME.iter().any(|c| l.contains(c))
}

/// Marks every line that is noise. `title` is the document's first line: a later identical line is a
/// repeated running header.
pub fn noise_mask(lines: &[&str]) -> Vec<bool> {
    let title = lines
        .iter()
        .map(|l| trim(l))
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let mut mask = vec![false; lines.len()];
    // A table copied one cell per line prints its 序号 as bare numbers: those are rows, not page numbers.
    let seq_column = lines
        .iter()
        .any(|l| trim(l).trim_end_matches(['|', ' ']).trim() == "序号");
    let mut in_list = false;
    let mut seen_title = false;
    for (k, raw) in lines.iter().enumerate() {
        let l = trim(raw);
        if l.is_empty() {
            continue;
        }
        if LIST_HEADS
            .iter()
            .any(|h| l.starts_with(h) && l.chars().count() <= h.chars().count() + 2)
        {
            in_list = true;
            mask[k] = true;
            continue;
        }
        if in_list && is_list_item(l) {
            mask[k] = true;
            continue;
        }
        in_list = false;
        if l == title {
            mask[k] = seen_title;
            seen_title = true;
            continue;
        }
        let row_number = seq_column && l.chars().all(|c| c.is_ascii_digit());
        mask[k] = FURNITURE.iter().any(|f| l.starts_with(f))
            || (is_page_number(l) && !row_number)
            || is_date_line(l);
    }
    mark_signature(lines, &mut mask);
    mask
}

/// The closing signature of a circular: an issuing body on the line right before the (noise) date line,
/// e.g. "临川市人民政府办公室" / "2021年3月5日".
fn mark_signature(lines: &[&str], mask: &mut [bool]) {
    const ISSUERS: &[&str] = &[
        "政府",
        "办公室",
        "办公厅",
        "委员会",
        "领导小组",
        "厅",
        "局",
        "委",
        "部",
    ];
    for k in 1..lines.len() {
        let l = trim(lines[k - 1]);
        let punctuated = l.chars().any(|c| "。，,；;：:（）()【】".contains(c));
        if is_date_line(trim(lines[k]))
            && !l.is_empty()
            && l.chars().count() <= 30
            && !punctuated
            && ISSUERS.iter().any(|s| l.ends_with(s))
        {
            mask[k - 1] = true;
        }
    }
}

/// "- 2020-03-17专家提醒…", "· 标题", "2020-03-17 标题".
fn is_list_item(l: &str) -> bool {
    let first = l.chars().next().unwrap_or(' ');
    matches!(first, '-' | '·' | '•' | '*' | '●' | '○' | '▪') || starts_with_date(l)
}

fn starts_with_date(l: &str) -> bool {
    let head: Vec<char> = l.chars().take(10).collect();
    head.len() == 10
        && head.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// A line that is only a date, "2021年3月5日": the signature date of a circular, not plan text.
fn is_date_line(l: &str) -> bool {
    let shape: String = l
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect();
    let collapsed: String = shape
        .split('0')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("0");
    shape.starts_with('0') && collapsed == "年0月0日"
}

/// "- 3 -", "—12—", "第3页", "第 3 页 共 9 页", "12".
fn is_page_number(l: &str) -> bool {
    let core: String = l.chars().filter(|c| !c.is_whitespace()).collect();
    let stripped = core.trim_matches(|c| matches!(c, '-' | '—' | '－' | '–'));
    if !stripped.is_empty() && stripped.chars().all(|c| c.is_ascii_digit()) && stripped.len() <= 4 {
        return true;
    }
    let no_digits: String = core.chars().filter(|c| !c.is_ascii_digit()).collect();
    matches!(no_digits.as_str(), "第页" | "第页共页" | "共页" | "页")
        && core.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_lists_furniture_and_repeated_headers() {
        let lines = [
            "某市工作要点",
            "1.推进建设。",
            "- 3 -",
            "某市工作要点",
            "第2页 共5页",
            "2.完善机制。",
            "责任编辑：张三",
            "相关新闻",
            "- 2020-03-17专家提醒",
            "2020-03-17兰大双选会",
        ];
        let mask = noise_mask(&lines);
        assert_eq!(
            mask,
            [
                false, false, true, true, true, false, true, true, true, true
            ]
        );
    }
}
