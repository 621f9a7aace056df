//! Selection cases over HTTP (issue 17): a 动议 with a blank field refused on the board with
//! the reason in Chinese and nothing written; the 全程纪实表 of a case downloaded as a
//! workbook and printed as a PDF (read back with poppler), each download audited.

use crate::conformance::selection::{opening, to_shortlist};
use crate::helpers::{Client, PASSWORD, cadre_ref, staff};
use crate::http::{app, blocking};
use crate::listing_http::pdf_text;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_initiation_says_why_and_writes_nothing() {
    let app = app().await;
    let base = app.base.clone();
    let r = blocking(move || {
        let mut c = Client::new(&base);
        assert_eq!(c.login("staff", PASSWORD).status, 303);
        c.post(
            "/selection",
            &[
                ("post", "P3"),
                ("places", "1"),
                ("reason", ""),
                ("scope", "市直"),
                ("conditions", "本科"),
                ("on", "2026-08-01"),
            ],
        )
    })
    .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("id=\"selection-errors\""), "{}", r.body);
    assert!(r.body.contains("R-SEL-12：请填写理由"), "{}", r.body);
    let cases = app
        .db
        .store
        .selection_cases(&staff(), &Default::default())
        .await
        .expect("cases");
    assert!(cases.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_record_of_a_case_downloads_and_prints() {
    let app = app().await;
    let store = app.db.store.clone();
    let s = staff();
    let id = store
        .open_selection_case(&s, &opening("2026-08-01"))
        .await
        .expect("case");
    let zhao = cadre_ref(&store, &crate::fixture::zhao_min()).await;
    for input in to_shortlist(zhao) {
        store.selection_command(&s, id, input).await.expect("step");
    }
    let base = app.base.clone();
    let (xlsx, pdf) = blocking(move || {
        let mut c = Client::new(&base);
        assert_eq!(c.login("staff", PASSWORD).status, 303);
        (
            c.get(&format!("/selection/{id}/record.xlsx")),
            c.get(&format!("/selection/{id}/record.pdf")),
        )
    })
    .await;
    assert_eq!((xlsx.status, pdf.status), (200, 200));
    assert_eq!(pdf.content_type, "application/pdf");
    let text = pdf_text(&pdf.bytes);
    for word in [
        "市教育局局长选拔任用全程纪实表",
        "动议",
        "谈话调研推荐",
        "提名人选",
        "确定考察对象",
        "赵敏",
    ] {
        assert!(text.contains(word), "{word} in {text}");
    }
    use calamine::Reader;
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(xlsx.bytes)).expect("workbook");
    let range = wb.worksheet_range("全程纪实表").expect("sheet");
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows[0][0], "市教育局 局长选拔任用全程纪实表");
    let head = rows
        .iter()
        .position(|r| r[0] == "序号")
        .expect("header row");
    let kinds: Vec<&str> = rows[head + 1..].iter().map(|r| r[4].as_str()).collect();
    assert_eq!(kinds, ["动议", "谈话调研推荐", "提名人选", "确定考察对象"]);
    // Both downloads are on the trail.
    let trail = crate::conformance::audit::raw_trail(&store).await;
    let exports = trail
        .iter()
        .filter(|e| e.action == "export.selection" && e.entity_key == id.to_string())
        .count();
    assert_eq!(exports, 2);
}

/// The 常委会's materials for a case waiting for it: the 调配建议方案 and the 表决票 list
/// 赵敏 from her current post (none) to 市教育局局长 with the case's reason; her 任免审批表
/// carries the proposal. With nothing waiting, the page says so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_committee_materials_list_the_candidates_waiting() {
    let app = app().await;
    let store = app.db.store.clone();
    let s = staff();
    let base = app.base.clone();
    let empty = blocking(move || {
        let mut c = Client::new(&base);
        assert_eq!(c.login("staff", PASSWORD).status, 303);
        c.get("/selection/meeting/plan.pdf?batch=")
    })
    .await;
    assert_eq!(empty.status, 422);
    assert!(
        empty.body.contains("没有待常委会讨论决定的案件"),
        "{}",
        empty.body
    );
    let id = store
        .open_selection_case(&s, &opening("2026-08-01"))
        .await
        .expect("case");
    let zhao = cadre_ref(&store, &crate::fixture::zhao_min()).await;
    for input in to_shortlist(zhao) {
        store.selection_command(&s, id, input).await.expect("step");
    }
    crate::conformance::selection::inspect_and_clear(&store, id, zhao).await;
    let base = app.base.clone();
    let (plan, ballot, forms) = blocking(move || {
        // The materials are staff's: a leader and the reviewer read cases, not these.
        for who in ["leader", "discipline"] {
            let mut c = Client::new(&base);
            assert_eq!(c.login(who, PASSWORD).status, 303);
            assert_eq!(c.get("/selection/meeting/plan.pdf").status, 403, "{who}");
        }
        let mut c = Client::new(&base);
        assert_eq!(c.login("staff", PASSWORD).status, 303);
        (
            c.get("/selection/meeting/plan.pdf?batch="),
            c.get("/selection/meeting/ballot.pdf?batch="),
            c.get("/selection/meeting/forms.pdf?batch="),
        )
    })
    .await;
    assert_eq!((plan.status, ballot.status, forms.status), (200, 200, 200));
    let plan = pdf_text(&plan.bytes);
    for word in [
        "干部调配建议方案",
        "赵敏",
        "市教育局局长",
        "王强同志到龄退休",
    ] {
        assert!(plan.contains(word), "{word} in {plan}");
    }
    let ballot = pdf_text(&ballot.bytes);
    for word in [
        "干部任免表决票",
        "赵敏",
        "市教育局局长",
        "同意",
        "不同意",
        "弃权",
    ] {
        assert!(ballot.contains(word), "{word} in {ballot}");
    }
    let forms = pdf_text(&forms.bytes);
    for word in ["干部任免审批表", "赵敏", "市教育局局长", "王强同志到龄退休"]
    {
        assert!(forms.contains(word), "{word} in {forms}");
    }
}

/// 竞争上岗 on a case (R-SEL-11): a line that cannot be read is refused beside the form and
/// nothing is saved; then two applicants whose published totals are equal share the first
/// rank (并列) — binary floating point would have put one ahead — and the five notices print.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_competition_ranks_in_exact_decimals_and_prints_its_notices() {
    let app = app().await;
    let store = app.db.store.clone();
    let id = store
        .open_selection_case(&staff(), &opening("2026-08-01"))
        .await
        .expect("case");
    let base = app.base.clone();
    let (bad, good, page, pdf) = blocking(move || {
        let mut c = Client::new(&base);
        assert_eq!(c.login("staff", PASSWORD).status, 303);
        let path = format!("/selection/{id}/competition");
        let mut fields = vec![
            ("issuer", "中共江川市委组织部"),
            ("conditions", "具有大学本科以上学历\n任正科级职务3年以上"),
            ("judges", "甲、乙、丙"),
            (
                "applicants",
                "张甲 通过\n李乙 通过\n王丙 不通过 任职年限不足",
            ),
            // 0.4 × 80 + 0.6 × 83 = 81.8 = 0.4 × 83 + 0.6 × 81; f64 gives 81.8 and
            // 81.80000000000001.
            ("written", "张甲 80\n李乙 83"),
            (
                "interview",
                "甲 张甲 83\n乙 张甲 83\n丙 张甲 83\n甲 李乙 81\n乙 李乙 81\n丙 李乙 81",
            ),
        ];
        fields[3].1 = "张甲 通过\n李乙 也许";
        let bad = c.post(&path, &fields);
        fields[3].1 = "张甲 通过\n李乙 通过\n王丙 不通过 任职年限不足";
        let good = c.post(&path, &fields);
        let page = c.get(&path);
        let pdf = c.get(&format!("{path}/notices.pdf"));
        (bad, good, page, pdf)
    })
    .await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.body.contains("报名人员第2行“李乙 也许”应写成"),
        "{}",
        bad.body
    );
    assert_eq!(good.status, 303);
    let ranks: Vec<&str> = page
        .body
        .split("class=\"competition-line\"")
        .skip(1)
        .map(|row| {
            row.split("<td>")
                .nth(1)
                .unwrap_or("")
                .split("</td>")
                .next()
                .unwrap_or("")
        })
        .collect();
    assert_eq!(ranks, ["1（并列）", "1（并列）"], "{}", page.body);
    assert!(page.body.contains("81.80"));
    // 五公开 as pages too: five notices, the result's with both names tied.
    assert_eq!(
        page.body
            .matches("class=\"card card-body competition-notice\"")
            .count(),
        5
    );
    let result = page
        .body
        .rsplit("competition-notice\"")
        .next()
        .unwrap_or_default();
    assert!(
        result.contains("张甲") && result.contains("并列"),
        "{result}"
    );
    assert_eq!(pdf.status, 200);
    let text = pdf_text(&pdf.bytes);
    for word in ["张甲", "李乙", "81.80", "并列", "具有大学本科以上学历"] {
        assert!(text.contains(word), "{word} in {text}");
    }
}
