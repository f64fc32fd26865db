//! A pasted plan can be long; parsing must stay linear in its size so the browser does not stall.

use lanbai_planner::parse::parse;
use std::time::{Duration, Instant};

/// A synthetic plan of `n` tasks in groups of 50, with annotations, targets, references and deadlines.
fn synthetic(n: usize) -> String {
    let mut s = String::from(
        "某省2020年重点工作任务分工方案\n为落实《某某规划》(某发〔2019〕1号),制定本方案。\n一、重点任务\n",
    );
    for k in 1..=n {
        if k % 50 == 1 {
            s.push_str(&format!("({})第{}组任务\n", "一", k / 50 + 1));
        }
        s.push_str(&format!(
            "{k}.推进第{k}项工作,新增{k}家以上创新平台(甲市60、乙市40),依据《规划{k}》开展。\
             (牵头单位:第{k}局;实施单位:甲市、乙市;配合单位:自创区、试验区领导小组各成员单位;完成时限:6月底前)\n"
        ));
    }
    s
}

fn best_of_two(text: &str) -> Duration {
    (0..2)
        .map(|_| {
            let start = Instant::now();
            let parsed = parse(text);
            let took = start.elapsed();
            assert!(
                parsed.diagnostics.is_empty(),
                "{:?}",
                parsed.diagnostics.first()
            );
            took
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn ten_thousand_tasks_parse_in_linear_time() {
    let small = synthetic(5_000);
    let large = synthetic(10_000);
    let parsed = parse(&large);
    assert_eq!(parsed.plan.tasks.len(), 10_000);
    assert_eq!(parsed.plan.units.len(), 10_000 + 3);
    assert_eq!(
        parsed
            .plan
            .tasks
            .iter()
            .map(|t| t.targets.len())
            .sum::<usize>(),
        10_000
    );
    let (t_small, t_large) = (best_of_two(&small), best_of_two(&large));
    println!("5,000 tasks: {t_small:?}; 10,000 tasks: {t_large:?}");
    // Twice the input should take about twice the time; a quadratic step would take four times.
    assert!(
        t_large < t_small * 3 + Duration::from_millis(50),
        "{t_small:?} → {t_large:?}"
    );
}
