//! Scores the importer against the hand-checked corpus in `tests/fixtures/plans/corpus/`: each `<slug>.txt`
//! is parsed and compared with `<slug>.gold.json`. Shared by `examples/score_importer.rs` (which prints the
//! figures) and `tests/importer_score.rs` (which keeps the floors), so both count the same way.
//!
//! A gold task is matched to the first unused imported task whose text contains the gold text (spaces
//! ignored), because documents without numbers (tables, unnumbered lists) have no other key. Units are
//! compared by role as sets of names, spaces ignored; a task is "exactly right" when all three roles match.
//! Units reported on tasks that match no gold task count against precision: they are units the user sees.
#![allow(dead_code)]

use lanbai_planner::parse::parse;
use lanbai_planner::plan::{Role, Task};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
pub struct Gold {
    pub tasks: Vec<GoldTask>,
}

#[derive(Debug, Deserialize)]
pub struct GoldTask {
    pub text: String,
    #[serde(default)]
    pub lead: Vec<String>,
    #[serde(default)]
    pub implementing: Vec<String>,
    #[serde(default)]
    pub cooperating: Vec<String>,
    #[serde(default)]
    pub leaders: Vec<String>,
    #[serde(default)]
    pub deadline: Option<GoldDeadline>,
    /// `None`: targets were not annotated for this task (not scored); `Some(vec![])`: it has none.
    #[serde(default)]
    pub targets: Option<Vec<GoldTarget>>,
}

#[derive(Debug, Deserialize)]
pub struct GoldDeadline {
    pub text: String,
    pub date: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct GoldTarget {
    pub value: f64,
    pub measure: String,
}

/// Counts for one document or a sum of documents.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub gold_tasks: usize,
    pub found_tasks: usize,
    pub exact_tasks: usize,
    pub units_reported: usize,
    pub units_right: usize,
    pub units_gold: usize,
    pub deadlines_gold: usize,
    pub deadlines_right: usize,
    pub targets_gold: usize,
    pub targets_right: usize,
    pub leaders_gold: usize,
    pub leaders_right: usize,
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.gold_tasks += o.gold_tasks;
        self.found_tasks += o.found_tasks;
        self.exact_tasks += o.exact_tasks;
        self.units_reported += o.units_reported;
        self.units_right += o.units_right;
        self.units_gold += o.units_gold;
        self.deadlines_gold += o.deadlines_gold;
        self.deadlines_right += o.deadlines_right;
        self.targets_gold += o.targets_gold;
        self.targets_right += o.targets_right;
        self.leaders_gold += o.leaders_gold;
        self.leaders_right += o.leaders_right;
    }

    /// Percentages as whole-number-friendly floats: (exact, precision, recall, deadlines, targets, leaders).
    pub fn percents(&self) -> [f64; 6] {
        let p = |a: usize, b: usize| {
            if b == 0 {
                100.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        [
            p(self.exact_tasks, self.gold_tasks),
            p(self.units_right, self.units_reported),
            p(self.units_right, self.units_gold),
            p(self.deadlines_right, self.deadlines_gold),
            p(self.targets_right, self.targets_gold),
            p(self.leaders_right, self.leaders_gold),
        ]
    }
}

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plans/corpus")
}

/// `(slug, split)` from `split.txt`, in file order.
pub fn split() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(corpus_dir().join("split.txt")).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            Some((w.next()?.to_string(), w.next()?.to_string()))
        })
        .collect()
}

fn norm(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn set(names: impl IntoIterator<Item = impl AsRef<str>>) -> BTreeSet<String> {
    names.into_iter().map(|n| norm(n.as_ref())).collect()
}

fn gold_role(g: &GoldTask, role: Role) -> &[String] {
    match role {
        Role::Lead => &g.lead,
        Role::Implementing => &g.implementing,
        Role::Cooperating => &g.cooperating,
    }
}

fn task_role(t: &Task, role: Role) -> BTreeSet<String> {
    set(t.roles.get(role).iter().map(|u| u.name.as_str()))
}

/// Scores one document's text against its gold.
pub fn score_text(text: &str, gold: &Gold) -> Counts {
    let plan = parse(text).plan;
    let mut c = Counts::default();
    let mut used = vec![false; plan.tasks.len()];
    for g in &gold.tasks {
        c.gold_tasks += 1;
        let key = norm(&g.text);
        let hit = plan
            .tasks
            .iter()
            .enumerate()
            .find(|(k, t)| !used[*k] && norm(&t.text).contains(&key))
            .map(|(k, _)| k);
        let task = hit.map(|k| {
            used[k] = true;
            &plan.tasks[k]
        });
        let mut exact = task.is_some();
        for role in Role::ALL {
            let want = set(gold_role(g, role));
            c.units_gold += want.len();
            let got = task.map(|t| task_role(t, role)).unwrap_or_default();
            c.units_reported += got.len();
            c.units_right += got.intersection(&want).count();
            exact &= got == want;
        }
        if task.is_some() {
            c.found_tasks += 1;
        }
        if exact {
            c.exact_tasks += 1;
        }
        let leaders = task.map(|t| set(&t.leaders)).unwrap_or_default();
        c.leaders_gold += g.leaders.len();
        c.leaders_right += set(&g.leaders).intersection(&leaders).count();
        if let Some(d) = &g.deadline {
            c.deadlines_gold += 1;
            let right = task
                .and_then(|t| t.deadline.as_ref())
                .is_some_and(|got| match &d.date {
                    Some(date) => got.date.as_deref() == Some(date.as_str()),
                    None => norm(&got.text).contains(&norm(&d.text)),
                });
            c.deadlines_right += usize::from(right);
        }
        if let Some(targets) = &g.targets {
            c.targets_gold += targets.len();
            for want in targets {
                let right = task.is_some_and(|t| {
                    t.targets
                        .iter()
                        .any(|x| (x.value - want.value).abs() < 1e-9 && x.measure == want.measure)
                });
                c.targets_right += usize::from(right);
            }
        }
    }
    // Units on imported tasks that match no gold task are still shown to the user.
    for (k, t) in plan.tasks.iter().enumerate() {
        if !used[k] {
            c.units_reported += Role::ALL
                .iter()
                .map(|r| t.roles.get(*r).len())
                .sum::<usize>();
        }
    }
    c
}

/// Scores one corpus document by slug. `Err` names the file that could not be read.
pub fn score_doc(slug: &str) -> Result<Counts, String> {
    let dir = corpus_dir();
    let text = std::fs::read_to_string(dir.join(format!("{slug}.txt")))
        .map_err(|e| format!("{slug}.txt: {e}"))?;
    let gold_text = std::fs::read_to_string(dir.join(format!("{slug}.gold.json")))
        .map_err(|e| format!("{slug}.gold.json: {e}"))?;
    let gold: Gold =
        serde_json::from_str(&gold_text).map_err(|e| format!("{slug}.gold.json: {e}"))?;
    Ok(score_text(&text, &gold))
}

/// Every document's counts with its split, in `split.txt` order.
pub fn score_all() -> Result<Vec<(String, String, Counts)>, String> {
    split()
        .into_iter()
        .map(|(slug, part)| score_doc(&slug).map(|c| (slug, part, c)))
        .collect()
}

/// The summed counts of one split.
pub fn total(rows: &[(String, String, Counts)], part: &str) -> Counts {
    let mut t = Counts::default();
    for (_, p, c) in rows {
        if p == part {
            t.add(c);
        }
    }
    t
}
