//! The 任免审批表's own wording of what the registry keeps as records: 奖惩 and 年度考核 as
//! the form prints them. The form is an official Chinese document, worded the same whatever
//! the reader's language (as its printed labels, `banzi_io::form_pdf`); this file is data
//! to the catalogue's scan.

use crate::cadre::{RewardEntry, YearRating};

/// 奖惩情况 written from the registry's records, one a line: `2019.12 嘉奖：…`.
pub fn rewards_text(list: &[RewardEntry]) -> String {
    list.iter()
        .map(|r| {
            format!(
                "{}.{:02} {}：{}",
                r.date.year(),
                r.date.month(),
                r.kind.label(),
                r.text
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// 年度考核结果 written from the registry's records: `2023年度考核称职；2024年度考核优秀。`
pub fn ratings_text(list: &[YearRating]) -> String {
    if list.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = list
        .iter()
        .map(|r| format!("{}年度考核{}", r.year, r.rating.label()))
        .collect();
    format!("{}。", parts.join("；"))
}
