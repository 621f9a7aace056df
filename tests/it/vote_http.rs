//! The voter's phone page (DOMAIN.md M5): `/v#CODE`, the code in the fragment only.
//! Over HTTP: open a code, cast once, a retry of the same submission is 已记录 (R-VOTE-4),
//! another is refused, over-selection is refused and leaves the code usable (R-SEC-4), and
//! nothing under `/v` sets a cookie or may be cached (R-VOTE-3). In Chromium: a phone-sized
//! window, the limit checked before anything is sent, the success text, then 该票码已投票.

use crate::conformance::ballots::{picks, spec};
use crate::helpers::{Backend, TestApp, staff};
use crate::http::blocking;
use crate::webdriver::{Driver, browser_or_skip, server_runtime};
use serde_json::{Value, json};

/// A session of [`spec`] opened for voting, and its codes (2 of 班子成员, 3 of 中层干部).
async fn voting() -> (TestApp, Vec<String>) {
    let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
    let store = &app.db.store;
    let id = store
        .create_ballot(&staff(), &spec())
        .await
        .expect("session");
    let codes = store
        .issue_codes(&staff(), id)
        .await
        .expect("codes")
        .into_iter()
        .map(|s| s.code)
        .collect();
    store.open_ballot(&staff(), id).await.expect("open");
    (app, codes)
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    /// R-VOTE-3 on every answer under `/v`.
    fn is_private(&self) {
        assert_eq!(self.header("set-cookie"), None, "no cookie under /v");
        assert_eq!(self.header("cache-control"), Some("no-store"));
        assert_eq!(self.header("referrer-policy"), Some("no-referrer"));
    }
}

/// A request as the page's own script makes it: same origin, no cookie.
fn call(base: &str, path: &str, body: Option<Value>, origin: Option<&str>) -> Answer {
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .new_agent();
    let url = format!("{base}{path}");
    let r = match body {
        None => agent.get(&url).call(),
        Some(b) => agent
            .post(&url)
            .header("origin", origin.unwrap_or(base))
            .send_json(&b),
    };
    let mut r = r.unwrap_or_else(|e| panic!("{path}: {e}"));
    let headers = r
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    Answer {
        status: r.status().as_u16(),
        headers,
        body: r.body_mut().read_to_string().unwrap_or_default(),
    }
}

fn open(base: &str, code: &str) -> Answer {
    call(base, "/v/open", Some(json!({ "code": code })), None)
}

fn cast(base: &str, code: &str, nonce: &str, ballot: Value) -> Answer {
    let body = json!({ "code": code, "nonce": nonce, "ballot": ballot });
    call(base, "/v/cast", Some(body), None)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_code_votes_once_and_a_retry_of_the_same_submission_is_already_recorded() {
    let (app, codes) = voting().await;
    let base = app.base.clone();
    let code = codes[3].clone();
    blocking(move || {
        // The shell: a standalone page with its script; a query is not how a code travels.
        let page = call(&base, "/v", None, None);
        assert_eq!(page.status, 200);
        page.is_private();
        assert!(page.body.contains("/static/vote.js"), "{}", page.body);
        assert!(page.body.contains("width=device-width"));
        assert!(!page.body.contains("nav-units"), "no staff navigation");
        let queried = call(&base, &format!("/v?code={code}"), None, None);
        assert_eq!(queried.status, 200);
        queried.is_private();
        assert_eq!(queried.body, page.body, "the page ignores its query");
        assert!(!queried.body.contains(&code));
        let script = call(&base, "/static/vote.js", None, None);
        assert_eq!(script.status, 200);
        assert!(script.body.contains("location.hash"));

        let o = open(&base, &code);
        assert_eq!(o.status, 200, "{}", o.body);
        o.is_private();
        let v = o.json();
        assert_eq!(v["title"], "2026年市财政局副局长民主推荐");
        assert_eq!(v["meeting_date"], "2026-11-21");
        assert_eq!(v["group"], "中层干部");
        assert_eq!(v["state"], "open");
        assert_eq!(v["used"], false);
        let q = &v["questions"];
        assert_eq!(q[0]["kind"], "recommend");
        assert_eq!(q[0]["max"], 2);
        assert_eq!(q[0]["write_ins"], false);
        assert_eq!(q[0]["options"], json!(["张伟", "李娜", "王强"]));
        assert_eq!(q[1]["kind"], "rate_cadre");
        assert_eq!(q[1]["kind_label"], "干部测评");
        assert_eq!(q[1]["max"], Value::Null);
        assert_eq!(q[1]["marks"], json!(["优秀", "称职", "基本称职", "不称职"]));

        // Too many names: refused with the question named, and the code can still vote.
        let over = cast(
            &base,
            &code,
            "0123456789abcdef0123456789abcdef",
            json!(picks(&[0, 1, 2], [None, None])),
        );
        assert_eq!(over.status, 422, "{}", over.body);
        over.is_private();
        let e = over.json();
        assert_eq!(e["error"], "第1题最多推荐2人，您选了3人");
        assert_eq!(e["fields"][0]["field"], "questions.0");
        assert_eq!(open(&base, &code).json()["used"], false);

        let nonce = "00112233445566778899aabbccddeeff";
        let ballot = json!(picks(&[0, 2], [Some(0), Some(1)]));
        let first = cast(&base, &code, nonce, ballot.clone());
        assert_eq!(first.status, 200, "{}", first.body);
        first.is_private();
        assert_eq!(first.json(), json!({ "result": "recorded" }));
        // The answer was lost; the phone sends the same submission again.
        let again = cast(&base, &code, nonce, ballot);
        assert_eq!(again.status, 200);
        assert_eq!(again.json(), json!({ "result": "already_recorded" }));
        // Another submission with the used code.
        let other = cast(
            &base,
            &code,
            "ffeeddccbbaa99887766554433221100",
            json!(picks(&[1], [None, None])),
        );
        assert_eq!(other.status, 409);
        other.is_private();
        assert_eq!(other.json()["error"], "该票码已投票");
        let used = open(&base, &code).json();
        assert_eq!(used["used"], true);
        assert_eq!(used["recorded"], false);
        // The phone whose answer was lost reloads: with its nonce it hears it is recorded;
        // with another nonce it does not.
        let mine = call(
            &base,
            "/v/open",
            Some(json!({ "code": code, "nonce": nonce })),
            None,
        )
        .json();
        assert_eq!(
            (mine["used"].clone(), mine["recorded"].clone()),
            (json!(true), json!(true))
        );
        let theirs = call(
            &base,
            "/v/open",
            Some(json!({ "code": code, "nonce": "ffeeddccbbaa99887766554433221100" })),
            None,
        )
        .json();
        assert_eq!(theirs["recorded"], false);
        assert_eq!(
            used["questions"],
            json!([]),
            "a used code sees no questions"
        );
    })
    .await;
    let (_, t) = {
        let s = &app.db.store;
        let id = s.ballots(&staff()).await.expect("list")[0].id;
        s.close_ballot(&staff(), id).await.expect("close");
        s.ballot_tally(&staff(), id).await.expect("tally")
    };
    assert_eq!(t.cast, 1, "one ballot for one code");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_codes_bad_bodies_and_other_sites_are_refused_in_json() {
    let (app, codes) = voting().await;
    let base = app.base.clone();
    blocking(move || {
        let unknown = open(&base, "AAAAAAAAAAAAAAAAAAAAAAAA");
        assert_eq!(unknown.status, 404);
        unknown.is_private();
        assert_eq!(unknown.json()["error"], "票码无效，请核对选票上的二维码");
        let junk = call(&base, "/v/cast", Some(json!({ "code": codes[0] })), None);
        assert_eq!(junk.status, 422);
        junk.is_private();
        assert_eq!(junk.json()["error"], "提交的内容无法识别，请刷新页面后重试");
        let short = cast(&base, &codes[0], "abc", json!(picks(&[0], [None, None])));
        assert_eq!(short.status, 422);
        assert_eq!(short.json()["fields"][0]["field"], "nonce");
        // Another site's page cannot post a ballot.
        let forged = call(
            &base,
            "/v/cast",
            Some(json!({
                "code": codes[0],
                "nonce": "00112233445566778899aabbccddeeff",
                "ballot": picks(&[0], [None, None]),
            })),
            Some("http://evil.example"),
        );
        assert_eq!(forged.status, 403);
        assert_eq!(open(&base, &codes[0]).json()["used"], false);
        // In the reader's language when the cookie says so.
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .new_agent();
        let mut en = agent
            .get(format!("{base}/v"))
            .header("cookie", "banzi_lang=en")
            .call()
            .expect("en page");
        let html = en.body_mut().read_to_string().expect("body");
        assert!(html.contains("<html lang=\"en\">"), "{html}");
        assert!(html.contains("Confirm and submit"), "{html}");
    })
    .await;
}

/// A POST from a chosen local address (the loopback network is all of 127/8): (status,
/// JSON body). One connection per request, closed by the server after the answer.
async fn post_from(ip: &str, base: &str, path: &str, body: Value) -> (u16, Value) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server: std::net::SocketAddr = base.trim_start_matches("http://").parse().expect("addr");
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    socket
        .bind(format!("{ip}:0").parse().expect("ip"))
        .expect("bind");
    let mut stream = socket.connect(server).await.expect("connect");
    let body = body.to_string();
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {server}\r\nOrigin: {base}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.expect("read");
    let answer = String::from_utf8(answer).expect("utf-8");
    let status = answer[9..12].parse().expect("status");
    let (_, json) = answer.split_once("\r\n\r\n").expect("body");
    (
        status,
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {answer}")),
    )
}

/// Issue 14, item 11: invalid codes are counted per source address. A phone guessing codes
/// is answered more and more slowly and, after ten invalid codes, refused anything (its
/// own valid code too) with a message saying when to try again; a phone at another address
/// opens and casts its code as before.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_source_guessing_codes_is_refused_and_other_phones_still_vote() {
    let (app, codes) = voting().await;
    let base = app.base.as_str();
    let limits = banzi_domain::ballot::guesses::Limits::default();
    for i in 0..limits.refuse_after {
        let (status, v) = post_from(
            "127.0.0.1",
            base,
            "/v/open",
            json!({ "code": format!("GUESS{i:019}") }),
        )
        .await;
        assert_eq!(
            (status, v["error"].as_str()),
            (404, Some("票码无效，请核对选票上的二维码"))
        );
    }
    let refused = "本设备输入无效票码次数过多，请15分钟后再试，或请工作人员协助";
    let (status, v) = post_from("127.0.0.1", base, "/v/open", json!({ "code": codes[0] })).await;
    assert_eq!((status, v["error"].as_str()), (429, Some(refused)));
    let ballot = json!({
        "code": codes[0],
        "nonce": "0123456789abcdef0123456789abcdef",
        "ballot": picks(&[0], [None, None]),
    });
    let (status, v) = post_from("127.0.0.1", base, "/v/cast", ballot.clone()).await;
    assert_eq!((status, v["error"].as_str()), (429, Some(refused)));
    // Another phone, another address: not slowed, not refused.
    let (status, v) = post_from("127.0.0.2", base, "/v/open", json!({ "code": codes[1] })).await;
    assert_eq!((status, v["used"].as_bool()), (200, Some(false)), "{v}");
    let mut other = ballot;
    other["code"] = json!(codes[1]);
    let (status, v) = post_from("127.0.0.2", base, "/v/cast", other).await;
    assert_eq!(
        (status, v["result"].as_str()),
        (200, Some("recorded")),
        "{v}"
    );
    // The guesser's own code was never written.
    let (status, v) = post_from("127.0.0.3", base, "/v/open", json!({ "code": codes[0] })).await;
    assert_eq!((status, v["used"].as_bool()), (200, Some(false)), "{v}");
}

/// Marks a name of question 1 in the page.
fn tick(d: &Driver, option: usize) {
    d.find(&format!("#q-0-o-{option}"))
        .expect("checkbox")
        .click()
        .expect("tick");
}

#[test]
fn a_phone_votes_through_the_page_and_a_reload_says_the_code_was_used() {
    if !browser_or_skip() {
        return;
    }
    let rt = server_runtime();
    let (app, codes) = rt.block_on(voting());
    let d = Driver::start().expect("chromium");
    let url = format!("{}/v#{}", app.base, codes[0]);
    d.goto(&url).expect("goto");
    d.set_window_size(360, 740).expect("phone-sized window");
    let width = d
        .execute("return document.documentElement.clientWidth;", vec![])
        .expect("width");
    assert!(width.as_u64().is_some_and(|w| w <= 360), "{width}");
    d.wait_for_text("#vote-title", "民主推荐").expect("opened");
    d.wait_for_text("#vote-meta", "班子成员").expect("group");
    let scrolls = d
        .execute(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;",
            vec![],
        )
        .expect("overflow");
    assert_eq!(scrolls, Value::Bool(false), "no sideways scrolling");

    // One name too many: told beside the question, and the review does not open.
    tick(&d, 0);
    tick(&d, 1);
    tick(&d, 2);
    d.wait_for_text("#q-0-error", "最多推荐2人，您已选3人")
        .expect("limit message");
    d.find("#vote-review")
        .expect("review")
        .click()
        .expect("click");
    d.wait_for_text("#form-error", "请先修改标出的题目")
        .expect("refused");
    let hidden = d.find("#vote-confirm").expect("confirm").attr("hidden");
    assert!(hidden.expect("attr").is_some(), "nothing to confirm");
    let unused = rt
        .block_on(app.db.store.open_code(&codes[0]))
        .expect("code");
    assert!(!unused.used, "nothing was sent");

    // Fixed: two names, one rating, then review and confirm.
    tick(&d, 1);
    assert!(
        d.find("#q-0-error")
            .expect("error")
            .text()
            .expect("text")
            .is_empty(),
        "the message goes once the choice fits"
    );
    d.find("#q-1-o-0-m-0 + span")
        .expect("mark")
        .click()
        .expect("rate");
    d.find("#vote-review")
        .expect("review")
        .click()
        .expect("click");
    d.wait_for_text("#confirm-summary", "张伟、王强")
        .expect("summary");
    d.wait_for_text("#confirm-summary", "张伟：优秀")
        .expect("summary of the rating");
    d.wait_for_text("#confirm-summary", "李娜：未选择")
        .expect("an unmarked cadre");
    d.find("#vote-submit")
        .expect("submit")
        .click()
        .expect("click");
    d.wait_for_text("#vote-status", "投票成功，您的选票已记录")
        .expect("recorded");
    d.wait_for_text("#done-summary", "张伟、王强")
        .expect("what was recorded");
    assert!(
        rt.block_on(app.db.store.open_code(&codes[0]))
            .expect("code")
            .used
    );

    // The same address loaded again.
    d.refresh().expect("reload");
    assert_eq!(d.current_url().expect("url"), url);
    d.wait_for_text("#vote-status", "该票码已投票")
        .expect("used");
    let form = d.find("#vote-form").expect("form").attr("hidden");
    assert!(form.expect("attr").is_some(), "no ballot to fill in");
    // Another slip scanned into the same tab: its own ballot.
    d.goto(&format!("{}/v#{}", app.base, codes[1]))
        .expect("next slip");
    d.wait_for_text("#questions", "王强")
        .expect("a fresh ballot");

    // Its answer is lost on the way back (the ballot is in): the retry sends the same
    // submission and is told 已记录.
    tick(&d, 2);
    d.find("#vote-review")
        .expect("review")
        .click()
        .expect("click");
    d.execute(
        "var real = window.fetch, lose = true;\
         window.fetch = function (url, opts) {\
           var p = real(url, opts);\
           if (url === '/v/cast' && lose) {\
             lose = false;\
             return p.then(function () { throw new TypeError('lost'); });\
           }\
           return p;\
         };",
        vec![],
    )
    .expect("a lossy network");
    d.find("#vote-submit")
        .expect("submit")
        .click()
        .expect("click");
    d.wait_for_text("#vote-status", "网络异常，请重试")
        .expect("in doubt");
    assert!(
        rt.block_on(app.db.store.open_code(&codes[1]))
            .expect("code")
            .used,
        "the ballot went in"
    );
    d.find("#vote-retry")
        .expect("retry")
        .click()
        .expect("retry");
    d.wait_for_text("#vote-status", "已记录：您的选票此前已提交成功")
        .expect("recorded before");
    d.wait_for_text("#done-summary", "王强")
        .expect("what was recorded");
    drop(d);
    drop(rt);
}
