//! Codes guessed from one source (R-VOTE-2; issue 14, item 11). A code is 120 random bits,
//! so guessing one is hopeless, but a phone or a script sending codes wholesale still costs
//! the server a lookup each and fills its answers with 票码无效. Invalid codes are counted
//! per source address: the first [`Limits::free`] cost nothing, each one after that is
//! answered later and later (doubling from [`Limits::first_delay_ms`], at most
//! [`Limits::max_delay_ms`]), and after [`Limits::refuse_after`] the source is refused
//! anything, a valid code too, for [`Limits::refusal_ms`]. Counts are forgotten after
//! [`Limits::window_ms`] without an invalid code. A valid code from another source is never
//! slowed. A code scanned from its slip is never invalid, so a voter meets none of this.
//!
//! Pure: the caller gives the time (milliseconds from any fixed start) and the source's key
//! (an address, or an IPv6 prefix). At most [`Limits::sources`] sources are remembered;
//! past that the one idle longest is forgotten, so a flood of addresses cannot grow memory.

use std::collections::HashMap;
use std::hash::Hash;

/// The bounds of the guessing allowed one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Invalid codes answered at once (a code typed by hand and mistyped).
    pub free: u32,
    /// The delay of the first answer after those, doubled for each further one.
    pub first_delay_ms: u64,
    pub max_delay_ms: u64,
    /// Invalid codes after which the source is refused everything.
    pub refuse_after: u32,
    pub refusal_ms: u64,
    /// How long a source's count is kept after its last invalid code.
    pub window_ms: u64,
    /// Sources remembered at once.
    pub sources: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            free: 3,
            first_delay_ms: 100,
            max_delay_ms: 1_600,
            refuse_after: 10,
            refusal_ms: 15 * 60 * 1000,
            window_ms: 60 * 60 * 1000,
            sources: 10_000,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Source {
    bad: u32,
    last_ms: u64,
    refused_until_ms: u64,
}

/// The invalid codes of every source seen lately.
#[derive(Debug)]
pub struct Guesses<K> {
    limits: Limits,
    sources: HashMap<K, Source>,
}

impl<K: Hash + Eq + Clone> Guesses<K> {
    pub fn new(limits: Limits) -> Guesses<K> {
        Guesses {
            limits,
            sources: HashMap::new(),
        }
    }

    /// Before a code from `key` is looked up: `Err(ms)` while the source is refused, with
    /// how long it still is.
    pub fn check(&mut self, key: &K, now_ms: u64) -> Result<(), u64> {
        let Some(s) = self.sources.get(key).copied() else {
            return Ok(());
        };
        if now_ms < s.refused_until_ms {
            return Err(s.refused_until_ms - now_ms);
        }
        if now_ms.saturating_sub(s.last_ms) > self.limits.window_ms {
            self.sources.remove(key);
        }
        Ok(())
    }

    /// An invalid code from `key`, counted: how long to wait before answering it.
    pub fn invalid(&mut self, key: &K, now_ms: u64) -> u64 {
        if !self.sources.contains_key(key) && self.sources.len() >= self.limits.sources {
            self.forget_one(now_ms);
        }
        let l = self.limits;
        let s = self.sources.entry(key.clone()).or_insert(Source {
            bad: 0,
            last_ms: now_ms,
            refused_until_ms: 0,
        });
        if now_ms.saturating_sub(s.last_ms) > l.window_ms {
            s.bad = 0;
        }
        s.bad = s.bad.saturating_add(1);
        s.last_ms = now_ms;
        if s.bad >= l.refuse_after {
            s.refused_until_ms = now_ms.saturating_add(l.refusal_ms);
        }
        delay(l, s.bad)
    }

    /// Sources counted now.
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// Forgets the sources past their window and, if none was, the one idle longest.
    fn forget_one(&mut self, now_ms: u64) {
        let l = self.limits;
        self.sources.retain(|_, s| {
            now_ms < s.refused_until_ms || now_ms.saturating_sub(s.last_ms) <= l.window_ms
        });
        if self.sources.len() < l.sources {
            return;
        }
        if let Some(k) = self
            .sources
            .iter()
            .min_by_key(|(_, s)| s.last_ms.max(s.refused_until_ms))
            .map(|(k, _)| k.clone())
        {
            self.sources.remove(&k);
        }
    }
}

/// The delay of the answer to a source's `bad`-th invalid code.
fn delay(l: Limits, bad: u32) -> u64 {
    if bad <= l.free {
        return 0;
    }
    let doublings = (bad - l.free - 1).min(32);
    l.first_delay_ms
        .saturating_mul(1u64 << doublings)
        .min(l.max_delay_ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_codes_are_answered_later_and_later_then_the_source_is_refused() {
        let l = Limits::default();
        let mut g = Guesses::new(l);
        let (phone, other) = ("10.0.0.7", "10.0.0.8");
        let mut t = 1_000;
        let delays: Vec<u64> = (0..l.refuse_after)
            .map(|_| {
                assert_eq!(g.check(&phone, t), Ok(()));
                t += 10;
                g.invalid(&phone, t)
            })
            .collect();
        assert_eq!(delays, [0, 0, 0, 100, 200, 400, 800, 1_600, 1_600, 1_600]);
        // Refused everything now, for the refusal's length, whatever it sends.
        assert_eq!(g.check(&phone, t), Err(l.refusal_ms));
        assert_eq!(g.check(&phone, t + l.refusal_ms - 1), Err(1));
        // Another source is not slowed.
        assert_eq!(g.check(&other, t), Ok(()));
        assert_eq!(g.invalid(&other, t), 0);
        // After the refusal the count goes on: the next invalid code refuses it again.
        let after = t + l.refusal_ms;
        assert_eq!(g.check(&phone, after), Ok(()));
        assert_eq!(g.invalid(&phone, after), l.max_delay_ms);
        assert!(g.check(&phone, after).is_err());
    }

    #[test]
    fn a_count_is_forgotten_after_its_window() {
        let l = Limits::default();
        let mut g = Guesses::new(l);
        for _ in 0..l.free + 2 {
            g.invalid(&"a", 0);
        }
        assert_eq!(g.invalid(&"a", l.window_ms), 400, "still within the window");
        let later = 2 * l.window_ms + 1;
        assert_eq!(g.check(&"a", later), Ok(()));
        assert!(g.is_empty(), "forgotten");
        assert_eq!(g.invalid(&"a", later), 0);
    }

    #[test]
    fn a_flood_of_sources_keeps_memory_bounded_and_refusals_last() {
        let l = Limits {
            sources: 100,
            ..Limits::default()
        };
        let mut g = Guesses::new(l);
        for _ in 0..l.refuse_after {
            g.invalid(&0u32, 0);
        }
        for k in 1..1_000u32 {
            g.invalid(&k, u64::from(k));
            assert!(g.len() <= l.sources);
        }
        // The refused source was idle longest by its last code, but its refusal runs on.
        assert!(g.check(&0, 2_000).is_err());
    }
}
