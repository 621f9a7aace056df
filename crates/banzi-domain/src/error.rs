//! The one domain error. Web maps it once to HTML and once to JSON; the CLI words it with
//! `banzi_i18n::Tr::error`. Its `Display` is for logs, not for users.

use crate::msg::Msg;
use std::fmt;

/// One invalid field with a message a user can act on. `field` is the field's name as the
/// form or the workbook knows it (a label, see [`crate::msg::Arg::Label`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: Msg,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<Msg>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Not found, forbidden, invalid input and internal failure are kept apart: a database
/// outage is never "not found", and a liaison asking for another unit's row is "not found"
/// only where saying more would leak that it exists.
#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    #[error("not found: {0}")]
    NotFound(Msg),
    #[error("forbidden: {0}")]
    Forbidden(Msg),
    #[error("invalid: {}", join(.0))]
    Invalid(Vec<FieldError>),
    #[error("conflict: {0}")]
    Conflict(Msg),
    #[error("internal: {0}")]
    Internal(String),
}

fn join(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl DomainError {
    pub fn invalid(field: impl Into<String>, message: impl Into<Msg>) -> Self {
        DomainError::Invalid(vec![FieldError::new(field, message)])
    }
}

/// Collects field errors so a form reports all of them at once.
#[derive(Debug, Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn add(&mut self, field: &str, message: impl Into<Msg>) {
        self.0.push(FieldError::new(field, message));
    }
    /// Keeps the value when `r` is Ok, records the error under `field` otherwise.
    pub fn check<T, M: Into<Msg>>(&mut self, field: &str, r: Result<T, M>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(m) => {
                self.add(field, m);
                None
            }
        }
    }
    pub fn into_result(self) -> Result<(), DomainError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(DomainError::Invalid(self.0))
        }
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
