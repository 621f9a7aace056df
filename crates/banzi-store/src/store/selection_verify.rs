//! `banzi audit verify` over every selection case (R-SEL-12): each case's chain, its last
//! row against the hash the audit trail anchored for it last, and the board columns of the
//! case row against what its events make.

use crate::connect::Store;
use crate::db;
use banzi_domain::selection::Case;
use banzi_domain::selection::chain::{CaseBreak, StoredEvent, verify_case};
use banzi_domain::{DomainError, Msg};
use std::collections::BTreeMap;

/// What an anchoring entry's `after` holds that the check reads (its event is skipped).
#[derive(serde::Deserialize)]
struct Anchored {
    hash: String,
}

impl Store {
    /// Verifies every case: the number of cases whose record is whole, or the first break.
    pub async fn verify_selection(&self) -> Result<Result<usize, CaseBreak>, DomainError> {
        let (rows, heads, anchors) = on_conn!(self, |c, b| {
            Ok::<_, DomainError>((
                b::selection::all_events(&mut *c).await?,
                b::selection::case_heads(&mut *c).await?,
                b::selection::anchors(&mut *c).await?,
            ))
        })?;
        // The hash each case's newest audit entry anchored. Only that entry is read (not the
        // whole trail again, which `verify_audit` walks): the trail's own chain vouches for
        // it, and an entry without a hash leaves its case unanchored.
        let mut anchored: BTreeMap<i64, String> = BTreeMap::new();
        for (key, after) in &anchors {
            let Ok(id) = key.parse::<i64>() else {
                continue;
            };
            if let Ok(Anchored { hash }) = serde_json::from_str::<Anchored>(after) {
                anchored.insert(id, hash);
            }
        }
        let mut by_case: BTreeMap<i64, Vec<StoredEvent>> = BTreeMap::new();
        for r in rows {
            by_case.entry(r.case_id).or_default().push(r);
        }
        let broken = |case_id: i64, seq: i64, id: &'static str| CaseBreak {
            case_id,
            seq,
            reason: Msg::new(id),
        };
        for (id, step, events, head) in &heads {
            let rows = by_case.remove(id).unwrap_or_default();
            let anchor = anchored.remove(id);
            let Some(anchor) = anchor else {
                return Ok(Err(broken(*id, 0, "sel-chain-unanchored")));
            };
            let events_of = match verify_case(&self.key, *id, &rows, Some(&anchor)) {
                Ok(e) => e,
                Err(b) => return Ok(Err(b)),
            };
            let case = Case::from_events(events_of.iter());
            let last = rows.last().map_or(0, |r| r.seq);
            if *events != last || head != &anchor || step != case.step().key() {
                return Ok(Err(broken(*id, last, "sel-chain-board")));
            }
        }
        // Rows or anchors of a case whose row is gone.
        if let Some((id, rows)) = by_case.into_iter().next() {
            return Ok(Err(broken(
                id,
                rows.first().map_or(0, |r| r.seq),
                "sel-chain-orphan",
            )));
        }
        if let Some((id, _)) = anchored.into_iter().next() {
            return Ok(Err(broken(id, 0, "sel-chain-orphan")));
        }
        Ok(Ok(heads.len()))
    }
}

impl Store {
    /// Records that a case's 全程纪实表 left the program (`format`: xlsx, pdf): it names
    /// people.
    pub async fn audit_selection_export(
        &self,
        actor: &banzi_domain::role::Actor,
        case: i64,
        format: &str,
    ) -> Result<(), DomainError> {
        let file = self.selection_case(actor, case).await?;
        let after = serde_json::json!({ "format": format, "events": file.events.len() });
        self.audit_export(
            actor,
            "export.selection",
            "selection_case",
            &case.to_string(),
            after,
        )
        .await
    }
}
