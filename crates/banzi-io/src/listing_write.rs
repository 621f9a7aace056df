//! 名册 (issue 16, item 4) as a workbook: a title row, the date ages are reckoned on, the
//! header row (repeated on every printed page), then each unit's heading row and its cadres;
//! A4 landscape, fitted to the page's width, "第 N 页 共 M 页" in the footer. Values are worded
//! as the page words them ([`cell_text`]); ages are numbers, everything else text (an ID
//! number must never become a number Excel rounds).

use banzi_domain::listing::{Cell, Column, Group, Listing};
use banzi_domain::msg::Arg;
use banzi_i18n::Tr;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet};
use std::borrow::Cow;

use crate::roster_write::IoError;

/// A value as the reader reads it: labels in their language, dates `YYYY-MM-DD`, months
/// `YYYY.MM` (as the roster writes 出生年月).
pub fn cell_text<'a>(tr: &Tr, c: &'a Cell) -> Cow<'a, str> {
    match c {
        Cell::Empty => Cow::Borrowed(""),
        Cell::Text(s) => Cow::Borrowed(s),
        Cell::Label(l) => Cow::Borrowed(tr.v(l)),
        Cell::Date(d) => Cow::Owned(d.to_string()),
        Cell::Month(m) => Cow::Owned(m.to_string()),
        Cell::Int(n) => Cow::Owned(n.to_string()),
    }
}

/// A group's heading: the unit's name (未任现职 for those holding no post), and its count.
pub fn group_heading(tr: &Tr, g: &Group) -> String {
    let name = g
        .unit
        .as_ref()
        .map_or_else(|| tr.t("listing.no_unit"), |u| u.name.as_str());
    tr.args(
        "listing.group_heading",
        &[
            ("unit", Arg::Text(name.to_string().into())),
            ("n", Arg::Int(g.rows.len() as i64)),
        ],
    )
}

/// The title line under the heading: the date ages are reckoned on.
pub fn as_of_line(tr: &Tr, l: &Listing) -> String {
    tr.args("listing.heading_as_of", &[("as_of", Arg::Date(l.as_of))])
}

/// How wide a column is, in characters: long texts wider.
pub fn width(c: &Column) -> f64 {
    match c.key {
        "id_number" => 21.0,
        "post" | "unit" => 24.0,
        "ft_school" | "pt_school" => 22.0,
        "doc_no" | "native_place" | "profession" => 14.0,
        "name" => 9.0,
        "gender" | "age" | "ethnicity" => 6.0,
        _ => 11.0,
    }
}

/// Writes `l` worded by `tr`.
pub fn write_listing(tr: &Tr, l: &Listing) -> Result<Vec<u8>, IoError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(tr.t("listing.sheet"))?;
    let n = l.columns.len() as u16;
    let last = n.saturating_sub(1);
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center);
    let sub = Format::new().set_align(FormatAlign::Right);
    let boxed = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let header = boxed
        .clone()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_background_color(Color::RGB(0xDDEBF7));
    let unit = boxed
        .clone()
        .set_bold()
        .set_background_color(Color::RGB(0xF2F2F2));
    let text = boxed.clone().set_num_format("@");
    let number = boxed.set_align(FormatAlign::Center);

    across(ws, 0, last, tr.t("listing.heading"), &title)?;
    across(ws, 1, last, &as_of_line(tr, l), &sub)?;
    for (i, c) in l.columns.iter().enumerate() {
        ws.write_string_with_format(2, i as u16, tr.msg(&c.header()), &header)?;
        ws.set_column_width(i as u16, width(c))?;
    }
    let mut row = 3u32;
    for g in &l.groups {
        across(ws, row, last, &group_heading(tr, g), &unit)?;
        row += 1;
        for r in &g.rows {
            for (i, c) in r.cells.iter().enumerate() {
                match c {
                    Cell::Int(v) => {
                        ws.write_number_with_format(row, i as u16, *v as f64, &number)?
                    }
                    _ => ws.write_string_with_format(row, i as u16, cell_text(tr, c), &text)?,
                };
            }
            row += 1;
        }
    }
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_repeat_rows(2, 2)?;
    let page_of = tr.args(
        "listing.page_of",
        &[
            ("page", Arg::Text("&P".into())),
            ("pages", Arg::Text("&N".into())),
        ],
    );
    ws.set_footer(format!("&C{page_of}"));
    ws.set_freeze_panes(3, 0)?;
    Ok(wb.save_to_buffer()?)
}

/// `s` across the columns `0..=last` of `row` (one cell when there is one column).
fn across(ws: &mut Worksheet, row: u32, last: u16, s: &str, f: &Format) -> Result<(), IoError> {
    if last == 0 {
        ws.write_string_with_format(row, 0, s, f)?;
    } else {
        ws.merge_range(row, 0, row, last, s, f)?;
    }
    Ok(())
}
