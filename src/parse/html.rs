//! A saved web page (.html) → plain text for the importer. Plans are often saved straight from a government
//! site; the parser reads lines, so block elements and `<br>` become line breaks, scripts, styles and comments
//! vanish, and the common character references are decoded. Not an HTML parser: it only has to recover the
//! text of an article well enough for the line-numbered diagnostics to point at something recognisable.

/// Elements whose start and end are line breaks.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "title",
    "tr",
    "ul",
];

/// Elements whose content is not text of the page.
const SKIPPED: &[&str] = &["script", "style", "head", "noscript", "template", "svg"];

/// The text of an HTML document, one block per line.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skipping: Option<String> = None;
    while let Some(lt) = rest.find('<') {
        if skipping.is_none() {
            out.push_str(&decode_entities(&rest[..lt]));
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            // A stray '<' with no tag after it is text.
            if skipping.is_none() {
                out.push_str(&decode_entities(rest));
            }
            rest = "";
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(skipped) = &skipping {
            if closing && name == *skipped {
                skipping = None;
            }
            continue;
        }
        if !closing && SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') {
            skipping = Some(name);
            continue;
        }
        if BLOCK.contains(&name.as_str()) {
            out.push('\n');
        }
    }
    if skipping.is_none() {
        out.push_str(&decode_entities(rest));
    }
    tidy_lines(&out)
}

/// Trims each line and drops blank ones: the importer ignores them, and the text shown for review (whose
/// line numbers the diagnostics use) stays compact.
fn tidy_lines(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and numeric references; leaves others.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // Byte search: ';' is ASCII, so its position is always a character boundary.
        let Some(semi) = rest.bytes().take(12).position(|b| b == b';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" | "ensp" | "emsp" => Some(' '),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines_and_markup_disappears() {
        let html = r#"<!doctype html><html><head><title>x</title><style>p{color:red}</style></head>
<body><script>var a = "<p>no</p>";</script>
<h1>陇西市2021年科技创新工作要点</h1><!-- a comment <p>no</p> -->
<p>（一）壮大<b>创新</b>主体</p><div>1.新认定高新技术企业30家以上。<br>责任单位：市科技局&amp;市财政局</div>
<p>&lt;附件&gt;&#x4E00;&#19968;&nbsp;&unknown; a &amp b</p></body></html>"#;
        assert_eq!(
            html_to_text(html),
            "陇西市2021年科技创新工作要点\n（一）壮大创新主体\n1.新认定高新技术企业30家以上。\n\
             责任单位：市科技局&市财政局\n<附件>一一 &unknown; a &amp b"
        );
    }

    #[test]
    fn broken_markup_does_not_panic_or_lose_text() {
        assert_eq!(html_to_text("a < b"), "a < b");
        assert_eq!(html_to_text("<p>open<!-- never closed"), "open");
        assert_eq!(html_to_text("<script>never closed"), "");
        assert_eq!(
            html_to_text("&#xFFFFFFFF; &#99999999999;"),
            "&#xFFFFFFFF; &#99999999999;"
        );
        assert_eq!(html_to_text("文本&"), "文本&");
    }
}
