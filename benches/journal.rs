//! Timings of the paths a 10,000-edit journal puts under pressure. Prints median/min/max over repeated runs;
//! asserts nothing, because timings depend on the machine.

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use common::{generated_journal, op, progress, sample_plan};
use lanbai_planner::journal::{fold, merge};
use lanbai_planner::storage::{MemoryKv, Store};

const N: usize = 10_000;

fn report(name: &str, mut runs: Vec<Duration>) {
    runs.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let (min, med, max) = (runs[0], runs[runs.len() / 2], runs[runs.len() - 1]);
    println!(
        "{name:<48} median {:>9.3} ms   min {:>9.3} ms   max {:>9.3} ms   ({} runs)",
        ms(med),
        ms(min),
        ms(max),
        runs.len()
    );
}

fn time(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect()
}

fn main() {
    let plan = sample_plan();
    let journal = generated_journal("tabA", N, 11);

    let kv = MemoryKv::new();
    let mut store = Store::open(kv.clone(), &plan.id, "tabA");
    if store.append_all(journal.iter().cloned()).is_err() {
        println!("could not fill the store");
        return;
    }
    let mut i = 0i64;
    report(
        "persist one edit (10,000-op journal)",
        time(200, || {
            i += 1;
            let r = store.append(op(
                &format!("tabA-x{i}"),
                1_600_000_000_000 + i,
                progress("t1", (i % 100) as u8),
            ));
            black_box(r).ok();
        }),
    );

    report(
        "load + migrate + fold (10,000 ops)",
        time(20, || {
            let report = Store::open(kv.clone(), &plan.id, "reader").load(0);
            black_box(fold(&plan, &report.ops));
        }),
    );

    let other = generated_journal("tabB", N, 12);
    report(
        "merge two 10,000-op journals",
        time(20, || {
            black_box(merge(&journal, &other));
        }),
    );

    report(
        "fold alone (10,000 ops)",
        time(20, || {
            black_box(fold(&plan, &journal));
        }),
    );
    println!(
        "stored journal: {} UTF-16 units in {} keys",
        kv.used(),
        lanbai_planner::storage::KeyValue::keys(&kv).len()
    );
}
