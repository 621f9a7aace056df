//! 全程纪实 — R-SEL-12: each case's events are hash-chained as the audit trail is (R-SEC-3):
//! every row's HMAC (under the audit key) covers its own fields and the previous row's hash,
//! so an edited, deleted, inserted or reordered row breaks the chain at or right after it.
//! The store anchors each row's hash in the audit trail as it appends it, so cutting the
//! newest rows off is caught against the trail.

use super::Event;
use crate::audit::{AuditKey, GENESIS, hex};
use crate::message;
use crate::msg::Msg;
use hmac::Mac;

/// One event of a case as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    pub case_id: i64,
    /// 1, 2, 3 … within the case.
    pub seq: i64,
    /// RFC 3339 UTC time it was recorded.
    pub at: String,
    /// Login of who recorded it.
    pub actor: String,
    /// [`Event::key`].
    pub kind: String,
    /// The event's JSON.
    pub body: String,
    pub prev_hash: String,
    pub hash: String,
}

impl StoredEvent {
    /// The row for `event`, appended after `prev` (none: the first of the case).
    pub fn seal(
        key: &AuditKey,
        case_id: i64,
        prev: Option<&StoredEvent>,
        at: String,
        actor: String,
        event: &Event,
    ) -> Result<StoredEvent, serde_json::Error> {
        let mut row = StoredEvent {
            case_id,
            seq: prev.map_or(1, |p| p.seq + 1),
            at,
            actor,
            kind: event.key().to_string(),
            body: serde_json::to_string(event)?,
            prev_hash: prev.map_or(GENESIS.to_string(), |p| p.hash.clone()),
            hash: String::new(),
        };
        row.hash = row_hash(key, &row);
        Ok(row)
    }

    /// The event it records.
    pub fn event(&self) -> Result<Event, serde_json::Error> {
        serde_json::from_str(&self.body)
    }
}

/// HMAC-SHA256 under `key` over the length-prefixed fields and the previous hash, hex.
pub fn row_hash(key: &AuditKey, r: &StoredEvent) -> String {
    let mut h = key.mac();
    let (case, seq) = (r.case_id.to_string(), r.seq.to_string());
    for field in [
        "selection",
        case.as_str(),
        &seq,
        &r.at,
        &r.actor,
        &r.kind,
        &r.body,
        &r.prev_hash,
    ] {
        h.update(&(field.len() as u64).to_be_bytes());
        h.update(field.as_bytes());
    }
    hex(&h.finalize().into_bytes())
}

/// Where a case's chain breaks: the row and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseBreak {
    pub case_id: i64,
    pub seq: i64,
    pub reason: Msg,
}

impl CaseBreak {
    pub fn msg(&self) -> Msg {
        message!(
            "sel-chain-break",
            case = self.case_id,
            seq = self.seq,
            reason = self.reason.clone()
        )
    }
}

/// Walks one case's rows in storage order (by seq) and checks each link, each hash, that the
/// sequence has no gap, that each body reads as the event its kind names, and that the last
/// row is `head` (the hash the audit trail anchored last for the case; none: no check).
/// Returns the events.
pub fn verify_case(
    key: &AuditKey,
    case_id: i64,
    rows: &[StoredEvent],
    head: Option<&str>,
) -> Result<Vec<Event>, CaseBreak> {
    let broken = |seq: i64, reason: Msg| CaseBreak {
        case_id,
        seq,
        reason,
    };
    let mut prev = GENESIS.to_string();
    let mut events = Vec::with_capacity(rows.len());
    for (i, r) in rows.iter().enumerate() {
        let expected_seq = i as i64 + 1;
        if r.case_id != case_id || r.seq != expected_seq {
            return Err(broken(
                expected_seq,
                message!("sel-chain-seq", expected = expected_seq, found = r.seq),
            ));
        }
        if r.prev_hash != prev {
            return Err(broken(r.seq, Msg::new("sel-chain-link")));
        }
        if row_hash(key, r) != r.hash {
            return Err(broken(r.seq, Msg::new("sel-chain-hash")));
        }
        match r.event() {
            Ok(e) if e.key() == r.kind => events.push(e),
            _ => return Err(broken(r.seq, Msg::new("sel-chain-body"))),
        }
        prev = r.hash.clone();
    }
    if let Some(head) = head
        && head != prev
    {
        let last = rows.last().map_or(0, |r| r.seq);
        return Err(broken(last, Msg::new("sel-chain-head")));
    }
    Ok(events)
}
