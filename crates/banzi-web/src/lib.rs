//! banzi on the web: server-rendered Chinese pages (askama + htmx), sessions, roles.
//!
//! `router(state)` builds the whole application so tests run requests in process;
//! `serve(listener, state)` runs it on a bound listener (tests bind port 0).

mod assets;
mod auth;
mod error;
mod headers;
mod i18n;
mod limits;
mod login;
pub(crate) mod pages;

use axum::Router;
use banzi_store::Store;
use std::sync::Arc;

pub use auth::hash_password;
pub use i18n::Lang;
pub use pages::check_password;

/// Security settings (R-SEC-2), all configurable.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Failures inside `lockout_window_minutes` that lock an account.
    pub lockout_failures: i64,
    pub lockout_window_minutes: i64,
    pub lockout_minutes: i64,
    /// A session unused this long is ended.
    pub idle_minutes: i64,
    /// A session ends this long after sign-in, used or not.
    pub session_hours: i64,
    /// Failed sign-ins from one source address inside the window that cost nothing; after
    /// them each attempt waits 1, 2, 4 … seconds, at most `source_max_wait_seconds`.
    pub source_free_failures: i64,
    pub source_max_wait_seconds: i64,
    /// The shortest password (R-SEC-2).
    pub password_min_length: usize,
    /// Behind a reverse proxy: take the source address from the last `X-Forwarded-For`
    /// entry. Only when every request comes through that proxy.
    pub trust_forwarded_for: bool,
    /// Mark the session cookie `Secure` (behind HTTPS).
    pub secure_cookie: bool,
    /// The address the QR codes of ballot slips lead phones to (`http://192.168.1.10:8080`);
    /// unset, the address the slips page was opened at.
    pub public_url: Option<String>,
    /// The fonts the 干部任免审批表 is printed with (`form_font`, `form_fallback_font`).
    pub form_fonts: banzi_io::FormFonts,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            lockout_failures: 5,
            lockout_window_minutes: 15,
            lockout_minutes: 30,
            idle_minutes: 30,
            session_hours: 12,
            source_free_failures: 5,
            source_max_wait_seconds: 60,
            password_min_length: 10,
            trust_forwarded_for: false,
            secure_cookie: false,
            public_url: None,
            form_fonts: banzi_io::FormFonts::default(),
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<WebConfig>,
    /// Imports running now, for the page's progress (written to a shared database for
    /// the other servers).
    pub imports: Arc<pages::ImportBoard>,
    /// The last analysis of the registry, served again until the next write.
    pub analyses: Arc<banzi_store::AnalysisCache>,
    /// Voters' ballots, committed in groups (R-VOTE-4).
    pub ballots: Arc<banzi_store::BallotWriter>,
}

impl AppState {
    pub fn new(store: Store, config: WebConfig) -> Self {
        Self {
            ballots: Arc::new(banzi_store::BallotWriter::new(store.clone())),
            imports: Arc::new(pages::ImportBoard::new(store.clone())),
            store,
            config: Arc::new(config),
            analyses: Arc::default(),
        }
    }
}

pub fn router(state: AppState) -> Router {
    pages::routes(state.clone())
        .merge(login::routes())
        .merge(assets::routes())
        // An extractor's own English rejection becomes a Chinese page (issue 14, item 15).
        .layer(axum::middleware::from_fn(error::rejections))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::guard,
        ))
        // Before the guard reads anything: each route's own bound on its body.
        .layer(axum::middleware::from_fn(limits::bound))
        // `limits::bound` cuts every body at its route's bound; axum's own default (2 MB)
        // would be a second, different one.
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(axum::middleware::map_response(headers::secure))
        .with_state(state)
}

/// Serves until the process ends. The ballot writer is started first, so that a meeting's
/// first voters do not wait for it; should it fail to start, the first ballot tries again
/// and reports the error.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    if let Err(e) = state.ballots.start().await {
        tracing::warn!("{e}");
    }
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app).await
}
