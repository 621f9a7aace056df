//! Field errors shown beside the fields of a form.

use banzi_domain::{DomainError, FieldError};
use std::collections::HashMap;

/// Errors by field label (the Chinese column name the domain reports).
#[derive(Debug, Default)]
pub struct FieldErrors(pub HashMap<String, String>, pub Vec<String>);

impl FieldErrors {
    /// Splits a domain error into per-field messages; what has no field goes to the top.
    pub fn from_error(e: DomainError) -> Result<FieldErrors, DomainError> {
        match e {
            DomainError::Invalid(list) => Ok(Self::from_list(list)),
            DomainError::Conflict(m) => Ok(FieldErrors(HashMap::new(), vec![m])),
            other => Err(other),
        }
    }

    pub fn from_list(list: Vec<FieldError>) -> FieldErrors {
        let mut map: HashMap<String, String> = HashMap::new();
        for f in list {
            map.entry(f.field)
                .and_modify(|m| m.push('；'))
                .or_default()
                .push_str(&f.message);
        }
        FieldErrors(map, Vec::new())
    }

    pub fn get(&self, field: &str) -> &str {
        self.0.get(field).map(String::as_str).unwrap_or("")
    }

    /// Messages of fields the form does not show, plus general ones.
    pub fn others(&self, shown: &[&str]) -> Vec<String> {
        let mut v = self.1.clone();
        for (k, m) in &self.0 {
            if !shown.contains(&k.as_str()) {
                v.push(format!("{k}：{m}"));
            }
        }
        v
    }
}
