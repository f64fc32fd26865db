//! The words of responsibility annotations: labels ("牵头单位："), role verbs ("…牵头", "…按职责分工负责")
//! and document notes ("以下任务…不再列出"). Kept apart from the reading logic so the vocabulary can grow
//! without touching it. All entries are in the folded (Simplified, half-width) spelling.

use super::Field;
use crate::plan::Role;

/// Labels; longer labels first so 牵头单位 wins over 牵头, and 主要责任单位 over 责任单位.
pub const LABELS: &[(&str, Field)] = &[
    // 协同责任单位 names the units working alongside the lead: cooperating, not 责任单位.
    ("协同责任单位", Field::Role(Role::Cooperating)),
    ("牵头负责领导", Field::Leaders),
    ("牵头负责部门", Field::Role(Role::Lead)),
    ("牵头责任单位", Field::Role(Role::Lead)),
    ("牵头单位", Field::Role(Role::Lead)),
    ("牵头部门", Field::Role(Role::Lead)),
    ("主责单位", Field::Role(Role::Lead)),
    ("实施单位", Field::Role(Role::Implementing)),
    ("实施部门", Field::Role(Role::Implementing)),
    ("配合单位", Field::Role(Role::Cooperating)),
    ("配合部门", Field::Role(Role::Cooperating)),
    ("协同单位", Field::Role(Role::Cooperating)),
    ("协办单位", Field::Role(Role::Cooperating)),
    ("主办单位", Field::Responsible),
    ("参与单位", Field::Role(Role::Cooperating)),
    ("主要责任单位", Field::Responsible),
    ("责任单位", Field::Responsible),
    ("责任部门", Field::Responsible),
    // Free text in the unlabelled form ("省商务厅牵头，各市州配合").
    ("部门分工", Field::Free),
    ("责任分工", Field::Free),
    // People. A person's name never goes to the units.
    ("分管省领导", Field::Leaders),
    ("分管市领导", Field::Leaders),
    ("分管县领导", Field::Leaders),
    ("分管区领导", Field::Leaders),
    ("牵头省领导", Field::Leaders),
    ("牵头市领导", Field::Leaders),
    ("牵头县领导", Field::Leaders),
    ("牵头区领导", Field::Leaders),
    ("责任领导", Field::Leaders),
    ("牵头领导", Field::Leaders),
    ("分管领导", Field::Leaders),
    ("包抓领导", Field::Leaders),
    ("项目责任人", Field::Leaders),
    ("责任人", Field::Leaders),
    ("完成时限", Field::Deadline),
    ("时限要求", Field::Deadline),
    ("完成时间", Field::Deadline),
    ("时间节点", Field::Deadline),
    // Progress reports ("实际完成情况：…") are not part of the annotation: read as a field and dropped.
    ("实际完成情况", Field::Ignored),
    ("进展情况", Field::Ignored),
];

/// Verb endings of the unlabelled form and the role they give; longer first.
pub const VERBS: &[(&str, Field)] = &[
    ("按职责分工负责落实", Field::Responsible),
    ("按职责分工负责", Field::Responsible),
    ("按职责负责", Field::Responsible),
    ("分工负责", Field::Responsible),
    ("分别牵头负责落实", Field::Role(Role::Lead)),
    ("分别牵头负责", Field::Role(Role::Lead)),
    ("分别牵头落实", Field::Role(Role::Lead)),
    ("牵头负责落实", Field::Role(Role::Lead)),
    ("牵头负责", Field::Role(Role::Lead)),
    ("牵头落实", Field::Role(Role::Lead)),
    ("牵头督导", Field::Role(Role::Lead)),
    ("牵头抓总", Field::Role(Role::Lead)),
    ("分别牵头", Field::Role(Role::Lead)),
    ("共同牵头", Field::Role(Role::Lead)),
    ("牵头", Field::Role(Role::Lead)),
    ("分别负责落实", Field::Responsible),
    ("负责落实", Field::Responsible),
    ("分别负责", Field::Responsible),
    ("负责", Field::Responsible),
    // 主办 / 协办: the unit that does the work (responsible, not said to lead) and those that assist.
    ("主办", Field::Responsible),
    ("协办", Field::Role(Role::Cooperating)),
    ("积极配合", Field::Role(Role::Cooperating)),
    ("协助", Field::Role(Role::Cooperating)),
    ("配合", Field::Role(Role::Cooperating)),
    ("参与", Field::Role(Role::Cooperating)),
    ("组织实施", Field::Role(Role::Implementing)),
    ("实施", Field::Role(Role::Implementing)),
];

/// Words a clause of an annotation uses when it is a note about the whole document rather than a list of
/// units: "以下任务均需各区落实，不再一一列出", "…不再做分工，下同", "列第一位的为牵头单位".
pub const NOTE_MARKS: &[&str] = &[
    "不再列出",
    "不再一一列出",
    "不再做分工",
    "不再分工",
    "下同",
    "以下各项",
    "以下任务",
    "第一位",
    "首位",
];

/// Role words that may be left at the end of a name by a loose layout ("市水务局分别牵头"). No unit name
/// ends in one of them; longer first.
pub const ROLE_TAILS: &[&str] = &[
    "按职责分工负责",
    "分别牵头负责",
    "牵头负责",
    "分别负责",
    "分别牵头",
    "牵头",
    "负责",
    "配合",
    "分别",
    "落实",
    "等",
];
