//! The alerts benchmark (issue 3): a province of 200,000 cadres, 20,000 teams and 1,000,000
//! appointments stored in SQLite; times `banzi check` end to end (load, index, evaluate, JSON)
//! and the rule evaluation alone, and building and wording every message in zh-CN (done as
//! the JSON is written).
//! Prints figures; asserts nothing about time.
//!
//! `cargo bench --bench check` (BANZI_BENCH_CADRES / BANZI_BENCH_TEAMS for other sizes;
//! BANZI_BENCH_DIR keeps the database, and reuses it when it already holds the province;
//! BANZI_BENCH_JSON=FILE writes the JSON, to compare two versions).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;
use common::{best, env};

use banzi_domain::role::Actor;
use banzi_domain::rules::{self, Facts, Report};
use banzi_i18n::{Lang, Tr};
use banzi_store::Store;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The JSON of `banzi check --format json`, compact: the messages worded in zh-CN and
/// written on as many threads as `banzi check` uses.
fn json_of(report: &Report) -> Vec<u8> {
    let zh = Tr::new(Lang::ZhCn);
    report.to_json(|m| zh.msg(&m), false).expect("json")
}

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
        .block_on(Store::connect(&url, bench_key()))
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
        println!(
            "province: {} units, {} posts, {} cadres, {} appointments, {} portfolios, {} trainings (generated in {:.1} s)",
            roster.units.len(),
            roster.posts.len(),
            roster.cadres.len(),
            roster.appointments.len(),
            roster.portfolios.len(),
            roster.trainings.len(),
            t.elapsed().as_secs_f64()
        );
        let t = Instant::now();
        rt.block_on(store.import_roster(&actor, &roster, &|_, _, _| {}))
            .expect("import");
        println!("stored in {:.1} s", t.elapsed().as_secs_f64());
    }
    // End to end as `banzi check --format json` runs it, after the process has started.
    let mut json_time = Duration::MAX;
    let mut json = Vec::new();
    let (e2e, alerts) = best(3, || {
        let report = rt.block_on(store.check(&actor, as_of)).expect("check");
        let t = Instant::now();
        json = json_of(&report);
        json_time = json_time.min(t.elapsed());
        (report.alerts.len(), json.len())
    });
    // To compare the output of two versions byte for byte.
    if let Some(path) = std::env::var_os("BANZI_BENCH_JSON") {
        std::fs::write(path, &json).expect("write the JSON");
    }
    drop(json);
    // The parts: loading the registry, indexing it, evaluating the rules.
    let (load, rows) = best(3, || rt.block_on(store.rule_rows(&actor)).expect("load"));
    let mut index = Duration::MAX;
    let mut facts = Arc::new(Facts::default());
    for _ in 0..3 {
        let rows = rows.clone();
        let t = Instant::now();
        facts = Arc::new(Facts::from_rows(
            rows,
            rules::Params::default().join_gap_days,
        ));
        index = index.min(t.elapsed());
    }
    let params = rules::Params::default();
    let (eval, report) = best(5, || rules::evaluate(&facts, &params, as_of));
    // Messages are built and worded when the alerts are read: all of them for `banzi check`
    // (inside its JSON figure above), fifty for a page of the alert list.
    let zh = Tr::new(Lang::ZhCn);
    let (messages, _) = best(3, || report.alerts.messages_with(|m| zh.msg(&m)));
    let (built, _) = best(3, || report.alerts.messages());
    let (structure, _) = best(3, || rules::structure(&facts, &params, as_of));
    println!(
        "{} alerts ({} violations, {} warnings, {} notices), JSON {:.1} MB",
        alerts.0,
        report.summary.levels.violation,
        report.summary.levels.warning,
        report.summary.levels.notice,
        alerts.1 as f64 / 1e6
    );
    println!("banzi check end to end:   {:>6.2} s", e2e.as_secs_f64());
    println!(
        "  JSON:                       {:>6.2} s",
        json_time.as_secs_f64()
    );
    println!(
        "  load (rows for the rules):  {:>6.2} s",
        load.as_secs_f64()
    );
    println!(
        "  index (Facts::from_rows):   {:>6.2} s",
        index.as_secs_f64()
    );
    println!(
        "  rule evaluation alone:      {:>6.3} s",
        eval.as_secs_f64()
    );
    println!(
        "  every message written (in JSON): {:>6.3} s",
        messages.as_secs_f64()
    );
    println!(
        "    of which built (Msg only):    {:>6.3} s",
        built.as_secs_f64()
    );
    println!(
        "structure (R-STRUCT-1):       {:>6.3} s",
        structure.as_secs_f64()
    );
}

/// The audit key of the benchmark's own database (the program reads its key from a file).
fn bench_key() -> banzi_domain::audit::AuditKey {
    banzi_domain::audit::AuditKey::from_bytes([0; 32])
}
