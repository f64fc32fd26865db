//! Items run together on one line: a web copy may lose the paragraph breaks between numbered items, so
//! "(一)地区生产总值增长11%左右。(省发改委负责)(二)公共财政收入增长13%左右。(…)" is two tasks. A line is
//! cut after an annotation's closing bracket when what follows starts a numbered item; a bracket that is
//! not an annotation ("(含开发区)") or a number that is not an item start ("2020年") never cuts.

use super::Line;
use super::annotation::{self, Conventions};
use super::heading::heading;
use super::inline::{char_len, groups};
use super::text::is_space;

/// Cuts every line at its run-on item starts; the pieces keep the line's number.
pub fn split_run_on_items(lines: Vec<Line>, conv: Conventions) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines.into_iter().flat_map(split_spaced) {
        let cuts = item_starts(&line.text, conv);
        if cuts.is_empty() {
            out.push(line);
            continue;
        }
        let mut from = 0;
        for at in cuts.into_iter().chain([line.text.len()]) {
            let piece = line.text[from..at].trim_matches(is_space);
            if !piece.is_empty() {
                out.push(Line {
                    no: line.no,
                    text: piece.to_string(),
                    raw: piece.to_string(),
                });
            }
            from = at;
        }
    }
    out
}

/// Cuts a line at the spaced item starts of its printed form (cleaning drops the spaces between Chinese
/// characters, so they are looked for in `raw`); each piece is cleaned again.
fn split_spaced(line: Line) -> Vec<Line> {
    let cuts = spaced_sequels(&line.raw);
    if cuts.is_empty() {
        return vec![line];
    }
    let mut out = Vec::new();
    let mut from = 0;
    for at in cuts.into_iter().chain([line.raw.len()]) {
        let piece = line.raw[from..at].trim_matches(is_space);
        if !piece.is_empty() {
            out.push(Line {
                no: line.no,
                text: super::text::clean_spaces(piece),
                raw: piece.to_string(),
            });
        }
        from = at;
    }
    out
}

/// Byte offsets where a new item starts right after a closing annotation bracket.
fn item_starts(text: &str, conv: Conventions) -> Vec<usize> {
    let mut cuts = Vec::new();
    for (open, close) in groups(text) {
        let content = &text[open + char_len(text, open)..close];
        let after = close + char_len(text, close);
        let rest = &text[after..];
        let next = rest.trim_start_matches(|c: char| is_space(c) || c == '。');
        // 主办 / 协办 / 协助 name roles as surely as 牵头 or 负责 ("(省发改委主办,省工信委协办)").
        let names_roles = (annotation::mentions_roles(content)
            || ["主办", "协办", "协助"].iter().any(|v| content.contains(v)))
            && annotation::read(content, conv).is_some_and(|a| !a.roles.is_empty());
        if names_roles && !next.is_empty() && heading(next).is_some() {
            cuts.push(after + rest.len() - next.len());
        }
    }
    cuts
}

/// A page that lost its paragraph breaks keeps only spaces between items: "1.甲项目。 牵头领导:… 2.乙项目。
/// …". A line that starts with item n is cut before each " n+1." that follows in sequence (the point
/// not followed by a digit, so " 2.5%" never cuts).
fn spaced_sequels(text: &str) -> Vec<usize> {
    let Some(first) = heading(text).filter(|h| h.level == super::heading::Level::Arabic) else {
        return Vec::new();
    };
    let mut cuts = Vec::new();
    let mut next = first.number + 1;
    let mut from = 0;
    loop {
        let marker = format!("{next}.");
        let found = text[from..].char_indices().find_map(|(i, c)| {
            let at = from + i + c.len_utf8();
            (is_space(c)
                && text[at..].starts_with(&marker)
                && text[at + marker.len()..]
                    .chars()
                    .next()
                    .is_some_and(|d| !d.is_ascii_digit() && !is_space(d)))
            .then_some(at)
        });
        match found {
            Some(at) => {
                cuts.push(at);
                from = at;
                next += 1;
            }
            None => return cuts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Line {
        Line {
            no: 7,
            text: text.into(),
            raw: text.into(),
        }
    }

    fn pieces(text: &str) -> Vec<String> {
        split_run_on_items(vec![line(text)], Conventions::default())
            .into_iter()
            .map(|l| {
                assert_eq!(l.no, 7, "a piece keeps its line number");
                l.text
            })
            .collect()
    }

    #[test]
    fn items_after_an_annotation_are_cut_apart() {
        assert_eq!(
            pieces(
                "(一)生产总值增长11%左右。(省发改委负责)(二)财政收入增长13%左右。(省财政厅主办,省国税局协办)"
            ),
            [
                "(一)生产总值增长11%左右。(省发改委负责)",
                "(二)财政收入增长13%左右。(省财政厅主办,省国税局协办)"
            ]
        );
        assert_eq!(
            pieces("1.抓好项目。(省发改委主办,省工信委、科技厅协办)2.引进项目。(省商务厅主办)"),
            [
                "1.抓好项目。(省发改委主办,省工信委、科技厅协办)",
                "2.引进项目。(省商务厅主办)"
            ]
        );
        assert_eq!(
            pieces("1.抓好项目建设。(市发改委牵头)2.优化服务。(市政务局负责)"),
            [
                "1.抓好项目建设。(市发改委牵头)",
                "2.优化服务。(市政务局负责)"
            ]
        );
    }

    #[test]
    fn items_separated_only_by_spaces_are_cut_in_sequence() {
        assert_eq!(
            pieces("1.建成甲工程。 责任单位:市交通局 2.新辟线路10条。 责任单位:市交通委 增长 3.5%"),
            // Each piece is cleaned of its layout spaces again.
            [
                "1.建成甲工程。责任单位:市交通局",
                "2.新辟线路10条。责任单位:市交通委增长3.5%"
            ]
        );
        // A number out of sequence is no item start.
        let text = "1.建成甲工程。 共 3.新的内容";
        assert_eq!(pieces(text), [text]);
    }

    #[test]
    fn brackets_that_name_no_unit_and_numbers_that_start_no_item_never_cut() {
        for text in [
            "(一)扩大园区规模(含开发区)(二)另一项",
            "完成投资。(市发改委牵头)2020年底前完成",
            "完成投资。(市发改委牵头)1.5亿元用于配套",
            "完成投资。(市发改委牵头)",
        ] {
            assert_eq!(pieces(text), [text], "{text}");
        }
    }
}
