//! The sign-in and sign-out pages and the language switch (R-SEC-2).

use crate::AppState;
use crate::auth::{
    COOKIE, LANG_COOKIE, actor_of, cookie, minutes_ago, minutes_ahead, random_hex, sha256_hex,
};
use crate::error::Form;
use crate::error::{WebError, WebResult};
use crate::i18n::{Lang, Tr};
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use banzi_domain::DomainError;
use banzi_domain::role::Role;
use banzi_store::{UserRow, now_rfc3339};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/login",
            get(login_page)
                .post(login)
                .layer(axum::extract::DefaultBodyLimit::max(LOGIN_BODY_MAX)),
        )
        .route("/logout", post(logout))
        .route("/lang/{code}", get(set_lang))
        .route("/healthz", get(|| async { "ok" }))
        // A rejected query or form, or a failure of the store, in the reader's language.
        .layer(axum::middleware::from_fn(crate::error::localize))
}

#[derive(Template, WebTemplate)]
#[template(path = "login.html")]
struct LoginPage {
    tr: Tr,
    login: String,
    next: String,
    error: Option<String>,
}

#[derive(serde::Deserialize, Default)]
pub struct LoginQuery {
    #[serde(default)]
    next: String,
    #[serde(default)]
    reason: String,
}

async fn login_page(tr: Tr, crate::error::Query(q): crate::error::Query<LoginQuery>) -> LoginPage {
    let error = (q.reason == "idle").then(|| tr.t("login.idle").to_string());
    LoginPage {
        tr,
        login: String::new(),
        next: q.next,
        error,
    }
}

#[derive(serde::Deserialize)]
pub struct LoginForm {
    login: String,
    password: String,
    #[serde(default)]
    next: String,
}

/// Where to go after signing in or switching the language (`next`, `back`): a path of
/// this site and nothing else, else the home page. A browser reads `/\evil` as `//evil`
/// and drops a tab or newline (`/%09/evil` once decoded), so a backslash or a control
/// character anywhere, raw or percent-encoded (once or twice), refuses the target, as does
/// a second slash at its start.
fn safe_next(next: &str) -> String {
    fn on_site(s: &str) -> bool {
        s.starts_with('/')
            && !s[1..].starts_with('/')
            && !s.chars().any(|c| c == '\\' || c.is_control())
    }
    let once = percent_decoded(next);
    let twice = percent_decoded(&once);
    if [next, &once, &twice].iter().all(|s| on_site(s)) && !next.starts_with("/login") {
        next.to_string()
    } else {
        "/".into()
    }
}

/// `%XX` decoded (what is not valid UTF-8 afterwards is replaced, which `safe_next` then
/// refuses as it refuses anything odd).
fn percent_decoded(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    /// Issue 14, item 13: only a path of this site.
    #[test]
    fn every_way_off_the_site_leads_home() {
        for off in [
            "//evil.example",
            "/\\evil.example",
            "/%5Cevil.example",
            "/%09/evil.example",
            "/\t/evil.example",
            "/%2F/evil.example",
            "/%252F/evil.example",
            "/%250A/evil.example",
            "https://evil.example",
            "evil.example",
            "",
            "/login?next=//evil.example",
        ] {
            assert_eq!(safe_next(off), "/", "{off}");
        }
        for on in [
            "/units",
            "/cadres?q=%E5%BC%A0&page=2",
            "/analysis/team?unit=JC&team=",
        ] {
            assert_eq!(safe_next(on), on);
        }
    }
}

/// The longest login a form may send: no account has a longer one (R-SEC-2; issue 14).
const LOGIN_MAX: usize = 64;
/// The body of the sign-in form: a login, a password and where to go next.
const LOGIN_BODY_MAX: usize = 8 * 1024;

async fn login(
    State(state): State<AppState>,
    tr: Tr,
    Form(f): Form<LoginForm>,
) -> WebResult<Response> {
    let fail = |msg: String| LoginPage {
        tr,
        login: f.login.chars().take(LOGIN_MAX).collect(),
        next: f.next.clone(),
        error: Some(msg),
    };
    let login = f.login.trim().to_string();
    if login.chars().count() > LOGIN_MAX {
        // The answer of a wrong password; nothing is looked up or kept.
        return Ok((StatusCode::UNAUTHORIZED, fail(tr.t("login.bad").into())).into_response());
    }
    if login.is_empty() || f.password.is_empty() {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            fail(tr.t("login.empty").into()),
        )
            .into_response());
    }
    let now = now_rfc3339();
    let user = state.store.user_by_login(&login).await?;
    if let Some(u) = &user
        && let Some(until) = &u.locked_until
        && until.as_str() > now.as_str()
    {
        let msg = format!(
            "{}{}",
            tr.t("login.locked"),
            until.replace('T', " ").replace('Z', " UTC")
        );
        return Ok((StatusCode::FORBIDDEN, fail(msg)).into_response());
    }
    let ok = match &user {
        Some(u) if u.active => {
            let (pw, hash) = (f.password.clone(), u.password_hash.clone());
            tokio::task::spawn_blocking(move || password_auth::verify_password(pw, &hash).is_ok())
                .await
                .unwrap_or(false)
        }
        _ => false,
    };
    if !ok {
        let cfg = &state.config;
        // A failure counts against an account by its login; a name no account has is kept
        // only as its digest, so what strangers type is not stored.
        let key = if user.is_some() {
            login.clone()
        } else {
            format!("#{}", sha256_hex(&login))
        };
        let locked = state
            .store
            .record_login_failure(
                &key,
                &now,
                &minutes_ago(cfg.lockout_window_minutes),
                cfg.lockout_failures,
                &minutes_ahead(cfg.lockout_minutes),
            )
            .await?;
        let msg = if locked.is_some() {
            tr.t("login.now_locked")
        } else {
            tr.t("login.bad")
        };
        return Ok((StatusCode::UNAUTHORIZED, fail(msg.into())).into_response());
    }
    let Some(user) = user else {
        return Err(WebError(DomainError::Internal(
            "signed-in user not found".into(),
        )));
    };
    state.store.clear_login_failures(&login).await?;
    // Sign-ins are part of the trail: who was in the system when a record changed.
    if let Ok(actor) = actor_of(&user) {
        state
            .store
            .audit_event(
                &actor,
                "session.login",
                "user",
                &user.login,
                serde_json::json!({}),
            )
            .await?;
    }
    let token = random_hex(32)?;
    let csrf = random_hex(32)?;
    state
        .store
        .create_session(&sha256_hex(&token), user.id, &csrf, &now)
        .await?;
    let secure = if state.config.secure_cookie {
        "; Secure"
    } else {
        ""
    };
    let set = format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict{secure}");
    let home = if f.next.is_empty() {
        home_of(&user)
    } else {
        safe_next(&f.next)
    };
    Ok(([(header::SET_COOKIE, set)], Redirect::to(&home)).into_response())
}

/// Where each role starts.
pub(crate) fn home_of(user: &UserRow) -> String {
    match Role::parse(&user.role) {
        Ok(Role::Auditor) => "/audit".into(),
        Ok(Role::SysAdmin | Role::SecAdmin) => "/admin/users".into(),
        Ok(Role::Liaison) => user
            .unit_code
            .as_ref()
            .map(|u| format!("/units/{u}"))
            .unwrap_or("/".into()),
        _ => "/units".into(),
    }
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> WebResult<Response> {
    if let Some(token) = cookie(&headers, COOKIE) {
        state.store.delete_session(&sha256_hex(&token)).await?;
    }
    let clear = format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    Ok(([(header::SET_COOKIE, clear)], Redirect::to("/login")).into_response())
}

#[derive(serde::Deserialize)]
struct Back {
    #[serde(default)]
    back: String,
}

async fn set_lang(
    axum::extract::Path(code): axum::extract::Path<String>,
    crate::error::Query(b): crate::error::Query<Back>,
) -> Response {
    let lang = Lang::parse(&code).unwrap_or_default();
    let set = format!(
        "{LANG_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000",
        lang.code()
    );
    (
        [(header::SET_COOKIE, set)],
        Redirect::to(&safe_next(&b.back)),
    )
        .into_response()
}
