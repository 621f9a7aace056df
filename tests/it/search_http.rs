//! The cadre search as staff use it (issue 15, item 11): namesakes told apart by 出生年月
//! and post (the current one, or the last held), pages numbered with the total, and the
//! result exported to a workbook that the trail records.

use crate::fixture::{self, wang_qiang};
use crate::helpers::{Client, PASSWORD, audited, staff};
use crate::http::{app, blocking};
use banzi_domain::codes::Gender;
use banzi_store::Upsert;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn namesakes_are_told_apart_pages_are_numbered_and_the_result_exports() {
    let app = app().await;
    let s = staff();
    let today = banzi_store::today();
    // A second 王强, born 1988, who held 市财政局 副局长 until 2020 and holds nothing now.
    let other = fixture::id(7, "1988-09-15", Gender::Male);
    app.db
        .store
        .save_cadre(
            &s,
            &fixture::cadre(&other, "王强", "男", "1988-09-15", "群众", "大学"),
            Upsert::MustBeNew,
            today,
        )
        .await
        .expect("namesake");
    app.db
        .store
        .appoint(
            &s,
            &fixture::appt(&other, "P2", "2017-01-01", "2020-06-30"),
            &[],
        )
        .await
        .expect("former post");
    // Enough cadres for three pages of twenty.
    for n in 0..41u32 {
        let idn = fixture::id(100 + n, "1975-01-01", Gender::Female);
        let name = format!(
            "柯{}",
            ["一", "二", "三", "四", "五", "六", "七"][(n % 7) as usize]
        );
        app.db
            .store
            .save_cadre(
                &s,
                &fixture::cadre(&idn, &name, "女", "1975-01-01", "中共党员", "大学"),
                Upsert::MustBeNew,
                today,
            )
            .await
            .expect("cadre");
    }
    let base = app.base.clone();
    let (wq, other_id) = (wang_qiang(), other.clone());
    let bytes = blocking(move || {
        let mut c = Client::new(&base);
        c.login("staff", PASSWORD);
        let found = c.post("/cadres/search", &[("q", "王强")]);
        assert_eq!(found.status, 200);
        assert!(
            found.body.contains("\"result-count\">共 2 人<"),
            "{}",
            found.body
        );
        let rows: Vec<&str> = found.body.split("class=\"cadre-row\"").skip(1).collect();
        assert_eq!(rows.len(), 2);
        let row_of = |born: &str| {
            *rows
                .iter()
                .find(|r| r.contains(&format!("cadre-born text-nowrap\">{born}<")))
                .unwrap_or_else(|| panic!("a row born {born}"))
        };
        assert!(row_of("1972.11").contains("市教育局 局长"));
        assert!(
            row_of("1988.09").contains("原任：市财政局 副局长"),
            "{}",
            row_of("1988.09")
        );
        // The whole list: 46 cadres, three pages, each numbered.
        let all = c.get("/cadres");
        assert!(
            all.body.contains(
                "\"result-count\">共 46 人</span> · <span id=\"result-page\">第 1 / 3 页"
            ),
            "{}",
            all.body
        );
        for n in 1..=3 {
            assert!(
                all.body.contains(&format!("page={n}\"")),
                "a link to page {n}"
            );
        }
        let third = c.get("/cadres?page=3");
        assert!(third.body.contains("第 3 / 3 页"));
        assert_eq!(third.body.matches("class=\"cadre-row\"").count(), 6);
        assert!(third.body.contains("aria-current=\"page\">3<"));

        // The export sends the search again in the body: both namesakes, the ID numbers
        // as text, the age a number, the former post marked.
        let x = c.post("/cadres/export.xlsx", &[("q", "王强")]);
        assert_eq!(x.status, 200, "{}", x.body);
        assert!(x.content_type.contains("spreadsheetml"));
        // By an ID number: the number is in no address, and found.
        let by_id = c.post("/cadres/export.xlsx", &[("q", &other_id)]);
        assert_eq!(by_id.status, 200);
        // A search that cannot run is said, and nothing is exported.
        let bad = c.post("/cadres/export.xlsx", &[("age_min", "200")]);
        assert_eq!(bad.status, 422, "{}", bad.body);
        assert!(bad.body.contains("查询条件有误"), "{}", bad.body);
        let _ = wq;
        x.bytes
    })
    .await;
    use calamine::Reader;
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("workbook");
    assert_eq!(wb.sheet_names(), ["干部查询"]);
    let sheet = wb.worksheet_range("干部查询").expect("sheet");
    let cells: Vec<Vec<calamine::Data>> = sheet.rows().map(<[_]>::to_vec).collect();
    assert_eq!(cells.len(), 3, "header and two namesakes");
    let text = |r: &[calamine::Data]| r.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    assert_eq!(
        text(&cells[0]),
        [
            "姓名",
            "性别",
            "出生年月",
            "年龄",
            "政治面貌",
            "学历",
            "职级",
            "现任职务（或原任）",
            "身份证号"
        ]
    );
    let by_born = |born: &str| {
        cells
            .iter()
            .find(|r| r[2] == calamine::Data::String(born.into()))
            .unwrap_or_else(|| panic!("{born}"))
    };
    let young = by_born("1988.09");
    assert!(
        matches!(young[3], calamine::Data::Float(_)),
        "{:?}",
        young[3]
    );
    assert_eq!(young[7].to_string(), "原任：市财政局 副局长");
    assert_eq!(young[8], calamine::Data::String(other.clone()));
    assert_eq!(by_born("1972.11")[8], calamine::Data::String(wang_qiang()));
    // Each export is on the trail, a searched number masked.
    let exports = audited(&app.db.store, "export.cadres", Some("cadre"), None).await;
    assert_eq!(exports.len(), 2);
    assert!(
        exports
            .iter()
            .any(|e| e.after_json.contains("\"cadres\":2"))
    );
    assert!(exports.iter().all(|e| !e.after_json.contains(&other)));
}
