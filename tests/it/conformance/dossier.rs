//! The dossier's store operations on both backends: who holds each post on a day (the 任职
//! picker and its R-STRUCT-4 check), and the correction of one 简历 line, audited.

use super::{day, import};
use crate::fixture::{li_na, zhang_wei};
use crate::helpers::{as_role, audited, staff};
use banzi_domain::DomainError;
use banzi_domain::cadre::ResumeLine;
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

both!(holders_on_a_day_are_those_in_post_then);
both!(a_resume_line_is_replaced_in_one_audited_step);
