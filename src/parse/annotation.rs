//! Responsibility annotations: "(牵头单位:X;实施单位:Y;配合单位:Z)" at the end of a task, the same labels on
//! their own lines, and the unlabelled forms "X牵头,Y配合". Labels are matched on a folded copy of the text
//! (Simplified, half-width) whose chars align one to one with the original, so names are cut from the
//! original and quoted exactly as printed.

use super::basis::{Basis, Record};
use super::text::{fold_label_char, is_close, is_colon, is_list_sep, is_open, is_space, trim};
use super::units::{is_body, split_units};
use crate::plan::Role;
use clean::{is_person_post, split_people, strip_notes};
pub use clean::{looks_like_deadline, strip_role_tail};
use vocab::{LABELS, VERBS};

mod clean;
mod vocab;

/// What a label assigns. 责任单位 is kept apart from 牵头单位 because its meaning depends on the document's
/// convention (see [`Conventions::first_leads`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Role(Role),
    /// 责任单位 / 责任部门 / "…负责": responsible (implementing) units with no known lead, unless the
    /// document says the first listed leads. A 责任单位 is not a 牵头单位.
    Responsible,
    /// 责任领导 / 牵头领导: people, not units.
    Leaders,
    /// 完成时限 / 时限要求 / 完成时间.
    Deadline,
    /// 部门分工：free text in the unlabelled form, "省商务厅牵头，各市州配合".
    Free,
    /// A field that is not about responsibility (实际完成情况：…): read so it ends the previous value.
    Ignored,
}

/// Document-wide conventions stated in the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Conventions {
    /// "列第一位的为牵头单位": in a plain or 责任单位 list the first unit leads and the others cooperate.
    pub first_leads: bool,
}

/// One annotation, read: units per role in source order, people and deadline words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Annotation {
    pub roles: Vec<(Role, Vec<String>)>,
    pub leaders: Vec<String>,
    pub deadline: Option<String>,
    /// Parts that were not understood, as messages for diagnostics.
    pub problems: Vec<String>,
    /// Why each unit has its role ([`super::basis`]).
    pub bases: Record,
}

impl Annotation {
    /// Takes in another annotation's units (with their bases), people and problems: a lead-in, a free-text
    /// field, another cell of the same row.
    pub fn absorb(&mut self, other: Annotation) {
        for (role, units) in other.roles {
            let bases = units
                .iter()
                .map(|u| super::basis::of(&other.bases, role, u))
                .collect();
            push_role(self, role, units, bases);
        }
        self.leaders.extend(other.leaders);
        self.problems.extend(other.problems);
    }
}

/// Finds a bracketed group closing the line (after the last sentence), returning the text before it and
/// the bracket's content. `None` when the line does not end with a balanced bracket.
pub fn trailing_bracket(line: &str) -> Option<(&str, &str)> {
    let end = line.trim_end_matches(|c: char| is_space(c) || c == '。' || c == '.');
    let close = end.chars().next_back().filter(|c| is_close(*c))?;
    let body = &end[..end.len() - close.len_utf8()];
    let mut depth = 0usize;
    for (i, c) in body.char_indices().rev() {
        if is_close(c) {
            depth += 1;
        } else if is_open(c) {
            if depth == 0 {
                return Some((&line[..i], &body[i + c.len_utf8()..]));
            }
            depth -= 1;
        }
    }
    None
}

/// Whether `s` (any width, any script) mentions a responsibility label or verb, i.e. looks like it was
/// meant as an annotation even if it cannot be read.
pub fn mentions_roles(s: &str) -> bool {
    let f: String = s.chars().map(fold_label_char).collect();
    LABELS.iter().any(|(l, _)| f.contains(l))
        || ["牵头", "配合", "负责"].iter().any(|v| f.contains(v))
}

/// Whether a line states that the first unit listed leads ("列第一位的为牵头单位", "排在首位的为牵头单位").
pub fn states_first_leads(line: &str) -> bool {
    let f: String = line.chars().map(fold_label_char).collect();
    ["第一位", "首位", "第一个"].iter().any(|w| f.contains(w)) && f.contains("牵头")
}

/// Splits "任务文字。牵头单位：X；配合单位：Y" (labels after the last sentence, no brackets) into the text and
/// the annotation content.
pub fn inline_labels(line: &str) -> Option<(&str, &str)> {
    let folded: Vec<char> = line.chars().map(fold_label_char).collect();
    let (start, _, _) = *find_labels(&folded).first()?;
    let prev = *folded.get(start.checked_sub(1)?)?;
    if !(prev == '。' || is_space(prev) || is_list_sep(prev)) {
        return None;
    }
    let at = super::text::byte_at(line, start);
    Some((&line[..at], &line[at..]))
}

/// Reads a line that is itself an annotation ("责任单位：X", "【牵头单位】X", "(牵头单位:X)"), if it is one.
pub fn label_line(line: &str, conv: Conventions) -> Option<Annotation> {
    let t = trim(line);
    let inner = match (t.chars().next(), t.chars().next_back()) {
        (Some(o), Some(c))
            if is_open(o) && is_close(c) && t.len() > o.len_utf8() + c.len_utf8() =>
        {
            &t[o.len_utf8()..t.len() - c.len_utf8()]
        }
        _ => t,
    };
    let folded: Vec<char> = inner.chars().map(fold_label_char).collect();
    let skip = folded
        .iter()
        .take_while(|c| is_open(**c) || is_space(**c))
        .count();
    let starts = LABELS.iter().any(|(l, _)| starts_at(&folded, skip, l));
    starts.then(|| read(inner, conv)).flatten()
}

/// Reads annotation content (without brackets). `None` when it carries neither labels nor the unlabelled
/// forms, so the caller can keep an ordinary bracketed phrase in the task text.
pub fn read(content: &str, conv: Conventions) -> Option<Annotation> {
    let content = strip_notes(content);
    let chars: Vec<char> = content.chars().collect();
    let folded: Vec<char> = chars.iter().map(|c| fold_label_char(*c)).collect();
    let hits = find_labels(&folded);
    if hits.is_empty() {
        return read_unlabelled(&chars, &folded, conv);
    }
    let mut ann = Annotation::default();
    // "X牵头，Y配合，完成时限：…" mixes the unlabelled role forms with a label: read the lead-in as unlabelled.
    let lead_in = clean_value(&chars[..hits[0].0]);
    if !lead_in.is_empty() {
        let lead_chars: Vec<char> = lead_in.chars().collect();
        let lead_folded: Vec<char> = lead_chars.iter().map(|c| fold_label_char(*c)).collect();
        match read_unlabelled(&lead_chars, &lead_folded, conv) {
            Some(unlabelled) => ann.absorb(unlabelled),
            None => ann.problems.push(format!(
                "text before the first label not understood: {lead_in}"
            )),
        }
    }
    for (k, &(_, value_start, field)) in hits.iter().enumerate() {
        let value_end = hits.get(k + 1).map_or(chars.len(), |h| h.0);
        let value = clean_value(&chars[value_start..value_end]);
        assign(&mut ann, field, &value, conv, Basis::Label);
    }
    Some(ann)
}

/// Label positions: (start of label, start of its value, field). A label counts only when a colon (or a
/// closing bracket, for "【牵头单位】X") follows it, so a task text that says "牵头单位" is not cut.
fn find_labels(folded: &[char]) -> Vec<(usize, usize, Field)> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        let found = LABELS.iter().find_map(|(label, field)| {
            if !starts_at(folded, i, label) {
                return None;
            }
            let mut j = i + label.chars().count();
            while j < folded.len() && is_space(folded[j]) {
                j += 1;
            }
            let sep = *folded.get(j)?;
            (is_colon(sep) || is_close(sep)).then_some((i, j + 1, *field))
        });
        match found {
            Some(hit) => {
                // "【牵头单位】" opens with a bracket that belongs to the label, not to the previous value.
                let start = if i > 0 && is_open(folded[i - 1]) {
                    i - 1
                } else {
                    i
                };
                hits.push((start, hit.1, hit.2));
                i = hit.1;
            }
            None => i += 1,
        }
    }
    hits
}

fn starts_at(chars: &[char], at: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, w)| chars.get(at + k) == Some(&w))
}

/// The value text between two labels, without the separators and spaces around it.
fn clean_value(chars: &[char]) -> String {
    let s: String = chars.iter().collect();
    s.trim_matches(|c: char| is_space(c) || is_list_sep(c) || c == '。' || c == '.')
        .to_string()
}

/// Gives the units of `value` the role `field` says; `basis` is how the field was found (a label, a verb, or
/// nothing at all for a bare list).
fn assign(ann: &mut Annotation, field: Field, value: &str, conv: Conventions, basis: Basis) {
    match field {
        Field::Role(role) => push_units(ann, role, split_units(value), basis),
        Field::Responsible => {
            let units = split_units(value);
            let has_lead = ann
                .roles
                .iter()
                .any(|(r, u)| *r == Role::Lead && !u.is_empty());
            if conv.first_leads && !has_lead && !units.is_empty() {
                push_units(ann, Role::Lead, units[..1].to_vec(), Basis::Rule);
                push_units(ann, Role::Cooperating, units[1..].to_vec(), Basis::Rule);
            } else {
                push_units(ann, Role::Implementing, units, basis);
            }
        }
        Field::Free => {
            let chars: Vec<char> = value.chars().collect();
            let folded: Vec<char> = chars.iter().map(|c| fold_label_char(*c)).collect();
            if let Some(free) = read_unlabelled(&chars, &folded, conv) {
                ann.absorb(free);
            } else if !value.is_empty() {
                ann.problems.push(format!("分工 not understood: {value}"));
            }
        }
        Field::Leaders => ann.leaders.extend(split_people(value)),
        Field::Deadline if !value.is_empty() => ann.deadline = Some(value.to_string()),
        Field::Deadline | Field::Ignored => {}
    }
}

/// Adds units to a role after cleaning their names; names that are people's posts (分管副省长) go to the
/// leaders instead, because a person in the responsibility matrix would be counted as a body.
fn push_units(ann: &mut Annotation, role: Role, units: Vec<String>, basis: Basis) {
    let mut bodies = Vec::with_capacity(units.len());
    for u in units {
        let u = strip_role_tail(&u);
        if u.is_empty() {
            continue;
        }
        if looks_like_deadline(&u) {
            // "责任单位：甲局、乙局，6月底完成": the tail of the list is its deadline, not a unit.
            ann.deadline = Some(u);
            continue;
        }
        if is_person_post(&u) {
            ann.leaders.push(u);
        } else {
            bodies.push(u);
        }
    }
    let bases = vec![basis; bodies.len()];
    push_role(ann, role, bodies, bases);
}

/// Adds units to a role, recording each one's basis (`bases[k]` for `units[k]`).
fn push_role(ann: &mut Annotation, role: Role, units: Vec<String>, bases: Vec<Basis>) {
    if units.is_empty() {
        return;
    }
    for (u, b) in units.iter().zip(bases) {
        ann.bases.push((role, u.clone(), b));
    }
    match ann.roles.iter_mut().find(|(r, _)| *r == role) {
        Some((_, list)) => list.extend(units),
        None => ann.roles.push((role, units)),
    }
}

/// "X牵头,Y配合" / "X、Y分别牵头" / "各市州按职责分工负责", or a bare unit list. Clauses end at a separator
/// that follows a role verb; a bare list is accepted only when every item ends like a body's name.
fn read_unlabelled(chars: &[char], folded: &[char], conv: Conventions) -> Option<Annotation> {
    let mut ann = Annotation::default();
    let mut start = 0;
    let mut any_verb = false;
    let mut i = 0;
    while i <= chars.len() {
        let at_sep = i == chars.len() || is_list_sep(chars[i]) || is_space(chars[i]);
        if at_sep && let Some((verb_len, field)) = verb_before(folded, start, i) {
            let units: String = chars[start..i - verb_len].iter().collect();
            let units = units.trim_end_matches(['由', '等']).to_string();
            assign(&mut ann, field, &units, conv, Basis::Verb);
            any_verb = true;
            start = i + 1;
        }
        i += 1;
    }
    let rest = clean_value(chars.get(start..).unwrap_or(&[]));
    if any_verb {
        if looks_like_deadline(&rest) {
            // "…牵头，各区配合，9月底完成": an unlabelled deadline after the last unit.
            ann.deadline = Some(rest);
        } else if !rest.is_empty() {
            ann.problems
                .push(format!("words after the last role not understood: {rest}"));
        }
        return Some(ann);
    }
    let units = split_units(&rest);
    let plain = !units.is_empty() && units.iter().all(|u| is_body(u) || u.ends_with('区'));
    if !plain || mentions_roles(&rest) {
        return None;
    }
    assign(&mut ann, Field::Responsible, &rest, conv, Basis::Guess);
    Some(ann)
}

/// The role verb ending the clause `folded[start..end]`, if any: (its length in chars, field).
fn verb_before(folded: &[char], start: usize, end: usize) -> Option<(usize, Field)> {
    VERBS.iter().find_map(|(verb, field)| {
        let n = verb.chars().count();
        (end >= start + n && starts_at(folded, end - n, verb)).then_some((n, *field))
    })
}

#[cfg(test)]
mod tests;
