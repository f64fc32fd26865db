//! Curated facts about the shipped plan, declared apart from the parser so that everything else in
//! `public/plan.json` can be checked against the source text. Each entry says why it holds.

use super::ids::unit_id;
use super::model::Plan;

/// Same body, two spellings: (canonical name, other spelling, why).
pub const ALIASES: &[(&str, &str, &str)] = &[
    (
        "丝绸之路国际知识产权港有限责任公司",
        "丝绸之路国际知识产权港公司",
        "task 5 gives the company's full legal form, task 10 the short form of the same company",
    ),
    (
        "兰州新区管委会",
        "兰州新区",
        "tasks 6, 7, 9, 10 name the zone where task 5 names its management committee, the body that acts for it",
    ),
    (
        "兰州经开区管委会",
        "兰州经开区",
        "tasks 6, 7, 9, 10 name the zone where task 5 names its management committee, the body that acts for it",
    ),
];

/// The shipped plan's id and the title it belongs to: ids namespace stored edits, so this one is fixed.
pub const PLAN_ID: (&str, &str) = ("甘肃省出台2020年双区建设工作要点", "gansu-2020-shuangqu");

/// The shipped plan's coordinating office (汇总单位), and why: the plan names it lead of the two
/// coordination tasks (1 and 2), and it is the office the zones' units report to.
pub const COORDINATOR: (&str, &str) = (
    "兰白国家自主创新示范区办公室",
    "lead of tasks 1 and 2 (overall coordination); the office the zones' units report to",
);

/// Applies the curation: merges aliased units into one record (the canonical one, listing the other
/// spellings) and points every reference at the canonical id while keeping each task's own spelling.
/// Units absent from the plan are left alone, so this is safe on any plan.
pub fn apply_curation(mut plan: Plan) -> Plan {
    if plan.meta.title == PLAN_ID.0 {
        plan.id = PLAN_ID.1.to_string();
        if plan.units.iter().any(|u| u.id == unit_id(COORDINATOR.0)) {
            plan.meta.coordinator = Some(unit_id(COORDINATOR.0));
        }
    }
    for (canonical, alias, _) in ALIASES {
        let (canon_id, alias_id) = (unit_id(canonical), unit_id(alias));
        let has = |id: &str| plan.units.iter().any(|u| u.id == id);
        if !has(&canon_id) || !has(&alias_id) {
            continue;
        }
        for task in &mut plan.tasks {
            for role in super::Role::ALL {
                for r in task.roles.get_mut(role) {
                    if r.unit == alias_id {
                        r.unit = canon_id.clone();
                    }
                }
            }
        }
        plan.units.retain(|u| u.id != alias_id);
        if let Some(u) = plan.units.iter_mut().find(|u| u.id == canon_id)
            && !u.aliases.iter().any(|a| a == alias)
        {
            u.aliases.push((*alias).to_string());
        }
    }
    plan
}
