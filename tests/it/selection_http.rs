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
