//! 名册 as a workbook (issue 16, item 4): the form posts what the page shows (filters, date,
//! columns; an ID number stays out of the address), the store lists it (at most
//! [`LISTING_MAX`] cadres, a larger result refused with its count) and the export is an
//! entry of the trail (`export.listing`).

use super::analysis::AsOf;
use super::listing::{Asked, LISTING_MAX, asked};
use crate::AppState;
use crate::auth::Caller;
use crate::error::{Form, WebResult};
use crate::i18n::Tr;
use axum::extract::State;
use axum::response::Response;
use banzi_domain::{DomainError, message};

pub async fn export(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let a = Asked::from_pairs(pairs);
    let as_of = AsOf::parse(&a.as_of);
    let (filter, cols) = asked(&tr, &a, &as_of).map_err(|detail| {
        DomainError::invalid("查询条件", message!("web-search-invalid", detail = detail))
    })?;
    let l = s
        .store
        .listing(&caller.actor, &filter, &cols, as_of.date, LISTING_MAX)
        .await?;
    let l = std::sync::Arc::new(l);
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
