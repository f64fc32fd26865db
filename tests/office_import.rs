//! Plans from Word and Excel files (`parse::office`), read from files a real office suite wrote
//! (`tests/fixtures/office/`, made by LibreOffice with `scripts/office_fixtures.mjs`): the shipped plan as a
//! 任务分工表 in .docx, .xlsx and .xls, and as a Word numbered list, must import into the plan its text does;
//! every corpus text saved as .docx must score exactly as the text; files that are not plans are refused
//! with their reason.

#[path = "common/score.rs"]
mod score;

use lanbai_planner::parse::office::{OfficeError, to_text};
use lanbai_planner::parse::parse;
use lanbai_planner::plan::{Plan, Role};
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/office")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn shipped_text() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("public/gansu-2020-shuangqu-yaodian-part1.txt");
    std::fs::read_to_string(path).expect("the shipped source text")
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Each task as (number, text, units by role), the way a person explores a plan.
fn tasks(plan: &Plan) -> Vec<(u32, String, Vec<Vec<String>>)> {
    plan.tasks
        .iter()
        .map(|t| {
            let roles = Role::ALL
                .iter()
                .map(|r| t.roles.get(*r).iter().map(|u| u.name.clone()).collect())
                .collect();
            (t.number, compact(&t.text), roles)
        })
        .collect()
}

fn office_plan(name: &str) -> Plan {
    let text = to_text(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    parse(&text).plan
}

#[test]
fn a_task_table_in_word_and_excel_imports_as_the_text_does() {
    let from_text = parse(&shipped_text()).plan;
    assert_eq!(from_text.tasks.len(), 10);
    for name in [
        "gansu-2020-fengong.docx",
        "gansu-2020-taizhang.xlsx",
        "gansu-2020-taizhang.xls",
    ] {
        let plan = office_plan(name);
        assert_eq!(
            tasks(&plan),
            tasks(&from_text),
            "{name}: tasks, texts and units"
        );
        let groups: Vec<String> = plan.groups.iter().map(|g| compact(&g.title)).collect();
        let want: Vec<String> = from_text.groups.iter().map(|g| compact(&g.title)).collect();
        assert_eq!(groups, want, "{name}: the group rows are the plan's groups");
        for t in &plan.tasks {
            let date = t.deadline.as_ref().and_then(|d| d.date.as_deref());
            assert_eq!(
                date,
                Some("2020-12-31"),
                "{name}: task {} deadline column",
                t.number
            );
        }
    }
}

#[test]
fn a_lead_cell_merged_down_two_rows_leads_both_tasks() {
    for name in [
        "gansu-2020-fengong.docx",
        "gansu-2020-taizhang.xlsx",
        "gansu-2020-taizhang.xls",
    ] {
        let plan = office_plan(name);
        let lead = |n: u32| -> Vec<String> {
            plan.tasks
                .iter()
                .find(|t| t.number == n)
                .map(|t| {
                    t.roles
                        .get(Role::Lead)
                        .iter()
                        .map(|u| u.name.clone())
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(lead(7), ["兰州市", "白银市"], "{name}");
        assert_eq!(lead(6), lead(7), "{name}");
    }
}

#[test]
fn word_list_numbers_number_the_tasks() {
    let plan = office_plan("gansu-2020-list.docx");
    let numbers: Vec<u32> = plan.tasks.iter().map(|t| t.number).collect();
    assert_eq!(numbers, (1..=10).collect::<Vec<_>>());
    assert_eq!(tasks(&plan), tasks(&parse(&shipped_text()).plan));
}

#[test]
fn every_corpus_text_saved_as_word_scores_as_the_text() {
    let dir = score::corpus_dir();
    let split = score::split();
    assert!(split.len() >= 25);
    for (slug, _) in split {
        let docx = format!("corpus/{slug}.docx");
        let text = to_text(&fixture(&docx)).unwrap_or_else(|e| panic!("{docx}: {e:?}"));
        let gold: score::Gold = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{slug}.gold.json"))).expect("gold"),
        )
        .expect("gold parses");
        let plain = std::fs::read_to_string(dir.join(format!("{slug}.txt"))).expect("text");
        assert_eq!(
            score::score_text(&text, &gold),
            score::score_text(&plain, &gold),
            "{slug}: the .docx reads as the .txt"
        );
    }
}

#[test]
fn files_that_are_not_plans_are_refused_with_their_reason() {
    assert_eq!(
        to_text(&fixture("gansu-2020-fengong.doc")),
        Err(OfficeError::OldWordFormat)
    );
    let docx = fixture("gansu-2020-fengong.docx");
    assert_eq!(to_text(&docx[..docx.len() / 2]), Err(OfficeError::Damaged));
    assert_eq!(to_text(b"just some text"), Err(OfficeError::NotAPlanFile));
    assert_eq!(to_text(&[]), Err(OfficeError::NotAPlanFile));
    let xls = fixture("gansu-2020-taizhang.xls");
    assert!(to_text(&xls[..xls.len() / 3]).is_err());
    for e in [
        OfficeError::Damaged,
        OfficeError::OldWordFormat,
        OfficeError::Encrypted,
    ] {
        assert_eq!(OfficeError::from_code(e.code()), Some(e));
    }
}
