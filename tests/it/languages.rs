//! Issue 13, as it will be checked: the whole UI of the demo city in each language. A
//! reader signs in as each kind of user, follows every link of every page, and no page has
//! a missing text or a leftover placeholder; in English no Chinese is left on a page but
//! the city's own data (names of units, people, posts, 简历 lines …), which is never
//! translated.

use crate::helpers::{Backend, Client, TestApp};
use crate::http::blocking;
use banzi_store::NewUser;
use std::collections::{BTreeSet, VecDeque};

const PASSWORD: &str = "Banzi2026demo";

/// Every text of the demo city a page may show as it is.
fn city_data() -> String {
    let c = banzi::demo::city();
    let r = &c.roster;
    let mut out: Vec<String> = Vec::new();
    for u in &r.units {
        let u = &u.value;
        out.extend([u.name.clone(), u.category.clone(), u.platform.clone()]);
    }
    for p in &r.posts {
        let p = &p.value;
        out.extend([p.title.clone(), p.team.clone()]);
    }
    for x in &r.cadres {
        let x = &x.value;
        out.extend([
            x.name.clone(),
            x.native_place.clone(),
            x.profession.clone(),
            x.rank.clone(),
            x.ft_school.clone(),
            x.pt_school.clone(),
        ]);
    }
    out.extend(r.appointments.iter().map(|a| a.value.doc_no.clone()));
    out.extend(r.portfolios.iter().map(|p| p.value.work.clone()));
    out.extend(r.trainings.iter().map(|t| t.value.name.clone()));
    out.push(format!("{:?}", c.records));
    // The demo's selection cases (src/demo/selection.rs): what its staff and reviewer typed.
    out.extend(banzi::demo::selection::TEXTS.iter().map(|t| t.to_string()));
    // The demo's 民主推荐 session (src/demo/mod.rs): what staff typed when setting it up.
    out.extend(
        [
            "2026年市财政局副局长人选民主推荐（示范）",
            "班子成员",
            "中层干部",
            "服务对象",
            "推荐副局长人选",
            "现任班子成员测评",
            "领导班子总体评价",
            "江川市财政局领导班子",
        ]
        .map(String::from),
    );
    out.join("\n")
}

/// The text of a page a reader sees: tags, scripts and styles left out.
fn visible(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push('\n');
        let tag = &rest[open..];
        let skip_to = ["<script", "<style"]
            .iter()
            .position(|t| tag.starts_with(t))
            .map(|i| ["</script>", "</style>"][i]);
        let end = match skip_to {
            Some(close) => tag.find(close).map_or(tag.len(), |e| e + close.len()),
            None => tag.find('>').map_or(tag.len(), |e| e + 1),
        };
        rest = &tag[end..];
    }
    out.push_str(rest);
    out
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Runs of Han characters in `text`.
fn han_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut run = String::new();
    for c in text.chars() {
        if is_han(c) {
            run.push(c);
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// The same-site pages a page links to (no downloads, no language switch, no sign-out).
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|h| h.replace("&amp;", "&").replace("&#38;", "&"))
        .filter(|h| h.starts_with('/') && !h.starts_with("//"))
        .filter(|h| {
            !h.starts_with("/static/")
                && !h.starts_with("/lang/")
                && !h.starts_with("/logout")
                && !h.contains(".xlsx")
        })
        .collect()
}

/// Follows links from `/` in `lang`, at most `limit` pages; each page is checked by
/// `check`. Returns the number of pages visited.
fn crawl(c: &mut Client, lang: &str, limit: usize, check: &mut dyn FnMut(&str, &str)) -> usize {
    let session = c.cookie.clone().expect("signed in");
    c.cookie = Some(format!("{session}; banzi_lang={lang}"));
    let mut seen = BTreeSet::new();
    // One page per shape of address: the third cadre's profile reads as the second's.
    let mut shapes = BTreeSet::new();
    let mut todo = VecDeque::from(["/".to_string()]);
    let mut visited = 0;
    while let Some(path) = todo.pop_front() {
        if visited >= limit {
            break;
        }
        // A shape: the path with numbered parts as `#`, and the names of its query's
        // parameters (`/alerts?level`, `/alerts?rule`).
        let (p, query) = path.split_once('?').unwrap_or((&path, ""));
        let mut keys: Vec<&str> = query
            .split('&')
            .filter_map(|kv| kv.split('=').next())
            .collect();
        keys.sort_unstable();
        let shape = format!(
            "{}?{}",
            p.split('/')
                .map(|s| if s.chars().any(|c| c.is_ascii_digit()) {
                    "#"
                } else {
                    s
                })
                .collect::<Vec<_>>()
                .join("/"),
            keys.join("&")
        );
        if !seen.insert(path.clone()) || !shapes.insert(shape) {
            continue;
        }
        let r = c.get(&path);
        visited += 1;
        assert!(
            r.status == 200 || r.status == 303,
            "{lang} {path}: status {}",
            r.status
        );
        if r.status == 303 {
            todo.extend(r.location.filter(|l| l.starts_with('/')));
            continue;
        }
        if !r.content_type.starts_with("text/html") {
            continue;
        }
        check(&path, &r.body);
        todo.extend(links(&r.body));
    }
    c.cookie = Some(session);
    visited
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_of_the_demo_city_reads_in_each_language() {
    let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
    let tr = banzi_i18n::Tr::new(banzi_i18n::Lang::ZhCn);
    banzi::demo::build(&app.db.store, tr).await.expect("demo");
    let hash = banzi_web::hash_password(PASSWORD);
    // The demo's own accounts have the demo password; these three are the same roles.
    for (login, role) in [
        ("t-staff", banzi_domain::role::Role::Staff),
        ("t-sys", banzi_domain::role::Role::SysAdmin),
        ("t-audit", banzi_domain::role::Role::Auditor),
    ] {
        let u = NewUser {
            login: login.into(),
            display_name: String::new(),
            password_hash: hash.clone(),
            role,
            unit_code: None,
        };
        app.db.store.add_account(&u).await.expect("user");
    }
    // Chinese an English page may show: the city's data; what the English catalog itself
    // quotes (the keywords a user types, such as 推荐N人); the switcher's language names,
    // each in its own script.
    let mut data = city_data();
    for (_, src) in banzi_i18n::sources(banzi_i18n::Lang::En) {
        data.push_str(src);
    }
    data.push_str("简体中文 繁體中文");
    // The shipped 国务院办公厅 notices of the working-day calendar (R-SEL-9): their titles
    // and holiday names are official Chinese data, shown as published in every language.
    for y in banzi_domain::calendar::Calendar::shipped().years() {
        data.push_str(&y.source.title);
        for h in &y.holidays {
            data.push_str(&h.name);
        }
    }
    // The audit trail shows a record's stored values as they were written: vocabulary
    // values in Chinese, like the workbook.
    let stored: Vec<&str> = banzi_domain::codes::all_labels();
    // A message shown by its id (a Msg written with `{}` rather than worded) is caught by
    // its id: the ids of the area files, which are not interface keys.
    let ids: BTreeSet<String> = banzi_i18n::sources(banzi_i18n::Lang::ZhCn)
        .iter()
        .filter(|(file, _)| !matches!(*file, "ui" | "labels"))
        .flat_map(|(_, src)| banzi_i18n::ids(src))
        .map(String::from)
        .collect();
    let base = app.base.clone();
    blocking(move || {
        let mut problems = BTreeSet::new();
        // (login, most pages to visit, fewest to find): the administrators have few pages.
        for (login, limit, least) in [("t-staff", 80, 40), ("t-sys", 8, 2), ("t-audit", 8, 2)] {
            let mut c = Client::new(&base);
            assert_eq!(c.login(login, PASSWORD).status, 303, "{login}");
            for lang in ["zh-CN", "zh-TW", "en"] {
                let mut check = |path: &str, html: &str| {
                    let text = visible(html);
                    for bad in ["⟨", "{ $", "{$"] {
                        if text.contains(bad) {
                            let at = text.find(bad).unwrap_or(0);
                            let near: String = text[at..].chars().take(40).collect();
                            problems.insert(format!("{lang} {path}: {near}"));
                        }
                    }
                    for token in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
                        if ids.contains(token) {
                            problems.insert(format!("{lang} {path}: the id {token}"));
                        }
                    }
                    if lang == "en" {
                        for run in han_runs(&text) {
                            let raw = path.starts_with("/audit") && stored.contains(&run.as_str());
                            if !data.contains(&run) && !raw {
                                problems.insert(format!("{lang} {path}: {run}"));
                            }
                        }
                    }
                };
                let n = crawl(&mut c, lang, limit, &mut check);
                assert!(n >= least, "{login} {lang}: only {n} pages");
            }
        }
        assert!(
            problems.is_empty(),
            "{} problems:\n{}",
            problems.len(),
            problems.into_iter().collect::<Vec<_>>().join("\n")
        );
    })
    .await;
}
