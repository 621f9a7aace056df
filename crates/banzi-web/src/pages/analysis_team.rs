//! 班子结构卡 — one team's traffic lights (R-STRUCT-2..6: green meets the rule, yellow
//! partly, red not; a red 一票否决 dimension makes the team red), its structure (R-STRUCT-1)
//! and its alerts; and the list of teams by light, which the city view's numbers open.

use super::alerts::{AlertRow, rows};
use super::analysis::{AsOf, LightView, light_key, light_view, rule_title};
use super::analysis_charts::{Chart, Lists, profile_charts};
use super::{Ctx, analysis::Link};
use crate::AppState;
use crate::auth::Caller;
use crate::error::{Query, WebResult};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use banzi_domain::DomainError;
use banzi_domain::rules::{Light, TeamLights, TeamProfile};
use std::collections::HashSet;

const PER_PAGE: usize = 100;

/// The card dimensions, by their keys in `rules::card`.
const DIMENSIONS: [&str; 6] = [
    "young",
    "woman",
    "non_cpc",
    "seats",
    "outside",
    "complement",
];

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/analysis/team", get(team))
        .route("/analysis/teams", get(list))
}

/// A dimension of the card as the page shows it.
pub struct DimView {
    pub key: &'static str,
    pub name: &'static str,
    pub rule: &'static str,
    /// The rule in words (年轻干部配备); `rule` is its tooltip.
    pub rule_name: &'static str,
    pub light: LightView,
    pub veto: bool,
    /// What was found, translated where the catalog knows it.
    pub detail: String,
}

#[derive(serde::Deserialize, Default)]
pub struct TeamQuery {
    #[serde(default)]
    unit: String,
    /// Absent: the unit's only team, or a choice of its teams; blank: the unnamed team.
    team: Option<String>,
    #[serde(default)]
    as_of: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "analysis_team.html")]
struct TeamPage {
    ctx: Ctx,
    tr: Tr,
    as_of: AsOf,
    error: String,
    unit_code: String,
    unit_name: String,
    /// The team shown, or none when the unit has several and none was asked for.
    team: Option<TeamProfile>,
    light: Option<LightView>,
    dims: Vec<DimView>,
    /// The unit's teams, each with its light and link.
    others: Vec<(TeamProfile, LightView, String)>,
    mean_age: String,
    charts: Vec<Chart>,
    rows: Vec<AlertRow>,
}

pub fn team_link(unit: &str, team: &str, as_of: &AsOf) -> String {
    let mut s = format!(
        "/analysis/team?unit={}&team={}",
        crate::auth::encode(unit),
        crate::auth::encode(team)
    );
    if let Some(d) = as_of.param() {
        s.push_str(&format!("&as_of={d}"));
    }
    s
}

async fn team(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<TeamQuery>,
) -> WebResult<TeamPage> {
    let as_of = AsOf::parse(&q.as_of);
    // The unit first: a liaison asking for another unit is told it does not exist.
    let view = s.store.team(&caller.actor, &q.unit, as_of.date).await?;
    let a = s
        .store
        .analyse_cached(&s.analyses, &caller.actor, as_of.date)
        .await?;
    let teams: Vec<TeamProfile> = a
        .structure
        .teams
        .iter()
        .filter(|t| a.structure.unit(t) == view.unit.code)
        .map(|t| a.structure.team(t))
        .collect();
    let team =
        match &q.team {
            Some(name) => Some(teams.iter().find(|t| &t.team == name).cloned().ok_or_else(
                || DomainError::NotFound(banzi_domain::message!("store-team", name = name.clone())),
            )?),
            None if teams.len() == 1 => teams.first().cloned(),
            None => None,
        };
    // The team's alerts: those on its posts and those on the unit (a team's structure).
    let posts: Option<HashSet<&str>> = team.as_ref().map(|t| {
        view.posts
            .iter()
            .filter(|p| p.team == t.team)
            .map(|p| p.code.as_str())
            .collect()
    });
    let alerts = a.report.alerts.iter().filter(|x| {
        x.unit == view.unit.code
            && match (&posts, x.post) {
                (Some(set), Some(p)) => set.contains(p),
                _ => true,
            }
    });
    let rows = rows(&s, &tr, alerts).await?;
    let dims = team.as_ref().map_or(Vec::new(), |t| {
        t.card
            .dimensions
            .iter()
            .map(|d| DimView {
                key: d.key,
                name: tr.t(&format!("card.{}", d.key)),
                rule: d.rule,
                rule_name: rule_title(&tr, d.rule),
                light: light_view(&tr, d.light),
                veto: d.veto,
                detail: tr.msg(&d.detail),
            })
            .collect()
    });
    // The cadre list filters by unit: it shows a team's members only when the unit has one.
    let several = teams.len() > 1;
    let charts = team.as_ref().map_or(Vec::new(), |t| {
        let lists = if several {
            Lists::Team(&t.unit, &t.team)
        } else {
            Lists::Unit(&t.unit, &t.team)
        };
        profile_charts(&tr, &t.profile, &as_of, lists)
    });
    let mean_age = team
        .as_ref()
        .and_then(|t| t.profile.mean_age)
        .map_or("—".to_string(), |m| format!("{m:.1}"));
    let others = teams
        .into_iter()
        .map(|t| {
            let link = team_link(&t.unit, &t.team, &as_of);
            let light = light_view(&tr, t.card.light);
            (t, light, link)
        })
        .collect();
    let light = team.as_ref().map(|t| light_view(&tr, t.card.light));
    let here = match &team {
        Some(t) => team_link(&t.unit, &t.team, &as_of),
        None => format!(
            "/analysis/team?unit={}",
            crate::auth::encode(&view.unit.code)
        ),
    };
    Ok(TeamPage {
        ctx: Ctx::new(tr, &caller, &here),
        tr,
        error: as_of.error_text(&tr),
        as_of,
        unit_code: view.unit.code,
        unit_name: view.unit.name,
        team,
        light,
        dims,
        others,
        mean_age,
        charts,
        rows,
    })
}

#[derive(serde::Deserialize, Default)]
pub struct TeamsQuery {
    #[serde(default)]
    as_of: String,
    /// A card dimension (`young` …): teams that have it; blank: the team's own light.
    #[serde(default)]
    dim: String,
    #[serde(default)]
    light: String,
    #[serde(default)]
    page: Option<i64>,
}

pub struct TeamRow {
    pub t: TeamProfile,
    /// The light the filter looked at (the dimension's, or the team's).
    pub light: LightView,
    /// The team's own light.
    pub team_light: LightView,
    pub link: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "analysis_teams.html")]
struct TeamsPage {
    ctx: Ctx,
    as_of: AsOf,
    error: String,
    /// The dimension's name (blank: the team's own light).
    dim_name: &'static str,
    total: Link,
    rows: Vec<TeamRow>,
    page: usize,
    pages: usize,
    prev: String,
    next: String,
}

fn parse_light(s: &str) -> Option<Light> {
    [Light::Green, Light::Yellow, Light::Red]
        .into_iter()
        .find(|l| light_key(*l) == s)
}

async fn list(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<TeamsQuery>,
) -> WebResult<TeamsPage> {
    let as_of = AsOf::parse(&q.as_of);
    let a = s
        .store
        .analyse_cached(&s.analyses, &caller.actor, as_of.date)
        .await?;
    let want = parse_light(q.light.trim());
    let dim = q.dim.trim().to_string();
    // Teams are chosen by their lights; the profiles of those on the page are made.
    let matching: Vec<(&TeamLights, Light)> = a
        .structure
        .teams
        .iter()
        .filter_map(|t| {
            let light = if dim.is_empty() {
                Some(t.light)
            } else {
                t.dimension(&dim)
            }?;
            if !q.light.trim().is_empty() && want != Some(light) {
                return None;
            }
            Some((t, light))
        })
        .collect();
    let total = matching.len();
    let pages = total.div_ceil(PER_PAGE).max(1);
    let page = usize::try_from(q.page.unwrap_or(1))
        .unwrap_or(1)
        .clamp(1, pages);
    let rows = matching
        .into_iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .map(|(t, light)| {
            let t = a.structure.team(t);
            let link = team_link(&t.unit, &t.team, &as_of);
            TeamRow {
                light: light_view(&tr, light),
                team_light: light_view(&tr, t.card.light),
                t,
                link,
            }
        })
        .collect();
    let base = super::analysis::teams_link(&dim, want, &as_of);
    let sep = if base.contains('?') { '&' } else { '?' };
    Ok(TeamsPage {
        ctx: Ctx::new(tr, &caller, &base),
        error: as_of.error_text(&tr),
        as_of,
        dim_name: if DIMENSIONS.contains(&dim.as_str()) {
            tr.t(&format!("card.{dim}"))
        } else {
            ""
        },
        total: Link {
            n: total,
            link: base.clone(),
        },
        rows,
        page,
        pages,
        prev: format!("{base}{sep}page={}", page.saturating_sub(1)),
        next: format!("{base}{sep}page={}", page + 1),
    })
}
