//! Every linked number of the city view's structure equals the total of the list it opens:
//! the cadre list of the cadres in post on the as-of date (ages on that date), or, for
//! 来源 and 任现职时间, the list of the members counted (`/analysis/members`).

use super::{staff_client, text_of};
use crate::fixture::{self, wang_qiang};
use crate::helpers::{Backend, TestApp, seed_users, staff};
use crate::http::blocking;

/// The day 李娜's first run ends: she is not in post, 赵敏 never is; 张伟 38, 王强 46.
const AS_OF: &str = "2019-01-01";

/// The (link, number) of every linked cell of the chart table `table-{id}`.
fn linked_cells(body: &str, id: &str) -> Vec<(String, String)> {
    let at = body
        .find(&format!("id=\"table-{id}\""))
        .unwrap_or_else(|| panic!("no #table-{id}"));
    let table = &body[at..];
    let table = &table[..table.find("</table>").unwrap_or(table.len())];
    table
        .split("<a href=\"")
        .skip(1)
        .map(|a| {
            let href = a.split('"').next().unwrap_or("");
            let n = a
                .split_once('>')
                .and_then(|(_, rest)| rest.split('<').next())
                .unwrap_or("");
            (
                href.replace("&amp;", "&").replace("&#38;", "&"),
                n.trim().to_string(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_structure_number_equals_the_list_it_opens() {
    let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
    let mut roster = fixture::roster();
    // 王强's 专业领域 is blank: the profile counts him as 未填.
    for c in &mut roster.cadres {
        if c.value.id_number.as_str() == wang_qiang() {
            c.value.profession = String::new();
        }
    }
    app.db
        .store
        .import_roster(&staff(), &roster, &|_, _, _| {})
        .await
        .expect("roster");
    seed_users(&app.db.store, Some("U1")).await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = staff_client(&base, "staff");
        let r = c.get(&format!("/analysis?as_of={AS_OF}"));
        assert_eq!(r.status, 200, "{}", r.body);
        let b = &r.body;
        assert_eq!(text_of(b, "fig-members"), "2");
        let mut checked = 0;
        for id in [
            "gender",
            "party",
            "age",
            "pyramid",
            "ethnicity",
            "ft_edu",
            "top_edu",
            "profession",
            "source",
            "tenure",
        ] {
            let cells = linked_cells(b, id);
            assert!(!cells.is_empty(), "#table-{id} has links");
            for (link, n) in cells {
                if matches!(id, "source" | "tenure") {
                    assert!(
                        link.starts_with(&format!("/analysis/members?as_of={AS_OF}&{id}=")),
                        "{link}"
                    );
                } else {
                    assert!(link.contains(&format!("in_post={AS_OF}")), "{link}");
                }
                let list = c.get(&link);
                assert_eq!(list.status, 200, "{link}");
                assert_eq!(
                    text_of(&list.body, "result-count"),
                    format!("共 {n} 人"),
                    "#table-{id}: {link}"
                );
                checked += 1;
            }
        }
        assert!(checked >= 10, "{checked} links");
        // The team view of 市财政局 (its one team): the unit's list of the day. 张伟 only.
        let team = c.get(&format!("/analysis/team?unit=U1&team=&as_of={AS_OF}"));
        assert_eq!(team.status, 200, "{}", team.body);
        for id in [
            "gender",
            "party",
            "age",
            "pyramid",
            "ethnicity",
            "source",
            "tenure",
        ] {
            for (link, n) in linked_cells(&team.body, id) {
                if matches!(id, "source" | "tenure") {
                    assert!(link.contains("unit=U1&team=&"), "{link}");
                } else {
                    assert!(link.contains(&format!("unit=U1&in_post={AS_OF}")), "{link}");
                }
                let list = c.get(&link);
                assert_eq!(
                    text_of(&list.body, "result-count"),
                    format!("共 {n} 人"),
                    "{link}"
                );
            }
        }
        // 未填 opens the blank ones; 党外 too is of the day.
        assert!(
            linked_cells(b, "profession")
                .iter()
                .any(|(l, n)| l.ends_with("profession=__blank__") && n == "1")
        );
        let non_cpc = c.get(&format!("/cadres?in_post={AS_OF}&party=%E5%85%9A%E5%A4%96"));
        assert_eq!(text_of(&non_cpc.body, "result-count"), "共 0 人");
        // The list shows the day as a removable filter and ages on that day, and keeps it in
        // its pages.
        let list = c.get(&format!("/cadres?in_post={AS_OF}&q=zw"));
        assert_eq!(
            text_of(&list.body, "chip-in_post"),
            format!("在职于 {AS_OF}")
        );
        assert!(
            list.body
                .contains("href=\"/cadres?q=zw\" id=\"remove-in_post\"")
        );
        assert!(
            list.body
                .contains(&format!("name=\"in_post\" value=\"{AS_OF}\""))
        );
        assert!(list.body.contains("<td>38</td>"), "张伟 is 38 on {AS_OF}");
        let now = c.get("/cadres?q=zw");
        assert!(!now.body.contains("<td>38</td>") && !now.body.contains("chip-in_post"));
        // A bad day: a Chinese error, nothing listed.
        let bad = c.get("/cadres?in_post=2019-02-30");
        assert_eq!(bad.status, 200);
        assert_eq!(
            text_of(&bad.body, "search-error"),
            "在职日期：日期“2019-02-30”不存在"
        );
        assert_eq!(text_of(&bad.body, "result-count"), "共 0 人");
    })
    .await;
}

/// A unit with two teams (市财政局's 副局长 in a 党组): each team's numbers open the list of
/// its own members, of every dimension, since the cadre list cannot single the team out. A
/// liaison sees its own unit's teams only, never the city's list.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_team_of_a_unit_with_several_lists_its_own_members() {
    const ON: &str = "2020-06-30";
    let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
    let mut roster = fixture::roster();
    for p in &mut roster.posts {
        if p.value.code.as_str() == "P2" {
            p.value.team = "党组".into();
        }
    }
    app.db
        .store
        .import_roster(&staff(), &roster, &|_, _, _| {})
        .await
        .expect("roster");
    seed_users(&app.db.store, Some("U1")).await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = staff_client(&base, "staff");
        let team = c.get(&format!(
            "/analysis/team?unit=U1&team=%E5%85%9A%E7%BB%84&as_of={ON}"
        ));
        assert_eq!(team.status, 200, "{}", team.body);
        let mut checked = 0;
        for id in ["gender", "party", "age", "pyramid", "source", "tenure"] {
            let cells = linked_cells(&team.body, id);
            assert!(!cells.is_empty(), "#table-{id} has links");
            for (link, n) in cells {
                assert!(
                    link.starts_with("/analysis/members?unit=U1&team=%E5%85%9A%E7%BB%84&"),
                    "{link}"
                );
                let list = c.get(&link);
                assert_eq!(list.status, 200, "{link}");
                assert_eq!(
                    text_of(&list.body, "result-count"),
                    format!("共 {n} 人"),
                    "{link}"
                );
                checked += 1;
            }
        }
        assert!(checked >= 6, "{checked} links");
        // The 党组 holds 李娜 only (副局长 since 2019, by an earlier joined run).
        let all = c.get(&format!(
            "/analysis/members?unit=U1&team=%E5%85%9A%E7%BB%84&as_of={ON}"
        ));
        assert_eq!(text_of(&all.body, "result-count"), "共 1 人");
        assert!(all.body.contains(">李娜</a>"), "{}", all.body);
        assert!(all.body.contains("市财政局副局长"));
        assert!(!all.body.contains(">张伟</a>"));
        // The city's counted members hold everyone in post, 张伟 with them.
        let city = c.get(&format!("/analysis/members?as_of={ON}"));
        assert!(city.body.contains(">张伟</a>") && city.body.contains(">李娜</a>"));
        assert_eq!(text_of(&city.body, "members-whose"), "全市");
        // A team that does not exist.
        let none = c.get(&format!("/analysis/members?unit=U1&team=x&as_of={ON}"));
        assert_eq!(none.status, 404);
        // A liaison of U1: its teams, not the city, not another unit.
        let mut l = staff_client(&base, "liaison");
        let own = l.get(&format!(
            "/analysis/members?unit=U1&team=%E5%85%9A%E7%BB%84&as_of={ON}"
        ));
        assert_eq!(text_of(&own.body, "result-count"), "共 1 人");
        assert_eq!(l.get(&format!("/analysis/members?as_of={ON}")).status, 403);
        let other = l.get(&format!("/analysis/members?unit=U2&team=&as_of={ON}"));
        assert_eq!(other.status, 404);
        assert!(!other.body.contains("王强"));
    })
    .await;
}
