//! `banzi import FILE.lrmx|FILES.zip [--dry-run]` and `banzi export lrmx ID… --output F`
//! (issue 16): the same plan the page previews, printed file by file; without `--dry-run`
//! the plan is written at once (running the command is the confirmation), all or nothing.

use crate::words::{Said, said};
use anyhow::Context;
use banzi_domain::lrmx::{ImportPlan, Outcome};
use banzi_domain::message;
use banzi_domain::role::Actor;
use banzi_i18n::Tr;
use banzi_store::{FormUse, LrmxFiles, Store};
use std::path::Path;
use std::process::ExitCode;

/// Imports (or, with `dry_run`, previews) the LRMX upload `data` read from `path`.
pub async fn import(
    store: &Store,
    path: &Path,
    data: Vec<u8>,
    dry_run: bool,
    tr: Tr,
) -> anyhow::Result<ExitCode> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let read = tokio::task::spawn_blocking(move || banzi_io::lrmx::read_lrmx_upload(&name, &data))
        .await?
        .map_err(said)?;
    let (skipped, files): (Vec<_>, Vec<_>) = read
        .into_iter()
        .partition(banzi_io::lrmx::FileResult::is_skipped);
    for f in skipped {
        for m in f.result.err().into_iter().flatten() {
            eprintln!("{}", tr.msg(&m));
        }
    }
    let files: LrmxFiles = files.into_iter().map(|f| (f.file, f.result)).collect();
    let actor = Actor::cli("import");
    let plan = store.plan_lrmx(&actor, files.clone()).await?;
    print_plan(&plan, tr);
    if plan.has_errors() {
        eprintln!("{}", tr.msg(&message!("lrmx-cli-refused")));
        return Ok(ExitCode::FAILURE);
    }
    if dry_run {
        println!("{}", tr.msg(&message!("lrmx-cli-dry-run")));
        return Ok(ExitCode::SUCCESS);
    }
    let written = store.import_lrmx(&actor, files, &plan.digest()).await?;
    let [new, update, same, _] = written.counts();
    println!(
        "{}",
        tr.msg(&message!(
            "lrmx-cli-imported",
            new = new,
            update = update,
            same = same
        ))
    );
    Ok(ExitCode::SUCCESS)
}

fn print_plan(plan: &ImportPlan, tr: Tr) {
    for f in &plan.files {
        let file = f.file.clone();
        let name = f.name.clone();
        match &f.outcome {
            Outcome::New(_) => println!(
                "{}",
                tr.msg(&message!("lrmx-cli-preview-new", file = file, name = name))
            ),
            Outcome::Same => println!(
                "{}",
                tr.msg(&message!("lrmx-cli-preview-same", file = file, name = name))
            ),
            Outcome::Update(_, changes) => {
                println!(
                    "{}",
                    tr.msg(&message!(
                        "lrmx-cli-preview-update",
                        file = file,
                        name = name,
                        n = changes.len()
                    ))
                );
                for c in changes {
                    let m = message!(
                        "lrmx-cli-preview-change",
                        field = tr.field(&c.field),
                        before = one_line(c.before.as_deref()),
                        after = one_line(c.after.as_deref()),
                    );
                    println!("{}", tr.msg(&m));
                }
            }
            Outcome::Errors(errors) => {
                eprintln!(
                    "{}",
                    tr.msg(&message!("lrmx-cli-preview-error", file = file))
                );
                for e in errors {
                    eprintln!("  {}", tr.msg(e));
                }
            }
        }
    }
    let [new, update, same, errors] = plan.counts();
    println!(
        "{}",
        tr.msg(&message!(
            "lrmx-cli-summary",
            files = plan.files.len(),
            new = new,
            update = update,
            same = same,
            errors = errors
        ))
    );
}

/// A value of several lines (简历, family) on one line of the terminal.
fn one_line(v: Option<&str>) -> String {
    v.unwrap_or("—").replace('\n', " / ")
}

/// Writes the forms of the cadres with ID numbers `ids` to `output`: one `.lrmx`, or a zip.
pub async fn export(
    store: &Store,
    ids: &[String],
    output: &Path,
    as_of: Option<&str>,
    tr: Tr,
) -> anyhow::Result<()> {
    let as_of = match as_of {
        Some(t) => banzi_domain::date::parse(t).map_err(said)?,
        None => banzi_store::today(),
    };
    let lower = output.to_string_lossy().to_ascii_lowercase();
    let zip = lower.ends_with(".zip");
    if !zip && !lower.ends_with(".lrmx") {
        return Err(said(message!(
            "lrmx-cli-output-kind",
            file = output.display().to_string()
        )));
    }
    if !zip && ids.len() != 1 {
        return Err(said(message!("lrmx-cli-one-per-lrmx", n = ids.len())));
    }
    let people = store
        .forms(&Actor::cli("export"), ids, as_of, None, FormUse::Lrmx)
        .await?;
    let data = if zip {
        let names = banzi_io::lrmx::file_names(&people);
        let files: Vec<(String, Vec<u8>)> = names
            .into_iter()
            .zip(&people)
            .map(|(n, p)| (n, banzi_io::lrmx::write_lrmx(p)))
            .collect();
        banzi_io::lrmx::write_lrmx_zip(&files)?
    } else {
        banzi_io::lrmx::write_lrmx(&people[0])
    };
    std::fs::write(output, data).with_context(|| {
        Said(message!(
            "cli-cannot-write",
            file = output.display().to_string()
        ))
    })?;
    let m = message!(
        "lrmx-cli-exported",
        n = people.len(),
        file = output.display().to_string()
    );
    println!("{}", tr.msg(&m));
    Ok(())
}
