//! The audit trail for the audit administrator: read-only, filterable, with the chain's
//! verification result (R-SEC-3).

use super::Ctx;
use crate::AppState;
use crate::auth::Caller;
use crate::error::Query;
use crate::error::WebResult;
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use banzi_domain::DomainError;
use banzi_store::{AuditFilter, AuditRow};

pub fn routes() -> Router<AppState> {
    Router::new().route("/audit", get(page))
}

#[derive(serde::Deserialize, Default)]
pub struct AuditQuery {
    #[serde(default)]
    actor: String,
    #[serde(default)]
    entity: String,
    #[serde(default)]
    key: String,
    #[serde(default)]
    page: Option<i64>,
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
    verified: Result<u64, String>,
}

async fn page(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<AuditQuery>,
) -> WebResult<AuditPage> {
    if !caller.actor.role.reads_audit() {
        return Err(DomainError::Forbidden("只有审计管理员可以查看审计记录".into()).into());
    }
    let page = q.page.unwrap_or(1).max(1);
    let f = AuditFilter {
        actor: Some(q.actor.clone()),
        entity: Some(q.entity.clone()),
        key: Some(q.key.clone()),
        page: page - 1,
        per_page: 50,
    };
    let (rows, total) = s.store.audit_page(&caller.actor, &f).await?;
    let verified = s.store.verify_audit().await?.map_err(|b| b.to_string());
    Ok(AuditPage {
        ctx: Ctx::new(tr, &caller, "/audit"),
        q,
        rows,
        total,
        page,
        pages: ((total + 49) / 50).max(1),
        verified,
    })
}
