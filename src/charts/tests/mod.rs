//! Shared checks for chart tests: XML well-formedness (roxmltree), bar counting by fill colour, text
//! extraction, and writing each SVG to `tests/artifacts/` (git-ignored) for a look in a browser.

mod progress;
mod robust;
mod status;
mod targets;
mod workload;

use super::Chart;

/// Parses the SVG as XML and returns all text content, panicking with the markup when it is ill-formed.
pub fn parse_texts(chart: &Chart) -> Vec<String> {
    let doc = match roxmltree::Document::parse(&chart.svg) {
        Ok(d) => d,
        Err(e) => panic!("SVG is not well-formed XML: {e}\n{}", chart.svg),
    };
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"));
    let labelled = root.attribute("aria-labelledby").unwrap_or_default();
    for id in labelled.split_whitespace() {
        let target = doc.descendants().find(|n| n.attribute("id") == Some(id));
        assert!(
            target.is_some(),
            "aria-labelledby points at missing id {id}"
        );
    }
    let title = doc.descendants().find(|n| n.has_tag_name("title"));
    assert_eq!(title.and_then(|t| t.text()), Some(chart.title.as_str()));
    let desc = doc.descendants().find(|n| n.has_tag_name("desc"));
    assert_eq!(
        desc.and_then(|t| t.text()),
        Some(chart.description.as_str())
    );
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(|t| t.trim().to_string()))
        .collect()
}

/// Number of `<rect>` elements filled with `rgb` (plotters writes fills as upper-case `#RRGGBB`).
pub fn count_rects(chart: &Chart, rgb: plotters::style::RGBColor) -> usize {
    let fill = format!("fill=\"#{:02X}{:02X}{:02X}\"", rgb.0, rgb.1, rgb.2);
    chart
        .svg
        .lines()
        .filter(|l| l.starts_with("<rect") && l.contains(&fill))
        .count()
}

/// True when some drawn text equals `s` or contains it.
pub fn has_text(texts: &[String], s: &str) -> bool {
    texts.iter().any(|t| t.contains(s))
}

/// Writes the SVG for manual inspection; failures to write are ignored (read-only checkouts).
pub fn save(name: &str, chart: &Chart) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
    if std::fs::create_dir_all(&dir).is_ok() {
        let _ = std::fs::write(dir.join(format!("{name}.svg")), &chart.svg);
    }
}
