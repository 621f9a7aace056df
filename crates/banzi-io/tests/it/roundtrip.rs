//! Export → import is lossless, and the template imports as an empty roster.

use std::cell::RefCell;

use banzi_io::layout;
use banzi_io::{Progress, template, write_roster};
use calamine::{Data, Reader, Xlsx};

use crate::helpers::*;

#[test]
fn write_then_read_gives_the_same_roster() {
    let r = full_roster();
    let bytes = write_roster(&r, &|_| {}).unwrap();
    let (back, notices) = read(&bytes).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(values(&back), values(&r));
    // Rows are numbered from 2, in order.
    assert_eq!(
        back.cadres.iter().map(|c| c.row).collect::<Vec<_>>(),
        [2, 3]
    );
    // And once more: the second export reads back the same.
    let again = write_roster(&back, &|_| {}).unwrap();
    assert_eq!(values(&read(&again).unwrap().0), values(&r));
}

#[test]
fn the_export_has_the_six_sheets_with_the_exact_headers_and_text_id_numbers() {
    let bytes = write_roster(&full_roster(), &|_| {}).unwrap();
    let mut x: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let names = x.sheet_names();
    assert_eq!(names, ["单位", "职位", "干部", "任职", "分管", "培训"]);
    for spec in layout::SHEETS {
        let range = x.worksheet_range(spec.name).unwrap();
        let first: Vec<String> = range
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(first, spec.headers().collect::<Vec<_>>());
    }
    let cadres = x.worksheet_range("干部").unwrap();
    assert!(
        matches!(cadres.get((1, 0)), Some(Data::String(_))),
        "ID numbers are text"
    );
    assert!(
        matches!(cadres.get((1, 4)), Some(Data::String(s)) if s.len() == 10),
        "dates are ISO text"
    );
    let posts = x.worksheet_range("职位").unwrap();
    assert_eq!(
        posts.get((1, 5)),
        Some(&Data::Float(3.0)),
        "职数 is a number"
    );
    assert_eq!(
        posts.get((1, 6)),
        Some(&Data::String("正处级".into())),
        "职务层次 by its label"
    );
}

#[test]
fn a_post_level_reads_its_aliases_and_refuses_other_words() {
    let post = |level: &'static str| {
        vec![
            C::S("P1"),
            C::S("U1"),
            C::Blank,
            C::S("局长"),
            C::S("正职"),
            C::Blank,
            C::S(level),
        ]
    };
    let sheet = |rows: Vec<Vec<C<'static>>>| {
        let mut v = vec![header(&[
            "职位编码",
            "单位编码",
            "班子名称",
            "职位名称",
            "职位类别",
            "职数",
            "职务层次",
        ])];
        v.extend(rows);
        book(&[
            unit_sheet(),
            ("职位", v),
            ("干部", vec![header(&CADRE_HEADER)]),
        ])
    };
    let (r, _) = read(&sheet(vec![post("正县级")])).unwrap();
    assert_eq!(
        r.posts[0].value.level,
        Some(banzi_domain::codes::PostLevel::DivisionChief)
    );
    let (r, _) = read(&sheet(vec![post("")])).unwrap();
    assert_eq!(r.posts[0].value.level, None, "blank is unknown");
    let errs = errors(&sheet(vec![post("处级")]));
    assert_eq!(places(&errs), [("职位", 2, "职务层次")], "{errs:#?}");
    assert_eq!(errs[0].message.id, "reg-not-a-choice");
    assert!(zh(&errs[0].message).contains("正处级"), "{}", errs[0]);
}

#[test]
fn progress_is_reported_for_every_sheet() {
    let seen = RefCell::new(Vec::new());
    let rec = |p: Progress| seen.borrow_mut().push(p);
    let bytes = write_roster(&full_roster(), &rec).unwrap();
    assert_eq!(seen.borrow().len(), 6);
    seen.borrow_mut().clear();
    banzi_io::read_roster(&bytes, &rec).unwrap();
    let last: Vec<_> = seen.borrow().iter().map(|p| (p.sheet, p.done)).collect();
    assert_eq!(
        last,
        [
            ("单位", 2),
            ("职位", 2),
            ("干部", 2),
            ("任职", 2),
            ("分管", 2),
            ("培训", 2)
        ]
    );
}

#[test]
fn the_template_reads_as_an_empty_roster_without_notices() {
    let bytes = template().unwrap();
    let (r, notices) = read(&bytes).unwrap();
    assert_eq!(r, Default::default());
    assert!(notices.is_empty(), "{notices:?}");
    let x: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(x.sheet_names()[0], "说明");
}

#[test]
fn excel_dates_whole_numbers_and_decimals_are_read_as_the_user_means() {
    let id7 = id(7);
    let birth = id7.birth_date();
    let cadre = vec![
        C::S(id7.as_str()),
        C::S("李四"),
        C::S(id7.gender().label()),
        C::S("汉族"),
        C::D(birth.year() as u16, birth.month() as u8, birth.day() as u8),
        C::Blank,
        C::S("群众"),
        C::Blank,
        C::S("1998.09"),
    ];
    let bytes = book(&[
        unit_sheet(),
        (
            "职位",
            vec![
                header(&[
                    "职位编码",
                    "单位编码",
                    "班子名称",
                    "职位名称",
                    "职位类别",
                    "职数",
                ]),
                vec![
                    C::S("P1"),
                    C::S("U1"),
                    C::Blank,
                    C::S("局长"),
                    C::S("正职"),
                    C::N(3.0),
                ],
            ],
        ),
        ("干部", vec![header(&CADRE_HEADER), vec![], cadre]),
        (
            "培训",
            vec![
                header(&["身份证号", "培训名称", "类别", "开始", "结束", "学时"]),
                vec![
                    C::S(id7.as_str()),
                    C::S("班"),
                    C::S("其他"),
                    C::S("2020-01"),
                    C::Blank,
                    C::N(1.5),
                ],
            ],
        ),
    ]);
    let (r, notices) = read(&bytes).unwrap();
    assert_eq!(r.posts[0].value.seats, 3);
    // A 职位 sheet from before 职务层次 (2026-12-02) loads, its posts' level unknown, and
    // nothing is said about the missing column.
    assert_eq!(r.posts[0].value.level, None);
    assert!(notices.is_empty(), "{notices:?}");
    let c = &r.cadres[0];
    assert_eq!(c.row, 3, "the blank row 2 is skipped, row numbers kept");
    assert_eq!(c.value.birth_date, id7.birth_date());
    assert_eq!(c.value.work_started, Some(d("1998-09-01")));
    assert_eq!(r.trainings[0].value.hours, Some(1.5));
    assert_eq!(r.trainings[0].value.start, d("2020-01-01"));
}

#[test]
fn columns_may_come_in_any_order_and_extra_columns_are_noted() {
    let bytes = reordered_book();
    let (r, notices) = read(&bytes).unwrap();
    assert_eq!(r.units[0].value.code, "U1");
    assert!(r.units[0].value.non_cpc_required);
    let text: Vec<String> = notices.iter().map(|n| zh(&n.msg())).collect();
    assert_eq!(
        text,
        [
            "工作表“单位”：以下列不在标准模板中，已忽略：备注、联系人",
            "工作表“草稿”：不是花名册的工作表，已忽略"
        ]
    );
}
