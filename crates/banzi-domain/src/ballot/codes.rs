//! 票码的作废与补发 — R-VOTE-2's one-time codes after they are printed (issue 15, item 4).
//!
//! A slip is known by its serial (编号), printed on it. A lost or spoilt slip is voided by
//! its serial; the slip page promises that it can then be issued anew (补发).
//!
//! - Voiding is decided serial by serial, and the outcome of each is said: voided now, or
//!   refused because the code has voted (a ballot is never taken back, R-VOTE-4), because
//!   the session has no such serial, or because it was voided before.
//! - 补发 makes one new code per voided serial, in the voided code's rater group, and marks
//!   the voided one replaced, so each voided slip is made up once. It is refused after the
//!   session closes (its codes are part of the result), and for a serial that is not voided,
//!   already replaced, unknown, or whose group holds its planned number of codes already
//!   (a session voided before replacements were recorded may have been refilled by issuing
//!   codes again).
//! - Issuing codes again (发放票码) makes up each group to its planned number; the new codes
//!   take the place of the group's voided slips not yet replaced, lowest serial first, so a
//!   voided slip is not offered for 补发 once its group is full again.
//!
//! The storage layer reads the codes of the session inside the transaction that writes,
//! asks these functions, and writes what they decide.

use super::SessionSpec;
use crate::error::Errors;
use crate::msg::Msg;
use crate::{DomainError, message};

/// Where a code stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Issued, not used, not voided: it can vote.
    Unused,
    /// It has voted.
    Used,
    /// Voided, and not yet made up by a new code.
    Voided,
    /// Voided, and a new code was issued in its place.
    Replaced,
}

impl Standing {
    /// A code that can vote or has voted: one of its group's planned number.
    fn live(self) -> bool {
        matches!(self, Standing::Unused | Standing::Used)
    }
}

/// A code of the session as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeRef {
    pub serial: i64,
    pub group: usize,
    pub standing: Standing,
}

/// Why a serial was not voided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoidRefusal {
    /// The code has voted: its ballot stays.
    Used,
    /// The session has no code of this serial.
    Unknown,
    /// It was voided before.
    AlreadyVoid,
}

impl VoidRefusal {
    /// Why, worded at the edge beside the serial.
    pub fn reason(self) -> Msg {
        match self {
            VoidRefusal::Used => message!("ballot-void-refused-used"),
            VoidRefusal::Unknown => message!("ballot-void-refused-unknown"),
            VoidRefusal::AlreadyVoid => message!("ballot-void-refused-already"),
        }
    }
}

/// The outcome of a void, serial by serial, in the order asked (each serial once).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VoidReport {
    pub voided: Vec<i64>,
    pub refused: Vec<(i64, VoidRefusal)>,
}

/// A new code to make: its rater group, and the voided serial it takes the place of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewCode {
    pub group: usize,
    pub replaces: Option<i64>,
}

/// The field a refused 补发 is shown beside.
pub const FIELD: &str = "serials";

fn find(codes: &[CodeRef], serial: i64) -> Option<&CodeRef> {
    codes.iter().find(|c| c.serial == serial)
}

fn once(serials: &[i64]) -> Vec<i64> {
    let mut out: Vec<i64> = Vec::with_capacity(serials.len());
    for s in serials {
        if !out.contains(s) {
            out.push(*s);
        }
    }
    out
}

/// Which of `serials` a session in `state` with `codes` voids, and why the others are not
/// voided. Refused as a whole once the session is closed.
pub fn plan_void(
    state: &str,
    codes: &[CodeRef],
    serials: &[i64],
) -> Result<VoidReport, DomainError> {
    if state == "closed" {
        return Err(DomainError::Conflict(message!("ballot-void-after-close")));
    }
    let mut report = VoidReport::default();
    for serial in once(serials) {
        match find(codes, serial).map(|c| c.standing) {
            Some(Standing::Unused) => report.voided.push(serial),
            Some(Standing::Used) => report.refused.push((serial, VoidRefusal::Used)),
            Some(Standing::Voided | Standing::Replaced) => {
                report.refused.push((serial, VoidRefusal::AlreadyVoid))
            }
            None => report.refused.push((serial, VoidRefusal::Unknown)),
        }
    }
    Ok(report)
}

/// The voided serials still to be made up, lowest first.
pub fn awaiting_reissue(codes: &[CodeRef]) -> Vec<CodeRef> {
    let mut v: Vec<CodeRef> = codes
        .iter()
        .filter(|c| c.standing == Standing::Voided)
        .copied()
        .collect();
    v.sort_by_key(|c| c.serial);
    v
}

fn live_in(codes: &[CodeRef], group: usize) -> u32 {
    codes
        .iter()
        .filter(|c| c.group == group && c.standing.live())
        .count() as u32
}

/// The new codes of a 补发 of `serials` (one per serial, in its group), or every reason it
/// is refused, each naming its serial.
pub fn plan_reissue(
    state: &str,
    spec: &SessionSpec,
    codes: &[CodeRef],
    serials: &[i64],
) -> Result<Vec<NewCode>, DomainError> {
    if state == "closed" {
        return Err(DomainError::Conflict(message!(
            "ballot-reissue-after-close"
        )));
    }
    let serials = once(serials);
    if serials.is_empty() {
        return Err(DomainError::invalid(FIELD, message!("ballot-serials-form")));
    }
    let mut errors = Errors::default();
    let mut planned: Vec<NewCode> = Vec::new();
    for serial in serials {
        let Some(code) = find(codes, serial) else {
            errors.add(
                FIELD,
                message!("ballot-reissue-unknown", serial = serial.to_string()),
            );
            continue;
        };
        match code.standing {
            Standing::Voided => {}
            Standing::Replaced => {
                errors.add(
                    FIELD,
                    message!("ballot-reissue-done", serial = serial.to_string()),
                );
                continue;
            }
            Standing::Unused | Standing::Used => {
                errors.add(
                    FIELD,
                    message!("ballot-reissue-not-voided", serial = serial.to_string()),
                );
                continue;
            }
        }
        let group = spec.groups.get(code.group);
        let cap = group.map_or(0, |g| g.codes);
        let adding = planned.iter().filter(|n| n.group == code.group).count() as u32;
        if live_in(codes, code.group) + adding >= cap {
            errors.add(
                FIELD,
                message!(
                    "ballot-reissue-group-full",
                    serial = serial.to_string(),
                    group = group.map_or(String::new(), |g| g.name.clone()),
                ),
            );
            continue;
        }
        planned.push(NewCode {
            group: code.group,
            replaces: Some(serial),
        });
    }
    errors.into_result()?;
    Ok(planned)
}

/// The codes issuing makes: each group up to its planned number, taking the place of its
/// voided slips not yet replaced first (lowest serial first), then new ones.
pub fn plan_issue(spec: &SessionSpec, codes: &[CodeRef]) -> Vec<NewCode> {
    let waiting = awaiting_reissue(codes);
    let mut out = Vec::new();
    for (g, group) in spec.groups.iter().enumerate() {
        let lacking = group.codes.saturating_sub(live_in(codes, g));
        let mut voided = waiting.iter().filter(|c| c.group == g).map(|c| c.serial);
        for _ in 0..lacking {
            out.push(NewCode {
                group: g,
                replaces: voided.next(),
            });
        }
    }
    out
}
