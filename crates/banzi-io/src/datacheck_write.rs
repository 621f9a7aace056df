//! The data check (信息校核, issue 16, item 5) as a workbook, for `banzi check --data --format
//! xlsx` and the page's export: a summary sheet with a count per check per unit, and the
//! findings, each cadre by name with the message in the reader's language (the ID number at
//! the right, for looking a row up).

use banzi_domain::datacheck::{Check, Report};
use banzi_i18n::Tr;
use rust_xlsxwriter::{Color, Format, Workbook};

use crate::roster_write::IoError;

/// The name of a group: its unit, or 无现任职务.
pub fn unit_name<'a>(tr: &Tr, unit: &'a Option<(String, String)>) -> &'a str {
    match unit {
        Some((_, name)) => name,
        None => tr.t("datacheck.no_unit"),
    }
}

/// Writes `r` as a workbook worded by `tr`.
pub fn write_datacheck(tr: &Tr, r: &Report) -> Result<Vec<u8>, IoError> {
    let mut wb = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7));
    let text = Format::new().set_num_format("@");
    let names: Vec<String> = Check::ALL.iter().map(|c| tr.msg(&c.name())).collect();

    let ws = wb.add_worksheet();
    ws.set_name(tr.t("datacheck.sheet_summary"))?;
    let mut head = vec![
        tr.t("datacheck.col_unit").to_string(),
        tr.t("datacheck.col_cadres").to_string(),
    ];
    head.extend(names.iter().cloned());
    head.push(tr.t("datacheck.col_total").to_string());
    for (c, h) in head.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &header)?;
    }
    ws.set_column_width(0, 24.0)?;
    let mut row = 0u32;
    let mut line = |row: u32, name: &str, cadres: usize, counts: &[usize]| {
        ws.write_string_with_format(row, 0, name, &text)?;
        ws.write_number(row, 1, cadres as f64)?;
        for (i, n) in counts.iter().enumerate() {
            ws.write_number(row, i as u16 + 2, *n as f64)?;
        }
        let total: usize = counts.iter().sum();
        ws.write_number(row, counts.len() as u16 + 2, total as f64)
            .map(drop)
    };
    for g in &r.groups {
        row += 1;
        line(row, unit_name(tr, &g.unit), g.cadres, &g.counts)?;
    }
    line(row + 1, tr.t("datacheck.col_total"), r.cadres, &r.counts)?;
    ws.set_freeze_panes(1, 1)?;

    let sheet = tr.t("datacheck.sheet_findings");
    let ws = wb.add_worksheet();
    ws.set_name(sheet)?;
    let head = [
        tr.t("datacheck.col_unit"),
        tr.t("datacheck.col_cadre"),
        tr.t("datacheck.col_check"),
        tr.t("datacheck.col_message"),
        tr.v("单位编码"),
        tr.v("身份证号"),
    ];
    for (c, h) in head.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &header)?;
    }
    for (c, w) in [24.0, 10.0, 16.0, 80.0, 14.0, 22.0].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let mut row = 0u32;
    for (g, l) in r.lines() {
        row += 1;
        if row > crate::roster_write::LAST_ROW {
            return Err(IoError::TooManyRows {
                sheet,
                rows: row as usize,
            });
        }
        let code = g.unit.as_ref().map_or("", |u| u.0.as_str());
        let cells = [
            unit_name(tr, &g.unit),
            &l.name,
            &names[l.check as usize],
            &tr.msg(&l.message),
            code,
            &l.id_number,
        ];
        for (c, v) in cells.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, *v, &text)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(wb.save_to_buffer()?)
}
