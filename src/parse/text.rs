//! Character-level helpers. Work plans are printed with full-width and half-width punctuation mixed freely
//! (and sometimes in Traditional characters), so every matcher in the parser compares through these helpers
//! instead of against literal punctuation. Nothing here slices by byte offsets it did not get from `char_indices`.

/// Opening brackets of any width or style, as printed in Chinese government texts.
pub fn is_open(c: char) -> bool {
    matches!(c, '(' | '（' | '〔' | '[' | '【' | '［' | '﹝')
}

/// Closing brackets matching [`is_open`].
pub fn is_close(c: char) -> bool {
    matches!(c, ')' | '）' | '〕' | ']' | '】' | '］' | '﹞')
}

/// Colons: half-width, full-width and the ratio colon some OCR output produces.
pub fn is_colon(c: char) -> bool {
    matches!(c, ':' | '：' | '∶')
}

/// Separators inside a unit list: 、 and commas and semicolons of both widths.
pub fn is_list_sep(c: char) -> bool {
    matches!(c, '、' | ',' | '，' | ';' | '；')
}

/// Sentence-final punctuation: a line ending with one of these is complete.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | ';' | '；' | '：' | ':')
}

/// Whitespace including the ideographic space U+3000 and no-break spaces of web copies.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' || c == '\u{feff}'
}

/// Trims all [`is_space`] characters at both ends.
pub fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Removes spaces a newspaper layout left inside a Chinese sentence ("深化 完善" → "深化完善") while
/// keeping a single space between ASCII words ("5G network"). Why: copies from web pages and PDFs break
/// sentences at arbitrary points, and a stray space would otherwise end up in a unit name or task text.
pub fn clean_spaces(s: &str) -> String {
    let chars: Vec<char> = trim(s).chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_space(c) {
            let mut j = i;
            while j < chars.len() && is_space(chars[j]) {
                j += 1;
            }
            let before = i.checked_sub(1).and_then(|k| chars.get(k).copied());
            let after = chars.get(j).copied();
            let ascii_both = matches!((before, after), (Some(b), Some(a)) if b.is_ascii_alphanumeric() && a.is_ascii_alphanumeric());
            if ascii_both {
                out.push(' ');
            }
            i = j;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Maps the Traditional characters that occur in responsibility labels to Simplified ones, and full-width
/// ASCII to half-width, so label matching sees one spelling. Applied to labels only: unit names are kept as
/// written because the plan must quote the source.
pub fn fold_label_char(c: char) -> char {
    match c {
        '牽' => '牵',
        '頭' => '头',
        '單' => '单',
        '責' => '责',
        '實' => '实',
        '協' => '协',
        '領' => '领',
        '導' => '导',
        '時' => '时',
        '間' => '间',
        '門' => '门',
        '參' => '参',
        '與' => '与',
        '務' => '务',
        '內' => '内',
        '為' => '为',
        '長' => '长',
        '堅' => '坚',
        '進' => '进',
        '續' => '续',
        '別' => '别',
        '負' => '负',
        '職' => '职',
        '個' => '个',
        '項' => '项',
        '億' => '亿',
        '萬' => '万',
        '於' => '于',
        '級' => '级',
        '會' => '会',
        '關' => '关',
        '處' => '处',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// [`fold_label_char`] over a string.
pub fn fold(s: &str) -> String {
    s.chars().map(fold_label_char).collect()
}

/// The value of a Chinese numeral up to 99 (一 … 九十九), as used in headings and 分两期.
pub fn cn_numeral(s: &str) -> Option<u32> {
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' => 0,
            '一' | '壹' => 1,
            '二' | '两' | '貳' | '贰' | '兩' => 2,
            '三' | '叁' => 3,
            '四' | '肆' => 4,
            '五' | '伍' => 5,
            '六' | '陆' | '陸' => 6,
            '七' | '柒' => 7,
            '八' | '捌' => 8,
            '九' | '玖' => 9,
            _ => return None,
        })
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [a] => digit(*a).filter(|v| *v > 0),
        ['十', b] => digit(*b).map(|v| 10 + v),
        [a, '十'] => digit(*a).map(|v| v * 10),
        [a, '十', b] => Some(digit(*a)? * 10 + digit(*b)?),
        _ => None,
    }
}

/// Whether `c` can be part of a Chinese numeral of [`cn_numeral`].
pub fn is_cn_numeral_char(c: char) -> bool {
    "〇零一壹二两貳贰兩三叁四肆五伍六陆陸七柒八捌九玖十".contains(c)
}

/// Parses a run of ASCII (or full-width) digits with an optional decimal point at the start of `s`;
/// returns the value and the number of chars consumed.
pub fn leading_number(s: &str) -> Option<(f64, usize)> {
    let mut text = String::new();
    let mut count = 0;
    let mut seen_dot = false;
    for c in s.chars() {
        let c = fold_label_char(c);
        if c.is_ascii_digit() {
            text.push(c);
        } else if c == '.' && !seen_dot && !text.is_empty() {
            seen_dot = true;
            text.push(c);
        } else {
            break;
        }
        count += 1;
    }
    if text.ends_with('.') {
        text.pop();
        count -= 1;
    }
    if text.is_empty() {
        return None;
    }
    text.parse::<f64>().ok().map(|v| (v, count))
}

/// The byte offset of the `n`th char of `s` (or `s.len()`), so callers can slice on char boundaries.
pub fn byte_at(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_inside_chinese_go_ascii_words_keep_one() {
        assert_eq!(clean_spaces(" 深化 完善\u{3000}机制 "), "深化完善机制");
        assert_eq!(clean_spaces("5G  network 建设"), "5G network建设");
    }

    #[test]
    fn numerals() {
        assert_eq!(cn_numeral("一"), Some(1));
        assert_eq!(cn_numeral("十"), Some(10));
        assert_eq!(cn_numeral("十二"), Some(12));
        assert_eq!(cn_numeral("二十三"), Some(23));
        assert_eq!(cn_numeral("两"), Some(2));
        assert_eq!(cn_numeral("一二"), None);
        assert_eq!(cn_numeral(""), None);
    }

    #[test]
    fn numbers() {
        assert_eq!(leading_number("100个"), Some((100.0, 3)));
        assert_eq!(leading_number("6.5%"), Some((6.5, 3)));
        assert_eq!(leading_number("１２个"), Some((12.0, 2)));
        assert_eq!(leading_number("1.个"), Some((1.0, 1)));
        assert_eq!(leading_number("个"), None);
    }

    #[test]
    fn traditional_labels_fold() {
        assert_eq!(fold("牽頭單位："), "牵头单位:");
        assert_eq!(fold("完成時限"), "完成时限");
    }
}
