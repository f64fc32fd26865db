//! Which heading level numbers the tasks, and which headings above it are tasks themselves.

use super::Line;
use super::annotation::{self, Conventions};
use super::heading::{Level, heading};

/// Headings above the task level that are tasks themselves: a part whose items carry their own annotation
/// and have no numbered items below them ("一、主要目标" / "(一)生产总值增长11%左右。(省发改委负责)" beside
/// "二、…" / "(一)…" / "1.…(…牵头)"), so plans whose parts nest to different depths lose no task.
pub fn annotated_leaves(
    lines: &[Line],
    conv: Conventions,
    head_at: &dyn Fn(usize) -> Option<super::heading::Heading>,
    task_level: Option<Level>,
) -> Vec<bool> {
    let levels: Vec<Option<Level>> = (0..lines.len())
        .map(|k| head_at(k).map(|h| h.level))
        .collect();
    let mut out = vec![false; lines.len()];
    let Some(task_level) = task_level else {
        return out;
    };
    for k in 0..lines.len() {
        let Some(level) = levels[k].filter(|l| *l < task_level) else {
            continue;
        };
        let next = levels[k + 1..].iter().flatten().next();
        let leaf = next.is_none_or(|n| *n <= level);
        out[k] = leaf
            && head_at(k).is_some_and(|h| {
                annotation::trailing_bracket(&h.rest).is_some()
                    && super::inline::has_annotation(&h.rest, conv)
            });
    }
    out
}

/// The heading level that numbers tasks: the shallowest Arabic level with annotations, else the shallowest
/// Arabic level, else the deepest Chinese level with annotations, else none (a text of sections only).
pub fn task_level(
    lines: &[Line],
    conv: Conventions,
    head_at: &dyn Fn(usize) -> Option<super::heading::Heading>,
) -> Option<Level> {
    let mut present: Vec<(Level, bool)> = Vec::new();
    for (k, _) in lines.iter().enumerate() {
        let Some(h) = head_at(k) else {
            continue;
        };
        let own = super::inline::has_annotation(&h.rest, conv);
        let next = lines.get(k + 1).is_some_and(|n| {
            annotation::label_line(&n.text, conv).is_some()
                || (heading(&n.text).is_none() && super::inline::has_annotation(&n.text, conv))
        });
        match present.iter_mut().find(|(l, _)| *l == h.level) {
            Some((_, a)) => *a |= own || next,
            None => present.push((h.level, own || next)),
        }
    }
    crate::sort::sort(&mut present);
    let arabic = |annotated: bool| {
        present
            .iter()
            .find(|(l, a)| l.is_arabic() && (*a || !annotated))
            .map(|p| p.0)
    };
    arabic(true)
        .or_else(|| arabic(false))
        .or_else(|| present.iter().rev().find(|(_, a)| *a).map(|p| p.0))
}
