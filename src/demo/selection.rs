//! The demo's selection cases (issue 17, item 7): a batch of 个别调整 with one case appointed
//! with its whole 全程纪实, one in 任前公示, one waiting for its 常委会 and one stopped by a
//! 廉政意见 veto, dated back from today so a newcomer sees the procedure at each step.
//!
//! Every step goes through `Store::selection_command`, so the demo is refused where a user
//! would be: a candidate is the first cadre of the city who is eligible for the post
//! (R-SEL-6), and a 公示 the calendar cannot count (a year with no notice) leaves its case
//! waiting at 任前公示 rather than inventing one.

use banzi_domain::codes::Manner;
use banzi_domain::date::{epoch_day, from_epoch_day, iso};
use banzi_domain::role::{Actor, Role, Scope};
use banzi_domain::selection::{NameVotes, VoteCount};
use banzi_domain::{Date, DomainError};
use banzi_store::{CaseInput, OpenCase, Store, today};

/// What the demo's staff and reviewer typed into its cases, as pages show it in every
/// language (they are records, not interface text).
pub const TEXTS: [&str; 17] = [
    BATCH,
    REASON,
    SCOPE,
    CONDITIONS,
    TALKS_SCOPE,
    TALKS_SUMMARY,
    "在工作圈考察中，干部群众评价其工作思路清晰，抓落实有力",
    "在生活圈考察中，邻里和社区反映其遵纪守法、家风良好",
    "对党忠诚，坚决做到“两个维护”",
    "理想信念坚定，大是大非面前立场坚定",
    "勇于担当，敢于碰硬",
    "政治判断力、领悟力、执行力较强",
    "严守政治纪律和政治规矩",
    "个人有关事项报告如实，经查核一致",
    "三龄两历一身份经审核无误",
    OPINIONS,
    DOCUMENT,
];
const BATCH: &str = "2026年下半年干部个别调整（示范）";
const REASON: &str = "原任职人员交流任职，岗位空缺";
const SCOPE: &str = "本单位及市直有关单位";
const CONDITIONS: &str = "具有大学以上学历，县处级以上领导职务任职资格";
const TALKS_SCOPE: &str = "本单位班子成员、中层干部和干部职工代表";
const TALKS_SUMMARY: &str = "普遍认为该同志政治坚定、敢于担当、实绩突出";
const OPINIONS: &str = "经查，该同志存在违反中央八项规定精神问题，不同意提拔任用；未发现该同志有违纪违法问题，无不同意见";
const DOCUMENT: &str = "江委〔2026〕88号";

fn back(days: i32) -> Date {
    from_epoch_day(epoch_day(today()) - days)
}

/// How far a demo case goes.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Until {
    Veto,
    Committee,
    Publicity,
    Appointed,
}

/// The posts of the demo's cases: 副职 of four city departments, and how far each goes.
const CASES: [(&str, Until); 4] = [
    ("市发展和改革委", Until::Appointed),
    ("市教育局", Until::Publicity),
    ("市财政局", Until::Committee),
    ("市卫生健康委", Until::Veto),
];

pub async fn build(store: &Store) -> anyhow::Result<()> {
    let staff = Actor::cli("demo");
    let reviewer = Actor {
        login: "jijian".into(),
        role: Role::Discipline,
        scope: Scope::All,
    };
    let batch = store
        .create_selection_batch(&staff, BATCH, "个别调整")
        .await?;
    let posts = store.all_posts(&staff).await?;
    let (cadres, _) = store
        .search_cadres(
            &staff,
            &banzi_store::CadreFilter {
                today: iso(today()),
                per_page: 400,
                ..Default::default()
            },
        )
        .await?;
    let mut used: Vec<i64> = Vec::new();
    for (unit, until) in CASES {
        let Some(post) = posts
            .iter()
            .find(|p| p.unit_name.ends_with(unit) && p.kind == "副职")
        else {
            continue;
        };
        let open = OpenCase {
            batch: Some(batch),
            post_code: post.code.clone(),
            places: 1,
            reason: REASON.into(),
            scope: SCOPE.into(),
            conditions: CONDITIONS.into(),
            contested: false,
            on: back(150),
        };
        let id = store.open_selection_case(&staff, &open).await?;
        // The first cadre of the city eligible for the post (R-SEL-6).
        let mut who = None;
        for c in cadres.iter().filter(|c| !used.contains(&c.id)) {
            let nominate = CaseInput::Nominate {
                on: back(140),
                cadre: c.id,
            };
            match store.selection_command(&staff, id, nominate).await {
                Ok(_) => {
                    who = Some((c.id, c.name.clone(), c.id_number.clone()));
                    break;
                }
                Err(DomainError::Invalid(_)) => continue,
                Err(e) => return Err(e.into()),
            }
        }
        let Some((cadre, name, id_number)) = who else {
            continue;
        };
        used.push(cadre);
        let step = |input: CaseInput| {
            let staff = staff.clone();
            async move { store.selection_command(&staff, id, input).await }
        };
        step(CaseInput::Talks {
            on: back(141),
            talked_to: 32,
            scope: TALKS_SCOPE.into(),
            summary: TALKS_SUMMARY.into(),
            names: vec![NameVotes {
                name: name.clone(),
                votes: 26,
            }],
        })
        .await?;
        step(CaseInput::Shortlist {
            on: back(130),
            candidates: vec![cadre],
        })
        .await?;
        step(CaseInput::Inspect {
            on: back(110),
            candidate: cadre,
            work_circle: TEXTS[6].into(),
            life_circle: TEXTS[7].into(),
            political: [TEXTS[8], TEXTS[9], TEXTS[10], TEXTS[11], TEXTS[12]].map(String::from),
            personal_matters: TEXTS[13].into(),
            file_review: TEXTS[14].into(),
        })
        .await?;
        let veto = until == Until::Veto;
        store
            .selection_command(
                &reviewer,
                id,
                CaseInput::Opinion {
                    on: back(100),
                    candidate: cadre,
                    veto,
                    text: OPINIONS
                        .split('；')
                        .nth(usize::from(!veto))
                        .unwrap_or_default()
                        .into(),
                },
            )
            .await?;
        if until <= Until::Committee {
            continue;
        }
        let counts = vec![VoteCount {
            candidate: cadre,
            yes: 11,
            no: 1,
            abstain: 0,
        }];
        let voted = if until == Until::Appointed { 90 } else { 6 };
        step(CaseInput::Vote {
            on: back(voted),
            members: 13,
            present: 12,
            counts: counts.clone(),
            second_keying: Some(counts),
            ballot: None,
        })
        .await?;
        let opened = if until == Until::Appointed { 88 } else { 2 };
        let publicity = step(CaseInput::Publicity {
            on: back(opened),
            candidate: cadre,
        })
        .await;
        let file = match publicity {
            Ok(f) => f,
            // A year with no calendar yet: the case waits at 任前公示.
            Err(DomainError::Invalid(_)) => continue,
            Err(e) => return Err(e.into()),
        };
        if until != Until::Appointed {
            continue;
        }
        let allowed = file
            .case
            .candidate(cadre)
            .and_then(|c| c.publicity)
            .map_or(back(60), |(_, _, a)| a);
        let held = store.cadre(&staff, &id_number, allowed).await?;
        let ending = held
            .appointments
            .iter()
            .filter(|a| a.end_date.is_none())
            .map(|a| a.id)
            .collect();
        step(CaseInput::Appoint {
            on: allowed,
            candidate: cadre,
            document_no: DOCUMENT.into(),
            manner: Manner::Appointed,
            ending,
        })
        .await?;
    }
    Ok(())
}
