//! 名册 (issue 16, item 4): the cadres the cadre list's filters find, listed by
//! `banzi_domain::listing` with the columns chosen; the department's named templates; the
//! export of a listing as an entry of the trail.

use super::{need, reader};
use crate::connect::{Store, now_rfc3339};
use crate::types::CadreFilter;
use crate::{db, stored_date};

use banzi_domain::codes::{Manner, PostKind, PostLevel};
use banzi_domain::listing::{
    self, Appt, Column, Listing, Person, PostInfo, Registry, Template, UnitInfo,
};
use banzi_domain::role::Actor;
use banzi_domain::{Date, DomainError, Msg, message};
use std::collections::HashMap;

/// A template as stored: its name, its columns (keys, in order), who saved it last and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingTemplate {
    pub name: String,
    pub columns: Vec<String>,
    pub owner: String,
    /// RFC 3339 UTC.
    pub updated_at: String,
}

fn staff_only(actor: &Actor) -> Result<(), DomainError> {
    need(
        actor.role.manages_appointments(),
        Msg::new("store-listing-template-staff-only"),
    )
}

impl Store {
    /// The 名册 of the cadres `f` finds (a unit liaison: those of its unit, listed under its
    /// unit only), with `columns`, reckoned on `as_of`. More than `max` cadres are refused
    /// with their count, never cut. Reading it is a read; leaving the program is audited by
    /// [`Store::audit_listing_export`].
    pub async fn listing(
        &self,
        actor: &Actor,
        f: &CadreFilter,
        columns: &[&'static Column],
        as_of: Date,
        max: i64,
    ) -> Result<Listing, DomainError> {
        let scope = reader(actor)?.clone();
        let params = self.rule_params(actor).await?;
        let (cadres, appts, posts, units) = on_conn!(self, |c, b| {
            let filters = b::cadres::filters(&scope, f);
            let (sql, args) = (&filters.sql, &filters.args);
            let total = b::cadres::count(&mut *c, &filters).await?;
            if total > max {
                return Err(DomainError::Conflict(message!(
                    "store-listing-too-many",
                    total = total,
                    max = max
                )));
            }
            // Posts and units are not personal: every one the cadres' histories name, in
            // any unit.
            Ok::<_, DomainError>((
                b::listing::cadres(&mut *c, sql, args).await?,
                b::listing::appointments(&mut *c, sql, args).await?,
                b::listing::posts(&mut *c, sql, args).await?,
                b::listing::units(&mut *c, sql, args).await?,
            ))
        })?;
        let mut reg = Registry {
            units: units
                .iter()
                .map(|u| UnitInfo {
                    code: u.code.clone(),
                    name: u.name.clone(),
                })
                .collect(),
            ..Default::default()
        };
        let unit_index: HashMap<&str, usize> = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.code.as_str(), i))
            .collect();
        let bad = |what: &str| DomainError::Internal(format!("a stored {what} is malformed"));
        for p in posts {
            let unit = *unit_index
                .get(p.unit_code.as_str())
                .ok_or_else(|| bad("post's unit"))?;
            let info = PostInfo {
                kind: PostKind::parse(&p.kind).map_err(|_| bad("post kind"))?,
                level: p.level.as_deref().and_then(|l| PostLevel::parse(l).ok()),
                code: p.code,
                title: p.title,
                team: p.team,
                unit,
            };
            reg.posts.insert(p.id, info);
        }
        for row in cadres {
            let cadre = row.into_cadre()?;
            reg.people.push(Person {
                id: row.id,
                pinyin: row.name_pinyin,
                cadre,
            });
        }
        for (cadre, post, start, end, manner, doc_no) in appts {
            reg.appointments.push(Appt {
                cadre,
                post,
                start: stored_date(&start)?,
                end: end.as_deref().map(stored_date).transpose()?,
                manner: manner
                    .as_deref()
                    .filter(|m| !m.trim().is_empty())
                    .and_then(|m| Manner::parse(m).ok()),
                doc_no,
            });
        }
        let only = scope.unit().map(str::to_string);
        let columns = columns.to_vec();
        tokio::task::spawn_blocking(move || {
            listing::build(&reg, &columns, as_of, &params, only.as_deref())
        })
        .await
        .map_err(|e| DomainError::Internal(format!("the listing stopped: {e}")))
    }

    /// Records that a listing left the program (a workbook or a printed PDF): the search, a
    /// searched number masked, the date, the columns and how many rows (R-SEC-3).
    pub async fn audit_listing_export(
        &self,
        actor: &Actor,
        f: &CadreFilter,
        l: &Listing,
        format: &str,
    ) -> Result<(), DomainError> {
        reader(actor)?;
        let columns: Vec<&str> = l.columns.iter().map(|c| c.key).collect();
        let after = serde_json::json!({
            "q": banzi_domain::audit::mask_digit_runs(f.q.as_deref().unwrap_or("").trim()),
            "unit": f.unit,
            "as_of": l.as_of.to_string(),
            "columns": columns.join(","),
            "format": format,
            "cadres": l.rows(),
        });
        let key = l.as_of.to_string();
        self.audit_export(actor, "export.listing", "listing", &key, after)
            .await
    }

    /// The department's templates, by name; whoever reads the registry uses them.
    pub async fn listing_templates(
        &self,
        actor: &Actor,
    ) -> Result<Vec<ListingTemplate>, DomainError> {
        reader(actor)?;
        let rows = on_conn!(self, |c, b| b::listing::templates(c).await)?;
        Ok(rows
            .into_iter()
            .map(|(name, columns, owner, updated_at)| ListingTemplate {
                name,
                columns: columns.split(',').map(str::to_string).collect(),
                owner,
                updated_at,
            })
            .collect())
    }

    /// Saves `t` under its name (a template of that name is replaced); 组织部 staff only;
    /// audited. Returns whether anything changed.
    pub async fn save_listing_template(
        &self,
        actor: &Actor,
        t: &Template,
    ) -> Result<bool, DomainError> {
        staff_only(actor)?;
        let columns = t.keys().join(",");
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            b::listing::save_template(c, actor, &t.name, &columns, &now).await
        })
    }

    /// Deletes the template `name`; 组织部 staff only; audited.
    pub async fn delete_listing_template(
        &self,
        actor: &Actor,
        name: &str,
    ) -> Result<(), DomainError> {
        staff_only(actor)?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            b::listing::delete_template(c, actor, name.trim(), &now).await
        })
    }
}
