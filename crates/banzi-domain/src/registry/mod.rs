//! The registry of M1: units, posts, cadres and their records, as checked values.
//!
//! Each record has a `…Raw` form of plain text (a roster row or a web form) and a `parse`
//! that checks every field and reports all problems at once, keyed by the Chinese column
//! header of ROSTER_FORMAT.md so a workbook error and a form error read the same.

mod cadre;
mod history;
mod unit;

pub use cadre::{CADRE_FIELDS, Cadre, CadreRaw};
pub use history::{Appointment, AppointmentRaw, Portfolio, PortfolioRaw, Training, TrainingRaw};
pub use unit::{Post, PostRaw, Unit, UnitRaw};

use crate::date::{Date, iso, parse_date};
use crate::error::Errors;
use crate::id_number::IdNumber;

fn required(e: &mut Errors, field: &str, v: &str) -> Option<String> {
    let t = v.trim();
    if t.is_empty() {
        e.add(field, "必填项不能为空");
        None
    } else if t.chars().count() > 200 {
        e.add(field, "内容过长（最多200字）");
        None
    } else {
        Some(t.to_string())
    }
}

fn optional(e: &mut Errors, field: &str, v: &str) -> String {
    let t = v.trim();
    if t.chars().count() > 200 {
        e.add(field, "内容过长（最多200字）");
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
        e.add(field, "编码只能由字母、数字和 - _ . 组成，最多40位");
        return None;
    }
    Some(t)
}

fn opt_parse<T>(
    e: &mut Errors,
    field: &str,
    v: &str,
    p: fn(&str) -> Result<T, String>,
) -> Option<T> {
    if v.trim().is_empty() {
        None
    } else {
        e.check(field, p(v))
    }
}

fn id_req(e: &mut Errors, v: &str) -> Option<IdNumber> {
    if v.trim().is_empty() {
        e.add("身份证号", "必填项不能为空");
        None
    } else {
        e.check("身份证号", IdNumber::parse(v))
    }
}

fn date_req(e: &mut Errors, field: &str, v: &str) -> Option<Date> {
    if v.trim().is_empty() {
        e.add(field, "必填项不能为空");
        None
    } else {
        e.check(field, parse_date(v))
    }
}

fn end_after(e: &mut Errors, field: &str, start: Option<Date>, end: Option<Date>) {
    if let (Some(s), Some(t)) = (start, end)
        && t <= s
    {
        e.add(field, format!("结束日期{}应晚于开始日期{}", iso(t), iso(s)));
    }
}

#[cfg(test)]
mod tests;
