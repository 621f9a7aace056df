//! A small PDF writer for printed documents (the 干部任免审批表 now, the 名册 later): A4
//! pages of ruled lines and boxes, text set in a box and fitted by shrinking the type
//! ([`text::fit`]), photos, and CJK fonts embedded as CID fonts (Type0, Identity-H) subset to
//! the glyphs a document draws, with widths and a ToUnicode map so text can be searched and
//! copied. A character no font has is an error ([`DrawError::MissingGlyph`]): a printed form
//! never shows a missing-glyph box.
//!
//! Built on `pdf-writer` (objects), `subsetter` (font subsets, CID-keyed CFF included) and
//! `ttf-parser` (cmap and advances) rather than a typesetting engine, which is too heavy to
//! build on the machines banzi is developed on.

pub mod doc;
pub mod font;
pub mod image;
pub mod table;
pub mod text;

pub use doc::{A4, Document, DrawError, Glyph, MM};
pub use font::{Font, FontError};
pub use image::{Image, ImageError};
pub use table::{Column, Table, TableError};
pub use text::{Align, Area, Para, Style, TooLong, VAlign, fit, height, vertical};
