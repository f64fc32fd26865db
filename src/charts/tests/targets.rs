use super::{count_rects, has_text, parse_texts, save};
use crate::charts::canvas::palette;
use crate::charts::{
    ChartOptions, Lang, Place, PlaceFigures, TargetInput, target_chart, target_charts,
    targets_overview_chart,
};

/// The "六个一百" targets of task 6 with some actuals recorded.
pub fn six_hundreds(with_actuals: bool) -> Vec<TargetInput> {
    let a = |lz: f64, by: f64| {
        if with_actuals {
            (Some(lz), Some(by))
        } else {
            (None, None)
        }
    };
    let item =
        |name: &str, measure: &str, total: f64, (lz, by): (Option<f64>, Option<f64>)| TargetInput {
            name: name.to_string(),
            measure: measure.to_string(),
            target: total,
            actual: None,
            places: vec![
                PlaceFigures {
                    place: Place::Lanzhou,
                    target: total * 0.8,
                    actual: lz,
                },
                PlaceFigures {
                    place: Place::Baiyin,
                    target: total * 0.2,
                    actual: by,
                },
            ],
            level: false,
        };
    vec![
        item("新产品", "个", 100.0, a(45.0, 12.0)),
        item("重大科技成果", "项", 100.0, a(30.0, 7.0)),
        item("高新技术企业", "家", 100.0, a(88.0, 21.0)),
        item("创新平台", "个", 100.0, a(40.0, 10.0)),
        item("创新团队", "个", 100.0, a(20.0, 5.0)),
        TargetInput {
            name: "科技投入".to_string(),
            measure: "亿元".to_string(),
            target: 100.0,
            actual: if with_actuals { Some(37.5) } else { None },
            places: vec![],
            level: false,
        },
    ]
}

fn opts(lang: Lang) -> ChartOptions {
    ChartOptions {
        width: 640,
        lang,
        id: "t".to_string(),
    }
}

#[test]
fn overview_draws_a_target_and_actual_bar_per_row() {
    let chart = targets_overview_chart(&six_hundreds(true), Some(0.5), &opts(Lang::Zh));
    save("targets_overview_zh", &chart);
    let texts = parse_texts(&chart);
    // Five split targets × (兰州, 白银, 合计) + the investment's single 合计 row.
    assert_eq!(count_rects(&chart, palette::TARGET), 16);
    assert_eq!(count_rects(&chart, palette::ACTUAL), 16);
    assert!(!chart.empty);
    for label in [
        "兰州",
        "白银",
        "合计",
        "新产品（100 个）",
        "科技投入（100 亿元）",
        "序时进度 50%",
    ] {
        assert!(has_text(&texts, label), "missing {label}");
    }
    // 新产品 兰州 45 of 80 = 56 %; total derived from the places: 57 of 100.
    assert!(has_text(&texts, "45/80 · 56%"));
    assert!(has_text(&texts, "57/100 · 57%"));
    assert!(has_text(&texts, "37.5/100 · 38%"));
    assert!(chart.description.contains("新产品 57%"));
}

#[test]
fn table_holds_exactly_the_drawn_figures() {
    let chart = targets_overview_chart(&six_hundreds(true), Some(0.5), &opts(Lang::Zh));
    let texts = parse_texts(&chart);
    assert_eq!(chart.table.rows.len(), 16);
    assert_eq!(chart.table.headers.len(), chart.table.rows[0].len());
    for row in &chart.table.rows {
        // Columns: indicator, place, target, actual, unit, attainment, time-elapsed target.
        let drawn = format!("{}/{} · {}", row[3], row[2], row[5]);
        assert!(
            has_text(&texts, &drawn),
            "table row {row:?} not drawn as {drawn}"
        );
    }
    let lz = &chart.table.rows[0];
    assert_eq!(lz[..7], ["新产品", "兰州", "80", "45", "个", "56%", "40"]);
}

#[test]
fn single_indicator_uses_its_measure_word_and_place_markers() {
    let six = six_hundreds(true);
    let chart = target_chart(&six[0], Some(0.25), &opts(Lang::Zh));
    save("target_single_zh", &chart);
    let texts = parse_texts(&chart);
    assert_eq!(count_rects(&chart, palette::TARGET), 3);
    assert_eq!(count_rects(&chart, palette::ACTUAL), 3);
    assert!(chart.title.contains("新产品") && chart.title.contains("个"));
    // Unit axis: 100 at the top, not 100 %.
    assert!(texts.iter().any(|t| t == "100"));
    assert!(!texts.iter().any(|t| t == "100%"));
    let invest = target_chart(&six[5], None, &opts(Lang::Zh));
    assert!(invest.title.contains("亿元"));
    assert_eq!(count_rects(&invest, palette::TARGET), 1);
    assert!(has_text(&parse_texts(&invest), "37.5/100 · 38%"));
}

#[test]
fn english_labels() {
    let chart = targets_overview_chart(&six_hundreds(true), Some(0.5), &opts(Lang::En));
    save("targets_overview_en", &chart);
    let texts = parse_texts(&chart);
    for label in [
        "Lanzhou",
        "Baiyin",
        "Total",
        "Target",
        "Actual",
        "Time elapsed 50%",
    ] {
        assert!(has_text(&texts, label), "missing {label}");
    }
    assert!(!has_text(&texts, "兰州"));
    assert_eq!(chart.table.headers[0], "Indicator");
}

#[test]
fn without_actuals_targets_render_and_say_so() {
    let chart = targets_overview_chart(&six_hundreds(false), Some(0.5), &opts(Lang::Zh));
    save("targets_empty_zh", &chart);
    let texts = parse_texts(&chart);
    assert!(chart.empty);
    assert_eq!(count_rects(&chart, palette::TARGET), 16);
    assert_eq!(count_rects(&chart, palette::ACTUAL), 0);
    assert!(has_text(&texts, "尚未记录实际数据"));
    assert!(chart.description.contains("尚未记录实际数据"));
    assert!(chart.table.rows.iter().all(|r| r[3] == "–"));
    let en = targets_overview_chart(&six_hundreds(false), None, &opts(Lang::En));
    assert!(has_text(&parse_texts(&en), "No figures recorded yet"));
}

#[test]
fn hostile_names_are_escaped() {
    let mut six = six_hundreds(true);
    six[0].name = "<script>&\"x\"".to_string();
    six[0].places[0].place = Place::Other("a'b<c\u{7}".to_string());
    let chart = targets_overview_chart(&six, Some(0.5), &opts(Lang::Zh));
    assert!(!chart.svg.contains("<script"));
    let texts = parse_texts(&chart);
    assert!(has_text(&texts, "<script>&\"x\""));
    assert!(chart.description.contains("<script>&\"x\""));
}

#[test]
fn uses_the_cjk_font_stack() {
    let chart = target_chart(&six_hundreds(true)[0], None, &opts(Lang::Zh));
    let doc = roxmltree::Document::parse(&chart.svg).expect("well-formed");
    let fonts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.attribute("font-family"))
        .collect();
    assert!(!fonts.is_empty());
    assert!(fonts.iter().all(|f| *f == crate::charts::text::FONT_STACK));
    assert_eq!(
        doc.root_element().attribute("font-family"),
        Some(crate::charts::text::FONT_STACK)
    );
}

#[test]
fn width_drives_layout() {
    let narrow = targets_overview_chart(
        &six_hundreds(true),
        Some(0.5),
        &ChartOptions::new(320, Lang::Zh),
    );
    let wide = targets_overview_chart(
        &six_hundreds(true),
        Some(0.5),
        &ChartOptions::new(1200, Lang::Zh),
    );
    assert!(narrow.svg.contains("width=\"320\""));
    assert!(wide.svg.contains("width=\"1200\""));
    save("targets_overview_320", &narrow);
    parse_texts(&narrow);
    let tiny = targets_overview_chart(
        &six_hundreds(true),
        Some(0.5),
        &ChartOptions::new(10, Lang::Zh),
    );
    assert!(tiny.svg.contains("width=\"280\""));
}

#[test]
fn one_chart_per_indicator_with_unique_ids() {
    let charts = target_charts(&six_hundreds(true), Some(0.5), &opts(Lang::Zh));
    assert_eq!(charts.len(), 6);
    let ids: std::collections::HashSet<String> = charts
        .iter()
        .map(|c| {
            parse_texts(c);
            let doc = roxmltree::Document::parse(&c.svg).expect("well-formed");
            doc.root_element()
                .attribute("id")
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert_eq!(ids.len(), 6);
    assert!(ids.contains("t-6"));
    assert!(charts[5].title.contains("亿元"));
}

#[test]
fn elapsed_marker_drawn_only_when_given() {
    let stroke = "stroke=\"#D9822B\"";
    let with = targets_overview_chart(&six_hundreds(true), Some(0.5), &opts(Lang::Zh));
    let without = targets_overview_chart(&six_hundreds(true), None, &opts(Lang::Zh));
    assert!(with.svg.matches(stroke).count() >= 16, "a marker per row");
    assert_eq!(without.svg.matches(stroke).count(), 0);
    assert!(without.table.rows.iter().all(|r| r[6] == "–"));
    // In units, 兰州's marker sits at half of 80, 白银's at half of 20: different x positions.
    let single = target_chart(&six_hundreds(true)[0], Some(0.5), &opts(Lang::Zh));
    let xs: std::collections::HashSet<String> = single
        .svg
        .lines()
        // Plotters writes each dash as a two-point `<polyline>`; keep the vertical ones (the legend
        // sample is horizontal).
        .filter(|l| l.starts_with("<polyline") && l.contains(stroke))
        .filter_map(|l| {
            let pts = l.split("points=\"").nth(1)?.split('"').next()?;
            let xs: Vec<&str> = pts
                .split_whitespace()
                .filter_map(|p| p.split(',').next())
                .collect();
            (xs.len() == 2 && xs[0] == xs[1]).then(|| xs[0].to_string())
        })
        .collect();
    assert_eq!(xs.len(), 3, "markers at 40, 10 and 50 个: {xs:?}");
}
