//! Plans as they arrive from offices: Word (.docx) and Excel (.xlsx, .xls, .ods) files → the plain text the
//! importer reads. Tables become `|`-separated rows ([`grid`]), so a 任务分工表 in a file is read by its header
//! row exactly as a pasted copy of it would be. What a file is comes from its bytes, not its name: a `.doc`
//! renamed `.docx` is still refused with the reason.
//!
//! Pure Rust over bytes, no DOM. Only the import worker (`src/bin/importer.rs`) calls it, so the zip, XML
//! and spreadsheet crates are in the worker's wasm and never in the page's first load. Every failure is an
//! [`OfficeError`] with words for the person; no input panics (`tests/office_fuzz.rs`).

mod docx;
mod grid;
mod numbering;
mod sheet;

use crate::i18n::Lang;
use std::io::{Cursor, Read};

/// Largest part of a file read into memory: a plan's document part is well under a megabyte, so anything
/// near this is a compression bomb, not a plan.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// Largest sum of the sizes a file declares for its parts.
const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;

/// Why a file could not be read, as the page says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficeError {
    /// Neither a Word nor an Excel document (or one with no document part).
    NotAPlanFile,
    /// An old binary Word or WPS file (.doc, .wps), which only the office suite itself can read.
    OldWordFormat,
    /// A password-protected Word or Excel file.
    Encrypted,
    /// The container or its XML is broken (a cut-off download, a renamed file).
    Damaged,
    /// A part far larger than any plan (a compression bomb).
    TooLarge,
    /// A readable file with no text in it.
    Empty,
}

impl OfficeError {
    /// A stable code, for the worker's answer to the page.
    pub fn code(self) -> &'static str {
        match self {
            OfficeError::NotAPlanFile => "not-office",
            OfficeError::OldWordFormat => "old-word",
            OfficeError::Encrypted => "encrypted",
            OfficeError::Damaged => "damaged",
            OfficeError::TooLarge => "too-large",
            OfficeError::Empty => "empty",
        }
    }

    pub fn from_code(code: &str) -> Option<OfficeError> {
        [
            OfficeError::NotAPlanFile,
            OfficeError::OldWordFormat,
            OfficeError::Encrypted,
            OfficeError::Damaged,
            OfficeError::TooLarge,
            OfficeError::Empty,
        ]
        .into_iter()
        .find(|e| e.code() == code)
    }

    /// What the person is told, with what to do.
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            OfficeError::NotAPlanFile => lang.pick(
                "这不是 Word（.docx）或 Excel（.xlsx、.xls）文件，无法读取。",
                "This is not a Word (.docx) or Excel (.xlsx, .xls) file and cannot be read.",
            ),
            OfficeError::OldWordFormat => lang.pick(
                "这是旧版 Word 或 WPS 文件（.doc、.wps）。请在 Word 或 WPS 中“另存为” .docx 后再导入，或复制文字粘贴到下框。",
                "This is an old Word or WPS file (.doc, .wps). Save it as .docx in Word or WPS and import that, or paste its text below.",
            ),
            OfficeError::Encrypted => lang.pick(
                "文件设有密码保护，无法读取。请在 Word、WPS 或 Excel 中取消密码后再导入。",
                "The file is password-protected. Remove the password in Word, WPS or Excel and import it again.",
            ),
            OfficeError::Damaged => lang.pick(
                "文件已损坏或不完整（可能下载未完成），无法读取。请重新获取文件。",
                "The file is damaged or incomplete (perhaps a download that did not finish). Get the file again.",
            ),
            OfficeError::TooLarge => lang.pick(
                "文件解压后过大，不像是一份计划，未读取。",
                "The file unpacks to far more than any plan; it was not read.",
            ),
            OfficeError::Empty => lang.pick(
                "文件中没有文字。",
                "The file holds no text.",
            ),
        }
    }
}

/// The text of a Word or Excel file, one paragraph or table row per line.
pub fn to_text(bytes: &[u8]) -> Result<String, OfficeError> {
    let text = if bytes.starts_with(b"PK\x03\x04") {
        let mut package = Package::open(bytes)?;
        if package.has("word/document.xml") {
            docx::text(&mut package)?
        } else if package.has("xl/workbook.xml") {
            sheet::text(bytes, sheet::Kind::Xlsx)?
        } else if package.has("content.xml") {
            sheet::text(bytes, sheet::Kind::Ods)?
        } else {
            return Err(OfficeError::NotAPlanFile);
        }
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        // The old compound-file container: an .xls, a .doc or .wps, or an encrypted .docx/.xlsx.
        if holds_stream(bytes, "EncryptedPackage") {
            return Err(OfficeError::Encrypted);
        }
        if holds_stream(bytes, "Workbook") || holds_stream(bytes, "Book") {
            sheet::text(bytes, sheet::Kind::Xls)?
        } else {
            return Err(OfficeError::OldWordFormat);
        }
    } else {
        return Err(OfficeError::NotAPlanFile);
    };
    if text.trim().is_empty() {
        return Err(OfficeError::Empty);
    }
    Ok(text)
}

/// Whether a compound file names a stream: directory entries hold names in UTF-16LE.
fn holds_stream(bytes: &[u8], name: &str) -> bool {
    let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(utf16.len()).any(|w| w == utf16.as_slice())
}

/// A zip container whose parts are read with a size limit.
pub(crate) struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8]) -> Result<Self, OfficeError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| OfficeError::Damaged)?;
        // Sizes a file declares can lie; each part is also read with a limit.
        if zip
            .decompressed_size()
            .is_some_and(|total| total > u128::from(MAX_TOTAL_BYTES))
        {
            return Err(OfficeError::TooLarge);
        }
        Ok(Package { zip })
    }

    fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// A part as text, `None` when the file has no such part.
    fn read(&mut self, name: &str) -> Result<Option<String>, OfficeError> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let part = self.zip.by_index(index).map_err(|e| match e {
            zip::result::ZipError::UnsupportedArchive(m) if m.contains("assword") => {
                OfficeError::Encrypted
            }
            _ => OfficeError::Damaged,
        })?;
        let mut bytes = Vec::new();
        part.take(MAX_PART_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| OfficeError::Damaged)?;
        if bytes.len() as u64 > MAX_PART_BYTES {
            return Err(OfficeError::TooLarge);
        }
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| OfficeError::Damaged)
    }
}
