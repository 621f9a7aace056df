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
use axum::extract::{Multipart, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use banzi_domain::DomainError;
use banzi_domain::roster::RowError;
use banzi_store::{ImportError, ImportSummary};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/roster", get(page))
        .route("/roster/template.xlsx", get(template))
        .route("/roster/export.xlsx", get(export))
        .route("/roster/import", post(import))
}

#[derive(Template, WebTemplate)]
#[template(path = "roster.html")]
struct RosterPage {
    ctx: Ctx,
}

async fn page(tr: Tr, caller: Caller) -> WebResult<RosterPage> {
    super::require_staff(&caller)?;
    Ok(RosterPage {
        ctx: Ctx::new(tr, &caller, "/roster"),
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

fn io_err(e: impl std::fmt::Display) -> WebError {
    WebError(DomainError::Internal(format!("生成工作簿失败：{e}")))
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

#[derive(Template, WebTemplate)]
#[template(path = "import_result.html")]
struct ImportResult {
    tr: Tr,
    summary: Option<ImportSummary>,
    errors: Vec<RowError>,
    notices: Vec<String>,
}

async fn import(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    mut mp: Multipart,
) -> WebResult<Response> {
    super::require_staff(&caller)?;
    let fail = |m: &str| ImportResult {
        tr,
        summary: None,
        errors: vec![RowError {
            sheet: "文件".into(),
            row: 0,
            column: String::new(),
            message: m.into(),
        }],
        notices: Vec::new(),
    };
    let mut data = None;
    loop {
        match mp.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => match field.bytes().await {
                Ok(b) => data = Some(b),
                Err(_) => {
                    return Ok((
                        StatusCode::UNPROCESSABLE_ENTITY,
                        fail("上传中断或文件过大（最大200MB）"),
                    )
                        .into_response());
                }
            },
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(_) => {
                return Ok(
                    (StatusCode::UNPROCESSABLE_ENTITY, fail("上传内容无法读取")).into_response()
                );
            }
        }
    }
    // The upload is read before the role is checked: answering while the browser is still
    // sending would break the connection instead of showing the reason.
    super::require_staff(&caller)?;
    let Some(data) = data.filter(|d| !d.is_empty()) else {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            fail("请选择要导入的 .xlsx 文件"),
        )
            .into_response());
    };
    let parsed = tokio::task::spawn_blocking(move || banzi_io::read_roster(&data, &|_| {}))
        .await
        .map_err(io_err)?;
    let (roster, notices) = match parsed {
        Ok(x) => x,
        Err(errors) => {
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                ImportResult {
                    tr,
                    summary: None,
                    errors,
                    notices: Vec::new(),
                },
            )
                .into_response());
        }
    };
    let notices: Vec<String> = notices
        .into_iter()
        .map(|n| format!("工作表“{}”：{}", n.sheet, n.message))
        .collect();
    match s
        .store
        .import_roster(&caller.actor, &roster, &|_, _, _| {})
        .await
    {
        Ok(summary) => Ok(ImportResult {
            tr,
            summary: Some(summary),
            errors: Vec::new(),
            notices,
        }
        .into_response()),
        Err(ImportError::Rows(errors)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            ImportResult {
                tr,
                summary: None,
                errors,
                notices,
            },
        )
            .into_response()),
        Err(ImportError::Other(e)) => Err(e.into()),
    }
}
