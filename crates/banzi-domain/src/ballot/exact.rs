//! Exact arithmetic for the weighted ratings (R-VOTE-6): a product of a thousand weights and
//! counts outgrows any machine integer, and a score must not depend on rounding on the way.

/// A natural number of any size: base-2⁶⁴ digits, least significant first, without a
/// leading zero digit, so that a longer number is a larger one (`Ord`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Nat(Vec<u64>);

impl Nat {
    pub(super) fn new(n: u128) -> Nat {
        Nat(vec![n as u64, (n >> 64) as u64]).trimmed()
    }

    fn trimmed(mut self) -> Nat {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        self
    }

    pub(super) fn add(&self, other: &Nat) -> Nat {
        let len = self.0.len().max(other.0.len());
        let mut out = Vec::with_capacity(len + 1);
        let mut carry = 0u128;
        for i in 0..len {
            let a = self.0.get(i).copied().unwrap_or(0);
            let b = other.0.get(i).copied().unwrap_or(0);
            let s = u128::from(a) + u128::from(b) + carry;
            out.push(s as u64);
            carry = s >> 64;
        }
        out.push(carry as u64);
        Nat(out).trimmed()
    }

    pub(super) fn mul(&self, other: &Nat) -> Nat {
        let mut out = vec![0u64; self.0.len() + other.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u128;
            for (j, &b) in other.0.iter().enumerate() {
                // ≤ (2⁶⁴−1)² + 2·(2⁶⁴−1) = 2¹²⁸ − 1: no overflow.
                let t = u128::from(a) * u128::from(b) + u128::from(out[i + j]) + carry;
                out[i + j] = t as u64;
                carry = t >> 64;
            }
            out[i + other.0.len()] = carry as u64;
        }
        Nat(out).trimmed()
    }
}

impl PartialOrd for Nat {
    fn partial_cmp(&self, other: &Nat) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Nat {
    fn cmp(&self, other: &Nat) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod nat_tests {
    use super::Nat;

    #[test]
    fn nat_agrees_with_u128_where_it_fits() {
        let xs = [
            0u128,
            1,
            7,
            u64::MAX as u128,
            1 << 64,
            (1 << 64) + 3,
            1 << 100,
        ];
        for &a in &xs {
            for &b in &xs {
                assert_eq!(Nat::new(a).add(&Nat::new(b)), Nat::new(a + b), "{a}+{b}");
                if let Some(p) = a.checked_mul(b) {
                    assert_eq!(Nat::new(a).mul(&Nat::new(b)), Nat::new(p), "{a}*{b}");
                }
                assert_eq!(Nat::new(a).cmp(&Nat::new(b)), a.cmp(&b), "{a}<>{b}");
            }
        }
        // (2¹²⁸−1)² = 2²⁵⁶ − 2¹²⁹ + 1.
        let m = Nat::new(u128::MAX);
        assert_eq!(m.mul(&m).0, vec![1, 0, u64::MAX - 1, u64::MAX]);
    }
}
