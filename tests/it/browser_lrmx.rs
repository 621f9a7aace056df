//! In Chromium, as a user would (issue 16, item 1): on the roster page choose a file, see
//! the preview with its error beside the file, choose the right file, confirm (the page
//! asks first) and see what was written.

use crate::conformance::lrmx::lrmx_gen::zhou;
use crate::helpers::PASSWORD;
use crate::webdriver::{Driver, browser_or_skip, server_runtime};

#[test]
fn a_user_previews_then_confirms_an_lrmx_import() {
    if !browser_or_skip() {
        return;
    }
    let rt = server_runtime();
    let app = rt.block_on(crate::http::app());
    let dir = tempfile::tempdir().expect("dir");
    let good = dir.path().join("周建.lrmx");
    let whole = banzi_io::lrmx::write_lrmx(&zhou());
    std::fs::write(&good, &whole).expect("write");
    let cut = dir.path().join("断了.lrmx");
    std::fs::write(&cut, &whole[..whole.len() / 2]).expect("write");

    let d = Driver::start().expect("chromium");
    let base = &app.base;
    d.goto(&format!("{base}/units")).expect("goto");
    d.sign_in("staff", PASSWORD).expect("sign in");
    // Signed in (the answer to the form has arrived) before going on: otherwise its redirect
    // to the units page can land after the next address and replace it.
    d.wait_for_text("#nav-roster", "").expect("signed in");
    d.goto(&format!("{base}/roster")).expect("roster page");
    let choose = |p: &std::path::Path| {
        let file = d.find("#lrmx-file").expect("file input");
        file.send_keys(&p.display().to_string()).expect("choose");
        d.find("#lrmx-preview")
            .expect("button")
            .click()
            .expect("click");
    };
    choose(&cut);
    d.wait_for_text("#lrmx-has-errors", "有文件存在错误")
        .expect("the error where the user acted");
    d.wait_for_text("#lrmx-files", "断了.lrmx")
        .expect("naming the file");
    assert!(
        d.find_all("#lrmx-confirm").expect("q").is_empty(),
        "nothing to confirm"
    );

    choose(&good);
    d.wait_for_text("#lrmx-summary", "新增 1")
        .expect("the preview");
    d.wait_for_text("#lrmx-files", "周建").expect("the person");
    d.find("#lrmx-confirm")
        .expect("confirm")
        .click()
        .expect("click");
    let asked = d.dialog_text().unwrap_or_default();
    assert!(asked.contains("确认按预览导入"), "asks first: {asked:?}");
    d.answer_dialog(true).expect("ok");
    if let Err(e) = d.wait_for_text("#lrmx-done", "导入完成") {
        panic!("{}", d.failure(&e));
    }
    d.wait_for_text("#lrmx-files", "已新增")
        .expect("what was written");
    let store = app.db.store.clone();
    let written = rt.block_on(crate::helpers::audited(
        &store,
        "cadre.form.import",
        None,
        None,
    ));
    assert_eq!(written.len(), 1);
}
