//! In Chromium, as a user would (issue 16, item 4): open 名册 from the menu, choose the
//! columns, save them as a template, come back later and apply it, and read the table.

use crate::helpers::PASSWORD;
use crate::webdriver::{Driver, browser_or_skip, server_runtime};

#[test]
fn a_user_saves_the_columns_as_a_template_and_applies_it_later() {
    if !browser_or_skip() {
        return;
    }
    let rt = server_runtime();
    let app = rt.block_on(crate::http::app());
    let d = Driver::start().expect("chromium");
    let base = &app.base;
    d.goto(&format!("{base}/units")).expect("goto");
    d.sign_in("staff", PASSWORD).expect("sign in");
    d.wait_for_text("#nav-mingce", "名册").expect("the menu");
    d.find("#nav-mingce").expect("link").click().expect("click");
    d.wait_for_text("#listing-table", "张伟")
        .expect("the default listing");
    // Keep 姓名 and 年龄, add 到龄年月.
    for key in [
        "gender",
        "birth_date",
        "party",
        "ft_education",
        "post",
        "tenure_start",
        "rank",
        "retire_month",
    ] {
        d.find(&format!("#col-{key}"))
            .expect("checkbox")
            .click()
            .expect("click");
    }
    d.find("#f-template-name")
        .expect("name")
        .send_keys("到龄名册")
        .expect("type");
    d.find("#template-save")
        .expect("save")
        .click()
        .expect("click");
    if let Err(e) = d.wait_for_text("#template-done", "已保存模板“到龄名册”。") {
        panic!("{}", d.failure(&e));
    }
    // Later: the page opens with the default columns; the template brings its own back.
    d.refresh().expect("reload");
    d.wait_for_text("#listing-table", "任现职时间")
        .expect("the default columns again");
    d.find("#f-template")
        .expect("select")
        .select_by_value("到龄名册")
        .expect("choose");
    d.find("#template-apply")
        .expect("apply")
        .click()
        .expect("click");
    d.wait_for_text("#listing-table thead", "到龄年月")
        .expect("the template's columns");
    let heads: Vec<String> = d
        .find_all("#listing-table thead th")
        .expect("heads")
        .iter()
        .map(|h| h.text().expect("text"))
        .collect();
    assert_eq!(heads, ["姓名", "年龄", "到龄年月"]);
    let units: Vec<String> = d
        .find_all(".listing-unit")
        .expect("groups")
        .iter()
        .map(|h| h.text().expect("text"))
        .collect();
    assert_eq!(
        units,
        [
            "市财政局（共2人）",
            "市教育局（共1人）",
            "未任现职（共1人）"
        ]
    );
    let rows = d.find_all(".listing-row").expect("rows");
    assert_eq!(rows.len(), 4);
    let first: Vec<String> = rows[0]
        .find_all("td")
        .expect("cells")
        .iter()
        .map(|c| c.text().expect("text"))
        .collect();
    assert_eq!(first[0], "张伟");
    assert_eq!(first[2], "2043.05");
    assert!(
        d.find("#col-retire_month")
            .expect("box")
            .prop("checked")
            .expect("p")
            == Some("true".into())
    );
    assert!(
        d.find("#col-gender")
            .expect("box")
            .prop("checked")
            .expect("p")
            == Some("false".into())
    );
}
