//! How the reader's errors and notices read in the three languages: the sheet, column and
//! header names as the workbook writes them (the user must find them there), the rest
//! translated, vocabulary values included.

use crate::helpers::*;
use banzi_i18n::{Lang, Tr};

const EN: Tr = Tr::new(Lang::En);
const TW: Tr = Tr::new(Lang::ZhTw);

#[test]
fn reader_errors_read_in_three_languages() {
    let bytes = book(&[
        (
            "单位",
            vec![
                header(&UNIT_HEADER),
                vec![
                    C::S("U1"),
                    C::S("某局"),
                    C::Blank,
                    C::S("市直单位"),
                    C::Blank,
                    C::S("宣传"),
                ],
            ],
        ),
        ("干部", vec![header(&CADRE_HEADER[..16])]),
    ]);
    let errs = errors(&bytes);
    assert_eq!(
        places(&errs),
        [("单位", 2, "所属系统"), ("干部", 1, "现职级")],
        "{errs:#?}"
    );
    let read = |tr: Tr| errs.iter().map(|e| tr.msg(&e.msg())).collect::<Vec<_>>();
    assert_eq!(
        read(Tr::new(Lang::ZhCn)),
        [
            "工作表“单位”第2行“所属系统”列：所属系统“宣传”不在可选范围内（可选：纪检监察、组织、公检法、其他）",
            "工作表“干部”第1行“现职级”列：缺少表头“现职级”（第1行须为表头）",
        ]
    );
    assert_eq!(
        read(TW),
        [
            "工作表「单位」第2列「所属系统」欄：所屬系統「宣传」不在可選範圍內（可選：紀檢監察、組織、公檢法、其他）",
            "工作表「干部」第1列「现职级」欄：缺少表頭「现职级」（第1列須為表頭）",
        ]
    );
    assert_eq!(
        read(EN),
        [
            "Sheet “单位”, row 2, column “所属系统”: System “宣传” is not one of the choices \
             (Discipline inspection, Organization, Police, procuratorate and courts, Other)",
            "Sheet “干部”, row 1, column “现职级”: Header “现职级” is missing (row 1 must hold the headers)",
        ]
    );
}

#[test]
fn notices_and_file_refusals_read_in_three_languages() {
    let bytes = reordered_book();
    let (_, notices) = read(&bytes).expect("read");
    let read = |tr: Tr| notices.iter().map(|n| tr.msg(&n.msg())).collect::<Vec<_>>();
    assert_eq!(
        read(EN),
        [
            "Sheet “单位”: These columns are not in the standard template and were ignored: 备注, 联系人",
            "Sheet “草稿”: Not a roster sheet; ignored",
        ]
    );
    assert_eq!(
        read(TW),
        [
            "工作表「单位」：以下欄位不在標準範本中，已忽略：备注、联系人",
            "工作表「草稿」：不是花名冊的工作表，已忽略",
        ]
    );
    let refused = errors(b"PK\x03\x04 and nothing");
    assert_eq!(
        EN.msg(&refused[0].msg()),
        "Sheet “文件”: The file is not a valid .xlsx workbook"
    );
    assert_eq!(TW.msg(&refused[0].message), "檔案不是有效的 .xlsx 活頁簿");
}
