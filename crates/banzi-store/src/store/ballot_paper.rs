//! Paper ballots keyed in twice (DOMAIN.md M5, R-VOTE-2): each slip of the stack by its place
//! (`seq`), once by one person and once by another; the two keyings are compared, and a
//! slip counts only when they agree. Counting writes the agreed slips as ballots (with random
//! ids, marked paper) in one transaction, and is refused while any slip is keyed once or
//! keyed differently, naming the slips. Over-selection is keyed as it is on the paper: it
//! makes the answer invalid in the tally (R-VOTE-5), not the keying.

use super::ballots::{hex_id, not_found, parse_session, staff};
use crate::connect::{Store, now_rfc3339};
use crate::db;
use banzi_domain::ballot::{self, Ballot};
use banzi_domain::msg::Arg;
use banzi_domain::role::Actor;
use banzi_domain::{DomainError, message};

/// The highest place in the stack a slip may have.
const MAX_SEQ: i64 = 100_000;

/// One keying of a slip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperEntry {
    pub clerk: String,
    pub group: usize,
    pub ballot: Ballot,
}

/// A slip of the stack and its two keyings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperSlip {
    pub seq: i64,
    pub first: Option<PaperEntry>,
    pub second: Option<PaperEntry>,
    pub counted: bool,
}

impl PaperSlip {
    /// Keyed twice, by two people, the same way.
    pub fn agreed(&self) -> bool {
        match (&self.first, &self.second) {
            (Some(a), Some(b)) => a.clerk != b.clerk && a.group == b.group && a.ballot == b.ballot,
            _ => false,
        }
    }
}

impl Store {
    /// The paper slips of a session with their keyings, by place in the stack.
    pub async fn paper_slips(&self, actor: &Actor, id: i64) -> Result<Vec<PaperSlip>, DomainError> {
        staff(actor)?;
        let rows = on_conn!(self, |c, b| {
            b::ballots::session(c, id).await?.ok_or_else(not_found)?;
            b::ballots::paper(c, id).await
        })?;
        let mut out: Vec<PaperSlip> = Vec::new();
        for (seq, round, clerk, grp, content, counted) in rows {
            let ballot: Ballot = serde_json::from_str(&content)
                .map_err(|e| DomainError::Internal(format!("a stored ballot is malformed: {e}")))?;
            let entry = PaperEntry {
                clerk,
                group: grp as usize,
                ballot,
            };
            if out.last().is_none_or(|s| s.seq != seq) {
                out.push(PaperSlip {
                    seq,
                    first: None,
                    second: None,
                    counted: counted != 0,
                });
            }
            if let Some(s) = out.last_mut() {
                if round == 1 {
                    s.first = Some(entry);
                } else {
                    s.second = Some(entry);
                }
            }
        }
        Ok(out)
    }

    /// Keys one paper slip: the first keying of a slip is round 1; another person's is
    /// round 2; a person keying a slip again corrects their own round. Returns the round.
    pub async fn key_paper(
        &self,
        actor: &Actor,
        id: i64,
        seq: i64,
        group: usize,
        ballot: &Ballot,
    ) -> Result<i64, DomainError> {
        staff(actor)?;
        if !(1..=MAX_SEQ).contains(&seq) {
            return Err(DomainError::invalid(
                "seq",
                message!("ballot-paper-seq-range", max = MAX_SEQ),
            ));
        }
        let content =
            serde_json::to_string(ballot).map_err(|e| DomainError::Internal(e.to_string()))?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            let s = parse_session(b::ballots::session(c, id).await?.ok_or_else(not_found)?)?;
            if s.state != "open" {
                return Err(DomainError::Conflict(message!("ballot-paper-not-open")));
            }
            if group >= s.spec.groups.len() {
                return Err(DomainError::invalid(
                    "group",
                    message!("ballot-paper-group-required"),
                ));
            }
            ballot::check_paper(&s.spec, ballot)?;
            let keyed: Vec<(i64, String, i64)> = b::ballots::paper(c, id)
                .await?
                .into_iter()
                .filter(|r| r.0 == seq)
                .map(|r| (r.1, r.2, r.5))
                .collect();
            if keyed.iter().any(|k| k.2 != 0) {
                return Err(DomainError::Conflict(message!(
                    "ballot-paper-counted",
                    seq = seq
                )));
            }
            let mine = keyed.iter().find(|k| k.1 == actor.login).map(|k| k.0);
            let round = match (mine, keyed.len()) {
                (Some(r), _) => r,
                (None, 0) => 1,
                (None, 1) => 3 - keyed[0].0,
                (None, _) => {
                    return Err(DomainError::Conflict(message!(
                        "ballot-paper-keyed-twice",
                        seq = seq
                    )));
                }
            };
            b::ballots::key_paper(c, actor, id, seq, round, group as i64, &content, &now).await?;
            Ok(round)
        })
    }

    /// Counts the agreed paper slips not counted yet, in one transaction; refused, naming
    /// the slips, while any is keyed once or keyed differently. Returns how many counted.
    pub async fn count_paper(&self, actor: &Actor, id: i64) -> Result<usize, DomainError> {
        let slips = self.paper_slips(actor, id).await?;
        let pending: Vec<&PaperSlip> = slips.iter().filter(|s| !s.counted).collect();
        let unresolved: Vec<Arg> = pending
            .iter()
            .filter(|s| !s.agreed())
            .map(|s| Arg::Int(s.seq))
            .collect();
        if !unresolved.is_empty() {
            return Err(DomainError::Conflict(message!(
                "ballot-paper-unresolved",
                seqs = Arg::List(unresolved)
            )));
        }
        let mut rows = Vec::new();
        for s in &pending {
            if let Some(e) = &s.first {
                let content = serde_json::to_string(&e.ballot)
                    .map_err(|e| DomainError::Internal(e.to_string()))?;
                rows.push((s.seq, e.group as i64, content, hex_id()?));
            }
        }
        if rows.is_empty() {
            return Ok(0);
        }
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            let s = parse_session(b::ballots::session(c, id).await?.ok_or_else(not_found)?)?;
            if s.state != "open" {
                return Err(DomainError::Conflict(message!("ballot-paper-not-open")));
            }
            // Keyings that changed since they were read are caught here: counted twice or
            // changed under us, the comparison is made again on what this transaction sees.
            let again = b::ballots::paper(c, id).await?;
            for (seq, _, content, _) in &rows {
                let same = again
                    .iter()
                    .filter(|r| r.0 == *seq && r.5 == 0)
                    .all(|r| &r.4 == content);
                if !same {
                    return Err(DomainError::Conflict(message!("ballot-paper-changed")));
                }
            }
            for (_, grp, content, ballot_id) in &rows {
                b::ballots::insert_ballot(c, ballot_id, id, *grp, content, true).await?;
            }
            let seqs: Vec<i64> = rows.iter().map(|r| r.0).collect();
            b::ballots::mark_counted(c, id, &seqs).await?;
            b::audit::append(
                c,
                crate::draft(
                    actor,
                    &now,
                    "ballot.paper_count",
                    "ballot_session",
                    &id.to_string(),
                    None,
                    Some(serde_json::json!({ "counted": seqs.len() })),
                ),
            )
            .await?;
            Ok(seqs.len())
        })
    }
}
