//! Model-based: random sequences of commands, as staff and the reviewer might send them in
//! any order, never reach 任职 without every step M4 requires, and every refusal names at
//! least one R-id.

use super::*;
use crate::date::{epoch_day, from_epoch_day};
use proptest::prelude::*;

/// One command drawn from small numbers: which, and three values to fill it.
fn command(op: u8, a: u8, b: u8, day: crate::Date) -> (Command, Role) {
    let who = i64::from(a % 3) + 1;
    let staff = Role::Staff;
    let cmd = match op % 14 {
        0 => Command::Initiate(initiation(
            "2025-01-02",
            u32::from(b % 2) + 1,
            a.is_multiple_of(2),
        )),
        1 => Command::RecordMeeting {
            on: day,
            session: i64::from(b % 3),
            title: "会".into(),
            attended: u32::from(b % 20),
            votes: votes(&[(1, u32::from(a % 20)), (2, u32::from(b % 15)), (3, 5)]),
        },
        2 => Command::RecordTalks {
            on: day,
            talked_to: u32::from(a % 10),
            scope: "班子成员".into(),
            summary: if b.is_multiple_of(5) {
                String::new()
            } else {
                "谈话".into()
            },
            names: votes(&[(who, u32::from(b % 4))]),
        },
        3 => Command::Nominate {
            on: day,
            candidate: person(who),
            facts: {
                let mut f = eligible();
                if b.is_multiple_of(7) {
                    f.education = None;
                }
                f
            },
        },
        4 => Command::Shortlist {
            on: day,
            candidates: (1..=3).filter(|k| (b >> k) & 1 == 1).collect(),
        },
        5 => {
            let mut i = inspection("2025-01-01", who);
            i.on = day;
            if b.is_multiple_of(6) {
                i.political[2].clear();
            }
            Command::Inspect(i)
        }
        6 => {
            return (
                Command::GiveOpinion {
                    on: day,
                    candidate: who,
                    veto: b.is_multiple_of(4),
                    text: "意见".into(),
                },
                if b.is_multiple_of(9) {
                    staff
                } else {
                    Role::Discipline
                },
            );
        }
        7 => Command::ReceiveObjection {
            on: day,
            candidate: who,
            serious: b.is_multiple_of(2),
            text: "反映".into(),
        },
        8 => Command::VerifyObjection {
            on: day,
            objection: u32::from(a % 3) + 1,
            upheld: b.is_multiple_of(5),
            finding: "核实".into(),
        },
        9 => {
            let members = u32::from(b % 6) + 9;
            let present = members - u32::from(a % 8);
            // The candidates of bits 4–6 of `a`, each with fewer yes votes than the one before.
            let counts: Vec<VoteCount> = (1..=3)
                .filter(|k| (a >> (k + 3)) & 1 == 1)
                .map(|k| VoteCount {
                    candidate: k,
                    yes: present.saturating_sub(u32::from(b % 4) * k as u32),
                    no: 0,
                    abstain: 0,
                })
                .collect();
            Command::Vote {
                on: day,
                members,
                present,
                source: VoteSource::Ballot { session: 9 },
                counts,
                second_keying: None,
            }
        }
        10 => Command::OpenPublicity {
            on: day,
            candidate: who,
        },
        11 => Command::Appoint {
            on: day,
            candidate: who,
            document_no: if b.is_multiple_of(8) {
                String::new()
            } else {
                "文号".into()
            },
            manner: Manner::Appointed,
            facts: eligible(),
        },
        12 => Command::Withdraw {
            on: day,
            candidate: who,
            reason: "本人申请".into(),
        },
        _ => Command::RecordOrganization {
            on: day,
            names: vec![format!("人选{who}")],
            note: String::new(),
        },
    };
    (cmd, staff)
}

/// What must hold of every appointed candidate, read from the record alone.
fn check_invariants(c: &Case, p: &Params) {
    for cand in c
        .candidates
        .iter()
        .filter(|x| x.status == Status::Appointed)
    {
        let name = &cand.person.name;
        let shortlisted = c.shortlisted_on.expect("appointed without 确定考察对象");
        let valid = c.meetings.iter().chain(&c.talks).any(|r| {
            r.on <= shortlisted
                && i64::from(epoch_day(shortlisted) - epoch_day(r.on))
                    <= i64::from(p.recommend_valid_days)
        });
        assert!(
            valid,
            "{name}: appointed without a valid 民主推荐 (R-SEL-1)"
        );
        assert!(cand.inspection.is_some(), "{name}: not inspected (R-SEL-3)");
        assert_eq!(
            cand.opinion.map(|(veto, _)| veto),
            Some(false),
            "{name}: no clear 廉政意见 (R-SEL-7)"
        );
        let (members, present) = c
            .records
            .iter()
            .find_map(|e| match e {
                Event::CommitteeVoted {
                    members, present, ..
                } => Some((*members, *present)),
                _ => None,
            })
            .expect("appointed without a vote (R-SEL-8)");
        assert!(present * 3 >= members * 2, "{name}: no quorum (R-SEL-8)");
        let yes = cand.vote.expect("no votes").yes;
        assert!(yes * 2 > members, "{name}: {yes} of {members} (R-SEL-8)");
        let (_, _, allowed) = cand.publicity.expect("appointed without 公示 (R-SEL-9)");
        let (on, doc, _) = cand.appointed.clone().expect("appointment");
        assert!(on >= allowed, "{name}: appointed during 公示 (R-SEL-9)");
        assert!(!doc.trim().is_empty(), "{name}: no document (R-SEL-10)");
        for o in c
            .objections
            .iter()
            .filter(|o| o.candidate == cand.person.cadre)
        {
            let (_, upheld) = o.verified.expect("an objection not verified (R-SEL-9)");
            assert!(!upheld, "{name}: appointed with an objection found true");
        }
    }
}

/// The procedure in the alphabet of [`command`]: (op, a, b) of each step in M4's order, with
/// values that pass (1 place, candidate 1 with 19 of 19 votes …).
const SCRIPT: [(u8, u8, u8); 9] = [
    (0, 1, 0),
    (1, 19, 19),
    (3, 0, 1),
    (4, 0, 0b10),
    (5, 0, 1),
    (6, 0, 1),
    (9, 0b1_0010, 3),
    (10, 0, 0),
    (11, 0, 1),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Each drawn command is mostly the next step of [`SCRIPT`] (with its values or random
    /// ones), sometimes the skip of a step, otherwise any command: the cases go far into the procedure, with vetoes,
    /// objections, withdrawals, late steps and long gaps (a recommendation expires) mixed in.
    #[test]
    fn random_commands_never_reach_appointment_without_every_step(
        ops in proptest::collection::vec(
            (any::<u8>(), 0u8..14, any::<u8>(), any::<u8>(), 0u8..40),
            1..80,
        )
    ) {
        let w = World::new("2027-06-30");
        let mut case = Case::default();
        let mut day = epoch_day(d("2025-01-02"));
        let mut next = 0;
        for (choice, op, a, b, step) in ops {
            day += i32::from(step);
            let (op, a, b) = match SCRIPT.get(next) {
                // The 常委会 at random sizes and turnouts, candidate 1 always on the ballot.
                Some(&(9, _, _)) if choice < 150 && choice % 2 == 1 => (9, (a & 0b1111) | 0b1_0000, b),
                Some(&(o, sa, sb)) if choice < 150 => (o, sa, sb),
                Some(&(o, _, _)) if choice < 200 => (o, a, b),
                // A step left out: the procedure goes on as if it had been done.
                Some(_) if choice < 215 => {
                    next += 1;
                    continue;
                }
                _ => (op, a, b),
            };
            let (cmd, role) = command(op, a, b, from_epoch_day(day));
            let world = World { params: w.params.clone(), today: w.today, role };
            match handle(&case, &world.ctx(), cmd) {
                Ok(events) => {
                    prop_assert!(!events.is_empty());
                    for e in &events {
                        case.apply(e);
                    }
                    if SCRIPT.get(next).is_some_and(|s| s.0 == op) {
                        next += 1;
                    }
                }
                Err(unmet) => {
                    prop_assert!(!unmet.is_empty(), "a refusal with no reason");
                    for u in &unmet {
                        prop_assert!(u.rule.starts_with("R-SEL-"), "{:?}", u);
                    }
                }
            }
            check_invariants(&case, &w.params);
            // Folding the record again gives the same case.
            prop_assert_eq!(&Case::from_events(case.records.iter()).candidates, &case.candidates);
        }
    }
}

/// The generator does reach 任职 (so the property above is not vacuous): a fixed sequence
/// of the same alphabet that appoints.
#[test]
fn the_alphabet_can_appoint() {
    let w = World::new("2027-06-30");
    let mut case = Case::default();
    let start = epoch_day(d("2025-01-02"));
    let offsets = [0, 1, 2, 3, 4, 5, 6, 7, 30];
    for ((op, a, b), offset) in SCRIPT.into_iter().zip(offsets) {
        let (cmd, role) = command(op, a, b, from_epoch_day(start + offset));
        let world = World {
            params: w.params.clone(),
            today: w.today,
            role,
        };
        let events =
            handle(&case, &world.ctx(), cmd.clone()).unwrap_or_else(|u| panic!("{cmd:?}: {u:?}"));
        for e in &events {
            case.apply(e);
        }
    }
    assert_eq!(case.candidate(1).unwrap().status, Status::Appointed);
    check_invariants(&case, &w.params);
}
