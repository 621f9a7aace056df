//! The cadre search's result as a workbook (issue 15, item 11). The form posts the filters
//! (an ID number stays out of the address), the store reads the whole result and records
//! the export; a result larger than [`EXPORT_MAX`] is refused with the count, never cut.

use super::cadres::{ListQuery, Search, search_of};
use crate::AppState;
use crate::auth::Caller;
use crate::error::{Form, WebResult};
use crate::i18n::Tr;
use axum::extract::State;
use axum::response::Response;
use banzi_domain::DomainError;
use banzi_domain::date::{self, age_on};
use banzi_io::ListedCadre;

/// The most cadres one export writes.
pub const EXPORT_MAX: i64 = 20_000;

pub async fn export(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Form(q): Form<ListQuery>,
) -> WebResult<Response> {
    let Search {
        filter,
        age_day,
        error,
    } = search_of(&tr, &q, 1);
    if !error.is_empty() {
        return Err(DomainError::invalid(
            "查询条件",
            banzi_domain::message!("web-search-invalid", detail = error),
        )
        .into());
    }
    let rows = s
        .store
        .export_cadres(&caller.actor, &filter, EXPORT_MAX)
        .await?;
    let data = tokio::task::spawn_blocking(move || {
        let former = tr.t("cadres.former");
        let shown: Vec<(String, i32, String)> = rows
            .iter()
            .map(|c| {
                let age = date::parse(&c.birth_date)
                    .map(|b| age_on(b, age_day))
                    .unwrap_or(0);
                let posts = match (&c.posts, &c.last_post) {
                    (Some(p), _) => p.clone(),
                    (None, Some(l)) => format!("{former}{l}"),
                    (None, None) => String::new(),
                };
                let born = c.birth_date.get(..7).unwrap_or("").replace('-', ".");
                (born, age, posts)
            })
            .collect();
        let list: Vec<ListedCadre> = rows
            .iter()
            .zip(&shown)
            .map(|(c, (born, age, posts))| ListedCadre {
                name: &c.name,
                gender: &c.gender,
                born,
                age: *age,
                party: &c.party,
                education: c
                    .ft_education
                    .as_deref()
                    .or(c.pt_education.as_deref())
                    .unwrap_or(""),
                rank: &c.rank,
                posts,
                id_number: &c.id_number,
            })
            .collect();
        banzi_io::write_cadre_list(&tr, &list)
    })
    .await
    .map_err(super::roster::io_err)?
    .map_err(super::roster::io_err)?;
    let name = format!("cadres-{}.xlsx", banzi_store::today());
    Ok(super::roster::xlsx_file(&name, data))
}
