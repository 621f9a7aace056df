//! How much of a request body each route may send (issue 14, item 5), in one table.
//!
//! [`bound`] runs before the request guard, once the route is known: a body declared
//! larger than the route's bound is answered 413 unread, and any other body is cut off at
//! the bound as it streams in (a body that does not say its length, or lies about it), so
//! no extractor, the guard's CSRF read included, ever holds more than the route allows.
//! Before this, every route took up to 210 MB.
//!
//! Who may send the large bodies is the handler's first question: the import and the photo
//! check the role before they read a byte of the upload.

use crate::error::ErrorPage;
use crate::i18n::Tr;
use axum::body::Body;
use axum::extract::{MatchedPath, Request};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;

/// Forms, searches and everything not named below: a cadre form with every field filled is
/// a few KB.
pub const FORM_BYTES: usize = 256 * 1024;
/// A portrait, checked again by the photo's own rules.
pub const PHOTO_BYTES: usize = 2 * 1024 * 1024;
/// The roster workbook: banzi-io's own bound on an upload (`MAX_INPUT_BYTES`, 200 MB).
pub const WORKBOOK_BYTES: usize = banzi_io::roster_read::MAX_INPUT_BYTES;
/// A zip of 任免审批表 files: banzi-io's own bound on an LRMX upload (200 MB).
pub const LRMX_UPLOAD_BYTES: usize = banzi_io::lrmx::MAX_UPLOAD_BYTES;
/// A multipart form's own bytes beside its file: boundaries, part headers, the ticket.
const MULTIPART_SLACK: usize = 64 * 1024;

/// The most a request to `route` (the route's pattern, as axum matched it) may send.
pub fn of(route: Option<&str>) -> usize {
    match route {
        Some("/roster/import") => WORKBOOK_BYTES + MULTIPART_SLACK,
        Some("/lrmx/import") => LRMX_UPLOAD_BYTES + MULTIPART_SLACK,
        Some("/cadres/{id}/photo") => PHOTO_BYTES + MULTIPART_SLACK,
        _ => FORM_BYTES,
    }
}

/// Applies the route's bound (see the module's comment).
pub async fn bound(req: Request, next: Next) -> Response {
    let max = of(req
        .extensions()
        .get::<MatchedPath>()
        .map(MatchedPath::as_str));
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        let lang = crate::auth::lang_of(req.headers());
        return ErrorPage::too_large().render(Tr { lang });
    }
    let (parts, body) = req.into_parts();
    let body = Body::new(http_body_util::Limited::new(body, max));
    next.run(Request::from_parts(parts, body)).await
}

/// Bodies this small are read to their end before a refusal is sent, so that the client,
/// still writing, gets the answer rather than a broken connection; larger ones are refused
/// unread.
const DRAIN_BYTES: u64 = 64 * 1024;

/// Before refusing an upload: reads a small one to its end (see [`DRAIN_BYTES`]); a large
/// one, or one that does not say its size, is left unread.
pub async fn drain_if_small(headers: &axum::http::HeaderMap, mp: &mut axum::extract::Multipart) {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_none_or(|n| n > DRAIN_BYTES) {
        return;
    }
    while let Ok(Some(mut field)) = mp.next_field().await {
        while let Ok(Some(_)) = field.chunk().await {}
    }
}
