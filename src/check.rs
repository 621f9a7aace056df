//! `banzi check`: the alerts of DOMAIN.md M2 on a date, as a table for people, JSON for
//! programs, or a workbook with one sheet per level. Exits 0 whatever it finds; the output
//! names people, so it is audited as an export.

use anyhow::Context;
use banzi_domain::role::Actor;
use banzi_domain::rules::{Level, Report};
use banzi_store::Store;
use std::path::Path;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Xlsx,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
        }
    }
}

pub async fn run(
    store: &Store,
    as_of: Option<&str>,
    format: Format,
    output: Option<&Path>,
) -> anyhow::Result<()> {
    let as_of = match as_of {
        Some(text) => banzi_domain::date::parse_date(text)
            .map_err(|m| anyhow::anyhow!("--as-of 日期有误：{m}"))?,
        None => banzi_store::today(),
    };
    if format == Format::Xlsx && output.is_none() {
        anyhow::bail!("xlsx 格式须用 --output 指定写入的文件");
    }
    let actor = Actor::cli("check");
    let report = store.check(&actor, as_of).await?;
    let bytes = match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&report)?;
            s.push('\n');
            s.into_bytes()
        }
        Format::Table => table(&report).into_bytes(),
        Format::Xlsx => banzi_io::write_alerts(&report.alerts)?,
    };
    store
        .audit_alert_export(&actor, as_of, format.name(), report.alerts.len())
        .await?;
    match output {
        Some(path) => {
            std::fs::write(path, bytes).with_context(|| format!("无法写入 {}", path.display()))?;
            eprintln!(
                "已写出 {} 条预警（{}）到 {}",
                report.alerts.len(),
                counts(&report),
                path.display()
            );
        }
        None => {
            use std::io::Write;
            std::io::stdout().write_all(&bytes)?;
        }
    }
    Ok(())
}

fn counts(r: &Report) -> String {
    Level::ALL
        .iter()
        .map(|l| format!("{} {}", l.label(), r.summary.levels.get(*l)))
        .collect::<Vec<_>>()
        .join("，")
}

/// Columns on a terminal: CJK characters take two cells.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let c = c as u32;
            let wide = (0x1100..=0x115F).contains(&c)
                || (0x2E80..=0xA4CF).contains(&c)
                || (0xAC00..=0xD7A3).contains(&c)
                || (0xF900..=0xFAFF).contains(&c)
                || (0xFE30..=0xFE4F).contains(&c)
                || (0xFF00..=0xFF60).contains(&c)
                || (0xFFE0..=0xFFE6).contains(&c)
                || (0x20000..=0x3FFFD).contains(&c);
            if wide { 2 } else { 1 }
        })
        .sum()
}

fn pad(s: &str, to: usize) -> String {
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', to.saturating_sub(width(s))));
    out
}

/// The alerts as aligned columns, then the counts and the young-cadre ratio.
pub fn table(r: &Report) -> String {
    let head = [
        "级别",
        "规则",
        "到期日期",
        "单位",
        "职位",
        "身份证号",
        "说明",
    ];
    let rows: Vec<[String; 7]> = r
        .alerts
        .iter()
        .zip(r.alerts.messages())
        .map(|(a, message)| {
            [
                a.level.label().to_string(),
                a.rule.to_string(),
                a.due.map(|d| d.to_string()).unwrap_or_default(),
                a.unit.to_string(),
                a.post.unwrap_or_default().to_string(),
                a.cadre.unwrap_or_default().to_string(),
                message,
            ]
        })
        .collect();
    let mut widths: Vec<usize> = head.iter().map(|h| width(h)).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row.iter()) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: &[&str]| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(&pad(c, widths[i]));
                s.push_str("  ");
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = format!("预警检查（截至 {}）\n\n", r.as_of);
    out.push_str(&line(&head));
    for row in &rows {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        out.push_str(&line(&cells));
    }
    let y = &r.summary.young;
    out.push_str(&format!(
        "\n共 {} 条：{}。\n市直单位班子配有{}岁以下干部的 {}/{} 个，目标 {}，{}。\n",
        r.alerts.len(),
        counts(r),
        y.young_age,
        y.with_young,
        y.city_teams,
        y.target,
        if y.meets_target {
            "已达到"
        } else {
            "未达到"
        }
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::{pad, width};

    #[test]
    fn chinese_characters_take_two_columns() {
        assert_eq!(width("R-EXCH-1"), 8);
        assert_eq!(width("违规"), 4);
        assert_eq!(width("江川市（财政）"), 14);
        assert_eq!(pad("预警", 6), "预警  ");
        assert_eq!(pad("abc", 2), "abc");
    }
}
