//! Cleaning annotation text before and after it is split into names: notes about the whole document are
//! dropped, role words and deadline tails are taken off names, and people are told apart from bodies.

use super::vocab::{NOTE_MARKS, ROLE_TAILS};
use crate::parse::text::{fold_label_char, is_close, is_list_sep, is_open, is_space};
use crate::parse::units::is_body;

/// "市水务局分别牵头" → "市水务局": a role word left at the end of a name by a loose layout is not part of it.
pub fn strip_role_tail(name: &str) -> String {
    let mut cur = name.trim_start_matches('由').to_string();
    loop {
        let folded: String = cur.chars().map(fold_label_char).collect();
        let Some(tail) = ROLE_TAILS.iter().find(|t| folded.ends_with(*t)) else {
            return cur;
        };
        let keep = cur.chars().count().saturating_sub(tail.chars().count());
        if keep < 2 {
            return cur;
        }
        cur = cur.chars().take(keep).collect();
    }
}

/// Deadline wording standing where a unit or a clause would: "6月底完成", "年内持续推进", "2021年底前".
pub fn looks_like_deadline(s: &str) -> bool {
    let f: String = s.chars().map(fold_label_char).collect();
    if f.is_empty() || is_body(&f) {
        return false;
    }
    let dated = crate::parse::deadline::deadline_date(&f, 2000).is_some();
    let open_ended = ["持续推进", "长期坚持", "长期推进", "持续开展", "常态推进"]
        .iter()
        .any(|w| f.contains(w));
    (dated || open_ended) && f.chars().count() <= 20
}

/// Posts held by a person, not bodies: 分管副省长, 协管副秘书长, 各区区长, 相关管委会主任.
pub(super) fn is_person_post(name: &str) -> bool {
    [
        "省长",
        "市长",
        "县长",
        "区长",
        "秘书长",
        "主任",
        "书记",
        "同志",
    ]
    .iter()
    .any(|p| name.ends_with(p))
}

/// People named in a leaders field. Names printed with a padding space ("俞 悦") are one name.
pub(super) fn split_people(value: &str) -> Vec<String> {
    value
        .split(|c: char| is_list_sep(c))
        .flat_map(|piece| {
            let parts: Vec<&str> = piece.split(is_space).filter(|p| !p.is_empty()).collect();
            if parts.len() > 1 && parts.iter().all(|p| p.chars().count() <= 2) {
                vec![parts.concat()]
            } else {
                parts.into_iter().map(str::to_string).collect()
            }
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Drops the clauses of an annotation that are notes about the whole document ("以下任务均需各区落实，
/// 不再列出", "列第一位的为牵头单位，下同"): a note is not a list of units, and the conventions it states are
/// read from the whole text by [`super::states_first_leads`]. A note runs from its first clause to the end of
/// its sentence.
pub(super) fn strip_notes(content: &str) -> String {
    const LEADS: &[&str] = &[
        "以下",
        "具体任务",
        "各项任务",
        "列第一",
        "排在首位",
        "排名第一",
        "注:",
    ];
    let mut out = String::with_capacity(content.len());
    let mut in_note = false;
    let mut clause = String::new();
    let flush = |clause: &mut String, sep: Option<char>, in_note: &mut bool, out: &mut String| {
        let f: String = clause.chars().map(fold_label_char).collect();
        let f = f.trim_start_matches(|c: char| is_space(c));
        if !*in_note
            && (LEADS.iter().any(|l| f.starts_with(l)) || NOTE_MARKS.iter().any(|m| f.contains(m)))
        {
            *in_note = true;
        }
        if !*in_note {
            out.push_str(clause);
            if let Some(c) = sep {
                out.push(c);
            }
        }
        if matches!(sep, Some('。' | '；' | ';') | None) {
            *in_note = false;
        }
        clause.clear();
    };
    let mut depth = 0usize;
    for c in content.chars() {
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth = depth.saturating_sub(1);
        }
        if depth == 0 && matches!(c, '。' | '；' | ';' | '，' | ',') {
            flush(&mut clause, Some(c), &mut in_note, &mut out);
        } else {
            clause.push(c);
        }
    }
    flush(&mut clause, None, &mut in_note, &mut out);
    out
}
