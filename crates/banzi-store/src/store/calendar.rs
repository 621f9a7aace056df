//! 工作日历 (issue 17, R-SEL-9): the calendar the 任前公示 is counted on. The shipped
//! 国务院办公厅 notices come from the binary; the years the system administrator entered
//! come from `calendar_years`, as typed, and are read by the same parser again on load.

use super::need;
use crate::connect::{Store, now_rfc3339};
use crate::db;
use banzi_domain::calendar::{self, Calendar};
use banzi_domain::role::Actor;
use banzi_domain::{DomainError, FieldError, Msg, message};

/// The form's fields, as errors name them (labels).
pub const YEAR_FIELD: &str = "年份";
pub const TEXT_FIELD: &str = "节假日安排";

/// An entered year as stored: the text as typed, the notice's title its 来源 line gives
/// (empty when none), who entered it last and when (RFC 3339 UTC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEntry {
    pub year: i16,
    pub source: String,
    pub text: String,
    pub entered_by: String,
    pub updated_at: String,
}

fn keeper(actor: &Actor) -> Result<(), DomainError> {
    need(
        actor.role.keeps_calendar(),
        Msg::new("store-calendar-sysadmin-only"),
    )
}

fn stored_year(y: i64) -> Result<i16, DomainError> {
    i16::try_from(y).map_err(|_| DomainError::Internal(format!("a stored calendar year {y}")))
}

impl Store {
    /// The working-day calendar in force: the shipped notices and the entered years. It
    /// holds no personal data, so it takes no actor: the selection case counts its 任前公示
    /// on it (R-SEL-9). An entered year that a later release ships is left out: the
    /// official notice wins.
    pub async fn working_calendar(&self) -> Result<Calendar, DomainError> {
        let rows = on_conn!(self, |c, b| b::calendar::years(c).await)?;
        let mut years = Vec::new();
        for (y, _, text, _, _) in rows {
            let y = stored_year(y)?;
            if calendar::is_shipped(y) {
                continue;
            }
            let year = calendar::parse_year(y, &text).map_err(|e| {
                DomainError::Internal(format!(
                    "the stored calendar of {y} is malformed: {}",
                    e.first().map(ToString::to_string).unwrap_or_default()
                ))
            })?;
            years.push(year);
        }
        Calendar::with_entered(years)
            .map_err(|m| DomainError::Internal(format!("the stored calendar: {m}")))
    }

    /// The entered years as stored, for the page (every role that reads anything).
    pub async fn calendar_entries(&self, actor: &Actor) -> Result<Vec<CalendarEntry>, DomainError> {
        need(
            actor.role.reads_calendar(),
            Msg::new("store-calendar-read-forbidden"),
        )?;
        let rows = on_conn!(self, |c, b| b::calendar::years(c).await)?;
        rows.into_iter()
            .map(|(y, source, text, entered_by, updated_at)| {
                Ok(CalendarEntry {
                    year: stored_year(y)?,
                    source,
                    text,
                    entered_by,
                    updated_at,
                })
            })
            .collect()
    }

    /// Enters (or replaces) the year `year` from its notice as typed; the system
    /// administrator only; audited (`calendar.save`). Every error of the text is reported
    /// with its line and nothing is saved (R-SEC-4); a shipped year is refused. Returns
    /// whether anything changed.
    pub async fn save_calendar_year(
        &self,
        actor: &Actor,
        year: i16,
        text: &str,
    ) -> Result<bool, DomainError> {
        keeper(actor)?;
        if calendar::is_shipped(year) {
            return Err(DomainError::invalid(
                YEAR_FIELD,
                message!("calendar-year-shipped", year = year),
            ));
        }
        // As typed, without the browser's carriage returns, so the same text is the same.
        let text = text.replace("\r\n", "\n");
        let text = text.trim_end();
        let y = calendar::parse_year(year, text).map_err(|ms| {
            DomainError::Invalid(
                ms.into_iter()
                    .map(|m| {
                        let field = if m.id == "calendar-year-malformed" {
                            YEAR_FIELD
                        } else {
                            TEXT_FIELD
                        };
                        FieldError::new(field, m)
                    })
                    .collect(),
            )
        })?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            b::calendar::save_year(c, actor, i64::from(year), &y.source.title, text, &now).await
        })
    }

    /// Deletes the entered year `year`; the system administrator only; audited
    /// (`calendar.delete`). A shipped year is refused; a year never entered is not found.
    pub async fn delete_calendar_year(&self, actor: &Actor, year: i16) -> Result<(), DomainError> {
        keeper(actor)?;
        if calendar::is_shipped(year) {
            return Err(DomainError::Conflict(message!(
                "calendar-year-shipped",
                year = year
            )));
        }
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            b::calendar::delete_year(c, actor, i64::from(year), &now).await
        })
    }
}
