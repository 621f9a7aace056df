//! Latencies of one kind of request, and their percentiles.

use std::time::Duration;

#[derive(Default, Clone)]
pub struct Stats {
    /// Microseconds of every answered request of status 200.
    pub micros: Vec<u32>,
    /// Body bytes of those answers.
    pub bytes: u64,
    /// Answers of another status, or none.
    pub errors: u64,
    /// What the first of them said.
    pub first_error: Option<String>,
}

impl Stats {
    pub fn add(&mut self, took: Duration, bytes: usize) {
        self.micros
            .push(u32::try_from(took.as_micros()).unwrap_or(u32::MAX));
        self.bytes += bytes as u64;
    }

    pub fn fail(&mut self, what: String) {
        self.errors += 1;
        self.first_error.get_or_insert(what);
    }

    pub fn merge(&mut self, other: Stats) {
        self.micros.extend(other.micros);
        self.bytes += other.bytes;
        self.errors += other.errors;
        if self.first_error.is_none() {
            self.first_error = other.first_error;
        }
    }

    /// Sorts the latencies (before [`Stats::ms`]).
    pub fn sort(&mut self) {
        self.micros.sort_unstable();
    }

    /// The `p`th percentile in milliseconds (nearest rank), of sorted latencies.
    pub fn ms(&self, p: f64) -> f64 {
        if self.micros.is_empty() {
            return f64::NAN;
        }
        let rank = ((p / 100.0) * self.micros.len() as f64).ceil() as usize;
        let i = rank.clamp(1, self.micros.len()) - 1;
        f64::from(self.micros[i]) / 1000.0
    }

    pub fn max_ms(&self) -> f64 {
        self.micros
            .last()
            .map_or(f64::NAN, |m| f64::from(*m) / 1000.0)
    }

    /// Mean body size in kilobytes (1,000 bytes).
    pub fn mean_kb(&self) -> f64 {
        if self.micros.is_empty() {
            return f64::NAN;
        }
        self.bytes as f64 / self.micros.len() as f64 / 1000.0
    }
}
