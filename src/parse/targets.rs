//! Numeric targets inside a task: "开发100个以上新产品(兰州80、白银20)", "各类科技创新投入达到100亿元以上",
//! "增长6%左右", "不少于12个", "控制在5%以内". Only a number followed by a measure word is a target, which
//! keeps years (2020年), dates (6月底) and document numbers (〔2019〕16号) out without special cases.
//!
//! Two word orders occur. Verb first ("开发100个以上新产品"): the action is the verb before the number and the
//! indicator follows the bound. Indicator first ("投入达到100亿元以上"): the indicator is the clause before the
//! number, and a verb at its end (达到) or start (培育) is the action.

use super::text::{fold_label_char, is_close, is_list_sep, is_open, leading_number};
use crate::plan::{Bound, PlaceShare, Target};

/// Measure words, longest first so 个百分点 wins over 个 and 亿元 over 元.
const MEASURES: &[&str] = &[
    "个百分点",
    "万平方米",
    "万千瓦",
    "万人次",
    "平方米",
    "亿元",
    "万元",
    "万人",
    "人次",
    "万吨",
    "万户",
    "公里",
    "千瓦",
    "个",
    "项",
    "家",
    "件",
    "名",
    "人",
    "所",
    "座",
    "条",
    "套",
    "台",
    "批",
    "次",
    "元",
    "%",
    "亩",
    "吨",
    "户",
    "篇",
    "种",
    "场",
    "支",
    "倍",
];

/// Verbs that can be the action of a target. "V和V" combinations of these are recognised as one action.
const VERBS: &[&str] = &[
    "开发",
    "完成",
    "培育",
    "新增",
    "引进",
    "达到",
    "增长",
    "实现",
    "突破",
    "建设",
    "建成",
    "新建",
    "认定",
    "孵化",
    "转化",
    "培养",
    "打造",
    "组建",
    "争取",
    "举办",
    "推广",
    "引育",
    "控制在",
    "保持在",
    "提高到",
    "提升到",
    "提高",
    "提升",
    "下降",
    "降低",
    "减少",
    "创建",
    "申报",
    "落地",
    "签约",
    "实施",
    "开工",
    "吸引",
    "招引",
    "培训",
    "带动",
    "扶持",
    "支持",
    "改造",
    "设立",
    "达",
];

/// Bound words printed before the number.
const PRE_BOUNDS: &[(&str, Bound)] = &[
    ("不少于", Bound::AtLeast),
    ("不低于", Bound::AtLeast),
    ("超过", Bound::AtLeast),
    ("不超过", Bound::AtMost),
    ("不高于", Bound::AtMost),
];

/// Bound words printed after the measure.
const POST_BOUNDS: &[(&str, Bound)] = &[
    ("及以上", Bound::AtLeast),
    ("以上", Bound::AtLeast),
    ("左右", Bound::About),
    ("以内", Bound::AtMost),
    ("以下", Bound::AtMost),
];

/// Reads every target of a task, with ids `{task_id}.k1`, `.k2`… in order of appearance.
pub fn targets(task_id: &str, text: &str) -> Vec<Target> {
    let orig: Vec<char> = text.chars().collect();
    let chars: Vec<char> = orig.iter().map(|c| fold_label_char(*c)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut depth_title = 0i32;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '《' | '〔' => depth_title += 1,
            '》' | '〕' => depth_title -= 1,
            _ => {}
        }
        // "第3项" is an ordinal, not a quantity.
        let starts_number = c.is_ascii_digit()
            && (i == 0
                || !(chars[i - 1].is_ascii_alphanumeric()
                    || matches!(chars[i - 1], '.' | '-' | '第')));
        if depth_title > 0 || !starts_number {
            i += 1;
            continue;
        }
        match read_one(&chars, &orig, i, out.len() + 1, task_id) {
            Some((target, next)) => {
                out.push(target);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// Reads one target whose number starts at `at`; returns it and the index after its phrase. Matching runs on
/// the folded `chars`; the strings returned are cut from `orig` (same positions) so they quote the source.
fn read_one(
    chars: &[char],
    orig: &[char],
    at: usize,
    k: usize,
    task_id: &str,
) -> Option<(Target, usize)> {
    let rest: String = chars[at..chars.len().min(at + 24)].iter().collect();
    let (value, n_len) = leading_number(&rest)?;
    let mut p = at + n_len;
    let measure = MEASURES.iter().find(|m| starts_at(chars, p, m))?;
    p += measure.chars().count();
    let mut bound = Bound::Exactly;
    if let Some((w, b)) = POST_BOUNDS.iter().find(|(w, _)| starts_at(chars, p, w)) {
        bound = *b;
        p += w.chars().count();
    }
    let clause_start = (0..at)
        .rev()
        .find(|&j| is_clause_break(chars[j]))
        .map_or(0, |j| j + 1);
    let mut before_end = at;
    let folded_before: String = chars[clause_start..at].iter().collect();
    if let Some((w, b)) = PRE_BOUNDS.iter().find(|(w, _)| folded_before.ends_with(w)) {
        if bound == Bound::Exactly {
            bound = *b;
        }
        before_end -= w.chars().count();
    }
    let before: String = chars[clause_start..before_end].iter().collect();
    let cut = |from: usize, to: usize| -> String { orig[from..to].iter().collect() };
    let follows_indicator = chars.get(p).is_some_and(|c| is_word_char(*c));
    let (action_start, action_end, ind_start, ind_end) = if follows_indicator {
        let ind_end = (p..chars.len())
            .find(|&j| !is_word_char(chars[j]))
            .unwrap_or(chars.len());
        let action_len =
            verb_suffix(&before).map_or(before_end - clause_start, |v| v.chars().count());
        (before_end - action_len, before_end, p, ind_end)
    } else if let Some(v) = verb_suffix(&before) {
        let split = before_end - v.chars().count();
        (split, before_end, clause_start, split)
    } else if let Some(v) = verb_prefix(&before) {
        let split = clause_start + v.chars().count();
        (clause_start, split, split, before_end)
    } else {
        (clause_start, clause_start, clause_start, before_end)
    };
    if ind_start >= ind_end {
        return None;
    }
    let mut end = if follows_indicator { ind_end } else { p };
    let (split, split_end) = split_after(chars, end);
    if !split.is_empty() {
        end = split_end;
    }
    let source_start = if follows_indicator {
        action_start
    } else {
        clause_start
    };
    let (action, indicator, source) = (
        cut(action_start, action_end),
        cut(ind_start, ind_end),
        cut(source_start, end),
    );
    let target = Target {
        id: format!("{task_id}.k{k}"),
        indicator,
        action,
        value,
        measure: (*measure).to_string(),
        bound,
        split,
        source,
    };
    Some((target, end))
}

/// A split by place right after the phrase: "(兰州80、白银20)". Every item must read as place + number.
fn split_after(chars: &[char], at: usize) -> (Vec<PlaceShare>, usize) {
    if !chars.get(at).is_some_and(|c| is_open(*c)) {
        return (Vec::new(), at);
    }
    let Some(close) = (at + 1..chars.len()).find(|&j| is_close(chars[j])) else {
        return (Vec::new(), at);
    };
    let inner: String = chars[at + 1..close].iter().collect();
    let mut shares = Vec::new();
    for item in inner.split(is_list_sep) {
        let place: String = item.chars().take_while(|c| !c.is_ascii_digit()).collect();
        let num = &item[place.len()..];
        match leading_number(num) {
            Some((value, len)) if !place.is_empty() && len > 0 => shares.push(PlaceShare {
                place: place.trim().to_string(),
                value,
            }),
            _ => return (Vec::new(), at),
        }
    }
    (shares, close + 1)
}

/// The longest verb (or "V和V") ending `s`.
fn verb_suffix(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len())
        .map(|i| chars[i..].iter().collect::<String>())
        .find(|tail| is_verb_phrase(tail))
}

/// The longest verb (or "V和V") starting `s`, leaving a non-empty rest.
fn verb_prefix(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    (1..chars.len())
        .rev()
        .map(|i| chars[..i].iter().collect::<String>())
        .find(|head| is_verb_phrase(head))
}

fn is_verb_phrase(s: &str) -> bool {
    VERBS.contains(&s)
        || ['和', '及', '与', '、'].iter().any(|j| {
            s.split_once(*j)
                .is_some_and(|(a, b)| VERBS.contains(&a) && VERBS.contains(&b))
        })
}

fn starts_at(chars: &[char], at: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, w)| chars.get(at + k) == Some(&w))
}

/// Punctuation that ends the clause a target sits in.
fn is_clause_break(c: char) -> bool {
    matches!(c, '，' | ',' | '。' | '；' | ';' | '：' | ':' | '、' | '\n')
        || is_close(c)
        || is_open(c)
}

/// Characters of an indicator noun phrase: Chinese and Latin letters and digits, nothing that punctuates.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_open(c) && !is_close(c)
}

#[cfg(test)]
mod tests;
