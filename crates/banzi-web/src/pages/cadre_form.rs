//! Creating and editing a cadre, with a Chinese error beside each field.

use super::forms::FieldErrors;
use super::{CadreRef, Ctx};
use crate::AppState;
use crate::auth::Caller;
use crate::error::Form;
use crate::error::WebResult;
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use banzi_domain::codes::{Degree, ETHNIC_GROUPS, Education, Gender, Party};
use banzi_domain::dossier::RANKS;
use banzi_domain::registry::{CADRE_FIELDS, Cadre, CadreRaw};
use banzi_store::{Upsert, today};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cadres/new", get(new))
        .route("/cadres/{id}/edit", get(edit).post(update))
}

pub struct Field {
    pub key: &'static str,
    /// The column name in the page's language.
    pub label: String,
    pub value: String,
    pub error: String,
    pub options: Vec<&'static str>,
    /// A stored value outside the list (an old record's 现职级 or 民族), kept as a choice so
    /// that saving the form does not lose it.
    pub extra: Option<String>,
    pub required: bool,
    pub readonly: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "cadre_form.html")]
struct FormPage {
    ctx: Ctx,
    editing: bool,
    /// The address of the cadre being edited (its row id), not its ID number.
    cref: i64,
    fields: Vec<Field>,
    general: Vec<String>,
}

fn raw_value(r: &CadreRaw, key: &str) -> String {
    match key {
        "id_number" => &r.id_number,
        "name" => &r.name,
        "gender" => &r.gender,
        "ethnicity" => &r.ethnicity,
        "birth_date" => &r.birth_date,
        "native_place" => &r.native_place,
        "party" => &r.party,
        "party_joined" => &r.party_joined,
        "work_started" => &r.work_started,
        "ft_education" => &r.ft_education,
        "ft_degree" => &r.ft_degree,
        "ft_school" => &r.ft_school,
        "pt_education" => &r.pt_education,
        "pt_degree" => &r.pt_degree,
        "pt_school" => &r.pt_school,
        "profession" => &r.profession,
        _ => &r.rank,
    }
    .clone()
}

fn options(key: &str) -> Vec<&'static str> {
    match key {
        "gender" => Gender::ALL.iter().map(|x| x.label()).collect(),
        "party" => Party::ALL.iter().map(|x| x.label()).collect(),
        "ft_education" | "pt_education" => Education::ALL.iter().map(|x| x.label()).collect(),
        "ft_degree" | "pt_degree" => Degree::ALL.iter().map(|x| x.label()).collect(),
        // Chosen from their lists, not typed (issue 15, item 9).
        "ethnicity" => ETHNIC_GROUPS.to_vec(),
        "rank" => RANKS.to_vec(),
        _ => Vec::new(),
    }
}

/// The form; `editing` is the address (row id) of the cadre being edited.
fn page(
    tr: Tr,
    caller: &Caller,
    editing: Option<i64>,
    r: &CadreRaw,
    errors: FieldErrors,
) -> FormPage {
    let cref = editing.unwrap_or(0);
    let editing = editing.is_some();
    let required = [
        "id_number",
        "name",
        "gender",
        "ethnicity",
        "birth_date",
        "party",
    ];
    let fields = CADRE_FIELDS
        .iter()
        .map(|(key, label)| {
            let value = raw_value(r, key);
            let options = options(key);
            let extra = (!options.is_empty()
                && !value.trim().is_empty()
                && !options.contains(&value.as_str()))
            .then(|| value.clone());
            Field {
                key,
                label: tr.v(label).to_string(),
                value,
                error: errors.get(&tr, label),
                options,
                extra,
                required: required.contains(key),
                readonly: editing && *key == "id_number",
            }
        })
        .collect();
    let shown: Vec<&str> = CADRE_FIELDS.iter().map(|f| f.1).collect();
    let path = if editing {
        format!("/cadres/{cref}/edit")
    } else {
        "/cadres/new".into()
    };
    FormPage {
        ctx: Ctx::new(tr, caller, &path),
        editing,
        cref,
        fields,
        general: errors.others(&tr, &shown),
    }
}

async fn new(tr: Tr, caller: Caller) -> WebResult<FormPage> {
    super::require_staff(&caller)?;
    let raw = CadreRaw {
        ethnicity: "汉族".into(),
        party: "中共党员".into(),
        ..Default::default()
    };
    Ok(page(tr, &caller, None, &raw, FieldErrors::default()))
}

async fn edit(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    CadreRef { id, r }: CadreRef,
) -> WebResult<FormPage> {
    let d = s.store.cadre(&caller.actor, &id, today()).await?;
    if !caller.actor.role.writes_registry() {
        return Err(banzi_domain::DomainError::Forbidden(banzi_domain::Msg::new(
            "store-forbidden-write-registry",
        ))
        .into());
    }
    Ok(page(
        tr,
        &caller,
        Some(r),
        &d.cadre.to_raw(),
        FieldErrors::default(),
    ))
}

async fn save(
    s: AppState,
    tr: Tr,
    caller: Caller,
    raw: CadreRaw,
    editing: Option<i64>,
) -> WebResult<Response> {
    let mode = if editing.is_some() {
        Upsert::MustExist
    } else {
        Upsert::MustBeNew
    };
    let result = match Cadre::parse(&raw) {
        Ok(c) => s
            .store
            .save_cadre(&caller.actor, &c, mode, today())
            .await
            .map(|_| c.id_number.to_string()),
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => Ok(Redirect::to(&super::cadre_url(&s, &id).await?).into_response()),
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                page(tr, &caller, editing, &raw, errors),
            )
                .into_response())
        }
    }
}

pub async fn create(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Form(raw): Form<CadreRaw>,
) -> WebResult<Response> {
    super::require_staff(&caller)?;
    save(s, tr, caller, raw, None).await
}

async fn update(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    CadreRef { id, r }: CadreRef,
    Form(mut raw): Form<CadreRaw>,
) -> WebResult<Response> {
    // The ID number is the key: the path decides which cadre is edited.
    raw.id_number = id;
    save(s, tr, caller, raw, Some(r)).await
}
