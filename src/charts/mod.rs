//! Charts as pure functions from plain inputs to accessible SVG strings plus the same numbers as a table.
//!
//! The UI maps its state into the small input structs here (no dependency on journal or plan types), so
//! every chart compiles and is tested natively. Each function returns a [`Chart`]: the SVG (with
//! `role="img"`, `<title>` and `<desc>`), its title and description, and a [`Table`] holding exactly the
//! figures drawn, for the UI's "show as table" toggle.
//!
//! Layout is done here in pixel space and drawn with plotters' SVG backend. Widths are the container
//! width in px; heights follow from the content.
//!
//! What we found about plotters 0.3.7 (`svg_backend` only, no other features needed):
//! - Text: the SVG backend writes `<text>` without measuring it, but `ChartBuilder`/mesh labels and
//!   captions are sized through the font module, which natively (no `ttf`/`ab_glyph`) estimates
//!   `0.7 em × bytes` — CJK counts triple — and on wasm32 measures each string with a DOM `<span>`
//!   (`window().unwrap()`). We therefore lay out ourselves (`text::text_width`) and never call
//!   plotters' measurement, so native and wasm32 output are identical and no DOM code is linked.
//! - Font size: the backend writes `font-size = size / 1.24`; `Canvas` pre-multiplies.
//! - Font family: `FontFamily::Name` is written verbatim into `font-family`, quotes escaped as
//!   `&quot;`, which XML and HTML parsers decode back to the CSS stack.
//! - Escaping: text content and every attribute value are escaped (`< > & " '`); control characters
//!   are not, and would make the SVG ill-formed, so `text::clean` replaces them. The root `<svg>` has a
//!   fixed attribute list, so `canvas::accessible` splices in `role`, `aria-labelledby`, `<title>` and
//!   `<desc>` (escaped by us).
//! - Dashes: `DashedPathElement` (not in the prelude) writes one two-point `<polyline>` per dash;
//!   fine at our sizes (the progress chart is the largest, ~50 KB at 960 px).
//! - Size on wasm32 (opt-level z, LTO, after wasm-bindgen, custom sections stripped): plotters'
//!   primitives add about 16 KB (7 KB gzipped) over a std-only baseline; all chart functions together
//!   about 73 KB (35 KB gzipped), most of it our layout and formatting code.

mod canvas;
mod day;
mod frame;
pub mod from_plan;
mod progress;
mod stacked;
mod status;
mod targets;
pub mod text;
mod workload;

#[cfg(test)]
mod tests;

pub use day::Day;
pub use progress::{ProgressInput, ProgressSeries, progress_chart};
pub use status::{GroupTasks, PaceCounts, StatusCounts, pace_chart, status_chart};
pub use targets::{PlaceFigures, TargetInput, target_chart, target_charts, targets_overview_chart};
pub use text::Lang;
pub use workload::{Role, UnitLoad, workload_chart};

/// A rendered chart: SVG markup plus an accessible title/description and the drawn figures as a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// A complete `<svg>` element, safe to insert as markup (all caller text is escaped).
    pub svg: String,
    pub title: String,
    /// One or two sentences summarising what the chart shows, also the SVG's `<desc>`.
    pub description: String,
    pub table: Table,
    /// True when no actual figures were recorded and the chart shows targets only.
    pub empty: bool,
}

impl Chart {
    /// Finishes a drawn chart: splices the accessible name and description into the plotters SVG (whose root
    /// tag has a fixed attribute list) and keeps them beside the table of drawn figures.
    pub(crate) fn finish(
        raw_svg: &str,
        opts: &ChartOptions,
        title: String,
        description: String,
        table: Table,
        empty: bool,
    ) -> Chart {
        Chart {
            svg: canvas::accessible(raw_svg, &opts.id, &title, &description),
            title,
            description,
            table,
            empty,
        }
    }
}

/// The figures a chart draws, as plain strings formatted exactly like the labels in the SVG.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Rendering options shared by all charts.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOptions {
    /// Container width in px; clamped to [`MIN_WIDTH`, `MAX_WIDTH`] so layout math stays sane.
    pub width: u32,
    pub lang: Lang,
    /// Prefix for the SVG's element ids (`aria-labelledby` needs ids unique on the page).
    pub id: String,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            width: 640,
            lang: Lang::Zh,
            id: "chart".to_string(),
        }
    }
}

/// Narrowest width we lay out for (a small phone); narrower containers get a scaled-down SVG via CSS.
pub const MIN_WIDTH: u32 = 280;
/// Widest layout; beyond this bars become hard to compare.
pub const MAX_WIDTH: u32 = 1600;

impl ChartOptions {
    pub fn new(width: u32, lang: Lang) -> Self {
        ChartOptions {
            width,
            lang,
            ..ChartOptions::default()
        }
    }

    pub(crate) fn clamped_width(&self) -> f64 {
        f64::from(self.width.clamp(MIN_WIDTH, MAX_WIDTH))
    }
}

/// A place the plan splits targets by. The plan names only Lanzhou and Baiyin; `Other` keeps the type
/// open for a journal entry naming e.g. a district, shown under the caller's label in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Lanzhou,
    Baiyin,
    Other(String),
}

impl Place {
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Place::Lanzhou => lang.pick("兰州", "Lanzhou").to_string(),
            Place::Baiyin => lang.pick("白银", "Baiyin").to_string(),
            Place::Other(name) => name.clone(),
        }
    }
}

/// Whose figures a series or row is: one place, or the total (合计).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Total,
    Place(Place),
}

impl Scope {
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Scope::Total => lang.pick("合计", "Total").to_string(),
            Scope::Place(p) => p.label(lang),
        }
    }
}

/// The "no figures yet" sentence, shared by charts and their metadata.
pub(crate) fn no_figures(lang: Lang) -> &'static str {
    lang.pick("尚未记录实际数据", "No figures recorded yet")
}
