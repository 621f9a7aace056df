//! The printed 干部任免审批表 as PDF (issue 16, item 3): one cadre's form from the profile,
//! with 计算年龄时间 and 拟任/拟免/任免理由 typed there, and many cadres in one PDF — every
//! member of a team, or cadres chosen by their addresses. Both are forms that post (an ID
//! number stays out of addresses and logs); the store reads the forms in the caller's scope
//! (R-SEC-1: a unit liaison's other units are not found) and records the export
//! (R-SEC-3: `export.form`). Bad input is a Chinese message and prints nothing (R-SEC-4).

use super::CadreRef;
use super::form_request::FormRequest;
use crate::AppState;
use crate::auth::Caller;
use crate::error::{Form, WebError, WebResult};
use crate::i18n::Tr;
use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use banzi_domain::lrmx::LrmxPerson;
use banzi_domain::{DomainError, Msg, message};
use banzi_store::FormUse;

/// The most forms one request prints (200 take well under a second; the store's own limit
/// is for LRMX files).
pub const PRINT_MAX: usize = 500;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cadres/{id}/form.pdf", post(one))
        .route("/forms.pdf", post(many))
}

/// `POST /cadres/{id}/form.pdf`: the cadre's form; `as_of`, `appoint`, `remove` and
/// `reason` (all optional) fill 计算年龄时间, 拟任职务, 拟免职务 and 任免理由.
async fn one(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    cref: CadreRef,
    Form(f): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let req = FormRequest::parse(&f)?;
    let people = s
        .store
        .forms(
            &caller.actor,
            &[cref.id],
            req.as_of,
            req.proposal.as_ref(),
            FormUse::Print,
        )
        .await?;
    print(&s, &tr, people).await
}

/// `POST /forms.pdf`: the forms of every member of a team (`team`: the unit's code;
/// `team_name`: which of its teams when it has several) on `as_of`, or of the cadres whose
/// addresses are given (`id`, repeated), in one PDF.
async fn many(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Form(f): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let req = FormRequest::parse(&f)?;
    let as_of = req.as_of;
    let id_numbers = req.id_numbers(&s, &caller).await?;
    if id_numbers.is_empty() {
        return Err(DomainError::invalid("干部", Msg::new("formpdf-none")).into());
    }
    if id_numbers.len() > PRINT_MAX {
        return Err(DomainError::Conflict(message!(
            "formpdf-too-many",
            max = PRINT_MAX,
            count = id_numbers.len()
        ))
        .into());
    }
    let people = s
        .store
        .forms(&caller.actor, &id_numbers, as_of, None, FormUse::Print)
        .await?;
    print(&s, &tr, people).await
}

/// The PDF of `people`, named after the one person or the form: a form that cannot be
/// printed (a character no font has, a photo that cannot be embedded) is refused with the
/// message naming the person, and nothing is sent.
pub(super) async fn print(s: &AppState, tr: &Tr, people: Vec<LrmxPerson>) -> WebResult<Response> {
    let fonts = s.config.form_fonts.clone();
    let file = tr.t("formpdf.file");
    let name = match people.as_slice() {
        [one] => format!("{file}-{}.pdf", one.name),
        _ => format!("{file}-{}.pdf", people.len()),
    };
    let pdf = tokio::task::spawn_blocking(move || banzi_io::render_forms(&people, &fonts))
        .await
        .map_err(|e| WebError(DomainError::Internal(format!("printing the form: {e}"))))?
        .map_err(DomainError::Conflict)?;
    let disposition = format!(
        "inline; filename=\"form.pdf\"; filename*=UTF-8''{}",
        crate::auth::encode(&name)
    );
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        pdf,
    )
        .into_response())
}
