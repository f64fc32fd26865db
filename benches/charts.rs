//! Render-time benchmark of every chart kind, with plain `std::time::Instant` (no extra dependencies).
//! Prints median/min/max over repeated runs; the reference budget is 20 ms median per chart. It never
//! asserts: machines differ, and the numbers are for reading, not gating.
//!
//! Run with `cargo bench --bench charts`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use lanbai_planner::charts::{
    ChartOptions, Day, GroupTasks, Lang, PaceCounts, Place, PlaceFigures, ProgressInput,
    ProgressSeries, Scope, StatusCounts, TargetInput, UnitLoad, pace_chart, progress_chart,
    status_chart, target_chart, targets_overview_chart, workload_chart,
};

const RUNS: usize = 200;
const BUDGET: Duration = Duration::from_millis(20);

/// Small deterministic generator (64-bit LCG, Knuth's constants) so runs are comparable.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound.max(1)
    }
}

/// 300 units' task counts, as 10,000 tasks might spread them: the workload chart's input. Counting them
/// from a plan is `charts::from_plan::workload`, timed at 10,000 tasks by `benches/scale.rs`.
fn synthetic_loads() -> Vec<UnitLoad> {
    let mut rng = Lcg(2020);
    (1..=300)
        .map(|i| UnitLoad {
            unit: format!("甘肃省第{i:03}号单位"),
            led: rng.next(60) as u32,
            implemented: rng.next(90) as u32,
            cooperated: rng.next(120) as u32,
        })
        .collect()
}

fn six_targets() -> Vec<TargetInput> {
    let names = [
        ("新产品", "个"),
        ("重大科技成果", "项"),
        ("高新技术企业", "家"),
        ("创新平台", "个"),
        ("创新团队", "个"),
        ("科技投入", "亿元"),
    ];
    names
        .iter()
        .enumerate()
        .map(|(i, (name, measure))| TargetInput {
            name: name.to_string(),
            measure: measure.to_string(),
            target: 100.0,
            actual: None,
            places: vec![
                PlaceFigures {
                    place: Place::Lanzhou,
                    target: 80.0,
                    actual: Some(10.0 * i as f64 + 5.0),
                },
                PlaceFigures {
                    place: Place::Baiyin,
                    target: 20.0,
                    actual: Some(2.0 * i as f64 + 1.0),
                },
            ],
            level: false,
        })
        .collect()
}

fn progress_input() -> ProgressInput {
    let series = |scope: Scope, target: f64| ProgressSeries {
        scope,
        points: (1..=12u32)
            .map(|m| {
                let day = Day {
                    year: 2020,
                    month: m,
                    day: 28,
                };
                (day, target * f64::from(m) / 13.0)
            })
            .collect(),
        target,
    };
    ProgressInput {
        name: "高新技术企业".to_string(),
        measure: "家".to_string(),
        year: 2020,
        series: vec![
            series(Scope::Place(Place::Lanzhou), 80.0),
            series(Scope::Place(Place::Baiyin), 20.0),
            series(Scope::Total, 100.0),
        ],
    }
}

fn groups() -> Vec<GroupTasks> {
    (0..8u32)
        .map(|i| GroupTasks {
            name: format!("第{}组 任务", i + 1),
            status: StatusCounts {
                not_started: i,
                in_progress: 10 - i,
                done: i * 2,
                delayed: i % 3,
                paused: i % 2,
            },
            pace: PaceCounts {
                done: i % 5,
                ahead: i,
                on_track: 8,
                behind: i % 4,
                not_reported: 3,
            },
        })
        .collect()
}

/// Runs `f` RUNS times after a short warm-up and prints median/min/max and `f`'s result (SVG bytes,
/// or units tallied).
fn measure(name: &str, mut f: impl FnMut() -> usize) {
    for _ in 0..5 {
        black_box(f());
    }
    let mut times = Vec::with_capacity(RUNS);
    let mut bytes = 0;
    for _ in 0..RUNS {
        let t = Instant::now();
        bytes = black_box(f());
        times.push(t.elapsed());
    }
    times.sort();
    let median = times[RUNS / 2];
    let flag = if median <= BUDGET {
        "ok"
    } else {
        "OVER BUDGET"
    };
    println!(
        "{name:<40} median {:>8.3} ms  min {:>8.3} ms  max {:>8.3} ms  out {:>7}  {flag}",
        ms(median),
        ms(times[0]),
        ms(times[RUNS - 1]),
        bytes
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let opts = ChartOptions::new(960, Lang::Zh);
    let six = six_targets();
    let progress = progress_input();
    let groups = groups();
    let loads = synthetic_loads();

    println!(
        "{RUNS} runs each, width {} px, budget {} ms median",
        opts.width,
        BUDGET.as_millis()
    );
    measure("targets overview (6 × 3 rows)", || {
        targets_overview_chart(&six, Some(0.5), &opts).svg.len()
    });
    measure("single target (亿元)", || {
        target_chart(&six[5], Some(0.5), &opts).svg.len()
    });
    measure("progress (3 series × 12 points)", || {
        progress_chart(&progress, &opts).svg.len()
    });
    measure("status (8 groups)", || {
        status_chart(&groups, &opts).svg.len()
    });
    measure("pace (8 groups)", || pace_chart(&groups, &opts).svg.len());
    measure("workload: top 20 of 300 units", || {
        workload_chart(&loads, 20, &opts).svg.len()
    });
    measure("workload: all 300 units drawn", || {
        workload_chart(&loads, 300, &opts).svg.len()
    });
}
