//! The selection case (DOMAIN.md M4): a whole case, each guard at its boundary, and random
//! command sequences against the invariants.

mod boundaries;
mod chain;
mod model;

use super::*;
use crate::codes::{Education, Gender, Manner, PostKind, PostLevel};
use crate::date::{epoch_day, from_epoch_day, parse};
use crate::msg::Msg;
use crate::role::Role;
use crate::rules::Params;

pub fn d(s: &str) -> crate::Date {
    parse(s).expect("date")
}

/// Monday to Friday, every year known: the real calendar is tested in `calendar`.
pub struct Weekdays;

impl WorkingDays for Weekdays {
    fn publicity(&self, open: crate::Date, days: u32) -> Result<(crate::Date, crate::Date), Msg> {
        let mut n = 0;
        let mut day = epoch_day(open);
        loop {
            let date = from_epoch_day(day);
            let weekday = date.weekday().to_monday_one_offset();
            if weekday <= 5 {
                n += 1;
                if n == days {
                    return Ok((date, from_epoch_day(day + 1)));
                }
            }
            day += 1;
        }
    }
}

pub struct World {
    pub params: Params,
    pub today: crate::Date,
    pub role: Role,
}

impl World {
    pub fn new(today: &str) -> World {
        World {
            params: Params::default(),
            today: d(today),
            role: Role::Staff,
        }
    }

    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            today: self.today,
            role: self.role,
            login: "tester",
            params: &self.params,
            calendar: &Weekdays,
        }
    }

    /// Decides and, when accepted, applies.
    pub fn run(&self, case: &mut Case, cmd: Command) -> Result<(), Vec<Unmet>> {
        let events = handle(case, &self.ctx(), cmd)?;
        for e in &events {
            case.apply(e);
        }
        Ok(())
    }

    pub fn as_discipline(&self) -> World {
        World {
            params: self.params.clone(),
            today: self.today,
            role: Role::Discipline,
        }
    }
}

pub fn post(kind: PostKind, level: PostLevel) -> PostRef {
    PostRef {
        id: 7,
        code: "P7".into(),
        title: "副局长".into(),
        unit_code: "U1".into(),
        unit_name: "市发展和改革委员会".into(),
        kind,
        level: Some(level),
        department: true,
    }
}

pub fn initiation(on: &str, places: u32, contested: bool) -> Initiation {
    Initiation {
        on: d(on),
        post: post(PostKind::Deputy, PostLevel::DivisionDeputy),
        places,
        reason: "原副局长退休".into(),
        scope: "市直单位正科级干部".into(),
        conditions: "具有五年以上工龄".into(),
        contested,
    }
}

pub fn person(cadre: i64) -> Person {
    Person {
        cadre,
        name: format!("人选{cadre}"),
    }
}

/// An eligible 正科级 cadre for a 副处级 post: 20 years of work, 4 at the grassroots as
/// 正科.
pub fn eligible() -> EligibilityFacts {
    EligibilityFacts {
        birth_date: d("1980-05-01"),
        gender: Gender::Male,
        work_started: Some(d("2002-07-01")),
        education: Some(Education::University),
        held: vec![HeldPost {
            start: d("2020-01-01"),
            end: None,
            kind: PostKind::Principal,
            level: Some(PostLevel::SectionChief),
            grassroots: true,
        }],
    }
}

pub fn inspection(on: &str, candidate: i64) -> Inspection {
    Inspection {
        on: d(on),
        candidate,
        work_circle: "工作圈评价好".into(),
        life_circle: "生活圈无反映".into(),
        political: ["忠诚", "坚定", "敢于担当", "能力强", "自律严"].map(String::from),
        personal_matters: "如实报告".into(),
        file_review: "三龄两历一身份无误".into(),
        file_findings: 0,
    }
}

pub fn votes(names: &[(i64, u32)]) -> Vec<NameVotes> {
    names
        .iter()
        .map(|(c, v)| NameVotes {
            name: format!("人选{c}"),
            votes: *v,
        })
        .collect()
}

/// A case through 考察 and 廉政意见 of candidates 1 and 2 (a 差额 case of one place), ready
/// for the 常委会 on 2026-06-10.
pub fn ready_for_committee(w: &World) -> Case {
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
            votes: votes(&[(1, 30), (2, 25), (3, 10)]),
        },
    )
    .unwrap();
    for k in [1, 2] {
        w.run(
            &mut c,
            Command::Nominate {
                on: d("2026-03-12"),
                candidate: person(k),
                facts: eligible(),
            },
        )
        .unwrap();
    }
    w.run(
        &mut c,
        Command::Shortlist {
            on: d("2026-03-15"),
            candidates: vec![1, 2],
        },
    )
    .unwrap();
    for k in [1, 2] {
        w.run(&mut c, Command::Inspect(inspection("2026-04-01", k)))
            .unwrap();
        w.as_discipline()
            .run(
                &mut c,
                Command::GiveOpinion {
                    on: d("2026-04-10"),
                    candidate: k,
                    veto: false,
                    text: "未发现问题".into(),
                },
            )
            .unwrap();
    }
    c
}

pub fn vote(on: &str, members: u32, present: u32, yes: &[(i64, u32)]) -> Command {
    let counts: Vec<VoteCount> = yes
        .iter()
        .map(|(c, y)| VoteCount {
            candidate: *c,
            yes: *y,
            no: present - y,
            abstain: 0,
        })
        .collect();
    Command::Vote {
        on: d(on),
        members,
        present,
        source: VoteSource::KeyedTwice {
            second_by: "second".into(),
        },
        counts: counts.clone(),
        second_keying: Some(counts),
    }
}

/// The rules of the refusals.
pub fn rules(r: Result<(), Vec<Unmet>>) -> Vec<&'static str> {
    match r {
        Ok(()) => panic!("accepted"),
        Err(u) => u.into_iter().map(|u| u.rule).collect(),
    }
}

/// The message ids of the refusals.
pub fn ids(r: Result<(), Vec<Unmet>>) -> Vec<&'static str> {
    match r {
        Ok(()) => panic!("accepted"),
        Err(u) => u.into_iter().map(|u| u.msg.id).collect(),
    }
}

#[test]
fn a_case_goes_from_initiation_to_appointment_with_probation() {
    let w = World::new("2026-12-01");
    let mut c = ready_for_committee(&w);
    assert_eq!(c.step(), Step::Decision);
    w.run(&mut c, vote("2026-06-10", 12, 11, &[(1, 9), (2, 3)]))
        .unwrap();
    assert_eq!(c.candidate(1).unwrap().status, Status::Passed);
    assert_eq!(c.candidate(2).unwrap().status, Status::Failed);
    assert_eq!(c.step(), Step::Publicity);
    w.run(
        &mut c,
        Command::OpenPublicity {
            on: d("2026-06-12"),
            candidate: 1,
        },
    )
    .unwrap();
    assert_eq!(c.step(), Step::Appointment);
    let appoint = |on: &str| Command::Appoint {
        on: d(on),
        candidate: 1,
        document_no: "市委〔2026〕12号".into(),
        manner: Manner::Appointed,
        facts: eligible(),
    };
    // Fri 06-12 + 5 working days: 12, 15, 16, 17, 18 → allowed from 06-19.
    assert_eq!(
        ids(w.run(&mut c, appoint("2026-06-18"))),
        ["sel-appoint-too-early"]
    );
    w.run(&mut c, appoint("2026-06-19")).unwrap();
    let (_, doc, probation) = c.candidate(1).unwrap().appointed.clone().unwrap();
    assert_eq!(doc, "市委〔2026〕12号");
    // R-PROB-1: a promotion (正科 → 副处) by 委任 to a 副职 of a 工作部门.
    assert_eq!(probation, Some(d("2027-06-19")));
    assert_eq!(c.step(), Step::Done);
}

#[test]
fn every_event_reads_back_from_its_json() {
    let w = World::new("2026-12-01");
    let c = ready_for_committee(&w);
    for e in &c.records {
        let json = serde_json::to_string(e).unwrap();
        let back: Event = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, e, "{json}");
        assert!(
            json.contains(&format!("\"kind\":\"{}\"", e.key())),
            "{json}"
        );
    }
}

#[test]
fn eligibility_names_each_unmet_condition() {
    // R-SEL-6: 3 years of work, no grassroots, 1 year as 正科, 中专, for a 副处级 post.
    let p = Params::default();
    let f = EligibilityFacts {
        birth_date: d("1990-01-01"),
        gender: Gender::Female,
        work_started: Some(d("2023-07-01")),
        education: Some(Education::Secondary),
        held: vec![HeldPost {
            start: d("2025-06-01"),
            end: None,
            kind: PostKind::Principal,
            level: Some(PostLevel::SectionChief),
            grassroots: false,
        }],
    };
    let unmet = eligibility::check(&f, Some(PostLevel::DivisionDeputy), &p, d("2026-07-01"));
    assert_eq!(
        unmet,
        [
            Condition::Service {
                need: 5,
                have: Some(3)
            },
            Condition::Grassroots { need: 2, have: 0 },
            Condition::LowerLevel {
                level: PostLevel::SectionChief,
                need: 3,
                have: 1
            },
            Condition::Education {
                have: Some(Education::Secondary)
            },
        ]
    );
    // 3 years as 正科 to the day is enough; a day less is not.
    let mut g = eligible();
    g.held[0].start = d("2023-07-01");
    let at = |on: &str| eligibility::check(&g, Some(PostLevel::DivisionDeputy), &p, d(on));
    assert_eq!(at("2026-07-01"), []);
    assert_eq!(
        at("2026-06-30"),
        [Condition::LowerLevel {
            level: PostLevel::SectionChief,
            need: 3,
            have: 2
        }]
    );
    // The years below are a parameter per level promoted to: 1 year at 正科 for 副处.
    let mut q = Params::default();
    q.set("sel.below_division_deputy", "1").unwrap();
    q.set("sel.grassroots_years", "1").unwrap();
    let mut one = eligible();
    one.held[0].start = d("2025-07-01");
    assert_eq!(
        eligibility::check(&one, Some(PostLevel::DivisionDeputy), &q, d("2026-07-01")),
        []
    );
    assert_eq!(
        eligibility::check(&one, Some(PostLevel::DivisionDeputy), &p, d("2026-07-01")),
        [
            Condition::Grassroots { need: 2, have: 1 },
            Condition::LowerLevel {
                level: PostLevel::SectionChief,
                need: 3,
                have: 1
            }
        ]
    );
    // A lateral move (already 副处) asks no years below; past retirement is refused.
    let mut h = eligible();
    h.held[0].level = Some(PostLevel::DivisionDeputy);
    h.birth_date = d("1960-01-15");
    let unmet = eligibility::check(&h, Some(PostLevel::DivisionDeputy), &p, d("2026-07-01"));
    assert!(
        matches!(unmet.as_slice(), [Condition::Age { .. }]),
        "{unmet:?}"
    );
}
