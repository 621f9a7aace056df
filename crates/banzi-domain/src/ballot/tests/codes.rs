//! 作废 and 补发 of one-time codes (R-VOTE-2, issue 15 item 4): each serial's outcome, one
//! new code per voided slip in its group, and issuing again taking the voided slips' place.

use super::*;
use crate::ballot::codes::{
    CodeRef, NewCode, Standing, VoidRefusal, plan_issue, plan_reissue, plan_void,
};

/// Group 0 (班子成员, 10 planned) holds serials 1..=10, group 1 (中层干部, 20) 11..=30,
/// with the standings given; the rest unused.
fn codes(standing: &[(i64, Standing)]) -> Vec<CodeRef> {
    (1..=30)
        .map(|serial| CodeRef {
            serial,
            group: usize::from(serial > 10),
            standing: standing
                .iter()
                .find(|(s, _)| *s == serial)
                .map_or(Standing::Unused, |x| x.1),
        })
        .collect()
}

fn invalid(r: Result<Vec<NewCode>, DomainError>) -> Vec<Msg> {
    match r {
        Err(DomainError::Invalid(v)) => v.into_iter().map(|f| f.message).collect(),
        other => panic!("expected invalid, got {other:?}"),
    }
}

#[test]
fn r_vote_2_a_void_says_each_serials_outcome_once_in_the_order_asked() {
    let c = codes(&[
        (4, Standing::Used),
        (2, Standing::Voided),
        (6, Standing::Replaced),
    ]);
    let r = plan_void("open", &c, &[3, 4, 99, 2, 6, 3, 5]).unwrap();
    assert_eq!(r.voided, [3, 5]);
    assert_eq!(
        r.refused,
        [
            (4, VoidRefusal::Used),
            (99, VoidRefusal::Unknown),
            (2, VoidRefusal::AlreadyVoid),
            (6, VoidRefusal::AlreadyVoid),
        ]
    );
    // A draft's codes may be voided too (slips printed before the meeting).
    assert_eq!(plan_void("draft", &c, &[1]).unwrap().voided, [1]);
    assert!(matches!(
        plan_void("closed", &c, &[3]),
        Err(DomainError::Conflict(m)) if m.id == "ballot-void-after-close"
    ));
}

#[test]
fn r_vote_2_reissue_makes_one_code_per_voided_serial_in_its_group() {
    let c = codes(&[
        (3, Standing::Voided),
        (12, Standing::Voided),
        (13, Standing::Voided),
    ]);
    assert_eq!(
        plan_reissue("open", &spec(), &c, &[12, 3, 12]).unwrap(),
        [
            NewCode {
                group: 1,
                replaces: Some(12)
            },
            NewCode {
                group: 0,
                replaces: Some(3)
            },
        ]
    );
    assert!(plan_reissue("draft", &spec(), &c, &[13]).is_ok());
}

#[test]
fn r_vote_2_reissue_is_refused_for_each_serial_it_cannot_make_up() {
    let c = codes(&[
        (4, Standing::Used),
        (6, Standing::Replaced),
        (7, Standing::Voided),
    ]);
    assert_eq!(
        invalid(plan_reissue("open", &spec(), &c, &[5, 4, 6, 99, 7])),
        [
            message!("ballot-reissue-not-voided", serial = "5"),
            message!("ballot-reissue-not-voided", serial = "4"),
            message!("ballot-reissue-done", serial = "6"),
            message!("ballot-reissue-unknown", serial = "99"),
        ]
    );
    assert_eq!(
        invalid(plan_reissue("open", &spec(), &c, &[])),
        [message!("ballot-serials-form")]
    );
    assert!(matches!(
        plan_reissue("closed", &spec(), &c, &[7]),
        Err(DomainError::Conflict(m)) if m.id == "ballot-reissue-after-close"
    ));
}

/// A session voided before replacements were recorded, then issued again: the group is
/// full, so a 补发 would give it more codes than planned.
#[test]
fn r_vote_2_reissue_never_gives_a_group_more_codes_than_planned() {
    let mut c = codes(&[(7, Standing::Voided), (8, Standing::Voided)]);
    c.push(CodeRef {
        serial: 31,
        group: 0,
        standing: Standing::Unused,
    });
    // Ten planned: nine live (31 made up one of the two) → one more, then full.
    assert_eq!(
        invalid(plan_reissue("open", &spec(), &c, &[7, 8])),
        [message!(
            "ballot-reissue-group-full",
            serial = "8",
            group = "班子成员"
        )]
    );
    assert_eq!(plan_reissue("open", &spec(), &c, &[8]).unwrap().len(), 1);
}

#[test]
fn r_vote_2_issuing_again_takes_the_place_of_voided_slips_first() {
    let mut s = spec();
    s.groups.truncate(2);
    let c = codes(&[
        (9, Standing::Voided),
        (2, Standing::Voided),
        (5, Standing::Replaced),
    ]);
    // 5 was made up already (its replacement is not among these 30: the group lacks 3).
    let planned = plan_issue(&s, &c);
    let g0 = |replaces| NewCode { group: 0, replaces };
    assert_eq!(planned, [g0(Some(2)), g0(Some(9)), g0(None)]);
    // Nothing lacking: nothing made.
    assert!(plan_issue(&s, &codes(&[])).is_empty());
    // None issued yet: every planned code, none replacing anything.
    let fresh = plan_issue(&s, &[]);
    assert_eq!(fresh.len(), 30);
    assert!(fresh.iter().all(|n| n.replaces.is_none()));
}
