//! In headless Chromium: sign in, find a cadre by pinyin initials, open the profile,
//! appoint them to a post, and see the team page change.

use crate::fixture;
use crate::helpers::{Backend, PASSWORD, TestApp, seed_users, staff};
use crate::webdriver::{Driver, browser_or_skip, server_runtime};

#[test]
fn appoint_from_search_to_team_page() {
    if !browser_or_skip() {
        return;
    }
    let rt = server_runtime();
    let app = fixture_app(&rt);
    let zm = rt.block_on(crate::helpers::cadre_ref(
        &app.db.store,
        &fixture::zhao_min(),
    ));
    let d = Driver::start().expect("chromium");
    let base = &app.base;

    d.goto(&format!("{base}/units/U1")).expect("goto");
    // Not signed in: sent to the login page, and back afterwards.
    d.sign_in("staff", PASSWORD).expect("sign in");
    d.wait_for_text("#unit-name", "市财政局")
        .expect("team page after login");
    assert_eq!(
        d.find("#member-count")
            .expect("count")
            .text()
            .expect("text"),
        "2"
    );
    assert!(!d.page_source().expect("src").contains("赵敏"));

    // Search 赵敏 by her initials.
    d.find("#nav-cadres").expect("nav").click().expect("click");
    d.find("#q")
        .expect("search box")
        .send_keys("zm")
        .expect("type");
    // The full list also holds 赵敏: wait for the filtered answer.
    d.wait_for_text("#result-count", "共 1 人")
        .expect("htmx results");
    d.wait_for_text("#results", "赵敏").expect("htmx results");
    let rows = d.find_all("#cadre-table .cadre-row").expect("rows");
    assert_eq!(rows.len(), 1, "only 赵敏 has the initials zm");
    assert!(
        d.current_url().expect("url").contains("q=zm"),
        "a name search is kept in the address"
    );
    // By her ID number: found, and the number is in no address (issue 14, item 16).
    let id = fixture::zhao_min();
    d.find("#q").expect("search box").clear().expect("clear");
    d.find("#q")
        .expect("search box")
        .send_keys(&id)
        .expect("type");
    d.wait_for_text("#result-count", "共 1 人")
        .expect("htmx results");
    d.wait_until("the address without the search", |d| {
        let url = d.current_url()?;
        Ok((!url.contains("q=zm")).then_some(url))
    })
    .expect("pushed");
    let url = d.current_url().expect("url");
    assert!(!url.contains(&id[..6]), "{url}");
    d.find("#cadre-table .cadre-link")
        .expect("link")
        .click()
        .expect("click");
    d.wait_for_text("#cadre-name", "赵敏").expect("profile");
    let url = d.current_url().expect("url");
    assert!(!url.contains(&id[..6]), "the profile's address: {url}");

    // Appoint her 副局长 of 市财政局 (the post's second seat is free).
    d.find("#appoint")
        .expect("appoint button")
        .click()
        .expect("click");
    d.find("#post_code")
        .expect("post select")
        .select_by_value("P2")
        .expect("select");
    let start = d.find("#start").expect("start");
    start.clear().expect("clear");
    start.send_keys("2026-01-05").expect("type");
    d.find("#doc_no")
        .expect("doc")
        .send_keys("江委〔2026〕3号")
        .expect("type");
    d.find("#appoint-submit")
        .expect("submit")
        .click()
        .expect("click");
    d.wait_for_text("#current-posts", "市财政局 副局长")
        .expect("profile shows the new post");

    // The team page now lists her.
    d.goto(&format!("{base}/units/U1")).expect("goto");
    d.wait_for_text("#member-count", "3")
        .expect("three members");
    let src = d.page_source().expect("src");
    assert!(src.contains("赵敏") && src.contains("2026-01-05"));

    // A bad date in the appointment form is explained in Chinese, and nothing changes.
    d.goto(&format!("{base}/cadres/{zm}/appoint"))
        .expect("goto");
    d.find("#post_code")
        .expect("post select")
        .select_by_value("P3")
        .expect("select");
    let start = d.find("#start").expect("start");
    start.clear().expect("clear");
    start.send_keys("2026-02-30").expect("type");
    d.find("#appoint-submit")
        .expect("submit")
        .click()
        .expect("click");
    d.wait_for_text("#appoint-form", "不存在")
        .expect("field error");
    drop(d);
    drop(rt);
}

/// The fixture city served for a browser, with one account per role (the liaison's unit U1).
pub fn fixture_app(rt: &tokio::runtime::Runtime) -> TestApp {
    rt.block_on(async {
        let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
        app.db
            .store
            .import_roster(&staff(), &fixture::roster(), &|_, _, _| {})
            .await
            .expect("fixture");
        seed_users(&app.db.store, Some("U1")).await;
        app
    })
}
