//! Annotations inside a line of task text. An item may carry several, each after its own group of
//! sentences ("…。(市教育局牵头负责)…。(市卫健委、市民政局分别牵头负责)"); the item's units are the union in
//! source order. A bracket in the middle of a sentence is only an annotation when it names a role (a label
//! or a role verb): "(兰州80、白银20)" or "(含开发区)" stay in the text. The bracket closing the line keeps
//! the older, looser reading (a bare list of bodies is accepted there).

use super::annotation::{self, Annotation, Conventions};
use super::text::{is_close, is_open};

/// What one line yields: its text without annotations, the annotations in source order, and problems.
#[derive(Debug, Default)]
pub struct LineAnnotations {
    pub text: String,
    pub found: Vec<Annotation>,
    pub problems: Vec<String>,
}

/// Splits the annotations off a line of task text.
pub fn split(raw: &str, conv: Conventions) -> LineAnnotations {
    let mut out = LineAnnotations::default();
    let groups = groups(raw);
    let trailing = annotation::trailing_bracket(raw).map(|(before, _)| before.len());
    let mut kept_from = 0;
    for (open, close) in &groups {
        let content = &raw[open + char_len(raw, *open)..*close];
        let is_trailing = trailing == Some(*open);
        let named = annotation::mentions_roles(content);
        if !(is_trailing || named) {
            continue;
        }
        let Some(ann) = annotation::read(content, conv) else {
            if named {
                out.problems.push("annotation not understood".into());
            }
            continue;
        };
        if !is_trailing && ann.roles.is_empty() && ann.leaders.is_empty() {
            continue;
        }
        out.text.push_str(&raw[kept_from..*open]);
        kept_from = close + char_len(raw, *close);
        out.found.push(ann);
    }
    let rest = &raw[kept_from..];
    match open_tail(rest) {
        // "(市政府办公室、市" at the end of a fragment: read what is there, report the rest.
        Some(at) if annotation::mentions_roles(&rest[at..]) => {
            let content = &rest[at + char_len(rest, at)..];
            out.text.push_str(&rest[..at]);
            match annotation::read(content, conv) {
                Some(mut ann) => {
                    ann.problems.push("annotation bracket not closed".into());
                    out.found.push(ann);
                }
                None => out.problems.push("unclosed annotation bracket".into()),
            }
        }
        _ => {
            if out.found.is_empty()
                && let Some((before, content)) = annotation::inline_labels(rest)
                && let Some(ann) = annotation::read(content, conv)
            {
                out.text.push_str(before);
                out.found.push(ann);
            } else {
                out.text.push_str(rest);
            }
        }
    }
    out
}

/// Whether a line carries an annotation anywhere (used to find the task level).
pub fn has_annotation(raw: &str, conv: Conventions) -> bool {
    !split(raw, conv).found.is_empty()
}

pub fn char_len(s: &str, at: usize) -> usize {
    s[at..].chars().next().map_or(1, char::len_utf8)
}

/// Balanced outermost bracket groups as (byte of the opening bracket, byte of the closing one).
pub fn groups(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for (i, c) in s.char_indices() {
        if is_open(c) {
            stack.push(i);
        } else if is_close(c)
            && let Some(o) = stack.pop()
            && stack.is_empty()
        {
            out.push((o, i));
        }
    }
    out
}

/// The byte of an opening bracket that is never closed, when the text ends inside it.
fn open_tail(s: &str) -> Option<usize> {
    let mut stack: Vec<usize> = Vec::new();
    for (i, c) in s.char_indices() {
        if is_open(c) {
            stack.push(i);
        } else if is_close(c) {
            stack.pop();
        }
    }
    stack.first().copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Role;

    const NONE: Conventions = Conventions { first_leads: false };

    fn units(l: &LineAnnotations) -> Vec<(Role, Vec<String>)> {
        l.found.iter().flat_map(|a| a.roles.clone()).collect()
    }

    #[test]
    fn several_annotations_each_after_its_sentences() {
        let l = split(
            "甲事项办好。(市教育局牵头负责)乙事项办好。(市卫健委、市民政局分别牵头负责)",
            NONE,
        );
        assert_eq!(l.text, "甲事项办好。乙事项办好。");
        assert_eq!(
            units(&l),
            [
                (Role::Lead, vec!["市教育局".to_string()]),
                (Role::Lead, vec!["市卫健委".into(), "市民政局".into()]),
            ]
        );
    }

    #[test]
    fn brackets_without_roles_stay_in_the_text() {
        let l = split(
            "新增产品100个(甲地80、乙地20),建成平台(含分中心)。(丙局牵头)",
            NONE,
        );
        assert_eq!(l.text, "新增产品100个(甲地80、乙地20),建成平台(含分中心)。");
        assert_eq!(l.found.len(), 1);
    }

    #[test]
    fn an_annotation_cut_by_the_end_is_read_as_far_as_it_goes() {
        let l = split("推进某事。(甲局牵头,乙局、丙", NONE);
        assert_eq!(l.text, "推进某事。");
        assert_eq!(units(&l), [(Role::Lead, vec!["甲局".to_string()])]);
        assert!(!l.found[0].problems.is_empty());
    }
}
