//! `banzi check --data`: the data check of the whole registry (信息校核, issue 16, item 5) on
//! a date, as a table for people, JSON for programs, or a workbook; the same report as the
//! page. Exits 0 whatever it finds; the output names people, so it is audited as an export
//! (`export.datacheck`).

use crate::check::{Format, check_date, columns, deliver};
use banzi_domain::datacheck::{Check, Report};
use banzi_domain::message;
use banzi_domain::role::Actor;
use banzi_i18n::{Lang, Tr};
use banzi_store::Store;
use std::path::Path;

/// Checks the registry on `as_of` (today when none). The table, the workbook and what is
/// said on the terminal are in `tr`'s language; the JSON keeps its messages in zh-CN.
pub async fn run(
    store: &Store,
    as_of: Option<&str>,
    format: Format,
    output: Option<&Path>,
    tr: Tr,
) -> anyhow::Result<()> {
    let as_of = check_date(as_of, format, output)?;
    let actor = Actor::cli("check");
    let report = store.data_check(&actor, as_of).await?;
    let bytes = match format {
        Format::Json => json(&report)?,
        Format::Table => table(&report, &tr).into_bytes(),
        Format::Xlsx => banzi_io::write_datacheck(&tr, &report)?,
    };
    store
        .audit_datacheck_export(&actor, &report, format.name())
        .await?;
    deliver(&bytes, output, &tr, |path| {
        message!("datacheck-cli-written", total = report.total(), path = path)
    })
}

/// The report as JSON ([`Report::to_json`]), its messages in zh-CN whatever the language.
pub fn json(report: &Report) -> anyhow::Result<Vec<u8>> {
    let zh = Tr::new(Lang::ZhCn);
    let mut out = serde_json::to_vec(&report.to_json(|m| zh.msg(m)))?;
    out.push(b'\n');
    Ok(out)
}

/// The counts per check per unit, then every finding (unit, name, ID number, check,
/// message), then the totals, in `tr`'s language.
pub fn table(r: &Report, tr: &Tr) -> String {
    let unit =
        |u: &Option<(String, String)>| banzi_io::datacheck_write::unit_name(tr, u).to_string();
    let names: Vec<String> = Check::ALL.iter().map(|c| tr.msg(&c.name())).collect();
    let mut out = tr.msg(&message!("datacheck-cli-title", as_of = r.as_of));
    out.push_str("\n\n");
    let mut head = vec![
        tr.t("datacheck.col_unit").to_string(),
        tr.t("datacheck.col_cadres").to_string(),
    ];
    head.extend(names.iter().cloned());
    head.push(tr.t("datacheck.col_total").to_string());
    let count_row = |name: String, cadres: usize, counts: &[usize]| {
        let mut row = vec![name, cadres.to_string()];
        row.extend(counts.iter().map(usize::to_string));
        row.push(counts.iter().sum::<usize>().to_string());
        row
    };
    let mut rows = vec![head];
    for g in &r.groups {
        rows.push(count_row(unit(&g.unit), g.cadres, &g.counts));
    }
    rows.push(count_row(
        tr.t("datacheck.col_total").to_string(),
        r.cadres,
        &r.counts,
    ));
    out.push_str(&columns(&rows));
    if r.total() > 0 {
        out.push('\n');
        let mut rows = vec![vec![
            tr.t("datacheck.col_unit").to_string(),
            tr.t("datacheck.col_cadre").to_string(),
            tr.v("身份证号").to_string(),
            tr.t("datacheck.col_check").to_string(),
            tr.t("datacheck.col_message").to_string(),
        ]];
        for (g, l) in r.lines() {
            rows.push(vec![
                unit(&g.unit),
                l.name.clone(),
                l.id_number.clone(),
                names[l.check as usize].clone(),
                tr.msg(&l.message),
            ]);
        }
        out.push_str(&columns(&rows));
    }
    out.push('\n');
    out.push_str(&tr.msg(&message!(
        "datacheck-cli-total",
        cadres = r.cadres,
        total = r.total(),
    )));
    out.push('\n');
    out
}
