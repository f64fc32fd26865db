//! The 通报 as a Word document. A .docx is a zip of a few XML parts; there is no maintained Rust writer that
//! earns its size for one document of headings, paragraphs and tables, so the parts are written here with
//! `zip` (already in the worker for the readers) and `quick-xml`'s escaping. Layout follows the 公文 habit:
//! A4, the title in bold 小标宋 (宋体 where absent) 22 pt centred, headings in 黑体 16 pt, body in 仿宋 16 pt,
//! tables with single borders and a bold header row. Word, WPS and LibreOffice open it.

use std::io::Write;

use quick_xml::escape::escape;
use zip::write::SimpleFileOptions;

use crate::report::bulletin_doc::Block;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// Fonts by name (the East Asian one is what Chinese text uses); sizes in half-points (32 = 三号 16 pt).
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋" w:eastAsia="仿宋" w:hAnsi="仿宋" w:cs="仿宋"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:pPr><w:jc w:val="center"/><w:spacing w:before="240" w:after="480" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/></w:pPr><w:rPr><w:rFonts w:ascii="方正小标宋简体" w:eastAsia="方正小标宋简体" w:hAnsi="方正小标宋简体"/><w:b/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr><w:rPr><w:rFonts w:ascii="黑体" w:eastAsia="黑体" w:hAnsi="黑体"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:pPr><w:spacing w:line="320" w:lineRule="exact"/><w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style></w:styles>"#;

fn run(text: &str, bold: bool) -> String {
    let b = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    // Line breaks inside a cell are kept as breaks.
    text.split('\n')
        .map(|part| {
            format!(
                r#"<w:r>{b}<w:t xml:space="preserve">{}</w:t></w:r>"#,
                escape(part)
            )
        })
        .collect::<Vec<_>>()
        .join("<w:r><w:br/></w:r>")
}

fn paragraph(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}</w:p>"#,
        run(text, false)
    )
}

/// The width of the text area on A4 with the margins below, in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 1588 - 1474;

/// Column widths in proportion to each column's longest cell (a CJK character counting two), so the task
/// text gets the room and a number column stays narrow.
fn column_widths(head: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    let units = |s: &str| -> usize { s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum() };
    let wants: Vec<usize> = (0..head.len())
        .map(|c| {
            let longest = rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|s| units(s))
                .chain([units(&head[c])])
                .max()
                .unwrap_or(4);
            longest.clamp(9, 48)
        })
        .collect();
    let total: usize = wants.iter().sum::<usize>().max(1);
    wants.iter().map(|w| TEXT_WIDTH * w / total).collect()
}

fn table(head: &[String], rows: &[Vec<String>]) -> String {
    let border = r#"w:val="single" w:sz="4" w:space="0" w:color="000000""#;
    let widths = column_widths(head, rows);
    let cell = |c: usize, text: &str, bold: bool| {
        let w = widths.get(c).copied().unwrap_or(1000);
        format!(
            r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>{}</w:p></w:tc>"#,
            run(text, bold)
        )
    };
    let grid: String = widths
        .iter()
        .map(|w| format!(r#"<w:gridCol w:w="{w}"/>"#))
        .collect();
    let header: String = head
        .iter()
        .enumerate()
        .map(|(c, h)| cell(c, h, true))
        .collect();
    let body: String = rows
        .iter()
        .map(|r| {
            format!(
                "<w:tr>{}</w:tr>",
                r.iter()
                    .enumerate()
                    .map(|(c, t)| cell(c, t, false))
                    .collect::<String>()
            )
        })
        .collect();
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>{header}</w:tr>{body}</w:tbl><w:p/>"#
    )
}

/// The document part: the title, then each block in order, on A4 with 公文 margins.
fn document(title: &str, blocks: &[Block]) -> String {
    let mut body = paragraph("Title", title);
    for block in blocks {
        body.push_str(&match block {
            Block::Heading(text) => paragraph("Heading1", text),
            Block::Para(text) => paragraph("Normal", text),
            Block::Table { head, rows } => table(head, rows),
        });
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    )
}

/// The .docx bytes of a bulletin.
pub fn bulletin_docx(title: &str, blocks: &[Block]) -> Result<Vec<u8>, String> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/styles.xml", STYLES.to_string()),
        ("word/document.xml", document(title, blocks)),
    ];
    for (name, text) in parts {
        out.start_file(name, options).map_err(|e| e.to_string())?;
        out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    }
    out.finish()
        .map(|cursor| cursor.into_inner())
        .map_err(|e| e.to_string())
}
