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

/// A redirect to the sign-in page is not "allowed": the session was lost, and a test that
/// counted it so would pass with every page refused.
fn class(r: &crate::helpers::Resp) -> Option<Want> {
    let to_login = r
        .location
        .as_deref()
        .is_some_and(|l| l.starts_with("/login"));
    match r.status {
        300..=399 if to_login => None,
        200..=399 => Some(Ok),
        403 => Some(Forbidden),
        404 => Some(NotFound),
        _ => None,
    }
}

/// Who sees selection cases: staff, leaders and the 纪检监察 reviewer (issue 17).
fn cases(r: Role) -> Want {
    only(r, &[Role::Staff, Role::Leader, Role::Discipline])
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
    // The pages address a cadre by row id, never by ID number.
    let zwr = crate::helpers::cadre_ref(&store, &zw).await;
    let wqr = crate::helpers::cadre_ref(&store, &wq).await;
    let wq_p3 = store
        .cadre(&staff(), &wq, banzi_store::today())
        .await
        .expect("wq")
        .appointments[0]
        .id;
    // A whole JPEG: a photo is checked in full before it is stored.
    let jpeg = banzi_io::photo::tiny_jpeg();
    store
        .set_photo(&staff(), &zw, "image/jpeg", &jpeg, banzi_store::today())
        .await
        .expect("photo");
    let zw_raw = store
        .cadre(&staff(), &zw, banzi_store::today())
        .await
        .expect("zw")
        .cadre
        .to_raw();
    // A selection case whose 考察对象 (赵敏) awaits the 廉政意见 (issue 17).
    let case = {
        let s = staff();
        let id = store
            .open_selection_case(&s, &crate::conformance::selection::opening("2026-08-01"))
            .await
            .expect("case");
        let zhao = crate::helpers::cadre_ref(&store, &fixture::zhao_min()).await;
        for input in crate::conformance::selection::to_shortlist(zhao) {
            store.selection_command(&s, id, input).await.expect("step");
        }
        (id, zhao)
    };
    let workbook = banzi_io::write_roster(&fixture::roster(), &|_| {}).expect("workbook");
    let lrmx_file = banzi_io::lrmx::write_lrmx(&crate::conformance::lrmx::lrmx_gen::zhou());
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
                // The tree a level at a time, its search and the pickers (issue 18): registry
                // readers, a liaison its own unit (tests/it/units_http.rs checks the content).
                ("/units?q=czj".into(), reads(role)),
                ("/unit-tree?parent=C".into(), reads(role)),
                ("/unit-tree?parent=C&after=U1&left=1".into(), reads(role)),
                ("/unit-pick?q=czj".into(), reads(role)),
                ("/post-pick?q=p1".into(), reads(role)),
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
                (format!("/cadres/{zwr}"), reads(role)),
                (
                    format!("/cadres/{wqr}"),
                    if liaison { NotFound } else { reads(role) },
                ),
                (
                    format!("/cadres/{zwr}/edit"),
                    only(role, &[Role::Staff, Role::Liaison]),
                ),
                (
                    format!("/cadres/{wqr}/edit"),
                    if liaison {
                        NotFound
                    } else {
                        only(role, &[Role::Staff])
                    },
                ),
                (
                    format!("/cadres/{zwr}/appoint"),
                    if liaison {
                        Forbidden
                    } else {
                        only(role, &[Role::Staff])
                    },
                ),
                ("/roster".into(), only(role, &[Role::Staff])),
                ("/roster/template.xlsx".into(), only(role, &[Role::Staff])),
                ("/roster/export.xlsx".into(), only(role, &[Role::Staff])),
                (
                    "/roster/import/progress?ticket=x".into(),
                    only(role, &[Role::Staff]),
                ),
                ("/audit".into(), only(role, &[Role::Auditor])),
                ("/audit/1".into(), only(role, &[Role::Auditor])),
                (
                    "/admin/users".into(),
                    only(role, &[Role::SysAdmin, Role::SecAdmin]),
                ),
                (format!("/cadres/{zwr}/photo"), reads(role)),
                (
                    format!("/cadres/{wqr}/photo"),
                    if role.reads_registry() {
                        NotFound
                    } else {
                        Forbidden
                    },
                ),
                ("/lang/en?back=/".into(), Ok),
                ("/lang/zh-CN?back=/".into(), Ok),
                // Structure analysis and alerts: registry readers (a liaison its own unit).
                ("/analysis".into(), reads(role)),
                ("/analysis?as_of=2026-06-01".into(), reads(role)),
                ("/analysis/teams?light=red".into(), reads(role)),
                ("/analysis/team?unit=U1".into(), reads(role)),
                (
                    "/analysis/team?unit=U2".into(),
                    if liaison { NotFound } else { reads(role) },
                ),
                ("/analysis/params".into(), reads(role)),
                // 工作日历 (R-SEL-9): every role that reads anything views it.
                ("/calendar".into(), Ok),
                ("/alerts".into(), reads(role)),
                ("/alerts?rule=R-EXCH-1&unit=U2&page=2".into(), reads(role)),
                ("/alerts/export.xlsx?level=notice".into(), reads(role)),
                // The data check: registry readers (a liaison its own unit, by the store).
                ("/datacheck".into(), reads(role)),
                (
                    "/datacheck?unit=U2&check=missing-for-print".into(),
                    reads(role),
                ),
                ("/datacheck/export.xlsx".into(), reads(role)),
                // 名册: registry readers (a liaison its own unit, by the store).
                ("/mingce".into(), reads(role)),
                ("/mingce?unit=U2&col=name&col=age".into(), reads(role)),
                // 选任: staff, leaders and the 纪检监察 reviewer; never a liaison.
                ("/selection".into(), cases(role)),
                ("/selection/queue".into(), cases(role)),
                (format!("/selection/{}", case.0), cases(role)),
                (format!("/selection/{}/record.xlsx", case.0), cases(role)),
                (format!("/selection/{}/record.pdf", case.0), cases(role)),
                (format!("/selection/{}/competition", case.0), cases(role)),
                (
                    format!("/selection/{}/competition/notices.pdf", case.0),
                    only(role, &[Role::Staff]),
                ),
            ];
            for (path, want) in gets {
                let r = c.get(&path);
                let got = r.status;
                if class(&r) != Some(want) {
                    failures.push(format!("{role:?} GET {path}: got {got}, want {want:?}"));
                }
            }
            let posts: Vec<WriteCheck> = vec![
                // 名册: listed and exported by readers; templates saved by staff.
                (
                    "/mingce".into(),
                    vec![("action", "show".into()), ("col", "name".into())],
                    reads(role),
                ),
                (
                    "/mingce".into(),
                    vec![
                        ("action", "save".into()),
                        ("name", format!("模板{}", role.as_str())),
                        ("col", "name".into()),
                    ],
                    only(role, &[Role::Staff]),
                ),
                (
                    "/mingce/export.xlsx".into(),
                    vec![("unit", "U2".into()), ("col", "name".into())],
                    reads(role),
                ),
                (
                    "/mingce/print.pdf".into(),
                    vec![("unit", "U2".into()), ("col", "name".into())],
                    reads(role),
                ),
                // The search form posts (an ID number stays out of the address).
                (
                    "/cadres/search".into(),
                    vec![("q", "zw".into())],
                    reads(role),
                ),
                (
                    "/cadres/export.xlsx".into(),
                    vec![("q", "zw".into())],
                    reads(role),
                ),
                // The printed 干部任免审批表: registry readers, a liaison its own unit.
                (
                    format!("/cadres/{zwr}/form.pdf"),
                    vec![("as_of", "2026-12-01".into())],
                    reads(role),
                ),
                (
                    format!("/cadres/{wqr}/form.pdf"),
                    vec![],
                    if liaison { NotFound } else { reads(role) },
                ),
                (
                    "/forms.pdf".into(),
                    vec![("team", "U1".into())],
                    reads(role),
                ),
                (
                    "/forms.pdf".into(),
                    vec![("team", "U2".into())],
                    if liaison { NotFound } else { reads(role) },
                ),
                (
                    "/forms.pdf".into(),
                    vec![("id", wqr.to_string())],
                    if liaison { NotFound } else { reads(role) },
                ),
                // 任免审批表 files (issue 16): a liaison's own unit only.
                (format!("/cadres/{zwr}/form.lrmx"), vec![], reads(role)),
                (
                    format!("/cadres/{wqr}/form.lrmx"),
                    vec![],
                    if liaison { NotFound } else { reads(role) },
                ),
                (
                    "/lrmx/export.zip".into(),
                    vec![("team", "U1".into())],
                    reads(role),
                ),
                (
                    "/cadres/forms.zip".into(),
                    vec![("q", String::new())],
                    reads(role),
                ),
                (
                    "/lrmx/export.zip".into(),
                    vec![("team", "U2".into())],
                    if liaison { NotFound } else { reads(role) },
                ),
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
                    format!("/cadres/{zwr}/records"),
                    vec![
                        ("kind", "rating".into()),
                        ("a", "2025".into()),
                        ("b", "称职".into()),
                    ],
                    only(role, &[Role::Staff, Role::Liaison]),
                ),
                (
                    format!("/cadres/{wqr}/records"),
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
                    format!("/cadres/{zwr}/records/rating/2025/remove"),
                    vec![],
                    only(role, &[Role::Staff, Role::Liaison]),
                ),
                (
                    format!("/cadres/{wqr}/records/rating/2025/remove"),
                    vec![],
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
                (
                    "/admin/users/leader/active".into(),
                    vec![("active", "1".into())],
                    only(role, &[Role::SysAdmin]),
                ),
                (
                    "/units/U1".into(),
                    vec![
                        ("name", "市财政局".into()),
                        ("parent_code", "C".into()),
                        ("category", "市直单位".into()),
                        ("platform", "综合经济".into()),
                        ("system", "其他".into()),
                        ("non_cpc_required", "否".into()),
                    ],
                    only(role, &[Role::Staff]),
                ),
                (
                    "/units/U1/posts".into(),
                    vec![
                        ("code", format!("NP{}", role.as_str())),
                        ("title", "副局长".into()),
                        ("kind", "副职".into()),
                        ("seats", "1".into()),
                    ],
                    only(role, &[Role::Staff]),
                ),
                (
                    "/cadres".into(),
                    vec![
                        (
                            "id_number",
                            fixture::id(90, "1988-08-08", banzi_domain::codes::Gender::Male),
                        ),
                        ("name", "钱新".into()),
                        ("gender", "男".into()),
                        ("ethnicity", "汉族".into()),
                        ("birth_date", "1988-08-08".into()),
                        ("party", "中共党员".into()),
                    ],
                    only(role, &[Role::Staff]),
                ),
                (
                    format!("/cadres/{zwr}/edit"),
                    vec![
                        ("name", zw_raw.name.clone()),
                        ("gender", zw_raw.gender.clone()),
                        ("ethnicity", zw_raw.ethnicity.clone()),
                        ("birth_date", zw_raw.birth_date.clone()),
                        ("party", zw_raw.party.clone()),
                        ("native_place", format!("改自{}", role.as_str())),
                    ],
                    only(role, &[Role::Staff, Role::Liaison]),
                ),
                (
                    format!("/cadres/{wqr}/edit"),
                    vec![
                        ("name", "王强".into()),
                        ("gender", "男".into()),
                        ("ethnicity", "汉族".into()),
                        ("birth_date", "1972-11-30".into()),
                        ("party", "中共党员".into()),
                        ("native_place", "被改动".into()),
                    ],
                    if liaison {
                        NotFound
                    } else {
                        only(role, &[Role::Staff])
                    },
                ),
                (
                    format!("/cadres/{zwr}/appoint"),
                    vec![
                        ("post_code", "P2".into()),
                        ("start", "2026-11-01".into()),
                        ("manner", "委任".into()),
                    ],
                    only(role, &[Role::Staff]),
                ),
                (
                    "/analysis/params".into(),
                    vec![("train.secondment_target", "90".into())],
                    only(role, &[Role::Staff]),
                ),
                // 选任: staff run cases, the reviewer gives the 廉政意见 (R-SEL-7).
                (
                    "/selection".into(),
                    vec![
                        ("post", "P3".into()),
                        ("places", "1".into()),
                        ("reason", "到龄".into()),
                        ("scope", "市直".into()),
                        ("conditions", "本科".into()),
                        ("on", "2026-08-01".into()),
                    ],
                    only(role, &[Role::Staff]),
                ),
                (
                    "/selection/batches".into(),
                    vec![
                        ("batch_name", "2026年个别调整".into()),
                        ("batch_kind", "个别调整".into()),
                    ],
                    only(role, &[Role::Staff]),
                ),
                (
                    format!("/selection/{}/competition", case.0),
                    vec![
                        ("issuer", "组织部".into()),
                        ("conditions", "本科".into()),
                        ("judges", "甲 乙 丙".into()),
                        ("applicants", "赵敏 通过".into()),
                    ],
                    only(role, &[Role::Staff]),
                ),
                (
                    format!("/selection/{}/objection", case.0),
                    vec![
                        ("on", "2026-08-10".into()),
                        ("candidate", case.1.to_string()),
                        ("text", "反映".into()),
                    ],
                    only(role, &[Role::Staff]),
                ),
                (
                    format!("/selection/{}/opinion", case.0),
                    vec![
                        ("on", "2026-08-10".into()),
                        ("candidate", case.1.to_string()),
                        ("veto", "clear".into()),
                        ("text", "未发现问题".into()),
                    ],
                    only(role, &[Role::Discipline]),
                ),
                // The system administrator keeps the calendar: enters a year, deletes it.
                (
                    "/calendar".into(),
                    vec![("year", "2031".into()), ("text", "2031-01-01 元旦".into())],
                    only(role, &[Role::SysAdmin]),
                ),
                (
                    "/calendar/2031/delete".into(),
                    vec![],
                    only(role, &[Role::SysAdmin]),
                ),
            ];
            for (path, fields, want) in posts {
                let fields: Vec<(&str, &str)> =
                    fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let resp = c.post(&path, &fields);
                let got = resp.status;
                let class_of = class(&resp);
                if std::env::var("AUTHZ_DEBUG").is_ok() && role == Role::Staff {
                    eprintln!(
                        "DEBUG {path} {got} {:?} {}",
                        resp.location,
                        resp.body.chars().take(300).collect::<String>()
                    );
                }
                if class_of != Some(want) {
                    failures.push(format!("{role:?} POST {path}: got {got}, want {want:?}"));
                }
            }
            let photo = c.upload(&format!("/cadres/{zwr}/photo"), "photo", "p.jpg", &jpeg);
            if class(&photo) != Some(only(role, &[Role::Staff, Role::Liaison])) {
                failures.push(format!("{role:?} POST photo: got {}", photo.status));
            }
            let lrmx = c.upload("/lrmx/import", "file", "f.lrmx", &lrmx_file);
            if class(&lrmx) != Some(only(role, &[Role::Staff])) {
                failures.push(format!("{role:?} POST /lrmx/import: got {}", lrmx.status));
            }
            let import = c.upload("/roster/import", "file", "r.xlsx", &workbook);
            if class(&import) != Some(only(role, &[Role::Staff])) {
                failures.push(format!(
                    "{role:?} POST /roster/import: got {}",
                    import.status
                ));
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
            "/audit/1",
            "/admin/users",
            "/roster/export.xlsx",
            "/analysis",
            "/analysis/team?unit=U1",
            "/analysis/params",
            "/alerts",
            "/alerts/export.xlsx",
            "/datacheck",
            "/datacheck/export.xlsx",
            "/calendar",
            "/selection",
            "/selection/queue",
            "/selection/meeting/plan.pdf",
        ] {
            let r = anon.get(path);
            if r.status != 303 || !r.location.as_deref().unwrap_or("").starts_with("/login") {
                failures.push(format!(
                    "anonymous GET {path}: got {} {:?}",
                    r.status, r.location
                ));
            }
        }
        for path in [
            "/units",
            "/analysis/params",
            "/calendar",
            "/selection",
            "/forms.pdf",
            &format!("/cadres/{zwr}/form.pdf"),
        ] {
            let r = anon.post(path, &[("code", "X")]);
            if r.status != 401 {
                failures.push(format!("anonymous POST {path}: got {}", r.status));
            }
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
    // Only staff's rule parameter change took, by the audit trail.
    let p = store.rule_params(&staff()).await.expect("params");
    assert_eq!(p.secondment_target, 90);
    let audit = crate::helpers::audited(
        &store,
        "rule_param.set",
        None,
        Some("train.secondment_target"),
    )
    .await;
    let setters: Vec<&str> = audit.iter().map(|r| r.actor.as_str()).collect();
    assert_eq!(setters, ["staff"], "who set the rule parameter");
    // Who changed whom, by the audit trail (the staff's workbook upload at the end restores
    // the fixture's values, so the trail is the record).
    let auditor = crate::helpers::as_role(Role::Auditor, None);
    for (who, want) in [
        (zhang_wei(), vec!["liaison", "staff"]),
        (wang_qiang(), vec!["staff"]),
    ] {
        let filter = banzi_store::AuditFilter {
            key: Some(who.clone()),
            per_page: 100,
            ..Default::default()
        };
        let (audit, _) = store.audit_page(&auditor, &filter).await.expect("audit");
        let editors: std::collections::BTreeSet<_> = audit
            .iter()
            .filter(|r| r.action == "cadre.update")
            .map(|r| r.actor.as_str())
            .collect();
        assert_eq!(
            editors.into_iter().collect::<Vec<_>>(),
            want,
            "who edited {who}"
        );
    }
    let zw_now = store
        .cadre(&staff(), &zhang_wei(), banzi_store::today())
        .await
        .expect("zw");
    assert!(
        zw_now.appointments.iter().any(|a| a.post_code == "P2"),
        "staff's 任职 took"
    );
}
