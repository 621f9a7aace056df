//! 实到人数 — R-SEL-2's attendees (issue 12, item 10): the attendance of the meeting, from
//! its sign-in, kept on the session beside 应到人数 (`SessionSpec::attended`).
//!
//! - It is entered before the session opens, and a draft without it does not open: the pass
//!   marks of R-SEL-2 are counted over it, so it must be known before anyone votes.
//! - It may be corrected while the session is a draft or open (a latecomer signs in), never
//!   after closing: the result is counted over the number the session closed with.
//! - It is a whole number from 1 to 应到, and not fewer than the ballots already cast.
//! - A session closes only when the ballots cast (online and counted paper, valid or not)
//!   are no more than 实到: more ballots than people present means a wrong 实到 or a ballot
//!   that should not be there, and people must resolve it before anything is counted.
//!
//! The storage layer runs these checks inside the transaction that writes the change, on
//! the session and the count of ballots as that transaction sees them.

use super::SessionSpec;
use crate::msg::Msg;
use crate::{DomainError, message};

/// The field the page shows these errors beside.
pub const FIELD: &str = "attended";

/// Reads 实到人数 as staff typed it: a whole number from 1 to 应到 (`expected`).
pub fn parse_attended(text: &str, expected: u32) -> Result<u32, DomainError> {
    let text = text.trim();
    match text.parse::<u32>() {
        Ok(n) => in_range(n, expected).map(|()| n),
        Err(_) if text.is_empty() => Err(DomainError::invalid(
            FIELD,
            message!("ballot-attended-range", expected = expected),
        )),
        Err(_) => Err(DomainError::invalid(
            FIELD,
            message!(
                "ballot-attended-range-typed",
                expected = expected,
                text = text.to_string(),
            ),
        )),
    }
}

/// The message for a 实到 of `n` outside 1 to 应到.
pub(super) fn out_of_range(n: u32, expected: u32) -> Msg {
    message!("ballot-attended-range-is", expected = expected, n = n)
}

fn in_range(n: u32, expected: u32) -> Result<(), DomainError> {
    if (1..=expected).contains(&n) {
        Ok(())
    } else {
        Err(DomainError::invalid(FIELD, out_of_range(n, expected)))
    }
}

/// Whether 实到 may be set to `attended` on a session of `spec` in `state` (`draft`, `open`
/// or `closed`) with `cast` ballots so far (R-SEL-2).
pub fn check_attended(
    spec: &SessionSpec,
    state: &str,
    attended: u32,
    cast: u64,
) -> Result<(), DomainError> {
    if state == "closed" {
        return Err(DomainError::Conflict(message!("ballot-attended-closed")));
    }
    in_range(attended, spec.expected)?;
    if u64::from(attended) < cast {
        return Err(DomainError::invalid(
            FIELD,
            message!("ballot-attended-below-cast", cast = cast,),
        ));
    }
    Ok(())
}

/// Whether a draft of `spec` may open: only with its 实到人数 recorded (R-SEL-2).
pub fn check_open(spec: &SessionSpec) -> Result<(), DomainError> {
    match spec.attended {
        Some(_) => Ok(()),
        None => Err(DomainError::Conflict(message!(
            "ballot-open-without-attended"
        ))),
    }
}

/// Whether an open session of `spec` with `cast` ballots (online and counted paper) may
/// close: its 实到人数 recorded, and no more ballots than 实到 (R-SEL-2). A session opened
/// before 实到 was recorded (stored by an earlier version) must have it entered first.
pub fn check_close(spec: &SessionSpec, cast: u64) -> Result<(), DomainError> {
    match spec.attended {
        None => Err(DomainError::Conflict(message!(
            "ballot-close-without-attended"
        ))),
        Some(n) if cast > u64::from(n) => Err(DomainError::Conflict(message!(
            "ballot-close-over-attended",
            cast = cast,
            attended = n,
        ))),
        Some(_) => Ok(()),
    }
}
