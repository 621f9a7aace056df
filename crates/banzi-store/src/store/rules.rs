//! Structure analysis and alerts (DOMAIN.md M2): the rule parameters in the database, and
//! the registry loaded once (one query per table) for `banzi_domain::rules`.

use super::{need, reader};
use crate::connect::{Store, now_rfc3339};
use crate::db;
use banzi_domain::role::{Actor, Scope};
use banzi_domain::roster::Roster;
use banzi_domain::rules::{self, Facts, Overview, Params, Report, Rows};
use banzi_domain::{Date, DomainError, Msg, message};
use std::sync::{Arc, Mutex};

/// What the dashboard shows for one date: the alerts and the structure, from one load.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub report: Report,
    /// R-STRUCT-1: the city's profile and each team's lights; a team's profile is made when
    /// a page shows it.
    pub structure: Overview,
    pub params: Params,
    /// The registry indexed, kept for the lists behind the structure's numbers.
    pub facts: Arc<Facts>,
}

impl Analysis {
    /// What `scope` may see: a unit liaison its own unit's alerts (counted again) and
    /// teams, and no city profile.
    pub fn scoped(self: Arc<Self>, scope: &Scope) -> Arc<Analysis> {
        match scope {
            Scope::All => self,
            Scope::Unit(unit) => Arc::new(Analysis {
                report: only_unit(&self.report, unit),
                structure: self.structure.only_unit(unit),
                params: self.params.clone(),
                facts: self.facts.clone(),
            }),
        }
    }
}

/// The last analysis made, by its key (the newest audit entry that changed what it reads)
/// and date (see [`Store::analyse_cached`]).
#[derive(Debug, Default)]
pub struct AnalysisCache {
    kept: Mutex<Option<(i64, Date, Arc<Analysis>)>>,
    /// Held while an analysis is made: requests that find none kept wait for that one
    /// instead of each loading the province again.
    making: tokio::sync::Mutex<()>,
}

impl AnalysisCache {
    fn get(&self, key: i64, as_of: Date) -> Option<Arc<Analysis>> {
        let kept = self.kept.lock().ok()?;
        kept.as_ref()
            .filter(|(k, d, _)| *k == key && *d == as_of)
            .map(|(_, _, a)| a.clone())
    }

    fn put(&self, key: i64, as_of: Date, a: Arc<Analysis>) {
        if let Ok(mut kept) = self.kept.lock() {
            *kept = Some((key, as_of, a));
        }
    }
}

impl Store {
    /// The rule parameters in force: stored values over the defaults.
    pub async fn rule_params(&self, actor: &Actor) -> Result<Params, DomainError> {
        reader(actor)?;
        let pairs = on_conn!(self, |c, b| b::rules::params(c).await)?;
        Params::from_pairs(&pairs).map_err(|e| {
            DomainError::Internal(format!("stored rule parameters are malformed: {e}"))
        })
    }

    /// Sets rule parameters, each `(key, text)`; a blank text puts the default back. Every
    /// change is checked first (all or nothing, field errors by key) and audited with before
    /// and after. 组织部 staff only. Returns the parameters now in force.
    pub async fn set_rule_params(
        &self,
        actor: &Actor,
        changes: &[(String, String)],
    ) -> Result<Params, DomainError> {
        need(
            actor.role.manages_appointments(),
            Msg::new("store-forbidden-params"),
        )?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            let stored = b::rules::params(&mut *c).await?;
            let defaults = Params::default();
            let mut merged: Vec<(String, String)> = stored.clone();
            let mut writes: Vec<(String, String, Option<String>)> = Vec::new();
            for (key, text) in changes {
                let key = key.trim();
                let text = text.trim();
                let Some(default) = defaults.get(key) else {
                    return Err(DomainError::invalid(
                        key,
                        message!("store-no-param", key = key.to_string()),
                    ));
                };
                let before = stored
                    .iter()
                    .find(|(k, _)| k == key)
                    .map_or(default.clone(), |(_, v)| v.clone());
                merged.retain(|(k, _)| k != key);
                // A value equal to the default is stored as the default: no row.
                let value = (!text.is_empty() && text != default).then(|| text.to_string());
                if let Some(v) = &value {
                    merged.push((key.to_string(), v.clone()));
                }
                if value.as_deref().unwrap_or(&default) != before {
                    writes.push((key.to_string(), before, value));
                }
            }
            let params = Params::from_pairs(&merged)?;
            for (key, before, value) in &writes {
                b::rules::set_param(&mut *c, actor, key, before, value.as_deref(), &now).await?;
            }
            Ok(params)
        })
    }

    /// The whole registry as a roster, read in one transaction (a consistent view while
    /// imports go on), one query per table. Not an export by itself: nothing leaves the
    /// program, so nothing is audited here.
    pub(crate) async fn snapshot(&self) -> Result<Roster, DomainError> {
        match self.pool() {
            crate::Pool::Sqlite(pool) => crate::snapshot_sqlite::snapshot(pool).await,
            crate::Pool::Pg(pool) => {
                let mut tx = pool.begin().await.map_err(db)?;
                sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                let r = crate::pg::roster::snapshot(&mut tx).await;
                tx.rollback().await.map_err(db)?;
                r
            }
        }
    }

    /// What the alert rules read of the whole registry, in one consistent view: the rows of
    /// [`Store::snapshot`], with only the fields the rules use, read as such on both
    /// backends, rows referring to rows by position, not code (issue 3: a province loads in
    /// half the time; issue 18 on PostgreSQL: 5–6 s and 640 MB through the roster).
    pub async fn rule_rows(&self, actor: &Actor) -> Result<Rows, DomainError> {
        reader(actor)?;
        match self.pool() {
            crate::Pool::Sqlite(pool) => crate::snapshot_sqlite::rule_rows(pool).await,
            crate::Pool::Pg(pool) => crate::snapshot_pg::rule_rows(pool).await,
        }
    }

    /// Runs every alert rule of M2 over the whole registry on `as_of`. A unit liaison gets
    /// the alerts of its own unit only.
    pub async fn check(&self, actor: &Actor, as_of: Date) -> Result<Report, DomainError> {
        let scope = reader(actor)?.clone();
        let params = self.rule_params(actor).await?;
        let rows = self.rule_rows(actor).await?;
        let report = tokio::task::spawn_blocking(move || {
            let facts = Arc::new(Facts::from_rows(rows, params.join_gap_days));
            rules::evaluate(&facts, &params, as_of)
        })
        .await
        .map_err(|e| DomainError::Internal(format!("rule evaluation stopped: {e}")))?;
        Ok(match scope {
            Scope::All => report,
            Scope::Unit(unit) => only_unit(&report, &unit),
        })
    }

    /// Alerts and structure (R-STRUCT-1) from one load of the registry. A unit liaison sees
    /// its own unit only: its alerts and its teams (the city profile is left empty).
    pub async fn analyse(&self, actor: &Actor, as_of: Date) -> Result<Analysis, DomainError> {
        let scope = reader(actor)?.clone();
        let all = Arc::new(self.analyse_all(actor, as_of).await?);
        Ok(Arc::unwrap_or_clone(all.scoped(&scope)))
    }

    /// [`Store::analyse`] through `cache`: the last analysis is kept with its key, the newest
    /// audit entry that changed the registry or a rule parameter, and served again while
    /// that has not moved and the date is the same. Every such change is audited in its own
    /// transaction, so a kept analysis is never stale; reads, sign-ins and exports, audited
    /// too, leave it be. The key is in the database, so several servers on one PostgreSQL
    /// each see a change made through another. A province takes seconds to analyse; paging
    /// through its alerts then takes none, and requests arriving while it is made wait for
    /// that one analysis.
    pub async fn analyse_cached(
        &self,
        cache: &AnalysisCache,
        actor: &Actor,
        as_of: Date,
    ) -> Result<Arc<Analysis>, DomainError> {
        let scope = reader(actor)?.clone();
        let key = on_conn!(self, |c, b| b::rules::analysis_key(c).await)?;
        let all = match cache.get(key, as_of) {
            Some(a) => a,
            None => {
                let _making = cache.making.lock().await;
                match cache.get(key, as_of) {
                    Some(a) => a,
                    None => {
                        let a = Arc::new(self.analyse_all(actor, as_of).await?);
                        cache.put(key, as_of, a.clone());
                        a
                    }
                }
            }
        };
        Ok(match scope {
            Scope::All => all,
            Scope::Unit(_) => all.scoped(&scope),
        })
    }

    /// The whole city's analysis; the caller has checked the role and scopes the result.
    async fn analyse_all(&self, actor: &Actor, as_of: Date) -> Result<Analysis, DomainError> {
        let params = self.rule_params(actor).await?;
        let rows = self.rule_rows(actor).await?;
        let (report, structure, facts) = tokio::task::spawn_blocking({
            let params = params.clone();
            move || {
                let facts = Arc::new(Facts::from_rows(rows, params.join_gap_days));
                let report = rules::evaluate(&facts, &params, as_of);
                let structure = rules::overview(&facts, &params, as_of);
                (report, structure, facts)
            }
        })
        .await
        .map_err(|e| DomainError::Internal(format!("rule evaluation stopped: {e}")))?;
        Ok(Analysis {
            report,
            structure,
            params,
            facts,
        })
    }

    /// The members behind the numbers of a structure profile on `as_of`
    /// ([`rules::counted`]), from the kept analysis: the city's (`team` is `None`, for
    /// those who see the whole city) or one team's (unit code, 班子名称). A liaison asking
    /// for the city or another unit is refused as the other pages refuse them.
    pub async fn counted(
        &self,
        cache: &AnalysisCache,
        actor: &Actor,
        as_of: Date,
        team: Option<(&str, &str)>,
    ) -> Result<Vec<rules::Counted>, DomainError> {
        let scope = reader(actor)?.clone();
        match (&scope, team) {
            (Scope::Unit(_), None) => {
                return Err(DomainError::Forbidden(Msg::new("store-own-unit-only")));
            }
            (Scope::Unit(own), Some((unit, _))) if own != unit => {
                return Err(DomainError::NotFound(Msg::new("store-team-not-found")));
            }
            _ => {}
        }
        let a = self.analyse_cached(cache, actor, as_of).await?;
        rules::counted(&a.facts, &a.params, as_of, team)
            .ok_or_else(|| DomainError::NotFound(Msg::new("store-team-not-found")))
    }

    /// Records that alerts left the program (a file or a download): they name people.
    pub async fn audit_alert_export(
        &self,
        actor: &Actor,
        as_of: Date,
        format: &str,
        alerts: usize,
    ) -> Result<(), DomainError> {
        reader(actor)?;
        let after =
            serde_json::json!({ "as_of": as_of.to_string(), "format": format, "alerts": alerts });
        self.audit_export(actor, "export.alerts", "alerts", &as_of.to_string(), after)
            .await
    }
}

/// The report with only `unit`'s alerts, counted again.
fn only_unit(all: &Report, unit: &str) -> Report {
    fn bump(c: &mut rules::LevelCounts, l: rules::Level) {
        match l {
            rules::Level::Violation => c.violation += 1,
            rules::Level::Warning => c.warning += 1,
            rules::Level::Notice => c.notice += 1,
        }
    }
    let mut report = Report {
        as_of: all.as_of,
        alerts: all.alerts.of_unit(unit),
        summary: all.summary.clone(),
    };
    let s = &mut report.summary;
    s.levels = rules::LevelCounts::default();
    for r in &mut s.rules {
        r.levels = rules::LevelCounts::default();
    }
    for a in &report.alerts {
        bump(&mut s.levels, a.level);
        if let Some(r) = s.rules.iter_mut().find(|r| r.rule == a.rule) {
            bump(&mut r.levels, a.level);
        }
    }
    report
}
