//! `banzi print form ID… --output FILE.pdf [--as-of YYYY-MM-DD]`: the printed 干部任免审批表
//! of one or more cadres in one PDF, two pages each (issue 16, item 3). A cadre is named by
//! 身份证号 or by its registry number (the number of its page, `/cadres/{n}`). The forms
//! are read as the export reads them (计算年龄时间 the as-of day, R-AGE-1's 2025 elements)
//! and audited as an export (`export.form`).

use crate::words::{Said, said};
use anyhow::Context;
use banzi_domain::message;
use banzi_domain::role::Actor;
use banzi_i18n::Tr;
use banzi_io::form_pdf::{FormFonts, render_forms};
use banzi_store::{FormUse, Store};
use std::path::Path;

/// Prints the forms of `ids` to `output`.
pub async fn run(
    store: &Store,
    ids: &[String],
    as_of: Option<&str>,
    output: &Path,
    fonts: FormFonts,
    tr: Tr,
) -> anyhow::Result<()> {
    let as_of = match as_of {
        Some(text) => banzi_domain::date::parse(text)
            .map_err(|_| said(message!("formpdf-bad-date", value = text.to_string())))?,
        None => banzi_store::today(),
    };
    let mut id_numbers = Vec::with_capacity(ids.len());
    for id in ids {
        id_numbers.push(id_number(store, id.trim()).await?);
    }
    let actor = Actor::cli("print");
    let people = store
        .forms(&actor, &id_numbers, as_of, None, FormUse::Print)
        .await?;
    let count = people.len();
    let pdf = tokio::task::spawn_blocking(move || render_forms(&people, &fonts))
        .await?
        .map_err(said)?;
    std::fs::write(output, &pdf).with_context(|| {
        Said(message!(
            "cli-cannot-write",
            file = output.display().to_string()
        ))
    })?;
    let m = message!(
        "formpdf-cli-written",
        count = count,
        pages = 2 * count,
        path = output.display().to_string()
    );
    println!("{}", tr.msg(&m));
    Ok(())
}

/// The 身份证号 of a cadre named by it or by its registry number (all digits and shorter
/// than an ID number).
async fn id_number(store: &Store, id: &str) -> anyhow::Result<String> {
    let unknown = || said(message!("formpdf-unknown-cadre", id = id.to_string()));
    if id.len() < 15 && !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) {
        let r: i64 = id.parse().map_err(|_| unknown())?;
        return store.cadre_id_number(r).await?.ok_or_else(unknown);
    }
    Ok(id.to_ascii_uppercase())
}
