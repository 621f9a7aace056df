//! `banzi print form ID… --output FILE.pdf` (issue 16, item 3): cadres named by 身份证号 or
//! registry number, one PDF of two pages each, audited; an unknown cadre or a bad date is a
//! message and a non-zero exit, and no file.

use crate::check::banzi;
use crate::fixture::{self, li_na, zhang_wei};
use crate::helpers::{cadre_ref, open_as_the_binary, staff};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn print_form_writes_one_pdf_of_two_pages_a_cadre() {
    let dir = tempfile::tempdir().expect("dir");
    let db = format!("sqlite://{}", dir.path().join("c.db").display());
    let path = |n: &str| dir.path().join(n).display().to_string();
    let li_na_row = {
        let store = open_as_the_binary(&db).await;
        store
            .import_roster(&staff(), &fixture::roster(), &|_, _, _| {})
            .await
            .expect("fixture");
        cadre_ref(&store, &li_na()).await.to_string()
    };

    let out = path("forms.pdf");
    let (code, said, err) = banzi(
        &db,
        &[
            "print",
            "form",
            &zhang_wei(),
            &li_na_row,
            "--output",
            &out,
            "--as-of",
            "2026-12-01",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(said.contains("已将2人的任免审批表（共4页）写入"), "{said}");
    let text = std::process::Command::new("pdftotext")
        .args([&out, "-"])
        .output()
        .expect("pdftotext (poppler-utils)")
        .stdout;
    let text = String::from_utf8(text).expect("utf-8");
    assert_eq!(text.matches('\u{c}').count(), 4, "two pages a cadre");
    let (a, b) = (text.find("张伟").unwrap(), text.find("李娜").unwrap());
    assert!(a < b, "in the order given");

    // Refused: a cadre no one has, a date that is none; no file is left.
    let none = path("none.pdf");
    let (code, _, err) = banzi(&db, &["print", "form", "999999", "--output", &none]);
    assert_eq!(code, 1);
    assert!(err.contains("找不到干部：999999"), "{err}");
    let (code, _, err) = banzi(
        &db,
        &[
            "print",
            "form",
            &zhang_wei(),
            "--output",
            &none,
            "--as-of",
            "2026-02-30",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("计算年龄时间“2026-02-30”不是有效日期"),
        "{err}"
    );
    assert!(!std::path::Path::new(&none).exists());

    // The print is an export in the trail, naming the cadres.
    let pool = sqlx::SqlitePool::connect(&db).await.expect("open");
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT actor, after_json FROM audit_log WHERE action = 'export.form'")
            .fetch_all(&pool)
            .await
            .expect("trail");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].1.contains("张伟、李娜"), "{rows:?}");
}
