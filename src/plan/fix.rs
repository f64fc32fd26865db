//! Corrections a person makes to an imported plan before saving it: a unit moved to another role of a
//! task, or removed from it. The importer can be wrong about roles (a 责任单位 read as a lead, a phrase
//! read as a unit), and the person reading the preview knows better; the corrections are applied to the
//! plan that is saved, so the saved plan is the corrected one.

use super::model::{Plan, Role};

/// One correction: in task `task`, the unit printed as `name` gets role `to`, or is removed (`None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitFix {
    pub task: u32,
    pub name: String,
    pub to: Option<Role>,
}

/// Records a correction, replacing an earlier one for the same unit of the same task (the last choice
/// counts).
pub fn record(fixes: &mut Vec<UnitFix>, fix: UnitFix) {
    fixes.retain(|f| !(f.task == fix.task && f.name == fix.name));
    fixes.push(fix);
}

/// Applies the corrections in order. A correction naming a task or unit the plan does not have is
/// skipped (the text changed since it was made). A unit no task names any more leaves the unit list.
pub fn apply(plan: &mut Plan, fixes: &[UnitFix]) {
    for fix in fixes {
        let Some(task) = plan.tasks.iter_mut().find(|t| t.number == fix.task) else {
            continue;
        };
        let mut taken = None;
        for role in Role::ALL {
            let list = task.roles.get_mut(role);
            if let Some(k) = list.iter().position(|u| u.name == fix.name) {
                taken = Some(list.remove(k));
                break;
            }
        }
        if let (Some(unit), Some(role)) = (taken, fix.to) {
            task.roles.get_mut(role).push(unit);
        }
    }
    let named: std::collections::HashSet<String> = plan
        .tasks
        .iter()
        .flat_map(|t| t.roles.iter().map(|(_, u)| u.unit.clone()))
        .collect();
    plan.units.retain(|u| named.contains(&u.id));
}

/// The role a unit of a task has after the corrections, for showing the preview as it will be saved.
pub fn role_after(fixes: &[UnitFix], task: u32, name: &str, parsed: Role) -> Option<Role> {
    fixes
        .iter()
        .rev()
        .find(|f| f.task == task && f.name == name)
        .map_or(Some(parsed), |f| f.to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    fn names(plan: &Plan, task: u32, role: Role) -> Vec<String> {
        plan.tasks
            .iter()
            .find(|t| t.number == task)
            .map(|t| t.roles.get(role).iter().map(|u| u.name.clone()).collect())
            .unwrap_or_default()
    }

    fn sample() -> Plan {
        parse(
            "某市工作要点\n一、重点任务\n1.推进改革。(牵头单位:市发改委、市财政局;配合单位:各区政府)\n\
             2.优化服务。(牵头单位:市政务局;配合单位:市财政局)\n",
        )
        .plan
    }

    #[test]
    fn a_moved_unit_changes_role_in_its_task_only() {
        let mut plan = sample();
        let mut fixes = Vec::new();
        record(
            &mut fixes,
            UnitFix {
                task: 1,
                name: "市财政局".into(),
                to: Some(Role::Cooperating),
            },
        );
        apply(&mut plan, &fixes);
        assert_eq!(names(&plan, 1, Role::Lead), ["市发改委"]);
        assert_eq!(names(&plan, 1, Role::Cooperating), ["各区政府", "市财政局"]);
        assert_eq!(
            names(&plan, 2, Role::Cooperating),
            ["市财政局"],
            "task 2 untouched"
        );
    }

    #[test]
    fn a_removed_unit_leaves_the_unit_list_only_when_no_task_names_it() {
        let mut plan = sample();
        let before = plan.units.len();
        let fixes = vec![
            UnitFix {
                task: 1,
                name: "各区政府".into(),
                to: None,
            },
            UnitFix {
                task: 1,
                name: "市财政局".into(),
                to: None,
            },
        ];
        apply(&mut plan, &fixes);
        assert_eq!(names(&plan, 1, Role::Cooperating), Vec::<String>::new());
        assert_eq!(
            plan.units.len(),
            before - 1,
            "各区政府 gone, 市财政局 still in task 2"
        );
        assert!(plan.units.iter().any(|u| u.name == "市财政局"));
    }

    #[test]
    fn the_last_choice_counts_and_stale_fixes_are_skipped() {
        let mut plan = sample();
        let mut fixes = Vec::new();
        record(
            &mut fixes,
            UnitFix {
                task: 2,
                name: "市政务局".into(),
                to: None,
            },
        );
        record(
            &mut fixes,
            UnitFix {
                task: 2,
                name: "市政务局".into(),
                to: Some(Role::Implementing),
            },
        );
        record(
            &mut fixes,
            UnitFix {
                task: 9,
                name: "市政务局".into(),
                to: None,
            },
        );
        record(
            &mut fixes,
            UnitFix {
                task: 1,
                name: "不存在".into(),
                to: None,
            },
        );
        assert_eq!(fixes.len(), 3);
        assert_eq!(
            role_after(&fixes, 2, "市政务局", Role::Lead),
            Some(Role::Implementing)
        );
        assert_eq!(
            role_after(&fixes, 1, "市发改委", Role::Lead),
            Some(Role::Lead)
        );
        apply(&mut plan, &fixes);
        assert_eq!(names(&plan, 2, Role::Implementing), ["市政务局"]);
        assert_eq!(names(&plan, 2, Role::Lead), Vec::<String>::new());
        assert_eq!(plan.tasks.len(), 2);
    }
}
