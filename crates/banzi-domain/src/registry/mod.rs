//! The registry of M1: units, posts, cadres and their records, as checked values.
//!
//! Each record has a `…Raw` form of plain text (a roster row or a web form) and a `parse`
//! that checks every field and reports all problems at once, keyed by the Chinese column
//! header of ROSTER_FORMAT.md so a workbook error and a form error read the same.

mod cadre;
mod history;
pub mod search;
mod unit;

pub use cadre::{CADRE_FIELDS, Cadre, CadreRaw};
pub use history::{Appointment, AppointmentRaw, Portfolio, PortfolioRaw, Training, TrainingRaw};
pub use unit::{Post, PostRaw, Unit, UnitRaw};

use crate::date::{self, Date};
use crate::error::Errors;
use crate::id_number::IdNumber;
use crate::message;
use crate::msg::Msg;

/// `必填项不能为空`.
pub const REQUIRED: Msg = Msg::new("reg-required");
/// `内容过长（最多200字）`: no text field takes more.
pub const TOO_LONG: Msg = Msg::new("reg-too-long");

fn required(e: &mut Errors, field: &str, v: &str) -> Option<String> {
    let t = v.trim();
    if t.is_empty() {
        e.add(field, REQUIRED);
        None
    } else if t.chars().count() > 200 {
        e.add(field, TOO_LONG);
        None
    } else {
        Some(t.to_string())
    }
}

fn optional(e: &mut Errors, field: &str, v: &str) -> String {
    let t = v.trim();
    if t.chars().count() > 200 {
        e.add(field, TOO_LONG);
    }
    t.to_string()
}

fn code(e: &mut Errors, field: &str, v: &str) -> Option<String> {
    let t = required(e, field, v)?;
    if t.len() > 40
        || !t
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
    {
        e.add(field, Msg::new("reg-code-malformed"));
        return None;
    }
    Some(t)
}

fn opt_parse<T>(e: &mut Errors, field: &str, v: &str, p: fn(&str) -> Result<T, Msg>) -> Option<T> {
    if v.trim().is_empty() {
        None
    } else {
        e.check(field, p(v))
    }
}

fn id_req(e: &mut Errors, v: &str) -> Option<IdNumber> {
    if v.trim().is_empty() {
        e.add("身份证号", REQUIRED);
        None
    } else {
        e.check("身份证号", IdNumber::parse(v))
    }
}

fn date_req(e: &mut Errors, field: &str, v: &str) -> Option<Date> {
    if v.trim().is_empty() {
        e.add(field, REQUIRED);
        None
    } else {
        e.check(field, date::parse(v))
    }
}

fn end_after(e: &mut Errors, field: &str, start: Option<Date>, end: Option<Date>) {
    if let (Some(s), Some(t)) = (start, end)
        && t <= s
    {
        e.add(
            field,
            message!("reg-end-not-after-start", end = t, start = s),
        );
    }
}

#[cfg(test)]
mod tests;
