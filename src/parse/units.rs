//! Unit lists such as "兰州市、白银市,兰州自创区管委会". The list separators 、 , ; also occur inside
//! collective names ("自创区、试验区领导小组各成员单位" is the member units of both leading groups), so the
//! split is followed by a join rule on the grammar of the fragments rather than on any literal name.

use super::text::{is_close, is_list_sep, is_open, is_space, trim};

/// Endings that make a fragment a collective of bodies ("the member units of …"): a short modifier
/// printed before such a fragment belongs to it.
const COLLECTIVE_SUFFIXES: &[&str] = &[
    "成员单位",
    "各单位",
    "有关单位",
    "相关单位",
    "各部门",
    "有关部门",
    "相关部门",
    "成员部门",
];

/// Endings that make a fragment a body in its own right (a government, a department, a company).
/// 区 is deliberately absent: "自创区" names a zone, which only becomes a body with 管委会 or as a
/// modifier of a collective; bare zone names are still accepted as units when they stand alone.
const BODY_SUFFIXES: &[&str] = &[
    "厅", "局", "委", "办", "部", "会", "室", "院", "司", "中心", "政府", "集团", "行", "校", "所",
    "站", "处", "组", "队", "社", "馆", "台", "署", "市", "县", "州", "省", "盟", "旗", "团", "联",
    "协", "股",
];

/// The longest modifier (in chars) that [`split_units`] joins to a following collective.
const MAX_MODIFIER_CHARS: usize = 6;

/// Splits a role's value into unit names as written. Empty fragments are dropped; a trailing 等 ("and
/// others") is not part of the last name.
pub fn split_units(value: &str) -> Vec<String> {
    let mut frags: Vec<(String, char)> = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    for c in value.chars() {
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth = depth.saturating_sub(1);
        }
        // "各县（市、区）人民政府" is one unit: separators inside brackets belong to the name.
        if depth == 0 && (is_list_sep(c) || is_space(c)) {
            push_frag(&mut frags, &mut cur, c);
        } else {
            cur.push(c);
        }
    }
    push_frag(&mut frags, &mut cur, ' ');
    let frags = join_levels(split_he(split_ji(frags)));
    // Join modifiers right to left: in "A、B、C领导小组各成员单位" both A and B belong to the collective.
    let mut out: Vec<String> = Vec::new();
    let mut pending_collective: Option<String> = None;
    for (frag, sep) in frags.into_iter().rev() {
        match pending_collective.take() {
            Some(coll) if sep == '、' && is_modifier(&frag) => {
                pending_collective = Some(format!("{frag}{sep}{coll}"));
            }
            Some(coll) => {
                out.push(coll);
                start(&mut out, &mut pending_collective, frag);
            }
            None => start(&mut out, &mut pending_collective, frag),
        }
    }
    if let Some(coll) = pending_collective {
        out.push(coll);
    }
    out.reverse();
    out.into_iter()
        .map(strip_etc)
        .filter(|s| !s.is_empty())
        .collect()
}

/// "市级各有关部门及各县市区政府" is two units: 及 ("and") between a body and a body or a collective.
fn split_ji(frags: Vec<(String, char)>) -> Vec<(String, char)> {
    split_on(frags, '及', |frag, i, c| {
        let a = super::text::fold(&frag[..i]);
        let b = super::text::fold(&frag[i + c.len_utf8()..]);
        let (a, b) = (a.as_str(), b.as_str());
        a.chars().count() >= 2
            && b.chars().count() >= 2
            && (is_body(a) || is_collective(a) || a.ends_with("部门"))
            && (b.starts_with('各') || is_body(b) || is_collective(b))
    })
}

/// "省直有关部门和各市人民政府" is two units: 和 between a body and a body or collective that starts with
/// its level (各, 省, 市…). Stricter than 及, because 和 is inside many names (市住房和城乡建设局,
/// 人力资源和社会保障局): there the part before 和 never ends like a body.
fn split_he(frags: Vec<(String, char)>) -> Vec<(String, char)> {
    split_on(frags, '和', |frag, i, c| {
        let a = super::text::fold(&frag[..i]);
        let b = super::text::fold(&frag[i + c.len_utf8()..]);
        let (a, b) = (a.as_str(), b.as_str());
        let bodyish = |s: &str| is_body(s) || is_collective(s) || s.ends_with("部门");
        a.chars().count() >= 2
            && b.chars().count() >= 3
            && bodyish(a)
            && b.starts_with(['各', '省', '市', '区', '县', '州', '镇', '乡'])
            && bodyish(b)
    })
}

/// Cuts each fragment in two at the first `joiner` where `splits(fragment, index, joiner)` holds; the part
/// before it takes 、 as its separator, the part after keeps the fragment's own.
fn split_on(
    frags: Vec<(String, char)>,
    joiner: char,
    splits: impl Fn(&str, usize, char) -> bool,
) -> Vec<(String, char)> {
    let mut out = Vec::with_capacity(frags.len());
    for (frag, sep) in frags {
        let cut = frag
            .char_indices()
            .find(|&(i, c)| c == joiner && splits(&frag, i, c));
        match cut {
            Some((i, c)) => {
                out.push((frag[..i].to_string(), '、'));
                out.push((frag[i + c.len_utf8()..].to_string(), sep));
            }
            None => out.push((frag, sep)),
        }
    }
    out
}

/// "各区、县级市" and "各州、市人民政府" are one collective (the bodies of both levels), and so is
/// "市直有关部门、单位": a fragment that names only an administrative level (or only 单位 / 部门) after
/// a 、 belongs to the collective before it.
fn join_levels(frags: Vec<(String, char)>) -> Vec<(String, char)> {
    let mut out: Vec<(String, char)> = Vec::with_capacity(frags.len());
    for (frag, sep) in frags {
        if let Some((prev, prev_sep)) = out.last_mut()
            && *prev_sep == '、'
            && ((prev.starts_with('各') && is_bare_level(&frag))
                || (matches!(frag.as_str(), "单位" | "部门")
                    && (prev.ends_with("部门") || prev.ends_with("单位"))))
        {
            prev.push('、');
            prev.push_str(&frag);
            *prev_sep = sep;
            continue;
        }
        out.push((frag, sep));
    }
    out
}

/// A level word with no proper name: 县级市, 市人民政府, 区人民政府(管委会).
fn is_bare_level(frag: &str) -> bool {
    let mut core = frag;
    if let Some(o) = core.find(|c: char| is_open(c))
        && core.ends_with(|c: char| is_close(c))
    {
        core = &core[..o];
    }
    let core = core
        .strip_suffix("人民政府")
        .or_else(|| core.strip_suffix("政府"))
        .unwrap_or(core);
    matches!(
        core,
        "县级市" | "市" | "区" | "县" | "州" | "旗" | "盟" | "乡" | "镇" | "乡镇" | "街道"
    )
}

fn start(out: &mut Vec<String>, pending: &mut Option<String>, frag: String) {
    if is_collective(&frag) {
        *pending = Some(frag);
    } else {
        out.push(frag);
    }
}

/// Records the fragment with the separator that followed it (needed to rebuild a joined name exactly).
fn push_frag(frags: &mut Vec<(String, char)>, cur: &mut String, sep: char) {
    let t = trim(cur).to_string();
    cur.clear();
    if !t.is_empty() {
        frags.push((t, sep));
    } else if let Some(last) = frags.last_mut() {
        // Keep the stronger separator when a space sits next to a comma.
        if last.1 == ' ' || is_space(last.1) {
            last.1 = sep;
        }
    }
}

fn is_collective(frag: &str) -> bool {
    COLLECTIVE_SUFFIXES
        .iter()
        .any(|s| frag.ends_with(s) && frag.chars().count() > s.chars().count())
}

/// A short fragment that does not name a body by itself, e.g. "自创区".
/// "各街道" is already a set of bodies, so it is never a modifier of the collective after it.
fn is_modifier(frag: &str) -> bool {
    frag.chars().count() <= MAX_MODIFIER_CHARS
        && !is_body(frag)
        && !is_collective(frag)
        && !frag.starts_with('各')
}

/// Whether the fragment ends like the name of a body (department, government, company...).
pub fn is_body(frag: &str) -> bool {
    BODY_SUFFIXES.iter().any(|s| frag.ends_with(s))
}

/// Removes a trailing 等 ("and others") and the collective after it (等单位, 等有关部门, 等省直有关部门),
/// which qualify the list, not the unit: "区司法局等有关部门" names 区司法局.
fn strip_etc(name: String) -> String {
    if let Some(i) = name.rfind('等') {
        let (stem, tail) = (&name[..i], &name[i + '等'.len_utf8()..]);
        let collective = tail.is_empty()
            || (tail.chars().count() <= 8
                && ["部门", "单位", "机构"].iter().any(|e| tail.ends_with(e)));
        if collective && stem.chars().count() >= 2 {
            return stem.to_string();
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_lists_split_on_every_separator() {
        assert_eq!(
            split_units("兰州市、白银市,兰州自创区管委会，白银自创区管委会;省科技厅"),
            [
                "兰州市",
                "白银市",
                "兰州自创区管委会",
                "白银自创区管委会",
                "省科技厅"
            ]
        );
    }

    #[test]
    fn modifiers_of_a_collective_stay_in_it() {
        assert_eq!(
            split_units("自创区、试验区领导小组各成员单位"),
            ["自创区、试验区领导小组各成员单位"]
        );
        assert_eq!(
            split_units("自创区、试验区领导小组相关成员单位"),
            ["自创区、试验区领导小组相关成员单位"]
        );
        assert_eq!(
            split_units("自创区领导小组各成员单位"),
            ["自创区领导小组各成员单位"]
        );
        assert_eq!(
            split_units("甲区、乙区、丙区领导小组有关单位"),
            ["甲区、乙区、丙区领导小组有关单位"]
        );
    }

    #[test]
    fn bodies_before_a_collective_stay_apart() {
        assert_eq!(
            split_units("省科技厅、自创区领导小组各成员单位"),
            ["省科技厅", "自创区领导小组各成员单位"]
        );
        assert_eq!(
            split_units("兰州新区管委会,自创区各成员单位"),
            ["兰州新区管委会", "自创区各成员单位"]
        );
    }

    #[test]
    fn separators_inside_brackets_belong_to_the_name() {
        assert_eq!(
            split_units("市大数据中心、各县（市、区）人民政府"),
            ["市大数据中心", "各县（市、区）人民政府"]
        );
    }

    #[test]
    fn a_bare_level_after_a_collective_belongs_to_it() {
        assert_eq!(split_units("甲局,各区、县级市"), ["甲局", "各区、县级市"]);
        assert_eq!(split_units("各州、市人民政府"), ["各州、市人民政府"]);
        assert_eq!(
            split_units("各县、区人民政府(管委会)"),
            ["各县、区人民政府(管委会)"]
        );
        assert_eq!(
            split_units("市直有关部门、单位,各区政府"),
            ["市直有关部门、单位", "各区政府"]
        );
        assert_eq!(split_units("各街道、区直各部门"), ["各街道", "区直各部门"]);
        assert_eq!(
            split_units("甲局、乙办及各区县政府"),
            ["甲局", "乙办", "各区县政府"]
        );
        assert_eq!(split_units("市級各有關部門及各縣市區政府").len(), 2);
        // Two named places are two units.
        assert_eq!(split_units("甲市、乙县"), ["甲市", "乙县"]);
    }

    #[test]
    fn etc_and_spaces() {
        assert_eq!(
            split_units(" 省发改委  省财政厅等 "),
            ["省发改委", "省财政厅"]
        );
        assert_eq!(split_units("、、"), Vec::<String>::new());
    }
}
