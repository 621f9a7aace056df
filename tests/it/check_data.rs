//! `banzi check --data` (issue 16, item 5) on the small city imported through the workbook,
//! with one record changed beside the import's checks: the same report as the page, as JSON
//! with stable keys and zh-CN messages, as a table in the language given, and as a workbook;
//! each run in the trail as an export.

use crate::check::banzi;
use crate::fixture::{self, wang_qiang};
use banzi_domain::datacheck::Check;
use std::collections::BTreeSet;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_data_reports_by_unit_in_every_format_and_is_audited() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("c.db");
    let db = format!("sqlite://{}", file.display());
    let path = |n: &str| dir.path().join(n).display().to_string();
    std::fs::write(
        path("city.xlsx"),
        banzi_io::write_roster(&fixture::roster(), &|_| {}).expect("w"),
    )
    .expect("write");
    let (code, _, err) = banzi(&db, &["import", &path("city.xlsx")]);
    assert_eq!(code, 0, "{err}");
    // 王强's gender changed behind the registry's back.
    {
        let pool = sqlx::SqlitePool::connect(&db).await.expect("open");
        sqlx::query("UPDATE cadres SET gender = '女' WHERE id_number = $1")
            .bind(wang_qiang())
            .execute(&pool)
            .await
            .expect("plant");
        pool.close().await;
    }
    fn args(format: &str) -> [&str; 6] {
        [
            "check",
            "--data",
            "--as-of",
            "2026-11-21",
            "--format",
            format,
        ]
    }

    let (code, out, err) = banzi(&db, &args("json"));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let keys = |x: &serde_json::Value| -> BTreeSet<String> {
        x.as_object().expect("object").keys().cloned().collect()
    };
    let set = |k: &[&str]| k.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(keys(&v), set(&["as_of", "cadres", "counts", "units"]));
    assert_eq!(v["as_of"], "2026-11-21");
    assert_eq!(v["cadres"], 4);
    assert_eq!(v["counts"]["id-gender"], 1);
    // Nobody has 籍贯, 参加工作时间, a photo or a 简历 in the fixture.
    assert_eq!(v["counts"]["missing-for-print"], 4);
    assert_eq!(
        keys(&v["counts"]).len(),
        Check::ALL.len(),
        "a count per check"
    );
    assert!(v["counts"].get("education-dates").is_some());
    let units: Vec<Option<&str>> = v["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["unit_code"].as_str())
        .collect();
    assert_eq!(units, [Some("U1"), Some("U2"), None]);
    let u2 = &v["units"][1];
    assert_eq!(
        keys(u2),
        set(&["unit_code", "unit", "cadres", "counts", "findings"])
    );
    assert_eq!(u2["unit"], "市教育局");
    let gender = u2["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["check"] == "id-gender")
        .expect("the planted one");
    assert_eq!(
        keys(gender),
        set(&["cadre", "name", "id_number", "check", "message"])
    );
    assert_eq!(gender["name"], "王强");
    assert_eq!(gender["id_number"], wang_qiang().as_str());
    assert_eq!(gender["message"], "性别为女，身份证号显示为男");

    // The table: the counts by unit, then the findings, then the totals.
    let (code, table, _) = banzi(&db, &args("table"));
    assert_eq!(code, 0);
    assert!(
        table.starts_with("信息校核（2026-11-21）\n\n单位"),
        "{table}"
    );
    let row = table
        .lines()
        .find(|l| l.starts_with("市教育局") && l.contains("性别为女"))
        .expect("the finding's line");
    assert!(
        row.contains("王强") && row.contains("身份证号与性别"),
        "{row}"
    );
    assert!(
        table.trim_end().ends_with("核对4人，发现问题5条。"),
        "{table}"
    );
    let (_, en, _) = banzi(
        &db,
        &["--lang", "en", "check", "--data", "--as-of", "2026-11-21"],
    );
    assert!(en.starts_with("Data check (as of 2026-11-21)"), "{en}");
    assert!(en.contains("4 cadres checked, 5 problems found."), "{en}");

    // The workbook: a summary and the findings.
    let (code, _, err) = banzi(
        &db,
        &[
            "check",
            "--data",
            "--as-of",
            "2026-11-21",
            "--format",
            "xlsx",
            "--output",
            &path("d.xlsx"),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("已将5条问题写入"), "{err}");
    use calamine::Reader;
    let mut x: calamine::Xlsx<_> = calamine::open_workbook(path("d.xlsx")).expect("xlsx");
    assert_eq!(x.sheet_names(), ["汇总", "问题清单"]);
    let findings = x.worksheet_range("问题清单").expect("sheet");
    assert_eq!(findings.rows().count(), 6, "a header and five findings");
    // xlsx needs a file.
    let (code, _, err) = banzi(&db, &["check", "--data", "--format", "xlsx"]);
    assert_ne!(code, 0);
    assert!(err.contains("--output"), "{err}");

    // Each output that left the program is in the trail: json, two tables, the workbook.
    let store = crate::helpers::open_as_the_binary(&db).await;
    let trail = crate::helpers::audited(&store, "export.datacheck", None, None).await;
    let formats: Vec<String> = trail
        .iter()
        .map(|e| {
            let after: serde_json::Value = serde_json::from_str(&e.after_json).expect("json");
            after["format"].as_str().unwrap_or("").to_string()
        })
        .collect();
    assert_eq!(formats, ["xlsx", "table", "table", "json"]);
}
