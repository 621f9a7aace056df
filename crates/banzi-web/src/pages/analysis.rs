//! 结构分析 — the city dashboard of DOMAIN.md M2: the structure of the cadres in post
//! (R-STRUCT-1), the young-cadre ratio against its target (R-STRUCT-2), the team cards by
//! light and the alerts by rule and level. One load of the registry (`Store::analyse`) per
//! page; every number is in a table (and links to its list), the charts draw the same
//! numbers. A unit liaison gets its own unit's alerts and teams, and no city figures.

use super::Ctx;
use super::analysis_charts::{
    Chart, Lists, alerts_chart, alerts_link, cadres_link, profile_charts,
};
use crate::AppState;
use crate::auth::Caller;
use crate::error::{Query, WebResult};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use banzi_domain::Date;
use banzi_domain::date::parse as parse_date;
use banzi_domain::rules::{Level, Light, Summary, TeamLights, percent};
use banzi_store::today;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/analysis", get(city))
        .merge(super::analysis_team::routes())
        .merge(super::analysis_members::routes())
        .merge(super::rule_params::routes())
}

/// The date a page is as of: blank is today; a bad date is today too, with the reason (a
/// message of the rules) shown under the date field.
pub struct AsOf {
    pub date: Date,
    /// What the reader typed.
    pub text: String,
    pub error: Option<banzi_domain::Msg>,
    today: Date,
}

impl AsOf {
    pub fn parse(text: &str) -> AsOf {
        let today = today();
        let text = text.trim().to_string();
        let (date, error) = match text.as_str() {
            "" => (today, None),
            t => match parse_date(t) {
                Ok(d) => (d, None),
                Err(m) => (today, Some(m)),
            },
        };
        AsOf {
            date,
            text,
            error,
            today,
        }
    }

    pub fn is_today(&self) -> bool {
        self.date == self.today
    }

    /// The `as_of` a link should carry to stay on this date; none for today.
    pub fn param(&self) -> Option<String> {
        (!self.is_today()).then(|| self.date.to_string())
    }

    /// The error under the date field, in the reader's language; empty if none.
    pub fn error_text(&self, tr: &Tr) -> String {
        self.error
            .as_ref()
            .map(|m| format!("{}{}{}", tr.t("analysis.as_of"), tr.t("p.colon"), tr.msg(m)))
            .unwrap_or_default()
    }
}

#[derive(serde::Deserialize, Default)]
pub struct AsOfQuery {
    #[serde(default)]
    pub as_of: String,
}

/// A number and the list it counts.
pub struct Link {
    pub n: usize,
    pub link: String,
}

pub struct RuleRow {
    pub rule: &'static str,
    pub title: &'static str,
    pub cells: Vec<(Level, Link)>,
    pub total: Link,
}

/// A level as the page shows it: its key, name and colour (a Bootstrap class suffix).
pub struct LevelView {
    pub key: &'static str,
    pub name: &'static str,
    pub class: &'static str,
}

pub fn level_view(tr: &Tr, l: Level) -> LevelView {
    LevelView {
        key: l.key(),
        name: tr.t(&format!("level.{}", l.key())),
        class: match l {
            Level::Violation => "danger",
            Level::Warning => "warning",
            Level::Notice => "secondary",
        },
    }
}

/// A traffic light as the page shows it.
pub struct LightView {
    pub key: &'static str,
    pub name: &'static str,
    pub class: &'static str,
}

pub fn light_view(tr: &Tr, l: Light) -> LightView {
    let key = light_key(l);
    LightView {
        key,
        name: tr.t(&format!("light.{key}")),
        class: match l {
            Light::Green => "success",
            Light::Yellow => "warning",
            Light::Red => "danger",
        },
    }
}

/// The title of a rule (`R-EXCH-1` → 正职交流).
pub fn rule_title(tr: &Tr, rule: &str) -> &'static str {
    tr.t(&format!("rule.{rule}"))
}

/// R-STRUCT-2 as the page shows it.
pub struct Young {
    pub age: i32,
    pub city_teams: Link,
    pub with_young: Link,
    pub without: Link,
    /// `with_young / city_teams` as a percentage to one decimal; `—` without teams.
    pub ratio: String,
    /// The target as a percentage (66.7%), and as the parameter is written (2/3).
    pub target: String,
    pub target_text: String,
    pub meets: bool,
    pub plan_age: i32,
    pub appointed: usize,
    pub appointed_young: usize,
}

#[derive(Template, WebTemplate)]
#[template(path = "analysis.html")]
struct CityPage {
    ctx: Ctx,
    as_of: AsOf,
    error: String,
    /// A unit liaison: its unit only, no city figures.
    scoped: bool,
    s: Summary,
    levels: Vec<(LevelView, Link)>,
    all_alerts: Link,
    rules: Vec<RuleRow>,
    young: Young,
    lights: Vec<(LightView, Link)>,
    teams: Link,
    members: u32,
    mean_age: String,
    non_cpc: Link,
    age_tiers: bool,
    secondments: Link,
    charts: Vec<Chart>,
    alert_chart: Vec<Chart>,
}

/// `/analysis/teams?…`, at the page's date.
pub fn teams_link(dim: &str, light: Option<Light>, as_of: &AsOf) -> String {
    let mut q = Vec::new();
    if !dim.is_empty() {
        q.push(format!("dim={dim}"));
    }
    if let Some(l) = light {
        q.push(format!("light={}", light_key(l)));
    }
    if let Some(d) = as_of.param() {
        q.push(format!("as_of={d}"));
    }
    if q.is_empty() {
        "/analysis/teams".into()
    } else {
        format!("/analysis/teams?{}", q.join("&"))
    }
}

pub fn light_key(l: Light) -> &'static str {
    match l {
        Light::Green => "green",
        Light::Yellow => "yellow",
        Light::Red => "red",
    }
}

/// Teams by their own light.
fn light_counts(tr: &Tr, teams: &[TeamLights], as_of: &AsOf) -> Vec<(LightView, Link)> {
    [Light::Green, Light::Yellow, Light::Red]
        .into_iter()
        .map(|l| {
            let n = teams.iter().filter(|t| t.light == l).count();
            (
                light_view(tr, l),
                Link {
                    n,
                    link: teams_link("", Some(l), as_of),
                },
            )
        })
        .collect()
}

fn young(s: &Summary, as_of: &AsOf) -> Young {
    let y = &s.young;
    let link = |n, light| Link {
        n,
        link: teams_link("young", light, as_of),
    };
    Young {
        age: y.young_age,
        city_teams: link(y.city_teams, None),
        with_young: link(y.with_young, Some(Light::Green)),
        without: link(
            y.city_teams - y.with_young.min(y.city_teams),
            Some(Light::Yellow),
        ),
        ratio: percent(y.with_young as u64, y.city_teams as u64),
        target: y.target.percent(),
        target_text: y.target.to_string(),
        meets: y.meets_target,
        plan_age: y.plan_age,
        appointed: y.appointed_this_year,
        appointed_young: y.appointed_under_plan_age,
    }
}

async fn city(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<AsOfQuery>,
) -> WebResult<CityPage> {
    let as_of = AsOf::parse(&q.as_of);
    let a = s
        .store
        .analyse_cached(&s.analyses, &caller.actor, as_of.date)
        .await?;
    let sum = &a.report.summary;
    let scoped = caller.actor.scope.unit().is_some();
    let levels = Level::ALL
        .into_iter()
        .map(|l| {
            (
                level_view(&tr, l),
                Link {
                    n: sum.levels.get(l),
                    link: alerts_link("", Some(l), &as_of),
                },
            )
        })
        .collect();
    let rules = sum
        .rules
        .iter()
        .map(|r| RuleRow {
            rule: r.rule,
            title: rule_title(&tr, r.rule),
            cells: Level::ALL
                .into_iter()
                .map(|l| {
                    let link = alerts_link(r.rule, Some(l), &as_of);
                    (
                        l,
                        Link {
                            n: r.levels.get(l),
                            link,
                        },
                    )
                })
                .collect(),
            total: Link {
                n: r.levels.total(),
                link: alerts_link(r.rule, None, &as_of),
            },
        })
        .collect();
    let here = match as_of.param() {
        Some(d) => format!("/analysis?as_of={d}"),
        None => "/analysis".into(),
    };
    let city = &a.structure.city;
    let charts = if scoped {
        Vec::new()
    } else {
        profile_charts(&tr, city, &as_of, Lists::City)
    };
    Ok(CityPage {
        error: as_of.error_text(&tr),
        scoped,
        levels,
        all_alerts: Link {
            n: sum.levels.total(),
            link: alerts_link("", None, &as_of),
        },
        rules,
        young: young(sum, &as_of),
        lights: light_counts(&tr, &a.structure.teams, &as_of),
        teams: Link {
            n: a.structure.teams.len(),
            link: teams_link("", None, &as_of),
        },
        members: city.members,
        mean_age: city.mean_age.map_or("—".to_string(), |m| format!("{m:.1}")),
        non_cpc: Link {
            n: city.non_cpc as usize,
            link: cadres_link(&[("in_post", &as_of.date.to_string()), ("party", "党外")]),
        },
        age_tiers: city.age_tiers,
        secondments: Link {
            n: sum.secondments.count,
            link: alerts_link("R-TRAIN-2", None, &as_of),
        },
        charts,
        alert_chart: vec![alerts_chart(&tr, &sum.rules, &as_of)],
        s: sum.clone(),
        ctx: Ctx::new(tr, &caller, &here),
        as_of,
    })
}
