//! The cadre search's result as a workbook (issue 15, item 11): one sheet, the columns of
//! the list in the reader's language, the age a number, the ID number text (never a
//! number, which Excel would round).

use banzi_i18n::Tr;
use rust_xlsxwriter::{Color, Format, Workbook};

use crate::roster_write::IoError;

/// One cadre as the list shows them.
pub struct ListedCadre<'a> {
    pub name: &'a str,
    pub gender: &'a str,
    /// 出生年月, `YYYY.MM`.
    pub born: &'a str,
    pub age: i32,
    pub party: &'a str,
    pub education: &'a str,
    pub rank: &'a str,
    /// Current posts, or the last one held (already marked so).
    pub posts: &'a str,
    pub id_number: &'a str,
}

/// The column headers, in the order of [`ListedCadre`]'s fields.
pub fn list_headers(tr: &Tr) -> [&'static str; 9] {
    [
        tr.t("cadre.name"),
        tr.t("cadre.gender"),
        tr.t("cadre.born"),
        tr.t("cadre.age"),
        tr.t("cadre.party"),
        tr.t("cadre.education"),
        tr.t("cadre.rank"),
        tr.t("cadre.posts_or_last"),
        tr.t("cadre.id_number"),
    ]
}

/// Writes the list; vocabulary values (性别, 政治面貌 …) in the reader's language.
pub fn write_cadre_list(tr: &Tr, rows: &[ListedCadre]) -> Result<Vec<u8>, IoError> {
    let mut wb = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7));
    let text = Format::new().set_num_format("@");
    let sheet = tr.t("cadres.title");
    let ws = wb.add_worksheet();
    ws.set_name(sheet)?;
    for (c, h) in list_headers(tr).iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &header)?;
    }
    for (c, w) in [10.0, 6.0, 10.0, 6.0, 12.0, 10.0, 10.0, 48.0, 22.0]
        .iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, *w)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        if row > crate::roster_write::LAST_ROW {
            return Err(IoError::TooManyRows {
                sheet,
                rows: rows.len(),
            });
        }
        let cells = [
            r.name,
            tr.v(r.gender),
            r.born,
            "",
            tr.v(r.party),
            tr.v(r.education),
            tr.v(r.rank),
            r.posts,
            r.id_number,
        ];
        for (c, v) in cells.iter().enumerate() {
            if c == 3 {
                ws.write_number(row, 3, f64::from(r.age))?;
            } else {
                ws.write_string_with_format(row, c as u16, *v, &text)?;
            }
        }
    }
    ws.set_freeze_panes(1, 1)?;
    ws.autofilter(0, 0, rows.len() as u32, 8)?;
    Ok(wb.save_to_buffer()?)
}
