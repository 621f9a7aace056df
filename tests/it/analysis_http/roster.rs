//! The small city of these tests, with known alerts on [`AS_OF`].

use crate::fixture::{appt, at, cadre, id, post, unit};
use crate::helpers::{Backend, TestApp, seed_users, staff};
use banzi_domain::codes::Gender;
use banzi_domain::date::parse as parse_date;
use banzi_domain::roster::Roster;
use banzi_domain::rules::Report;

/// The date the numbers of these tests are for.
pub const AS_OF: &str = "2026-06-01";

/// 张正, 局长 of 市财政局 since 2015-03-01: 11 years in one post (R-EXCH-1 violation, due
/// 2025-03-01).
pub fn zhang_zheng() -> String {
    id(11, "1975-01-10", Gender::Male)
}

/// 市委 (C) → 市财政局 (U1: 局长 P1, 副局长 P2 ×2), 市教育局 (U2: 局长 P3): two city
/// department teams. 李副 (38) holds one of the two 副局长 seats (R-STRUCT-4 notice) and is
/// the only cadre aged ≤ 42 (R-STRUCT-2: 1 team of 2, 50%); 王局 (56) is 局长 of 市教育局
/// since 2020 (no exchange due).
pub fn roster() -> Roster {
    let li_fu = id(12, "1988-02-02", Gender::Female);
    let wang_ju = id(13, "1970-05-05", Gender::Male);
    Roster {
        units: at(vec![
            unit("C", "江川市委", "", "市委", "", ""),
            unit("U1", "市财政局", "C", "市直单位", "其他", "否"),
            unit("U2", "市教育局", "C", "市直单位", "其他", "否"),
        ]),
        posts: at(vec![
            post("P1", "U1", "局长", "正职", "1"),
            post("P2", "U1", "副局长", "副职", "2"),
            post("P3", "U2", "局长", "正职", "1"),
        ]),
        cadres: at(vec![
            cadre(
                &zhang_zheng(),
                "张正",
                "男",
                "1975-01-10",
                "中共党员",
                "大学",
            ),
            cadre(&li_fu, "李副", "女", "1988-02-02", "九三学社社员", "大学"),
            cadre(&wang_ju, "王局", "男", "1970-05-05", "中共党员", "大学"),
        ]),
        appointments: at(vec![
            appt(&zhang_zheng(), "P1", "2015-03-01", ""),
            appt(&li_fu, "P2", "2022-01-01", ""),
            appt(&wang_ju, "P3", "2020-01-01", ""),
        ]),
        portfolios: Vec::new(),
        trainings: Vec::new(),
    }
}

pub async fn app() -> TestApp {
    let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
    app.db
        .store
        .import_roster(&staff(), &roster(), &|_, _, _| {})
        .await
        .expect("roster");
    seed_users(&app.db.store, Some("U1")).await;
    app
}

/// What the rules find on [`AS_OF`], straight from the store.
pub async fn report(app: &TestApp) -> Report {
    let d = parse_date(AS_OF).expect("date");
    app.db.store.check(&staff(), d).await.expect("check")
}
