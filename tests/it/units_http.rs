//! The unit tree a level at a time, its search, and the type-ahead pickers of every unit and
//! post field (issue 18, item 1), through HTTP on SQLite and PostgreSQL: a node's children
//! come when it is opened, with their counts, a page of them at a time; a unit is found by a
//! part of its name, its pinyin or initials, or its code; a liaison finds its own unit only
//! (R-SEC-1); and no page with a unit filter lists the registry's units.

use crate::fixture::{self, zhao_min};
use crate::helpers::{Backend, Client, PASSWORD, TestApp, cadre_ref, seed_users, staff};
use crate::http::blocking;
use banzi_domain::roster::Roster;

/// Under 市教育局 (U2): 250 schools, 教育分局001 … 教育分局250 (U2-001 …).
const SCHOOLS: usize = 250;

pub(crate) async fn app(backend: Backend) -> TestApp {
    let mut roster: Roster = fixture::roster();
    for n in 1..=SCHOOLS {
        roster.units.push(banzi_domain::roster::Located {
            row: roster.units.len() as u32 + 2,
            value: fixture::unit(
                &format!("U2-{n:03}"),
                &format!("教育分局{n:03}"),
                "U2",
                "企事业单位",
                "",
                "否",
            ),
        });
    }
    let app = TestApp::spawn(backend, banzi_web::WebConfig::default()).await;
    app.db
        .store
        .import_roster(&staff(), &roster, &|_, _, _| {})
        .await
        .expect("fixture");
    seed_users(&app.db.store, Some("U1")).await;
    app
}

/// A query value percent-encoded.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The codes of the tree nodes (`<li class="unit-node" data-code=…>`) of a page or fragment.
fn nodes(body: &str) -> Vec<String> {
    body.split("class=\"unit-node\" data-code=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_string)
        .collect()
}

/// The codes a picker answered, and whether it said there were more.
fn picked(body: &str) -> (Vec<String>, bool) {
    let v: serde_json::Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    let codes = v["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["code"].as_str().expect("code").to_string())
        .collect();
    (codes, v["more"].as_bool().expect("more"))
}

async fn the_tree_opens_level_by_level_and_finds_units_by_name_pinyin_or_code(backend: Backend) {
    let app = app(backend).await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        // The roots only, with how many units are under each.
        let page = c.get("/units");
        assert_eq!(page.status, 200);
        assert_eq!(nodes(&page.body), ["C"]);
        assert!(page.body.contains("下级 2 个"), "{}", page.body);
        assert!(!page.body.contains("市财政局"));
        // Opening 江川市委 fetches its two units; 市教育局 has 250 under it, 职数 shown.
        let level = c.get("/unit-tree?parent=C");
        assert_eq!(level.status, 200);
        assert_eq!(nodes(&level.body), ["U1", "U2"]);
        assert!(level.body.contains("下级 250 个"), "{}", level.body);
        assert!(level.body.contains("职数 3"), "{}", level.body);
        // A page of 100 at a time, in the registry's order, the rest behind "more".
        let first = c.get("/unit-tree?parent=U2");
        let codes = nodes(&first.body);
        assert_eq!(codes.len(), 100);
        assert_eq!(
            (codes[0].as_str(), codes[99].as_str()),
            ("U2-001", "U2-100")
        );
        assert!(first.body.contains("还有 150 个"), "{}", first.body);
        // "More" asks for the part after the last unit shown, saying how many are left.
        assert!(
            first
                .body
                .contains("/unit-tree?parent=U2&#38;after=U2-100&#38;left=150"),
            "{}",
            first.body
        );
        let second = c.get("/unit-tree?parent=U2&after=U2-100&left=150");
        let codes = nodes(&second.body);
        assert_eq!((codes.len(), codes[0].as_str()), (100, "U2-101"));
        assert!(second.body.contains("还有 50 个"), "{}", second.body);
        assert!(second.body.contains("after=U2-200&#38;left=50"));
        let last = c.get("/unit-tree?parent=U2&after=U2-200&left=50");
        let codes = nodes(&last.body);
        assert_eq!((codes.len(), codes[0].as_str()), (50, "U2-201"));
        assert!(!last.body.contains("还有"));
        // A link without the count left counts it; one after no such unit lists none.
        let counted = c.get("/unit-tree?parent=U2&after=U2-150");
        assert_eq!(nodes(&counted.body).len(), 100);
        assert!(!counted.body.contains("还有"), "{}", counted.body);
        let counted = c.get("/unit-tree?parent=U2&after=U2-050");
        assert!(counted.body.contains("还有 100 个"), "{}", counted.body);
        let none = c.get("/unit-tree?parent=U2&after=NOSUCH");
        assert_eq!((none.status, nodes(&none.body).len()), (200, 0));
        // The search: a part of the name, the initials or pinyin of a part, the code's start.
        for (q, want) in [
            ("财政", "U1"),
            ("czj", "U1"),
            ("caizheng", "U1"),
            ("shi jiao", "U2"),
            ("u1", "U1"),
        ] {
            let found = c.get(&format!("/units?q={}", enc(q)));
            assert_eq!(found.status, 200);
            assert!(
                found.body.contains(&format!("<tr data-code=\"{want}\">")),
                "{q}: {}",
                found.body
            );
        }
        let none = c.get(&format!("/units?q={}", enc("税务")));
        assert!(none.body.contains("没有找到单位"), "{}", none.body);
        // The picker: JSON, a dozen at most, and says when there are more.
        let (codes, more) = picked(&c.get("/unit-pick?q=czj").body);
        assert_eq!((codes, more), (vec!["U1".to_string()], false));
        let (codes, more) = picked(&c.get(&format!("/unit-pick?q={}", enc("分局2"))).body);
        assert_eq!(codes.len(), 12);
        assert!(more);
        assert!(codes.iter().all(|c| c.starts_with("U2-2")), "{codes:?}");
        // Posts: the unit's name and a word of the title, or the post's code.
        let (codes, _) = picked(&c.get(&format!("/post-pick?q={}", enc("财政 副"))).body);
        assert_eq!(codes, ["P2"]);
        let (codes, _) = picked(&c.get("/post-pick?q=p3").body);
        assert_eq!(codes, ["P3"]);
    })
    .await;
    // A renamed unit is found by its new name only: its keys were written with it.
    let mut u = fixture::unit("U1", "市税务局", "C", "市直单位", "其他", "否");
    u.platform = "综合经济".into();
    app.db.store.save_unit(&staff(), &u).await.expect("rename");
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        assert_eq!(picked(&c.get("/unit-pick?q=swj").body).0, ["U1"]);
        assert!(picked(&c.get("/unit-pick?q=czj").body).0.is_empty());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tree_opens_level_by_level_and_finds_units_on_sqlite() {
    the_tree_opens_level_by_level_and_finds_units_by_name_pinyin_or_code(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tree_opens_level_by_level_and_finds_units_on_postgres() {
    the_tree_opens_level_by_level_and_finds_units_by_name_pinyin_or_code(Backend::Pg).await;
}

async fn a_liaison_finds_its_own_unit_only(backend: Backend) {
    let app = app(backend).await;
    let base = app.base.clone();
    blocking(move || {
        let mut l = Client::new(&base);
        l.login("liaison", PASSWORD);
        assert_eq!(nodes(&l.get("/units").body), ["U1"]);
        // Under 江川市委 it sees its own unit, never another.
        assert_eq!(nodes(&l.get("/unit-tree?parent=C").body), ["U1"]);
        assert!(nodes(&l.get("/unit-tree?parent=U2").body).is_empty());
        assert_eq!(picked(&l.get("/unit-pick?q=czj").body).0, ["U1"]);
        assert!(
            picked(&l.get(&format!("/unit-pick?q={}", enc("教育"))).body)
                .0
                .is_empty()
        );
        let (posts, _) = picked(&l.get(&format!("/post-pick?q={}", enc("局长"))).body);
        assert_eq!(posts, ["P1", "P2"]);
        let found = l.get(&format!("/units?q={}", enc("教育")));
        assert!(found.body.contains("没有找到单位"), "{}", found.body);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_liaison_finds_its_own_unit_only_on_sqlite() {
    a_liaison_finds_its_own_unit_only(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_liaison_finds_its_own_unit_only_on_postgres() {
    a_liaison_finds_its_own_unit_only(Backend::Pg).await;
}

/// Every page with a unit or post field: none lists the registry's units or posts (the
/// 250th school is in none of them), each offers the type-ahead instead.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_with_a_unit_or_post_field_stays_small() {
    let app = app(Backend::Sqlite).await;
    let zm = cadre_ref(&app.db.store, &zhao_min()).await;
    let base = app.base.clone();
    blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        for path in [
            "/units".to_string(),
            "/cadres".into(),
            "/alerts".into(),
            "/mingce".into(),
            "/datacheck".into(),
            "/selection".into(),
            "/units/new".into(),
            "/units/U1/edit".into(),
            format!("/cadres/{zm}/appoint"),
        ] {
            let page = c.get(&path);
            assert_eq!(page.status, 200, "{path}");
            assert!(
                !page.body.contains("教育分局250"),
                "{path} lists every unit"
            );
            assert!(
                page.body.contains("data-unit-picker")
                    || path == "/units"
                    || path.ends_with("/appoint"),
                "{path}"
            );
        }
        // A unit chosen in a filter is named, not only coded.
        let chosen = c.get("/alerts?unit=U2-250");
        assert!(
            chosen.body.contains("value=\"教育分局250\""),
            "{}",
            chosen.body
        );
    })
    .await;
}
