//! The cadre search on a province (issue 18, item 2): `Store::search_cadres` (one page of 20
//! and the count, as the cadre list asks) by a name, by initials and by the start of an ID
//! number, alone and with ten searching at once. Prints figures; asserts nothing about time.
//!
//! `cargo bench --bench search` (the province of `cargo bench --bench check`: the same
//! BANZI_BENCH_DIR reuses its database, or makes one with BANZI_BENCH_CADRES /
//! BANZI_BENCH_TEAMS).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;
use common::{best, env};

use banzi_domain::role::Actor;
use banzi_store::{CadreFilter, Store};
use std::time::{Duration, Instant};

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let tmp = tempfile::tempdir().expect("dir");
    let dir = std::env::var_os("BANZI_BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    let url = format!("sqlite://{}", dir.join("province.db").display());
    let t = Instant::now();
    let store = rt
        .block_on(Store::connect(&url, bench_key()))
        .expect("store");
    println!(
        "opened (and migrated) in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let actor = Actor::cli("bench");
    let stored = rt
        .block_on(store.units(&actor))
        .map(|u| u.len())
        .unwrap_or(0);
    if stored == 0 {
        let roster = banzi::demo::province(
            env("BANZI_BENCH_CADRES", 200_000),
            env("BANZI_BENCH_TEAMS", 20_000),
        );
        let t = Instant::now();
        rt.block_on(store.import_roster(&actor, &roster, &|_, _, _| {}))
            .expect("import");
        println!("province stored in {:.1} s", t.elapsed().as_secs_f64());
    }
    let filter = |q: &str| CadreFilter {
        q: Some(q.into()),
        today: "2026-11-21".into(),
        per_page: 20,
        ..Default::default()
    };
    let search = |q: &str| {
        rt.block_on(store.search_cadres(&actor, &filter(q)))
            .expect("search")
    };
    for q in ["王伟", "zw", "320123", "3201231980"] {
        let (t, (rows, n)) = best(5, || search(q));
        println!(
            "search {q:<12} {:>8.1} ms  ({} found, {} on the page)",
            t.as_secs_f64() * 1e3,
            n,
            rows.len()
        );
    }
    // Ten at once, each searching ten times in turn by the three kinds of query.
    let queries = ["王伟", "zw", "320123"];
    let times: Vec<Duration> = rt.block_on(async {
        let tasks: Vec<_> = (0..10)
            .map(|i| {
                let (store, actor) = (store.clone(), actor.clone());
                tokio::spawn(async move {
                    let mut out = Vec::new();
                    for k in 0..10 {
                        let t = Instant::now();
                        let f = filter(queries[(i + k) % queries.len()]);
                        store.search_cadres(&actor, &f).await.expect("search");
                        out.push(t.elapsed());
                    }
                    out
                })
            })
            .collect();
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.expect("task"));
        }
        all
    });
    let mut times = times;
    times.sort();
    let at = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)].as_secs_f64() * 1e3;
    println!(
        "10 at once, 100 searches: p50 {:.1} ms, p99 {:.1} ms",
        at(50),
        at(99)
    );
}

/// The audit key of the benchmark's own database (the program reads its key from a file).
fn bench_key() -> banzi_domain::audit::AuditKey {
    banzi_domain::audit::AuditKey::from_bytes([0; 32])
}
