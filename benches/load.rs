//! The province load benchmark (issue 18, "Speed"): the real `banzi serve` (the release
//! binary, a child process) on the province of the check bench, loaded from outside the
//! process over loopback by 50 staff and 10 unit liaison clients at once, each its own
//! keep-alive connection, each looping over the pages of the issue (team page, profile,
//! cadre search by name / initials / ID number, alert list page, unit tree node, unit
//! picker) for `BANZI_BENCH_SECONDS` (20). Prints per kind p50/p95/p99/max and requests/s,
//! the server's VmRSS and VmHWM, and before the load the size of every list page opened
//! once (the goal: none over 300 KB). Prints figures; asserts nothing about time.
//!
//! - SQLite: `BANZI_BENCH_DIR/load-province.db` (a temporary directory when unset), built
//!   once with `banzi::demo::province(BANZI_BENCH_CADRES, BANZI_BENCH_TEAMS)` (200,000 and
//!   40,000: 40,001 units) and reused when present, with its audit key file beside it.
//! - PostgreSQL when `BANZI_BENCH_PG` is set (`postgres://postgres@127.0.0.1:5432/test`): a
//!   database of the bench's own (`banzi_load_<pid>`), the province imported, the same
//!   run, the database dropped at the end (`BANZI_BENCH_PG_KEEP=1` keeps it, and
//!   `BANZI_BENCH_PG_DB=NAME` serves a kept one again without importing).
//!
//! `cargo bench --bench load` (BANZI_BENCH_STAFF, BANZI_BENCH_LIAISONS for other counts;
//! BANZI_BENCH_KINDS=team,profile,… to load only some kinds; BANZI_BENCH_SQLITE=0 for
//! PostgreSQL alone).

#[path = "common/client.rs"]
mod client;
mod common;
#[path = "common/server.rs"]
mod server;
#[path = "common/stats.rs"]
mod stats;

use banzi_domain::role::{Actor, Role};
use banzi_store::{NewUser, Store};
use client::{Client, Req};
use common::env;
use server::{Memory, Server};
use stats::Stats;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant};

const PASSWORD: &str = "Bench2026password";
/// The goals of the issue, in milliseconds, and the page-size goal in bytes.
const P95_GOAL: f64 = 50.0;
const P99_GOAL: f64 = 150.0;
const PAGE_GOAL: usize = 300_000;

const NAMES: [&str; 4] = ["王伟", "张伟", "李娜", "陈杰"];
const INITIALS: [&str; 4] = ["zw", "wj", "lj", "cl"];

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Kind {
    Team,
    Profile,
    SearchName,
    SearchInitials,
    SearchId,
    Alerts,
    TreeNode,
    UnitPick,
}

const KINDS: [Kind; 8] = [
    Kind::Team,
    Kind::Profile,
    Kind::SearchName,
    Kind::SearchInitials,
    Kind::SearchId,
    Kind::Alerts,
    Kind::TreeNode,
    Kind::UnitPick,
];

impl Kind {
    fn key(self) -> &'static str {
        match self {
            Kind::Team => "team",
            Kind::Profile => "profile",
            Kind::SearchName => "name",
            Kind::SearchInitials => "initials",
            Kind::SearchId => "id",
            Kind::Alerts => "alerts",
            Kind::TreeNode => "tree",
            Kind::UnitPick => "pick",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Kind::Team => "team page `/units/{code}`",
            Kind::Profile => "profile `/cadres/{id}`",
            Kind::SearchName => "search by name (王伟 …)",
            Kind::SearchInitials => "search by initials (zw …)",
            Kind::SearchId => "search by ID number (10 digits)",
            Kind::Alerts => "alert list page `/alerts?page=N`",
            Kind::TreeNode => "unit tree node `/unit-tree`",
            Kind::UnitPick => "unit picker `/unit-pick?q=`",
        }
    }
}

/// A small fast generator (xorshift64*): each client draws its own requests.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32) as usize % n.max(1)
    }
}

/// What the clients draw their requests from.
struct Samples {
    teams: usize,
    /// Row ids of cadres (the profile's address) and the first 10 digits of ID numbers.
    cadres: Vec<i64>,
    id_prefixes: Vec<String>,
}

/// A client: its account, a liaison's unit and the cadres it may open.
struct Me {
    login: String,
    unit: Option<String>,
    profiles: Vec<i64>,
}

fn request(kind: Kind, me: &Me, s: &Samples, rng: &mut Rng) -> Option<Req> {
    let search = |q: String| Req::Post {
        path: "/cadres/search".into(),
        fields: vec![("q", q)],
        htmx: true,
    };
    Some(match kind {
        Kind::Team => Req::Get(match &me.unit {
            Some(u) => format!("/units/{u}"),
            None => format!("/units/U{:05}", rng.below(s.teams)),
        }),
        Kind::Profile => {
            let ids = if me.unit.is_some() {
                &me.profiles
            } else {
                &s.cadres
            };
            if ids.is_empty() {
                return None;
            }
            Req::Get(format!("/cadres/{}", ids[rng.below(ids.len())]))
        }
        Kind::SearchName => search(NAMES[rng.below(NAMES.len())].into()),
        Kind::SearchInitials => search(INITIALS[rng.below(INITIALS.len())].into()),
        Kind::SearchId => search(s.id_prefixes[rng.below(s.id_prefixes.len())].clone()),
        Kind::Alerts => Req::Get(match (&me.unit, rng.below(3)) {
            (Some(_), _) => "/alerts?page=1".into(),
            (None, 0) => format!("/alerts?level=warning&page={}", 1 + rng.below(100)),
            (None, _) => format!("/alerts?page={}", 1 + rng.below(100)),
        }),
        // A part deep in the root's level, as its "more" link asks for it (after the last
        // unit shown, with how many the part before said were left).
        Kind::TreeNode => Req::Get(match &me.unit {
            Some(_) => "/unit-tree?parent=".into(),
            None => {
                let shown = 100 * rng.below(s.teams.div_ceil(100));
                match shown {
                    0 => "/unit-tree?parent=P".into(),
                    n => format!(
                        "/unit-tree?parent=P&after=U{:05}&left={}",
                        n - 1,
                        s.teams - n
                    ),
                }
            }
        }),
        Kind::UnitPick => {
            let n = rng.below(s.teams / 10);
            Req::Get(match rng.below(3) {
                0 => format!("/unit-pick?q=单位{n}"),
                1 => format!("/unit-pick?q=U{n:04}"),
                _ => format!("/unit-pick?q=danwei{n}"),
            })
        }
    })
}

/// The cadres a liaison's list shows on its first page (its unit's), by row id.
fn listed_cadres(page: &str) -> Vec<i64> {
    page.split("class=\"cadre-link\" href=\"/cadres/")
        .skip(1)
        .filter_map(|s| s.split('"').next()?.parse().ok())
        .collect()
}

/// One client's run: signs in (one client at a time: the load is of pages, not of a crowd
/// signing in at once), waits for the others, loops for `seconds`.
fn client_run(
    base: &str,
    mut me: Me,
    kinds: &[Kind],
    samples: &Samples,
    (sign_in, signed, start): (&Mutex<()>, &Barrier, &Barrier),
    seconds: u64,
    seed: u64,
) -> Result<(bool, BTreeMap<Kind, Stats>), String> {
    let mut c = Client::new(base);
    let signed_in = {
        let _turn = sign_in.lock().unwrap_or_else(|e| e.into_inner());
        c.login(&me.login, PASSWORD).and_then(|()| {
            if me.unit.is_some() {
                let page = c
                    .send(&Req::Get("/cadres".into()))
                    .map_err(|e| e.to_string())?;
                me.profiles = listed_cadres(&page.text());
            }
            Ok(())
        })
    };
    signed.wait();
    start.wait();
    signed_in?;
    let mut rng = Rng(seed | 1);
    let mut out: BTreeMap<Kind, Stats> = BTreeMap::new();
    let until = Instant::now() + Duration::from_secs(seconds);
    // Each client starts the round of kinds at its own place; bounded in count as well as
    // in time.
    for n in 0..10_000_000usize {
        if Instant::now() >= until {
            break;
        }
        let kind = kinds[(seed as usize + n) % kinds.len()];
        let Some(req) = request(kind, &me, samples, &mut rng) else {
            continue;
        };
        let st = out.entry(kind).or_default();
        match c.send(&req) {
            Ok(r) if r.status == 200 => st.add(r.took, r.body.len()),
            Ok(r) => st.fail(format!("{} {}", r.status, r.said())),
            Err(e) => st.fail(e.to_string()),
        }
    }
    Ok((me.unit.is_some(), out))
}

/// A database the bench serves: its URL and key file, and for PostgreSQL the database to
/// drop at the end.
struct Db {
    what: &'static str,
    url: String,
    key: PathBuf,
    pg: Option<PgDatabase>,
}

/// `banzi_load_<pid>` on the PostgreSQL server, dropped with this value unless kept.
struct PgDatabase {
    admin: String,
    name: String,
    keep: bool,
}

impl PgDatabase {
    /// Runs `sql` on the server's administrative database.
    fn admin(&self, sql: String) {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async {
            if let Ok(pool) = sqlx::PgPool::connect(&self.admin).await {
                if let Err(e) = sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&pool).await {
                    eprintln!("on {}: {e}", self.name);
                }
                pool.close().await;
            }
        });
    }

    /// Ends every statement still running in this database (the bench's own), when no
    /// client is waiting for one: what is left is a statement whose client went away.
    fn end_statements(&self) {
        self.admin(format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{}' \
             AND state = 'active' AND pid <> pg_backend_pid()",
            self.name
        ));
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        if self.keep {
            println!("kept the database {}", self.name);
            return;
        }
        self.admin(format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ));
    }
}

/// `admin` with its database name replaced by `name`.
fn with_database(admin: &str, name: &str) -> String {
    let (head, query) = admin.split_once('?').unwrap_or((admin, ""));
    let base = head.rsplit_once('/').map_or(head, |(b, _)| b);
    match query {
        "" => format!("{base}/{name}"),
        q => format!("{base}/{name}?{q}"),
    }
}

/// Opens `url` as the binary would (key file created if missing), stores the province if
/// it holds no cadre, adds the bench's accounts if missing.
fn prepare(rt: &tokio::runtime::Runtime, url: &str, key: &Path, liaison_units: &[String]) {
    let store = rt.block_on(Store::open(url, key)).expect("open the store");
    let actor = Actor::cli("bench");
    let cadres = rt.block_on(count_cadres(url));
    if cadres == 0 {
        let t = Instant::now();
        let roster = banzi::demo::province(
            env("BANZI_BENCH_CADRES", 200_000),
            env("BANZI_BENCH_TEAMS", 40_000),
        );
        println!(
            "province: {} units, {} posts, {} cadres, {} appointments (generated in {:.1} s)",
            roster.units.len(),
            roster.posts.len(),
            roster.cadres.len(),
            roster.appointments.len(),
            t.elapsed().as_secs_f64()
        );
        let t = Instant::now();
        rt.block_on(store.import_roster(&actor, &roster, &|_, _, _| {}))
            .expect("import");
        println!("stored in {:.1} s", t.elapsed().as_secs_f64());
        if url.starts_with("postgres") {
            // What autovacuum does after an import (it is off on some servers, this
            // machine's among them): the planner's statistics, and the visibility map that
            // lets an index answer without the table (a unit tree page read 100 units' rows).
            let t = Instant::now();
            rt.block_on(async {
                let pool = sqlx::PgPool::connect(url).await.expect("postgres");
                sqlx::query("VACUUM (ANALYZE)")
                    .execute(&pool)
                    .await
                    .expect("vacuum");
                pool.close().await;
            });
            println!("VACUUM (ANALYZE) in {:.1} s", t.elapsed().as_secs_f64());
        }
    }
    let hash = banzi_web::hash_password(PASSWORD);
    let mut accounts: Vec<(String, Role, Option<String>)> = (1..=env("BANZI_BENCH_STAFF", 50))
        .map(|i| (format!("staff{i:02}"), Role::Staff, None))
        .collect();
    for (i, u) in liaison_units.iter().enumerate() {
        accounts.push((
            format!("liaison{:02}", i + 1),
            Role::Liaison,
            Some(u.clone()),
        ));
    }
    accounts.push(("auditor".into(), Role::Auditor, None));
    for (login, role, unit_code) in accounts {
        if rt
            .block_on(store.user_by_login(&login))
            .expect("user")
            .is_none()
        {
            let u = NewUser {
                login,
                display_name: String::new(),
                password_hash: hash.clone(),
                role,
                unit_code,
            };
            rt.block_on(store.add_account(&u)).expect("account");
        }
    }
    rt.block_on(store.close());
}

async fn count_cadres(url: &str) -> i64 {
    let sql = "SELECT COUNT(*) FROM cadres";
    if url.starts_with("sqlite:") {
        let pool = sqlx::SqlitePool::connect(url).await.expect("sqlite");
        sqlx::query_scalar(sql)
            .fetch_one(&pool)
            .await
            .expect("count")
    } else {
        let pool = sqlx::PgPool::connect(url).await.expect("postgres");
        sqlx::query_scalar(sql)
            .fetch_one(&pool)
            .await
            .expect("count")
    }
}

/// Every 97th cadre: row ids and ID numbers.
async fn sample_cadres(url: &str) -> Vec<(i64, String)> {
    let sql = "SELECT id, id_number FROM cadres WHERE id % 97 = 0 ORDER BY id LIMIT 2000";
    if url.starts_with("sqlite:") {
        let pool = sqlx::SqlitePool::connect(url).await.expect("sqlite");
        sqlx::query_as(sql).fetch_all(&pool).await.expect("sample")
    } else {
        let pool = sqlx::PgPool::connect(url).await.expect("postgres");
        sqlx::query_as(sql).fetch_all(&pool).await.expect("sample")
    }
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

/// Opens every list and filter page once as staff (`/audit` as the auditor) and prints its
/// size and time, flagging those over the goal.
fn page_sizes(base: &str, samples: &Samples) {
    let mut staff = Client::new(base);
    staff.login("staff01", PASSWORD).expect("staff sign-in");
    let profile = samples.cadres.first().copied().unwrap_or(1);
    let id = samples.id_prefixes.first().cloned().unwrap_or_default();
    let mut pages: Vec<(String, Req)> = [
        "/units",
        "/units?q=单位123",
        "/units/U00123",
        "/cadres",
        "/cadres?q=zw",
        "/cadres?q=王伟",
        "/alerts",
        "/alerts?page=2",
        "/alerts?level=warning",
        "/analysis",
        "/analysis/teams",
        "/datacheck",
        "/mingce",
        "/selection",
        "/ballots",
        "/roster",
        "/unit-tree?parent=P",
        "/unit-tree?parent=P&after=U39899&left=100",
        "/unit-pick?q=单位1",
        "/post-pick?q=单位1",
    ]
    .iter()
    .map(|p| (p.to_string(), Req::Get(p.to_string())))
    .collect();
    pages.insert(
        4,
        (
            format!("/cadres/{profile}"),
            Req::Get(format!("/cadres/{profile}")),
        ),
    );
    pages.push((
        "POST /cadres/search (ID number, the page)".into(),
        Req::Post {
            path: "/cadres/search".into(),
            fields: vec![("q", id)],
            htmx: false,
        },
    ));
    println!("| page | status | size (KB) | time (ms) | |");
    println!("|---|---|---|---|---|");
    let mut over = Vec::new();
    let mut show = |c: &mut Client, label: &str, req: &Req| {
        let t = Instant::now();
        let r = match c.send(req) {
            Ok(r) => r,
            Err(e) => {
                over.push(format!("{label} (no answer)"));
                println!(
                    "| `{label}` | no answer: {e} | | {:.0} | **no answer** |",
                    t.elapsed().as_secs_f64() * 1000.0
                );
                return;
            }
        };
        let flag = if r.body.len() > PAGE_GOAL {
            over.push(label.to_string());
            "**over 300 KB**"
        } else {
            ""
        };
        println!(
            "| `{label}` | {} | {:.1} | {:.0} | {flag} |",
            r.status,
            r.body.len() as f64 / 1000.0,
            r.took.as_secs_f64() * 1000.0
        );
    };
    for (label, req) in &pages {
        show(&mut staff, label, req);
    }
    let mut auditor = Client::new(base);
    auditor.login("auditor", PASSWORD).expect("auditor sign-in");
    show(&mut auditor, "/audit (auditor)", &Req::Get("/audit".into()));
    println!(
        "pages over 300 KB: {}",
        if over.is_empty() {
            "none".into()
        } else {
            over.join(", ")
        }
    );
}

/// Serves `db`, measures the pages' sizes, then loads it; prints the figures.
fn run(db: &Db, samples: &Samples, liaison_units: &[String], phases: &[Vec<Kind>]) {
    let dir = db.key.parent().expect("key dir").to_path_buf();
    let t = Instant::now();
    // A copy of the binary under a name of its own: on a machine shared with other work,
    // something that stops `banzi serve` processes by name (it happened while this bench
    // was written) does not stop this one.
    let binary = dir.join("load-server");
    std::fs::copy(env!("CARGO_BIN_EXE_banzi"), &binary).expect("copy the binary");
    let mut server = Server::start(
        binary.to_str().expect("a UTF-8 path"),
        &db.url,
        &db.key,
        &dir,
        &format!("serve-{}.log", db.what),
    );
    let started = server.memory();
    println!(
        "\n## {}: `banzi serve` pid {} answering after {:.1} s, RSS {:.0} MB",
        db.what,
        server.pid(),
        t.elapsed().as_secs_f64(),
        mb(started.rss_kb)
    );
    println!("\n### Page sizes (each page once, staff)\n");
    page_sizes(&server.base, samples);
    let after_pages = server.memory();
    println!(
        "\nserver after the pages: RSS {:.0} MB, peak {:.0} MB",
        mb(after_pages.rss_kb),
        mb(after_pages.hwm_kb)
    );
    // A page that did not answer leaves its statement running in PostgreSQL (the server
    // does not cancel it when the client goes): ended, so that the load runs without it.
    if let Some(pg) = &db.pg {
        pg.end_statements();
    }
    for kinds in phases {
        load(
            &mut server,
            samples,
            liaison_units,
            kinds,
            started,
            after_pages,
        );
        if let Some(pg) = &db.pg {
            pg.end_statements();
        }
    }
}

/// One load: every client signed in, then all looping over `kinds` at once.
fn load(
    server: &mut Server,
    samples: &Samples,
    liaison_units: &[String],
    kinds: &[Kind],
    started: Memory,
    after_pages: Memory,
) {
    let staff = env("BANZI_BENCH_STAFF", 50);
    let seconds = env("BANZI_BENCH_SECONDS", 20) as u64;
    let clients = staff + liaison_units.len();
    let barrier = Arc::new(Barrier::new(clients + 1));
    let signed = Arc::new(Barrier::new(clients + 1));
    let sign_in = Arc::new(Mutex::new(()));
    let samples = Arc::new(Samples {
        teams: samples.teams,
        cadres: samples.cadres.clone(),
        id_prefixes: samples.id_prefixes.clone(),
    });
    let mut handles = Vec::new();
    let spawned = Instant::now();
    for i in 0..clients {
        let me = if i < staff {
            Me {
                login: format!("staff{:02}", i + 1),
                unit: None,
                profiles: Vec::new(),
            }
        } else {
            let k = i - staff;
            Me {
                login: format!("liaison{:02}", k + 1),
                unit: Some(liaison_units[k].clone()),
                profiles: Vec::new(),
            }
        };
        let (base, kinds, samples, barrier, signed, sign_in) = (
            server.base.clone(),
            kinds.to_vec(),
            samples.clone(),
            barrier.clone(),
            signed.clone(),
            sign_in.clone(),
        );
        handles.push(
            std::thread::Builder::new()
                .name(format!("client-{i}"))
                .stack_size(256 * 1024)
                .spawn(move || {
                    let gates = (sign_in.as_ref(), signed.as_ref(), barrier.as_ref());
                    client_run(&base, me, &kinds, &samples, gates, seconds, i as u64 + 7)
                })
                .expect("client thread"),
        );
    }
    signed.wait();
    println!(
        "\n{clients} clients signed in one after another in {:.1} s",
        spawned.elapsed().as_secs_f64()
    );
    // Each sign-in is an audit entry, and the kept analysis is kept for one audit head:
    // the first alert page after them analyses the province again. Once, here, rather
    // than by every client at once.
    if kinds.contains(&Kind::Alerts) {
        let mut c = Client::new(&server.base);
        match c.login("staff01", PASSWORD).and_then(|()| {
            c.send(&Req::Get("/alerts".into()))
                .map_err(|e| e.to_string())
        }) {
            Ok(r) => println!(
                "the alert list once before the load: {} in {:.1} s",
                r.status,
                r.took.as_secs_f64()
            ),
            Err(e) => println!("the alert list once before the load: {e}"),
        }
    }
    let load_before = loadavg();
    barrier.wait();
    let t = Instant::now();
    let cpu0 = server.cpu_seconds();
    // The server's resident memory, sampled while it is loaded.
    let done = Arc::new(AtomicBool::new(false));
    let peak_rss = Arc::new(AtomicU64::new(0));
    let pid = server.pid();
    let sampler = {
        let (done, peak_rss) = (done.clone(), peak_rss.clone());
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                let m = read_rss(pid);
                peak_rss.fetch_max(m, Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(200));
            }
        })
    };
    let mut by: BTreeMap<(bool, Kind), Stats> = BTreeMap::new();
    let mut refused = Vec::new();
    for h in handles {
        match h.join().expect("client") {
            Ok((liaison, out)) => {
                for (k, s) in out {
                    by.entry((liaison, k)).or_default().merge(s);
                }
            }
            Err(e) => refused.push(e),
        }
    }
    let wall = t.elapsed().as_secs_f64();
    let cpu = server.cpu_seconds() - cpu0;
    done.store(true, Ordering::Relaxed);
    let _ = sampler.join();
    let end: Memory = server.memory();
    if let Some(status) = server.ended() {
        println!("**the server ended during this load: {status}**");
    }
    println!(
        "\n### Load: {staff} staff + {} liaison clients, {seconds} s ({wall:.1} s until the last answer); {}\n",
        liaison_units.len(),
        kinds.iter().map(|k| k.key()).collect::<Vec<_>>().join(", ")
    );
    for e in &refused {
        println!("a client could not start: {e}");
    }
    println!(
        "| who | request | answered | req/s | p50 ms | p95 ms | p99 ms | max ms | KB | goal |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut total = 0;
    for ((liaison, kind), mut s) in by {
        s.sort();
        total += s.micros.len();
        let (p95, p99) = (s.ms(95.0), s.ms(99.0));
        let goal = match (p95 <= P95_GOAL, p99 <= P99_GOAL) {
            (true, true) => "met".to_string(),
            (a, b) => {
                let mut v = Vec::new();
                if !a {
                    v.push(format!("p95 +{:.0} ms", p95 - P95_GOAL));
                }
                if !b {
                    v.push(format!("p99 +{:.0} ms", p99 - P99_GOAL));
                }
                format!("**missed**: {}", v.join(", "))
            }
        };
        println!(
            "| {} | {} | {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.0} | {:.1} | {goal} |",
            if liaison { "liaison" } else { "staff" },
            kind.label(),
            s.micros.len(),
            s.micros.len() as f64 / wall,
            s.ms(50.0),
            p95,
            p99,
            s.max_ms(),
            s.mean_kb(),
        );
        if s.errors > 0 {
            println!(
                "|   | ({} failed; first: {}) | | | | | | | | |",
                s.errors,
                s.first_error.unwrap_or_default().replace(['\n', '|'], " ")
            );
        }
    }
    println!(
        "machine load average (1, 5, 15 min): {load_before} before the load, {} at its end",
        loadavg()
    );
    println!(
        "\n{total} answers, {:.0}/s; server CPU {cpu:.1} s in {wall:.1} s ({:.2} of 2 cores)",
        total as f64 / wall,
        cpu / wall
    );
    println!(
        "server memory: at start {:.0} MB, after the pages {:.0} MB, during this load up to {:.0} MB (sampled), at its end {:.0} MB; VmHWM {:.0} MB",
        mb(started.rss_kb),
        mb(after_pages.rss_kb),
        mb(peak_rss.load(Ordering::Relaxed)),
        mb(end.rss_kb),
        mb(end.hwm_kb)
    );
}

/// The machine's load average over 1, 5 and 15 minutes: others' builds share its cores.
fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

fn read_rss(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let tmp = tempfile::tempdir().expect("dir");
    let dir = std::env::var_os("BANZI_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir).expect("bench dir");
    let teams = env("BANZI_BENCH_TEAMS", 40_000);
    // Ten units spread over the province, one liaison each.
    let liaison_units: Vec<String> = (1..=env("BANZI_BENCH_LIAISONS", 10))
        .map(|k| format!("U{:05}", (k * 3_989) % teams))
        .collect();
    // Loads one after another on the same server: `all`, or kinds by key, `;` between.
    let phases: Vec<Vec<Kind>> = std::env::var("BANZI_BENCH_KINDS")
        .unwrap_or_else(|_| "all".into())
        .split(';')
        .map(|list| {
            let kinds: Vec<Kind> = KINDS
                .into_iter()
                .filter(|k| {
                    list.split(',')
                        .any(|w| w.trim() == k.key() || w.trim() == "all")
                })
                .collect();
            assert!(!kinds.is_empty(), "BANZI_BENCH_KINDS: no kind in {list:?}");
            kinds
        })
        .collect();

    let mut dbs = Vec::new();
    if std::env::var("BANZI_BENCH_SQLITE").as_deref() != Ok("0") {
        let path = dir.join("load-province.db");
        dbs.push(Db {
            what: "SQLite",
            url: format!("sqlite://{}", path.display()),
            key: dir.join("load-province.audit-key"),
            pg: None,
        });
    }
    if let Ok(admin) = std::env::var("BANZI_BENCH_PG") {
        // BANZI_BENCH_PG_DB names a database made by an earlier run with
        // BANZI_BENCH_PG_KEEP=1 (the import takes a minute or two); it is kept too.
        let reuse = std::env::var("BANZI_BENCH_PG_DB").ok();
        let keep = reuse.is_some() || std::env::var("BANZI_BENCH_PG_KEEP").as_deref() == Ok("1");
        let name = reuse
            .clone()
            .unwrap_or_else(|| format!("banzi_load_{}", std::process::id()));
        assert!(
            name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "BANZI_BENCH_PG_DB: letters, digits and _ only"
        );
        rt.block_on(async {
            if reuse.is_some() {
                return;
            }
            let pool = sqlx::PgPool::connect(&admin).await.expect("PostgreSQL");
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&pool)
                .await
                .expect("create the database");
            pool.close().await;
        });
        dbs.push(Db {
            what: "PostgreSQL",
            url: with_database(&admin, &name),
            key: dir.join(format!("{name}.audit-key")),
            pg: Some(PgDatabase { admin, name, keep }),
        });
    }
    for db in &dbs {
        println!("\n# {} ({})", db.what, db.url);
        prepare(&rt, &db.url, &db.key, &liaison_units);
        let sample = rt.block_on(sample_cadres(&db.url));
        let samples = Samples {
            teams,
            cadres: sample.iter().map(|(id, _)| *id).collect(),
            id_prefixes: sample
                .iter()
                .filter_map(|(_, n)| n.get(..10).map(String::from))
                .collect(),
        };
        run(db, &samples, &liaison_units, &phases);
    }
    // The PostgreSQL database is dropped with `dbs`, after its server stopped.
    drop(dbs);
}
