//! Every route × every role (R-SEC-1): who may open what, including a unit liaison asking
//! for another unit's rows, and nobody signed in.

use crate::fixture::{self, wang_qiang, zhang_wei};
use crate::helpers::{Backend, Client, PASSWORD, TestApp, seed_users, staff};
use banzi_domain::role::Role;

/// What a role gets: 2xx/3xx (allowed), 403, or 404 (not even told it exists).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    Ok,
    Forbidden,
    NotFound,
}
use Want::*;

/// A write: path, form fields, what the role should get.
type WriteCheck = (String, Vec<(&'static str, String)>, Want);

fn class(status: u16) -> Option<Want> {
    match status {
        200..=399 => Some(Ok),
        403 => Some(Forbidden),
        404 => Some(NotFound),
        _ => None,
    }
}

/// Readers of the registry.
fn reads(r: Role) -> Want {
    if r.reads_registry() { Ok } else { Forbidden }
}

fn only(r: Role, who: &[Role]) -> Want {
    if who.contains(&r) { Ok } else { Forbidden }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_for_every_role() {
    let app = TestApp::spawn(Backend::Sqlite, banzi_web::WebConfig::default()).await;
    let store = app.db.store.clone();
    store
        .import_roster(&staff(), &fixture::roster(), &|_, _, _| {})
        .await
        .expect("fixture");
    seed_users(&store, Some("U1")).await;
    let zw = zhang_wei();
    let wq = wang_qiang();
    let wq_p3 = store
        .cadre(&staff(), &wq, banzi_store::today())
        .await
        .expect("wq")
        .appointments[0]
        .id;
    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0, 1];
    store
        .set_photo(&staff(), &zw, "image/jpeg", JPEG, banzi_store::today())
        .await
        .expect("photo");
    let zw_raw = store
        .cadre(&staff(), &zw, banzi_store::today())
        .await
        .expect("zw")
        .cadre
        .to_raw();
    let workbook = banzi_io::write_roster(&fixture::roster(), &|_| {}).expect("workbook");
    let base = app.base.clone();
    let failures = tokio::task::spawn_blocking(move || {
        let mut failures = Vec::new();
        // Staff last: its writes must not change what the others are checked against.
        let order = [
            Role::Leader,
            Role::Liaison,
            Role::Discipline,
            Role::SysAdmin,
            Role::SecAdmin,
            Role::Auditor,
            Role::Staff,
        ];
        for role in order {
            let mut c = Client::new(&base);
            let r = c.login(role.as_str(), PASSWORD);
            assert_eq!(r.status, 303, "{role:?} signs in");
            let liaison = role == Role::Liaison;
            let gets: Vec<(String, Want)> = vec![
                ("/units".into(), reads(role)),
                ("/units/U1".into(), reads(role)),
                (
                    "/units/U2".into(),
                    if liaison { NotFound } else { reads(role) },
                ),
                ("/units/new".into(), only(role, &[Role::Staff])),
                ("/units/U1/edit".into(), only(role, &[Role::Staff])),
                ("/units/U1/posts/new".into(), only(role, &[Role::Staff])),
                ("/cadres".into(), reads(role)),
                ("/cadres?q=zw".into(), reads(role)),
                ("/cadres/new".into(), only(role, &[Role::Staff])),
                (format!("/cadres/{zw}"), reads(role)),
                (
                    format!("/cadres/{wq}"),
                    if liaison { NotFound } else { reads(role) },
                ),
                (
                    format!("/cadres/{zw}/edit"),
                    only(role, &[Role::Staff, Role::Liaison]),
                ),
                (
                    format!("/cadres/{wq}/edit"),
                    if liaison {
                        NotFound
                    } else {
                        only(role, &[Role::Staff])
                    },
                ),
                (
                    format!("/cadres/{zw}/appoint"),
                    if liaison {
                        Forbidden
                    } else {
                        only(role, &[Role::Staff])
                    },
                ),
                ("/roster".into(), only(role, &[Role::Staff])),
                ("/roster/template.xlsx".into(), only(role, &[Role::Staff])),
                ("/roster/export.xlsx".into(), only(role, &[Role::Staff])),
                ("/audit".into(), only(role, &[Role::Auditor])),
                (
                    "/admin/users".into(),
                    only(role, &[Role::SysAdmin, Role::SecAdmin]),
                ),
            ];
            for (path, want) in gets {
                let got = c.get(&path).status;
                if class(got) != Some(want) {
                    failures.push(format!("{role:?} GET {path}: got {got}, want {want:?}"));
                }
            }
            let posts: Vec<WriteCheck> = vec![
                (
                    "/units".into(),
                    vec![
                        ("code", format!("N{}", role.as_str())),
                        ("name", "新单位".into()),
                        ("category", "市直单位".into()),
                        ("system", "其他".into()),
                    ],
                    only(role, &[Role::Staff]),
                ),
                (
                    format!("/cadres/{zw}/records"),
                    vec![
                        ("kind", "rating".into()),
                        ("a", "2025".into()),
                        ("b", "称职".into()),
                    ],
                    only(role, &[Role::Staff, Role::Liaison]),
                ),
                (
                    format!("/cadres/{wq}/records"),
                    vec![
                        ("kind", "rating".into()),
                        ("a", "2025".into()),
                        ("b", "称职".into()),
                    ],
                    if liaison {
                        NotFound
                    } else {
                        only(role, &[Role::Staff])
                    },
                ),
                (
                    format!("/appointments/{wq_p3}/end"),
                    vec![("end", "2026-11-20".into()), ("doc_no", String::new())],
                    only(role, &[Role::Staff]),
                ),
                (
                    "/admin/users".into(),
                    vec![
                        ("login", format!("new{}", role.as_str())),
                        ("role", "leader".into()),
                        ("password", "Abcdefgh12345".into()),
                    ],
                    only(role, &[Role::SysAdmin]),
                ),
                (
                    "/admin/users/leader/unlock".into(),
                    vec![],
                    only(role, &[Role::SecAdmin]),
                ),
            ];
            for (path, fields, want) in posts {
                let fields: Vec<(&str, &str)> =
                    fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let got = c.post(&path, &fields).status;
                if class(got) != Some(want) {
                    failures.push(format!("{role:?} POST {path}: got {got}, want {want:?}"));
                }
            }
            let photo = c
                .upload(&format!("/cadres/{zw}/photo"), "photo", "p.jpg", JPEG)
                .status;
            if class(photo) != Some(only(role, &[Role::Staff, Role::Liaison])) {
                failures.push(format!("{role:?} POST photo: got {photo}"));
            }
            let import = c
                .upload("/roster/import", "file", "r.xlsx", &workbook)
                .status;
            if class(import) != Some(only(role, &[Role::Staff])) {
                failures.push(format!("{role:?} POST /roster/import: got {import}"));
            }
            let out = c.post("/logout", &[]);
            if out.status != 303 || c.get("/units").status != 303 {
                failures.push(format!(
                    "{role:?} POST /logout: got {}; the session must end",
                    out.status
                ));
            }
        }
        // Nobody signed in: pages send to the login page, writes are refused.
        let mut anon = Client::new(&base);
        for path in [
            "/units",
            "/cadres",
            "/audit",
            "/admin/users",
            "/roster/export.xlsx",
        ] {
            let r = anon.get(path);
            if r.status != 303 || !r.location.as_deref().unwrap_or("").starts_with("/login") {
                failures.push(format!(
                    "anonymous GET {path}: got {} {:?}",
                    r.status, r.location
                ));
            }
        }
        let r = anon.post("/units", &[("code", "X")]);
        if r.status != 401 {
            failures.push(format!("anonymous POST /units: got {}", r.status));
        }
        failures
    })
    .await
    .expect("matrix");
    assert!(
        failures.is_empty(),
        "authorization mismatches:\n{}",
        failures.join("\n")
    );
    // The forbidden writes changed nothing: only staff's unit exists.
    let units = store.units(&staff()).await.expect("units");
    let created: Vec<_> = units
        .iter()
        .filter(|u| u.code.starts_with('N'))
        .map(|u| u.code.as_str())
        .collect();
    assert_eq!(created, ["Nstaff"]);
}
