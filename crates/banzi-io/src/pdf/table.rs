//! A table over as many pages as it needs (the 名册 printed on A4 landscape): a title, the
//! header row repeated on every page, rows as tall as their wrapped text, and a page label
//! the caller words (`第 1 页 共 3 页`) at the foot of each page. A row taller than a whole
//! page is set smaller to fit one, never cut.

use super::doc::{Document, DrawError};
use super::text::{Align, Area, Para, Style, TooLong, fit, height};

/// One column: its heading, its share of the table's width, how its cells align.
#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    pub weight: f32,
    pub align: Align,
}

/// How a table is laid out on its pages.
#[derive(Debug, Clone)]
pub struct Table {
    pub page: (f32, f32),
    /// Page margin, in points.
    pub margin: f32,
    pub title: String,
    pub columns: Vec<Column>,
    pub header: Style,
    pub cell: Style,
}

/// Why a table could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    Draw(DrawError),
    /// A row too tall for a page even at the smallest size (its index).
    RowTooLong(usize),
}

impl From<DrawError> for TableError {
    fn from(e: DrawError) -> TableError {
        TableError::Draw(e)
    }
}

const TITLE_SIZE: f32 = 16.0;
const FOOT: f32 = 18.0;
const RULE: f32 = 0.5;

impl Table {
    /// Draws the table with `rows` (one text per column) on new pages; `label(page, pages)`
    /// words the page label. Returns the number of pages used.
    pub fn draw(
        &self,
        doc: &mut Document,
        rows: &[Vec<String>],
        label: &dyn Fn(usize, usize) -> String,
    ) -> Result<usize, TableError> {
        let (pw, ph) = self.page;
        let width = pw - 2.0 * self.margin;
        let total: f32 = self
            .columns
            .iter()
            .map(|c| c.weight)
            .sum::<f32>()
            .max(0.001);
        let widths: Vec<f32> = self
            .columns
            .iter()
            .map(|c| width * c.weight / total)
            .collect();
        let shape = |doc: &mut Document, t: &str| -> Result<Vec<Para>, DrawError> {
            t.lines().map(|l| doc.shape(l).map(Para::plain)).collect()
        };
        let heads: Vec<Vec<Para>> = self
            .columns
            .iter()
            .map(|c| shape(doc, &c.title))
            .collect::<Result<_, _>>()?;
        let head_h = heads
            .iter()
            .zip(&widths)
            .map(|(p, w)| height(p, *w, &self.header))
            .fold(0.0, f32::max);
        let top = self.margin + TITLE_SIZE * 1.8;
        let body = ph - self.margin - FOOT - top - head_h;
        // Every cell shaped and every row measured first, so pages are known before drawing.
        let mut cells: Vec<Vec<Vec<Para>>> = Vec::with_capacity(rows.len());
        let mut heights = Vec::with_capacity(rows.len());
        for row in rows {
            let mut shaped = Vec::with_capacity(widths.len());
            let mut h: f32 = 0.0;
            for (i, w) in widths.iter().enumerate() {
                let p = shape(doc, row.get(i).map(String::as_str).unwrap_or(""))?;
                h = h.max(height(&p, *w, &self.cell));
                shaped.push(p);
            }
            cells.push(shaped);
            heights.push(h.min(body));
        }
        let mut pages: Vec<std::ops::Range<usize>> = Vec::new();
        let (mut start, mut used) = (0, 0.0);
        for (i, h) in heights.iter().enumerate() {
            if i > start && used + h > body {
                pages.push(start..i);
                (start, used) = (i, 0.0);
            }
            used += h;
        }
        pages.push(start..rows.len());
        let count = pages.len();
        for (n, range) in pages.into_iter().enumerate() {
            doc.page(self.page);
            let title = vec![Para::plain(doc.shape(&self.title)?)];
            let t = Area::new(self.margin, self.margin, width, TITLE_SIZE * 1.6);
            let title_style = Style {
                size: TITLE_SIZE,
                bold: true,
                ..self.header
            };
            fit(doc, t, &title, &title_style).map_err(|_: TooLong| TableError::RowTooLong(0))?;
            let mut y = top;
            self.row(doc, &widths, &heads, y, head_h, &self.header)
                .map_err(|_| TableError::RowTooLong(0))?;
            y += head_h;
            for i in range {
                self.row(doc, &widths, &cells[i], y, heights[i], &self.cell)
                    .map_err(|_| TableError::RowTooLong(i))?;
                y += heights[i];
            }
            let foot = vec![Para::plain(doc.shape(&label(n + 1, count))?)];
            let f = Area::new(self.margin, ph - self.margin - FOOT, width, FOOT);
            let foot_style = Style {
                size: 9.0,
                align: Align::Center,
                ..self.cell
            };
            fit(doc, f, &foot, &foot_style).map_err(|_| TableError::RowTooLong(0))?;
        }
        Ok(count)
    }

    fn row(
        &self,
        doc: &mut Document,
        widths: &[f32],
        cells: &[Vec<Para>],
        y: f32,
        h: f32,
        style: &Style,
    ) -> Result<(), TooLong> {
        let mut x = self.margin;
        for ((w, paras), col) in widths.iter().zip(cells).zip(&self.columns) {
            doc.rect(x, y, *w, h, RULE);
            let s = Style {
                align: col.align,
                ..*style
            };
            fit(doc, Area::new(x, y, *w, h), paras, &s)?;
            x += w;
        }
        Ok(())
    }
}
