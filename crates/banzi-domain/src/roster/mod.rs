//! The roster as a whole (ROSTER_FORMAT.md): parsed rows with their positions, and the
//! checks that span rows and sheets. An import is all or nothing, so every error is
//! collected with sheet, row and column before anything is written (R-SEC-4).

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

/// One problem in a workbook, in the user's terms.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RowError {
    pub sheet: String,
    pub row: u32,
    pub column: String,
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.row == 0 {
            write!(f, "工作表“{}”：{}", self.sheet, self.message)
        } else if self.column.is_empty() {
            write!(
                f,
                "工作表“{}”第{}行：{}",
                self.sheet, self.row, self.message
            )
        } else {
            write!(
                f,
                "工作表“{}”第{}行“{}”列：{}",
                self.sheet, self.row, self.column, self.message
            )
        }
    }
}

/// Keys that already exist in the database, so a workbook may refer to them.
#[derive(Debug, Default)]
pub struct Known {
    pub units: HashSet<String>,
    pub posts: HashSet<String>,
    pub cadres: HashSet<String>,
}

fn err(sheet: &str, row: u32, column: &str, message: impl Into<String>) -> RowError {
    RowError {
        sheet: sheet.into(),
        row,
        column: column.into(),
        message: message.into(),
    }
}

/// Errors kept in full; past this, one last error says how many more there were, so a
/// hostile file cannot fill memory with messages.
pub const MAX_ERRORS: usize = 10_000;

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

/// What a streaming reader sends: parts, then exactly one `End` with the errors it found
/// (none when the workbook read cleanly). A feed that stops without `End` is broken and
/// nothing of it may be kept.
#[derive(Debug, Clone, PartialEq)]
pub enum Feed {
    Part(Part),
    End(Vec<RowError>),
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
