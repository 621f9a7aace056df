//! The audit trail for the audit administrator: read-only, filterable, with the chain's
//! verification result (R-SEC-3). Personal values are masked (the store masks them); one
//! entry can be revealed whole, which the store records as an entry of its own.

use super::Ctx;
use crate::AppState;
use crate::auth::Caller;
use crate::error::WebResult;
use crate::error::{Form, Query};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::{get, post};
use banzi_domain::{DomainError, Msg};
use banzi_store::{AuditFilter, AuditRow};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/audit", get(page))
        .route("/audit/{seq}", get(entry))
        .route("/audit/{seq}/reveal", post(reveal))
}

#[derive(serde::Deserialize, Default)]
pub struct AuditQuery {
    #[serde(default)]
    actor: String,
    #[serde(default)]
    entity: String,
    #[serde(default)]
    key: String,
    /// First day shown, Beijing time (`YYYY-MM-DD`).
    #[serde(default)]
    from: String,
    /// Last day shown, Beijing time.
    #[serde(default)]
    to: String,
    #[serde(default)]
    page: Option<i64>,
}

impl AuditQuery {
    /// The filter as a query string, for the page links.
    pub fn filters(&self) -> String {
        [
            ("actor", &self.actor),
            ("entity", &self.entity),
            ("key", &self.key),
            ("from", &self.from),
            ("to", &self.to),
        ]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}&", crate::auth::encode(v.trim())))
        .collect()
    }

    /// The date range as stored times: from the first day's 00:00 to the day after the last
    /// day's, Beijing time (UTC+8), so an entry made at 07:30 on a Beijing morning is on that
    /// day though UTC says the day before. A day that is not a date is the reader's error.
    fn range(&self) -> Result<TimeRange, (&'static str, Msg)> {
        let day = |field: &'static str, text: &str, after: i8| {
            banzi_domain::date::parse_opt(text)
                .map(|d| d.map(|d| beijing_midnight(d, after)))
                .map_err(|m| (field, m))
        };
        Ok((day("from", &self.from, 0)?, day("to", &self.to, 1)?))
    }
}

/// From and until, as stored times; either may be open.
type TimeRange = (Option<String>, Option<String>);

/// The stored time of 00:00 in Beijing on `days` after `d`.
fn beijing_midnight(d: banzi_domain::Date, days: i8) -> String {
    let tz = jiff::tz::TimeZone::fixed(jiff::tz::offset(8));
    d.saturating_add(jiff::Span::new().days(days))
        .to_zoned(tz)
        .map(|z| z.timestamp().to_string())
        .unwrap_or_default()
}

#[derive(Template, WebTemplate)]
#[template(path = "audit.html")]
struct AuditPage {
    ctx: Ctx,
    q: AuditQuery,
    rows: Vec<AuditRow>,
    total: i64,
    page: i64,
    pages: i64,
    verified: Result<u64, Msg>,
    /// A date of the range that is not a date: which box, and why.
    error: Option<(&'static str, Msg)>,
}

async fn page(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<AuditQuery>,
) -> WebResult<AuditPage> {
    if !caller.actor.role.reads_audit() {
        return Err(DomainError::Forbidden(Msg::new("store-forbidden-audit")).into());
    }
    let page = q.page.unwrap_or(1).max(1);
    let (range, error) = match q.range() {
        Ok(r) => (r, None),
        Err(e) => ((None, None), Some(e)),
    };
    let f = AuditFilter {
        actor: Some(q.actor.clone()),
        entity: Some(q.entity.clone()),
        key: Some(q.key.clone()),
        from: range.0,
        until: range.1,
        page: page - 1,
        per_page: 50,
    };
    // A range that cannot be read shows no entries rather than all of them.
    let (rows, total) = match error {
        None => s.store.audit_page(&caller.actor, &f).await?,
        Some(_) => (Vec::new(), 0),
    };
    // The auditor's own reading is in the trail too (issue 14, item 8).
    let detail = serde_json::json!({
        "page": page,
        "actor": q.actor,
        "entity": q.entity,
        "key": banzi_domain::audit::mask_digit_runs(&q.key),
        "from": q.from,
        "to": q.to,
    });
    super::audit_read(&s, &caller, "read.audit", "audit", "", detail).await?;
    let verified = s.store.verify_audit().await?.map_err(|b| b.msg());
    Ok(AuditPage {
        ctx: Ctx::new(tr, &caller, "/audit"),
        q,
        rows,
        total,
        page,
        pages: ((total + 49) / 50).max(1),
        verified,
        error,
    })
}

/// One entry, whole. A batch entry of an import (`{"columns": [...], "rows": [...]}`) is
/// shown as a table of its records.
#[derive(Template, WebTemplate)]
#[template(path = "audit_entry.html")]
struct EntryPage {
    ctx: Ctx,
    row: AuditRow,
    columns: Vec<String>,
    records: Vec<Vec<String>>,
    /// Shown as written (after an audited reveal), not masked.
    revealed: bool,
}

#[derive(serde::Deserialize)]
pub struct RevealForm {
    #[serde(default)]
    reason: String,
}

async fn entry(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(seq): Path<String>,
) -> WebResult<EntryPage> {
    // Not a number: no such entry (after the permission check, as for any other seq).
    let seq: i64 = seq.parse().unwrap_or(0);
    let row = s
        .store
        .audit_entry(&caller.actor, seq)
        .await?
        .ok_or_else(|| DomainError::NotFound(Msg::new("store-audit-entry")))?;
    let key = seq.to_string();
    super::audit_read(
        &s,
        &caller,
        "read.audit",
        "audit",
        &key,
        serde_json::json!({}),
    )
    .await?;
    Ok(entry_page(tr, &caller, row, false))
}

/// The entry whole and unmasked; the store records the reveal (with the reason) first.
async fn reveal(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(seq): Path<String>,
    Form(f): Form<RevealForm>,
) -> WebResult<EntryPage> {
    let seq: i64 = seq.parse().unwrap_or(0);
    let row = s
        .store
        .audit_reveal(&caller.actor, seq, &f.reason)
        .await?
        .ok_or_else(|| DomainError::NotFound(Msg::new("store-audit-entry")))?;
    Ok(entry_page(tr, &caller, row, true))
}

fn entry_page(tr: Tr, caller: &Caller, row: AuditRow, revealed: bool) -> EntryPage {
    let (columns, records) = batch_table(&row.after_json).unwrap_or_default();
    EntryPage {
        ctx: Ctx::new(tr, caller, "/audit"),
        row,
        columns,
        records,
        revealed,
    }
}

/// The columns and rows of a batch entry's JSON, each value as text (null as blank).
fn batch_table(json: &str) -> Option<(Vec<String>, Vec<Vec<String>>)> {
    #[derive(serde::Deserialize)]
    struct Batch {
        columns: Vec<String>,
        rows: Vec<Vec<serde_json::Value>>,
    }
    let b: Batch = serde_json::from_str(json).ok()?;
    let text = |v: serde_json::Value| match v {
        serde_json::Value::String(s) => s,
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    };
    Some((
        b.columns,
        b.rows
            .into_iter()
            .map(|r| r.into_iter().map(text).collect())
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_batch_entry_reads_as_a_table() {
        let (cols, rows) = super::batch_table(
            r#"{"columns":["cadre","hours"],"rows":[["320","8"],["321",null]]}"#,
        )
        .expect("batch");
        assert_eq!(cols, ["cadre", "hours"]);
        assert_eq!(rows, [["320", "8"], ["321", ""]]);
        assert!(super::batch_table(r#"{"name":"张伟"}"#).is_none());
    }
}
