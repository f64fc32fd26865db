//! Tasks by status and by pace, one stacked bar per task group. Status is what the journal says about a
//! task (未开始/推进中/已完成/滞后/暂缓); the lights are the 督查 convention for the period under review
//! (已完成 / 超进度 / 达进度 / 欠进度 / 未填报, see `journal::reports`), computed by the caller, so both charts
//! take plain counts. 未填报 is a bar of its own: silence is never counted as on track.

use plotters::style::RGBColor;

use super::canvas::palette;
use super::stacked::{self, Stacked};
use super::text::fmt_num;
use super::{Chart, ChartOptions, Lang, Table};

/// Task counts by status within one group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatusCounts {
    pub not_started: u32,
    pub in_progress: u32,
    pub done: u32,
    pub delayed: u32,
    pub paused: u32,
}

/// Task counts by light within one group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PaceCounts {
    pub done: u32,
    pub ahead: u32,
    pub on_track: u32,
    pub behind: u32,
    pub not_reported: u32,
}

/// One task group (e.g. 一、加快科技创新) with its counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GroupTasks {
    pub name: String,
    pub status: StatusCounts,
    pub pace: PaceCounts,
}

/// Stacked bars of task status per group.
pub fn status_chart(groups: &[GroupTasks], opts: &ChartOptions) -> Chart {
    let lang = opts.lang;
    let series = [
        (
            lang.pick("未开始", "Not started"),
            RGBColor(0xB0, 0xB0, 0xB0),
        ),
        (lang.pick("推进中", "In progress"), palette::SERIES[0]),
        (lang.pick("已完成", "Done"), palette::SERIES[2]),
        (lang.pick("滞后", "Delayed"), palette::SERIES[5]),
        (lang.pick("暂缓", "Paused"), palette::SERIES[3]),
    ];
    let rows = groups
        .iter()
        .map(|g| {
            let s = g.status;
            let v = [s.not_started, s.in_progress, s.done, s.delayed, s.paused];
            (g.name.clone(), v.iter().map(|x| u64::from(*x)).collect())
        })
        .collect();
    let title = lang.pick("各组任务状态", "Tasks by status per group");
    render(title, &series, rows, opts)
}

/// Stacked bars of task pace per group.
pub fn pace_chart(groups: &[GroupTasks], opts: &ChartOptions) -> Chart {
    let lang = opts.lang;
    let series = [
        (lang.pick("已完成", "Done"), palette::SERIES[2]),
        (lang.pick("超进度", "Ahead"), RGBColor(0x7C, 0xC4, 0x8E)),
        (lang.pick("达进度", "On pace"), palette::SERIES[0]),
        (lang.pick("欠进度", "Behind"), palette::SERIES[5]),
        (
            lang.pick("未填报", "Not reported"),
            RGBColor(0xB0, 0xB0, 0xB0),
        ),
    ];
    let rows = groups
        .iter()
        .map(|g| {
            let p = g.pace;
            let v = [p.done, p.ahead, p.on_track, p.behind, p.not_reported];
            (g.name.clone(), v.iter().map(|x| u64::from(*x)).collect())
        })
        .collect();
    let title = lang.pick(
        "各组任务本期状态（对照序时进度）",
        "Task lights per group this period (vs time elapsed)",
    );
    render(title, &series, rows, opts)
}

fn render(
    title: &str,
    series: &[(&str, RGBColor)],
    rows: Vec<(String, Vec<u64>)>,
    opts: &ChartOptions,
) -> Chart {
    let lang = opts.lang;
    let series: Vec<(String, RGBColor)> = series.iter().map(|(n, c)| (n.to_string(), *c)).collect();
    let grand: u64 = rows.iter().flat_map(|(_, v)| v.iter()).sum();
    let empty = grand == 0;
    let notes_top = if empty {
        vec![
            lang.pick("尚无任务数据", "No tasks recorded yet")
                .to_string(),
        ]
    } else {
        vec![]
    };
    let spec = Stacked {
        title,
        series: &series,
        rows: &rows,
        notes_top: &notes_top,
        notes_bottom: &[],
        label_share: 0.4,
    };
    let svg = stacked::draw(&spec, opts.clamped_width());

    let mut headers = vec![lang.pick("任务组", "Group").to_string()];
    headers.extend(series.iter().map(|(n, _)| n.clone()));
    headers.push(lang.pick("合计", "Total").to_string());
    let table_rows = rows
        .iter()
        .map(|(name, v)| {
            let mut row = vec![name.clone()];
            row.extend(v.iter().map(|x| fmt_num(*x as f64)));
            row.push(fmt_num(v.iter().sum::<u64>() as f64));
            row
        })
        .collect();

    let description = if empty {
        format!("{}{}", notes_top.join(""), lang.pick("。", "."))
    } else {
        let sums: Vec<String> = series
            .iter()
            .enumerate()
            .map(|(i, (n, _))| {
                let s: u64 = rows.iter().filter_map(|(_, v)| v.get(i)).sum();
                format!("{n} {s}")
            })
            .collect();
        match lang {
            Lang::Zh => format!(
                "{} 个任务组共 {grand} 项任务：{}。",
                rows.len(),
                sums.join("，")
            ),
            Lang::En => format!(
                "{grand} tasks in {} groups: {}.",
                rows.len(),
                sums.join(", ")
            ),
        }
    };
    let table = Table {
        headers,
        rows: table_rows,
    };
    Chart::finish(&svg, opts, title.to_string(), description, table, empty)
}
