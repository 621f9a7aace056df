//! The alert list of `banzi check --format xlsx` and of the dashboard's export: one sheet per
//! level (违规, 预警, 提示), dates as `YYYY-MM-DD` text; sheet names, headers and messages in
//! the reader's language. People read names, so the unit, the post and the cadre appear by
//! name in the main columns (issue 15, item 6); the codes of the JSON follow at the right,
//! for machines and for looking a row up.

use banzi_domain::rules::{AlertRef, Level};
use banzi_i18n::Tr;
use rust_xlsxwriter::{Color, Format, Workbook};

use crate::roster_write::IoError;

/// Column headers in the reader's language: 规则, 级别, 到期日期, 单位名称, 职位名称, 姓名,
/// 说明, then the codes 单位编码, 职位编码, 身份证号.
pub fn alert_headers(tr: &Tr) -> [&'static str; 10] {
    [
        tr.t("rule.col.rule"),
        tr.t("rule.col.level"),
        tr.t("rule.col.due"),
        tr.v("单位名称"),
        tr.v("职位名称"),
        tr.v("姓名"),
        tr.t("rule.col.message"),
        tr.v("单位编码"),
        tr.v("职位编码"),
        tr.v("身份证号"),
    ]
}

/// The name of a level in the reader's language (违规 …): a sheet's name and its rows' level.
pub fn level_name(tr: &Tr, level: Level) -> &'static str {
    tr.t(&format!("level.{}", level.key()))
}

/// Writes `alerts` (already in the order to show) as a workbook with one sheet per level,
/// worded by `tr`.
pub fn write_alerts<'a>(
    tr: &Tr,
    alerts: impl IntoIterator<Item = AlertRef<'a>> + Clone,
) -> Result<Vec<u8>, IoError> {
    let mut wb = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7));
    let text = Format::new().set_num_format("@");
    for level in Level::ALL {
        let name = level_name(tr, level);
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        for (c, h) in alert_headers(tr).iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &header)?;
        }
        let widths = [12.0, 6.0, 12.0, 20.0, 16.0, 10.0, 90.0, 14.0, 14.0, 22.0];
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, *w)?;
        }
        let mut row = 0u32;
        for a in alerts.clone().into_iter().filter(|a| a.level == level) {
            row += 1;
            if row > crate::roster_write::LAST_ROW {
                return Err(IoError::TooManyRows {
                    sheet: name,
                    rows: row as usize,
                });
            }
            let due = a.due.map(|d| d.to_string()).unwrap_or_default();
            let message = tr.msg(&a.message());
            let cells = [
                a.rule,
                name,
                &due,
                a.unit_name,
                a.post_title.unwrap_or(""),
                a.cadre_name.unwrap_or(""),
                &message,
                a.unit,
                a.post.unwrap_or(""),
                a.cadre.unwrap_or(""),
            ];
            for (c, v) in cells.iter().enumerate() {
                ws.write_string_with_format(row, c as u16, *v, &text)?;
            }
        }
        ws.set_freeze_panes(1, 0)?;
    }
    Ok(wb.save_to_buffer()?)
}
