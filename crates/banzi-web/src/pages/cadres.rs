//! The cadre list: search by name, pinyin or initials (`zw` finds 张伟), filters, pages.
//!
//! The structure pages (R-STRUCT-1) open it with what they counted: `in_post=YYYY-MM-DD`
//! keeps the cadres holding a post on that day (in `unit` when given) and reckons ages on
//! that day; `ft_education` and `top_education` (最高学历) filter as the profile counts; and
//! `__blank__` ([`banzi_store::BLANK`]) as the value of `ethnicity`, `profession`,
//! `education`, `ft_education` or `top_education` lists the blank ones (shown as 未填).

use super::units::Picker;
use super::{Ctx, is_htmx};
use crate::AppState;
use crate::auth::Caller;
use crate::error::Query;
use crate::error::WebResult;
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use banzi_domain::codes::{ETHNIC_GROUPS, Education, Party};
use banzi_domain::date::{self, age_on, birth_bounds, iso};
use banzi_domain::{Date, Msg, message};
use banzi_store::{BLANK, CadreFilter, CadreListRow, today};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cadres", get(list).post(super::cadre_form::create))
        .route("/cadres/search", axum::routing::post(search))
        .route(
            "/cadres/export.xlsx",
            axum::routing::post(super::cadres_export::export),
        )
}

/// A search text with an ID number in it (a run of six digits or more): it travels in the
/// body of a POST and is left out of every address the page makes, so that it reaches no
/// browser history and no proxy's log (issue 14, item 16).
fn id_like(q: &str) -> bool {
    let mut run = 0;
    q.chars().any(|c| {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        run >= 6
    })
}

const PER_PAGE: i64 = 20;

#[derive(serde::Deserialize, Default, Clone)]
pub struct ListQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub gender: String,
    #[serde(default)]
    pub age_min: String,
    #[serde(default)]
    pub age_max: String,
    #[serde(default)]
    pub party: String,
    #[serde(default)]
    pub education: String,
    #[serde(default)]
    pub rank: String,
    /// 民族, exactly.
    #[serde(default)]
    pub ethnicity: String,
    /// 专业领域, exactly.
    #[serde(default)]
    pub profession: String,
    /// 全日制学历, exactly.
    #[serde(default)]
    pub ft_education: String,
    /// 最高学历 (the higher of 全日制 and 在职).
    #[serde(default)]
    pub top_education: String,
    /// Holds a post on this day (`YYYY-MM-DD`); ages are then reckoned on it.
    #[serde(default)]
    pub in_post: String,
    #[serde(default)]
    pub page: Option<i64>,
}

impl ListQuery {
    /// The query string of these filters at another page.
    pub fn at_page(&self, page: i64) -> String {
        let mut s = self.without("");
        s.push_str(&format!("page={page}"));
        s
    }

    /// The filters as (name, value) pairs, the given ones only: what the export form sends
    /// again (in the body of a POST, an ID number included).
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        self.pairs()
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k, v.to_string()))
            .collect()
    }

    fn pairs(&self) -> [(&'static str, &String); 13] {
        [
            ("q", &self.q),
            ("unit", &self.unit),
            ("gender", &self.gender),
            ("age_min", &self.age_min),
            ("age_max", &self.age_max),
            ("party", &self.party),
            ("education", &self.education),
            ("rank", &self.rank),
            ("ethnicity", &self.ethnicity),
            ("profession", &self.profession),
            ("ft_education", &self.ft_education),
            ("top_education", &self.top_education),
            ("in_post", &self.in_post),
        ]
    }

    /// The query string of these filters but `key`, each pair followed by `&`.
    fn without(&self, key: &str) -> String {
        self.pairs()
            .iter()
            .filter(|(k, v)| *k != key && !v.is_empty() && !(*k == "q" && id_like(v)))
            .map(|(k, v)| format!("{k}={}&", crate::auth::encode(v)))
            .collect()
    }

    /// The filters the form has no field for, as removable chips.
    fn chips(&self, tr: &Tr, in_post: Option<Date>) -> Vec<Chip> {
        let value = |v: &str| match v.trim() {
            BLANK => tr.t("cadres.blank").to_string(),
            v => tr.v(v).to_string(),
        };
        let mut v = Vec::new();
        if let Some(d) = in_post {
            v.push((
                "in_post",
                tr.f("cadres.in_post_on", &d.to_string()),
                d.to_string(),
            ));
        }
        for (key, label, given) in [
            ("ft_education", "cadres.ft_education", &self.ft_education),
            ("top_education", "cadres.top_education", &self.top_education),
        ] {
            if !given.trim().is_empty() {
                let shown = format!("{}{}{}", tr.t(label), tr.t("p.colon"), value(given));
                v.push((key, shown, given.trim().to_string()));
            }
        }
        v.into_iter()
            .map(|(key, label, value)| Chip {
                key,
                label,
                value,
                remove: format!("/cadres?{}", self.without(key).trim_end_matches('&')),
            })
            .collect()
    }
}

/// A filter shown above the list, with the link that drops it.
pub struct Chip {
    pub key: &'static str,
    pub label: String,
    /// What the form sends again (a hidden field).
    pub value: String,
    pub remove: String,
}

pub struct Row {
    pub c: CadreListRow,
    pub age: i32,
}

impl Row {
    /// 出生年月 as the 任免审批表 writes it: `1980.05`.
    pub fn born(&self) -> String {
        self.c.birth_date.get(..7).unwrap_or("").replace('-', ".")
    }
}

/// What the cadre list's filter fields show (`cadre_filter_fields.html`); the 名册 shows the
/// same fields.
pub struct FilterForm {
    pub q: ListQuery,
    /// The unit filter (a type-ahead: a province has 40,000 units).
    pub unit: Picker,
    pub parties: Vec<&'static str>,
    pub educations: Vec<&'static str>,
    /// The 56 groups, and what the query asked for if it is none of them (民族 is free
    /// text in the registry), so the form shows it.
    pub ethnicities: Vec<String>,
    pub chips: Vec<Chip>,
    pub blank: &'static str,
}

impl FilterForm {
    pub fn new(q: ListQuery, unit: Picker, chips: Vec<Chip>) -> FilterForm {
        FilterForm {
            parties: Party::ALL.iter().map(|p| p.label()).collect(),
            educations: Education::ALL.iter().map(|e| e.label()).collect(),
            ethnicities: ethnicities(&q.ethnicity),
            blank: BLANK,
            q,
            unit,
            chips,
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "cadres.html")]
struct ListPage {
    ctx: Ctx,
    f: FilterForm,
    r: Results,
}

#[derive(Template, WebTemplate)]
#[template(path = "cadre_rows.html")]
struct Results {
    tr: Tr,
    rows: Vec<Row>,
    total: i64,
    page: i64,
    pages: i64,
    /// The numbered pages to link (the first, the last, two either side of this one), a gap
    /// as `None`; each with its query string.
    links: Vec<Option<(i64, String)>>,
    prev: String,
    next: String,
    /// The search error, worded; empty when the search could run.
    error: String,
    /// The export form's token and the filters it sends again.
    csrf: String,
    export: Vec<(&'static str, String)>,
    export_max: i64,
}

impl Results {
    /// "第 2 / 5 页" in the reader's language.
    pub fn page_of(&self) -> String {
        use banzi_domain::msg::Arg;
        self.tr.args(
            "cadres.page_of",
            &[
                ("page", Arg::Int(self.page)),
                ("pages", Arg::Int(self.pages)),
            ],
        )
    }
}

/// The pages a pager links: the first, the last, and two either side of `page`, with `None`
/// where pages are left out.
fn page_links(page: i64, pages: i64) -> Vec<Option<i64>> {
    let mut out = Vec::new();
    for p in 1..=pages {
        if p == 1 || p == pages || (p - page).abs() <= 2 {
            out.push(Some(p));
        } else if out.last() != Some(&None) {
            out.push(None);
        }
    }
    out
}

fn age(s: &str) -> Result<Option<i16>, Msg> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i16>() {
        Ok(n) if (16..=100).contains(&n) => Ok(Some(n)),
        _ => Err(message!("reg-age-range", value = t.to_string())),
    }
}

fn ethnicities(asked: &str) -> Vec<String> {
    let asked = asked.trim();
    let mut v: Vec<String> = ETHNIC_GROUPS.iter().map(|g| g.to_string()).collect();
    if !asked.is_empty() && asked != BLANK && !ETHNIC_GROUPS.contains(&asked) {
        v.push(asked.to_string());
    }
    v
}

async fn list(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    results(s, tr, caller, &headers, q).await
}

/// The search form's POST: the same list, and the address the browser shows is the
/// filters' without an ID number.
async fn search(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    headers: HeaderMap,
    crate::error::Form(q): crate::error::Form<ListQuery>,
) -> WebResult<Response> {
    let shown = format!("/cadres?{}", q.at_page(q.page.unwrap_or(1).max(1)));
    let mut res = results(s, tr, caller, &headers, q).await?;
    if let Ok(v) = axum::http::HeaderValue::from_str(&shown) {
        res.headers_mut().insert("HX-Push-Url", v);
    }
    Ok(res)
}

/// What the list asks the store for, the day ages are reckoned on, and the search's error
/// in the reader's words (empty when the search can run).
pub(super) struct Search {
    pub filter: CadreFilter,
    pub age_day: Date,
    pub error: String,
}

pub(super) fn search_of(tr: &Tr, q: &ListQuery, page: i64) -> Search {
    let day = today();
    let (min, max, mut error) = match (age(&q.age_min), age(&q.age_max)) {
        (Ok(a), Ok(b)) => (a, b, String::new()),
        (Err(e), _) | (_, Err(e)) => (None, None, tr.msg(&e)),
    };
    let in_post = match q.in_post.trim() {
        "" => None,
        t => match date::parse(t) {
            Ok(d) => Some(d),
            Err(m) => {
                if error.is_empty() {
                    error = format!(
                        "{}{}{}",
                        tr.t("cadres.in_post_date"),
                        tr.t("p.colon"),
                        tr.msg(&m)
                    );
                }
                None
            }
        },
    };
    // Ages on the in-post day when there is one: the structure of that day counts them so.
    let age_day = in_post.unwrap_or(day);
    let (after, until) = birth_bounds(age_day, min, max);
    let filter = CadreFilter {
        q: Some(q.q.clone()),
        unit: Some(q.unit.clone()),
        gender: Some(q.gender.clone()),
        born_after: after.map(iso),
        born_until: until.map(iso),
        party: Some(q.party.clone()),
        education: Some(q.education.clone()),
        rank: Some(q.rank.clone()),
        ethnicity: Some(q.ethnicity.clone()),
        profession: Some(q.profession.clone()),
        ft_education: Some(q.ft_education.clone()),
        top_education: Some(q.top_education.clone()),
        in_post: in_post.map(iso),
        today: iso(day),
        page: page - 1,
        per_page: PER_PAGE,
    };
    Search {
        filter,
        age_day,
        error,
    }
}

async fn results(
    s: AppState,
    tr: Tr,
    caller: Caller,
    headers: &HeaderMap,
    q: ListQuery,
) -> WebResult<Response> {
    let page = q.page.unwrap_or(1).max(1);
    let Search {
        filter,
        age_day,
        error,
    } = search_of(&tr, &q, page);
    let in_post = filter.in_post.as_deref().and_then(date::parse_iso);
    let (rows, total) = if error.is_empty() {
        s.store.search_cadres(&caller.actor, &filter).await?
    } else {
        (Vec::new(), 0)
    };
    // A search by name or number is a look into the registry: in the trail, an ID number
    // masked (issue 14, item 8).
    if !q.q.trim().is_empty() {
        let detail = serde_json::json!({ "q": banzi_domain::audit::mask_digit_runs(q.q.trim()), "found": total });
        super::audit_read(&s, &caller, "read.search", "cadre", "", detail).await?;
    }
    let rows = rows
        .into_iter()
        .map(|c| Row {
            age: date::parse(&c.birth_date)
                .map(|b| age_on(b, age_day))
                .unwrap_or(0),
            c,
        })
        .collect();
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let r = Results {
        tr,
        rows,
        total,
        page,
        pages,
        links: page_links(page, pages)
            .into_iter()
            .map(|p| p.map(|p| (p, q.at_page(p))))
            .collect(),
        prev: q.at_page(page - 1),
        next: q.at_page(page + 1),
        error,
        csrf: caller.csrf.clone(),
        export: q.fields(),
        export_max: super::cadres_export::EXPORT_MAX,
    };
    if is_htmx(headers) {
        return Ok(r.into_response());
    }
    let unit = Picker::unit(&s, tr, &caller, "unit", "f-unit", &q.unit).await?;
    let chips = q.chips(&tr, in_post);
    Ok(ListPage {
        ctx: Ctx::new(tr, &caller, "/cadres"),
        f: FilterForm::new(q, unit, chips),
        r,
    }
    .into_response())
}

#[cfg(test)]
mod tests {
    use super::ListQuery;

    #[test]
    fn the_pager_links_the_ends_and_the_pages_near_this_one() {
        let some = |v: &[i64]| v.iter().map(|p| Some(*p)).collect::<Vec<_>>();
        assert_eq!(super::page_links(1, 1), some(&[1]));
        assert_eq!(super::page_links(2, 5), some(&[1, 2, 3, 4, 5]));
        assert_eq!(
            super::page_links(10, 40),
            [
                Some(1),
                None,
                Some(8),
                Some(9),
                Some(10),
                Some(11),
                Some(12),
                None,
                Some(40)
            ]
        );
        assert_eq!(
            super::page_links(1, 9),
            [Some(1), Some(2), Some(3), None, Some(9)]
        );
    }

    #[test]
    fn pages_keep_the_ethnicity_and_profession_filters() {
        let q = ListQuery {
            ethnicity: "汉族".into(),
            profession: "财政 金融".into(),
            ..Default::default()
        };
        assert_eq!(
            q.at_page(2),
            "ethnicity=%E6%B1%89%E6%97%8F&profession=%E8%B4%A2%E6%94%BF%20%E9%87%91%E8%9E%8D&page=2"
        );
        let day = ListQuery {
            in_post: "2026-11-21".into(),
            top_education: banzi_store::BLANK.into(),
            ..q
        };
        assert_eq!(
            day.at_page(3),
            "ethnicity=%E6%B1%89%E6%97%8F&profession=%E8%B4%A2%E6%94%BF%20%E9%87%91%E8%9E%8D\
             &top_education=__blank__&in_post=2026-11-21&page=3"
        );
        // An ID number is kept out of the addresses the page makes.
        let id = ListQuery {
            q: "320612198001011234".into(),
            ..Default::default()
        };
        assert_eq!(id.at_page(2), "page=2");
        let name = ListQuery {
            q: "王伟 12345".into(),
            ..Default::default()
        };
        assert_eq!(name.at_page(1), "q=%E7%8E%8B%E4%BC%9F%2012345&page=1");
        assert_eq!(super::ethnicities("汉族").len(), 56);
        assert_eq!(super::ethnicities(banzi_store::BLANK).len(), 56);
        assert_eq!(
            super::ethnicities(" 穿青人 ").last().map(String::as_str),
            Some("穿青人")
        );
    }
}
