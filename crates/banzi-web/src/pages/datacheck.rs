//! 信息校核 — the data check of the registry (issue 16, item 5): a count per check per unit,
//! each count a link to the findings it counts, listed below with the cadre by name (its
//! address by row id, never its ID number) and the message in the reader's language; and
//! the whole report as a workbook, audited since it names people. A unit liaison checks its
//! own unit only (the store reads its scope).

use super::Ctx;
use super::analysis::AsOf;
use super::units::Picker;
use crate::AppState;
use crate::auth::{Caller, encode};
use crate::error::{Query, WebResult};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use banzi_domain::DomainError;
use banzi_domain::datacheck::{Check, Group, Report};

/// Findings shown on one page.
const PER_PAGE: usize = 200;
/// Units of the summary shown on one page (a province has 40,000).
const UNITS_PER_PAGE: usize = 100;
/// The group of cadres without a current post, in a filter.
const NO_UNIT: &str = "-";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/datacheck", get(page))
        .route("/datacheck/export.xlsx", get(export))
}

#[derive(serde::Deserialize, Default)]
pub struct DataCheckQuery {
    #[serde(default)]
    pub as_of: String,
    /// A unit code, [`NO_UNIT`], or blank for all.
    #[serde(default)]
    pub unit: String,
    /// A check's key, or blank for all.
    #[serde(default)]
    pub check: String,
    #[serde(default)]
    pub page: Option<i64>,
    /// The page of the summary's units.
    #[serde(default)]
    pub units_page: Option<i64>,
}

/// One row of the summary table.
pub struct SummaryRow {
    pub name: String,
    /// What the unit filter says for this row.
    pub unit: String,
    pub cadres: usize,
    /// (check key, count) per check.
    pub counts: Vec<(&'static str, usize)>,
    pub total: usize,
}

/// One finding as listed.
pub struct FindingRow {
    pub unit: String,
    pub cadre: i64,
    pub name: String,
    pub check: String,
    pub message: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "datacheck.html")]
struct Page {
    ctx: Ctx,
    as_of: String,
    as_of_text: String,
    error: String,
    /// (key, name) of every check.
    checks: Vec<(&'static str, String)>,
    summary: Vec<SummaryRow>,
    /// The unit filter of the findings (a type-ahead: a province has 40,000 units).
    unit: Picker,
    /// The summary's page of how many, and the links to the previous and next.
    units_page: usize,
    units_pages: usize,
    units_prev: String,
    units_next: String,
    totals: SummaryRow,
    /// The filter in words (单位 · 校核项), empty when none.
    showing: String,
    rows: Vec<FindingRow>,
    matching: usize,
    page: usize,
    pages: usize,
    prev: String,
    next: String,
    /// The date to carry in links (`as_of=…&`), empty for today.
    keep: String,
}

fn unit_key(g: &Group) -> &str {
    g.unit.as_ref().map_or(NO_UNIT, |u| u.0.as_str())
}

fn summary(name: String, unit: &str, cadres: usize, counts: &[usize]) -> SummaryRow {
    SummaryRow {
        name,
        unit: unit.to_string(),
        cadres,
        counts: Check::ALL
            .iter()
            .map(|c| c.key())
            .zip(counts.iter().copied())
            .collect(),
        total: counts.iter().sum(),
    }
}

async fn page(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<DataCheckQuery>,
) -> WebResult<Response> {
    let as_of = AsOf::parse(&q.as_of);
    let report = s.store.data_check(&caller.actor, as_of.date).await?;
    let check = Check::from_key(q.check.trim());
    let unit = q.unit.trim();
    let keep = as_of
        .param()
        .map(|d| format!("as_of={}&", encode(&d)))
        .unwrap_or_default();
    let group_name = |g: &Group| banzi_io::datacheck_write::unit_name(&tr, &g.unit).to_string();
    let matching: Vec<_> = report
        .lines()
        .filter(|(g, l)| {
            (unit.is_empty() || unit_key(g) == unit) && check.is_none_or(|c| l.check == c)
        })
        .collect();
    let pages = matching.len().div_ceil(PER_PAGE).max(1);
    let page = usize::try_from(q.page.unwrap_or(1))
        .unwrap_or(1)
        .clamp(1, pages);
    let rows = matching
        .iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .map(|(g, l)| FindingRow {
            unit: group_name(g),
            cadre: l.cadre,
            name: l.name.clone(),
            check: tr.msg(&l.check.name()),
            message: tr.msg(&l.message),
        })
        .collect();
    let showing = [
        report
            .groups
            .iter()
            .find(|g| !unit.is_empty() && unit_key(g) == unit)
            .map(group_name),
        check.map(|c| tr.msg(&c.name())),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let filters = format!(
        "{keep}unit={}&check={}",
        encode(unit),
        check.map_or("", Check::key)
    );
    let picker = Picker::unit(
        &s,
        tr,
        &caller,
        "unit",
        "f-unit",
        if unit == NO_UNIT { "" } else { unit },
    )
    .await?;
    let units_pages = report.groups.len().div_ceil(UNITS_PER_PAGE).max(1);
    let units_page = usize::try_from(q.units_page.unwrap_or(1))
        .unwrap_or(1)
        .clamp(1, units_pages);
    let here = format!("{filters}&page={page}");
    let view = Page {
        unit: picker,
        units_page,
        units_pages,
        units_prev: format!("{here}&units_page={}", units_page.saturating_sub(1)),
        units_next: format!("{here}&units_page={}", units_page + 1),
        as_of: as_of.date.to_string(),
        as_of_text: as_of.text.clone(),
        error: as_of.error_text(&tr),
        checks: Check::ALL
            .iter()
            .map(|c| (c.key(), tr.msg(&c.name())))
            .collect(),
        summary: report
            .groups
            .iter()
            .skip((units_page - 1) * UNITS_PER_PAGE)
            .take(UNITS_PER_PAGE)
            .map(|g| summary(group_name(g), unit_key(g), g.cadres, &g.counts))
            .collect(),
        totals: summary(
            tr.t("datacheck.col_total").to_string(),
            "",
            report.cadres,
            &report.counts,
        ),
        showing,
        rows,
        matching: matching.len(),
        page,
        pages,
        prev: format!("{filters}&page={}", page.saturating_sub(1)),
        next: format!("{filters}&page={}", page + 1),
        keep,
        ctx: Ctx::new(tr, &caller, "/datacheck"),
    };
    Ok(view.into_response())
}

/// The whole report on the date as a workbook in the reader's language; audited (date,
/// format, scope, how many cadres and findings).
async fn export(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<DataCheckQuery>,
) -> WebResult<Response> {
    let as_of = AsOf::parse(&q.as_of);
    if let Some(m) = as_of.error.clone() {
        return Err(DomainError::invalid("查询条件", m).into());
    }
    let report: Report = s.store.data_check(&caller.actor, as_of.date).await?;
    let report = std::sync::Arc::new(report);
    let data = tokio::task::spawn_blocking({
        let report = report.clone();
        move || banzi_io::write_datacheck(&tr, &report)
    })
    .await
    .map_err(super::roster::io_err)?
    .map_err(super::roster::io_err)?;
    s.store
        .audit_datacheck_export(&caller.actor, &report, "xlsx")
        .await?;
    let name = format!("datacheck-{}.xlsx", as_of.date);
    Ok(super::roster::xlsx_file(&name, data))
}
