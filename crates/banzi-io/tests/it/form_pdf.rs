//! The printed 干部任免审批表 (issue 16, item 3), read back as a user's tools read it: the
//! text poppler's `pdftotext` finds (so nothing was cut), the fonts `pdffonts` lists
//! (embedded, subset), the pages `pdfinfo` counts, and the refusals a user gets.

use crate::lrmx_gen::{Gen, zhou};
use banzi_domain::cadre::{FamilyMember, ResumeLine};
use banzi_domain::date::YearMonth;
use banzi_domain::lrmx::{LrmxPerson, ResumeEntry};
use banzi_domain::{Msg, message};
use banzi_io::form_pdf::{FormFonts, render_forms};
use std::path::PathBuf;
use std::process::Command;

/// The PDF written to a file of its own for poppler's tools.
pub struct Printed {
    pub path: PathBuf,
}

impl Printed {
    pub fn new(bytes: &[u8], tag: &str) -> Printed {
        assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
        let dir = std::env::temp_dir().join(format!("banzi-form-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{tag}.pdf"));
        std::fs::write(&path, bytes).unwrap();
        Printed { path }
    }

    fn run(&self, tool: &str, args: &[&str]) -> String {
        let out = Command::new(tool)
            .args(args)
            .arg(&self.path)
            .args(if tool == "pdftotext" {
                &["-"][..]
            } else {
                &[][..]
            })
            .output()
            .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed: {e}"));
        assert!(
            out.status.success(),
            "{tool}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// The text as copied out of the PDF, with white space removed (a wrapped line is
    /// found whole).
    pub fn text(&self) -> String {
        self.run("pdftotext", &["-layout"])
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    }

    pub fn pages(&self) -> usize {
        let info = self.run("pdfinfo", &[]);
        info.lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap()
    }

    /// pdffonts' table rows: (name, emb, sub).
    pub fn fonts(&self) -> Vec<(String, String, String)> {
        self.run("pdffonts", &[])
            .lines()
            .skip(2)
            .map(|l| {
                let cols: Vec<&str> = l.split_whitespace().collect();
                let n = cols.len();
                (cols[0].into(), cols[n - 5].into(), cols[n - 4].into())
            })
            .collect()
    }
}

pub fn print(people: &[LrmxPerson]) -> Result<Vec<u8>, Msg> {
    render_forms(people, &FormFonts::default())
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn a_full_form_prints_on_two_pages_with_every_field() {
    let p = zhou();
    let pdf = Printed::new(&print(std::slice::from_ref(&p)).unwrap(), "zhou");
    assert_eq!(pdf.pages(), 2);
    let text = pdf.text();
    for want in [
        "干部任免审批表",
        "周建",
        "1968.03",
        // The age at 计算年龄时间 (2024.11) under the birth month.
        "（56岁）",
        "汉族",
        "云南江川",
        "1990.06",
        // 参加工作时间 is kept to the day but printed 年.月.
        "1990.07",
        "高级经济师",
        "经济学学士",
        "云南大学经济系财政学专业",
        "中央党校研究生",
        "江川市财政局党组书记、局长",
        "2001.09--2019.03江川县副县长",
        "（其间：1998.09--2001.07在中央党校在职研究生班经济管理专业学习）",
        "2019.03--江川市财政局党组书记、局长",
        "2020.12被评为全省财政系统先进工作者",
        "2021、2022、2023年年度考核均为称职，2024年为优秀。",
        "妻子李娜54中共党员江川市第一中学教师",
        // 已故: no age.
        "父亲周立本群众已故",
        "中共江川市委组织部",
        "填表时间：2024.11.20",
        "填表人：王任重",
    ] {
        assert!(text.contains(&squeeze(want)), "{want} missing in:\n{text}");
    }
    assert!(!text.contains("1990.07.01"), "dates are printed 年.月");
    // The ID number is not on the printed form.
    assert!(!text.contains(p.id_number.as_str()));
}

#[test]
fn the_font_is_embedded_as_a_subset() {
    let pdf = Printed::new(&print(&[zhou()]).unwrap(), "fonts");
    let fonts = pdf.fonts();
    assert!(!fonts.is_empty());
    for (name, emb, sub) in &fonts {
        assert_eq!((emb.as_str(), sub.as_str()), ("yes", "yes"), "{name}");
        assert!(name.contains("+NotoSerifCJK"), "{name}");
    }
}

#[test]
fn many_people_print_two_pages_each_in_order() {
    let mut g = Gen::new(3);
    let people: Vec<LrmxPerson> = (0..12).map(|_| g.person()).collect();
    let pdf = Printed::new(&print(&people).unwrap(), "many");
    assert_eq!(pdf.pages(), 24);
    let text = pdf.text();
    let mut at = 0;
    for p in &people {
        let first = squeeze(
            &p.resume
                .first()
                .map(|e| e.period.text.clone())
                .unwrap_or_default(),
        );
        let found = text[at..]
            .find(&squeeze(&p.name))
            .unwrap_or_else(|| panic!("{}", p.name));
        at += found;
        assert!(text.contains(&first), "{first}");
    }
}

/// A resume of `n` periods, each with its own text.
fn long_resume(n: usize) -> Vec<ResumeEntry> {
    (0..n)
        .map(|i| {
            let start = YearMonth {
                year: 1960 + i as i16 / 2,
                month: 1 + (i % 2) as i8 * 6,
            };
            let end = YearMonth {
                year: start.year,
                month: start.month + 5,
            };
            ResumeEntry {
                period: ResumeLine {
                    start,
                    end: (i + 1 < n).then_some(end),
                    text: format!("江川市第{}工作单位办公室科员（第{i}段）", i + 1),
                },
                during: Vec::new(),
            }
        })
        .collect()
}

#[test]
fn a_resume_of_eighty_lines_shows_its_last_line() {
    let mut p = zhou();
    p.resume = long_resume(80);
    let pdf = Printed::new(&print(&[p]).unwrap(), "long");
    assert_eq!(pdf.pages(), 2);
    let text = pdf.text();
    for i in [0, 40, 79] {
        let line = format!("江川市第{}工作单位办公室科员（第{i}段）", i + 1);
        assert!(text.contains(&line), "{line} missing");
    }
}

#[test]
fn a_long_family_list_keeps_every_member() {
    let mut p = zhou();
    p.family = (0..16)
        .map(|i| FamilyMember {
            relation: "侄子".into(),
            name: format!("周{}", ["一", "二", "三", "四"][i % 4].repeat(1 + i / 4)),
            birth: Some(YearMonth {
                year: 1990,
                month: 1,
            }),
            party: "群众".into(),
            work: format!("江川市某某有限责任公司第{i}分公司职员"),
        })
        .collect();
    let pdf = Printed::new(&print(&[p.clone()]).unwrap(), "family");
    let text = pdf.text();
    for m in &p.family {
        assert!(text.contains(&squeeze(&m.work)), "{}", m.work);
        assert!(text.contains(&m.name), "{}", m.name);
    }
}

/// A character of CJK Extension B that neither Noto CJK font has, and one only the sans has.
fn rare_characters() -> (Option<char>, Option<char>) {
    use banzi_io::pdf::Font;
    let d = FormFonts::default();
    let serif = Font::load(&d.main, "Noto Serif CJK SC").unwrap();
    let sans = Font::load(&d.fallback, "Noto Sans CJK SC").unwrap();
    let (serif, sans) = (serif.face().unwrap(), sans.face().unwrap());
    let has = |f: &ttf_parser::Face<'_>, c: char| f.glyph_index(c).is_some_and(|g| g.0 != 0);
    let chars = || (0x20000..0x2A6DF).filter_map(char::from_u32);
    let neither = chars().find(|&c| !has(&serif, c) && !has(&sans, c));
    let sans_only = (0x3400..0x9FFF)
        .chain(0x20000..0x2A6DF)
        .filter_map(char::from_u32)
        .find(|&c| !has(&serif, c) && has(&sans, c));
    (neither, sans_only)
}

#[test]
fn a_character_no_font_has_is_refused_naming_person_and_character() {
    let (neither, sans_only) = rare_characters();
    let c = neither.expect("a character beyond both fonts");
    let mut p = zhou();
    p.family[0].name = format!("李{c}");
    let err = print(&[p]).unwrap_err();
    assert_eq!(
        err,
        message!(
            "formpdf-glyph-missing",
            name = "周建",
            char = c.to_string(),
            code = format!("U+{:04X}", u32::from(c))
        )
    );
    // One the serif lacks but the sans has is printed from the sans.
    if let Some(c) = sans_only {
        let mut p = zhou();
        p.name = format!("周{c}");
        let pdf = Printed::new(&print(&[p]).unwrap(), "fallback");
        assert!(pdf.text().contains(&format!("周{c}")));
        assert!(pdf.fonts().iter().any(|f| f.0.contains("+NotoSansCJK")));
    }
}

#[test]
fn a_missing_font_file_is_a_message_not_a_panic() {
    let fonts = FormFonts {
        main: "/nonexistent/NotoSerifCJK-Regular.ttc".into(),
        ..FormFonts::default()
    };
    assert_eq!(
        render_forms(&[zhou()], &fonts).unwrap_err(),
        message!(
            "formpdf-font-missing",
            path = "/nonexistent/NotoSerifCJK-Regular.ttc"
        )
    );
}

/// A PNG of `colour` type (2: RGB, 6: RGB with alpha) drawn as a head-and-shoulders
/// silhouette on a blue ground, written with the zlib the crate already links.
fn portrait_png(colour: u8) -> Vec<u8> {
    use std::io::Write;
    let (w, h) = (120u32, 160u32);
    let channels = if colour == 6 { 4 } else { 3 };
    let mut raw = Vec::new();
    for y in 0..h {
        raw.push(0); // filter: none
        for x in 0..w {
            let (dx, dy) = (x as i32 - 60, y as i32 - 60);
            let head = dx * dx + dy * dy < 30 * 30;
            let body = y > 100 && (x as i32 - 60).abs() < (y as i32 - 60);
            let px: [u8; 3] = if head || body {
                [60, 50, 45]
            } else {
                [70, 130, 200]
            };
            raw.extend_from_slice(&px);
            if channels == 4 {
                raw.push(255);
            }
        }
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&raw).unwrap();
    let data = z.finish().unwrap();
    let chunk = |kind: &[u8; 4], body: &[u8]| {
        let mut c = (body.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(body);
        let mut crc = crc32fast::Hasher::new();
        crc.update(kind);
        crc.update(body);
        c.extend_from_slice(&crc.finalize().to_be_bytes());
        c
    };
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, colour, 0, 0, 0]);
    [
        b"\x89PNG\r\n\x1a\n".to_vec(),
        chunk(b"IHDR", &ihdr),
        chunk(b"IDAT", &data),
        chunk(b"IEND", &[]),
    ]
    .concat()
}

#[test]
fn a_png_photo_is_embedded_and_one_with_transparency_is_refused() {
    let mut p = zhou();
    p.photo = Some(banzi_io::check_photo(&portrait_png(2)).unwrap().data);
    let pdf = Printed::new(&print(&[p.clone()]).unwrap(), "png");
    let images = Command::new("pdfimages")
        .arg("-list")
        .arg(&pdf.path)
        .output()
        .expect("pdfimages (poppler-utils)");
    let list = String::from_utf8(images.stdout).unwrap();
    // page, num, type, width, height, color, comp, bpc, enc …
    let row: Vec<&str> = list
        .lines()
        .nth(2)
        .expect("one image")
        .split_whitespace()
        .collect();
    assert_eq!(&row[3..8], ["120", "160", "rgb", "3", "8"], "{list}");

    p.photo = Some(banzi_io::check_photo(&portrait_png(6)).unwrap().data);
    assert_eq!(
        print(&[p]).unwrap_err(),
        message!("formpdf-photo-png-kind", name = "周建")
    );
}
