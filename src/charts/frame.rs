//! Layout pieces every chart shares: sizes, the visible title, a wrapping legend, a linear scale with
//! "nice" ticks and the vertical grid under horizontal bars.

use plotters::style::RGBColor;

use super::canvas::{Align, Canvas, palette};
use super::text::{fit_text, fmt_num, fmt_pct, text_width};

/// Body text size in CSS px; 12 px stays legible on phones and fits CJK labels in narrow columns.
pub const FONT: f64 = 12.0;
pub const TITLE_FONT: f64 = 14.0;
/// Outer padding.
pub const PAD: f64 = 12.0;
/// Height of one line of text including spacing.
pub const LINE: f64 = 20.0;

/// Draws the visible title (shortened to fit) and returns the y below it.
pub fn title(c: &Canvas, text: &str, width: f64, y: f64) -> f64 {
    let shown = fit_text(text, TITLE_FONT, width - 2.0 * PAD);
    c.bold(
        &shown,
        PAD,
        y + LINE / 2.0,
        TITLE_FONT,
        palette::INK,
        Align::Start,
    );
    y + LINE + 2.0
}

/// How a legend entry is marked. Bar charts use dots so that `<rect>`s of a bar colour are only bars.
#[derive(Debug, Clone, Copy)]
pub enum Mark {
    Dot(RGBColor),
    Dash(RGBColor),
    Line(RGBColor),
}

/// Lays the entries out left to right, wrapping at `width`, and returns the y below the legend.
/// `draw = false` only measures, so callers can size the SVG before drawing.
pub fn legend(c: Option<&Canvas>, items: &[(String, Mark)], width: f64, y: f64) -> f64 {
    let mut x = PAD;
    let mut line_y = y;
    for (label, mark) in items {
        let w = 18.0 + text_width(label, FONT) + 14.0;
        if x > PAD && x + w > width - PAD {
            x = PAD;
            line_y += LINE;
        }
        if let Some(c) = c {
            let cy = line_y + LINE / 2.0;
            match *mark {
                Mark::Dot(col) => c.dot(x + 6.0, cy, 5, col),
                Mark::Dash(col) => c.dashed(x, cy, x + 14.0, cy, col, 2),
                Mark::Line(col) => c.line(x, cy, x + 14.0, cy, col, 2),
            }
            c.text(label, x + 18.0, cy, FONT, palette::INK, Align::Start);
        }
        x += w;
    }
    if items.is_empty() { y } else { line_y + LINE }
}

/// A muted one-line note (e.g. "no figures recorded yet"); returns the y below it.
pub fn note(c: &Canvas, text: &str, width: f64, y: f64) -> f64 {
    let shown = fit_text(text, FONT, width - 2.0 * PAD);
    c.text(
        &shown,
        PAD,
        y + LINE / 2.0,
        FONT,
        palette::MUTED,
        Align::Start,
    );
    y + LINE
}

/// Maps values in `0..=max` to pixels in `x0..=x1`.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub x0: f64,
    pub x1: f64,
    pub max: f64,
    pub step: f64,
    /// Ticks are shares of 1.0 printed as percentages.
    pub percent: bool,
}

impl Scale {
    /// A scale whose top is a round number at or above `data_max` (at least 1 so an all-zero chart
    /// still has an axis).
    pub fn new(x0: f64, x1: f64, data_max: f64, percent: bool) -> Scale {
        let data_max = if data_max.is_finite() && data_max > 0.0 {
            data_max
        } else {
            1.0
        };
        // Try 3–6 intervals (4 first on ties) and keep the tightest round top: 12 gets 0–12, not 0–15.
        let (step, max) = [4u8, 5, 3, 6]
            .into_iter()
            .map(|n| {
                let step = nice_step(data_max / f64::from(n), percent);
                (step, (data_max / step - 1e-9).ceil().max(1.0) * step)
            })
            .fold((1.0, f64::INFINITY), |best, cand| {
                if cand.1 < best.1 - 1e-9 { cand } else { best }
            });
        Scale {
            x0,
            // Reversed ranges are fine (a vertical axis grows upwards); an empty one is widened.
            x1: if (x1 - x0).abs() < 1.0 { x0 + 1.0 } else { x1 },
            max,
            step,
            percent,
        }
    }

    /// Pixel position of `v`, clamped to the axis so an outlier never draws outside the plot.
    pub fn at(&self, v: f64) -> f64 {
        let v = if v.is_finite() { v } else { 0.0 };
        self.x0 + (v / self.max).clamp(0.0, 1.0) * (self.x1 - self.x0)
    }

    pub fn tick_label(&self, v: f64) -> String {
        if self.percent { fmt_pct(v) } else { fmt_num(v) }
    }

    pub fn ticks(&self) -> Vec<f64> {
        // At most a dozen ticks even if a degenerate input (1e308) made the division huge.
        let n = ((self.max / self.step).round() as usize).min(12);
        (0..=n).map(|i| i as f64 * self.step).collect()
    }

    /// Vertical grid lines from `top` to `bottom` with tick labels under the axis, thinned so labels
    /// never collide on narrow screens. Returns the y below the labels.
    pub fn draw_vertical_grid(&self, c: &Canvas, top: f64, bottom: f64) -> f64 {
        let ticks = self.ticks();
        let widest = ticks
            .iter()
            .map(|&t| text_width(&self.tick_label(t), FONT))
            .fold(0.0, f64::max);
        let spacing = (self.x1 - self.x0) / (ticks.len().max(2) - 1) as f64;
        let every = ((widest + 8.0) / spacing.max(1.0)).ceil().max(1.0) as usize;
        for (i, &t) in ticks.iter().enumerate() {
            let x = self.at(t);
            c.line(x, top, x, bottom, palette::GRID, 1);
            if i % every == 0 {
                let label = self.tick_label(t);
                c.text(
                    &label,
                    x,
                    bottom + 10.0,
                    FONT,
                    palette::MUTED,
                    Align::Middle,
                );
            }
        }
        c.line(self.x0, top, self.x0, bottom, palette::AXIS, 1);
        bottom + LINE
    }
}

/// Rounds `raw` up to 1, 2, 2.5 or 5 × 10ⁿ (percent scales use 10/20/25/50 % steps).
pub fn nice_step(raw: f64, percent: bool) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    // Percent axes step at least 10 %; counts and money at least 1 (no "2.5 tasks" ticks).
    let floor = if percent { 0.1 } else { 1.0 };
    let raw = raw.max(floor);
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let nice = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .find(|&n| norm <= n + 1e-9)
        .unwrap_or(10.0);
    nice * mag
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_round_up_to_nice_tops() {
        let s = Scale::new(0.0, 100.0, 100.0, false);
        assert_eq!(s.max, 100.0);
        assert_eq!(s.ticks(), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        let s = Scale::new(0.0, 100.0, 37.0, false);
        assert_eq!(s.max, 40.0);
        assert_eq!(Scale::new(0.0, 100.0, 12.0, false).max, 12.0);
        assert!((Scale::new(0.0, 100.0, 1.09, true).max - 1.2).abs() < 1e-9);
        let p = Scale::new(0.0, 100.0, 1.0, true);
        assert_eq!(p.tick_label(p.max), "100%");
        assert_eq!(Scale::new(0.0, 100.0, 0.0, false).max, 1.0);
        assert_eq!(s.at(1000.0), 100.0);
    }
}
