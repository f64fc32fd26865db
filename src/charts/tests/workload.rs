use super::{has_text, parse_texts, save};
use crate::charts::canvas::palette;
use crate::charts::{ChartOptions, Lang, UnitLoad, workload_chart};

fn unit(name: &str, led: u32, implemented: u32, cooperated: u32) -> UnitLoad {
    UnitLoad {
        unit: name.to_string(),
        led,
        implemented,
        cooperated,
    }
}

fn opts(lang: Lang) -> ChartOptions {
    ChartOptions {
        width: 720,
        lang,
        id: "w".to_string(),
    }
}

/// Deterministic 300 units: unit i has (i % 7, i % 5, i % 3) tasks, names 单位001…单位300.
fn many_units() -> Vec<UnitLoad> {
    (1..=300u32)
        .map(|i| unit(&format!("单位{i:03}"), i % 7, i % 5, i % 3))
        .collect()
}

fn rect_count(svg: &str, rgb: plotters::style::RGBColor) -> usize {
    let fill = format!("fill=\"#{:02X}{:02X}{:02X}\"", rgb.0, rgb.1, rgb.2);
    svg.lines()
        .filter(|l| l.starts_with("<rect") && l.contains(&fill))
        .count()
}

#[test]
fn sorted_by_total_with_role_segments() {
    let units = vec![
        unit("兰州市科技局", 2, 3, 1),
        unit("白银市科技局", 5, 4, 0),
        unit("省科技厅", 8, 1, 6),
        unit("省财政厅", 0, 0, 0),
    ];
    let chart = workload_chart(&units, 10, &opts(Lang::Zh));
    save("workload_small_zh", &chart);
    let texts = parse_texts(&chart);
    let names: Vec<&str> = chart.table.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["省科技厅", "白银市科技局", "兰州市科技局"]);
    assert_eq!(chart.table.rows[0][1..], ["8", "1", "6", "15"]);
    // Non-zero segments only: lead 3, implementing 3, cooperating 2.
    assert_eq!(rect_count(&chart.svg, palette::SERIES[0]), 3);
    assert_eq!(rect_count(&chart.svg, palette::SERIES[4]), 3);
    assert_eq!(rect_count(&chart.svg, palette::SERIES[1]), 2);
    for t in ["牵头", "实施", "配合", "省科技厅", "15", "9", "6"] {
        assert!(has_text(&texts, t), "missing {t}");
    }
    // Every table total is drawn as text.
    for row in &chart.table.rows {
        assert!(
            texts.iter().any(|t| *t == row[4]),
            "total {} not drawn",
            row[4]
        );
    }
    assert!(!chart.empty);
}

#[test]
fn three_hundred_units_show_top_n_and_how_many_more() {
    let units = many_units();
    let chart = workload_chart(&units, 20, &opts(Lang::Zh));
    save("workload_300_zh", &chart);
    let texts = parse_texts(&chart);
    let nonzero = units.iter().filter(|u| u.total() > 0).count();
    assert_eq!(chart.table.rows.len(), 21);
    let more = nonzero - 20;
    let last = &chart.table.rows[20];
    assert_eq!(last[0], format!("其余 {more} 个单位"));
    let drawn_units = texts.iter().filter(|t| t.starts_with("单位")).count();
    assert_eq!(drawn_units, 20);
    assert!(has_text(&texts, &format!("另有 {more} 个单位未显示")));
    // Sums of the shown rows and the rest row add up to every assignment.
    let all: u64 = units.iter().map(UnitLoad::total).sum();
    let table_sum: u64 = chart
        .table
        .rows
        .iter()
        .filter_map(|r| r[4].parse::<u64>().ok())
        .sum();
    assert_eq!(table_sum, all);
    // Top row is the maximum total (6 + 4 + 2 = 12 for i ≡ 104 mod 105 → 单位104 and 单位209).
    assert_eq!(chart.table.rows[0][0], "单位104");
    assert_eq!(chart.table.rows[0][4], "12");
    let en = workload_chart(&units, 20, &opts(Lang::En));
    assert!(has_text(
        &parse_texts(&en),
        &format!("and {more} more units")
    ));
}

#[test]
fn hostile_unit_name_is_escaped() {
    let units = vec![unit("<script>&\"x\"", 3, 0, 0), unit("正常单位", 1, 0, 0)];
    let chart = workload_chart(&units, 5, &opts(Lang::Zh));
    assert!(!chart.svg.contains("<script"));
    let texts = parse_texts(&chart);
    assert!(texts.iter().any(|t| t == "<script>&\"x\""));
    assert!(chart.description.contains("<script>&\"x\""));
}

#[test]
fn no_units_is_an_explicit_empty_state() {
    let chart = workload_chart(&[], 20, &opts(Lang::Zh));
    let texts = parse_texts(&chart);
    assert!(chart.empty);
    assert!(has_text(&texts, "尚无单位任务数据"));
    assert!(chart.table.rows.is_empty());
}
