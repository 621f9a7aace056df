//! Export → import gives the same record (issue 16, item 2): written and read back, a person
//! is the same value, over a realistic form and 600 generated ones.

use crate::lrmx_gen::{Gen, zhou};
use banzi_domain::lrmx::{ELEMENTS, Export, Proposal};
use banzi_domain::rules::Params;
use banzi_io::lrmx::{
    export_lrmx, file_names, read_lrmx, read_lrmx_upload, write_lrmx, write_lrmx_zip,
};

#[test]
fn a_full_form_is_read_back_as_written() {
    let p = zhou();
    let bytes = write_lrmx(&p);
    assert_eq!(read_lrmx("周建.lrmx", &bytes).unwrap(), p);
}

#[test]
fn generated_people_are_read_back_as_written() {
    let mut g = Gen::new(16);
    for i in 0..600 {
        let p = g.person();
        let bytes = write_lrmx(&p);
        match read_lrmx("x.lrmx", &bytes) {
            Ok(back) => assert_eq!(back, p, "person {i}:\n{}", String::from_utf8_lossy(&bytes)),
            Err(e) => panic!("person {i}: {e:?}\n{}", String::from_utf8_lossy(&bytes)),
        }
    }
}

#[test]
fn elements_are_written_in_the_order_of_lrmx_md() {
    let text = String::from_utf8(write_lrmx(&zhou())).unwrap();
    let mut at = 0;
    for e in ELEMENTS
        .iter()
        .filter(|e| !e.tag.starts_with("GaiGe") && !e.tag.starts_with("DaoLing"))
    {
        let open = format!("\n  <{}>", e.tag);
        let found = text[at..]
            .find(&open)
            .unwrap_or_else(|| panic!("{} missing or out of order", e.tag));
        at += found + open.len();
    }
    assert!(text.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Person>\n  <XingMing>周建</XingMing>"
    ));
    assert!(text.contains("<ChuShengNianYue>196803</ChuShengNianYue>"));
    assert!(text.contains("<CanJiaGongZuoShiJian>19900701</CanJiaGongZuoShiJian>"));
    assert!(text.contains("<Item>\n      <ChengWei>妻子</ChengWei>\n      <XingMing>李娜</XingMing>\n      <ChuShengRiQi>197005</ChuShengRiQi>"));
    assert!(text.contains("<JianLi>1986.09--1990.07  云南大学经济系财政学专业学习\n"));
    assert!(
        !text.contains("DaoLingNianYue"),
        "the 2025 elements are written only when known"
    );
}

#[test]
fn an_export_fills_the_computed_elements_and_reads_back() {
    let p = zhou();
    let proposal = Proposal {
        appoint: "江川市人民政府副市长".into(),
        remove: "江川市财政局局长".into(),
        reason: "工作需要".into(),
    };
    let as_of = banzi_domain::date::parse("2026-12-01").unwrap();
    let e = Export::new(
        as_of,
        &Params::default(),
        "正处级",
        banzi_domain::codes::Gender::Male,
        Some(&proposal),
    );
    let bytes = export_lrmx(&p, &e);
    let text = String::from_utf8_lossy(&bytes);
    // Born 1968-03: 60 falls in 2028-03, 38 months after 2025-01: 38 / 4 + 1 = 10 months.
    assert!(
        text.contains("<GaiGeQianRenZhiNianLingJieXian>202803</GaiGeQianRenZhiNianLingJieXian>")
    );
    assert!(text.contains("<DaoLingNianYue>202901</DaoLingNianYue>"));
    assert!(text.contains("<JiSuanNianLingShiJian>20261201</JiSuanNianLingShiJian>"));
    assert!(text.contains("<NiRenZhiWu>江川市人民政府副市长</NiRenZhiWu>"));
    assert!(text.contains("<NiMianZhiWu>江川市财政局局长</NiMianZhiWu>"));
    assert!(text.contains("<RenMianLiYou>工作需要</RenMianLiYou>"));
    assert_eq!(read_lrmx("周建.lrmx", &bytes).unwrap(), p.for_export(&e));
}

#[test]
fn a_selection_goes_out_as_a_zip_and_comes_back_file_by_file() {
    let mut g = Gen::new(7);
    let mut people: Vec<_> = (0..30).map(|_| g.person()).collect();
    people.push(zhou());
    people.push(zhou());
    let names = file_names(&people);
    // Namesakes are told apart; no two files share a name.
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), names.len());
    assert_eq!(
        file_names(&[zhou(), zhou(), zhou()]),
        ["周建.lrmx", "周建-2.lrmx", "周建-3.lrmx"]
    );
    let files: Vec<(String, Vec<u8>)> = names
        .iter()
        .cloned()
        .zip(people.iter().map(write_lrmx))
        .collect();
    let zip = write_lrmx_zip(&files).unwrap();
    let back = read_lrmx_upload("selection.zip", &zip).unwrap();
    assert_eq!(back.len(), people.len());
    for ((r, p), name) in back.iter().zip(&people).zip(&names) {
        assert_eq!(&r.file, name);
        assert_eq!(r.result.as_ref().unwrap(), p);
    }
}
