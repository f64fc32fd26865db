//! The files the import page accepts: which ones go to the import worker (Word, WPS, Excel), which are
//! refused before reading (too large, not a plan's format), and how a plain-text or HTML file becomes text.

use crate::i18n::Lang;
use crate::parse::html::html_to_text;
use wasm_bindgen::JsCast;

/// Larger files are not plan texts (a year's plan is tens of kilobytes) and would only freeze the page.
const MAX_FILE_BYTES: f64 = 2.0 * 1024.0 * 1024.0;
/// Word and Excel files carry pictures and styles besides the text; a plan with a few images fits.
const MAX_OFFICE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

/// Word, WPS and Excel files, read in the import worker. Old .doc/.wps are sent too, so that the worker
/// can say, from the bytes, what they are and what to do.
pub(super) fn is_office(name: &str) -> bool {
    let name = name.to_lowercase();
    [".docx", ".xlsx", ".xls", ".ods", ".et", ".doc", ".wps"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Refuses files the importer cannot use, before reading them.
pub(super) fn check_file(file: &web_sys::File, lang: Lang) -> Result<(), String> {
    let name = file.name().to_lowercase();
    let known = [".txt", ".text", ".md", ".markdown", ".html", ".htm"];
    if !known.iter().any(|ext| name.ends_with(ext)) && !is_office(&name) {
        return Err(lang
            .pick(
                "只能读取 Word（.docx）、Excel（.xlsx、.xls）和 .txt、.md、.html 文件。PDF 文件请先复制其中的文字再粘贴。",
                "Only Word (.docx), Excel (.xlsx, .xls), .txt, .md and .html files can be read. For a PDF, copy the text and paste it.",
            )
            .into());
    }
    let limit = if is_office(&name) {
        MAX_OFFICE_BYTES
    } else {
        MAX_FILE_BYTES
    };
    if file.size() > limit {
        let mb = file.size() / 1024.0 / 1024.0;
        return Err(match lang {
            Lang::Zh => format!(
                "文件有 {mb:.1} MB，超过 {} MB 的上限，不像是一份计划。",
                limit / 1024.0 / 1024.0
            ),
            Lang::En => format!(
                "The file is {mb:.1} MB, over the {} MB limit; it does not look like a plan.",
                limit / 1024.0 / 1024.0
            ),
        });
    }
    Ok(())
}

/// The file's text: UTF-8 when it is, else GB18030 (which covers GBK and GB2312, the encodings Chinese
/// office software still saves plain text in); HTML reduced to its text.
pub(super) async fn read_file(file: &web_sys::File) -> Result<String, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => web_sys::TextDecoder::new_with_label("gb18030")
            .and_then(|d| d.decode_with_u8_array(bytes))
            .map_err(|e| {
                e.dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .unwrap_or_else(|| format!("{e:?}"))
            })?,
    };
    let name = file.name().to_lowercase();
    Ok(if name.ends_with(".html") || name.ends_with(".htm") {
        html_to_text(&text)
    } else {
        text
    })
}
