//! In Chromium, as a user would (issue 18, item 1): open the unit tree a level at a time and
//! page through a long level; find a unit by its initials; filter the cadre list by a unit
//! chosen in the type-ahead picker; and see that text no unit was chosen for is not sent.

use crate::helpers::{Backend, PASSWORD};
use crate::webdriver::{Driver, browser_or_skip, server_runtime};

fn node_count(d: &Driver, css: &str) -> usize {
    d.find_all(css).map(|v| v.len()).unwrap_or(0)
}

#[test]
fn a_user_opens_the_tree_level_by_level_and_filters_by_a_picked_unit() {
    if !browser_or_skip() {
        return;
    }
    let rt = server_runtime();
    let app = rt.block_on(crate::units_http::app(Backend::Sqlite));
    let d = Driver::start().expect("chromium");
    let base = &app.base;
    d.goto(&format!("{base}/units")).expect("goto");
    d.sign_in("staff", PASSWORD).expect("sign in");
    d.wait_for_text("#unit-tree", "江川市委")
        .expect("the roots");
    assert_eq!(node_count(&d, ".unit-node"), 1, "only the root at first");
    // Open 江川市委: its two units come, 市教育局 with 250 under it.
    d.find(".unit-node[data-code='C'] > details > summary")
        .expect("the root")
        .click()
        .expect("open");
    d.wait_for_text(".unit-node[data-code='C'] .unit-children", "下级 250 个")
        .expect("the children, counted");
    d.find(".unit-node[data-code='U2'] > details > summary")
        .expect("市教育局")
        .click()
        .expect("open");
    d.wait_for_text(".unit-node[data-code='U2'] .unit-more", "还有 150 个")
        .expect("a page of a hundred");
    assert_eq!(node_count(&d, ".unit-node[data-code='U2'] .unit-node"), 100);
    d.find(".unit-node[data-code='U2'] .unit-more button")
        .expect("more")
        .click()
        .expect("click");
    d.wait_for_text(".unit-node[data-code='U2'] .unit-more", "还有 50 个")
        .expect("the next hundred");
    assert_eq!(node_count(&d, ".unit-node[data-code='U2'] .unit-node"), 200);
    // The search: 市财政局 by its initials.
    let q = d.find("#unit-q").expect("search");
    q.send_keys("czj").expect("type");
    d.find("#unit-search-submit")
        .expect("go")
        .click()
        .expect("click");
    d.wait_for_text("#unit-found", "市财政局").expect("found");
    assert!(!d.page_source().expect("src").contains("教育分局001"));

    // The cadre list: pick 市财政局 by typing its pinyin.
    d.goto(&format!("{base}/cadres")).expect("cadres");
    d.wait_for_text("#results", "王强").expect("every cadre");
    d.find("#f-unit-text")
        .expect("picker")
        .send_keys("caizheng")
        .expect("type");
    d.wait_for_text("#f-unit-list", "市财政局")
        .expect("the choices");
    d.find("#f-unit-list .unit-picker-item[data-code='U1']")
        .expect("the choice")
        .click()
        .expect("choose");
    assert_eq!(d.find("#f-unit").expect("hidden").value().expect("v"), "U1");
    assert_eq!(
        d.find("#f-unit-text").expect("text").value().expect("v"),
        "市财政局"
    );
    d.find("#search-submit")
        .expect("search")
        .click()
        .expect("click");
    d.wait_until("only 市财政局's people", |d| {
        let t = d.find("#results")?.text()?;
        Ok((t.contains("张伟") && !t.contains("王强")).then_some(()))
    })
    .expect("filtered");
    assert!(d.current_url().expect("url").contains("unit=U1"));
    // Emptying the field is every unit again.
    let text = d.find("#f-unit-text").expect("picker");
    text.send_keys(&"\u{e003}".repeat(4)).expect("backspace");
    d.wait_for_text("#results", "王强")
        .expect("every unit again");
    let before = d.current_url().expect("url");
    assert!(!before.contains("unit=U1"), "{before}");
    // Text no unit was chosen for is not sent: the field says so and the list opens.
    text.send_keys("教育分局2").expect("type");
    assert_eq!(d.find("#f-unit").expect("hidden").value().expect("v"), "");
    d.find("#search-submit")
        .expect("search")
        .click()
        .expect("click");
    d.wait_until("the field marked", |d| {
        let class = d.find("#f-unit-text")?.attr("class")?.unwrap_or_default();
        Ok(class.contains("is-invalid").then_some(()))
    })
    .expect("marked");
    d.wait_for_text("#f-unit-list", "还有更多单位")
        .expect("the list, with more");
    assert_eq!(d.current_url().expect("url"), before, "nothing sent");
    assert!(
        d.find("#results")
            .expect("results")
            .text()
            .expect("t")
            .contains("王强")
    );
}
