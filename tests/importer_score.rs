//! Keeps the importer's accuracy on the hand-checked corpus (tests/fixtures/plans/corpus) from falling: the
//! tune and held-out totals may not drop below the floors stated in the README ("Importer accuracy"),
//! each the measured figure rounded down to a whole percent. `cargo run --release --example
//! score_importer` prints the figures per document.

#[path = "common/score.rs"]
mod score;

/// (split, tasks exactly right %, unit precision %, unit recall %, deadlines %, targets %, leaders %).
const FLOORS: &[(&str, [f64; 6])] = &[
    ("tune", [90.0, 81.0, 86.0, 100.0, 50.0, 38.0]),
    ("heldout", [93.0, 98.0, 94.0, 100.0, 82.0, 42.0]),
];

const NAMES: [&str; 6] = [
    "tasks exactly right",
    "unit precision",
    "unit recall",
    "deadlines",
    "targets",
    "leaders",
];

#[test]
fn corpus_totals_stay_above_their_floors() {
    let rows = score::score_all().expect("corpus readable");
    assert_eq!(rows.len(), 25, "every corpus document is in split.txt");
    for (part, floors) in FLOORS {
        let total = score::total(&rows, part);
        let got = total.percents();
        println!("{part}: {total:?} -> {got:?}");
        for k in 0..6 {
            assert!(
                got[k] >= floors[k],
                "{part}: {} fell to {:.1}% (floor {}%)",
                NAMES[k],
                got[k],
                floors[k]
            );
        }
    }
}

#[test]
fn the_split_is_about_half_and_half() {
    let split = score::split();
    let tune = split.iter().filter(|(_, p)| p == "tune").count();
    let heldout = split.iter().filter(|(_, p)| p == "heldout").count();
    assert_eq!(tune + heldout, split.len());
    assert!(
        tune.abs_diff(heldout) <= 1,
        "{tune} tune, {heldout} heldout"
    );
}
