//! Writes a roster in the standard workbook layout, and the empty template users fill in.
//!
//! Every column except 职数 and 学时 is formatted as text (`@`) and written as text, dates
//! as `YYYY-MM-DD`: a user who edits the file in Excel keeps typing text, so 1998.10 stays
//! 1998.10 and an ID number keeps its 18 characters (STACK.md), and
//! `read_roster(write_roster(r)) == r` up to row numbers.

mod rows;
mod template;

use banzi_domain::roster::{Located, Roster};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, Format, Workbook, Worksheet, XlsxError,
};

use self::rows::{Out, Row};
use crate::layout::{self, Kind, Sheet};
use crate::{PROGRESS_EVERY, Progress};

pub use template::template;

/// Excel's last row index (1,048,576 rows, the first being the header).
pub(crate) const LAST_ROW: u32 = 1_048_575;

#[derive(Debug, thiserror::Error)]
pub enum IoError {
    #[error("工作表“{sheet}”有 {rows} 行，超过 Excel 的上限 {LAST_ROW} 行")]
    TooManyRows { sheet: &'static str, rows: usize },
    #[error("生成工作簿失败：{0}")]
    Xlsx(#[from] XlsxError),
}

/// Writes the six sheets of ROSTER_FORMAT.md, headers in order, rows in roster order.
pub fn write_roster(r: &Roster, progress: &dyn Fn(Progress)) -> Result<Vec<u8>, IoError> {
    let mut wb = Workbook::new();
    add_sheets(&mut wb, r, progress)?;
    Ok(wb.save_to_buffer()?)
}

/// The formats all sheets share.
pub(crate) struct Styles {
    pub text: Format,
    pub header: Format,
    pub required: Format,
}

impl Styles {
    pub fn new() -> Self {
        let header = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xDDEBF7))
            .set_num_format("@");
        Self {
            text: Format::new().set_num_format("@"),
            required: header.clone().set_font_color(Color::RGB(0xC00000)),
            header,
        }
    }
}

pub(crate) fn add_sheets(
    wb: &mut Workbook,
    r: &Roster,
    progress: &dyn Fn(Progress),
) -> Result<(), IoError> {
    let styles = Styles::new();
    write_sheet(wb, &styles, &layout::UNITS, &r.units, progress)?;
    write_sheet(wb, &styles, &layout::POSTS, &r.posts, progress)?;
    write_sheet(wb, &styles, &layout::CADRES, &r.cadres, progress)?;
    write_sheet(
        wb,
        &styles,
        &layout::APPOINTMENTS,
        &r.appointments,
        progress,
    )?;
    write_sheet(wb, &styles, &layout::PORTFOLIOS, &r.portfolios, progress)?;
    write_sheet(wb, &styles, &layout::TRAININGS, &r.trainings, progress)?;
    Ok(())
}

fn write_sheet<T: Row>(
    wb: &mut Workbook,
    styles: &Styles,
    spec: &'static Sheet,
    items: &[Located<T>],
    progress: &dyn Fn(Progress),
) -> Result<(), IoError> {
    if items.len() > LAST_ROW as usize {
        return Err(IoError::TooManyRows {
            sheet: spec.name,
            rows: items.len(),
        });
    }
    let ws = wb.add_worksheet();
    prepare(ws, styles, spec)?;
    let total = items.len();
    for (i, item) in items.iter().enumerate() {
        // `i < LAST_ROW` was checked above.
        let row = i as u32 + 1;
        for (c, cell) in item.value.cells().into_iter().enumerate() {
            let c = c as u16;
            match cell {
                Out::Text(s) if s.is_empty() => {}
                Out::Text(s) => {
                    // Takes the column's text format (see `prepare`).
                    ws.write_string(row, c, s)?;
                }
                Out::Number(n) => {
                    ws.write_number(row, c, n)?;
                }
            }
        }
        if (i + 1).is_multiple_of(PROGRESS_EVERY) {
            progress(Progress {
                sheet: spec.name,
                done: i + 1,
                total,
            });
        }
    }
    progress(Progress {
        sheet: spec.name,
        done: total,
        total,
    });
    Ok(())
}

/// Name, header row (bold, frozen; required headers in red), column widths and formats, and
/// dropdowns for the closed vocabularies (a warning, not a stop: the importer also takes
/// aliases such as 本科 and explains any refusal).
pub(crate) fn prepare(ws: &mut Worksheet, styles: &Styles, spec: &Sheet) -> Result<(), IoError> {
    ws.set_name(spec.name)?;
    for (c, col) in spec.columns.iter().enumerate() {
        let c = c as u16;
        ws.set_column_width(c, col.width)?;
        if col.kind != Kind::Number {
            ws.set_column_format(c, &styles.text)?;
        }
        let fmt = if col.required {
            &styles.required
        } else {
            &styles.header
        };
        ws.write_string_with_format(0, c, col.header, fmt)?;
        if let Some(choices) = col.choices {
            let dv = DataValidation::new()
                .allow_list_strings(&choices())?
                .set_error_style(DataValidationErrorStyle::Warning)
                .set_error_title("不在可选范围内")?
                .set_error_message(format!("“{}”请从下拉列表中选择", col.header))?;
            ws.add_data_validation(1, c, LAST_ROW, c, &dv)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}
