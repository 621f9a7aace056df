//! The ballot load benchmark (issue 4, "Speed"): voters' phones casting ballots on loopback
//! against the web app in process, SQLite on a file with `synchronous=FULL`, beside the raw
//! ceiling of the same disk. Prints figures; asserts nothing about time.
//!
//! - burst: 3,000 codes, all voting as fast as they can from `BANZI_BENCH_CLIENTS` (32)
//!   client threads, each a blocking ureq agent keeping its connection alive;
//! - sustained: the same at full speed for `BANZI_BENCH_SECONDS` (60);
//! - ceiling: a bare sqlx insert loop on another file in the same directory, WAL +
//!   `synchronous=FULL`, rows of a ballot's size, as many per transaction as the server's
//!   group commit wrote per commit on average (`BallotWriter::committed`), run twice around
//!   a one-row-per-transaction loop (at most 10 s in all);
//! - where the time goes: `Store::cast_ballot` (one transaction per ballot, no group
//!   commit) called directly, no HTTP, from as many tasks as there are clients, from one
//!   task, and from as many tasks taking turns in process; and the bare loop with one row
//!   per transaction.
//!
//! `cargo bench --bench ballots` (BANZI_BENCH_SECONDS=20 for a shorter run).

// The allocator of the `banzi` binary, so that the figures are those of the program.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use banzi_domain::ballot::{Answer, Group, Question, QuestionKind, SessionSpec};
use banzi_domain::role::{Actor, Role, Scope};
use banzi_domain::rules::Fraction;
use banzi_store::Store;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
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
        meeting_date: banzi_domain::date::parse_date("2026-11-21").expect("date"),
        expected: 2 * half,
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

/// `clients` phones on loopback, each casting the next code until the codes or the time run
/// out.
fn http_run(
    what: String,
    base: &str,
    codes: Arc<Vec<String>>,
    clients: usize,
    until: Option<Duration>,
) -> Run {
    let next = Arc::new(AtomicUsize::new(0));
    let start = Arc::new(Barrier::new(clients + 1));
    let threads: Vec<_> = (0..clients)
        .map(|t| {
            let (codes, next, start) = (codes.clone(), next.clone(), start.clone());
            let url = format!("{base}/v/cast");
            let origin = base.to_string();
            std::thread::Builder::new()
                .name("ballot-client".into())
                .spawn(move || {
                    let agent = ureq::Agent::config_builder()
                        .http_status_as_error(false)
                        .timeout_global(Some(Duration::from_secs(60)))
                        .build()
                        .new_agent();
                    let mut lat = Vec::new();
                    let mut errors = 0;
                    let mut n = 0u64;
                    start.wait();
                    let began = Instant::now();
                    loop {
                        if until.is_some_and(|u| began.elapsed() >= u) {
                            break;
                        }
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(code) = codes.get(i) else { break };
                        n += 1;
                        let body = serde_json::json!({
                            "code": code,
                            "nonce": format!("bench-{t:03}-{n:010}-{i:08}"),
                            "ballot": ballot(i),
                        });
                        let t0 = Instant::now();
                        let ok = match agent.post(&url).header("origin", &origin).send_json(&body) {
                            Ok(mut r) => {
                                let status = r.status().as_u16();
                                let text = r.body_mut().read_to_string().unwrap_or_default();
                                status == 200 && text.contains("\"recorded\"")
                            }
                            Err(_) => false,
                        };
                        if ok {
                            lat.push(micros(t0.elapsed()));
                        } else {
                            errors += 1;
                        }
                    }
                    let cpu =
                        stat_cpu(std::path::Path::new("/proc/thread-self/stat")).unwrap_or(0.0);
                    (lat, errors, cpu)
                })
                .expect("client thread")
        })
        .collect();
    start.wait();
    let t = Instant::now();
    let mut latencies = Vec::new();
    let mut errors = 0;
    let mut client_cpu = 0.0;
    for th in threads {
        let (l, e, cpu) = th.join().expect("client thread");
        latencies.extend(l);
        errors += e;
        client_cpu += cpu;
    }
    let wall = t.elapsed();
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

/// The store alone: `tasks` tasks calling `Store::cast_ballot`, no HTTP, no JSON request;
/// with `queue`, one call at a time in arrival order (tokio's mutex is fair), so that the
/// pool's connections never wait on SQLite's lock.
async fn store_run(
    what: String,
    store: &Store,
    codes: Arc<Vec<String>>,
    tasks: usize,
    until: Duration,
    queue: Option<Arc<tokio::sync::Mutex<()>>>,
) -> Run {
    let next = Arc::new(AtomicUsize::new(0));
    let t = Instant::now();
    let handles: Vec<_> = (0..tasks)
        .map(|k| {
            let (store, codes, next) = (store.clone(), codes.clone(), next.clone());
            let queue = queue.clone();
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
                    let turn = match &queue {
                        Some(q) => Some(q.lock().await),
                        None => None,
                    };
                    let cast = store.cast_ballot(code, &nonce, &ballot(i)).await;
                    drop(turn);
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

/// The raw ceiling: one connection inserting `batch` ballot-sized rows per transaction, WAL
/// and `synchronous=FULL` as the store sets them, for `secs`. A latency is a transaction's.
async fn ceiling(url: &str, secs: Duration, first: usize, batch: usize) -> Run {
    let opts = SqliteConnectOptions::from_str(url)
        .expect("url")
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(opts)
        .await
        .expect("ceiling db");
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS ballots (id TEXT PRIMARY KEY, session_id BIGINT NOT NULL, \
         grp INTEGER NOT NULL, content TEXT NOT NULL, paper INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID",
    )
    .execute(&pool)
    .await
    .expect("table");
    let content = serde_json::to_string(&ballot(0)).expect("json");
    let mut latencies = Vec::new();
    let t = Instant::now();
    let mut i = first;
    while t.elapsed() < secs {
        let t0 = Instant::now();
        let mut tx = pool.begin().await.expect("begin");
        for _ in 0..batch {
            // A random-looking key of the server's length (32 hex digits), as `cast_ballot`
            // makes.
            let id = format!(
                "{:032x}",
                (i as u128).wrapping_mul(0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835)
            );
            i += 1;
            sqlx::query("INSERT INTO ballots (id, session_id, grp, content) VALUES ($1, 1, 0, $2)")
                .bind(&id)
                .bind(&content)
                .execute(&mut *tx)
                .await
                .expect("insert");
        }
        tx.commit().await.expect("commit");
        latencies.push(micros(t0.elapsed()));
    }
    let wall = t.elapsed();
    pool.close().await;
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
    let dir = tempfile::tempdir().expect("dir");
    let server_url = format!("sqlite://{}", dir.path().join("server.db").display());
    let ceiling_url = format!("sqlite://{}", dir.path().join("ceiling.db").display());
    let store = rt.block_on(Store::connect(&server_url)).expect("store");
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let state = banzi_web::AppState::new(store.clone(), banzi_web::WebConfig::default());
    let writer = state.ballots.clone();
    rt.spawn(async move {
        let _ = banzi_web::serve(listener, state).await;
    });

    let burst_codes = Arc::new(rt.block_on(codes(&store, BURST_CODES)));
    let burst = http_run(
        format!("burst: {BURST_CODES} codes, {clients} clients"),
        &base,
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
        &base,
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
    let (web_cpu, sql_cpu) = (server_cpu("tokio"), server_cpu("sqlx"));
    if run.done + run.errors >= sustained_codes.len() {
        println!(
            "(the sustained run ran out of codes after {:.1} s)",
            run.wall.as_secs_f64()
        );
    }

    let need = (burst.rate() * side.as_secs_f64() * 3.0) as u32 + 2_000;
    let store_codes = Arc::new(rt.block_on(codes(&store, need)));
    let store_many = rt.block_on(store_run(
        format!("store alone, no HTTP: {clients} tasks"),
        &store,
        store_codes,
        clients,
        side,
        None,
    ));
    let store_codes = Arc::new(rt.block_on(codes(&store, need)));
    let store_one = rt.block_on(store_run(
        "store alone, no HTTP: 1 task".into(),
        &store,
        store_codes,
        1,
        side,
        None,
    ));

    let store_codes = Arc::new(rt.block_on(codes(&store, need)));
    let store_fair = rt.block_on(store_run(
        format!("store alone, {clients} tasks queued in process"),
        &store,
        store_codes,
        clients,
        side,
        Some(Arc::new(tokio::sync::Mutex::new(()))),
    ));

    // The raw ceiling at the server's group size, before and after a one-row-per-commit
    // loop (the disk's pace drifts).
    let before = rt.block_on(ceiling(&ceiling_url, side / 2, 0, group));
    let mut single = rt.block_on(ceiling(&ceiling_url, side / 2, 1 << 40, 1));
    single.what = "bare insert loop, 1 row per tx".into();
    let after = rt.block_on(ceiling(&ceiling_url, side / 2, 1 << 41, group));
    let ceil = join(
        &format!("raw ceiling: bare insert loop, {group} rows per tx"),
        before,
        after,
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
    store_many.row();
    store_one.row();
    store_fair.row();
    single.row();
    println!();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
    let per = |cpu: f64| cpu * 1e6 / run.done.max(1) as f64;
    println!(
        "CPU in the sustained run, of {:.0} core-seconds: load generator {:.1} s, server's tokio \
         workers (HTTP, JSON, the store's calls) {:.1} s, SQLite threads (statements, commits) \
         {:.1} s; per ballot {:.0} + {:.0} + {:.0} µs",
        cores * run.wall.as_secs_f64(),
        run.client_cpu,
        web_cpu,
        sql_cpu,
        per(run.client_cpu),
        per(web_cpu),
        per(sql_cpu)
    );
    let c = ceil.rate();
    println!(
        "server / ceiling: burst {:.2}, sustained {:.2} (goal ≥ 0.50); p99 burst {:.1} ms, sustained {:.1} ms (goal < 50 ms)",
        burst.rate() / c,
        run.rate() / c,
        burst.pct(99.0),
        run.pct(99.0)
    );
    rt.block_on(store.close());
}
