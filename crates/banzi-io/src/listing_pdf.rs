//! 名册 printed (issue 16, item 4): A4 landscape, the title and the date ages are reckoned
//! on at the top of every page, the header row repeated on every page, a row naming each
//! unit and its count before its cadres, and 第 N 页 共 M 页 at the foot, on
//! [`crate::pdf::Table`]. The values are worded as the page and the workbook word them.
//!
//! `pdf::Table` has no row spanning its columns yet, so a unit's row holds its name in the
//! first cell and leaves the others blank.

use crate::listing_write::{as_of_line, cell_text, group_heading, width};
use crate::pdf::{A4, Align, Column, Document, DrawError, MM, Style, Table, TableError};
use banzi_domain::listing::Listing;
use banzi_domain::message;
use banzi_domain::msg::{Arg, Msg};
use banzi_i18n::Tr;

/// The rows of the printed table: each unit's row, then its cadres.
pub fn printed_rows(tr: &Tr, l: &Listing) -> Vec<Vec<String>> {
    let n = l.columns.len();
    let mut rows = Vec::with_capacity(l.rows() + l.groups.len());
    for g in &l.groups {
        let mut heading = vec![String::new(); n];
        if let Some(first) = heading.first_mut() {
            *first = group_heading(tr, g);
        }
        rows.push(heading);
        for r in &g.rows {
            rows.push(
                r.cells
                    .iter()
                    .map(|c| cell_text(tr, c).into_owned())
                    .collect(),
            );
        }
    }
    rows
}

/// `l` as a PDF worded by `tr`, set in `fonts`. A character no font has, or a row too long
/// for a page, is refused with what it is.
pub fn render_listing(tr: &Tr, l: &Listing, fonts: &crate::FormFonts) -> Result<Vec<u8>, Msg> {
    let title = format!("{}　{}", tr.t("listing.heading"), as_of_line(tr, l));
    let mut doc = Document::new(fonts.load()?, tr.t("listing.heading"));
    let cell = Style {
        size: 9.0,
        min: 5.0,
        ..Style::CELL
    };
    let table = Table {
        page: (A4.1, A4.0),
        margin: 10.0 * MM,
        title,
        columns: l
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| Column {
                title: tr.msg(&c.header()),
                weight: width(c) as f32,
                // The first column also holds each unit's name: left, as a heading reads.
                align: if i == 0 { Align::Left } else { Align::Center },
            })
            .collect(),
        header: Style { bold: true, ..cell },
        cell,
    };
    let rows = printed_rows(tr, l);
    let label = |page: usize, pages: usize| {
        tr.args(
            "listing.page_of",
            &[("page", Arg::from(page)), ("pages", Arg::from(pages))],
        )
    };
    table.draw(&mut doc, &rows, &label).map_err(|e| match e {
        TableError::Draw(d) => drawn(d),
        TableError::RowTooLong(i) => message!("listing-pdf-row-too-long", row = i + 1),
    })?;
    doc.finish().map_err(drawn)
}

/// A drawing failure as the message a user reads (the 名册 and the 全程纪实表 share it).
pub(crate) fn drawn(e: DrawError) -> Msg {
    match e {
        DrawError::MissingGlyph(c) => message!(
            "listing-pdf-glyph-missing",
            char = c.to_string(),
            code = format!("U+{:04X}", u32::from(c))
        ),
        DrawError::Font(d) => message!("listing-pdf-font-broken", detail = d),
    }
}
