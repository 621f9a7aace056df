//! The PDF table the 名册 will print with (issue 16, item 4): A4 landscape, the header row on
//! every page, page labels worded by the caller, rows as tall as their text, nothing cut.

use crate::form_pdf::Printed;
use banzi_io::form_pdf::FormFonts;
use banzi_io::pdf::{A4, Align, Column, Document, Style, Table};

fn table() -> Table {
    let col = |title: &str, weight: f32| Column {
        title: title.into(),
        weight,
        align: Align::Center,
    };
    Table {
        page: (A4.1, A4.0),
        margin: 36.0,
        title: "江川市领导干部名册".into(),
        columns: vec![
            col("序号", 0.6),
            col("姓名", 1.2),
            col("性别", 0.6),
            col("出生年月", 1.2),
            Column {
                align: Align::Left,
                ..col("现任职务", 4.0)
            },
            col("任现职时间", 1.4),
        ],
        header: Style::CELL.size(10.5),
        cell: Style::CELL.size(10.0),
    }
}

#[test]
fn a_long_list_repeats_its_header_numbers_its_pages_and_keeps_every_row() {
    let rows: Vec<Vec<String>> = (1..=150)
        .map(|i| {
            let post = if i == 77 {
                "江川市人民政府办公室党组成员、副主任，江川市大数据管理局局长，兼任江川市营商环境建设领导小组办公室主任".repeat(6)
            } else {
                format!("江川市第{i}局局长")
            };
            vec![
                i.to_string(),
                format!("干部{i}"),
                "男".into(),
                "1975.10".into(),
                post,
                "2021.03".into(),
            ]
        })
        .collect();
    let mut doc = Document::new(FormFonts::default().load().unwrap(), "名册");
    let label = |n: usize, of: usize| format!("第{n}页 共{of}页");
    let pages = table().draw(&mut doc, &rows, &label).unwrap();
    assert!(pages > 3, "{pages}");
    let pdf = Printed::new(&doc.finish().unwrap(), "table");
    assert_eq!(pdf.pages(), pages);
    let text = pdf.text();
    assert_eq!(
        text.matches("任现职时间").count(),
        pages,
        "a header on every page"
    );
    for n in 1..=pages {
        assert!(
            text.contains(&format!("第{n}页共{pages}页")),
            "label of page {n}"
        );
    }
    for i in [1, 76, 78, 150] {
        assert!(text.contains(&format!("江川市第{i}局局长")), "row {i}");
    }
    assert_eq!(
        text.matches("大数据管理局局长").count(),
        6,
        "the tall row whole"
    );
}
