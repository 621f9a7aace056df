//! Accounts, as the division of the three administrators has it (三员分立, R-SEC-1; the
//! table is in `banzi_domain::accounts`): the system administrator creates accounts (with
//! no role) and disables or enables them; the security administrator gives roles, resets
//! passwords, locks and unlocks. Neither reads cadre data or the audit trail, and neither
//! acts on an administrator's account, their own included.

use super::Ctx;
use super::forms::FieldErrors;
use crate::AppState;
use crate::auth::Caller;
use crate::error::WebResult;
use crate::error::{Form, Query};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use banzi_domain::accounts::{self, PasswordPolicy};
use banzi_domain::role::Role;
use banzi_domain::{DomainError, Msg, message};
use banzi_store::{NewUser, UserRow};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(page).post(create))
        .route("/admin/users/{login}/unlock", post(unlock))
        .route("/admin/users/{login}/lock", post(lock))
        .route("/admin/users/{login}/active", post(active))
        .route("/admin/users/{login}/role", post(assign))
        .route("/admin/users/{login}/password", post(reset))
}

#[derive(Template, WebTemplate)]
#[template(path = "users.html")]
struct UsersPage {
    ctx: Ctx,
    users: Vec<Account>,
    /// The accounts' filter (a part of the login or the name), the page shown of how many
    /// ([`PER_PAGE`] a page: a province has thousands of unit liaisons), and how many match.
    q: String,
    page: usize,
    pages: usize,
    matching: usize,
    roles: Vec<&'static str>,
    f: UserForm,
    errors: FieldErrors,
    /// The system administrator: creates, disables and enables.
    may_create: bool,
    /// The security administrator: roles, resets, locks.
    may_secure: bool,
    /// What was done, for the line above the table.
    done: Option<String>,
    min_length: usize,
}

/// An account as the administrators see it.
struct Account {
    u: UserRow,
    /// One of the three administrators: only the command line acts on it.
    administrator: bool,
    /// Paused for some source after failed sign-ins, until (Beijing time).
    paused_until: Option<String>,
    /// Whether the viewing administrator may act on it at all.
    actionable: bool,
}

#[derive(serde::Deserialize, Default)]
pub struct UserForm {
    #[serde(default)]
    login: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    password: String,
}

/// Accounts listed on one page.
const PER_PAGE: usize = 100;

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<usize>,
}

async fn render(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    f: UserForm,
    errors: FieldErrors,
    done: Option<String>,
) -> WebResult<UsersPage> {
    render_list(s, tr, caller, f, errors, done, ListQuery::default()).await
}

async fn render_list(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    f: UserForm,
    errors: FieldErrors,
    done: Option<String>,
    lq: ListQuery,
) -> WebResult<UsersPage> {
    let now = banzi_store::now_rfc3339();
    let q = lq.q.trim().to_lowercase();
    let matching: Vec<_> = s
        .store
        .users(&caller.actor)
        .await?
        .into_iter()
        .filter(|u| {
            q.is_empty()
                || u.login.to_lowercase().contains(&q)
                || u.display_name.to_lowercase().contains(&q)
        })
        .collect();
    let total = matching.len();
    let pages = total.div_ceil(PER_PAGE).max(1);
    let page = lq.page.unwrap_or(1).clamp(1, pages);
    let users = matching
        .into_iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .map(|u| {
            let role = Role::parse(&u.role).unwrap_or(Role::Unassigned);
            let paused_until = u
                .locked_until
                .as_deref()
                .filter(|t| *t > now.as_str())
                .map(crate::auth::beijing);
            Account {
                administrator: role.is_administrator(),
                actionable: !role.is_administrator() && u.login != caller.user.login,
                paused_until,
                u,
            }
        })
        .collect();
    Ok(UsersPage {
        ctx: Ctx::new(tr, caller, "/admin/users"),
        users,
        q: lq.q.trim().to_string(),
        page,
        pages,
        matching: total,
        roles: Role::ASSIGNABLE.iter().map(|r| r.as_str()).collect(),
        f,
        errors,
        may_create: caller.actor.role.manages_accounts(),
        may_secure: caller.actor.role.unlocks_accounts(),
        done,
        min_length: s.config.password_min_length,
    })
}

async fn page(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(lq): Query<ListQuery>,
) -> WebResult<UsersPage> {
    render_list(
        &s,
        tr,
        &caller,
        UserForm::default(),
        FieldErrors::default(),
        None,
        lq,
    )
    .await
}

/// The password policy with its defaults, for the command line's `banzi user add`
/// (R-SEC-2).
pub fn check_password(login: &str, p: &str) -> Result<(), Msg> {
    accounts::check_password(&PasswordPolicy::default(), login, p)
}

fn policy(s: &AppState) -> PasswordPolicy {
    PasswordPolicy {
        min_length: s.config.password_min_length,
    }
}

/// The page again after an action: what was done on top, or the refusal where the
/// administrator acted (422 for a form's errors, 403 for a refusal of the division).
async fn answer(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    result: Result<Msg, DomainError>,
    f: UserForm,
) -> WebResult<Response> {
    match result {
        Ok(done) => Ok(render(
            s,
            tr,
            caller,
            UserForm::default(),
            FieldErrors::default(),
            Some(tr.msg(&done)),
        )
        .await?
        .into_response()),
        Err(e) => {
            let status = match &e {
                DomainError::Forbidden(_) => StatusCode::FORBIDDEN,
                DomainError::NotFound(_) => StatusCode::NOT_FOUND,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            let errors = match e {
                DomainError::Forbidden(m) | DomainError::NotFound(m) => {
                    FieldErrors(Default::default(), vec![m])
                }
                other => FieldErrors::from_error(other)?,
            };
            let f = UserForm {
                password: String::new(),
                ..f
            };
            Ok((status, render(s, tr, caller, f, errors, None).await?).into_response())
        }
    }
}

/// The system administrator creates an account: no role, a password to be changed at the
/// first sign-in (三员分立, R-SEC-1).
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
    e.check(
        "密码",
        accounts::check_password(&policy(&s), &login, &f.password),
    );
    let result = match e.into_result() {
        Ok(()) => {
            let u = NewUser {
                login: login.clone(),
                display_name: f.display_name.trim().to_string(),
                password_hash: crate::auth::hash_password(&f.password),
                role: Role::Unassigned,
                unit_code: None,
            };
            s.store
                .create_user(&caller.actor, &u)
                .await
                .map(|_| message!("sec-done-created", login = login))
        }
        Err(e) => Err(e),
    };
    answer(&s, tr, &caller, result, f).await
}

async fn unlock(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(login): Path<String>,
) -> WebResult<Response> {
    let r = s.store.set_user_locked(&caller.actor, &login, false).await;
    let r = r.map(|_| message!("sec-done-unlocked", login = login));
    answer(&s, tr, &caller, r, UserForm::default()).await
}

async fn lock(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(login): Path<String>,
) -> WebResult<Response> {
    let r = s.store.set_user_locked(&caller.actor, &login, true).await;
    let r = r.map(|_| message!("sec-done-locked", login = login));
    answer(&s, tr, &caller, r, UserForm::default()).await
}

#[derive(serde::Deserialize)]
pub struct ActiveForm {
    #[serde(default)]
    active: String,
}

async fn active(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(login): Path<String>,
    Form(f): Form<ActiveForm>,
) -> WebResult<Response> {
    let on = f.active == "1";
    let r = s.store.set_user_active(&caller.actor, &login, on).await;
    let r = r.map(|_| {
        if on {
            message!("sec-done-enabled", login = login)
        } else {
            message!("sec-done-disabled", login = login)
        }
    });
    answer(&s, tr, &caller, r, UserForm::default()).await
}

#[derive(serde::Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    unit: String,
}

/// The security administrator gives an account its role.
async fn assign(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(login): Path<String>,
    Form(f): Form<RoleForm>,
) -> WebResult<Response> {
    let r = match Role::parse(&f.role) {
        Ok(role) => {
            let unit = Some(f.unit.trim()).filter(|u| !u.is_empty());
            s.store
                .set_user_role(&caller.actor, &login, role, unit)
                .await
                .map(|_| {
                    message!(
                        "sec-done-role",
                        login = login,
                        role = banzi_domain::Arg::Label(role.label().into())
                    )
                })
        }
        Err(m) => Err(DomainError::invalid("角色", m)),
    };
    answer(&s, tr, &caller, r, UserForm::default()).await
}

#[derive(serde::Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    password: String,
}

/// The security administrator sets a temporary password, to be changed at the next
/// sign-in; the account's sessions end.
async fn reset(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(login): Path<String>,
    Form(f): Form<ResetForm>,
) -> WebResult<Response> {
    let r = match accounts::check_password(&policy(&s), &login, &f.password) {
        Ok(()) => {
            let hash = crate::auth::hash_password(&f.password);
            s.store
                .reset_password(&caller.actor, &login, &hash)
                .await
                .map(|_| message!("sec-done-reset", login = login))
        }
        Err(m) => Err(DomainError::invalid("密码", m)),
    };
    answer(&s, tr, &caller, r, UserForm::default()).await
}
