//! The roster as a whole (ROSTER_FORMAT.md): parsed rows with their positions, and the
//! checks that span rows and sheets. An import is all or nothing, so every error is
//! collected with sheet, row and column before anything is written (R-SEC-4): the errors of
//! every sheet, cell errors and cross-sheet errors alike, in one list ([`RowErrors`]).

use crate::IdNumber;
use crate::message;
use crate::msg::Msg;
use crate::registry::{Appointment, Cadre, Portfolio, Post, Training, Unit};
use std::collections::HashSet;

/// A parsed row and where it came from (1-based spreadsheet row).
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub row: u32,
    pub value: T,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Roster {
    pub units: Vec<Located<Unit>>,
    pub posts: Vec<Located<Post>>,
    pub cadres: Vec<Located<Cadre>>,
    pub appointments: Vec<Located<Appointment>>,
    pub portfolios: Vec<Located<Portfolio>>,
    pub trainings: Vec<Located<Training>>,
}

/// One problem in a workbook, in the user's terms. The sheet and column are the workbook's
/// own (Chinese) names, which the user must find in it whatever the interface language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub sheet: String,
    /// 0 for an error about the sheet (or, on [`FILE`], the file) as a whole.
    pub row: u32,
    /// Empty for an error about the row as a whole.
    pub column: String,
    pub message: Msg,
}

impl RowError {
    /// The error with its place, as one line: `roster-at-cell` (工作表“干部”第3行“姓名”列：…),
    /// `roster-at-row` without a column, `roster-at-sheet` without a row.
    pub fn msg(&self) -> Msg {
        at_place(&self.sheet, self.row, &self.column, self.message.clone())
    }
}

/// `message` placed at a sheet, and a row and a column when they are given (not 0, not
/// empty); the sheet and column are shown as the workbook writes them.
pub fn at_place(sheet: &str, row: u32, column: &str, message: Msg) -> Msg {
    let sheet = sheet.to_string();
    if row == 0 {
        message!("roster-at-sheet", sheet = sheet, message = message)
    } else if column.is_empty() {
        message!("roster-at-row", sheet = sheet, row = row, message = message)
    } else {
        message!(
            "roster-at-cell",
            sheet = sheet,
            row = row,
            column = column.to_string(),
            message = message,
        )
    }
}

/// For logs: the message's id and arguments ([`RowError::msg`]).
impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.msg())
    }
}

/// Keys that already exist in the database, so a workbook may refer to them.
#[derive(Debug, Default)]
pub struct Known {
    pub units: HashSet<String>,
    pub posts: HashSet<String>,
    pub cadres: HashSet<String>,
}

fn err(sheet: &str, row: u32, column: &str, message: Msg) -> RowError {
    RowError {
        sheet: sheet.into(),
        row,
        column: column.into(),
        message,
    }
}

/// Errors kept in full; past this, one last error says how many more there were, so a
/// hostile file cannot fill memory with messages.
pub const MAX_ERRORS: usize = 10_000;

/// The pseudo-sheet of errors about the file as a whole (row 0), and of the line that says
/// how many errors were not listed.
pub const FILE: &str = "文件";

/// The sheets in workbook order: the order errors are listed in.
const SHEETS: [&str; 6] = ["单位", "职位", "干部", "任职", "分管", "培训"];

/// Every error an import found, from the reader and from the checks: the first
/// [`MAX_ERRORS`] kept, the others only counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowErrors {
    kept: Vec<RowError>,
    more: usize,
}

impl RowErrors {
    pub fn push(&mut self, e: RowError) {
        if self.kept.len() < MAX_ERRORS {
            self.kept.push(e);
        } else {
            self.more += 1;
        }
    }

    pub fn extend(&mut self, errors: impl IntoIterator<Item = RowError>) {
        for e in errors {
            self.push(e);
        }
    }

    /// Adds `other`'s errors after these (and counts those it could not keep).
    pub fn append(&mut self, other: RowErrors) {
        self.extend(other.kept);
        self.more += other.more;
    }

    /// Every error found, listed or not.
    pub fn len(&self) -> usize {
        self.kept.len() + self.more
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The list a user reads: by sheet in workbook order (errors about the file first) and
    /// row, the errors of one row in the order they were found; then, if some were not
    /// kept, one line on [`FILE`] saying how many.
    pub fn into_list(mut self) -> Vec<RowError> {
        let rank = |sheet: &str| {
            if sheet == FILE {
                0
            } else {
                SHEETS
                    .iter()
                    .position(|s| *s == sheet)
                    .map_or(SHEETS.len() + 1, |i| i + 1)
            }
        };
        self.kept.sort_by_key(|e| (rank(&e.sheet), e.row));
        if self.more > 0 {
            self.kept.push(err(
                FILE,
                0,
                "",
                message!("roster-errors-more", count = self.more),
            ));
        }
        self.kept
    }
}

/// A run of rows of one sheet, as a reader hands them on while it is still reading (the
/// import writes one part while the next is parsed). Parts come in sheet order: 单位, 职位,
/// 干部, 任职, 分管, 培训; 单位 and 职位 come whole, the others in chunks.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Units(Vec<Located<Unit>>),
    Posts(Vec<Located<Post>>),
    Cadres(Vec<Located<Cadre>>),
    Appointments(Vec<Located<Appointment>>),
    Portfolios(Vec<Located<Portfolio>>),
    Trainings(Vec<Located<Training>>),
}

impl Part {
    pub fn len(&self) -> usize {
        match self {
            Part::Units(v) => v.len(),
            Part::Posts(v) => v.len(),
            Part::Cadres(v) => v.len(),
            Part::Appointments(v) => v.len(),
            Part::Portfolios(v) => v.len(),
            Part::Trainings(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl FromIterator<RowError> for RowErrors {
    fn from_iter<I: IntoIterator<Item = RowError>>(errors: I) -> Self {
        let mut all = RowErrors::default();
        all.extend(errors);
        all
    }
}

/// The key by which other rows refer to a row of 单位, 职位 or 干部: its 单位编码, 职位编码
/// or 身份证号.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    Unit(String),
    Post(String),
    Cadre(IdNumber),
}

/// What a streaming reader sends: parts, each after a `Refused` for the rows refused before
/// it, then exactly one `End` with every error it found (none when the workbook read
/// cleanly). A feed that stops without `End` is broken and nothing of it may be kept.
#[derive(Debug, Clone, PartialEq)]
pub enum Feed {
    /// Rows that read cleanly.
    Part(Part),
    /// The reader found errors since the last part (they come with `End`): from here on
    /// nothing is written, but the parts that follow are still checked, so that `End` lists
    /// the errors of every sheet at once. It carries the keys of the rows refused for their
    /// own errors whose key could still be read: those rows exist for the rows that refer
    /// to them, which are not reported a second time ([`Checker::refused`]). Sent before
    /// any part that could refer to them.
    Refused(Vec<Located<Key>>),
    End(RowErrors),
}

impl Roster {
    /// The roster as the parts a streaming reader would send, whole sheets in sheet order.
    pub fn into_parts(self) -> [Part; 6] {
        [
            Part::Units(self.units),
            Part::Posts(self.posts),
            Part::Cadres(self.cadres),
            Part::Appointments(self.appointments),
            Part::Portfolios(self.portfolios),
            Part::Trainings(self.trainings),
        ]
    }
}

mod checker;
pub use checker::Checker;

/// Checks what single rows cannot: duplicates, references across sheets, the unit tree
/// having no cycle, and one cadre's appointments to one post not overlapping.
pub fn check(r: &Roster, known: Known) -> Vec<RowError> {
    let mut c = Checker::new(known);
    let mut out = c.units(&r.units);
    out.extend(c.posts(&r.posts));
    out.extend(c.cadres(&r.cadres));
    out.extend(c.appointments(&r.appointments));
    out.extend(c.portfolios(&r.portfolios));
    out.extend(c.trainings(&r.trainings));
    out
}

#[cfg(test)]
mod tests;
