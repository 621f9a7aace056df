//! Rule parameters and the alert check through the store, on both backends (issue 3):
//! parameters are data, checked, audited and in force at once; a liaison sees its unit only.

use super::{count_action, import};
use crate::fixture::{wang_qiang, zhang_wei};
use crate::helpers::{as_role, staff};
use banzi_domain::DomainError;
use banzi_domain::date::parse as parse_date;
use banzi_domain::role::Role;
use banzi_store::Store;

fn exch1(r: &banzi_domain::rules::Report) -> Vec<(String, String, String)> {
    r.alerts
        .iter()
        .filter(|a| a.rule == "R-EXCH-1")
        .map(|a| {
            (
                a.cadre.unwrap_or_default().to_string(),
                a.level.key().to_string(),
                a.due.map(|d| d.to_string()).unwrap_or_default(),
            )
        })
        .collect()
}

/// R-EXCH-1, R-EXCH-6 with their parameters; R-SEC-3 (every change audited).
async fn parameters_are_checked_audited_and_in_force_at_once(store: Store) {
    import(&store).await;
    let day = parse_date("2026-11-21").expect("date");
    let before = store.check(&staff(), day).await.expect("check");
    assert_eq!(
        exch1(&before),
        [
            (zhang_wei(), "violation".into(), "2026-03-01".into()),
            (wang_qiang(), "violation".into(), "2022-06-01".into()),
        ]
    );

    // Twelve years for a 正职: 张伟 is due 2028-03-01, past the 12-month lookahead.
    let set = |k: &str, v: &str| vec![(k.to_string(), v.to_string())];
    let p = store
        .set_rule_params(&staff(), &set("exch.principal_years", "12"))
        .await
        .expect("set");
    assert_eq!(p.principal_years, 12);
    assert_eq!(
        exch1(&store.check(&staff(), day).await.expect("check")),
        [(wang_qiang(), "violation".into(), "2024-06-01".into())]
    );
    // A longer lookahead brings 张伟 back as an anticipated warning (R-EXCH-6).
    store
        .set_rule_params(&staff(), &set("exch.lookahead_months", "24"))
        .await
        .expect("set");
    assert!(
        exch1(&store.check(&staff(), day).await.expect("check")).contains(&(
            zhang_wei(),
            "warning".into(),
            "2028-03-01".into()
        ))
    );
    assert_eq!(count_action(&store, "rule_param.set").await, 2);

    // Bad values are refused by key, all or nothing.
    let bad = vec![
        ("exch.lookahead_months".to_string(), "6".to_string()),
        ("exch.deputy_years".to_string(), "十".to_string()),
        ("struct.young_team_ratio".to_string(), "3/2".to_string()),
    ];
    match store.set_rule_params(&staff(), &bad).await {
        Err(DomainError::Invalid(fields)) => {
            let keys: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
            assert_eq!(keys, ["exch.deputy_years", "struct.young_team_ratio"]);
        }
        other => panic!("expected field errors, got {other:?}"),
    }
    match store.set_rule_params(&staff(), &set("no.such", "1")).await {
        Err(DomainError::Invalid(fields)) => assert_eq!(fields[0].field, "no.such"),
        other => panic!("expected an unknown key, got {other:?}"),
    }
    let p = store.rule_params(&staff()).await.expect("params");
    assert_eq!(p.lookahead_months, 24, "the refused change wrote nothing");
    assert_eq!(count_action(&store, "rule_param.set").await, 2);

    // Blank puts the default back; setting the same value again writes nothing.
    store
        .set_rule_params(&staff(), &set("exch.lookahead_months", ""))
        .await
        .expect("default");
    store
        .set_rule_params(&staff(), &set("exch.principal_years", "12"))
        .await
        .expect("same");
    let p = store.rule_params(&staff()).await.expect("params");
    assert_eq!((p.lookahead_months, p.principal_years), (12, 12));
    assert_eq!(count_action(&store, "rule_param.set").await, 3);

    // Only 组织部 staff change parameters; a leader reads them.
    let leader = as_role(Role::Leader, None);
    assert!(store.rule_params(&leader).await.is_ok());
    assert!(matches!(
        store
            .set_rule_params(&leader, &set("exch.principal_years", "8"))
            .await,
        Err(DomainError::Forbidden(_))
    ));
    assert!(store.verify_audit().await.expect("verify").is_ok());
}

both!(parameters_are_checked_audited_and_in_force_at_once);

/// R-SEC-1: the liaison of 市财政局 gets the alerts and teams of 市财政局 only.
async fn a_liaison_sees_the_alerts_of_its_unit_only(store: Store) {
    import(&store).await;
    let day = parse_date("2026-11-21").expect("date");
    let all = store.analyse(&staff(), day).await.expect("all");
    let mine = store
        .analyse(&as_role(Role::Liaison, Some("U1")), day)
        .await
        .expect("liaison");
    assert!(all.report.alerts.iter().any(|a| a.unit == "U2"));
    assert!(!mine.report.alerts.is_empty());
    assert!(mine.report.alerts.iter().all(|a| a.unit == "U1"));
    assert_eq!(
        mine.report.summary.levels.total(),
        mine.report.alerts.len(),
        "counted again for the unit"
    );
    assert!(
        mine.structure
            .teams
            .iter()
            .all(|t| mine.structure.unit(t) == "U1")
    );
    assert_eq!(
        mine.structure.city.members, 0,
        "no city profile for a liaison"
    );
    assert!(
        store
            .check(&as_role(Role::Auditor, None), day)
            .await
            .is_err(),
        "the audit administrator reads no registry"
    );
}

both!(a_liaison_sees_the_alerts_of_its_unit_only);

/// The SQLite check reads on two pooled connections at once; they go back to the pool out
/// of their read transaction and without the memory map, so writes and later reads work.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn checks_leave_the_pool_as_they_found_it() {
    let db = crate::helpers::TestDb::new(crate::helpers::Backend::Sqlite).await;
    let store = db.store.clone();
    import(&store).await;
    let day = parse_date("2026-11-21").expect("date");
    let runs = (0..6).map(|_| {
        let store = store.clone();
        tokio::spawn(async move { store.check(&staff(), day).await.map(|r| r.alerts.len()) })
    });
    let mut counts = Vec::new();
    for r in runs {
        counts.push(r.await.expect("join").expect("check"));
    }
    assert!(counts.windows(2).all(|w| w[0] == w[1]), "{counts:?}");
    // Every pooled connection takes a write transaction and reports no map.
    for i in 0..10 {
        store
            .set_rule_params(
                &staff(),
                &[("exch.lookahead_months".into(), format!("{}", 12 + i))],
            )
            .await
            .expect("write after checks");
    }
    let banzi_store::Pool::Sqlite(pool) = store.pool() else {
        panic!("sqlite")
    };
    for _ in 0..8 {
        let mut c = pool.acquire().await.expect("conn");
        let (map,): (i64,) = sqlx::query_as("PRAGMA mmap_size")
            .fetch_one(&mut *c)
            .await
            .expect("pragma");
        assert_eq!(map, 0);
    }
}

/// A kept analysis is served again only while nothing has been written since and the date
/// is the same; a liaison's copy is cut to its unit.
async fn a_kept_analysis_is_never_stale(store: Store) {
    import(&store).await;
    let cache = banzi_store::AnalysisCache::default();
    let day = parse_date("2026-11-21").expect("date");
    let first = store
        .analyse_cached(&cache, &staff(), day)
        .await
        .expect("first");
    let again = store
        .analyse_cached(&cache, &staff(), day)
        .await
        .expect("again");
    assert!(
        std::sync::Arc::ptr_eq(&first, &again),
        "served from the cache"
    );
    let other_day = parse_date("2026-01-01").expect("date");
    let earlier = store
        .analyse_cached(&cache, &staff(), other_day)
        .await
        .expect("day");
    assert_eq!(earlier.report.as_of, other_day);
    // A parameter change moves the audit head: the next analysis sees it at once.
    store
        .set_rule_params(&staff(), &[("exch.principal_years".into(), "12".into())])
        .await
        .expect("set");
    let after = store
        .analyse_cached(&cache, &staff(), day)
        .await
        .expect("after");
    assert!(!std::sync::Arc::ptr_eq(&first, &after));
    assert_eq!(after.params.principal_years, 12);
    assert!(exch1(&after.report).len() < exch1(&first.report).len());
    // Reads, searches, sign-ins and exports are audited too (the trail's head moves) but
    // change nothing the analysis reads: it is kept.
    let head = store.audit_head().await.expect("head");
    for action in [
        "read.cadre",
        "read.search",
        "session.login",
        "export.alerts",
    ] {
        store
            .audit_event(&staff(), action, "cadre", "", serde_json::json!({}))
            .await
            .expect("read");
    }
    assert_eq!(store.audit_head().await.expect("head").seq, head.seq + 4);
    let read = store
        .analyse_cached(&cache, &staff(), day)
        .await
        .expect("read");
    assert!(std::sync::Arc::ptr_eq(&after, &read), "kept over reads");
    // A change of the registry: 王强 leaves P3, and his R-EXCH-1 alert goes at once.
    let wq = store
        .cadre(&staff(), &wang_qiang(), day)
        .await
        .expect("cadre");
    store
        .end_appointment(&staff(), wq.appointments[0].id, day, "江委〔2026〕11号")
        .await
        .expect("end");
    let ended = store
        .analyse_cached(&cache, &staff(), day)
        .await
        .expect("ended");
    assert!(exch1(&read.report).iter().any(|a| a.0 == wang_qiang()));
    assert!(!exch1(&ended.report).iter().any(|a| a.0 == wang_qiang()));
    let liaison = as_role(Role::Liaison, Some("U1"));
    let mine = store
        .analyse_cached(&cache, &liaison, day)
        .await
        .expect("liaison");
    assert!(mine.report.alerts.iter().all(|a| a.unit == "U1"));
    assert!(
        store
            .analyse_cached(&cache, &as_role(Role::Auditor, None), day)
            .await
            .is_err()
    );
}

both!(a_kept_analysis_is_never_stale);

/// Requests that find no analysis kept while one is being made wait for it rather than each
/// loading the registry again (issue 18: a province's alert page opened by several users at
/// once): both get the one analysis.
async fn requests_arriving_together_share_one_analysis(store: Store) {
    import(&store).await;
    let cache = banzi_store::AnalysisCache::default();
    let day = parse_date("2026-11-21").expect("date");
    let actor = staff();
    let (a, b) = tokio::join!(
        store.analyse_cached(&cache, &actor, day),
        store.analyse_cached(&cache, &actor, day)
    );
    assert!(std::sync::Arc::ptr_eq(&a.expect("a"), &b.expect("b")));
}

both!(requests_arriving_together_share_one_analysis);

/// The rows the rules read from the database (straight into positions: SQLite through its
/// handle, PostgreSQL by COPY, issue 18) give the same report, worded as JSON, as the rows
/// the exported roster gives (codes resolved in the domain). The demo city has every rule's
/// cases; a unit name, a post title and a portfolio carry a backslash, which COPY escapes.
async fn the_rules_read_the_registry_as_the_export_gives_it(store: Store) {
    use banzi_domain::rules::{Facts, Rows, evaluate};
    use std::sync::Arc;
    let mut roster = banzi::demo::city().roster;
    roster.units[1].value.name.push_str("\\旧");
    roster.posts[0].value.title.push_str("\\N");
    roster.portfolios[0].value.work.push_str("\\t分管\\");
    store
        .import_roster(&staff(), &roster, &|_, _, _| {})
        .await
        .expect("import the demo city");
    let day = parse_date("2026-11-21").expect("date");
    let params = store.rule_params(&staff()).await.expect("params");
    let report = |rows: Rows| {
        let facts = Arc::new(Facts::from_rows(rows, params.join_gap_days));
        let r = evaluate(&facts, &params, day);
        (
            r.alerts.len(),
            r.to_json(|m| crate::helpers::zh(&m), true).expect("json"),
        )
    };
    let read = store.rule_rows(&staff()).await.expect("rows");
    let texts: Vec<&str> = read.units.iter().map(|u| read.texts.get(u.name)).collect();
    assert!(
        texts.contains(&roster.units[1].value.name.as_str()),
        "{texts:?}"
    );
    assert!(
        read.posts
            .iter()
            .any(|p| read.texts.get(p.title) == roster.posts[0].value.title)
    );
    assert!(
        read.portfolios
            .iter()
            .any(|p| read.texts.get(p.work) == roster.portfolios[0].value.work)
    );
    let (n, from_store) = report(read);
    let exported = store.export_roster(&staff()).await.expect("export");
    let (m, from_export) = report(Rows::from_roster(&exported));
    assert!(n > 50, "the demo city has alerts of many rules: {n}");
    assert_eq!(n, m);
    assert!(
        from_store == from_export,
        "the reports differ:\n{}",
        String::from_utf8_lossy(&from_store[..from_store.len().min(2000)])
    );
}
both!(the_rules_read_the_registry_as_the_export_gives_it);
