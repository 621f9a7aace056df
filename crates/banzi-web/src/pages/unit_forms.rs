//! The unit and post forms (组织部 staff only).

use super::forms::FieldErrors;
use super::units::Picker;
use super::{Ctx, require_staff};
use crate::AppState;
use crate::auth::Caller;
use crate::error::Form;
use crate::error::WebResult;
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use banzi_domain::codes::{PostKind, PostLevel, UNIT_CATEGORIES, UnitSystem};
use banzi_domain::registry::{Post, PostRaw, Unit, UnitRaw};
use banzi_store::UnitRow;

#[derive(serde::Deserialize, Default)]
pub struct UnitForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    parent_code: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    platform: String,
    #[serde(default)]
    system: String,
    #[serde(default)]
    non_cpc_required: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "unit_form.html")]
pub struct UnitFormPage {
    ctx: Ctx,
    editing: bool,
    f: UnitForm,
    errors: FieldErrors,
    systems: Vec<&'static str>,
    /// The usual 单位类别, suggested (the field stays free text).
    categories: &'static [&'static str],
    /// 上级单位, a type-ahead (a province has 40,000 units); empty for a top-level unit.
    parent: Picker,
}

async fn unit_form_page(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    editing: bool,
    f: UnitForm,
    errors: FieldErrors,
) -> WebResult<UnitFormPage> {
    let parent = Picker::unit(s, tr, caller, "parent_code", "parent_code", &f.parent_code)
        .await?
        .empty_means("unit.no_parent");
    let path = if editing {
        format!("/units/{}/edit", f.code)
    } else {
        "/units/new".into()
    };
    Ok(UnitFormPage {
        ctx: Ctx::new(tr, caller, &path),
        editing,
        f,
        errors,
        systems: UnitSystem::ALL.iter().map(|x| x.label()).collect(),
        categories: &UNIT_CATEGORIES,
        parent,
    })
}

pub async fn new_unit(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
) -> WebResult<UnitFormPage> {
    require_staff(&caller)?;
    unit_form_page(
        &s,
        tr,
        &caller,
        false,
        UnitForm {
            system: "其他".into(),
            ..Default::default()
        },
        FieldErrors::default(),
    )
    .await
}

pub async fn edit_unit(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(code): Path<String>,
) -> WebResult<UnitFormPage> {
    require_staff(&caller)?;
    let u = s.store.unit(&caller.actor, &code).await?;
    let f = UnitForm {
        code: u.code,
        name: u.name,
        parent_code: u.parent_code.unwrap_or_default(),
        category: u.category,
        platform: u.platform,
        system: u.system,
        non_cpc_required: if u.non_cpc_required {
            "是".into()
        } else {
            "否".into()
        },
    };
    unit_form_page(&s, tr, &caller, true, f, FieldErrors::default()).await
}

async fn save_unit(
    s: AppState,
    tr: Tr,
    caller: Caller,
    editing: bool,
    f: UnitForm,
) -> WebResult<Response> {
    let raw = UnitRaw {
        code: f.code.clone(),
        name: f.name.clone(),
        parent_code: f.parent_code.clone(),
        category: f.category.clone(),
        platform: f.platform.clone(),
        system: f.system.clone(),
        non_cpc_required: f.non_cpc_required.clone(),
    };
    let result = match Unit::parse(&raw) {
        Ok(u) => {
            if !editing && s.store.unit(&caller.actor, &u.code).await.is_ok() {
                Err(banzi_domain::DomainError::invalid(
                    "单位编码",
                    banzi_domain::Msg::new("store-unit-code-exists"),
                ))
            } else {
                s.store.save_unit(&caller.actor, &u).await.map(|_| u.code)
            }
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(code) => Ok(Redirect::to(&format!("/units/{code}")).into_response()),
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            let page = unit_form_page(&s, tr, &caller, editing, f, errors).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

pub async fn create_unit(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Form(f): Form<UnitForm>,
) -> WebResult<Response> {
    require_staff(&caller)?;
    save_unit(s, tr, caller, false, f).await
}

pub async fn update_unit(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(code): Path<String>,
    Form(mut f): Form<UnitForm>,
) -> WebResult<Response> {
    require_staff(&caller)?;
    s.store.unit(&caller.actor, &code).await?;
    f.code = code;
    save_unit(s, tr, caller, true, f).await
}

#[derive(serde::Deserialize, Default)]
pub struct PostForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    team: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    seats: String,
    /// 职务层次: a label, or blank for unknown.
    #[serde(default)]
    level: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "post_form.html")]
pub struct PostFormPage {
    ctx: Ctx,
    unit: UnitRow,
    f: PostForm,
    errors: FieldErrors,
    kinds: Vec<&'static str>,
    /// 职务层次 choices; the form adds a blank one (unknown).
    levels: Vec<&'static str>,
}

pub async fn new_post(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(code): Path<String>,
) -> WebResult<PostFormPage> {
    require_staff(&caller)?;
    let unit = s.store.unit(&caller.actor, &code).await?;
    let f = PostForm {
        seats: "1".into(),
        kind: "副职".into(),
        ..Default::default()
    };
    Ok(PostFormPage {
        ctx: Ctx::new(tr, &caller, &format!("/units/{code}/posts/new")),
        unit,
        f,
        errors: FieldErrors::default(),
        kinds: kinds(),
        levels: levels(),
    })
}

fn kinds() -> Vec<&'static str> {
    PostKind::ALL.iter().map(|k| k.label()).collect()
}

fn levels() -> Vec<&'static str> {
    PostLevel::ALL.iter().map(|l| l.label()).collect()
}

pub async fn create_post(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(code): Path<String>,
    Form(f): Form<PostForm>,
) -> WebResult<Response> {
    require_staff(&caller)?;
    let unit = s.store.unit(&caller.actor, &code).await?;
    let raw = PostRaw {
        code: f.code.clone(),
        unit_code: code.clone(),
        team: f.team.clone(),
        title: f.title.clone(),
        kind: f.kind.clone(),
        seats: f.seats.clone(),
        level: f.level.clone(),
    };
    let result = match Post::parse(&raw) {
        Ok(p) => {
            if s.store.post(&caller.actor, &p.code).await.is_ok() {
                Err(banzi_domain::DomainError::invalid(
                    "职位编码",
                    banzi_domain::Msg::new("store-post-code-exists"),
                ))
            } else {
                s.store.save_post(&caller.actor, &p).await.map(|_| ())
            }
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/units/{code}")).into_response()),
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            let page = PostFormPage {
                ctx: Ctx::new(tr, &caller, &format!("/units/{code}/posts/new")),
                unit,
                f,
                errors,
                kinds: kinds(),
                levels: levels(),
            };
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
