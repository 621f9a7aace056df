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
    d.wait_for_text("#alert-table", "P2")
        .expect("the vacancy notice");
    assert_eq!(
        d.find_all("#alert-table .alert-row").expect("rows").len(),
        1
    );
    drop(d);
    drop(rt);
}
