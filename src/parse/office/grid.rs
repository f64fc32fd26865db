//! A table read from a Word or Excel file, as the lines the text importer reads. Both readers fill a
//! [`Grid`] of cells with what each cell says and whether it is the continuation of a merged cell above;
//! [`Grid::lines`] then writes the table the way a copied table arrives as text (`序号 | 任务 | 牵头单位 …`),
//! which `parse::table` reads by its header row. Nothing here knows what a column holds: that stays the
//! table parser's one decision, so a file and a pasted copy of it are read by the same rules.

/// One cell: its paragraphs, and whether a merge from above covers it (its own text is then empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub paragraphs: Vec<String>,
    pub merged_from_above: bool,
}

impl Cell {
    #[cfg(test)]
    pub fn text(text: &str) -> Cell {
        Cell {
            paragraphs: text.lines().map(str::to_string).collect(),
            merged_from_above: false,
        }
    }

    /// The cell as one line. Paragraphs that read as a list of names (short, no sentence end: one unit per
    /// line in a tall 责任单位 cell) are joined with `、`, as they would be printed in a sentence; paragraphs
    /// of prose are joined as they are, since each already ends its sentence.
    fn joined(&self) -> String {
        let parts: Vec<&str> = self.paragraphs.iter().map(String::as_str).collect();
        // A `|` inside a cell would read as a cell boundary.
        join(&parts).replace('|', "｜")
    }
}

/// Texts that belong to one cell as one line: `、` between names, nothing between sentences.
fn join(parts: &[&str]) -> String {
    let parts: Vec<&str> = parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    // A name, or a list of names already joined (its last name is what matters).
    let is_name = |p: &&str| {
        p.rsplit('、')
            .next()
            .is_some_and(|last| last.chars().count() <= 30)
            && !p.ends_with(['。', '；', ';', '，', ',', '、', '：', ':'])
    };
    let separator = if parts.len() > 1 && parts.iter().all(is_name) {
        "、"
    } else {
        ""
    };
    parts.join(separator)
}

/// A table as rows of cells (rows may differ in length).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grid {
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    /// The table as lines of text. A cell merged from above takes the text of the cell above it (a 牵头单位
    /// merged over three tasks leads all three), unless it is the row's first cell: then the row is a sub-row
    /// of the task above and its own cells are added to that task's. A row that repeats the row above
    /// exactly adds nothing and is dropped. Rows before the first one with two filled cells (a title across the table) and
    /// tables of one column (a frame around prose) are written as plain paragraphs.
    pub fn lines(&self) -> Vec<String> {
        let width = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut filled: Vec<Vec<String>> = Vec::with_capacity(self.rows.len());
        for row in &self.rows {
            let continues = row.first().is_some_and(|c| c.merged_from_above);
            if let (true, Some(above)) = (continues, filled.last_mut()) {
                // The row's first cell (its 序号, or its task) is merged from above: a sub-row of the same
                // task, whose own cells add to the task's (a second unit, a second measure).
                for (col, cell) in row.iter().enumerate() {
                    let own = cell.joined();
                    if !cell.merged_from_above
                        && !own.is_empty()
                        && let Some(into) = above.get_mut(col)
                    {
                        let joined = join(&[into.as_str(), own.as_str()]);
                        *into = joined;
                    }
                }
                continue;
            }
            let mut out: Vec<String> = Vec::with_capacity(width);
            for (col, cell) in row.iter().enumerate() {
                let own = cell.joined();
                let text = if cell.merged_from_above && own.is_empty() {
                    filled
                        .last()
                        .and_then(|above| above.get(col))
                        .cloned()
                        .unwrap_or_default()
                } else {
                    own
                };
                out.push(text);
            }
            out.resize(width, String::new());
            if filled.last() != Some(&out) {
                filled.push(out);
            }
        }
        let mut lines = Vec::with_capacity(filled.len());
        let mut in_table = false;
        for row in filled {
            let cells = row.iter().filter(|c| !c.is_empty()).count();
            if cells == 0 {
                continue;
            }
            in_table |= cells >= 2 && width >= 2;
            if in_table {
                lines.push(row.join(" | "));
            } else {
                lines.extend(row.into_iter().filter(|c| !c.is_empty()));
            }
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<Cell> {
        cells.iter().map(|c| Cell::text(c)).collect()
    }

    fn merged() -> Cell {
        Cell {
            paragraphs: Vec::new(),
            merged_from_above: true,
        }
    }

    #[test]
    fn a_title_row_is_a_paragraph_and_the_rest_are_pipe_rows() {
        let grid = Grid {
            rows: vec![
                row(&["重点任务分工表", "", ""]),
                row(&["序号", "任务", "牵头单位"]),
                row(&["1", "建设园区。", "市发改委"]),
            ],
        };
        assert_eq!(
            grid.lines(),
            [
                "重点任务分工表",
                "序号 | 任务 | 牵头单位",
                "1 | 建设园区。 | 市发改委"
            ]
        );
    }

    #[test]
    fn a_cell_merged_from_above_repeats_the_cell_above() {
        let mut second = row(&["2", "建设基地。"]);
        second.push(merged());
        let grid = Grid {
            rows: vec![
                row(&["序号", "任务", "牵头单位"]),
                row(&["1", "建设园区。", "市发改委"]),
                second,
            ],
        };
        assert_eq!(grid.lines()[2], "2 | 建设基地。 | 市发改委");
    }

    #[test]
    fn a_row_whose_first_cell_is_merged_from_above_adds_to_the_task_above() {
        let grid = Grid {
            rows: vec![
                row(&["序号", "任务", "责任单位"]),
                row(&["1", "建设园区。", "市发改委"]),
                vec![merged(), merged(), Cell::text("市财政局")],
                row(&["2", "建设基地。", "市科技局"]),
            ],
        };
        assert_eq!(
            grid.lines()[1..],
            [
                "1 | 建设园区。 | 市发改委、市财政局",
                "2 | 建设基地。 | 市科技局"
            ]
        );
    }

    #[test]
    fn a_row_that_only_repeats_the_one_above_is_dropped() {
        let grid = Grid {
            rows: vec![
                row(&["序号", "任务"]),
                row(&["1", "建设园区。"]),
                vec![Cell::text("1"), merged()],
            ],
        };
        assert_eq!(grid.lines().len(), 2);
    }

    #[test]
    fn names_one_per_line_are_joined_as_a_list_and_prose_as_it_is() {
        let names = Cell::text("市发改委\n市财政局");
        assert_eq!(names.joined(), "市发改委、市财政局");
        let prose = Cell::text("建设园区。\n完善配套。");
        assert_eq!(prose.joined(), "建设园区。完善配套。");
        assert_eq!(Cell::text("A|B").joined(), "A｜B");
    }

    #[test]
    fn a_one_column_table_is_prose() {
        let grid = Grid {
            rows: vec![row(&["1.建设园区。"]), row(&["2.建设基地。"])],
        };
        assert_eq!(grid.lines(), ["1.建设园区。", "2.建设基地。"]);
    }
}
