//! 统计对象名单 — the members a structure profile counts (R-STRUCT-1), filtered by the labels
//! of its dimensions: what a number of the city view or of a team card opens when the cadre
//! list cannot show it (来源, 任现职时间, a team of a unit with several teams). The list is
//! `rules::counted` on the kept analysis, so it holds exactly the members the number counts.

use super::Ctx;
use super::analysis::AsOf;
use super::analysis_team::team_link;
use crate::AppState;
use crate::auth::Caller;
use crate::error::{Query, WebResult};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use banzi_domain::rules::{Counted, DIMENSIONS};
use std::collections::HashMap;

const PER_PAGE: usize = 100;

pub fn routes() -> Router<AppState> {
    Router::new().route("/analysis/members", get(members))
}

/// A filter as the page shows it.
pub struct Chip {
    pub dim: &'static str,
    pub text: String,
}

pub struct MemberRow {
    pub m: Counted,
    /// The cadre's address (its row id).
    pub cref: i64,
    pub source: String,
    pub tenure: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "analysis_members.html")]
struct MembersPage {
    ctx: Ctx,
    as_of: AsOf,
    /// Back to the profile the numbers came from.
    back: String,
    /// "江川市" (the city) or the team's name.
    whose: String,
    chips: Vec<Chip>,
    total: usize,
    rows: Vec<MemberRow>,
    page: usize,
    pages: usize,
    prev: String,
    next: String,
}

/// The name of a dimension on the page.
fn dim_name(tr: &Tr, dim: &str) -> &'static str {
    tr.t(match dim {
        "age" => "analysis.age_bands",
        "gender" => "analysis.gender",
        "generation" => "analysis.generation",
        "ethnicity" => "analysis.ethnicity",
        "party" => "analysis.party",
        "ft_edu" => "analysis.ft_education",
        "top_edu" => "analysis.top_education",
        "profession" => "analysis.profession",
        "source" => "analysis.source",
        _ => "analysis.tenure",
    })
}

/// A profile label in the reader's language.
fn shown(tr: &Tr, dim: &str, label: &str) -> String {
    use banzi_domain::rules::{SOURCES, TENURE_BANDS};
    let keyed = |labels: &[&str], key: &dyn Fn(usize) -> String| {
        labels
            .iter()
            .position(|l| *l == label)
            .map(|i| tr.t(&key(i)).to_string())
    };
    let found = match dim {
        "source" => keyed(&SOURCES, &|i| {
            format!("analysis.source_{}", ["local", "outside", "grassroots"][i])
        }),
        "tenure" => keyed(&TENURE_BANDS, &|i| format!("analysis.tenure_{i}")),
        "age" => Some(super::analysis_charts::band_label(tr, label)),
        _ => None,
    };
    found.unwrap_or_else(|| tr.v(label).to_string())
}

async fn members(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<HashMap<String, String>>,
) -> WebResult<MembersPage> {
    let arg = |k: &str| q.get(k).map_or("", |v| v.as_str());
    let as_of = AsOf::parse(arg("as_of"));
    let team = q.get("unit").map(|u| (u.as_str(), arg("team")));
    let all = s
        .store
        .counted(&s.analyses, &caller.actor, as_of.date, team)
        .await?;
    let filters: Vec<(&'static str, &str)> = DIMENSIONS
        .iter()
        .filter_map(|d| q.get(*d).map(|l| (*d, l.as_str())))
        .collect();
    let kept: Vec<Counted> = all
        .into_iter()
        .filter(|m| filters.iter().all(|(d, l)| m.label(d) == Some(l)))
        .collect();
    let total = kept.len();
    let pages = total.div_ceil(PER_PAGE).max(1);
    let page = arg("page").parse::<usize>().unwrap_or(1).clamp(1, pages);
    let shown_here: Vec<Counted> = kept
        .into_iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .collect();
    let named: Vec<String> = shown_here.iter().map(|m| m.cadre.clone()).collect();
    let refs = s.store.cadre_refs(&named).await?;
    let rows = shown_here
        .into_iter()
        .map(|m| MemberRow {
            source: shown(&tr, "source", m.label("source").unwrap_or("")),
            tenure: shown(&tr, "tenure", m.label("tenure").unwrap_or("")),
            cref: refs.get(&m.cadre).copied().unwrap_or(0),
            m,
        })
        .collect();
    let at_page = |p: usize| {
        let mut pairs: Vec<String> = q
            .iter()
            .filter(|(k, _)| k.as_str() != "page")
            .map(|(k, v)| format!("{k}={}", crate::auth::encode(v)))
            .collect();
        pairs.sort();
        pairs.push(format!("page={p}"));
        format!("/analysis/members?{}", pairs.join("&"))
    };
    let (back, whose) = match team {
        Some((unit, name)) => (
            team_link(unit, name, &as_of),
            format!(
                "{}{}",
                s.store
                    .team(&caller.actor, unit, as_of.date)
                    .await?
                    .unit
                    .name,
                if name.is_empty() {
                    tr.t("team.default_name")
                } else {
                    name
                }
            ),
        ),
        None => (
            format!("/analysis?as_of={}", as_of.date),
            tr.t("analysis.city").to_string(),
        ),
    };
    Ok(MembersPage {
        chips: filters
            .iter()
            .map(|(d, l)| Chip {
                dim: d,
                text: format!(
                    "{}{}{}",
                    dim_name(&tr, d),
                    tr.t("p.colon"),
                    shown(&tr, d, l)
                ),
            })
            .collect(),
        ctx: Ctx::new(tr, &caller, "/analysis"),
        as_of,
        back,
        whose,
        total,
        rows,
        page,
        prev: at_page(page.saturating_sub(1)),
        next: at_page(page + 1),
        pages,
    })
}
