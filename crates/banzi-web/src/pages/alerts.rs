//! 预警 — the alert list of DOMAIN.md M2: filter by rule, level, unit and due window, a page
//! of 100 at a time, and the filtered list as a workbook (one sheet per level), each export
//! audited since it names people. A unit liaison gets its unit's alerts only (the store
//! filters).

use super::analysis::{AsOf, LevelView, level_view, rule_title};
use super::units::Picker;
use super::{Ctx, is_htmx};
use crate::AppState;
use crate::auth::{Caller, encode};
use crate::error::{Query, WebResult};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use banzi_domain::DomainError;
use banzi_domain::Msg;
use banzi_domain::date::parse_opt as parse_opt_date;
use banzi_domain::rules::{AlertFilter, AlertRef, Level, RULES};

const PER_PAGE: usize = 100;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/alerts", get(list))
        .route("/alerts/export.xlsx", get(export))
}

#[derive(serde::Deserialize, Default, Clone)]
pub struct AlertQuery {
    #[serde(default)]
    pub rule: String,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub due_from: String,
    #[serde(default)]
    pub due_to: String,
    #[serde(default)]
    pub as_of: String,
    #[serde(default)]
    pub page: Option<i64>,
}

impl AlertQuery {
    /// The filters as a query string (without the page).
    pub fn filters(&self) -> String {
        [
            ("rule", &self.rule),
            ("level", &self.level),
            ("unit", &self.unit),
            ("due_from", &self.due_from),
            ("due_to", &self.due_to),
            ("as_of", &self.as_of),
        ]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v.trim())))
        .collect::<Vec<_>>()
        .join("&")
    }

    pub fn at_page(&self, page: usize) -> String {
        match self.filters() {
            f if f.is_empty() => format!("page={page}"),
            f => format!("{f}&page={page}"),
        }
    }
}

/// The filters, read. Errors are (locale key of the field, message of the rules).
fn read(q: &AlertQuery) -> (AlertFilter, Vec<(&'static str, Msg)>) {
    let mut errors = Vec::new();
    let mut date = |key: &'static str, text: &str| match parse_opt_date(text) {
        Ok(d) => d,
        Err(m) => {
            errors.push((key, m));
            None
        }
    };
    let due_from = date("alerts.due_from", &q.due_from);
    let due_to = date("alerts.due_to", &q.due_to);
    let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let f = AlertFilter {
        rule: some(&q.rule),
        // An unknown level matches nothing, as an unknown rule or unit does.
        level: some(&q.level).map(|l| Level::ALL.into_iter().find(|x| x.key() == l)),
        unit: some(&q.unit),
        due_from,
        due_to,
    };
    (f, errors)
}

/// An alert as a row of the list.
pub struct AlertRow {
    pub level: LevelView,
    pub rule: &'static str,
    /// The rule in words (正职交流); the id is its tooltip.
    pub rule_title: &'static str,
    pub due: String,
    pub unit: String,
    pub unit_name: String,
    /// 职位编码 (a tooltip) and 职位名称 (what the row shows); blank for a team's alert.
    pub post: String,
    pub post_title: String,
    /// 姓名 of the cadre named; blank when none.
    pub cadre_name: String,
    /// The cadre's address (`/cadres/{cadre}`, its row id), 0 when the alert names none.
    pub cadre: i64,
    /// In the reader's language.
    pub message: String,
}

/// Writes the messages of the alerts shown only: a province has hundreds of thousands. The
/// cadres they name are linked by address, not by ID number (issue 14, item 16); units,
/// posts and cadres are shown by name (issue 15, item 6), from the registry the analysis
/// read, which is already cut to the caller's scope.
pub async fn rows<'a>(
    s: &AppState,
    tr: &Tr,
    alerts: impl Iterator<Item = AlertRef<'a>>,
) -> WebResult<Vec<AlertRow>> {
    let alerts: Vec<AlertRef<'a>> = alerts.collect();
    let named: Vec<String> = alerts
        .iter()
        .filter_map(|a| a.cadre.map(str::to_string))
        .collect();
    let refs = s.store.cadre_refs(&named).await?;
    Ok(alerts
        .into_iter()
        .map(|a| AlertRow {
            level: level_view(tr, a.level),
            rule: a.rule,
            rule_title: rule_title(tr, a.rule),
            due: a.due.map(|d| d.to_string()).unwrap_or_default(),
            unit_name: a.unit_name.to_string(),
            unit: a.unit.to_string(),
            post: a.post.unwrap_or_default().to_string(),
            post_title: a.post_title.unwrap_or_default().to_string(),
            cadre_name: a.cadre_name.unwrap_or_default().to_string(),
            cadre: a.cadre.and_then(|c| refs.get(c)).copied().unwrap_or(0),
            message: tr.msg(&a.message()),
        })
        .collect())
}

#[derive(Template, WebTemplate)]
#[template(path = "alerts.html")]
struct ListPage {
    ctx: Ctx,
    q: AlertQuery,
    /// The unit filter (a type-ahead: a province has 40,000 units).
    unit: Picker,
    /// (id, title) of every rule; (key, name) of every level.
    rules: Vec<(&'static str, &'static str)>,
    levels: Vec<LevelView>,
    r: Results,
}

#[derive(Template, WebTemplate)]
#[template(path = "alert_results.html")]
struct Results {
    tr: Tr,
    as_of: String,
    errors: Vec<String>,
    /// Matching alerts by level, and in all.
    counts: Vec<(LevelView, usize)>,
    total: usize,
    rows: Vec<AlertRow>,
    page: usize,
    pages: usize,
    prev: String,
    next: String,
    export: String,
}

async fn list(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    headers: HeaderMap,
    Query(q): Query<AlertQuery>,
) -> WebResult<Response> {
    let as_of = AsOf::parse(&q.as_of);
    let unit = Picker::unit(&s, tr, &caller, "unit", "f-unit", &q.unit).await?;
    let (filter, errors) = read(&q);
    let mut errors: Vec<String> = errors
        .into_iter()
        .map(|(k, m)| format!("{}{}{}", tr.t(k), tr.t("p.colon"), tr.msg(&m)))
        .collect();
    errors.extend(Some(as_of.error_text(&tr)).filter(|e| !e.is_empty()));
    let analysis = s
        .store
        .analyse_cached(&s.analyses, &caller.actor, as_of.date)
        .await?;
    let alerts = &analysis.report.alerts;
    // The page's alerts by position (not the alerts themselves, 25 MB a request on a
    // province), with how many match in all and at each level.
    let asked = usize::try_from(q.page.unwrap_or(1)).unwrap_or(1);
    let found = if errors.is_empty() {
        alerts.page(&filter, asked, PER_PAGE)
    } else {
        alerts.page(&AlertFilter::keeping_none(), asked, PER_PAGE)
    };
    let (page, pages) = (found.page, found.pages);
    let r = Results {
        tr,
        as_of: as_of.date.to_string(),
        errors,
        counts: Level::ALL
            .into_iter()
            .zip(found.by_level)
            .map(|(l, n)| (level_view(&tr, l), n))
            .collect(),
        total: found.total,
        rows: rows(
            &s,
            &tr,
            found
                .positions
                .iter()
                .filter_map(|i| alerts.get(*i as usize)),
        )
        .await?,
        page,
        pages,
        prev: q.at_page(page.saturating_sub(1)),
        next: q.at_page(page + 1),
        export: q.filters(),
    };
    if is_htmx(&headers) {
        return Ok(r.into_response());
    }
    Ok(ListPage {
        ctx: Ctx::new(tr, &caller, &format!("/alerts?{}", q.filters())),
        q,
        unit,
        rules: RULES.iter().map(|r| (*r, rule_title(&tr, r))).collect(),
        levels: Level::ALL.iter().map(|l| level_view(&tr, *l)).collect(),
        r,
    }
    .into_response())
}

/// The filtered list as a workbook in the reader's language; audited (format, date, how many
/// alerts).
async fn export(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<AlertQuery>,
) -> WebResult<Response> {
    let as_of = AsOf::parse(&q.as_of);
    let (filter, errors) = read(&q);
    if let Some(m) = as_of
        .error
        .clone()
        .or(errors.into_iter().next().map(|e| e.1))
    {
        return Err(DomainError::invalid("查询条件", m).into());
    }
    let analysis = s
        .store
        .analyse_cached(&s.analyses, &caller.actor, as_of.date)
        .await?;
    let (kept, _) = analysis.report.alerts.positions(&filter);
    let count = kept.len();
    let data = tokio::task::spawn_blocking(move || {
        let all = &analysis.report.alerts;
        let alerts = kept.iter().filter_map(|i| all.get(*i as usize));
        banzi_io::write_alerts(&tr, alerts)
    })
    .await
    .map_err(super::roster::io_err)?
    .map_err(super::roster::io_err)?;
    s.store
        .audit_alert_export(&caller.actor, as_of.date, "xlsx", count)
        .await?;
    let name = format!("alerts-{}.xlsx", as_of.date);
    Ok(super::roster::xlsx_file(&name, data))
}
