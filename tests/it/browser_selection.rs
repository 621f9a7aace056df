//! One whole selection case in Chromium, as staff and the 纪检监察 reviewer do it (issue 17):
//! 动议 on the board, 谈话调研推荐, 提名, 确定考察对象 (asked first), 考察, the reviewer's 廉政意见
//! from the queue, the 常委会's votes keyed twice, 任前公示 over 2026-09-20 (a Sunday that is a
//! working day), a 任职 tried a day early refused beside its form, then 任职 — and the record
//! reads back in order with names and Beijing times, and the registry has the appointment.

use crate::helpers::PASSWORD;
use crate::webdriver::{Driver, browser_or_skip, server_runtime};
use anyhow::{Context, Result};

fn fill(d: &Driver, css: &str, text: &str) -> Result<()> {
    let e = d.find(css).with_context(|| format!("finding {css}"))?;
    e.clear()?;
    e.send_keys(text)
}

/// Sends the form of `button` and answers the confirmation it asks, if any.
fn send(d: &Driver, button: &str, confirm: bool) -> Result<()> {
    d.find(button)?.click()?;
    if confirm {
        d.wait_until("the confirmation", |d| Ok(d.dialog_text()))?;
        d.answer_dialog(true)?;
    }
    Ok(())
}

/// Waits until the case page shows the case at `step` (its key).
fn at_step(d: &Driver, step: &str) -> Result<()> {
    d.wait_until(&format!("the case at {step}"), |d| {
        let now = d
            .find("#case-step")
            .ok()
            .and_then(|e| e.attr("data-step").ok().flatten());
        Ok((now.as_deref() == Some(step)).then_some(()))
    })
}

/// Up to 考察; returns the case's address.
fn the_case(d: &Driver, base: &str) -> Result<String> {
    d.goto(&format!("{base}/"))?;
    d.sign_in("staff", PASSWORD)?;
    d.wait_for_text("#nav-selection", "选拔任用")?;
    d.find("#nav-selection")?.click()?;
    d.wait_for_text("#selection-open", "动议")?;
    // The post by the type-ahead: the unit's initials and a word of the title.
    d.find("#o-post-text")?.send_keys("sjyj 局长")?;
    d.wait_for_text("#o-post-list", "市教育局 局长")?;
    d.find("#o-post-list .unit-picker-item[data-code='P3']")?
        .click()?;
    fill(d, "#o-on", "2026-08-01")?;
    fill(d, "#o-reason", "王强同志到龄退休")?;
    fill(d, "#o-scope", "市直单位县处级干部")?;
    fill(d, "#o-conditions", "大学以上学历")?;
    send(d, "#selection-open-submit", false)?;
    d.wait_for_text("#case-title", "市教育局 局长")?;
    at_step(d, "recommendation")?;
    d.wait_for_text("#case-checks", "未满足")?;
    // 谈话调研推荐 and 提名.
    fill(d, "#talks-on", "2026-08-05")?;
    fill(d, "#talks-talked-to", "25")?;
    fill(d, "#talks-scope", "市教育局班子成员和中层干部")?;
    fill(d, "#talks-names", "赵敏 18")?;
    fill(d, "#talks-summary", "多数同志推荐赵敏")?;
    send(d, "#talks-submit", false)?;
    at_step(d, "shortlist")?;
    fill(d, "#nominate-on", "2026-08-06")?;
    fill(d, "#nominate-cadre", "赵敏")?;
    send(d, "#nominate-submit", false)?;
    d.wait_for_text("#case-candidates", "赵敏")?;
    // 确定考察对象: asked first.
    fill(d, "#shortlist-on", "2026-08-07")?;
    d.find("#form-shortlist input[name=candidate]")?.click()?;
    send(d, "#shortlist-submit", true)?;
    at_step(d, "inspection")?;
    // 考察, all five political dimensions.
    fill(d, "#inspect-on", "2026-08-20")?;
    fill(d, "#inspect-work", "工作圈评价好")?;
    fill(d, "#inspect-life", "生活圈无不良反映")?;
    for i in 0..5 {
        fill(d, &format!("#inspect-political-{i}"), "好")?;
    }
    fill(d, "#inspect-personal", "如实报告")?;
    fill(d, "#inspect-file", "经审核无误")?;
    send(d, "#inspect-submit", false)?;
    at_step(d, "integrity")?;
    let url = d.current_url()?;
    d.sign_out()?;
    Ok(url.split('#').next().unwrap_or_default().to_string())
}

fn the_opinion(d: &Driver, base: &str) -> Result<()> {
    d.goto(&format!("{base}/login"))?;
    d.sign_in("discipline", PASSWORD)?;
    d.wait_for_text("#nav-selection", "")?;
    d.goto(&format!("{base}/selection/queue"))?;
    d.wait_for_text("#selection-queue", "赵敏")?;
    d.find("#selection-queue a")?.click()?;
    fill(d, "#opinion-on", "2026-08-25")?;
    fill(d, "#opinion-text", "未发现违纪违法问题")?;
    send(d, "#opinion-submit", true)?;
    at_step(d, "decision")?;
    d.sign_out()?;
    Ok(())
}

fn the_decision(d: &Driver, base: &str, case: &str) -> Result<()> {
    d.goto(&format!("{base}/login"))?;
    d.sign_in("staff", PASSWORD)?;
    d.wait_for_text("#nav-selection", "")?;
    d.goto(case)?;
    d.wait_for_text("#case-checks", "已满足")?;
    fill(d, "#vote-on", "2026-09-10")?;
    fill(d, "#vote-members", "13")?;
    fill(d, "#vote-present", "11")?;
    for (prefix, n) in [("yes", "9"), ("no", "2"), ("abstain", "0")] {
        fill(
            d,
            &format!("#form-vote input[name^={prefix}_]:not([name$='2'])"),
            n,
        )?;
        fill(
            d,
            &format!("#form-vote input[name^={prefix}_][name$='2']"),
            n,
        )?;
    }
    send(d, "#vote-submit", true)?;
    at_step(d, "publicity")?;
    fill(d, "#publicity-on", "2026-09-18")?;
    send(d, "#publicity-submit", true)?;
    d.wait_for_text("#case-candidates", "2026-09-18 — 2026-09-23")?;
    // A day early: refused beside the form, nothing written.
    fill(d, "#appoint-on", "2026-09-23")?;
    fill(d, "#appoint-document", "江委〔2026〕45号")?;
    send(d, "#appoint-submit", true)?;
    d.wait_for_text("#errors-appoint", "2026")?;
    let said = d.find("#errors-appoint")?.text()?;
    assert!(
        said.contains("R-SEL-9") && said.contains("任前公示未满"),
        "{said}"
    );
    fill(d, "#appoint-on", "2026-09-24")?;
    fill(d, "#appoint-document", "江委〔2026〕45号")?;
    send(d, "#appoint-submit", true)?;
    at_step(d, "done")?;
    let records = d.find("#case-records")?.text()?;
    let order = [
        "动议",
        "谈话调研推荐",
        "提名人选",
        "确定考察对象",
        "考察",
        "廉政意见",
        "常委会表决",
        "任前公示",
        "任职",
    ];
    let mut at = 0;
    for word in order {
        let found = records[at..]
            .find(word)
            .with_context(|| format!("{word} after {at} in {records}"))?;
        at += found + word.len();
    }
    assert!(records.contains("discipline") && records.contains("江委〔2026〕45号"));
    // In English at 1366 px, the case page and the board fit the window.
    d.set_window_size(1366, 900)?;
    d.goto(&format!("{base}/lang/en?back=/selection"))?;
    d.wait_for_text("#nav-selection", "Selection")?;
    for path in [case.to_string(), format!("{base}/selection")] {
        d.goto(&path)?;
        d.wait_for_text("h1", "")?;
        let wide = d.execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            vec![],
        )?;
        assert_eq!(wide.as_i64(), Some(0), "{path} overflows by {wide}");
    }
    Ok(())
}

#[test]
fn one_whole_case_in_the_browser() {
    if !browser_or_skip() {
        return;
    }
    let rt = server_runtime();
    let app = rt.block_on(crate::http::app());
    let d = Driver::start().expect("chromium");
    let base = &app.base;
    let run = || -> Result<()> {
        let case = the_case(&d, base)?;
        the_opinion(&d, base)?;
        the_decision(&d, base, &case)
    };
    if let Err(e) = run() {
        panic!("{}", d.failure(&e));
    }
    // The registry has the appointment.
    let store = app.db.store.clone();
    let profile = rt
        .block_on(store.cadre(
            &crate::helpers::staff(),
            &crate::fixture::zhao_min(),
            banzi_store::today(),
        ))
        .expect("profile");
    assert!(
        profile
            .appointments
            .iter()
            .any(|a| a.post_code == "P3" && a.start_date == "2026-09-24"),
        "{:?}",
        profile.appointments
    );
}
