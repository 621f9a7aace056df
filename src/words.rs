//! The command line in the user's language: which language (`--lang`, else `LC_ALL`,
//! `LC_MESSAGES`, `LANG`; zh-CN by default), clap's help and errors worded from `cli.ftl`,
//! and errors carrying a [`Msg`] through `anyhow` to be worded where they are printed.

use banzi_domain::{DomainError, Msg};
use banzi_i18n::{Lang, Tr};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use std::ffi::OsString;
use std::fmt;
use std::process::ExitCode;

/// An error whose words are a message: shown in the reader's language by [`chain`].
#[derive(Debug)]
pub struct Said(pub Msg);

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Said {}

/// An `anyhow` error saying `m`.
pub fn said(m: Msg) -> anyhow::Error {
    anyhow::Error::new(Said(m))
}

/// An error and its causes on one line, each in the reader's language where it is ours
/// (a message or a domain error); what the system reported (an OS error) as it is.
pub fn chain(tr: Tr, e: &anyhow::Error) -> String {
    let word = |c: &(dyn std::error::Error + 'static)| {
        if let Some(Said(m)) = c.downcast_ref::<Said>() {
            tr.msg(m)
        } else if let Some(d) = c.downcast_ref::<DomainError>() {
            tr.error(d)
        } else {
            c.to_string()
        }
    };
    // The outermost is asked through anyhow, which also finds a context's own type.
    let head = if let Some(Said(m)) = e.downcast_ref::<Said>() {
        tr.msg(m)
    } else if let Some(d) = e.downcast_ref::<DomainError>() {
        tr.error(d)
    } else {
        e.to_string()
    };
    std::iter::once(head)
        .chain(e.chain().skip(1).map(word))
        .collect::<Vec<_>>()
        .join(tr.t("p.colon"))
}

/// The language asked for: `--lang X` or `--lang=X` among the arguments (read before clap,
/// so that help is in it too), else the locale of the environment, else zh-CN.
pub fn lang(args: &[OsString], env: impl Fn(&str) -> Option<String>) -> Lang {
    let mut it = args.iter().filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next(),
            Some(v) => v.strip_prefix('='),
            None => None,
        };
        if let Some(l) = value.and_then(Lang::parse) {
            return l;
        }
    }
    Lang::from_locale_env(env).unwrap_or_default()
}

/// The command with every help text, heading and usage line from the catalog: `about` of
/// a command from `cli.cmd.<path>`, the help of an argument from `cli.arg.<path>.<id>`.
pub fn command<T: CommandFactory>(tr: Tr) -> Command {
    let help = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help(tr.t("cli.help"))
        .global(true);
    let version = Arg::new("version")
        .short('V')
        .long("version")
        .action(ArgAction::Version)
        .help(tr.t("cli.version"));
    let cmd = T::command()
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(help)
        .arg(version);
    localise(cmd, "banzi", tr)
}

fn localise(cmd: Command, path: &str, tr: Tr) -> Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    // clap writes its own English headings, and a colon after ours: the sections are
    // written here instead, each only when the command has something under it.
    let mut template = format!("{{about-with-newline}}\n{}{{usage}}\n", tr.t("cli.usage"));
    if !names.is_empty() {
        template.push_str(&format!("\n{}\n{{subcommands}}\n", tr.t("cli.commands")));
    }
    if cmd.get_positionals().next().is_some() {
        template.push_str(&format!("\n{}\n{{positionals}}\n", tr.t("cli.arguments")));
    }
    template.push_str(&format!("\n{}\n{{options}}\n", tr.t("cli.options")));
    let mut cmd = cmd
        .about(tr.t(&format!("cli.cmd.{path}")))
        .help_template(template)
        .subcommand_value_name(tr.t("cli.command"))
        .disable_help_subcommand(true);
    for id in ids {
        let key = format!("cli.arg.{path}.{id}");
        cmd = cmd.mut_arg(&id, |a| {
            // What clap would add in English (env, default, choices) the text says itself.
            let a = if a.get_action().takes_values() {
                a.hide_env(true)
                    .hide_default_value(true)
                    .hide_possible_values(true)
            } else {
                a.hide_env(true)
            };
            match id.as_str() {
                "help" => a.help(tr.t("cli.help")),
                "version" => a.help(tr.t("cli.version")),
                _ => a.help(tr.t(&key)),
            }
        });
    }
    for name in names {
        let sub_path = format!("{path}.{name}");
        cmd = cmd.mut_subcommand(&name, |s| localise(s, &sub_path, tr));
    }
    cmd
}

/// Parses the arguments with the worded command; help and version are printed and end
/// the program, a usage error is worded and ends it with status 2.
pub fn parse<T: CommandFactory + FromArgMatches>(
    tr: Tr,
    args: Vec<OsString>,
) -> Result<T, ExitCode> {
    use clap::error::ErrorKind as K;
    let parsed = command::<T>(tr)
        .try_get_matches_from(args)
        .and_then(|m| T::from_arg_matches(&m));
    match parsed {
        Ok(v) => Ok(v),
        Err(e) if e.kind() == K::DisplayHelp => {
            let _ = e.print();
            Err(ExitCode::SUCCESS)
        }
        Err(e) if e.kind() == K::DisplayVersion => {
            println!("banzi {}", env!("CARGO_PKG_VERSION"));
            Err(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{}", usage_error(tr, &e));
            Err(ExitCode::from(2))
        }
    }
}

/// A clap error in the reader's words, with what clap found: the argument, the value, the
/// values it takes. A kind the catalog has no words for keeps clap's own (English) text.
pub fn usage_error(tr: Tr, e: &clap::Error) -> String {
    use clap::error::{ContextKind as C, ContextValue, ErrorKind as K};
    let get = |k: C| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(tr.list_separator()),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let id = match e.kind() {
        K::UnknownArgument => "cli-error-unknown-argument",
        K::InvalidSubcommand => "cli-error-unknown-command",
        K::InvalidValue => "cli-error-invalid-value",
        K::MissingRequiredArgument => "cli-error-missing-argument",
        K::MissingSubcommand | K::DisplayHelpOnMissingArgumentOrSubcommand => {
            "cli-error-missing-command"
        }
        K::ValueValidation => "cli-error-invalid-value",
        K::TooManyValues | K::ArgumentConflict => "cli-error-conflict",
        _ => {
            let own = e.render().to_string();
            return format!("{}{}{}", tr.t("cli.error"), tr.t("p.colon"), own.trim());
        }
    };
    let choices = get(C::ValidValue);
    let listed = if choices.is_empty() { "no" } else { "yes" };
    let m = Msg::new(id)
        .with("arg", get(C::InvalidArg))
        .with("value", get(C::InvalidValue))
        .with("command", get(C::InvalidSubcommand))
        .with("listed", listed)
        .with("choices", choices);
    format!(
        "{}{}{}\n{}",
        tr.t("cli.error"),
        tr.t("p.colon"),
        tr.msg(&m),
        tr.t("cli.see_help")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;

    /// Every command and argument of the tree, by the key of its help text.
    fn keys(cmd: &Command, path: &str, out: &mut Vec<String>) {
        out.push(format!("cli.cmd.{path}"));
        for a in cmd.get_arguments() {
            out.push(format!("cli.arg.{path}.{}", a.get_id()));
        }
        for s in cmd.get_subcommands() {
            keys(s, &format!("{path}.{}", s.get_name()), out);
        }
    }

    #[test]
    fn every_command_and_argument_has_its_help_in_the_catalog() {
        let mut all = Vec::new();
        keys(&Cli::command(), "banzi", &mut all);
        assert!(all.len() > 25, "{all:?}");
        // zh-CN has each; the catalog test holds the other languages to the same ids.
        let missing: Vec<&String> = all
            .iter()
            .filter(|k| Tr::new(Lang::ZhCn).get(k).is_none())
            .collect();
        assert!(missing.is_empty(), "cli.ftl lacks {missing:?}");
    }

    #[test]
    fn the_language_comes_from_the_argument_then_the_locale() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let none = env(&[]);
        assert_eq!(lang(&args(&["banzi", "check"]), none), Lang::ZhCn);
        assert_eq!(lang(&args(&["banzi", "--lang", "en"]), none), Lang::En);
        assert_eq!(
            lang(&args(&["banzi", "x", "--lang=zh-tw"]), none),
            Lang::ZhTw
        );
        let en_us = env(&[("LANG", "en_US.UTF-8")]);
        assert_eq!(lang(&args(&["banzi"]), en_us), Lang::En);
        assert_eq!(
            lang(&args(&["banzi", "--lang", "zh-CN"]), en_us),
            Lang::ZhCn
        );
        // LC_ALL before LC_MESSAGES before LANG; C and POSIX leave the default.
        let all = env(&[("LC_ALL", "zh_HK.UTF-8"), ("LANG", "en_US.UTF-8")]);
        assert_eq!(lang(&args(&["banzi"]), all), Lang::ZhTw);
        let messages = env(&[("LC_MESSAGES", "en_GB"), ("LANG", "zh_TW.Big5")]);
        assert_eq!(lang(&args(&["banzi"]), messages), Lang::En);
        assert_eq!(
            lang(&args(&["banzi"]), env(&[("LANG", "C.UTF-8")])),
            Lang::ZhCn
        );
        assert_eq!(
            lang(&args(&["banzi"]), env(&[("LC_ALL", "POSIX")])),
            Lang::ZhCn
        );
        // After `--` an argument is a value, not an option.
        assert_eq!(
            lang(&args(&["banzi", "import", "--", "--lang"]), en_us),
            Lang::En
        );
    }
}
