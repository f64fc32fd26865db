//! How each imported unit's role was decided (issue 15 item 13): written from the rule — a label, a verb,
//! the document's first-listed-leads rule, a heading naming the owner, or nothing (a guess) — one case per
//! way, and the wire carries the bases to the page.

use lanbai_planner::parse::basis::{Basis, guesses};
use lanbai_planner::parse::{Parsed, parse, wire};
use lanbai_planner::plan::Role;

/// The (role, name, basis) of task `n`'s units as the parse reports them.
fn bases(p: &Parsed, n: u32) -> Vec<(Role, String, Basis)> {
    p.bases
        .iter()
        .find(|t| t.task == n)
        .map(|t| {
            t.units
                .iter()
                .map(|u| (u.role, u.name.clone(), u.basis))
                .collect()
        })
        .unwrap_or_default()
}

fn unit(role: Role, name: &str, basis: Basis) -> (Role, String, Basis) {
    (role, name.to_string(), basis)
}

#[test]
fn labels_verbs_and_bare_lists_are_told_apart() {
    let p = parse(
        "某市2021年工作要点\n一、重点任务\n\
         1.推进改革。(牵头单位:市发改委;配合单位:市财政局)\n\
         2.优化服务。(市政务局牵头,各区政府配合)\n\
         3.加强监管。(市市场监管局、市商务局)\n\
         4.完善制度。\n责任单位：市司法局、市人社局\n",
    );
    assert_eq!(
        bases(&p, 1),
        [
            unit(Role::Lead, "市发改委", Basis::Label),
            unit(Role::Cooperating, "市财政局", Basis::Label)
        ]
    );
    assert_eq!(
        bases(&p, 2),
        [
            unit(Role::Lead, "市政务局", Basis::Verb),
            unit(Role::Cooperating, "各区政府", Basis::Verb)
        ]
    );
    assert_eq!(
        bases(&p, 3),
        [
            unit(Role::Implementing, "市市场监管局", Basis::Guess),
            unit(Role::Implementing, "市商务局", Basis::Guess)
        ],
        "a bare list says nothing of roles"
    );
    assert_eq!(
        bases(&p, 4),
        [
            unit(Role::Implementing, "市司法局", Basis::Label),
            unit(Role::Implementing, "市人社局", Basis::Label)
        ],
        "责任单位 is a label: responsible units, lead not stated, nothing guessed"
    );
    assert_eq!(guesses(&p.bases), 2);
}

#[test]
fn the_documents_rule_is_its_own_basis() {
    let p = parse(
        "某市2021年工作要点\n（列第一位的为牵头单位）\n一、重点任务\n\
         1.推进改革。\n责任单位：市发改委、市财政局\n",
    );
    assert_eq!(
        bases(&p, 1),
        [
            unit(Role::Lead, "市发改委", Basis::Rule),
            unit(Role::Cooperating, "市财政局", Basis::Rule)
        ]
    );
    assert_eq!(guesses(&p.bases), 0);
}

#[test]
fn a_heading_that_names_the_owner_is_the_basis_of_the_inherited_lead() {
    let p = parse(
        "某省2021年工作要点\n一、省科技厅牵头的工作\n\
         1.推进科技成果转化。(配合单位:省财政厅)\n",
    );
    assert_eq!(
        bases(&p, 1),
        [
            unit(Role::Lead, "省科技厅", Basis::Heading),
            unit(Role::Cooperating, "省财政厅", Basis::Label)
        ]
    );
}

#[test]
fn a_table_column_is_a_label() {
    let p = parse(
        "某市2021年重点工作任务分工\n序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限\n\
         1 | 推进改革 | 市发改委 | 市财政局 | 6月底\n\
         2 | 优化服务 | 市政务局牵头 | 各区 | 年底\n",
    );
    assert_eq!(
        bases(&p, 1),
        [
            unit(Role::Lead, "市发改委", Basis::Label),
            unit(Role::Cooperating, "市财政局", Basis::Label)
        ]
    );
    assert_eq!(bases(&p, 2)[0], unit(Role::Lead, "市政务局", Basis::Verb));
}

#[test]
fn every_unit_of_every_task_has_a_basis_and_the_wire_keeps_them() {
    let text = include_str!("../public/gansu-2020-shuangqu-yaodian-part1.txt");
    let p = parse(text);
    assert_eq!(p.bases.len(), p.plan.tasks.len());
    for (t, b) in p.plan.tasks.iter().zip(&p.bases) {
        assert_eq!(t.number, b.task);
        let listed: Vec<(Role, String)> =
            t.roles.iter().map(|(r, u)| (r, u.name.clone())).collect();
        let based: Vec<(Role, String)> = b.units.iter().map(|u| (u.role, u.name.clone())).collect();
        assert_eq!(listed, based, "task {}", t.number);
    }
    let back = wire::read(&wire::Wire::of(&p).expect("wire")).expect("read");
    assert_eq!(back, p);
}
