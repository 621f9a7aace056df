//! The dossier's store operations on both backends: who holds each post on a day (the 任职
//! picker and its R-STRUCT-4 check), and the correction of one 简历 line, audited.

use super::{day, import};
use crate::fixture::{li_na, zhang_wei};
use crate::helpers::{as_role, audited, staff};
use banzi_domain::DomainError;
use banzi_domain::cadre::{FamilyMember, ResumeLine, RewardEntry, YearRating};
use banzi_domain::codes::TrainingKind;
use banzi_domain::registry::{Portfolio, Training};
use banzi_domain::role::Role;
use banzi_store::{CadreRecord, Store};

async fn holders_on_a_day_are_those_in_post_then(store: Store) {
    import(&store).await;
    let names = |d: &str| {
        let store = store.clone();
        let d = day(d);
        async move {
            store
                .post_holders(&staff(), d)
                .await
                .expect("holders")
                .into_iter()
                .map(|h| (h.post_code, h.cadre_name))
                .collect::<Vec<_>>()
        }
    };
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        names("2026-01-01").await,
        pairs(&[("P1", "张伟"), ("P2", "李娜"), ("P3", "王强")])
    );
    // 李娜's first run ended 2019-01-01: on that day she no longer held it; the next run
    // starts the day after. 张伟 started 2016-03-01.
    assert_eq!(
        names("2019-01-01").await,
        pairs(&[("P1", "张伟"), ("P3", "王强")])
    );
    assert_eq!(
        names("2016-02-29").await,
        pairs(&[("P2", "李娜"), ("P3", "王强")])
    );
    // It spans every unit: 组织部 staff only.
    let liaison = as_role(Role::Liaison, Some("U1"));
    assert!(matches!(
        store.post_holders(&liaison, day("2026-01-01")).await,
        Err(DomainError::Forbidden(_))
    ));
}

async fn a_resume_line_is_replaced_in_one_audited_step(store: Store) {
    import(&store).await;
    let open = ResumeLine::parse("2016.03", "", "市财政局局长").expect("line");
    store
        .add_cadre_record(
            &staff(),
            &zhang_wei(),
            &CadreRecord::Resume(open),
            day("2026-01-01"),
        )
        .await
        .expect("added");
    let d = store
        .cadre(&staff(), &zhang_wei(), day("2026-01-01"))
        .await
        .expect("cadre");
    let line = d.resume[0].id;
    let closed = ResumeLine::parse("2016.03", "2026.03", "市财政局局长").expect("line");
    // Another unit's liaison cannot reach 张伟's file; nothing changes.
    let other = as_role(Role::Liaison, Some("U2"));
    assert!(
        store
            .replace_resume_line(&other, &zhang_wei(), line, &closed, day("2026-04-01"))
            .await
            .is_err()
    );
    // A line of another cadre is not this cadre's: not found, nothing removed or added.
    let li = store
        .cadre(&staff(), &li_na(), day("2026-01-01"))
        .await
        .expect("cadre");
    assert!(li.resume.is_empty());
    assert!(matches!(
        store
            .replace_resume_line(&staff(), &li_na(), line, &closed, day("2026-04-01"))
            .await,
        Err(DomainError::NotFound(_))
    ));
    let li = store
        .cadre(&staff(), &li_na(), day("2026-01-01"))
        .await
        .expect("cadre");
    assert!(li.resume.is_empty(), "the failed replacement added nothing");
    store
        .replace_resume_line(&staff(), &zhang_wei(), line, &closed, day("2026-04-01"))
        .await
        .expect("replaced");
    let d = store
        .cadre(&staff(), &zhang_wei(), day("2026-04-01"))
        .await
        .expect("cadre");
    assert_eq!(d.resume.len(), 1);
    assert_eq!(d.resume[0].start_ym, "2016.03");
    assert_eq!(d.resume[0].end_ym.as_deref(), Some("2026.03"));
    assert_eq!(d.resume[0].text, "市财政局局长");
    let key = zhang_wei();
    assert_eq!(
        audited(&store, "cadre.resume.remove", None, Some(&key))
            .await
            .len(),
        1
    );
    assert_eq!(
        audited(&store, "cadre.resume.add", None, Some(&key))
            .await
            .len(),
        2
    );
}

/// A profile's 简历, family, 奖惩 and 考核 lines, read in one statement, each come in their
/// list's order whatever the order they were entered in (简历 by start, family as entered,
/// 奖惩 by date, 考核 by year), and the photo is there once set.
async fn a_profile_lists_each_record_in_its_order(store: Store) {
    import(&store).await;
    let today = day("2026-01-01");
    let before = store.cadre(&staff(), &li_na(), today).await.expect("cadre");
    assert!(!before.has_photo);
    for rec in [
        CadreRecord::Resume(ResumeLine::parse("2010.07", "2016.02", "某乡乡长").expect("r")),
        CadreRecord::Resume(ResumeLine::parse("2001.07", "2010.06", "某乡科员").expect("r")),
        CadreRecord::Family(
            FamilyMember::parse("丈夫", "王刚", "1978.05", "中共党员", "教师").expect("f"),
        ),
        CadreRecord::Family(
            FamilyMember::parse("女儿", "王小", "2008.09", "群众", "学生").expect("f"),
        ),
        CadreRecord::Reward(RewardEntry::parse("2020-01-01", "奖励", "抗洪").expect("w")),
        CadreRecord::Reward(RewardEntry::parse("2018-05-01", "奖励", "扶贫").expect("w")),
        CadreRecord::Rating(YearRating::parse("2025", "优秀").expect("y")),
        CadreRecord::Rating(YearRating::parse("2023", "称职").expect("y")),
    ] {
        store
            .add_cadre_record(&staff(), &li_na(), &rec, today)
            .await
            .expect("added");
    }
    store
        .set_photo(
            &staff(),
            &li_na(),
            "image/jpeg",
            &[0xFF, 0xD8, 0xFF, 0xD9],
            today,
        )
        .await
        .expect("photo");
    let id = banzi_domain::IdNumber::parse(&li_na()).expect("id");
    for (work, start) in [("审计", "2024-06-01"), ("财务", "2017-03-01")] {
        let f = Portfolio {
            id_number: id.clone(),
            post_code: "P2".into(),
            work: work.into(),
            start: day(start),
            end: None,
        };
        assert!(store.add_portfolio(&staff(), &f).await.expect("portfolio"));
    }
    for (name, start, hours) in [
        ("数字政府", "2024-03-01", None),
        ("党性教育", "2021-09-01", Some(12.3)),
    ] {
        let t = Training {
            id_number: id.clone(),
            name: name.into(),
            kind: TrainingKind::Professional,
            start: day(start),
            end: None,
            hours,
        };
        assert!(
            store
                .add_training(&staff(), &t, today)
                .await
                .expect("training")
        );
    }
    let d = store.cadre(&staff(), &li_na(), today).await.expect("cadre");
    assert!(d.has_photo);
    let resume: Vec<(String, i64, String)> = d
        .resume
        .iter()
        .map(|r| (r.start_ym.clone(), r.id, r.text.clone()))
        .collect();
    let mut sorted = resume.clone();
    sorted.sort();
    assert_eq!(resume, sorted);
    let texts: Vec<&str> = resume.iter().map(|r| r.2.as_str()).collect();
    let at = |t: &str| texts.iter().position(|x| *x == t).expect(t);
    assert!(at("某乡科员") < at("某乡乡长"), "{texts:?}");
    let family: Vec<(i64, &str)> = d.family.iter().map(|f| (f.id, f.name.as_str())).collect();
    assert!(family.windows(2).all(|w| w[0].0 < w[1].0), "{family:?}");
    assert_eq!(
        &family[family.len() - 2..]
            .iter()
            .map(|f| f.1)
            .collect::<Vec<_>>(),
        &["王刚", "王小"]
    );
    assert_eq!(d.family.last().map(|f| f.work.as_str()), Some("学生"));
    let rewards: Vec<(&str, &str)> = d
        .rewards
        .iter()
        .map(|r| (r.on_date.as_str(), r.text.as_str()))
        .collect();
    let mut sorted = rewards.clone();
    sorted.sort();
    assert_eq!(rewards, sorted);
    assert!(rewards.contains(&("2018-05-01", "扶贫")) && rewards.contains(&("2020-01-01", "抗洪")));
    let years: Vec<i64> = d.ratings.iter().map(|r| r.year).collect();
    assert!(years.windows(2).all(|w| w[0] < w[1]), "{years:?}");
    assert!(years.contains(&2023) && years.contains(&2025));
    // 分工 and trainings, by the day they started (the fixture's 预算 from 2019-01-02).
    let portfolios: Vec<(&str, &str, &str)> = d
        .portfolios
        .iter()
        .map(|f| (f.start_date.as_str(), f.work.as_str(), f.post_code.as_str()))
        .collect();
    assert_eq!(
        portfolios,
        [
            ("2017-03-01", "财务", "P2"),
            ("2019-01-02", "预算", "P2"),
            ("2024-06-01", "审计", "P2")
        ]
    );
    assert!(d.portfolios.iter().all(|f| f.id_number == li_na()));
    let trainings: Vec<(&str, &str, Option<f64>)> = d
        .trainings
        .iter()
        .map(|t| (t.start_date.as_str(), t.name.as_str(), t.hours))
        .collect();
    assert_eq!(
        trainings,
        [
            ("2021-09-01", "党性教育", Some(12.3)),
            ("2024-03-01", "数字政府", None)
        ]
    );
    assert!(d.trainings.iter().all(|t| t.id_number == li_na()));
}

both!(holders_on_a_day_are_those_in_post_then);
both!(a_profile_lists_each_record_in_its_order);
both!(a_resume_line_is_replaced_in_one_audited_step);
