//! A unit cut off by the end of a fragment (issue 14, class 9): copies of plans often end mid-list, and a
//! piece of a name ("市人", "区") must be reported, never kept as a unit.

use super::structure::Body;
use super::text::is_terminal;
use super::{Diagnostic, Line};

/// A fragment that ends in the middle of a unit list ("…、市人", "责任单位：区") leaves a piece of a name as
/// its last unit. When the text's last line gave the last task its last units and ends without closing
/// punctuation, a last unit that cannot be a whole name is reported instead of kept.
pub fn drop_cut_unit(body: &mut Body, lines: &[Line], diags: &mut Vec<Diagnostic>) {
    let Some(last) = lines.last() else { return };
    let complete = last
        .text
        .chars()
        .next_back()
        .is_some_and(|c| is_terminal(c) || super::text::is_close(c) || c == '。');
    let Some(t) = body.tasks.last_mut() else {
        return;
    };
    let Some((role, no)) = t.last_unit else {
        return;
    };
    if complete || no != last.no {
        return;
    }
    let Some((_, list)) = t.ann.roles.iter_mut().find(|(r, _)| *r == role) else {
        return;
    };
    let cut = list.last().is_some_and(|u| {
        u.chars().count() <= 2
            || !(super::units::is_body(u)
                || u.starts_with('各')
                || u.contains("单位")
                || u.contains("部门"))
    });
    if cut && let Some(u) = list.pop() {
        diags.push(Diagnostic::new(
            last,
            &format!("unit cut off by the end of the text, not kept: {u}"),
        ));
    }
}
