//! Progress over time for one target: the cumulative figures reported (as-of date, value) per place or
//! total, against the linear path from 0 at the start of the plan year to the target at its end.
//!
//! A figure "as of" a day counts at the end of that day, so 12-31 sits exactly on the target's end.
//! Reports dated after the plan year (a final tally in January) extend the time axis instead of being
//! dropped.

use super::canvas::{Align, Canvas, palette};
use super::day::Day;
use super::frame::{self, FONT, LINE, Mark, PAD, Scale};
use super::text::{fmt_num, text_width};
use super::{Chart, ChartOptions, Lang, Scope, Table, no_figures};

/// One target's progress reports.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressInput {
    pub name: String,
    pub measure: String,
    /// The plan year; the planned path runs from its 01-01 to its 12-31.
    pub year: i32,
    pub series: Vec<ProgressSeries>,
}

/// Cumulative reports for one place (or the total) and that scope's target.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressSeries {
    pub scope: Scope,
    pub target: f64,
    /// (as-of day, cumulative value); any order, sorted for drawing.
    pub points: Vec<(Day, f64)>,
}

/// Share of the planned path reached at the end of `d` (0 before the year, 1 after it).
fn planned_share(year: i32, d: Day) -> f64 {
    let start = Day {
        year,
        month: 1,
        day: 1,
    }
    .days();
    let end = Day {
        year: year + 1,
        month: 1,
        day: 1,
    }
    .days();
    ((d.days() + 1 - start) as f64 / (end - start) as f64).clamp(0.0, 1.0)
}

pub fn progress_chart(input: &ProgressInput, opts: &ChartOptions) -> Chart {
    let lang = opts.lang;
    let width = opts.clamped_width();
    let title = match lang {
        Lang::Zh => format!("{}：累计进度（{}）", input.name, input.measure),
        Lang::En => format!("{}: cumulative progress ({})", input.name, input.measure),
    };
    let series: Vec<(&ProgressSeries, Vec<(Day, f64)>)> = input
        .series
        .iter()
        .map(|s| {
            let mut pts: Vec<(Day, f64)> = s
                .points
                .iter()
                .filter(|p| p.1.is_finite())
                .copied()
                .collect();
            crate::sort::sort_by_key(&mut pts, |p| p.0);
            (s, pts)
        })
        .collect();
    let empty = series.iter().all(|(_, p)| p.is_empty());

    // Time axis in days, end-of-day positions; widened to cover every report.
    let start = Day {
        year: input.year,
        month: 1,
        day: 1,
    }
    .days();
    let mut t0 = start;
    let mut t1 = Day {
        year: input.year + 1,
        month: 1,
        day: 1,
    }
    .days();
    for (_, pts) in &series {
        for (d, _) in pts {
            t0 = t0.min(d.days());
            t1 = t1.max(d.days() + 1);
        }
    }
    let y_max = series
        .iter()
        .flat_map(|(s, p)| std::iter::once(s.target).chain(p.iter().map(|x| x.1)))
        .fold(0.0, f64::max);

    let mut legend = Vec::new();
    for (i, (s, _)) in series.iter().enumerate() {
        let col = palette::SERIES[i % palette::SERIES.len()];
        legend.push((
            format!("{} {}", s.scope.label(lang), lang.pick("实际", "actual")),
            Mark::Line(col),
        ));
        legend.push((
            format!("{} {}", s.scope.label(lang), lang.pick("计划", "planned")),
            Mark::Dash(col),
        ));
    }
    let y_scale_probe = Scale::new(0.0, 1.0, y_max, false);
    let axis_w = y_scale_probe
        .ticks()
        .iter()
        .map(|t| text_width(&fmt_num(*t), FONT))
        .fold(0.0, f64::max);
    let top = PAD
        + LINE
        + 2.0
        + frame::legend(None, &legend, width, 0.0)
        + if empty { LINE } else { 0.0 }
        + 8.0;
    let plot_h = (width * 0.45).clamp(180.0, 420.0);
    let height = top + plot_h + LINE + PAD;
    let (x0, x1) = (PAD + axis_w + 6.0, width - PAD - 28.0);
    // Vertical value scale: reuse `Scale` on the pixel range bottom→top.
    let ys = Scale::new(top + plot_h, top, y_max, false);
    let x_at = |t: i64| x0 + (t - t0) as f64 / (t1 - t0).max(1) as f64 * (x1 - x0);

    let mut svg = String::new();
    {
        let c = Canvas::new(&mut svg, width as u32, height.ceil() as u32);
        let mut y = frame::title(&c, &title, width, PAD);
        y = frame::legend(Some(&c), &legend, width, y);
        if empty {
            frame::note(&c, no_figures(lang), width, y);
        }
        for t in ys.ticks() {
            let py = ys.at(t);
            c.line(x0, py, x1, py, palette::GRID, 1);
            c.text(&fmt_num(t), x0 - 4.0, py, FONT, palette::MUTED, Align::End);
        }
        c.line(x0, top + plot_h, x1, top + plot_h, palette::AXIS, 1);
        month_ticks(&c, lang, t0, t1, &x_at, top + plot_h);
        let end = Day {
            year: input.year + 1,
            month: 1,
            day: 1,
        }
        .days();
        for (i, (s, pts)) in series.iter().enumerate() {
            let col = palette::SERIES[i % palette::SERIES.len()];
            c.dashed(x_at(start), ys.at(0.0), x_at(end), ys.at(s.target), col, 1);
            c.text(
                &fmt_num(s.target),
                x_at(end) + 3.0,
                ys.at(s.target),
                FONT,
                col,
                Align::Start,
            );
            let line: Vec<(f64, f64)> = pts
                .iter()
                .map(|(d, v)| (x_at(d.days() + 1), ys.at(*v)))
                .collect();
            c.polyline(&line, col, 2);
            for &(px, py) in &line {
                c.dot(px, py, 3, col);
            }
            if let (Some(&(px, py)), Some((_, v))) = (line.last(), pts.last()) {
                c.text(
                    &fmt_num(*v),
                    px,
                    py - 10.0,
                    FONT,
                    palette::INK,
                    Align::Middle,
                );
            }
        }
        c.finish();
    }

    let table = table_of(input, &series, lang);
    let description = describe(input, &series, empty, lang);
    Chart::finish(&svg, opts, title, description, table, empty)
}

/// Month starts along the time axis, thinned to fit; January shows the year.
fn month_ticks(c: &Canvas, lang: Lang, t0: i64, t1: i64, x_at: &dyn Fn(i64) -> f64, base: f64) {
    let first = Day::from_days(t0).month_start();
    let mut months = Vec::new();
    let (mut y, mut m) = (first.year, first.month);
    loop {
        let o = Day {
            year: y,
            month: m,
            day: 1,
        }
        .days();
        if o > t1 || months.len() > 240 {
            break;
        }
        if o >= t0 {
            months.push((y, m, o));
        }
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    let spacing = (x_at(t1) - x_at(t0)) / months.len().max(1) as f64;
    let every = [1, 2, 3, 6, 12]
        .into_iter()
        .find(|k| spacing * *k as f64 >= 34.0)
        .unwrap_or(12);
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    for &(y, m, o) in &months {
        let x = x_at(o);
        c.line(x, base, x, base + 4.0, palette::AXIS, 1);
        if (m - 1) % every != 0 {
            continue;
        }
        let label = match (m, lang) {
            (1, Lang::Zh) => format!("{y}年"),
            (1, Lang::En) => y.to_string(),
            (_, Lang::Zh) => format!("{m}月"),
            (_, Lang::En) => EN
                .get((m as usize).wrapping_sub(1))
                .copied()
                .unwrap_or("")
                .to_string(),
        };
        c.text(&label, x, base + 12.0, FONT, palette::MUTED, Align::Middle);
    }
}

fn table_of(
    input: &ProgressInput,
    series: &[(&ProgressSeries, Vec<(Day, f64)>)],
    lang: Lang,
) -> Table {
    let headers = match lang {
        Lang::Zh => ["地区", "日期", "实际累计", "计划累计", "单位"],
        Lang::En => ["Place", "Date", "Actual to date", "Planned to date", "Unit"],
    };
    let mut rows = Vec::new();
    let year_end = Day {
        year: input.year,
        month: 12,
        day: 31,
    };
    for (s, pts) in series {
        let scope = s.scope.label(lang);
        for (d, v) in pts {
            let planned = s.target * planned_share(input.year, *d);
            rows.push(vec![
                scope.clone(),
                d.iso(),
                fmt_num(*v),
                fmt_num(planned),
                input.measure.clone(),
            ]);
        }
        rows.push(vec![
            scope,
            year_end.iso(),
            "–".to_string(),
            fmt_num(s.target),
            input.measure.clone(),
        ]);
    }
    Table {
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}

fn describe(
    input: &ProgressInput,
    series: &[(&ProgressSeries, Vec<(Day, f64)>)],
    empty: bool,
    lang: Lang,
) -> String {
    let parts: Vec<String> = series
        .iter()
        .map(|(s, pts)| {
            let scope = s.scope.label(lang);
            match (pts.last(), lang) {
                (Some((d, v)), Lang::Zh) => format!(
                    "{scope}截至{}为{}，目标{}",
                    d.iso(),
                    fmt_num(*v),
                    fmt_num(s.target)
                ),
                (Some((d, v)), Lang::En) => format!(
                    "{scope} {} as of {}, target {}",
                    fmt_num(*v),
                    d.iso(),
                    fmt_num(s.target)
                ),
                (None, Lang::Zh) => format!("{scope}目标{}", fmt_num(s.target)),
                (None, Lang::En) => format!("{scope} target {}", fmt_num(s.target)),
            }
        })
        .collect();
    let mut d = match lang {
        Lang::Zh => format!(
            "{}年累计完成数与线性计划进度对比（{}）：{}。",
            input.year,
            input.measure,
            parts.join("；")
        ),
        Lang::En => format!(
            "Cumulative figures vs the linear plan for {} ({}): {}.",
            input.year,
            input.measure,
            parts.join("; ")
        ),
    };
    if empty {
        d.push_str(lang.pick("尚未记录实际数据。", " No figures recorded yet."));
    }
    d
}
