//! The empty roster workbook users download, fill in Excel or WPS, and import: a 说明 sheet
//! first, then the six sheets with their headers, text formats and dropdowns.

use banzi_domain::roster::Roster;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet};

use super::{IoError, add_sheets};
use crate::layout::{self, Column};

const RULES: &[&str] = &[
    "本工作簿含“单位、职位、干部、任职、分管、培训”六张表。“单位”和“干部”必须有；其余四张可以不填，也可以删去。",
    "每张表的第一行是表头，请不要修改表头文字，列的先后可以调整；表头之外另加的列导入时会忽略并提示。",
    "红色表头为必填列：该列为空的行会报错。整行空白的行会跳过。",
    "日期请填写为文本：YYYY-MM-DD（如 1978-05-20）或 YYYY.MM（如 1998.09，表示该月1日），也可填写 Excel 日期。不要把 1998.10 输入成数字，否则 Excel 会存成 1998.1，导入时将被拒绝。",
    "身份证号须为18位文本（末位可为X），性别和出生日期须与身份证号一致。不要把身份证号设为数字格式，否则 Excel 只保留15位。",
    "“是/否”列填写 是 或 否（也可填 Y/N、1/0），空白视为否。有下拉列表的列请从列表中选择。",
    "单元格中不能含公式；如用公式计算了某列，请复制该列后“选择性粘贴→数值”再导入。",
    "导入要么全部成功，要么一条也不写入：有任何错误时，系统会一次列出全部错误（工作表、行、列和原因），改正后重新导入即可。重复导入同一工作簿不会产生重复数据。",
];

/// The empty workbook: 说明, then the six sheets with headers only.
pub fn template() -> Result<Vec<u8>, IoError> {
    let mut wb = Workbook::new();
    instructions(wb.add_worksheet())?;
    add_sheets(&mut wb, &Roster::default(), &|_| {})?;
    Ok(wb.save_to_buffer()?)
}

fn instructions(ws: &mut Worksheet) -> Result<(), IoError> {
    ws.set_name(layout::INSTRUCTIONS)?;
    let title = Format::new().set_bold().set_font_size(16);
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let head = Format::new()
        .set_bold()
        .set_background_color(rust_xlsxwriter::Color::RGB(0xDDEBF7));
    ws.set_column_width(0, 12)?;
    ws.set_column_width(1, 18)?;
    ws.set_column_width(2, 8)?;
    ws.set_column_width(3, 80)?;

    ws.write_string_with_format(0, 0, "干部花名册标准模板 · 填写说明", &title)?;
    let mut row = 2u32;
    for (i, rule) in RULES.iter().enumerate() {
        ws.write_string_with_format(row, 0, format!("{}.", i + 1), &bold)?;
        ws.merge_range(row, 1, row, 3, rule, &wrap)?;
        ws.set_row_height(row, 32)?;
        row += 1;
    }
    row += 1;
    for (c, h) in ["工作表", "列", "必填", "说明与可选值"]
        .into_iter()
        .enumerate()
    {
        ws.write_string_with_format(row, c as u16, h, &head)?;
    }
    row += 1;
    for sheet in layout::SHEETS {
        let name = if sheet.required {
            format!("{}（必须有）", sheet.name)
        } else {
            sheet.name.to_string()
        };
        for col in sheet.columns {
            ws.write_string(row, 0, &name)?;
            ws.write_string(row, 1, col.header)?;
            ws.write_string(row, 2, if col.required { "是" } else { "" })?;
            ws.write_string_with_format(row, 3, describe(col), &wrap)?;
            row += 1;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The note of a column, with its allowed values.
pub(crate) fn describe(col: &Column) -> String {
    let mut s = col.note.to_string();
    let kind_hint = match col.kind {
        layout::Kind::Date => Some("日期：YYYY-MM-DD 或 YYYY.MM"),
        _ => None,
    };
    for part in kind_hint
        .into_iter()
        .map(str::to_string)
        .chain(col.choices.map(|f| format!("可选：{}", f().join("、"))))
    {
        if !s.is_empty() {
            s.push('；');
        }
        s.push_str(&part);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notes_list_every_allowed_value() {
        let party = layout::CADRES
            .columns
            .iter()
            .find(|c| c.header == "政治面貌")
            .unwrap();
        let d = describe(party);
        assert!(
            d.contains("中共党员、中共预备党员") && d.contains("群众"),
            "{d}"
        );
        let start = layout::APPOINTMENTS
            .columns
            .iter()
            .find(|c| c.header == "任职开始")
            .unwrap();
        assert_eq!(describe(start), "日期：YYYY-MM-DD 或 YYYY.MM");
        let level = layout::POSTS
            .columns
            .iter()
            .find(|c| c.header == "职务层次")
            .unwrap();
        let d = describe(level);
        assert!(
            d.contains("空白表示未知")
                && d.contains("没有此列也可导入")
                && d.contains("可选：正厅级、副厅级、正处级、副处级、正科级、副科级"),
            "{d}"
        );
    }
}
