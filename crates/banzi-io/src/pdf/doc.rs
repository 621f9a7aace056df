//! The document being drawn: pages of lines, rectangles, glyph runs and images, with the
//! fonts embedded at the end as subsets of the glyphs drawn.
//!
//! Coordinates are points from the page's top-left corner (as a form is measured); the
//! PDF's bottom-left origin is applied only when an operator is written. Glyphs are written
//! as CIDs of the subset as they are drawn (the remapper numbers them in order), so the
//! subset, its widths (W) and its ToUnicode CMap are all built from the same record.

use super::font::Font;
use super::image::Image;
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, TextRenderingMode, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::sync::Arc;
use subsetter::GlyphRemapper;

/// A4 portrait, in points.
pub const A4: (f32, f32) = (595.28, 841.89);
/// One millimetre in points.
pub const MM: f32 = 72.0 / 25.4;

/// One character as drawn: the font it comes from (index into the document's fonts), its
/// glyph and its advance in thousandths of an em.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub font: u8,
    pub gid: u16,
    pub advance: f32,
    pub ch: char,
}

/// Why something could not be drawn or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DrawError {
    /// No font of the document has this character (a 生僻字 beyond every font given).
    MissingGlyph(char),
    /// A font could not be subset (a damaged font file).
    Font(String),
}

struct FontSlot {
    font: Arc<Font>,
    remapper: GlyphRemapper,
    /// CID → (advance, text), in CID order.
    used: BTreeMap<u16, (f32, char)>,
}

struct PageData {
    size: (f32, f32),
    content: Content,
    fonts: BTreeSet<usize>,
    images: BTreeSet<usize>,
}

/// A PDF being drawn.
pub struct Document {
    fonts: Vec<FontSlot>,
    images: Vec<Image>,
    pages: Vec<PageData>,
    glyphs: HashMap<char, Glyph>,
    title: String,
}

impl Document {
    /// A document drawing with `fonts`, the first the main one and each next one used for
    /// the characters the ones before it lack.
    pub fn new(fonts: Vec<Arc<Font>>, title: &str) -> Document {
        Document {
            fonts: fonts
                .into_iter()
                .map(|font| FontSlot {
                    font,
                    remapper: GlyphRemapper::new(),
                    used: BTreeMap::new(),
                })
                .collect(),
            images: Vec::new(),
            pages: Vec::new(),
            glyphs: HashMap::new(),
            title: title.to_string(),
        }
    }

    /// Starts a page of `size` (points); drawing goes to it until the next.
    pub fn page(&mut self, size: (f32, f32)) {
        self.pages.push(PageData {
            size,
            content: Content::new(),
            fonts: BTreeSet::new(),
            images: BTreeSet::new(),
        });
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    fn current(&mut self) -> &mut PageData {
        if self.pages.is_empty() {
            self.page(A4);
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// The glyphs of `text`, each from the first font that has it; a character none has is
    /// an error (never a missing-glyph box). Line breaks and other controls are skipped.
    pub fn shape(&mut self, text: &str) -> Result<Vec<Glyph>, DrawError> {
        let mut out = Vec::with_capacity(text.len() / 2);
        for ch in text.chars().filter(|c| !c.is_control()) {
            if let Some(g) = self.glyphs.get(&ch) {
                out.push(*g);
                continue;
            }
            let g = self.lookup(ch).ok_or(DrawError::MissingGlyph(ch))?;
            self.glyphs.insert(ch, g);
            out.push(g);
        }
        Ok(out)
    }

    fn lookup(&self, ch: char) -> Option<Glyph> {
        self.fonts.iter().enumerate().find_map(|(i, slot)| {
            let face = slot.font.face()?;
            let gid = face.glyph_index(ch).filter(|g| g.0 != 0)?;
            let adv = face.glyph_hor_advance(gid).unwrap_or(0);
            Some(Glyph {
                font: i as u8,
                gid: gid.0,
                advance: slot.font.to_pdf_units(f32::from(adv)),
                ch,
            })
        })
    }

    /// Width of `glyphs` at `size` points.
    pub fn width(glyphs: &[Glyph], size: f32) -> f32 {
        glyphs.iter().map(|g| g.advance).sum::<f32>() * size / 1000.0
    }

    /// Draws `glyphs` with the baseline's left end at (`x`, `y`); `bold` strokes the
    /// outlines as well (the title, as the editor prints it heavier than the cells).
    pub fn glyphs(&mut self, glyphs: &[Glyph], x: f32, y: f32, size: f32, bold: bool) {
        if glyphs.is_empty() {
            return;
        }
        let mut runs: Vec<(u8, Vec<u8>)> = Vec::new();
        for g in glyphs {
            let slot = &mut self.fonts[usize::from(g.font)];
            let cid = slot.remapper.remap(g.gid);
            slot.used.entry(cid).or_insert((g.advance, g.ch));
            match runs.last_mut() {
                Some((f, bytes)) if *f == g.font => bytes.extend(cid.to_be_bytes()),
                _ => runs.push((g.font, cid.to_be_bytes().to_vec())),
            }
        }
        let page = self.current();
        let top = page.size.1;
        let c = &mut page.content;
        c.begin_text();
        if bold {
            c.set_text_rendering_mode(TextRenderingMode::FillStroke);
            c.set_line_width(size * 0.03);
        }
        c.next_line(x, top - y);
        for (font, bytes) in &runs {
            c.set_font(Name(format!("F{font}").as_bytes()), size);
            c.show(Str(bytes));
        }
        if bold {
            c.set_text_rendering_mode(TextRenderingMode::Fill);
        }
        c.end_text();
        let fonts: Vec<usize> = runs.iter().map(|(f, _)| usize::from(*f)).collect();
        page.fonts.extend(fonts);
    }

    /// A straight line of `width` points.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), width: f32) {
        let page = self.current();
        let top = page.size.1;
        page.content
            .set_line_width(width)
            .move_to(from.0, top - from.1)
            .line_to(to.0, top - to.1)
            .stroke();
    }

    /// A rectangle's outline; (`x`, `y`) is its top-left corner.
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, width: f32) {
        let page = self.current();
        let top = page.size.1;
        page.content
            .set_line_width(width)
            .rect(x, top - y - h, w, h)
            .stroke();
    }

    /// Adds an image to the document (once; draw it with [`Document::image`]).
    pub fn add_image(&mut self, image: Image) -> usize {
        self.images.push(image);
        self.images.len() - 1
    }

    /// The size of an added image in pixels.
    pub fn image_size(&self, id: usize) -> (u32, u32) {
        self.images
            .get(id)
            .map(|i| (i.width, i.height))
            .unwrap_or((1, 1))
    }

    /// Draws image `id` into the box with top-left (`x`, `y`).
    pub fn image(&mut self, id: usize, x: f32, y: f32, w: f32, h: f32) {
        let page = self.current();
        let top = page.size.1;
        page.content
            .save_state()
            .transform([w, 0.0, 0.0, h, x, top - y - h])
            .x_object(Name(format!("I{id}").as_bytes()))
            .restore_state();
        page.images.insert(id);
    }

    /// The PDF file: pages, then each font as a subset of the glyphs drawn with it.
    pub fn finish(self) -> Result<Vec<u8>, DrawError> {
        let mut pdf = Pdf::new();
        let mut next = 1;
        let mut alloc = || {
            next += 1;
            Ref::new(next - 1)
        };
        let catalog = alloc();
        let tree = alloc();
        let info = alloc();
        let font_refs: Vec<Ref> = self.fonts.iter().map(|_| alloc()).collect();
        let image_refs: Vec<Ref> = self.images.iter().map(|_| alloc()).collect();
        let page_refs: Vec<(Ref, Ref)> = self.pages.iter().map(|_| (alloc(), alloc())).collect();

        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree)
            .kids(page_refs.iter().map(|p| p.0))
            .count(page_refs.len() as i32);
        pdf.document_info(info)
            .title(pdf_writer::TextStr(&self.title))
            .producer(pdf_writer::TextStr("banzi"));
        for (page, (page_ref, content_ref)) in self.pages.into_iter().zip(&page_refs) {
            let mut p = pdf.page(*page_ref);
            p.parent(tree)
                .media_box(Rect::new(0.0, 0.0, page.size.0, page.size.1))
                .contents(*content_ref);
            let mut res = p.resources();
            let mut fonts = res.fonts();
            for f in &page.fonts {
                fonts.pair(Name(format!("F{f}").as_bytes()), font_refs[*f]);
            }
            fonts.finish();
            let mut xo = res.x_objects();
            for i in &page.images {
                xo.pair(Name(format!("I{i}").as_bytes()), image_refs[*i]);
            }
            xo.finish();
            res.finish();
            p.finish();
            let data = deflate(&page.content.finish());
            pdf.stream(*content_ref, &data).filter(Filter::FlateDecode);
        }
        for (image, id) in self.images.iter().zip(&image_refs) {
            image.write(&mut pdf, *id);
        }
        for (slot, id) in self.fonts.iter().zip(&font_refs) {
            if !slot.used.is_empty() {
                write_font(&mut pdf, slot, *id, &mut alloc)?;
            }
        }
        Ok(pdf.finish())
    }
}

fn write_font(
    pdf: &mut Pdf,
    slot: &FontSlot,
    type0: Ref,
    alloc: &mut impl FnMut() -> Ref,
) -> Result<(), DrawError> {
    let (cid_ref, desc_ref, cmap_ref, file_ref) = (alloc(), alloc(), alloc(), alloc());
    let font = &slot.font;
    let (data, index) = font.data();
    let subset = subsetter::subset(data, index, &slot.remapper)
        .map_err(|e| DrawError::Font(format!("{e}")))?;
    // The subset tag: six capitals from the glyphs kept (PDF 32000 9.6.4), so readers show
    // the font as embedded and subset.
    let mut h: u32 = 2166136261;
    for cid in slot.remapper.remapped_gids() {
        h = (h ^ u32::from(cid)).wrapping_mul(16777619);
    }
    let tag: String = (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 5)) % 26) as u8))
        .collect();
    let base = format!("{tag}+{}", font.ps_name);
    let info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    pdf.type0_font(type0)
        .base_font(Name(base.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_ref)
        .to_unicode(cmap_ref);
    let mut cid = pdf.cid_font(cid_ref);
    cid.subtype(if font.cff {
        CidFontType::Type0
    } else {
        CidFontType::Type2
    })
    .base_font(Name(base.as_bytes()))
    .system_info(info)
    .font_descriptor(desc_ref)
    .default_width(1000.0);
    if !font.cff {
        cid.cid_to_gid_map_predefined(Name(b"Identity"));
    }
    // Every CID from 0 in one run: the subset numbers them consecutively.
    let count = slot.remapper.num_gids();
    let widths: Vec<f32> = (0..count)
        .map(|c| slot.used.get(&c).map(|u| u.0).unwrap_or(0.0))
        .collect();
    cid.widths().consecutive(0, widths);
    cid.finish();
    let units = |v: i16| font.to_pdf_units(f32::from(v));
    let [x0, y0, x1, y1] = font.bbox;
    let mut d = pdf.font_descriptor(desc_ref);
    d.name(Name(base.as_bytes()))
        .flags(FontFlags::SYMBOLIC | FontFlags::SERIF)
        .bbox(Rect::new(units(x0), units(y0), units(x1), units(y1)))
        .italic_angle(0.0)
        .ascent(units(font.ascender))
        .descent(units(font.descender))
        .cap_height(units(font.cap_height))
        .stem_v(80.0);
    if font.cff {
        d.font_file3(file_ref);
    } else {
        d.font_file2(file_ref);
    }
    d.finish();
    let mut cmap = UnicodeCmap::new(Name(b"Banzi-UCS"), info);
    for (cid, (_, ch)) in &slot.used {
        cmap.pair(*cid, *ch);
    }
    let cmap = cmap.finish();
    pdf.stream(cmap_ref, cmap.as_slice());
    let packed = deflate(&subset);
    let mut s = pdf.stream(file_ref, &packed);
    s.filter(Filter::FlateDecode);
    if font.cff {
        s.pair(Name(b"Subtype"), Name(b"OpenType"));
    }
    s.finish();
    Ok(())
}

/// zlib (FlateDecode) at a fast level: the content is small and the font subset is mostly
/// outlines, which a higher level hardly shrinks further.
pub(crate) fn deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(data.len() / 2),
        flate2::Compression::fast(),
    );
    // Writing to a Vec cannot fail.
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}
