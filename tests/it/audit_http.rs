//! The audit trail as the audit administrator reads it (issue 15, item 7): each change as
//! field: before → after in words, masked fields shown changed but not revealed, and a date
//! range in Beijing days.

use crate::fixture::{self, zhang_wei};
use crate::helpers::{Client, PASSWORD, staff};
use crate::http::{app, blocking};
use banzi_store::Upsert;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_trail_shows_each_change_as_field_before_and_after_within_a_date_range() {
    let app = app().await;
    let s = staff();
    let today = banzi_store::today();
    app.db
        .store
        .save_unit(
            &s,
            &fixture::unit("U1", "市财政局（市国资委）", "C", "市直单位", "其他", "否"),
        )
        .await
        .expect("unit");
    let d = app
        .db
        .store
        .cadre(&s, &zhang_wei(), today)
        .await
        .expect("cadre");
    let mut edited = d.cadre.clone();
    edited.native_place = "江苏南通".into();
    edited.rank = "一级巡视员".into();
    app.db
        .store
        .save_cadre(&s, &edited, Upsert::MustExist, today)
        .await
        .expect("cadre");
    let day = |n: i64| {
        today
            .checked_add(jiff::Span::new().days(n))
            .expect("day")
            .to_string()
    };
    let (yesterday, tomorrow) = (day(-1), day(1));
    let base = app.base.clone();
    let old_rank = d.cadre.rank.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("auditor", PASSWORD);
        let list = c.get("/audit?entity=unit&key=U1");
        assert_eq!(list.status, 200);
        assert!(
            list.body.contains(
                "<span class=\"text-muted\" title=\"name\">名称（姓名）</span>：\
                 <del>市财政局</del> → <ins>市财政局（市国资委）</ins>"
            ),
            "{}",
            list.body
        );
        // The cadre's rank is shown; the native place (blank before) changed, and stays
        // masked.
        let list = c.get(&format!("/audit?entity=cadre&key={}", zhang_wei()));
        assert!(
            list.body.contains(&format!(
                "title=\"rank\">现职级</span>：<del>{old_rank}</del> → <ins>一级巡视员</ins>"
            )),
            "{}",
            list.body
        );
        assert!(
            list.body
                .contains("title=\"native_place\">籍贯</span>：<ins>＊</ins></li>"),
            "{}",
            list.body
        );
        assert!(!list.body.contains("江苏南通"));
        // Unchanged fields are not listed; the import's batch is a link to its table.
        assert!(!list.body.contains("title=\"gender\""));
        assert!(
            list.body.contains("class=\"audit-batch-link\""),
            "{}",
            list.body
        );
        assert!(!list.body.contains("&#34;columns&#34;"));
        // In English the fields have their names.
        let session = c.cookie.clone().expect("signed in");
        c.cookie = Some(format!("{session}; banzi_lang=en"));
        let en = c.get("/audit?entity=unit&key=U1");
        assert!(
            en.body.contains("title=\"name\">Name</span>"),
            "{}",
            en.body
        );
        c.cookie = Some(session);

        // The date range is in Beijing days: today's entries are inside yesterday..today,
        // none from tomorrow on; the links to the next page keep the range.
        let within = c.get(&format!("/audit?from={yesterday}&to={today}"));
        assert!(
            within.body.contains("title=\"unit.update\""),
            "{}",
            within.body
        );
        assert!(!within.body.contains("共 0 条"));
        let later = c.get(&format!("/audit?from={tomorrow}"));
        assert!(later.body.contains("共 0 条"), "{}", later.body);
        assert!(!later.body.contains("title=\"unit.update\""));
        let earlier = c.get(&format!("/audit?to={yesterday}"));
        assert!(earlier.body.contains("共 0 条"), "{}", earlier.body);
        // Each reading is an entry of the trail: enough of them for a second page.
        for _ in 0..30 {
            c.get(&format!("/audit?from={yesterday}"));
        }
        let paged = c.get(&format!("/audit?from={yesterday}"));
        assert!(
            paged
                .body
                .contains(&format!("href=\"/audit?from={yesterday}&page=2\"")),
            "{}",
            paged.body
        );
        // A day that is not a date: said next to the filter, and no entry is listed.
        let bad = c.get("/audit?from=2026-13-01");
        assert_eq!(bad.status, 200);
        assert!(bad.body.contains("id=\"audit-error\""), "{}", bad.body);
        assert!(bad.body.contains("起始日期（北京时间）："));
        assert!(bad.body.contains("2026-13-01"));
        assert!(bad.body.contains("共 0 条"));
    })
    .await;
}
