//! Streams one sheet: the header row locates the columns, then each row fills the record's
//! `Raw` and is parsed. Cells are read one at a time from the XML (no whole-sheet range), so
//! memory stays bounded by one row whatever the sheet holds, and a cell beyond the allowed
//! dimensions stops the sheet at once.

use std::io::{Read, Seek};

use banzi_domain::roster::Located;
use banzi_domain::{Arg, DomainError, Msg, message};
use calamine::{DataRef, Xlsx};

use super::cells::{self, FORMULA};
use super::records::Record;
use super::{Ctx, Hand, MAX_COLUMNS, MAX_ROWS};
use crate::layout::Kind;
use crate::{PROGRESS_EVERY, Progress};

/// Longest cell text passed on to the record parsers (200 CJK characters are 600 bytes).
const MAX_CELL_BYTES: usize = 2000;

/// Reads sheet `name` of the workbook as records of type `T` into `ctx.roster`, handing
/// them on in parts when the read streams.
pub(crate) fn read<T: Record, RS: Read + Seek>(xlsx: &mut Xlsx<RS>, name: &str, ctx: &mut Ctx<'_>) {
    read_rows::<T, RS>(xlsx, name, ctx);
    ctx.hand_on::<T>(Hand::SheetEnd);
}

fn read_rows<T: Record, RS: Read + Seek>(xlsx: &mut Xlsx<RS>, name: &str, ctx: &mut Ctx<'_>) {
    let spec = T::SHEET;
    let sheet = spec.name;
    let mut cells = match xlsx.worksheet_cells_reader(name) {
        Ok(c) => c,
        Err(e) => {
            return ctx.error(sheet, 0, "", sheet_error("roster-sheet-unreadable", &e));
        }
    };
    let dim = cells.dimensions();
    if dim.end.0 >= MAX_ROWS || dim.end.1 >= MAX_COLUMNS {
        return ctx.error(
            sheet,
            0,
            "",
            too_big(dim.end.0.saturating_add(1), dim.end.1.saturating_add(1)),
        );
    }
    let total = dim.end.0 as usize;
    // Header cells of row 1, then the column map: sheet column → spec column.
    let mut header: Vec<(u32, String)> = Vec::new();
    let mut map: Option<Vec<Option<usize>>> = None;
    let mut row = RowState::<T>::new(spec.columns.len());
    let mut done = 0usize;
    loop {
        let cell = match cells.next_cell_with_formula_metadata() {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(e) => {
                return ctx.error(sheet, 0, "", sheet_error("roster-sheet-read-failed", &e));
            }
        };
        let (r, c) = cell.pos;
        if r >= MAX_ROWS || c >= MAX_COLUMNS {
            return ctx.error(
                sheet,
                0,
                "",
                too_big(r.saturating_add(1), c.saturating_add(1)),
            );
        }
        if r == 0 {
            if map.is_some() {
                return ctx.error(sheet, 0, "", Msg::new("roster-rows-out-of-order"));
            }
            if header.len() >= MAX_COLUMNS as usize {
                // The same header cells repeated: not a sheet any program writes.
                return ctx.error(sheet, 0, "", Msg::new("roster-header-cells-repeated"));
            }
            let mut text = String::new();
            if cell.formula.as_ref().is_some_and(cells::is_formula) {
                ctx.error(sheet, 1, &column_letter(c), FORMULA);
            } else if let Err(m) = cells::put(Kind::Text, &cell.value, &mut text) {
                ctx.error(sheet, 1, &column_letter(c), m);
            }
            header.push((c, text));
            continue;
        }
        if map.is_none() {
            match locate::<T>(&header, ctx) {
                Some(m) => map = Some(m),
                None => return,
            }
        }
        let Some(map) = &map else { return };
        if row.at != Some(r) {
            if row.at.is_some_and(|at| r < at) {
                return ctx.error(sheet, 0, "", Msg::new("roster-rows-out-of-order"));
            }
            if row.finish(ctx) {
                if ctx.cancelled {
                    return;
                }
                done += 1;
                if done.is_multiple_of(PROGRESS_EVERY) {
                    (ctx.progress)(Progress { sheet, done, total });
                }
            }
            row.start(r);
        }
        let Some(i) = map.get(c as usize).copied().flatten() else {
            continue; // an ignored column
        };
        row.put(
            i,
            &cell.value,
            cell.formula.as_ref().is_some_and(cells::is_formula),
        );
    }
    if map.is_none() {
        if header.is_empty() && !spec.required {
            return; // an optional sheet left empty counts as absent
        }
        if locate::<T>(&header, ctx).is_none() {
            return;
        }
    }
    if row.finish(ctx) {
        done += 1;
    }
    (ctx.progress)(Progress { sheet, done, total });
}

/// Matches the header row against the sheet's headers; reports missing and repeated
/// headers (and stops the sheet), and notes ignored extra columns. A header marked
/// [`may_be_absent`](crate::layout::Column::may_be_absent) may be missing.
fn locate<T: Record>(header: &[(u32, String)], ctx: &mut Ctx<'_>) -> Option<Vec<Option<usize>>> {
    let spec = T::SHEET;
    let width = header
        .iter()
        .map(|(c, _)| *c as usize + 1)
        .max()
        .unwrap_or(0);
    let mut map = vec![None; width];
    let mut found = vec![false; spec.columns.len()];
    let mut extra = Vec::new();
    let mut ok = true;
    for (c, text) in header {
        if text.is_empty() {
            continue;
        }
        match spec.columns.iter().position(|col| col.header == text) {
            Some(i) if found[i] => {
                ctx.error(
                    spec.name,
                    1,
                    text,
                    message!("roster-header-repeated", header = text),
                );
                ok = false;
            }
            Some(i) => {
                found[i] = true;
                map[*c as usize] = Some(i);
            }
            None => extra.push(text.as_str()),
        }
    }
    // A column older workbooks lack stays blank in every row.
    for (col, _) in spec
        .columns
        .iter()
        .zip(&found)
        .filter(|(c, f)| !**f && !c.may_be_absent)
    {
        ctx.error(
            spec.name,
            1,
            col.header,
            message!("roster-header-missing", header = col.header),
        );
        ok = false;
    }
    if !extra.is_empty() && ok {
        let columns = Arg::List(
            extra
                .into_iter()
                .map(|c| Arg::from(c.to_string()))
                .collect(),
        );
        ctx.notice(
            spec.name,
            message!("roster-columns-ignored", columns = columns),
        );
    }
    ok.then_some(map)
}

/// The row being read: its `Raw`, which columns held an unusable cell, and whether any
/// column held anything at all (fully blank rows are skipped).
struct RowState<T: Record> {
    raw: T::Raw,
    columns: usize,
    at: Option<u32>,
    filled: bool,
    /// Columns already reported for this row (a cell error), as a bit mask.
    bad: u64,
    cell_errors: Vec<(usize, Msg)>,
}

impl<T: Record> RowState<T> {
    fn new(columns: usize) -> Self {
        Self {
            raw: T::Raw::default(),
            columns,
            at: None,
            filled: false,
            bad: 0,
            cell_errors: Vec::new(),
        }
    }

    fn start(&mut self, r: u32) {
        for i in 0..self.columns {
            if let Some(f) = T::field(&mut self.raw, i) {
                f.clear();
            }
        }
        self.at = Some(r);
        self.filled = false;
        self.bad = 0;
        self.cell_errors.clear();
    }

    fn put(&mut self, i: usize, v: &DataRef<'_>, formula: bool) {
        let Some(f) = T::field(&mut self.raw, i) else {
            return;
        };
        f.clear();
        let kind = T::SHEET.columns[i].kind;
        let outcome = if formula {
            Err(FORMULA)
        } else {
            match cells::put(kind, v, f) {
                // No field takes more than 200 characters; a huge cell is refused here so
                // its text is not copied into messages.
                Ok(()) if f.len() > MAX_CELL_BYTES => Err(banzi_domain::registry::TOO_LONG),
                r => r,
            }
        };
        match outcome {
            Ok(()) => self.filled |= !f.is_empty(),
            Err(m) => {
                f.clear();
                self.filled = true;
                // One message per column and row, however often a hostile sheet repeats it.
                if self.bad & (1 << i) == 0 {
                    self.cell_errors.push((i, m));
                }
                self.bad |= 1 << i;
            }
        }
    }

    /// Parses the row, if it held anything; true when it did. A row refused for its errors
    /// leaves its key, when that is readable, for the rows that refer to it.
    fn finish(&mut self, ctx: &mut Ctx<'_>) -> bool {
        let Some(at) = self.at else { return false };
        if !self.filled {
            return false;
        }
        let spec = T::SHEET;
        let row = at + 1;
        for (i, m) in self.cell_errors.drain(..) {
            ctx.error(spec.name, row, spec.columns[i].header, m);
        }
        let parsed = T::parse(&self.raw);
        if self.bad != 0 || parsed.is_err() {
            // A cell error clears its field, so a key cell that could not be read gives no key.
            if let Some(key) = T::key(&self.raw) {
                ctx.refuse(row, key);
            }
        }
        match parsed {
            Ok(value) if self.bad == 0 => {
                T::rows(&mut ctx.roster).push(Located { row, value });
                ctx.hand_on::<T>(Hand::Row);
            }
            Ok(_) => {}
            Err(DomainError::Invalid(errs)) => {
                for e in errs {
                    // A column already reported for its cell is blank in `raw`: its
                    // "必填项不能为空" would only repeat the first message.
                    let i = spec.columns.iter().position(|c| c.header == e.field);
                    if i.is_some_and(|i| self.bad & (1 << i) != 0) {
                        continue;
                    }
                    ctx.error(spec.name, row, &e.field, e.message);
                }
            }
            // A parser refuses with field errors only; anything else is a fault of banzi.
            Err(_) => ctx.error(spec.name, row, "", Msg::new("roster-internal")),
        }
        true
    }
}

/// A sheet calamine could not read: broken XML has its own message, the rest `id`; the
/// parser's own words are never shown.
fn sheet_error(id: &'static str, e: &calamine::XlsxError) -> Msg {
    use calamine::XlsxError as E;
    match e {
        E::Xml(_) | E::XmlAttr(_) | E::XmlEof(_) | E::UnexpectedNode(_) => {
            Msg::new("up-sheet-xml-broken")
        }
        _ => Msg::new(id),
    }
}

fn too_big(rows: u32, columns: u32) -> Msg {
    message!(
        "roster-sheet-too-big",
        rows = rows,
        columns = columns,
        max_rows = MAX_ROWS,
        max_columns = MAX_COLUMNS,
    )
}

/// `A`, `B`, … `AA` for a 0-based column, to name a header cell that has no header text
/// (the message says it is a column: 工作表“干部”第1行“A”列).
fn column_letter(mut c: u32) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::column_letter;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}
