//! Each guard of M4 at its boundary (the numbers of DOMAIN.md).

use super::*;

fn recommended(w: &World, held: &str) -> Case {
    let mut c = Case::default();
    w.run(
        &mut c,
        Command::Initiate(initiation("2025-01-02", 1, false)),
    )
    .unwrap();
    w.run(
        &mut c,
        Command::RecordMeeting {
            on: d(held),
            session: 1,
            title: "民主推荐会".into(),
            attended: 40,
            votes: votes(&[(1, 30)]),
        },
    )
    .unwrap();
    w.run(
        &mut c,
        Command::Nominate {
            on: d(held),
            candidate: person(1),
            facts: eligible(),
        },
    )
    .unwrap();
    c
}

fn shortlist(on: &str, who: &[i64]) -> Command {
    Command::Shortlist {
        on: d(on),
        candidates: who.to_vec(),
    }
}

#[test]
fn no_recommendation_no_shortlist() {
    // R-SEL-1: 民主推荐 is mandatory.
    let w = World::new("2026-12-01");
    let mut c = Case::default();
    w.run(
        &mut c,
        Command::Initiate(initiation("2026-03-01", 1, false)),
    )
    .unwrap();
    w.run(
        &mut c,
        Command::Nominate {
            on: d("2026-03-02"),
            candidate: person(1),
            facts: eligible(),
        },
    )
    .unwrap();
    assert_eq!(
        ids(w.run(&mut c, shortlist("2026-03-05", &[1]))),
        ["sel-no-recommendation"]
    );
    // 组织推荐 alone does not make it.
    w.run(
        &mut c,
        Command::RecordOrganization {
            on: d("2026-03-03"),
            names: vec!["人选1".into()],
            note: String::new(),
        },
    )
    .unwrap();
    assert_eq!(
        rules(w.run(&mut c, shortlist("2026-03-05", &[1]))),
        ["R-SEL-1"]
    );
}

#[test]
fn a_recommendation_365_days_old_is_valid_and_366_is_not() {
    // R-SEL-1: counted to the day 考察对象 are determined.
    let w = World::new("2026-12-01");
    let mut c = recommended(&w, "2025-03-10");
    let mut late = c.clone();
    w.run(&mut c, shortlist("2026-03-10", &[1])).unwrap(); // 365 days
    let r = w.run(&mut late, shortlist("2026-03-11", &[1])); // 366 days
    assert_eq!(ids(r.clone()), ["sel-recommendation-expired"]);
    assert_eq!(rules(r), ["R-SEL-1"]);
}

#[test]
fn a_candidate_needs_votes_strictly_over_the_share_of_attendees() {
    // R-SEL-2: over 1/2 of 实到 40 is 21 votes; 20 is not enough.
    let w = World::new("2026-12-01");
    for (votes_for, ok) in [(20, false), (21, true)] {
        let mut c = Case::default();
        w.run(
            &mut c,
            Command::Initiate(initiation("2026-03-01", 1, false)),
        )
        .unwrap();
        w.run(
            &mut c,
            Command::RecordMeeting {
                on: d("2026-03-10"),
                session: 1,
                title: "民主推荐会".into(),
                attended: 40,
                votes: super::votes(&[(1, votes_for)]),
            },
        )
        .unwrap();
        w.run(
            &mut c,
            Command::Nominate {
                on: d("2026-03-10"),
                candidate: person(1),
                facts: eligible(),
            },
        )
        .unwrap();
        let r = w.run(&mut c, shortlist("2026-03-11", &[1]));
        assert_eq!(r.is_ok(), ok, "{votes_for} votes: {r:?}");
        if !ok {
            assert_eq!(ids(r), ["sel-shortlist-votes"]);
        }
    }
}

#[test]
fn a_contested_case_needs_more_candidates_than_places() {
    // R-SEL-2 差额: one place needs two 考察对象.
    let w = World::new("2026-12-01");
    let mut c = Case::default();
    w.run(&mut c, Command::Initiate(initiation("2026-03-01", 1, true)))
        .unwrap();
    w.run(
        &mut c,
        Command::RecordMeeting {
            on: d("2026-03-10"),
            session: 1,
            title: "民主推荐会".into(),
            attended: 40,
            votes: votes(&[(1, 30), (2, 25)]),
        },
    )
    .unwrap();
    for k in [1, 2] {
        w.run(
            &mut c,
            Command::Nominate {
                on: d("2026-03-10"),
                candidate: person(k),
                facts: eligible(),
            },
        )
        .unwrap();
    }
    assert_eq!(
        ids(w.run(&mut c, shortlist("2026-03-11", &[1]))),
        ["sel-shortlist-too-few"]
    );
    w.run(&mut c, shortlist("2026-03-11", &[1, 2])).unwrap();
}

#[test]
fn an_ineligible_candidate_is_refused_with_every_condition() {
    let w = World::new("2026-12-01");
    let mut c = Case::default();
    w.run(
        &mut c,
        Command::Initiate(initiation("2026-03-01", 1, false)),
    )
    .unwrap();
    let mut f = eligible();
    f.work_started = None;
    f.education = None;
    let r = w.run(
        &mut c,
        Command::Nominate {
            on: d("2026-03-02"),
            candidate: person(1),
            facts: f,
        },
    );
    assert_eq!(
        ids(r.clone()),
        [
            "sel-eligible-service-unknown",
            "sel-eligible-education-none"
        ]
    );
    assert_eq!(rules(r), ["R-SEL-6", "R-SEL-6"]);
}

#[test]
fn ten_of_fifteen_members_decide_and_seven_of_eleven_do_not() {
    // R-SEL-8: 三分之二以上 includes exactly 2/3.
    let w = World::new("2026-12-01");
    let c = ready_for_committee(&w);
    let mut a = c.clone();
    w.run(&mut a, vote("2026-06-10", 15, 10, &[(1, 8), (2, 2)]))
        .unwrap();
    let mut b = c;
    let r = w.run(&mut b, vote("2026-06-10", 11, 7, &[(1, 6), (2, 1)]));
    assert_eq!(ids(r.clone()), ["sel-vote-quorum"]);
    assert_eq!(rules(r), ["R-SEL-8"]);
}

#[test]
fn six_of_twelve_members_fail_and_seven_pass() {
    // R-SEL-8: more than half of all members, not of those present.
    let w = World::new("2026-12-01");
    let mut c = ready_for_committee(&w);
    w.run(&mut c, vote("2026-06-10", 12, 9, &[(1, 7), (2, 6)]))
        .unwrap();
    assert_eq!(c.candidate(1).unwrap().status, Status::Passed);
    assert_eq!(c.candidate(2).unwrap().status, Status::Failed);
    // The failed one cannot go to 公示.
    assert_eq!(
        ids(w.run(
            &mut c,
            Command::OpenPublicity {
                on: d("2026-06-11"),
                candidate: 2
            }
        )),
        ["sel-publicity-not-passed"]
    );
}

#[test]
fn a_veto_stops_the_candidate_and_only_the_reviewer_gives_one() {
    let w = World::new("2026-12-01");
    let mut c = ready_for_committee(&w);
    // Staff may not give the opinion (R-SEL-7).
    let mut fresh = c.clone();
    fresh.candidates[0].opinion = None;
    let opinion = |veto| Command::GiveOpinion {
        on: d("2026-04-10"),
        candidate: 1,
        veto,
        text: "有问题".into(),
    };
    assert_eq!(rules(w.run(&mut fresh, opinion(true))), ["R-SEL-7"]);
    // A second opinion is refused; a vetoed candidate is not voted on.
    let reviewer = w.as_discipline();
    assert_eq!(
        ids(reviewer.run(&mut c, opinion(true))),
        ["sel-opinion-twice"]
    );
    let mut v = Case::from_events(c.records[..c.records.len() - 1].iter());
    reviewer
        .run(
            &mut v,
            Command::GiveOpinion {
                on: d("2026-04-10"),
                candidate: 2,
                veto: true,
                text: "存在违纪问题".into(),
            },
        )
        .unwrap();
    assert_eq!(v.candidate(2).unwrap().status, Status::Vetoed);
    let r = w.run(&mut v, vote("2026-06-10", 12, 11, &[(1, 9), (2, 9)]));
    assert_eq!(ids(r), ["sel-not-shortlisted", "sel-vote-vetoed"]);
}

#[test]
fn an_unverified_serious_objection_blocks_the_vote_and_appointment() {
    let w = World::new("2026-12-01");
    let mut c = ready_for_committee(&w);
    w.run(
        &mut c,
        Command::ReceiveObjection {
            on: d("2026-05-01"),
            candidate: 1,
            serious: true,
            text: "反映违规收受礼金".into(),
        },
    )
    .unwrap();
    let r = w.run(&mut c, vote("2026-06-10", 12, 11, &[(1, 9), (2, 3)]));
    assert_eq!(ids(r.clone()), ["sel-vote-objection-open"]);
    assert_eq!(rules(r), ["R-SEL-8"]);
    w.run(
        &mut c,
        Command::VerifyObjection {
            on: d("2026-05-20"),
            objection: 1,
            upheld: false,
            finding: "经核实，反映不属实".into(),
        },
    )
    .unwrap();
    w.run(&mut c, vote("2026-06-10", 12, 11, &[(1, 9), (2, 3)]))
        .unwrap();
    w.run(
        &mut c,
        Command::OpenPublicity {
            on: d("2026-06-12"),
            candidate: 1,
        },
    )
    .unwrap();
    // An objection in 公示, not yet verified, holds the appointment.
    w.run(
        &mut c,
        Command::ReceiveObjection {
            on: d("2026-06-15"),
            candidate: 1,
            serious: false,
            text: "反映工作作风问题".into(),
        },
    )
    .unwrap();
    let appoint = Command::Appoint {
        on: d("2026-06-22"),
        candidate: 1,
        document_no: "市委〔2026〕12号".into(),
        manner: Manner::Appointed,
        facts: eligible(),
    };
    assert_eq!(rules(w.run(&mut c, appoint.clone())), ["R-SEL-9"]);
    // Found true: the candidate is stopped and the case has nobody left.
    w.run(
        &mut c,
        Command::VerifyObjection {
            on: d("2026-06-20"),
            objection: 2,
            upheld: true,
            finding: "经核实，问题属实".into(),
        },
    )
    .unwrap();
    assert_eq!(c.candidate(1).unwrap().status, Status::Objection);
    assert!(w.run(&mut c, appoint).is_err());
    assert_eq!(c.step(), Step::Stopped);
}

#[test]
fn two_keyings_that_differ_are_refused() {
    let w = World::new("2026-12-01");
    let mut c = ready_for_committee(&w);
    let Command::Vote {
        on,
        members,
        present,
        source,
        counts,
        ..
    } = vote("2026-06-10", 12, 11, &[(1, 9), (2, 3)])
    else {
        unreachable!()
    };
    let mut second = counts.clone();
    second[0].yes = 8;
    second[0].no = 3;
    let r = w.run(
        &mut c,
        Command::Vote {
            on,
            members,
            present,
            source,
            counts,
            second_keying: Some(second),
        },
    );
    assert_eq!(ids(r), ["sel-vote-keyings-differ"]);
}

#[test]
fn no_step_is_recorded_ahead_of_today_or_before_the_step_it_follows() {
    let w = World::new("2026-06-01");
    let mut c = ready_for_committee(&w);
    let r = w.run(&mut c, vote("2026-06-10", 12, 11, &[(1, 9), (2, 3)]));
    assert_eq!(ids(r.clone()), ["sel-after-today"]);
    assert_eq!(rules(r), ["R-SEL-12"]);
    let r = w.run(&mut c, vote("2026-04-05", 12, 11, &[(1, 9), (2, 3)]));
    assert_eq!(ids(r), ["sel-vote-before-steps", "sel-vote-before-steps"]);
}

#[test]
fn a_correction_replaces_a_record_and_never_a_decision() {
    let w = World::new("2026-12-01");
    let mut c = ready_for_committee(&w);
    let at = c
        .records
        .iter()
        .position(|e| matches!(e, Event::Inspected(i) if i.candidate == 1))
        .unwrap() as u32;
    let mut fixed = inspection("2026-04-01", 1);
    fixed.life_circle = "生活圈：邻里评价好".into();
    w.run(
        &mut c,
        Command::Correct {
            on: d("2026-04-02"),
            of: at,
            reason: "录入有误".into(),
            event: Event::Inspected(fixed.clone()),
        },
    )
    .unwrap();
    assert_eq!(c.candidate(1).unwrap().inspection, Some(fixed));
    assert_eq!(c.appended, c.records.len() + 1);
    // The shortlist is a decision.
    let shortlist_at = c
        .records
        .iter()
        .position(|e| matches!(e, Event::Shortlisted { .. }))
        .unwrap() as u32;
    let r = w.run(
        &mut c,
        Command::Correct {
            on: d("2026-04-02"),
            of: shortlist_at,
            reason: "改".into(),
            event: Event::Shortlisted {
                on: d("2026-03-15"),
                candidates: vec![1],
            },
        },
    );
    assert_eq!(ids(r), ["sel-correct-not-correctable"]);
}

/// R-SEL-9 on the official 2026 calendar: 5 working days counted from the opening day when it
/// works, over 中秋, 国庆 and their 调休 Sunday 09-20 and Saturday 10-10; 任职 from the day
/// after the 5th; a 公示 running into 2027 (no notice yet) refused.
#[test]
fn a_publicity_over_mid_autumn_and_national_day_on_the_2026_calendar() {
    let calendar = crate::calendar::Calendar::shipped();
    let w = World::new("2026-12-31");
    let ctx = Ctx {
        today: w.today,
        role: w.role,
        login: "tester",
        params: &w.params,
        calendar: &calendar,
    };
    let passed = || {
        let mut c = ready_for_committee(&w);
        w.run(&mut c, vote("2026-09-15", 12, 11, &[(1, 9), (2, 3)]))
            .unwrap();
        c
    };
    for (open, last, allowed) in [
        ("2026-09-18", "2026-09-23", "2026-09-24"),
        ("2026-09-25", "2026-10-09", "2026-10-10"),
        ("2026-09-30", "2026-10-12", "2026-10-13"),
    ] {
        let c = passed();
        let events = handle(
            &c,
            &ctx,
            Command::OpenPublicity {
                on: d(open),
                candidate: 1,
            },
        )
        .unwrap();
        let Event::PublicityOpened {
            last_day,
            allowed_from,
            ..
        } = &events[0]
        else {
            panic!("{events:?}")
        };
        assert_eq!(
            (*last_day, *allowed_from),
            (d(last), d(allowed)),
            "opened {open}"
        );
    }
    let c = passed();
    let r = handle(
        &c,
        &ctx,
        Command::OpenPublicity {
            on: d("2026-12-28"),
            candidate: 1,
        },
    );
    let unmet = r.unwrap_err();
    assert_eq!(unmet[0].rule, "R-SEL-9");
    assert_eq!(unmet[0].msg.id, "calendar-year-unknown");
}
