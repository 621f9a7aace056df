//! The data check benchmark (issue 16, item 5): the province of the alerts benchmark
//! (`banzi::demo::province`: 200,000 cadres, 1,000,000 appointments) stored in SQLite, with a
//! 简历 line per appointment (the province has none: they are written from the
//! appointments, one statement, so each cadre's 简历 agrees with its career). Times the core
//! of `banzi check --data`: the store's load of the facts and the check of every record
//! (`Store::data_check`), then the JSON apart. Goal: ≤ 2 s for the core.
//! Prints figures; asserts nothing about time.
//!
//! `cargo bench --bench datacheck` (BANZI_BENCH_CADRES / BANZI_BENCH_TEAMS for other sizes;
//! BANZI_BENCH_DIR keeps the database, and reuses it when it already holds the province).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;
use common::{best, env};

use banzi_domain::datacheck::Check;
use banzi_domain::role::Actor;
use banzi_store::{Pool, Store};
use std::time::Instant;

/// One 简历 line per appointment: its months and `单位名称职务`, open while it is held.
const RESUME_FROM_APPOINTMENTS: &str = "INSERT INTO resume_lines (cadre_id, start_ym, end_ym, text) \
     SELECT a.cadre_id, replace(substr(a.start_date, 1, 7), '-', '.'), \
     replace(substr(a.end_date, 1, 7), '-', '.'), un.name || p.title \
     FROM appointments a JOIN posts p ON p.id = a.post_id JOIN teams t ON t.id = p.team_id \
     JOIN units un ON un.id = t.unit_id ORDER BY a.cadre_id, a.start_date";

fn main() {
    let cadres = env("BANZI_BENCH_CADRES", 200_000);
    let teams = env("BANZI_BENCH_TEAMS", 20_000);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let tmp = tempfile::tempdir().expect("dir");
    let dir = std::env::var_os("BANZI_BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    let url = format!("sqlite://{}", dir.join("province.db").display());
    let store = rt
        .block_on(Store::connect(
            &url,
            banzi_domain::audit::AuditKey::from_bytes([0; 32]),
        ))
        .expect("store");
    let actor = Actor::cli("bench");
    let as_of = banzi_domain::date::parse("2026-11-21").expect("date");
    let stored = rt
        .block_on(store.units(&actor))
        .map(|u| u.len())
        .unwrap_or(0);
    if stored == 0 {
        let t = Instant::now();
        let roster = banzi::demo::province(cadres, teams);
        rt.block_on(store.import_roster(&actor, &roster, &|_, _, _| {}))
            .expect("import");
        println!(
            "province of {} cadres stored in {:.1} s",
            roster.cadres.len(),
            t.elapsed().as_secs_f64()
        );
    }
    let Pool::Sqlite(pool) = store.pool() else {
        panic!("the bench runs on SQLite")
    };
    let lines: (i64,) = rt
        .block_on(sqlx::query_as("SELECT COUNT(*) FROM resume_lines").fetch_one(pool))
        .expect("count");
    if lines.0 == 0 {
        let t = Instant::now();
        rt.block_on(sqlx::query(RESUME_FROM_APPOINTMENTS).execute(pool))
            .expect("简历");
        println!("简历 written in {:.1} s", t.elapsed().as_secs_f64());
    }
    let lines: (i64,) = rt
        .block_on(sqlx::query_as("SELECT COUNT(*) FROM resume_lines").fetch_one(pool))
        .expect("count");
    let (core, report) = best(3, || {
        rt.block_on(store.data_check(&actor, as_of))
            .expect("data check")
    });
    let (json, bytes) = best(3, || banzi::check_data::json(&report).expect("json"));
    println!(
        "{} cadres, {} 简历 lines; {} findings in {} units, JSON {:.1} MB",
        report.cadres,
        lines.0,
        report.total(),
        report.groups.len(),
        bytes.len() as f64 / 1e6
    );
    for c in Check::ALL {
        println!("  {:<20} {}", c.key(), report.counts[c as usize]);
    }
    println!(
        "banzi check --data core (load + check):  {:>6.2} s (goal ≤ 2 s)",
        core.as_secs_f64()
    );
    println!(
        "  JSON, every message in zh-CN:          {:>6.2} s",
        json.as_secs_f64()
    );
}
