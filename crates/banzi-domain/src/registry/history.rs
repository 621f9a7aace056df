//! 任职, 分管 and 培训: what a cadre held and did, over time.

use super::{REQUIRED, code, date_req, end_after, id_req, opt_parse, optional, required};
use crate::codes::{Manner, TrainingKind};
use crate::date::{self, Date};
use crate::error::{DomainError, Errors};
use crate::id_number::IdNumber;
use crate::message;
use crate::msg::Msg;

/// 任职: cadre × post × [start, end).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Appointment {
    pub id_number: IdNumber,
    pub post_code: String,
    pub start: Date,
    pub end: Option<Date>,
    pub manner: Option<Manner>,
    pub doc_no: String,
}

#[derive(Debug, Clone, Default)]
pub struct AppointmentRaw {
    pub id_number: String,
    pub post_code: String,
    pub start: String,
    pub end: String,
    pub manner: String,
    pub doc_no: String,
}

impl Appointment {
    pub fn parse(r: &AppointmentRaw) -> Result<Appointment, DomainError> {
        let mut e = Errors::default();
        let id = id_req(&mut e, &r.id_number);
        let post = code(&mut e, "职位编码", &r.post_code);
        let start = date_req(&mut e, "任职开始", &r.start);
        let end = e.check("任职结束", date::parse_opt(&r.end)).flatten();
        end_after(&mut e, "任职结束", start, end);
        let manner = opt_parse(&mut e, "任职方式", &r.manner, Manner::parse);
        let doc_no = optional(&mut e, "任免文号", &r.doc_no);
        e.into_result()?;
        Ok(Appointment {
            id_number: id.ok_or_else(|| DomainError::Internal("身份证号".into()))?,
            post_code: post.unwrap_or_default(),
            start: start.ok_or_else(|| DomainError::Internal("任职开始".into()))?,
            end,
            manner,
            doc_no,
        })
    }
}

/// 分管工作 of a post holder over time (R-EXCH-5).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Portfolio {
    pub id_number: IdNumber,
    pub post_code: String,
    pub work: String,
    pub start: Date,
    pub end: Option<Date>,
}

#[derive(Debug, Clone, Default)]
pub struct PortfolioRaw {
    pub id_number: String,
    pub post_code: String,
    pub work: String,
    pub start: String,
    pub end: String,
}

impl Portfolio {
    pub fn parse(r: &PortfolioRaw) -> Result<Portfolio, DomainError> {
        let mut e = Errors::default();
        let id = id_req(&mut e, &r.id_number);
        let post = code(&mut e, "职位编码", &r.post_code);
        let work = required(&mut e, "分管工作", &r.work);
        let start = date_req(&mut e, "开始", &r.start);
        let end = e.check("结束", date::parse_opt(&r.end)).flatten();
        end_after(&mut e, "结束", start, end);
        e.into_result()?;
        Ok(Portfolio {
            id_number: id.ok_or_else(|| DomainError::Internal("身份证号".into()))?,
            post_code: post.unwrap_or_default(),
            work: work.unwrap_or_default(),
            start: start.ok_or_else(|| DomainError::Internal("开始".into()))?,
            end,
        })
    }
}

/// 培训 (R-TRAIN-1).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Training {
    pub id_number: IdNumber,
    pub name: String,
    pub kind: TrainingKind,
    pub start: Date,
    pub end: Option<Date>,
    /// 学时; tenths of an hour are kept exactly as the workbook wrote them.
    pub hours: Option<f64>,
}

#[derive(Debug, Clone, Default)]
pub struct TrainingRaw {
    pub id_number: String,
    pub name: String,
    pub kind: String,
    pub start: String,
    pub end: String,
    pub hours: String,
}

impl Training {
    pub fn parse(r: &TrainingRaw) -> Result<Training, DomainError> {
        let mut e = Errors::default();
        let id = id_req(&mut e, &r.id_number);
        let name = required(&mut e, "培训名称", &r.name);
        let kind = if r.kind.trim().is_empty() {
            e.add("类别", REQUIRED);
            None
        } else {
            e.check("类别", TrainingKind::parse(&r.kind))
        };
        let start = date_req(&mut e, "开始", &r.start);
        let end = e.check("结束", date::parse_opt(&r.end)).flatten();
        if let (Some(s), Some(t)) = (start, end)
            && t < s
        {
            e.add("结束", Msg::new("reg-end-before-start"));
        }
        let hours = if r.hours.trim().is_empty() {
            None
        } else {
            match r.hours.trim().parse::<f64>() {
                Ok(h) if (0.0..=10000.0).contains(&h) => Some(h),
                _ => {
                    e.add(
                        "学时",
                        message!("reg-hours-range", value = r.hours.trim().to_string()),
                    );
                    None
                }
            }
        };
        e.into_result()?;
        Ok(Training {
            id_number: id.ok_or_else(|| DomainError::Internal("身份证号".into()))?,
            name: name.unwrap_or_default(),
            kind: kind.unwrap_or(TrainingKind::Other),
            start: start.ok_or_else(|| DomainError::Internal("开始".into()))?,
            end,
            hours,
        })
    }
}
