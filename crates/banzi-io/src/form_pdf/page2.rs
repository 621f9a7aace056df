//! Page 2 of the form: 奖惩情况, 年度考核结果, 任免理由, the family table, 呈报单位, the two
//! approval boxes and the footer (填表时间, 填表人).

use super::grid::{FRAME, Grid, PROSE as TEXT};
use super::page1::{LEFT, TABLE_BOTTOM};
use super::{Form, date_text, member_age};
use crate::pdf::{Align, Area, MM, Para, Style, VAlign, fit};
use banzi_domain::Msg;

/// Columns of page 2 (mm): label, then the family table's 称谓, 姓名, 年龄, 政治面貌 and
/// 工作单位及职务 (the text rows span them all).
const COLUMNS: [f32; 6] = [20.0, 16.0, 20.0, 12.0, 22.0, 78.0];
const TOP: f32 = 18.0;
/// Row heights (mm).
const REWARDS: f32 = 36.0;
const RATINGS: f32 = 22.0;
const REASON: f32 = 24.0;
const FAMILY: f32 = 86.0;
const FAMILY_HEAD: f32 = 10.0;
/// The family table has at least this many rows, blank ones included, as printed.
const FAMILY_ROWS: usize = 7;
const REPORTING: f32 = 30.0;

impl Form<'_> {
    pub(super) fn page2(&mut self) -> Result<(), Msg> {
        self.doc.page(crate::pdf::A4);
        let p = self.p;
        let g = Grid::mm(LEFT, &COLUMNS);
        let mut top = TOP * MM;
        for (label, text, h, field) in [
            ("奖\n惩\n情\n况", &p.rewards, REWARDS, "奖惩情况"),
            ("年度考\n核结果", &p.ratings, RATINGS, "年度考核结果"),
            ("任\n免\n理\n由", &p.reason, REASON, "任免理由"),
        ] {
            self.label(g.area(0, 0, top, h * MM), label)?;
            self.value(g.area(1, 5, top, h * MM), text, TEXT, field)?;
            top += h * MM;
        }
        self.family(&g, top)?;
        top += FAMILY * MM;

        let h = REPORTING * MM;
        self.label(g.area(0, 0, top, h), "呈报\n单位")?;
        let unit = g.area(1, 5, top, h);
        self.frame(unit);
        let upper = Area::new(unit.x, unit.y, unit.w, unit.h * 0.55);
        let ps = super::grid::paras(self, &p.reporting_unit)?;
        fit(self.doc, upper, &ps, &Style::CELL).map_err(self.too_long("呈报单位"))?;
        self.seal(unit)?;
        top += h;

        // 审批机关意见 and 行政机关任免意见 side by side to the foot of the table.
        let h = TABLE_BOTTOM * MM - top;
        self.label(g.area(0, 0, top, h), "审批\n机关\n意见")?;
        let left = g.area(1, 3, top, h);
        self.frame(left);
        self.seal(left)?;
        self.label(g.area(4, 4, top, h), "行政机关\n任免意见")?;
        let right = g.area(5, 5, top, h);
        self.frame(right);
        self.seal(right)?;

        let all = g.whole(TOP * MM, TABLE_BOTTOM * MM - TOP * MM);
        self.doc.rect(all.x, all.y, all.w, all.h, FRAME);
        self.footer(&g)
    }

    /// 家庭主要成员及重要社会关系: a header and at least seven rows; more members make the
    /// rows lower and the type smaller, never a row dropped.
    fn family(&mut self, g: &Grid, top: f32) -> Result<(), Msg> {
        let p = self.p;
        let block = FAMILY * MM;
        let label = g.area(0, 0, top, block);
        self.frame(label);
        // Two characters a line, as the narrow column of the form is written.
        let ps = super::grid::paras(self, "家庭\n主要\n成员\n及重\n要社\n会关\n系")?;
        let style = Style {
            pad: 1.0,
            ..super::grid::LABEL
        };
        fit(self.doc, label, &ps, &style).map_err(self.too_long("家庭主要成员"))?;
        let head = FAMILY_HEAD * MM;
        for (col, text) in ["称谓", "姓　名", "年龄", "政治面貌", "工作单位及职务"]
            .iter()
            .enumerate()
        {
            self.label(g.area(col + 1, col + 1, top, head), text)?;
        }
        let rows = p.family.len().max(FAMILY_ROWS);
        let row = (block - head) / rows as f32;
        let size = (row / MM * 2.8).min(11.0);
        let cell = Style {
            size,
            min: 2.5,
            leading: 1.15,
            pad: 1.0,
            ..Style::CELL
        };
        let as_of = self.as_of();
        for i in 0..rows {
            let y = top + head + i as f32 * row;
            let Some(m) = p.family.get(i) else {
                for col in 1..=5 {
                    self.frame(g.area(col, col, y, row));
                }
                continue;
            };
            let age = member_age(m.birth, &m.work, as_of)
                .map(|a| a.to_string())
                .unwrap_or_default();
            self.value(g.area(1, 1, y, row), &m.relation, cell, "称谓")?;
            self.value(g.area(2, 2, y, row), &m.name, cell, "姓名")?;
            self.value(g.area(3, 3, y, row), &age, cell, "年龄")?;
            self.value(g.area(4, 4, y, row), &m.party, cell, "政治面貌")?;
            self.value(g.area(5, 5, y, row), &m.work, cell.left(), "工作单位及职务")?;
        }
        Ok(())
    }

    /// （盖章） and the blank date at the bottom right of an approval box.
    fn seal(&mut self, a: Area) -> Result<(), Msg> {
        let w = 42.0 * MM;
        let h = 16.0 * MM;
        let at = Area::new(a.x + a.w - w - 4.0 * MM, a.y + a.h - h - 3.0 * MM, w, h);
        let ps = super::grid::paras(self, "（盖章）\n年　　月　　日")?;
        let style = Style {
            align: Align::Center,
            valign: VAlign::Middle,
            ..Style::CELL
        };
        fit(self.doc, at, &ps, &style).map_err(self.too_long("盖章"))?;
        Ok(())
    }

    /// Below the table: 填表时间 at the left, 填表人 at the right.
    fn footer(&mut self, g: &Grid) -> Result<(), Msg> {
        let p = self.p;
        let y = TABLE_BOTTOM * MM + 2.0 * MM;
        let line = g.whole(y, 8.0 * MM);
        let half = line.w / 2.0;
        let when = p.filled_on.map(date_text).unwrap_or_default();
        let style = Style::CELL.size(11.0).left();
        let left = vec![Para::plain(self.shape(&format!("填表时间：{when}"))?)];
        fit(self.doc, Area { w: half, ..line }, &left, &style)
            .map_err(self.too_long("填表时间"))?;
        let right = vec![Para::plain(
            self.shape(&format!("填表人：{}", p.filled_by))?,
        )];
        let at = Area::new(line.x + half + half * 0.4, y, half * 0.6, line.h);
        fit(self.doc, at, &right, &style).map_err(self.too_long("填表人"))?;
        Ok(())
    }
}
