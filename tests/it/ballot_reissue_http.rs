//! Issue 15 on the session's page (items 3, 4, 13): 作废 names each serial's outcome and
//! 补发 prints a new code for the same group; opening, closing, voiding and reissuing ask
//! first and end saying what was done, naming the session; the 现场大屏 and 纸质票录入
//! links are there in each state where they work and not elsewhere; the big screen of a
//! closed session says so and where the results are.

use crate::conformance::ballots::{issued, picks, spec};
use crate::helpers::{Backend, Client, PASSWORD, TestApp, seed_users};
use crate::http::blocking;
use banzi_store::Cast;

const TITLE: &str = "2026年市财政局副局长民主推荐";

/// The page's links to the big screen, paper keying and results: which are there.
fn links(body: &str) -> [bool; 3] {
    [
        body.contains("id=\"ballot-screen\""),
        body.contains("id=\"ballot-paper\""),
        body.contains("id=\"ballot-result\""),
    ]
}

/// The texts of the void report's lines of `class`.
fn report(body: &str, class: &str) -> Vec<String> {
    body.split(&format!("class=\"void-{class}\""))
        .skip(1)
        .map(|s| {
            let s = &s[s.find('>').map_or(0, |i| i + 1)..];
            s.split('<').next().unwrap_or("").to_string()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn void_reissue_links_and_the_closed_screen() {
    let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
    seed_users(&app.db.store, None).await;
    let store = app.db.store.clone();
    // Serials 1-2 班子成员, 3-5 中层干部; 实到 5.
    let (id, codes) = issued(&store, &spec()).await;
    let at = format!("/ballots/{id}");
    let base = app.base.clone();
    let at2 = at.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        assert_eq!(c.login("staff", PASSWORD).status, 303);
        // A draft: the big screen (put up before opening), no paper keying, no results.
        let draft = c.get(&at2);
        assert_eq!(links(&draft.body), [true, false, false]);
        // Opening asks first, naming the session and saying what happens.
        assert!(draft.body.contains(&format!(
            "data-ask=\"开始“{TITLE}”的投票：开始后即可用票码投票，不能退回未开始状态。确定开始吗？\""
        )));
        let opened = c.post(&format!("{at2}/open"), &[]);
        assert_eq!(opened.status, 303);
        let open = c.get(&opened.location.expect("back"));
        assert!(
            open.body
                .contains(&format!("id=\"ballot-done\">“{TITLE}”已开始投票<")),
            "{}",
            open.body
        );
        assert_eq!(links(&open.body), [true, true, false]);
        assert!(open.body.contains(&format!(
            "data-ask=\"结束“{TITLE}”的投票：结束后不能再投票，也不能再作废或补发票码，可以查看结果。确定结束吗？\""
        )));
        assert!(c.get(&format!("{at2}/paper")).status == 200);
    })
    .await;
    // Serial 3 votes.
    let ballot = picks(&[0], [Some(0), None]);
    assert_eq!(
        store
            .cast_ballot(&codes[2], "nonce-reissue-http-01", &ballot)
            .await
            .unwrap(),
        Cast::Recorded
    );
    let base = app.base.clone();
    let at2 = at.clone();
    let new_code =
        blocking(move || {
            let mut c = Client::new(&base);
            assert_eq!(c.login("staff", PASSWORD).status, 303);
            c.get(&at2);
            // Bad serials: the error beside the field, what was typed kept, nothing voided.
            let bad = c.post(&format!("{at2}/void"), &[("serials", "4到5")]);
            assert_eq!(bad.status, 422, "{}", bad.body);
            assert!(
                bad.body
                    .contains("id=\"err-serials\">编号应写成“3, 5-7”的形式<"),
                "{}",
                bad.body
            );
            assert!(bad.body.contains("name=\"serials\" value=\"4到5\""));
            // 4 and 2 voided, 3 voted, 99 unknown; then 2 again: void before.
            let done = c.post(&format!("{at2}/void"), &[("serials", "4, 3, 99, 2")]);
            assert_eq!(done.status, 303, "{}", done.body);
            let page = c.get(&done.location.expect("back"));
            assert_eq!(
                report(&page.body, "heading"),
                [format!("“{TITLE}”的票码作废结果：")]
            );
            assert_eq!(
                report(&page.body, "voided"),
                ["已作废：编号4、2。这些票码不能再投票，可在下方补发新票码。"]
            );
            assert_eq!(
                report(&page.body, "refused"),
                [
                    "编号3未作废：该票码已投票，选票不能收回，不能作废",
                    "编号99未作废：本投票没有这个编号",
                ]
            );
            let again = c.post(&format!("{at2}/void"), &[("serials", "2")]);
            let page = c.get(&again.location.expect("back"));
            assert!(report(&page.body, "voided").is_empty());
            assert_eq!(report(&page.body, "refused"), ["编号2未作废：此前已作废"]);
            // 补发 offered for 2 and 4, each asking first, and for both at once.
            assert_eq!(page.body.matches("class=\"awaiting-row\"").count(), 2);
            assert!(page.body.contains(&format!(
                "data-confirm=\"为“{TITLE}”的编号4补发1张新票码，各属原票码的评议组。"
            )));
            assert!(page.body.contains(&format!(
                "data-confirm=\"为“{TITLE}”的编号2、4补发2张新票码，各属原票码的评议组。"
            )));
            // The same page read in English and in traditional characters.
        let session = c.cookie.clone().expect("signed in");
        let report_at = format!("{at2}?done=void&voided=4,2&used=3&unknown=99");
        c.cookie = Some(format!("{session}; banzi_lang=en"));
        let en = c.get(&report_at);
        assert_eq!(
            report(&en.body, "voided"),
            ["Voided: serials 4, 2. These codes can no longer vote; new codes can be reissued below."]
        );
        assert_eq!(
            report(&en.body, "refused"),
            [
                "Serial 3 not voided: the code has voted, and a ballot cannot be taken back",
                "Serial 99 not voided: this session has no such serial",
            ]
        );
        assert!(en.body.contains(&format!(
            "data-confirm=\"Reissue 2 new codes for serials 2, 4 of “{TITLE}”, each in its old code&#39;s rater group?"
        )), "{}", en.body);
        c.cookie = Some(format!("{session}; banzi_lang=zh-TW"));
        let tw = c.get(&report_at);
        assert_eq!(
            report(&tw.body, "refused")[0],
            "編號3未作廢：該票碼已投票，選票不能收回，不能作廢"
        );
        c.cookie = Some(session);
        c.get(&at2);
        // 补发 of 4: a slip in 中层干部, saying what was done.
            let slips = c.post(&format!("{at2}/reissue"), &[("serials", "4")]);
            assert_eq!(slips.status, 200, "{}", slips.body);
            assert!(slips.body.contains(&format!(
                "id=\"slips-done\">已为“{TITLE}”补发1张新票码，替代作废的编号4。请现在打印。<"
            )));
            assert_eq!(slips.body.matches("class=\"slip\"").count(), 1);
            assert!(slips.body.contains(
                "中层干部 · 编号 6 · <span class=\"slip-replaces\">补发，替代编号4</span>"
            ));
            let code = slips
                .body
                .split("class=\"slip-code\">")
                .nth(1)
                .and_then(|s| s.split('<').next())
                .expect("the code")
                .replace(' ', "");
            // 4 is no longer offered; a second 补发 of it is refused beside the field.
            let page = c.get(&at2);
            assert_eq!(page.body.matches("class=\"awaiting-row\"").count(), 1);
            let twice = c.post(&format!("{at2}/reissue"), &[("serials", "4")]);
            assert_eq!(twice.status, 422);
            assert!(
                twice
                    .body
                    .contains("id=\"err-serials\">编号4已补发过，不能再次补发<")
            );
            code
        })
        .await;
    // The new code votes; the voided one does not.
    assert_eq!(store.open_code(&new_code).await.unwrap().group, 1);
    assert_eq!(
        store
            .cast_ballot(&new_code, "nonce-reissue-http-02", &ballot)
            .await
            .unwrap(),
        Cast::Recorded
    );
    assert!(store.open_code(&codes[3]).await.is_err());
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        assert_eq!(c.login("staff", PASSWORD).status, 303);
        c.get(&at);
        let closed = c.post(&format!("{at}/close"), &[]);
        assert_eq!(closed.status, 303, "{}", closed.body);
        let page = c.get(&closed.location.expect("back"));
        assert!(page.body.contains(&format!(
            "id=\"ballot-done\">“{TITLE}”已结束投票，可以查看结果<"
        )));
        // Closed: the screen (saying so) and the results; no paper keying, no 补发 offered.
        assert_eq!(links(&page.body), [true, false, true]);
        assert!(!page.body.contains("awaiting-row"));
        let refused = c.post(&format!("{at}/reissue"), &[("serials", "2")]);
        assert_eq!(refused.status, 409);
        assert!(refused.body.contains("投票已结束，不能再补发票码"));
        // Only staff void or reissue.
        let mut leader = Client::new(&base);
        assert_eq!(leader.login("leader", PASSWORD).status, 303);
        leader.get("/cadres");
        for path in ["void", "reissue"] {
            let r = leader.post(&format!("{at}/{path}"), &[("serials", "2")]);
            assert_eq!(r.status, 403, "{path}");
        }
        // The big screen: closed, where the results are, no count.
        let screen = c.get(&format!("{at}/screen"));
        assert!(screen.body.contains("<div id=\"screen-closed\">"));
        assert!(screen.body.contains("<div id=\"screen-live\" hidden>"));
        assert!(screen.body.contains(&format!(
            "id=\"screen-where\">大屏不显示投票结果。“{TITLE}”的结果由组织部工作人员在系统的投票结果页（/ballots/{id}/result）查看"
        )));
    })
    .await;
    // 补发 audited once, in the session's name.
    assert_eq!(
        crate::conformance::count_action(&app.db.store, "ballot.reissue").await,
        1
    );
}
