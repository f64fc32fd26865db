//! Prints how well the importer reads the hand-checked corpus (tests/fixtures/plans/corpus): per document
//! and per split (tune / heldout). `cargo run --release --example score_importer`; add `tune` to print the
//! tune half only (the held-out half must not be looked at while tuning).
#[path = "../tests/common/score.rs"]
mod score;

use score::Counts;

fn line(name: &str, part: &str, c: &Counts) {
    let [exact, prec, rec, dl, tg, ld] = c.percents();
    println!(
        "{name:<16} {part:<8} tasks {:>2}/{:<2} exact {:>2} ({exact:5.1}%)  units P {:>3}/{:<3} ({prec:5.1}%) R {:>3}/{:<3} ({rec:5.1}%)  deadlines {}/{} ({dl:.0}%)  targets {}/{} ({tg:.0}%)  leaders {}/{} ({ld:.0}%)",
        c.found_tasks,
        c.gold_tasks,
        c.exact_tasks,
        c.units_right,
        c.units_reported,
        c.units_right,
        c.units_gold,
        c.deadlines_right,
        c.deadlines_gold,
        c.targets_right,
        c.targets_gold,
        c.leaders_right,
        c.leaders_gold,
    );
}

fn main() {
    let only = std::env::args().nth(1);
    let rows = match score::score_all() {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("cannot score: {e}");
            std::process::exit(1);
        }
    };
    let show = |part: &str| only.as_deref().is_none_or(|o| o == part);
    for (slug, part, c) in &rows {
        if show(part) {
            line(slug, part, c);
        }
    }
    println!();
    for part in ["tune", "heldout"] {
        if show(part) {
            line("TOTAL", part, &score::total(&rows, part));
        }
    }
}
