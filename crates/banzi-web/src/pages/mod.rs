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
mod ballot_codes;
mod ballot_paper;
mod ballot_run;
mod ballots;
mod cadre_form;
mod cadres;
mod cadres_export;
mod calendar;
mod datacheck;
mod form_pdf;
mod form_request;
mod forms;
mod import_board;
mod listing;
mod listing_export;
mod lrmx;
mod profile;
mod roster;
mod roster_import;
pub use import_board::ImportBoard;
mod rule_params;
mod selection;
mod selection_competition;
mod selection_forms;
mod selection_meeting;
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

pub fn routes(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .merge(units::routes())
        .merge(cadres::routes())
        .merge(cadre_form::routes())
        .merge(profile::routes())
        .merge(roster::routes())
        .merge(lrmx::routes())
        .merge(audit::routes())
        .merge(analysis::routes())
        .merge(alerts::routes())
        .merge(datacheck::routes())
        .merge(listing::routes())
        .merge(calendar::routes())
        .merge(form_pdf::routes())
        .merge(admin::routes())
        .merge(account::routes())
        .merge(ballots::routes())
        .merge(selection::routes())
        .merge(selection_meeting::routes())
        .merge(selection_competition::routes())
        .merge(vote::routes())
        .layer(axum::middleware::from_fn_with_state(state, audit_refusals))
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
    /// Views the working-day calendar (R-SEL-9): every role that reads anything.
    pub calendar: bool,
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
            calendar: role.reads_calendar(),
            liaison_unit: caller.actor.scope.unit().map(str::to_string),
        }
    }
}

impl Ctx {
    /// An audit action (`cadre.rating.set`) in words (设置年度考核); an action with no entry
    /// as it is stored.
    pub fn action(&self, code: &str) -> String {
        let key = format!("audit.action.{}", code.replace('.', "_"));
        self.tr
            .get(&key)
            .map_or_else(|| code.to_string(), str::to_string)
    }

    /// A record type of the trail (`ballot_session`) in words (投票).
    pub fn entity(&self, code: &str) -> String {
        let key = format!("audit.entity.{code}");
        self.tr
            .get(&key)
            .map_or_else(|| code.to_string(), str::to_string)
    }

    /// How an import's batch entry begins (`{"columns": …, "rows": …}`): the list links to
    /// its table instead of showing the JSON.
    pub fn batch_prefix(&self) -> &'static str {
        "{\"columns\""
    }

    /// A field of a record as the trail names it (`native_place`) in words (籍贯).
    pub fn field(&self, code: &str) -> String {
        self.tr.field(code)
    }

    /// A stored time (UTC) as the reader reads it: Beijing time, to the minute (issue 15,
    /// item 5). Stored times stay UTC.
    pub fn time(&self, stored: &str) -> String {
        crate::auth::beijing(stored)
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

/// A cadre as its address names it: `/cadres/{r}`, `r` its row id, never its ID number, so
/// that no 身份证号 ends up in browser history or a proxy's log (issue 14, item 16). `id` is
/// the ID number the store reads by. An address that names no cadre is not found.
pub struct CadreRef {
    pub id: String,
    pub r: i64,
}

impl axum::extract::FromRequestParts<AppState> for CadreRef {
    type Rejection = crate::error::WebError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        s: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let CadreRow(r) = CadreRow::from_request_parts(parts, s).await?;
        let id = s
            .store
            .cadre_id_number(r)
            .await?
            .ok_or_else(no_such_cadre)?;
        Ok(CadreRef { id, r })
    }
}

/// The row id of a cadre's address `/cadres/{r}…` alone, for a handler that reads the cadre
/// by it (with the reader's scope) rather than by its ID number.
pub struct CadreRow(pub i64);

impl axum::extract::FromRequestParts<AppState> for CadreRow {
    type Rejection = crate::error::WebError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &AppState,
    ) -> Result<Self, Self::Rejection> {
        // The first segment after /cadres/.
        parts
            .uri
            .path()
            .strip_prefix("/cadres/")
            .and_then(|rest| rest.split('/').next())
            .and_then(|seg| seg.parse().ok())
            .map(CadreRow)
            .ok_or_else(no_such_cadre)
    }
}

pub(crate) fn no_such_cadre() -> crate::error::WebError {
    crate::error::WebError(banzi_domain::DomainError::NotFound(banzi_domain::Msg::new(
        "web-no-such-cadre",
    )))
}

/// The address of a cadre's profile by ID number (`/cadres/{row id}`).
pub async fn cadre_url(s: &AppState, id_number: &str) -> Result<String, crate::error::WebError> {
    let refs = s.store.cadre_refs(&[id_number.to_string()]).await?;
    let r = refs.get(id_number).ok_or_else(|| {
        crate::error::WebError(banzi_domain::DomainError::NotFound(banzi_domain::Msg::new(
            "web-no-such-cadre",
        )))
    })?;
    Ok(format!("/cadres/{r}"))
}

/// Records a read of personal data in the trail (R-SEC-3, issue 14 item 8): one compact
/// entry, who read what. A read whose entry cannot be written is not served.
pub async fn audit_read(
    s: &AppState,
    caller: &Caller,
    action: &str,
    entity: &str,
    key: &str,
    detail: serde_json::Value,
) -> Result<(), crate::error::WebError> {
    s.store
        .audit_event(&caller.actor, action, entity, key, detail)
        .await
        .map_err(Into::into)
}

/// Refused requests of a signed-in caller go into the trail (issue 14, item 8): who asked
/// for what they may not have.
pub async fn audit_refusals(
    axum::extract::State(s): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let caller = req.extensions().get::<Caller>().cloned();
    let method = req.method().to_string();
    let path = req.uri().path().to_string();
    let res = next.run(req).await;
    if res.status() == axum::http::StatusCode::FORBIDDEN
        && let Some(c) = caller
    {
        let detail = serde_json::json!({ "method": method });
        if let Err(e) = s
            .store
            .audit_event(&c.actor, "request.refused", "route", &path, detail)
            .await
        {
            tracing::error!(error = %e, "a refusal could not be audited");
        }
    }
    res
}

pub fn is_htmx(headers: &HeaderMap) -> bool {
    headers.contains_key("hx-request")
}
