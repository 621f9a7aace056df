//! The dossier over HTTP (issue 15, items 2, 3, 9, 10, 12): the post picker's 职数 states
//! and filter, the confirmation before a 任职 beyond the 职数 (R-STRUCT-4) or above the
//! cadre's 现职级, the refusals that change nothing, what a 任职 or 免职 says it did and the
//! 简历 line it proposes, the profile as of a day, and the lists of the cadre form.

use crate::conformance::count_changes;
use crate::fixture::{li_na, zhang_wei, zhao_min};
use crate::helpers::{Client, PASSWORD, cadre_ref};
use crate::http::{app, blocking};

/// The text after `marker` up to the next quote: an attribute's value.
fn after(body: &str, marker: &str) -> String {
    let i = body
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not in the page"));
    body[i + marker.len()..]
        .split('"')
        .next()
        .unwrap_or("")
        .to_string()
}

fn option_of<'a>(body: &'a str, code: &str) -> &'a str {
    let marker = format!("<option value=\"{code}\"");
    let i = body
        .find(&marker)
        .unwrap_or_else(|| panic!("no option {code}"));
    let rest = &body[i..];
    &rest[..rest.find("</option>").expect("closed")]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_post_picker_shows_seats_and_holders_and_filters() {
    let app = app().await;
    let zm = cadre_ref(&app.db.store, &zhao_min()).await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        let page = c.get(&format!("/cadres/{zm}/appoint"));
        assert_eq!(page.status, 200);
        // P1 (1 seat, 张伟) is full, P2 (2 seats, 李娜) has a vacancy, P3 (1 seat, 王强) full.
        let p1 = option_of(&page.body, "P1");
        assert!(
            p1.contains("市财政局 · 局长") && p1.contains("职数1，现有1人，已满"),
            "{p1}"
        );
        let p2 = option_of(&page.body, "P2");
        assert!(p2.contains("职数2，现有1人，空缺"), "{p2}");
        assert!(option_of(&page.body, "P3").contains("已满"));
        // Typing filters by unit, title or code.
        let only = c.get(&format!("/cadres/{zm}/appoint/posts?q=%E6%95%99%E8%82%B2"));
        assert_eq!(only.status, 200);
        assert!(only.body.contains("value=\"P3\"") && !only.body.contains("value=\"P1\""));
        let by_code = c.get(&format!("/cadres/{zm}/appoint/posts?q=p2"));
        assert!(by_code.body.contains("value=\"P2\"") && !by_code.body.contains("value=\"P3\""));
        let none = c.get(&format!("/cadres/{zm}/appoint/posts?q=zzz"));
        assert!(none.body.contains("没有符合的职位"), "{}", none.body);
        // A liaison may not appoint, nor read the picker.
        let mut l = Client::new(&base);
        l.login("liaison", PASSWORD);
        assert_eq!(l.get(&format!("/cadres/{zm}/appoint/posts")).status, 403);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_post_asks_first_names_the_rule_and_appoints_when_confirmed() {
    let app = app().await;
    let zm = cadre_ref(&app.db.store, &zhao_min()).await;
    let base = app.base.clone();
    let before = count_changes(&app.db.store).await;
    let store = app.db.store.clone();
    let (location, page) = blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        c.get(&format!("/cadres/{zm}/appoint"));
        let form = [
            ("post_code", "P1"),
            ("start", "2026-01-05"),
            ("manner", "委任"),
            ("doc_no", "江委〔2026〕9号"),
        ];
        // P1 is held by 张伟 (1 seat), and 赵敏 is 副处级 under a 正处级 post: asked first.
        let ask = c.post(&format!("/cadres/{zm}/appoint"), &form);
        assert_eq!(ask.status, 200);
        assert!(ask.body.contains("R-STRUCT-4"), "the rule is named");
        assert!(
            ask.body
                .contains("市财政局局长职数为1，现已有1人在任，再任命将超职数配备")
        );
        assert!(
            ask.body.contains("id=\"over-holders\">张伟<"),
            "the holder is listed"
        );
        assert!(ask.body.contains("同时将赵敏的现职级由“副处级”改为正处级"));
        assert!(ask.body.contains("name=\"confirm_over\" value=\"1\""));
        // Confirmed, and the rank raised as offered.
        let mut confirmed = form.to_vec();
        confirmed.extend([
            ("confirm_over", "1"),
            ("rank_asked", "1"),
            ("raise_rank", "1"),
        ]);
        let done = c.post(&format!("/cadres/{zm}/appoint"), &confirmed);
        assert_eq!(done.status, 303, "{}", done.body);
        let location = done.location.expect("to the profile");
        let page = c.get(&location);
        (location, page)
    })
    .await;
    assert!(location.starts_with(&format!("/cadres/{zm}?done=appointed&appt=")));
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("已任命赵敏为市财政局局长。"),
        "the done message"
    );
    assert!(page.body.contains("现职级已改为正处级。"));
    assert!(page.body.contains("id=\"dossier-rank\">正处级<"));
    // The 简历 proposal: the start month, open, unit and title; posted as a new line.
    assert!(page.body.contains(&format!(
        "action=\"/cadres/{zm}/records\" class=\"row g-1 small\" id=\"proposal-form\""
    )));
    assert!(page.body.contains("name=\"a\" value=\"2026.01\""));
    assert!(page.body.contains("name=\"c\" value=\"市财政局局长\""));
    // One 任职 and one edit of the cadre, each audited.
    assert_eq!(count_changes(&store).await, before + 2);
    let d = store
        .cadre(&crate::helpers::staff(), &zhao_min(), banzi_store::today())
        .await
        .expect("cadre");
    assert_eq!(d.appointments.len(), 1);
    assert_eq!(d.appointments[0].post_code, "P1");
    assert_eq!(d.cadre.rank, "正处级");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_appointments_say_why_and_change_nothing() {
    let app = app().await;
    let zm = cadre_ref(&app.db.store, &zhao_min()).await;
    let store = app.db.store.clone();
    let before = count_changes(&store).await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        c.get(&format!("/cadres/{zm}/appoint"));
        let path = format!("/cadres/{zm}/appoint");
        let bad_day = c.post(&path, &[("post_code", "P2"), ("start", "2026-02-30")]);
        assert_eq!(bad_day.status, 422);
        assert!(bad_day.body.contains("不存在"), "{}", bad_day.body);
        let no_post = c.post(&path, &[("post_code", "P9"), ("start", "2026-01-05")]);
        assert_eq!(no_post.status, 422);
        assert!(no_post.body.contains("P9"));
        // Ending an appointment that is not hers.
        let not_hers = c.post(
            &path,
            &[
                ("post_code", "P2"),
                ("start", "2026-01-05"),
                ("ending", "1"),
            ],
        );
        assert_eq!(not_hers.status, 422);
        // A confirmation that was never asked for does not skip the question either way: a
        // full post without confirm_over is asked again.
        let again = c.post(
            &path,
            &[
                ("post_code", "P3"),
                ("start", "2026-01-05"),
                ("rank_asked", "1"),
            ],
        );
        assert_eq!(again.status, 200);
        assert!(again.body.contains("R-STRUCT-4"));
        // A liaison may not appoint at all.
        let mut l = Client::new(&base);
        l.login("liaison", PASSWORD);
        l.get("/units");
        let r = l.post(
            &path,
            &[
                ("post_code", "P2"),
                ("start", "2026-01-05"),
                ("confirm_over", "1"),
            ],
        );
        assert_eq!(r.status, 403);
    })
    .await;
    assert_eq!(count_changes(&store).await, before, "nothing changed");
}

/// A post with a free seat and a cadre at its level: recorded at once, no question.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_free_seat_at_the_cadres_level_is_appointed_without_a_question() {
    let app = app().await;
    let zm = cadre_ref(&app.db.store, &zhao_min()).await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        c.get(&format!("/cadres/{zm}/appoint"));
        let r = c.post(
            &format!("/cadres/{zm}/appoint"),
            &[
                ("post_code", "P2"),
                ("start", "2026-01-05"),
                ("manner", "委任"),
            ],
        );
        assert_eq!(r.status, 303);
        let page = c.get(&r.location.expect("profile"));
        assert!(page.body.contains("已任命赵敏为市财政局副局长。"));
        assert!(!page.body.contains("现职级已改为"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_removal_says_so_and_proposes_closing_the_resume_line() {
    let app = app().await;
    let zw = cadre_ref(&app.db.store, &zhang_wei()).await;
    let store = app.db.store.clone();
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        c.get(&format!("/cadres/{zw}?edit=resume"));
        let r = c.post(
            &format!("/cadres/{zw}/records"),
            &[("kind", "resume"), ("a", "2016.03"), ("c", "市财政局局长")],
        );
        assert_eq!(r.status, 303);
        assert_eq!(
            r.location.as_deref(),
            Some(&*format!("/cadres/{zw}?edit=resume&done=added#resume"))
        );
        // The 免职 forms are in the appointments section's edit mode.
        assert!(!c.get(&format!("/cadres/{zw}")).body.contains("end-form"));
        let page = c.get(&format!("/cadres/{zw}?edit=appointments"));
        let appt = after(&page.body, "action=\"/appointments/");
        let appt = appt.trim_end_matches("/end");
        let r = c.post(
            &format!("/appointments/{appt}/end"),
            &[("end", "2026-03-31"), ("doc_no", "江委〔2026〕12号")],
        );
        assert_eq!(r.status, 303);
        let page = c.get(&r.location.expect("profile"));
        assert!(
            page.body.contains("已免去张伟的市财政局局长职务。"),
            "the done message"
        );
        let proposal = &page.body[page.body.find("id=\"resume-proposal\"").expect("proposed")..];
        let action = after(proposal, "action=\"");
        assert!(
            action.contains("/records/resume/") && action.ends_with("/replace"),
            "{action}"
        );
        assert!(
            page.body.contains("name=\"b\" value=\"2026.03\""),
            "the end proposed"
        );
        // A bad month is refused where the user acted; the line stays open.
        let bad = c.post(&action, &[("a", "2016.03"), ("b", "2026.13"), ("c", "x")]);
        assert_eq!(bad.status, 422);
        assert!(bad.body.contains("2026.13"), "what was typed is named");
        assert!(
            c.get(&format!("/cadres/{zw}"))
                .body
                .contains("2016.03—</b>&emsp;市财政局局长")
        );
        // The user edits the text and saves.
        let saved = c.post(
            &action,
            &[
                ("a", "2016.03"),
                ("b", "2026.03"),
                ("c", "江川市财政局局长"),
            ],
        );
        assert_eq!(saved.status, 303);
        let page = c.get(&saved.location.expect("profile"));
        assert!(page.body.contains("简历已保存。"));
        assert!(
            page.body
                .contains("2016.03—2026.03</b>&emsp;江川市财政局局长")
        );
        // A line that is not there is not found, and nothing is added.
        let gone = c.post(
            &format!("/cadres/{zw}/records/resume/999999/replace"),
            &[("a", "2016.03"), ("b", "2026.03"), ("c", "不该出现")],
        );
        assert_eq!(gone.status, 404);
        assert!(!c.get(&format!("/cadres/{zw}")).body.contains("不该出现"));
    })
    .await;
    let key = zhang_wei();
    let removed = crate::helpers::audited(&store, "cadre.resume.remove", None, Some(&key)).await;
    assert_eq!(removed.len(), 1);
    let ended = crate::helpers::audited(&store, "appointment.end", None, None).await;
    assert_eq!(ended.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_profile_shows_what_was_held_on_a_day() {
    let app = app().await;
    let ln = cadre_ref(&app.db.store, &li_na()).await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("leader", PASSWORD);
        let held = |body: &str| {
            let i = body.find("id=\"current-posts\"").expect("row");
            body[i..body[i..].find("</td>").map_or(body.len(), |j| i + j)].to_string()
        };
        // 李娜's first run: 2015-01-01 to 2019-01-01.
        let then = c.get(&format!("/cadres/{ln}?as_of=2018-06-01"));
        assert_eq!(then.status, 200);
        assert!(then.body.contains("2018-06-01所任职务"));
        assert!(held(&then.body).contains("市财政局 副局长"));
        assert!(
            then.body.contains("held-then"),
            "the appointment of that day is marked"
        );
        let before = c.get(&format!("/cadres/{ln}?as_of=2014-12-31"));
        assert!(held(&before.body).contains("held-none"), "nothing yet");
        // The end day is no longer held; the next run starts the day after.
        let gap = c.get(&format!("/cadres/{ln}?as_of=2019-01-01"));
        assert!(held(&gap.body).contains("held-none"));
        let bad = c.get(&format!("/cadres/{ln}?as_of=2026-02-30"));
        assert_eq!(bad.status, 422);
        assert!(bad.body.contains("id=\"as-of-error\""));
        assert!(bad.body.contains("2026-02-30"), "what was typed is shown");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rank_and_ethnic_group_are_chosen_from_lists_and_an_old_value_is_kept() {
    let app = app().await;
    let zw = cadre_ref(&app.db.store, &zhang_wei()).await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        let form = c.get(&format!("/cadres/{zw}/edit"));
        assert!(
            form.body
                .contains("<select class=\"form-select\" id=\"f-rank\" name=\"rank\">")
        );
        assert!(
            form.body
                .contains("<option value=\"副处级\" selected>副处级</option>")
        );
        assert!(
            form.body
                .contains("<option value=\"一级调研员\" >一级调研员</option>")
        );
        assert!(form.body.contains("id=\"f-ethnicity\" name=\"ethnicity\">"));
        assert!(
            form.body
                .contains("<option value=\"维吾尔族\" >维吾尔族</option>")
        );
    })
    .await;
    // An old record's 现职级 and 民族 outside the lists stay choices, selected.
    let d = app
        .db
        .store
        .cadre(&crate::helpers::staff(), &zhang_wei(), banzi_store::today())
        .await
        .expect("cadre");
    let mut raw = d.cadre.to_raw();
    raw.rank = "副调研员".into();
    raw.ethnicity = "穿青人".into();
    let x = banzi_domain::registry::Cadre::parse(&raw).expect("cadre");
    app.db
        .store
        .save_cadre(
            &crate::helpers::staff(),
            &x,
            banzi_store::Upsert::MustExist,
            banzi_store::today(),
        )
        .await
        .expect("saved");
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        let form = c.get(&format!("/cadres/{zw}/edit"));
        assert!(form.body.contains(
            "<option value=\"副调研员\" selected class=\"extra-choice\">副调研员</option>"
        ));
        assert!(
            form.body.contains(
                "<option value=\"穿青人\" selected class=\"extra-choice\">穿青人</option>"
            )
        );
        assert!(!form.body.contains("<option value=\"副处级\" selected"));
    })
    .await;
}
