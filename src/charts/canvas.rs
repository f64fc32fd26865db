//! A thin drawing surface over plotters' `SVGBackend`: pixel-space primitives (bars, lines, dots, text)
//! and the accessibility wrapper (`role="img"`, `<title>`, `<desc>`) that the backend cannot emit.
//!
//! We use plotters for the SVG primitives and their escaping, but not `ChartBuilder`/meshes: those size
//! label areas through plotters' font measurement, which natively miscounts CJK and on wasm32 touches
//! the DOM for every label (see `text.rs`). Drawing in pixel space with our own layout keeps the output
//! identical on both targets.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::text::{FONT_STACK, clean, escape_xml, sanitize_id};

/// Bar and line colours. Tests count bars by these exact fills, so keep them distinct from each other.
pub mod palette {
    use plotters::style::RGBColor;
    /// Target bars: light so the actual bar reads as "how far we got".
    pub const TARGET: RGBColor = RGBColor(0xBF, 0xCF, 0xE3);
    /// Actual bars.
    pub const ACTUAL: RGBColor = RGBColor(0x2F, 0x6F, 0xB3);
    /// The time-elapsed (序时进度) marker.
    pub const ELAPSED: RGBColor = RGBColor(0xD9, 0x82, 0x2B);
    /// Axis lines and grid.
    pub const AXIS: RGBColor = RGBColor(0x99, 0x99, 0x99);
    pub const GRID: RGBColor = RGBColor(0xE4, 0xE4, 0xE4);
    /// Body text and muted notes.
    pub const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
    pub const MUTED: RGBColor = RGBColor(0x66, 0x66, 0x66);
    /// Series colours for places / statuses / roles (colour-blind friendly, Okabe–Ito based).
    pub const SERIES: [RGBColor; 6] = [
        RGBColor(0x00, 0x72, 0xB2),
        RGBColor(0xE6, 0x9F, 0x00),
        RGBColor(0x00, 0x9E, 0x73),
        RGBColor(0xCC, 0x79, 0xA7),
        RGBColor(0x56, 0xB4, 0xE9),
        RGBColor(0xD5, 0x5E, 0x00),
    ];
}

/// Horizontal text alignment relative to the anchor point.
#[derive(Debug, Clone, Copy)]
pub enum Align {
    Start,
    Middle,
    End,
}

/// Drawing surface writing SVG into a string. Writing into a `String` cannot fail (only plotters' file
/// target does I/O), so primitives ignore the backend's `Result` instead of threading it everywhere.
pub struct Canvas<'a> {
    area: DrawingArea<SVGBackend<'a>, plotters::coord::Shift>,
}

fn px(v: f64) -> i32 {
    if v.is_finite() { v.round() as i32 } else { 0 }
}

impl<'a> Canvas<'a> {
    /// Starts an SVG of `width` × `height` px on a white background (charts must stay readable when the
    /// page has a dark theme).
    pub fn new(buf: &'a mut String, width: u32, height: u32) -> Self {
        let area = SVGBackend::with_string(buf, (width, height)).into_drawing_area();
        let _ = area.fill(&WHITE);
        Canvas { area }
    }

    /// A bar from (x0, y0) to (x1, y1); corners may come in any order.
    pub fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor, filled: bool) {
        let (l, r) = (x0.min(x1), x0.max(x1));
        let (t, b) = (y0.min(y1), y0.max(y1));
        let style = if filled {
            color.filled()
        } else {
            color.stroke_width(1)
        };
        let _ = self
            .area
            .draw(&Rectangle::new([(px(l), px(t)), (px(r), px(b))], style));
    }

    pub fn line(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor, width: u32) {
        let _ = self.area.draw(&PathElement::new(
            vec![(px(x0), px(y0)), (px(x1), px(y1))],
            color.stroke_width(width),
        ));
    }

    /// A dashed line (drawn by plotters as short segments, so it needs no CSS).
    pub fn dashed(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor, width: u32) {
        let _ = self.area.draw(&DashedPathElement::new(
            vec![(px(x0), px(y0)), (px(x1), px(y1))],
            4,
            3,
            color.stroke_width(width),
        ));
    }

    pub fn polyline(&self, points: &[(f64, f64)], color: RGBColor, width: u32) {
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        let _ = self
            .area
            .draw(&PathElement::new(pts, color.stroke_width(width)));
    }

    pub fn dot(&self, x: f64, y: f64, radius: u32, color: RGBColor) {
        let _ = self
            .area
            .draw(&Circle::new((px(x), px(y)), radius, color.filled()));
    }

    /// Text vertically centred on `y`. `size` is the rendered CSS px size; plotters' SVG backend writes
    /// `font-size = size / 1.24`, so we pre-multiply to get what we ask for.
    pub fn text(&self, s: &str, x: f64, y: f64, size: f64, color: RGBColor, align: Align) {
        self.text_styled(s, x, y, size, color, align, FontStyle::Normal);
    }

    pub fn bold(&self, s: &str, x: f64, y: f64, size: f64, color: RGBColor, align: Align) {
        self.text_styled(s, x, y, size, color, align, FontStyle::Bold);
    }

    #[allow(clippy::too_many_arguments)]
    fn text_styled(
        &self,
        s: &str,
        x: f64,
        y: f64,
        size: f64,
        color: RGBColor,
        align: Align,
        weight: FontStyle,
    ) {
        let h = match align {
            Align::Start => HPos::Left,
            Align::Middle => HPos::Center,
            Align::End => HPos::Right,
        };
        let style = FontDesc::new(FontFamily::Name(FONT_STACK), size * 1.24, weight)
            .color(&color)
            .pos(Pos::new(h, VPos::Center));
        let _ = self.area.draw(&Text::new(clean(s), (px(x), px(y)), style));
    }

    /// Closes the document (plotters writes `</svg>` on present).
    pub fn finish(self) {
        let _ = self.area.present();
    }
}

/// Adds `role="img"`, `aria-labelledby` and leading `<title>`/`<desc>` to the SVG plotters produced.
/// Plotters' root tag has a fixed attribute list, so we splice after its first `<svg`.
pub fn accessible(svg: &str, id: &str, title: &str, desc: &str) -> String {
    let id = sanitize_id(id);
    let (t_id, d_id) = (format!("{id}-title"), format!("{id}-desc"));
    let head = format!(
        "<svg role=\"img\" aria-labelledby=\"{t_id} {d_id}\" id=\"{id}\" class=\"lanbai-chart\" \
         font-family=\"{}\"",
        escape_xml(FONT_STACK)
    );
    let meta = format!(
        "<title id=\"{t_id}\">{}</title>\n<desc id=\"{d_id}\">{}</desc>\n",
        escape_xml(title),
        escape_xml(desc)
    );
    let Some(rest) = svg.strip_prefix("<svg") else {
        return svg.to_string();
    };
    let Some(close) = rest.find('>') else {
        return svg.to_string();
    };
    let (attrs, body) = rest.split_at(close + 1);
    let body = body.strip_prefix('\n').unwrap_or(body);
    format!("{head}{attrs}\n{meta}{body}")
}
