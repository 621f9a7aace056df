//! Accounts: the system administrator creates and disables them, the security administrator
//! unlocks them (三员分立, R-SEC-1). Neither reads cadre data or the audit trail.

use super::Ctx;
use super::forms::FieldErrors;
use crate::AppState;
use crate::auth::Caller;
use crate::error::Form;
use crate::error::WebResult;
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use banzi_domain::role::Role;
use banzi_domain::{DomainError, Msg};
use banzi_store::{NewUser, UserRow};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(page).post(create))
        .route("/admin/users/{login}/unlock", post(unlock))
        .route("/admin/users/{login}/active", post(active))
}

#[derive(Template, WebTemplate)]
#[template(path = "users.html")]
struct UsersPage {
    ctx: Ctx,
    users: Vec<UserRow>,
    roles: Vec<&'static str>,
    f: UserForm,
    errors: FieldErrors,
    may_create: bool,
    may_unlock: bool,
}

#[derive(serde::Deserialize, Default)]
pub struct UserForm {
    #[serde(default)]
    login: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    password: String,
}

async fn render(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    f: UserForm,
    errors: FieldErrors,
) -> WebResult<UsersPage> {
    let users = s.store.users(&caller.actor).await?;
    Ok(UsersPage {
        ctx: Ctx::new(tr, caller, "/admin/users"),
        users,
        roles: Role::ALL.iter().map(|r| r.as_str()).collect(),
        f,
        errors,
        may_create: caller.actor.role.manages_accounts(),
        may_unlock: caller.actor.role.unlocks_accounts(),
    })
}

async fn page(State(s): State<AppState>, tr: Tr, caller: Caller) -> WebResult<UsersPage> {
    render(&s, tr, &caller, UserForm::default(), FieldErrors::default()).await
}

/// A password policy an organization department would expect: at least 10 characters
/// with letters and digits.
pub fn check_password(p: &str) -> Result<(), Msg> {
    let long = p.chars().count() >= 10;
    let letters = p.chars().any(|c| c.is_alphabetic());
    let digits = p.chars().any(|c| c.is_ascii_digit());
    if long && letters && digits {
        Ok(())
    } else {
        Err(Msg::new("store-password-weak"))
    }
}

async fn create(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Form(f): Form<UserForm>,
) -> WebResult<Response> {
    let mut e = banzi_domain::error::Errors::default();
    let login = f.login.trim().to_string();
    if login.is_empty()
        || login.len() > 40
        || !login
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-')
    {
        e.add("登录名", Msg::new("store-login-malformed"));
    }
    let role = e.check("角色", Role::parse(&f.role));
    e.check("密码", check_password(&f.password));
    let result = match e.into_result() {
        Ok(()) => {
            let u = NewUser {
                login,
                display_name: f.display_name.trim().to_string(),
                password_hash: crate::auth::hash_password(&f.password),
                role: role.unwrap_or(Role::Leader),
                unit_code: Some(f.unit.trim().to_string()).filter(|u| !u.is_empty()),
            };
            s.store.create_user(&caller.actor, &u).await.map(|_| ())
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(Redirect::to("/admin/users").into_response()),
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            let f = UserForm {
                password: String::new(),
                ..f
            };
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                render(&s, tr, &caller, f, errors).await?,
            )
                .into_response())
        }
    }
}

async fn unlock(
    State(s): State<AppState>,
    caller: Caller,
    Path(login): Path<String>,
) -> WebResult<Response> {
    s.store.unlock_user(&caller.actor, &login).await?;
    Ok(Redirect::to("/admin/users").into_response())
}

#[derive(serde::Deserialize)]
pub struct ActiveForm {
    active: String,
}

async fn active(
    State(s): State<AppState>,
    caller: Caller,
    Path(login): Path<String>,
    Form(f): Form<ActiveForm>,
) -> WebResult<Response> {
    if !caller.actor.role.manages_accounts() {
        return Err(DomainError::Forbidden(Msg::new("store-forbidden-accounts-disable")).into());
    }
    if login == caller.user.login {
        return Err(DomainError::invalid("账号", Msg::new("store-cannot-disable-self")).into());
    }
    s.store
        .set_user_active(&caller.actor, &login, f.active == "1")
        .await?;
    Ok(Redirect::to("/admin/users").into_response())
}
