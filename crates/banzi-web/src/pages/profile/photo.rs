//! A cadre's portrait: served to readers (audited), uploaded by those who edit the registry.

use crate::AppState;
use crate::auth::Caller;
use crate::error::{ErrorPage, WebError, WebResult};
use crate::i18n::Tr;
use crate::pages::CadreRef;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use banzi_domain::{DomainError, Msg};
use banzi_store::today;

pub async fn photo(
    State(s): State<AppState>,
    caller: Caller,
    CadreRef { id, .. }: CadreRef,
) -> WebResult<Response> {
    match s.store.photo(&caller.actor, &id, today()).await? {
        Some((mime, data)) => {
            crate::pages::audit_read(
                &s,
                &caller,
                "read.photo",
                "cadre",
                &id,
                serde_json::json!({}),
            )
            .await?;
            Ok((
                [
                    (header::CONTENT_TYPE, mime),
                    (header::CACHE_CONTROL, "private, no-store".into()),
                ],
                data,
            )
                .into_response())
        }
        None => Err(DomainError::NotFound(Msg::new("reg-photo")).into()),
    }
}

/// A JPEG or PNG portrait of at most 2 MiB, checked in full and stored as rebuilt from the
/// parts that draw it (`banzi_io::photo`): a page or script named .jpg, or riding in a
/// photo's comments or after its end, is refused or dropped.
pub async fn upload_photo(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    CadreRef { id, .. }: CadreRef,
    headers: HeaderMap,
    mut mp: Multipart,
) -> WebResult<Response> {
    // Who may is asked before the upload is read (the store asks again, with the scope).
    if !caller.actor.role.writes_registry() {
        crate::limits::drain_if_small(&headers, &mut mp).await;
        return Err(DomainError::Forbidden(Msg::new("store-forbidden-write-registry")).into());
    }
    let bad = |id: &'static str| WebError(DomainError::invalid("照片", Msg::new(id)));
    let too_large = |e: &axum::extract::multipart::MultipartError| {
        (e.status() == StatusCode::PAYLOAD_TOO_LARGE).then(|| ErrorPage::too_large().render(tr))
    };
    let mut data = None;
    loop {
        let field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return too_large(&e).ok_or_else(|| bad("reg-upload-unreadable")),
        };
        if field.name() == Some("photo") {
            match field.bytes().await {
                Ok(b) => data = Some(b),
                Err(e) => return too_large(&e).ok_or_else(|| bad("reg-upload-unreadable")),
            }
        }
    }
    let data = data.ok_or_else(|| bad("reg-photo-choose"))?;
    if data.len() > crate::limits::PHOTO_BYTES {
        return Err(bad("reg-photo-too-large"));
    }
    let photo =
        banzi_io::check_photo(&data).map_err(|m| WebError(DomainError::invalid("照片", m)))?;
    s.store
        .set_photo(&caller.actor, &id, photo.mime, &photo.data, today())
        .await?;
    let url = crate::pages::cadre_url(&s, &id).await?;
    Ok(([("HX-Redirect", url.clone())], Redirect::to(&url)).into_response())
}
