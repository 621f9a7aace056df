//! What every answer tells the browser (issue 14, item 14): the content security policy,
//! no framing, no sniffing, no caching of pages and exports; and the templates hold nothing
//! that policy would stop (inline scripts, handlers, styles).

use crate::fixture;
use crate::helpers::{Client, PASSWORD};
use crate::http::{app, blocking};

/// The headers of a GET of `path` with `c`'s session.
fn headers(c: &Client, path: &str) -> (u16, ureq::http::HeaderMap) {
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .new_agent();
    let mut req = agent.get(format!("{}{path}", c.base));
    if let Some(cookie) = &c.cookie {
        req = req.header("cookie", cookie);
    }
    let r = req.call().expect("answer");
    (r.status().as_u16(), r.headers().clone())
}

fn header<'a>(h: &'a ureq::http::HeaderMap, name: &str) -> &'a str {
    h.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_and_export_sends_the_policy_and_is_not_cached() {
    let app = app().await;
    let zwr = crate::helpers::cadre_ref(&app.db.store, &fixture::zhang_wei()).await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        let anonymous = [
            ("/login", 200),
            ("/nowhere", 303),
            ("/static/nowhere.js", 404),
        ];
        for (path, want) in anonymous {
            let (status, h) = headers(&c, path);
            assert_eq!(status, want, "{path}");
            check(path, &h, true);
        }
        c.login("staff", PASSWORD);
        let pages = [
            "/units".to_string(),
            "/units/U1".into(),
            "/cadres".into(),
            "/mingce".into(),
            format!("/cadres/{zwr}"),
            format!("/cadres/{zwr}/appoint"),
            "/roster".into(),
            "/roster/export.xlsx".into(),
            "/roster/template.xlsx".into(),
            "/analysis".into(),
            "/alerts".into(),
            "/alerts/export.xlsx".into(),
            "/ballots".into(),
            "/nowhere".into(),
        ];
        for path in &pages {
            let (status, h) = headers(&c, path);
            assert!(status == 200 || status == 404, "{path}: {status}");
            check(path, &h, true);
        }
        // The embedded scripts and styles may be cached; they still say what they are.
        let (status, h) = headers(&c, "/static/banzi.js");
        assert_eq!(status, 200);
        check("/static/banzi.js", &h, false);
        assert!(header(&h, "cache-control").starts_with("public"));
        // The voters' page keeps its own, stricter policy.
        let (_, h) = headers(&c, "/v");
        assert!(header(&h, "content-security-policy").contains("form-action 'none'"));
        check("/v", &h, true);
    })
    .await;
}

fn check(path: &str, h: &ureq::http::HeaderMap, no_store: bool) {
    let csp = header(h, "content-security-policy");
    for part in [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ] {
        assert!(csp.contains(part), "{path}: {part} not in {csp:?}");
    }
    assert!(!csp.contains("unsafe"), "{path}: {csp}");
    assert_eq!(header(h, "x-frame-options"), "DENY", "{path}");
    assert_eq!(header(h, "x-content-type-options"), "nosniff", "{path}");
    if no_store {
        assert!(
            header(h, "cache-control").contains("no-store"),
            "{path}: {:?}",
            header(h, "cache-control")
        );
    }
}

/// Every template, by name and text.
fn templates() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/crates/banzi-web/templates");
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .expect("templates")
        .map(|e| {
            let p = e.expect("entry").path();
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read_to_string(&p).expect("read"),
            )
        })
        .collect();
    all.sort();
    all
}

#[test]
fn no_template_holds_what_the_policy_stops() {
    let mut found = Vec::new();
    for (name, text) in templates() {
        let lower = text.to_ascii_lowercase();
        // Scripts from files only (a JSON data block is not run).
        for (i, _) in lower.match_indices("<script") {
            let tag = &lower[i..i + lower[i..].find('>').unwrap_or(0)];
            if !tag.contains(" src=") && !tag.contains("type=\"application/json\"") {
                found.push(format!("{name}: inline script"));
            }
        }
        if lower.contains("<style") {
            found.push(format!("{name}: <style>"));
        }
        if lower.contains(" style=") {
            found.push(format!("{name}: style attribute"));
        }
        if lower.contains("javascript:") {
            found.push(format!("{name}: javascript: URL"));
        }
        // onclick=, onsubmit= … and htmx's hx-on (both run text as script).
        for (i, _) in lower.match_indices(" on") {
            let word: String = lower[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            if word.len() > 2 && lower[i + 1 + word.len()..].starts_with('=') {
                found.push(format!("{name}: {word}= handler"));
            }
        }
        if lower.contains("hx-on") || lower.contains("js:") {
            found.push(format!("{name}: htmx script"));
        }
        // An htmx trigger filter `[…]` is evaluated as script.
        if lower.contains("hx-trigger=\"")
            && lower
                .split("hx-trigger=\"")
                .skip(1)
                .any(|t| t.split('"').next().is_some_and(|v| v.contains('[')))
        {
            found.push(format!("{name}: hx-trigger filter"));
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_pages_refuse_a_file_over_the_servers_bound_before_sending_it() {
    let all = templates();
    let text = |n: &str| all.iter().find(|(name, _)| name == n).expect(n).1.clone();
    assert!(text("roster.html").contains(&format!(
        "data-max-bytes=\"{}\"",
        banzi_io::roster_read::MAX_INPUT_BYTES
    )));
    assert!(text("profile.html").contains(&format!("data-max-bytes=\"{}\"", 2 * 1024 * 1024)));
    // htmx shows a refusal (4xx) where the answer goes, and evaluates nothing.
    let base = text("base.html");
    assert!(base.contains(r#"{"code": "[45]..", "swap": true, "error": true}"#));
    assert!(base.contains(r#""allowEval": false"#));
}
