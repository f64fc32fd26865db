//! Numbered headings. The genre nests 一、 > (一) > 1. > (1) > ①, and a document may skip levels, so
//! a heading records its conventional depth and the structure pass decides which depth holds the tasks.

use super::text::{cn_numeral, is_close, is_cn_numeral_char, is_open, is_space, leading_number};

/// The conventional depth of a numbering style; smaller is outer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// 一、
    Chinese = 1,
    /// (一) / （一）
    ChineseParen = 2,
    /// 1. / 1、 / 1．
    Arabic = 3,
    /// (1) / （1）
    ArabicParen = 4,
    /// ① … ⑳
    Circled = 5,
    /// An unnumbered item: a paragraph with its own annotation, one of several under one title (never
    /// printed; assigned by the structure pass).
    Paragraph = 6,
}

impl Level {
    /// Levels that number individual items (tasks or their sub-points) rather than parts of the plan.
    pub fn is_arabic(self) -> bool {
        self >= Level::Arabic
    }
}

/// A heading as printed: its style, the numeral as written, its value and the rest of the line.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub level: Level,
    pub numeral: String,
    pub number: u32,
    pub rest: String,
}

/// Reads a heading marker at the start of `line` (already trimmed). Returns `None` for ordinary text,
/// including lines that merely start with a number such as "2020年" or "1.5亿元".
pub fn heading(line: &str) -> Option<Heading> {
    let first = line.chars().next()?;
    if let Some(n) = circled(first) {
        let rest = &line[first.len_utf8()..];
        return Some(make(Level::Circled, first.to_string(), n, rest));
    }
    if is_open(first) {
        return paren(line, first);
    }
    if is_cn_numeral_char(first) {
        let numeral: String = line
            .chars()
            .take_while(|c| is_cn_numeral_char(*c))
            .collect();
        let after = &line[numeral.len()..];
        let sep = after.chars().next()?;
        if is_number_sep(sep) {
            let n = cn_numeral(&numeral)?;
            return Some(make(Level::Chinese, numeral, n, &after[sep.len_utf8()..]));
        }
        return None;
    }
    let (value, digits) = leading_number_int(line)?;
    let after = &line[super::text::byte_at(line, digits)..];
    let mut rest_chars = after.chars();
    let sep = rest_chars.next()?;
    if !is_number_sep(sep) {
        return None;
    }
    let rest = rest_chars.as_str();
    if rest
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return None;
    }
    let numeral: String = line.chars().take(digits).collect();
    Some(make(Level::Arabic, numeral, value, rest))
}

/// The mark after a heading's numeral: 、 or a full stop in any width (web copies print "1﹒" with the
/// small full stop U+FE52).
fn is_number_sep(c: char) -> bool {
    matches!(c, '、' | '.' | '．' | '﹒')
}

/// A bracketed numeral "(一)" or "(1)" at the start of the line.
fn paren(line: &str, open: char) -> Option<Heading> {
    let inner_start = open.len_utf8();
    let inner = &line[inner_start..];
    let close_at = inner.char_indices().find(|(_, c)| is_close(*c))?.0;
    let numeral = super::text::trim(&inner[..close_at]);
    let close_len = inner[close_at..].chars().next().map_or(1, char::len_utf8);
    let rest = &inner[close_at + close_len..];
    if let Some(n) = cn_numeral(numeral) {
        return Some(make(Level::ChineseParen, numeral.to_string(), n, rest));
    }
    let (value, digits) = leading_number_int(numeral)?;
    if digits != numeral.chars().count() {
        return None;
    }
    Some(make(Level::ArabicParen, numeral.to_string(), value, rest))
}

fn make(level: Level, numeral: String, number: u32, rest: &str) -> Heading {
    Heading {
        level,
        numeral,
        number,
        rest: rest.trim_start_matches(is_space).to_string(),
    }
}

/// A whole number of at most five digits at the start of `s` (no plan numbers its items higher).
fn leading_number_int(s: &str) -> Option<(u32, usize)> {
    let digits = s
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .count();
    if digits == 0 || digits > 5 {
        return None;
    }
    let (v, _) = leading_number(s)?;
    Some((v as u32, digits)).filter(|(v, _)| *v > 0)
}

/// ① … ⑳ as 1 … 20.
fn circled(c: char) -> Option<u32> {
    let code = c as u32;
    (0x2460..=0x2473).contains(&code).then(|| code - 0x2460 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lv(s: &str) -> Option<(Level, u32, String)> {
        heading(s).map(|h| (h.level, h.number, h.rest))
    }

    #[test]
    fn every_style() {
        assert_eq!(
            lv("一、指导思想"),
            Some((Level::Chinese, 1, "指导思想".into()))
        );
        assert_eq!(lv("十二、保障"), Some((Level::Chinese, 12, "保障".into())));
        assert_eq!(
            lv("(三)搭建"),
            Some((Level::ChineseParen, 3, "搭建".into()))
        );
        assert_eq!(
            lv("（二） 培育"),
            Some((Level::ChineseParen, 2, "培育".into()))
        );
        assert_eq!(lv("10.围绕"), Some((Level::Arabic, 10, "围绕".into())));
        assert_eq!(lv("3、推进"), Some((Level::Arabic, 3, "推进".into())));
        assert_eq!(lv("４．推进"), Some((Level::Arabic, 4, "推进".into())));
        assert_eq!(
            lv("（12）落实"),
            Some((Level::ArabicParen, 12, "落实".into()))
        );
        assert_eq!(lv("②完善"), Some((Level::Circled, 2, "完善".into())));
        assert_eq!(lv("(一)"), Some((Level::ChineseParen, 1, String::new())));
    }

    #[test]
    fn ordinary_text_is_not_a_heading() {
        for s in [
            "2020年是",
            "1.5亿元",
            "一是加强",
            "(记者 孙理)",
            "(2015-2020年)",
            "123456.x",
            "",
            "(",
        ] {
            assert_eq!(heading(s), None, "{s}");
        }
    }
}
