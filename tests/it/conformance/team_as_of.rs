//! The team as it stood on a day (历史班子, issue 15 item 10), on both backends: who held a
//! post is read from the appointments in force that day (start ≤ day < end, or no end), so a
//! cadre appointed and later removed is on the team between the two dates and not after;
//! the unit's scope still applies to a past date.

use super::{day, import};
use crate::fixture::{zhang_wei, zhao_min};
use crate::helpers::{as_role, staff};
use banzi_domain::DomainError;
use banzi_domain::registry::{Appointment, AppointmentRaw};
use banzi_domain::role::Role;
use banzi_store::Store;

/// The names holding post `post` of unit `unit` on `on`.
async fn holders(store: &Store, unit: &str, post: &str, on: &str) -> Vec<String> {
    let team = store.team(&staff(), unit, day(on)).await.expect("team");
    let id = team.posts.iter().find(|p| p.code == post).expect("post").id;
    team.holders
        .iter()
        .filter(|h| h.post_id == id)
        .map(|h| h.name.clone())
        .collect()
}

async fn the_team_on_a_past_day(store: Store) {
    import(&store).await;
    // 张伟, 局长 (P1) of U1 since 2016-03-01, is removed on 2026-11-20; 赵敏 follows him.
    let zw = store
        .cadre(&staff(), &zhang_wei(), day("2026-11-21"))
        .await
        .expect("cadre");
    let p1 = zw
        .appointments
        .iter()
        .find(|a| a.post_code == "P1")
        .expect("P1")
        .id;
    store
        .end_appointment(&staff(), p1, day("2026-11-20"), "江委〔2026〕10号")
        .await
        .expect("end");
    let next = Appointment::parse(&AppointmentRaw {
        id_number: zhao_min(),
        post_code: "P1".into(),
        start: "2026-11-20".into(),
        manner: "委任".into(),
        doc_no: "江委〔2026〕11号".into(),
        ..Default::default()
    })
    .expect("parse");
    store.appoint(&staff(), &next, &[]).await.expect("appoint");

    assert!(holders(&store, "U1", "P1", "2016-02-29").await.is_empty());
    assert_eq!(holders(&store, "U1", "P1", "2016-03-01").await, ["张伟"]);
    assert_eq!(holders(&store, "U1", "P1", "2024-06-30").await, ["张伟"]);
    assert_eq!(holders(&store, "U1", "P1", "2026-11-19").await, ["张伟"]);
    // The end date is the first day without him.
    assert_eq!(holders(&store, "U1", "P1", "2026-11-20").await, ["赵敏"]);
    assert_eq!(holders(&store, "U1", "P1", "2027-01-01").await, ["赵敏"]);
    // 李娜's two runs on P2 leave 2019-01-01 out (the first ended that day).
    assert_eq!(holders(&store, "U1", "P2", "2018-12-31").await, ["李娜"]);
    assert!(holders(&store, "U1", "P2", "2019-01-01").await.is_empty());
    assert_eq!(holders(&store, "U1", "P2", "2019-01-02").await, ["李娜"]);

    // A liaison of U2 cannot read U1 on any day.
    let e = store
        .team(&as_role(Role::Liaison, Some("U2")), "U1", day("2020-01-01"))
        .await
        .unwrap_err();
    assert!(matches!(e, DomainError::NotFound(_)), "{e}");
}
both!(the_team_on_a_past_day);
