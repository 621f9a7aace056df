//! Page 1 of the form: the title, 姓名 … 拟免职务 with the photo, and 简历 to the foot of
//! the page.

use super::grid::{FRAME, Grid, PROSE};
use super::{Form, age_at};
use crate::pdf::{A4, Document, MM, Para, Style, fit};
use banzi_domain::Msg;
use banzi_domain::lrmx::{LrmxDate, Schooling};

/// Columns of page 1 (mm): label, value, label, value, label, value, photo.
const COLUMNS: [f32; 7] = [20.0, 24.0, 20.0, 24.0, 22.0, 26.0, 32.0];
pub(super) const LEFT: f32 = 21.0;
const TITLE_TOP: f32 = 14.0;
const TABLE_TOP: f32 = 32.0;
pub(super) const TABLE_BOTTOM: f32 = 282.0;
const ROW: f32 = 12.5;
const SCHOOL_ROW: f32 = 13.0;
const POST_ROW: f32 = 11.0;

/// The 简历: set a little looser than the other paragraphs, as the editor does.
const RESUME: Style = Style {
    leading: 1.45,
    pad: 4.0,
    ..PROSE
};

impl Form<'_> {
    pub(super) fn page1(&mut self) -> Result<(), Msg> {
        self.doc.page(A4);
        self.title()?;
        let p = self.p;
        let g = Grid::mm(LEFT, &COLUMNS);
        let (row, cell) = (ROW * MM, Style::CELL);
        let mut top = TABLE_TOP * MM;

        // 姓名, 性别, 出生年月(岁) and the photo over four rows.
        let birth = p.birth.or(Some(LrmxDate::Day(p.id_number.birth_date())));
        let born = match (birth, self.as_of()) {
            (Some(b), Some(at)) => format!("{}\n（{}岁）", b.month(), age_at(b, at)),
            (Some(b), None) => b.month().to_string(),
            (None, _) => String::new(),
        };
        let gender = p.gender.map(|g| g.label()).unwrap_or_default();
        self.label(g.area(0, 0, top, row), "姓　名")?;
        self.value(g.area(1, 1, top, row), &p.name, cell, "姓名")?;
        self.label(g.area(2, 2, top, row), "性　别")?;
        self.value(g.area(3, 3, top, row), gender, cell, "性别")?;
        self.label(g.area(4, 4, top, row), "出生年月\n（　岁）")?;
        self.value(g.area(5, 5, top, row), &born, cell, "出生年月")?;
        self.photo_cell(g.area(6, 6, top, 4.0 * row))?;
        top += row;

        self.label(g.area(0, 0, top, row), "民　族")?;
        self.value(g.area(1, 1, top, row), &p.ethnicity, cell, "民族")?;
        self.label(g.area(2, 2, top, row), "籍　贯")?;
        self.value(g.area(3, 3, top, row), &p.native_place, cell, "籍贯")?;
        self.label(g.area(4, 4, top, row), "出 生 地")?;
        self.value(g.area(5, 5, top, row), &p.birth_place, cell, "出生地")?;
        top += row;

        // 年.月, as LRMX.md says dates are printed, whatever precision the record has.
        let month = |d: Option<LrmxDate>| d.map(|d| d.month().to_string()).unwrap_or_default();
        let (joined, worked) = (month(p.party_joined), month(p.work_started));
        self.label(g.area(0, 0, top, row), "入　党\n时　间")?;
        self.value(g.area(1, 1, top, row), &joined, cell, "入党时间")?;
        self.label(g.area(2, 2, top, row), "参加工\n作时间")?;
        self.value(g.area(3, 3, top, row), &worked, cell, "参加工作时间")?;
        self.label(g.area(4, 4, top, row), "健康状况")?;
        self.value(g.area(5, 5, top, row), &p.health, cell, "健康状况")?;
        top += row;

        self.label(g.area(0, 0, top, row), "专业技\n术职务")?;
        let title = &p.professional_title;
        self.value(g.area(1, 2, top, row), title, cell, "专业技术职务")?;
        self.label(g.area(3, 3, top, row), "熟悉专业\n有何专长")?;
        self.value(
            g.area(4, 5, top, row),
            &p.expertise,
            cell,
            "熟悉专业有何专长",
        )?;
        top += row;

        // 学历学位: 全日制教育 and 在职教育, each with its 毕业院校系及专业.
        let srow = SCHOOL_ROW * MM;
        self.label(g.area(0, 0, top, 2.0 * srow), "学　历\n学　位")?;
        for (kind, s) in [
            ("全日制\n教　育", &p.full_time),
            ("在　职\n教　育", &p.in_service),
        ] {
            self.label(g.area(1, 1, top, srow), kind)?;
            let (what, school) = schooling(s);
            self.value(g.area(2, 3, top, srow), &what, cell, "学历学位")?;
            self.label(g.area(4, 4, top, srow), "毕业院校\n系及专业")?;
            self.value(g.area(5, 6, top, srow), &school, cell, "毕业院校系及专业")?;
            top += srow;
        }

        let prow = POST_ROW * MM;
        for (label, text) in [
            ("现 任 职 务", &p.current_post),
            ("拟 任 职 务", &p.proposed_post),
            ("拟 免 职 务", &p.proposed_removal),
        ] {
            self.label(g.area(0, 1, top, prow), label)?;
            let field: String = label.chars().filter(|c| *c != ' ').collect();
            self.value(g.area(2, 6, top, prow), text, cell.left(), &field)?;
            top += prow;
        }

        let h = TABLE_BOTTOM * MM - top;
        self.label_down(g.area(0, 0, top, h), "简历")?;
        let a = g.area(1, 6, top, h);
        self.frame(a);
        let paras = self.resume()?;
        fit(self.doc, a, &paras, &RESUME).map_err(self.too_long("简历"))?;

        let all = g.whole(TABLE_TOP * MM, TABLE_BOTTOM * MM - TABLE_TOP * MM);
        self.doc.rect(all.x, all.y, all.w, all.h, FRAME);
        Ok(())
    }

    /// 干 部 任 免 审 批 表, heavier and spaced as printed.
    fn title(&mut self) -> Result<(), Msg> {
        let glyphs = self.shape("干部任免审批表")?;
        let size = 22.0;
        let track = 0.3 * size;
        let width = Document::width(&glyphs, size) + track * (glyphs.len() - 1) as f32;
        let mut x = (A4.0 - width) / 2.0;
        let baseline = TITLE_TOP * MM + 0.88 * size;
        for g in &glyphs {
            let one = std::slice::from_ref(g);
            self.doc.glyphs(one, x, baseline, size, true);
            x += Document::width(one, size) + track;
        }
        Ok(())
    }

    /// The photo fitted in its cell without distortion, centred.
    fn photo_cell(&mut self, a: crate::pdf::Area) -> Result<(), Msg> {
        self.frame(a);
        let Some(image) = self.photo()? else {
            return Ok(());
        };
        let id = self.doc.add_image(image);
        let (pw, ph) = self.doc.image_size(id);
        let margin = 1.5 * MM;
        let (bw, bh) = (a.w - 2.0 * margin, a.h - 2.0 * margin);
        let scale = (bw / pw as f32).min(bh / ph as f32);
        let (w, h) = (pw as f32 * scale, ph as f32 * scale);
        self.doc
            .image(id, a.x + (a.w - w) / 2.0, a.y + (a.h - h) / 2.0, w, h);
        Ok(())
    }

    /// The 简历 as the editor sets it: the period at the left, its text in a column of its
    /// own (wrapped lines stay in that column), and （其间：…） study lines in the same column.
    fn resume(&mut self) -> Result<Vec<Para>, Msg> {
        let widest = self.shape("0000.00--0000.00")?;
        let col = widest.iter().map(|g| g.advance).sum::<f32>() / 1000.0 + 1.0;
        let mut out = Vec::new();
        for e in &self.p.resume.clone() {
            let period = match e.period.end {
                Some(end) => format!("{}--{}", e.period.start, end),
                None => format!("{}--", e.period.start),
            };
            out.push(Para {
                lead: self.shape(&period)?,
                first: col,
                rest: col,
                glyphs: self.shape(&e.period.text)?,
            });
            for d in &e.during {
                out.push(Para {
                    lead: Vec::new(),
                    first: col,
                    rest: col + 0.5,
                    glyphs: self.shape(&format!("（其间：{d}）"))?,
                });
            }
        }
        Ok(out)
    }
}

/// 学历 over 学位, and their schools (one line when both are the same school).
fn schooling(s: &Schooling) -> (String, String) {
    let what = [s.education.as_str(), s.degree.as_str()]
        .iter()
        .filter(|t| !t.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("\n");
    let school = if s.degree_school.is_empty() || s.degree_school == s.education_school {
        s.education_school.clone()
    } else if s.education_school.is_empty() {
        s.degree_school.clone()
    } else {
        format!("{}\n{}", s.education_school, s.degree_school)
    };
    (what, school)
}
