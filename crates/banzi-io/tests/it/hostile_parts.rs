//! Parts of a workbook that would cost memory or carry parser tricks are refused with a
//! message that names the part and says what to do, never the XML parser's words
//! (issue 14, items 6 and 15).

use banzi_io::roster_read::MAX_SHARED_STRINGS_BYTES;
use zip::CompressionMethod;

use crate::helpers::*;
use crate::memory::peak_during;

fn good() -> Vec<u8> {
    banzi_io::template().unwrap()
}

/// The template with the entry `name` replaced by `data`.
fn with_part(name: &str, data: Vec<u8>) -> Vec<u8> {
    let mut entries = unzip(&good());
    let slot = entries
        .iter_mut()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} in the template"));
    slot.1 = data;
    zip_of(&entries, CompressionMethod::Deflated)
}

/// The one error of a file refused whole, in zh-CN.
fn refused(bytes: &[u8]) -> String {
    let errs = errors(bytes);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    zh(&errs[0].message)
}

/// Words of the XML parser, zip or Rust that must never reach a user.
fn assert_no_internals(m: &str) {
    for w in [
        "Xml",
        "xml error",
        "Error",
        "error",
        "entity",
        "Entity",
        "EOF",
        "Eof",
        "Unexpected",
        "quick",
        "calamine",
        "Zip",
        "invalid",
        "Invalid",
        "expected",
        "line",
        "position",
    ] {
        assert!(!m.contains(w), "{w:?} in {m:?}");
    }
    assert!(
        m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{m}"
    );
}

#[test]
fn shared_strings_that_unpack_past_the_bound_are_refused_with_little_memory() {
    // 2.6 million distinct short strings: 62 MB of XML, a few MB packed (under the ratio
    // limit, so only the shared-strings bound can refuse it); calamine would hold each as a
    // String, over 100 MB.
    let n = 2_600_000u32;
    let mut xml = String::with_capacity(n as usize * 24 + 200);
    xml.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#);
    for i in 0..n {
        xml.push_str(&format!("<si><t>{i:08}</t></si>"));
    }
    xml.push_str("</sst>");
    assert!(
        (xml.len() as u64) < MAX_SHARED_STRINGS_BYTES,
        "declared size alone is under the bound"
    );
    let bomb = with_part("xl/sharedStrings.xml", xml.into_bytes());
    assert!(bomb.len() < 20 << 20, "{}", bomb.len());
    let (m, peak) = peak_during(|| refused(&bomb));
    assert_eq!(
        m,
        "工作簿的共享字符串部分（“xl/sharedStrings.xml”）展开后需要超过 128 MB 内存，已拒绝；请把花名册拆成几个较小的工作簿分别导入"
    );
    assert!(peak < 8 << 20, "the refusal held {} KB", peak >> 10);
}

#[test]
fn shared_strings_declared_past_the_bound_are_refused_without_inflating() {
    // Stored entries declare their size; one past the bound is refused before it is read.
    let big = vec![b' '; MAX_SHARED_STRINGS_BYTES as usize + 1];
    let mut entries = unzip(&good());
    for e in entries
        .iter_mut()
        .filter(|(n, _)| n == "xl/sharedStrings.xml")
    {
        e.1 = big.clone();
    }
    let z = zip_of(&entries, CompressionMethod::Stored);
    drop(big);
    let (m, peak) = peak_during(|| refused(&z));
    assert!(m.starts_with("工作簿的共享字符串部分"), "{m}");
    assert!(peak < 8 << 20, "the refusal held {} KB", peak >> 10);
}

#[test]
fn a_doctype_in_any_part_is_refused_naming_the_part() {
    let xxe = r#"<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>"#;
    let m = refused(&with_part("xl/sharedStrings.xml", xxe.as_bytes().to_vec()));
    assert_eq!(
        m,
        "工作簿的“xl/sharedStrings.xml”部分含有文档类型声明（DOCTYPE），Excel 保存的文件不会有这种内容，为安全起见拒绝导入；请在 Excel 中打开并另存为 .xlsx 后再导入"
    );
    let laughs = r#"<?xml version="1.0"?><!doctype lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><workbook/>"#;
    let m = refused(&with_part("xl/workbook.xml", laughs.as_bytes().to_vec()));
    assert!(m.contains("“xl/workbook.xml”部分含有文档类型声明"), "{m}");
    assert_no_internals(&m);
}

#[test]
fn broken_xml_reads_as_a_chinese_message_without_the_parsers_words() {
    // The workbook part calamine reads first.
    let m = refused(&with_part(
        "xl/workbook.xml",
        b"<workbook><sheets><sheet name=\"x\" r:id=".to_vec(),
    ));
    assert_eq!(
        m,
        "工作簿内部的 XML 内容已损坏，无法读取；请在 Excel 中打开并另存为 .xlsx 后再导入"
    );
    assert_no_internals(&m);
    // An undeclared entity in the shared strings.
    let m = refused(&with_part(
        "xl/sharedStrings.xml",
        br#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&bogus;</t></si></sst>"#.to_vec(),
    ));
    assert_no_internals(&m);
    // A sheet cut off in the middle of a cell.
    let cut = patch_sheet(&unit_book(), 1, |xml| {
        let at = xml.find("<c r=\"A2\"").expect("a data cell");
        format!(
            "{}<c r=\"A2\" t=\"inlineStr\"><is><t>&bogus;</t></is></c></row></sheetData></worksheet>",
            &xml[..at]
        )
    });
    let errs = errors(&cut);
    assert!(!errs.is_empty());
    for e in &errs {
        assert_no_internals(&zh(&e.message));
    }
}

fn unit_book() -> Vec<u8> {
    book(&[unit_sheet()])
}
