//! 实到人数 (R-SEL-2's attendees, issue 12): what may be entered, and when a session may open
//! and close.

use super::*;
use crate::ballot::attendance::{check_attended, check_close, check_open, parse_attended};

fn invalid(r: Result<impl std::fmt::Debug, DomainError>) -> Vec<(String, Msg)> {
    match r {
        Err(DomainError::Invalid(v)) => v.into_iter().map(|f| (f.field, f.message)).collect(),
        other => panic!("expected invalid, got {other:?}"),
    }
}

fn conflict(r: Result<(), DomainError>) -> Msg {
    match r {
        Err(DomainError::Conflict(m)) => m,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

fn one(field: &str, message: Msg) -> Vec<(String, Msg)> {
    vec![(field.to_string(), message)]
}

/// 实到 `n` outside 1 to 应到 (`expected`).
fn out_of_range(expected: u32, n: u32) -> Msg {
    message!("ballot-attended-range-is", expected = expected, n = n)
}

/// R-SEL-2: 实到 is a whole number from 1 to 应到, typed with spaces or not.
#[test]
fn r_sel_2_attended_is_a_whole_number_from_1_to_expected() {
    assert_eq!(parse_attended(" 12 ", 60).unwrap(), 12);
    assert_eq!(parse_attended("1", 60).unwrap(), 1);
    assert_eq!(parse_attended("60", 60).unwrap(), 60);
    assert_eq!(
        invalid(parse_attended("61", 60)),
        one("attended", out_of_range(60, 61))
    );
    assert_eq!(
        invalid(parse_attended("0", 60)),
        one("attended", out_of_range(60, 0))
    );
    assert_eq!(
        invalid(parse_attended("", 60)),
        one("attended", message!("ballot-attended-range", expected = 60))
    );
    for bad in ["十二", "12.5", "-3"] {
        assert_eq!(
            invalid(parse_attended(&format!(" {bad} "), 60)),
            one(
                "attended",
                message!("ballot-attended-range-typed", expected = 60, text = bad)
            )
        );
    }
}

/// R-SEL-2: 实到 may be set on a draft or an open session, within 应到 and not under the
/// ballots already cast; never on a closed one.
#[test]
fn r_sel_2_attended_is_corrected_until_the_session_closes() {
    let s = spec();
    assert!(check_attended(&s, "draft", 60, 0).is_ok());
    assert!(check_attended(&s, "open", 45, 45).is_ok());
    assert_eq!(
        invalid(check_attended(&s, "open", 61, 0)),
        one("attended", out_of_range(60, 61))
    );
    assert_eq!(
        invalid(check_attended(&s, "open", 44, 45)),
        one(
            "attended",
            message!("ballot-attended-below-cast", cast = 45)
        )
    );
    assert_eq!(
        conflict(check_attended(&s, "closed", 50, 0)),
        message!("ballot-attended-closed")
    );
}

/// R-SEL-2: a draft opens only with 实到 recorded.
#[test]
fn r_sel_2_a_session_without_attended_does_not_open() {
    let mut s = spec();
    assert!(check_open(&s).is_ok());
    s.attended = None;
    assert_eq!(
        conflict(check_open(&s)),
        message!("ballot-open-without-attended")
    );
}

/// R-SEL-2: a session closes only with no more ballots cast than 实到, and 实到 known.
#[test]
fn r_sel_2_more_ballots_than_attended_do_not_close() {
    let mut s = spec();
    s.attended = Some(11);
    assert!(check_close(&s, 0).is_ok());
    assert!(check_close(&s, 11).is_ok());
    assert_eq!(
        conflict(check_close(&s, 12)),
        message!("ballot-close-over-attended", cast = 12, attended = 11)
    );
    s.attended = None;
    assert_eq!(
        conflict(check_close(&s, 3)),
        message!("ballot-close-without-attended")
    );
}

/// A set-up may carry 实到; it is checked as when entered later. A session stored before
/// 实到 existed reads with none.
#[test]
fn attended_in_a_set_up_is_checked_and_old_sessions_read_without_it() {
    let mut s = spec();
    s.attended = Some(61);
    let found = fields(check_spec(&s));
    assert!(has(&found, "attended", &out_of_range(60, 61)), "{found:?}");
    s.attended = None;
    assert!(check_spec(&s).is_ok());
    // Stored without the key: reads as None, and writes back the same way.
    let json = serde_json::to_value(&s).unwrap();
    assert!(json.get("attended").is_none(), "{json}");
    let back: SessionSpec = serde_json::from_value(json).unwrap();
    assert_eq!(back.attended, None);
    s.attended = Some(50);
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["attended"], 50);
    assert_eq!(serde_json::from_value::<SessionSpec>(json).unwrap(), s);
}
