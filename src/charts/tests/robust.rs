//! Degenerate inputs must still give well-formed SVG, never a panic or a huge allocation.

use super::parse_texts;
use crate::charts::tests::targets::six_hundreds;
use crate::charts::{
    ChartOptions, Day, GroupTasks, Lang, ProgressInput, ProgressSeries, Scope, StatusCounts,
    UnitLoad, progress_chart, status_chart, target_chart, targets_overview_chart, workload_chart,
};

#[test]
fn non_finite_negative_and_huge_values() {
    let mut six = six_hundreds(true);
    six[0].target = f64::NAN;
    six[1].places[0].actual = Some(f64::INFINITY);
    six[2].places[1].actual = Some(-5.0);
    six[3].target = 0.0;
    six[4].places[0].target = 1e308;
    let opts = ChartOptions::default();
    let chart = targets_overview_chart(&six, Some(f64::NAN), &opts);
    parse_texts(&chart);
    for input in &six {
        parse_texts(&target_chart(input, Some(7.0), &opts));
    }
    assert_eq!(
        chart.table.rows[2][5], "–",
        "attainment of a NaN target is not a number"
    );
}

#[test]
fn odd_dates_and_values_in_progress() {
    let input = ProgressInput {
        name: "x".to_string(),
        measure: "个".to_string(),
        year: 2020,
        series: vec![ProgressSeries {
            scope: Scope::Total,
            target: 1e300,
            points: vec![
                (
                    Day {
                        year: 2020,
                        month: 0,
                        day: 40,
                    },
                    1.0,
                ),
                (
                    Day {
                        year: 1900,
                        month: 13,
                        day: 1,
                    },
                    f64::NAN,
                ),
                (
                    Day {
                        year: 2400,
                        month: 2,
                        day: 31,
                    },
                    -3.0,
                ),
            ],
        }],
    };
    parse_texts(&progress_chart(&input, &ChartOptions::new(0, Lang::En)));
}

#[test]
fn zero_top_n_and_extreme_counts() {
    let units = vec![
        UnitLoad {
            unit: String::new(),
            led: u32::MAX,
            implemented: u32::MAX,
            cooperated: u32::MAX,
        },
        UnitLoad {
            unit: "乙".to_string(),
            led: 1,
            implemented: 0,
            cooperated: 0,
        },
    ];
    let chart = workload_chart(&units, 0, &ChartOptions::default());
    parse_texts(&chart);
    assert_eq!(
        chart.table.rows.len(),
        2,
        "top_n 0 shows one unit plus the rest row"
    );
    let groups = vec![GroupTasks {
        name: "\u{0}\u{1b}[31m".to_string(),
        status: StatusCounts {
            done: u32::MAX,
            ..StatusCounts::default()
        },
        ..GroupTasks::default()
    }];
    parse_texts(&status_chart(
        &groups,
        &ChartOptions::new(u32::MAX, Lang::Zh),
    ));
}
