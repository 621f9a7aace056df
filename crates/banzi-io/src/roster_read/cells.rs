//! One cell to the text a `…Raw` field holds, by the column's [`Kind`].
//!
//! Text is trimmed; Excel dates become `YYYY-MM-DD`; whole numbers lose their `.0`. A number
//! is never turned into a date or an ID number: Excel has already lost information there
//! (1975.10 → 1975.1; an 18-digit number keeps 15 digits), so the user is asked to enter
//! text instead of banzi guessing (STACK.md).

use std::fmt::Write;

use banzi_domain::{Msg, message};
use calamine::{DataRef, ExcelDateTime, XlsxFormulaMetadata};

use crate::layout::Kind;

/// The message of a formula cell: a cached value may be stale or missing, so it is not used.
pub const FORMULA: Msg = Msg::new("roster-cell-formula");

/// Appends the text of `v` to `out` (which the caller has cleared).
pub fn put(kind: Kind, v: &DataRef<'_>, out: &mut String) -> Result<(), Msg> {
    match v {
        DataRef::Empty => {}
        DataRef::String(s) => out.push_str(s.trim()),
        DataRef::SharedString(s) => out.push_str(s.trim()),
        DataRef::Float(f) => number(kind, *f, out)?,
        DataRef::Int(i) => number(kind, *i as f64, out)?,
        DataRef::Bool(b) => out.push_str(if *b { "是" } else { "否" }),
        DataRef::DateTime(d) => date_time(kind, d, out)?,
        DataRef::DateTimeIso(s) => {
            let s = s.trim();
            // `2020-03-15T00:00:00` keeps its date; a time alone stays as written.
            out.push_str(if looks_like_iso_date(s) { &s[..10] } else { s });
        }
        DataRef::DurationIso(s) => out.push_str(s.trim()),
        DataRef::Error(e) => return Err(message!("roster-cell-error", value = e.to_string())),
    }
    Ok(())
}

/// Whether a formula record means the cell holds a formula.
pub fn is_formula(f: &XlsxFormulaMetadata) -> bool {
    match f {
        XlsxFormulaMetadata::Normal { formula } => !formula.trim().is_empty(),
        XlsxFormulaMetadata::Shared { formula, .. } => !formula.trim().is_empty(),
        _ => true,
    }
}

fn number(kind: Kind, f: f64, out: &mut String) -> Result<(), Msg> {
    match kind {
        Kind::Date => {
            let mut shown = String::new();
            push_number(f, &mut shown);
            Err(message!("roster-date-number", value = shown))
        }
        Kind::IdNumber => Err(id_not_text()),
        Kind::Text | Kind::Number => {
            push_number(f, out);
            Ok(())
        }
    }
}

/// An ID number typed as a number: Excel keeps 15 digits of it.
fn id_not_text() -> Msg {
    Msg::new("roster-id-not-text")
}

fn date_time(kind: Kind, d: &ExcelDateTime, out: &mut String) -> Result<(), Msg> {
    if kind == Kind::IdNumber {
        return Err(id_not_text());
    }
    if d.is_duration() {
        return number(kind, d.as_f64(), out);
    }
    let (y, m, day, ..) = d.to_ymd_hms_milli();
    // Writing to a String cannot fail.
    let _ = write!(out, "{y:04}-{m:02}-{day:02}");
    Ok(())
}

/// Whole numbers without `.0` (职数 3.0 → "3"); others in the shortest form that reads
/// back to the same number (学时 1.5 → "1.5").
pub fn push_number(f: f64, out: &mut String) {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        let _ = write!(out, "{}", f as i64);
    } else {
        let _ = write!(out, "{f}");
    }
}

fn looks_like_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b[..4]
            .iter()
            .chain(&b[5..7])
            .chain(&b[8..10])
            .all(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    fn text(kind: Kind, v: DataRef<'_>) -> Result<String, Msg> {
        let mut s = String::new();
        put(kind, &v, &mut s).map(|_| s)
    }

    #[test]
    fn numbers_become_plain_text() {
        assert_eq!(text(Kind::Number, DataRef::Float(3.0)).unwrap(), "3");
        assert_eq!(text(Kind::Number, DataRef::Float(1.5)).unwrap(), "1.5");
        assert_eq!(text(Kind::Text, DataRef::Float(1001.0)).unwrap(), "1001");
        assert_eq!(
            text(Kind::Number, DataRef::Float(0.1 + 0.2)).unwrap(),
            "0.30000000000000004"
        );
        assert_eq!(
            text(Kind::Text, DataRef::String("  局长 ".into())).unwrap(),
            "局长"
        );
    }

    #[test]
    fn a_number_in_a_date_column_is_refused_not_guessed() {
        let e = text(Kind::Date, DataRef::Float(1975.1)).unwrap_err();
        assert_eq!(e, message!("roster-date-number", value = "1975.1"));
        assert!(text(Kind::Date, DataRef::Int(197510)).is_err());
    }

    #[test]
    fn an_id_number_must_be_text() {
        let e = text(Kind::IdNumber, DataRef::Float(3.201021978052e17)).unwrap_err();
        assert_eq!(e, Msg::new("roster-id-not-text"));
        assert_eq!(
            text(Kind::IdNumber, DataRef::SharedString("32010219780520001x")).unwrap(),
            "32010219780520001x"
        );
    }

    #[test]
    fn excel_dates_become_iso_text() {
        // 45943.541 is 2025-10-13 12:59; the time is dropped.
        let d = ExcelDateTime::new(45943.541, ExcelDateTimeType::DateTime, false);
        assert_eq!(
            text(Kind::Date, DataRef::DateTime(d)).unwrap(),
            "2025-10-13"
        );
        assert_eq!(
            text(
                Kind::Date,
                DataRef::DateTimeIso("2020-03-15T00:00:00".into())
            )
            .unwrap(),
            "2020-03-15"
        );
        let dur = ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false);
        assert!(text(Kind::Date, DataRef::DateTime(dur)).is_err());
    }

    #[test]
    fn error_cells_are_refused() {
        let e = text(Kind::Text, DataRef::Error(calamine::CellErrorType::NA)).unwrap_err();
        assert_eq!(e, message!("roster-cell-error", value = "#N/A"));
    }
}
