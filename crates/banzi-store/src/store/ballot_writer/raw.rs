//! The group-commit writer's own SQLite connection (R-VOTE-4; issue 4, "Speed"): opened by
//! the writer's thread, used by it alone, its statements prepared once. Through sqlx every
//! statement of a submission crossed from tokio to sqlx's SQLite thread and back; here a
//! batch runs start to commit on one thread, with no hop.
//!
//! [`ballots`] holds the statements a submission runs, with the same names, arguments and
//! results as `q/ballots.rs` (`code`, `session`, `used_nonce`, `use_code`, `insert_ballot`),
//! so that the steps of [`super::super::ballots::cast_steps`] run on them unchanged. The SQL
//! is that of `q/ballots.rs`, copied: keep the two alike (the conformance suite runs the
//! group commit on SQLite, `Store::cast_ballot` on both backends).
//!
//! R-VOTE-3: nothing here logs, and an error carries SQLite's message only, which names
//! tables and columns, never a bound value (a code's hash, a nonce's hash).

use super::checkpoint::{Checkpoints, Hook};
use crate::BallotSessionRow;
use crate::snapshot_sqlite::errmsg;
use banzi_domain::DomainError;
use libsqlite3_sys as ffi;
use std::ffi::{CStr, CString, c_int};
use std::time::Duration;

/// How long a statement waits for another connection's write lock, as every pooled
/// connection does (`connect.rs`).
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

fn failed(e: impl std::fmt::Display) -> DomainError {
    DomainError::Internal(format!("database error: {e}"))
}

/// An argument bound to `$1`, `$2`, … in order.
pub(super) enum Arg<'a> {
    Text(&'a str),
    Int(i64),
}

/// A connection this module opened; closed when dropped. It holds a raw pointer, so it is
/// neither `Send` nor `Sync`: it stays on the thread that opened it.
pub(super) struct Conn {
    db: *mut ffi::sqlite3,
}

impl Conn {
    /// Opens an existing database file (the store made it and ran the migrations) with the
    /// settings `connect.rs` gives every pooled connection: WAL, `synchronous=FULL` (read
    /// back: a connection that did not take it is refused), foreign keys, a 30 s busy
    /// timeout, temporary data in memory, `secure_delete` (R-VOTE-3: a code's row rewritten
    /// with its used mark leaves no old copy in free space).
    pub(super) fn open(path: &str) -> Result<Conn, DomainError> {
        let name = CString::new(path).map_err(failed)?;
        let mut db = std::ptr::null_mut();
        // SAFETY: `name` is NUL-terminated and `db` a valid out pointer. NOMUTEX: the
        // connection is used by one thread only.
        let rc = unsafe {
            ffi::sqlite3_open_v2(
                name.as_ptr(),
                &mut db,
                ffi::SQLITE_OPEN_READWRITE | ffi::SQLITE_OPEN_NOMUTEX,
                std::ptr::null(),
            )
        };
        // Even a failed open may return a handle, to be closed: `Conn` does it on drop.
        let conn = Conn { db };
        if rc != ffi::SQLITE_OK {
            return Err(match db.is_null() {
                true => failed(format!("sqlite3_open_v2 = {rc}")),
                // SAFETY: a non-null handle from sqlite3_open_v2 holds the error.
                false => failed(unsafe { errmsg(db) }),
            });
        }
        let ms = c_int::try_from(BUSY_TIMEOUT.as_millis()).unwrap_or(c_int::MAX);
        // SAFETY: `db` is open.
        unsafe { ffi::sqlite3_busy_timeout(db, ms) };
        // And one setting of its own: the database read through a memory map (up to 1 GB),
        // so that looking up a code among hundreds of thousands costs no read() per page
        // (writes still go through the WAL).
        conn.exec(
            "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; \
             PRAGMA temp_store = memory; PRAGMA mmap_size = 1073741824; \
             PRAGMA secure_delete = ON",
        )?;
        let mut check = conn.prepare("PRAGMA synchronous")?;
        let sync = check.one(&[], |r| Ok(r.int(0)))?;
        let mut check = conn.prepare("PRAGMA journal_mode")?;
        let journal = check.one(&[], |r| r.text(0))?;
        if sync != Some(2) || journal.as_deref() != Some("wal") {
            return Err(DomainError::Internal(
                "the ballot writer connection did not take WAL and synchronous=FULL".into(),
            ));
        }
        Ok(conn)
    }

    /// Runs statements that return nothing to read (settings).
    pub(super) fn exec(&self, sql: &str) -> Result<(), DomainError> {
        let c = CString::new(sql).map_err(failed)?;
        // SAFETY: `db` is open and `c` NUL-terminated; no callback, no error string asked for.
        let rc = unsafe {
            ffi::sqlite3_exec(
                self.db,
                c.as_ptr(),
                None,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            )
        };
        if rc != ffi::SQLITE_OK {
            // SAFETY: `db` is open.
            return Err(failed(unsafe { errmsg(self.db) }));
        }
        Ok(())
    }

    /// Prepares `sql` once, to be run many times. Its `$1`, `$2`, … are checked to be
    /// numbered in the order they appear, which is the order [`Stmt::bind`] binds.
    pub(super) fn prepare(&self, sql: &str) -> Result<Stmt, DomainError> {
        let c = CString::new(sql).map_err(failed)?;
        let mut stmt = std::ptr::null_mut();
        // SAFETY: `db` is open and `c` NUL-terminated.
        let rc = unsafe {
            ffi::sqlite3_prepare_v3(
                self.db,
                c.as_ptr(),
                -1,
                ffi::SQLITE_PREPARE_PERSISTENT,
                &mut stmt,
                std::ptr::null_mut(),
            )
        };
        if rc != ffi::SQLITE_OK || stmt.is_null() {
            // SAFETY: `db` is open.
            return Err(failed(unsafe { errmsg(self.db) }));
        }
        let s = Stmt { db: self.db, stmt };
        // SAFETY: `stmt` is a live prepared statement.
        let n = unsafe { ffi::sqlite3_bind_parameter_count(stmt) };
        for i in 1..=n {
            // SAFETY: as above; the name is NUL-terminated and owned by the statement.
            let name = unsafe {
                let p = ffi::sqlite3_bind_parameter_name(stmt, i);
                (!p.is_null()).then(|| CStr::from_ptr(p).to_string_lossy().into_owned())
            };
            if name.as_deref() != Some(format!("${i}").as_str()) {
                return Err(failed(format!(
                    "parameter {i} of the statement is not ${i}"
                )));
            }
        }
        Ok(s)
    }

    /// The open handle, for hooks ([`super::checkpoint`]).
    pub(super) fn handle(&self) -> *mut ffi::sqlite3 {
        self.db
    }

    fn in_transaction(&self) -> bool {
        // SAFETY: `db` is open.
        unsafe { ffi::sqlite3_get_autocommit(self.db) == 0 }
    }
}

impl Drop for Conn {
    fn drop(&mut self) {
        // SAFETY: `db` was opened here and is closed once, after its statements are
        // finalized (they drop before the connection, see `Writer`; were one left,
        // sqlite3_close would refuse and leave the handle open, never free it under them).
        unsafe {
            ffi::sqlite3_close(self.db);
        }
    }
}

/// A prepared statement of a [`Conn`]; finalized when dropped, which `Writer` does before
/// it closes the connection.
pub(super) struct Stmt {
    db: *mut ffi::sqlite3,
    stmt: *mut ffi::sqlite3_stmt,
}

impl Stmt {
    /// Binds `args` to `$1`, `$2`, … and steps once: `read` of the row if there is one.
    /// The statement is reset whatever happens, so it holds no lock and no borrowed text.
    pub(super) fn one<T>(
        &mut self,
        args: &[Arg],
        read: impl FnOnce(&Row) -> Result<T, DomainError>,
    ) -> Result<Option<T>, DomainError> {
        let r = self.bind(args).and_then(|()| match self.step()? {
            true => read(&Row(self)).map(Some),
            false => Ok(None),
        });
        self.reset();
        r
    }

    /// Binds `args` and runs the statement to its end: the rows it changed.
    fn run(&mut self, args: &[Arg]) -> Result<usize, DomainError> {
        let r = self.bind(args).and_then(|()| {
            while self.step()? {}
            // SAFETY: `db` is open.
            Ok(unsafe { ffi::sqlite3_changes(self.db) }.max(0) as usize)
        });
        self.reset();
        r
    }

    fn bind(&mut self, args: &[Arg]) -> Result<(), DomainError> {
        for (i, a) in args.iter().enumerate() {
            let i = c_int::try_from(i + 1).map_err(failed)?;
            // SAFETY: `stmt` is live and reset; SQLITE_TRANSIENT makes SQLite copy the text,
            // so nothing borrowed outlives the call.
            let rc = unsafe {
                match a {
                    Arg::Text(t) => ffi::sqlite3_bind_text(
                        self.stmt,
                        i,
                        t.as_ptr().cast(),
                        c_int::try_from(t.len()).map_err(failed)?,
                        ffi::SQLITE_TRANSIENT(),
                    ),
                    Arg::Int(v) => ffi::sqlite3_bind_int64(self.stmt, i, *v),
                }
            };
            if rc != ffi::SQLITE_OK {
                // SAFETY: `db` is open.
                return Err(failed(unsafe { errmsg(self.db) }));
            }
        }
        Ok(())
    }

    /// Steps; true when a row is ready.
    fn step(&mut self) -> Result<bool, DomainError> {
        // SAFETY: `stmt` is a live prepared statement on an open connection.
        match unsafe { ffi::sqlite3_step(self.stmt) } {
            ffi::SQLITE_ROW => Ok(true),
            ffi::SQLITE_DONE => Ok(false),
            // SAFETY: as above.
            _ => Err(failed(unsafe { errmsg(self.db) })),
        }
    }

    fn reset(&mut self) {
        // SAFETY: `stmt` is live. The result repeats the last step's, already reported.
        unsafe {
            ffi::sqlite3_reset(self.stmt);
            ffi::sqlite3_clear_bindings(self.stmt);
        }
    }
}

impl Drop for Stmt {
    fn drop(&mut self) {
        // SAFETY: `stmt` was prepared here and is finalized once.
        unsafe {
            ffi::sqlite3_finalize(self.stmt);
        }
    }
}

/// The current row of a statement, between a step that returned a row and the reset.
pub(super) struct Row<'s>(&'s Stmt);

impl Row<'_> {
    pub(super) fn int(&self, i: c_int) -> i64 {
        // SAFETY: the statement has a current row.
        unsafe { ffi::sqlite3_column_int64(self.0.stmt, i) }
    }

    /// A text column that may be NULL, copied.
    fn text_or_null(&self, i: c_int) -> Result<Option<String>, DomainError> {
        // SAFETY: the statement has a current row.
        if unsafe { ffi::sqlite3_column_type(self.0.stmt, i) } == ffi::SQLITE_NULL {
            return Ok(None);
        }
        self.text(i).map(Some)
    }

    /// A text column, copied; NULL is an error.
    fn text(&self, i: c_int) -> Result<String, DomainError> {
        // SAFETY: the statement has a current row; the bytes are copied before anything
        // else is done with the statement.
        let bytes = unsafe {
            let p = ffi::sqlite3_column_text(self.0.stmt, i);
            let n = ffi::sqlite3_column_bytes(self.0.stmt, i);
            if p.is_null() {
                return Err(failed(format!("column {i} is null")));
            }
            std::slice::from_raw_parts(p, n.max(0) as usize)
        };
        String::from_utf8(bytes.to_vec()).map_err(failed)
    }
}

/// The writer's connection and its statements, each prepared once.
pub(super) struct Writer {
    // Fields drop in order: the statements are finalized before the connection closes.
    begin: Stmt,
    commit: Stmt,
    rollback: Stmt,
    code: Stmt,
    session: Stmt,
    used_nonce: Stmt,
    use_code: Stmt,
    insert_ballot: Stmt,
    conn: Conn,
    /// Dropped after the connection that calls it.
    _checkpoints: Option<Box<Hook>>,
}

impl Writer {
    /// Opens the writer's connection; with `checkpoints`, its WAL checkpoints are asked of
    /// that thread instead of run in its commits ([`super::checkpoint`]).
    pub(super) fn open(
        path: &str,
        checkpoints: Option<Checkpoints>,
    ) -> Result<Writer, DomainError> {
        let conn = Conn::open(path)?;
        let hook = checkpoints.map(|thread| super::checkpoint::install(&conn, thread));
        Ok(Writer {
            begin: conn.prepare("BEGIN IMMEDIATE")?,
            commit: conn.prepare("COMMIT")?,
            rollback: conn.prepare("ROLLBACK")?,
            // The SQL of q/ballots.rs, copied (see the module's doc).
            code: conn.prepare("SELECT session_id, grp, voided FROM ballot_codes WHERE hash = $1")?,
            session: conn.prepare(
                "SELECT id, title, meeting_date, spec, state, created_by, created_at \
                 FROM ballot_sessions WHERE id = $1",
            )?,
            used_nonce: conn.prepare("SELECT nonce FROM ballot_codes WHERE hash = $1")?,
            use_code: conn.prepare(
                "UPDATE ballot_codes SET nonce = $1 WHERE hash = $2 AND nonce IS NULL AND voided = 0",
            )?,
            insert_ballot: conn.prepare(
                "INSERT INTO ballots (id, session_id, grp, content, paper) VALUES ($1, $2, $3, $4, $5)",
            )?,
            conn,
            _checkpoints: hook,
        })
    }

    /// `BEGIN IMMEDIATE`: the write lock now (waiting up to the busy timeout for it), as
    /// every SQLite write transaction of the store starts.
    pub(super) fn begin(&mut self) -> Result<(), DomainError> {
        self.begin.run(&[]).map(drop)
    }

    pub(super) fn commit(&mut self) -> Result<(), DomainError> {
        self.commit.run(&[]).map(drop)
    }

    /// Rolls back whatever is open (after a failed statement or a failed commit: SQLite
    /// may or may not have rolled back already). False when a transaction is still open
    /// after it: the connection is then not to be used again.
    pub(super) fn abandon(&mut self) -> bool {
        if self.conn.in_transaction() {
            let _ = self.rollback.run(&[]);
        }
        !self.conn.in_transaction()
    }
}

/// The statements a submission runs, as `q/ballots.rs` has them (see the module's doc).
pub(super) mod ballots {
    use super::{Arg, Writer};
    use crate::BallotSessionRow;
    use banzi_domain::DomainError;

    /// A code by its hash: (session, group, voided).
    pub fn code(c: &mut Writer, hash: &str) -> Result<Option<(i64, i64, bool)>, DomainError> {
        c.code.one(&[Arg::Text(hash)], |r| {
            Ok((r.int(0), r.int(1), r.int(2) != 0))
        })
    }

    pub fn session(c: &mut Writer, id: i64) -> Result<Option<BallotSessionRow>, DomainError> {
        c.session.one(&[Arg::Int(id)], super::session_row)
    }

    pub fn used_nonce(c: &mut Writer, hash: &str) -> Result<Option<String>, DomainError> {
        Ok(c.used_nonce
            .one(&[Arg::Text(hash)], |r| r.text_or_null(0))?
            .flatten())
    }

    /// Marks a code used with the hash of the client's nonce, on its own row; false when it
    /// already was used or is voided.
    pub fn use_code(c: &mut Writer, hash: &str, nonce: &str) -> Result<bool, DomainError> {
        Ok(c.use_code.run(&[Arg::Text(nonce), Arg::Text(hash)])? == 1)
    }

    pub fn insert_ballot(
        c: &mut Writer,
        id: &str,
        session: i64,
        grp: i64,
        content: &str,
        paper: bool,
    ) -> Result<(), DomainError> {
        c.insert_ballot.run(&[
            Arg::Text(id),
            Arg::Int(session),
            Arg::Int(grp),
            Arg::Text(content),
            Arg::Int(i64::from(paper)),
        ])?;
        Ok(())
    }
}

fn session_row(r: &Row) -> Result<BallotSessionRow, DomainError> {
    Ok(BallotSessionRow {
        id: r.int(0),
        title: r.text(1)?,
        meeting_date: r.text(2)?,
        spec: r.text(3)?,
        state: r.text(4)?,
        created_by: r.text(5)?,
        created_at: r.text(6)?,
    })
}
