//! Text helpers shared by every chart: the label language, number formatting, a deterministic text-width
//! estimate and XML escaping for the parts of the SVG that plotters does not write.
//!
//! Why our own width estimate: without the `ttf`/`ab_glyph` features plotters' native font code guesses
//! `0.7em × text.len()` — bytes, so every CJK character counts three times — while on wasm32 it measures
//! each string by inserting a `<span>` into the page (a forced layout per label, and a panic without a
//! DOM). Laying labels out ourselves gives the same SVG natively and in the browser and keeps it fast.

/// Charts speak the interface language.
pub use crate::i18n::Lang;

/// CSS font stack for all chart text: common CJK system fonts first so Chinese never falls back to boxes.
pub const FONT_STACK: &str =
    r#""PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif"#;

/// Figures are drawn and tabulated the way the rest of the app writes them.
pub use crate::i18n::format_number as fmt_num;

/// Formats a share (1.0 = 100 %) as a whole percentage, e.g. `56%`.
pub fn fmt_pct(share: f64) -> String {
    if !share.is_finite() {
        return "–".to_string();
    }
    format!("{:.0}%", share * 100.0)
}

/// Estimated advance width of `text` at `font_px`: CJK and full-width characters are one em, ASCII
/// digits and letters a little over half. Slightly generous so labels never overlap in real fonts.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_px
}

fn char_em(c: char) -> f64 {
    match c {
        ' ' | '.' | ',' | ':' | ';' | '|' | '\'' | '!' | 'i' | 'l' | 'j' => 0.32,
        'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.9,
        c if c.is_ascii() => 0.62,
        // General punctuation such as the en dash and ellipsis are narrower than a full em.
        '\u{2000}'..='\u{206F}' => 0.6,
        _ => 1.0,
    }
}

/// Shortens `text` with a trailing `…` so it fits `max_px`; returns it unchanged when it already fits.
pub fn fit_text(text: &str, font_px: f64, max_px: f64) -> String {
    if text_width(text, font_px) <= max_px {
        return text.to_string();
    }
    let budget = max_px - char_em('…') * font_px;
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        used += char_em(c) * font_px;
        if used > budget {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Replaces characters XML 1.0 forbids (C0 controls other than tab/newline/CR). Plotters escapes
/// `< > & " '` but passes control characters through, which would make the SVG ill-formed.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Escapes text for XML content and attribute values (used for `<title>`/`<desc>`, which we write).
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Keeps only characters valid in an XML id, so a caller-provided prefix cannot break the markup.
pub fn sanitize_id(id: &str) -> String {
    let kept: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if kept.starts_with(|c: char| c.is_ascii_alphabetic()) {
        kept
    } else {
        format!("chart-{kept}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(fmt_num(100.0), "100");
        assert_eq!(fmt_num(37.5), "37.5");
        assert_eq!(fmt_num(12.254), "12.25");
        assert_eq!(fmt_num(f64::NAN), "–");
        assert_eq!(fmt_pct(0.555), "56%");
    }

    #[test]
    fn cjk_is_wider_than_ascii_and_fit_shortens() {
        assert!(text_width("兰州", 12.0) > text_width("ab", 12.0));
        let long = "兰州新区经济发展局科技创新服务中心";
        let fitted = fit_text(long, 12.0, 60.0);
        assert!(fitted.ends_with('…'));
        assert!(text_width(&fitted, 12.0) <= 60.0 + 0.01);
        assert_eq!(fit_text("兰州", 12.0, 60.0), "兰州");
    }

    #[test]
    fn escaping_and_ids() {
        assert_eq!(
            escape_xml("<a&\"'\u{1}>"),
            "&lt;a&amp;&quot;&apos;\u{FFFD}&gt;"
        );
        assert_eq!(sanitize_id("x\"><script"), "xscript");
        assert_eq!(sanitize_id("9"), "chart-9");
    }
}
