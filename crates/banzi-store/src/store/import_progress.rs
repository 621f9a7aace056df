//! How far each running roster import has got, where every server reads it (issue 18,
//! item 5). Behind a load balancer the upload is taken by one server and runs there in one
//! transaction, while the page's progress requests reach any server: on PostgreSQL the
//! importing server writes its stage to `import_progress` on connections of its own, outside
//! the import's transaction, and the others read it there. SQLite is served by one server,
//! whose memory has its imports; there these calls do nothing (the import holds SQLite's
//! only write lock for its whole run, so nothing could be written beside it anyway).
//!
//! Not audited: a stage records no change to the registry, only that an import is running,
//! and goes when it ends (the import itself is audited).

use crate::connect::{Store, now_rfc3339};
use crate::db;
use banzi_domain::DomainError;

/// How far one import has got: the sheet being read and its rows read (`read_total` is 0
/// when the sheet does not say how many it has), the sheet being written and its rows
/// written.
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct ImportStage {
    pub read_sheet: String,
    pub read_done: i64,
    pub read_total: i64,
    pub write_sheet: String,
    pub write_done: i64,
}

/// A stage left by a server that stopped in the middle of an import is removed by the next
/// import to end after this long (no import runs for a day).
const LEFT_BEHIND_HOURS: i64 = 24;

impl Store {
    /// Whether other servers may be running on this database, so that what one server
    /// knows of a user's work in progress must be written where they read it: PostgreSQL.
    /// A SQLite file is served by one server.
    pub fn is_shared(&self) -> bool {
        matches!(self.pool(), crate::Pool::Pg(_))
    }

    /// Writes where `login`'s import with `ticket` stands, for every server to read.
    pub async fn put_import_stage(
        &self,
        login: &str,
        ticket: &str,
        s: &ImportStage,
    ) -> Result<(), DomainError> {
        let crate::Pool::Pg(pool) = self.pool() else {
            return Ok(());
        };
        sqlx::query(
            "INSERT INTO import_progress \
             (login, ticket, read_sheet, read_done, read_total, write_sheet, write_done, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (login, ticket) DO UPDATE SET read_sheet = excluded.read_sheet, \
             read_done = excluded.read_done, read_total = excluded.read_total, \
             write_sheet = excluded.write_sheet, write_done = excluded.write_done, \
             updated_at = excluded.updated_at",
        )
        .bind(login)
        .bind(ticket)
        .bind(&s.read_sheet)
        .bind(s.read_done)
        .bind(s.read_total)
        .bind(&s.write_sheet)
        .bind(s.write_done)
        .bind(now_rfc3339())
        .execute(pool)
        .await
        .map_err(db)?;
        Ok(())
    }

    /// Where `login`'s import with `ticket` stands, as its server last wrote it; `None`
    /// when no such import is running (or on SQLite, see the module's note).
    pub async fn import_stage(
        &self,
        login: &str,
        ticket: &str,
    ) -> Result<Option<ImportStage>, DomainError> {
        let crate::Pool::Pg(pool) = self.pool() else {
            return Ok(None);
        };
        sqlx::query_as(
            "SELECT read_sheet, read_done, read_total, write_sheet, write_done \
             FROM import_progress WHERE login = $1 AND ticket = $2",
        )
        .bind(login)
        .bind(ticket)
        .fetch_optional(pool)
        .await
        .map_err(db)
    }

    /// The import has ended: its stage goes, with any left behind by a server that stopped
    /// in the middle of one.
    pub async fn end_import_stage(&self, login: &str, ticket: &str) -> Result<(), DomainError> {
        let crate::Pool::Pg(pool) = self.pool() else {
            return Ok(());
        };
        let before = jiff::Timestamp::now()
            .checked_sub(jiff::SignedDuration::from_hours(LEFT_BEHIND_HOURS))
            .and_then(|t| t.round(jiff::Unit::Second))
            .map(|t| t.to_string())
            .unwrap_or_default();
        sqlx::query(
            "DELETE FROM import_progress WHERE (login = $1 AND ticket = $2) OR updated_at < $3",
        )
        .bind(login)
        .bind(ticket)
        .bind(before)
        .execute(pool)
        .await
        .map_err(db)?;
        Ok(())
    }
}
