//! `banzi check` on a small city with known answers (DOMAIN.md M2), imported through the
//! standard workbook as a user would, compared alert by alert with the JSON output.

use crate::fixture::{self, li_na, wang_qiang, zhang_wei};
use std::collections::BTreeSet;
use std::process::Command;

pub(crate) fn banzi(db: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_banzi"))
        .arg("--database")
        .arg(db)
        .args(args)
        .env_remove("BANZI_DATABASE_URL")
        .env("BANZI_AUDIT_KEY", crate::helpers::key_file(db))
        .output()
        .expect("run banzi");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// rule, level, due, unit, post, cadre, and which case of the rule (R-TRAIN-1: trainings or
/// 学时; R-TERM-1: two terms or one level), so that two alerts on one post never share a key.
type Key = (
    String,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    &'static str,
);

/// The case of a rule an alert's message is about.
fn case(rule: &str, message: &str) -> &'static str {
    match rule {
        "R-TRAIN-1" if message.contains("学时") => "hours",
        "R-TERM-1" if message.contains("同层次") => "level",
        _ => "",
    }
}

fn key(
    rule: &str,
    level: &str,
    due: Option<&str>,
    unit: &str,
    post: Option<&str>,
    cadre: Option<String>,
) -> Key {
    (
        rule.into(),
        level.into(),
        due.map(Into::into),
        unit.into(),
        post.map(Into::into),
        cadre,
        "",
    )
}

fn hours(unit: &str, post: &str, cadre: Option<String>) -> Key {
    let mut k = key("R-TRAIN-1", "notice", None, unit, Some(post), cadre);
    k.6 = "hours";
    k
}

/// The fixture city on 2026-11-21, worked out by hand from the rules as corrected on
/// 2026-12-02: 张伟 局长 of 市财政局 (U1/P1) since 2016-03-01, 46; 李娜 (九三学社, 41) 副局长
/// (U1/P2, two seats) since 2015-01-01 (joined across a one-day gap), 分管 预算 since
/// 2019-01-02; 王强 局长 of 市教育局 (U2/P3, 党外干部必配) since 2012-06-01, 53. All 财政金融,
/// 副处级 (县处级), appointed by 委任; no post has a 职务层次; 张伟 had a 专业化能力 training of
/// 32.5 学时 in 2025, the only training.
fn expected() -> BTreeSet<Key> {
    let (zw, ln, wq) = (Some(zhang_wei()), Some(li_na()), Some(wang_qiang()));
    [
        // R-STRUCT-2: 市教育局's team has no one aged 42 or under.
        key("R-STRUCT-2", "notice", None, "U2", None, None),
        // R-STRUCT-3: 党外干部必配 but only 中共党员; and no woman.
        key("R-STRUCT-3", "violation", None, "U2", None, None),
        key("R-STRUCT-3", "notice", None, "U2", None, None),
        // R-STRUCT-4: two seats, one holder.
        key("R-STRUCT-4", "notice", None, "U1", Some("P2"), None),
        // R-STRUCT-5: no one exchanged in from outside the system.
        key("R-STRUCT-5", "notice", None, "U1", None, None),
        key("R-STRUCT-5", "notice", None, "U2", None, None),
        // R-STRUCT-6: both members of 市财政局 are 财政金融.
        key("R-STRUCT-6", "notice", None, "U1", None, None),
        // R-EXCH-1: 10 years as 正职 in one post (must).
        key(
            "R-EXCH-1",
            "violation",
            Some("2026-03-01"),
            "U1",
            Some("P1"),
            zw.clone(),
        ),
        key(
            "R-EXCH-1",
            "violation",
            Some("2022-06-01"),
            "U2",
            Some("P3"),
            wq.clone(),
        ),
        // R-EXCH-3: a deputy 10 years in one post (should), joined across 2019-01-01/02.
        key(
            "R-EXCH-3",
            "warning",
            Some("2025-01-01"),
            "U1",
            Some("P2"),
            ln.clone(),
        ),
        // R-EXCH-5: the same 分管 for 5 years.
        key(
            "R-EXCH-5",
            "warning",
            Some("2024-01-02"),
            "U1",
            Some("P2"),
            ln.clone(),
        ),
        // R-TERM-1: two terms in one post, for 正职 only (李娜 is a 副职); no 15 years at one
        // level, the posts having no 职务层次.
        key(
            "R-TERM-1",
            "notice",
            Some("2026-03-01"),
            "U1",
            Some("P1"),
            zw.clone(),
        ),
        key(
            "R-TERM-1",
            "notice",
            Some("2022-06-01"),
            "U2",
            Some("P3"),
            wq.clone(),
        ),
        // R-TRAIN-1, judged on 2025, the last complete year: 张伟 had his training then; the
        // others none. And 学时: 县处级 needs 550 in 2021–2025; 32.5 and 0 fall short.
        key("R-TRAIN-1", "notice", None, "U1", Some("P2"), ln.clone()),
        key("R-TRAIN-1", "notice", None, "U2", Some("P3"), wq.clone()),
        hours("U1", "P1", zw),
        hours("U1", "P2", ln),
        hours("U2", "P3", wq),
        // R-TRAIN-2: no secondment this year against a target of 100, on the root unit.
        key("R-TRAIN-2", "notice", None, "C", None, None),
    ]
    .into_iter()
    .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_finds_exactly_the_known_alerts_in_every_format() {
    let dir = tempfile::tempdir().expect("dir");
    let db = format!("sqlite://{}", dir.path().join("c.db").display());
    let path = |n: &str| dir.path().join(n).display().to_string();
    std::fs::write(
        path("city.xlsx"),
        banzi_io::write_roster(&fixture::roster(), &|_| {}).expect("w"),
    )
    .expect("write");
    let (code, _, err) = banzi(&db, &["import", &path("city.xlsx")]);
    assert_eq!(code, 0, "{err}");

    let (code, out, err) = banzi(&db, &["check", "--as-of", "2026-11-21", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["as_of"], "2026-11-21");
    let alerts = v["alerts"].as_array().expect("alerts");
    let s = |x: &serde_json::Value| x.as_str().map(String::from);
    let got: BTreeSet<Key> = alerts
        .iter()
        .map(|a| {
            let keys: BTreeSet<&str> = a
                .as_object()
                .expect("object")
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(
                keys,
                ["cadre", "due", "level", "message", "post", "rule", "unit"]
                    .into_iter()
                    .collect(),
                "exactly the seven keys"
            );
            let rule = s(&a["rule"]).expect("rule");
            let case = case(&rule, a["message"].as_str().unwrap_or(""));
            (
                rule,
                s(&a["level"]).expect("level"),
                s(&a["due"]),
                s(&a["unit"]).expect("unit"),
                s(&a["post"]),
                s(&a["cadre"]),
                case,
            )
        })
        .collect();
    assert_eq!(alerts.len(), got.len(), "no alert twice");
    let want = expected();
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:#?}\nextra {extra:#?}"
    );
    // Messages name the person, the post and the dates.
    let exch = alerts
        .iter()
        .find(|a| a["rule"] == "R-EXCH-1" && a["unit"] == "U1")
        .expect("R-EXCH-1");
    let m = exch["message"].as_str().expect("message");
    assert!(
        m.contains("张伟")
            && m.contains("局长")
            && m.contains("2016-03-01")
            && m.contains("2026-03-01"),
        "{m}"
    );
    assert_eq!(v["summary"]["young"]["with_young"], 1);
    assert_eq!(v["summary"]["young"]["city_teams"], 2);
    assert_eq!(v["summary"]["levels"]["violation"], 3);

    // The table: aligned columns headed in Chinese, then the counts.
    let (code, table, _) = banzi(&db, &["check", "--as-of", "2026-11-21"]);
    assert_eq!(code, 0);
    assert!(table.contains("级别"), "{table}");
    assert!(table.contains(&format!("共 {} 条", want.len())), "{table}");
    let rows: Vec<&str> = table.lines().filter(|l| l.contains("R-EXCH-1")).collect();
    assert_eq!(rows.len(), 2);
    let at = |l: &str| l.find("R-EXCH-1").expect("rule column");
    assert_eq!(at(rows[0]), at(rows[1]), "the rule column is aligned");

    // xlsx: one sheet per level, the same alerts.
    let (code, _, err) = banzi(
        &db,
        &[
            "check",
            "--as-of",
            "2026-11-21",
            "--format",
            "xlsx",
            "--output",
            &path("a.xlsx"),
        ],
    );
    assert_eq!(code, 0, "{err}");
    use calamine::Reader;
    let mut x: calamine::Xlsx<_> = calamine::open_workbook(path("a.xlsx")).expect("xlsx");
    assert_eq!(x.sheet_names(), ["违规", "预警", "提示"]);
    let rows =
        |x: &mut calamine::Xlsx<_>, s: &str| x.worksheet_range(s).expect("sheet").height() - 1;
    assert_eq!(
        (
            rows(&mut x, "违规"),
            rows(&mut x, "预警"),
            rows(&mut x, "提示")
        ),
        (3, 2, want.len() - 5)
    );

    // A bad date is refused in Chinese; xlsx needs a file.
    let (code, _, err) = banzi(&db, &["check", "--as-of", "2026-13-01"]);
    assert_ne!(code, 0);
    assert!(err.contains("--as-of 日期有误"), "{err}");
    let (code, _, err) = banzi(&db, &["check", "--format", "xlsx"]);
    assert_ne!(code, 0);
    assert!(err.contains("--output"), "{err}");

    // Each run that printed or wrote alerts is on the trail, and the trail is intact.
    let store = crate::helpers::open_as_the_binary(&db).await;
    let exports = crate::conformance::count_action(&store, "export.alerts").await;
    assert_eq!(exports, 3);
    assert!(store.verify_audit().await.expect("verify").is_ok());
}

/// The table and the workbook of `banzi check` read in the language they are given (the
/// command passes zh-CN until it has a --lang): headers, level names, counts and messages;
/// names and titles stay as written. R-EXCH-1's message is one of them.
#[test]
fn the_table_and_the_workbook_read_in_the_language_given() {
    use banzi_domain::rules::{Facts, Params, evaluate};
    use banzi_i18n::{Lang, Tr};
    let as_of = banzi_domain::date::parse("2026-11-21").expect("date");
    let r = evaluate(
        &std::sync::Arc::new(Facts::new(&fixture::roster())),
        &Params::default(),
        as_of,
    );
    let en = Tr::new(Lang::En);
    let table = banzi::check::table(&r, &en);
    assert!(
        table.starts_with("Alert check (as of 2026-11-21)\n\nLevel "),
        "{table}"
    );
    let exch: Vec<&str> = table.lines().filter(|l| l.contains("R-EXCH-1")).collect();
    assert_eq!(exch.len(), 2, "{table}");
    assert!(exch.iter().all(|l| l.starts_with("Violation ")), "{table}");
    assert!(
        exch.iter()
            .any(|l| l.contains("张伟, ") && l.contains("must be exchanged (R-EXCH-1)")),
        "{table}"
    );
    assert!(table.contains("3 violations, 2 warnings, "), "{table}");
    for zh in ["违规", "预警", "提示", "级别", "（R-"] {
        assert!(!table.contains(zh), "{zh} in {table}");
    }

    use calamine::Reader;
    let bytes = banzi_io::write_alerts(&en, &r.alerts).expect("workbook");
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("xlsx");
    assert_eq!(wb.sheet_names(), ["Violation", "Warning", "Notice"]);
    let sheet = wb.worksheet_range("Violation").expect("sheet");
    let cells: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(
        cells[0],
        [
            "Rule",
            "Level",
            "Due",
            "Unit name",
            "Post title",
            "Name",
            "Message",
            "Unit code",
            "Post code",
            "ID number",
        ]
    );
    assert_eq!(cells.len(), 4, "the header and the three violations");
    let zhang = cells
        .iter()
        .find(|row| row[0] == "R-EXCH-1" && row[6].contains("张伟"))
        .expect("张伟's R-EXCH-1");
    assert_eq!(zhang[1], "Violation");
    // People read names; the codes follow at the right (issue 15, item 6).
    assert_eq!(zhang[5], "张伟");
    assert_eq!(zhang[9], crate::fixture::zhang_wei());
    assert!(
        zhang[6].ends_with("must be exchanged (R-EXCH-1)"),
        "{zhang:?}"
    );
}
