//! In headless Chromium, the dossier as a user works it (issue 15, items 2, 3, 10, 12):
//! appointing into a full post is asked first and names R-STRUCT-4; the profile then says
//! what was done and proposes the 简历 line; 免职 asks before it acts (Cancel changes
//! nothing) and proposes the line's end; a section's edit mode saves; the profile shows a
//! past day; the English dossier fits a 1280 px window.

use crate::browser::fixture_app;
use crate::fixture;
use crate::helpers::PASSWORD;
use crate::webdriver::{Driver, browser_or_skip, server_runtime};

#[test]
fn appoint_remove_edit_and_look_back_in_the_dossier() {
    if !browser_or_skip() {
        return;
    }
    let rt = server_runtime();
    let app = fixture_app(&rt);
    let zm = rt.block_on(crate::helpers::cadre_ref(
        &app.db.store,
        &fixture::zhao_min(),
    ));
    let zw = rt.block_on(crate::helpers::cadre_ref(
        &app.db.store,
        &fixture::zhang_wei(),
    ));
    let d = Driver::start().expect("chromium");
    let base = &app.base;
    d.goto(&format!("{base}/cadres/{zm}/appoint"))
        .expect("goto");
    d.sign_in("staff", PASSWORD).expect("sign in");
    d.wait_for_text("h1", "赵敏").expect("the appoint page");

    // The picker says where each post stands, and typing filters it.
    d.wait_for_text("#post_code", "职数1，现有1人，已满")
        .expect("P1 is full");
    d.find("#post-filter")
        .expect("filter")
        .send_keys("财政")
        .expect("type");
    d.wait_until("only 市财政局's posts", |d| {
        let n = d.find_all("#post_code option")?.len();
        Ok((n == 2).then_some(()))
    })
    .expect("filtered");
    d.find("#post_code")
        .expect("picker")
        .select_by_value("P1")
        .expect("select");
    let start = d.find("#start").expect("start");
    start.clear().expect("clear");
    start.send_keys("2026-01-05").expect("type");
    d.find("#appoint-submit")
        .expect("submit")
        .click()
        .expect("click");

    // Asked first: the post is full, the rule named, the holder listed.
    d.wait_for_text("#over-seats", "R-STRUCT-4")
        .expect("the confirmation");
    d.wait_for_text("#over-holders", "张伟")
        .expect("the holder");
    d.wait_for_text("#raise-rank-box", "正处级")
        .expect("the rank offered");
    d.find("#appoint-confirm")
        .expect("confirm")
        .click()
        .expect("click");
    d.wait_for_text(".done-message", "已任命赵敏为市财政局局长。")
        .expect("said what was done");
    d.wait_for_text("#dossier-rank", "正处级")
        .expect("the rank raised");
    // The 简历 proposal: edited, then saved.
    let text = d
        .find("#proposal-form input[name=c]")
        .expect("proposed text");
    assert_eq!(text.value().expect("value"), "市财政局局长");
    assert_eq!(
        d.find("#proposal-form input[name=a]")
            .expect("from")
            .value()
            .expect("v"),
        "2026.01"
    );
    text.clear().expect("clear");
    text.send_keys("江川市财政局局长").expect("type");
    d.find("#proposal-save")
        .expect("save")
        .click()
        .expect("click");
    d.wait_for_text(".done-message", "简历已保存")
        .expect("saved");
    d.wait_for_text("#resume-lines", "江川市财政局局长")
        .expect("the line is in the 简历");

    // 免职 asks first: Cancel changes nothing, OK ends it and proposes the line's end.
    d.find("#edit-appointments")
        .expect("the section's edit")
        .click()
        .expect("click");
    d.wait_until("the end form", |d| {
        Ok((d.find_all(".end-form")?.len() == 1).then_some(()))
    })
    .expect("one current post");
    let end = d.find(".end-form input[name=end]").expect("end date");
    end.clear().expect("clear");
    end.send_keys("2026-03-31").expect("type");
    d.find(".end-form button")
        .expect("remove")
        .click()
        .expect("click");
    let asked = d
        .wait_until("the confirmation", |d| Ok(d.dialog_text()))
        .expect("asked");
    assert!(asked.contains("不能撤回"), "{asked}");
    d.answer_dialog(false).expect("cancel");
    assert_eq!(d.find_all(".end-form").expect("forms").len(), 1, "kept");
    assert!(d.find_all(".done-message").expect("none").is_empty());
    d.find(".end-form button")
        .expect("remove")
        .click()
        .expect("click");
    d.wait_until("the confirmation", |d| Ok(d.dialog_text()))
        .expect("asked");
    d.answer_dialog(true).expect("ok");
    d.wait_for_text(".done-message", "已免去赵敏的市财政局局长职务。")
        .expect("said what was done");
    assert_eq!(
        d.find("#proposal-form input[name=b]")
            .expect("end")
            .value()
            .expect("v"),
        "2026.03"
    );
    d.find("#proposal-save")
        .expect("save")
        .click()
        .expect("click");
    d.wait_for_text("#resume-lines", "2026.01—2026.03")
        .expect("the line closed");

    // A section's edit mode: 家庭主要成员 gains a member, then 完成 back to reading.
    d.find("#edit-family")
        .expect("edit")
        .click()
        .expect("click");
    for (name, value) in [
        ("a", "丈夫"),
        ("b", "孙立"),
        ("c", "1989.02"),
        ("d", "群众"),
        ("e", "江川市第一中学教师"),
    ] {
        d.find(&format!("#family-add input[name={name}]"))
            .expect("field")
            .send_keys(value)
            .expect("type");
    }
    d.find("#family-add button")
        .expect("add")
        .click()
        .expect("click");
    d.wait_for_text("#family-table", "孙立").expect("added");
    d.find(".section-done")
        .expect("done")
        .click()
        .expect("click");
    d.wait_until("the read view", |d| {
        Ok(d.find_all("#family-add")?.is_empty().then_some(()))
    })
    .expect("read view");
    d.wait_for_text("#family-table", "江川市第一中学教师")
        .expect("still there");

    // The profile as it stood on a past day, and a day that is not one.
    let as_of = d.find("#as-of").expect("date box");
    as_of.clear().expect("clear");
    as_of.send_keys("2026-02-01").expect("type");
    d.find("#as-of-submit")
        .expect("show")
        .click()
        .expect("click");
    d.wait_for_text("#dossier-form", "2026-02-01所任职务")
        .expect("the day");
    d.wait_for_text("#current-posts", "市财政局 局长")
        .expect("held then");
    let as_of = d.find("#as-of").expect("date box");
    as_of.clear().expect("clear");
    as_of.send_keys("2026-02-30").expect("type");
    d.find("#as-of-submit")
        .expect("show")
        .click()
        .expect("click");
    d.wait_for_text("#as-of-error", "2026-02-30")
        .expect("the error");

    // In English, the dossier fits a 1280 px window, in reading and in an edit mode.
    d.set_window_size(1280, 900).expect("size");
    d.goto(&format!("{base}/lang/en?back=/cadres/{zw}"))
        .expect("english");
    d.wait_for_text("#basic", "Basic").expect("english page");
    for path in [
        format!("/cadres/{zw}"),
        format!("/cadres/{zw}?edit=appointments"),
    ] {
        d.goto(&format!("{base}{path}")).expect("goto");
        d.wait_for_text("#cadre-name", "张伟").expect("profile");
        let wide = d
            .execute(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
                vec![],
            )
            .expect("measure");
        assert_eq!(wide.as_i64(), Some(0), "{path} overflows by {wide}");
    }
    drop(d);
    drop(rt);
}
