//! In Chromium: the city view draws its charts with the embedded ECharts, and a count opens
//! the alert list filtered to it; the list's filters redraw it in place.

use super::roster::app;
use crate::helpers::PASSWORD;
use crate::webdriver::{Driver, browser_or_skip, server_runtime};

/// In Chromium: the city view draws its charts with the embedded ECharts, and a count
/// opens the alert list filtered to it.
#[test]
fn analysis_in_the_browser_draws_charts_and_counts_open_their_list() {
    if !browser_or_skip() {
        return;
    }
    let rt = server_runtime();
    let app = rt.block_on(app());
    let d = Driver::start().expect("chromium");
    let base = &app.base;
    d.goto(&format!("{base}/analysis")).expect("goto");
    d.sign_in("staff", PASSWORD).expect("sign in");
    d.wait_for_text("h1", "班子结构分析")
        .expect("the city view");
    d.wait_until("ECharts to draw the age pyramid", |d| {
        let drawn = d.execute(
            "var e = document.getElementById('chart-pyramid');
             return !!e && e.hasAttribute('_echarts_instance_') && !!e.querySelector('canvas');",
            vec![],
        )?;
        Ok((drawn == serde_json::Value::Bool(true)).then_some(()))
    })
    .expect("ECharts drew the age pyramid");
    assert!(
        d.find("#chart-alerts canvas").is_ok(),
        "the alerts chart too"
    );
    d.find("#count-R-EXCH-1-violation")
        .expect("count")
        .click()
        .expect("click");
    d.wait_for_text("#alert-total", "1")
        .expect("the filtered list");
    let url = d.current_url().expect("url");
    assert!(
        url.contains("/alerts?rule=R-EXCH-1&level=violation"),
        "{url}"
    );
    let rows = d.find_all("#alert-table .alert-row").expect("rows");
    assert_eq!(rows.len(), 1);
    assert!(rows[0].text().expect("text").contains("张正"));
    // The filters redraw the list in place (htmx).
    d.find("#f-rule")
        .expect("rule filter")
        .select_by_value("R-STRUCT-4")
        .expect("select");
    d.wait_for_text("#alert-total", "0")
        .expect("no R-STRUCT-4 violation");
    d.find("#f-level")
        .expect("level filter")
        .select_by_value("notice")
        .expect("select");
    d.wait_for_text("#alert-table", "副局长")
        .expect("the vacancy notice");
    assert_eq!(
        d.find_all("#alert-table .alert-row").expect("rows").len(),
        1
    );
    drop(d);
    drop(rt);
}

/// In Chromium: the retirement table of the rule parameters (R-AGE-1 by rank and gender,
/// issue 12) is edited as a user would, and the alert list follows at once.
#[test]
fn the_retirement_table_is_edited_in_the_browser() {
    if !browser_or_skip() {
        return;
    }
    let rt = server_runtime();
    let app = rt.block_on(app());
    let d = Driver::start().expect("chromium");
    let base = &app.base;
    d.goto(&format!("{base}/analysis/params")).expect("goto");
    d.sign_in("staff", PASSWORD).expect("sign in");
    d.wait_for_text("#retire-table", "县处级及以上")
        .expect("the retirement table");
    let rows = d.find_all("#retire-table .retire-row").expect("rows");
    assert_eq!(rows.len(), 4);
    // 王局 (male, 副处级, born 1970-05-05): at 56 without the delay he is past it.
    let age = d
        .find("[id='p-age.retire_men_county']")
        .expect("the age field");
    age.clear().expect("clear");
    age.send_keys("56").expect("type");
    d.find("[id='p-age.delay_men_county']")
        .expect("the delay select")
        .select_by_value("否")
        .expect("select");
    // A tall window, as on a portrait screen: the whole form in view.
    d.set_window_size(1280, 2400).expect("window");
    d.find("#params-save")
        .expect("save")
        .click()
        .expect("click");
    d.wait_for_text("#params-saved", "规则参数已保存")
        .expect("saved");
    let current = d
        .find("[data-key='age.retire_men_county'] .param-current")
        .expect("current value")
        .text()
        .expect("text");
    assert_eq!(current, "56");
    d.goto(&format!("{base}/alerts?rule=R-AGE-1&as_of=2026-06-01"))
        .expect("alerts");
    d.wait_for_text("#alert-table", "王局")
        .expect("the retirement alert");
    let rows = d.find_all("#alert-table .alert-row").expect("rows");
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].attr("data-level").expect("attr").as_deref(),
        Some("violation")
    );
    drop(d);
    drop(rt);
}
