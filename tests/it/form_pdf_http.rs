//! The printed 干部任免审批表 through the pages (issue 16, item 3): a cadre's form with the
//! proposal typed on the profile, a team's forms in one PDF, chosen cadres in one PDF; a
//! liaison prints only its own unit (R-SEC-1); every print is in the trail (R-SEC-3,
//! `export.form`); a form that cannot be printed is a Chinese message, not a broken file
//! (R-SEC-4). The form is R-SEL-12's output.

use crate::fixture::{self, li_na, wang_qiang, zhang_wei};
use crate::helpers::{Backend, Client, PASSWORD, Resp, TestApp, audited, cadre_ref};
use crate::helpers::{seed_users, staff};
use crate::http::blocking;

/// The text poppler reads from a PDF answer and its number of pages (pdftotext ends each
/// page with a form feed).
fn read_pdf(r: &Resp) -> (String, usize) {
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.content_type, "application/pdf");
    assert!(r.bytes.starts_with(b"%PDF-"));
    // A file of its own: the SQLite and PostgreSQL runs of a test read at the same time.
    let file = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile()
        .expect("temp file");
    std::fs::write(file.path(), &r.bytes).expect("pdf written");
    let out = std::process::Command::new("pdftotext")
        .arg(file.path())
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let pages = text.matches('\u{c}').count();
    (text.split_whitespace().collect(), pages)
}

/// The small city (市财政局 U1: 张伟, 李娜; 市教育局 U2: 王强) with an account per role, the
/// liaison's of U1.
async fn city(backend: Backend, config: banzi_web::WebConfig) -> TestApp {
    let app = TestApp::spawn(backend, config).await;
    app.db
        .store
        .import_roster(&staff(), &fixture::roster(), &|_, _, _| {})
        .await
        .expect("fixture");
    seed_users(&app.db.store, Some("U1")).await;
    app
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forms_print_in_scope_and_audited_on_sqlite() {
    forms_print_in_scope_and_audited(Backend::Sqlite).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forms_print_in_scope_and_audited_on_postgres() {
    forms_print_in_scope_and_audited(Backend::Pg).await
}

/// From the profile with a proposal, a team's, chosen cadres'; a liaison its own unit only.
async fn forms_print_in_scope_and_audited(backend: Backend) {
    let app = city(backend, banzi_web::WebConfig::default()).await;
    let store = &app.db.store;
    let jpeg = banzi_io::photo::tiny_jpeg();
    store
        .set_photo(
            &staff(),
            &zhang_wei(),
            "image/jpeg",
            &jpeg,
            banzi_store::today(),
        )
        .await
        .expect("photo");
    let zw = cadre_ref(store, &zhang_wei()).await;
    let wq = cadre_ref(store, &wang_qiang()).await;
    let ln = cadre_ref(store, &li_na()).await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        let one = c.post(
            &format!("/cadres/{zw}/form.pdf"),
            &[
                ("as_of", "2026-12-01"),
                ("appoint", "市财政局党组书记"),
                ("remove", ""),
                ("reason", "工作需要"),
            ],
        );
        let (text, pages) = read_pdf(&one);
        assert_eq!(pages, 2);
        for want in ["张伟", "市财政局党组书记", "工作需要", "干部任免审批表"]
        {
            assert!(text.contains(want), "{want} missing: {text}");
        }
        // The file is named after the form and the cadre, in UTF-8.
        let disposition = disposition(&c, &format!("/cadres/{zw}/form.pdf"));
        assert!(
            disposition.contains(&format!(
                "filename*=UTF-8''{}",
                rfc5987("干部任免审批表-张伟.pdf")
            )),
            "{disposition}"
        );

        // The team page offers its team's forms: the button posts the team and the day.
        let page = c.get("/units/U1");
        let button = page
            .body
            .split("class=\"d-inline team-forms-print\"")
            .nth(1)
            .and_then(|f| f.split("</form>").next())
            .expect("the print button of the team");
        assert!(button.contains("action=\"/forms.pdf\""), "{button}");
        assert!(button.contains("name=\"team\" value=\"U1\""), "{button}");
        assert!(button.contains("打印本班子任免审批表"), "{button}");
        // The team of 市财政局 (张伟, 李娜) in one PDF, in the team page's order.
        let team = c.post("/forms.pdf", &[("team", "U1"), ("as_of", "2026-12-01")]);
        let (text, pages) = read_pdf(&team);
        assert_eq!(pages, 4);
        let (a, b) = (text.find("张伟").unwrap(), text.find("李娜").unwrap());
        assert!(a < b, "局长 before 副局长");
        // Chosen cadres, repeated `id`.
        let chosen = c.post(
            "/forms.pdf",
            &[("id", &wq.to_string()), ("id", &ln.to_string())],
        );
        let (text, pages) = read_pdf(&chosen);
        assert_eq!(pages, 4);
        assert!(text.contains("王强") && text.contains("李娜"));

        // Bad input is a message where the user acted, and nothing is printed.
        let bad = c.post(
            &format!("/cadres/{zw}/form.pdf"),
            &[("as_of", "2026-13-01")],
        );
        assert_eq!(bad.status, 422);
        assert!(bad.body.contains("不是有效日期"), "{}", bad.body);
        let none = c.post("/forms.pdf", &[]);
        assert_eq!(none.status, 422);
        assert!(none.body.contains("请至少选择一名干部"), "{}", none.body);

        // The liaison of 市财政局 prints its own unit, and not 王强 of 市教育局.
        let mut l = Client::new(&base);
        l.login("liaison", PASSWORD);
        read_pdf(&l.post(&format!("/cadres/{ln}/form.pdf"), &[]));
        assert_eq!(l.post(&format!("/cadres/{wq}/form.pdf"), &[]).status, 404);
        assert_eq!(l.post("/forms.pdf", &[("team", "U2")]).status, 404);
        assert_eq!(l.post("/forms.pdf", &[("id", &wq.to_string())]).status, 404);
    })
    .await;
    let trail = audited(store, "export.form", None, None).await;
    let by: Vec<(&str, &str)> = trail
        .iter()
        .map(|t| (t.actor.as_str(), t.after_json.as_str()))
        .collect();
    // Staff's form (twice: once more for its header), the team, the chosen two, and the
    // liaison's own; the refused ones were never read.
    assert_eq!(trail.len(), 5, "{by:?}");
    assert!(
        by.iter()
            .any(|(a, j)| *a == "staff" && j.contains("张伟、李娜")),
        "{by:?}"
    );
    assert!(by.iter().any(|(a, _)| *a == "liaison"));
}

/// The Content-Disposition of a print, asked for again with the client's session.
fn disposition(c: &Client, path: &str) -> String {
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .new_agent();
    let r = agent
        .post(format!("{}{path}", c.base))
        .header("cookie", c.cookie.clone().unwrap_or_default())
        .send_form([("_csrf", c.csrf.clone().unwrap_or_default().as_str())])
        .expect("answer");
    r.headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// The UTF-8 bytes of the Chinese characters percent-encoded, as RFC 5987 writes them.
fn rfc5987(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_font_is_said_in_chinese_and_no_file_is_sent() {
    let config = banzi_web::WebConfig {
        form_fonts: banzi_io::FormFonts {
            main: "/nonexistent/serif.ttc".into(),
            fallback: "/nonexistent/sans.ttc".into(),
        },
        ..Default::default()
    };
    let app = city(Backend::Sqlite, config).await;
    let zw = cadre_ref(&app.db.store, &zhang_wei()).await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        let r = c.post(&format!("/cadres/{zw}/form.pdf"), &[]);
        assert_eq!(r.status, 409);
        assert!(!r.bytes.starts_with(b"%PDF"));
        assert!(
            r.body
                .contains("找不到打印任免审批表所需的字体文件 /nonexistent/serif.ttc"),
            "{}",
            r.body
        );
    })
    .await;
}
