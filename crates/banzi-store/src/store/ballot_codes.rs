//! One-time codes after set-up (R-VOTE-2): issuing them for the slips, voiding a lost or
//! spoilt slip by its serial, and 补发, a new code in place of a voided one. The rules are
//! `banzi_domain::ballot::codes`; here each runs in one transaction with its audit entry,
//! on the session's codes as that transaction reads them after taking the session's row.

use super::ballots::{new_code, not_found, parse_session, sha, staff};
use crate::connect::{Store, now_rfc3339};
use crate::{Slip, db};
use banzi_domain::DomainError;
use banzi_domain::ballot::codes::{self, CodeRef, NewCode, Standing, VoidRefusal, VoidReport};
use banzi_domain::role::Actor;

/// Codes as the rules see them, from the rows `b::ballots::codes` reads.
fn code_refs(rows: Vec<(i64, i64, i64, bool)>) -> Vec<CodeRef> {
    rows.into_iter()
        .map(|(serial, grp, voided, used)| CodeRef {
            serial,
            group: usize::try_from(grp).unwrap_or(usize::MAX),
            standing: match (voided, used) {
                (0, false) => Standing::Unused,
                (0, true) => Standing::Used,
                (1, _) => Standing::Voided,
                _ => Standing::Replaced,
            },
        })
        .collect()
}

/// New codes for `planned`, numbered after the session's highest serial.
fn make(planned: &[NewCode], codes: &[CodeRef]) -> Result<Vec<Slip>, DomainError> {
    let mut serial = codes.iter().map(|c| c.serial).max().unwrap_or(0);
    planned
        .iter()
        .map(|n| {
            serial += 1;
            Ok(Slip {
                group: n.group,
                serial,
                code: new_code()?,
                replaces: n.replaces,
            })
        })
        .collect()
}

/// Stores new codes' hashes and marks the voided codes they replace, with one audit entry,
/// on connection `$c` of backend `$b` inside the caller's transaction.
macro_rules! write_codes {
    ($c:ident, $b:ident, $actor:expr, $id:expr, $slips:expr, $action:literal, $now:expr) => {{
        let slips: &[Slip] = $slips;
        if !slips.is_empty() {
            let rows: Vec<(i64, i64, String)> = slips
                .iter()
                .map(|s| (s.group as i64, s.serial, sha(&s.code)))
                .collect();
            let replaces: Vec<i64> = slips.iter().filter_map(|s| s.replaces).collect();
            for serial in &replaces {
                $b::ballots::mark_replaced($c, $id, *serial).await?;
            }
            $b::ballots::insert_codes($c, $actor, $id, &rows, $action, &replaces, $now).await?;
        }
    }};
}

/// The session `$id` and its codes, read after its row is this transaction's (a close or
/// another change of its codes running now has committed or waits).
macro_rules! locked {
    ($c:ident, $b:ident, $id:expr) => {{
        if !$b::ballots::lock_session($c, $id).await? {
            return Err(not_found());
        }
        let s = parse_session($b::ballots::session($c, $id).await?.ok_or_else(not_found)?)?;
        (s, code_refs($b::ballots::codes($c, $id).await?))
    }};
}

impl Store {
    /// The session's codes as the rules see them (the page offers 补发 for the voided ones
    /// not yet replaced).
    pub async fn ballot_codes(&self, actor: &Actor, id: i64) -> Result<Vec<CodeRef>, DomainError> {
        staff(actor)?;
        let rows = on_conn!(self, |c, b| {
            b::ballots::session(c, id).await?.ok_or_else(not_found)?;
            b::ballots::codes(c, id).await
        })?;
        Ok(code_refs(rows))
    }

    /// Makes the codes each rater group still lacks (its number less the codes issued and
    /// not voided), before the session closes; they take the place of the group's voided
    /// slips first. The codes are returned once, for the slips; only their hashes are kept.
    /// Audited by count and serials.
    pub async fn issue_codes(&self, actor: &Actor, id: i64) -> Result<Vec<Slip>, DomainError> {
        staff(actor)?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            let (s, codes) = locked!(c, b, id);
            if s.state == "closed" {
                return Err(DomainError::Conflict(banzi_domain::message!(
                    "ballot-codes-after-close"
                )));
            }
            let slips = make(&codes::plan_issue(&s.spec, &codes), &codes)?;
            write_codes!(c, b, actor, id, &slips, "ballot.codes", &now);
            Ok(slips)
        })
    }

    /// Voids unused codes by the serials on their slips (a lost or spoilt slip), and says of
    /// each serial whether it was voided or why not. Audited when any was voided. Refused
    /// once the session is closed: its codes are part of the result (the turnout counts the
    /// voided ones) and were rewritten at closing.
    pub async fn void_codes(
        &self,
        actor: &Actor,
        id: i64,
        serials: &[i64],
    ) -> Result<VoidReport, DomainError> {
        staff(actor)?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            let (s, codes) = locked!(c, b, id);
            let planned = codes::plan_void(&s.state, &codes, serials)?;
            let mut report = VoidReport {
                voided: Vec::new(),
                refused: planned.refused,
            };
            for serial in planned.voided {
                if b::ballots::void_code(c, id, serial).await? {
                    report.voided.push(serial);
                } else {
                    // A ballot committed with this code since it was read: it stays.
                    report.refused.push((serial, VoidRefusal::Used));
                }
            }
            if !report.voided.is_empty() {
                b::audit::append(
                    c,
                    crate::draft(
                        actor,
                        &now,
                        "ballot.void",
                        "ballot_session",
                        &id.to_string(),
                        None,
                        Some(serde_json::json!({ "serials": report.voided })),
                    ),
                )
                .await?;
            }
            Ok(report)
        })
    }

    /// 补发: one new code for each of these voided serials, in its rater group, the voided
    /// code marked replaced; returned once, for the slips. Audited with the serials replaced
    /// and the new ones. Refused as a whole, naming each serial that cannot be made up, and
    /// after the session closes.
    pub async fn reissue_codes(
        &self,
        actor: &Actor,
        id: i64,
        serials: &[i64],
    ) -> Result<Vec<Slip>, DomainError> {
        staff(actor)?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            let (s, codes) = locked!(c, b, id);
            let planned = codes::plan_reissue(&s.state, &s.spec, &codes, serials)?;
            let slips = make(&planned, &codes)?;
            write_codes!(c, b, actor, id, &slips, "ballot.reissue", &now);
            Ok(slips)
        })
    }
}
