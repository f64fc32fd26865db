//! A Word document (.docx) → the lines of its body: paragraphs in order, list numbers Word adds itself
//! written out (a `1.` the author never typed is still how the task is numbered on paper), tracked
//! deletions left out, and each table as the rows of a [`Grid`]. Headers, footers and comments are not the
//! plan and are not read; a text box is read once (its fallback copy for old readers is skipped).

use super::grid::{Cell, Grid};
use super::numbering::Numbering;
use super::{OfficeError, Package};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// The text of `word/document.xml`, with the list numbers of `word/numbering.xml`.
pub fn text(package: &mut Package) -> Result<String, OfficeError> {
    let document = package
        .read("word/document.xml")?
        .ok_or(OfficeError::NotAPlanFile)?;
    let numbering = match package.read("word/numbering.xml")? {
        Some(xml) => Numbering::read(&xml),
        None => Numbering::default(),
    };
    Body::new(numbering).read(&document)
}

/// Where the reader is inside tables: one entry per table being read (tables nest inside cells).
#[derive(Default)]
struct TableState {
    grid: Grid,
    row: Vec<Cell>,
    cell: Cell,
    /// Grid columns the current cell spans (`w:gridSpan`).
    span: usize,
}

struct Body {
    numbering: Numbering,
    lines: Vec<String>,
    tables: Vec<TableState>,
    paragraph: String,
    list: Option<(String, u8)>,
    in_text: bool,
    /// Depth inside content that is not on the page: tracked deletions, moved-away text, fallback copies.
    deleted: usize,
}

impl Body {
    fn new(numbering: Numbering) -> Self {
        Body {
            numbering,
            lines: Vec::new(),
            tables: Vec::new(),
            paragraph: String::new(),
            list: None,
            in_text: false,
            deleted: 0,
        }
    }

    fn read(mut self, xml: &str) -> Result<String, OfficeError> {
        let mut reader = Reader::from_str(xml);
        loop {
            match reader.read_event().map_err(|_| OfficeError::Damaged)? {
                Event::Start(e) => self.start(&e, false),
                Event::Empty(e) => self.start(&e, true),
                Event::End(e) => self.end(e.local_name().as_ref()),
                Event::Text(t) if self.in_text && self.deleted == 0 => {
                    self.paragraph.push_str(&t.xml10_content());
                }
                Event::GeneralRef(r) if self.in_text && self.deleted == 0 => {
                    if let Some(c) = entity(&r) {
                        self.paragraph.push(c);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        // A document cut off inside a table still gives what it had.
        while !self.tables.is_empty() {
            self.end_table();
        }
        self.end_paragraph();
        Ok(self.lines.join("\n"))
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        match e.local_name().as_ref() {
            "t" => self.in_text = !empty,
            "tab" | "ptab" if self.deleted == 0 => self.paragraph.push(' '),
            // A line break inside a paragraph starts a new line of the plan, as it does on paper.
            "br" | "cr" if self.deleted == 0 => self.break_line(),
            "del" | "moveFrom" | "Fallback" if !empty => self.deleted += 1,
            "numPr" => self.list = Some((String::new(), 0)),
            "numId" => {
                if let (Some(list), Some(v)) = (self.list.as_mut(), val(e)) {
                    list.0 = v;
                }
            }
            "ilvl" => {
                if let (Some(list), Some(v)) = (self.list.as_mut(), val(e)) {
                    list.1 = v.parse().unwrap_or(0);
                }
            }
            "tbl" if !empty => {
                self.end_paragraph();
                self.tables.push(TableState::default());
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.row.clear();
                }
            }
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Cell::default();
                    t.span = 1;
                }
            }
            "vMerge" => {
                // `<w:vMerge/>` or `w:val="continue"` continues the cell above; `restart` begins a merge.
                if let Some(t) = self.tables.last_mut() {
                    t.cell.merged_from_above = val(e).is_none_or(|v| v == "continue");
                }
            }
            "gridSpan" => {
                // A cell spanning n grid columns is followed by n − 1 empty ones, so columns stay aligned.
                if let (Some(t), Some(n)) = (self.tables.last_mut(), val(e)) {
                    t.span = n.parse::<usize>().unwrap_or(1).clamp(1, 64);
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "t" => self.in_text = false,
            "del" | "moveFrom" | "Fallback" => self.deleted = self.deleted.saturating_sub(1),
            "p" => self.end_paragraph(),
            "tc" => {
                self.end_paragraph();
                if let Some(t) = self.tables.last_mut() {
                    let cell = std::mem::take(&mut t.cell);
                    t.row.push(cell);
                    t.row
                        .extend(std::iter::repeat_n(Cell::default(), t.span.max(1) - 1));
                }
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    let row = std::mem::take(&mut t.row);
                    t.grid.rows.push(row);
                }
            }
            "tbl" => self.end_table(),
            _ => {}
        }
    }

    fn break_line(&mut self) {
        let line = std::mem::take(&mut self.paragraph);
        self.push_line(line);
    }

    fn end_paragraph(&mut self) {
        let mut line = std::mem::take(&mut self.paragraph);
        if let Some((num_id, level)) = self.list.take()
            && !line.trim().is_empty()
            && let Some(label) = self.numbering.next(&num_id, level)
        {
            line.insert_str(0, &label);
        }
        self.push_line(line);
    }

    fn push_line(&mut self, line: String) {
        if line.trim().is_empty() {
            return;
        }
        match self.tables.last_mut() {
            Some(t) => t.cell.paragraphs.push(line),
            None => self.lines.push(line),
        }
    }

    /// A finished table: written out as lines, or, inside a cell of an outer table, into that cell.
    fn end_table(&mut self) {
        let Some(table) = self.tables.pop() else {
            return;
        };
        let lines = table.grid.lines();
        match self.tables.last_mut() {
            Some(outer) => outer.cell.paragraphs.extend(lines),
            None => self.lines.extend(lines),
        }
    }
}

/// The `w:val` attribute, whatever its prefix.
fn val(e: &BytesStart) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == "val")
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The character an entity reference in text stands for (`&amp;`, `&#x4E00;`).
pub(super) fn entity(r: &quick_xml::events::BytesRef) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match &**r {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}
