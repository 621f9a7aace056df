//! 信息校核 on both backends (issue 16, item 5): a roster completed for print, with planted
//! inconsistencies, yields exactly those, by unit; a unit liaison checks its own unit only
//! (R-SEC-1).

use super::{day, import};
use crate::fixture::{li_na, wang_qiang, zhang_wei, zhao_min};
use crate::helpers::{as_role, staff};
use banzi_domain::cadre::ResumeLine;
use banzi_domain::datacheck::{Check, Report};
use banzi_domain::role::Role;
use banzi_store::{CadreRecord, Pool, Store};
use std::collections::BTreeSet;

const TODAY: &str = "2026-11-21";

/// Runs SQL on the database as it is, beside the store: records older than the checks at
/// import, or written by another program.
async fn raw(store: &Store, sql: &str) {
    match store.pool() {
        Pool::Sqlite(p) => sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(p)
            .await
            .map(drop),
        Pool::Pg(p) => sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(p)
            .await
            .map(drop),
    }
    .expect(sql);
}

async fn resume(store: &Store, id_number: &str, lines: &[(&str, &str, &str)]) {
    for (start, end, text) in lines {
        let line = ResumeLine::parse(start, end, text).expect("line");
        store
            .add_cadre_record(&staff(), id_number, &CadreRecord::Resume(line), day(TODAY))
            .await
            .expect("resume line");
    }
}

/// The fixture with everything the 任免审批表 needs and 简历 that agree with the posts.
async fn complete(store: &Store) {
    import(store).await;
    raw(
        store,
        "UPDATE cadres SET native_place = '江苏南京', work_started = '2003-07-01'",
    )
    .await;
    raw(
        store,
        &format!(
            "UPDATE cadres SET work_started = '2012-07-01' WHERE id_number = '{}'",
            zhao_min()
        ),
    )
    .await;
    raw(
        store,
        "UPDATE cadres SET party_joined = '2001-06-01' WHERE party = '中共党员'",
    )
    .await;
    for id in [zhang_wei(), li_na(), wang_qiang(), zhao_min()] {
        store
            .set_photo(&staff(), &id, "image/jpeg", &[0xff, 0xd8, 0xff], day(TODAY))
            .await
            .expect("photo");
    }
    resume(
        store,
        &zhang_wei(),
        &[
            ("2003.07", "2016.03", "市财政局科员"),
            ("2016.03", "", "市财政局局长"),
        ],
    )
    .await;
    resume(
        store,
        &li_na(),
        &[
            ("2003.07", "2015.01", "市财政局科员"),
            ("2015.01", "", "市财政局副局长"),
        ],
    )
    .await;
    resume(
        store,
        &wang_qiang(),
        &[
            ("2003.07", "2012.06", "市教育局科员"),
            ("2012.06", "", "市教育局局长"),
        ],
    )
    .await;
    resume(store, &zhao_min(), &[("2012.07", "", "江川大学教师")]).await;
}

fn found(r: &Report) -> BTreeSet<(String, Check)> {
    r.lines().map(|(_, l)| (l.name.clone(), l.check)).collect()
}

fn units(r: &Report) -> Vec<(Option<String>, usize)> {
    r.groups
        .iter()
        .map(|g| (g.unit.as_ref().map(|u| u.1.clone()), g.cadres))
        .collect()
}

async fn a_complete_roster_yields_exactly_its_planted_inconsistencies(store: Store) {
    complete(&store).await;
    let clean = store.data_check(&staff(), day(TODAY)).await.expect("check");
    assert_eq!(found(&clean), BTreeSet::new(), "{:?}", clean.groups);
    assert_eq!(clean.cadres, 4);

    // Planted: 王强's gender disagrees with his ID number (written beside the import's
    // checks); 李娜 started work at 15; 张伟's 简历 skips three months; 赵敏 lost her photo.
    raw(
        &store,
        &format!(
            "UPDATE cadres SET gender = '女' WHERE id_number = '{}'",
            wang_qiang()
        ),
    )
    .await;
    raw(
        &store,
        &format!(
            "UPDATE cadres SET work_started = '1999-07-01' WHERE id_number = '{}'",
            li_na()
        ),
    )
    .await;
    raw(
        &store,
        &format!(
            "UPDATE resume_lines SET start_ym = '2016.06' WHERE end_ym IS NULL AND cadre_id = \
             (SELECT id FROM cadres WHERE id_number = '{}')",
            zhang_wei()
        ),
    )
    .await;
    raw(
        &store,
        &format!(
            "DELETE FROM cadre_photos WHERE cadre_id = (SELECT id FROM cadres WHERE id_number = '{}')",
            zhao_min()
        ),
    )
    .await;
    let r = store.data_check(&staff(), day(TODAY)).await.expect("check");
    let planted: BTreeSet<(String, Check)> = [
        ("王强", Check::IdGender),
        ("李娜", Check::WorkAge),
        ("张伟", Check::ResumeGap),
        ("赵敏", Check::MissingForPrint),
    ]
    .into_iter()
    .map(|(n, c)| (n.to_string(), c))
    .collect();
    assert_eq!(found(&r), planted);
    // By the unit of the current post; 赵敏, who holds none, last.
    assert_eq!(
        units(&r),
        [
            (Some("市财政局".to_string()), 2),
            (Some("市教育局".to_string()), 1),
            (None, 1)
        ]
    );
    assert_eq!(r.groups[0].counts[Check::WorkAge as usize], 1);
    assert_eq!(r.groups[0].counts[Check::ResumeGap as usize], 1);
    assert_eq!(r.counts.iter().sum::<usize>(), 4);
    let gap = r
        .lines()
        .find(|(_, l)| l.check == Check::ResumeGap)
        .expect("gap")
        .1;
    assert_eq!(
        crate::helpers::zh(&gap.message),
        "简历在2016年03月至2016年06月之间断档3个月"
    );
    // A liaison of 市财政局 gets that group as it is in the whole report, findings and all.
    let u1 = store
        .data_check(&as_role(Role::Liaison, Some("U1")), day(TODAY))
        .await
        .expect("liaison");
    assert_eq!(u1.groups, r.groups[..1]);
    let wq = crate::helpers::cadre_ref(&store, &wang_qiang()).await;
    assert!(
        r.lines()
            .any(|(_, l)| l.cadre == wq && l.check == Check::IdGender)
    );
}
both!(a_complete_roster_yields_exactly_its_planted_inconsistencies);

async fn a_liaison_checks_its_own_unit_only(store: Store) {
    import(&store).await;
    let today = day(TODAY);
    let everyone = store.data_check(&staff(), today).await.expect("staff");
    assert_eq!(everyone.cadres, 4);
    let leader = store
        .data_check(&as_role(Role::Leader, None), today)
        .await
        .expect("leader");
    assert_eq!(leader, everyone);
    let u1 = store
        .data_check(&as_role(Role::Liaison, Some("U1")), today)
        .await
        .expect("liaison");
    assert_eq!(units(&u1), [(Some("市财政局".to_string()), 2)]);
    // The same group as in the whole registry's report (on SQLite the whole registry is read
    // by another reader than a unit's).
    assert_eq!(u1.groups[0], everyone.groups[0]);
    let names: BTreeSet<String> = found(&u1).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        ["张伟", "李娜"].map(String::from).into_iter().collect()
    );
    let u2 = store
        .data_check(&as_role(Role::Liaison, Some("U2")), today)
        .await
        .expect("liaison");
    assert_eq!(units(&u2), [(Some("市教育局".to_string()), 1)]);
    // Before 李娜's and 张伟's posts, U1 had only 李娜's first run.
    let then = store
        .data_check(&as_role(Role::Liaison, Some("U1")), day("2015-06-01"))
        .await
        .expect("then");
    assert_eq!(then.cadres, 1);
    let refused = store
        .data_check(&as_role(Role::SysAdmin, None), today)
        .await
        .expect_err("no registry");
    assert!(
        matches!(refused, banzi_domain::DomainError::Forbidden(_)),
        "{refused:?}"
    );
}
both!(a_liaison_checks_its_own_unit_only);
