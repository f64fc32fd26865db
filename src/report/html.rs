//! The 任务分工表 as one self-contained HTML file: inline CSS, no scripts, every text escaped, and a
//! Content-Security-Policy that forbids scripts anyway — a note typed by a reviewer is data, never markup, in
//! whatever browser or mail client the file is opened later.

use super::{Report, columns};
use crate::i18n::Lang;
use crate::journal::Light;

/// Escapes text for element content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Print rules of the report file: A4 landscape like the print view, CJK font stack, header row repeated.
/// The class names are the app's own (public/style.css), since the print view shows the same markup.
const STYLE: &str = "@page{size:A4 landscape;margin:12mm}\
body{font-family:\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\",sans-serif;line-height:1.6;color:#111;margin:1.5em}\
h1{font-size:1.4em;margin:0 0 .2em}p{margin:.2em 0}.muted{color:#555}\
table{border-collapse:collapse;width:100%;font-size:10pt;table-layout:fixed}\
th,td{border:1px solid #888;padding:3px 5px;vertical-align:top;text-align:left;overflow-wrap:anywhere}\
thead th{background:#eef1f5}thead{display:table-header-group}tr{break-inside:avoid}\
thead th:nth-child(1){width:3.2em}thead th:nth-child(2){width:30%}thead th:nth-child(3){width:9%}\
thead th:nth-child(4){width:11%}thead th:nth-child(5){width:10%}thead th:nth-child(6){width:15%}thead th:nth-child(7){width:10%}\
.report-group th{background:#f6f6f6;font-weight:bold}td.num{text-align:center;white-space:nowrap}\
.pace-behind{color:#b00020;font-weight:bold}.pace-ahead,.pace-done{color:#1b5e20}";

/// The CSS class of a row's pace, as the app's pace badges name them.
fn pace_class(pace: Light) -> &'static str {
    pace.css_class()
}

/// The heading and the table, escaped: the print view shows exactly this markup, and the report file wraps it.
/// One renderer for both keeps the page and the file identical (and keeps a second copy out of the wasm).
pub fn report_body_html(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "<header class=\"report-head\"><h1>{}</h1><p>{}<time>{}</time></p>",
        escape(&report.title),
        escape(lang.pick(
            "任务分工表 · 评估日期：",
            "Task assignment table · review date: "
        )),
        escape(&report.review_date)
    ));
    if let Some(coverage) = &report.coverage {
        out.push_str(&format!("<p class=\"muted\">{}</p>", escape(coverage)));
    }
    out.push_str("</header><table class=\"report-table\"><thead><tr>");
    for c in columns(lang) {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(c)));
    }
    out.push_str("</tr></thead>");
    for group in &report.groups {
        out.push_str(&format!(
            "<tbody><tr class=\"report-group\"><th colspan=\"8\" scope=\"rowgroup\">{}</th></tr>",
            escape(&group.heading)
        ));
        for row in &group.rows {
            let cells = row.cells();
            out.push_str(&format!("<tr><td class=\"num\">{}</td>", escape(&cells[0])));
            for cell in &cells[1..7] {
                out.push_str(&format!("<td>{}</td>", escape(cell)));
            }
            out.push_str(&format!(
                "<td><span class=\"report-status pace {}\">{}</span></td></tr>",
                pace_class(row.pace),
                escape(&cells[7])
            ));
        }
        out.push_str("</tbody>");
    }
    out.push_str("</table>");
    out
}

/// The whole report as an HTML document.
pub fn report_html(report: &Report, lang: Lang) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
<title>{} · {}</title><style>{STYLE}</style></head><body>{}</body></html>\n",
        lang.html_lang(),
        escape(lang.pick("任务分工表", "Task assignment table")),
        escape(&report.title),
        report_body_html(report, lang)
    )
}
