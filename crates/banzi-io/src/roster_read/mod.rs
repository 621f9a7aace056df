//! Reads the standard roster workbook (ROSTER_FORMAT.md) into a [`Roster`].
//!
//! All or nothing (R-SEC-4): either every row of every sheet parses and the roster is
//! returned, or the caller gets every problem at once, each with sheet, row, column and a
//! Chinese message. Checks across rows and sheets (duplicates, references) are
//! `banzi_domain::roster::check`'s, run by the store with the database's keys.

mod cells;
mod guard;
mod records;
mod sheet;

use std::fmt;
use std::io::Cursor;

use banzi_domain::registry::{Appointment, Cadre, Portfolio, Post, Training, Unit};
use banzi_domain::roster::{Roster, RowError};
use calamine::{Reader, Xlsx};

pub use crate::Progress;
pub use guard::{FILE, MAX_ENTRIES, MAX_INFLATED_BYTES, MAX_INPUT_BYTES, MAX_RATIO};

use crate::layout::{self, Sheet};

/// Rows beyond this in any sheet refuse the file (Excel itself stops at 1,048,576).
pub const MAX_ROWS: u32 = 1_100_000;
/// Columns beyond this in any sheet refuse the file.
pub const MAX_COLUMNS: u32 = 200;
/// Errors kept in full; past this, one last error says how many more there were, so a
/// hostile file cannot fill memory with messages.
pub const MAX_ERRORS: usize = 10_000;

/// Something the user should know that did not stop the import (e.g. extra columns ignored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub sheet: String,
    pub message: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "工作表“{}”：{}", self.sheet, self.message)
    }
}

/// Reads a roster workbook. `progress` is called about every thousand rows of each sheet.
///
/// The file is refused as a whole (one error on sheet [`FILE`], row 0) when it is larger
/// than [`MAX_INPUT_BYTES`], is not an .xlsx, or its archive would inflate past
/// [`MAX_INFLATED_BYTES`], holds an entry compressed more than [`MAX_RATIO`]:1 or more than
/// [`MAX_ENTRIES`] entries; a sheet past [`MAX_ROWS`] rows or [`MAX_COLUMNS`] columns is
/// refused too. Formula cells, error cells, numbers in date columns and numbers in the
/// 身份证号 column are errors of their cell.
pub fn read_roster(
    bytes: &[u8],
    progress: &dyn Fn(Progress),
) -> Result<(Roster, Vec<Notice>), Vec<RowError>> {
    guard::check(bytes).map_err(|e| vec![e])?;
    let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        vec![guard::file_error(format!(
            "文件不是有效的 .xlsx 工作簿（{e}）"
        ))]
    })?;
    let names = xlsx.sheet_names();
    let mut ctx = Ctx {
        roster: Roster::default(),
        errors: Vec::new(),
        dropped: 0,
        notices: Vec::new(),
        progress,
    };
    for spec in layout::SHEETS {
        let Some(name) = find(&names, spec) else {
            if spec.required {
                ctx.error(spec.name, 0, "", format!("缺少工作表“{}”", spec.name));
            }
            continue;
        };
        match spec.name {
            "单位" => sheet::read::<Unit, _>(&mut xlsx, name, &mut ctx),
            "职位" => sheet::read::<Post, _>(&mut xlsx, name, &mut ctx),
            "干部" => sheet::read::<Cadre, _>(&mut xlsx, name, &mut ctx),
            "任职" => sheet::read::<Appointment, _>(&mut xlsx, name, &mut ctx),
            "分管" => sheet::read::<Portfolio, _>(&mut xlsx, name, &mut ctx),
            "培训" => sheet::read::<Training, _>(&mut xlsx, name, &mut ctx),
            other => ctx.error(other, 0, "", "内部错误：未知的工作表"),
        }
    }
    let known = |n: &str| {
        n.trim() == layout::INSTRUCTIONS || layout::SHEETS.iter().any(|s| s.name == n.trim())
    };
    let others: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|n| !known(n))
        .collect();
    if !others.is_empty() {
        ctx.notices.push(Notice {
            sheet: others.join("、"),
            message: "不是花名册的工作表，已忽略".into(),
        });
    }
    ctx.finish()
}

/// The workbook's name of `spec`'s sheet: exact, or equal once trimmed.
fn find<'a>(names: &'a [String], spec: &Sheet) -> Option<&'a str> {
    names
        .iter()
        .find(|n| n.as_str() == spec.name)
        .or_else(|| names.iter().find(|n| n.trim() == spec.name))
        .map(String::as_str)
}

/// What a read collects across sheets.
pub(crate) struct Ctx<'p> {
    pub roster: Roster,
    errors: Vec<RowError>,
    dropped: usize,
    notices: Vec<Notice>,
    pub progress: &'p dyn Fn(Progress),
}

impl Ctx<'_> {
    pub fn error(&mut self, sheet: &str, row: u32, column: &str, message: impl Into<String>) {
        if self.errors.len() >= MAX_ERRORS {
            self.dropped += 1;
            return;
        }
        self.errors.push(RowError {
            sheet: sheet.into(),
            row,
            column: column.into(),
            message: message.into(),
        });
    }

    pub fn notice(&mut self, sheet: &str, message: String) {
        self.notices.push(Notice {
            sheet: sheet.into(),
            message,
        });
    }

    fn finish(mut self) -> Result<(Roster, Vec<Notice>), Vec<RowError>> {
        if self.dropped > 0 {
            self.errors.push(guard::file_error(format!(
                "另有 {} 处错误未列出，请先更正以上错误后再导入",
                self.dropped
            )));
        }
        if self.errors.is_empty() {
            Ok((self.roster, self.notices))
        } else {
            Err(self.errors)
        }
    }
}
