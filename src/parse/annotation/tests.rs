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
