//! The 台账 as an Excel workbook with rust_xlsxwriter: a title row, a frozen header, wrapped text at fixed
//! widths, and each task's category cell coloured as on screen (green done, blue ahead or on pace, red
//! behind, grey not reported).

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook};

use crate::report::ledger::Ledger;

fn colour(slug: &str) -> Color {
    match slug {
        "done" => Color::RGB(0xC6EFCE),
        "ahead" | "on-pace" => Color::RGB(0xDDEBF7),
        "behind" => Color::RGB(0xFFC7CE),
        _ => Color::RGB(0xEDEDED),
    }
}

/// Lines a text takes in a column `width` characters wide, a CJK character counting two.
fn lines_needed(text: &str, width: f64) -> usize {
    text.split('\n')
        .map(|line| {
            let units: f64 = line
                .chars()
                .map(|c| if c.is_ascii() { 1.0 } else { 2.0 })
                .sum();
            ((units / (width - 1.0).max(1.0)).ceil() as usize).max(1)
        })
        .sum()
}

/// The .xlsx bytes of a ledger.
pub fn ledger_xlsx(ledger: &Ledger) -> Result<Vec<u8>, String> {
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("台账").map_err(err)?;
    let font = "宋体";
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_font_name(font);
    let head = Format::new()
        .set_bold()
        .set_font_name(font)
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_border(FormatBorder::Thin);
    let cell = Format::new()
        .set_font_name(font)
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    sheet
        .write_with_format(0, 0, &ledger.title, &title)
        .map_err(err)?;
    let mut columns: Vec<(&str, f64)> = vec![
        ("序号", 6.0),
        ("任务", 48.0),
        ("牵头单位", 16.0),
        ("实施单位", 20.0),
        ("配合单位", 18.0),
        ("完成时限", 12.0),
        ("状态", 12.0),
        ("进度", 8.0),
    ];
    columns.extend(ledger.periods.iter().map(|p| (p.as_str(), 36.0)));
    for (c, (name, width)) in columns.iter().enumerate() {
        let c = c as u16;
        sheet.write_with_format(1, c, *name, &head).map_err(err)?;
        sheet.set_column_width(c, *width).map_err(err)?;
    }
    sheet.set_freeze_panes(2, 2).map_err(err)?;
    // Printed on A4 landscape, one page wide, the header repeated on every page.
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(1, 1).map_err(err)?;
    for (i, row) in ledger.rows.iter().enumerate() {
        let r = i as u32 + 2;
        // Wrapped text needs a row tall enough for its longest cell: office suites do not grow a row whose
        // height a writer left unset when they print.
        let cells = [&row.task, &row.lead, &row.implementing, &row.cooperating]
            .into_iter()
            .zip([48.0, 16.0, 20.0, 18.0])
            .chain(row.progress.iter().map(|p| (p, 36.0)));
        let lines = cells
            .map(|(text, width)| lines_needed(text, width))
            .max()
            .unwrap_or(1);
        sheet
            .set_row_height(r, 15.0 * lines as f64 + 3.0)
            .map_err(err)?;
        let texts = [
            &row.task,
            &row.lead,
            &row.implementing,
            &row.cooperating,
            &row.deadline,
        ];
        sheet
            .write_with_format(r, 0, row.number, &cell)
            .map_err(err)?;
        for (c, text) in texts.into_iter().enumerate() {
            sheet
                .write_with_format(r, c as u16 + 1, text.as_str(), &cell)
                .map_err(err)?;
        }
        let status = cell.clone().set_background_color(colour(&row.light));
        sheet
            .write_with_format(r, 6, row.category.as_str(), &status)
            .map_err(err)?;
        sheet
            .write_with_format(r, 7, format!("{}%", row.percent), &cell)
            .map_err(err)?;
        for (k, text) in row.progress.iter().enumerate() {
            sheet
                .write_with_format(r, 8 + k as u16, text.as_str(), &cell)
                .map_err(err)?;
        }
    }
    book.save_to_buffer().map_err(err)
}
