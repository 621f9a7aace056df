//! The subcommands of `banzi`.

use crate::config::{FileConfig, redact};
use anyhow::Context;
use banzi_domain::role::{Actor, Role, Scope};
use banzi_store::{ImportError, NewUser, Store};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(name = "banzi", version, about = "班子：领导班子建设管理系统")]
pub struct Cli {
    /// 数据库地址：sqlite://文件 或 postgres://用户@主机/库
    #[arg(long, global = true, env = "BANZI_DATABASE_URL")]
    pub database: Option<String>,
    /// 配置文件（默认读取当前目录的 banzi.toml，如存在）
    #[arg(long, global = true, env = "BANZI_CONFIG")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// 启动网页服务
    Serve {
        /// 监听地址，默认 127.0.0.1:8080
        #[arg(long, env = "BANZI_LISTEN")]
        listen: Option<String>,
    },
    /// 生成虚构的示范城市并启动服务
    Demo {
        #[arg(long, env = "BANZI_LISTEN")]
        listen: Option<String>,
        /// 只生成数据，不启动服务
        #[arg(long)]
        no_serve: bool,
    },
    /// 账号管理
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
    /// 导入干部花名册工作簿（全部正确才写入）
    Import { file: PathBuf },
    /// 导出
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// 写出空白花名册模板
    Template { file: PathBuf },
    /// 审计记录
    Audit {
        #[command(subcommand)]
        action: AuditCommand,
    },
    /// 结构分析预警：按规则检查全部班子和干部（发现问题也以 0 退出）
    Check {
        /// 检查日期 YYYY-MM-DD，默认今天
        #[arg(long)]
        as_of: Option<String>,
        /// 输出格式：table（表格）、json、xlsx（每个级别一个工作表）
        #[arg(long, value_enum, default_value = "table")]
        format: crate::check::Format,
        /// 写入文件（xlsx 必填；默认输出到屏幕）
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// 新建账号，密码从标准输入读取
    Add {
        login: String,
        /// staff, leader, liaison, discipline, sysadmin, secadmin, auditor
        #[arg(long)]
        role: String,
        /// 单位编码（单位填报员必填）
        #[arg(long)]
        unit: Option<String>,
        /// 姓名
        #[arg(long, default_value = "")]
        name: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// 导出完整花名册
    Roster { file: PathBuf },
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// 校验审计链，发现改动、删除或调换时以非零状态退出
    Verify,
}

pub fn run(cli: Cli) -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("BANZI_LOG")
                .unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("错误：无法启动运行时：{e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(dispatch(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("错误：{e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The system administrator acting from the command line (creating accounts).
fn cli_admin() -> Actor {
    Actor {
        login: "cli:admin".into(),
        role: Role::SysAdmin,
        scope: Scope::All,
    }
}

async fn open(cli: &Cli, file: &FileConfig) -> anyhow::Result<Store> {
    let url = cli
        .database
        .clone()
        .or(file.database.clone())
        .unwrap_or_else(|| "sqlite://banzi.db".into());
    Store::connect(&url)
        .await
        .with_context(|| format!("无法打开数据库 {}", redact(&url)))
}

async fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    let file = FileConfig::load(cli.config.as_deref())?;
    let store = open(&cli, &file).await?;
    match &cli.command {
        Command::Serve { listen } => {
            let addr = listen
                .clone()
                .or(file.listen.clone())
                .unwrap_or_else(|| "127.0.0.1:8080".into());
            serve(store, &file, &addr, None).await?;
        }
        Command::Demo { listen, no_serve } => {
            let built = crate::demo::build(&store).await?;
            if *no_serve {
                println!("示范城市已写入数据库。");
                return Ok(ExitCode::SUCCESS);
            }
            let addr = listen
                .clone()
                .or(file.listen.clone())
                .unwrap_or_else(|| "127.0.0.1:8080".into());
            serve(store, &file, &addr, Some(built)).await?;
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
            let role = Role::parse(role).map_err(anyhow::Error::msg)?;
            let mut password = String::new();
            std::io::stdin()
                .read_to_string(&mut password)
                .context("无法读取标准输入中的密码")?;
            let password = password.trim_end_matches(['\r', '\n']);
            banzi_web::check_password(password).map_err(anyhow::Error::msg)?;
            let u = NewUser {
                login: login.clone(),
                display_name: name.clone(),
                password_hash: banzi_web::hash_password(password),
                role,
                unit_code: unit.clone(),
            };
            store.create_user(&cli_admin(), &u).await?;
            println!("已创建账号 {login}（{}）", role.label());
        }
        Command::Import { file: path } => return import(&store, path).await,
        Command::Export {
            what: ExportCommand::Roster { file: path },
        } => {
            let roster = store.export_roster(&Actor::cli("export")).await?;
            let bar = progress_bar(roster.cadres.len() as u64, "写出");
            let data = banzi_io::write_roster(&roster, &|p| bar.set_position(p.done as u64))?;
            bar.finish_and_clear();
            std::fs::write(path, data).with_context(|| format!("无法写入 {}", path.display()))?;
            println!(
                "已导出 {} 个单位、{} 个职位、{} 名干部、{} 条任职记录到 {}",
                roster.units.len(),
                roster.posts.len(),
                roster.cadres.len(),
                roster.appointments.len(),
                path.display()
            );
        }
        Command::Template { file: path } => {
            std::fs::write(path, banzi_io::template()?)
                .with_context(|| format!("无法写入 {}", path.display()))?;
            println!("已写出空白模板 {}", path.display());
        }
        Command::Check {
            as_of,
            format,
            output,
        } => {
            crate::check::run(
                &store,
                as_of.as_deref(),
                *format,
                output.as_deref(),
                banzi_i18n::Tr::new(banzi_i18n::Lang::ZhCn),
            )
            .await?
        }
        Command::Audit {
            action: AuditCommand::Verify,
        } => match store.verify_audit().await? {
            Ok(n) => println!("审计链完整：{n} 条记录全部校验通过"),
            Err(b) => {
                eprintln!("审计链校验失败：{b}");
                return Ok(ExitCode::FAILURE);
            }
        },
    }
    Ok(ExitCode::SUCCESS)
}

fn progress_bar(len: u64, what: &str) -> ProgressBar {
    let b = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} {elapsed}") {
        b.set_style(style);
    }
    b.set_message(what.to_string());
    b
}

async fn import(store: &Store, path: &PathBuf) -> anyhow::Result<ExitCode> {
    let data = std::fs::read(path).with_context(|| format!("无法读取 {}", path.display()))?;
    // One bar for reading, one for writing: the writer takes each part as soon as the
    // reader has it, so both move at once.
    let bars = indicatif::MultiProgress::new();
    let read_bar = bars.add(progress_bar(0, "读取"));
    let write_bar = bars.add(progress_bar(0, "写入"));
    write_bar.set_style(
        ProgressStyle::with_template("{msg} {pos} 行 {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let rb = read_bar.clone();
    let (mut feed, reader) = banzi_io::spawn_reader(data, move |p| {
        rb.set_message(format!("读取 {}", p.sheet));
        rb.set_length(p.total as u64);
        rb.set_position(p.done as u64);
    });
    let result = store
        .import_feed(&Actor::cli("import"), &mut feed, &|sheet, done, _| {
            write_bar.set_message(format!("写入 {sheet}"));
            write_bar.set_position(done as u64);
        })
        .await;
    drop(feed);
    let notices = reader
        .join()
        .map_err(|_| anyhow::anyhow!("读取工作簿的线程意外中止"))?;
    read_bar.finish_and_clear();
    write_bar.finish_and_clear();
    for n in notices {
        eprintln!("提示：工作表“{}”：{}", n.sheet, n.message);
    }
    match result {
        Ok(s) => {
            println!(
                "导入完成：新增或更新单位 {}、职位 {}、干部 {}、任职 {}、分管 {}、培训 {}{}",
                s.units,
                s.posts,
                s.cadres,
                s.appointments,
                s.portfolios,
                s.trainings,
                if s.total() == 0 {
                    "（与数据库一致，没有变化）"
                } else {
                    ""
                }
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(ImportError::Rows(errors)) => Ok(report(&errors)),
        Err(ImportError::Other(e)) => Err(e.into()),
    }
}

fn report(errors: &[banzi_domain::roster::RowError]) -> ExitCode {
    for e in errors {
        eprintln!("{e}");
    }
    eprintln!("共 {} 处错误，未导入任何数据。", errors.len());
    ExitCode::FAILURE
}

/// Binds, prints where to open it, and serves.
pub async fn serve(
    store: Store,
    file: &FileConfig,
    addr: &str,
    demo: Option<crate::demo::Built>,
) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("无法监听 {addr}"))?;
    let local = listener.local_addr()?;
    println!("班子已启动：请在浏览器打开 http://{local}/");
    if local.ip().is_loopback() {
        println!(
            "（仅本机可访问；会议扫码投票需手机能访问本机，请用 --listen 0.0.0.0:{} 启动，并用局域网地址打开后再发放票码）",
            local.port()
        );
    }
    if let Some(b) = demo {
        println!("示范账号（密码均为 {}）：", b.password);
        for (login, role) in &b.logins {
            println!("  {login:<12} {role}");
        }
    }
    banzi_web::serve(listener, banzi_web::AppState::new(store, file.web())).await?;
    Ok(())
}
