use super::{has_text, parse_texts, save};
use crate::charts::{
    ChartOptions, Day, Lang, Place, ProgressInput, ProgressSeries, Scope, progress_chart,
};

fn day(s: &str) -> Day {
    Day::parse(s).unwrap_or_else(|| panic!("bad fixture date {s}"))
}

fn input(with_points: bool) -> ProgressInput {
    let pts = |v: &[(&str, f64)]| {
        if with_points {
            v.iter().map(|(d, x)| (day(d), *x)).collect()
        } else {
            vec![]
        }
    };
    ProgressInput {
        name: "高新技术企业".to_string(),
        measure: "家".to_string(),
        year: 2020,
        series: vec![
            ProgressSeries {
                scope: Scope::Place(Place::Lanzhou),
                target: 80.0,
                // Deliberately unsorted: the chart sorts by date.
                points: pts(&[
                    ("2020-06-30", 40.0),
                    ("2020-03-31", 15.0),
                    ("2020-09-30", 61.0),
                ]),
            },
            ProgressSeries {
                scope: Scope::Place(Place::Baiyin),
                target: 20.0,
                points: pts(&[("2020-03-31", 3.0), ("2020-06-30", 9.0)]),
            },
            ProgressSeries {
                scope: Scope::Total,
                target: 100.0,
                points: pts(&[("2020-06-30", 49.0)]),
            },
        ],
    }
}

fn opts(lang: Lang) -> ChartOptions {
    ChartOptions {
        width: 640,
        lang,
        id: "p".to_string(),
    }
}

#[test]
fn days_parse_and_order() {
    assert_eq!(day("1970-01-01").days(), 0);
    assert_eq!(day("2020-12-31").days() - day("2020-01-01").days(), 365);
    assert_eq!(day("2020-02-29").iso(), "2020-02-29");
    assert!(Day::parse("2019-02-29").is_none());
    assert!(Day::parse("2020-13-01").is_none());
    assert!(Day::parse("garbage").is_none());
}

#[test]
fn points_paths_and_table() {
    let chart = progress_chart(&input(true), &opts(Lang::Zh));
    save("progress_zh", &chart);
    let texts = parse_texts(&chart);
    // Six reported points as dots, three series polylines plus the legend's sample lines.
    assert_eq!(chart.svg.matches("<circle").count(), 6);
    for t in [
        "兰州 实际",
        "白银 计划",
        "合计 实际",
        "2020年",
        "6月",
        "61",
        "80",
    ] {
        assert!(has_text(&texts, t), "missing {t}");
    }
    let rows = &chart.table.rows;
    // Three points + target row for 兰州, two + one for 白银, one + one for 合计.
    assert_eq!(rows.len(), 9);
    assert_eq!(rows[0], ["兰州", "2020-03-31", "15", "19.89", "家"]);
    assert_eq!(rows[3], ["兰州", "2020-12-31", "–", "80", "家"]);
    assert!(chart.description.contains("兰州截至2020-09-30为61"));
    assert!(!chart.empty);
}

#[test]
fn report_after_the_year_extends_the_axis() {
    let mut inp = input(true);
    inp.series[2].points.push((day("2021-01-15"), 103.0));
    let chart = progress_chart(&inp, &opts(Lang::En));
    save("progress_en", &chart);
    let texts = parse_texts(&chart);
    assert!(has_text(&texts, "2021"));
    assert!(has_text(&texts, "103"));
    assert!(has_text(&texts, "Lanzhou actual"));
    // Planned value caps at the target after the year ends.
    let last_total = chart
        .table
        .rows
        .iter()
        .find(|r| r[1] == "2021-01-15")
        .map(|r| r[3].clone());
    assert_eq!(last_total.as_deref(), Some("100"));
}

#[test]
fn without_points_the_plan_path_still_renders() {
    let chart = progress_chart(&input(false), &opts(Lang::Zh));
    save("progress_empty_zh", &chart);
    let texts = parse_texts(&chart);
    assert!(chart.empty);
    assert!(has_text(&texts, "尚未记录实际数据"));
    assert_eq!(chart.svg.matches("<circle").count(), 0);
    assert_eq!(chart.table.rows.len(), 3);
    assert!(chart.description.contains("尚未记录实际数据"));
}

#[test]
fn hostile_indicator_name_is_escaped() {
    let mut inp = input(true);
    inp.name = "<script>&\"x\"".to_string();
    inp.series[0].scope = Scope::Place(Place::Other("'<b>'".to_string()));
    let chart = progress_chart(&inp, &opts(Lang::Zh));
    assert!(!chart.svg.contains("<script"));
    assert!(!chart.svg.contains("<b>"));
    let texts = parse_texts(&chart);
    assert!(has_text(&texts, "<script>&\"x\""));
}
