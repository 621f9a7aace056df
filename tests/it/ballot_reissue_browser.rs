//! Issue 15, item 4, as staff do it in Chromium: two slips are voided, one of which has
//! voted already; the page names both serials with their outcome; staff click 补发 for the
//! voided one, are asked first and say yes, get a slip with a new code in the same rater
//! group, and that code votes on the phone page while the voided one is refused.

use crate::conformance::ballots::{opened, picks, spec};
use crate::helpers::{Backend, PASSWORD, TestApp, seed_users, staff};
use crate::webdriver::{Driver, browser_or_skip, server_runtime};
use anyhow::{Context, Result, ensure};
use banzi_store::Cast;
use serde_json::json;

const TITLE: &str = "2026年市财政局副局长民主推荐";

/// The trimmed texts of the elements matching `css`.
fn texts(d: &Driver, css: &str) -> Result<Vec<String>> {
    let v = d.execute(
        "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent.trim());",
        vec![json!(css)],
    )?;
    Ok(serde_json::from_value(v)?)
}

/// Clicks `css`, waits for the confirmation it asks, says yes, and returns its text.
fn click_and_confirm(d: &Driver, css: &str) -> Result<String> {
    d.find(css)?
        .click()
        .with_context(|| format!("clicking {css}"))?;
    let asked = d.wait_until("the confirmation", |d| Ok(d.dialog_text()))?;
    d.answer_dialog(true)?;
    Ok(asked)
}

/// Issue 15 item 4 through the pages; then the big screen, left open, turns to say the vote
/// is over and where its results are once `close` closes it (item 13).
fn void_and_reissue(base: &str, at: &str, voided: &str, close: &dyn Fn()) -> Result<()> {
    let d = Driver::start()?;
    d.goto(&format!("{base}/"))?;
    d.sign_in("staff", PASSWORD)?;
    d.wait_for_text("#nav-ballots", "")?;
    d.goto(&format!("{base}{at}"))?;
    d.wait_for_text("#ballot-state", "投票中")?;
    // Slip 2 was lost; slip 3 was handed in spoilt, but its holder had voted already.
    let field = d.find("#f-serials")?;
    field.send_keys("2, 3")?;
    let asked = click_and_confirm(&d, "#ballot-void")?;
    ensure!(asked.contains("不能撤回"), "{asked}");
    d.wait_for_text("#void-report", "作废结果")?;
    ensure!(
        texts(&d, "#void-report .void-voided")?
            == ["已作废：编号2。这些票码不能再投票，可在下方补发新票码。"],
        "{:?}",
        texts(&d, "#void-report .void-voided")
    );
    ensure!(
        texts(&d, "#void-report .void-refused")?
            == ["编号3未作废：该票码已投票，选票不能收回，不能作废"],
        "{:?}",
        texts(&d, "#void-report .void-refused")
    );
    // 补发 of 2 opens the slips in a new tab; here the same tab shows them.
    d.execute(
        "document.querySelector('tr.awaiting-row[data-serial=\"2\"] form').removeAttribute('target');",
        vec![],
    )?;
    let asked = click_and_confirm(&d, "tr.awaiting-row[data-serial=\"2\"] button")?;
    ensure!(
        asked.starts_with(&format!(
            "为“{TITLE}”的编号2补发1张新票码，各属原票码的评议组"
        )),
        "{asked}"
    );
    d.wait_for_text("#slips-done", "补发1张新票码，替代作废的编号2")?;
    let slips = texts(&d, ".slip .slip-meta")?;
    ensure!(
        slips.len() == 1 && slips[0].contains("班子成员") && slips[0].contains("补发，替代编号2"),
        "{slips:?}"
    );
    let code = texts(&d, ".slip .slip-code")?
        .first()
        .context("a code")?
        .replace(' ', "");
    ensure!(code.len() == 24, "{code}");

    // The new code votes on a phone; the voided one is refused there.
    let phone = Driver::start()?;
    phone.set_window_size(360, 740)?;
    phone.goto(&format!("{base}/v#{code}"))?;
    phone.wait_for_text("#vote-meta", "班子成员")?;
    phone.wait_for_text("#questions", "王强")?;
    phone.find("#q-0-o-0")?.click()?;
    phone.find("#vote-review")?.click()?;
    phone.wait_for_text("#confirm-summary", "张伟")?;
    phone.find("#vote-submit")?.click()?;
    phone.wait_for_text("#vote-status", "投票成功，您的选票已记录")?;
    phone.execute("try { sessionStorage.clear(); } catch (e) {}", vec![])?;
    phone.goto("about:blank")?;
    phone.goto(&format!("{base}/v#{voided}"))?;
    phone.wait_for_text("#vote-status", "该票码已作废")?;
    drop(phone);

    d.goto(&format!("{base}{at}/screen"))?;
    d.wait_for_text("#screen-state", "投票中")?;
    d.wait_for_text("#screen-cast", "2")?;
    close();
    d.wait_until("the screen to say the vote is over", |d| {
        let v = d.execute(
            "return !document.getElementById('screen-closed').hidden\
               && document.getElementById('screen-live').hidden;",
            vec![],
        )?;
        Ok((v == json!(true)).then_some(()))
    })?;
    d.wait_for_text("#screen-state", "已结束")?;
    let badge = d.find("#screen-state")?.attr("class")?;
    ensure!(
        badge.as_deref() == Some("badge text-bg-dark"),
        "the closed badge: {badge:?}"
    );
    d.wait_for_text("#screen-closed", "投票已结束")?;
    d.wait_for_text("#screen-where", &format!("{at}/result"))?;
    Ok(())
}

#[test]
fn staff_void_two_slips_see_each_outcome_and_reissue_one_that_votes() {
    if !browser_or_skip() {
        return;
    }
    let rt = server_runtime();
    let (app, id, voided) = rt.block_on(async {
        let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
        seed_users(&app.db.store, None).await;
        let store = &app.db.store;
        // Serials 1-2 班子成员, 3-5 中层干部; serial 3 has voted.
        let (id, codes) = opened(store, &spec()).await;
        let cast = store
            .cast_ballot(
                &codes[2],
                "nonce-reissue-browser-1",
                &picks(&[1], [None, None]),
            )
            .await
            .unwrap();
        assert_eq!(cast, Cast::Recorded);
        (app, id, codes[1].clone())
    });
    let at = format!("/ballots/{id}");
    let store = app.db.store.clone();
    let handle = rt.handle().clone();
    let close = || {
        handle
            .block_on(store.close_ballot(&staff(), id))
            .expect("closed");
    };
    if let Err(e) = void_and_reissue(&app.base, &at, &voided, &close) {
        panic!("{e:#}");
    }
    drop(rt);
}
