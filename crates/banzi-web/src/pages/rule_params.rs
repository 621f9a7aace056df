//! 规则参数 — every *(param)* of DOMAIN.md M2: what it is, its value, default and range.
//! Registry readers see them; 组织部 staff change them (all or nothing, an error beside
//! each field, audited by the store). A change applies at the next page: nothing is cached.

use super::Ctx;
use super::forms::FieldErrors;
use crate::AppState;
use crate::auth::Caller;
use crate::error::{Form, Query, WebResult};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use banzi_domain::rules::{PARAMS, ParamKind, Params};
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new().route("/analysis/params", get(page).post(save))
}

/// One parameter as the page shows it.
pub struct ParamRow {
    pub key: &'static str,
    /// Name and unit word in the reader's language (`param.{key}`, `param.{key}.unit`).
    pub name: &'static str,
    pub unit: &'static str,
    pub rule: &'static str,
    /// The value in force.
    pub current: String,
    pub default: &'static str,
    /// What the field holds (the value in force, or what was typed).
    pub value: String,
    /// The allowed values, in the reader's language.
    pub range: String,
    pub error: String,
}

/// One row of the retirement table (R-AGE-1 by rank group and gender): its two parameters.
pub struct RetireRow {
    pub group: String,
    pub gender: String,
    pub age: ParamRow,
    pub delay: ParamRow,
}

/// The retirement table's rows: (group label key, gender, age key, delay key).
const RETIRE: [(&str, &str, &str, &str); 4] = [
    (
        "params.group_county",
        "男",
        "age.retire_men_county",
        "age.delay_men_county",
    ),
    (
        "params.group_county",
        "女",
        "age.retire_women_county",
        "age.delay_women_county",
    ),
    (
        "params.group_below",
        "男",
        "age.retire_men",
        "age.delay_men",
    ),
    (
        "params.group_below",
        "女",
        "age.retire_women",
        "age.delay_women",
    ),
];

fn in_retire_table(key: &str) -> bool {
    RETIRE.iter().any(|r| r.2 == key || r.3 == key)
}

#[derive(Template, WebTemplate)]
#[template(path = "rule_params.html")]
struct ParamsPage {
    ctx: Ctx,
    rows: Vec<ParamRow>,
    retire: Vec<RetireRow>,
    saved: bool,
    general: Vec<String>,
}

fn range(tr: &Tr, kind: ParamKind, min: i64, max: i64) -> String {
    let span = format!("{min}–{max}");
    match kind {
        ParamKind::Integer => span,
        ParamKind::Fraction => tr.t("params.fraction_range").to_string(),
        ParamKind::RankAges => tr.f("params.rank_ages_range", &span),
        ParamKind::YesNo => tr.t("params.yes_no_range").to_string(),
    }
}

fn view(
    tr: Tr,
    caller: &Caller,
    params: &Params,
    typed: &HashMap<String, String>,
    errors: &FieldErrors,
    saved: bool,
) -> ParamsPage {
    let row = |d: &banzi_domain::rules::ParamDesc| {
        let current = params.get(d.key).unwrap_or_default();
        ParamRow {
            key: d.key,
            name: tr.t(&format!("param.{}", d.key)),
            unit: tr.t(&format!("param.{}.unit", d.key)),
            rule: d.rule,
            value: typed.get(d.key).cloned().unwrap_or_else(|| current.clone()),
            current,
            default: d.default,
            range: range(&tr, d.kind, d.min, d.max),
            error: errors.get(&tr, d.key),
        }
    };
    let rows = PARAMS
        .iter()
        .filter(|d| !in_retire_table(d.key))
        .map(row)
        .collect();
    let desc = |key: &str| PARAMS.iter().find(|d| d.key == key).map(row);
    let retire = RETIRE
        .iter()
        .filter_map(|&(group, gender, age, delay)| {
            Some(RetireRow {
                group: tr.t(group).to_string(),
                gender: tr.v(gender).to_string(),
                age: desc(age)?,
                delay: desc(delay)?,
            })
        })
        .collect();
    let keys: Vec<&str> = PARAMS.iter().map(|d| d.key).collect();
    ParamsPage {
        ctx: Ctx::new(tr, caller, "/analysis/params"),
        rows,
        retire,
        saved,
        general: errors.others(&tr, &keys),
    }
}

#[derive(serde::Deserialize, Default)]
pub struct SavedQuery {
    #[serde(default)]
    saved: String,
}

async fn page(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<SavedQuery>,
) -> WebResult<ParamsPage> {
    let params = s.store.rule_params(&caller.actor).await?;
    Ok(view(
        tr,
        &caller,
        &params,
        &HashMap::new(),
        &FieldErrors::default(),
        !q.saved.is_empty(),
    ))
}

/// Saves the fields whose text differs from the value in force (a blank field puts the
/// default back); unchanged ones are not sent, so they are not audited.
async fn save(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Form(form): Form<HashMap<String, String>>,
) -> WebResult<Response> {
    super::require_staff(&caller)?;
    let params = s.store.rule_params(&caller.actor).await?;
    let changes: Vec<(String, String)> = PARAMS
        .iter()
        .filter_map(|d| {
            let text = form.get(d.key)?.trim();
            (text != params.get(d.key).unwrap_or_default()).then(|| (d.key.into(), text.into()))
        })
        .collect();
    if changes.is_empty() {
        return Ok(Redirect::to("/analysis/params").into_response());
    }
    match s.store.set_rule_params(&caller.actor, &changes).await {
        Ok(_) => Ok(Redirect::to("/analysis/params?saved=1").into_response()),
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            let typed: HashMap<String, String> = form
                .into_iter()
                .filter(|(k, _)| PARAMS.iter().any(|d| d.key == k))
                .collect();
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                view(tr, &caller, &params, &typed, &errors, false),
            )
                .into_response())
        }
    }
}
