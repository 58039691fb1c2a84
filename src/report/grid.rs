//! The grid of the table report, written one row at a time.
//!
//! The grid is drawn as comfy-table draws its `UTF8_FULL_CONDENSED` preset with content
//! arrangement disabled (the table's first renderer, whose output the tests hold this one to):
//! a column is as wide as its widest line, every cell is padded with one space on each side, and a
//! row is as tall as its tallest cell. comfy-table keeps every cell of the table in memory, with
//! its lines split and styled: claims times sources cells, 6.4 million on 100,000 articles with 64
//! claims, which took 1.8 GB. Here only the column widths are kept, and each row's cells while
//! that row is written.
//!
//! One difference, on purpose: comfy-table held widths in 16 bits, so a cell wider than 65,533
//! terminal columns (an outlet name of that length in `sources.toml`, say) made it cap the column
//! and re-wrap the cell. Here a column is always as wide as its widest line.

use std::borrow::Cow;
use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

/// A line longer than this (a row across 100,000 sources is about a megabyte) is written in
/// pieces of about this size, so that it is never held whole.
const PIECE_BYTES: usize = 64 << 10;

/// The widths of a grid's columns, found before anything is written.
pub struct Grid {
    /// Each column's content width: its widest line, in terminal columns, at least 1. Held in 32
    /// bits: 100,000 columns on a large corpus, and no line of a report is four billion columns
    /// wide (a wider one would be counted as that wide).
    widths: Vec<u32>,
}

impl Grid {
    /// A grid of `columns` columns, each one wide until cells are fitted into it.
    pub fn new(columns: usize) -> Grid {
        Grid {
            widths: vec![1; columns],
        }
    }

    /// Widens `column` to hold every line of `cell`.
    pub fn fit(&mut self, column: usize, cell: &str) {
        let widest = cell.split('\n').map(|line| line.width()).max();
        let widest = u32::try_from(widest.unwrap_or(0)).unwrap_or(u32::MAX);
        let width = &mut self.widths[column];
        *width = (*width).max(widest);
    }

    /// The line above the header.
    pub fn top(&self, out: &mut dyn Write) -> io::Result<()> {
        self.rule(out, ['┌', '─', '┬', '┐'])
    }

    /// The line between the header and the rows.
    pub fn below_header(&self, out: &mut dyn Write) -> io::Result<()> {
        self.rule(out, ['╞', '═', '╪', '╡'])
    }

    /// The line below the last row.
    pub fn bottom(&self, out: &mut dyn Write) -> io::Result<()> {
        self.rule(out, ['└', '─', '┴', '┘'])
    }

    /// Writes a row whose cells, one per column, `cells` gives in order, each time it is called;
    /// a cell's lines are separated by `\n`.
    ///
    /// Nothing is kept per column but its width: on a corpus of 100,000 sources a row is 100,000
    /// cells, nearly all "silent", and holding them (or a line iterator for each) took more memory
    /// than the findings. The cells are gone through once for the row's height, then once per
    /// line; a line is written in pieces of [`PIECE_BYTES`] at most.
    pub fn row_of<'a, I>(&self, out: &mut dyn Write, cells: impl Fn() -> I) -> io::Result<()>
    where
        I: Iterator<Item = Cow<'a, str>>,
    {
        let height = cells()
            .map(|c| c.bytes().filter(|&b| b == b'\n').count() + 1)
            .max()
            .unwrap_or(1);
        let mut text = String::new();
        for line_index in 0..height {
            text.clear();
            text.push('│');
            let mut columns = 0;
            for (i, (cell, &width)) in cells().zip(&self.widths).enumerate() {
                if i > 0 {
                    text.push('┆');
                }
                let line = cell.split('\n').nth(line_index).unwrap_or("");
                text.push(' ');
                text.push_str(line);
                let pad = (width as usize).saturating_sub(line.width()) + 1;
                text.extend(std::iter::repeat_n(' ', pad));
                if text.len() >= PIECE_BYTES {
                    out.write_all(text.as_bytes())?;
                    text.clear();
                }
                columns += 1;
            }
            debug_assert_eq!(columns, self.widths.len());
            text.push_str("│\n");
            out.write_all(text.as_bytes())?;
        }
        Ok(())
    }

    /// A horizontal line: `[left, line, between columns, right]`.
    /// Written in pieces, as rows are: across 100,000 sources a rule is 2.7 MB of box drawing.
    fn rule(&self, out: &mut dyn Write, [left, line, between, right]: [char; 4]) -> io::Result<()> {
        let mut text = String::new();
        text.push(left);
        for (i, &width) in self.widths.iter().enumerate() {
            if i > 0 {
                text.push(between);
            }
            text.extend(std::iter::repeat_n(line, width as usize + 2));
            if text.len() >= PIECE_BYTES {
                out.write_all(text.as_bytes())?;
                text.clear();
            }
        }
        text.push(right);
        text.push('\n');
        out.write_all(text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grid as comfy-table draws it, the reference this module follows.
    fn comfy(rows: &[Vec<String>]) -> String {
        use comfy_table::{ContentArrangement, Table, presets};
        let mut table = Table::new();
        table
            .load_preset(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header(rows[0].clone());
        for row in &rows[1..] {
            table.add_row(row.clone());
        }
        format!("{table}\n")
    }

    /// The cells of `row`, as [`Grid::row_of`] asks for them.
    fn cells<'a>(row: &'a [String]) -> impl Fn() -> std::vec::IntoIter<Cow<'a, str>> + 'a {
        || {
            let cells: Vec<Cow<str>> = row.iter().map(|c| Cow::Borrowed(c.as_str())).collect();
            cells.into_iter()
        }
    }

    /// The grid as [`Grid`] writes it.
    fn ours(rows: &[Vec<String>]) -> String {
        let mut grid = Grid::new(rows[0].len());
        for row in rows {
            for (column, cell) in row.iter().enumerate() {
                grid.fit(column, cell);
            }
        }
        let mut out = Vec::new();
        grid.top(&mut out).unwrap();
        grid.row_of(&mut out, cells(&rows[0])).unwrap();
        grid.below_header(&mut out).unwrap();
        for row in &rows[1..] {
            grid.row_of(&mut out, cells(row)).unwrap();
        }
        grid.bottom(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn draws_what_comfy_table_draws() {
        // Pieces of cells: empty, narrow, wide (CJK, emoji), combining accents, line breaks.
        const PIECES: &[&str] = &[
            "",
            "a",
            "silent",
            "~100",
            "2024-04-10",
            "inconsistent:",
            "\n",
            "Journal du Niger",
            "é",
            "e\u{301}",
            "漢字",
            "🙂",
            " ",
            "Il-76 / unspecified",
            "x\ny\nz",
        ];
        let mut next = crate::testing::sequence(0x9e37_79b9_7f4a_7c15);
        for _ in 0..2000 {
            let columns = 1 + next(6);
            let rows: Vec<Vec<String>> = (0..1 + next(5))
                .map(|_| {
                    (0..columns)
                        .map(|_| (0..next(4)).map(|_| PIECES[next(PIECES.len())]).collect())
                        .collect()
                })
                .collect();
            assert_eq!(ours(&rows), comfy(&rows), "{rows:?}");
        }
    }

    #[test]
    fn a_cell_wider_than_sixteen_bits_stays_on_one_line() {
        let wide = "w".repeat(70_000);
        let rows = vec![
            vec!["claim".to_string(), wide.clone()],
            vec!["count".to_string(), "100".to_string()],
        ];
        let lines: Vec<String> = ours(&rows).lines().map(String::from).collect();
        assert_eq!(lines.len(), 5);
        // Its rules and rows are longer than a piece of PIECE_BYTES: each is written in parts.
        let rule = |[left, line, between, right]: [char; 4]| {
            format!(
                "{left}{}{between}{}{right}",
                line.to_string().repeat(7),
                line.to_string().repeat(70_002)
            )
        };
        assert_eq!(lines[0], rule(['┌', '─', '┬', '┐']));
        assert_eq!(lines[2], rule(['╞', '═', '╪', '╡']));
        assert_eq!(lines[4], rule(['└', '─', '┴', '┘']));
        assert_eq!(lines[1], format!("│ claim ┆ {wide} │"));
        assert_eq!(
            lines[3],
            format!("│ count ┆ 100{} │", " ".repeat(70_000 - 3))
        );
    }

    /// A grid as wide as a large corpus (a column per source) is drawn as comfy-table draws it,
    /// though every row and rule is written in many pieces.
    #[test]
    fn a_grid_of_many_columns_is_drawn_whole() {
        let header: Vec<String> = (0..20_000).map(|i| format!("{i:05}\nRFI")).collect();
        let row: Vec<String> = (0..20_000)
            .map(|i| {
                if i % 7 == 0 {
                    "inconsistent:\n~100 / 200"
                } else {
                    "silent"
                }
                .into()
            })
            .collect();
        let rows = vec![header, row];
        assert!(ours(&rows).lines().all(|line| line.len() > 2 * PIECE_BYTES));
        assert_eq!(ours(&rows), comfy(&rows));
    }

    #[test]
    fn a_row_is_as_tall_as_its_tallest_cell() {
        let rows = vec![
            vec!["claim".to_string(), "000\nRFI".to_string()],
            vec!["count".to_string(), "inconsistent:\n~100 / 200".to_string()],
        ];
        assert_eq!(
            ours(&rows),
            "┌───────┬───────────────┐\n\
             │ claim ┆ 000           │\n\
             │       ┆ RFI           │\n\
             ╞═══════╪═══════════════╡\n\
             │ count ┆ inconsistent: │\n\
             │       ┆ ~100 / 200    │\n\
             └───────┴───────────────┘\n"
        );
    }
}
