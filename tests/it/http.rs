//! HTTP behaviour in process: sign-in, lockout and idle timeout (R-SEC-2), CSRF, forms with
//! field errors and workbook upload that change nothing on bad input (R-SEC-4), language.

use crate::conformance::{count_changes, exec};
use crate::fixture::{self, zhang_wei};
use crate::helpers::{Backend, Client, PASSWORD, TestApp, seed_users, staff};

pub(crate) async fn app() -> TestApp {
    let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
    app.db
        .store
        .import_roster(&staff(), &fixture::roster(), &|_, _, _| {})
        .await
        .expect("fixture");
    seed_users(&app.db.store, Some("U1")).await;
    app
}

pub(crate) async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    tokio::task::spawn_blocking(f).await.expect("blocking part")
}

/// Sign-in and the lock of R-SEC-2 through the page: five wrong passwords get the same
/// answer as an unknown login, and only then the right password learns of the lock.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_sets_a_strict_http_only_cookie_and_lockout_follows_five_failures() {
    // No waits between attempts here: the source's pace has its own test.
    let config = banzi_web::WebConfig {
        source_free_failures: 100,
        ..Default::default()
    };
    let app = TestApp::spawn(Backend::Sqlite, config).await;
    app.db
        .store
        .import_roster(&staff(), &fixture::roster(), &|_, _, _| {})
        .await
        .expect("fixture");
    seed_users(&app.db.store, Some("U1")).await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        let page = c.get("/login");
        assert!(page.body.contains("用户登录"));
        let ok = c.post_raw(
            "/login",
            &[
                ("login".into(), "staff".into()),
                ("password".into(), PASSWORD.into()),
            ],
        );
        assert_eq!(ok.status, 303);
        assert_eq!(ok.location.as_deref(), Some("/units"));
        assert!(c.cookie.is_some());

        let mut bad = Client::new(&base);
        let stranger = bad.login("nobody-here", "wrong-password-1");
        for i in 1..=5 {
            let r = bad.login("leader", "wrong-password-1");
            assert_eq!(r.status, 401, "failure {i}");
            // The same page as for a login no account has: nothing says the account
            // exists or is locked.
            assert_eq!(
                r.body,
                stranger.body.replace("nobody-here", "leader"),
                "failure {i}"
            );
        }
        // The right password learns of the lock, and until when, in Beijing time.
        let right = bad.login("leader", PASSWORD);
        assert_eq!(right.status, 403);
        assert!(right.body.contains("暂停登录至"), "{}", right.body);
        assert!(right.body.contains("北京时间"), "{}", right.body);
    })
    .await;
    let u = app
        .db
        .store
        .user_by_login("leader")
        .await
        .expect("user")
        .expect("exists");
    assert!(u.locked_until.is_some());
    // The security administrator unlocks; the user can sign in again.
    let base = app.base.clone();
    blocking(move || {
        let mut sec = Client::new(&base);
        sec.login("secadmin", PASSWORD);
        let r = sec.post("/admin/users/leader/unlock", &[]);
        assert_eq!(r.status, 200);
        assert!(r.body.contains("已解锁账号 leader"), "{}", r.body);
        let mut c = Client::new(&base);
        assert_eq!(c.login("leader", PASSWORD).status, 303);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cookie_attributes_and_idle_timeout() {
    let app = app().await;
    let base = app.base.clone();
    let mut c = blocking(move || {
        let mut c = Client::new(&base);
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .new_agent();
        let r = agent
            .post(format!("{base}/login"))
            .send_form([("login", "staff"), ("password", PASSWORD)])
            .expect("login");
        let set = r
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        assert!(
            set.contains("HttpOnly") && set.contains("SameSite=Strict") && set.contains("Path=/"),
            "{set}"
        );
        c.login("staff", PASSWORD);
        assert_eq!(c.get("/units").status, 200);
        c
    })
    .await;
    // 31 minutes without a request: the session is over.
    exec(
        &app.db.store,
        "UPDATE sessions SET last_seen = '2000-01-01T00:00:00Z'",
    )
    .await;
    blocking(move || {
        let r = c.get("/units");
        assert_eq!(r.status, 303);
        assert!(r.location.as_deref().unwrap_or("").contains("reason=idle"));
        let login = c.get("/login?reason=idle");
        assert!(login.body.contains("会话已超时"));
        assert_eq!(c.get("/units").status, 303, "the timed-out session is gone");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_need_the_csrf_token_and_our_own_origin() {
    let app = app().await;
    let zwr = crate::helpers::cadre_ref(&app.db.store, &zhang_wei()).await;
    let base = app.base.clone();
    let before = count_changes(&app.db.store).await;
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        let fields = [
            ("kind".to_string(), "rating".to_string()),
            ("a".into(), "2025".into()),
            ("b".into(), "优秀".into()),
        ];
        let path = format!("/cadres/{zwr}/records");
        let no_token = c.post_raw(&path, &fields);
        assert_eq!(no_token.status, 403);
        assert!(no_token.body.contains("安全校验未通过"));
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .new_agent();
        let mut with = fields.to_vec();
        with.push(("_csrf".into(), c.csrf.clone().expect("token")));
        let cross = agent
            .post(format!("{base}{path}"))
            .header("cookie", c.cookie.clone().expect("cookie"))
            .header("origin", "http://evil.example")
            .send_form(with.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .expect("post");
        assert_eq!(cross.status().as_u16(), 403);
    })
    .await;
    assert_eq!(
        count_changes(&app.db.store).await,
        before,
        "refused writes change nothing"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_cadre_form_shows_chinese_errors_by_field_and_writes_nothing() {
    let app = app().await;
    let base = app.base.clone();
    let before = count_changes(&app.db.store).await;
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        c.get("/cadres/new");
        let r = c.post(
            "/cadres",
            &[
                ("id_number", "110105194912310021"),
                ("name", "测试"),
                ("gender", "男"),
                ("ethnicity", "汉族"),
                ("birth_date", "1949.12"),
                ("party", "中共党员"),
                ("work_started", "1975.1"),
            ],
        );
        assert_eq!(r.status, 422);
        let field = |key: &str| {
            let marker = format!("id=\"err-{key}\">");
            let i = r
                .body
                .find(&marker)
                .unwrap_or_else(|| panic!("no error slot for {key}: {}", r.body));
            r.body[i + marker.len()..]
                .split('<')
                .next()
                .unwrap_or("")
                .to_string()
        };
        assert!(
            field("id_number").contains("校验位"),
            "{}",
            field("id_number")
        );
        assert!(field("work_started").contains("格式不对"));
        assert_eq!(field("name"), "");
        // The form keeps what was typed.
        assert!(r.body.contains("value=\"测试\""));
    })
    .await;
    assert_eq!(count_changes(&app.db.store).await, before);
}

/// Before anyone chooses, the page speaks the browser's language (Accept-Language); a
/// language chosen on the page wins over it; a browser asking for none of ours gets zh-CN.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_page_speaks_the_browsers_language() {
    let app = app().await;
    let base = app.base.clone();
    blocking(move || {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .new_agent();
        let login = |accept: &str, cookie: Option<&str>| {
            let mut r = agent
                .get(format!("{base}/login"))
                .header("accept-language", accept);
            if let Some(c) = cookie {
                r = r.header("cookie", c);
            }
            r.call()
                .expect("page")
                .body_mut()
                .read_to_string()
                .expect("body")
        };
        for (accept, cookie, lang, submit) in [
            ("en-US,en;q=0.9", None, "en", ">Sign in<"),
            ("zh-TW,zh;q=0.9", None, "zh-TW", ">登入<"),
            ("zh-CN,zh;q=0.9,en;q=0.8", None, "zh-CN", ">登录<"),
            ("fr-FR,de;q=0.9", None, "zh-CN", ">登录<"),
            ("en-US", Some("banzi_lang=zh-CN"), "zh-CN", ">登录<"),
        ] {
            let page = login(accept, cookie);
            assert!(
                page.contains(&format!("<html lang=\"{lang}\">")),
                "{accept} {cookie:?}: {page}"
            );
            assert!(page.contains(submit), "{accept} {cookie:?} lacks {submit}");
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_interface_speaks_three_languages() {
    let app = app().await;
    let zwr = crate::helpers::cadre_ref(&app.db.store, &zhang_wei()).await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        assert!(c.get("/units").body.contains("单位与班子"));
        // Interface text and vocabulary values (张伟 is a male 中共党员) in each language; a
        // form still posts the stored Chinese label.
        for (lang, text, values) in [
            ("en", "Units and teams", ["Male", "CPC member"]),
            ("zh-TW", "單位與班子", ["男", "中共黨員"]),
            ("zh-CN", "单位与班子", ["男", "中共党员"]),
        ] {
            let r = c.get(&format!("/lang/{lang}?back=/units"));
            assert_eq!(r.status, 303);
            let agent = ureq::Agent::config_builder()
                .http_status_as_error(false)
                .max_redirects(0)
                .build()
                .new_agent();
            let get = |path: &str| {
                agent
                    .get(format!("{base}{path}"))
                    .header(
                        "cookie",
                        format!("{}; banzi_lang={lang}", c.cookie.clone().expect("cookie")),
                    )
                    .call()
                    .expect("page")
                    .body_mut()
                    .read_to_string()
                    .expect("body")
            };
            let page = get("/units");
            assert!(page.contains(text), "{lang} page lacks {text}");
            let profile = get(&format!("/cadres/{zwr}"));
            let shown = format!("{} · ", values[0]);
            assert!(profile.contains(&shown), "{lang} profile lacks {shown}");
            assert!(
                profile.contains(values[1]),
                "{lang} profile lacks {}",
                values[1]
            );
            let form = get(&format!("/cadres/{zwr}/edit"));
            let option = format!("<option value=\"中共党员\" selected>{}</option>", values[1]);
            assert!(form.contains(&option), "{lang} form lacks {option}");
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_record_line_can_be_removed_and_the_removal_is_audited() {
    let app = app().await;
    let zwr = crate::helpers::cadre_ref(&app.db.store, &zhang_wei()).await;
    let wqr = crate::helpers::cadre_ref(&app.db.store, &crate::fixture::wang_qiang()).await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("liaison", PASSWORD);
        c.get(&format!("/cadres/{zwr}"));
        let r = c.post(
            &format!("/cadres/{zwr}/records"),
            &[
                ("kind", "resume"),
                ("a", "2001.07"),
                ("b", "2005.12"),
                ("c", "写错的一行"),
            ],
        );
        assert_eq!(r.status, 303);
        // Back in the 简历 section, which says what was done (issue 15, item 3).
        let back = r.location.clone().expect("back to the section");
        assert!(back.ends_with("?edit=resume&done=added#resume"), "{back}");
        let added = c.get(back.trim_end_matches("#resume"));
        assert!(
            added.body.contains("已在“简历”中添加一条记录。"),
            "{}",
            added.body
        );
        // The 简历 section's edit mode has the remove buttons.
        let page = c.get(&format!("/cadres/{zwr}?edit=resume"));
        assert!(page.body.contains("写错的一行"));
        let marker = "/records/resume/";
        let i = page.body.find(marker).expect("a remove button");
        let line: String = page.body[i + marker.len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        // Another unit's cadre is out of reach, and a bad line id is "not found".
        assert_eq!(
            c.post(&format!("/cadres/{wqr}/records/resume/{line}/remove"), &[])
                .status,
            404
        );
        assert_eq!(
            c.post(&format!("/cadres/{zwr}/records/resume/x/remove"), &[])
                .status,
            404
        );
        let r = c.post(&format!("/cadres/{zwr}/records/resume/{line}/remove"), &[]);
        assert_eq!(r.status, 303);
        let back = r.location.clone().expect("back to the section");
        let removed = c.get(back.trim_end_matches("#resume"));
        assert!(
            removed.body.contains("已从“简历”中删除一条记录。"),
            "{}",
            removed.body
        );
        assert!(!removed.body.contains("写错的一行"));
        assert_eq!(
            c.post(&format!("/cadres/{zwr}/records/resume/{line}/remove"), &[])
                .status,
            404,
            "already gone"
        );
    })
    .await;
    let (rows, _) = app
        .db
        .store
        .audit_page(
            &crate::helpers::as_role(banzi_domain::role::Role::Auditor, None),
            &banzi_store::AuditFilter {
                key: Some(zhang_wei()),
                per_page: 20,
                ..Default::default()
            },
        )
        .await
        .expect("audit");
    let removed = rows
        .iter()
        .find(|r| r.action == "cadre.resume.remove")
        .expect("removal audited");
    assert_eq!(removed.actor, "liaison");
    assert!(removed.before_json.contains("写错的一行"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_ins_are_on_the_trail() {
    let app = app().await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        assert_eq!(c.login("staff", PASSWORD).status, 303);
    })
    .await;
    let auditor = crate::helpers::as_role(banzi_domain::role::Role::Auditor, None);
    let filter = banzi_store::AuditFilter {
        actor: Some("staff".into()),
        per_page: 10,
        ..Default::default()
    };
    let (rows, _) = app
        .db
        .store
        .audit_page(&auditor, &filter)
        .await
        .expect("audit");
    assert_eq!(
        rows.iter().filter(|r| r.action == "session.login").count(),
        1
    );
}

/// R-SEC-3: the audit administrator finds a cadre's first import by his ID number and reads
/// the batch entry as a table of the records it holds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_auditor_reads_an_import_batch_as_a_table() {
    let app = app().await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        assert_eq!(c.login("auditor", PASSWORD).status, 303);
        let list = c.get(&format!("/audit?key={}", zhang_wei()));
        assert_eq!(list.status, 200);
        assert!(list.body.contains("cadre.create"), "{}", list.body);
        assert!(list.body.contains("批量4条"));
        let row = list
            .body
            .split("<tr>")
            .find(|r| r.contains("cadre.create"))
            .expect("row");
        let link = row
            .split("href=\"/audit/")
            .nth(1)
            .expect("link to the entry");
        let seq: String = link.chars().take_while(char::is_ascii_digit).collect();
        let entry = c.get(&format!("/audit/{seq}"));
        assert_eq!(entry.status, 200);
        assert!(entry.body.contains("id=\"audit-batch\""));
        // Masked by default (issue 14): his ID number keeps four and four, his name its
        // first character.
        let masked = banzi_domain::audit::mask_id_numbers(&zhang_wei());
        assert!(entry.body.contains(&format!("<td>{masked}</td>")));
        assert!(!entry.body.contains(&zhang_wei()));
        assert!(entry.body.contains("<td>张*</td>"));
        assert!(!entry.body.contains("<td>张伟</td>"));
        assert!(entry.body.contains("id=\"audit-reveal\""));
        // Revealing shows the entry as written, and is itself on the trail.
        let shown = c.post(&format!("/audit/{seq}/reveal"), &[("reason", "核查导入")]);
        assert_eq!(shown.status, 200);
        assert!(shown.body.contains(&format!("<td>{}</td>", zhang_wei())));
        assert!(shown.body.contains("<td>张伟</td>"));
        assert!(shown.body.contains("id=\"audit-revealed\""));
        let list = c.get("/audit?entity=audit");
        assert!(list.body.contains("audit.reveal"), "{}", list.body);
        assert!(list.body.contains("核查导入"), "{}", list.body);
        assert_eq!(c.post("/audit/999999/reveal", &[]).status, 404);
        assert_eq!(c.get("/audit/999999").status, 404);
        assert_eq!(c.get("/audit/abc").status, 404);
    })
    .await;
}

/// The guard's refusals (CSRF token, origin), the sign-in page's errors and the "not found"
/// page of an unknown address or static file read in the language the reader chose.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_and_not_found_read_in_the_chosen_language() {
    let app = app().await;
    let zwr = crate::helpers::cadre_ref(&app.db.store, &zhang_wei()).await;
    let base = app.base.clone();
    let before = count_changes(&app.db.store).await;
    blocking(move || {
        let mut c = Client::new(&base);
        assert_eq!(c.login("staff", PASSWORD).status, 303);
        let session = c.cookie.clone().expect("signed in");
        let token = c.csrf.clone().expect("token");
        let path = format!("/cadres/{zwr}/records");
        let fields = [
            ("kind".to_string(), "rating".to_string()),
            ("a".into(), "2025".into()),
            ("b".into(), "优秀".into()),
        ];
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .new_agent();
        for (lang, csrf, cross, nowhere, bad_query, bad_login) in [
            (
                "en",
                "The form has expired (security check failed); reload the page and try again",
                "Refused: the request came from another site",
                "The page or file you asked for does not exist",
                "Malformed search",
                "Wrong login or password",
            ),
            (
                "zh-TW",
                "表單已失效（安全驗證未通過），請重新整理頁面後重試",
                "請求來源不符，已拒絕（跨站請求）",
                "您要存取的頁面或檔案不存在",
                "查詢條件格式不對",
                "登入名或密碼錯誤",
            ),
            (
                "zh-CN",
                "表单已失效（安全校验未通过），请刷新页面后重试",
                "请求来源不符，已拒绝（跨站请求）",
                "您访问的页面或文件不存在",
                "查询条件格式不对",
                "登录名或密码错误",
            ),
        ] {
            c.cookie = Some(format!("{session}; banzi_lang={lang}"));
            c.csrf = None;
            let no_token = c.post_raw(&path, &fields);
            assert_eq!(no_token.status, 403, "{lang}");
            assert!(no_token.body.contains(csrf), "{lang}: {}", no_token.body);

            let mut with = fields.to_vec();
            with.push(("_csrf".into(), token.clone()));
            let mut r = agent
                .post(format!("{base}{path}"))
                .header("cookie", format!("{session}; banzi_lang={lang}"))
                .header("origin", "http://evil.example")
                .send_form(with.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                .expect("post");
            assert_eq!(r.status().as_u16(), 403, "{lang}");
            let body = r.body_mut().read_to_string().expect("body");
            assert!(body.contains(cross), "{lang}: {body}");

            let html = format!("<html lang=\"{lang}\">");
            for missing in ["/no-such-page", "/static/no-such-file.js"] {
                let r = c.get(missing);
                assert_eq!(r.status, 404, "{lang} {missing}");
                assert!(r.body.contains(nowhere), "{lang} {missing}: {}", r.body);
                assert!(r.body.contains(&html), "{lang} {missing}: {}", r.body);
            }

            // Signed out: the sign-in page's own errors.
            let mut anon = Client::new(&base);
            anon.cookie = Some(format!("banzi_lang={lang}"));
            let r = anon.get("/login?next=/a&next=/b");
            assert_eq!(r.status, 422, "{lang}");
            assert!(r.body.contains(bad_query), "{lang}: {}", r.body);
            assert!(r.body.contains(&html), "{lang}: {}", r.body);
            let r = anon.login("nobody", "wrong-password-1");
            assert_eq!(r.status, 401, "{lang}");
            assert!(r.body.contains(bad_login), "{lang}: {}", r.body);
        }
    })
    .await;
    assert_eq!(
        count_changes(&app.db.store).await,
        before,
        "refused writes change nothing"
    );
}

/// Issue 14, item 13: after switching the language or signing in, the browser is sent to a
/// path of this site only; a backslash, a tab or a second slash, raw or encoded, leads home.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redirects_after_the_language_switch_and_sign_in_stay_on_the_site() {
    let app = app().await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        for (back, want) in [
            ("/units", "/units"),
            ("/%5Cevil.example", "/"),
            ("/%2509/evil.example", "/"),
            ("//evil.example", "/"),
            ("https://evil.example", "/"),
        ] {
            let r = c.get(&format!("/lang/en?back={back}"));
            assert_eq!(
                (r.status, r.location.as_deref()),
                (303, Some(want)),
                "{back}"
            );
        }
        for (next, want) in [("/cadres", "/cadres"), ("/\\evil.example", "/")] {
            let mut c = Client::new(&base);
            let r = c.post_raw(
                "/login",
                &[
                    ("login".into(), "staff".into()),
                    ("password".into(), PASSWORD.into()),
                    ("next".into(), next.into()),
                ],
            );
            assert_eq!(
                (r.status, r.location.as_deref()),
                (303, Some(want)),
                "{next}"
            );
        }
    })
    .await;
}

/// Issue 14, item 4: the sign-in form is bounded (a login of at most 64 characters, a body
/// of a few KB), and a name no account has is not stored as typed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sign_in_form_is_bounded_and_strangers_names_are_not_kept() {
    let app = app().await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        let post = |c: &mut Client, login: String| {
            c.post_raw(
                "/login",
                &[
                    ("login".into(), login),
                    ("password".into(), "whatever-1234".into()),
                ],
            )
        };
        // 65 characters: the answer of a wrong password.
        let long = post(&mut c, "x".repeat(65));
        assert_eq!(long.status, 401);
        assert!(long.body.contains("登录名或密码错误"), "{}", long.body);
        assert!(!long.body.contains(&"x".repeat(65)), "not echoed whole");
        // 100 KB: refused before the handler reads it. The server may answer 413 and close
        // the connection while the client is still sending, so a dropped connection is the
        // same refusal; only an answer of the handler would be wrong.
        let huge = c.try_post_raw(
            "/login",
            &[
                ("login".into(), "y".repeat(100_000)),
                ("password".into(), "whatever-1234".into()),
            ],
        );
        if let Ok(huge) = huge {
            assert_eq!(huge.status, 413, "{}", huge.body);
        }
        let mut c = Client::new(&c.base);
        assert_eq!(post(&mut c, "stranger-name".into()).status, 401);
    })
    .await;
    let rows: Vec<(String,)> = match app.db.store.pool() {
        banzi_store::Pool::Sqlite(p) => sqlx::query_as("SELECT login FROM login_failures")
            .fetch_all(p)
            .await
            .expect("rows"),
        banzi_store::Pool::Pg(p) => sqlx::query_as("SELECT login FROM login_failures")
            .fetch_all(p)
            .await
            .expect("rows"),
    };
    assert_eq!(
        rows.len(),
        1,
        "only the stranger's attempt is counted: {rows:?}"
    );
    assert!(
        rows[0].0.starts_with('#') && !rows[0].0.contains("stranger"),
        "{rows:?}"
    );
}

/// The tab shows banzi's icon (issue 15, item 15): the pages name it, and what a browser
/// asks for on its own (`/favicon.ico`) answers with it, signed in or not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pages_have_an_icon() {
    let app = app().await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        let icon = c.get("/favicon.ico");
        assert_eq!(icon.status, 200);
        assert_eq!(icon.content_type, "image/svg+xml");
        assert!(icon.body.starts_with("<svg"), "{}", icon.body);
        assert!(
            c.get("/login")
                .body
                .contains("rel=\"icon\" href=\"/static/favicon.svg\"")
        );
        c.login("staff", PASSWORD);
        assert!(c.get("/units").body.contains("rel=\"icon\""));
        assert_eq!(c.get("/static/favicon.svg").body, icon.body);
    })
    .await;
}
