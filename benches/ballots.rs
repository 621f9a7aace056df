//! The ballot load benchmark (issue 4, "Speed"): voters' phones casting ballots on loopback
//! against the web app in process, SQLite on a file with `synchronous=FULL`, beside the raw
//! ceiling of the same disk. Prints figures; asserts nothing about time.
//!
//! - burst: 3,000 codes, all voting as fast as they can from `BANZI_BENCH_CLIENTS` (32)
//!   phones, each a plain HTTP/1.1 keep-alive connection (the request written in one
//!   piece, the whole response read before the next), all driven from one thread of their
//!   own (as wrk or oha drive many connections from few threads): real round trips through
//!   `banzi_web::router`, each a distinct code; a latency runs from the request's first
//!   byte sent to the response's last byte read;
//! - sustained: the same at full speed for `BANZI_BENCH_SECONDS` (60);
//! - ceiling: right after the server's runs, a bare insert loop through SQLite's C API (as
//!   the server's writer runs its statements: prepared once, on one thread) on another file
//!   in the same directory, WAL + `synchronous=FULL`, rows of a ballot's size, as many per
//!   transaction as the server's group commit wrote per commit on average
//!   (`BallotWriter::committed`), run twice around a one-row-per-transaction loop (at most
//!   10 s in all);
//! - where the time goes: the same bare loop writing what a submission writes (the used
//!   mark on an issued code's row, among as many codes as the server's database holds, and
//!   a ballot row keyed by session) at the same group size; the group commit called
//!   directly (`BallotWriter::cast`, no HTTP) from as many tasks as there are clients;
//!   `Store::cast_ballot` (one transaction per ballot through sqlx, no group commit) the
//!   same; and the bare loop with one row per transaction.
//!
//! The files go to a temporary directory, under `BANZI_BENCH_DIR` when set (the disk to
//! measure).
//!
//! `cargo bench --bench ballots` (BANZI_BENCH_SECONDS=20 for a shorter run).
//!
//! Measured from outside the process (issue 14, item 12): with `BANZI_BENCH_SERVE=FILE`
//! the bench only sets up the server (the same database, sessions and router), writes
//! `BANZI_BENCH_CODES` (400,000) fresh codes to FILE, one a line, prints its address and
//! serves for `BANZI_BENCH_SECONDS` + 600 s; wrk then drives it with
//! `benches/wrk_ballots.lua` (see the README, "Ballots under load").

// The allocator of the `banzi` binary, so that the figures are those of the program.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use banzi_domain::ballot::{Answer, Group, Question, QuestionKind, SessionSpec};
use banzi_domain::role::{Actor, Role, Scope};
use banzi_domain::rules::Fraction;
use banzi_store::Store;
use libsqlite3_sys as ffi;
use std::collections::BTreeMap;
use std::ffi::{CString, c_int};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const BURST_CODES: u32 = 3_000;
/// R-VOTE-1's limit per rater group; a session has two groups.
const MAX_CODES_PER_GROUP: u32 = 10_000;

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn staff() -> Actor {
    Actor {
        login: "bench".into(),
        role: Role::Staff,
        scope: Scope::All,
    }
}

/// A 民主推荐 of two groups: pick at most 2 of 3 names, and rate two cadres.
fn spec(codes: u32) -> SessionSpec {
    let half = codes.div_ceil(2);
    SessionSpec {
        title: "2026年市财政局副局长民主推荐".into(),
        meeting_date: banzi_domain::date::parse("2026-11-21").expect("date"),
        expected: 2 * half,
        attended: Some(2 * half),
        groups: vec![
            Group {
                name: "班子成员".into(),
                weight: 40,
                codes: half,
            },
            Group {
                name: "中层干部".into(),
                weight: 60,
                codes: half,
            },
        ],
        questions: vec![
            Question {
                title: "推荐副局长人选（最多2人）".into(),
                kind: QuestionKind::Recommend {
                    max: 2,
                    write_ins: false,
                },
                options: vec!["张伟".into(), "李娜".into(), "王强".into()],
            },
            Question {
                title: "干部测评".into(),
                kind: QuestionKind::RateCadre,
                options: vec!["张伟".into(), "李娜".into()],
            },
        ],
        threshold: Fraction { num: 1, den: 2 },
        grade_values: [100, 80, 60, 0],
    }
}

/// The ballot every voter casts, with a choice that varies a little.
fn ballot(i: usize) -> Vec<Answer> {
    vec![
        Answer::Picks {
            picks: vec![(i % 3) as u32],
            write_ins: vec![],
        },
        Answer::Marks {
            marks: vec![Some((i % 4) as u8), None],
        },
    ]
}

/// At least `n` fresh codes of open sessions (several sessions when more than one holds).
async fn codes(store: &Store, n: u32) -> Vec<String> {
    let mut out = Vec::with_capacity(n as usize);
    let mut left = n;
    while left > 0 {
        let take = left.min(2 * MAX_CODES_PER_GROUP);
        let id = store
            .create_ballot(&staff(), &spec(take))
            .await
            .expect("session");
        let slips = store.issue_codes(&staff(), id).await.expect("codes");
        store.open_ballot(&staff(), id).await.expect("open");
        out.extend(slips.into_iter().map(|s| s.code));
        left = left.saturating_sub(take);
    }
    out
}

/// What a run measured: ballots recorded, refusals, its wall time and every latency (µs).
struct Run {
    what: String,
    done: usize,
    errors: usize,
    wall: Duration,
    latencies: Vec<u32>,
    /// CPU seconds the load generator's threads used (HTTP runs).
    client_cpu: f64,
}

impl Run {
    fn rate(&self) -> f64 {
        self.done as f64 / self.wall.as_secs_f64()
    }

    fn pct(&self, p: f64) -> f64 {
        if self.latencies.is_empty() {
            return f64::NAN;
        }
        let i = ((p / 100.0) * (self.latencies.len() - 1) as f64).round() as usize;
        f64::from(self.latencies[i]) / 1000.0
    }

    fn row(&self) {
        println!(
            "| {:<44} | {:>7} | {:>6.1} | {:>9.0} | {:>7.1} | {:>7.1} | {:>7.1} |",
            self.what,
            self.done,
            self.wall.as_secs_f64(),
            self.rate(),
            self.pct(50.0),
            self.pct(99.0),
            self.latencies
                .last()
                .map_or(f64::NAN, |m| f64::from(*m) / 1000.0),
        );
        if self.errors > 0 {
            println!("|   ({} refused or failed)", self.errors);
        }
    }
}

/// User and system CPU seconds of one `/proc/…/stat` (Linux; none elsewhere).
fn stat_cpu(path: &std::path::Path) -> Option<f64> {
    let stat = std::fs::read_to_string(path).ok()?;
    // After the name in parentheses: state is field 3, utime 14, stime 15.
    let rest = &stat[stat.rfind(')')? + 1..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    // USER_HZ is 100 on Linux.
    Some(ticks as f64 / 100.0)
}

/// CPU seconds used so far by this process's live threads, by thread name without its
/// number (`tokio-runtime-w`, `sqlx-sqlite-wor`, …).
fn cpu_by_thread() -> BTreeMap<String, f64> {
    let mut out = BTreeMap::new();
    let Ok(dir) = std::fs::read_dir("/proc/self/task") else {
        return out;
    };
    for task in dir.flatten() {
        let name = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
        let name = name
            .trim()
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == '-')
            .to_string();
        if let Some(cpu) = stat_cpu(&task.path().join("stat")) {
            *out.entry(name).or_default() += cpu;
        }
    }
    out
}

fn micros(d: Duration) -> u32 {
    u32::try_from(d.as_micros()).unwrap_or(u32::MAX)
}

/// The request bodies' ballots, as JSON: `ballot(i)` depends on `i % 12` only.
fn ballot_json() -> Vec<String> {
    (0..12)
        .map(|i| serde_json::to_string(&ballot(i)).expect("json"))
        .collect()
}

/// One phone's keep-alive HTTP/1.1 connection: a request written in one piece, the whole
/// response read (headers, then `Content-Length` bytes of body) before the next.
struct Phone {
    addr: std::net::SocketAddr,
    stream: Option<tokio::net::TcpStream>,
    buf: Vec<u8>,
}

/// A response's head: where the body starts, the status, the body's length, and whether
/// the server closes the connection after it.
fn head(buf: &[u8]) -> std::io::Result<Option<(usize, u16, usize, bool)>> {
    use std::io::Error;
    let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
        return Ok(None);
    };
    let head = std::str::from_utf8(&buf[..at]).map_err(Error::other)?;
    let status: u16 = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| Error::other("no status"))?;
    let length: usize = head
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse().ok())?
        })
        .ok_or_else(|| Error::other("no content-length"))?;
    let closes = head.lines().any(|l| {
        l.split_once(':').is_some_and(|(k, v)| {
            k.eq_ignore_ascii_case("connection") && v.trim().eq_ignore_ascii_case("close")
        })
    });
    Ok(Some((at + 4, status, length, closes)))
}

impl Phone {
    fn new(addr: std::net::SocketAddr) -> Phone {
        Phone {
            addr,
            stream: None,
            buf: Vec::with_capacity(4096),
        }
    }

    /// Sends `request` and reads the response: its status and body. A failed exchange
    /// drops the connection (the next request makes another).
    async fn exchange(&mut self, request: &[u8]) -> std::io::Result<(u16, Vec<u8>)> {
        let r = self.try_exchange(request).await;
        if r.is_err() {
            self.stream = None;
        }
        r
    }

    async fn try_exchange(&mut self, request: &[u8]) -> std::io::Result<(u16, Vec<u8>)> {
        use std::io::Error;
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        if self.stream.is_none() {
            let s = tokio::net::TcpStream::connect(self.addr).await?;
            s.set_nodelay(true)?;
            self.stream = Some(s);
        }
        let Some(stream) = self.stream.as_mut() else {
            return Err(Error::other("no connection"));
        };
        stream.write_all(request).await?;
        self.buf.clear();
        let (start, status, length, closes) = loop {
            if let Some(h) = head(&self.buf)? {
                break h;
            }
            if stream.read_buf(&mut self.buf).await? == 0 {
                return Err(Error::other("connection closed"));
            }
        };
        while self.buf.len() < start + length {
            if stream.read_buf(&mut self.buf).await? == 0 {
                return Err(Error::other("connection closed"));
            }
        }
        let body = self.buf[start..start + length].to_vec();
        if closes || self.buf.len() > start + length {
            self.stream = None;
        }
        Ok((status, body))
    }
}

/// `clients` phones on loopback, each casting the next code until the codes or the time run
/// out. The phones run as tasks on one thread of their own (as wrk or oha drive many
/// connections from few threads), so that the load generator takes as little of the
/// machine's two cores from the server as it can.
fn http_run(
    what: String,
    addr: std::net::SocketAddr,
    codes: Arc<Vec<String>>,
    clients: usize,
    until: Option<Duration>,
) -> Run {
    let generator = std::thread::Builder::new()
        .name("ballot-client".into())
        .spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("client runtime");
            let next = Arc::new(AtomicUsize::new(0));
            let ballots = Arc::new(ballot_json());
            let began = Instant::now();
            let (latencies, errors) = rt.block_on(async {
                let phones: Vec<_> = (0..clients)
                    .map(|t| {
                        let (codes, next, ballots) = (codes.clone(), next.clone(), ballots.clone());
                        tokio::spawn(phone(t, addr, codes, next, ballots, began, until))
                    })
                    .collect();
                let mut latencies = Vec::new();
                let mut errors = 0;
                for p in phones {
                    let (l, e) = p.await.expect("phone");
                    latencies.extend(l);
                    errors += e;
                }
                (latencies, errors)
            });
            let wall = began.elapsed();
            let cpu = stat_cpu(std::path::Path::new("/proc/thread-self/stat")).unwrap_or(0.0);
            (latencies, errors, wall, cpu)
        })
        .expect("client thread");
    let (mut latencies, errors, wall, client_cpu) = generator.join().expect("client thread");
    latencies.sort_unstable();
    Run {
        what,
        done: latencies.len(),
        errors,
        wall,
        latencies,
        client_cpu,
    }
}

/// One phone: the next code, until the codes or the time run out; its latencies and errors.
async fn phone(
    t: usize,
    addr: std::net::SocketAddr,
    codes: Arc<Vec<String>>,
    next: Arc<AtomicUsize>,
    ballots: Arc<Vec<String>>,
    began: Instant,
    until: Option<Duration>,
) -> (Vec<u32>, usize) {
    let mut phone = Phone::new(addr);
    let mut request = Vec::with_capacity(1024);
    let mut lat = Vec::new();
    let mut errors = 0;
    let mut n = 0u64;
    loop {
        if until.is_some_and(|u| began.elapsed() >= u) {
            break;
        }
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(code) = codes.get(i) else { break };
        n += 1;
        // What the phone page posts (`banzi-web/static/vote.js`), from a page the server
        // served (Origin).
        let body = format!(
            "{{\"code\":\"{code}\",\"nonce\":\"bench-{t:03}-{n:010}-{i:08}\",\"ballot\":{}}}",
            ballots[i % 12]
        );
        request.clear();
        request.extend_from_slice(
            format!(
                "POST /v/cast HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\n\
                 Content-Type: application/json\r\nAccept: application/json\r\n\
                 Content-Length: {}\r\n\r\n",
                body.len()
            )
            .as_bytes(),
        );
        request.extend_from_slice(body.as_bytes());
        let t0 = Instant::now();
        let ok = match phone.exchange(&request).await {
            Ok((status, body)) => status == 200 && body.windows(10).any(|w| w == b"\"recorded\""),
            Err(_) => false,
        };
        if ok {
            lat.push(micros(t0.elapsed()));
        } else {
            errors += 1;
        }
    }
    (lat, errors)
}

/// What a no-HTTP run calls.
#[derive(Clone)]
enum Via {
    /// `BallotWriter::cast`: the group commit, as the server calls it.
    Writer(Arc<banzi_store::BallotWriter>),
    /// `Store::cast_ballot`: one transaction per ballot through sqlx.
    Store(Store),
}

/// No HTTP: `tasks` tasks casting through `via`, no JSON request.
async fn direct_run(
    what: String,
    via: Via,
    codes: Arc<Vec<String>>,
    tasks: usize,
    until: Duration,
) -> Run {
    let next = Arc::new(AtomicUsize::new(0));
    let t = Instant::now();
    let handles: Vec<_> = (0..tasks)
        .map(|k| {
            let (via, codes, next) = (via.clone(), codes.clone(), next.clone());
            tokio::spawn(async move {
                let mut lat = Vec::new();
                let mut errors = 0;
                let mut n = 0u64;
                while t.elapsed() < until {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(code) = codes.get(i) else { break };
                    n += 1;
                    let nonce = format!("store-{k:03}-{n:010}-{i:08}");
                    let t0 = Instant::now();
                    let cast = match &via {
                        Via::Writer(w) => w.cast(code, &nonce, &ballot(i)).await,
                        Via::Store(s) => s.cast_ballot(code, &nonce, &ballot(i)).await,
                    };
                    match cast {
                        Ok(_) => lat.push(micros(t0.elapsed())),
                        Err(_) => errors += 1,
                    }
                }
                (lat, errors)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut errors = 0;
    for h in handles {
        let (l, e) = h.await.expect("task");
        latencies.extend(l);
        errors += e;
    }
    let wall = t.elapsed();
    latencies.sort_unstable();
    Run {
        what,
        done: latencies.len(),
        errors,
        wall,
        latencies,
        client_cpu: 0.0,
    }
}

/// A bare SQLite connection through the C API, for the ceiling: what the server's writer
/// does (`banzi-store/src/store/ballot_writer/raw.rs`), less the checks.
struct Bare {
    db: *mut ffi::sqlite3,
}

impl Bare {
    fn open(path: &std::path::Path) -> Bare {
        let name = CString::new(path.to_str().expect("utf-8 path")).expect("path");
        let mut db = std::ptr::null_mut();
        // SAFETY: `name` is NUL-terminated, `db` a valid out pointer; the connection stays
        // on this thread.
        let rc = unsafe {
            ffi::sqlite3_open_v2(
                name.as_ptr(),
                &mut db,
                ffi::SQLITE_OPEN_READWRITE | ffi::SQLITE_OPEN_CREATE | ffi::SQLITE_OPEN_NOMUTEX,
                std::ptr::null(),
            )
        };
        let bare = Bare { db };
        assert_eq!(rc, ffi::SQLITE_OK, "open the ceiling's database");
        bare
    }

    fn exec(&self, sql: &str) {
        let c = CString::new(sql).expect("sql");
        // SAFETY: `db` is open and `c` NUL-terminated; no callback.
        let rc = unsafe {
            ffi::sqlite3_exec(
                self.db,
                c.as_ptr(),
                None,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            )
        };
        assert_eq!(rc, ffi::SQLITE_OK, "{sql}");
    }

    /// A prepared statement, finalized by [`Bare::finalize`].
    fn prepare(&self, sql: &str) -> *mut ffi::sqlite3_stmt {
        let c = CString::new(sql).expect("sql");
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
        assert_eq!(rc, ffi::SQLITE_OK, "{sql}");
        stmt
    }

    /// Runs a prepared statement to its end and resets it.
    fn run(&self, stmt: *mut ffi::sqlite3_stmt) {
        // SAFETY: `stmt` is a live statement of this connection.
        let rc = unsafe { ffi::sqlite3_step(stmt) };
        assert_eq!(rc, ffi::SQLITE_DONE, "step");
        // SAFETY: as above.
        unsafe { ffi::sqlite3_reset(stmt) };
    }

    fn int(&self, sql: &str) -> i64 {
        let stmt = self.prepare(sql);
        // SAFETY: `stmt` is live; the column is read while the row is current.
        let v = unsafe {
            assert_eq!(ffi::sqlite3_step(stmt), ffi::SQLITE_ROW, "{sql}");
            ffi::sqlite3_column_int64(stmt, 0)
        };
        self.finalize(stmt);
        v
    }

    fn finalize(&self, stmt: *mut ffi::sqlite3_stmt) {
        // SAFETY: `stmt` was prepared on this connection and is finalized once.
        unsafe { ffi::sqlite3_finalize(stmt) };
    }
}

impl Drop for Bare {
    fn drop(&mut self) {
        // SAFETY: opened above, closed once, its statements finalized.
        unsafe { ffi::sqlite3_close(self.db) };
    }
}

/// What a bare loop writes per ballot.
#[derive(Clone, Copy)]
enum Rows {
    /// One ballot-sized row: the raw ceiling.
    One,
    /// What a voter's submission writes (`q/ballots.rs`: `use_code`, `insert_ballot`): the
    /// used mark on an issued code's row and a ballot row keyed by session and id, the
    /// tables as the migrations make them (less their foreign keys). Not the ceiling: where
    /// the time goes. `codes`: issued before the clock starts, as many as the server's
    /// database holds.
    Ballot { codes: usize },
}

/// Binds `args` as text to `$1`, `$2`, … of `stmt`.
fn bind(stmt: *mut ffi::sqlite3_stmt, args: &[&str]) {
    for (i, a) in args.iter().enumerate() {
        // SAFETY: `stmt` is live and reset; SQLITE_TRANSIENT copies the text.
        let rc = unsafe {
            ffi::sqlite3_bind_text(
                stmt,
                i as c_int + 1,
                a.as_ptr().cast(),
                a.len() as c_int,
                ffi::SQLITE_TRANSIENT(),
            )
        };
        assert_eq!(rc, ffi::SQLITE_OK, "bind");
    }
}

/// A bare insert loop: one connection through SQLite's C API (as the server's writer runs
/// its statements) writing `rows` for `batch` ballots per transaction, statements prepared
/// once, WAL and `synchronous=FULL` (checked) as the store sets them, for `secs`. A latency
/// is a transaction's.
fn ceiling(path: &std::path::Path, secs: Duration, first: usize, batch: usize, rows: Rows) -> Run {
    let db = Bare::open(path);
    // The ceiling's rows are keyed by a random id; a ballot's as the migrations key them,
    // by session and random id.
    let key = match rows {
        Rows::One => "PRIMARY KEY (id)",
        Rows::Ballot { .. } => "PRIMARY KEY (session_id, id)",
    };
    db.exec(&format!(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; \
         PRAGMA temp_store = memory; \
         CREATE TABLE IF NOT EXISTS ballots (id TEXT NOT NULL, session_id BIGINT NOT NULL, \
         grp INTEGER NOT NULL, content TEXT NOT NULL, paper INTEGER NOT NULL DEFAULT 0, {key}) \
         WITHOUT ROWID; \
         CREATE TABLE IF NOT EXISTS ballot_codes (hash TEXT PRIMARY KEY, session_id BIGINT NOT NULL, \
         grp INTEGER NOT NULL, serial INTEGER NOT NULL, voided INTEGER NOT NULL DEFAULT 0, \
         nonce TEXT, UNIQUE (session_id, serial)) WITHOUT ROWID"
    ));
    assert_eq!(db.int("PRAGMA synchronous"), 2, "synchronous=FULL");
    let begin = db.prepare("BEGIN IMMEDIATE");
    let commit = db.prepare("COMMIT");
    let insert =
        db.prepare("INSERT INTO ballots (id, session_id, grp, content) VALUES ($1, 1, 0, $2)");
    let code = |k: u128| format!("{:032x}{k:032x}", k.rotate_left(64));
    let codes = match rows {
        Rows::One => 0,
        Rows::Ballot { codes } => codes,
    };
    if codes > 0 {
        let issue = db.prepare(
            "INSERT INTO ballot_codes (hash, session_id, grp, serial) VALUES ($1, 1, 0, $2)",
        );
        db.run(begin);
        for i in first..first + codes {
            let k = (i as u128).wrapping_mul(0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835);
            bind(issue, &[&code(k), &i.to_string()]);
            db.run(issue);
        }
        db.run(commit);
        db.finalize(issue);
        // Issued long before the meeting: in the database file, not the WAL.
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    let used = db.prepare(
        "UPDATE ballot_codes SET nonce = $1 WHERE hash = $2 AND nonce IS NULL AND voided = 0",
    );
    let content = serde_json::to_string(&ballot(0)).expect("json");
    let mut latencies = Vec::new();
    let t = Instant::now();
    let mut i = first;
    while t.elapsed() < secs {
        let t0 = Instant::now();
        db.run(begin);
        for _ in 0..batch {
            // A random-looking key of the server's length (32 hex digits), as `cast_ballot`
            // makes.
            let k = (i as u128).wrapping_mul(0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835);
            let id = format!("{k:032x}");
            i += 1;
            if codes > 0 {
                assert!(i <= first + codes, "the bare loop ran out of codes");
                // An issued code's hash and a nonce's hash: 64 hex digits each.
                let nonce = format!("{k:032x}{:032x}", k.rotate_left(32));
                bind(used, &[&nonce, &code(k)]);
                db.run(used);
            }
            bind(insert, &[&id, &content]);
            db.run(insert);
        }
        db.run(commit);
        latencies.push(micros(t0.elapsed()));
    }
    let wall = t.elapsed();
    for s in [begin, commit, insert, used] {
        db.finalize(s);
    }
    drop(db);
    latencies.sort_unstable();
    Run {
        what: String::new(),
        done: latencies.len() * batch,
        errors: 0,
        wall,
        latencies,
        client_cpu: 0.0,
    }
}

/// Two ceiling runs as one.
fn join(what: &str, a: Run, b: Run) -> Run {
    let mut latencies = a.latencies;
    latencies.extend(b.latencies);
    latencies.sort_unstable();
    Run {
        what: what.into(),
        done: a.done + b.done,
        errors: 0,
        wall: a.wall + b.wall,
        latencies,
        client_cpu: 0.0,
    }
}

fn main() {
    let secs = env("BANZI_BENCH_SECONDS", 60).max(1);
    let clients = env("BANZI_BENCH_CLIENTS", 32).max(1) as usize;
    let sustained = Duration::from_secs(secs);
    let side = Duration::from_secs(secs.min(10));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    // The disk measured: a temporary directory, under BANZI_BENCH_DIR when set.
    let dir = match std::env::var_os("BANZI_BENCH_DIR") {
        Some(d) => tempfile::tempdir_in(d),
        None => tempfile::tempdir(),
    }
    .expect("dir");
    let server_url = format!("sqlite://{}", dir.path().join("server.db").display());
    let ceiling_path = dir.path().join("ceiling.db");
    let store = rt
        .block_on(Store::connect(&server_url, bench_key()))
        .expect("store");
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let state = banzi_web::AppState::new(store.clone(), banzi_web::WebConfig::default());
    let writer = state.ballots.clone();
    rt.spawn(async move {
        let _ = banzi_web::serve(listener, state).await;
    });
    if let Some(file) = std::env::var_os("BANZI_BENCH_SERVE") {
        let n = env("BANZI_BENCH_CODES", 400_000) as u32;
        let fresh = rt.block_on(codes(&store, n));
        std::fs::write(&file, fresh.join("\n") + "\n").expect("codes file");
        println!(
            "serving on http://{addr} with {} codes in {}",
            fresh.len(),
            std::path::Path::new(&file).display()
        );
        let serve_for = sustained + Duration::from_secs(600);
        rt.block_on(async move { tokio::time::sleep(serve_for).await });
        return;
    }

    let burst_codes = Arc::new(rt.block_on(codes(&store, BURST_CODES)));
    let issued = burst_codes.len();
    let burst = http_run(
        format!("burst: {BURST_CODES} codes, {clients} clients"),
        addr,
        burst_codes,
        clients,
        None,
    );

    // Enough codes for the sustained run at half again the burst's pace.
    let need = (burst.rate() * secs as f64 * 1.5) as u32 + 2_000;
    let sustained_codes = Arc::new(rt.block_on(codes(&store, need)));
    let cpu_before = cpu_by_thread();
    let run = http_run(
        format!("sustained: {secs} s, {clients} clients"),
        addr,
        sustained_codes.clone(),
        clients,
        Some(sustained),
    );
    let cpu_after = cpu_by_thread();
    // The server's group commit: ballots per commit over the burst and the sustained run.
    let (commits, written) = writer.committed();
    let group = (written as f64 / commits.max(1) as f64).round().max(1.0) as usize;
    let server_cpu = |prefix: &str| -> f64 {
        cpu_after
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| v - cpu_before.get(k).copied().unwrap_or(0.0))
            .sum()
    };
    // Thread names are cut to 15 bytes: "ballot-checkpoint" reads "ballot-checkpoi".
    let (web_cpu, writer_cpu, checkpoint_cpu, sqlx_cpu) = (
        server_cpu("tokio"),
        server_cpu("ballot-writer"),
        server_cpu("ballot-checkpoi"),
        server_cpu("sqlx"),
    );
    if run.done + run.errors >= sustained_codes.len() {
        println!(
            "(the sustained run ran out of codes after {:.1} s)",
            run.wall.as_secs_f64()
        );
    }

    // The raw ceiling at the server's group size, right after the server's runs, before
    // and after a one-row-per-commit loop (the disk's pace drifts).
    let before = ceiling(&ceiling_path, side / 2, 0, group, Rows::One);
    let mut single = ceiling(&ceiling_path, side / 2, 1 << 40, 1, Rows::One);
    single.what = "bare insert loop, 1 row per tx".into();
    let after = ceiling(&ceiling_path, side / 2, 1 << 41, group, Rows::One);
    let ceil = join(
        &format!("raw ceiling: bare insert loop, {group} rows per tx"),
        before,
        after,
    );
    let mut writes = ceiling(
        &dir.path().join("writes.db"),
        side / 2,
        0,
        group,
        Rows::Ballot {
            codes: issued + sustained_codes.len(),
        },
    );
    writes.what = format!("bare loop, a ballot's writes, {group} ballots per tx");

    let need = (burst.rate() * side.as_secs_f64() * 1.5) as u32 + 2_000;
    let direct = |what: String, via: Via| {
        let fresh = Arc::new(rt.block_on(codes(&store, need)));
        rt.block_on(direct_run(what, via, fresh, clients, side))
    };
    let writer_alone = direct(
        format!("group commit alone, no HTTP: {clients} tasks"),
        Via::Writer(writer.clone()),
    );
    let store_alone = direct(
        format!("1 ballot per tx (sqlx), no HTTP: {clients} tasks"),
        Via::Store(store.clone()),
    );

    println!();
    println!(
        "Ballots on loopback, SQLite WAL synchronous=FULL, group commit ({commits} commits for \
         {written} ballots: {group} per commit), {} cores",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!();
    println!(
        "| {:<44} | {:>7} | {:>6} | {:>9} | {:>7} | {:>7} | {:>7} |",
        "run", "ballots", "s", "ballots/s", "p50 ms", "p99 ms", "max ms"
    );
    println!(
        "|{:-<46}|{:->9}|{:->8}|{:->11}|{:->9}|{:->9}|{:->9}|",
        "", "", "", "", "", "", ""
    );
    burst.row();
    run.row();
    ceil.row();
    println!("| where the time goes: | | | | | | |");
    writes.row();
    writer_alone.row();
    store_alone.row();
    single.row();
    println!();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
    let per = |cpu: f64| cpu * 1e6 / run.done.max(1) as f64;
    println!(
        "CPU in the sustained run, of {:.0} core-seconds: load generator {:.1} s, server's tokio \
         workers (HTTP, JSON, hashing, the queue) {:.1} s, the ballot writer thread (statements, \
         commits) {:.1} s, its checkpoint thread {:.1} s, sqlx's SQLite threads {:.1} s; per \
         ballot {:.0} + {:.0} + {:.0} + {:.0} + {:.0} µs",
        cores * run.wall.as_secs_f64(),
        run.client_cpu,
        web_cpu,
        writer_cpu,
        checkpoint_cpu,
        sqlx_cpu,
        per(run.client_cpu),
        per(web_cpu),
        per(writer_cpu),
        per(checkpoint_cpu),
        per(sqlx_cpu)
    );
    let c = ceil.rate();
    println!(
        "server / ceiling: burst {:.2}, sustained {:.2} (goal ≥ 0.50); p99 burst {:.1} ms, sustained {:.1} ms (goal < 50 ms)",
        burst.rate() / c,
        run.rate() / c,
        burst.pct(99.0),
        run.pct(99.0)
    );
    drop(writer);
    rt.block_on(store.close());
}

/// The audit key of the benchmark's own database (the program reads its key from a file).
fn bench_key() -> banzi_domain::audit::AuditKey {
    banzi_domain::audit::AuditKey::from_bytes([0; 32])
}
