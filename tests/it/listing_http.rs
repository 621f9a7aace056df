//! 名册 (issue 16, item 4) through HTTP, on SQLite and on PostgreSQL: the table grouped by
//! unit in the registry's order and ordered by post, computed columns as a reader checks
//! them, templates saved, applied and deleted (each write in the trail), a bad name or bad
//! columns refused in Chinese beside the controls with nothing saved, the workbook's cells
//! and its audit entry, and a unit liaison's own unit only (R-SEC-1).

use crate::fixture;
use crate::helpers::{Backend, Client, PASSWORD, Resp, TestApp, audited, seed_users, staff};
use crate::http::blocking;
use banzi_domain::DomainError;
use banzi_domain::listing::Template;

async fn app(backend: Backend) -> TestApp {
    app_of(backend, fixture::roster()).await
}

async fn app_of(backend: Backend, roster: banzi_domain::roster::Roster) -> TestApp {
    let app = TestApp::spawn(backend, banzi_web::WebConfig::default()).await;
    app.db
        .store
        .import_roster(&staff(), &roster, &|_, _, _| {})
        .await
        .expect("fixture");
    seed_users(&app.db.store, Some("U1")).await;
    app
}

/// The table's text: the unit headings and the rows' cells, in order.
fn table(r: &Resp) -> Vec<String> {
    let t = r
        .body
        .split("id=\"listing-table\"")
        .nth(1)
        .and_then(|t| t.split("</table>").next())
        .unwrap_or_else(|| panic!("no table: {}", r.body));
    t.split("<tr")
        .skip(2)
        .map(|row| {
            row.split("<t")
                .skip(1)
                .filter(|c| c.starts_with('d') || c.starts_with('h'))
                .map(|c| {
                    let inner = c.split_once('>').map_or("", |x| x.1);
                    let mut text = String::new();
                    let mut inside = false;
                    for ch in inner.split("</t").next().unwrap_or("").chars() {
                        match ch {
                            '<' => inside = true,
                            '>' => inside = false,
                            c if !inside && !c.is_whitespace() => text.push(c),
                            _ => {}
                        }
                    }
                    text
                })
                .collect::<Vec<_>>()
                .join("|")
        })
        .filter(|r| !r.is_empty())
        .collect()
}

fn post(c: &mut Client, fields: &[(&str, &str)]) -> Resp {
    c.post("/mingce", fields)
}

async fn listing_staff_and_liaison(backend: Backend) {
    let app = app(backend).await;
    let store = app.db.store.clone();
    let base = app.base.clone();
    let bytes = blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        let page = c.get("/mingce");
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("id=\"nav-mingce\""));
        // The default columns; 李娜's two appointments a day apart are one run (since 2015.01).
        let shown = post(
            &mut c,
            &[
                ("as_of", "2026-11-21"),
                ("col", "name"),
                ("col", "post"),
                ("col", "tenure_start"),
                ("col", "level_start"),
                ("col", "retire_month"),
                ("col", "age"),
            ],
        );
        assert_eq!(shown.status, 200);
        assert_eq!(
            table(&shown),
            [
                "市财政局（共2人）",
                "张伟|局长|2016.03|2016.03|2043.05|46",
                "李娜|副局长|2015.01|2015.01|2045.03|41",
                "市教育局（共1人）",
                "王强|局长|2012.06||2034.11|53",
                "未任现职（共1人）",
                "赵敏||||2050.07|36",
            ]
        );
        assert!(
            shown
                .body
                .contains("<th class=\"text-nowrap\">到龄年月</th>")
        );
        // The name links to the profile by row id.
        assert!(shown.body.contains("<a href=\"/cadres/"));
        // Filtered like the cadre list: women only; a bad age is said above the table.
        let women = post(&mut c, &[("gender", "女"), ("col", "name")]);
        assert_eq!(
            table(&women),
            ["市财政局（共1人）", "李娜", "未任现职（共1人）", "赵敏"]
        );
        let bad = post(&mut c, &[("age_min", "abc"), ("col", "name")]);
        assert!(bad.body.contains("id=\"listing-error\""));
        assert!(
            bad.body.contains("年龄“abc”应为16到100之间的整数"),
            "{}",
            bad.body
        );
        let none = post(&mut c, &[("action", "show")]);
        assert!(none.body.contains("请至少选择一列"), "{}", none.body);

        // A template saved, applied, refused, deleted.
        let saved = post(
            &mut c,
            &[
                ("action", "save"),
                ("name", " 班子名册 "),
                ("col", "name"),
                ("col", "age"),
            ],
        );
        assert_eq!(saved.status, 200, "{}", saved.body);
        assert!(
            saved.body.contains("已保存模板“班子名册”。"),
            "{}",
            saved.body
        );
        let applied = post(
            &mut c,
            &[
                ("action", "apply"),
                ("template", "班子名册"),
                ("col", "post"),
            ],
        );
        assert_eq!(table(&applied)[1], "张伟|46");
        assert!(
            applied
                .body
                .contains("value=\"age\" id=\"col-age\" checked")
        );
        assert!(
            !applied
                .body
                .contains("value=\"post\" id=\"col-post\" checked")
        );
        let unnamed = post(
            &mut c,
            &[("action", "save"), ("name", "  "), ("col", "name")],
        );
        assert_eq!(unnamed.status, 422);
        assert!(
            unnamed
                .body
                .contains("id=\"template-error\">请填写模板名称<"),
            "{}",
            unnamed.body
        );
        let unknown = post(
            &mut c,
            &[("action", "save"), ("name", "另一个"), ("col", "salary")],
        );
        assert_eq!(unknown.status, 422);
        assert!(
            unknown.body.contains("没有“salary”这一列"),
            "{}",
            unknown.body
        );
        let twice = post(
            &mut c,
            &[
                ("action", "save"),
                ("name", "另一个"),
                ("col", "age"),
                ("col", "age"),
            ],
        );
        assert!(twice.body.contains("“年龄”列选了两次"), "{}", twice.body);

        // The workbook of what the page shows.
        let x = c.post(
            "/mingce/export.xlsx",
            &[
                ("as_of", "2026-11-21"),
                ("col", "name"),
                ("col", "post"),
                ("col", "age"),
            ],
        );
        assert_eq!(x.status, 200, "{}", x.body);
        assert!(x.content_type.contains("spreadsheetml"));

        // Printed: A4 landscape, what the page shows.
        let pdf = c.post(
            "/mingce/print.pdf",
            &[
                ("as_of", "2026-11-21"),
                ("col", "name"),
                ("col", "post"),
                ("col", "age"),
            ],
        );
        assert_eq!(pdf.status, 200, "{}", pdf.body);
        assert_eq!(pdf.content_type, "application/pdf");
        let text = pdf_text(&pdf.bytes);
        for want in [
            "干部名册计算年龄时间：2026-11-21",
            "姓名现任职务年龄",
            "市财政局（共2人）",
            "张伟局长46",
            "王强局长53",
            "未任现职（共1人）",
            "第1页共1页",
        ] {
            assert!(text.contains(want), "{want} not in {text}");
        }

        // The liaison of 市财政局: its unit only, on the page and in the workbook.
        let mut l = Client::new(&base);
        l.login("liaison", PASSWORD);
        let mine = post(&mut l, &[("col", "name"), ("col", "post")]);
        assert_eq!(
            table(&mine),
            ["市财政局（共2人）", "张伟|局长", "李娜|副局长"]
        );
        let other = post(&mut l, &[("unit", "U2"), ("col", "name")]);
        assert!(!other.body.contains("王强"));
        assert!(!mine.body.contains("id=\"template-save\""));
        let refused = post(
            &mut l,
            &[("action", "save"), ("name", "我的"), ("col", "name")],
        );
        assert_eq!(refused.status, 403);
        assert!(
            refused
                .body
                .contains("只有组织部工作人员可以保存或删除名册模板")
        );
        let lx = l.post("/mingce/export.xlsx", &[("col", "name")]);
        assert_eq!(lx.status, 200);

        let gone = post(
            &mut c,
            &[
                ("action", "delete"),
                ("template", "班子名册"),
                ("col", "name"),
            ],
        );
        assert_eq!(gone.status, 200);
        assert!(
            gone.body.contains("已删除模板“班子名册”。"),
            "{}",
            gone.body
        );
        let again = post(
            &mut c,
            &[
                ("action", "delete"),
                ("template", "班子名册"),
                ("col", "name"),
            ],
        );
        assert_eq!(again.status, 404);
        assert!(again.body.contains("没有名为“班子名册”的名册模板"));
        (x.bytes, lx.bytes)
    })
    .await;

    // The staff's workbook prints on A4 landscape, its header row on every page, numbered.
    let part = |name: &str| {
        use std::io::Read;
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes.0.clone())).expect("zip");
        let mut text = String::new();
        z.by_name(name)
            .expect("part")
            .read_to_string(&mut text)
            .expect("xml");
        text
    };
    let ws = part("xl/worksheets/sheet1.xml");
    assert!(ws.contains("paperSize=\"9\""), "{ws}");
    assert!(ws.contains("orientation=\"landscape\""), "{ws}");
    assert!(ws.contains("第 &amp;P 页 共 &amp;N 页"), "{ws}");
    let wb = part("xl/workbook.xml");
    assert!(
        wb.contains("_xlnm.Print_Titles") && wb.contains("$3:$3"),
        "{wb}"
    );
    // Its cells.
    let rows = sheet(bytes.0);
    assert_eq!(rows[0][0], "干部名册");
    assert_eq!(rows[1][0], "计算年龄时间：2026-11-21");
    assert_eq!(rows[2], ["姓名", "现任职务", "年龄"]);
    assert_eq!(rows[3][0], "市财政局（共2人）");
    assert_eq!(rows[4], ["张伟", "局长", "46"]);
    assert_eq!(rows[5], ["李娜", "副局长", "41"]);
    assert_eq!(rows[6][0], "市教育局（共1人）");
    assert_eq!(rows[7], ["王强", "局长", "53"]);
    assert_eq!(rows[8][0], "未任现职（共1人）");
    assert_eq!(rows[9], ["赵敏", "", "36"]);
    assert_eq!(rows.len(), 10);
    let liaison = sheet(bytes.1);
    let names: Vec<&str> = liaison[4..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["张伟", "李娜"]);

    // The trail: each save, the delete, each export; nothing for the refused saves.
    let saves = audited(&store, "listing.save", None, None).await;
    assert_eq!(saves.len(), 1, "only the valid template was saved");
    assert!(
        saves[0].after_json.contains("\"columns\":\"name,age\""),
        "{}",
        saves[0].after_json
    );
    assert_eq!(audited(&store, "listing.delete", None, None).await.len(), 1);
    let exports = audited(&store, "export.listing", None, None).await;
    assert_eq!(exports.len(), 3);
    let by = |who: &str, format: &str| {
        let f = format!("\"format\":\"{format}\"");
        exports
            .iter()
            .find(|e| e.actor == who && e.after_json.contains(&f))
            .expect("entry")
    };
    assert!(by("staff", "xlsx").after_json.contains("\"cadres\":4"));
    assert!(by("staff", "pdf").after_json.contains("\"cadres\":4"));
    assert!(by("liaison", "xlsx").after_json.contains("\"cadres\":2"));
    let left = store.listing_templates(&staff()).await.expect("templates");
    assert!(left.is_empty(), "{left:?}");

    // More cadres than the bound: refused with the count, never cut.
    let cols = Template::columns(&["name"]).expect("cols");
    let f = banzi_store::CadreFilter {
        today: banzi_store::today().to_string(),
        ..Default::default()
    };
    match store
        .listing(&staff(), &f, &cols, banzi_store::today(), 3)
        .await
    {
        Err(DomainError::Conflict(m)) => assert_eq!(
            crate::helpers::zh(&m),
            "符合条件的有4人，名册一次最多列出3人，请缩小查询范围"
        ),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// 李娜 of 市财政局 also heads 市教育局: the liaison of 市财政局 may read her, and lists her
/// under its own unit only, on the page and in the workbook (R-SEC-1).
async fn a_cadre_of_two_units_is_listed_to_a_liaison_under_its_unit_only(backend: Backend) {
    let mut roster = fixture::roster();
    let li = crate::fixture::li_na();
    roster.appointments.push(banzi_domain::roster::Located {
        row: 99,
        value: fixture::appt(&li, "P3", "2020-01-01", ""),
    });
    let app = app_of(backend, roster).await;
    let base = app.base.clone();
    let (staff_rows, mine, bytes) = blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        let all = table(&post(&mut c, &[("col", "name"), ("col", "post")]));
        let mut l = Client::new(&base);
        l.login("liaison", PASSWORD);
        let mine = table(&post(&mut l, &[("col", "name"), ("col", "post")]));
        let x = l.post("/mingce/export.xlsx", &[("col", "name"), ("col", "post")]);
        assert_eq!(x.status, 200);
        (all, mine, x.bytes)
    })
    .await;
    assert_eq!(
        staff_rows[..5],
        [
            "市财政局（共2人）",
            "张伟|局长",
            "李娜|副局长",
            "市教育局（共2人）",
            "王强|局长"
        ]
    );
    assert_eq!(staff_rows[5], "李娜|局长");
    assert_eq!(mine, ["市财政局（共2人）", "张伟|局长", "李娜|副局长"]);
    let rows = sheet(bytes);
    let groups: Vec<&str> = rows[3..]
        .iter()
        .filter(|r| r.len() == 1)
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(groups, ["市财政局（共2人）"]);
}

/// The text poppler reads from a PDF, white space removed.
pub fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("mingce.pdf");
    std::fs::write(&path, bytes).expect("pdf written");
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn sheet(bytes: Vec<u8>) -> Vec<Vec<String>> {
    use calamine::Reader;
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("workbook");
    assert_eq!(wb.sheet_names(), ["名册"]);
    wb.worksheet_range("名册")
        .expect("sheet")
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>())
        .map(|r| {
            // A merged heading reads as its first cell.
            if r.iter().skip(1).all(String::is_empty) && !r[0].is_empty() {
                vec![r[0].clone()]
            } else {
                r
            }
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn listing_on_sqlite() {
    listing_staff_and_liaison(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn listing_on_postgres() {
    listing_staff_and_liaison(Backend::Pg).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_units_on_sqlite() {
    a_cadre_of_two_units_is_listed_to_a_liaison_under_its_unit_only(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_units_on_postgres() {
    a_cadre_of_two_units_is_listed_to_a_liaison_under_its_unit_only(Backend::Pg).await;
}

/// The store's rules for templates, on both backends: saving the same columns again writes
/// nothing (and no entry); a reader who is not 组织部 staff uses templates but saves none;
/// an account that does not read the registry sees none.
async fn templates_in_the_store(backend: Backend) {
    use banzi_domain::role::Role;
    let db = crate::helpers::TestDb::new(backend).await;
    let store = &db.store;
    let t = Template::parse("班子名册", &["name", "age"]).expect("t");
    assert!(
        store
            .save_listing_template(&staff(), &t)
            .await
            .expect("save")
    );
    assert!(
        !store
            .save_listing_template(&staff(), &t)
            .await
            .expect("again")
    );
    assert_eq!(audited(store, "listing.save", None, None).await.len(), 1);
    let leader = crate::helpers::as_role(Role::Leader, None);
    let kept = store.listing_templates(&leader).await.expect("read");
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (kept[0].name.as_str(), kept[0].owner.as_str()),
        ("班子名册", "t-staff")
    );
    assert_eq!(kept[0].columns, ["name", "age"]);
    assert!(matches!(
        store.save_listing_template(&leader, &t).await,
        Err(DomainError::Forbidden(_))
    ));
    assert!(matches!(
        store.delete_listing_template(&leader, "班子名册").await,
        Err(DomainError::Forbidden(_))
    ));
    let admin = crate::helpers::as_role(Role::SysAdmin, None);
    assert!(matches!(
        store.listing_templates(&admin).await,
        Err(DomainError::Forbidden(_))
    ));
    assert!(matches!(
        store.delete_listing_template(&staff(), "没有这个").await,
        Err(DomainError::NotFound(_))
    ));
    assert_eq!(
        store.listing_templates(&leader).await.expect("read").len(),
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn templates_on_sqlite() {
    templates_in_the_store(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn templates_on_postgres() {
    templates_in_the_store(Backend::Pg).await;
}
