use super::{count_rects, has_text, parse_texts, save};
use crate::charts::canvas::palette;
use crate::charts::{
    ChartOptions, GroupTasks, Lang, PaceCounts, StatusCounts, pace_chart, status_chart,
};

fn groups() -> Vec<GroupTasks> {
    let g = |name: &str, s: [u32; 5], p: [u32; 3]| GroupTasks {
        name: name.to_string(),
        status: StatusCounts {
            not_started: s[0],
            in_progress: s[1],
            done: s[2],
            delayed: s[3],
            paused: s[4],
        },
        pace: PaceCounts {
            done: 0,
            ahead: p[0],
            on_track: p[1],
            behind: p[2],
            not_reported: 0,
        },
    };
    vec![
        g("一、强化科技创新", [2, 5, 3, 1, 0], [2, 4, 3]),
        g("二、培育创新主体", [0, 4, 0, 2, 1], [0, 3, 3]),
        g("三、<优化>环境&", [1, 0, 0, 0, 0], [0, 0, 0]),
    ]
}

fn opts(lang: Lang) -> ChartOptions {
    ChartOptions {
        width: 600,
        lang,
        id: "s".to_string(),
    }
}

#[test]
fn status_segments_match_nonzero_counts() {
    let chart = status_chart(&groups(), &opts(Lang::Zh));
    save("status_zh", &chart);
    let texts = parse_texts(&chart);
    // 推进中 (SERIES[0]) is non-zero in two groups, 滞后 (SERIES[5]) in two, 暂缓 (SERIES[3]) in one.
    assert_eq!(count_rects(&chart, palette::SERIES[0]), 2);
    assert_eq!(count_rects(&chart, palette::SERIES[5]), 2);
    assert_eq!(count_rects(&chart, palette::SERIES[3]), 1);
    for t in [
        "未开始",
        "推进中",
        "已完成",
        "滞后",
        "暂缓",
        "一、强化科技创新",
        "三、<优化>环境&",
    ] {
        assert!(has_text(&texts, t), "missing {t}");
    }
    assert_eq!(chart.table.headers.len(), 7);
    assert_eq!(chart.table.rows[0][1..], ["2", "5", "3", "1", "0", "11"]);
    // Row totals are drawn at the bar ends.
    for row in &chart.table.rows {
        assert!(texts.iter().any(|t| *t == row[6]));
    }
    assert!(chart.description.contains("共 19 项任务"));
}

#[test]
fn pace_chart_in_english() {
    let chart = pace_chart(&groups(), &opts(Lang::En));
    save("pace_en", &chart);
    let texts = parse_texts(&chart);
    for t in ["Done", "Ahead", "On pace", "Behind", "Not reported"] {
        assert!(has_text(&texts, t), "missing {t}");
    }
    assert_eq!(count_rects(&chart, palette::SERIES[5]), 2);
    assert_eq!(chart.table.rows[2][1..], ["0", "0", "0", "0", "0", "0"]);
    assert!(chart.description.starts_with("15 tasks in 3 groups"));
}

#[test]
fn no_tasks_says_so() {
    let none: Vec<GroupTasks> = groups()
        .into_iter()
        .map(|g| GroupTasks {
            name: g.name,
            ..GroupTasks::default()
        })
        .collect();
    let chart = status_chart(&none, &opts(Lang::Zh));
    assert!(chart.empty);
    assert!(has_text(&parse_texts(&chart), "尚无任务数据"));
    assert_eq!(count_rects(&chart, palette::SERIES[0]), 0);
}
