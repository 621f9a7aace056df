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

/// A code or 身份证号 packed inline, zero-padded: codes are at most 40 ASCII characters (M1),
/// so keys compare and hash without following a pointer, and order as the strings do.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct Key([u8; 40]);

impl Key {
    /// The first 40 bytes; the whole code when `fits`.
    fn prefix(s: &str) -> Key {
        let mut k = [0u8; 40];
        let n = s.len().min(40);
        k[..n].copy_from_slice(&s.as_bytes()[..n]);
        Key(k)
    }
    fn fits(s: &str) -> bool {
        s.len() <= 40 && !s.as_bytes().contains(&0)
    }
}

/// Code → position. Codes that do not fit a [`Key`] (none do, from a checked roster) are kept
/// apart by their full text.
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
                ix.inline.insert(Key::prefix(c), i as u32);
            } else {
                ix.long.insert(c, i as u32);
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

/// Rows in the order of their code, the first of rows sharing a code kept and the others
/// dropped.
pub(super) fn by_code<'a, T: Copy>(rows: Vec<T>, code: impl Fn(T) -> &'a str) -> Vec<T> {
    let mut keyed: Vec<(Key, u32)> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (Key::prefix(code(*r)), i as u32))
        .collect();
    let full = |i: u32| code(rows[i as usize]);
    keyed.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| full(a.1).cmp(full(b.1)))
            .then(a.1.cmp(&b.1))
    });
    let mut out: Vec<T> = Vec::with_capacity(rows.len());
    let mut last: Option<(Key, u32)> = None;
    for (k, i) in keyed {
        if let Some((lk, li)) = last
            && lk == k
            && (Key::fits(full(i)) || full(li) == full(i))
        {
            continue;
        }
        out.push(rows[i as usize]);
        last = Some((k, i));
    }
    out
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
