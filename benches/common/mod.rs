//! What the benches share.

use std::time::{Duration, Instant};

/// Runs `f` `runs` times; the shortest time and the last result.
#[allow(dead_code)] // not every bench times a closure
pub fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut out = None;
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed());
        out = Some(v);
    }
    (best, out.expect("at least one run"))
}

/// A size from the environment (`BANZI_BENCH_…`), or `default`.
#[allow(dead_code)] // not every bench reads one
pub fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
