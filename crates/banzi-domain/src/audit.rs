//! 审计 — R-SEC-3: every write and every export of personal data, hash-chained.
//!
//! Each entry's hash covers its own fields and the previous entry's hash, so an edited,
//! deleted, inserted or reordered row breaks the chain at (or right after) that row. The
//! head (last sequence number and hash) is kept apart so that deleting the newest rows is
//! caught too.

use crate::message;
use crate::msg::Msg;
use sha2::{Digest, Sha256};

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuditEntry {
    pub seq: i64,
    /// RFC 3339 UTC time of the write.
    pub at: String,
    /// Login of the actor (or `system`, `import`, `cli:…`).
    pub actor: String,
    /// What was done, e.g. `cadre.update`, `appointment.create`, `export.roster`.
    pub action: String,
    /// The kind of record, e.g. `cadre`.
    pub entity: String,
    /// Its key (a code or ID number).
    pub key: String,
    /// JSON of the record before (empty for a create or an export).
    pub before: String,
    /// JSON of the record after (empty for a delete).
    pub after: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The fields an entry is made from; `seal` adds the sequence number and the hashes.
#[derive(Debug, Clone)]
pub struct AuditDraft {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub key: String,
    pub before: String,
    pub after: String,
}

impl AuditDraft {
    pub fn seal(self, seq: i64, prev_hash: &str) -> AuditEntry {
        let mut e = AuditEntry {
            seq,
            at: self.at,
            actor: self.actor,
            action: self.action,
            entity: self.entity,
            key: self.key,
            before: self.before,
            after: self.after,
            prev_hash: prev_hash.to_string(),
            hash: String::new(),
        };
        e.hash = entry_hash(&e);
        e
    }
}

/// SHA-256 over the length-prefixed fields and the previous hash, hex.
pub fn entry_hash(e: &AuditEntry) -> String {
    let mut h = Sha256::new();
    let seq = e.seq.to_string();
    for field in [
        seq.as_str(),
        &e.at,
        &e.actor,
        &e.action,
        &e.entity,
        &e.key,
        &e.before,
        &e.after,
        &e.prev_hash,
    ] {
        h.update((field.len() as u64).to_be_bytes());
        h.update(field.as_bytes());
    }
    hex(&h.finalize())
}

/// Lower-case hex without a formatter call per byte (hashing is on the import's hot path).
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    out
}

/// Where the chain breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainBreak {
    /// The sequence number of the first entry that does not verify.
    pub seq: i64,
    pub reason: Msg,
}

impl ChainBreak {
    /// `第 {seq} 条审计记录：{reason}`.
    pub fn msg(&self) -> Msg {
        message!(
            "reg-audit-entry",
            seq = self.seq,
            reason = self.reason.clone()
        )
    }
}

/// For logs: the message's id and arguments.
impl std::fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.msg())
    }
}

/// Walks the chain in storage order (by seq) and checks it ends at `head`
/// (`(seq, hash)` of the newest entry, or `(0, GENESIS)` for an empty trail).
pub fn verify_chain<'a>(
    entries: impl IntoIterator<Item = &'a AuditEntry>,
    head: (i64, &str),
) -> Result<u64, ChainBreak> {
    let mut prev_seq = 0i64;
    let mut prev_hash = GENESIS.to_string();
    let mut n = 0u64;
    for e in entries {
        if e.seq != prev_seq + 1 {
            return Err(ChainBreak {
                seq: prev_seq + 1,
                reason: message!("reg-audit-seq-gap", expected = prev_seq + 1, found = e.seq),
            });
        }
        if e.prev_hash != prev_hash {
            return Err(ChainBreak {
                seq: e.seq,
                reason: Msg::new("reg-audit-link-broken"),
            });
        }
        if entry_hash(e) != e.hash {
            return Err(ChainBreak {
                seq: e.seq,
                reason: Msg::new("reg-audit-hash-mismatch"),
            });
        }
        prev_seq = e.seq;
        prev_hash = e.hash.clone();
        n += 1;
    }
    if (prev_seq, prev_hash.as_str()) != head {
        return Err(ChainBreak {
            seq: prev_seq + 1,
            reason: message!(
                "reg-audit-head-missing",
                expected = head.0,
                found = prev_seq
            ),
        });
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditEntry> {
        let mut out: Vec<AuditEntry> = Vec::new();
        for i in 1..=n {
            let prev = out.last().map(|e| e.hash.clone()).unwrap_or(GENESIS.into());
            out.push(
                AuditDraft {
                    at: format!("2026-01-01T00:00:0{i}Z"),
                    actor: "staff".into(),
                    action: "cadre.update".into(),
                    entity: "cadre".into(),
                    key: format!("K{i}"),
                    before: "{}".into(),
                    after: format!("{{\"n\":{i}}}"),
                }
                .seal(i, &prev),
            );
        }
        out
    }

    fn head(c: &[AuditEntry]) -> (i64, &str) {
        c.last()
            .map(|e| (e.seq, e.hash.as_str()))
            .unwrap_or((0, GENESIS))
    }

    #[test]
    fn hex_is_lower_case_and_padded() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa0, 0xff]), "000fa0ff");
    }

    // R-SEC-3
    #[test]
    fn an_intact_chain_verifies() {
        let c = chain(5);
        assert_eq!(verify_chain(&c, head(&c)), Ok(5));
        assert_eq!(verify_chain(&[], (0, GENESIS)), Ok(0));
    }

    #[test]
    fn an_edited_row_is_named() {
        let mut c = chain(5);
        let h = (5, c[4].hash.clone());
        c[2].after = "{\"n\":99}".into();
        let e = verify_chain(&c, (h.0, &h.1)).unwrap_err();
        assert_eq!(
            e.msg(),
            message!(
                "reg-audit-entry",
                seq = 3,
                reason = Msg::new("reg-audit-hash-mismatch")
            )
        );
    }

    #[test]
    fn a_deleted_or_swapped_row_is_named() {
        let c = chain(5);
        let h = (5, c[4].hash.clone());
        let mut deleted = c.clone();
        deleted.remove(1);
        let e = verify_chain(&deleted, (h.0, &h.1)).unwrap_err();
        assert_eq!(e.seq, 2);
        assert_eq!(
            e.reason,
            message!("reg-audit-seq-gap", expected = 2, found = 3)
        );
        let mut swapped = c.clone();
        swapped.swap(2, 3);
        assert_eq!(verify_chain(&swapped, (h.0, &h.1)).unwrap_err().seq, 3);
        // Renumbering after a swap still breaks the links.
        let (a, b) = (swapped[2].seq, swapped[3].seq);
        swapped[2].seq = b;
        swapped[3].seq = a;
        let e = verify_chain(&swapped, (h.0, &h.1)).unwrap_err();
        assert_eq!((e.seq, e.reason), (3, Msg::new("reg-audit-link-broken")));
    }

    #[test]
    fn deleting_the_newest_rows_is_caught_by_the_head() {
        let mut c = chain(5);
        let h = (5, c[4].hash.clone());
        c.truncate(3);
        let e = verify_chain(&c, (h.0, &h.1)).unwrap_err();
        assert_eq!(e.seq, 4);
        assert_eq!(
            e.reason,
            message!("reg-audit-head-missing", expected = 5, found = 3)
        );
    }
}
