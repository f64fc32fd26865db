//! The pure core at province scale: a seeded 10,000-task plan (see `src/synthetic.rs`) and a 10,000-edit
//! journal. Times the importer on the printed text, search per keystroke, fold, merge, the storage write and
//! load paths, and every chart the app draws from such a plan. Prints median/min/max; asserts nothing,
//! because timings depend on the machine. Run with `cargo bench --bench scale --features synthetic`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use lanbai_planner::charts::from_plan::{group_tasks, progress_input, target_inputs, workload};
use lanbai_planner::charts::{
    ChartOptions, Lang, pace_chart, progress_chart, status_chart, targets_overview_chart,
    workload_chart,
};
use lanbai_planner::journal::{Op, OpKind, fold, merge};
use lanbai_planner::plan::matrix::matrix;
use lanbai_planner::plan::query::{
    Filters, SearchIndex, highlight, query_terms, search, search_indexed,
};
use lanbai_planner::route::MatrixSort;
use lanbai_planner::storage::{MemoryKv, Store};
use lanbai_planner::synthetic::{self, Spec};

const TASKS: usize = 10_000;
const OPS: usize = 10_000;

fn report(name: &str, mut runs: Vec<Duration>, note: &str) {
    runs.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let (min, med, max) = (runs[0], runs[runs.len() / 2], runs[runs.len() - 1]);
    println!(
        "{name:<44} median {:>9.3} ms   min {:>9.3} ms   max {:>9.3} ms   ({} runs){note}",
        ms(med),
        ms(min),
        ms(max),
        runs.len()
    );
}

fn time(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    f();
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect()
}

fn main() {
    let t = Instant::now();
    let plan = synthetic::plan(Spec::new(TASKS, 2020));
    let text = synthetic::text(&plan);
    let journal = synthetic::journal(&plan, "tabA", OPS, 11);
    println!(
        "generated {} tasks, {} groups, {} units, {} edits, {} KB of text in {:.0} ms",
        plan.tasks.len(),
        plan.groups.len(),
        plan.units.len(),
        journal.len(),
        text.len() / 1024,
        t.elapsed().as_secs_f64() * 1e3
    );

    report(
        "parse the printed 10,000-task text",
        time(5, || {
            black_box(lanbai_planner::parse::parse(&text));
        }),
        "",
    );
    let json = serde_json::to_string(&plan).unwrap_or_default();
    report(
        "plan JSON → Plan (10,000 tasks)",
        time(10, || {
            black_box(serde_json::from_str::<lanbai_planner::plan::Plan>(&json).ok());
        }),
        &format!("   {} KB", json.len() / 1024),
    );

    // Each prefix of a query as a person types it: the work one keystroke triggers.
    let query = "科技成果转化";
    let prefixes: Vec<String> = query
        .char_indices()
        .map(|(i, c)| query[..i + c.len_utf8()].to_string())
        .collect();
    let mut k = 0;
    report(
        "search, one keystroke of 科技成果转化",
        time(60, || {
            k += 1;
            let q = &prefixes[k % prefixes.len()];
            black_box(search(&plan, q, &Filters::default()).tasks.len());
        }),
        "",
    );
    let index = SearchIndex::new(&plan);
    report(
        "search with the plan's index, one keystroke",
        time(60, || {
            k += 1;
            let q = &prefixes[k % prefixes.len()];
            black_box(
                search_indexed(&plan, &index, q, &Filters::default())
                    .tasks
                    .len(),
            );
        }),
        "",
    );
    let terms = query_terms("科技");
    report(
        "highlight the first 100 results",
        time(30, || {
            for t in plan.tasks.iter().take(100) {
                black_box(highlight(&t.text, &terms));
            }
        }),
        "",
    );
    let unit = plan.units[1].id.clone();
    report(
        "search with a unit filter",
        time(30, || {
            let filters = Filters {
                unit: Some(unit.clone()),
                ..Filters::default()
            };
            black_box(search(&plan, "创新", &filters).tasks.len());
        }),
        "",
    );
    report(
        "responsibility matrix rows (300 × 10,000)",
        time(10, || {
            black_box(matrix(&plan, MatrixSort::Load).len());
        }),
        "",
    );

    report(
        "fold 10,000 edits",
        time(20, || {
            black_box(fold(&plan, &journal));
        }),
        "",
    );
    let other = synthetic::journal(&plan, "tabB", OPS, 12);
    report(
        "merge two 10,000-edit journals",
        time(20, || {
            black_box(merge(&journal, &other));
        }),
        "",
    );

    let kv = MemoryKv::new();
    let mut store = Store::open(kv.clone(), &plan.id, "tabA");
    if store.append_all(journal.iter().cloned()).is_err() {
        println!("could not fill the store");
        return;
    }
    let mut i = 0i64;
    report(
        "persist one edit (10,000-edit journal)",
        time(200, || {
            i += 1;
            let op = Op {
                id: format!("tabA-x{i}"),
                at: 1_600_000_000_000 + i,
                hlc: None,
                kind: OpKind::SetProgress {
                    task: "t1".into(),
                    unit: None,
                    period: None,
                    percent: (i % 100) as u8,
                },
                cause: None,
                unit: None,
                by: None,
            };
            black_box(store.append(op)).ok();
        }),
        "",
    );
    report(
        "load a 10,000-edit journal (no fold)",
        time(20, || {
            black_box(Store::open(kv.clone(), &plan.id, "reader").load(0));
        }),
        "",
    );
    report(
        "load + fold a 10,000-edit journal",
        time(20, || {
            let loaded = Store::open(kv.clone(), &plan.id, "reader").load(0);
            black_box(fold(&plan, &loaded.ops));
        }),
        "",
    );

    let view = fold(&plan, &journal);
    let opts = ChartOptions::new(720, Lang::Zh);
    let groups = group_tasks(&plan, &view);
    let chart = |name: &str, mut f: Box<dyn FnMut() -> usize + '_>| {
        let mut bytes = 0;
        let runs = time(20, || bytes = black_box(f()));
        report(name, runs, &format!("   {} KB SVG", bytes / 1024));
    };
    chart(
        "chart: status by group (40 groups)",
        Box::new(|| status_chart(&group_tasks(&plan, &view), &opts).svg.len()),
    );
    chart(
        "chart: pace by group (40 groups)",
        Box::new(|| pace_chart(&groups, &opts).svg.len()),
    );
    chart(
        "chart: workload, top 30 of 300 units",
        Box::new(|| workload_chart(&workload(&plan), 30, &opts).svg.len()),
    );
    chart(
        "chart: all targets overview",
        Box::new(|| {
            targets_overview_chart(&target_inputs(&plan, &view), Some(0.5), &opts)
                .svg
                .len()
        }),
    );
    let busiest = plan
        .tasks
        .iter()
        .flat_map(|t| &t.targets)
        .max_by_key(|k| view.targets.get(&k.id).map_or(0, |s| s.series.len()));
    if let Some(target) = busiest {
        chart(
            "chart: progress of one target",
            Box::new(|| {
                progress_chart(
                    &progress_input(&plan, target, view.targets.get(&target.id)),
                    &opts,
                )
                .svg
                .len()
            }),
        );
    }
}
