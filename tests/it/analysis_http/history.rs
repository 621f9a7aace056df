//! The team as it stood on a day (历史班子, issue 15 item 10): the unit page and the team
//! card take `?as_of=YYYY-MM-DD` and show the members, posts and vacancies of that day; the
//! page's links keep the date; a bad date is told in Chinese where the date was typed.

use super::{staff_client, text_of};
use crate::fixture::{appt, at, cadre, id, post, unit};
use crate::helpers::{Backend, TestApp, seed_users, staff};
use crate::http::blocking;
use banzi_domain::codes::Gender;
use banzi_domain::roster::Roster;

/// 市审计局 (U9): 局长 Q1 (1 seat) held by 林旧 from 2010-01-01 until 2020-07-01, empty
/// for half a year, then held by 周新 from 2021-01-01; 副局长 Q2 (2 seats) held by 陈副
/// since 2018-01-01. On 2020-09-01 the team is 陈副 alone, with 2 seats empty; on
/// 2019-05-01 林旧 and 陈副, 1 seat empty; today 周新 and 陈副, 1 seat empty.
pub fn roster() -> Roster {
    let old = id(31, "1962-04-04", Gender::Male);
    let new = id(32, "1976-08-08", Gender::Male);
    let deputy = id(33, "1980-09-09", Gender::Female);
    Roster {
        units: at(vec![
            unit("C", "江川市委", "", "市委", "", ""),
            unit("U9", "市审计局", "C", "市直单位", "其他", "否"),
        ]),
        posts: at(vec![
            post("Q1", "U9", "局长", "正职", "1"),
            post("Q2", "U9", "副局长", "副职", "2"),
        ]),
        cadres: at(vec![
            cadre(&old, "林旧", "男", "1962-04-04", "中共党员", "大学"),
            cadre(&new, "周新", "男", "1976-08-08", "中共党员", "研究生"),
            cadre(&deputy, "陈副", "女", "1980-09-09", "中共党员", "大学"),
        ]),
        appointments: at(vec![
            appt(&old, "Q1", "2010-01-01", "2020-07-01"),
            appt(&new, "Q1", "2021-01-01", ""),
            appt(&deputy, "Q2", "2018-01-01", ""),
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
    seed_users(&app.db.store, Some("U9")).await;
    app
}

/// The names in the holder rows of a unit page.
fn holder_names(body: &str) -> Vec<String> {
    body.split("class=\"holder-name\"")
        .skip(1)
        .map(|r| {
            let a = r.find("\">").map_or(0, |i| i + 2);
            r[a..].split('<').next().unwrap_or("").to_string()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_unit_page_shows_the_team_of_a_past_day() {
    let app = app().await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = staff_client(&base, "staff");
        let now = c.get("/units/U9");
        assert_eq!(now.status, 200, "{}", now.body);
        assert_eq!(holder_names(&now.body), ["周新", "陈副"]);
        assert_eq!(text_of(&now.body, "member-count"), "2");
        assert_eq!(text_of(&now.body, "vacancy-count"), "1");
        assert!(!now.body.contains("id=\"history-note\""));

        let gap = c.get("/units/U9?as_of=2020-09-01");
        assert_eq!(gap.status, 200, "{}", gap.body);
        let b = gap.body.replace("&#38;", "&").replace("&amp;", "&");
        assert_eq!(holder_names(&b), ["陈副"]);
        assert_eq!(text_of(&b, "member-count"), "1");
        assert_eq!(text_of(&b, "vacancy-count"), "2");
        assert!(
            b.contains("2020-09-01当日的班子"),
            "the page says which day"
        );
        // The date stays on the page's links: the team card and the cadre's profile.
        assert!(
            b.contains("/analysis/team?unit=U9&team=&as_of=2020-09-01"),
            "team card link keeps the date"
        );
        assert!(b.contains("?as_of=2020-09-01\">陈副</a>"));

        let before = c.get("/units/U9?as_of=2019-05-01");
        assert_eq!(holder_names(&before.body), ["林旧", "陈副"]);
        assert_eq!(text_of(&before.body, "vacancy-count"), "1");
        // Age and time in post are reckoned on that day: 林旧 born 1962-04-04 is 57.
        assert!(before.body.contains("<td>57</td>"), "age on the day");

        // The team card of that day: the same members.
        let card = c.get("/analysis/team?unit=U9&team=&as_of=2020-09-01");
        assert_eq!(card.status, 200, "{}", card.body);
        assert_eq!(text_of(&card.body, "fig-members"), "1");
        assert!(
            card.body
                .replace("&#38;", "&")
                .replace("&amp;", "&")
                .contains("/units/U9?as_of=2020-09-01")
        );

        // A date that does not exist: a Chinese error under the field, today's team.
        let bad = c.get("/units/U9?as_of=2020-02-30");
        assert_eq!(bad.status, 200, "{}", bad.body);
        assert_eq!(
            text_of(&bad.body, "err-as_of"),
            "统计日期：日期“2020-02-30”不存在"
        );
        assert_eq!(holder_names(&bad.body), ["周新", "陈副"]);
        let words = c.get("/units/U9?as_of=yesterday");
        assert_eq!(words.status, 200);
        assert!(!text_of(&words.body, "err-as_of").is_empty());
    })
    .await;
}
