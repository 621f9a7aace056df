//! The printed 干部任免审批表 (issue 16, item 3; R-SEL-12): the official two-page grid as the
//! 中组部 editor prints it, one person after the other in one PDF, two pages each.
//!
//! The form is an official Chinese document: its labels are Chinese in every interface
//! language, so they are written here and not taken from the i18n catalogue. What the user
//! reads when printing fails (a missing font, a character no font has, a photo that cannot
//! be embedded) is a message of `form.ftl`.
//!
//! Page 1 runs from 姓名 to 简历, page 2 from 奖惩情况 to the approval boxes and the footer
//! ([`page1`], [`page2`]). Ages are counted at the form's 计算年龄时间; long text is fitted
//! by smaller type, never cut; a text that does not fit even at the smallest size is an
//! error naming the person and the field.

mod grid;
mod page1;
mod page2;

use crate::pdf::{Document, DrawError, Font, FontError, Glyph, Image, ImageError, TooLong};
use banzi_domain::date::{Date, YearMonth};
use banzi_domain::lrmx::{LrmxDate, LrmxPerson};
use banzi_domain::{Msg, message};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The serif the form is printed in (Debian `fonts-noto-cjk`).
pub const DEFAULT_FONT: &str = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
/// The font tried for a character the serif lacks.
pub const DEFAULT_FALLBACK: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const FAMILY: &str = "Noto Serif CJK SC";
const FALLBACK_FAMILY: &str = "Noto Sans CJK SC";

/// The fonts of the printed form (configuration: `form_font`, `form_fallback_font`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormFonts {
    pub main: PathBuf,
    pub fallback: PathBuf,
}

impl Default for FormFonts {
    fn default() -> FormFonts {
        FormFonts {
            main: DEFAULT_FONT.into(),
            fallback: DEFAULT_FALLBACK.into(),
        }
    }
}

impl FormFonts {
    /// The fonts, read and parsed on first use and shared after. The main font must be
    /// there; a missing fallback only means fewer rare characters can be printed.
    pub fn load(&self) -> Result<Vec<Arc<Font>>, Msg> {
        let main = Font::load(&self.main, FAMILY).map_err(font_msg)?;
        let mut fonts = vec![main];
        match Font::load(&self.fallback, FALLBACK_FAMILY) {
            Ok(f) => fonts.push(f),
            Err(FontError::Missing(_)) => {}
            Err(e) => return Err(font_msg(e)),
        }
        Ok(fonts)
    }
}

fn font_msg(e: FontError) -> Msg {
    match e {
        FontError::Missing(p) => message!("formpdf-font-missing", path = shown(&p)),
        FontError::NoFace { path, family } => {
            message!("formpdf-font-no-face", path = shown(&path), family = family)
        }
    }
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}

/// The forms of `people` in one PDF, two pages each, in the order given.
pub fn render_forms(people: &[LrmxPerson], fonts: &FormFonts) -> Result<Vec<u8>, Msg> {
    let title = match people {
        [one] => format!("干部任免审批表（{}）", one.name),
        _ => "干部任免审批表".to_string(),
    };
    let mut doc = Document::new(fonts.load()?, &title);
    for p in people {
        let mut form = Form { doc: &mut doc, p };
        form.page1()?;
        form.page2()?;
    }
    doc.finish().map_err(|e| {
        message!(
            "formpdf-font-broken",
            path = shown(&fonts.main),
            detail = format!("{e:?}")
        )
    })
}

/// One person's form being drawn.
pub(crate) struct Form<'a> {
    pub doc: &'a mut Document,
    pub p: &'a LrmxPerson,
}

impl Form<'_> {
    /// The glyphs of `text`; a character no font has names the person and the character.
    pub fn shape(&mut self, text: &str) -> Result<Vec<Glyph>, Msg> {
        self.doc.shape(text).map_err(|e| match e {
            DrawError::MissingGlyph(c) => message!(
                "formpdf-glyph-missing",
                name = self.p.name.clone(),
                char = c.to_string(),
                code = format!("U+{:04X}", u32::from(c))
            ),
            DrawError::Font(d) => message!("formpdf-font-broken", path = String::new(), detail = d),
        })
    }

    /// A text that did not fit its box even at the smallest size.
    pub fn too_long(&self, field: &str) -> impl Fn(TooLong) -> Msg + use<> {
        let (name, field) = (self.p.name.clone(), field.to_string());
        move |_| {
            message!(
                "formpdf-too-long",
                name = name.clone(),
                field = field.clone()
            )
        }
    }

    /// The photo as the PDF holds it.
    pub fn photo(&self) -> Result<Option<Image>, Msg> {
        let Some(bytes) = &self.p.photo else {
            return Ok(None);
        };
        Image::parse(bytes).map(Some).map_err(|e| match e {
            ImageError::Unreadable => {
                message!("formpdf-photo-unreadable", name = self.p.name.clone())
            }
            ImageError::PngKind => message!("formpdf-photo-png-kind", name = self.p.name.clone()),
        })
    }

    /// 计算年龄时间: the day ages are counted to.
    pub fn as_of(&self) -> Option<Date> {
        self.p.age_as_of.map(LrmxDate::first_day)
    }
}

/// A date as the form prints it: `1968.03`, or `2024.11.20` when the day is known.
pub fn date_text(d: LrmxDate) -> String {
    match d {
        LrmxDate::Month(m) => m.to_string(),
        LrmxDate::Day(d) => format!("{:04}.{:02}.{:02}", d.year(), d.month(), d.day()),
    }
}

/// Full years from `birth` (a month: counted as of its first day, as the editor counts a
/// 年.月 birth) to `as_of`.
pub fn age_at(birth: LrmxDate, as_of: Date) -> i32 {
    banzi_domain::date::age_on(birth.first_day(), as_of)
}

/// A family member's age at `as_of`; none without a birth month or for the deceased (已故),
/// as the editor leaves the cell blank.
pub fn member_age(birth: Option<YearMonth>, work: &str, as_of: Option<Date>) -> Option<i32> {
    if work.contains("已故") || work.contains("去世") {
        return None;
    }
    Some(age_at(LrmxDate::Month(birth?), as_of?)).filter(|a| *a >= 0)
}
