//! Every problem is reported at once, with sheet, row and column (R-SEC-4).

use crate::helpers::*;
use banzi_domain::{Msg, message};

fn cadre_row<'a>(id: &'a str, gender: &'a str, birth: C<'a>) -> Vec<C<'a>> {
    vec![
        C::S(id),
        C::S("张三"),
        C::S(gender),
        C::S("汉族"),
        birth,
        C::Blank,
        C::S("中共党员"),
    ]
}

#[test]
fn errors_in_several_sheets_are_all_reported_with_their_place() {
    let (a, b, c) = (id(1), id(2), id(3));
    let wrong_gender = if a.gender().label() == "男" {
        "女"
    } else {
        "男"
    };
    let birth_b = b.birth_date().to_string();
    let bytes = book(&[
        (
            "单位",
            vec![
                header(&UNIT_HEADER),
                vec![C::S("U1"), C::S("某局"), C::Blank, C::Blank],
                vec![
                    C::S("U2"),
                    C::S("某办"),
                    C::Blank,
                    C::S("市直单位"),
                    C::Blank,
                    C::S("宣传"),
                ],
            ],
        ),
        (
            "干部",
            vec![
                header(&CADRE_HEADER),
                cadre_row(a.as_str(), wrong_gender, C::S("1900-01-01")),
                cadre_row(b.as_str(), b.gender().label(), C::S(&birth_b)),
                cadre_row(c.as_str(), c.gender().label(), C::N(1975.1)),
            ],
        ),
        (
            "培训",
            vec![
                header(&["身份证号", "培训名称", "类别", "开始", "结束", "学时"]),
                vec![
                    C::S(b.as_str()),
                    C::S("班"),
                    C::S("党校"),
                    C::S("2020-13-01"),
                    C::Blank,
                    C::S("许多"),
                ],
            ],
        ),
    ]);
    let errs = errors(&bytes);
    assert_eq!(
        places(&errs),
        [
            ("单位", 2, "单位类别"),
            ("单位", 3, "所属系统"),
            ("干部", 2, "性别"),
            ("干部", 2, "出生日期"),
            ("干部", 4, "出生日期"),
            ("培训", 2, "类别"),
            ("培训", 2, "开始"),
            ("培训", 2, "学时"),
        ],
        "{errs:#?}"
    );
    assert_eq!(
        errs[4].message,
        message!("roster-date-number", value = "1975.1")
    );
    assert_eq!(errs[0].message, Msg::new("reg-required"));
    assert_eq!(
        zh(&errs[0].msg()),
        "工作表“单位”第2行“单位类别”列：必填项不能为空"
    );
    assert_eq!(
        zh(&errs[4].msg()),
        "工作表“干部”第4行“出生日期”列：日期单元格是数字 1975.1，无法确定年月（Excel 会把 1975.10 存成数字 1975.1）；请把该列设为文本格式，按 YYYY.MM 或 YYYY-MM-DD 填写"
    );
}

#[test]
fn a_missing_required_sheet_is_reported_on_row_0() {
    let bytes = book(&[("干部", vec![header(&CADRE_HEADER)]), ("任职", vec![])]);
    let errs = errors(&bytes);
    assert_eq!(places(&errs), [("单位", 0, "")]);
    assert_eq!(
        errs[0].message,
        message!("roster-sheet-missing", sheet = "单位")
    );
    assert_eq!(zh(&errs[0].msg()), "工作表“单位”：缺少工作表“单位”");
}

#[test]
fn a_missing_header_is_named_and_its_sheet_not_read() {
    let mut h = CADRE_HEADER.to_vec();
    h.retain(|x| *x != "民族" && *x != "现职级");
    h.push("姓名");
    let bytes = book(&[unit_sheet(), ("干部", vec![header(&h), vec![C::S("乱填")]])]);
    let errs = errors(&bytes);
    assert_eq!(
        places(&errs),
        [
            ("干部", 1, "姓名"),
            ("干部", 1, "民族"),
            ("干部", 1, "现职级")
        ],
        "{errs:#?}"
    );
    assert_eq!(
        errs[1].message,
        message!("roster-header-missing", header = "民族")
    );
    assert_eq!(zh(&errs[1].message), "缺少表头“民族”（第1行须为表头）");
    assert_eq!(
        errs[0].message,
        message!("roster-header-repeated", header = "姓名")
    );
}

#[test]
fn a_required_sheet_with_no_header_row_misses_every_header() {
    let bytes = book(&[unit_sheet(), ("干部", vec![vec![], vec![C::S("x")]])]);
    assert_eq!(errors(&bytes).len(), 17);
}

#[test]
fn a_formula_cell_is_refused_without_a_second_message() {
    let a = id(1);
    let mut row = cadre_row(a.as_str(), a.gender().label(), C::S("1900-01-01"));
    row[1] = C::F("=\"张\"&\"三\"");
    let birth = a.birth_date().to_string();
    row[4] = C::S(&birth);
    let bytes = book(&[unit_sheet(), ("干部", vec![header(&CADRE_HEADER), row])]);
    let errs = errors(&bytes);
    assert_eq!(places(&errs), [("干部", 2, "姓名")], "{errs:#?}");
    assert_eq!(errs[0].message, Msg::new("roster-cell-formula"));
    assert_eq!(
        zh(&errs[0].message),
        "单元格含公式，请复制后“选择性粘贴为数值”再导入"
    );
}

#[test]
fn a_number_typed_id_number_is_refused() {
    let a = id(1);
    let birth = a.birth_date().to_string();
    let mut row = cadre_row("", a.gender().label(), C::S(&birth));
    row[0] = C::N(a.as_str()[..17].parse::<f64>().unwrap() * 10.0);
    let bytes = book(&[unit_sheet(), ("干部", vec![header(&CADRE_HEADER), row])]);
    let errs = errors(&bytes);
    assert_eq!(places(&errs), [("干部", 2, "身份证号")], "{errs:#?}");
    assert_eq!(errs[0].message, Msg::new("roster-id-not-text"));
}

#[test]
fn an_error_cell_is_refused() {
    let bytes = book(&[unit_sheet(), ("干部", vec![header(&CADRE_HEADER)])]);
    // Sheet 1 is 单位; its B2 (单位名称) becomes #N/A.
    let bytes = patch_sheet(&bytes, 1, |xml| {
        replace_cell(xml, "B2", r#"<c r="B2" t="e"><v>#N/A</v></c>"#)
    });
    let errs = errors(&bytes);
    assert_eq!(places(&errs), [("单位", 2, "单位名称")], "{errs:#?}");
    assert_eq!(
        errs[0].message,
        message!("roster-cell-error", value = "#N/A")
    );
    assert_eq!(zh(&errs[0].message), "单元格为错误值 #N/A，请更正后再导入");
}

#[test]
fn a_header_formula_is_refused() {
    let mut h = header(&CADRE_HEADER);
    h[0] = C::F("=\"身份证号\"");
    let bytes = book(&[unit_sheet(), ("干部", vec![h])]);
    let errs = errors(&bytes);
    assert_eq!(places(&errs)[0], ("干部", 1, "A"), "{errs:#?}");
    assert_eq!(
        zh(&errs[0].msg()),
        "工作表“干部”第1行“A”列：单元格含公式，请复制后“选择性粘贴为数值”再导入"
    );
}

#[test]
fn a_huge_cell_is_refused_without_copying_it_into_the_message() {
    let long = "长".repeat(5000);
    let bytes = book(&[
        (
            "单位",
            vec![
                header(&UNIT_HEADER),
                vec![C::S("U1"), C::S(&long), C::Blank, C::S("市直单位")],
            ],
        ),
        ("干部", vec![header(&CADRE_HEADER)]),
    ]);
    let errs = errors(&bytes);
    assert_eq!(places(&errs), [("单位", 2, "单位名称")], "{errs:#?}");
    assert_eq!(errs[0].message, Msg::new("reg-too-long"));
    assert_eq!(zh(&errs[0].message), "内容过长（最多200字）");
}
