//! Reads the standard roster workbook (ROSTER_FORMAT.md) into a [`Roster`].
//!
//! All or nothing (R-SEC-4): either every row of every sheet parses and the roster is
//! returned, or the caller gets every problem of every sheet at once, each with sheet, row,
//! column and a message ([`banzi_domain::Msg`]). Checks across rows and sheets (duplicates, references) are
//! `banzi_domain::roster::Checker`'s, run by the store with the database's keys; a streaming
//! read keeps handing rows on after an error so that they are checked too, and says which
//! rows it refused ([`Feed::Refused`]).

mod cells;
pub(crate) mod guard;
mod records;
mod sheet;

use std::fmt;
use std::io::Cursor;

use banzi_domain::registry::{Appointment, Cadre, Portfolio, Post, Training, Unit};
use banzi_domain::roster::{Feed, Key, Located, Roster, RowError, RowErrors};
use banzi_domain::{Msg, message};
use calamine::{Reader, Xlsx};

pub use crate::Progress;
pub use banzi_domain::roster::FILE;
pub use guard::{
    MAX_ENTRIES, MAX_INFLATED_BYTES, MAX_INPUT_BYTES, MAX_RATIO, MAX_SHARED_STRINGS_BYTES,
};

use crate::layout::{self, Sheet};
use records::Record;

/// Rows beyond this in any sheet refuse the file (Excel itself stops at 1,048,576).
pub const MAX_ROWS: u32 = 1_100_000;
/// Columns beyond this in any sheet refuse the file.
pub const MAX_COLUMNS: u32 = 200;
pub use banzi_domain::roster::MAX_ERRORS;

/// Something the user should know that did not stop the import (e.g. extra columns ignored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The sheet as the workbook names it.
    pub sheet: String,
    pub message: Msg,
}

impl Notice {
    /// The notice with its sheet: `roster-at-sheet` (工作表“单位”：…).
    pub fn msg(&self) -> Msg {
        banzi_domain::roster::at_place(&self.sheet, 0, "", self.message.clone())
    }
}

/// For logs: the message's id and arguments ([`Notice::msg`]).
impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.msg())
    }
}

/// Data rows per part of a streaming read ([`read_roster_parts`]): 单位 and 职位 come whole.
pub const CHUNK: usize = 5000;

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
    let mut ctx = Ctx::new(progress, None);
    read_into(bytes, &mut ctx);
    let roster = std::mem::take(&mut ctx.roster);
    let (errors, notices) = ctx.finish();
    if errors.is_empty() {
        Ok((roster, notices))
    } else {
        Err(errors.into_list())
    }
}

/// Reads a roster workbook as [`read_roster`] does, but hands rows on in [`Part`]s while it
/// reads (sheet order; 单位 and 职位 whole, the rest in [`CHUNK`]s), so the caller can write
/// one part while the next is parsed. A part that follows rows refused for their errors
/// comes after a [`Feed::Refused`] with their keys; parts go on after an error, so that the
/// caller checks every sheet, and the result then holds every error the read found. `sink`
/// gets parts and refusals, never `End`, and returns false when the caller has gone away,
/// which stops the read.
///
/// [`Part`]: banzi_domain::roster::Part
pub fn read_roster_parts(
    bytes: &[u8],
    progress: &dyn Fn(Progress),
    sink: &mut dyn FnMut(Feed) -> bool,
) -> Result<Vec<Notice>, Vec<RowError>> {
    let (errors, notices) = read_feed(bytes, progress, sink);
    if errors.is_empty() {
        Ok(notices)
    } else {
        Err(errors.into_list())
    }
}

fn read_feed(
    bytes: &[u8],
    progress: &dyn Fn(Progress),
    sink: &mut dyn FnMut(Feed) -> bool,
) -> (RowErrors, Vec<Notice>) {
    let mut ctx = Ctx::new(progress, Some(sink));
    read_into(bytes, &mut ctx);
    ctx.finish()
}

/// Starts [`read_roster_parts`] on its own thread and returns the feed of its parts and
/// refusals, ended by one [`Feed::End`] with its errors (none when it read cleanly), and
/// the thread, which returns the notices (none when the read had errors). At most a few
/// parts wait in the channel, so memory stays bounded when the writer is slower than the
/// reader.
pub fn spawn_reader(
    bytes: impl AsRef<[u8]> + Send + 'static,
    progress: impl Fn(Progress) + Send + 'static,
) -> (
    tokio::sync::mpsc::Receiver<Feed>,
    std::thread::JoinHandle<Vec<Notice>>,
) {
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let reader = std::thread::spawn(move || {
        let mut sink = |f: Feed| tx.blocking_send(f).is_ok();
        let (errors, notices) = read_feed(bytes.as_ref(), &progress, &mut sink);
        let notices = if errors.is_empty() {
            notices
        } else {
            Vec::new()
        };
        // The writer may have gone away already; then nothing is waiting for the end.
        let _ = tx.blocking_send(Feed::End(errors));
        notices
    });
    (rx, reader)
}

fn read_into(bytes: &[u8], ctx: &mut Ctx<'_>) {
    if let Err(e) = guard::check(bytes) {
        return ctx.errors.push(e);
    }
    let mut xlsx: Xlsx<_> = match Xlsx::new(Cursor::new(bytes)) {
        Ok(x) => x,
        Err(e) => return ctx.errors.push(guard::file_error(guard::unreadable(&e))),
    };
    let names = xlsx.sheet_names();
    for spec in layout::SHEETS {
        if ctx.cancelled {
            return;
        }
        let Some(name) = find(&names, spec) else {
            if spec.required {
                ctx.error(
                    spec.name,
                    0,
                    "",
                    message!("roster-sheet-missing", sheet = spec.name),
                );
            }
            continue;
        };
        match spec.name {
            "单位" => sheet::read::<Unit, _>(&mut xlsx, name, ctx),
            "职位" => sheet::read::<Post, _>(&mut xlsx, name, ctx),
            "干部" => sheet::read::<Cadre, _>(&mut xlsx, name, ctx),
            "任职" => sheet::read::<Appointment, _>(&mut xlsx, name, ctx),
            "分管" => sheet::read::<Portfolio, _>(&mut xlsx, name, ctx),
            "培训" => sheet::read::<Training, _>(&mut xlsx, name, ctx),
            other => ctx.error(other, 0, "", Msg::new("roster-sheet-unknown")),
        }
    }
    let known = |n: &str| {
        n.trim() == layout::INSTRUCTIONS || layout::SHEETS.iter().any(|s| s.name == n.trim())
    };
    for other in names.iter().filter(|n| !known(n)) {
        ctx.notice(other, Msg::new("roster-sheet-ignored"));
    }
}

/// The workbook's name of `spec`'s sheet: exact, or equal once trimmed.
fn find<'a>(names: &'a [String], spec: &Sheet) -> Option<&'a str> {
    names
        .iter()
        .find(|n| n.as_str() == spec.name)
        .or_else(|| names.iter().find(|n| n.trim() == spec.name))
        .map(String::as_str)
}

/// What a read collects across sheets. With a sink, rows are handed on in parts and
/// `roster` holds only the part being filled.
pub(crate) struct Ctx<'p> {
    pub roster: Roster,
    errors: RowErrors,
    /// How many errors the sink has been told of (by a [`Feed::Refused`]).
    told: usize,
    /// Keys of rows refused since the last part was handed on.
    refused: Vec<Located<Key>>,
    notices: Vec<Notice>,
    pub progress: &'p dyn Fn(Progress),
    sink: Option<&'p mut dyn FnMut(Feed) -> bool>,
    /// The sink's caller went away: stop reading.
    pub cancelled: bool,
}

/// When [`Ctx::hand_on`] is called.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hand {
    /// A row was added: a chunk goes on once it is full.
    Row,
    /// The sheet is done: what is left goes on, and the sheet's refusals.
    SheetEnd,
}

impl<'p> Ctx<'p> {
    fn new(progress: &'p dyn Fn(Progress), sink: Option<&'p mut dyn FnMut(Feed) -> bool>) -> Self {
        Self {
            roster: Roster::default(),
            errors: RowErrors::default(),
            told: 0,
            refused: Vec::new(),
            notices: Vec::new(),
            progress,
            sink,
            cancelled: false,
        }
    }

    /// With a sink: hands on the rows read so far of `T`'s sheet when a chunk is full (or
    /// at the end of the sheet), after a [`Feed::Refused`] when rows were refused or errors
    /// found since the last part. Rows still go on after an error, to be checked: the
    /// writer has stopped writing by then.
    pub fn hand_on<T: Record>(&mut self, when: Hand) {
        let Some(sink) = self.sink.as_mut() else {
            return;
        };
        let rows = T::rows(&mut self.roster);
        if self.cancelled {
            rows.clear();
            return;
        }
        let full = match when {
            Hand::Row => T::CHUNKED && rows.len() >= CHUNK,
            Hand::SheetEnd => !rows.is_empty(),
        };
        let news = self.errors.len() > self.told || !self.refused.is_empty();
        if news && (full || when == Hand::SheetEnd) {
            self.told = self.errors.len();
            if !sink(Feed::Refused(std::mem::take(&mut self.refused))) {
                self.cancelled = true;
                rows.clear();
                return;
            }
        }
        if full && !sink(Feed::Part(T::part(std::mem::take(rows)))) {
            self.cancelled = true;
        }
    }

    /// A row refused for its own errors that other rows may still refer to by `key`.
    pub fn refuse(&mut self, row: u32, key: Key) {
        // Only a streaming read hands keys on; a whole read returns no rows at all then.
        if self.sink.is_some() {
            self.refused.push(Located { row, value: key });
        }
    }

    pub fn error(&mut self, sheet: &str, row: u32, column: &str, message: Msg) {
        self.errors.push(RowError {
            sheet: sheet.into(),
            row,
            column: column.into(),
            message,
        });
    }

    pub fn notice(&mut self, sheet: &str, message: Msg) {
        self.notices.push(Notice {
            sheet: sheet.into(),
            message,
        });
    }

    /// Every error of the read, and the notices.
    fn finish(mut self) -> (RowErrors, Vec<Notice>) {
        if self.cancelled && self.errors.is_empty() {
            self.errors
                .push(guard::file_error(Msg::new("roster-cancelled")));
        }
        (self.errors, self.notices)
    }
}
