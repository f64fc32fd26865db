//! The plan as plain data. These types are the JSON schema of `public/plan.json` and the output of the text
//! importer, so they carry only what the source says plus a few curated facts (aliases) declared apart.

use serde::{Deserialize, Serialize};

/// A work plan: metadata, its preamble sections, task groups, tasks, units and cited documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Stable id of the plan (used to namespace stored edits), e.g. `gansu-2020-shuangqu`.
    pub id: String,
    pub meta: PlanMeta,
    /// The article's lead paragraph(s) before the first numbered section.
    #[serde(default)]
    pub intro: String,
    /// Numbered preamble sections such as 一、指导思想 and 二、主要目标.
    #[serde(default)]
    pub sections: Vec<Section>,
    pub groups: Vec<Group>,
    pub tasks: Vec<Task>,
    pub units: Vec<Unit>,
    #[serde(default)]
    pub references: Vec<Reference>,
}

/// Where the text comes from and how complete it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanMeta {
    /// The title shown in the app.
    pub title: String,
    /// The title as printed (原标题) when it differs.
    #[serde(default)]
    pub original_title: Option<String>,
    /// The publishing site, e.g. 中国甘肃网.
    #[serde(default)]
    pub publisher: Option<String>,
    /// The newspaper the article reports from, e.g. 兰州日报.
    #[serde(default)]
    pub newspaper: Option<String>,
    #[serde(default)]
    pub reporter: Option<String>,
    /// Publication date, ISO `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    /// The year the plan is for; drives the time-elapsed check.
    pub year: i32,
    /// Set when the text is one part of a serialised printing.
    #[serde(default)]
    pub installment: Option<Installment>,
    /// The unit id of the coordinating office the units report to (汇总单位): it may correct any unit's
    /// report and sets deadlines and the reporting cycle. `None` when the plan does not say (an imported
    /// plan): then nobody corrects others, and anyone sets the plan-wide things.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinator: Option<String>,
}

/// "This text is part `number` of `of`": the app must not pretend the plan ends where the text does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Installment {
    pub number: u32,
    pub of: u32,
    /// The last task number the text contains (tasks after it were printed elsewhere).
    pub last_task: u32,
}

/// A preamble section such as 一、指导思想.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The Chinese numeral as printed: 一, 二 ...
    pub numeral: String,
    pub title: String,
    pub text: String,
}

/// A task group such as (一)加强顶层设计….
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// 1-based position; `#/group/{number}`.
    pub number: u32,
    /// The numeral as printed: 一, 二, 三.
    pub numeral: String,
    pub title: String,
}

/// One numbered task with its responsible units and targets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// The task number as printed; numbering continues across groups. `#/task/{number}`.
    pub number: u32,
    /// The group the task sits in (its `Group::number`).
    pub group: u32,
    /// The task text without its bracketed responsibility annotation.
    pub text: String,
    pub roles: Roles,
    /// A deadline as written (完成时限), when the source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    /// People named as responsible (责任领导 / 牵头领导), as written. Kept apart from the roles because they
    /// are officials, not bodies: counting them as units would put people in the responsibility matrix.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leaders: Vec<String>,
}

impl Task {
    /// Stable id used by edits: `t6`.
    pub fn id(&self) -> String {
        format!("t{}", self.number)
    }
}

/// Units named in each role, in the order the source lists them (the first one leads the reporting).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Roles {
    #[serde(default)]
    pub lead: Vec<UnitRef>,
    #[serde(default)]
    pub implementing: Vec<UnitRef>,
    #[serde(default)]
    pub cooperating: Vec<UnitRef>,
}

impl Roles {
    pub fn get(&self, role: Role) -> &[UnitRef] {
        match role {
            Role::Lead => &self.lead,
            Role::Implementing => &self.implementing,
            Role::Cooperating => &self.cooperating,
        }
    }

    pub fn get_mut(&mut self, role: Role) -> &mut Vec<UnitRef> {
        match role {
            Role::Lead => &mut self.lead,
            Role::Implementing => &mut self.implementing,
            Role::Cooperating => &mut self.cooperating,
        }
    }

    /// Every (role, unit) pair in display order.
    pub fn iter(&self) -> impl Iterator<Item = (Role, &UnitRef)> {
        Role::ALL
            .into_iter()
            .flat_map(move |role| self.get(role).iter().map(move |u| (role, u)))
    }
}

/// A unit as one task names it: the canonical unit id plus the spelling this task uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRef {
    pub unit: String,
    /// The name exactly as written in this task's annotation.
    pub name: String,
}

/// The three roles of a 任务分工 annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 牵头单位
    Lead,
    /// 实施单位
    Implementing,
    /// 配合单位
    Cooperating,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Lead, Role::Implementing, Role::Cooperating];

    /// The label the source uses, e.g. 牵头单位.
    pub fn label_zh(self) -> &'static str {
        match self {
            Role::Lead => "牵头单位",
            Role::Implementing => "实施单位",
            Role::Cooperating => "配合单位",
        }
    }

    /// One-character cell mark of the responsibility matrix: 牵 / 实 / 配.
    pub fn mark(self) -> &'static str {
        match self {
            Role::Lead => "牵",
            Role::Implementing => "实",
            Role::Cooperating => "配",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Implementing => "implementing",
            Role::Cooperating => "cooperating",
        }
    }

    pub fn from_slug(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.slug() == s)
    }
}

/// A responsible body. `id` is derived from the normalised name so it stays stable across data releases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub id: String,
    pub name: String,
    /// Other spellings of the same body found in the source (curated, declared in `plan/curation.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// A deadline: a date when one can be read, and always the words as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// ISO date (`YYYY-MM-DD`) when the wording names one (6月底前 → 2020-06-30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub text: String,
}

/// A numeric target such as 开发100个以上新产品(兰州80、白银20).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// Stable id: `t6.k1` (task id, then k and the target's position in the task).
    pub id: String,
    /// What is counted, e.g. 新产品.
    pub indicator: String,
    /// The verb phrase before the number when there is one, e.g. 开发.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub action: String,
    pub value: f64,
    /// Measure word or unit: 个, 项, 家, 亿元, %.
    pub measure: String,
    pub bound: Bound,
    /// Split by place in source order, e.g. 兰州 80, 白银 20.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub split: Vec<PlaceShare>,
    /// The phrase of the source the target was read from.
    pub source: String,
}

impl Target {
    /// A level to compare, not a quantity to add up: a rate, growth or share (%, 百分点, ‰) or a cap (以内).
    /// Reported values are levels (兰州 6.5 % and 白银 8 % do not make 14.5 %), and attainment is met / not met.
    pub fn is_level(&self) -> bool {
        let m = self.measure.trim();
        m.contains('%')
            || m.contains('％')
            || m.contains('‰')
            || m.contains("百分点")
            || self.bound == Bound::AtMost
    }

    /// Whether a level `value` meets the target: at most the bound for 以内, within 5 % of it for 左右, at
    /// least it otherwise.
    pub fn level_met(&self, value: f64) -> bool {
        match self.bound {
            Bound::AtMost => value <= self.value,
            Bound::About => value >= self.value * 0.95,
            Bound::AtLeast | Bound::Exactly => value >= self.value,
        }
    }
}

/// How the target number binds: 以上 / 不少于 = at least, 左右 = about, 以内 = at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    AtLeast,
    About,
    AtMost,
    Exactly,
}

impl Bound {
    pub fn label_zh(self) -> &'static str {
        match self {
            Bound::AtLeast => "以上",
            Bound::About => "左右",
            Bound::AtMost => "以内",
            Bound::Exactly => "",
        }
    }
}

/// One place's share of a split target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceShare {
    pub place: String,
    pub value: f64,
}

/// A document the plan cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// The title inside 《》.
    pub title: String,
    /// The document number such as 国函〔2018〕14号, when printed with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Where it is cited: `intro`, `section-2`, `t3`…
    #[serde(default)]
    pub cited_in: Vec<String>,
}
