//! 工作日历 (issue 17, R-SEL-9) through HTTP, on SQLite and on PostgreSQL: the page shows the
//! shipped 2026 notice with 国庆节 and its 调休 days; the system administrator enters 2027
//! and the calendar the selection case counts on (`Store::working_calendar`) then counts a
//! 任前公示 through 2026-12-28; a bad line is refused in Chinese with its line number and
//! nothing is saved; a shipped year cannot be entered; staff view but cannot save (403);
//! each write is in the trail.

use crate::helpers::{Backend, Client, PASSWORD, TestApp, audited, seed_users};
use crate::http::blocking;
use banzi_domain::message;

fn d(s: &str) -> banzi_domain::Date {
    banzi_domain::date::parse(s).expect("date")
}

/// A year typed for the test (not a notice).
const Y2027: &str = "来源：测试录入的2027年安排 2026-11-10\r\n\
2027年1月1日至3日 元旦\r\n\
2027-02-06 至 2027-02-12 春节\r\n\
2027-02-20 上班 春节\r\n";

async fn calendar_kept_by_the_system_administrator(backend: Backend) {
    let app = TestApp::spawn(backend, banzi_web::WebConfig::default()).await;
    let store = app.db.store.clone();
    seed_users(&store, None).await;
    // R-SEL-9: before 2027 is known, a 公示 opened on 2026-12-28 is refused, not guessed.
    let cal = store.working_calendar().await.expect("calendar");
    assert_eq!(
        cal.publicity(d("2026-12-28"), 5),
        Err(message!("calendar-year-unknown", year = 2027i16))
    );
    let base = app.base.clone();
    blocking(move || {
        let mut a = Client::new(&base);
        assert_eq!(a.login("sysadmin", PASSWORD).status, 303);
        let page = a.get("/calendar");
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("id=\"nav-calendar\""));
        let y2026 = page
            .body
            .split("id=\"year-2026\"")
            .nth(1)
            .and_then(|t| t.split("</section>").next())
            .expect("2026 is shown");
        assert!(y2026.contains("国务院办公厅通知"), "{y2026}");
        assert!(y2026.contains("《国务院办公厅关于2026年部分节假日安排的通知》"));
        assert!(y2026.contains("发布日期 2025-11-04"));
        assert!(y2026.contains("全年工作日 248 天"));
        assert!(y2026.contains("国庆节 2026-10-01–2026-10-07"), "{y2026}");
        assert!(y2026.contains("2026-10-10 (国庆节)"));
        assert!(y2026.contains("<td class=\"cal-holiday\" title=\"国庆节\">1</td>"));
        assert!(y2026.contains("<td class=\"cal-makeup\" title=\"调休上班\">20</td>"));
        assert!(page.body.contains("id=\"calendar-form\""));
        assert!(page.body.contains("id=\"year-2025\""));
        assert!(!page.body.contains("id=\"year-2027\""));

        // A bad line: refused in Chinese beside the field, with its line; nothing saved.
        let bad = a.post(
            "/calendar",
            &[
                ("year", "2027"),
                (
                    "text",
                    "2027-01-01 至 2027-01-03 元旦\n随便写的\n2027-02-08 上班",
                ),
            ],
        );
        assert_eq!(bad.status, 422, "{}", bad.body);
        let err = bad
            .body
            .split("id=\"err-text\">")
            .nth(1)
            .and_then(|t| t.split("</div></div>").next())
            .expect("errors beside the text");
        assert!(err.contains("第2行“随便写的”无法识别"), "{err}");
        assert!(err.contains("第3行：2027-02-08 不是周六或周日，不能作为调休上班日"));
        // What was typed is kept in the field.
        assert!(
            bad.body
                .contains(">2027-01-01 至 2027-01-03 元旦\n随便写的")
        );
        // Sent by htmx, the refusal is the form alone, as a 422 the page swaps in place.
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .new_agent();
        let mut r = agent
            .post(format!("{base}/calendar"))
            .header("cookie", a.cookie.clone().expect("signed in"))
            .header("hx-request", "true")
            .send_form([
                ("year", "2027"),
                ("text", "2027-02-30 春节"),
                ("_csrf", a.csrf.clone().expect("token").as_str()),
            ])
            .expect("htmx post");
        assert_eq!(r.status().as_u16(), 422);
        let fragment = r.body_mut().read_to_string().expect("body");
        assert!(
            fragment.starts_with("<div id=\"calendar-form-area\">"),
            "{fragment}"
        );
        assert!(!fragment.contains("<html"));
        assert!(
            fragment.contains("第1行“2027-02-30 春节”中的日期不存在"),
            "{fragment}"
        );
        let year = a.post("/calendar", &[("year", "27"), ("text", "2027-01-01 元旦")]);
        assert_eq!(year.status, 422);
        assert!(year.body.contains("年份“27”应为1900到2200之间的四位数"));
        let shipped = a.post(
            "/calendar",
            &[("year", "2026"), ("text", "2026-01-01 元旦")],
        );
        assert_eq!(shipped.status, 422);
        assert!(
            shipped
                .body
                .contains("2026年的工作日历来自国务院办公厅通知")
        );
        assert!(!a.get("/calendar").body.contains("id=\"year-2027\""));

        // Staff view the calendar but may not keep it.
        let mut s = Client::new(&base);
        s.login("staff", PASSWORD);
        let seen = s.get("/calendar");
        assert_eq!(seen.status, 200);
        assert!(seen.body.contains("国庆节") && !seen.body.contains("id=\"calendar-form\""));
        let refused = s.post("/calendar", &[("year", "2027"), ("text", Y2027)]);
        assert_eq!(refused.status, 403);
        assert!(refused.body.contains("只有系统管理员可以维护工作日历"));

        // The system administrator enters 2027.
        let saved = a.post("/calendar", &[("year", "2027"), ("text", Y2027)]);
        assert_eq!(saved.status, 303, "{}", saved.body);
        assert_eq!(saved.location.as_deref(), Some("/calendar?saved=2027"));
        let page = a.get("/calendar?saved=2027");
        assert!(page.body.contains("已保存2027年的工作日历。"));
        let y2027 = page
            .body
            .split("id=\"year-2027\"")
            .nth(1)
            .and_then(|t| t.split("</section>").next())
            .expect("2027 is shown");
        assert!(y2027.contains("管理员录入") && y2027.contains("由sysadmin于"));
        assert!(y2027.contains("《测试录入的2027年安排》"));
        assert!(y2027.contains("id=\"delete-2027\""));
        assert!(y2027.contains("data-confirm=\"确定删除2027年的工作日历吗？"));
        // Its text comes back into the form to be changed.
        let edit = a.get("/calendar?edit=2027");
        assert!(edit.body.contains("2027-02-20 上班 春节"));
    })
    .await;

    // The selection case's calendar now counts through the new year's 元旦 (R-SEL-9).
    let cal = store.working_calendar().await.expect("calendar");
    let p = cal.publicity(d("2026-12-28"), 5).expect("counted");
    assert_eq!(
        (p.last_day, p.appoint_from),
        (d("2027-01-04"), d("2027-01-05"))
    );
    assert!(cal.is_working_day(d("2027-02-20")).expect("known"));
    // Saving the same text again changes nothing.
    let admin = crate::helpers::as_role(banzi_domain::role::Role::SysAdmin, None);
    assert!(
        !store
            .save_calendar_year(&admin, 2027, Y2027)
            .await
            .expect("same")
    );
    // The trail: one save by the system administrator, nothing for the refusals.
    let saves = audited(&store, "calendar.save", None, None).await;
    assert_eq!(saves.len(), 1);
    assert_eq!(
        (
            saves[0].actor.as_str(),
            saves[0].entity.as_str(),
            saves[0].entity_key.as_str()
        ),
        ("sysadmin", "calendar_year", "2027")
    );
    assert!(saves[0].after_json.contains("测试录入的2027年安排"));

    // Deleting asks first (the page's data-confirm); the year is gone and a count into it
    // is refused again; a shipped year cannot be deleted.
    let base = app.base.clone();
    blocking(move || {
        let mut a = Client::new(&base);
        a.login("sysadmin", PASSWORD);
        a.get("/calendar");
        let mut s = Client::new(&base);
        s.login("staff", PASSWORD);
        s.get("/calendar");
        assert_eq!(s.post("/calendar/2027/delete", &[]).status, 403);
        assert_eq!(a.post("/calendar/2026/delete", &[]).status, 409);
        let gone = a.post("/calendar/2027/delete", &[]);
        assert_eq!(gone.status, 303, "{}", gone.body);
        assert!(
            a.get("/calendar?deleted=2027")
                .body
                .contains("已删除2027年的工作日历。")
        );
        assert_eq!(a.post("/calendar/2027/delete", &[]).status, 404);
    })
    .await;
    let deletes = audited(&store, "calendar.delete", None, None).await;
    assert_eq!(deletes.len(), 1);
    assert_eq!(deletes[0].actor, "sysadmin");
    let cal = store.working_calendar().await.expect("calendar");
    assert!(cal.publicity(d("2026-12-28"), 5).is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calendar_on_sqlite() {
    calendar_kept_by_the_system_administrator(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calendar_on_postgres() {
    calendar_kept_by_the_system_administrator(Backend::Pg).await;
}
