//! The ruled grid of the form: columns measured in millimetres as the form is drawn, cells
//! framed, labels and values set in them.

use super::Form;
use crate::pdf::{Align, Area, MM, Para, Style, VAlign, fit, vertical};
use banzi_domain::Msg;

/// Thin rules inside the table, a heavier one around it.
pub const RULE: f32 = 0.5;
pub const FRAME: f32 = 1.2;

/// Labels: 五号-like, centred, made smaller when a label needs it.
pub const LABEL: Style = Style {
    size: 11.0,
    min: 6.0,
    leading: 1.25,
    align: Align::Center,
    valign: VAlign::Middle,
    pad: 1.5,
    bold: false,
};

/// Paragraph text (简历, 奖惩 …): 小四, top-left, made smaller down to 3 pt for a very long
/// text (never cut).
pub const PROSE: Style = Style {
    size: 12.0,
    min: 3.0,
    leading: 1.4,
    pad: 3.0,
    ..Style::CELL
}
.left()
.top();

/// Column edges of a table, in points from the page's left edge.
pub struct Grid {
    edges: Vec<f32>,
}

impl Grid {
    /// A table starting `left` mm from the page's edge with columns `widths` mm wide.
    pub fn mm(left: f32, widths: &[f32]) -> Grid {
        let mut edges = vec![left * MM];
        for w in widths {
            edges.push(edges[edges.len() - 1] + w * MM);
        }
        Grid { edges }
    }

    /// The cell spanning columns `from..=to`, from `top` (points) `h` points down.
    pub fn area(&self, from: usize, to: usize, top: f32, h: f32) -> Area {
        let x = self.edges[from];
        Area::new(x, top, self.edges[to + 1] - x, h)
    }

    /// The whole table's width, from its left edge.
    pub fn whole(&self, top: f32, h: f32) -> Area {
        self.area(0, self.edges.len() - 2, top, h)
    }
}

/// Text split at its line breaks.
pub fn paras(form: &mut Form<'_>, text: &str) -> Result<Vec<Para>, Msg> {
    text.lines()
        .map(|l| form.shape(l.trim_end()).map(Para::plain))
        .collect()
}

impl Form<'_> {
    pub fn frame(&mut self, a: Area) {
        self.doc.rect(a.x, a.y, a.w, a.h, RULE);
    }

    /// A framed label cell.
    pub fn label(&mut self, a: Area, text: &str) -> Result<(), Msg> {
        self.frame(a);
        let ps = paras(self, text)?;
        fit(self.doc, a, &ps, &LABEL).map_err(self.too_long(text))?;
        Ok(())
    }

    /// A label written downwards (简历), its characters spread over the cell.
    pub fn label_down(&mut self, a: Area, text: &str) -> Result<(), Msg> {
        self.frame(a);
        let g = self.shape(text)?;
        vertical(self.doc, a, &g, LABEL.size + 1.0);
        Ok(())
    }

    /// A framed value cell; `field` names it when the text cannot be fitted.
    pub fn value(&mut self, a: Area, text: &str, style: Style, field: &str) -> Result<(), Msg> {
        self.frame(a);
        let ps = paras(self, text)?;
        fit(self.doc, a, &ps, &style).map_err(self.too_long(field))?;
        Ok(())
    }
}
