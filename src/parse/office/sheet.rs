//! A spreadsheet (.xlsx, .xls, .ods) → its sheets as tables, through `calamine`. A 台账 is one sheet with a
//! title row, a header row and one row per task; cells merged down a column (one 牵头单位 for several tasks)
//! hold their value in the top cell only, so it is carried into each row the merge covers. A cell merged
//! across (a group row 一、… spanning the table) keeps its text in its first column only, as in a copy.

use super::OfficeError;
use super::grid::{Cell, Grid};
use crate::date::Date;
use calamine::{Data, Dimensions, Ods, Reader, Xls, Xlsx};
use std::io::Cursor;

/// A 台账 has hundreds of rows and a dozen columns; cells beyond these are not a plan's (a stray mark far
/// down a sheet, or a damaged reference) and are left out, so no file can make the table enormous.
const MAX_ROWS: u32 = 20_000;
const MAX_COLS: u32 = 64;
/// More merged regions than any real sheet has; beyond it they are ignored.
const MAX_MERGES: usize = 10_000;

/// A cell's text at its (row, column) in the sheet.
type Placed = ((u32, u32), String);

/// Which of the three spreadsheet formats a file is; the caller knows from its container.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Xlsx,
    Xls,
    Ods,
}

/// An open workbook of one of the formats read. Opened by format rather than through calamine's
/// auto-detection, so the readers of formats no plan arrives in (.xlsb) are not compiled into the worker.
enum Book<'a> {
    Xlsx(Xlsx<Cursor<&'a [u8]>>),
    Xls(Xls<Cursor<&'a [u8]>>),
    Ods(Ods<Cursor<&'a [u8]>>),
}

impl<'a> Book<'a> {
    fn open(bytes: &'a [u8], kind: Kind) -> Result<Book<'a>, OfficeError> {
        Ok(match kind {
            Kind::Xlsx => {
                Book::Xlsx(Xlsx::new(Cursor::new(bytes)).map_err(|_| OfficeError::Damaged)?)
            }
            Kind::Xls => Book::Xls(Xls::new(Cursor::new(bytes)).map_err(|e| match e {
                calamine::XlsError::Password => OfficeError::Encrypted,
                _ => OfficeError::Damaged,
            })?),
            Kind::Ods => Book::Ods(Ods::new(Cursor::new(bytes)).map_err(|_| OfficeError::Damaged)?),
        })
    }

    fn sheet_names(&self) -> Vec<String> {
        match self {
            Book::Xlsx(x) => x.sheet_names(),
            Book::Xls(x) => x.sheet_names(),
            Book::Ods(x) => x.sheet_names(),
        }
    }

    fn range(&mut self, name: &str) -> Result<calamine::Range<Data>, OfficeError> {
        match self {
            Book::Xlsx(x) => x.worksheet_range(name).map_err(|_| OfficeError::Damaged),
            Book::Xls(x) => x.worksheet_range(name).map_err(|_| OfficeError::Damaged),
            Book::Ods(x) => x.worksheet_range(name).map_err(|_| OfficeError::Damaged),
        }
    }
}

/// The text of every sheet with something in it, in the workbook's order.
pub fn text(bytes: &[u8], kind: Kind) -> Result<String, OfficeError> {
    let mut book = Book::open(bytes, kind)?;
    let mut lines: Vec<String> = Vec::new();
    for name in book.sheet_names() {
        let cells = cells(&mut book, &name)?;
        let mut merges = merges(&mut book, &name);
        merges.truncate(MAX_MERGES);
        let table = grid(&cells, &merges).lines();
        if !table.is_empty() {
            if !lines.is_empty() {
                lines.push(String::new());
            }
            lines.extend(table);
        }
    }
    Ok(lines.join("\n"))
}

/// The sheet's non-empty cells with their (row, column), within the limits. An .xlsx is streamed cell by
/// cell, so a reference far out never becomes a dense table in memory.
fn cells(book: &mut Book, name: &str) -> Result<Vec<Placed>, OfficeError> {
    let within = |(r, c): (u32, u32)| r < MAX_ROWS && c < MAX_COLS;
    let mut out = Vec::new();
    if let Book::Xlsx(x) = book {
        let mut reader = x
            .worksheet_cells_reader(name)
            .map_err(|_| OfficeError::Damaged)?;
        while let Some(cell) = reader.next_cell().map_err(|_| OfficeError::Damaged)? {
            let text = cell_text(&Data::from(cell.get_value().clone()));
            if within(cell.get_position()) && !text.trim().is_empty() {
                out.push((cell.get_position(), text));
            }
        }
        return Ok(out);
    }
    let range = book.range(name)?;
    let (top, left) = range.start().unwrap_or((0, 0));
    for (r, c, data) in range.used_cells() {
        let at = (top.saturating_add(r as u32), left.saturating_add(c as u32));
        let text = cell_text(data);
        if within(at) && !text.trim().is_empty() {
            out.push((at, text));
        }
    }
    Ok(out)
}

/// The cells laid out from the first used row and column; a cell inside a merged region below its top
/// row is marked as merged from above.
fn grid(cells: &[Placed], merges: &[Dimensions]) -> Grid {
    let (Some(top), Some(left)) = (
        cells.iter().map(|((r, _), _)| *r).min(),
        cells.iter().map(|((_, c), _)| *c).min(),
    ) else {
        return Grid::default();
    };
    let bottom = cells.iter().map(|((r, _), _)| *r).max().unwrap_or(top);
    let right = cells.iter().map(|((_, c), _)| *c).max().unwrap_or(left);
    let width = (right - left + 1) as usize;
    let mut rows = vec![vec![Cell::default(); width]; (bottom - top + 1) as usize];
    for ((r, c), text) in cells {
        rows[(r - top) as usize][(c - left) as usize].paragraphs =
            text.lines().map(str::to_string).collect();
    }
    for m in merges {
        for r in m.start.0.saturating_add(1).max(top)..=m.end.0.min(bottom) {
            if (left..=right).contains(&m.start.1) {
                rows[(r - top) as usize][(m.start.1 - left) as usize].merged_from_above = true;
            }
        }
    }
    Grid { rows }
}

/// The merged regions of a sheet; none when the format does not say (a sheet is still read without).
fn merges(book: &mut Book, name: &str) -> Vec<Dimensions> {
    match book {
        Book::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Book::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Book::Ods(_) => Vec::new(),
    }
}

/// A cell as it reads on screen: whole numbers without `.0` (a 序号 of 1 is stored as 1.0), dates as a
/// Chinese date (a 完成时限 typed as a date), errors as nothing.
fn cell_text(data: &Data) -> String {
    match data {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        Data::DateTime(d) if d.is_datetime() => excel_date(d.as_f64()),
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// An Excel serial day (days since 1899-12-30, the 1900 system) as `2020年6月30日`.
fn excel_date(serial: f64) -> String {
    if !serial.is_finite() || !(1.0..3_000_000.0).contains(&serial) {
        return String::new();
    }
    let date = Date::from_days(serial.floor() as i64 - 25_569);
    format!("{}年{}月{}日", date.year, date.month, date.day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serial_days_are_civil_dates() {
        assert_eq!(excel_date(44012.0), "2020年6月30日");
        assert_eq!(excel_date(25569.5), "1970年1月1日");
        assert_eq!(excel_date(f64::NAN), "");
    }

    #[test]
    fn whole_numbers_read_without_a_decimal_point() {
        assert_eq!(cell_text(&Data::Float(3.0)), "3");
        assert_eq!(cell_text(&Data::Float(2.5)), "2.5");
        assert_eq!(cell_text(&Data::Empty), "");
    }
}
