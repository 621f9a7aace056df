//! A font face read once per process: the file is large (a Noto CJK collection is 20–27 MB)
//! and a warm form must not read it again, so each (file, family) is loaded at most once and
//! shared ([`Font::load`]). Only what the writer needs is kept beside the bytes: the face
//! index in a collection, the PostScript name and the metrics of the font descriptor.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// Why a font cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FontError {
    /// The file is not there (or cannot be read).
    Missing(PathBuf),
    /// The file is no font, or holds no face of the family asked for.
    NoFace { path: PathBuf, family: String },
}

/// One face of a font file, parsed once.
pub struct Font {
    data: Vec<u8>,
    index: u32,
    /// The PostScript name (`NotoSerifCJKsc-Regular`), for BaseFont.
    pub ps_name: String,
    pub units_per_em: u16,
    pub ascender: i16,
    pub descender: i16,
    pub cap_height: i16,
    pub bbox: [i16; 4],
    /// CFF outlines (FontFile3 /OpenType) rather than TrueType (FontFile2).
    pub cff: bool,
}

impl std::fmt::Debug for Font {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Font")
            .field("ps_name", &self.ps_name)
            .field("index", &self.index)
            .finish()
    }
}

type Cache = Mutex<HashMap<(PathBuf, String), Arc<Font>>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

impl Font {
    /// The face of `family` (name table, e.g. "Noto Serif CJK SC") in the font file at
    /// `path`, read and parsed on first use and shared after. A file with a single face is
    /// taken whatever its family says; in a collection the face is chosen by its name, not
    /// by a fixed index (Debian's collection orders its faces JP, KR, SC, TC, HK).
    pub fn load(path: &Path, family: &str) -> Result<Arc<Font>, FontError> {
        let key = (path.to_path_buf(), family.to_string());
        if let Some(f) = cache().lock().ok().and_then(|c| c.get(&key).cloned()) {
            return Ok(f);
        }
        let data = std::fs::read(path).map_err(|_| FontError::Missing(path.to_path_buf()))?;
        let font = Arc::new(
            Font::from_data(data, family).ok_or_else(|| FontError::NoFace {
                path: path.to_path_buf(),
                family: family.to_string(),
            })?,
        );
        if let Ok(mut c) = cache().lock() {
            c.insert(key, font.clone());
        }
        Ok(font)
    }

    fn from_data(data: Vec<u8>, family: &str) -> Option<Font> {
        let count = ttf_parser::fonts_in_collection(&data).unwrap_or(1);
        let index = (0..count).find(|&i| {
            ttf_parser::Face::parse(&data, i)
                .is_ok_and(|f| count == 1 || name(&f, ttf_parser::name_id::FAMILY) == family)
        })?;
        let face = ttf_parser::Face::parse(&data, index).ok()?;
        let b = face.global_bounding_box();
        let ps_name = name(&face, ttf_parser::name_id::POST_SCRIPT_NAME)
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let font = Font {
            index,
            ps_name,
            units_per_em: face.units_per_em(),
            ascender: face.ascender(),
            descender: face.descender(),
            cap_height: face.capital_height().unwrap_or(face.ascender()),
            bbox: [b.x_min, b.y_min, b.x_max, b.y_max],
            cff: face.tables().cff.is_some(),
            data: Vec::new(),
        };
        Some(Font { data, ..font })
    }

    /// The parsed face (cheap: tables are read lazily).
    pub fn face(&self) -> Option<ttf_parser::Face<'_>> {
        ttf_parser::Face::parse(&self.data, self.index).ok()
    }

    /// The file's bytes and the face's index, for the subsetter.
    pub fn data(&self) -> (&[u8], u32) {
        (&self.data, self.index)
    }

    /// Font units to thousandths of an em (PDF glyph space).
    pub fn to_pdf_units(&self, v: f32) -> f32 {
        v * 1000.0 / f32::from(self.units_per_em.max(1))
    }
}

/// A name of the face (English or any), "" when it has none.
fn name(face: &ttf_parser::Face<'_>, id: u16) -> String {
    face.names()
        .into_iter()
        .filter(|n| n.name_id == id)
        .find_map(|n| n.to_string())
        .unwrap_or_default()
}
