//! In Chromium, as a user would (issue 16, item 5): open 信息校核 from the menu, follow a
//! count of the summary to the one finding it counts, and from it to the cadre's page.

use crate::fixture::li_na;
use crate::helpers::PASSWORD;
use crate::webdriver::{Driver, browser_or_skip, server_runtime};
use banzi_store::Pool;

#[test]
fn a_user_follows_a_count_of_the_data_check_to_the_cadre() {
    if !browser_or_skip() {
        return;
    }
    let rt = server_runtime();
    let app = rt.block_on(async {
        let app = crate::http::app().await;
        // 李娜 started work at 14 (written beside the registry's forms).
        let Pool::Sqlite(pool) = app.db.store.pool() else {
            panic!("sqlite")
        };
        sqlx::query("UPDATE cadres SET work_started = '1999-07-01' WHERE id_number = $1")
            .bind(li_na())
            .execute(pool)
            .await
            .expect("plant");
        app
    });
    let d = Driver::start().expect("chromium");
    let base = &app.base;
    d.goto(&format!("{base}/units")).expect("goto");
    d.sign_in("staff", PASSWORD).expect("sign in");
    d.wait_for_text("#nav-datacheck", "信息校核")
        .expect("the menu");
    d.find("#nav-datacheck")
        .expect("link")
        .click()
        .expect("click");
    d.wait_for_text("#datacheck-summary", "市财政局")
        .expect("the summary");
    d.find("#datacheck-summary tr[data-unit='U1'] td[data-check='work-age'] a")
        .expect("市财政局's count of 参加工作年龄")
        .click()
        .expect("click");
    d.wait_for_text("#datacheck-showing", "参加工作年龄")
        .expect("the findings it counts");
    let rows = d.find_all(".datacheck-finding").expect("rows");
    assert_eq!(rows.len(), 1);
    assert_eq!(
        d.find(".datacheck-message").expect("m").text().expect("t"),
        "参加工作时间1999-07-01早于年满16周岁之日2001-03-08"
    );
    d.find("#datacheck-findings a")
        .expect("the cadre's link")
        .click()
        .expect("click");
    if let Err(e) = d.wait_for_text("#cadre-name", "李娜") {
        panic!("{}", d.failure(&e));
    }
    assert!(
        !d.current_url().expect("url").contains(&li_na()),
        "no ID number in the address"
    );
}
