//! The five public notices of a competition printed (五公开, R-SEL-11): A4 portrait, each
//! notice from a new page, its title, its paragraphs and its tables (the result notice's
//! table of scores and ranks, ties marked 并列) flowing over as many pages as they need, a
//! table's header row repeated on each page it reaches. Every text is worded by the reader's
//! [`Tr`] from `competition.ftl`, or is what the user entered.

use crate::FormFonts;
use crate::pdf::{A4, Align, Area, Document, DrawError, MM, Para, Style, fit, height};
use banzi_domain::competition::{Block, Notice, Text};
use banzi_domain::message;
use banzi_domain::msg::Msg;
use banzi_i18n::Tr;

const MARGIN: f32 = 20.0 * MM;
const TITLE: Style = Style {
    size: 16.0,
    min: 8.0,
    bold: true,
    ..Style::CELL
};
const BODY: Style = Style {
    size: 11.0,
    min: 6.0,
    leading: 1.5,
    align: Align::Left,
    ..Style::CELL
};
const CELL: Style = Style {
    size: 10.0,
    min: 5.0,
    ..Style::CELL
};
const RULE: f32 = 0.5;

/// `notices` in one PDF worded by `tr`, set in `fonts`; each notice starts a page. A
/// character no font has, or a paragraph or row too long for a page, is refused with what
/// it is.
pub fn render_notices(tr: &Tr, notices: &[Notice], fonts: &FormFonts) -> Result<Vec<u8>, Msg> {
    let title = notices
        .first()
        .map(|n| tr.msg(&n.title))
        .unwrap_or_default();
    let mut flow = Flow {
        doc: Document::new(fonts.load()?, &title),
        y: MARGIN,
    };
    for n in notices {
        flow.doc.page(A4);
        flow.y = MARGIN;
        flow.paragraph(&tr.msg(&n.title), &TITLE, 0.0)?;
        flow.y += 6.0;
        for b in &n.blocks {
            match b {
                Block::Line(t) => flow.paragraph(&worded(tr, t), &BODY, 2.0)?,
                Block::Table { columns, rows } => {
                    let head: Vec<String> = columns.iter().map(|c| tr.msg(c)).collect();
                    let rows: Vec<Vec<String>> = rows
                        .iter()
                        .map(|r| r.iter().map(|t| worded(tr, t)).collect())
                        .collect();
                    flow.table(&head, &rows)?;
                    flow.y += 4.0;
                }
            }
        }
        // The issuer and the day close the notice at the right, as a notice is signed.
        flow.y += 2.0 * BODY.size;
        flow.right(&n.issuer)?;
        flow.right(&tr.msg(&n.date))?;
    }
    flow.doc.finish().map_err(drawn)
}

/// A notice's text in the reader's language (the page shows the notices worded so too).
pub fn worded(tr: &Tr, t: &Text) -> String {
    match t {
        Text::Msg(m) => tr.msg(m),
        Text::Plain(s) => s.clone(),
    }
}

/// The document and where the next block goes on its current page.
struct Flow {
    doc: Document,
    y: f32,
}

const WIDTH: f32 = A4.0 - 2.0 * MARGIN;
const BOTTOM: f32 = A4.1 - MARGIN;

impl Flow {
    /// Starts a new page unless `h` fits below `y` on this one; returns the height there is
    /// for it (a block taller than a page is fitted smaller).
    fn room(&mut self, h: f32) -> f32 {
        if self.y + h > BOTTOM && self.y > MARGIN {
            self.doc.page(A4);
            self.y = MARGIN;
        }
        h.min(BOTTOM - self.y)
    }

    fn shape(&mut self, text: &str, first: f32) -> Result<Vec<Para>, Msg> {
        text.lines()
            .map(|l| {
                let glyphs = self.doc.shape(l).map_err(drawn)?;
                Ok(Para {
                    first,
                    ..Para::plain(glyphs)
                })
            })
            .collect()
    }

    /// A paragraph across the page, its first line indented `indent` ems.
    fn paragraph(&mut self, text: &str, style: &Style, indent: f32) -> Result<(), Msg> {
        let paras = self.shape(text, indent)?;
        let h = self.room(height(&paras, WIDTH, style));
        fit(
            &mut self.doc,
            Area::new(MARGIN, self.y, WIDTH, h),
            &paras,
            style,
        )
        .map_err(|_| message!("competition-pdf-too-long"))?;
        self.y += h;
        Ok(())
    }

    /// One line set flush right (a signature line).
    fn right(&mut self, text: &str) -> Result<(), Msg> {
        let glyphs = self.doc.shape(text).map_err(drawn)?;
        let w = Document::width(&glyphs, BODY.size);
        if w > WIDTH - 2.0 * BODY.size {
            // Longer than a line: set as a paragraph, wrapped.
            return self.paragraph(text, &BODY, 0.0);
        }
        let h = self.room(BODY.size * BODY.leading);
        let x = MARGIN + WIDTH - w - 2.0 * BODY.size;
        self.doc
            .glyphs(&glyphs, x, self.y + 0.88 * BODY.size, BODY.size, false);
        self.y += h;
        Ok(())
    }

    /// A table across the page, columns as wide as their longest text asks (within
    /// bounds), the header row again on every page the table reaches.
    fn table(&mut self, head: &[String], rows: &[Vec<String>]) -> Result<(), Msg> {
        let ems = |t: &str| -> f32 {
            t.lines()
                .map(|l| {
                    l.chars()
                        .map(|c| if c.is_ascii() { 0.55 } else { 1.0 })
                        .sum()
                })
                .fold(0.0, f32::max)
        };
        let weights: Vec<f32> = (0..head.len())
            .map(|i| {
                let cells = rows.iter().filter_map(|r| r.get(i)).map(|t| ems(t));
                cells.fold(ems(&head[i]), f32::max).clamp(2.5, 16.0)
            })
            .collect();
        let sum: f32 = weights.iter().sum::<f32>().max(1.0);
        let widths: Vec<f32> = weights.iter().map(|w| WIDTH * w / sum).collect();
        let head = self.cells(head)?;
        let head_style = Style { bold: true, ..CELL };
        let head_h = row_height(&head, &widths, &head_style);
        self.room(head_h);
        self.row(&head, &widths, head_h, &head_style)?;
        for r in rows {
            let cells = self.cells(r)?;
            let h = row_height(&cells, &widths, &CELL);
            if self.y + h > BOTTOM {
                self.room(f32::INFINITY);
                self.row(&head, &widths, head_h, &head_style)?;
            }
            let h = h.min(BOTTOM - self.y);
            self.row(&cells, &widths, h, &CELL)?;
        }
        Ok(())
    }

    fn cells(&mut self, texts: &[String]) -> Result<Vec<Vec<Para>>, Msg> {
        texts.iter().map(|t| self.shape(t, 0.0)).collect()
    }

    fn row(&mut self, cells: &[Vec<Para>], widths: &[f32], h: f32, s: &Style) -> Result<(), Msg> {
        let mut x = MARGIN;
        for (paras, w) in cells.iter().zip(widths) {
            self.doc.rect(x, self.y, *w, h, RULE);
            fit(&mut self.doc, Area::new(x, self.y, *w, h), paras, s)
                .map_err(|_| message!("competition-pdf-too-long"))?;
            x += w;
        }
        self.y += h;
        Ok(())
    }
}

fn row_height(cells: &[Vec<Para>], widths: &[f32], s: &Style) -> f32 {
    cells
        .iter()
        .zip(widths)
        .map(|(p, w)| height(p, *w, s))
        .fold(0.0, f32::max)
}

fn drawn(e: DrawError) -> Msg {
    match e {
        DrawError::MissingGlyph(c) => message!(
            "competition-pdf-glyph-missing",
            char = c.to_string(),
            code = format!("U+{:04X}", u32::from(c))
        ),
        DrawError::Font(d) => message!("competition-pdf-font-broken", detail = d),
    }
}
