//! The pages whose scripts moved to files for the content security policy, driven in
//! Chromium as their users meet them (issue 14, item 14): the roster upload shows its
//! refusal and its success, removing a record and locking an account ask first.

use crate::fixture;
use crate::helpers::PASSWORD;
use crate::webdriver::{Driver, browser_or_skip, server_runtime};

#[test]
fn pages_under_the_policy_show_refusals_and_ask_before_irreversible_steps() {
    if !browser_or_skip() {
        return;
    }
    let rt = server_runtime();
    let app = crate::browser::fixture_app(&rt);
    let zw = rt.block_on(crate::helpers::cadre_ref(
        &app.db.store,
        &fixture::zhang_wei(),
    ));
    let dir = tempfile::tempdir().expect("dir");
    let mut broken = fixture::roster();
    broken.appointments[0].value.post_code = "MISSING".into();
    let broken_path = dir.path().join("坏的花名册.xlsx");
    std::fs::write(
        &broken_path,
        banzi_io::write_roster(&broken, &|_| {}).expect("w"),
    )
    .expect("write");
    let good_path = dir.path().join("花名册.xlsx");
    std::fs::write(
        &good_path,
        banzi_io::write_roster(&fixture::roster(), &|_| {}).expect("w"),
    )
    .expect("write");
    let d = Driver::start().expect("chromium");
    let base = &app.base;

    d.goto(&format!("{base}/roster")).expect("goto");
    d.sign_in("staff", PASSWORD).expect("sign in");
    d.wait_for_text("h1", "花名册").expect("roster page");
    // A refused workbook: the error table appears where the answer goes (a 422).
    let file = d.find("#import-file").expect("file input");
    file.send_keys(&broken_path.display().to_string())
        .expect("choose");
    d.find("#import-submit")
        .expect("submit")
        .click()
        .expect("click");
    d.wait_for_text("#import-result", "未导入任何数据")
        .expect("the refusal is shown");
    d.wait_for_text("#import-result", "职位编码")
        .expect("with its table");
    // A good one imports (nothing changes: the fixture is already there).
    let file = d.find("#import-file").expect("file input");
    file.clear().expect("clear");
    file.send_keys(&good_path.display().to_string())
        .expect("choose");
    d.find("#import-submit")
        .expect("submit")
        .click()
        .expect("click");
    d.wait_for_text("#import-result", "没有变化")
        .expect("imported");

    // Removing a 简历 line asks first; Cancel keeps it, OK removes it (in the section's edit
    // mode, which the profile's 编辑 opens).
    d.goto(&format!("{base}/cadres/{zw}?edit=resume"))
        .expect("profile");
    d.find("#resume-lines + form input[name=a]")
        .expect("from")
        .send_keys("2001.07")
        .expect("k");
    d.find("#resume-lines + form input[name=b]")
        .expect("to")
        .send_keys("2005.12")
        .expect("k");
    d.find("#resume-lines + form input[name=c]")
        .expect("text")
        .send_keys("写错的一行")
        .expect("k");
    d.find("#resume-lines + form button")
        .expect("add")
        .click()
        .expect("click");
    d.wait_for_text("#resume-lines", "写错的一行")
        .expect("added");
    let remove = "#resume-lines .remove-form button";
    d.find(remove).expect("remove").click().expect("click");
    let asked = d
        .wait_until("the confirmation", |d| Ok(d.dialog_text()))
        .expect("asked");
    assert!(asked.contains("删除"), "{asked}");
    d.answer_dialog(false).expect("cancel");
    assert!(d.page_source().expect("src").contains("写错的一行"), "kept");
    d.find(remove).expect("remove").click().expect("click");
    d.wait_until("the confirmation", |d| Ok(d.dialog_text()))
        .expect("asked");
    d.answer_dialog(true).expect("ok");
    d.wait_until("the line gone", |d| {
        Ok((!d.page_source()?.contains("写错的一行")).then_some(()))
    })
    .expect("removed");

    // 免职 asks first, saying what will happen; Cancel keeps the appointment.
    d.goto(&format!("{base}/cadres/{zw}?edit=appointments"))
        .expect("profile");
    let ends_before = d.find_all(".end-form").expect("end forms").len();
    assert!(ends_before > 0, "张伟 holds a post");
    d.find(".end-form button")
        .expect("remove")
        .click()
        .expect("click");
    let asked = d
        .wait_until("the confirmation", |d| Ok(d.dialog_text()))
        .expect("asked");
    assert!(asked.contains("不能撤回"), "{asked}");
    d.answer_dialog(false).expect("cancel");
    assert_eq!(
        d.find_all(".end-form").expect("forms").len(),
        ends_before,
        "kept"
    );

    // The security administrator locks an account: asked first, then said what was done.
    d.sign_out().expect("sign out");
    d.goto(&format!("{base}/admin/users")).expect("goto");
    d.sign_in("secadmin", PASSWORD).expect("sign in");
    d.wait_for_text("#users-table", "leader").expect("accounts");
    d.find("tr[data-login=leader] form[action$='/lock'] button")
        .expect("lock")
        .click()
        .expect("click");
    let asked = d
        .wait_until("the confirmation", |d| Ok(d.dialog_text()))
        .expect("asked");
    assert!(asked.contains("锁定"), "{asked}");
    d.answer_dialog(true).expect("ok");
    d.wait_for_text("#users-done", "已锁定账号 leader")
        .expect("done");
}
