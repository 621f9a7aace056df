//! The unit tree, a unit's team page, and the unit and post forms (staff).

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
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use banzi_domain::codes::{PostKind, UnitSystem};
use banzi_domain::date::{age_on, parse_date, years_months};
use banzi_domain::registry::{Post, PostRaw, Unit, UnitRaw};
use banzi_store::{HolderRow, PostRow, UnitRow, today};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/units", get(tree).post(create_unit))
        .route("/units/new", get(new_unit))
        .route("/units/{code}", get(team).post(update_unit))
        .route("/units/{code}/edit", get(edit_unit))
        .route("/units/{code}/posts", axum::routing::post(create_post))
        .route("/units/{code}/posts/new", get(new_post))
}

pub struct TreeNode {
    pub unit: UnitRow,
    pub depth: usize,
}

/// Orders units as a tree (parents before children, depth for indentation). Units whose
/// parent is outside the caller's scope are roots.
fn as_tree(units: Vec<UnitRow>) -> Vec<TreeNode> {
    use std::collections::HashMap;
    let codes: std::collections::HashSet<String> = units.iter().map(|u| u.code.clone()).collect();
    let mut children: HashMap<Option<String>, Vec<UnitRow>> = HashMap::new();
    for u in units {
        let parent = u.parent_code.clone().filter(|p| codes.contains(p));
        children.entry(parent).or_default().push(u);
    }
    let mut out = Vec::new();
    let mut stack: Vec<(UnitRow, usize)> = children
        .remove(&None)
        .unwrap_or_default()
        .into_iter()
        .rev()
        .map(|u| (u, 0))
        .collect();
    while let Some((u, depth)) = stack.pop() {
        if let Some(kids) = children.remove(&Some(u.code.clone())) {
            stack.extend(kids.into_iter().rev().map(|k| (k, depth + 1)));
        }
        out.push(TreeNode { unit: u, depth });
    }
    out
}

#[derive(Template, WebTemplate)]
#[template(path = "units.html")]
struct TreePage {
    ctx: Ctx,
    nodes: Vec<TreeNode>,
}

async fn tree(State(s): State<AppState>, tr: Tr, caller: Caller) -> WebResult<TreePage> {
    let units = s.store.units(&caller.actor).await?;
    Ok(TreePage {
        ctx: Ctx::new(tr, &caller, "/units"),
        nodes: as_tree(units),
    })
}

pub struct PostView {
    pub post: PostRow,
    pub holders: Vec<HolderView>,
    /// 超职数 / 空缺 shown against 职数 (R-STRUCT-4 is computed by the alerts issue).
    pub status: &'static str,
}

pub struct HolderView {
    pub h: HolderRow,
    pub age: i32,
    pub tenure: String,
    pub education: String,
}

pub struct TeamBlock {
    pub name: String,
    pub posts: Vec<PostView>,
    pub seats: i64,
    pub filled: usize,
}

#[derive(Template, WebTemplate)]
#[template(path = "team.html")]
struct TeamPage {
    ctx: Ctx,
    unit: UnitRow,
    teams: Vec<TeamBlock>,
    members: usize,
    women: usize,
    non_cpc: usize,
    mean_age: String,
}

async fn team(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(code): Path<String>,
) -> WebResult<TeamPage> {
    let day = today();
    let v = s.store.team(&caller.actor, &code, day).await?;
    let mut teams: Vec<TeamBlock> = Vec::new();
    let mut ages = Vec::new();
    let (mut women, mut non_cpc) = (0, 0);
    let mut seen = std::collections::HashSet::new();
    for p in v.posts {
        let holders: Vec<HolderView> = v
            .holders
            .iter()
            .filter(|h| h.post_id == p.id)
            .map(|h| {
                let birth = parse_date(&h.birth_date).ok();
                let age = birth.map(|b| age_on(b, day)).unwrap_or(0);
                let (y, m) = parse_date(&h.start_date)
                    .map(|st| years_months(st, day))
                    .unwrap_or((0, 0));
                if seen.insert(h.id_number.clone()) {
                    ages.push(age);
                    women += usize::from(h.gender == "女");
                    non_cpc +=
                        usize::from(!matches!(h.party.as_str(), "中共党员" | "中共预备党员"));
                }
                HolderView {
                    h: h.clone(),
                    age,
                    tenure: tr
                        .t("team.tenure_fmt")
                        .replace("{y}", &y.to_string())
                        .replace("{m}", &m.to_string()),
                    education: h
                        .ft_education
                        .clone()
                        .or(h.pt_education.clone())
                        .unwrap_or_default(),
                }
            })
            .collect();
        let status = match holders.len() as i64 {
            n if n > p.seats => "over",
            n if n < p.seats => "vacant",
            _ => "ok",
        };
        let name = if p.team.is_empty() {
            tr.t("team.default_name").to_string()
        } else {
            p.team.clone()
        };
        let block = match teams.iter_mut().find(|t| t.name == name) {
            Some(b) => b,
            None => {
                teams.push(TeamBlock {
                    name,
                    posts: Vec::new(),
                    seats: 0,
                    filled: 0,
                });
                let last = teams.len() - 1;
                &mut teams[last]
            }
        };
        block.seats += p.seats;
        block.filled += holders.len();
        block.posts.push(PostView {
            post: p,
            holders,
            status,
        });
    }
    let mean_age = if ages.is_empty() {
        "—".into()
    } else {
        format!("{:.1}", ages.iter().sum::<i32>() as f64 / ages.len() as f64)
    };
    Ok(TeamPage {
        ctx: Ctx::new(tr, &caller, &format!("/units/{code}")),
        unit: v.unit,
        members: seen.len(),
        women,
        non_cpc,
        mean_age,
        teams,
    })
}

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
struct UnitFormPage {
    ctx: Ctx,
    editing: bool,
    f: UnitForm,
    errors: FieldErrors,
    systems: Vec<&'static str>,
    units: Vec<UnitRow>,
}

async fn unit_form_page(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    editing: bool,
    f: UnitForm,
    errors: FieldErrors,
) -> WebResult<UnitFormPage> {
    let units = s.store.units(&caller.actor).await?;
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
        units,
    })
}

async fn new_unit(State(s): State<AppState>, tr: Tr, caller: Caller) -> WebResult<UnitFormPage> {
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

async fn edit_unit(
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

pub fn require_staff(caller: &Caller) -> Result<(), crate::error::WebError> {
    if caller.actor.role.manages_appointments() {
        Ok(())
    } else {
        Err(banzi_domain::DomainError::Forbidden("只有组织部工作人员可以进行此操作".into()).into())
    }
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
                    "该单位编码已存在",
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

async fn create_unit(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Form(f): Form<UnitForm>,
) -> WebResult<Response> {
    require_staff(&caller)?;
    save_unit(s, tr, caller, false, f).await
}

async fn update_unit(
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
}

#[derive(Template, WebTemplate)]
#[template(path = "post_form.html")]
struct PostFormPage {
    ctx: Ctx,
    unit: UnitRow,
    f: PostForm,
    errors: FieldErrors,
    kinds: Vec<&'static str>,
}

async fn new_post(
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
    })
}

fn kinds() -> Vec<&'static str> {
    PostKind::ALL.iter().map(|k| k.label()).collect()
}

async fn create_post(
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
    };
    let result = match Post::parse(&raw) {
        Ok(p) => {
            if s.store.post(&caller.actor, &p.code).await.is_ok() {
                Err(banzi_domain::DomainError::invalid(
                    "职位编码",
                    "该职位编码已存在",
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
            };
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
