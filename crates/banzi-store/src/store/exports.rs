//! Lists read whole for a workbook, each export an entry of the trail.

use super::reader;
use crate::connect::{Store, now_rfc3339};
use crate::db;
use crate::rows::CadreListRow;
use crate::types::CadreFilter;
use banzi_domain::role::Actor;
use banzi_domain::{DomainError, message};

impl Store {
    /// The whole result of a search, at most `max` rows, for the list's workbook (issue 15,
    /// item 11): refused when there are more, so that no export is silently cut. The export
    /// is an entry of the trail (`export.cadres`) with the search, a searched number masked,
    /// and the count.
    pub async fn export_cadres(
        &self,
        actor: &Actor,
        f: &CadreFilter,
        max: i64,
    ) -> Result<Vec<CadreListRow>, DomainError> {
        let scope = reader(actor)?;
        let all = CadreFilter {
            page: 0,
            per_page: max,
            ..f.clone()
        };
        let (rows, total) = on_conn!(self, |c, b| b::cadres::search(c, scope, &all).await)?;
        if total > max {
            return Err(DomainError::Conflict(message!(
                "store-export-too-many",
                total = total,
                max = max
            )));
        }
        let after = serde_json::json!({
            "q": banzi_domain::audit::mask_digit_runs(f.q.as_deref().unwrap_or("").trim()),
            "unit": f.unit,
            "format": "xlsx",
            "cadres": rows.len(),
        });
        self.audit_export(actor, "export.cadres", "cadre", "search", after)
            .await?;
        Ok(rows)
    }

    /// An export of personal data as an entry of the trail (R-SEC-3): what was exported
    /// (`after`: the question asked, the format, the count), by whom, now.
    pub(super) async fn audit_export(
        &self,
        actor: &Actor,
        action: &str,
        entity: &str,
        key: &str,
        after: serde_json::Value,
    ) -> Result<(), DomainError> {
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            b::audit::append(
                &mut *c,
                crate::draft(actor, &now, action, entity, key, None, Some(after)),
            )
            .await
            .map(|_| ())
        })
    }
}
