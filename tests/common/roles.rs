//! The units a parsed plan gives one task in one role, by printed name: what the parse tests compare.
#![allow(dead_code)]

use lanbai_planner::plan::{Plan, Role};

pub fn units(p: &Plan, n: u32, role: Role) -> Vec<&str> {
    p.tasks
        .iter()
        .find(|t| t.number == n)
        .map(|t| t.roles.get(role).iter().map(|u| u.name.as_str()).collect())
        .unwrap_or_default()
}
