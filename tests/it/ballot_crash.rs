//! R-VOTE-4 under kill -9: "an acknowledged ballot is never lost", with the real `banzi
//! serve` on a SQLite file. Fifty times: start the server, send a burst of ballots from
//! several threads, and SIGKILL the process a few milliseconds into it. A ballot answered 200
//! before the kill must be in the database afterwards; a ballot whose answer the kill cut off
//! is in doubt, and half of those (chosen at random) are sent again to the next server with
//! the same nonce, as the phone page does, and must be answered 已记录 (recorded or
//! already_recorded), never refused. At the end the session is closed and counted: every
//! acknowledged code is used, codes never sent are not, and the ballots are exactly the used
//! codes, never more than the codes issued.
//!
//! The seed of the random delays is printed; `BANZI_CRASH_SEED=N` replays a run.

use crate::conformance::ballots::{picks, spec};
use crate::helpers::staff;
use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

const KILLS: usize = 50;
const THREADS: usize = 8;
/// Codes per rater group (two groups): R-VOTE-1's limit. Since the group commit runs on its
/// own connection a burst of up to 51 ms uses up to a few hundred codes (the 50 rounds
/// about 4,000 to 6,000 in all).
const CODES_PER_GROUP: u32 = 10_000;
/// Generous: a loaded CI machine may be slow, never wrong.
const DEADLINE: Duration = Duration::from_secs(30);

/// splitmix64: enough randomness for delays and samples, and replayable from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A running `banzi serve`.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    /// Starts the binary on port 0 and waits until it prints its address and answers.
    fn start(dir: &Path, url: &str) -> Server {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join("server.log"))
            .expect("server log");
        let mut child = Command::new(env!("CARGO_BIN_EXE_banzi"))
            .args(["--database", url, "serve", "--listen", "127.0.0.1:0"])
            .current_dir(dir)
            .env_remove("BANZI_DATABASE_URL")
            .env("BANZI_AUDIT_KEY", crate::helpers::key_file(url))
            .env_remove("BANZI_CONFIG")
            .env_remove("BANZI_LISTEN")
            // More than a production server logs (`info`), to show none of it names a code.
            .env("BANZI_LOG", "debug")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .expect("start banzi serve");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        // Reads to the end so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some((_, rest)) = line.split_once("http://") {
                    let _ = tx.send(rest.trim_end_matches('/').to_string());
                }
            }
        });
        let Ok(addr) = rx.recv_timeout(DEADLINE) else {
            let _ = child.kill();
            let _ = child.wait();
            let log = std::fs::read_to_string(dir.join("server.log")).unwrap_or_default();
            panic!("banzi serve did not report its address:\n{log}");
        };
        let base = format!("http://{addr}");
        let agent = agent();
        let start = Instant::now();
        loop {
            if let Ok(r) = agent.get(&format!("{base}/healthz")).call()
                && r.status() == 200
            {
                break;
            }
            if start.elapsed() > DEADLINE {
                let _ = child.kill();
                panic!("banzi serve at {base} did not answer within {DEADLINE:?}");
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        Server { child, base }
    }

    /// SIGKILL, and reaped.
    fn kill(mut self) {
        self.child.kill().expect("kill -9");
        self.child.wait().expect("reap");
    }
}

/// A test that fails half-way leaves no server behind.
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh agent: connections kept alive to a killed server are dead.
fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(DEADLINE))
        .build()
        .new_agent()
}

#[derive(Debug)]
enum Outcome {
    /// 200: `recorded` or `already_recorded`.
    Acked(String),
    /// Any other answer: a status and its body.
    Refused(u16, String),
    /// No answer (the connection was cut or refused).
    InDoubt,
}

fn submit(agent: &ureq::Agent, base: &str, code: &str, nonce: &str) -> Outcome {
    let body = serde_json::json!({
        "code": code,
        "nonce": nonce,
        "ballot": picks(&[0], [Some(0), None]),
    });
    let sent = agent
        .post(&format!("{base}/v/cast"))
        .header("origin", base)
        .send_json(&body);
    let mut r = match sent {
        Ok(r) => r,
        Err(_) => return Outcome::InDoubt,
    };
    let status = r.status().as_u16();
    let text = match r.body_mut().read_to_string() {
        Ok(t) => t,
        Err(_) => return Outcome::InDoubt,
    };
    if status != 200 {
        return Outcome::Refused(status, text);
    }
    let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    match v["result"].as_str() {
        Some(r @ ("recorded" | "already_recorded")) => Outcome::Acked(r.to_string()),
        _ => Outcome::Refused(status, text),
    }
}

/// Sets up a session of `2 × CODES_PER_GROUP` codes, opened, through the store on `url`.
fn session(url: &str) -> (i64, Vec<String>) {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let store = crate::helpers::open_as_the_binary(url).await;
        let mut s = spec();
        for g in &mut s.groups {
            g.codes = CODES_PER_GROUP;
        }
        s.expected = 2 * CODES_PER_GROUP;
        s.attended = Some(s.expected);
        let id = store.create_ballot(&staff(), &s).await.expect("session");
        let codes = store
            .issue_codes(&staff(), id)
            .await
            .expect("codes")
            .into_iter()
            .map(|s| s.code)
            .collect();
        store.open_ballot(&staff(), id).await.expect("open");
        store.close().await;
        (id, codes)
    })
}

#[derive(Default)]
struct Counts {
    kills: usize,
    submitted: usize,
    /// Answered 200 before a kill, or on a retry.
    acked: HashSet<usize>,
    /// Of those, answered in a burst.
    acked_in_burst: usize,
    in_doubt: usize,
    retried: usize,
    /// Retries answered `already_recorded`: the cut-off ballot had been committed.
    retry_already: usize,
    /// In doubt and never sent again (the voter gave up).
    abandoned: Vec<usize>,
}

#[test]
fn a_kill_9_loop_during_bursts_loses_no_acknowledged_ballot() {
    let seed = std::env::var("BANZI_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
        });
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().expect("dir");
    let url = format!("sqlite://{}", dir.path().join("crash.db").display());
    let (id, codes) = session(&url);
    let codes = Arc::new(codes);
    let next = Arc::new(AtomicUsize::new(0));
    let mut c = Counts::default();
    // In doubt after the last kill, to be retried (or not) on the next start.
    let mut pending: Vec<(usize, String)> = Vec::new();
    let started = Instant::now();

    for round in 0..=KILLS {
        let server = Server::start(dir.path(), &url);
        // The phone retries what it sent with the same nonce.
        let a = agent();
        for (i, nonce) in pending.drain(..) {
            if rng.below(2) == 1 {
                c.abandoned.push(i);
                continue;
            }
            match submit(&a, &server.base, &codes[i], &nonce) {
                Outcome::Acked(r) => {
                    c.retried += 1;
                    c.retry_already += usize::from(r == "already_recorded");
                    c.acked.insert(i);
                }
                other => panic!("retry of an in-doubt ballot (seed {seed}): {other:?}"),
            }
        }
        if round == KILLS {
            server.kill();
            break;
        }

        let stop = Arc::new(AtomicBool::new(false));
        let burst: Vec<_> = (0..THREADS)
            .map(|t| {
                let (codes, next, stop) = (codes.clone(), next.clone(), stop.clone());
                let base = server.base.clone();
                std::thread::spawn(move || {
                    let a = agent();
                    let mut out = Vec::new();
                    let mut n = 0u32;
                    while !stop.load(Ordering::SeqCst) {
                        let i = next.fetch_add(1, Ordering::SeqCst);
                        if i >= codes.len() {
                            break;
                        }
                        n += 1;
                        let nonce = format!("crash-{round:03}-{t:02}-{n:05}-{i:06}");
                        out.push((i, nonce.clone(), submit(&a, &base, &codes[i], &nonce)));
                    }
                    out
                })
            })
            .collect();
        std::thread::sleep(Duration::from_millis(2 + rng.below(50)));
        stop.store(true, Ordering::SeqCst);
        server.kill();
        c.kills += 1;
        for t in burst {
            for (i, nonce, outcome) in t.join().expect("client thread") {
                c.submitted += 1;
                match outcome {
                    Outcome::Acked(r) => {
                        assert_eq!(r, "recorded", "a fresh code (seed {seed})");
                        c.acked.insert(i);
                        c.acked_in_burst += 1;
                    }
                    Outcome::InDoubt => {
                        c.in_doubt += 1;
                        pending.push((i, nonce));
                    }
                    Outcome::Refused(status, body) => {
                        panic!("a ballot refused with {status} (seed {seed}): {body}")
                    }
                }
            }
        }
        assert!(
            next.load(Ordering::SeqCst) < codes.len(),
            "the codes ran out: raise CODES_PER_GROUP"
        );
    }

    // Counted as staff will count it.
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let recorded = rt.block_on(async {
        let store = crate::helpers::open_as_the_binary(&url).await;
        let mut used = HashSet::new();
        for (i, code) in codes.iter().enumerate() {
            if store.open_code(code).await.expect("code").used {
                used.insert(i);
            }
        }
        let lost: Vec<_> = c.acked.difference(&used).collect();
        assert!(
            lost.is_empty(),
            "acknowledged but lost (seed {seed}): {lost:?}"
        );
        let abandoned: HashSet<usize> = c.abandoned.iter().copied().collect();
        let stray: Vec<_> = used
            .iter()
            .filter(|i| !c.acked.contains(i) && !abandoned.contains(i))
            .collect();
        assert!(
            stray.is_empty(),
            "used codes never acknowledged nor in doubt (seed {seed}): {stray:?}"
        );
        let turnout = store.turnout(&staff(), id).await.expect("turnout");
        for g in &turnout {
            assert!(g.cast <= g.issued, "more ballots than codes: {g:?}");
        }
        let cast: i64 = turnout.iter().map(|g| g.cast).sum();
        assert_eq!(cast as usize, used.len(), "one ballot per used code");
        store.close_ballot(&staff(), id).await.expect("close");
        let (_, t) = store.ballot_tally(&staff(), id).await.expect("tally");
        assert_eq!(t.cast as usize, used.len());
        assert!(t.cast as usize >= c.acked.len());
        assert!(t.over_issued().is_empty());
        for q in &t.questions {
            assert_eq!((q.valid, q.invalid), (t.cast, 0), "{}", q.title);
        }
        store.close().await;
        t.cast
    });
    // R-VOTE-3: the server's whole log, at debug level, over 50 runs, holds no code and no
    // nonce that was submitted (nor a code's hash).
    let log = std::fs::read_to_string(dir.path().join("server.log")).expect("server log");
    assert!(!log.is_empty());
    assert!(!log.contains("crash-"), "a nonce in the server's log");
    for code in codes.iter().take(next.load(Ordering::SeqCst)) {
        assert!(!log.contains(code.as_str()), "a code in the server's log");
        let hash =
            banzi_domain::audit::hex(&<sha2::Sha256 as sha2::Digest>::digest(code.as_bytes()));
        assert!(!log.contains(&hash), "a code's hash in the server's log");
    }
    println!(
        "ballot crash: {} kills, {} submitted, {} acknowledged before a kill, {} in doubt ({} retried and acknowledged, {} of them already recorded; {} abandoned), {} recorded = {} acknowledged + {} abandoned that had committed, {:.1} s, seed {seed}",
        c.kills,
        c.submitted,
        c.acked_in_burst,
        c.in_doubt,
        c.retried,
        c.retry_already,
        c.abandoned.len(),
        recorded,
        c.acked.len(),
        recorded as usize - c.acked.len(),
        started.elapsed().as_secs_f64()
    );
}
