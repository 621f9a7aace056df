//! The sign-in and sign-out pages and the language switch (R-SEC-2).

use crate::AppState;
use crate::auth::{
    COOKIE, LANG_COOKIE, Source, actor_of, cookie, minutes_ago, minutes_ahead, random_hex,
    sha256_hex,
};
use crate::error::Form;
use crate::error::WebResult;
use crate::i18n::{Lang, Tr};
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
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
    use super::{dummy_hash, safe_next};

    /// The login no account has costs the same argon2 work as a wrong password: its
    /// dummy hash has the parameters of a real one (R-SEC-2, issue 14 item 3).
    #[test]
    fn the_dummy_hash_costs_what_a_real_one_does() {
        let real = crate::auth::hash_password("Lake7Violet9x");
        let params = |h: &str| h.rsplitn(3, '$').nth(2).map(str::to_string);
        assert_eq!(params(dummy_hash()), params(&real));
        assert!(dummy_hash().starts_with("$argon2id$"), "{}", dummy_hash());
        assert!(password_auth::verify_password("", dummy_hash()).is_err());
    }

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

/// Argon2 work for a login no account has, so that its answer takes as long as a wrong
/// password's (R-SEC-2): a hash of a random password, made once.
fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| {
        let pw = random_hex(16).unwrap_or_else(|_| "banzi-dummy-password".into());
        crate::auth::hash_password(&pw)
    })
}

/// Signs in (R-SEC-2). A source address that has failed often waits before its next try;
/// an unknown login and a wrong password get the same answer after the same work; only a
/// correct password learns that the account is locked, disabled or paused for this source.
async fn login(
    State(state): State<AppState>,
    tr: Tr,
    Source(source): Source,
    headers: HeaderMap,
    Form(f): Form<LoginForm>,
) -> WebResult<Response> {
    let fail = |status: StatusCode, msg: String| {
        let page = LoginPage {
            tr,
            login: f.login.chars().take(LOGIN_MAX).collect(),
            next: f.next.clone(),
            error: Some(msg),
        };
        (status, page).into_response()
    };
    let login = f.login.trim().to_string();
    if login.chars().count() > LOGIN_MAX {
        // The answer of a wrong password; nothing is looked up or kept.
        return Ok(fail(StatusCode::UNAUTHORIZED, tr.t("login.bad").into()));
    }
    if login.is_empty() || f.password.is_empty() {
        return Ok(fail(
            StatusCode::UNPROCESSABLE_ENTITY,
            tr.t("login.empty").into(),
        ));
    }
    let cfg = &state.config;
    let now = now_rfc3339();
    let window_start = minutes_ago(cfg.lockout_window_minutes);
    let user = state.store.user_by_login(&login).await?;
    // A failure counts against an account by its login; a name no account has is kept
    // only as its digest, so what strangers type is not stored.
    let key = match &user {
        Some(_) => login.clone(),
        None => format!("#{}", sha256_hex(&login)),
    };
    let gate = state
        .store
        .sign_in_gate(&key, &source, &now, &window_start)
        .await?;
    let wait = banzi_domain::accounts::source_wait_seconds(
        gate.source_failures,
        cfg.source_free_failures,
        cfg.source_max_wait_seconds,
    );
    if let Some(last) = &gate.last_failure
        && let Some(left) = seconds_left(last, wait)
    {
        let m = banzi_domain::message!("sec-wait", seconds = left);
        let mut res = fail(StatusCode::TOO_MANY_REQUESTS, tr.msg(&m));
        if let Ok(v) = header::HeaderValue::from_str(&left.to_string()) {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return Ok(res);
    }
    let hash = user
        .as_ref()
        .map(|u| u.password_hash.clone())
        .unwrap_or_else(|| dummy_hash().to_string());
    let ok = crate::auth::verify_password(f.password.clone(), hash).await && user.is_some();
    let Some(user) = user.filter(|_| ok) else {
        state
            .store
            .record_login_failure(
                &key,
                &source,
                &now,
                &window_start,
                cfg.lockout_failures,
                &minutes_ahead(cfg.lockout_minutes),
            )
            .await?;
        return Ok(fail(StatusCode::UNAUTHORIZED, tr.t("login.bad").into()));
    };
    // The password was right: now, and only now, say why the account may not come in.
    let refusal = if user.admin_locked {
        Some(banzi_domain::Msg::new("sec-locked-by-admin"))
    } else if !user.active {
        Some(banzi_domain::Msg::new("sec-disabled"))
    } else {
        gate.locked_until.as_deref().map(|until| {
            banzi_domain::message!("sec-locked-here", until = crate::auth::beijing(until))
        })
    };
    if let Some(m) = refusal {
        return Ok(fail(StatusCode::FORBIDDEN, tr.msg(&m)));
    }
    state.store.clear_login_failures(&key, &source).await?;
    // Sign-ins are part of the trail: who was in the system when a record changed.
    let actor = actor_of(&user)?;
    state
        .store
        .audit_event(
            &actor,
            "session.login",
            "user",
            &user.login,
            serde_json::json!({ "source": source }),
        )
        .await?;
    // The session this browser had ends, whoever's it was, and so do expired ones.
    if let Some(old) = cookie(&headers, COOKIE) {
        state.store.delete_session(&sha256_hex(&old)).await?;
    }
    state
        .store
        .purge_sessions(
            &minutes_ago(cfg.idle_minutes),
            &minutes_ago(cfg.session_hours * 60),
        )
        .await?;
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
    let home = if user.must_change {
        crate::pages::account::PASSWORD_PAGE.to_string()
    } else if f.next.is_empty() {
        home_of(&user)
    } else {
        safe_next(&f.next)
    };
    Ok(([(header::SET_COOKIE, set)], Redirect::to(&home)).into_response())
}

/// Seconds still to wait after a failure at `last` (RFC 3339) for `wait` seconds, if any.
fn seconds_left(last: &str, wait: i64) -> Option<i64> {
    if wait <= 0 {
        return None;
    }
    let last: jiff::Timestamp = last.parse().ok()?;
    let until = last + jiff::SignedDuration::from_secs(wait);
    let left = until
        .duration_since(jiff::Timestamp::now())
        .as_secs_f64()
        .ceil() as i64;
    (left > 0).then_some(left)
}

/// Where each role starts.
pub(crate) fn home_of(user: &UserRow) -> String {
    match Role::parse(&user.role) {
        Ok(Role::Auditor) => "/audit".into(),
        Ok(Role::SysAdmin | Role::SecAdmin) => "/admin/users".into(),
        Ok(Role::Unassigned) | Err(_) => crate::pages::account::PAGE.into(),
        Ok(Role::Liaison) => user
            .unit_code
            .as_ref()
            .map(|u| format!("/units/{u}"))
            .unwrap_or("/".into()),
        Ok(Role::Staff | Role::Leader | Role::Discipline) => "/units".into(),
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
