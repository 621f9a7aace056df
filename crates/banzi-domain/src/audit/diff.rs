//! An entry of the trail (R-SEC-3) as a reader wants it (issue 15, item 7): field by field, before → after,
//! only the fields that changed. A created record lists what it was created with, a removed
//! one what it held. The words of a field are the reader's (`audit-field-…`); this module
//! only finds which fields changed.

use serde_json::Value;

/// One field of a record as an entry changed it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldChange {
    /// The record's field as written in the entry (`name`, `rank` …).
    pub field: String,
    /// Its value before, if it had one.
    pub before: Option<String>,
    /// Its value after, if it has one.
    pub after: Option<String>,
}

/// The changed fields of an entry whose before and after are JSON objects (or one of them
/// absent), in the order of the field names. Anything else (a batch of an import, a value
/// that is not an object, text that is not JSON, a value cut for the list) has no field
/// view: the reader sees it as written.
pub fn changes(before: &str, after: &str) -> Vec<FieldChange> {
    let (Some(b), Some(a)) = (object(before), object(after)) else {
        return Vec::new();
    };
    if a.contains_key("columns") && a.contains_key("rows") {
        return Vec::new();
    }
    let mut fields: Vec<&String> = b.keys().chain(a.keys()).collect();
    fields.sort();
    fields.dedup();
    fields
        .into_iter()
        .filter(|f| b.get(*f) != a.get(*f))
        .map(|f| FieldChange {
            field: f.clone(),
            before: b.get(f).and_then(text),
            after: a.get(f).and_then(text),
        })
        .filter(|c| c.before != c.after)
        .collect()
}

/// The fields that changed between the entry as written (`raw`), with their values as the
/// reader is shown them (`shown`, masked): a masked field that changed reads `＊ → ＊`, so the
/// reader knows it changed without seeing it.
pub fn changes_as_shown(raw: (&str, &str), shown: (&str, &str)) -> Vec<FieldChange> {
    let (Some(b), Some(a)) = (object(shown.0), object(shown.1)) else {
        return Vec::new();
    };
    changes(raw.0, raw.1)
        .into_iter()
        .map(|c| FieldChange {
            before: c.before.and(b.get(&c.field).and_then(text)),
            after: c.after.and(a.get(&c.field).and_then(text)),
            field: c.field,
        })
        .collect()
}

/// An object, or an empty one for an absent side (blank or `null`); `None` for anything else.
fn object(json: &str) -> Option<serde_json::Map<String, Value>> {
    if json.trim().is_empty() {
        return Some(serde_json::Map::new());
    }
    match serde_json::from_str(json).ok()? {
        Value::Object(m) => Some(m),
        Value::Null => Some(serde_json::Map::new()),
        _ => None,
    }
}

/// A value as text; null and blank are no value.
fn text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(field: &str, before: Option<&str>, after: Option<&str>) -> FieldChange {
        FieldChange {
            field: field.into(),
            before: before.map(String::from),
            after: after.map(String::from),
        }
    }

    #[test]
    fn an_update_shows_only_the_fields_that_changed() {
        let before = r#"{"name":"王*","rank":"副处级","native_place":"＊","seats":1}"#;
        let after = r#"{"name":"王*","rank":"正处级","native_place":"＊","seats":2}"#;
        assert_eq!(
            changes(before, after),
            [
                change("rank", Some("副处级"), Some("正处级")),
                change("seats", Some("1"), Some("2")),
            ]
        );
    }

    #[test]
    fn a_created_record_lists_its_values_and_a_removed_one_what_it_held() {
        assert_eq!(
            changes("", r#"{"title":"局长","kind":"正职","note":""}"#),
            [
                change("kind", None, Some("正职")),
                change("title", None, Some("局长")),
            ]
        );
        assert_eq!(
            changes(r#"{"end":null,"post":"P1"}"#, "null"),
            [change("post", Some("P1"), None)]
        );
        // A field that went from blank to absent did not change.
        assert!(changes(r#"{"doc_no":""}"#, "{}").is_empty());
        // A nested value reads as its JSON.
        assert_eq!(
            changes("{}", r#"{"alerts":{"R-AGE-1":2}}"#),
            [change("alerts", None, Some(r#"{"R-AGE-1":2}"#))]
        );
    }

    #[test]
    fn a_masked_field_that_changed_is_shown_changed_but_masked() {
        let raw = (
            r#"{"name":"王伟","native_place":"江苏南京","rank":"副处级"}"#,
            r#"{"name":"王伟","native_place":"江苏南通","rank":"副处级"}"#,
        );
        let shown = (
            r#"{"name":"王*","native_place":"＊","rank":"副处级"}"#,
            r#"{"name":"王*","native_place":"＊","rank":"副处级"}"#,
        );
        assert_eq!(
            changes_as_shown(raw, shown),
            [change("native_place", Some("＊"), Some("＊"))]
        );
    }

    #[test]
    fn a_batch_a_list_or_a_cut_value_has_no_field_view() {
        assert!(changes("", r#"{"columns":["name"],"rows":[["王*"]]}"#).is_empty());
        assert!(changes("", "[1,2]").is_empty());
        assert!(changes(r#"{"name":"王*"}"#, "…").is_empty());
        assert!(changes("", "").is_empty());
    }
}
