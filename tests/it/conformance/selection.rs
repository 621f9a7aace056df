//! 干部选拔任用 through the store (issue 17, DOMAIN.md M4), on both backends: a whole case
//! from 动议 to 任职 writing the appointment into the registry, a refusal that writes
//! nothing, the 全程纪实 chain verified and tampering caught, and who may see cases.

use super::{day, import};
use crate::fixture::{wang_qiang, zhao_min};
use crate::helpers::{as_role, cadre_ref, staff};
use banzi_domain::DomainError;
use banzi_domain::codes::Manner;
use banzi_domain::role::Role;
use banzi_domain::selection::{NameVotes, Status, Step, VoteCount};
use banzi_store::{CaseInput, OpenCase, Pool, Store};

pub fn opening(on: &str) -> OpenCase {
    OpenCase {
        batch: None,
        post_code: "P3".into(),
        places: 1,
        reason: "王强同志到龄退休".into(),
        scope: "市直单位县处级干部".into(),
        conditions: "大学以上学历".into(),
        contested: false,
        on: day(on),
    }
}

fn political() -> [String; 5] {
    ["忠诚", "坚定", "担当", "能力强", "自律"].map(String::from)
}

/// The steps that take a case on P3 to 赵敏 as its 考察对象: talks, 提名, 确定考察对象.
pub fn to_shortlist(zhao: i64) -> [CaseInput; 3] {
    [
        CaseInput::Talks {
            on: day("2026-08-05"),
            talked_to: 25,
            scope: "市教育局班子成员和中层干部".into(),
            summary: "多数同志推荐赵敏".into(),
            names: vec![NameVotes {
                name: "赵敏".into(),
                votes: 18,
            }],
        },
        CaseInput::Nominate {
            on: day("2026-08-06"),
            cadre: zhao,
        },
        CaseInput::Shortlist {
            on: day("2026-08-07"),
            candidates: vec![zhao],
        },
    ]
}

/// A case on P3 (市教育局局长) with 赵敏 named in talks, nominated and shortlisted.
pub async fn shortlisted_case(store: &Store) -> (i64, i64) {
    import(store).await;
    let s = staff();
    let id = store
        .open_selection_case(&s, &opening("2026-08-01"))
        .await
        .unwrap();
    let zhao = cadre_ref(store, &zhao_min()).await;
    for step in to_shortlist(zhao) {
        store.selection_command(&s, id, step).await.unwrap();
    }
    (id, zhao)
}

/// 考察 of `zhao` and the reviewer's clear opinion: the case then waits for its 常委会.
pub async fn inspect_and_clear(store: &Store, id: i64, zhao: i64) {
    store
        .selection_command(
            &staff(),
            id,
            CaseInput::Inspect {
                on: day("2026-08-20"),
                candidate: zhao,
                work_circle: "工作圈评价好".into(),
                life_circle: "生活圈无不良反映".into(),
                political: political(),
                personal_matters: "如实报告".into(),
                file_review: "三龄两历一身份经审核无误".into(),
            },
        )
        .await
        .expect("inspect");
    store
        .selection_command(
            &as_role(Role::Discipline, None),
            id,
            CaseInput::Opinion {
                on: day("2026-08-25"),
                candidate: zhao,
                veto: false,
                text: "未发现违纪违法问题".into(),
            },
        )
        .await
        .expect("opinion");
}

async fn a_case_runs_from_initiation_to_the_registry(store: Store) {
    let (id, zhao) = shortlisted_case(&store).await;
    let s = staff();
    store
        .selection_command(
            &s,
            id,
            CaseInput::Inspect {
                on: day("2026-08-20"),
                candidate: zhao,
                work_circle: "工作圈评价好".into(),
                life_circle: "生活圈无不良反映".into(),
                political: political(),
                personal_matters: "如实报告".into(),
                file_review: "三龄两历一身份经审核无误".into(),
            },
        )
        .await
        .unwrap();
    // The opinion is the reviewer's (R-SEL-7).
    let opinion = CaseInput::Opinion {
        on: day("2026-08-25"),
        candidate: zhao,
        veto: false,
        text: "未发现违纪违法问题".into(),
    };
    let e = store
        .selection_command(&s, id, opinion.clone())
        .await
        .unwrap_err();
    assert!(
        matches!(&e, DomainError::Invalid(f) if f[0].field == "R-SEL-7"),
        "{e:?}"
    );
    let reviewer = as_role(Role::Discipline, None);
    store
        .selection_command(&reviewer, id, opinion)
        .await
        .unwrap();
    let counts = vec![VoteCount {
        candidate: zhao,
        yes: 9,
        no: 2,
        abstain: 0,
    }];
    let file = store
        .selection_command(
            &s,
            id,
            CaseInput::Vote {
                on: day("2026-09-10"),
                members: 13,
                present: 11,
                counts: counts.clone(),
                second_keying: Some(counts),
                ballot: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(file.case.step(), Step::Publicity);
    assert_eq!(file.row.step, "publicity");
    // 公示 over 2026-09-20, a Sunday that is a working day (R-SEL-9).
    let file = store
        .selection_command(
            &s,
            id,
            CaseInput::Publicity {
                on: day("2026-09-18"),
                candidate: zhao,
            },
        )
        .await
        .unwrap();
    let (_, last, allowed) = file.case.candidate(zhao).unwrap().publicity.unwrap();
    assert_eq!((last, allowed), (day("2026-09-23"), day("2026-09-24")));
    let appoint = |on: &str| CaseInput::Appoint {
        on: day(on),
        candidate: zhao,
        document_no: "江委〔2026〕45号".into(),
        manner: Manner::Appointed,
        ending: vec![],
    };
    let e = store
        .selection_command(&s, id, appoint("2026-09-23"))
        .await
        .unwrap_err();
    assert!(
        matches!(&e, DomainError::Invalid(f) if f[0].field == "R-SEL-9"),
        "{e:?}"
    );
    let file = store
        .selection_command(&s, id, appoint("2026-09-24"))
        .await
        .unwrap();
    assert_eq!(file.case.candidate(zhao).unwrap().status, Status::Appointed);
    assert_eq!(file.case.step(), Step::Done);
    // The registry has the appointment, with the document number (R-SEL-10).
    let profile = store
        .cadre(&s, &zhao_min(), day("2026-09-24"))
        .await
        .unwrap();
    let a = profile
        .appointments
        .iter()
        .find(|a| a.post_code == "P3")
        .expect("appointed in the registry");
    assert_eq!(a.start_date, "2026-09-24");
    assert_eq!(a.doc_no, "江委〔2026〕45号");
    assert_eq!(a.manner.as_deref(), Some("委任"));
    // Every case verifies (R-SEL-12).
    assert_eq!(store.verify_selection().await.unwrap(), Ok(1));
    assert!(store.verify_audit().await.unwrap().is_ok());
}
both!(a_case_runs_from_initiation_to_the_registry);

async fn a_refused_step_writes_nothing(store: Store) {
    import(&store).await;
    let s = staff();
    let id = store
        .open_selection_case(&s, &opening("2026-08-01"))
        .await
        .unwrap();
    let head = store.audit_head().await.unwrap();
    let zhao = cadre_ref(&store, &zhao_min()).await;
    store
        .selection_command(
            &s,
            id,
            CaseInput::Nominate {
                on: day("2026-08-02"),
                cadre: zhao,
            },
        )
        .await
        .unwrap();
    let after_nomination = store.audit_head().await.unwrap();
    assert!(after_nomination.seq > head.seq);
    // No recommendation: 考察对象 cannot be determined (R-SEL-1).
    let e = store
        .selection_command(
            &s,
            id,
            CaseInput::Shortlist {
                on: day("2026-08-07"),
                candidates: vec![zhao],
            },
        )
        .await
        .unwrap_err();
    let DomainError::Invalid(fields) = e else {
        panic!("{e:?}")
    };
    assert_eq!(fields[0].field, "R-SEL-1");
    assert_eq!(
        crate::helpers::zh(&fields[0].message),
        "未经民主推荐（会议推荐或谈话调研推荐），不能确定考察对象"
    );
    assert_eq!(store.audit_head().await.unwrap(), after_nomination);
    let file = store.selection_case(&s, id).await.unwrap();
    assert_eq!(file.events.len(), 2);
    assert_eq!(file.row.step, "recommendation");
    // Someone who is not a candidate is not appointed, and nothing is written.
    let wang = cadre_ref(&store, &wang_qiang()).await;
    assert!(
        store
            .selection_command(
                &s,
                id,
                CaseInput::Withdraw {
                    on: day("2026-08-08"),
                    candidate: wang,
                    reason: "x".into()
                }
            )
            .await
            .is_err()
    );
    assert_eq!(store.audit_head().await.unwrap(), after_nomination);
}
both!(a_refused_step_writes_nothing);

async fn tampering_with_a_case_is_caught(store: Store) {
    let (id, _) = shortlisted_case(&store).await;
    assert_eq!(store.verify_selection().await.unwrap(), Ok(1));
    let edit = |sql: &'static str| {
        let store = store.clone();
        async move {
            match store.pool() {
                Pool::Sqlite(p) => {
                    sqlx::query(sql).execute(p).await.unwrap();
                }
                Pool::Pg(p) => {
                    sqlx::query(sql).execute(p).await.unwrap();
                }
            }
        }
    };
    // An edit of one row's text.
    edit("UPDATE selection_events SET body = replace(body, '赵敏', '李娜') WHERE seq = 2").await;
    let b = store.verify_selection().await.unwrap().unwrap_err();
    assert_eq!((b.case_id, b.seq), (id, 2));
    edit("UPDATE selection_events SET body = replace(body, '李娜', '赵敏') WHERE seq = 2").await;
    assert_eq!(store.verify_selection().await.unwrap(), Ok(1));
    // The case page refuses to show a broken record.
    edit("UPDATE selection_events SET actor = 'someone' WHERE seq = 3").await;
    assert!(store.selection_case(&staff(), id).await.is_err());
    edit("UPDATE selection_events SET actor = 't-staff' WHERE seq = 3").await;
    // The newest row deleted, and the case row set back to match: the audit trail's anchor
    // still names the deleted row.
    edit("DELETE FROM selection_events WHERE seq = 4").await;
    edit(
        "UPDATE selection_cases SET events = 3, head = (SELECT hash FROM selection_events WHERE seq = 3), step = 'shortlist'",
    )
    .await;
    let b = store.verify_selection().await.unwrap().unwrap_err();
    assert_eq!(b.reason.id, "sel-chain-head");
}
both!(tampering_with_a_case_is_caught);

async fn a_liaison_sees_no_case(store: Store) {
    let (id, _) = shortlisted_case(&store).await;
    let liaison = as_role(Role::Liaison, Some("U2"));
    assert!(matches!(
        store.selection_case(&liaison, id).await,
        Err(DomainError::Forbidden(_))
    ));
    assert!(matches!(
        store.selection_cases(&liaison, &Default::default()).await,
        Err(DomainError::Forbidden(_))
    ));
    let leader = as_role(Role::Leader, None);
    assert_eq!(
        store
            .selection_cases(&leader, &Default::default())
            .await
            .unwrap()
            .len(),
        1
    );
    // A leader reads and does not write.
    assert!(
        store
            .selection_command(
                &leader,
                id,
                CaseInput::Withdraw {
                    on: day("2026-08-08"),
                    candidate: 1,
                    reason: "x".into()
                }
            )
            .await
            .is_err()
    );
}
both!(a_liaison_sees_no_case);

/// Every kind of event a case records, on a registry already imported and a closed ballot
/// session with a recommendation question (`session`): case A records the meeting
/// recommendation, case B goes from 动议 to 任职 through every other kind. Returns (batch,
/// case A, case B). The audit conformance test checks the entry of each.
pub async fn every_kind_of_event(store: &Store, session: i64) -> (i64, i64, i64) {
    let s = staff();
    let batch = store
        .create_selection_batch(&s, "2026年个别调整", "个别调整")
        .await
        .expect("batch");
    let mut open = opening("2026-08-01");
    open.batch = Some(batch);
    let a = store.open_selection_case(&s, &open).await.expect("case A");
    store
        .selection_command(
            &s,
            a,
            CaseInput::Meeting {
                on: day("2026-11-21"),
                session,
            },
        )
        .await
        .expect("meeting");
    let b = store.open_selection_case(&s, &open).await.expect("case B");
    let zhao = cadre_ref(store, &zhao_min()).await;
    let wang = cadre_ref(store, &wang_qiang()).await;
    let run = |input: CaseInput| {
        let s = s.clone();
        async move { store.selection_command(&s, b, input).await.expect("step") }
    };
    run(CaseInput::Talks {
        on: day("2026-08-05"),
        talked_to: 25,
        scope: "班子成员和中层干部".into(),
        summary: "多数推荐赵敏".into(),
        names: vec![NameVotes {
            name: "赵敏".into(),
            votes: 18,
        }],
    })
    .await;
    run(CaseInput::Organization {
        on: day("2026-08-05"),
        names: vec!["赵敏".into()],
        note: String::new(),
    })
    .await;
    run(CaseInput::Nominate {
        on: day("2026-08-06"),
        cadre: zhao,
    })
    .await;
    run(CaseInput::Nominate {
        on: day("2026-08-06"),
        cadre: wang,
    })
    .await;
    run(CaseInput::Withdraw {
        on: day("2026-08-06"),
        candidate: wang,
        reason: "本人申请".into(),
    })
    .await;
    run(CaseInput::Shortlist {
        on: day("2026-08-07"),
        candidates: vec![zhao],
    })
    .await;
    let inspect = |life: &str| CaseInput::Inspect {
        on: day("2026-08-20"),
        candidate: zhao,
        work_circle: "工作圈评价好".into(),
        life_circle: life.into(),
        political: political(),
        personal_matters: "如实报告".into(),
        file_review: "经审核无误".into(),
    };
    let file = run(inspect("生活圈无反映")).await;
    let at = file
        .case
        .records
        .iter()
        .position(|e| matches!(e, banzi_domain::selection::Event::Inspected(_)))
        .expect("inspection") as u32;
    let mut fixed = file
        .case
        .candidate(zhao)
        .unwrap()
        .inspection
        .clone()
        .unwrap();
    fixed.life_circle = "生活圈：邻里评价好".into();
    run(CaseInput::Correct {
        on: day("2026-08-21"),
        of: at,
        reason: "录入有误".into(),
        event: banzi_domain::selection::Event::Inspected(fixed),
    })
    .await;
    store
        .selection_command(
            &as_role(Role::Discipline, None),
            b,
            CaseInput::Opinion {
                on: day("2026-08-25"),
                candidate: zhao,
                veto: false,
                text: "未发现问题".into(),
            },
        )
        .await
        .expect("opinion");
    run(CaseInput::Objection {
        on: day("2026-08-26"),
        candidate: zhao,
        serious: true,
        text: "反映违规问题".into(),
    })
    .await;
    run(CaseInput::Verify {
        on: day("2026-08-30"),
        objection: 1,
        upheld: false,
        finding: "经核实不属实".into(),
    })
    .await;
    let counts = vec![VoteCount {
        candidate: zhao,
        yes: 9,
        no: 2,
        abstain: 0,
    }];
    run(CaseInput::Vote {
        on: day("2026-09-10"),
        members: 13,
        present: 11,
        counts: counts.clone(),
        second_keying: Some(counts),
        ballot: None,
    })
    .await;
    run(CaseInput::Publicity {
        on: day("2026-09-18"),
        candidate: zhao,
    })
    .await;
    run(CaseInput::Appoint {
        on: day("2026-09-24"),
        candidate: zhao,
        document_no: "江委〔2026〕45号".into(),
        manner: Manner::Appointed,
        ending: vec![],
    })
    .await;
    (batch, a, b)
}

/// R-SEL-8 through a banzi approval ballot: the 常委会's secret vote held as a session (13
/// members, 11 present, paper slips keyed twice), its 同意 counts read into the case; 9 of
/// 13 members pass.
async fn the_committee_votes_through_an_approval_ballot(store: Store) {
    use banzi_domain::ballot::{Answer, Group, Question, QuestionKind, SessionSpec};
    let (id, zhao) = shortlisted_case(&store).await;
    inspect_and_clear(&store, id, zhao).await;
    let s = staff();
    let spec = SessionSpec {
        title: "市委常委会票决".into(),
        meeting_date: day("2026-09-10"),
        expected: 13,
        attended: Some(11),
        groups: vec![Group {
            name: "常委".into(),
            weight: 100,
            codes: 13,
        }],
        questions: vec![Question {
            title: "干部任免表决".into(),
            kind: QuestionKind::Approve,
            options: vec!["赵敏".into()],
        }],
        threshold: banzi_domain::rules::Fraction { num: 1, den: 2 },
        grade_values: [100, 80, 60, 0],
    };
    let ballot = store.create_ballot(&s, &spec).await.expect("ballot");
    store.issue_codes(&s, ballot).await.expect("codes");
    store.open_ballot(&s, ballot).await.expect("open");
    let second = banzi_domain::role::Actor {
        login: "t-staff-2".into(),
        ..s.clone()
    };
    for slip in 1..=11i64 {
        let mark = if slip <= 9 { 0 } else { 1 };
        let paper = vec![Answer::Marks {
            marks: vec![Some(mark)],
        }];
        store
            .key_paper(&s, ballot, slip, 0, &paper)
            .await
            .expect("key");
        store
            .key_paper(&second, ballot, slip, 0, &paper)
            .await
            .expect("key again");
    }
    store.count_paper(&s, ballot).await.expect("count");
    store.close_ballot(&s, ballot).await.expect("close");
    let file = store
        .selection_command(
            &s,
            id,
            CaseInput::Vote {
                on: day("2026-09-10"),
                members: 13,
                present: 0,
                counts: vec![],
                second_keying: None,
                ballot: Some(ballot),
            },
        )
        .await
        .expect("vote");
    let c = file.case.candidate(zhao).unwrap();
    assert_eq!(c.status, Status::Passed);
    assert_eq!(
        c.vote,
        Some(VoteCount {
            candidate: zhao,
            yes: 9,
            no: 2,
            abstain: 0
        })
    );
    let voted = file.case.records.iter().find_map(|e| match e {
        banzi_domain::selection::Event::CommitteeVoted {
            present, source, ..
        } => Some((*present, source.clone())),
        _ => None,
    });
    assert_eq!(
        voted,
        Some((
            11,
            banzi_domain::selection::VoteSource::Ballot { session: ballot }
        ))
    );
}
both!(the_committee_votes_through_an_approval_ballot);

/// The board's filters (batch, unit, staff member, step) find the cases they name.
async fn the_board_filters_by_batch_unit_staff_and_step(store: Store) {
    let (plain, _) = shortlisted_case(&store).await;
    let s = staff();
    let batch = store
        .create_selection_batch(&s, "2026年换届", "换届")
        .await
        .expect("batch");
    let mut open = opening("2026-08-02");
    open.batch = Some(batch);
    let in_batch = store.open_selection_case(&s, &open).await.expect("case");
    let ids = |f: banzi_store::CaseFilter| {
        let store = store.clone();
        async move {
            let mut v: Vec<i64> = store
                .selection_cases(&staff(), &f)
                .await
                .expect("cases")
                .iter()
                .map(|c| c.id)
                .collect();
            v.sort();
            v
        }
    };
    let f = |batch: Option<i64>, unit: Option<&str>, who: Option<&str>, step: Option<&str>| {
        banzi_store::CaseFilter {
            batch,
            unit: unit.map(String::from),
            staff: who.map(String::from),
            step: step.map(String::from),
        }
    };
    assert_eq!(ids(f(None, None, None, None)).await, [plain, in_batch]);
    assert_eq!(ids(f(Some(batch), None, None, None)).await, [in_batch]);
    assert_eq!(
        ids(f(None, Some("U2"), None, None)).await,
        [plain, in_batch]
    );
    assert_eq!(
        ids(f(None, Some("U1"), None, None)).await,
        Vec::<i64>::new()
    );
    assert_eq!(
        ids(f(None, None, Some("t-staff"), None)).await,
        [plain, in_batch]
    );
    assert_eq!(
        ids(f(None, None, Some("someone"), None)).await,
        Vec::<i64>::new()
    );
    assert_eq!(ids(f(None, None, None, Some("inspection"))).await, [plain]);
    assert_eq!(
        ids(f(None, None, None, Some("recommendation"))).await,
        [in_batch]
    );
    let batches = store.selection_batches(&s).await.expect("batches");
    assert_eq!(
        batches
            .iter()
            .map(|b| (b.name.as_str(), b.kind.as_str()))
            .collect::<Vec<_>>(),
        [("2026年换届", "换届")]
    );
    // A batch of another kind is refused in Chinese, and nothing is written.
    let e = store
        .create_selection_batch(&s, "x", "调整")
        .await
        .expect_err("kind");
    assert!(
        matches!(e, DomainError::Invalid(ref f) if f[0].field == "kind"),
        "{e:?}"
    );
}
both!(the_board_filters_by_batch_unit_staff_and_step);
