//! Rows going in by the thousand (the roster import): one description of the statement and
//! one executor per backend. SQLite runs a prepared single-row INSERT in a loop on the
//! handle sqlx lends out — sqlx otherwise hands every statement and every bound value to
//! its SQLite thread one message at a time — and PostgreSQL gets multi-row INSERTs.

use banzi_domain::DomainError;

/// One bound value.
#[derive(Debug, Clone)]
pub enum Val {
    Text(String),
    OptText(Option<String>),
    Int(i64),
    OptReal(Option<f64>),
    Bool(bool),
}

impl From<bool> for Val {
    fn from(v: bool) -> Val {
        Val::Bool(v)
    }
}

impl From<String> for Val {
    fn from(s: String) -> Val {
        Val::Text(s)
    }
}

impl From<&str> for Val {
    fn from(s: &str) -> Val {
        Val::Text(s.to_string())
    }
}

impl From<i64> for Val {
    fn from(v: i64) -> Val {
        Val::Int(v)
    }
}

impl From<Option<String>> for Val {
    fn from(v: Option<String>) -> Val {
        Val::OptText(v)
    }
}

impl From<Option<f64>> for Val {
    fn from(v: Option<f64>) -> Val {
        Val::OptReal(v)
    }
}

/// `INSERT INTO table (columns)` followed either by the values themselves, or by
/// `SELECT select FROM <values as v(column1..columnN)> joins` when some columns are looked
/// up (a cadre's row id by ID number, say).
pub struct TableInsert {
    pub head: &'static str,
    pub lookup: Option<(&'static str, &'static str)>,
}

impl TableInsert {
    /// The single-row statement SQLite prepares once.
    pub fn sqlite_sql(&self, ncols: usize) -> String {
        match self.lookup {
            None => {
                let marks: Vec<String> = (1..=ncols).map(|i| format!("?{i}")).collect();
                format!("{} VALUES ({})", self.head, marks.join(", "))
            }
            Some((select, joins)) => {
                let cols: Vec<String> = (1..=ncols).map(|i| format!("?{i} AS column{i}")).collect();
                format!(
                    "{} SELECT {select} FROM (SELECT {}) AS v {joins}",
                    self.head,
                    cols.join(", ")
                )
            }
        }
    }
}

fn bulk_error(what: &str, e: impl std::fmt::Display) -> DomainError {
    DomainError::Internal(format!("bulk write failed ({what}): {e}"))
}

pub mod sqlite {
    use super::{TableInsert, Val, bulk_error};
    use banzi_domain::DomainError;
    use libsqlite3_sys as ffi;
    use std::ffi::{CStr, CString, c_int};

    /// Inserts `rows` (all of the same width) with one prepared statement; returns the rows
    /// written. Runs inside the caller's transaction.
    pub async fn insert_rows(
        c: &mut sqlx::SqliteConnection,
        t: &TableInsert,
        rows: &[Vec<Val>],
    ) -> Result<u64, DomainError> {
        let Some(first) = rows.first() else {
            return Ok(0);
        };
        let sql =
            CString::new(t.sqlite_sql(first.len())).map_err(|e| bulk_error("statement", e))?;
        let mut handle = c
            .lock_handle()
            .await
            .map_err(|e| bulk_error("connection", e))?;
        let db = handle.as_raw_handle().as_ptr();
        // SAFETY: while `handle` lives, sqlx's worker makes no call on this connection (see
        // `LockedSqliteHandle`); the statement is finalized on every path before it is dropped,
        // and bound text stays alive in `rows` until the row is stepped and reset
        // (SQLITE_STATIC).
        unsafe {
            let mut stmt: *mut ffi::sqlite3_stmt = std::ptr::null_mut();
            let rc = ffi::sqlite3_prepare_v2(db, sql.as_ptr(), -1, &mut stmt, std::ptr::null_mut());
            if rc != ffi::SQLITE_OK {
                return Err(bulk_error("prepare", errmsg(db)));
            }
            let mut written = 0u64;
            for row in rows {
                let mut rc = ffi::SQLITE_OK;
                for (i, v) in row.iter().enumerate() {
                    let at = (i + 1) as c_int;
                    rc = match v {
                        Val::Text(s) | Val::OptText(Some(s)) => ffi::sqlite3_bind_text(
                            stmt,
                            at,
                            s.as_ptr().cast(),
                            s.len() as c_int,
                            ffi::SQLITE_STATIC(),
                        ),
                        Val::Int(n) => ffi::sqlite3_bind_int64(stmt, at, *n),
                        Val::Bool(b) => ffi::sqlite3_bind_int64(stmt, at, i64::from(*b)),
                        Val::OptReal(Some(x)) => ffi::sqlite3_bind_double(stmt, at, *x),
                        Val::OptText(None) | Val::OptReal(None) => ffi::sqlite3_bind_null(stmt, at),
                    };
                    if rc != ffi::SQLITE_OK {
                        break;
                    }
                }
                if rc == ffi::SQLITE_OK {
                    rc = ffi::sqlite3_step(stmt);
                }
                if rc != ffi::SQLITE_DONE {
                    let msg = errmsg(db);
                    ffi::sqlite3_finalize(stmt);
                    return Err(bulk_error("write", msg));
                }
                written += ffi::sqlite3_changes(db) as u64;
                ffi::sqlite3_reset(stmt);
            }
            ffi::sqlite3_finalize(stmt);
            Ok(written)
        }
    }

    /// # Safety
    /// `db` is a live connection handle.
    unsafe fn errmsg(db: *mut ffi::sqlite3) -> String {
        // SAFETY: sqlite3_errmsg returns a NUL-terminated string owned by the connection.
        unsafe {
            CStr::from_ptr(ffi::sqlite3_errmsg(db))
                .to_string_lossy()
                .into_owned()
        }
    }
}

pub mod pg {
    use super::{TableInsert, Val};
    use banzi_domain::DomainError;

    /// Rows per statement: under PostgreSQL's 65,535 bound parameters for the widest table.
    const CHUNK: usize = 1000;

    pub async fn insert_rows(
        c: &mut sqlx::PgConnection,
        t: &TableInsert,
        rows: &[Vec<Val>],
    ) -> Result<u64, DomainError> {
        let mut written = 0;
        for chunk in rows.chunks(CHUNK) {
            let mut q = sqlx::QueryBuilder::<sqlx::Postgres>::new(t.head);
            if let Some((select, _)) = t.lookup {
                q.push(format!(" SELECT {select} FROM ("));
            } else {
                q.push(" ");
            }
            // With a lookup, rows carry their position so that PostgreSQL inserts (and
            // numbers) them in the order given, as SQLite's row-by-row loop does.
            let ordinal = t.lookup.is_some();
            q.push_values(chunk.iter().enumerate(), |mut b, (i, row)| {
                for v in row {
                    match v {
                        Val::Text(s) => b.push_bind(s.clone()),
                        Val::OptText(s) => b.push_bind(s.clone()),
                        Val::Int(n) => b.push_bind(*n),
                        Val::OptReal(x) => b.push_bind(*x),
                        Val::Bool(x) => b.push_bind(*x),
                    };
                }
                if ordinal {
                    b.push_bind(i as i64);
                }
            });
            if let Some((_, joins)) = t.lookup {
                let n = chunk[0].len() + 1;
                let cols: Vec<String> = (1..=n).map(|i| format!("column{i}")).collect();
                q.push(format!(
                    ") AS v ({}) {joins} ORDER BY v.column{n}",
                    cols.join(", ")
                ));
            }
            written += q
                .build()
                .execute(&mut *c)
                .await
                .map_err(crate::db)?
                .rows_affected();
        }
        Ok(written)
    }
}
