//! In Chromium, as a user would (issue 15 item 10): on a unit's page, type a past date and
//! see the team of that day — the member who held the post then, not today's holder, and
//! the seats empty that day.

use crate::analysis_http::history::app;
use crate::helpers::PASSWORD;
use crate::webdriver::{Driver, browser_or_skip, server_runtime};

fn holders(d: &Driver) -> Vec<String> {
    d.find_all(".holder-name")
        .expect("holder cells")
        .iter()
        .map(|e| e.text().expect("text"))
        .collect()
}

#[test]
fn a_user_sees_the_team_of_a_past_day_on_the_unit_page() {
    if !browser_or_skip() {
        return;
    }
    let rt = server_runtime();
    let app = rt.block_on(app());
    let d = Driver::start().expect("chromium");
    let base = &app.base;
    d.goto(&format!("{base}/units")).expect("goto");
    d.sign_in("staff", PASSWORD).expect("sign in");
    // The tree opens a level at a time: open the root.
    d.wait_for_text("#unit-tree", "江川市委")
        .expect("the unit tree");
    d.find("#unit-tree .unit-node > details > summary")
        .expect("the root")
        .click()
        .expect("open");
    d.wait_for_text("#unit-tree", "市审计局")
        .expect("the root's units");
    d.find("#unit-tree a[href='/units/U9']")
        .expect("the unit's link")
        .click()
        .expect("click");
    d.wait_for_text("#unit-name", "市审计局")
        .expect("the unit page");
    assert_eq!(holders(&d), ["周新", "陈副"], "today's team");
    assert_eq!(
        d.find("#vacancy-count").expect("count").text().expect("t"),
        "1"
    );

    // 林旧 was 局长 until 2020-07-01: pick a day in 2019.
    let field = d.find("#as_of").expect("the date field");
    field.clear().expect("clear");
    field.send_keys("2019-05-01").expect("type");
    d.find("#as-of-submit")
        .expect("button")
        .click()
        .expect("click");
    d.wait_for_text("#history-note", "2019-05-01")
        .expect("the team of that day");
    assert!(d.current_url().expect("url").contains("as_of=2019-05-01"));
    assert_eq!(
        holders(&d),
        ["林旧", "陈副"],
        "the holder of then, not 周新"
    );
    assert_eq!(
        d.find("#vacancy-count").expect("count").text().expect("t"),
        "1"
    );

    // In the half year nobody was 局长: two seats empty.
    let field = d.find("#as_of").expect("the date field");
    field.clear().expect("clear");
    field.send_keys("2020-09-01").expect("type");
    d.find("#as-of-submit")
        .expect("button")
        .click()
        .expect("click");
    d.wait_for_text("#history-note", "2020-09-01")
        .expect("the gap");
    assert_eq!(holders(&d), ["陈副"]);
    assert_eq!(
        d.find("#vacancy-count").expect("count").text().expect("t"),
        "2"
    );
    assert_eq!(
        d.find("#member-count").expect("count").text().expect("t"),
        "1"
    );

    // The team card keeps the date.
    d.find(".team-card-link")
        .expect("card link")
        .click()
        .expect("click");
    d.wait_for_text("#as-of-shown", "2020-09-01")
        .expect("the card of that day");
    assert_eq!(
        d.find("#fig-members").expect("members").text().expect("t"),
        "1"
    );
    drop(d);
    drop(rt);
}
