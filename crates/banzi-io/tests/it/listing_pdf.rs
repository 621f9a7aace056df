//! 名册 printed (issue 16, item 4), read back with poppler: A4 landscape pages, the header
//! row and the title on every page, each unit's row before its cadres, 第 N 页 共 M 页 at the
//! foot of each, every row there, and a character no font has refused in words.

use crate::form_pdf::Printed;
use banzi_domain::Date;
use banzi_domain::date::{YearMonth, parse};
use banzi_domain::listing::{Cell, Group, Listing, Row, Template, UnitInfo};
use banzi_i18n::{Lang, Tr};
use banzi_io::form_pdf::FormFonts;
use banzi_io::render_listing;

fn day() -> Date {
    parse("2026-11-21").unwrap()
}

fn group(code: &str, name: &str, n: i64, first: i64) -> Group {
    Group {
        unit: Some(UnitInfo {
            code: code.into(),
            name: name.into(),
        }),
        rows: (first..first + n)
            .map(|i| Row {
                cadre: i,
                cells: vec![
                    Cell::Text(format!("干部{i}")),
                    Cell::Text(if i == first {
                        "局长".into()
                    } else {
                        "副局长".into()
                    }),
                    Cell::Int(40 + i % 20),
                    Cell::Month(YearMonth::parse("2043.05").unwrap()),
                ],
            })
            .collect(),
    }
}

fn listing(groups: Vec<Group>) -> Listing {
    Listing {
        as_of: day(),
        columns: Template::columns(&["name", "post", "age", "retire_month"]).unwrap(),
        groups,
    }
}

#[test]
fn a_long_listing_repeats_its_header_on_every_landscape_page_and_numbers_them() {
    let tr = Tr { lang: Lang::ZhCn };
    let l = listing(vec![
        group("U1", "市财政局", 45, 1),
        group("U2", "市教育局", 25, 100),
    ]);
    let pdf = render_listing(&tr, &l, &FormFonts::default()).expect("printed");
    let p = Printed::new(&pdf, "listing-long");
    let pages = p.pages();
    assert!(pages >= 2, "{pages} pages");
    let text = p.text();
    assert_eq!(
        text.matches("到龄年月").count(),
        pages,
        "the header row on each page"
    );
    assert_eq!(
        text.matches("干部名册计算年龄时间：2026-11-21").count(),
        pages,
        "the title on each page"
    );
    for n in 1..=pages {
        assert!(text.contains(&format!("第{n}页共{pages}页")), "page {n}");
    }
    assert!(text.contains("市财政局（共45人）") && text.contains("市教育局（共25人）"));
    for i in (1..=45).chain(100..125) {
        assert!(text.contains(&format!("干部{i}")), "row {i}");
    }
    assert!(text.find("市教育局（共25人）") < text.find("干部100"));
    assert!(text.contains("2043.05"));
    // A4 landscape: wider than tall.
    let info = std::process::Command::new("pdfinfo")
        .arg(&p.path)
        .output()
        .expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("841.89 x 595.28 pts (A4)"), "{info}");
}

#[test]
fn a_character_no_font_has_is_refused_in_words() {
    let tr = Tr { lang: Lang::ZhCn };
    let mut g = group("U1", "市财政局", 1, 1);
    g.rows[0].cells[0] = Cell::Text("\u{10FFFD}".into());
    let e = render_listing(&tr, &listing(vec![g]), &FormFonts::default()).expect_err("refused");
    assert_eq!(e.id, "listing-pdf-glyph-missing");
    assert!(tr.msg(&e).contains("U+10FFFD"), "{}", tr.msg(&e));
}
