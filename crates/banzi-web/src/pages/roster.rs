//! The roster workbook in the browser: the empty template, upload (all or nothing, every
//! error listed), and export (audited: it is personal data).

use super::Ctx;
use crate::AppState;
use crate::auth::Caller;
use crate::error::{WebError, WebResult};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use banzi_domain::DomainError;

pub(super) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/roster", get(page))
        .route("/roster/template.xlsx", get(template))
        .route("/roster/export.xlsx", get(export))
        .merge(super::roster_import::routes())
}

#[derive(Template, WebTemplate)]
#[template(path = "roster.html")]
struct RosterPage {
    ctx: Ctx,
    /// Names this page's imports, so it can ask how far the server has got.
    ticket: String,
}

async fn page(tr: Tr, caller: Caller) -> WebResult<RosterPage> {
    super::require_staff(&caller)?;
    Ok(RosterPage {
        ctx: Ctx::new(tr, &caller, "/roster"),
        ticket: crate::auth::random_hex(16)?,
    })
}

fn attachment(name: &str, data: Vec<u8>) -> Response {
    let disposition = format!(
        "attachment; filename=\"roster.xlsx\"; filename*=UTF-8''{}",
        crate::auth::encode(name)
    );
    (
        [
            (header::CONTENT_TYPE, XLSX.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        data,
    )
        .into_response()
}

/// A workbook to download under `name` (ASCII: `alerts-2026-11-21.xlsx`).
pub(super) fn xlsx_file(name: &str, data: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, XLSX.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        data,
    )
        .into_response()
}

pub(super) fn io_err(e: impl std::fmt::Display) -> WebError {
    WebError(DomainError::Internal(format!(
        "writing the workbook failed: {e}"
    )))
}

async fn template(caller: Caller) -> WebResult<Response> {
    super::require_staff(&caller)?;
    let data = tokio::task::spawn_blocking(banzi_io::template)
        .await
        .map_err(io_err)?
        .map_err(io_err)?;
    Ok(attachment("干部花名册模板.xlsx", data))
}

async fn export(State(s): State<AppState>, caller: Caller) -> WebResult<Response> {
    let roster = s.store.export_roster(&caller.actor).await?;
    let data = tokio::task::spawn_blocking(move || banzi_io::write_roster(&roster, &|_| {}))
        .await
        .map_err(io_err)?
        .map_err(io_err)?;
    Ok(attachment("干部花名册.xlsx", data))
}
