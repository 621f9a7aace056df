//! A named 名册 template: the columns chosen, in order, kept under a name the department
//! shares.

use super::columns::{Column, column};
use crate::error::{DomainError, Errors};
use crate::message;
use crate::msg::Msg;

/// The longest template name.
pub const MAX_NAME_CHARS: usize = 40;

/// A checked template: a name and at least one known column, none twice.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub name: String,
    pub columns: Vec<&'static Column>,
}

impl Template {
    /// Checks the name (`模板名称`) and the column keys (`列`), every problem at once.
    pub fn parse<S: AsRef<str>>(name: &str, keys: &[S]) -> Result<Template, DomainError> {
        let mut e = Errors::default();
        let name = name.trim();
        if name.is_empty() {
            e.add("模板名称", Msg::new("listing-name-required"));
        } else if name.chars().count() > MAX_NAME_CHARS {
            e.add(
                "模板名称",
                message!("listing-name-too-long", max = MAX_NAME_CHARS),
            );
        } else if name.chars().any(char::is_control) {
            e.add("模板名称", Msg::new("listing-name-control"));
        }
        let columns = match Self::columns(keys) {
            Ok(c) => c,
            Err(m) => {
                e.add("列", m);
                Vec::new()
            }
        };
        e.into_result()?;
        Ok(Template {
            name: name.to_string(),
            columns,
        })
    }

    /// The columns of `keys`, in their order: none, an unknown key or a key given twice is
    /// refused, naming it.
    pub fn columns<S: AsRef<str>>(keys: &[S]) -> Result<Vec<&'static Column>, Msg> {
        if keys.iter().all(|k| k.as_ref().trim().is_empty()) {
            return Err(Msg::new("listing-columns-empty"));
        }
        let mut out: Vec<&'static Column> = Vec::with_capacity(keys.len());
        for k in keys
            .iter()
            .map(|k| k.as_ref().trim())
            .filter(|k| !k.is_empty())
        {
            let c =
                column(k).ok_or_else(|| message!("listing-column-unknown", key = k.to_string()))?;
            if out.iter().any(|x| x.key == c.key) {
                return Err(message!(
                    "listing-column-twice",
                    column = Msg::new(c.header)
                ));
            }
            out.push(c);
        }
        Ok(out)
    }

    /// The keys of the columns, as stored.
    pub fn keys(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| c.key).collect()
    }
}
