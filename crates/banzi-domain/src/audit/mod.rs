//! 审计 — R-SEC-3: every write and every export of personal data, hash-chained.
//!
//! Each entry's hash covers its own fields and the previous entry's hash, so an edited,
//! deleted, inserted or reordered row breaks the chain at (or right after) that row. The
//! hash is an HMAC-SHA256 under a key kept outside the database ([`AuditKey`]): whoever can
//! write the database but not read the key cannot recompute the chain after an edit. The
//! head (last sequence number and hash) is kept apart so that deleting the newest rows is
//! caught too, and an [`Anchor`] the auditor wrote down (a head of the past) catches a trail
//! cut back to an older head.

mod diff;
mod key;
mod mask;

pub use diff::{FieldChange, changes, changes_as_shown};
pub use key::AuditKey;
pub use mask::{mask_digit_runs, mask_entry, mask_id_numbers};

use crate::message;
use crate::msg::Msg;
use hmac::Mac;
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
    /// The entry at `seq` after `prev_hash`, its hash keyed with `key`.
    pub fn seal(self, key: &AuditKey, seq: i64, prev_hash: &str) -> AuditEntry {
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
        e.hash = entry_hash(key, &e);
        e
    }
}

/// Whether an entry of `action` may change what the structure analysis and the alerts read:
/// the registry and the rule parameters. Reads, exports, sign-ins, accounts, ballots, saved
/// listings and the trail's own key do not; every other action, one added later included,
/// counts as a change, so a kept analysis is never served after a change it did not see
/// (issue 18: keyed by the whole head, each search or sign-in threw a province's analysis
/// away).
pub fn changes_registry(action: &str) -> bool {
    const UNCHANGING: [&str; 7] = [
        "read.", "export.", "session.", "user.", "audit.", "ballot.", "listing.",
    ];
    !UNCHANGING.iter().any(|p| action.starts_with(p))
}

/// HMAC-SHA256 under `key` over the length-prefixed fields and the previous hash, hex.
pub fn entry_hash(key: &AuditKey, e: &AuditEntry) -> String {
    let mut h = key.mac();
    fields(e, |b| h.update(b));
    hex(&h.finalize().into_bytes())
}

/// The hash of a trail written before the key existed: plain SHA-256 over the same fields.
/// Only read to re-key such a trail once (see `banzi_store`), never written.
pub fn unkeyed_hash(e: &AuditEntry) -> String {
    let mut h = Sha256::new();
    fields(e, |b| h.update(b));
    hex(&h.finalize())
}

/// The fields an entry's hash covers, each length-prefixed, in order.
fn fields(e: &AuditEntry, mut out: impl FnMut(&[u8])) {
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
        out(&(field.len() as u64).to_be_bytes());
        out(field.as_bytes());
    }
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

/// A head the auditor wrote down (`banzi audit head`): the trail must still reach entry
/// `seq`, and that entry must still have `hash`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub seq: i64,
    pub hash: String,
}

impl Anchor {
    /// `SEQ:HASH` as `banzi audit head` prints it (64 hex digits, either case).
    pub fn parse(s: &str) -> Option<Anchor> {
        let (seq, hash) = s.trim().split_once(':')?;
        let seq: i64 = seq.trim().parse().ok().filter(|n| *n > 0)?;
        let hash = hash.trim().to_ascii_lowercase();
        (hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
            .then_some(Anchor { seq, hash })
    }
}

impl std::fmt::Display for Anchor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.seq, self.hash)
    }
}

/// What the trail must agree with besides its own links.
#[derive(Debug, Clone, Copy)]
pub struct Expected<'a> {
    /// `(seq, hash)` of the newest entry as the head row records it, or `(0, GENESIS)`.
    pub head: (i64, &'a str),
    /// A head the auditor wrote down earlier.
    pub anchor: Option<&'a Anchor>,
    /// Whether the database holds records (units, cadres, accounts …): they were all written
    /// with an audit entry, so an empty trail beside them was deleted.
    pub records: bool,
}

/// Walks the chain in storage order (by seq), each hash keyed with `key`, and checks it
/// ends at the head, reaches the anchor unchanged, and is not empty beside records.
pub fn verify_chain<'a>(
    key: &AuditKey,
    entries: impl IntoIterator<Item = &'a AuditEntry>,
    expected: Expected<'_>,
) -> Result<u64, ChainBreak> {
    walk(entries, expected, |e| entry_hash(key, e))
}

/// Whether a trail written before the key existed is whole: its plain SHA-256 chain ends at
/// `head`. Only such a trail is re-keyed when its key file is first created.
pub fn verify_unkeyed<'a>(
    entries: impl IntoIterator<Item = &'a AuditEntry>,
    head: (i64, &str),
) -> Result<u64, ChainBreak> {
    let expected = Expected {
        head,
        anchor: None,
        records: false,
    };
    walk(entries, expected, unkeyed_hash)
}

fn walk<'a>(
    entries: impl IntoIterator<Item = &'a AuditEntry>,
    expected: Expected<'_>,
    hash: impl Fn(&AuditEntry) -> String,
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
        if hash(e) != e.hash {
            return Err(ChainBreak {
                seq: e.seq,
                reason: Msg::new("reg-audit-hash-mismatch"),
            });
        }
        if let Some(a) = expected
            .anchor
            .filter(|a| a.seq == e.seq && a.hash != e.hash)
        {
            return Err(ChainBreak {
                seq: a.seq,
                reason: Msg::new("audit-anchor-differs"),
            });
        }
        prev_seq = e.seq;
        prev_hash = e.hash.clone();
        n += 1;
    }
    if (prev_seq, prev_hash.as_str()) != expected.head {
        return Err(ChainBreak {
            seq: prev_seq + 1,
            reason: message!(
                "reg-audit-head-missing",
                expected = expected.head.0,
                found = prev_seq
            ),
        });
    }
    if let Some(a) = expected.anchor.filter(|a| a.seq > prev_seq) {
        return Err(ChainBreak {
            seq: prev_seq + 1,
            reason: message!("audit-anchor-missing", expected = a.seq, found = prev_seq),
        });
    }
    if n == 0 && expected.records {
        return Err(ChainBreak {
            seq: 1,
            reason: Msg::new("audit-trail-empty"),
        });
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    /// The actions the store audits, by whether they change what the analysis reads; one not
    /// known here counts as a change.
    #[test]
    fn audited_actions_are_sorted_by_whether_they_change_the_registry() {
        let changing = [
            "unit.create",
            "unit.update",
            "post.create",
            "post.update",
            "cadre.create",
            "cadre.update",
            "cadre.photo",
            "appointment.create",
            "appointment.update",
            "appointment.end",
            "portfolio.create",
            "portfolio.update",
            "training.create",
            "training.update",
            "rule_param.set",
            "calendar.save",
            "calendar.delete",
            "cycles.db",
            "selection.appoint",
        ];
        let unchanging = [
            "read.cadre",
            "read.search",
            "read.audit",
            "read.photo",
            "export.roster",
            "export.alerts",
            "export.cadres",
            "export.datacheck",
            "session.login",
            "session.login_failed",
            "user.create",
            "user.lock",
            "user.password",
            "audit.key",
            "audit.reveal",
            "ballot.create",
            "ballot.void",
            "listing.save",
            "listing.delete",
        ];
        for a in changing {
            assert!(changes_registry(a), "{a}");
        }
        for a in unchanging {
            assert!(!changes_registry(a), "{a}");
        }
    }

    use super::*;

    fn key() -> AuditKey {
        AuditKey::from_bytes([42; 32])
    }

    fn expect(head: (i64, &str)) -> Expected<'_> {
        Expected {
            head,
            anchor: None,
            records: false,
        }
    }

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
                .seal(&key(), i, &prev),
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
        assert_eq!(verify_chain(&key(), &c, expect(head(&c))), Ok(5));
        assert_eq!(verify_chain(&key(), &[], expect((0, GENESIS))), Ok(0));
    }

    #[test]
    fn an_edited_row_is_named() {
        let mut c = chain(5);
        let h = (5, c[4].hash.clone());
        c[2].after = "{\"n\":99}".into();
        let e = verify_chain(&key(), &c, expect((h.0, &h.1))).unwrap_err();
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
        let e = verify_chain(&key(), &deleted, expect((h.0, &h.1))).unwrap_err();
        assert_eq!(e.seq, 2);
        assert_eq!(
            e.reason,
            message!("reg-audit-seq-gap", expected = 2, found = 3)
        );
        let mut swapped = c.clone();
        swapped.swap(2, 3);
        assert_eq!(
            verify_chain(&key(), &swapped, expect((h.0, &h.1)))
                .unwrap_err()
                .seq,
            3
        );
        // Renumbering after a swap still breaks the links.
        let (a, b) = (swapped[2].seq, swapped[3].seq);
        swapped[2].seq = b;
        swapped[3].seq = a;
        let e = verify_chain(&key(), &swapped, expect((h.0, &h.1))).unwrap_err();
        assert_eq!((e.seq, e.reason), (3, Msg::new("reg-audit-link-broken")));
    }

    #[test]
    fn deleting_the_newest_rows_is_caught_by_the_head() {
        let mut c = chain(5);
        let h = (5, c[4].hash.clone());
        c.truncate(3);
        let e = verify_chain(&key(), &c, expect((h.0, &h.1))).unwrap_err();
        assert_eq!(e.seq, 4);
        assert_eq!(
            e.reason,
            message!("reg-audit-head-missing", expected = 5, found = 3)
        );
    }

    /// Issue 14: an edit whose hashes are recomputed without the key (or with another key)
    /// does not verify.
    #[test]
    fn a_chain_recomputed_without_the_key_is_refused() {
        let mut c = chain(3);
        c[1].after = "{\"n\":99}".into();
        let mut prev = GENESIS.to_string();
        for e in c.iter_mut() {
            e.prev_hash = prev.clone();
            e.hash = unkeyed_hash(e);
            prev = e.hash.clone();
        }
        let e = verify_chain(&key(), &c, expect(head(&c))).unwrap_err();
        assert_eq!((e.seq, e.reason), (1, Msg::new("reg-audit-hash-mismatch")));
        let other = AuditKey::from_bytes([1; 32]);
        let c = chain(2);
        assert_eq!(
            verify_chain(&other, &c, expect(head(&c))).unwrap_err().seq,
            1
        );
    }

    #[test]
    fn the_anchor_catches_a_trail_cut_back_or_rewritten() {
        let c = chain(5);
        let anchor = Anchor::parse(&format!("5:{}", c[4].hash.to_uppercase())).expect("anchor");
        assert_eq!(anchor.to_string(), format!("5:{}", c[4].hash));
        let with = |head| Expected {
            head,
            anchor: Some(&anchor),
            records: false,
        };
        assert_eq!(verify_chain(&key(), &c, with(head(&c))), Ok(5));
        // The newest two deleted and the head set back: the chain is whole, the anchor is not.
        let cut = &c[..3];
        assert_eq!(verify_chain(&key(), cut, expect(head(cut))), Ok(3));
        let e = verify_chain(&key(), cut, with(head(cut))).unwrap_err();
        assert_eq!(
            (e.seq, e.reason),
            (4, message!("audit-anchor-missing", expected = 5, found = 3))
        );
        // The same length, another entry 5.
        let mut other = chain(4);
        let prev = other[3].hash.clone();
        other.push(
            AuditDraft {
                at: "2026-01-01T00:00:09Z".into(),
                actor: "staff".into(),
                action: "cadre.update".into(),
                entity: "cadre".into(),
                key: "K5".into(),
                before: String::new(),
                after: String::new(),
            }
            .seal(&key(), 5, &prev),
        );
        let e = verify_chain(&key(), &other, with(head(&other))).unwrap_err();
        assert_eq!((e.seq, e.reason), (5, Msg::new("audit-anchor-differs")));
        assert_eq!(Anchor::parse("5"), None);
        assert_eq!(Anchor::parse("0:00"), None);
        assert_eq!(Anchor::parse(&format!("x:{}", c[0].hash)), None);
    }

    #[test]
    fn an_empty_trail_beside_records_was_deleted() {
        let records = Expected {
            head: (0, GENESIS),
            anchor: None,
            records: true,
        };
        let e = verify_chain(&key(), &[], records).unwrap_err();
        assert_eq!((e.seq, e.reason), (1, Msg::new("audit-trail-empty")));
    }
}
