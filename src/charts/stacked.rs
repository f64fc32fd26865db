//! Horizontal stacked bars, one row per category (a task group, a unit), one segment per series (a
//! status, a pace, a role). Shared by the status, pace and workload charts.
//!
//! Each row ends with its total; a segment shows its count inside when the count fits, and the table
//! always has every count. Zero-length segments are not drawn, so "bars" in the SVG are real figures.

use plotters::style::RGBColor;

use super::canvas::{Align, Canvas, palette};
use super::frame::{self, FONT, LINE, Mark, PAD, Scale};
use super::text::{fit_text, fmt_num, text_width};

const ROW_H: f64 = 22.0;
const BAR_H: f64 = 14.0;

/// What to draw; all text is caller data and is escaped by the SVG backend.
pub struct Stacked<'a> {
    pub title: &'a str,
    /// Series names and colours, in stacking order.
    pub series: &'a [(String, RGBColor)],
    /// Row label and one count per series.
    pub rows: &'a [(String, Vec<u64>)],
    /// Notes under the legend (e.g. the empty state).
    pub notes_top: &'a [String],
    /// Notes under the axis (e.g. "and 280 more units").
    pub notes_bottom: &'a [String],
    /// Largest share of the width the row labels may take before they are shortened with "…".
    pub label_share: f64,
}

/// Draws the chart at `width` px and returns the plotters SVG (without the accessibility wrapper).
pub fn draw(spec: &Stacked, width: f64) -> String {
    let totals: Vec<u64> = spec.rows.iter().map(|(_, v)| v.iter().sum()).collect();
    let max_total = totals.iter().copied().max().unwrap_or(0);
    let legend: Vec<(String, Mark)> = spec
        .series
        .iter()
        .map(|(name, col)| (name.clone(), Mark::Dot(*col)))
        .collect();

    let label_w = spec
        .rows
        .iter()
        .map(|(l, _)| text_width(l, FONT))
        .fold(0.0, f64::max)
        .min(width * spec.label_share);
    let total_w = text_width(&fmt_num(max_total as f64), FONT) + 4.0;
    let x0 = PAD + label_w + 8.0;
    let x1 = width - PAD - total_w - 6.0;
    let scale = Scale::new(x0, x1, max_total as f64, false);

    let legend_h = frame::legend(None, &legend, width, 0.0);
    let top = PAD + LINE + 2.0 + legend_h + LINE * spec.notes_top.len() as f64;
    let body_h = ROW_H * spec.rows.len() as f64 + 4.0;
    let height = top + body_h + LINE + LINE * spec.notes_bottom.len() as f64 + PAD;

    let mut svg = String::new();
    {
        let c = Canvas::new(&mut svg, width as u32, height.ceil() as u32);
        let mut y = frame::title(&c, spec.title, width, PAD);
        y = frame::legend(Some(&c), &legend, width, y);
        for n in spec.notes_top {
            y = frame::note(&c, n, width, y);
        }
        let mut after = scale.draw_vertical_grid(&c, y, y + body_h);
        for ((label, values), total) in spec.rows.iter().zip(&totals) {
            draw_row(&c, spec, label, values, *total, y, label_w, &scale);
            y += ROW_H;
        }
        for n in spec.notes_bottom {
            after = frame::note(&c, n, width, after);
        }
        c.finish();
    }
    svg
}

#[allow(clippy::too_many_arguments)]
fn draw_row(
    c: &Canvas,
    spec: &Stacked,
    label: &str,
    values: &[u64],
    total: u64,
    y: f64,
    label_w: f64,
    scale: &Scale,
) {
    let mid = y + ROW_H / 2.0;
    let shown = fit_text(label, FONT, label_w);
    c.text(&shown, PAD, mid, FONT, palette::INK, Align::Start);
    let mut acc = 0u64;
    for (v, (_, col)) in values.iter().zip(spec.series) {
        if *v == 0 {
            continue;
        }
        let (a, b) = (scale.at(acc as f64), scale.at((acc + v) as f64));
        c.rect(a, mid - BAR_H / 2.0, b, mid + BAR_H / 2.0, *col, true);
        let text = fmt_num(*v as f64);
        if b - a >= text_width(&text, FONT - 2.0) + 4.0 {
            c.text(
                &text,
                (a + b) / 2.0,
                mid,
                FONT - 2.0,
                ink_on(*col),
                Align::Middle,
            );
        }
        acc += v;
    }
    let end = scale.at(total as f64);
    c.text(
        &fmt_num(total as f64),
        end + 4.0,
        mid,
        FONT,
        palette::INK,
        Align::Start,
    );
}

/// Dark text on light fills, white on dark ones, for readable segment counts.
fn ink_on(col: RGBColor) -> RGBColor {
    let l = 0.299 * f64::from(col.0) + 0.587 * f64::from(col.1) + 0.114 * f64::from(col.2);
    if l > 150.0 {
        palette::INK
    } else {
        RGBColor(0xFF, 0xFF, 0xFF)
    }
}
