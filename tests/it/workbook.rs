//! Workbooks as a user or another program leaves them: the roster's own export read back
//! into cells, changed cell by cell (a blank where a value is required, a code name where
//! the export writes a short label, a number where text belongs), and written again.

use banzi_domain::roster::Roster;
use calamine::{Data, Reader, Xlsx};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Blank,
}

pub fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}

/// Sheets by name, each a grid of cells; the first row is the header.
pub struct Book(Vec<(String, Vec<Vec<Cell>>)>);

impl Book {
    /// The standard workbook of `r`, as `banzi export` writes it.
    pub fn of(r: &Roster) -> Book {
        let bytes = banzi_io::write_roster(r, &|_| {}).expect("write");
        let mut x: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("xlsx");
        let mut sheets = Vec::new();
        for name in x.sheet_names() {
            let range = x.worksheet_range(&name).expect("sheet");
            let rows = range
                .rows()
                .map(|row| {
                    row.iter()
                        .map(|c| match c {
                            Data::Empty => Cell::Blank,
                            Data::String(s) => Cell::Text(s.clone()),
                            Data::Float(f) => Cell::Number(*f),
                            Data::Int(i) => Cell::Number(*i as f64),
                            other => panic!("unexpected cell {other:?}"),
                        })
                        .collect()
                })
                .collect();
            sheets.push((name, rows));
        }
        Book(sheets)
    }

    /// Sets the cell under `header` of spreadsheet row `row` (1-based; row 1 is the header).
    pub fn set(mut self, sheet: &str, row: usize, header: &str, cell: Cell) -> Book {
        let (_, grid) = self
            .0
            .iter_mut()
            .find(|(n, _)| n == sheet)
            .unwrap_or_else(|| panic!("no sheet {sheet}"));
        let col = grid[0]
            .iter()
            .position(|c| *c == Cell::Text(header.into()))
            .unwrap_or_else(|| panic!("no column {header} in {sheet}"));
        while grid.len() < row {
            grid.push(Vec::new());
        }
        let line = &mut grid[row - 1];
        while line.len() <= col {
            line.push(Cell::Blank);
        }
        line[col] = cell;
        self
    }

    /// Drops the column under `header` of `sheet`, as a workbook made before it existed.
    pub fn without(mut self, sheet: &str, header: &str) -> Book {
        if let Some((_, grid)) = self.0.iter_mut().find(|(n, _)| n == sheet) {
            let col = grid[0].iter().position(|c| *c == Cell::Text(header.into()));
            if let Some(col) = col {
                for line in grid.iter_mut().filter(|l| l.len() > col) {
                    line.remove(col);
                }
            }
        }
        self
    }

    pub fn bytes(&self) -> Vec<u8> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        for (name, grid) in &self.0 {
            let ws = wb.add_worksheet();
            ws.set_name(name).expect("name");
            for (r, line) in grid.iter().enumerate() {
                for (c, cell) in line.iter().enumerate() {
                    let (r, c) = (r as u32, c as u16);
                    match cell {
                        Cell::Text(s) => {
                            ws.write_string(r, c, s).expect("cell");
                        }
                        Cell::Number(n) => {
                            ws.write_number(r, c, *n).expect("cell");
                        }
                        Cell::Blank => {}
                    }
                }
            }
        }
        wb.save_to_buffer().expect("save")
    }
}
