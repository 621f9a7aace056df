//! A refused import, on both backends (issue 12, item 12; R-SEC-4): the errors of every
//! sheet in one pass, through the path `banzi import` and the upload page take; a row
//! refused for its own error is not reported again by the rows that refer to it; and an
//! import refused against an existing registry leaves every table and the audit trail as
//! they were.

use super::{count_audit, dump, import};
use crate::fixture::{self, id, li_na};
use crate::helpers::{staff, zh};
use crate::workbook::{Book, Cell, text};
use banzi_domain::Msg;
use banzi_domain::codes::Gender;
use banzi_domain::roster::RowError;
use banzi_store::{ImportError, ImportSummary, Store};

/// Imports a workbook as `banzi import` and the upload page do: read on its own thread and
/// written part by part as it is read.
pub async fn import_workbook(store: &Store, bytes: Vec<u8>) -> Result<ImportSummary, ImportError> {
    let (mut feed, reader) = banzi_io::spawn_reader(bytes, |_| {});
    let result = store.import_feed(&staff(), &mut feed, &|_, _, _| {}).await;
    drop(feed);
    tokio::task::spawn_blocking(move || reader.join())
        .await
        .expect("join")
        .expect("reader");
    result
}

fn refused(r: Result<ImportSummary, ImportError>) -> Vec<RowError> {
    match r {
        Err(ImportError::Rows(rows)) => rows,
        other => panic!("expected row errors, got {other:?}"),
    }
}

fn places(rows: &[RowError]) -> Vec<(&str, u32, &str)> {
    rows.iter()
        .map(|e| (e.sheet.as_str(), e.row, e.column.as_str()))
        .collect()
}

/// An ID number no row of the fixture has.
fn stranger() -> String {
    id(9, "1969-09-09", Gender::Male)
}

/// A blank 姓名 on 干部 hid the unknown 职位编码 on 任职 and everything after it: now the
/// errors of three sheets, cell and cross-sheet alike, come in one answer, in sheet order.
async fn a_refused_import_lists_the_errors_of_every_sheet_at_once(store: Store) {
    let bytes = Book::of(&fixture::roster())
        .set("干部", 5, "姓名", Cell::Blank)
        .set("任职", 3, "职位编码", text("NOPE"))
        .set("培训", 2, "身份证号", text(&stranger()))
        .bytes();
    let errors = refused(import_workbook(&store, bytes).await);
    assert_eq!(
        places(&errors),
        [
            ("干部", 5, "姓名"),
            ("任职", 3, "职位编码"),
            ("培训", 2, "身份证号")
        ],
        "{errors:#?}"
    );
    let read: Vec<String> = errors.iter().map(|e| zh(&e.msg())).collect();
    assert_eq!(
        read,
        [
            "工作表“干部”第5行“姓名”列：必填项不能为空",
            "工作表“任职”第3行“职位编码”列：职位“NOPE”不存在",
            "工作表“培训”第2行“身份证号”列：该身份证号的干部不在“干部”表中",
        ]
    );
    assert!(store.units(&staff()).await.expect("units").is_empty());
    assert_eq!(count_audit(&store).await, 0);
}

both!(a_refused_import_lists_the_errors_of_every_sheet_at_once);

/// A 单位, a 职位 and a 干部 refused for a blank cell are still there for the rows that
/// refer to them (their 上级单位编码, 职位编码, 身份证号 are not "unknown"); a 身份证号 that
/// could not be read (typed as a number) is no key, and the rows naming it keep their error.
async fn a_row_refused_for_its_own_error_is_not_reported_again(store: Store) {
    let li_as_number = li_na()[..17].parse::<f64>().expect("digits") * 10.0;
    let bytes = Book::of(&fixture::roster())
        // 市委 C: its children U1 and U2 name it as their parent.
        .set("单位", 2, "单位类别", Cell::Blank)
        // P3: 王强's appointment (任职 row 5) names it.
        .set("职位", 4, "职位名称", Cell::Blank)
        // 张伟: his appointment (任职 row 2) and training (培训 row 2) name him.
        .set("干部", 2, "姓名", Cell::Blank)
        // 李娜's ID number as a number: her appointments and portfolio cannot find her.
        .set("干部", 3, "身份证号", Cell::Number(li_as_number))
        .bytes();
    let errors = refused(import_workbook(&store, bytes).await);
    assert_eq!(
        places(&errors),
        [
            ("单位", 2, "单位类别"),
            ("职位", 4, "职位名称"),
            ("干部", 2, "姓名"),
            ("干部", 3, "身份证号"),
            ("任职", 3, "身份证号"),
            ("任职", 4, "身份证号"),
            ("分管", 2, "身份证号"),
        ],
        "{errors:#?}"
    );
    assert_eq!(errors[3].message, Msg::new("roster-id-not-text"));
    assert!(store.units(&staff()).await.expect("units").is_empty());
    assert_eq!(count_audit(&store).await, 0);
}

both!(a_row_refused_for_its_own_error_is_not_reported_again);

/// A registry already there; then a roster that changes it on every sheet it reaches before
/// its errors (a new unit, a post's level, a cadre's rank, an appointment's end) is refused,
/// in memory and as a workbook read while written, and not one row of any table, nor of the
/// audit trail, differs afterwards.
async fn a_refused_import_of_an_existing_registry_changes_nothing(store: Store) {
    import(&store).await;
    let before = dump(&store).await;
    let audited = count_audit(&store).await;
    assert!(audited > 0);

    let mut changed = fixture::roster();
    changed.units.push(banzi_domain::roster::Located {
        row: 5,
        value: fixture::unit("U3", "市审计局", "C", "市直单位", "", ""),
    });
    changed.posts[0].value.level = Some(banzi_domain::codes::PostLevel::DivisionDeputy);
    changed.cadres[0].value.rank = "正处级".into();
    changed.appointments[1].value.end = Some(banzi_domain::date::parse("2018-12-31").expect("d"));
    let mut bad = changed.clone();
    bad.portfolios[0].value.post_code = "NOPE".into();
    let errors = refused(store.import_roster(&staff(), &bad, &|_, _, _| {}).await);
    assert_eq!(places(&errors), [("分管", 2, "职位编码")]);
    assert_eq!(
        dump(&store).await,
        before,
        "the roster in memory changed nothing"
    );

    // Read while written: every part before 培训 is written, then a cell error ends it.
    let bytes = Book::of(&changed)
        .set("培训", 2, "培训名称", Cell::Blank)
        .bytes();
    let errors = refused(import_workbook(&store, bytes).await);
    assert_eq!(places(&errors), [("培训", 2, "培训名称")]);
    assert_eq!(dump(&store).await, before, "the workbook changed nothing");
    assert_eq!(count_audit(&store).await, audited);
    assert_eq!(store.verify_audit().await.expect("verify"), Ok(audited));

    // The same changes without the errors are written: they were real changes.
    let s = store
        .import_roster(&staff(), &changed, &|_, _, _| {})
        .await
        .expect("clean");
    assert_eq!((s.units, s.posts, s.cadres, s.appointments), (1, 1, 1, 1));
    assert_ne!(dump(&store).await, before);
}

both!(a_refused_import_of_an_existing_registry_changes_nothing);
