//! Hostile and foreign files are refused whole, before calamine inflates them (R-SEC-4).

use banzi_io::roster_read::{MAX_INPUT_BYTES, MAX_ROWS};
use zip::CompressionMethod;

use crate::helpers::*;
use banzi_domain::{Msg, message};

/// The one error of a file refused whole.
fn refusal(bytes: &[u8]) -> Msg {
    let errs = errors(bytes);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!((errs[0].sheet.as_str(), errs[0].row), ("文件", 0));
    errs[0].message.clone()
}

/// The refusal as it reads in zh-CN.
fn refused(bytes: &[u8]) -> String {
    zh(&refusal(bytes))
}

fn good() -> Vec<u8> {
    banzi_io::template().unwrap()
}

#[test]
fn bytes_that_are_not_a_workbook_are_refused() {
    assert_eq!(refused(b"hello, world"), "文件不是有效的 .xlsx 工作簿");
    assert_eq!(refused(b"%PDF-1.7\n"), "文件不是有效的 .xlsx 工作簿");
    assert_eq!(refused(b""), "文件不是有效的 .xlsx 工作簿");
    assert_eq!(
        refusal(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        Msg::new("roster-not-xlsx-ole")
    );
    // Cut in half: the central directory is gone.
    let g = good();
    assert!(refused(&g[..g.len() / 2]).starts_with("文件不是有效的 .xlsx 工作簿"));
    // A zip, but not a workbook.
    let z = zip_of(
        &[("a.txt".into(), b"hi".to_vec())],
        CompressionMethod::Deflated,
    );
    assert!(refused(&z).starts_with("文件不是有效的 .xlsx 工作簿"));
}

#[test]
fn an_oversized_upload_is_refused_unread() {
    let big = vec![0u8; MAX_INPUT_BYTES + 1];
    assert_eq!(
        refusal(&big),
        message!("roster-file-too-large", size = 200, max = 200)
    );
    assert_eq!(refused(&big), "文件过大（200 MB），最大允许 200 MB");
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_inflated() {
    // 16 MiB of zeros deflate to ~16 KiB (about 1000:1).
    let mut entries = unzip(&good());
    entries.push(("xl/media/zeros.xml".into(), vec![0u8; 16 << 20]));
    let bomb = zip_of(&entries, CompressionMethod::Deflated);
    assert!(bomb.len() < 1 << 20, "{}", bomb.len());
    let m = refused(&bomb);
    assert!(m.contains("压缩比异常") && m.contains("压缩炸弹"), "{m}");
}

#[test]
fn a_declared_inflated_size_past_the_limit_is_refused() {
    // A stored 6 MiB entry whose headers claim 1.1 GiB: ratio 183 (under the ratio limit),
    // but the total is over 1 GiB.
    let mut entries = unzip(&good());
    let data: Vec<u8> = (0..6u32 << 20)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    entries.push(("xl/media/big.bin".into(), data));
    let mut z = zip_of(&entries, CompressionMethod::Stored);
    let claim = (1100u32 << 20).to_le_bytes();
    let name = b"xl/media/big.bin";
    // Local header: size at +22; central header: size at +24.
    for (sig, off, name_at) in [(b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)] {
        let at = (0..z.len() - name_at - name.len())
            .find(|&i| &z[i..i + 4] == sig && &z[i + name_at..i + name_at + name.len()] == name)
            .unwrap();
        z[at + off..at + off + 4].copy_from_slice(&claim);
    }
    let m = refused(&z);
    assert!(m.contains("解压后超过") && m.contains("压缩炸弹"), "{m}");
}

#[test]
fn too_many_entries_are_refused() {
    let entries: Vec<_> = (0..1001)
        .map(|i| (format!("x/{i}.xml"), Vec::new()))
        .collect();
    let z = zip_of(&entries, CompressionMethod::Stored);
    assert_eq!(
        refused(&z),
        "文件包含 1001 个内部条目，超过上限 1000，不是正常的花名册工作簿"
    );
}

#[test]
fn a_sheet_declaring_too_many_rows_is_refused() {
    let bytes = book(&[unit_sheet(), ("干部", vec![header(&CADRE_HEADER)])]);
    let bytes = patch_sheet(&bytes, 2, |xml| {
        set_dimension(xml, &format!("A1:Q{}", MAX_ROWS + 5))
    });
    let errs = errors(&bytes);
    assert_eq!(places(&errs), [("干部", 0, "")], "{errs:#?}");
    assert_eq!(
        errs[0].message,
        message!(
            "roster-sheet-too-big",
            rows = MAX_ROWS + 5,
            columns = 17,
            max_rows = MAX_ROWS,
            max_columns = 200,
        )
    );
}

#[test]
fn a_cell_beyond_the_column_limit_is_refused_even_when_the_dimension_lies() {
    let mut wide = header(&CADRE_HEADER);
    wide.resize(251, C::Blank);
    wide[250] = C::S("远处");
    let bytes = book(&[unit_sheet(), ("干部", vec![wide])]);
    let bytes = patch_sheet(&bytes, 2, |xml| set_dimension(xml, "A1:Q1"));
    let errs = errors(&bytes);
    assert_eq!(places(&errs), [("干部", 0, "")], "{errs:#?}");
    assert_eq!(
        zh(&errs[0].message),
        "工作表范围过大（1 行 × 251 列；上限 1100000 行、200 列），请删除多余的行和列后再导入"
    );
    assert_eq!(
        banzi_i18n::Tr::new(banzi_i18n::Lang::En).msg(&errs[0].message),
        "The sheet is too large (1 row × 251 columns; at most 1100000 rows and 200 columns); \
         delete the extra rows and columns and import again"
    );
}

fn set_dimension(xml: &str, r: &str) -> String {
    let start = xml.find("<dimension ref=\"").unwrap() + 16;
    let end = start + xml[start..].find('"').unwrap();
    format!("{}{}{}", &xml[..start], r, &xml[end..])
}
