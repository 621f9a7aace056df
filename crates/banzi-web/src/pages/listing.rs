//! 名册 — the roster listing with columns the user chooses (issue 16, item 4): the cadre
//! list's filters (the same fields, the same parsing, [`search_of`]), a column chooser in
//! three groups, the department's named templates (applied by anyone who reads the
//! registry, saved and deleted by 组织部 staff), and the table grouped by unit with the
//! date ages are reckoned on (计算年龄时间, today in Beijing by default). A unit liaison lists
//! its own unit (the store reads its scope). The workbook is in `listing_export`.
//!
//! Every action of the form posts to `/mingce` (`action` = show, apply, save or delete) and
//! gets the whole work area back, so a refused template name is said beside the template
//! controls and a bad filter above the table.

use super::Ctx;
use super::analysis::AsOf;
use super::cadres::{FilterForm, ListQuery, Search, search_of};
use super::units::Picker;
use crate::AppState;
use crate::auth::Caller;
use crate::error::{Form, Query, WebResult};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use banzi_domain::DomainError;
use banzi_domain::listing::{
    COLUMNS, Column, ColumnGroup, DEFAULT_COLUMNS, Listing, Template as Tpl,
};
use banzi_store::{CadreFilter, ListingTemplate};

/// The most cadres one listing shows, exports or prints (as the cadre list's export).
pub const LISTING_MAX: i64 = super::cadres_export::EXPORT_MAX;
/// Cadres shown on one page of the table (the export and the print take them all).
const PER_PAGE: usize = 200;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/mingce", get(page).post(act))
        .route("/mingce/export.xlsx", post(super::listing_export::export))
        .route("/mingce/print.pdf", post(super::listing_export::print))
}

/// What the form sent: the cadre list's filters, the date, the columns checked, the
/// template chosen, the name typed and the button pressed.
#[derive(Default)]
pub(super) struct Asked {
    pub q: ListQuery,
    pub as_of: String,
    pub cols: Vec<String>,
    pub template: String,
    pub name: String,
    pub action: String,
    /// The page of the table shown (from 1).
    pub page: usize,
}

impl Asked {
    /// From the pairs of a query string or a form (a checkbox sends `col` once per column).
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Asked {
        let mut a = Asked::default();
        let mut rest: Vec<(String, String)> = Vec::new();
        for (k, v) in pairs {
            match k.as_str() {
                "col" => a.cols.push(v),
                "as_of" => a.as_of = v,
                "template" => a.template = v,
                "name" => a.name = v,
                "action" => a.action = v,
                "page" => a.page = v.trim().parse().unwrap_or(1),
                "_csrf" => {}
                _ => rest.push((k, v)),
            }
        }
        use serde::Deserialize;
        let de =
            serde::de::value::MapDeserializer::<_, serde::de::value::Error>::new(rest.into_iter());
        a.q = ListQuery::deserialize(de).unwrap_or_default();
        a
    }

    /// The fields that ask for this listing again (the export forms send them).
    pub fn fields(&self, cols: &[&'static Column]) -> Vec<(&'static str, String)> {
        let mut v = self.q.fields();
        if !self.as_of.trim().is_empty() {
            v.push(("as_of", self.as_of.trim().to_string()));
        }
        v.extend(cols.iter().map(|c| ("col", c.key.to_string())));
        v
    }
}

/// A column of the chooser.
pub struct Choice {
    pub key: &'static str,
    pub header: String,
    pub checked: bool,
}

/// A template of the select.
pub struct Saved {
    pub name: String,
    pub selected: bool,
    /// Who saved it, and when (Beijing time).
    pub note: String,
}

/// A group of the table.
pub struct GroupView {
    pub heading: String,
    pub rows: Vec<RowView>,
}

pub struct RowView {
    pub cadre: i64,
    pub cells: Vec<String>,
}

/// The table, or why there is none.
#[derive(Default)]
pub struct Results {
    pub error: String,
    pub heads: Vec<String>,
    /// The column holding the name (linked to the profile); `usize::MAX` when not shown.
    pub name_at: usize,
    pub groups: Vec<GroupView>,
    pub count: String,
    pub shown: bool,
    pub export: Vec<(&'static str, String)>,
    /// The page shown of how many ([`PER_PAGE`] cadres a page), and the addresses of the
    /// previous and next pages.
    pub page: usize,
    pub pages: usize,
    pub prev: String,
    pub next: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "listing_work.html")]
pub(super) struct Work {
    ctx: Ctx,
    f: FilterForm,
    as_of: String,
    as_of_error: String,
    choices: Vec<(String, Vec<Choice>)>,
    templates: Vec<Saved>,
    name: String,
    template_done: String,
    template_error: String,
    r: Results,
}

#[derive(Template, WebTemplate)]
#[template(path = "listing.html")]
struct Page {
    ctx: Ctx,
    work: Work,
}

async fn page(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    headers: HeaderMap,
    Query(pairs): Query<Vec<(String, String)>>,
) -> WebResult<Response> {
    respond(&s, tr, &caller, &headers, Asked::from_pairs(pairs)).await
}

async fn act(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    respond(&s, tr, &caller, &headers, Asked::from_pairs(pairs)).await
}

/// The status of a refused template action.
fn status_of(e: &DomainError) -> StatusCode {
    match e {
        DomainError::Forbidden(_) => StatusCode::FORBIDDEN,
        DomainError::NotFound(_) => StatusCode::NOT_FOUND,
        DomainError::Conflict(_) => StatusCode::CONFLICT,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// The words of a refusal: each field error's message (the control says what it is about).
fn refusal(tr: &Tr, e: &DomainError) -> Option<String> {
    match e {
        DomainError::Invalid(v) => Some(
            v.iter()
                .map(|f| tr.msg(&f.message))
                .collect::<Vec<_>>()
                .join("；"),
        ),
        DomainError::NotFound(m) | DomainError::Conflict(m) | DomainError::Forbidden(m) => {
            Some(tr.msg(m))
        }
        DomainError::Internal(_) => None,
    }
}

async fn respond(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    headers: &HeaderMap,
    mut a: Asked,
) -> WebResult<Response> {
    let store = &s.store;
    let actor = &caller.actor;
    let mut done = String::new();
    let mut failed = String::new();
    let mut status = StatusCode::OK;
    let saved = store.listing_templates(actor).await?;
    let stored_cols = |name: &str| {
        saved
            .iter()
            .find(|t| t.name == name.trim())
            .map(|t| t.columns.clone())
    };
    match a.action.as_str() {
        "apply" => match stored_cols(&a.template) {
            Some(c) => a.cols = c,
            None if a.template.trim().is_empty() => {
                a.cols = DEFAULT_COLUMNS.iter().map(|k| k.to_string()).collect();
            }
            None => {
                failed = tr.msg(&banzi_domain::message!(
                    "store-listing-template-missing",
                    name = a.template.trim().to_string()
                ));
                status = StatusCode::NOT_FOUND;
            }
        },
        "save" => {
            let r = match Tpl::parse(&a.name, &a.cols) {
                Ok(t) => store.save_listing_template(actor, &t).await.map(|_| t),
                Err(e) => Err(e),
            };
            match r {
                Ok(t) => {
                    done = tr.args("listing.template_saved", &[("name", t.name.clone().into())]);
                    a.template = t.name;
                    a.name.clear();
                }
                Err(e) => {
                    status = status_of(&e);
                    failed = refusal(&tr, &e).ok_or(e)?;
                }
            }
        }
        "delete" => match store.delete_listing_template(actor, &a.template).await {
            Ok(()) => {
                done = tr.args(
                    "listing.template_deleted",
                    &[("name", a.template.trim().to_string().into())],
                );
                a.template.clear();
            }
            Err(e) => {
                status = status_of(&e);
                failed = refusal(&tr, &e).ok_or(e)?;
            }
        },
        // The first look (no button pressed) shows the template's columns or the default
        // ones; 生成名册 with nothing checked is told to choose.
        _ => {
            if a.cols.is_empty() && a.action.is_empty() {
                a.cols = match stored_cols(&a.template) {
                    Some(c) => c,
                    None => DEFAULT_COLUMNS.iter().map(|k| k.to_string()).collect(),
                };
            }
        }
    }
    // The templates as they are after the action.
    let saved = if done.is_empty() {
        saved
    } else {
        store.listing_templates(actor).await?
    };
    let as_of = AsOf::parse(&a.as_of);
    let r = results(s, &tr, caller, &a, &as_of).await?;
    let work = work(s, tr, caller, &a, &as_of, &saved, r, (done, failed)).await?;
    let mut res = if super::is_htmx(headers) {
        work.into_response()
    } else {
        Page {
            ctx: Ctx::new(tr, caller, "/mingce"),
            work,
        }
        .into_response()
    };
    *res.status_mut() = status;
    Ok(res)
}

/// The listing asked for, worded; a bad filter, date or choice of columns, or too many
/// cadres, is said instead of the table.
async fn results(
    s: &AppState,
    tr: &Tr,
    caller: &Caller,
    a: &Asked,
    as_of: &AsOf,
) -> WebResult<Results> {
    let none = |error: String| Results {
        error,
        name_at: usize::MAX,
        ..Default::default()
    };
    let (filter, cols) = match asked(tr, a, as_of) {
        Ok(x) => x,
        Err(error) => return Ok(none(error)),
    };
    let l = match s
        .store
        .listing(&caller.actor, &filter, &cols, as_of.date, LISTING_MAX)
        .await
    {
        Ok(l) => l,
        Err(e @ DomainError::Conflict(_)) => return Ok(none(refusal(tr, &e).unwrap_or_default())),
        Err(e) => return Err(e.into()),
    };
    if !a.q.q.trim().is_empty() {
        let detail = serde_json::json!({ "q": banzi_domain::audit::mask_digit_runs(a.q.q.trim()), "found": l.rows() });
        super::audit_read(s, caller, "read.search", "cadre", "", detail).await?;
    }
    let pages = l.rows().div_ceil(PER_PAGE).max(1);
    let page = a.page.clamp(1, pages);
    let fields = a.fields(&cols);
    let at_page = |p: usize| {
        let mut qs: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{k}={}", crate::auth::encode(v)))
            .collect();
        qs.push(format!("page={p}"));
        format!("/mingce?{}", qs.join("&"))
    };
    Ok(Results {
        error: String::new(),
        page,
        pages,
        prev: at_page(page.saturating_sub(1).max(1)),
        next: at_page((page + 1).min(pages)),
        name_at: cols
            .iter()
            .position(|c| c.key == "name")
            .unwrap_or(usize::MAX),
        count: tr.n("listing.count", l.rows() as i64),
        shown: true,
        export: a.fields(&cols),
        ..worded(tr, &l, page)
    })
}

/// The filter and the columns of `a`, or what is wrong with them in the reader's words.
pub(super) fn asked(
    tr: &Tr,
    a: &Asked,
    as_of: &AsOf,
) -> Result<(CadreFilter, Vec<&'static Column>), String> {
    if let Some(m) = &as_of.error {
        return Err(format!(
            "{}{}{}",
            tr.t("listing.as_of"),
            tr.t("p.colon"),
            tr.msg(m)
        ));
    }
    let Search { filter, error, .. } = search_of(tr, &a.q, 1);
    if !error.is_empty() {
        return Err(error);
    }
    let cols = Tpl::columns(&a.cols).map_err(|m| tr.msg(&m))?;
    Ok((filter, cols))
}

/// The table of `l` in the reader's words.
/// The table's page `page`: its cadres under the headings of their units (a unit cut by a
/// page break is headed on both pages).
fn worded(tr: &Tr, l: &Listing, page: usize) -> Results {
    let first = (page.max(1) - 1) * PER_PAGE;
    let mut before = 0;
    Results {
        heads: l.columns.iter().map(|c| tr.msg(&c.header())).collect(),
        groups: l
            .groups
            .iter()
            .filter_map(|g| {
                let (from, n) = (before, g.rows.len());
                before += n;
                let skip = first.saturating_sub(from);
                let take = (first + PER_PAGE)
                    .saturating_sub(from + skip)
                    .min(n.saturating_sub(skip));
                (take > 0).then_some((g, skip, take))
            })
            .map(|(g, skip, take)| GroupView {
                heading: banzi_io::listing_write::group_heading(tr, g),
                rows: g
                    .rows
                    .iter()
                    .skip(skip)
                    .take(take)
                    .map(|r| RowView {
                        cadre: r.cadre,
                        cells: r
                            .cells
                            .iter()
                            .map(|c| banzi_io::listing_write::cell_text(tr, c).into_owned())
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        ..Default::default()
    }
}

#[allow(clippy::too_many_arguments)]
async fn work(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    a: &Asked,
    as_of: &AsOf,
    saved: &[ListingTemplate],
    r: Results,
    (done, failed): (String, String),
) -> WebResult<Work> {
    let checked: Vec<&str> = a.cols.iter().map(|c| c.trim()).collect();
    let choices = ColumnGroup::ALL
        .iter()
        .map(|g| {
            let cols = COLUMNS
                .iter()
                .filter(|c| c.group == *g)
                .map(|c| Choice {
                    key: c.key,
                    header: tr.msg(&c.header()),
                    checked: checked.contains(&c.key),
                })
                .collect();
            (tr.msg(&g.name()), cols)
        })
        .collect();
    let templates = saved
        .iter()
        .map(|t| Saved {
            name: t.name.clone(),
            selected: t.name == a.template.trim(),
            note: tr.args(
                "listing.template_owner",
                &[
                    ("owner", t.owner.clone().into()),
                    ("time", crate::auth::beijing(&t.updated_at).into()),
                ],
            ),
        })
        .collect();
    Ok(Work {
        f: FilterForm::new(
            a.q.clone(),
            Picker::unit(s, tr, caller, "unit", "f-unit", &a.q.unit).await?,
            Vec::new(),
        ),
        as_of: if a.as_of.trim().is_empty() {
            as_of.date.to_string()
        } else {
            as_of.text.clone()
        },
        as_of_error: as_of.error_text(&tr),
        choices,
        templates,
        name: a.name.clone(),
        template_done: done,
        template_error: failed,
        r,
        ctx: Ctx::new(tr, caller, "/mingce"),
    })
}

#[cfg(test)]
mod tests {
    use super::Asked;

    #[test]
    fn a_form_gives_its_filters_columns_in_order_and_its_button() {
        let pairs = [
            ("_csrf", "x"),
            ("q", "张"),
            ("gender", "女"),
            ("col", "name"),
            ("as_of", "2026-11-21"),
            ("col", "retire_month"),
            ("page", "3"),
            ("template", "班子名册"),
            ("action", "save"),
            ("name", "新模板"),
            ("whatever", "ignored"),
        ];
        let a = Asked::from_pairs(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        );
        assert_eq!((a.q.q.as_str(), a.q.gender.as_str()), ("张", "女"));
        assert_eq!(a.cols, ["name", "retire_month"]);
        assert_eq!(
            (
                a.as_of.as_str(),
                a.template.as_str(),
                a.action.as_str(),
                a.name.as_str()
            ),
            ("2026-11-21", "班子名册", "save", "新模板")
        );
        let cols = banzi_domain::listing::Template::columns(&a.cols).expect("cols");
        assert_eq!(
            a.fields(&cols),
            [
                ("q", "张".to_string()),
                ("gender", "女".into()),
                ("as_of", "2026-11-21".into()),
                ("col", "name".into()),
                ("col", "retire_month".into()),
            ]
        );
    }
}
