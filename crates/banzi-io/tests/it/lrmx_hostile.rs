//! LRMX files that must be refused, each with a message naming the file and the element, and
//! nothing read from them (issue 16, item 1; R-SEC-4).

use crate::lrmx_gen::zhou;
use banzi_domain::msg::Arg;
use banzi_domain::{Msg, message};
use banzi_i18n::{Lang, Tr};
use banzi_io::lrmx::{read_lrmx, read_lrmx_upload, write_lrmx};

fn el(id: &'static str) -> Arg {
    Arg::from(Msg::new(id))
}

fn errors(file: &str, bytes: &[u8]) -> Vec<Msg> {
    read_lrmx(file, bytes).expect_err("refused")
}

fn good() -> String {
    String::from_utf8(write_lrmx(&zhou())).unwrap()
}

#[test]
fn a_minimal_form_has_only_a_name_and_an_id_number() {
    let id = zhou().id_number.to_string();
    let xml = format!(
        "<?xml version=\"1.0\"?><Person><XingMing>周建</XingMing><ShenFenZheng>{id}</ShenFenZheng></Person>"
    );
    let p = read_lrmx("a.lrmx", xml.as_bytes()).unwrap();
    assert_eq!(
        (p.name.as_str(), p.id_number.as_str()),
        ("周建", id.as_str())
    );
    assert_eq!(
        (p.birth, p.photo.as_ref(), p.resume.len(), p.family.len()),
        (None, None, 0, 0)
    );
    // An empty root names both required elements.
    assert_eq!(
        errors("b.lrmx", b"<Person/>"),
        [
            message!(
                "lrmx-element-missing",
                file = "b.lrmx",
                element = el("lrmx-el-xingming")
            ),
            message!(
                "lrmx-element-missing",
                file = "b.lrmx",
                element = el("lrmx-el-shenfenzheng")
            ),
        ]
    );
}

#[test]
fn entity_tricks_are_refused_before_parsing() {
    let bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><Person><XingMing>&lol2;</XingMing></Person>";
    let external = "<?xml version=\"1.0\"?>\n<!doctype Person [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Person><XingMing>&x;</XingMing></Person>";
    let entity_only = "<Person><!ENTITY x \"y\"><XingMing>a</XingMing></Person>";
    for (name, xml) in [
        ("bomb.lrmx", bomb),
        ("xxe.lrmx", external),
        ("e.lrmx", entity_only),
    ] {
        assert_eq!(
            errors(name, xml.as_bytes()),
            [message!("lrmx-doctype", file = name)]
        );
    }
    let undefined = good().replace("<XingMing>周建</XingMing>", "<XingMing>&x;</XingMing>");
    assert_eq!(
        errors("u.lrmx", undefined.as_bytes()),
        [message!(
            "lrmx-entity-unknown",
            file = "u.lrmx",
            element = el("lrmx-el-xingming"),
            entity = "x"
        )]
    );
}

#[test]
fn a_truncated_file_names_the_element_it_breaks_off_in() {
    let xml = good();
    let cut = xml.find("江川县副县长").unwrap();
    assert_eq!(
        errors("t.lrmx", &xml.as_bytes()[..cut]),
        [message!(
            "lrmx-truncated",
            file = "t.lrmx",
            element = el("lrmx-el-jianli")
        )]
    );
    let cut = xml.find("<ChuShengRiQi>").unwrap() + 5;
    assert_eq!(
        errors("t.lrmx", &xml.as_bytes()[..cut]),
        [message!(
            "lrmx-truncated",
            file = "t.lrmx",
            element = el("lrmx-el-item")
        )]
    );
}

#[test]
fn foreign_files_are_refused_for_what_they_are() {
    assert_eq!(
        errors("a.lrmx", b"hello"),
        [message!("lrmx-not-xml", file = "a.lrmx")]
    );
    assert_eq!(
        errors("a.lrmx", b""),
        [message!("lrmx-not-xml", file = "a.lrmx")]
    );
    assert_eq!(
        errors(
            "a.lrmx",
            b"<?xml version=\"1.0\"?><Cadre><XingMing>x</XingMing></Cadre>"
        ),
        [message!("lrmx-wrong-root", file = "a.lrmx", root = "Cadre")]
    );
    assert_eq!(
        errors("a.lrmx", b"<Person><XingMing>\xB9\xD8</XingMing></Person>"),
        [message!("lrmx-not-utf8", file = "a.lrmx")]
    );
    assert_eq!(
        errors("a.lrmx", b"<Person><XingMing>a</XingBie></Person>"),
        [message!(
            "lrmx-xml-broken",
            file = "a.lrmx",
            element = el("lrmx-el-xingming")
        )]
    );
    // A 2.0 file, by its name or by its content.
    let old = b"\"\xD6\xDC\xBD\xA8\",\"\xC4\xD0\",\"196803\"";
    assert_eq!(
        errors("周建.lrm", old),
        [message!("lrmx-old-format", file = "周建.lrm")]
    );
    assert_eq!(
        errors("周建.txt", old),
        [message!("lrmx-old-format", file = "周建.txt")]
    );
}

#[test]
fn a_bad_id_number_and_bad_values_are_named_by_element_all_at_once() {
    let p = zhou();
    let id = p.id_number.to_string();
    let mut wrong = id.clone();
    let last = if wrong.ends_with('0') { "1" } else { "0" };
    wrong.replace_range(17.., last);
    let xml = good()
        .replace(&id, &wrong)
        .replace("<XingBie>男</XingBie>", "<XingBie>M</XingBie>")
        .replace(
            "<ChuShengRiQi>197005</ChuShengRiQi>",
            "<ChuShengRiQi>1970.5</ChuShengRiQi>",
        )
        .replace("<ChengWei>父亲</ChengWei>", "<ChengWei></ChengWei>");
    let got = errors("周建.lrmx", xml.as_bytes());
    let ids: Vec<&str> = got.iter().map(|m| m.id).collect();
    assert_eq!(
        ids,
        [
            "lrmx-element-invalid",
            "lrmx-element-invalid",
            "lrmx-element-invalid",
            "lrmx-element-missing"
        ]
    );
    assert_eq!(got[0].arg("element"), Some(&el("lrmx-el-shenfenzheng")));
    assert_eq!(got[0].arg("value"), Some(&Arg::from(wrong.clone())));
    assert_eq!(
        got[0]
            .arg("reason")
            .map(|a| matches!(a, Arg::Msg(m) if m.id == "reg-id-check-digit")),
        Some(true)
    );
    let zh = Tr::new(Lang::ZhCn);
    assert_eq!(
        zh.msg(&got[0]),
        format!(
            "周建.lrmx：身份证号“{wrong}”有误：身份证号校验位不对（应为{}），请核对号码",
            &id[17..]
        )
    );
    assert_eq!(
        zh.msg(&got[2]),
        "周建.lrmx：第1位家庭成员的出生日期“1970.5”有误：“1970.5”不是日期，应写作 YYYYMM 或 YYYYMMDD（如 199807 或 19980715）"
    );
    assert_eq!(zh.msg(&got[3]), "周建.lrmx：缺少第2位家庭成员的称谓");
    assert_eq!(
        Tr::new(Lang::En).msg(&got[3]),
        "周建.lrmx: Relation of family member 2 is missing"
    );
}

#[test]
fn every_date_element_refuses_a_bad_date_in_either_form() {
    for tag in [
        "ChuShengNianYue",
        "RuDangShiJian",
        "CanJiaGongZuoShiJian",
        "JiSuanNianLingShiJian",
        "TianBiaoShiJian",
        "GaiGeQianRenZhiNianLingJieXian",
        "DaoLingNianYue",
    ] {
        for (bad, reason) in [
            ("199813", "lrmx-date-nonexistent"),
            ("19990231", "lrmx-date-nonexistent"),
            ("1999.1", "lrmx-date-malformed"),
        ] {
            let xml = good().replace("</Version>", &format!("</Version>\n  <{tag}>{bad}</{tag}>"));
            let xml = strip_first(&xml, tag);
            let got = errors("d.lrmx", xml.as_bytes());
            assert_eq!(got.len(), 1, "{tag} {bad}: {got:?}");
            assert_eq!(got[0].arg("value"), Some(&Arg::from(bad)), "{tag}");
            assert!(
                matches!(got[0].arg("reason"), Some(Arg::Msg(m)) if m.id == reason),
                "{tag} {bad}"
            );
        }
        for ok in ["199812", "19990228"] {
            let xml = strip_first(
                &good().replace("</Version>", &format!("</Version>\n  <{tag}>{ok}</{tag}>")),
                tag,
            );
            assert!(read_lrmx("d.lrmx", xml.as_bytes()).is_ok(), "{tag} {ok}");
        }
    }
}

/// The form without the first `<tag>…</tag>` (so the appended one is the only one).
fn strip_first(xml: &str, tag: &str) -> String {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    match (xml.find(&open), xml.find(&close)) {
        (Some(a), Some(b)) if xml[b..].find(&open).is_some() => {
            format!("{}{}", &xml[..a], &xml[b + close.len()..])
        }
        _ => xml.to_string(),
    }
}

#[test]
fn a_repeated_element_and_a_bad_photo_are_refused() {
    let xml = good().replacen("</XingMing>", "</XingMing><XingMing>李娜</XingMing>", 1);
    assert_eq!(
        errors("r.lrmx", xml.as_bytes()),
        [message!(
            "lrmx-element-repeated",
            file = "r.lrmx",
            element = el("lrmx-el-xingming")
        )]
    );
    // Not Base64; an HTML page in Base64, which is not a photo.
    for (base64, reason) in [
        ("not base64!", "lrmx-photo-base64"),
        (
            "PGh0bWw+PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0PjwvaHRtbD4=",
            "reg-photo-format",
        ),
    ] {
        let mut xml = good();
        let start = xml.find("<ZhaoPian>").unwrap() + "<ZhaoPian>".len();
        let end = xml.find("</ZhaoPian>").unwrap();
        xml.replace_range(start..end, base64);
        let got = errors("p.lrmx", xml.as_bytes());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].id, "lrmx-element-error");
        assert_eq!(got[0].arg("element"), Some(&el("lrmx-el-zhaopian")));
        assert!(
            matches!(got[0].arg("reason"), Some(Arg::Msg(m)) if m.id == reason),
            "{got:?}"
        );
    }
}

#[test]
fn a_bad_resume_names_its_lines() {
    let xml = good().replace(
        "2001.09--2019.03  江川县副县长",
        "2001.09--1999.03  江川县副县长\n江川县县长",
    );
    let got = errors("j.lrmx", xml.as_bytes());
    assert_eq!(
        got,
        [
            message!(
                "lrmx-element-error",
                file = "j.lrmx",
                element = el("lrmx-el-jianli"),
                reason = message!(
                    "lrmx-resume-end-before-start",
                    line = 4,
                    start = "2001.09",
                    end = "1999.03"
                )
            ),
            message!(
                "lrmx-element-error",
                file = "j.lrmx",
                element = el("lrmx-el-jianli"),
                reason = message!("lrmx-resume-no-period", line = 5, text = "江川县县长")
            ),
        ]
    );
}

#[test]
fn one_bad_file_in_a_zip_does_not_hide_the_good_ones() {
    let good_bytes = write_lrmx(&zhou());
    let files = vec![
        ("甲/周建.lrmx".to_string(), good_bytes.clone()),
        ("乙.lrmx".to_string(), b"<Person><XingMing>x".to_vec()),
        ("说明.txt".to_string(), b"readme".to_vec()),
        ("丙.lrmx".to_string(), good_bytes.clone()),
        ("__MACOSX/._丙.lrmx".to_string(), b"junk".to_vec()),
    ];
    let zip = banzi_io::lrmx::write_lrmx_zip(&files).unwrap();
    let got = read_lrmx_upload("批量.zip", &zip).unwrap();
    let summary: Vec<(&str, Result<&str, Vec<&str>>)> = got
        .iter()
        .map(|r| {
            (
                r.file.as_str(),
                r.result
                    .as_ref()
                    .map(|p| p.name.as_str())
                    .map_err(|e| e.iter().map(|m| m.id).collect()),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("甲/周建.lrmx", Ok("周建")),
            ("乙.lrmx", Err(vec!["lrmx-truncated"])),
            ("说明.txt", Err(vec!["lrmx-not-lrmx-file"])),
            ("丙.lrmx", Ok("周建")),
        ]
    );
}

#[test]
fn a_zip_bomb_and_an_empty_zip_are_refused_whole() {
    let files = vec![("bomb.lrmx".to_string(), vec![b' '; 8 << 20])];
    let zip = banzi_io::lrmx::write_lrmx_zip(&files).unwrap();
    let e = read_lrmx_upload("z.zip", &zip).unwrap_err();
    assert_eq!(e.id, "lrmx-zip-ratio");
    assert_eq!(e.arg("entry"), Some(&Arg::from("bomb.lrmx")));
    let zip = banzi_io::lrmx::write_lrmx_zip(&[("a.txt".to_string(), b"x".to_vec())]).unwrap();
    assert_eq!(
        read_lrmx_upload("z.zip", &zip).unwrap_err(),
        message!("lrmx-zip-empty", file = "z.zip")
    );
    let mut broken = zip.clone();
    broken.truncate(30);
    assert_eq!(
        read_lrmx_upload("z.zip", &broken).unwrap_err(),
        message!("lrmx-zip-broken", file = "z.zip")
    );
    // A single file is read as one.
    let one = read_lrmx_upload("周建.lrmx", &write_lrmx(&zhou())).unwrap();
    assert_eq!(one.len(), 1);
    assert!(one[0].result.is_ok());
}
