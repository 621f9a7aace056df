//! The subcommands of `banzi`.

use crate::config::{FileConfig, redact};
use crate::words::{Said, chain, said};
use anyhow::Context;
use banzi_domain::audit::Anchor;
use banzi_domain::message;
use banzi_domain::role::{Actor, Role};
use banzi_i18n::Tr;
use banzi_store::{ImportError, NewUser, Store};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

/// The command line. Help texts, headings and clap's errors are worded from `cli.ftl` in
/// the user's language by [`crate::words`]; the doc comments here are for developers.
#[derive(Parser, Debug)]
#[command(name = "banzi", version)]
pub struct Cli {
    /// Database URL: sqlite://file or postgres://user@host/db.
    #[arg(long, global = true, env = "BANZI_DATABASE_URL")]
    pub database: Option<String>,
    /// Config file (banzi.toml in the current directory when there is one).
    #[arg(long, global = true, env = "BANZI_CONFIG")]
    pub config: Option<PathBuf>,
    /// The audit chain's key file (created at first start, mode 0600).
    #[arg(long, global = true, env = "BANZI_AUDIT_KEY")]
    pub audit_key: Option<PathBuf>,
    /// Language of the output: zh-CN, zh-TW or en (read before parsing, see `words::lang`).
    #[arg(long, global = true, ignore_case = true, value_parser = ["zh-CN", "zh-TW", "en"])]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Start the web service.
    Serve {
        /// Address to listen on, 127.0.0.1:8080 by default.
        #[arg(long, env = "BANZI_LISTEN")]
        listen: Option<String>,
    },
    /// Build the fictional demo city and start the service.
    Demo {
        #[arg(long, env = "BANZI_LISTEN")]
        listen: Option<String>,
        /// Only build the data.
        #[arg(long)]
        no_serve: bool,
    },
    /// Accounts.
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
    /// Import a roster workbook (all or nothing), or 任免审批表 files (.lrmx or a zip of
    /// them), told apart by content.
    Import {
        file: PathBuf,
        /// LRMX: print the preview, write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Export.
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Write the empty roster template.
    Template { file: PathBuf },
    /// The audit trail.
    Audit {
        #[command(subcommand)]
        action: AuditCommand,
    },
    /// Print documents.
    Print {
        #[command(subcommand)]
        what: PrintCommand,
    },
    /// Check every team and cadre against the rules (exit 0 even when alerts are found).
    Check {
        /// Date checked, YYYY-MM-DD; today by default.
        #[arg(long)]
        as_of: Option<String>,
        /// The data check (信息校核) of every cadre's record instead of the alerts.
        #[arg(long)]
        data: bool,
        /// Output format: table, json or xlsx (a sheet per level; for --data a summary and
        /// the findings).
        #[arg(long, value_enum, default_value = "table")]
        format: crate::check::Format,
        /// File to write (required for xlsx; the screen otherwise).
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create an account; the password is read from standard input.
    Add {
        login: String,
        /// staff, leader, liaison, discipline, sysadmin, secadmin, auditor
        #[arg(long)]
        role: String,
        /// Unit code (required for a unit liaison).
        #[arg(long)]
        unit: Option<String>,
        /// Display name.
        #[arg(long, default_value = "")]
        name: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// Export the whole roster.
    Roster { file: PathBuf },
    /// 任免审批表 files of cadres by ID number: one .lrmx, or a zip.
    Lrmx {
        #[arg(required = true)]
        ids: Vec<String>,
        #[arg(long)]
        output: PathBuf,
        /// 计算年龄时间, YYYY-MM-DD; today by default.
        #[arg(long)]
        as_of: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum PrintCommand {
    /// The 干部任免审批表 of one or more cadres: one PDF, two pages each (audited).
    Form {
        /// 身份证号 or registry numbers of the cadres.
        #[arg(required = true)]
        ids: Vec<String>,
        /// The PDF file to write.
        #[arg(long)]
        output: PathBuf,
        /// 计算年龄时间, YYYY-MM-DD; today by default.
        #[arg(long)]
        as_of: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Verify the audit chain; non-zero exit on an edit, deletion or swap.
    Verify {
        /// SEQ:HASH as `banzi audit head` printed it: the trail must still reach it unchanged.
        #[arg(long)]
        anchor: Option<String>,
    },
    /// Print the head of the chain (SEQ:HASH) to write down or sign.
    Head,
}

pub fn run(cli: Cli, tr: Tr) -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            // PostgreSQL's notices (the migrations' "relation … already exists, skipping" at
            // every start) are the server's English chatter, not news for the user.
            tracing_subscriber::EnvFilter::try_from_env("BANZI_LOG")
                .unwrap_or_else(|_| "info,sqlx::postgres::notice=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // A blocking thread that built a province's analysis ends 1 s after, not 10 s: what
        // its allocator kept goes back to the system with it (see `main`).
        .thread_keep_alive(std::time::Duration::from_secs(1))
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            let e = anyhow::Error::new(e).context(Said(message!("cli-no-runtime")));
            eprintln!("{}", chain(tr, &e));
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(dispatch(cli, tr)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}{}{}", tr.t("cli.error"), tr.t("p.colon"), chain(tr, &e));
            ExitCode::FAILURE
        }
    }
}

async fn open(cli: &Cli, file: &FileConfig) -> anyhow::Result<Store> {
    let url = cli
        .database
        .clone()
        .or(file.database.clone())
        .unwrap_or_else(|| "sqlite://banzi.db".into());
    let key = cli
        .audit_key
        .clone()
        .or(file.audit_key.clone())
        .unwrap_or_else(|| "banzi-audit.key".into());
    Store::open(&url, &key)
        .await
        .with_context(|| Said(message!("cli-cannot-open-database", url = redact(&url))))
}

async fn dispatch(cli: Cli, tr: Tr) -> anyhow::Result<ExitCode> {
    let file = FileConfig::load(cli.config.as_deref())?;
    let store = open(&cli, &file).await?;
    match &cli.command {
        Command::Serve { listen } => {
            let addr = listen
                .clone()
                .or(file.listen.clone())
                .unwrap_or_else(|| "127.0.0.1:8080".into());
            serve(store, &file, &addr, None, tr).await?;
        }
        Command::Demo { listen, no_serve } => {
            let built = crate::demo::build(&store, tr).await?;
            if *no_serve {
                println!("{}", tr.t("cli.demo_written"));
                return Ok(ExitCode::SUCCESS);
            }
            let addr = listen
                .clone()
                .or(file.listen.clone())
                .unwrap_or_else(|| "127.0.0.1:8080".into());
            serve(store, &file, &addr, Some(built), tr).await?;
        }
        Command::User {
            action:
                UserCommand::Add {
                    login,
                    role,
                    unit,
                    name,
                },
        } => {
            let role = Role::parse(role).map_err(said)?;
            let mut password = String::new();
            std::io::stdin()
                .read_to_string(&mut password)
                .context(Said(message!("cli-cannot-read-password")))?;
            let password = password.trim_end_matches(['\r', '\n']);
            banzi_web::check_password(login, password).map_err(said)?;
            let u = NewUser {
                login: login.clone(),
                display_name: name.clone(),
                password_hash: banzi_web::hash_password(password),
                role,
                unit_code: unit.clone(),
            };
            store.add_account(&u).await?;
            let m = message!(
                "cli-account-created",
                login = login.clone(),
                role = tr.role(role.as_str())
            );
            println!("{}", tr.msg(&m));
        }
        Command::Import {
            file: path,
            dry_run,
        } => return import(&store, path, *dry_run, tr).await,
        Command::Export {
            what: ExportCommand::Lrmx { ids, output, as_of },
        } => crate::lrmx_cli::export(&store, ids, output, as_of.as_deref(), tr).await?,
        Command::Export {
            what: ExportCommand::Roster { file: path },
        } => {
            let roster = store.export_roster(&Actor::cli("export")).await?;
            let bar = progress_bar(roster.cadres.len() as u64, tr.t("cli.writing"));
            let data = banzi_io::write_roster(&roster, &|p| bar.set_position(p.done as u64))?;
            bar.finish_and_clear();
            std::fs::write(path, data).with_context(|| cannot_write(path))?;
            let m = message!(
                "cli-exported",
                units = roster.units.len(),
                posts = roster.posts.len(),
                cadres = roster.cadres.len(),
                appointments = roster.appointments.len(),
                file = path.display().to_string()
            );
            println!("{}", tr.msg(&m));
        }
        Command::Template { file: path } => {
            std::fs::write(path, banzi_io::template()?).with_context(|| cannot_write(path))?;
            let m = message!("cli-template-written", file = path.display().to_string());
            println!("{}", tr.msg(&m));
        }
        Command::Check {
            as_of,
            data: true,
            format,
            output,
        } => {
            crate::check_data::run(&store, as_of.as_deref(), *format, output.as_deref(), tr).await?
        }
        Command::Check {
            as_of,
            data: false,
            format,
            output,
        } => crate::check::run(&store, as_of.as_deref(), *format, output.as_deref(), tr).await?,
        Command::Print {
            what: PrintCommand::Form { ids, output, as_of },
        } => {
            let fonts = file.form_fonts();
            crate::print_form::run(&store, ids, as_of.as_deref(), output, fonts, tr).await?
        }
        Command::Audit { action } => return audit(&store, action, tr).await,
    }
    Ok(ExitCode::SUCCESS)
}

/// `audit verify [--anchor SEQ:HASH]` and `audit head` (R-SEC-3).
async fn audit(store: &Store, action: &AuditCommand, tr: Tr) -> anyhow::Result<ExitCode> {
    let anchor = match action {
        AuditCommand::Verify { anchor: Some(text) } => Some(
            Anchor::parse(text)
                .ok_or_else(|| said(message!("audit-anchor-malformed", anchor = text.clone())))?,
        ),
        _ => None,
    };
    // The trail and 全程纪实 (R-SEL-12: every selection case's chain, anchored in the trail)
    // are read at once, on both cores.
    let (trail, cases) = {
        let (a, b, at) = (store.clone(), store.clone(), anchor.clone());
        let (trail, cases) = tokio::try_join!(
            tokio::spawn(async move { a.verify_audit_against(at.as_ref()).await }),
            tokio::spawn(async move { b.verify_selection().await })
        )?;
        (trail?, cases?)
    };
    match trail {
        Ok(n) => {
            if matches!(action, AuditCommand::Verify { .. }) {
                println!("{}", tr.msg(&message!("cli-audit-intact", n = n)));
                match cases {
                    Ok(cases) => {
                        println!("{}", tr.msg(&message!("cli-selection-intact", n = cases)))
                    }
                    Err(b) => {
                        eprintln!(
                            "{}",
                            tr.msg(&message!("cli-audit-broken", detail = b.msg()))
                        );
                        return Ok(ExitCode::FAILURE);
                    }
                }
                if let Some(a) = &anchor {
                    println!("{}", tr.msg(&message!("audit-anchor-reached", seq = a.seq)));
                }
                return Ok(ExitCode::SUCCESS);
            }
        }
        Err(b) => {
            eprintln!(
                "{}",
                tr.msg(&message!("cli-audit-broken", detail = b.msg()))
            );
            return Ok(ExitCode::FAILURE);
        }
    }
    // The head of a chain that verifies: the line to write down, then what it is for.
    let head = store.audit_head().await?;
    if head.seq == 0 {
        println!("{}", tr.msg(&message!("audit-head-empty")));
    } else {
        println!("{head}");
        println!("{}", tr.msg(&message!("audit-head-note", seq = head.seq)));
    }
    Ok(ExitCode::SUCCESS)
}

fn cannot_write(path: &std::path::Path) -> Said {
    Said(message!(
        "cli-cannot-write",
        file = path.display().to_string()
    ))
}

fn progress_bar(len: u64, what: &str) -> ProgressBar {
    let b = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} {elapsed}") {
        b.set_style(style);
    }
    b.set_message(what.to_string());
    b
}

async fn import(store: &Store, path: &PathBuf, dry_run: bool, tr: Tr) -> anyhow::Result<ExitCode> {
    let data = std::fs::read(path).with_context(|| {
        Said(message!(
            "cli-cannot-read",
            file = path.display().to_string()
        ))
    })?;
    if banzi_io::lrmx::is_lrmx_upload(&data) {
        return crate::lrmx_cli::import(store, path, data, dry_run, tr).await;
    }
    if dry_run {
        return Err(said(message!("lrmx-cli-dry-run-workbook")));
    }
    // One bar for reading, one for writing: the writer takes each part as soon as the
    // reader has it, so both move at once.
    let bars = indicatif::MultiProgress::new();
    let read_bar = bars.add(progress_bar(0, tr.t("cli.reading")));
    let write_bar = bars.add(progress_bar(0, tr.t("cli.storing")));
    write_bar.set_style(
        ProgressStyle::with_template(tr.t("cli.rows_template"))
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let rb = read_bar.clone();
    let (mut feed, reader) = banzi_io::spawn_reader(data, move |p| {
        rb.set_message(tr.msg(&message!("cli-reading-sheet", sheet = p.sheet.to_string())));
        rb.set_length(p.total as u64);
        rb.set_position(p.done as u64);
    });
    let result = store
        .import_feed(&Actor::cli("import"), &mut feed, &|sheet, done, _| {
            write_bar
                .set_message(tr.msg(&message!("cli-storing-sheet", sheet = sheet.to_string())));
            write_bar.set_position(done as u64);
        })
        .await;
    drop(feed);
    let notices = reader
        .join()
        .map_err(|_| said(message!("cli-reader-died")))?;
    read_bar.finish_and_clear();
    write_bar.finish_and_clear();
    for n in notices {
        let m = message!(
            "cli-notice",
            sheet = n.sheet.clone(),
            text = n.message.clone()
        );
        eprintln!("{}", tr.msg(&m));
    }
    match result {
        Ok(s) => {
            let m = message!(
                "cli-imported",
                units = s.units,
                posts = s.posts,
                cadres = s.cadres,
                appointments = s.appointments,
                portfolios = s.portfolios,
                trainings = s.trainings,
                changed = if s.total() == 0 { "no" } else { "yes" }
            );
            println!("{}", tr.msg(&m));
            Ok(ExitCode::SUCCESS)
        }
        Err(ImportError::Rows(errors)) => Ok(report(&errors, tr)),
        Err(ImportError::Other(e)) => Err(e.into()),
    }
}

fn report(errors: &[banzi_domain::roster::RowError], tr: Tr) -> ExitCode {
    for e in errors {
        eprintln!("{}", tr.msg(&e.msg()));
    }
    eprintln!(
        "{}",
        tr.msg(&message!("cli-import-refused", n = errors.len()))
    );
    ExitCode::FAILURE
}

/// Binds, prints where to open it, and serves.
pub async fn serve(
    store: Store,
    file: &FileConfig,
    addr: &str,
    demo: Option<crate::demo::Built>,
    tr: Tr,
) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| Said(message!("cli-cannot-listen", addr = addr.to_string())))?;
    let local = listener.local_addr()?;
    let url = format!("http://{local}/");
    println!("{}", tr.msg(&message!("cli-started", url = url)));
    if local.ip().is_loopback() {
        println!(
            "{}",
            tr.msg(&message!("cli-local-only", port = local.port()))
        );
    }
    if let Some(b) = demo {
        println!(
            "{}",
            tr.msg(&message!("cli-demo-accounts", password = b.password))
        );
        for (login, role, unit) in &b.logins {
            let role = tr.role(role.as_str());
            let in_unit = if unit.is_empty() { "no" } else { "yes" };
            let m = message!(
                "cli-demo-login",
                role = role,
                unit = *unit,
                in_unit = in_unit
            );
            println!("  {login:<12} {}", tr.msg(&m));
        }
    }
    banzi_web::serve(listener, banzi_web::AppState::new(store, file.web())).await?;
    Ok(())
}
