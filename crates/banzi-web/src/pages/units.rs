//! The unit tree, a unit's team page, and the unit and post forms (staff).

use super::analysis::AsOf;
use super::{Ctx, unit_forms};
use crate::AppState;
use crate::auth::Caller;
use crate::error::{Query, WebResult};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;
use banzi_domain::date::{age_on, parse, years_months};
use banzi_store::{HolderRow, PostRow, UnitRow};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/units", get(tree).post(unit_forms::create_unit))
        .route("/units/new", get(unit_forms::new_unit))
        .route("/units/{code}", get(team).post(unit_forms::update_unit))
        .route("/units/{code}/edit", get(unit_forms::edit_unit))
        .route(
            "/units/{code}/posts",
            axum::routing::post(unit_forms::create_post),
        )
        .route("/units/{code}/posts/new", get(unit_forms::new_post))
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
    /// 班子名称 as stored (blank for the unit's one team): the team's key.
    pub key: String,
    pub posts: Vec<PostView>,
    pub seats: i64,
    pub filled: usize,
}

#[derive(Template, WebTemplate)]
#[template(path = "team.html")]
struct TeamPage {
    ctx: Ctx,
    unit: UnitRow,
    /// The day the team is shown as it stood (历史班子); today when not asked.
    as_of: AsOf,
    /// The date field's error, in the reader's language; empty if none.
    error: String,
    /// `?as_of=…` (or `&as_of=…` with `amp`) for the page's links, empty for today.
    keep: String,
    teams: Vec<TeamBlock>,
    members: usize,
    /// Seats no one held on the day, over every post (空缺, R-STRUCT-4).
    vacancies: i64,
    women: usize,
    non_cpc: usize,
    mean_age: String,
}

#[derive(serde::Deserialize, Default)]
pub struct TeamQuery {
    #[serde(default)]
    as_of: String,
}

/// A unit's teams as they stood on `?as_of=` (today by default, Beijing time): the posts,
/// who held each on that day (an appointment with start ≤ day < end, or no end), and the
/// seats left empty. Posts carry no dates of their own in the registry, so every post of
/// the unit is shown.
async fn team(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(code): Path<String>,
    Query(q): Query<TeamQuery>,
) -> WebResult<TeamPage> {
    let as_of = AsOf::parse(&q.as_of);
    let day = as_of.date;
    let v = s.store.team(&caller.actor, &code, day).await?;
    let mut teams: Vec<TeamBlock> = Vec::new();
    let mut ages = Vec::new();
    let (mut women, mut non_cpc) = (0, 0);
    let mut seen = std::collections::HashSet::new();
    let mut vacancies = 0;
    for p in v.posts {
        let holders: Vec<HolderView> = v
            .holders
            .iter()
            .filter(|h| h.post_id == p.id)
            .map(|h| {
                let birth = parse(&h.birth_date).ok();
                let age = birth.map(|b| age_on(b, day)).unwrap_or(0);
                let (y, m) = parse(&h.start_date)
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
                    tenure: tr.args("team.tenure_ym", &[("y", y.into()), ("m", m.into())]),
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
                    key: p.team.clone(),
                    posts: Vec::new(),
                    seats: 0,
                    filled: 0,
                });
                let last = teams.len() - 1;
                &mut teams[last]
            }
        };
        vacancies += (p.seats - holders.len() as i64).max(0);
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
    let keep = as_of
        .param()
        .map(|d| format!("as_of={d}"))
        .unwrap_or_default();
    let here = match keep.as_str() {
        "" => format!("/units/{code}"),
        k => format!("/units/{code}?{k}"),
    };
    Ok(TeamPage {
        ctx: Ctx::new(tr, &caller, &here),
        unit: v.unit,
        error: as_of.error_text(&tr),
        as_of,
        keep,
        members: seen.len(),
        vacancies,
        women,
        non_cpc,
        mean_age,
        teams,
    })
}
