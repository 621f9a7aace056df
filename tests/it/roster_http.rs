//! The roster workbook over HTTP: upload lists every error and changes nothing, a good one
//! imports (R-SEC-4); the page follows the server's progress through its own import only.

use crate::fixture;
use crate::helpers::{Backend, Client, PASSWORD, TestApp, seed_users};
use crate::http::{app, blocking};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workbook_upload_lists_every_error_and_imports_a_good_one() {
    let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
    seed_users(&app.db.store, None).await;
    let mut broken = fixture::roster();
    broken.appointments[0].value.post_code = "MISSING".into();
    let broken = banzi_io::write_roster(&broken, &|_| {}).expect("write");
    let good = banzi_io::write_roster(&fixture::roster(), &|_| {}).expect("write");
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        c.get("/roster");
        let t = c.get("/roster/template.xlsx");
        assert_eq!(t.status, 200);
        assert!(t.content_type.contains("spreadsheetml"));
        assert!(
            banzi_io::read_roster(&t.bytes, &|_| {}).is_ok(),
            "the template imports as an empty roster"
        );
        let r = c.upload("/roster/import", "file", "bad.xlsx", &broken);
        assert_eq!(r.status, 422);
        assert!(r.body.contains("未导入任何数据"));
        assert!(
            r.body.contains("<td>任职</td><td>2</td><td>职位编码</td>"),
            "{}",
            r.body
        );
        let r = c.upload("/roster/import", "file", "junk.xlsx", b"not a workbook");
        assert_eq!(r.status, 422);
        assert!(r.body.contains("不是有效的"));
        let ok = c.upload("/roster/import", "file", "good.xlsx", &good);
        assert_eq!(ok.status, 200, "{}", ok.body);
        assert!(ok.body.contains("导入成功"));
        let again = c.upload("/roster/import", "file", "good.xlsx", &good);
        assert!(again.body.contains("没有变化"));
        let export = c.get("/roster/export.xlsx");
        assert_eq!(export.status, 200);
        let (back, _) = banzi_io::read_roster(&export.bytes, &|_| {}).expect("export reads");
        assert_eq!(back.cadres.len(), 4);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_follows_its_own_import_and_no_one_elses() {
    let app = app().await;
    let base = app.base.clone();
    let mine = app.state.imports.enter("staff", "t1");
    mine.read("干部", 500, 1000);
    mine.written("单位", 3);
    let theirs = app.state.imports.enter("someone", "t2");
    theirs.read("任职", 7, 9);
    let (mut c, page, stage, other) = blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        let page = c.get("/roster");
        let stage = c.get("/roster/import/progress?ticket=t1");
        let other = c.get("/roster/import/progress?ticket=t2");
        (c, page, stage, other)
    })
    .await;
    // The page carries a fresh ticket of 128 random bits ahead of the file field.
    let ticket = page
        .body
        .split("name=\"ticket\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a ticket field");
    assert_eq!(ticket.len(), 32);
    assert!(ticket.chars().all(|ch| ch.is_ascii_hexdigit()));
    assert!(page.body.find("name=\"ticket\"") < page.body.find("name=\"file\""));
    assert_eq!(stage.status, 200);
    assert!(
        stage.body.contains("已读取 干部 500/1000"),
        "{}",
        stage.body
    );
    assert!(stage.body.contains("已写入 单位 3"), "{}", stage.body);
    assert_eq!(other.status, 200);
    assert!(
        !other.body.contains("任职"),
        "another user's import: {}",
        other.body
    );
    // An import that has ended is off the board.
    drop(mine);
    let done = blocking(move || c.get("/roster/import/progress?ticket=t1")).await;
    assert!(!done.body.contains("干部"), "{}", done.body);
    drop(theirs);
}

/// The import's errors and the list's search error in the reader's language: the sheet and
/// column as the workbook names them (English adds a gloss), the message translated, what
/// the user typed as it was.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_and_search_errors_read_in_the_readers_language() {
    let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
    seed_users(&app.db.store, None).await;
    let mut broken = fixture::roster();
    broken.appointments[0].value.post_code = "MISSING".into();
    let broken = banzi_io::write_roster(&broken, &|_| {}).expect("write");
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        c.get("/roster");
        let session = c.cookie.clone().expect("signed in");
        for (lang, cell, junk, age) in [
            (
                "en",
                "<td>任职 (Appointment)</td><td>2</td><td>职位编码 (Post code)</td><td>Post “MISSING” does not exist</td>",
                "The file is not a valid .xlsx workbook",
                "Age “abc” should be a whole number from 16 to 100",
            ),
            (
                "zh-TW",
                "<td>任职</td><td>2</td><td>职位编码</td><td>職位「MISSING」不存在</td>",
                "檔案不是有效的 .xlsx 活頁簿",
                "年齡「abc」應為16到100之間的整數",
            ),
            (
                "zh-CN",
                "<td>任职</td><td>2</td><td>职位编码</td><td>职位“MISSING”不存在</td>",
                "文件不是有效的 .xlsx 工作簿",
                "年龄“abc”应为16到100之间的整数",
            ),
        ] {
            c.cookie = Some(format!("{session}; banzi_lang={lang}"));
            let r = c.upload("/roster/import", "file", "bad.xlsx", &broken);
            assert_eq!(r.status, 422);
            assert!(r.body.contains(cell), "{lang}: {}", r.body);
            let r = c.upload("/roster/import", "file", "junk.xlsx", b"not a workbook");
            assert!(r.body.contains(junk), "{lang}: {}", r.body);
            let r = c.get("/cadres?age_min=abc");
            assert!(r.body.contains(age), "{lang}: {}", r.body);
        }
    })
    .await;
}
