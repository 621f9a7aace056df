//! Scripts and styles embedded in the binary: nothing is loaded from the internet.
//!
//! These routes also carry the application's fallback: an address no route serves gets the
//! "not found" page in the reader's language (rather than axum's empty 404).

use crate::error::not_found;
use crate::i18n::Tr;
use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "static/"]
struct Static;

pub fn routes() -> axum::Router<crate::AppState> {
    axum::Router::new()
        .route("/static/{*path}", get(file))
        // What a browser asks for on its own: the same icon the pages name.
        .route(
            "/favicon.ico",
            get(|tr: Tr| file(tr, Ok(Path("favicon.svg".to_string())))),
        )
        .fallback(not_found)
}

async fn file(tr: Tr, path: Result<Path<String>, PathRejection>) -> Response {
    let Ok(Path(path)) = path else {
        return not_found(tr).await;
    };
    match Static::get(&path) {
        Some(f) => {
            let mime = match path.rsplit('.').next() {
                Some("js") => "text/javascript; charset=utf-8",
                Some("css") => "text/css; charset=utf-8",
                Some("svg") => "image/svg+xml",
                Some("png") => "image/png",
                Some("woff2") => "font/woff2",
                Some("txt") | Some("md") => "text/plain; charset=utf-8",
                _ => "application/octet-stream",
            };
            (
                [
                    (header::CONTENT_TYPE, mime),
                    (header::CACHE_CONTROL, "public, max-age=86400"),
                ],
                f.data,
            )
                .into_response()
        }
        None => not_found(tr).await,
    }
}
