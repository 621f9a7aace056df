//! Field errors shown beside the fields of a form, in the reader's language.

use crate::i18n::Tr;
use banzi_domain::{DomainError, FieldError, Msg};
use std::collections::HashMap;

/// Errors by field label (the Chinese column name the domain reports), kept as messages
/// until a page words them.
#[derive(Debug, Default)]
pub struct FieldErrors(pub HashMap<String, Vec<Msg>>, pub Vec<Msg>);

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
        let mut map: HashMap<String, Vec<Msg>> = HashMap::new();
        for f in list {
            map.entry(f.field).or_default().push(f.message);
        }
        FieldErrors(map, Vec::new())
    }

    /// The messages of `field`, translated and joined; empty if it has none.
    pub fn get(&self, tr: &Tr, field: &str) -> String {
        self.0
            .get(field)
            .map(|ms| {
                ms.iter()
                    .map(|m| tr.msg(m))
                    .collect::<Vec<_>>()
                    .join(tr.t("p.semicolon"))
            })
            .unwrap_or_default()
    }

    /// Messages of fields the form does not show (`字段：消息`), plus general ones.
    pub fn others(&self, tr: &Tr, shown: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = self.1.iter().map(|m| tr.msg(m)).collect();
        let mut fields: Vec<&String> = self
            .0
            .keys()
            .filter(|k| !shown.contains(&k.as_str()))
            .collect();
        fields.sort();
        for k in fields {
            v.push(format!("{}{}{}", tr.v(k), tr.t("p.colon"), self.get(tr, k)));
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn field_errors_read_in_the_page_language() {
        let e = FieldErrors::from_list(vec![
            FieldError::new(
                "职数",
                banzi_domain::message!("reg-seats-range", value = "0"),
            ),
            FieldError::new("职数", Msg::new("reg-required")),
            FieldError::new("班子名称", Msg::new("reg-too-long")),
        ]);
        let en = Tr { lang: Lang::En };
        assert_eq!(
            e.get(&en, "职数"),
            "Seats “0” should be a whole number from 1 to 99; Required"
        );
        assert_eq!(
            e.others(&en, &["职数"]),
            vec!["Team: Too long (200 characters at most)"]
        );
        let cn = Tr { lang: Lang::ZhCn };
        assert_eq!(e.get(&cn, "职数"), "职数“0”应为1到99的整数；必填项不能为空");
        assert_eq!(
            e.others(&cn, &["职数"]),
            vec!["班子名称：内容过长（最多200字）"]
        );
        assert_eq!(e.get(&en, "职位编码"), "");
    }
}
