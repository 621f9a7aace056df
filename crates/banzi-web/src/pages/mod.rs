//! The pages. Each file is one area; handlers load through the store (which checks role
//! and scope), call the domain, and render an askama view. htmx requests get the fragment.

pub(crate) mod account;
mod admin;
pub use admin::check_password;
mod alerts;
mod analysis;
mod analysis_charts;
mod analysis_members;
mod analysis_team;
mod audit;
mod ballot_paper;
mod ballot_run;
mod ballots;
mod cadre_form;
mod cadres;
mod forms;
mod profile;
mod roster;
mod roster_import;
pub use roster_import::ImportBoard;
mod rule_params;
mod unit_forms;
mod units;
mod vote;

use crate::AppState;
use crate::auth::Caller;
use crate::i18n::{Lang, Tr};
use axum::Router;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use banzi_domain::role::Role;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .merge(units::routes())
        .merge(cadres::routes())
        .merge(cadre_form::routes())
        .merge(profile::routes())
        .merge(roster::routes())
        .merge(audit::routes())
        .merge(analysis::routes())
        .merge(alerts::routes())
        .merge(admin::routes())
        .merge(account::routes())
        .merge(ballots::routes())
        .merge(vote::routes())
        .layer(axum::middleware::from_fn(crate::error::localize))
}

async fn home(caller: Caller) -> impl IntoResponse {
    Redirect::to(&crate::login::home_of(&caller.user))
}

/// What every page's frame needs: text, who is signed in, what they may do, the CSRF token.
pub struct Ctx {
    pub tr: Tr,
    pub login: String,
    pub role: String,
    pub csrf: String,
    pub path: String,
    pub langs: Vec<(&'static str, &'static str)>,
    pub reads: bool,
    pub writes: bool,
    pub appoints: bool,
    pub audits: bool,
    pub admins: bool,
    pub liaison_unit: Option<String>,
}

impl Ctx {
    pub fn new(tr: Tr, caller: &Caller, path: &str) -> Ctx {
        let role = caller.actor.role;
        Ctx {
            tr,
            login: caller.user.login.clone(),
            role: tr.t(&format!("role.{}", role.as_str())).to_string(),
            csrf: caller.csrf.clone(),
            path: path.to_string(),
            langs: Lang::ALL.iter().map(|l| (l.code(), l.name())).collect(),
            reads: role.reads_registry(),
            writes: role.writes_registry(),
            appoints: role.manages_appointments(),
            audits: role.reads_audit(),
            admins: matches!(role, Role::SysAdmin | Role::SecAdmin),
            liaison_unit: caller.actor.scope.unit().map(str::to_string),
        }
    }
}

/// Refuses everyone but 组织部 staff (the store checks again; this spares a form that could
/// never be saved).
pub fn require_staff(caller: &Caller) -> Result<(), crate::error::WebError> {
    if caller.actor.role.manages_appointments() {
        Ok(())
    } else {
        Err(banzi_domain::DomainError::Forbidden(banzi_domain::message!("web-staff-only")).into())
    }
}

pub fn is_htmx(headers: &HeaderMap) -> bool {
    headers.contains_key("hx-request")
}
