//! 全程纪实表 of a selection case (issue 17, item 3; R-SEL-12): the case's facts, then one
//! line per record (序号, 登记时间, 登记人, 办理日期, 事项, 内容) as the case page words them,
//! as a workbook (A4 landscape, header row repeated, 第 N 页 共 M 页) and as a PDF on
//! [`crate::pdf::Table`]. The lines come worded in the reader's language; nothing is
//! computed here.

pub use crate::pdf::Align;
use crate::pdf::{A4, Column, Document, MM, Style, Table, TableError};
use crate::roster_write::IoError;
use banzi_domain::message;
use banzi_domain::msg::{Arg, Msg};
use banzi_i18n::Tr;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook};

/// A case's record, worded: its title, its facts (one line each) and its lines.
pub struct CaseRecord {
    pub title: String,
    pub facts: Vec<String>,
    /// (序号, 登记时间, 登记人, 办理日期, 事项, 内容).
    pub lines: Vec<[String; 6]>,
}

/// The column heads, in the reader's language.
fn heads(tr: &Tr) -> [String; 6] {
    [
        "selection.seq",
        "selection.recorded_at",
        "selection.recorded_by",
        "selection.on",
        "selection.what",
        "selection.detail",
    ]
    .map(|k| tr.t(k).to_string())
}

/// Widths in characters (xlsx) and weights (PDF).
const WIDTHS: [f64; 6] = [5.0, 17.0, 10.0, 11.0, 14.0, 60.0];

pub fn write_case_record(tr: &Tr, r: &CaseRecord) -> Result<Vec<u8>, IoError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(tr.t("selection.record_sheet"))?;
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center);
    let boxed = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let header = boxed
        .clone()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_background_color(Color::RGB(0xDDEBF7));
    let text = boxed.set_num_format("@");
    ws.merge_range(0, 0, 0, 5, &r.title, &title)?;
    let mut row = 1u32;
    for f in &r.facts {
        ws.merge_range(row, 0, row, 5, f, &Format::new().set_text_wrap())?;
        row += 1;
    }
    for (i, h) in heads(tr).iter().enumerate() {
        ws.write_string_with_format(row, i as u16, h, &header)?;
        ws.set_column_width(i as u16, WIDTHS[i])?;
    }
    let head_row = row;
    row += 1;
    for line in &r.lines {
        for (i, cell) in line.iter().enumerate() {
            ws.write_string_with_format(row, i as u16, cell, &text)?;
        }
        row += 1;
    }
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(head_row, head_row)?;
    let page_of = tr.args(
        "listing.page_of",
        &[
            ("page", Arg::Text("&P".into())),
            ("pages", Arg::Text("&N".into())),
        ],
    );
    ws.set_footer(format!("&C{page_of}"));
    Ok(wb.save_to_buffer()?)
}

/// The record as a PDF set in `fonts`: the title and facts above the table of every page.
pub fn render_case_record(
    tr: &Tr,
    r: &CaseRecord,
    fonts: &crate::FormFonts,
) -> Result<Vec<u8>, Msg> {
    let mut title = r.title.clone();
    for f in &r.facts {
        title.push('　');
        title.push_str(f);
    }
    let columns = heads(tr).into_iter().zip(WIDTHS).enumerate();
    let columns = columns
        .map(|(i, (t, w))| (t, w, if i == 5 { Align::Left } else { Align::Center }))
        .collect();
    let rows: Vec<Vec<String>> = r.lines.iter().map(|l| l.to_vec()).collect();
    render_table(tr, &r.title, title, columns, &rows, fonts)
}

/// A titled table on A4 landscape pages: the header row repeated, 第 N 页 共 M 页 at the foot.
/// `columns`: (head, weight, alignment). The meeting materials of a 常委会 (调配建议方案, 表决票)
/// are printed so too.
pub fn render_table(
    tr: &Tr,
    doc_title: &str,
    title: String,
    columns: Vec<(String, f64, Align)>,
    rows: &[Vec<String>],
    fonts: &crate::FormFonts,
) -> Result<Vec<u8>, Msg> {
    let mut doc = Document::new(fonts.load()?, doc_title);
    let cell = Style {
        size: 10.0,
        min: 5.0,
        ..Style::CELL
    };
    let table = Table {
        page: (A4.1, A4.0),
        margin: 12.0 * MM,
        title,
        columns: columns
            .into_iter()
            .map(|(title, weight, align)| Column {
                title,
                weight: weight as f32,
                align,
            })
            .collect(),
        header: Style { bold: true, ..cell },
        cell,
    };
    let label = |page: usize, pages: usize| {
        tr.args(
            "listing.page_of",
            &[("page", Arg::from(page)), ("pages", Arg::from(pages))],
        )
    };
    table.draw(&mut doc, rows, &label).map_err(|e| match e {
        TableError::Draw(d) => crate::listing_pdf::drawn(d),
        TableError::RowTooLong(i) => message!("listing-pdf-row-too-long", row = i + 1),
    })?;
    doc.finish().map_err(crate::listing_pdf::drawn)
}
