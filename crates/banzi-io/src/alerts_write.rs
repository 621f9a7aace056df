//! The alert list of `banzi check --format xlsx` and of the dashboard's export: one sheet per
//! level (违规, 预警, 提示), the same columns as the JSON, dates as `YYYY-MM-DD` text.

use banzi_domain::rules::{AlertRef, Level};
use rust_xlsxwriter::{Color, Format, Workbook};

use crate::roster_write::IoError;

/// Column headers, in the order of the JSON keys.
pub const ALERT_HEADERS: [&str; 7] = [
    "规则",
    "级别",
    "到期日期",
    "单位编码",
    "职位编码",
    "身份证号",
    "说明",
];

/// Writes `alerts` (already in the order to show) as a workbook with one sheet per level.
pub fn write_alerts<'a>(
    alerts: impl IntoIterator<Item = AlertRef<'a>> + Clone,
) -> Result<Vec<u8>, IoError> {
    let mut wb = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7));
    let text = Format::new().set_num_format("@");
    for level in Level::ALL {
        let ws = wb.add_worksheet();
        ws.set_name(level.label())?;
        for (c, h) in ALERT_HEADERS.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &header)?;
        }
        let widths = [12.0, 6.0, 12.0, 14.0, 14.0, 22.0, 90.0];
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, *w)?;
        }
        let mut row = 0u32;
        for a in alerts.clone().into_iter().filter(|a| a.level == level) {
            row += 1;
            if row > crate::roster_write::LAST_ROW {
                return Err(IoError::TooManyRows {
                    sheet: level.label(),
                    rows: row as usize,
                });
            }
            let due = a.due.map(|d| d.to_string()).unwrap_or_default();
            let message = a.message();
            let cells = [
                a.rule,
                level.label(),
                &due,
                a.unit,
                a.post.unwrap_or(""),
                a.cadre.unwrap_or(""),
                &message,
            ];
            for (c, v) in cells.iter().enumerate() {
                ws.write_string_with_format(row, c as u16, *v, &text)?;
            }
        }
        ws.set_freeze_panes(1, 0)?;
    }
    Ok(wb.save_to_buffer()?)
}
