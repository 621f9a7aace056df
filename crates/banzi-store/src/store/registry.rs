//! Registry operations: units, teams, posts, cadres, 任免 and the roster.

use super::{need, reader};
use crate::Source;
use crate::connect::{Store, now_rfc3339};
use crate::types::*;
use crate::{db, rows::*};
use banzi_domain::date::iso;
use banzi_domain::registry::{Appointment, Cadre, Portfolio, Post, Training, Unit};
use banzi_domain::role::{Actor, Scope};
use banzi_domain::roster::{Feed, Roster};
use banzi_domain::{Date, DomainError, Msg, message};

impl Store {
    // ----- units, teams, posts -----

    pub async fn units(&self, actor: &Actor) -> Result<Vec<UnitRow>, DomainError> {
        let scope = reader(actor)?;
        on_conn!(self, |c, b| b::units::list(c, scope).await)
    }

    /// One level of the unit tree: the units under `parent` (the roots when None), a part of
    /// `limit` after the unit `after` (from the first when None), and, when `count`, how many
    /// there are from that part on (issue 18, item 1).
    pub async fn unit_children(
        &self,
        actor: &Actor,
        parent: Option<&str>,
        after: Option<&str>,
        limit: i64,
        count: bool,
    ) -> Result<(Vec<UnitNode>, Option<i64>), DomainError> {
        let scope = reader(actor)?;
        on_conn!(self, |c, b| b::units::children(
            c, scope, parent, after, limit, count
        )
        .await)
    }

    /// The units found by `q` (a part of the name, its pinyin or initials, the start of the
    /// code), at most `limit`, and whether there were more. Nothing for a blank `q`.
    pub async fn search_units(
        &self,
        actor: &Actor,
        q: &str,
        limit: usize,
    ) -> Result<(Vec<UnitNode>, bool), DomainError> {
        let scope = reader(actor)?;
        let Some(q) = banzi_domain::registry::search::search_text(q) else {
            return Ok((Vec::new(), false));
        };
        on_conn!(self, |c, b| b::units::search(c, scope, &q, limit).await)
    }

    /// The posts `q` finds (the unit by a part of its name, pinyin or code, the post's code or
    /// title; further words in the title), at most `limit`, and whether there were more.
    pub async fn search_posts(
        &self,
        actor: &Actor,
        q: &str,
        limit: i64,
    ) -> Result<(Vec<PostRow>, bool), DomainError> {
        let scope = reader(actor)?;
        on_conn!(self, |c, b| b::units::search_posts(c, scope, q, limit)
            .await)
    }

    /// Writes the search keys of the units that have none: once when the store opens, for a
    /// database made before the unit search existed.
    pub(crate) async fn index_units(&self) -> Result<(), DomainError> {
        if on_conn!(self, |c, b| b::units::unindexed(c).await)? {
            in_tx!(self, |c, b| b::units::index_units(c).await)?;
        }
        Ok(())
    }

    pub async fn unit(&self, actor: &Actor, code: &str) -> Result<UnitRow, DomainError> {
        let scope = reader(actor)?;
        on_conn!(self, |c, b| b::units::get(c, scope, code).await)
    }

    /// Creates or updates a unit: 组织部 staff only (a liaison keeps its unit's people, not
    /// the unit tree).
    pub async fn save_unit(&self, actor: &Actor, u: &Unit) -> Result<bool, DomainError> {
        need(
            actor.role.manages_appointments(),
            Msg::new("store-forbidden-units"),
        )?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| b::units::upsert(c, actor, u, &now).await)
    }

    pub async fn save_post(&self, actor: &Actor, p: &Post) -> Result<bool, DomainError> {
        need(
            actor.role.manages_appointments(),
            Msg::new("store-forbidden-posts"),
        )?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| b::units::upsert_post(c, actor, p, &now).await)
    }

    pub async fn post(&self, actor: &Actor, code: &str) -> Result<PostRow, DomainError> {
        let scope = reader(actor)?;
        on_conn!(self, |c, b| b::units::post(c, scope, code).await)
    }

    pub async fn all_posts(&self, actor: &Actor) -> Result<Vec<PostRow>, DomainError> {
        let scope = reader(actor)?;
        on_conn!(self, |c, b| b::units::all_posts(c, scope).await)
    }

    /// A unit's teams with their posts and who holds them on `today`.
    pub async fn team(
        &self,
        actor: &Actor,
        unit_code: &str,
        today: Date,
    ) -> Result<TeamView, DomainError> {
        let scope = reader(actor)?;
        let day = iso(today);
        on_conn!(self, |c, b| {
            let unit = b::units::get(&mut *c, scope, unit_code).await?;
            let posts = b::units::posts_of_unit(&mut *c, scope, unit_code).await?;
            let holders = b::appointments::holders_of_unit(&mut *c, unit_code, &day).await?;
            Ok(TeamView {
                unit,
                posts,
                holders,
            })
        })
    }

    // ----- cadres -----

    pub async fn search_cadres(
        &self,
        actor: &Actor,
        f: &CadreFilter,
    ) -> Result<(Vec<CadreListRow>, i64), DomainError> {
        let scope = reader(actor)?;
        on_conn!(self, |c, b| b::cadres::search(c, scope, f).await)
    }

    /// The ID number behind a cadre's address (`/cadres/{row id}`): addresses carry no ID
    /// number, so that none ends up in a browser's history or a proxy's log (issue 14, item
    /// 16). What the caller may see is checked by the call that reads the cadre.
    pub async fn cadre_id_number(&self, r: i64) -> Result<Option<String>, DomainError> {
        on_conn!(self, |c, b| b::cadres::id_number_of(c, r).await)
    }

    /// The addresses (row ids) of cadres by ID number, for links.
    pub async fn cadre_refs(
        &self,
        id_numbers: &[String],
    ) -> Result<std::collections::HashMap<String, i64>, DomainError> {
        if id_numbers.is_empty() {
            return Ok(Default::default());
        }
        on_conn!(self, |c, b| Ok(b::cadres::refs(c, id_numbers)
            .await?
            .into_iter()
            .collect()))
    }

    pub async fn cadre(
        &self,
        actor: &Actor,
        id_number: &str,
        today: Date,
    ) -> Result<CadreDetail, DomainError> {
        self.cadre_by(actor, CadreKey::IdNumber(id_number), today)
            .await
    }

    /// A cadre's profile by the row id of its address (`/cadres/{r}`): one statement less
    /// than finding its ID number first, which on PostgreSQL under load was a wait for the
    /// server's turn more (issue 18). Outside the reader's scope it is not found.
    pub async fn cadre_at(
        &self,
        actor: &Actor,
        r: i64,
        today: Date,
    ) -> Result<CadreDetail, DomainError> {
        self.cadre_by(actor, CadreKey::Row(r), today).await
    }

    async fn cadre_by(
        &self,
        actor: &Actor,
        key: CadreKey<'_>,
        today: Date,
    ) -> Result<CadreDetail, DomainError> {
        let scope = reader(actor)?;
        let day = iso(today);
        on_conn!(self, |c, b| {
            let row = match key {
                CadreKey::IdNumber(id_number) => {
                    b::cadres::get_row(&mut *c, scope, id_number, &day).await?
                }
                CadreKey::Row(r) => b::cadres::get_row_at(&mut *c, scope, r, &day).await?,
            };
            let cadre = row.into_cadre()?;
            let lines = b::cadres::lines(&mut *c, row.id, &row.id_number).await?;
            Ok(CadreDetail {
                resume: lines.resume,
                family: lines.family,
                rewards: lines.rewards,
                ratings: lines.ratings,
                appointments: b::appointments::of_cadre(&mut *c, row.id).await?,
                portfolios: lines.portfolios,
                trainings: lines.trainings,
                has_photo: lines.has_photo,
                cadre,
                row,
            })
        })
    }

    /// Saves a cadre. Staff create and edit anyone; a liaison edits only cadres who hold a
    /// post in its unit today, and cannot create (a new cadre has no unit until appointed).
    pub async fn save_cadre(
        &self,
        actor: &Actor,
        x: &Cadre,
        mode: Upsert,
        today: Date,
    ) -> Result<bool, DomainError> {
        need(
            actor.role.writes_registry(),
            Msg::new("store-forbidden-write-registry"),
        )?;
        let now = now_rfc3339();
        let day = iso(today);
        in_tx!(self, |c, b| {
            let mode = if actor.scope == Scope::All {
                mode
            } else {
                // Existence inside the scope is checked by the scoped read.
                b::cadres::get_row(&mut *c, &actor.scope, x.id_number.as_str(), &day).await?;
                Upsert::MustExist
            };
            b::cadres::upsert(c, actor, x, mode, &now).await
        })
    }

    pub async fn add_cadre_record(
        &self,
        actor: &Actor,
        id_number: &str,
        rec: &CadreRecord,
        today: Date,
    ) -> Result<(), DomainError> {
        need(
            actor.role.writes_registry(),
            Msg::new("store-forbidden-write-registry"),
        )?;
        let now = now_rfc3339();
        let day = iso(today);
        in_tx!(self, |c, b| {
            b::cadres::get_row(&mut *c, &actor.scope, id_number, &day).await?;
            b::cadres::add_record(c, actor, id_number, rec, &now).await
        })
    }

    /// Removes one line of a cadre's record: whoever may edit the cadre.
    pub async fn remove_cadre_record(
        &self,
        actor: &Actor,
        id_number: &str,
        kind: RecordKind,
        line: i64,
        today: Date,
    ) -> Result<(), DomainError> {
        need(
            actor.role.writes_registry(),
            Msg::new("store-forbidden-write-registry"),
        )?;
        let now = now_rfc3339();
        let day = iso(today);
        in_tx!(self, |c, b| {
            b::cadres::get_row(&mut *c, &actor.scope, id_number, &day).await?;
            b::cadres::remove_record(c, actor, id_number, kind, line, &now).await
        })
    }

    /// Adds many record lines in one transaction (demo data, bulk entry): staff only.
    pub async fn add_cadre_records(
        &self,
        actor: &Actor,
        records: &[(String, CadreRecord)],
    ) -> Result<(), DomainError> {
        need(
            actor.role.manages_appointments(),
            Msg::new("store-forbidden-bulk"),
        )?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            for (id, rec) in records {
                b::cadres::add_record(&mut *c, actor, id, rec, &now).await?;
            }
            Ok(())
        })
    }

    pub async fn set_photo(
        &self,
        actor: &Actor,
        id_number: &str,
        mime: &str,
        data: &[u8],
        today: Date,
    ) -> Result<(), DomainError> {
        need(
            actor.role.writes_registry(),
            Msg::new("store-forbidden-write-registry"),
        )?;
        let now = now_rfc3339();
        let day = iso(today);
        in_tx!(self, |c, b| {
            b::cadres::get_row(&mut *c, &actor.scope, id_number, &day).await?;
            b::cadres::set_photo(c, actor, id_number, mime, data, &now).await
        })
    }

    pub async fn photo(
        &self,
        actor: &Actor,
        id_number: &str,
        today: Date,
    ) -> Result<Option<(String, Vec<u8>)>, DomainError> {
        let scope = reader(actor)?;
        let day = iso(today);
        on_conn!(self, |c, b| {
            let row = b::cadres::get_row(&mut *c, scope, id_number, &day).await?;
            b::cadres::photo(c, row.id).await
        })
    }

    // ----- 任免 -----

    /// 任职: starts an appointment, and in the same transaction ends the listed current ones
    /// (免去原职) the day the new one starts.
    pub async fn appoint(
        &self,
        actor: &Actor,
        a: &Appointment,
        ending: &[i64],
    ) -> Result<i64, DomainError> {
        need(
            actor.role.manages_appointments(),
            Msg::new("store-forbidden-appoint"),
        )?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            for id in ending {
                b::appointments::end(&mut *c, actor, *id, a.start, &a.doc_no, &now).await?;
            }
            let id = b::appointments::insert(&mut *c, actor, a, &now)
                .await?
                .ok_or_else(|| DomainError::Conflict(Msg::new("store-appointment-recorded")))?;
            b::forms::forget_current_post(c, a.id_number.as_str()).await?;
            Ok(id)
        })
    }

    /// 免职: ends a current appointment.
    pub async fn end_appointment(
        &self,
        actor: &Actor,
        id: i64,
        end: Date,
        doc_no: &str,
    ) -> Result<(), DomainError> {
        need(
            actor.role.manages_appointments(),
            Msg::new("store-forbidden-appoint"),
        )?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            b::appointments::end(&mut *c, actor, id, end, doc_no, &now).await?;
            match b::appointments::get(&mut *c, id).await? {
                Some(a) => b::forms::forget_current_post(c, &a.id_number).await,
                None => Ok(()),
            }
        })
    }

    pub async fn appointment(&self, actor: &Actor, id: i64) -> Result<AppointmentRow, DomainError> {
        let scope = reader(actor)?;
        let a = on_conn!(self, |c, b| b::appointments::get(c, id).await)?;
        match a {
            Some(a) if scope.allows_unit(&a.unit_code) => Ok(a),
            _ => Err(DomainError::NotFound(message!(
                "store-appointment",
                id = id
            ))),
        }
    }

    pub async fn add_portfolio(&self, actor: &Actor, f: &Portfolio) -> Result<bool, DomainError> {
        need(
            actor.role.manages_appointments(),
            Msg::new("store-forbidden-portfolios"),
        )?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| b::appointments::insert_portfolio(
            c, actor, f, &now
        )
        .await)
    }

    pub async fn add_training(
        &self,
        actor: &Actor,
        t: &Training,
        today: Date,
    ) -> Result<bool, DomainError> {
        need(
            actor.role.writes_registry(),
            Msg::new("store-forbidden-write-registry"),
        )?;
        let now = now_rfc3339();
        let day = iso(today);
        in_tx!(self, |c, b| {
            b::cadres::get_row(&mut *c, &actor.scope, t.id_number.as_str(), &day).await?;
            b::appointments::insert_training(c, actor, t, &now).await
        })
    }

    // ----- roster -----

    /// Imports a roster in one transaction: all or nothing, idempotent.
    pub async fn import_roster(
        &self,
        actor: &Actor,
        r: &Roster,
        progress: &(dyn Fn(&'static str, usize, usize) + Sync),
    ) -> Result<ImportSummary, ImportError> {
        let mut source = Source::Parts(r.clone().into_parts().into_iter());
        self.import_source(actor, &mut source, progress).await
    }

    /// Imports a roster while it is being read (`banzi_io::spawn_reader`): each part is
    /// checked and written as it arrives, in one transaction that commits only after the
    /// reader's `End` reports no error. All or nothing, idempotent.
    pub async fn import_feed(
        &self,
        actor: &Actor,
        feed: &mut tokio::sync::mpsc::Receiver<Feed>,
        progress: &(dyn Fn(&'static str, usize, usize) + Sync),
    ) -> Result<ImportSummary, ImportError> {
        self.import_source(actor, &mut Source::Channel(feed), progress)
            .await
    }

    async fn import_source(
        &self,
        actor: &Actor,
        source: &mut Source<'_>,
        progress: &(dyn Fn(&'static str, usize, usize) + Sync),
    ) -> Result<ImportSummary, ImportError> {
        need(
            actor.role.manages_appointments(),
            Msg::new("store-forbidden-import"),
        )?;
        let now = now_rfc3339();
        match self.pool() {
            crate::Pool::Sqlite(pool) => {
                let mut bulk = bulk_connection(pool).await?;
                let result = crate::AUDIT_KEY
                    .scope(self.key.clone(), async {
                        let conn = bulk.0.as_mut().expect("held until bulk_done");
                        let mut tx = sqlx::Connection::begin_with(&mut **conn, "BEGIN IMMEDIATE")
                            .await
                            .map_err(db)?;
                        let summary =
                            crate::sqlite::roster::import(&mut tx, actor, source, &now, progress)
                                .await?;
                        tx.commit().await.map_err(db)?;
                        Ok(summary)
                    })
                    .await;
                bulk_done(pool, bulk).await;
                result
            }
            crate::Pool::Pg(_) => in_tx!(self, |c, b| b::roster::import(
                c, actor, source, &now, progress
            )
            .await),
        }
    }

    /// Reads the whole registry as a roster; the export is audited (personal data).
    pub async fn export_roster(&self, actor: &Actor) -> Result<Roster, DomainError> {
        need(
            actor.role.manages_appointments(),
            Msg::new("store-forbidden-export"),
        )?;
        let r = self.snapshot().await?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| b::roster::audit_export(c, actor, &r, &now)
            .await)?;
        Ok(r)
    }
}

/// One SQLite connection set up for a bulk write: a page cache large enough that the
/// transaction's pages stay in memory until the commit writes them to the WAL once, and no
/// checkpoint inside the commit. [`bulk_done`] puts it back as it was; if the import is
/// dropped half-way (a browser that went away), the connection is closed rather than pooled
/// with these settings.
struct BulkConnection(Option<sqlx::pool::PoolConnection<sqlx::Sqlite>>);

impl Drop for BulkConnection {
    fn drop(&mut self) {
        if let Some(conn) = self.0.take() {
            drop(conn.detach());
        }
    }
}

async fn bulk_connection(pool: &sqlx::SqlitePool) -> Result<BulkConnection, DomainError> {
    let mut conn = pool.acquire().await.map_err(db)?;
    sqlx::raw_sql("PRAGMA cache_size = -1048576; PRAGMA wal_autocheckpoint = 0")
        .execute(&mut *conn)
        .await
        .map_err(db)?;
    Ok(BulkConnection(Some(conn)))
}

/// Restores the defaults (the cache shrinks at once) and returns the connection to the pool
/// (closes it if it cannot be reset), then checkpoints the WAL into the database file in the
/// background: the data is durable once the commit has returned (synchronous=FULL).
async fn bulk_done(pool: &sqlx::SqlitePool, mut bulk: BulkConnection) {
    if let Some(mut conn) = bulk.0.take() {
        let reset = sqlx::raw_sql("PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000")
            .execute(&mut *conn)
            .await;
        if reset.is_err() {
            drop(conn.detach());
        }
    }
    let pool = pool.clone();
    tokio::spawn(async move {
        let _ = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .execute(&pool)
            .await;
    });
}

/// How a cadre is named to [`Store::cadre_by`].
#[derive(Clone, Copy)]
enum CadreKey<'a> {
    IdNumber(&'a str),
    Row(i64),
}
