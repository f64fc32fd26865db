//! Targets vs actual, as horizontal grouped bars: per indicator one row per place plus 合计, each with a
//! light target bar, the actual bar under it, "actual/target · attainment" text and a dashed
//! time-elapsed (序时进度) marker at `elapsed × target`.
//!
//! Horizontal bars because the chart grows downwards with more indicators while the width (a phone or a
//! desktop column) only stretches the bars, and Chinese labels read horizontally.
//!
//! The overview puts indicators with different measure words (个/项/家 and 亿元) on one axis by
//! normalising every figure to a share of its own target: the target bar is always 100 %, the actual bar
//! is the attainment, and the elapsed marker sits at the elapsed share. The per-indicator chart draws
//! the same rows in the indicator's own unit.

use super::canvas::{Align, Canvas, palette};
use super::frame::{self, FONT, LINE, Mark, PAD, Scale};
use super::text::{fit_text, fmt_num, fmt_pct, text_width};
use super::{Chart, ChartOptions, Lang, Place, Table, no_figures};

/// One target, e.g. 新增高新技术企业 100 家 (兰州 80, 白银 20).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TargetInput {
    /// Indicator name as the plan words it.
    pub name: String,
    /// Measure word of the values: 个, 项, 家, 亿元 …
    pub measure: String,
    /// Target for the whole (合计).
    pub target: f64,
    /// Latest reported total. When absent it is the sum of the place actuals if every place reported.
    pub actual: Option<f64>,
    /// Split by place; may be empty when the plan gives only a total.
    pub places: Vec<PlaceFigures>,
    /// A rate, share or cap (`Target::is_level`): place figures are never summed into a total.
    pub level: bool,
}

/// A place's share of a target and its latest reported figure.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceFigures {
    pub place: Place,
    pub target: f64,
    pub actual: Option<f64>,
}

struct Row {
    label: String,
    target: f64,
    actual: Option<f64>,
}

impl Row {
    fn share(&self) -> Option<f64> {
        let a = self.actual?;
        (self.target > 0.0).then(|| a / self.target)
    }
}

fn rows_of(input: &TargetInput, lang: Lang) -> Vec<Row> {
    let mut rows: Vec<Row> = input
        .places
        .iter()
        .map(|p| Row {
            label: p.place.label(lang),
            target: p.target,
            actual: p.actual,
        })
        .collect();
    let summed = if input.places.is_empty() || input.level {
        None
    } else {
        input.places.iter().map(|p| p.actual).sum::<Option<f64>>()
    };
    rows.push(Row {
        label: lang.pick("合计", "Total").to_string(),
        target: input.target,
        actual: input.actual.or(summed),
    });
    rows
}

/// All targets in one chart, every figure as a share of its own target (see the module docs).
/// `elapsed` is the share of the plan year gone (0–1); `None` draws no marker.
pub fn targets_overview_chart(
    inputs: &[TargetInput],
    elapsed: Option<f64>,
    opts: &ChartOptions,
) -> Chart {
    let lang = opts.lang;
    let title = lang
        .pick(
            "目标完成情况（占目标的百分比）",
            "Targets vs actual (% of target)",
        )
        .to_string();
    render(inputs, true, elapsed, opts, title)
}

/// One target in its own measure word (e.g. the 100亿元 investment in 亿元).
pub fn target_chart(input: &TargetInput, elapsed: Option<f64>, opts: &ChartOptions) -> Chart {
    let title = match opts.lang {
        Lang::Zh => format!("{}：目标与实际（{}）", input.name, input.measure),
        Lang::En => format!("{}: target vs actual ({})", input.name, input.measure),
    };
    render(std::slice::from_ref(input), false, elapsed, opts, title)
}

/// One [`target_chart`] per input, each with its own id (`{id}-1`, `{id}-2`, …) so several can sit on
/// one page without `aria-labelledby` pointing at another chart's title.
pub fn target_charts(
    inputs: &[TargetInput],
    elapsed: Option<f64>,
    opts: &ChartOptions,
) -> Vec<Chart> {
    inputs
        .iter()
        .enumerate()
        .map(|(i, input)| {
            let opts = ChartOptions {
                id: format!("{}-{}", opts.id, i + 1),
                ..opts.clone()
            };
            target_chart(input, elapsed, &opts)
        })
        .collect()
}

const ROW_H: f64 = 28.0;
const BAR_H: f64 = 10.0;

fn render(
    inputs: &[TargetInput],
    percent: bool,
    elapsed: Option<f64>,
    opts: &ChartOptions,
    title: String,
) -> Chart {
    let lang = opts.lang;
    let width = opts.clamped_width();
    let elapsed = elapsed.filter(|e| e.is_finite()).map(|e| e.clamp(0.0, 1.0));
    let blocks: Vec<(&TargetInput, Vec<Row>)> =
        inputs.iter().map(|i| (i, rows_of(i, lang))).collect();
    let empty = blocks
        .iter()
        .all(|(_, rows)| rows.iter().all(|r| r.actual.is_none()));

    let value_text = |r: &Row| {
        let actual = r.actual.map_or_else(|| "–".to_string(), fmt_num);
        let pct = r.share().map_or_else(|| "–".to_string(), fmt_pct);
        format!("{actual}/{} · {pct}", fmt_num(r.target))
    };
    let header_text = |i: &TargetInput| {
        if percent {
            let (open, close) = (lang.pick("（", " ("), lang.pick("）", ")"));
            format!("{}{open}{} {}{close}", i.name, fmt_num(i.target), i.measure)
        } else {
            i.name.clone()
        }
    };

    let mut legend = vec![
        (
            lang.pick("目标", "Target").to_string(),
            Mark::Dot(palette::TARGET),
        ),
        (
            lang.pick("实际", "Actual").to_string(),
            Mark::Dot(palette::ACTUAL),
        ),
    ];
    if let Some(e) = elapsed {
        let label = format!("{} {}", lang.pick("序时进度", "Time elapsed"), fmt_pct(e));
        legend.push((label, Mark::Dash(palette::ELAPSED)));
    }

    // Columns: place labels | bars | value text. Both side columns are sized to their widest text but
    // capped so bars keep at least ~40 % of a narrow screen.
    let all_rows = || blocks.iter().flat_map(|(_, rows)| rows.iter());
    let label_w = all_rows()
        .map(|r| text_width(&r.label, FONT))
        .fold(0.0, f64::max)
        .min(width * 0.22);
    let value_w = all_rows()
        .map(|r| text_width(&value_text(r), FONT))
        .fold(0.0, f64::max)
        .min(width * 0.38);
    let bars_x0 = PAD + label_w + 8.0;
    let bars_x1 = width - PAD - value_w - 8.0;
    let data_max = if percent {
        all_rows().filter_map(Row::share).fold(1.0, f64::max)
    } else {
        all_rows()
            .map(|r| r.target.max(r.actual.unwrap_or(0.0)))
            .fold(0.0, f64::max)
    };
    let scale = Scale::new(bars_x0, bars_x1, data_max, percent);

    let top = PAD
        + LINE
        + 2.0
        + frame::legend(None, &legend, width, 0.0)
        + if empty { LINE } else { 0.0 };
    let body_h: f64 = blocks
        .iter()
        .map(|(_, rows)| LINE + rows.len() as f64 * ROW_H + 6.0)
        .sum();
    let height = top + body_h + LINE + PAD;

    let mut svg = String::new();
    {
        let c = Canvas::new(&mut svg, width as u32, height.ceil() as u32);
        let mut y = frame::title(&c, &title, width, PAD);
        y = frame::legend(Some(&c), &legend, width, y);
        if empty {
            y = frame::note(&c, no_figures(lang), width, y);
        }
        let plot_top = y;
        scale.draw_vertical_grid(&c, plot_top, top + body_h);
        for (input, rows) in &blocks {
            let head = fit_text(&header_text(input), FONT, width - 2.0 * PAD);
            c.bold(&head, PAD, y + LINE / 2.0, FONT, palette::INK, Align::Start);
            y += LINE;
            for r in rows {
                draw_row(&c, r, y, label_w, &scale, percent, elapsed, &value_text(r));
                y += ROW_H;
            }
            y += 6.0;
        }
        c.finish();
    }

    let table = table_of(&blocks, lang, elapsed);
    let description = describe(&blocks, percent, elapsed, empty, lang);
    Chart::finish(&svg, opts, title, description, table, empty)
}

#[allow(clippy::too_many_arguments)]
fn draw_row(
    c: &Canvas,
    r: &Row,
    y: f64,
    label_w: f64,
    scale: &Scale,
    percent: bool,
    elapsed: Option<f64>,
    value: &str,
) {
    let mid = y + ROW_H / 2.0;
    let label = fit_text(&r.label, FONT, label_w);
    c.text(&label, PAD, mid, FONT, palette::INK, Align::Start);
    let (t_val, a_val) = if percent {
        (1.0, r.share())
    } else {
        (r.target, r.actual)
    };
    c.rect(
        scale.x0,
        y + 3.0,
        scale.at(t_val),
        y + 3.0 + BAR_H,
        palette::TARGET,
        true,
    );
    if let Some(a) = a_val {
        let y0 = y + 5.0 + BAR_H;
        c.rect(scale.x0, y0, scale.at(a), y0 + BAR_H, palette::ACTUAL, true);
    }
    if let Some(e) = elapsed {
        let x = scale.at(if percent { e } else { e * r.target });
        c.dashed(x, y + 1.0, x, y + ROW_H - 1.0, palette::ELAPSED, 2);
    }
    c.text(value, scale.x1 + 8.0, mid, FONT, palette::INK, Align::Start);
}

fn table_of(blocks: &[(&TargetInput, Vec<Row>)], lang: Lang, elapsed: Option<f64>) -> Table {
    let headers = match lang {
        Lang::Zh => [
            "指标",
            "地区",
            "目标",
            "实际",
            "单位",
            "完成率",
            "序时进度目标",
        ],
        Lang::En => [
            "Indicator",
            "Place",
            "Target",
            "Actual",
            "Unit",
            "Attainment",
            "Time-elapsed target",
        ],
    };
    let dash = || "–".to_string();
    let rows = blocks
        .iter()
        .flat_map(|(input, rows)| {
            rows.iter().map(move |r| {
                vec![
                    input.name.clone(),
                    r.label.clone(),
                    fmt_num(r.target),
                    r.actual.map_or_else(dash, fmt_num),
                    input.measure.clone(),
                    r.share().map_or_else(dash, fmt_pct),
                    elapsed.map_or_else(dash, |e| fmt_num(e * r.target)),
                ]
            })
        })
        .collect();
    Table {
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}

fn describe(
    blocks: &[(&TargetInput, Vec<Row>)],
    percent: bool,
    elapsed: Option<f64>,
    empty: bool,
    lang: Lang,
) -> String {
    let totals: Vec<String> = blocks
        .iter()
        .filter_map(|(input, rows)| {
            let total = rows.last()?;
            let pct = total.share().map_or_else(|| "–".to_string(), fmt_pct);
            Some(format!("{} {pct}", input.name))
        })
        .collect();
    let mut d = match (lang, percent) {
        (Lang::Zh, true) => format!(
            "{}项目标的实际完成数占目标的百分比，按地区和合计分列。",
            blocks.len()
        ),
        (Lang::Zh, false) => "目标与最新实际数，按地区和合计分列。".to_string(),
        (Lang::En, true) => format!(
            "Actual figures of {} targets as a percentage of each target, by place and total.",
            blocks.len()
        ),
        (Lang::En, false) => "Target and latest actual figure, by place and total.".to_string(),
    };
    if empty {
        d.push_str(lang.pick("尚未记录实际数据。", " No figures recorded yet."));
    } else {
        let sep = lang.pick("；", "; ");
        let lead = lang.pick("合计完成率：", " Total attainment: ");
        d.push_str(&format!(
            "{lead}{}{}",
            totals.join(sep),
            lang.pick("。", ".")
        ));
    }
    if let Some(e) = elapsed {
        let s = match lang {
            Lang::Zh => format!("序时进度 {}。", fmt_pct(e)),
            Lang::En => format!(" Time elapsed: {}.", fmt_pct(e)),
        };
        d.push_str(&s);
    }
    d
}
