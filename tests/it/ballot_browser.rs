//! Issue 4, a meeting run end to end in headless Chromium (DOMAIN.md M5): staff sets a
//! session up through the form, prints the QR slips, enters the meeting's 实到人数 (refused
//! first without it, then over 应到: R-SEL-2), opens the vote and the big screen;
//! seven phones vote on `/v#CODE` (one is stopped at three names first); the screen's
//! turnout follows without a reload (R-VOTE-5); staff closes the vote and reads results
//! counted from the known answers below, weighted by rater group (R-VOTE-6), pass marks of
//! 实到 (R-SEL-2); a used code reopened on a phone is told 该票码已投票 (R-VOTE-4).

use crate::helpers::{Backend, PASSWORD, TestApp, seed_users};
use crate::webdriver::{Driver, browser_or_skip, server_runtime};
use anyhow::{Context, Result, bail, ensure};
use serde_json::{Value, json};

const GROUPS: [&str; 2] = ["班子成员", "中层干部"];
const GROUPS_FIELD: &str = "班子成员 40 3\n中层干部 60 5\n";
const QUESTIONS_FIELD: &str =
    "推荐2人：推荐副局长人选\n张伟、李娜、王强\n\n干部测评：干部测评\n张伟\n李娜\n";

/// One phone: its rater group, the names ticked in question 1 (0 张伟, 1 李娜, 2 王强), and
/// the marks given 张伟 and 李娜 in question 2 (0 优秀, 1 称职, 2 基本称职, 3 不称职).
struct Voter {
    group: usize,
    picks: &'static [usize],
    marks: [Option<usize>; 2],
}

const fn v(group: usize, picks: &'static [usize], marks: [Option<usize>; 2]) -> Voter {
    Voter {
        group,
        picks,
        marks,
    }
}

/// Three of 班子成员's 3 codes and four of 中层干部's 5 vote: 7 of 8.
const VOTERS: [Voter; 7] = [
    v(0, &[0, 1], [Some(0), Some(1)]),
    v(0, &[0], [Some(1), Some(2)]),
    v(0, &[0, 2], [Some(1), Some(1)]),
    v(1, &[0, 2], [Some(0), Some(0)]),
    v(1, &[1, 2], [Some(0), Some(3)]),
    v(1, &[0, 1], [Some(1), None]),
    v(1, &[1], [Some(2), Some(1)]),
];

/// The trimmed text of the first element matching `css`, read in the page (no stale
/// references while a script rewrites it); `None` when there is none.
fn text(d: &Driver, css: &str) -> Result<Option<String>> {
    let v = d.execute(
        "const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;",
        vec![json!(css)],
    )?;
    Ok(v.as_str().map(String::from))
}

/// Waits (5 s) until the text of `css` is exactly `want`.
fn wait_exact(d: &Driver, css: &str, want: &str) -> Result<()> {
    let what = format!("{css} to read {want:?}");
    d.wait_until(&what, |d| {
        Ok((text(d, css)?.as_deref() == Some(want)).then_some(()))
    })
    .with_context(|| format!("last text: {:?}", text(d, css).ok().flatten()))
}

/// The cell texts of each row matching `css`.
fn rows(d: &Driver, css: &str) -> Result<Vec<Vec<String>>> {
    let v = d.execute(
        "return Array.from(document.querySelectorAll(arguments[0])).map(r =>\
           Array.from(r.cells).map(c => c.textContent.trim()));",
        vec![json!(css)],
    )?;
    Ok(serde_json::from_value(v)?)
}

fn click(d: &Driver, css: &str) -> Result<()> {
    d.find(css)?
        .click()
        .with_context(|| format!("clicking {css}"))
}

/// Replaces what a field holds with `text`, typed.
fn type_into(d: &Driver, css: &str, text: &str) -> Result<()> {
    let field = d.find(css)?;
    field.clear()?;
    field.send_keys(text)
}

/// A phone opens `code` on a freshly loaded page (its sessionStorage emptied first).
fn open_code(phone: &Driver, base: &str, code: &str) -> Result<()> {
    phone.execute("try { sessionStorage.clear(); } catch (e) {}", vec![])?;
    phone.goto("about:blank")?;
    phone.goto(&format!("{base}/v#{code}"))
}

/// One phone votes as `voter`; the first also tries three names before fixing the choice.
fn vote(phone: &Driver, base: &str, code: &str, voter: &Voter, first: bool) -> Result<()> {
    if first {
        // The first voter opens /v by hand and types the code printed on the slip, in
        // lower case and with a space, as people do (issue 15, item 13).
        phone.execute("try { sessionStorage.clear(); } catch (e) {}", vec![])?;
        phone.goto("about:blank")?;
        phone.goto(&format!("{base}/v"))?;
        phone.wait_for_text("#vote-status", "未找到票码")?;
        let (a, b) = code.split_at(code.len() / 2);
        type_into(phone, "#code-input", &format!("{} {}", a.to_lowercase(), b))?;
        click(phone, "#code-go")?;
    } else {
        open_code(phone, base, code)?;
    }
    phone.wait_for_text("#vote-meta", GROUPS[voter.group])?;
    phone.wait_for_text("#questions", "王强")?;
    if first {
        for k in 0..3 {
            click(phone, &format!("#q-0-o-{k}"))?;
        }
        phone.wait_for_text("#q-0-error", "最多推荐2人，您已选3人")?;
        click(phone, "#vote-review")?;
        phone.wait_for_text("#form-error", "请先修改标出的题目")?;
        for k in (0..3).filter(|k| !voter.picks.contains(k)) {
            click(phone, &format!("#q-0-o-{k}"))?;
        }
        wait_exact(phone, "#q-0-error", "")?;
    } else {
        for k in voter.picks {
            click(phone, &format!("#q-0-o-{k}"))?;
        }
    }
    for (k, mark) in voter.marks.iter().enumerate() {
        if let Some(m) = mark {
            click(phone, &format!("#q-1-o-{k}-m-{m} + span"))?;
        }
    }
    click(phone, "#vote-review")?;
    let names = ["张伟", "李娜", "王强"];
    let picked: Vec<&str> = voter.picks.iter().map(|&k| names[k]).collect();
    let picked = if picked.is_empty() {
        "未选".to_string()
    } else {
        picked.join("、")
    };
    phone.wait_for_text("#confirm-summary", &picked)?;
    click(phone, "#vote-submit")?;
    phone.wait_for_text("#vote-status", "投票成功，您的选票已记录")
}

/// Staff signs in, sets the session up through the form and returns its page's path.
fn set_up(d: &Driver, base: &str) -> Result<String> {
    d.goto(&format!("{base}/"))?;
    d.sign_in("staff", PASSWORD)?;
    click(d, "#nav-ballots")?;
    d.wait_for_text("#ballot-table", "尚无投票")?;
    click(d, "#ballot-new")?;
    type_into(d, "#f-title", "2026年副局长民主推荐")?;
    // A date input types by locale; the value a date picker would leave.
    d.execute(
        "document.getElementById('f-meeting_date').value = '2026-11-21';",
        vec![],
    )?;
    type_into(d, "#f-expected", "8")?;
    type_into(d, "#f-threshold", "50%")?;
    type_into(d, "#f-groups", GROUPS_FIELD)?;
    type_into(d, "#f-questions", QUESTIONS_FIELD)?;
    click(d, "#ballot-create")?;
    d.wait_for_text("#ballot-title", "2026年副局长民主推荐")?;
    d.wait_for_text("#ballot-state", "未开始")?;
    let url = d.current_url()?;
    Ok(url.trim_start_matches(base).to_string())
}

/// Issues the codes, in this tab, and reads the slips: (code, group index) of each.
fn issue_codes(d: &Driver) -> Result<Vec<(String, usize)>> {
    // The button prints in a new tab; here the same tab shows the slips.
    d.execute(
        "document.getElementById('ballot-codes').form.removeAttribute('target');",
        vec![],
    )?;
    click(d, "#ballot-codes")?;
    d.find(".slip")?;
    // Every QR image decoded and drawn (data: URLs, no network).
    d.wait_until("the QR images", |d| {
        let v = d.execute(
            "const i = Array.from(document.querySelectorAll('.slip .slip-qr'));\
             return i.length === 8 && i.every(x => x.complete && x.naturalWidth > 0\
               && x.getAttribute('src').startsWith('data:image/svg+xml'));",
            vec![],
        )?;
        Ok((v == Value::Bool(true)).then_some(()))
    })?;
    let slips: Vec<(String, String)> = serde_json::from_value(d.execute(
        "return Array.from(document.querySelectorAll('.slip')).map(s =>\
           [s.querySelector('.slip-code').textContent, s.querySelector('.slip-meta').textContent]);",
        vec![],
    )?)?;
    let mut out = Vec::new();
    for (code, meta) in slips {
        let code = code.replace(' ', "").trim().to_string();
        ensure!(code.len() == 24, "a code of 24 characters: {code:?}");
        let Some(g) = GROUPS.iter().position(|g| meta.contains(g)) else {
            bail!("no group on the slip: {meta}");
        };
        out.push((code, g));
    }
    Ok(out)
}

fn meeting(base: &str) -> Result<()> {
    let staff = Driver::start()?;
    let at = set_up(&staff, base)?;
    let slips = issue_codes(&staff)?;
    for (g, n) in [(0, 3), (1, 5)] {
        ensure!(
            slips.iter().filter(|s| s.1 == g).count() == n,
            "{n} slips of {g}"
        );
    }

    staff.goto(&format!("{base}{at}"))?;
    // Opening asks first (it cannot be undone); say yes.
    let ask = staff.execute(
        "return document.getElementById('ballot-open').form.dataset.ask;",
        vec![],
    )?;
    ensure!(
        ask.as_str()
            == Some(
                "开始“2026年副局长民主推荐”的投票：开始后即可用票码投票，不能退回未开始状态。确定开始吗？"
            ),
        "{ask:?}"
    );
    let say_yes = "window.confirm = () => true;";
    staff.execute(say_yes, vec![])?;
    // R-SEL-2: no 实到 yet, so opening is refused, on the page, above the buttons.
    click(&staff, "#ballot-open")?;
    staff.wait_for_text(
        ".ballot-refused",
        "尚未填写实到人数，不能开始投票；请按会议签到填写实到人数",
    )?;
    wait_exact(&staff, "#ballot-state", "未开始")?;
    // 9 signed in of 8 expected: the error beside the field, nothing recorded.
    type_into(&staff, "#f-attended", "9")?;
    click(&staff, "#attendance-save")?;
    wait_exact(&staff, "#err-attended", "实到人数应为1到8的整数，现为9")?;
    wait_exact(&staff, "#ballot-attended", "未填写")?;
    // All 8 signed in (one of them will not vote).
    type_into(&staff, "#f-attended", "8")?;
    click(&staff, "#attendance-save")?;
    wait_exact(&staff, "#ballot-attended", "8")?;
    staff.execute(say_yes, vec![])?;
    click(&staff, "#ballot-open")?;
    staff.wait_for_text("#ballot-state", "投票中")?;
    let screen = staff.find("#ballot-screen")?.attr("href")?;
    let to_screen = format!("{at}/screen");
    ensure!(
        screen.is_some_and(|h| h.ends_with(&to_screen)),
        "the screen link"
    );
    staff.goto(&format!("{base}{at}/screen"))?;
    wait_exact(&staff, "#screen-cast", "0")?;
    wait_exact(&staff, "#screen-issued", "8")?;
    // Gone if the screen reloads: it must update in place.
    staff.execute("window.stayed = true;", vec![])?;

    let phone = Driver::start()?;
    phone.set_window_size(360, 740)?;
    let mut unused = slips.clone();
    let mut used = Vec::new();
    for (i, voter) in VOTERS.iter().enumerate() {
        let at = unused
            .iter()
            .position(|s| s.1 == voter.group)
            .context("a code of the group")?;
        let (code, _) = unused.remove(at);
        vote(&phone, base, &code, voter, i == 0).with_context(|| format!("voter {i}"))?;
        used.push(code);
    }
    open_code(&phone, base, &used[0])?;
    phone.wait_for_text("#vote-status", "该票码已投票")?;
    ensure!(
        phone.find("#vote-form")?.attr("hidden")?.is_some(),
        "no form"
    );
    drop(phone);

    // The screen polls every 2 s.
    wait_exact(&staff, "#screen-cast", "7")?;
    wait_exact(&staff, "#screen-issued", "8")?;
    for (g, cast, rate) in [(0, "3", "100%"), (1, "4", "80%")] {
        let row = format!("#screen-groups tr[data-group=\"{g}\"]");
        wait_exact(&staff, &format!("{row} .g-cast"), cast)?;
        wait_exact(&staff, &format!("{row} .g-rate"), rate)?;
    }
    let stayed = staff.execute("return window.stayed === true;", vec![])?;
    ensure!(stayed == Value::Bool(true), "the screen was reloaded");

    // Close: the button asks first; say yes.
    staff.goto(&format!("{base}{at}"))?;
    staff.execute("window.confirm = () => true;", vec![])?;
    click(&staff, "#ballot-close")?;
    staff.wait_for_text("#ballot-state", "已结束")?;
    click(&staff, "#ballot-result")?;
    wait_exact(&staff, "#result-cast", "7")?;
    wait_exact(&staff, "#result-expected", "8")?;
    wait_exact(&staff, "#result-attended", "8")?;
    wait_exact(&staff, "#result-basis", "得票率和达到比例均以实到人数8人计")?;
    let groups = rows(&staff, "#result-groups tbody tr")?;
    ensure!(
        groups == [["班子成员", "40%", "3", "3"], ["中层干部", "60%", "5", "4"]],
        "{groups:?}"
    );
    for q in ["#q-1", "#q-2"] {
        wait_exact(&staff, &format!("{q} .q-valid"), "7")?;
        wait_exact(&staff, &format!("{q} .q-invalid"), "0")?;
    }
    // 张伟 5, 李娜 4, 王强 3 votes in 7 ballots, of 8 present (实到, R-SEL-2); shares are of
    // 8: 62.50%, 50.00%, 37.50%; passing is more than half of 8: 张伟 only (2 × 5 > 8), 李娜
    // is exactly half (2 × 4 = 8). Over the 7 ballots cast 李娜 would have passed.
    let recommend = rows(&staff, "#q-1 tbody tr")?;
    ensure!(
        recommend
            == [
                ["1", "张伟", "5", "62.50%", "是"],
                ["2", "李娜", "4", "50.00%", ""],
                ["3", "王强", "3", "37.50%", ""],
            ],
        "{recommend:?}"
    );
    // Columns: 优秀 称职 基本称职 不称职, unmarked, score (grade values 100/80/60/0).
    // 张伟: 班子成员 100, 80, 80 → 260/3; 中层干部 100, 100, 80, 60 → 85;
    //   (40 × 260/3 + 60 × 85) / 100 = 25700/300 = 85.666… → 85.67 (half up).
    // 李娜: 班子成员 80, 60, 80 → 220/3; 中层干部 100, 0, 80 (one unmarked) → 60;
    //   (40 × 220/3 + 60 × 60) / 100 = 19600/300 = 65.333… → 65.33.
    let rating = rows(&staff, "#q-2 tbody tr")?;
    ensure!(
        rating
            == [
                ["张伟", "3", "3", "1", "0", "0", "85.67"],
                ["李娜", "1", "3", "1", "1", "1", "65.33"],
            ],
        "{rating:?}"
    );
    Ok(())
}

#[test]
fn a_meeting_run_end_to_end_with_many_phones() {
    if !browser_or_skip() {
        return;
    }
    let rt = server_runtime();
    let app = rt.block_on(async {
        let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
        seed_users(&app.db.store, None).await;
        app
    });
    if let Err(e) = meeting(&app.base) {
        panic!("{e:#}");
    }
    drop(rt);
}
