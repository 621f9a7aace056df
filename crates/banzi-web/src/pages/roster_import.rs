//! Upload of the roster workbook (all or nothing, every error listed), and how far the
//! server has got with it: the page polls `/roster/import/progress` with the ticket it
//! sent along with the file, and sees the sheet being read and the rows written, whichever
//! server the request reaches ([`super::import_board`]).

use crate::AppState;
use crate::auth::Caller;
use crate::error::{ErrorPage, WebResult};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Multipart, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use banzi_domain::roster::{FILE, RowError};
use banzi_domain::{DomainError, Msg};
use banzi_store::{ImportError, ImportStage, ImportSummary};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/roster/import", post(import))
        .route("/roster/import/progress", get(progress))
}

#[derive(serde::Deserialize)]
struct TicketQuery {
    #[serde(default)]
    ticket: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "import_progress.html")]
struct ProgressView {
    tr: Tr,
    stage: Option<ImportStage>,
}

async fn progress(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<TicketQuery>,
) -> WebResult<ProgressView> {
    super::require_staff(&caller)?;
    Ok(ProgressView {
        tr,
        stage: s.imports.stage(&caller.actor.login, &q.ticket).await?,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "import_result.html")]
struct ImportResult {
    tr: Tr,
    summary: Option<ImportSummary>,
    errors: Vec<RowError>,
    /// Each with its sheet ([`banzi_io::Notice::msg`]).
    notices: Vec<Msg>,
}

async fn import(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    headers: HeaderMap,
    mut mp: Multipart,
) -> WebResult<Response> {
    let fail = |id: &'static str| ImportResult {
        tr,
        summary: None,
        errors: vec![RowError {
            sheet: FILE.into(),
            row: 0,
            column: String::new(),
            message: Msg::new(id),
        }],
        notices: Vec::new(),
    };
    // Who may import is asked before a byte of the upload is read: a refused caller's file
    // is never taken in (four parallel uploads of 200 MB by a liaison held 1.3 GB before the
    // 403). The page offers the form to staff only, so no browser sends a refused upload.
    if let Err(e) = super::require_staff(&caller) {
        crate::limits::drain_if_small(&headers, &mut mp).await;
        return Err(e);
    }
    let mut data = None;
    let mut ticket = String::new();
    loop {
        match mp.next_field().await {
            // The page sends its ticket before the file, so the server's progress can be
            // asked for while the file is still read.
            Ok(Some(field)) if field.name() == Some("ticket") => {
                ticket = field.text().await.unwrap_or_default();
            }
            Ok(Some(field)) if field.name() == Some("file") => match field.bytes().await {
                Ok(b) => data = Some(b),
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    return Ok(ErrorPage::too_large().render(tr));
                }
                Err(_) => {
                    return Ok((
                        StatusCode::UNPROCESSABLE_ENTITY,
                        fail("roster-upload-interrupted"),
                    )
                        .into_response());
                }
            },
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Ok(ErrorPage::too_large().render(tr));
            }
            Err(_) => {
                return Ok((
                    StatusCode::UNPROCESSABLE_ENTITY,
                    fail("reg-upload-unreadable"),
                )
                    .into_response());
            }
        }
    }
    let Some(data) = data.filter(|d| !d.is_empty()) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, fail("roster-choose-file")).into_response());
    };
    // The workbook is read on its own thread and written part by part as it is read; both
    // report to the board the page polls.
    let entry = s.imports.enter(&caller.actor.login, &ticket);
    let on_read = entry.clone();
    let (mut feed, reader) =
        banzi_io::spawn_reader(data, move |p| on_read.read(p.sheet, p.done, p.total));
    let result = s
        .store
        .import_feed(&caller.actor, &mut feed, &|sheet, done, _| {
            entry.written(sheet, done)
        })
        .await;
    drop(feed);
    let joined = tokio::task::spawn_blocking(move || reader.join()).await;
    // Off the board on every server before the answer, which ends the page's polling.
    entry.end().await;
    let notices = joined
        .map_err(super::roster::io_err)?
        .map_err(|_| DomainError::Internal("the workbook reader thread stopped".into()))?;
    let notices: Vec<Msg> = notices.iter().map(banzi_io::Notice::msg).collect();
    match result {
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
