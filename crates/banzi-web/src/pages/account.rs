//! The signed-in user's own account: who they are, their role, and the change of their
//! password (R-SEC-2). An account created or reset by an administrator comes here first and
//! can go nowhere else until its password is its own.

use super::Ctx;
use super::forms::FieldErrors;
use crate::AppState;
use crate::auth::Caller;
use crate::error::{Form, WebResult};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use banzi_domain::accounts::{PasswordPolicy, check_password};
use banzi_domain::error::Errors;
use banzi_domain::{Msg, role::Role};

/// The account page, with the password form.
pub const PAGE: &str = "/account";
/// Where an account that must change its password is sent.
pub const PASSWORD_PAGE: &str = "/account";

/// What an account that must change its password may still open.
pub fn reachable_before_change(path: &str) -> bool {
    matches!(path, "/account" | "/account/password" | "/logout")
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(PAGE, get(page))
        .route("/account/password", post(change))
}

#[derive(Template, WebTemplate)]
#[template(path = "account.html")]
struct AccountPage {
    ctx: Ctx,
    name: String,
    unit: Option<String>,
    unassigned: bool,
    must_change: bool,
    changed: bool,
    min_length: usize,
    errors: FieldErrors,
}

fn view(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    must_change: bool,
    changed: bool,
    errors: FieldErrors,
) -> AccountPage {
    AccountPage {
        ctx: Ctx::new(tr, caller, PAGE),
        name: caller.user.display_name.clone(),
        unit: caller.user.unit_name.clone(),
        unassigned: caller.actor.role == Role::Unassigned,
        must_change,
        changed,
        min_length: s.config.password_min_length,
        errors,
    }
}

async fn page(State(s): State<AppState>, tr: Tr, caller: Caller) -> AccountPage {
    let must = caller.user.must_change;
    view(&s, tr, &caller, must, false, FieldErrors::default())
}

#[derive(serde::Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    again: String,
}

/// Changes the caller's password: the current one checked, the new one by the policy and
/// not the same; the caller's other sessions end, this one stays.
async fn change(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Form(f): Form<PasswordForm>,
) -> WebResult<Response> {
    let policy = PasswordPolicy {
        min_length: s.config.password_min_length,
    };
    let mut e = Errors::default();
    let right =
        crate::auth::verify_password(f.current.clone(), caller.user.password_hash.clone()).await;
    if !right {
        e.add("当前密码", Msg::new("sec-current-wrong"));
    }
    e.check(
        "新密码",
        check_password(&policy, &caller.user.login, &f.new),
    );
    if right && f.new == f.current {
        e.add("新密码", Msg::new("sec-password-unchanged"));
    }
    if f.new != f.again {
        e.add("确认新密码", Msg::new("sec-password-mismatch"));
    }
    let result = match e.into_result() {
        Ok(()) => {
            let hash = crate::auth::hash_password(&f.new);
            s.store
                .change_own_password(&caller.actor, &hash, &caller.session)
                .await
        }
        Err(e) => Err(e),
    };
    let must = caller.user.must_change;
    match result {
        Ok(()) => Ok(view(&s, tr, &caller, false, true, FieldErrors::default()).into_response()),
        Err(err) => {
            let errors = FieldErrors::from_error(err)?;
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                view(&s, tr, &caller, must, false, errors),
            )
                .into_response())
        }
    }
}
