//! The 任务分工表 as one self-contained HTML file: inline CSS, no scripts, every text escaped, and a
//! Content-Security-Policy that forbids scripts anyway — a note typed by a reviewer is data, never markup, in
//! whatever browser or mail client the file is opened later.

use super::{Report, columns};
use crate::i18n::Lang;

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
const STYLE: &str = "@page{size:A4 landscape;margin:12mm}\
body{font-family:\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\",sans-serif;line-height:1.6;color:#111;margin:1.5em}\
h1{font-size:1.4em;margin:0 0 .2em}p{margin:.2em 0}.muted{color:#555}\
table{border-collapse:collapse;width:100%;font-size:10pt}th,td{border:1px solid #888;padding:3px 5px;vertical-align:top;text-align:left}\
thead th{background:#eef1f5}thead{display:table-header-group}tr{break-inside:avoid}\
.group th{background:#f6f6f6;font-weight:bold}td.num{text-align:center;white-space:nowrap}\
.pace-Behind{color:#b00020;font-weight:bold}.pace-Ahead{color:#1b5e20}";

/// The whole report as an HTML document.
pub fn report_html(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str("<!doctype html>\n<html lang=\"");
    out.push_str(lang.html_lang());
    out.push_str("\"><head><meta charset=\"utf-8\">");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
    out.push_str(&format!(
        "<title>{} · {}</title><style>{STYLE}</style></head><body>",
        escape(lang.pick("任务分工表", "Task assignment table")),
        escape(&report.title)
    ));
    out.push_str(&format!(
        "<h1>{}</h1><p>{}</p>",
        escape(&report.title),
        escape(&format!(
            "{}{}",
            lang.pick(
                "任务分工表 · 评估日期：",
                "Task assignment table · review date: "
            ),
            report.review_date
        ))
    ));
    if let Some(coverage) = &report.coverage {
        out.push_str(&format!("<p class=\"muted\">{}</p>", escape(coverage)));
    }
    out.push_str("<table><thead><tr>");
    for c in columns(lang) {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(c)));
    }
    out.push_str("</tr></thead><tbody>");
    for group in &report.groups {
        out.push_str(&format!(
            "<tr class=\"group\"><th colspan=\"8\" scope=\"rowgroup\">{}</th></tr>",
            escape(&group.heading)
        ));
        for row in &group.rows {
            let pace_class = row.pace.map(|p| format!("{p:?}")).unwrap_or("None".into());
            let cells = row.cells();
            out.push_str("<tr>");
            out.push_str(&format!("<td class=\"num\">{}</td>", escape(&cells[0])));
            for cell in &cells[1..7] {
                out.push_str(&format!("<td>{}</td>", escape(cell)));
            }
            out.push_str(&format!(
                "<td class=\"pace-{pace_class}\">{}</td></tr>",
                escape(&cells[7])
            ));
        }
    }
    out.push_str("</tbody></table></body></html>\n");
    out
}
