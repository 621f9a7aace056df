//! Closing a session removes what the files still hold of the voting (R-VOTE-3; issue 14,
//! item 10). While voting is open, every submission is one transaction that marks its code
//! used and writes its ballot: SQLite's WAL keeps that transaction's pages together (the
//! code's row, with its serial, beside the ballot's row) until a checkpoint copies them
//! into the database file and the WAL is truncated; PostgreSQL keeps the old row versions,
//! each stamped with its transaction, until `VACUUM FULL` rewrites the tables. Closing
//! rewrites both tables in key order ([`crate::sqlite::ballots::seal`]) and then has to
//! remove those old versions; if it cannot, the session is not closed.
//!
//! What stops it is another program holding the database open inside a transaction (a
//! backup tool, a `sqlite3` or `psql` shell left in a transaction): SQLite cannot truncate
//! the WAL under its reader, PostgreSQL cannot rewrite a table it reads. The sweep is tried
//! [`TRIES`] times, each waiting up to [`WAIT`]; it is tried first before anything
//! changes, so that a held database refuses the close with nothing done; should a reader
//! arrive between that try and the one after the closing transaction, the session is
//! opened again (audited) and the close refused the same way. Either way the user reads
//! `ballot-close-db-held`: someone holds the database open, close it and try again.
//!
//! The old cells themselves: every SQLite connection of the store runs with
//! `secure_delete` (`connect.rs`, and the ballot writer's own connection), so a cell
//! deleted or moved by the rewrite, or by a code's used mark, is overwritten with zeros,
//! and a page freed is zeroed.

use crate::connect::Store;
use crate::db;
use banzi_domain::{DomainError, message};
use std::time::Duration;

/// How many times the sweep is tried before the close is refused.
pub(super) const TRIES: u32 = 4;
/// How long each try waits for other connections' transactions to end.
pub(super) const WAIT: Duration = Duration::from_secs(1);

/// The refusal a user reads: the database is held open by another program.
pub(super) fn held() -> DomainError {
    DomainError::Conflict(message!("ballot-close-db-held"))
}

impl Store {
    /// Removes every old version of the ballot tables' rows from the files: on SQLite the
    /// WAL copied into the database file and truncated to nothing, on PostgreSQL `VACUUM
    /// FULL` of both tables. `Ok(false)` when another transaction kept it from finishing
    /// [`TRIES`] times; then nothing is lost, only not yet removed.
    pub(super) async fn sweep_ballots(&self) -> Result<bool, DomainError> {
        match self.pool() {
            crate::Pool::Sqlite(pool) => {
                let mut c = pool.acquire().await.map_err(db)?;
                let ms = WAIT.as_millis().to_string();
                sqlx::query(crate::safe(format!("PRAGMA busy_timeout = {ms}")))
                    .execute(&mut *c)
                    .await
                    .map_err(db)?;
                let mut done = Ok(false);
                for _ in 0..TRIES {
                    // (busy, pages in the WAL, pages copied): busy is 1 when a reader or a
                    // writer kept the checkpoint from copying everything and truncating.
                    let r: Result<(i64, i64, i64), _> =
                        sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                            .fetch_one(&mut *c)
                            .await;
                    match r {
                        Ok((0, _, _)) => {
                            done = Ok(true);
                            break;
                        }
                        Ok(_) => {}
                        Err(e) => {
                            done = Err(db(e));
                            break;
                        }
                    }
                }
                // The pool's connections wait 30 s for a lock (`connect.rs`); one that
                // could not be given it back is not returned to the pool.
                if sqlx::query("PRAGMA busy_timeout = 30000")
                    .execute(&mut *c)
                    .await
                    .is_err()
                {
                    c.close_on_drop();
                }
                done
            }
            crate::Pool::Pg(pool) => {
                let mut c = pool.acquire().await.map_err(db)?;
                let ms = WAIT.as_millis().to_string();
                sqlx::query(crate::safe(format!("SET lock_timeout = {ms}")))
                    .execute(&mut *c)
                    .await
                    .map_err(db)?;
                // VACUUM FULL copies a dead version still visible to a snapshot older than
                // its deletion (any transaction of this database, whatever its schema): the
                // sweep waits until every transaction that began before the close has ended.
                let (now,): (String,) = sqlx::query_as("SELECT pg_current_xact_id()::text")
                    .fetch_one(&mut *c)
                    .await
                    .map_err(db)?;
                let mut done = Ok(false);
                for _ in 0..TRIES {
                    if !older_snapshots_end(&mut c, &now).await? {
                        continue;
                    }
                    match sqlx::query("VACUUM FULL ballots, ballot_codes")
                        .execute(&mut *c)
                        .await
                    {
                        Ok(_) => {
                            done = Ok(true);
                            break;
                        }
                        // lock_not_available: another transaction holds one of the tables.
                        Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some("55P03") => {}
                        Err(e) => {
                            done = Err(db(e));
                            break;
                        }
                    }
                }
                if sqlx::query("RESET lock_timeout")
                    .execute(&mut *c)
                    .await
                    .is_err()
                {
                    c.close_on_drop();
                }
                done
            }
        }
    }
}

/// Waits up to [`WAIT`] until no other transaction of this database holds a snapshot taken
/// before transaction `xid`; whether none does. (A role that cannot read other sessions'
/// `backend_xmin` sees none: give the store's role `pg_read_all_stats`.)
async fn older_snapshots_end(
    c: &mut sqlx::pool::PoolConnection<sqlx::Postgres>,
    xid: &str,
) -> Result<bool, DomainError> {
    let step = Duration::from_millis(20);
    let mut waited = Duration::ZERO;
    loop {
        let (older,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() \
             AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL \
             AND age(backend_xmin) >= age($1::xid)",
        )
        .bind(xid)
        .fetch_one(&mut **c)
        .await
        .map_err(db)?;
        if older == 0 {
            return Ok(true);
        }
        if waited >= WAIT {
            return Ok(false);
        }
        tokio::time::sleep(step).await;
        waited += step;
    }
}
