//! The staff's ballot pages (DOMAIN.md M5): set-up (a bad one refused whole, with the line
//! that is wrong), slips with QR codes shown once, 实到人数 entered before opening and
//! corrected while open (R-SEL-2), opening, the live turnout, closing (refused with more
//! ballots than 实到), and results only after closing (R-VOTE-5), with pass marks of 实到.

use crate::conformance::ballots::picks;
use crate::helpers::{Backend, Client, PASSWORD, TestApp, seed_users};
use crate::http::blocking;
use banzi_store::Cast;

const GROUPS: &str = "班子成员 40 2\n中层干部 60 3\n";
const QUESTIONS: &str =
    "推荐2人：推荐副局长人选\n张伟、李娜\n王强\n\n干部测评：干部测评\n张伟\n李娜\n";

fn setup(groups: &str) -> Vec<(&str, &str)> {
    vec![
        ("title", "2026年副局长民主推荐"),
        ("meeting_date", "2026-11-21"),
        ("expected", "5"),
        ("threshold", "50%"),
        ("groups", groups),
        ("questions", QUESTIONS),
    ]
}

/// The texts of the elements with class `class`.
fn texts(body: &str, class: &str) -> Vec<String> {
    body.split(&format!("class=\"{class}\">"))
        .skip(1)
        .map(|s| s.split('<').next().unwrap_or("").to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meeting_from_set_up_to_results() {
    let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
    seed_users(&app.db.store, None).await;
    let base = app.base.clone();
    let codes = blocking(move || {
        let mut c = Client::new(&base);
        assert_eq!(c.login("staff", PASSWORD).status, 303);
        let list = c.get("/ballots");
        assert_eq!(list.status, 200);
        assert!(list.body.contains("尚无投票"));
        // A group line without its codes: refused with its line number, nothing made.
        c.get("/ballots/new");
        let bad = c.post("/ballots/new", &setup("班子成员 40\n中层干部 60 3"));
        assert_eq!(bad.status, 422, "{}", bad.body);
        assert!(
            bad.body.contains("第1行应写成“名称 权重 票数”"),
            "{}",
            bad.body
        );
        assert!(c.get("/ballots").body.contains("尚无投票"));
        // Weights not adding up to 100: the domain's check, shown beside the groups.
        let weights = c.post("/ballots/new", &setup("班子成员 40 2\n中层干部 50 3"));
        assert_eq!(weights.status, 422);
        assert!(
            weights.body.contains("id=\"err-groups\">"),
            "{}",
            weights.body
        );
        let made = c.post("/ballots/new", &setup(GROUPS));
        assert_eq!(made.status, 303, "{}", made.body);
        let at = made.location.expect("location");
        let page = c.get(&at);
        assert!(page.body.contains("2026年副局长民主推荐"));
        assert!(page.body.contains("未开始"));
        // The slips: five, each with a QR code and its serial, shown this once.
        let slips = c.post(&format!("{at}/codes"), &[]);
        assert_eq!(slips.status, 200);
        assert_eq!(slips.body.matches("class=\"slip\"").count(), 5);
        // Opened at 127.0.0.1, which phones cannot reach: the page says so.
        assert!(slips.body.contains("id=\"slips-local\""));
        assert_eq!(slips.body.matches("src=\"data:image/svg+xml").count(), 5);
        let codes: Vec<String> = texts(&slips.body, "slip-code")
            .iter()
            .map(|c| c.replace(' ', ""))
            .collect();
        assert_eq!(codes.len(), 5);
        assert!(codes.iter().all(|c| c.len() == 24));
        let again = c.post(&format!("{at}/codes"), &[]);
        assert_eq!(again.body.matches("class=\"slip\"").count(), 0);
        for c2 in &codes {
            assert!(!c.get(&at).body.contains(c2.as_str()), "a code shown again");
        }
        // R-SEL-2: no 实到, no opening; the refusal shows on the session's page, above its
        // buttons, and the session stays a draft.
        let refused = c.post(&format!("{at}/open"), &[]);
        assert_eq!(refused.status, 409, "{}", refused.body);
        assert!(
            refused.body.contains(
                "class=\"alert alert-danger ballot-refused\">尚未填写实到人数，不能开始投票；请按会议签到填写实到人数<"
            ),
            "{}",
            refused.body
        );
        assert!(refused.body.contains("id=\"ballot-state\">未开始<"));
        // Over 应到 (5): the error beside the field, with what was typed; nothing recorded.
        let attendance = format!("{at}/attendance");
        let bad = c.post(&attendance, &[("attended", "6")]);
        assert_eq!(bad.status, 422, "{}", bad.body);
        assert!(
            bad.body
                .contains("id=\"err-attended\">实到人数应为1到5的整数，现为6<"),
            "{}",
            bad.body
        );
        assert!(bad.body.contains("name=\"attended\" value=\"6\""));
        assert!(bad.body.contains("id=\"ballot-attended\">未填写<"));
        let bad = c.post(&attendance, &[("attended", "四")]);
        assert_eq!(bad.status, 422);
        assert!(bad.body.contains("实到人数应为1到5的整数，现为“四”"));
        let saved = c.post(&attendance, &[("attended", "4")]);
        assert_eq!(saved.status, 303, "{}", saved.body);
        let page = c.get(&saved.location.expect("back to the session"));
        assert!(page.body.contains("id=\"ballot-attended\">4<"));
        assert!(page.body.contains("实到人数已保存"));
        assert!(page.body.contains("name=\"attended\" value=\"4\""));
        // Opening asks first.
        assert!(page.body.contains(
            "data-ask=\"开始“2026年副局长民主推荐”的投票：开始后即可用票码投票，不能退回未开始状态。确定开始吗？\""
        ));
        assert_eq!(c.post(&format!("{at}/open"), &[]).status, 303);
        (codes, at)
    })
    .await;
    let (codes, at) = codes;
    // Three voters (the phone page has its own tests).
    let store = &app.db.store;
    for (i, p) in [[0u32, 1], [0, 2], [0, 1]].iter().enumerate() {
        let r = store
            .cast_ballot(
                &codes[i + 1],
                &format!("nonce-http-test-{i:04}"),
                &picks(p, [Some(0), Some(1)]),
            )
            .await
            .expect("cast");
        assert_eq!(r, Cast::Recorded);
    }
    let base = app.base.clone();
    let at_later = at.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        assert_eq!(c.login("staff", PASSWORD).status, 303);
        let t = c.get(&format!("{at}/turnout"));
        let json: serde_json::Value = serde_json::from_str(&t.body).expect("json");
        assert_eq!(
            (json["cast"].as_i64(), json["issued"].as_i64()),
            (Some(3), Some(5))
        );
        let screen = c.get(&format!("{at}/screen"));
        assert!(screen.body.contains("<span id=\"screen-cast\">3</span>"));
        // The screen shows 应到 and 实到 beside the turnout.
        assert!(screen.body.contains("<b id=\"screen-expected\">5</b>"));
        assert!(screen.body.contains("<b id=\"screen-attended\">4</b>"));
        // Results only after closing.
        let early = c.get(&format!("{at}/result"));
        assert_eq!(early.status, 409);
        assert!(early.body.contains("投票结束后才能查看结果"));
        // 实到 cannot go under the 3 ballots cast; staff set it to 3.
        c.get(&at);
        let under = c.post(&format!("{at}/attendance"), &[("attended", "2")]);
        assert_eq!(under.status, 422);
        assert!(
            under
                .body
                .contains("id=\"err-attended\">实到人数不能少于已投票数（3）<"),
            "{}",
            under.body
        );
        assert_eq!(
            c.post(&format!("{at}/attendance"), &[("attended", "3")])
                .status,
            303
        );
    })
    .await;
    // A fourth voter, who had not signed in.
    store
        .cast_ballot(
            &codes[4],
            "nonce-http-test-0004",
            &picks(&[2], [Some(0), Some(1)]),
        )
        .await
        .expect("cast");
    let base = app.base.clone();
    let at = at_later;
    blocking(move || {
        let mut c = Client::new(&base);
        assert_eq!(c.login("staff", PASSWORD).status, 303);
        // 4 ballots, 3 present: closing is refused on the page, naming both numbers; the
        // vote stays open.
        c.get(&at);
        let refused = c.post(&format!("{at}/close"), &[]);
        assert_eq!(refused.status, 409, "{}", refused.body);
        assert!(
            refused.body.contains(
                "class=\"alert alert-danger ballot-refused\">已投票数（4）多于实到人数（3），不能结束投票；请核实实到人数<"
            ),
            "{}",
            refused.body
        );
        assert!(refused.body.contains("id=\"ballot-state\">投票中<"));
        assert_eq!(c.get(&format!("{at}/result")).status, 409);
        // The sign-in sheet is checked: all 5 were present (one handed in no ballot).
        assert_eq!(
            c.post(&format!("{at}/attendance"), &[("attended", "5")])
                .status,
            303
        );
        c.get(&at);
        assert_eq!(c.post(&format!("{at}/close"), &[]).status, 303);
        // Closed: 实到 can no longer change, and the page has no field for it.
        let page = c.get(&at);
        assert!(!page.body.contains("id=\"f-attended\""));
        let late = c.post(&format!("{at}/attendance"), &[("attended", "4")]);
        assert_eq!(late.status, 409);
        assert!(late.body.contains("投票已结束，不能再修改实到人数"));
        let r = c.get(&format!("{at}/result"));
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.body.contains("<b id=\"result-expected\">5</b>"));
        assert!(r.body.contains("<b id=\"result-attended\">5</b>"));
        assert!(r.body.contains("<b id=\"result-cast\">4</b>"));
        assert!(
            r.body
                .contains("id=\"result-basis\">得票率和达到比例均以实到人数5人计<")
        );
        // R-SEL-2 over the 5 present, not the 4 ballots: 张伟 3 (60.00%) passes; 李娜 and
        // 王强 2 (40.00%) do not.
        let names = texts(&r.body, "r-name");
        let votes = texts(&r.body, "text-end r-votes");
        assert_eq!(&names[..3], ["张伟", "李娜", "王强"]);
        assert_eq!(votes, ["3", "2", "2"]);
        assert_eq!(texts(&r.body, "r-passes"), ["是", "", ""]);
        assert!(r.body.contains("60.00%") && r.body.contains("40.00%"));
        assert!(!r.body.contains("75.00%"));
        // 张伟 优秀 by all: 100.00; 李娜 称职 by all: 80.00.
        assert_eq!(texts(&r.body, "text-end r-score"), ["100.00", "80.00"]);
        // The workbook: the result, and the three ballots in the order of their random ids.
        let x = c.get(&format!("{at}/result.xlsx"));
        assert_eq!(x.status, 200);
        use calamine::Reader;
        let mut wb = calamine::Xlsx::new(std::io::Cursor::new(x.bytes)).expect("workbook");
        assert_eq!(wb.sheet_names(), ["结果", "原始选票"]);
        let raw = wb.worksheet_range("原始选票").expect("sheet");
        assert_eq!(raw.height(), 5);
        let mut picked: Vec<String> = raw.rows().skip(1).map(|r| r[2].to_string()).collect();
        picked.sort();
        assert_eq!(picked, ["张伟、李娜", "张伟、李娜", "张伟、王强", "王强"]);
        let sheet = wb.worksheet_range("结果").expect("sheet");
        let has = |a: &str, b: &str| sheet.rows().any(|r| r[0] == a && r[1] == b);
        assert!(has("得票率及达到比例的基数", "实到人数5人"));
        // Numbers are numbers (issue 15, item 6): counts, and shares as fractions (shown
        // as percentages by the cell's format), so a spreadsheet adds them up.
        let num = |c: &calamine::Data| match c {
            calamine::Data::Float(x) => Some(*x),
            calamine::Data::Int(x) => Some(*x as f64),
            _ => None,
        };
        let row = |a: &str| {
            sheet
                .rows()
                .find(|r| r[0] == a)
                .map(|r| r.iter().map(num).collect::<Vec<_>>())
                .unwrap_or_default()
        };
        assert_eq!(row("应到人数")[1], Some(5.0));
        assert_eq!(row("实到人数")[1], Some(5.0));
        assert_eq!(row("收回票数")[1], Some(4.0));
        assert_eq!(row("班子成员")[1..4], [Some(0.4), Some(2.0), Some(1.0)]);
        // 张伟: 名次 1, 得票 3, 得票率 60% of 实到 5.
        assert_eq!(row("张伟")[1..4], [Some(1.0), Some(3.0), Some(0.6)]);
        // The sheet to print and sign, with the same numbers.
        let p = c.get(&format!("{at}/result/print"));
        assert_eq!(p.status, 200);
        assert!(p.body.contains("计票人") && p.body.contains("监票人"));
        assert!(p.body.contains("<b id=\"result-attended\">5</b>"));
        assert!(p.body.contains("得票率和达到比例均以实到人数5人计"));
    })
    .await;
    // Both exports audited, naming the session and the count, never a code.
    assert_eq!(
        crate::conformance::count_action(&app.db.store, "export.ballot").await,
        2
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_staff_run_ballots() {
    let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
    app.db
        .store
        .import_roster(
            &crate::helpers::staff(),
            &crate::fixture::roster(),
            &|_, _, _| {},
        )
        .await
        .expect("roster");
    seed_users(&app.db.store, Some("U1")).await;
    let base = app.base.clone();
    blocking(move || {
        for (who, home) in [
            ("leader", "/cadres"),
            ("liaison", "/units/U1"),
            ("auditor", "/audit"),
        ] {
            let mut c = Client::new(&base);
            assert_eq!(c.login(who, PASSWORD).status, 303);
            assert_eq!(c.get("/ballots").status, 403, "{who}");
            assert_eq!(c.get("/ballots/new").status, 403, "{who}");
            let page = c.get(home);
            assert_eq!(page.status, 200, "{who} {home}");
            assert!(!page.body.contains("nav-ballots"), "{who}");
        }
        let mut c = Client::new(&base);
        assert_eq!(c.login("staff", PASSWORD).status, 303);
        assert!(c.get("/cadres").body.contains("id=\"nav-ballots\""));
    })
    .await;
}

/// Paper ballots keyed by two staff members through the page: slips keyed alike count,
/// a slip keyed differently is shown and blocks counting until corrected (R-VOTE-2).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paper_ballots_keyed_twice_through_the_page() {
    let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
    seed_users(&app.db.store, None).await;
    app.db
        .store
        .add_account(&banzi_store::NewUser {
            login: "staff2".into(),
            display_name: String::new(),
            password_hash: banzi_web::hash_password(PASSWORD),
            role: banzi_domain::role::Role::Staff,
            unit_code: None,
        })
        .await
        .expect("second clerk");
    let base = app.base.clone();
    blocking(move || {
        let mut a = Client::new(&base);
        assert_eq!(a.login("staff", PASSWORD).status, 303);
        let mut b = Client::new(&base);
        assert_eq!(b.login("staff2", PASSWORD).status, 303);
        a.get("/ballots/new");
        let at = a
            .post("/ballots/new", &setup(GROUPS))
            .location
            .expect("made");
        a.get(&at);
        assert_eq!(
            a.post(&format!("{at}/attendance"), &[("attended", "5")])
                .status,
            303
        );
        a.get(&at);
        assert_eq!(a.post(&format!("{at}/open"), &[]).status, 303);
        let paper = format!("{at}/paper");
        let slip = |seq: &str, picks: &[&str]| -> Vec<(String, String)> {
            let mut f = vec![
                ("seq".to_string(), seq.to_string()),
                ("group".to_string(), "1".to_string()),
                ("q1_0".to_string(), "0".to_string()),
                ("q1_1".to_string(), String::new()),
            ];
            f.extend(picks.iter().map(|p| ("q0".to_string(), p.to_string())));
            f
        };
        let key = |c: &mut Client, fields: Vec<(String, String)>| {
            c.get(&paper);
            let mut fields = fields;
            fields.push(("_csrf".into(), c.csrf.clone().expect("token")));
            c.post_raw(&paper, &fields)
        };
        assert_eq!(key(&mut a, slip("1", &["0", "1"])).status, 303);
        assert_eq!(key(&mut b, slip("1", &["0", "1"])).status, 303);
        assert_eq!(key(&mut a, slip("2", &["0"])).status, 303);
        assert_eq!(key(&mut b, slip("2", &["2"])).status, 303);
        let page = a.get(&paper);
        assert!(page.body.contains("data-seq=\"1\" data-status=\"agreed\""));
        assert!(page.body.contains("data-seq=\"2\" data-status=\"differs\""));
        assert!(page.body.contains("张伟、李娜"));
        let refused = a.post(&format!("{paper}/count"), &[]);
        assert_eq!(refused.status, 409);
        assert!(
            refused
                .body
                .contains("第2张纸质票尚未经两人录入一致，请先核对")
        );
        // A slip with no group chosen is refused with a message, nothing keyed.
        let mut bad = slip("3", &["0"]);
        bad.retain(|(k, _)| k != "group");
        let r = key(&mut a, bad);
        assert_eq!(r.status, 422);
        assert!(
            r.body
                .contains("class=\"alert alert-danger paper-error\">请选择评议组<")
        );
        assert!(!r.body.contains("data-seq=\"3\""));
        // The second clerk looks at slip 2 again: it reads 张伟.
        assert_eq!(key(&mut b, slip("2", &["0"])).status, 303);
        let counted = a.post(&format!("{paper}/count"), &[]);
        assert_eq!(counted.status, 303);
        let page = a.get(&paper);
        assert_eq!(page.body.matches("data-status=\"counted\"").count(), 2);
        a.get(&at);
        assert_eq!(a.post(&format!("{at}/close"), &[]).status, 303);
        let r = a.get(&format!("{at}/result"));
        assert!(r.body.contains("<b id=\"result-cast\">2</b>"), "{}", r.body);
        assert_eq!(texts(&r.body, "text-end r-votes")[0], "2");
    })
    .await;
}

/// With `public_url` set, the slips lead phones there, and nothing warns.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slips_lead_to_the_configured_address() {
    let config = banzi_web::WebConfig {
        public_url: Some("http://10.1.2.3:8080/".into()),
        ..Default::default()
    };
    let app = TestApp::spawn(Backend::Sqlite, config).await;
    seed_users(&app.db.store, None).await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        assert_eq!(c.login("staff", PASSWORD).status, 303);
        c.get("/ballots/new");
        let at = c
            .post("/ballots/new", &setup(GROUPS))
            .location
            .expect("made");
        c.get(&at);
        let slips = c.post(&format!("{at}/codes"), &[]);
        assert_eq!(texts(&slips.body, "slip-url")[0], "http://10.1.2.3:8080/v");
        assert!(!slips.body.contains("id=\"slips-local\""));
    })
    .await;
}

/// A session closed before 实到 was recorded (its stored set-up has none): its result page
/// shows 实到 as not recorded and says the pass marks are of the ballots cast (R-SEL-2,
/// module doc of `banzi_domain::ballot`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_result_closed_without_attendance_says_what_its_pass_marks_are_of() {
    let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
    seed_users(&app.db.store, None).await;
    let store = &app.db.store;
    let staff = crate::helpers::staff();
    let mut old = crate::conformance::ballots::spec();
    old.attended = None;
    let id = store.create_ballot(&staff, &old).await.expect("session");
    let codes = store.issue_codes(&staff, id).await.expect("codes");
    let banzi_store::Pool::Sqlite(pool) = store.pool() else {
        panic!("sqlite")
    };
    let state = |s: &'static str| {
        sqlx::query("UPDATE ballot_sessions SET state = $1 WHERE id = $2")
            .bind(s)
            .bind(id)
            .execute(pool)
    };
    // Opened and closed by an earlier version, which recorded no 实到.
    state("open").await.expect("open");
    for (i, p) in [[0u32], [0], [1]].iter().enumerate() {
        store
            .cast_ballot(
                &codes[i].code,
                &format!("nonce-http-old-{i:04}"),
                &picks(p, [None, None]),
            )
            .await
            .expect("cast");
    }
    state("closed").await.expect("closed");
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        assert_eq!(c.login("staff", PASSWORD).status, 303);
        let r = c.get(&format!("/ballots/{id}/result"));
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.body.contains("<b id=\"result-attended\">未记录</b>"));
        assert!(r.body.contains("<b id=\"result-cast\">3</b>"));
        assert!(r.body.contains(
            "id=\"result-basis\">本投票结束时未记录实到人数，得票率和达到比例以收回票数3张计<"
        ));
        // 张伟 2 of the 3 ballots: over half, as when it closed.
        assert_eq!(texts(&r.body, "r-passes")[..3], ["是", "", ""]);
        assert!(r.body.contains("66.67%"));
    })
    .await;
}
