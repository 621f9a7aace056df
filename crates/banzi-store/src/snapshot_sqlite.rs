//! The whole registry read from SQLite in one pass per table, straight into domain values
//! (the alerts of issue 3 load a province: 200,000 cadres and a million appointments).
//! Statements run on the handle sqlx lends out, as the bulk insert does (`rows_in`): sqlx
//! would otherwise pass every row and value to the caller one message at a time. Rows refer
//! to cadres and posts by row id, resolved here from the cadres and posts read first, so no
//! query joins text keys. Stored values were checked on the way in; one that no longer
//! parses is an internal error, never skipped.
//!
//! The alerts read less ([`rule_rows`]): only the fields the rules use, and appointments as
//! the row ids they are stored as, turned into positions, so that neither side looks a code
//! up (issue 3: joining and copying a million appointments' codes was most of the load).

use crate::stored_date;
use banzi_domain::codes::{
    Degree, Education, Gender, Manner, Party, PostKind, PostLevel, TrainingKind, UnitSystem,
};
use banzi_domain::registry::{Appointment, Cadre, Portfolio, Post, Training, Unit};
use banzi_domain::roster::{Located, Roster};
use banzi_domain::rules::{
    AppointmentRow, CadreRow, PortfolioRow, PostRow, Rows, TrainingRow, UnitRow,
};
use banzi_domain::{DomainError, IdNumber, Msg};
use libsqlite3_sys as ffi;
use std::collections::HashMap;
use std::ffi::{CStr, CString, c_int};

pub(crate) fn bad(what: &str, e: impl std::fmt::Display) -> DomainError {
    DomainError::Internal(format!("a stored record is malformed ({what}): {e}"))
}

/// A prepared statement on a borrowed connection; finalized when dropped. Text read from
/// the current row borrows the statement, so it cannot outlive the next step.
pub(crate) struct Stmt {
    db: *mut ffi::sqlite3,
    stmt: *mut ffi::sqlite3_stmt,
}

impl Stmt {
    /// # Safety
    /// `db` is a live connection that nobody else uses while the statement lives.
    pub(crate) unsafe fn prepare(db: *mut ffi::sqlite3, sql: &str) -> Result<Stmt, DomainError> {
        let c = CString::new(sql).map_err(|e| bad("statement", e))?;
        let mut stmt = std::ptr::null_mut();
        // SAFETY: `db` is live (the caller's promise) and `c` is NUL-terminated.
        let rc =
            unsafe { ffi::sqlite3_prepare_v2(db, c.as_ptr(), -1, &mut stmt, std::ptr::null_mut()) };
        if rc != ffi::SQLITE_OK {
            // SAFETY: as above; the message is owned by the connection and copied at once.
            return Err(bad("prepare", unsafe { errmsg(db) }));
        }
        Ok(Stmt { db, stmt })
    }

    /// Binds text (or NULL) to parameter `i` (from 1); SQLite copies it.
    pub(crate) fn bind_text(&mut self, i: c_int, v: Option<&str>) -> Result<(), DomainError> {
        // SAFETY: `stmt` is a live prepared statement; SQLITE_TRANSIENT makes SQLite copy
        // the bytes before the call returns.
        let rc = unsafe {
            match v {
                Some(t) => ffi::sqlite3_bind_text(
                    self.stmt,
                    i,
                    t.as_ptr().cast(),
                    c_int::try_from(t.len()).map_err(|e| bad("bind", e))?,
                    ffi::SQLITE_TRANSIENT(),
                ),
                None => ffi::sqlite3_bind_null(self.stmt, i),
            }
        };
        if rc != ffi::SQLITE_OK {
            // SAFETY: as above.
            return Err(bad("bind", unsafe { errmsg(self.db) }));
        }
        Ok(())
    }

    /// Steps to the next row; false when there is none.
    pub(crate) fn next(&mut self) -> Result<bool, DomainError> {
        // SAFETY: `stmt` is a live prepared statement on a live connection.
        match unsafe { ffi::sqlite3_step(self.stmt) } {
            ffi::SQLITE_ROW => Ok(true),
            ffi::SQLITE_DONE => Ok(false),
            // SAFETY: as above.
            _ => Err(bad("read", unsafe { errmsg(self.db) })),
        }
    }

    pub(crate) fn is_null(&self, i: c_int) -> bool {
        // SAFETY: the statement has a current row (after `next` returned true).
        unsafe { ffi::sqlite3_column_type(self.stmt, i) == ffi::SQLITE_NULL }
    }

    pub(crate) fn text(&self, i: c_int) -> Result<&str, DomainError> {
        // SAFETY: the statement has a current row; the bytes stay valid until the next step
        // or finalize, both of which need `&mut self` or `self`, so the borrow ends first.
        let bytes = unsafe {
            let p = ffi::sqlite3_column_text(self.stmt, i);
            let n = ffi::sqlite3_column_bytes(self.stmt, i);
            if p.is_null() {
                &[][..]
            } else {
                std::slice::from_raw_parts(p, n as usize)
            }
        };
        std::str::from_utf8(bytes).map_err(|e| bad("text encoding", e))
    }

    pub(crate) fn opt_text(&self, i: c_int) -> Result<Option<&str>, DomainError> {
        if self.is_null(i) {
            Ok(None)
        } else {
            self.text(i).map(Some)
        }
    }

    pub(crate) fn int(&self, i: c_int) -> i64 {
        // SAFETY: the statement has a current row.
        unsafe { ffi::sqlite3_column_int64(self.stmt, i) }
    }

    fn opt_real(&self, i: c_int) -> Option<f64> {
        // SAFETY: the statement has a current row.
        (!self.is_null(i)).then(|| unsafe { ffi::sqlite3_column_double(self.stmt, i) })
    }
}

impl Drop for Stmt {
    fn drop(&mut self) {
        // SAFETY: `stmt` was prepared on `db` and is finalized exactly once.
        unsafe {
            ffi::sqlite3_finalize(self.stmt);
        }
    }
}

/// SQLite's message for the last failure on `db` (names tables and columns, never a bound
/// value); also the group-commit writer's (`store/ballot_writer/raw.rs`).
///
/// # Safety
/// `db` is a live connection handle (or one a failed open returned).
pub(crate) unsafe fn errmsg(db: *mut ffi::sqlite3) -> String {
    // SAFETY: sqlite3_errmsg returns a NUL-terminated string owned by the connection.
    unsafe {
        CStr::from_ptr(ffi::sqlite3_errmsg(db))
            .to_string_lossy()
            .into_owned()
    }
}

pub(crate) fn vocab<T>(what: &str, r: Result<T, Msg>) -> Result<T, DomainError> {
    r.map_err(|e| bad(what, e))
}

pub(crate) fn opt_vocab<T>(
    what: &str,
    text: Option<&str>,
    parse: fn(&str) -> Result<T, Msg>,
) -> Result<Option<T>, DomainError> {
    text.filter(|t| !t.is_empty())
        .map(|t| vocab(what, parse(t)))
        .transpose()
}

pub(crate) fn opt_date(text: Option<&str>) -> Result<Option<banzi_domain::Date>, DomainError> {
    text.filter(|t| !t.is_empty()).map(stored_date).transpose()
}

fn at<T>(i: usize, value: T) -> Located<T> {
    Located {
        row: i as u32 + 2,
        value,
    }
}

/// A connection handle handed to a second thread for the length of a scoped read.
struct Handle(*mut ffi::sqlite3);
// SAFETY: the connection is used by one thread at a time: the scoped thread that receives it,
// while its owner (a locked sqlx handle) waits for the scope to end.
unsafe impl Send for Handle {}

/// Reads units, posts, cadres, appointments, portfolios and training, in the order the
/// export writes them (see [`read_both`]).
pub async fn snapshot(pool: &sqlx::SqlitePool) -> Result<Roster, DomainError> {
    let (mut r, appointments) = read_both(pool, read_main, read_appointments).await?;
    r.appointments = appointments;
    Ok(r)
}

/// What the alert rules read of the registry (see [`Rows`]), as [`snapshot`] reads it.
pub async fn rule_rows(pool: &sqlx::SqlitePool) -> Result<Rows, DomainError> {
    let ((mut rows, cadres, posts), appointments) =
        read_both(pool, read_rules_main, read_rule_appointments).await?;
    rows.appointments = appointments.resolve(&cadres, &posts)?;
    Ok(rows)
}

/// What one connection reads.
///
/// # Safety
/// Called with a live connection nobody else uses during the call.
pub(crate) type Read<T> = unsafe fn(*mut ffi::sqlite3) -> Result<T, DomainError>;

/// Runs `main` and `other` in one read transaction each, `other` (the appointments, the
/// largest table) on a second connection on the other core. The two read transactions see
/// the same registry when they see the same audit head: every write to the registry moves it
/// in the same transaction. If a write came between the two, it reads again.
pub(crate) async fn read_both<M: Send + 'static, A: Send + 'static>(
    pool: &sqlx::SqlitePool,
    main: Read<M>,
    other: Read<A>,
) -> Result<(M, A), DomainError> {
    // The locked handles are not `Send`, and the reading blocks for a second on a province:
    // it runs on a blocking thread, off the server's workers.
    let pool = pool.clone();
    let rt = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || rt.block_on(read_snapshot(&pool, main, other)))
        .await
        .map_err(|e| DomainError::Internal(format!("the registry reader thread stopped: {e}")))?
}

type PooledSqlite = sqlx::pool::PoolConnection<sqlx::Sqlite>;

async fn read_snapshot<M: Send, A: Send>(
    pool: &sqlx::SqlitePool,
    main: Read<M>,
    other: Read<A>,
) -> Result<(M, A), DomainError> {
    for _ in 0..3 {
        let mut a = pool.acquire().await.map_err(crate::db)?;
        let mut b = pool.acquire().await.map_err(crate::db)?;
        let result = read_pair(&mut a, &mut b, main, other).await;
        // Both go back to the pool as they came, out of their transaction; one that cannot
        // be put back so is closed instead.
        for conn in [a, b] {
            let mut conn = conn;
            let reset = sqlx::raw_sql("ROLLBACK").execute(&mut *conn).await;
            if reset.is_err() {
                drop(conn.detach());
            }
        }
        if let Some(r) = result? {
            return Ok(r);
        }
    }
    // Writes keep coming between the two: read everything on one connection.
    let mut c = pool.begin().await.map_err(crate::db)?;
    let mut h = c.lock_handle().await.map_err(crate::db)?;
    let db = h.as_raw_handle().as_ptr();
    // SAFETY: while `h` lives, sqlx's worker makes no call on this connection, and every
    // statement is finalized before the functions return.
    let r = unsafe { main(db).and_then(|m| Ok((m, other(db)?))) };
    drop(h);
    c.rollback().await.map_err(crate::db)?;
    r
}

/// Reads on two connections at once, or None when their read transactions do not see the
/// same audit head (a write came between the two BEGINs).
async fn read_pair<M: Send, A: Send>(
    a: &mut PooledSqlite,
    b: &mut PooledSqlite,
    main: Read<M>,
    other: Read<A>,
) -> Result<Option<(M, A)>, DomainError> {
    let mut heads = [0i64; 2];
    for (conn, head) in [&mut *a, &mut *b].into_iter().zip(heads.iter_mut()) {
        // Pages are read (pread) into SQLite's small page cache, not mapped: every mapped
        // page read counts in the process's resident memory until the map goes, and a
        // province reads 160 MB of them (issue 18: half of `banzi check`'s peak). Reading
        // is no slower for it.
        sqlx::raw_sql("BEGIN")
            .execute(&mut **conn)
            .await
            .map_err(crate::db)?;
        *head = sqlx::query_scalar("SELECT seq FROM audit_head WHERE id = 1")
            .fetch_one(&mut **conn)
            .await
            .map_err(crate::db)?;
    }
    if heads[0] != heads[1] {
        return Ok(None);
    }
    let mut ha = a.lock_handle().await.map_err(crate::db)?;
    let mut hb = b.lock_handle().await.map_err(crate::db)?;
    let (da, db) = (
        ha.as_raw_handle().as_ptr(),
        Handle(hb.as_raw_handle().as_ptr()),
    );
    std::thread::scope(|s| {
        // SAFETY: `db` is the second connection, locked above and used by this thread
        // alone until the scope ends.
        let second = s.spawn(move || {
            let h = db; // the whole handle moves, not its raw field
            unsafe { other(h.0) }
        });
        // SAFETY: `da` is the first connection, locked above.
        let first = unsafe { main(da) };
        let second = second
            .join()
            .map_err(|_| DomainError::Internal("the appointment reader thread stopped".into()))?;
        Ok(Some((first?, second?)))
    })
}

/// Appointments with their cadre's ID number and post code (joined by row id), in row id
/// order.
///
/// # Safety
/// `db` is a live connection nobody else uses during the call.
unsafe fn read_appointments(
    db: *mut ffi::sqlite3,
) -> Result<Vec<Located<Appointment>>, DomainError> {
    // SAFETY: the caller's promise.
    let mut s = unsafe {
        Stmt::prepare(
            db,
            "SELECT c.id_number, p.code, a.start_date, a.end_date, a.manner, a.doc_no FROM appointments a \
             JOIN cadres c ON c.id = a.cadre_id JOIN posts p ON p.id = a.post_id ORDER BY a.id",
        )?
    };
    let mut out = Vec::new();
    while s.next()? {
        let a = Appointment {
            id_number: vocab("身份证号", IdNumber::parse(s.text(0)?))?,
            post_code: s.text(1)?.to_string(),
            start: stored_date(s.text(2)?)?,
            end: opt_date(s.opt_text(3)?)?,
            manner: opt_vocab("任职方式", s.opt_text(4)?, Manner::parse)?,
            doc_no: s.text(5)?.to_string(),
        };
        out.push(at(out.len(), a));
    }
    Ok(out)
}

/// Everything but the appointments.
///
/// # Safety
/// `db` is a live connection nobody else uses during the call.
unsafe fn read_main(db: *mut ffi::sqlite3) -> Result<Roster, DomainError> {
    let mut r = Roster::default();
    // SAFETY (each prepare): the caller's promise.
    let mut s = unsafe {
        Stmt::prepare(
            db,
            "SELECT u.code, u.name, p.code, u.category, u.platform, u.system, u.non_cpc_required \
             FROM units u LEFT JOIN units p ON p.id = u.parent_id ORDER BY u.sort_order, u.id",
        )?
    };
    while s.next()? {
        let unit = Unit {
            code: s.text(0)?.to_string(),
            name: s.text(1)?.to_string(),
            parent_code: s.opt_text(2)?.map(str::to_string),
            category: s.text(3)?.to_string(),
            platform: s.text(4)?.to_string(),
            system: vocab("所属系统", UnitSystem::parse(s.text(5)?))?,
            non_cpc_required: s.int(6) != 0,
        };
        r.units.push(at(r.units.len(), unit));
    }
    let mut s = unsafe {
        Stmt::prepare(
            db,
            "SELECT p.id, p.code, u.code, t.name, p.title, p.kind, p.seats, p.level FROM posts p \
             JOIN teams t ON t.id = p.team_id JOIN units u ON u.id = t.unit_id \
             ORDER BY u.sort_order, u.id, t.name, p.sort_order, p.id",
        )?
    };
    let mut posts: HashMap<i64, usize> = HashMap::new();
    while s.next()? {
        posts.insert(s.int(0), r.posts.len());
        let post = Post {
            code: s.text(1)?.to_string(),
            unit_code: s.text(2)?.to_string(),
            team: s.text(3)?.to_string(),
            title: s.text(4)?.to_string(),
            kind: vocab("职位类别", PostKind::parse(s.text(5)?))?,
            seats: s.int(6),
            level: opt_vocab("职务层次", s.opt_text(7)?, PostLevel::parse)?,
        };
        r.posts.push(at(r.posts.len(), post));
    }
    let mut s = unsafe {
        Stmt::prepare(
            db,
            "SELECT id, id_number, name, gender, ethnicity, birth_date, native_place, party, \
             party_joined, work_started, ft_education, ft_degree, ft_school, pt_education, \
             pt_degree, pt_school, profession, rank FROM cadres ORDER BY id",
        )?
    };
    let mut cadres: HashMap<i64, usize> = HashMap::new();
    while s.next()? {
        cadres.insert(s.int(0), r.cadres.len());
        let cadre = Cadre {
            id_number: vocab("身份证号", IdNumber::parse(s.text(1)?))?,
            name: s.text(2)?.to_string(),
            gender: vocab("性别", Gender::parse(s.text(3)?))?,
            ethnicity: s.text(4)?.to_string(),
            birth_date: stored_date(s.text(5)?)?,
            native_place: s.text(6)?.to_string(),
            party: vocab("政治面貌", Party::parse(s.text(7)?))?,
            party_joined: opt_date(s.opt_text(8)?)?,
            work_started: opt_date(s.opt_text(9)?)?,
            ft_education: opt_vocab("全日制学历", s.opt_text(10)?, Education::parse)?,
            ft_degree: opt_vocab("全日制学位", s.opt_text(11)?, Degree::parse)?,
            ft_school: s.text(12)?.to_string(),
            pt_education: opt_vocab("在职学历", s.opt_text(13)?, Education::parse)?,
            pt_degree: opt_vocab("在职学位", s.opt_text(14)?, Degree::parse)?,
            pt_school: s.text(15)?.to_string(),
            profession: s.text(16)?.to_string(),
            rank: s.text(17)?.to_string(),
        };
        r.cadres.push(at(r.cadres.len(), cadre));
    }
    let cadre_of = |id: i64, r: &Roster| -> Result<IdNumber, DomainError> {
        cadres
            .get(&id)
            .map(|&i| r.cadres[i].value.id_number.clone())
            .ok_or_else(|| bad("干部", format!("no cadre {id}")))
    };
    let post_of = |id: i64, r: &Roster| -> Result<String, DomainError> {
        posts
            .get(&id)
            .map(|&i| r.posts[i].value.code.clone())
            .ok_or_else(|| bad("职位", format!("no post {id}")))
    };
    let mut s = unsafe {
        Stmt::prepare(
            db,
            "SELECT cadre_id, post_id, work, start_date, end_date FROM portfolios ORDER BY id",
        )?
    };
    let mut portfolios = Vec::new();
    while s.next()? {
        let f = Portfolio {
            id_number: cadre_of(s.int(0), &r)?,
            post_code: post_of(s.int(1), &r)?,
            work: s.text(2)?.to_string(),
            start: stored_date(s.text(3)?)?,
            end: opt_date(s.opt_text(4)?)?,
        };
        portfolios.push(at(portfolios.len(), f));
    }
    r.portfolios = portfolios;
    let mut s = unsafe {
        Stmt::prepare(
            db,
            "SELECT cadre_id, name, kind, start_date, end_date, hours FROM trainings ORDER BY id",
        )?
    };
    let mut trainings = Vec::new();
    while s.next()? {
        let t = Training {
            id_number: cadre_of(s.int(0), &r)?,
            name: s.text(1)?.to_string(),
            kind: vocab("培训类别", TrainingKind::parse(s.text(2)?))?,
            start: stored_date(s.text(3)?)?,
            end: opt_date(s.opt_text(4)?)?,
            hours: s.opt_real(5),
        };
        trainings.push(at(trainings.len(), t));
    }
    r.trainings = trainings;
    drop(s);
    Ok(r)
}

/// Row id → position in the order read (by row id). Row ids are dense unless many rows were
/// deleted: then a table indexed by row id, else a map.
pub(crate) enum Positions {
    Dense(Vec<u32>),
    Sparse(HashMap<i64, u32>),
}

impl Positions {
    const NONE: u32 = u32::MAX;

    pub(crate) fn new(ids: &[i64]) -> Positions {
        let max = ids.iter().copied().max().unwrap_or(0);
        match usize::try_from(max) {
            Ok(max) if ids.iter().all(|&id| id >= 0) && max <= 2 * ids.len() + 1024 => {
                let mut at = vec![Positions::NONE; max + 1];
                for (i, &id) in ids.iter().enumerate() {
                    at[id as usize] = i as u32;
                }
                Positions::Dense(at)
            }
            _ => Positions::Sparse(
                ids.iter()
                    .enumerate()
                    .map(|(i, &id)| (id, i as u32))
                    .collect(),
            ),
        }
    }

    pub(crate) fn get(&self, id: i64) -> Option<u32> {
        match self {
            Positions::Dense(at) => usize::try_from(id)
                .ok()
                .and_then(|i| at.get(i).copied())
                .filter(|&p| p != Positions::NONE),
            Positions::Sparse(map) => map.get(&id).copied(),
        }
    }

    pub(crate) fn cadre(&self, id: i64) -> Result<u32, DomainError> {
        self.get(id)
            .ok_or_else(|| bad("干部", format!("no cadre {id}")))
    }

    pub(crate) fn post(&self, id: i64) -> Result<u32, DomainError> {
        self.get(id)
            .ok_or_else(|| bad("职位", format!("no post {id}")))
    }
}

/// Appointments as read, their cadre and post still row ids: they are read beside the
/// cadres and posts, so resolved once both are done.
struct StoredAppointments {
    /// Row ids in `cadre` and `post`, when both fit (they always do but in a registry of
    /// four billion rows).
    rows: Vec<AppointmentRow>,
    /// The others: the place in `rows`, the cadre's and the post's row ids.
    wide: Vec<(usize, i64, i64)>,
}

impl StoredAppointments {
    fn resolve(
        mut self,
        cadres: &Positions,
        posts: &Positions,
    ) -> Result<Vec<AppointmentRow>, DomainError> {
        for a in &mut self.rows {
            a.cadre = cadres.cadre(a.cadre.into())?;
            a.post = posts.post(a.post.into())?;
        }
        for (i, cadre, post) in self.wide {
            self.rows[i].cadre = cadres.cadre(cadre)?;
            self.rows[i].post = posts.post(post)?;
        }
        Ok(self.rows)
    }
}

/// Appointments for the rules (no document numbers, no codes), in row id order.
///
/// # Safety
/// `db` is a live connection nobody else uses during the call.
unsafe fn read_rule_appointments(db: *mut ffi::sqlite3) -> Result<StoredAppointments, DomainError> {
    // SAFETY: the caller's promise.
    let mut s = unsafe {
        Stmt::prepare(
            db,
            "SELECT cadre_id, post_id, start_date, end_date, manner FROM appointments ORDER BY id",
        )?
    };
    let mut out = StoredAppointments {
        rows: Vec::new(),
        wide: Vec::new(),
    };
    while s.next()? {
        let (cadre, post) = (s.int(0), s.int(1));
        let (c, p) = match (u32::try_from(cadre), u32::try_from(post)) {
            (Ok(c), Ok(p)) => (c, p),
            _ => {
                out.wide.push((out.rows.len(), cadre, post));
                (0, 0)
            }
        };
        out.rows.push(AppointmentRow {
            cadre: c,
            post: p,
            start: stored_date(s.text(2)?)?,
            end: opt_date(s.opt_text(3)?)?,
            manner: opt_vocab("任职方式", s.opt_text(4)?, Manner::parse)?,
        });
    }
    Ok(out)
}

/// Everything the rules read but the appointments, with the positions of cadres' and
/// posts' row ids for them.
///
/// # Safety
/// `db` is a live connection nobody else uses during the call.
unsafe fn read_rules_main(
    db: *mut ffi::sqlite3,
) -> Result<(Rows, Positions, Positions), DomainError> {
    let mut r = Rows::default();
    // SAFETY (each prepare): the caller's promise.
    let mut s = unsafe {
        Stmt::prepare(
            db,
            "SELECT id, code, name, parent_id IS NOT NULL, category, system, non_cpc_required \
             FROM units ORDER BY id",
        )?
    };
    let mut ids = Vec::new();
    while s.next()? {
        ids.push(s.int(0));
        r.units.push(UnitRow {
            code: r.texts.add(s.text(1)?),
            name: r.texts.add(s.text(2)?),
            has_parent: s.int(3) != 0,
            category: r.texts.add(s.text(4)?),
            system: vocab("所属系统", UnitSystem::parse(s.text(5)?))?,
            non_cpc_required: s.int(6) != 0,
        });
    }
    let units = Positions::new(&ids);
    let mut s = unsafe {
        Stmt::prepare(
            db,
            "SELECT p.id, p.code, t.unit_id, t.name, p.title, p.kind, p.seats, p.level FROM posts p \
             JOIN teams t ON t.id = p.team_id ORDER BY p.id",
        )?
    };
    ids.clear();
    while s.next()? {
        ids.push(s.int(0));
        let unit = s.int(2);
        r.posts.push(PostRow {
            code: r.texts.add(s.text(1)?),
            unit: units
                .get(unit)
                .ok_or_else(|| bad("单位", format!("no unit {unit}")))?,
            team: r.texts.add(s.text(3)?),
            title: r.texts.add(s.text(4)?),
            kind: vocab("职位类别", PostKind::parse(s.text(5)?))?,
            seats: s.int(6),
            level: opt_vocab("职务层次", s.opt_text(7)?, PostLevel::parse)?,
        });
    }
    let posts = Positions::new(&ids);
    let mut s = unsafe {
        Stmt::prepare(
            db,
            "SELECT id, id_number, name, gender, ethnicity, birth_date, party, ft_education, \
             pt_education, profession, rank FROM cadres ORDER BY id",
        )?
    };
    ids.clear();
    while s.next()? {
        ids.push(s.int(0));
        // The ID number as stored: it was checked on the way in, and the rules only carry it.
        r.cadres.push(CadreRow {
            id: r.texts.add(s.text(1)?),
            name: r.texts.add(s.text(2)?),
            gender: vocab("性别", Gender::parse(s.text(3)?))?,
            ethnicity: r.texts.add(s.text(4)?),
            birth: stored_date(s.text(5)?)?,
            party: vocab("政治面貌", Party::parse(s.text(6)?))?,
            ft_education: opt_vocab("全日制学历", s.opt_text(7)?, Education::parse)?,
            pt_education: opt_vocab("在职学历", s.opt_text(8)?, Education::parse)?,
            profession: r.texts.add(s.text(9)?),
            rank: r.texts.add(s.text(10)?),
        });
    }
    let cadres = Positions::new(&ids);
    let mut s = unsafe {
        Stmt::prepare(
            db,
            "SELECT cadre_id, post_id, work, start_date, end_date FROM portfolios ORDER BY id",
        )?
    };
    while s.next()? {
        r.portfolios.push(PortfolioRow {
            cadre: cadres.cadre(s.int(0))?,
            post: posts.post(s.int(1))?,
            work: r.texts.add(s.text(2)?),
            start: stored_date(s.text(3)?)?,
            end: opt_date(s.opt_text(4)?)?,
        });
    }
    let mut s = unsafe {
        Stmt::prepare(
            db,
            "SELECT cadre_id, kind, start_date, hours FROM trainings ORDER BY id",
        )?
    };
    while s.next()? {
        r.trainings.push(TrainingRow {
            cadre: cadres.cadre(s.int(0))?,
            kind: vocab("培训类别", TrainingKind::parse(s.text(1)?))?,
            start: stored_date(s.text(2)?)?,
            hours_tenths: banzi_domain::rules::hours_tenths(s.opt_real(3)),
        });
    }
    drop(s);
    Ok((r, cadres, posts))
}
