use super::*;

fn roles(a: &Annotation) -> Vec<(Role, Vec<&str>)> {
    a.roles
        .iter()
        .map(|(r, u)| (*r, u.iter().map(String::as_str).collect()))
        .collect()
}

const NONE: Conventions = Conventions { first_leads: false };
const FIRST: Conventions = Conventions { first_leads: true };

#[test]
fn trailing_bracket_finds_the_last_balanced_group() {
    let line = "开发100个以上新产品(兰州80、白银20)。(牵头单位:兰州市;配合单位:省科技厅)";
    let (text, content) = trailing_bracket(line).expect("bracket");
    assert_eq!(text, "开发100个以上新产品(兰州80、白银20)。");
    assert_eq!(content, "牵头单位:兰州市;配合单位:省科技厅");
    assert_eq!(
        trailing_bracket("推进建设（牵头单位：省发改委）。 ").map(|x| x.1),
        Some("牵头单位：省发改委")
    );
    assert_eq!(trailing_bracket("没有括号。"), None);
    assert_eq!(trailing_bracket("不平衡)"), None);
}

#[test]
fn labelled_roles_in_source_order() {
    let a = read("牵头单位:甲厅;实施单位:兰州市、白银市,兰州自创区管委会;配合单位:自创区、试验区领导小组各成员单位", NONE)
        .expect("annotation");
    assert_eq!(
        roles(&a),
        [
            (Role::Lead, vec!["甲厅"]),
            (
                Role::Implementing,
                vec!["兰州市", "白银市", "兰州自创区管委会"]
            ),
            (Role::Cooperating, vec!["自创区、试验区领导小组各成员单位"]),
        ]
    );
    assert!(a.problems.is_empty());
}

#[test]
fn widths_scripts_and_people_and_deadline() {
    let a = read("牽頭單位：省發改委；配合單位：省財政廳，省科技廳；責任領導：張三、李四；完成時限：2020年6月底前", NONE)
        .expect("annotation");
    assert_eq!(
        roles(&a),
        [
            (Role::Lead, vec!["省發改委"]),
            (Role::Cooperating, vec!["省財政廳", "省科技廳"])
        ]
    );
    assert_eq!(a.leaders, ["張三", "李四"]);
    assert_eq!(a.deadline.as_deref(), Some("2020年6月底前"));
}

#[test]
fn responsible_follows_the_documents_convention() {
    let plain = read("责任单位：省发改委、省财政厅", NONE).expect("annotation");
    assert_eq!(
        roles(&plain),
        [(Role::Implementing, vec!["省发改委", "省财政厅"])]
    );
    let first = read("责任单位：省发改委、省财政厅、省科技厅", FIRST).expect("annotation");
    assert_eq!(
        roles(&first),
        [
            (Role::Lead, vec!["省发改委"]),
            (Role::Cooperating, vec!["省财政厅", "省科技厅"])
        ]
    );
}

#[test]
fn unlabelled_forms() {
    let a = read("省发改委牵头，省财政厅、省科技厅配合", NONE).expect("annotation");
    assert_eq!(
        roles(&a),
        [
            (Role::Lead, vec!["省发改委"]),
            (Role::Cooperating, vec!["省财政厅", "省科技厅"])
        ]
    );
    let b = read("省发改委、省商务厅分别牵头", NONE).expect("annotation");
    assert_eq!(roles(&b), [(Role::Lead, vec!["省发改委", "省商务厅"])]);
    let c = read("各市州按职责分工负责", NONE).expect("annotation");
    assert_eq!(roles(&c), [(Role::Implementing, vec!["各市州"])]);
    let d = read("省发改委，省财政厅，兰州新区", FIRST).expect("annotation");
    assert_eq!(
        roles(&d),
        [
            (Role::Lead, vec!["省发改委"]),
            (Role::Cooperating, vec!["省财政厅", "兰州新区"])
        ]
    );
}

#[test]
fn ordinary_brackets_are_not_annotations() {
    assert_eq!(read("兰州80、白银20", NONE), None);
    assert_eq!(read("2015-2020年", NONE), None);
    assert_eq!(read("以下简称“自创区”", NONE), None);
}

#[test]
fn label_lines() {
    let a = label_line("责任单位：省发改委、省财政厅", NONE).expect("label line");
    assert_eq!(
        roles(&a),
        [(Role::Implementing, vec!["省发改委", "省财政厅"])]
    );
    let b = label_line("【牵头单位】省科技厅【配合单位】省财政厅", NONE).expect("label line");
    assert_eq!(
        roles(&b),
        [
            (Role::Lead, vec!["省科技厅"]),
            (Role::Cooperating, vec!["省财政厅"])
        ]
    );
    assert_eq!(label_line("推进牵头单位改革", NONE), None);
}

#[test]
fn unlabelled_roles_before_a_labelled_deadline_are_kept() {
    let a = read("市住建局牵头，市财政局配合，完成时限：2021年6月底", NONE).expect("annotation");
    assert_eq!(
        roles(&a),
        vec![
            (Role::Lead, vec!["市住建局"]),
            (Role::Cooperating, vec!["市财政局"])
        ]
    );
    assert_eq!(a.deadline.as_deref(), Some("2021年6月底"));
    assert!(a.problems.is_empty(), "{:?}", a.problems);
    let b = read("不知所云的话，完成时限：年底前", NONE).expect("annotation");
    assert!(roles(&b).is_empty());
    assert_eq!(b.problems.len(), 1, "unreadable lead-in is still reported");
}

#[test]
fn an_unlabelled_deadline_after_the_last_unit_is_the_deadline() {
    let a = read("甲局牵头，乙局、丙局配合，9月底完成", NONE).expect("annotation");
    assert_eq!(a.deadline.as_deref(), Some("9月底完成"));
    assert_eq!(
        roles(&a),
        [
            (Role::Lead, vec!["甲局"]),
            (Role::Cooperating, vec!["乙局", "丙局"])
        ]
    );
    assert!(a.problems.is_empty(), "{:?}", a.problems);
    let b = read("牵头单位：甲局；责任单位：乙局、各区政府，6月底完成", NONE).expect("annotation");
    assert_eq!(b.deadline.as_deref(), Some("6月底完成"));
    assert_eq!(roles(&b)[1], (Role::Implementing, vec!["乙局", "各区政府"]));
    let c = read("各部门分别负责，年内持续推进", NONE).expect("annotation");
    assert_eq!(c.deadline.as_deref(), Some("年内持续推进"));
}

#[test]
fn responsible_units_have_no_lead_unless_the_document_says_who_leads() {
    let a = read("牵头单位：甲局；责任单位：乙局、丙局", NONE).expect("annotation");
    assert_eq!(
        roles(&a),
        [
            (Role::Lead, vec!["甲局"]),
            (Role::Implementing, vec!["乙局", "丙局"])
        ]
    );
    // With the rule and a lead already named, the 责任单位 are not split again.
    let b = read("牵头单位：甲局；责任单位：乙局、丙局", FIRST).expect("annotation");
    assert_eq!(roles(&b)[1], (Role::Implementing, vec!["乙局", "丙局"]));
    let c = read("甲局、乙局负责", NONE).expect("annotation");
    assert_eq!(roles(&c), [(Role::Implementing, vec!["甲局", "乙局"])]);
}

#[test]
fn role_words_are_not_part_of_names() {
    let a = read("甲局分别牵头落实，各相关部门分别负责", NONE).expect("annotation");
    assert_eq!(
        roles(&a),
        [
            (Role::Lead, vec!["甲局"]),
            (Role::Implementing, vec!["各相关部门"])
        ]
    );
    assert_eq!(strip_role_tail("乙局牵头"), "乙局");
    assert_eq!(strip_role_tail("各有关部门等"), "各有关部门");
}

#[test]
fn free_text_division_and_people_fields() {
    let a = read(
        "分管省领导：张某；部门分工：甲厅牵头，各市州、各有关部门配合。",
        NONE,
    )
    .expect("annotation");
    assert_eq!(a.leaders, ["张某"]);
    assert_eq!(
        roles(&a),
        [
            (Role::Lead, vec!["甲厅"]),
            (Role::Cooperating, vec!["各市州", "各有关部门"])
        ]
    );
    let b = label_line("牵头市领导：王某", NONE).expect("label line");
    assert_eq!(b.leaders, ["王某"]);
    assert!(b.roles.is_empty());
    // A post held by a person goes to the leaders even when listed with a verb.
    let c = read("分管副市长负责，甲局牵头", NONE).expect("annotation");
    assert_eq!(c.leaders, ["分管副市长"]);
    assert_eq!(roles(&c), [(Role::Lead, vec!["甲局"])]);
    let d = read("责任领导：俞 悦、陈某", NONE).expect("annotation");
    assert_eq!(d.leaders, ["俞悦", "陈某"]);
}

#[test]
fn a_document_note_inside_an_annotation_is_not_a_unit() {
    let a = read("甲局、乙局，列第一位的为牵头单位，下同", FIRST).expect("annotation");
    assert_eq!(
        roles(&a),
        [
            (Role::Lead, vec!["甲局"]),
            (Role::Cooperating, vec!["乙局"])
        ]
    );
    let b = read(
        "牵头单位：甲局；责任单位：各区政府。以下任务均需各区政府落实，不再一一列出",
        NONE,
    )
    .expect("annotation");
    assert_eq!(roles(&b)[1], (Role::Implementing, vec!["各区政府"]));
    assert!(b.problems.is_empty(), "{:?}", b.problems);
}
