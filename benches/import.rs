//! The roster import benchmark (issue: a 100,000-cadre workbook imports in no more than twice
//! the time calamine alone takes to read it). Prints figures; asserts nothing.
//!
//! `cargo bench --bench import` (BANZI_BENCH_CADRES to change the size, default 100000).

// The allocator of the `banzi` binary, so that the figures are those of the program.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;
use common::best;

use banzi_domain::role::Actor;
use banzi_store::Store;
use calamine::{Reader, Xlsx};
use std::time::{Duration, Instant};

fn calamine_alone(bytes: &[u8]) -> usize {
    let mut x: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("xlsx");
    let mut cells = 0;
    for name in x.sheet_names() {
        cells += x.worksheet_range(&name).expect("sheet").get_size().0;
    }
    cells
}

fn main() {
    let n: usize = std::env::var("BANZI_BENCH_CADRES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let roster = banzi::demo::big_roster(n);
    let bytes = banzi_io::write_roster(&roster, &|_| {}).expect("write");
    println!(
        "workbook: {} cadres, {} appointments, {} trainings, {:.1} MB",
        roster.cadres.len(),
        roster.appointments.len(),
        roster.trainings.len(),
        bytes.len() as f64 / 1e6
    );
    let (cal, _) = best(3, || calamine_alone(&bytes));
    let (read, parsed) = best(3, || banzi_io::read_roster(&bytes, &|_| {}).expect("read"));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let dir = tempfile::tempdir().expect("dir");
    // BANZI_BENCH_DIR keeps the database for a look afterwards (it must be empty).
    let keep = std::env::var_os("BANZI_BENCH_DIR").map(std::path::PathBuf::from);
    let path = keep.unwrap_or_else(|| dir.path().to_path_buf());
    let url = format!("sqlite://{}", path.join("bench.db").display());
    let store = rt
        .block_on(Store::connect(&url, bench_key()))
        .expect("store");
    let actor = Actor::cli("bench");
    if std::env::var("BANZI_BENCH_PAUSE").is_ok() {
        // Lets a profiler attach to the write phase alone.
        eprintln!("pid {} writing in 3 s", std::process::id());
        std::thread::sleep(Duration::from_secs(3));
    }
    // The write alone: a roster already in memory.
    let t = Instant::now();
    let summary = rt
        .block_on(store.import_roster(&actor, &parsed.0, &|_, _, _| {}))
        .expect("import");
    let write = t.elapsed();
    let size = |dir: &std::path::Path, f: &str| {
        std::fs::metadata(dir.join(f)).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    };
    println!(
        "database after import: {:.0} MB (+ {:.0} MB WAL)",
        size(&path, "bench.db"),
        size(&path, "bench.db-wal")
    );
    let t = Instant::now();
    let again = rt
        .block_on(store.import_roster(&actor, &parsed.0, &|_, _, _| {}))
        .expect("re-import");
    let reimport = t.elapsed();
    assert_eq!(again.total(), 0);
    // End to end as `banzi import` does it: the file read on one thread while the parts
    // read so far are written, into a fresh database each run.
    let mut total = Duration::MAX;
    let mut streamed = None;
    for _ in 0..3 {
        let fresh = tempfile::tempdir().expect("dir");
        let url = format!("sqlite://{}", fresh.path().join("e2e.db").display());
        let store = rt
            .block_on(Store::connect(&url, bench_key()))
            .expect("store");
        let bytes = bytes.clone();
        let t = Instant::now();
        let (mut feed, reader) = banzi_io::spawn_reader(bytes, |_| {});
        let s = rt
            .block_on(store.import_feed(&actor, &mut feed, &|_, _, _| {}))
            .expect("streamed import");
        reader.join().expect("reader");
        total = total.min(t.elapsed());
        rt.block_on(store.close());
        streamed = Some(s);
    }
    let streamed = streamed.expect("three runs");
    assert_eq!(streamed.total(), summary.total());
    println!("calamine alone:          {:>8.2} s", cal.as_secs_f64());
    println!(
        "read_roster (checked):   {:>8.2} s  ({:.2}× calamine)",
        read.as_secs_f64(),
        read.as_secs_f64() / cal.as_secs_f64()
    );
    println!(
        "store import (SQLite):   {:>8.2} s  ({} rows written)",
        write.as_secs_f64(),
        summary.total()
    );
    println!(
        "import end to end:       {:>8.2} s  ({:.2}× calamine; read and write overlapped)",
        total.as_secs_f64(),
        total.as_secs_f64() / cal.as_secs_f64()
    );
    println!("re-import (no changes):  {:>8.2} s", reimport.as_secs_f64());
    // The goal is judged here, on a release build of the program, not in a test: a test's
    // timing says more about what else the machine is doing than about the code.
    let ratio = total.as_secs_f64() / cal.as_secs_f64();
    println!(
        "goal (end to end ≤ 2× calamine): {}",
        if ratio <= 2.0 { "met" } else { "NOT met" }
    );
}

/// The audit key of the benchmark's own database (the program reads its key from a file).
fn bench_key() -> banzi_domain::audit::AuditKey {
    banzi_domain::audit::AuditKey::from_bytes([0; 32])
}
