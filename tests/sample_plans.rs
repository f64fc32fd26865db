//! Measures the importer on sample plans of other places written in the genre's varied forms
//! (tests/fixtures/plans/*.txt), against hand-written expectations (*.expect: one line per task,
//! "number | 牵 units | 实 units | 配 units"). Prints the figures; the floors below keep what is right right.

use lanbai_planner::parse::parse;
use lanbai_planner::plan::{Plan, Role};
use std::path::Path;

/// (fixture, tasks right, units right) as last measured; a regression below these fails.
const FLOORS: &[(&str, usize, usize)] = &[
    ("hezuo-2021", 5, 20),
    ("jiankang-2021", 8, 22),
    ("keji-2022", 8, 20),
    ("xiangcun-2020", 7, 23),
    ("yingshang-2021", 8, 18),
];

/// Expected units per role for one task.
struct Expected {
    number: u32,
    roles: Vec<(Role, Vec<String>)>,
}

fn read_expect(text: &str) -> Vec<Expected> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.split('|').map(str::trim);
            let number = parts
                .next()
                .and_then(|n| n.parse().ok())
                .expect("task number");
            let roles = parts
                .map(|p| {
                    let mut words = p.split_whitespace();
                    let role = match words.next() {
                        Some("牵") => Role::Lead,
                        Some("实") => Role::Implementing,
                        Some("配") => Role::Cooperating,
                        other => panic!("role mark {other:?} in {l}"),
                    };
                    (role, words.map(str::to_string).collect())
                })
                .collect();
            Expected { number, roles }
        })
        .collect()
}

/// (tasks right, tasks expected, units right, units expected) for one fixture.
fn score(plan: &Plan, expected: &[Expected]) -> (usize, usize, usize, usize) {
    let (mut tasks_right, mut units_right, mut units_total) = (0, 0, 0);
    for e in expected {
        let task = plan.tasks.iter().find(|t| t.number == e.number);
        let mut all_right = task.is_some();
        for role in Role::ALL {
            let want: &[String] = e
                .roles
                .iter()
                .find(|(r, _)| *r == role)
                .map_or(&[], |(_, u)| u);
            let got: Vec<&str> = task.map_or(Vec::new(), |t| {
                t.roles.get(role).iter().map(|u| u.name.as_str()).collect()
            });
            units_total += want.len();
            units_right += want.iter().filter(|w| got.contains(&w.as_str())).count();
            all_right &= got == want.iter().map(String::as_str).collect::<Vec<_>>();
        }
        tasks_right += usize::from(all_right);
    }
    let extra = plan.tasks.len().saturating_sub(expected.len());
    (
        tasks_right.saturating_sub(extra),
        expected.len(),
        units_right,
        units_total,
    )
}

#[test]
fn sample_plans_accuracy() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plans");
    let mut totals = (0, 0, 0, 0);
    for (name, tasks_floor, units_floor) in FLOORS {
        let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("fixture text");
        let expect = std::fs::read_to_string(dir.join(format!("{name}.expect")))
            .expect("fixture expectation");
        let parsed = parse(&text);
        let s = score(&parsed.plan, &read_expect(&expect));
        println!(
            "{name}: tasks {}/{} (parsed {}), units {}/{}, diagnostics {}",
            s.0,
            s.1,
            parsed.plan.tasks.len(),
            s.2,
            s.3,
            parsed.diagnostics.len()
        );
        for d in &parsed.diagnostics {
            println!("  line {}: {}: {}", d.line, d.message, d.text);
        }
        totals = (
            totals.0 + s.0,
            totals.1 + s.1,
            totals.2 + s.2,
            totals.3 + s.3,
        );
        assert!(s.0 >= *tasks_floor, "{name}: tasks right fell to {}", s.0);
        assert!(s.2 >= *units_floor, "{name}: units right fell to {}", s.2);
    }
    println!(
        "total: tasks {}/{}, units {}/{}",
        totals.0, totals.1, totals.2, totals.3
    );
}
