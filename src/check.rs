//! `banzi check`: the alerts of DOMAIN.md M2 on a date, as a table for people, JSON for
//! programs, or a workbook with one sheet per level. Exits 0 whatever it finds; the output
//! names people, so it is audited as an export.

use anyhow::Context;
use banzi_domain::message;
use banzi_domain::role::Actor;
use banzi_domain::rules::Report;
use banzi_i18n::{Lang, Msg, Tr};
use banzi_store::Store;
use std::io::Write;
use std::path::Path;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Xlsx,
}

impl Format {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
        }
    }
}

/// Checks the alerts on `as_of` (today when none). The table, the workbook and what is said
/// on the terminal are in `tr`'s language; the JSON, for programs, keeps its messages in
/// zh-CN whatever the language.
pub async fn run(
    store: &Store,
    as_of: Option<&str>,
    format: Format,
    output: Option<&Path>,
    tr: Tr,
) -> anyhow::Result<()> {
    let as_of = check_date(as_of, format, output)?;
    let actor = Actor::cli("check");
    let report = store.check(&actor, as_of).await?;
    // The registry's rows are freed; writing frees and allocates by the million, where
    // giving back each free at once costs a third of the time (see `main`).
    crate::alloc::give_back_at_once(false);
    // The JSON is written as it is made (a province's is 85 MB); the others are made first.
    let bytes = match format {
        Format::Json => None,
        Format::Table => Some(table(&report, &tr).into_bytes()),
        Format::Xlsx => Some(banzi_io::write_alerts(&tr, &report.alerts)?),
    };
    store
        .audit_alert_export(&actor, as_of, format.name(), report.alerts.len())
        .await?;
    let written = |path| {
        message!(
            "rule-check-written",
            total = report.alerts.len(),
            counts = counts(&report),
            path = path,
        )
    };
    match bytes {
        Some(bytes) => deliver(&bytes, output, &tr, written),
        None => deliver_with(output, &tr, written, |out| write_json(&report, out)),
    }
}

/// The date a check runs on (today when none is given); refused when it is no date, or when
/// a workbook is asked for without a file to write it to.
pub(crate) fn check_date(
    as_of: Option<&str>,
    format: Format,
    output: Option<&Path>,
) -> anyhow::Result<banzi_domain::Date> {
    let as_of = match as_of {
        Some(text) => banzi_domain::date::parse(text)
            .map_err(|m| crate::words::said(message!("rule-check-bad-date", reason = m)))?,
        None => banzi_store::today(),
    };
    if format == Format::Xlsx && output.is_none() {
        return Err(crate::words::said(message!("rule-check-xlsx-needs-output")));
    }
    Ok(as_of)
}

/// Writes a check's output to `output`, saying on the terminal what `written` says of the
/// file's path, or to standard output when no file is given.
pub(crate) fn deliver(
    bytes: &[u8],
    output: Option<&Path>,
    tr: &Tr,
    written: impl FnOnce(String) -> Msg,
) -> anyhow::Result<()> {
    deliver_with(output, tr, written, |out| out.write_all(bytes))
}

/// [`deliver`] of what `write` writes as it goes.
pub(crate) fn deliver_with(
    output: Option<&Path>,
    tr: &Tr,
    written: impl FnOnce(String) -> Msg,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    match output {
        Some(path) => {
            let cannot = || {
                tr.msg(&message!(
                    "rule-check-cannot-write",
                    path = path.display().to_string()
                ))
            };
            let file = std::fs::File::create(path).with_context(cannot)?;
            let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
            write(&mut out)
                .and_then(|()| out.flush())
                .with_context(cannot)?;
            eprintln!("{}", tr.msg(&written(path.display().to_string())));
        }
        None => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            write(&mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}

/// The report as JSON, written to `out` as it is made: each alert's seven keys, its message
/// in zh-CN whatever the language (worded and written on several threads when there are
/// many).
pub fn write_json(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let zh = Tr::new(Lang::ZhCn);
    report.write_json(out, |m| zh.msg(&m), true)?;
    out.write_all(b"\n")
}

/// How many alerts of each level: 违规 3，预警 2，提示 10.
fn counts(r: &Report) -> Msg {
    let l = &r.summary.levels;
    message!(
        "rule-check-counts",
        violation = l.violation,
        warning = l.warning,
        notice = l.notice,
    )
}

/// Columns on a terminal: CJK characters take two cells.
pub(crate) fn width(s: &str) -> usize {
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

/// Lines of aligned columns, two spaces apart, the last column left ragged.
pub(crate) fn columns(rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = Vec::new();
    for row in rows {
        widths.resize(widths.len().max(row.len()), 0);
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(&pad(cell, widths[i]));
                line.push_str("  ");
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub(crate) fn pad(s: &str, to: usize) -> String {
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', to.saturating_sub(width(s))));
    out
}

/// The alerts as aligned columns, then the counts and the young-cadre ratio, in `tr`'s
/// language.
pub fn table(r: &Report, tr: &Tr) -> String {
    let head = [
        tr.t("rule.col.level"),
        tr.t("rule.col.rule"),
        tr.t("rule.col.due"),
        tr.v("单位"),
        tr.v("职位"),
        tr.v("身份证号"),
        tr.t("rule.col.message"),
    ];
    let rows: Vec<[String; 7]> = r
        .alerts
        .iter()
        .zip(r.alerts.messages_with(|m| tr.msg(&m)))
        .map(|(a, message)| {
            [
                banzi_io::alerts_write::level_name(tr, a.level).to_string(),
                a.rule.to_string(),
                a.due.map(|d| d.to_string()).unwrap_or_default(),
                a.unit.to_string(),
                a.post.unwrap_or_default().to_string(),
                a.cadre.unwrap_or_default().to_string(),
                message,
            ]
        })
        .collect();
    let mut out = tr.msg(&message!("rule-check-title", as_of = r.as_of));
    out.push_str("\n\n");
    let lines: Vec<Vec<String>> = std::iter::once(head.iter().map(|h| h.to_string()).collect())
        .chain(rows.into_iter().map(Vec::from))
        .collect();
    out.push_str(&columns(&lines));
    let y = &r.summary.young;
    out.push('\n');
    out.push_str(&tr.msg(&message!(
        "rule-check-total",
        total = r.alerts.len(),
        counts = counts(r),
    )));
    out.push('\n');
    out.push_str(&tr.msg(&message!(
        "rule-check-young",
        age = y.young_age,
        with_young = y.with_young,
        teams = y.city_teams,
        target = y.target.to_string(),
        meets = if y.meets_target { "yes" } else { "no" },
    )));
    out.push('\n');
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
