//! Keys of the roster while indexing: a fast hash, codes packed inline, lookups that
//! remember the last key, interned words and spans of sorted rows.

use super::facts::Span;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A fast hash for the roster's keys (codes and ID numbers, from our own database): SipHash's
/// protection against chosen keys is not needed here, and a province hashes millions of them.
#[derive(Default, Clone, Copy)]
pub(super) struct Fx(u64);

impl Fx {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let mut w = [0u8; 8];
        let rest = chunks.remainder();
        w[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(w) ^ (bytes.len() as u64) << 56);
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    /// The murmur3 finaliser: the multiply above leaves the low bits, which pick the bucket,
    /// depending on the low bits of the input only.
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

pub(super) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// A code or 身份证号 packed inline, zero-padded, as big-endian words: codes are at most 40
/// ASCII characters (M1), so keys compare and hash without following a pointer, and order as
/// the strings do, a word at a time.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct Key([u64; 5]);

impl Key {
    /// The first 40 bytes; the whole code when `fits`.
    fn prefix(s: &str) -> Key {
        let mut bytes = [0u8; 40];
        let n = s.len().min(40);
        bytes[..n].copy_from_slice(&s.as_bytes()[..n]);
        let mut k = [0u64; 5];
        for (w, chunk) in k.iter_mut().zip(bytes.chunks_exact(8)) {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            *w = u64::from_be_bytes(b);
        }
        Key(k)
    }
    fn fits(s: &str) -> bool {
        s.len() <= 40 && !s.as_bytes().contains(&0)
    }
}

/// Code → position, the first row of a code winning. Codes that do not fit a [`Key`] (none
/// do, from a checked roster) are kept apart by their full text.
pub(super) struct Index<'a> {
    inline: FxMap<Key, u32>,
    long: FxMap<&'a str, u32>,
}

impl<'a> Index<'a> {
    pub(super) fn new(codes: impl Iterator<Item = &'a str>) -> Self {
        let mut ix = Index {
            inline: FxMap::default(),
            long: FxMap::default(),
        };
        for (i, c) in codes.enumerate() {
            if Key::fits(c) {
                ix.inline.entry(Key::prefix(c)).or_insert(i as u32);
            } else {
                ix.long.entry(c).or_insert(i as u32);
            }
        }
        ix
    }
    pub(super) fn get(&self, code: &str) -> Option<u32> {
        if Key::fits(code) {
            self.inline.get(&Key::prefix(code)).copied()
        } else {
            self.long.get(code).copied()
        }
    }
}

/// Rows put in the order of their code: the positions of the rows kept, and each row's rank
/// (its place among them). Of rows sharing a code the first is kept, and the others take its
/// rank, so what refers to them refers to it, as a lookup by code would.
pub(super) struct Ranks {
    /// Positions of the rows kept, by code.
    pub order: Vec<u32>,
    /// Rank of each row by position; [`Ranks::NONE`] for a row left out.
    pub rank: Vec<u32>,
}

impl Ranks {
    pub const NONE: u32 = u32::MAX;

    /// Ranks `n` rows by `code(i)`; a row whose code is `None` is left out.
    pub(super) fn by_code<'a>(n: usize, code: impl Fn(usize) -> Option<&'a str>) -> Ranks {
        let mut keyed: Vec<(Key, u32)> = (0..n)
            .filter_map(|i| code(i).map(|c| (Key::prefix(c), i as u32)))
            .collect();
        let full = |i: u32| code(i as usize).unwrap_or_default();
        keyed.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| full(a.1).cmp(full(b.1)))
                .then(a.1.cmp(&b.1))
        });
        let mut order: Vec<u32> = Vec::with_capacity(keyed.len());
        let mut rank = vec![Ranks::NONE; n];
        let mut last: Option<(Key, u32)> = None;
        for (k, i) in keyed {
            if let Some((lk, li)) = last
                && lk == k
                && (Key::fits(full(i)) || full(li) == full(i))
            {
                rank[i as usize] = rank[li as usize];
                continue;
            }
            rank[i as usize] = order.len() as u32;
            order.push(i);
            last = Some((k, i));
        }
        Ranks { order, rank }
    }

    /// The rank of the row at `position`, if it was kept or repeats one kept.
    pub(super) fn of(&self, position: u32) -> Option<u32> {
        self.rank
            .get(position as usize)
            .copied()
            .filter(|&r| r != Ranks::NONE)
    }
}

/// A date as one integer that orders as the date does (years are 1900..=2200 in a roster):
/// sort keys built from it compare in one instruction instead of field by field.
pub(crate) fn day_key(d: crate::date::Date) -> u32 {
    (i32::from(d.year()) * 512 + i32::from(d.month()) * 32 + i32::from(d.day())).unsigned_abs()
}

/// Looks keys up, remembering the last one: rows of one cadre usually come together.
pub(super) struct Lookup<'a> {
    map: &'a Index<'a>,
    last: Option<(&'a str, Option<u32>)>,
}

impl<'a> Lookup<'a> {
    pub(super) fn new(map: &'a Index<'a>) -> Self {
        Lookup { map, last: None }
    }
    pub(super) fn get(&mut self, key: &'a str) -> Option<u32> {
        if let Some((k, v)) = self.last
            && k == key
        {
            return v;
        }
        let v = self.map.get(key);
        self.last = Some((key, v));
        v
    }
}

/// Sets the span of each owner over a sequence sorted by owner.
pub(super) fn set_spans(owners: impl Iterator<Item = u32>, mut set: impl FnMut(u32, Span)) {
    let mut cur: Option<(u32, u32)> = None;
    let mut n = 0u32;
    for o in owners {
        match cur {
            Some((c, lo)) if c != o => {
                set(c, Span { lo, hi: n });
                cur = Some((o, n));
            }
            None => cur = Some((o, n)),
            _ => {}
        }
        n += 1;
    }
    if let Some((c, lo)) = cur {
        set(c, Span { lo, hi: n });
    }
}

#[derive(Default)]
pub(super) struct Interner {
    ix: FxMap<String, u32>,
    pub(super) words: Vec<String>,
}

impl Interner {
    pub(super) fn get(&mut self, w: &str) -> u32 {
        if let Some(&i) = self.ix.get(w) {
            return i;
        }
        let i = self.words.len() as u32;
        self.words.push(w.to_string());
        self.ix.insert(w.to_string(), i);
        i
    }
}
