//! Text in a box, as the 任免审批表 editor fits it: wrapped by character (CJK has no spaces;
//! a run of Latin letters or digits such as `1998.07--2001.09` stays whole when it can, and
//! a closing mark such as `，` or `）` never starts a line), then the type made smaller step by
//! step until every line is inside the box — smaller type, never cut ([`fit`]).

use super::doc::{Document, Glyph};

/// A box on the page: top-left corner, width and height, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Area {
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Area {
        Area { x, y, w, h }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VAlign {
    Top,
    Middle,
}

/// How text is set in a box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// The size tried first, in points.
    pub size: f32,
    /// The smallest size allowed; text that does not fit even then is an error, not cut.
    pub min: f32,
    /// Line height as a multiple of the size.
    pub leading: f32,
    pub align: Align,
    pub valign: VAlign,
    /// Inner margin, in points.
    pub pad: f32,
    pub bold: bool,
}

impl Style {
    /// A cell's value: centred, shrinking down to 4 pt.
    pub const CELL: Style = Style {
        size: 12.0,
        min: 4.0,
        leading: 1.2,
        align: Align::Center,
        valign: VAlign::Middle,
        pad: 2.0,
        bold: false,
    };

    pub const fn size(self, size: f32) -> Style {
        Style { size, ..self }
    }
    pub const fn left(self) -> Style {
        Style {
            align: Align::Left,
            ..self
        }
    }
    pub const fn top(self) -> Style {
        Style {
            valign: VAlign::Top,
            ..self
        }
    }
}

/// A paragraph: an optional lead drawn at the left of its first line (a 简历 period), the
/// indent of its first line and of the lines after (in ems: the text of a 简历 line hangs
/// under its own column), and its glyphs.
#[derive(Debug, Clone, Default)]
pub struct Para {
    pub lead: Vec<Glyph>,
    pub first: f32,
    pub rest: f32,
    pub glyphs: Vec<Glyph>,
}

impl Para {
    pub fn plain(glyphs: Vec<Glyph>) -> Para {
        Para {
            glyphs,
            ..Para::default()
        }
    }
}

/// Text that does not fit its box even at the smallest size allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong;

struct Line {
    para: usize,
    start: usize,
    end: usize,
    indent: f32,
    first: bool,
}

/// Sets `paras` in `area`, shrinking from `style.size` until they fit; returns the size used.
pub fn fit(doc: &mut Document, area: Area, paras: &[Para], style: &Style) -> Result<f32, TooLong> {
    let units: Vec<Vec<(usize, usize)>> = paras.iter().map(|p| units(&p.glyphs)).collect();
    let inner_w = (area.w - 2.0 * style.pad).max(1.0);
    let inner_h = (area.h - 2.0 * style.pad).max(1.0);
    let mut size = style.size;
    loop {
        let lines = layout(paras, &units, inner_w, size);
        // Smaller type is set tighter too, down to 1.15 (the editor's single spacing).
        let leading = (style.leading - (style.size - size) * 0.05).max(style.leading.min(1.15));
        let height = (lines.len().max(1) - 1) as f32 * size * leading + size;
        if height <= inner_h + 0.01 {
            let style = Style { leading, ..*style };
            draw(doc, area, paras, &lines, &style, size, height);
            return Ok(size);
        }
        let step = if size > 6.0 { 0.5 } else { 0.25 };
        if size - step < style.min - 0.001 {
            return Err(TooLong);
        }
        size -= step;
    }
}

/// The height `paras` take in a box `width` points wide at `style`'s first size, padding
/// included: what a table row needs before it is drawn.
pub fn height(paras: &[Para], width: f32, style: &Style) -> f32 {
    let units: Vec<Vec<(usize, usize)>> = paras.iter().map(|p| units(&p.glyphs)).collect();
    let lines = layout(
        paras,
        &units,
        (width - 2.0 * style.pad).max(1.0),
        style.size,
    );
    (lines.len().max(1) - 1) as f32 * style.size * style.leading + style.size + 2.0 * style.pad
}

fn draw(
    doc: &mut Document,
    area: Area,
    paras: &[Para],
    lines: &[Line],
    style: &Style,
    size: f32,
    height: f32,
) {
    let top = match style.valign {
        VAlign::Top => area.y + style.pad,
        VAlign::Middle => area.y + (area.h - height) / 2.0,
    };
    // The ideographic em box runs from 0.88 em above the baseline to 0.12 below (Noto CJK).
    let ascent = 0.88 * size;
    for (i, l) in lines.iter().enumerate() {
        let p = &paras[l.para];
        let glyphs = &p.glyphs[l.start..l.end];
        let baseline = top + i as f32 * size * style.leading + ascent;
        let x = match style.align {
            Align::Left => area.x + style.pad + l.indent * size,
            Align::Center => area.x + (area.w - Document::width(glyphs, size)) / 2.0,
        };
        if l.first && !p.lead.is_empty() {
            doc.glyphs(&p.lead, area.x + style.pad, baseline, size, style.bold);
        }
        doc.glyphs(glyphs, x, baseline, size, style.bold);
    }
}

fn layout(paras: &[Para], units: &[Vec<(usize, usize)>], width: f32, size: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
        let mut indent = p.first;
        let mut first = true;
        let (mut start, mut end) = (0usize, 0usize);
        let mut used = 0.0;
        let avail = |indent: f32| width - indent * size;
        let mut emit = |start: usize, end: usize, indent: &mut f32, first: &mut bool| {
            lines.push(Line {
                para: pi,
                start,
                end,
                indent: *indent,
                first: *first,
            });
            *indent = p.rest;
            *first = false;
        };
        for &(a, b) in &units[pi] {
            let w = Document::width(&p.glyphs[a..b], size);
            if end > start && used + w > avail(indent) + 0.01 {
                emit(start, end, &mut indent, &mut first);
                used = 0.0;
                start = a;
                end = a;
                // A space that would open a wrapped line is dropped.
                if b == a + 1 && p.glyphs[a].ch == ' ' {
                    start = b;
                    end = b;
                    continue;
                }
            }
            if end == start && w > avail(indent) + 0.01 {
                // A unit wider than the line (a long number): broken by character.
                for g in a..b {
                    let gw = Document::width(&p.glyphs[g..g + 1], size);
                    if end > start && used + gw > avail(indent) + 0.01 {
                        emit(start, end, &mut indent, &mut first);
                        used = 0.0;
                        start = g;
                    }
                    used += gw;
                    end = g + 1;
                }
                continue;
            }
            used += w;
            end = b;
        }
        emit(start, end, &mut indent, &mut first);
    }
    lines
}

/// Marks that end a unit: they stay with the character before them.
fn closing(c: char) -> bool {
    "，。、；：）》」』”’！？,.;:!?)%…".contains(c)
}

/// Marks that open one: they stay with the character after them.
fn opening(c: char) -> bool {
    "（《「『“‘(".contains(c)
}

/// Letters, digits and the marks inside numbers and dates, which stay together.
fn word(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/' | '_' | '&' | '\'' | '+')
}

/// The pieces a line may be broken between, as glyph ranges.
fn units(glyphs: &[Glyph]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, g) in glyphs.iter().enumerate() {
        let joins = i > 0 && {
            let prev = glyphs[i - 1].ch;
            (word(prev) && word(g.ch)) || (closing(g.ch) && prev != ' ') || opening(prev)
        };
        match out.last_mut() {
            Some(last) if joins => last.1 = i + 1,
            _ => out.push((i, i + 1)),
        }
    }
    out
}

/// A label written downwards, one character under the other, spread over the box's height
/// as the form spaces 简　　历 (at most two sizes apart).
pub fn vertical(doc: &mut Document, area: Area, glyphs: &[Glyph], size: f32) {
    let n = glyphs.len();
    if n == 0 {
        return;
    }
    let gap = ((area.h - n as f32 * size) / (n as f32 + 1.0)).clamp(0.0, 2.0 * size);
    let block = n as f32 * size + (n as f32 - 1.0) * gap;
    let top = area.y + (area.h - block) / 2.0;
    for (i, g) in glyphs.iter().enumerate() {
        let one = std::slice::from_ref(g);
        let x = area.x + (area.w - Document::width(one, size)) / 2.0;
        let baseline = top + i as f32 * (size + gap) + 0.88 * size;
        doc.glyphs(one, x, baseline, size, false);
    }
}
