//! The cadre list: search by name, pinyin or initials (`zw` finds 张伟), filters, pages.

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
use banzi_domain::date::{age_on, birth_bounds, iso, parse_date};
use banzi_store::{CadreFilter, CadreListRow, UnitRow, today};

pub fn routes() -> Router<AppState> {
    Router::new().route("/cadres", get(list).post(super::cadre_form::create))
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
    #[serde(default)]
    pub page: Option<i64>,
}

impl ListQuery {
    /// The query string of these filters at another page.
    pub fn at_page(&self, page: i64) -> String {
        let pairs = [
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
        ];
        let mut s: String = pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}&", crate::auth::encode(v)))
            .collect();
        s.push_str(&format!("page={page}"));
        s
    }
}

pub struct Row {
    pub c: CadreListRow,
    pub age: i32,
}

#[derive(Template, WebTemplate)]
#[template(path = "cadres.html")]
struct ListPage {
    ctx: Ctx,
    q: ListQuery,
    units: Vec<UnitRow>,
    parties: Vec<&'static str>,
    educations: Vec<&'static str>,
    /// The 56 groups, and what the query asked for if it is none of them (民族 is free
    /// text in the registry), so the form shows it.
    ethnicities: Vec<String>,
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
    prev: String,
    next: String,
    error: String,
}

fn age(s: &str) -> Result<Option<i16>, String> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i16>() {
        Ok(n) if (16..=100).contains(&n) => Ok(Some(n)),
        _ => Err(format!("年龄“{t}”应为16到100之间的整数")),
    }
}

fn ethnicities(asked: &str) -> Vec<String> {
    let asked = asked.trim();
    let mut v: Vec<String> = ETHNIC_GROUPS.iter().map(|g| g.to_string()).collect();
    if !asked.is_empty() && !ETHNIC_GROUPS.contains(&asked) {
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
    let day = today();
    let page = q.page.unwrap_or(1).max(1);
    let (min, max, error) = match (age(&q.age_min), age(&q.age_max)) {
        (Ok(a), Ok(b)) => (a, b, String::new()),
        (Err(e), _) | (_, Err(e)) => (None, None, e),
    };
    let (after, until) = birth_bounds(day, min, max);
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
        today: iso(day),
        page: page - 1,
        per_page: PER_PAGE,
    };
    let (rows, total) = if error.is_empty() {
        s.store.search_cadres(&caller.actor, &filter).await?
    } else {
        (Vec::new(), 0)
    };
    let rows = rows
        .into_iter()
        .map(|c| Row {
            age: parse_date(&c.birth_date)
                .map(|b| age_on(b, day))
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
        prev: q.at_page(page - 1),
        next: q.at_page(page + 1),
        error,
    };
    if is_htmx(&headers) {
        return Ok(r.into_response());
    }
    let units = s.store.units(&caller.actor).await?;
    Ok(ListPage {
        ctx: Ctx::new(tr, &caller, "/cadres"),
        units,
        parties: Party::ALL.iter().map(|p| p.label()).collect(),
        educations: Education::ALL.iter().map(|e| e.label()).collect(),
        ethnicities: ethnicities(&q.ethnicity),
        q,
        r,
    }
    .into_response())
}

#[cfg(test)]
mod tests {
    use super::ListQuery;

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
        assert_eq!(super::ethnicities("汉族").len(), 56);
        assert_eq!(
            super::ethnicities(" 穿青人 ").last().map(String::as_str),
            Some("穿青人")
        );
    }
}
