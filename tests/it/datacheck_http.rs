//! The data check page and its workbook (issue 16, item 5): counts per check per unit, each
//! a link to the findings it counts; the cadre by name at its row-id address; a liaison sees
//! and exports its own unit only, and the export is in the trail.

use crate::fixture::{li_na, wang_qiang, zhang_wei};
use crate::helpers::{Client, PASSWORD, audited, cadre_ref};
use crate::http::{app, blocking};
use banzi_store::Pool;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_follow_a_count_to_its_cadre_and_a_liaison_exports_its_own_unit() {
    let app = app().await;
    let store = &app.db.store;
    // 王强's record disagrees with his ID number (written beside the import's checks).
    let Pool::Sqlite(pool) = store.pool() else {
        panic!("sqlite")
    };
    sqlx::query("UPDATE cadres SET gender = '女' WHERE id_number = $1")
        .bind(wang_qiang())
        .execute(pool)
        .await
        .expect("plant");
    let wq = cadre_ref(store, &wang_qiang()).await;
    let base = app.base.clone();
    let (wq_id, zw_id, ln_id) = (wang_qiang(), zhang_wei(), li_na());
    let bytes = blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        let page = c.get("/datacheck");
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("id=\"nav-datacheck\""));
        let summary = page
            .body
            .split("id=\"datacheck-summary\"")
            .nth(1)
            .expect("summary");
        let u2 = summary
            .split("data-unit=\"U2\"")
            .nth(1)
            .and_then(|r| r.split("</tr>").next())
            .expect("市教育局's row");
        assert!(u2.contains("市教育局"), "{u2}");
        let link = "/datacheck?unit=U2&amp;check=id-gender#findings";
        assert!(u2.contains(&format!("href=\"{link}\">1</a>")), "{u2}");
        // No ID number anywhere on the page, nor in any address.
        for id in [&wq_id, &zw_id, &ln_id] {
            assert!(!page.body.contains(id.as_str()), "{id} shown");
        }
        // The count leads to its one finding, the cadre by name at his address.
        let only = c.get("/datacheck?unit=U2&check=id-gender");
        assert_eq!(only.status, 200);
        assert_eq!(only.body.matches("class=\"datacheck-finding\"").count(), 1);
        assert!(
            only.body
                .contains(&format!("<a href=\"/cadres/{wq}\">王强</a>")),
            "{}",
            only.body
        );
        assert!(only.body.contains("性别为女，身份证号显示为男"));
        // The link opens his dossier as stored (not an internal error); saving it again
        // asks for the gender to agree.
        let dossier = c.get(&format!("/cadres/{wq}"));
        assert_eq!(dossier.status, 200, "{}", dossier.body);
        assert!(dossier.body.contains("王强"));
        assert!(only.body.contains("datacheck-showing"));
        // A date that is no date is said where it was typed; the export refuses it.
        let bad = c.get("/datacheck?as_of=2026-13-01");
        assert_eq!(bad.status, 200);
        assert!(bad.body.contains("filter-error"), "{}", bad.body);
        assert_eq!(c.get("/datacheck/export.xlsx?as_of=2026-13-01").status, 422);

        // The liaison of 市财政局 sees and exports that unit's cadres only.
        let mut l = Client::new(&base);
        l.login("liaison", PASSWORD);
        let mine = l.get("/datacheck");
        assert_eq!(mine.status, 200);
        assert!(mine.body.contains("data-unit=\"U1\""));
        assert!(!mine.body.contains("data-unit=\"U2\""));
        assert!(!mine.body.contains("王强"));
        assert!(mine.body.contains("张伟") && mine.body.contains("李娜"));
        let other = l.get("/datacheck?unit=U2");
        assert_eq!(other.body.matches("class=\"datacheck-finding\"").count(), 0);
        let x = l.get("/datacheck/export.xlsx");
        assert_eq!(x.status, 200, "{}", x.body);
        assert!(x.content_type.contains("spreadsheetml"));
        x.bytes
    })
    .await;
    use calamine::Reader;
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("workbook");
    assert_eq!(wb.sheet_names(), ["汇总", "问题清单"]);
    let rows = |wb: &mut calamine::Xlsx<_>, name: &str| -> Vec<Vec<String>> {
        wb.worksheet_range(name)
            .expect("sheet")
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    };
    let summary = rows(&mut wb, "汇总");
    assert_eq!(summary[0][0], "单位");
    assert_eq!(summary[0][2], "身份证号与性别");
    let units: Vec<&str> = summary[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(units, ["市财政局", "合计"]);
    assert_eq!(summary[1][1], "2", "two cadres checked");
    let findings = rows(&mut wb, "问题清单");
    assert!(findings.len() > 1);
    assert!(
        findings[1..]
            .iter()
            .all(|r| r[0] == "市财政局" && (r[1] == "张伟" || r[1] == "李娜")),
        "{findings:?}"
    );
    let trail = audited(store, "export.datacheck", None, None).await;
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].actor, "liaison");
    assert!(
        trail[0].after_json.contains("\"unit\":\"U1\""),
        "{}",
        trail[0].after_json
    );
}
