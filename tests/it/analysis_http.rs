//! The dashboard of DOMAIN.md M2 over HTTP: the city view's counts and R-STRUCT-2 ratio, the
//! alert list and its audited export, rule parameters that apply at once, a liaison's view;
//! and in Chromium, a chart drawn and a count that opens its list.

mod browser;
mod card;
pub mod history;
mod lists;
mod names;
mod params;
mod roster;

use crate::helpers::{Client, PASSWORD, audited, staff};
use crate::http::blocking;
use banzi_domain::rules::Level;
use roster::{AS_OF, app, report, zhang_zheng};

/// The text of the element with `id` (up to its first tag).
fn text_of(body: &str, id: &str) -> String {
    let Some(i) = body.find(&format!("id=\"{id}\"")) else {
        panic!("no #{id} in the page");
    };
    let rest = &body[i..];
    let start = rest.find('>').map_or(0, |j| j + 1);
    rest[start..]
        .split('<')
        .next()
        .unwrap_or("")
        .trim()
        .to_string()
}

/// The `data-…` values of the alert rows of a page.
fn rows(body: &str, attr: &str) -> Vec<String> {
    body.split("class=\"alert-row\"")
        .skip(1)
        .map(|r| {
            let key = format!("{attr}=\"");
            let at = r.find(&key).map_or(0, |i| i + key.len());
            r[at..].split('"').next().unwrap_or("").to_string()
        })
        .collect()
}

fn staff_client(base: &str, who: &str) -> Client {
    let mut c = Client::new(base);
    assert_eq!(c.login(who, PASSWORD).status, 303, "{who} signs in");
    c
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_city_view_shows_counts_and_the_young_cadre_ratio() {
    let app = app().await;
    let want = report(&app).await;
    let count = |rule: &str, level: Level| {
        want.alerts
            .iter()
            .filter(|a| a.rule == rule && a.level == level)
            .count()
    };
    assert_eq!(count("R-EXCH-1", Level::Violation), 1);
    assert_eq!(count("R-STRUCT-4", Level::Notice), 1);
    let base = app.base.clone();
    blocking(move || {
        let mut c = staff_client(&base, "staff");
        let r = c.get(&format!("/analysis?as_of={AS_OF}"));
        assert_eq!(r.status, 200, "{}", r.body);
        let b = &r.body;
        for rc in &want.summary.rules {
            for l in Level::ALL {
                let id = format!("count-{}-{}", rc.rule, l.key());
                assert_eq!(text_of(b, &id), rc.levels.get(l).to_string(), "{id}");
            }
        }
        assert_eq!(text_of(b, "count-R-EXCH-1-violation"), "1");
        // Each count opens its list (askama writes & as &#38;).
        assert!(b.replace("&#38;", "&").contains(
            "id=\"count-R-EXCH-1-violation\" href=\"/alerts?rule=R-EXCH-1&level=violation&as_of=2026-06-01\""
        ));
        assert_eq!(text_of(b, "count-R-STRUCT-4-notice"), "1");
        // R-STRUCT-2: 市财政局 has 李副 (38), 市教育局 nobody ≤ 42: 1 of 2 against 2/3.
        assert_eq!(text_of(b, "young-city-teams"), "2");
        assert_eq!(text_of(b, "young-with"), "1");
        assert_eq!(text_of(b, "young-without"), "1");
        assert_eq!(text_of(b, "young-ratio"), "50%");
        assert_eq!(text_of(b, "young-target"), "66.7%");
        assert_eq!(text_of(b, "young-meets"), "未达标");
        assert_eq!(text_of(b, "fig-members"), "3");
        // The charts' numbers are in tables, and in the JSON the script draws.
        assert!(b.contains("id=\"table-pyramid\"") && b.contains("id=\"chart-pyramid\""));
        assert!(b.contains("class=\"chart-data\">[{\"id\":\"pyramid\""), "chart JSON");
        assert!(b.contains("/static/vendor/echarts.min.js"));
        // A bad date: a Chinese error under the field; today's figures stay.
        let bad = c.get("/analysis?as_of=2026-02-30");
        assert_eq!(bad.status, 200);
        assert_eq!(
            text_of(&bad.body, "err-as_of"),
            "统计日期：日期“2026-02-30”不存在"
        );
        assert_eq!(
            text_of(&bad.body, "as-of-shown"),
            banzi_store::today().to_string()
        );
        // English and zh-TW read their own words.
        let session = c.cookie.clone().expect("session");
        for (lang, word) in [("zh-TW", "未達標"), ("en", "Not met")] {
            c.cookie = Some(format!("{session}; banzi_lang={lang}"));
            let page = c.get(&format!("/analysis?as_of={AS_OF}"));
            assert_eq!(text_of(&page.body, "young-meets"), word, "{lang}");
            for path in [
                "/analysis",
                "/alerts",
                "/analysis/params",
                "/analysis/team?unit=U1",
                "/analysis/teams?dim=young",
            ] {
                let page = c.get(path);
                assert_eq!(page.status, 200, "{lang} {path}");
                assert!(!page.body.contains("⟨missing text⟩"), "{lang} {path}");
            }
        }
        c.cookie = Some(session);
        // Scripts and licences are served from the binary.
        let js = c.get("/static/analysis.js");
        assert!(js.status == 200 && js.content_type.starts_with("text/javascript"));
        let lic = c.get("/static/vendor/licenses/echarts-LICENSE.txt");
        assert!(lic.status == 200 && lic.body.contains("Apache License"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_alert_list_filters_and_exports_an_audited_workbook() {
    let app = app().await;
    let base = app.base.clone();
    let zz = crate::helpers::cadre_ref(&app.db.store, &zhang_zheng()).await;
    let bytes = blocking(move || {
        let mut c = staff_client(&base, "leader");
        let r = c.get(&format!("/alerts?rule=R-EXCH-1&as_of={AS_OF}"));
        assert_eq!(r.status, 200);
        assert_eq!(rows(&r.body, "data-rule"), ["R-EXCH-1"]);
        assert_eq!(rows(&r.body, "data-level"), ["violation"]);
        assert!(r.body.contains("张正"), "the message names the cadre");
        assert!(r.body.contains(&format!("href=\"/cadres/{zz}\"")));
        assert!(r.body.contains("href=\"/analysis/team?unit=U1\""));
        let r = c.get(&format!(
            "/alerts?rule=R-STRUCT-4&level=notice&as_of={AS_OF}"
        ));
        assert_eq!(rows(&r.body, "data-unit"), ["U1"]);
        // The due window: R-EXCH-1 was due on 2025-03-01.
        let r = c.get(&format!(
            "/alerts?rule=R-EXCH-1&due_from=2025-01-01&due_to=2025-03-01&as_of={AS_OF}"
        ));
        assert_eq!(rows(&r.body, "data-rule").len(), 1);
        let r = c.get(&format!(
            "/alerts?rule=R-EXCH-1&due_from=2025-03-02&as_of={AS_OF}"
        ));
        assert!(rows(&r.body, "data-rule").is_empty());
        let r = c.get("/alerts?due_to=2025-13-01");
        assert!(
            r.body.contains("到期日期止：日期“2025-13-01”不存在"),
            "{}",
            r.body
        );
        assert!(rows(&r.body, "data-rule").is_empty());
        let x = c.get(&format!("/alerts/export.xlsx?rule=R-EXCH-1&as_of={AS_OF}"));
        assert_eq!(x.status, 200);
        assert!(
            x.content_type.contains("spreadsheetml"),
            "{}",
            x.content_type
        );
        x.bytes
    })
    .await;
    use calamine::Reader;
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("workbook");
    assert_eq!(wb.sheet_names(), ["违规", "预警", "提示"]);
    let sheet = wb.worksheet_range("违规").expect("sheet");
    let cells: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(cells.len(), 2, "header and one alert: {cells:?}");
    let zz = zhang_zheng();
    // Names in the main columns, the codes at the right (issue 15, item 6).
    assert_eq!(
        cells[0],
        [
            "规则",
            "级别",
            "到期日期",
            "单位名称",
            "职位名称",
            "姓名",
            "说明",
            "单位编码",
            "职位编码",
            "身份证号"
        ]
    );
    assert_eq!(
        cells[1][..6],
        ["R-EXCH-1", "违规", "2025-03-01", "市财政局", "局长", "张正"]
    );
    assert!(cells[1][6].contains("张正"));
    assert_eq!(cells[1][7..], ["U1", "P1", zz.as_str()]);
    for s in ["预警", "提示"] {
        assert_eq!(wb.worksheet_range(s).expect("sheet").height(), 1, "{s}");
    }
    let exports = audited(&app.db.store, "export.alerts", Some("alerts"), None).await;
    assert_eq!(exports.len(), 1);
    assert_eq!(exports[0].actor, "leader");
    assert!(
        exports[0].after_json.contains("\"alerts\":1"),
        "{}",
        exports[0].after_json
    );
    assert!(exports[0].after_json.contains("\"xlsx\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_parameter_change_applies_at_once_and_a_bad_one_changes_nothing() {
    let app = app().await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = staff_client(&base, "staff");
        let page = c.get("/analysis/params");
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains(
                "id=\"p-exch.principal_years\" name=\"exch.principal_years\" value=\"10\""
            )
        );
        // 12 years: due 2027-03-01, within the 12 months ahead: a warning now.
        let r = c.post("/analysis/params", &[("exch.principal_years", "12")]);
        assert_eq!(r.status, 303, "{}", r.body);
        assert_eq!(r.location.as_deref(), Some("/analysis/params?saved=1"));
        let list = c.get(&format!("/alerts?rule=R-EXCH-1&as_of={AS_OF}"));
        assert_eq!(rows(&list.body, "data-level"), ["warning"]);
        let city = c.get(&format!("/analysis?as_of={AS_OF}"));
        assert_eq!(text_of(&city.body, "count-R-EXCH-1-violation"), "0");
        assert_eq!(text_of(&city.body, "count-R-EXCH-1-warning"), "1");
        // 20 years: not due within the lookahead: no alert.
        c.get("/analysis/params");
        assert_eq!(
            c.post("/analysis/params", &[("exch.principal_years", "20")])
                .status,
            303
        );
        let list = c.get(&format!("/alerts?rule=R-EXCH-1&as_of={AS_OF}"));
        assert!(rows(&list.body, "data-level").is_empty());
        // A bad value: a Chinese error beside the field, nothing saved.
        let page = c.get("/analysis/params");
        assert!(page.body.contains("value=\"20\""));
        let bad = c.post(
            "/analysis/params",
            &[("exch.principal_years", "abc"), ("term.years", "6")],
        );
        assert_eq!(bad.status, 422);
        let err = text_of(&bad.body, "err-exch.principal_years");
        assert!(err.contains("不是整数"), "{err}");
        // Read-only for the others; their posts are refused.
        let mut leader = staff_client(&base, "leader");
        let ro = leader.get("/analysis/params");
        assert_eq!(ro.status, 200);
        assert!(!ro.body.contains("name=\"exch.principal_years\""));
        let refused = leader.post("/analysis/params", &[("exch.principal_years", "5")]);
        assert_eq!(refused.status, 403);
    })
    .await;
    let p = app.db.store.rule_params(&staff()).await.expect("params");
    assert_eq!(
        (p.principal_years, p.term_years),
        (20, 5),
        "the bad post changed nothing"
    );
    let audit = audited(
        &app.db.store,
        "rule_param.set",
        None,
        Some("exch.principal_years"),
    )
    .await;
    let sets: Vec<(&str, &str)> = audit
        .iter()
        .map(|r| (r.actor.as_str(), r.after_json.as_str()))
        .collect();
    assert_eq!(sets.len(), 2, "{sets:?}");
    assert!(sets.iter().all(|(who, _)| *who == "staff"));
    assert!(sets.iter().any(|(_, after)| after.contains("\"12\"")));
    assert!(sets.iter().any(|(_, after)| after.contains("\"20\"")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_liaison_sees_its_own_unit_and_the_team_card() {
    let app = app().await;
    let want = report(&app).await;
    let mine = want.alerts.iter().filter(|a| a.unit == "U1").count();
    assert!(mine > 0 && mine < want.alerts.len());
    let base = app.base.clone();
    blocking(move || {
        let mut c = staff_client(&base, "liaison");
        let r = c.get(&format!("/alerts?as_of={AS_OF}"));
        assert_eq!(r.status, 200);
        let units = rows(&r.body, "data-unit");
        assert_eq!(units.len(), mine);
        assert!(units.iter().all(|u| u == "U1"), "{units:?}");
        let city = c.get(&format!("/analysis?as_of={AS_OF}"));
        assert_eq!(city.status, 200);
        assert!(!city.body.contains("id=\"figures\""), "no city figures");
        assert!(!city.body.contains("id=\"young-ratio\""));
        assert_eq!(text_of(&city.body, "count-R-EXCH-1-violation"), "1");
        assert_eq!(c.get("/analysis/team?unit=U2").status, 404);

        // The team card of 市财政局: 职数 yellow (a seat is vacant), a 一票否决 dimension.
        let unit_page = c.get("/units/U1");
        assert!(
            unit_page
                .body
                .contains("href=\"/analysis/team?unit=U1&amp;team=\"")
        );
        let card = c.get(&format!("/analysis/team?unit=U1&team=&as_of={AS_OF}"));
        assert_eq!(card.status, 200, "{}", card.body);
        assert!(
            card.body
                .contains("data-dim=\"seats\" data-light=\"yellow\"")
        );
        assert!(card.body.contains("class=\"badge text-bg-dark veto\""));
        let kinds = rows(&card.body, "data-rule");
        assert!(
            kinds.contains(&"R-EXCH-1".to_string()) && kinds.contains(&"R-STRUCT-4".to_string())
        );
        assert_eq!(c.get("/analysis/team?unit=U1&team=nosuch").status, 404);
    })
    .await;
}

/// The (label, link, number) rows of the chart table `table-{id}`.
fn chart_rows(body: &str, id: &str) -> Vec<(String, String, String)> {
    let at = body
        .find(&format!("id=\"table-{id}\""))
        .unwrap_or_else(|| panic!("no #table-{id}"));
    let table = &body[at..];
    let table = &table[..table.find("</table>").unwrap_or(table.len())];
    table
        .split("<th scope=\"row\" class=\"fw-normal\">")
        .skip(1)
        .map(|r| {
            let label = r.split('<').next().unwrap_or("").to_string();
            let href = r
                .split("href=\"")
                .nth(1)
                .and_then(|h| h.split('"').next())
                .unwrap_or("")
                .replace("&amp;", "&")
                .replace("&#38;", "&");
            let n = r
                .split("\">")
                .nth(2)
                .and_then(|x| x.split('<').next())
                .unwrap_or("")
                .to_string();
            (label, href, n)
        })
        .collect()
}

/// 民族 and 专业领域 open the cadre list with that value of the cadres in post on the as-of
/// date, and it shows the same number.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ethnicity_and_profession_counts_open_the_cadre_list() {
    let app = app().await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = staff_client(&base, "staff");
        let r = c.get(&format!("/analysis?as_of={AS_OF}"));
        assert_eq!(r.status, 200, "{}", r.body);
        let ethnicity = chart_rows(&r.body, "ethnicity");
        assert_eq!(
            ethnicity,
            [(
                "汉族".to_string(),
                "/cadres?in_post=2026-06-01&ethnicity=%E6%B1%89%E6%97%8F".to_string(),
                "3".to_string()
            )]
        );
        let profession = chart_rows(&r.body, "profession");
        assert_eq!(
            profession,
            [(
                "财政金融".to_string(),
                "/cadres?in_post=2026-06-01&profession=%E8%B4%A2%E6%94%BF%E9%87%91%E8%9E%8D"
                    .to_string(),
                "3".to_string()
            )]
        );
        // The chart's bars lead where the table's cells do.
        assert!(
            r.body.contains(
                "\"links\":[\"/cadres?in_post=2026-06-01\\u0026ethnicity=%E6%B1%89%E6%97%8F\"]"
            ),
            "chart JSON links"
        );
        for (label, link, n) in ethnicity.iter().chain(&profession) {
            let list = c.get(link);
            assert_eq!(list.status, 200, "{link}");
            assert_eq!(
                text_of(&list.body, "result-count"),
                format!("共 {n} 人"),
                "{label}"
            );
            assert_eq!(
                list.body.matches("class=\"cadre-row\"").count().to_string(),
                *n
            );
        }
        // The form shows the filter it was given.
        let list = c.get(&ethnicity[0].1);
        assert!(list.body.contains("<option value=\"汉族\" selected>"));
        let other = c.get("/cadres?ethnicity=%E5%9B%9E%E6%97%8F");
        assert_eq!(text_of(&other.body, "result-count"), "共 0 人");
    })
    .await;
}
