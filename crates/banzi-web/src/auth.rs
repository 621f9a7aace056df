//! Sign-in, sessions and the request guard — R-SEC-1, R-SEC-2.
//!
//! A session is a random 256-bit token in an HttpOnly, SameSite=Strict cookie; the database
//! keeps only its SHA-256. Failed sign-ins are counted in the database (so several server
//! processes agree) and lock the account; an idle session ends. Every POST must come from
//! our own pages (Origin / Sec-Fetch-Site) and carry the session's CSRF token.

use crate::AppState;
use crate::error::ErrorPage;
use crate::i18n::{Lang, Tr};
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use banzi_domain::role::{Actor, Role, Scope};
use banzi_domain::{DomainError, Msg, message};
use banzi_store::{UserRow, now_rfc3339};
use sha2::{Digest, Sha256};

pub(crate) const COOKIE: &str = "banzi_session";
pub(crate) const LANG_COOKIE: &str = "banzi_lang";

/// The signed-in caller, put in the request by [`guard`].
#[derive(Debug, Clone)]
pub struct Caller {
    pub user: UserRow,
    pub actor: Actor,
    pub csrf: String,
    /// The SHA-256 of the session's token.
    pub session: String,
}

/// Hashes a password with argon2id (PHC string).
pub fn hash_password(password: &str) -> String {
    password_auth::generate_hash(password)
}

/// Whether `password` is the one `hash` was made of; argon2 off the async threads.
pub(crate) async fn verify_password(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || password_auth::verify_password(password, &hash).is_ok())
        .await
        .unwrap_or(false)
}

pub(crate) fn sha256_hex(s: &str) -> String {
    banzi_domain::audit::hex(&Sha256::digest(s.as_bytes()))
}

pub(crate) fn random_hex(bytes: usize) -> Result<String, DomainError> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf)
        .map_err(|e| DomainError::Internal(format!("random number generator failed: {e}")))?;
    Ok(banzi_domain::audit::hex(&buf))
}

pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// The language chosen on the page (a cookie), else the one the browser asks for, else
/// zh-CN.
pub fn lang_of(headers: &HeaderMap) -> Lang {
    cookie(headers, LANG_COOKIE)
        .and_then(|c| Lang::parse(&c))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept)
        })
        .unwrap_or_default()
}

pub(crate) fn minutes_ago(m: i64) -> String {
    let t = jiff::Timestamp::now() - jiff::SignedDuration::from_mins(m);
    t.round(jiff::Unit::Second)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

pub(crate) fn minutes_ahead(m: i64) -> String {
    minutes_ago(-m)
}

/// A stored time (RFC 3339, UTC) as a person in China reads it: `2026-12-02 20:51`, Beijing
/// time (UTC+8, no daylight saving). What does not parse is shown as stored.
pub fn beijing(stored: &str) -> String {
    let Ok(t) = stored.parse::<jiff::Timestamp>() else {
        return stored.to_string();
    };
    let offset = jiff::tz::Offset::constant(8);
    t.to_zoned(jiff::tz::TimeZone::fixed(offset))
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// The address a request came from: the peer of the connection, or, behind a proxy the
/// configuration trusts, the last address of its `X-Forwarded-For` (the one that proxy
/// saw). Failed sign-ins are counted per source (R-SEC-2).
pub struct Source(pub String);

impl axum::extract::FromRequestParts<AppState> for Source {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(Source(source_of(parts, state.config.trust_forwarded_for)))
    }
}

pub(crate) fn source_of(parts: &axum::http::request::Parts, trust_forwarded_for: bool) -> String {
    let forwarded = trust_forwarded_for
        .then(|| {
            parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .map(str::trim)
                .rfind(|s| !s.is_empty())
                .map(|s| s.chars().take(64).collect::<String>())
        })
        .flatten();
    forwarded
        .or_else(|| {
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0.ip().to_string())
        })
        .unwrap_or_default()
}

pub fn actor_of(user: &UserRow) -> Result<Actor, DomainError> {
    let role = Role::parse(&user.role).map_err(|m| DomainError::Internal(m.to_string()))?;
    let scope = match (&user.unit_code, role.needs_unit()) {
        (Some(u), true) => Scope::Unit(u.clone()),
        (None, true) => return Err(DomainError::Forbidden(message!("web-liaison-without-unit"))),
        _ => Scope::All,
    };
    Ok(Actor {
        login: user.login.clone(),
        role,
        scope,
    })
}

fn is_public(path: &str) -> bool {
    path == "/login"
        || path == "/healthz"
        // The voter's phone page and its calls: no account, the ballot code is the key
        // (DOMAIN.md M5, R-VOTE-2).
        || path == "/v"
        || path.starts_with("/v/")
        || path.starts_with("/static/")
        || path == "/favicon.ico"
        || path.starts_with("/lang/")
}

/// A POST must come from our own pages: Sec-Fetch-Site same-origin (or absent), and an Origin,
/// when sent, naming this host.
fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return false;
    }
    match (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .map(|(_, h)| h == host)
            .unwrap_or(false),
        (Some(_), None) => false,
        (None, _) => true,
    }
}

/// A refusal of the guard, as plain text in the reader's language.
/// A write refused before its body is read. The server then closes the connection (the
/// unread body is still on it), so the answer says so: a client keeping connections alive
/// would otherwise send its next request on one about to close ("peer disconnected", seen
/// now and then in the authorization test).
fn denied(tr: Tr, status: StatusCode, msg: Msg) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CONNECTION, "close"),
        ],
        tr.msg(&msg),
    )
        .into_response()
}

/// A failure of the guard itself (the store, a broken account), drawn in the reader's
/// language: the guard runs outside the [`crate::error::localize`] layer.
fn failed(tr: Tr, e: &DomainError) -> Response {
    ErrorPage::of(e).render(tr)
}

fn to_login(req_path: &str, reason: Option<&str>) -> Response {
    let mut url = format!("/login?next={}", encode(req_path));
    if let Some(r) = reason {
        url.push_str("&reason=");
        url.push_str(r);
    }
    Redirect::to(&url).into_response()
}

/// Percent-encodes a query value: everything but letters, digits and `-_.~`.
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Runs before every route: puts the language and the caller into the request, ends idle
/// sessions, and checks origin and CSRF token on writes.
pub async fn guard(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let lang = lang_of(req.headers());
    req.extensions_mut().insert(lang);
    let tr = Tr { lang };
    let path = req.uri().path().to_string();
    let is_write = req.method() != Method::GET && req.method() != Method::HEAD;
    if is_write && !same_origin(req.headers()) {
        return denied(tr, StatusCode::FORBIDDEN, message!("web-cross-site"));
    }
    if is_public(&path) {
        return next.run(req).await;
    }
    let Some(token) = cookie(req.headers(), COOKIE) else {
        return if is_write {
            denied(tr, StatusCode::UNAUTHORIZED, message!("web-sign-in-first"))
        } else {
            to_login(&path, None)
        };
    };
    let token_hash = sha256_hex(&token);
    // The session and its account in one read: every request makes it.
    let signed_in = match state.store.signed_in(&token_hash).await {
        Ok(Some(s)) => s,
        Ok(None) => {
            return if is_write {
                denied(tr, StatusCode::UNAUTHORIZED, message!("web-sign-in-first"))
            } else {
                to_login(&path, None)
            };
        }
        Err(e) => return failed(tr, &e),
    };
    let (session, user) = (signed_in.session, signed_in.user);
    let idle_limit = minutes_ago(state.config.idle_minutes);
    let life_limit = minutes_ago(state.config.session_hours * 60);
    if session.last_seen < idle_limit || session.created_at < life_limit {
        let _ = state.store.delete_session(&token_hash).await;
        return if is_write {
            denied(
                tr,
                StatusCode::UNAUTHORIZED,
                message!("web-session-timed-out"),
            )
        } else {
            to_login(&path, Some("idle"))
        };
    }
    if !user.active {
        let _ = state.store.delete_session(&token_hash).await;
        return to_login(&path, None);
    }
    let actor = match actor_of(&user) {
        Ok(a) => a,
        Err(e) => return failed(tr, &e),
    };
    // An account created or reset by an administrator does nothing before its password
    // is its own (R-SEC-2).
    if user.must_change && !crate::pages::account::reachable_before_change(&path) {
        return if is_write {
            denied(tr, StatusCode::FORBIDDEN, message!("sec-change-first"))
        } else {
            Redirect::to(crate::pages::account::PASSWORD_PAGE).into_response()
        };
    }
    // The last use is written at most once a minute, not on every request: each write is a
    // commit (SQLite's one write lock, a PostgreSQL row update), and under load it was most
    // of a page's cost (issue 18). An idle session so ends up to a minute early, never late.
    if session.last_seen < minutes_ago(1)
        && let Err(e) = state.store.touch_session(&token_hash, &now_rfc3339()).await
    {
        return failed(tr, &e);
    }
    if is_write {
        let header_token = req
            .headers()
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let is_form = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        let ok = if header_token.as_deref() == Some(session.csrf.as_str()) {
            true
        } else if is_form {
            let (parts, body) = req.into_parts();
            let Ok(bytes) = to_bytes(body, crate::limits::FORM_BYTES).await else {
                return denied(
                    tr,
                    StatusCode::PAYLOAD_TOO_LARGE,
                    message!("web-form-too-large"),
                );
            };
            let field = form_urlencoded_field(&bytes, "_csrf");
            req = Request::from_parts(parts, Body::from(bytes));
            field.as_deref() == Some(session.csrf.as_str())
        } else {
            false
        };
        if !ok {
            // A write without the session's token: in the trail (issue 14, item 8).
            let detail = serde_json::json!({ "method": req.method().as_str(), "csrf": false });
            if let Err(e) = state
                .store
                .audit_event(&actor, "request.refused", "route", &path, detail)
                .await
            {
                tracing::error!(error = %e, "a refusal could not be audited");
            }
            return denied(tr, StatusCode::FORBIDDEN, message!("web-form-expired"));
        }
    }
    req.extensions_mut().insert(Caller {
        user,
        actor,
        csrf: session.csrf,
        session: token_hash,
    });
    next.run(req).await
}

fn form_urlencoded_field(body: &[u8], name: &str) -> Option<String> {
    let s = std::str::from_utf8(body).ok()?;
    s.split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Caller {
    type Rejection = Response;
    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Caller>()
            .cloned()
            .ok_or_else(|| to_login(parts.uri.path(), None))
    }
}
