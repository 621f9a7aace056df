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
use banzi_store::{HolderRow, PostRow, UnitNode, UnitRow};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/units", get(tree).post(unit_forms::create_unit))
        .route("/unit-tree", get(level))
        .route("/unit-pick", get(pick))
        .route("/post-pick", get(pick_post))
        .route("/units/new", get(unit_forms::new_unit))
        .route("/units/{code}", get(team).post(unit_forms::update_unit))
        .route("/units/{code}/edit", get(unit_forms::edit_unit))
        .route(
            "/units/{code}/posts",
            axum::routing::post(unit_forms::create_post),
        )
        .route("/units/{code}/posts/new", get(unit_forms::new_post))
}

/// Units shown a level at a time: the roots, then each node's children when it is opened
/// (issue 18, item 1: a province's 40,000 units are never one page).
pub const LEVEL_PAGE: i64 = 100;

/// At most this many units found by a search of the tree page, and by a picker.
const FOUND_MAX: usize = 50;
const PICK_MAX: usize = 12;

/// A level of the tree (or the next part of one): its nodes and what is left to show.
#[derive(Template, WebTemplate)]
#[template(
    source = "{% let level = self %}{% include \"unit_nodes.html\" %}",
    ext = "html"
)]
pub struct Level {
    tr: Tr,
    nodes: Vec<UnitNode>,
    /// The parent's code, empty for the roots.
    parent: String,
    /// How many units come after this part.
    left: i64,
}

impl Level {
    /// The part of the level under `parent` after the unit `after` (the first part when
    /// empty). `left`: how many units the part before said were left, carried by its "more"
    /// link so a part deep in a level of 40,000 does not count them again; counted when the
    /// link has none.
    async fn load(
        s: &AppState,
        tr: Tr,
        caller: &Caller,
        parent: &str,
        after: &str,
        left: Option<i64>,
    ) -> WebResult<Level> {
        let parent_code = Some(parent).filter(|p| !p.is_empty());
        let after = Some(after).filter(|a| !a.is_empty());
        let left = left.filter(|_| after.is_some()).map(|n| n.max(0));
        let (nodes, total) = s
            .store
            .unit_children(
                &caller.actor,
                parent_code,
                after,
                LEVEL_PAGE,
                left.is_none(),
            )
            .await?;
        let shown = nodes.len() as i64;
        let left = if shown < LEVEL_PAGE {
            0
        } else {
            (total.or(left).unwrap_or(0) - shown).max(0)
        };
        Ok(Level {
            tr,
            nodes,
            parent: parent.to_string(),
            left,
        })
    }

    /// The address of the next part of this level: after its last unit.
    fn more_link(&self) -> String {
        let parent = crate::auth::encode(&self.parent);
        let last = self
            .nodes
            .last()
            .map(|n| n.unit.code.as_str())
            .unwrap_or("");
        format!(
            "/unit-tree?parent={parent}&after={}&left={}",
            crate::auth::encode(last),
            self.left
        )
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "units.html")]
struct TreePage {
    ctx: Ctx,
    /// The search typed, and what it found (shown instead of the tree).
    q: String,
    found: Option<(Vec<UnitNode>, bool)>,
    level: Level,
}

#[derive(serde::Deserialize, Default)]
struct TreeQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    parent: String,
    /// The code of the unit a part of a level comes after, and how many the part before
    /// said were left (see [`Level::load`]).
    #[serde(default)]
    after: String,
    #[serde(default)]
    left: Option<i64>,
}

/// `/units`: the roots of the tree (a liaison's unit), or the units a search finds by name,
/// code or pinyin.
async fn tree(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<TreeQuery>,
) -> WebResult<TreePage> {
    let found = match q.q.trim() {
        "" => None,
        text => Some(s.store.search_units(&caller.actor, text, FOUND_MAX).await?),
    };
    Ok(TreePage {
        level: Level::load(&s, tr, &caller, "", "", None).await?,
        ctx: Ctx::new(tr, &caller, "/units"),
        q: q.q,
        found,
    })
}

/// `/unit-tree?parent=CODE&after=CODE&left=N`: the children of a node as the tree opens it
/// (htmx), a part at a time.
async fn level(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<TreeQuery>,
) -> WebResult<Level> {
    Level::load(&s, tr, &caller, &q.parent, &q.after, q.left).await
}

/// One choice of a picker's list.
#[derive(serde::Serialize)]
struct Picked {
    code: String,
    name: String,
    /// What tells choices of one name apart: the parent unit, the code.
    detail: String,
}

#[derive(serde::Serialize)]
struct Picks {
    items: Vec<Picked>,
    /// More match than are listed: type more.
    more: bool,
}

fn picks(items: Vec<Picked>, more: bool) -> axum::response::Response {
    use axum::response::IntoResponse;
    (
        [(axum::http::header::CACHE_CONTROL, "no-store")],
        axum::Json(Picks { items, more }),
    )
        .into_response()
}

/// `/unit-pick?q=…`: the type-ahead of every unit filter, as JSON (`{items: [{code, name,
/// detail}], more}`), in the caller's scope.
async fn pick(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<TreeQuery>,
) -> WebResult<axum::response::Response> {
    let (found, more) = s.store.search_units(&caller.actor, &q.q, PICK_MAX).await?;
    let items = found
        .into_iter()
        .map(|n| Picked {
            detail: match n.parent_name {
                Some(p) => format!("{p} · {}", n.unit.code),
                None => n.unit.code.clone(),
            },
            code: n.unit.code,
            name: n.unit.name,
        })
        .collect();
    Ok(picks(items, more))
}

/// `/post-pick?q=…`: the type-ahead of a post field (the unit by a part of its name, pinyin
/// or code, the post's code or title), as `/unit-pick` answers.
async fn pick_post(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<TreeQuery>,
) -> WebResult<axum::response::Response> {
    let (found, more) = s
        .store
        .search_posts(&caller.actor, &q.q, PICK_MAX as i64)
        .await?;
    let items = found
        .into_iter()
        .map(|p| Picked {
            name: format!("{} {}", p.unit_name, p.title),
            detail: p.code.clone(),
            code: p.code,
        })
        .collect();
    Ok(picks(items, more))
}

/// A unit (or post) field on a page: a type-ahead over [`pick`] (or [`pick_post`]) that
/// sends the chosen code under `field` (empty: every unit), showing its name. A page puts it
/// in with `{{ pick|safe }}`.
#[derive(Template)]
#[template(path = "unit_picker.html")]
pub struct Picker {
    tr: Tr,
    pub field: &'static str,
    pub id: &'static str,
    pub code: String,
    pub label: String,
    /// Where the choices come from: `/unit-pick` or `/post-pick`.
    pub source: &'static str,
    /// The key of what the empty field means (every unit; no parent …).
    pub empty: &'static str,
}

/// The name of a chosen record; None when the caller cannot see it (the field then shows the
/// code typed); any other failure stays one.
fn named(r: Result<String, banzi_domain::DomainError>) -> WebResult<Option<String>> {
    match r {
        Ok(n) => Ok(Some(n)),
        Err(banzi_domain::DomainError::NotFound(_)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

impl Picker {
    /// The picker of `field` with `code` chosen, named as the registry names it (the code
    /// itself if the caller cannot see such a unit).
    pub async fn unit(
        s: &AppState,
        tr: Tr,
        caller: &Caller,
        field: &'static str,
        id: &'static str,
        code: &str,
    ) -> WebResult<Picker> {
        let code = code.trim();
        let label = match code {
            "" => None,
            c => named(s.store.unit(&caller.actor, c).await.map(|u| u.name))?,
        };
        Ok(Picker::of(
            tr,
            field,
            id,
            code,
            label,
            "/unit-pick",
            "picker.all_units",
        ))
    }

    /// A post field with `code` chosen (empty: none), named "单位 职位".
    pub async fn post(
        s: &AppState,
        tr: Tr,
        caller: &Caller,
        field: &'static str,
        id: &'static str,
        code: &str,
    ) -> WebResult<Picker> {
        let code = code.trim();
        let label = match code {
            "" => None,
            c => named(
                s.store
                    .post(&caller.actor, c)
                    .await
                    .map(|p| format!("{} {}", p.unit_name, p.title)),
            )?,
        };
        Ok(Picker::of(
            tr,
            field,
            id,
            code,
            label,
            "/post-pick",
            "picker.post",
        ))
    }

    fn of(
        tr: Tr,
        field: &'static str,
        id: &'static str,
        code: &str,
        label: Option<String>,
        source: &'static str,
        empty: &'static str,
    ) -> Picker {
        Picker {
            tr,
            field,
            id,
            label: label.unwrap_or_else(|| code.to_string()),
            code: code.to_string(),
            source,
            empty,
        }
    }

    /// The same picker, its empty field meaning `key`'s text.
    pub fn empty_means(self, key: &'static str) -> Picker {
        Picker { empty: key, ..self }
    }
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
