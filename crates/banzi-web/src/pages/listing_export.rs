//! 名册 as a workbook and as a printed PDF (issue 16, item 4): the form posts what the page
//! shows (filters, date, columns; an ID number stays out of the address), the store lists it
//! (at most [`LISTING_MAX`] cadres, a larger result refused with its count) and each export
//! is an entry of the trail (`export.listing`, with its format).

use super::analysis::AsOf;
use super::listing::{Asked, LISTING_MAX, asked};
use crate::AppState;
use crate::auth::Caller;
use crate::error::{Form, WebError, WebResult};
use crate::i18n::Tr;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use banzi_domain::listing::Listing;
use banzi_domain::{DomainError, message};
use banzi_store::CadreFilter;
use std::sync::Arc;

/// The listing the form asks for, read in the caller's scope.
async fn listing(
    s: &AppState,
    tr: &Tr,
    caller: &Caller,
    pairs: Vec<(String, String)>,
) -> WebResult<(CadreFilter, Arc<Listing>)> {
    let a = Asked::from_pairs(pairs);
    let as_of = AsOf::parse(&a.as_of);
    let (filter, cols) = asked(tr, &a, &as_of).map_err(|detail| {
        DomainError::invalid("查询条件", message!("web-search-invalid", detail = detail))
    })?;
    let l = s
        .store
        .listing(&caller.actor, &filter, &cols, as_of.date, LISTING_MAX)
        .await?;
    Ok((filter, Arc::new(l)))
}

pub async fn export(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let (filter, l) = listing(&s, &tr, &caller, pairs).await?;
    let data = tokio::task::spawn_blocking({
        let l = l.clone();
        move || banzi_io::write_listing(&tr, &l)
    })
    .await
    .map_err(super::roster::io_err)?
    .map_err(super::roster::io_err)?;
    s.store
        .audit_listing_export(&caller.actor, &filter, &l, "xlsx")
        .await?;
    let name = format!("mingce-{}.xlsx", l.as_of);
    Ok(super::roster::xlsx_file(&name, data))
}

/// The listing printed: A4 landscape in the fonts of the printed forms. One that cannot be
/// printed (a character no font has) is refused saying so, and nothing is recorded.
pub async fn print(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let (filter, l) = listing(&s, &tr, &caller, pairs).await?;
    let fonts = s.config.form_fonts.clone();
    let pdf = tokio::task::spawn_blocking({
        let l = l.clone();
        move || banzi_io::render_listing(&tr, &l, &fonts)
    })
    .await
    .map_err(|e| WebError(DomainError::Internal(format!("printing the listing: {e}"))))?
    .map_err(DomainError::Conflict)?;
    s.store
        .audit_listing_export(&caller.actor, &filter, &l, "pdf")
        .await?;
    let disposition = format!("inline; filename=\"mingce-{}.pdf\"", l.as_of);
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        pdf,
    )
        .into_response())
}
