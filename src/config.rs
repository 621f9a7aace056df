//! Configuration in layers: defaults → `banzi.toml` → `BANZI_…` environment → flags.
//! Unknown keys in the file are refused, so a typo is not silently ignored.

use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub database: Option<String>,
    pub listen: Option<String>,
    pub lockout_failures: Option<i64>,
    pub lockout_window_minutes: Option<i64>,
    pub lockout_minutes: Option<i64>,
    pub idle_minutes: Option<i64>,
    pub session_hours: Option<i64>,
    pub source_free_failures: Option<i64>,
    pub source_max_wait_seconds: Option<i64>,
    pub password_min_length: Option<usize>,
    pub trust_forwarded_for: Option<bool>,
    pub secure_cookie: Option<bool>,
    /// The address phones open ballot codes at (`http://192.168.1.10:8080`).
    pub public_url: Option<String>,
    /// The audit chain's key file (R-SEC-3), created at first start; `banzi-audit.key`.
    pub audit_key: Option<std::path::PathBuf>,
    /// The font the 干部任免审批表 is printed with (a Noto Serif CJK collection).
    pub form_font: Option<std::path::PathBuf>,
    /// The font for characters the first lacks (a Noto Sans CJK collection).
    pub form_fallback_font: Option<std::path::PathBuf>,
}

use crate::words::Said;
use banzi_domain::message;

impl FileConfig {
    /// Reads `path`; a missing default file is an empty configuration, a missing named file
    /// is an error.
    pub fn load(path: Option<&Path>) -> anyhow::Result<FileConfig> {
        let (path, named) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => (Path::new("banzi.toml").to_path_buf(), false),
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text).map_err(|e| {
                let file = path.display().to_string();
                anyhow::Error::new(e).context(Said(message!("cli-config-malformed", file = file)))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => {
                Ok(FileConfig::default())
            }
            Err(e) => {
                let file = path.display().to_string();
                Err(anyhow::Error::new(e)
                    .context(Said(message!("cli-config-unreadable", file = file))))
            }
        }
    }

    /// The fonts of the printed form: the configured files, else Debian's fonts-noto-cjk.
    pub fn form_fonts(&self) -> banzi_io::FormFonts {
        let d = banzi_io::FormFonts::default();
        banzi_io::FormFonts {
            main: self.form_font.clone().unwrap_or(d.main),
            fallback: self.form_fallback_font.clone().unwrap_or(d.fallback),
        }
    }

    pub fn web(&self) -> banzi_web::WebConfig {
        let d = banzi_web::WebConfig::default();
        banzi_web::WebConfig {
            lockout_failures: self.lockout_failures.unwrap_or(d.lockout_failures),
            lockout_window_minutes: self
                .lockout_window_minutes
                .unwrap_or(d.lockout_window_minutes),
            lockout_minutes: self.lockout_minutes.unwrap_or(d.lockout_minutes),
            idle_minutes: self.idle_minutes.unwrap_or(d.idle_minutes),
            session_hours: self.session_hours.unwrap_or(d.session_hours),
            source_free_failures: self.source_free_failures.unwrap_or(d.source_free_failures),
            source_max_wait_seconds: self
                .source_max_wait_seconds
                .unwrap_or(d.source_max_wait_seconds),
            password_min_length: self.password_min_length.unwrap_or(d.password_min_length),
            trust_forwarded_for: self.trust_forwarded_for.unwrap_or(d.trust_forwarded_for),
            secure_cookie: self.secure_cookie.unwrap_or(d.secure_cookie),
            public_url: self.public_url.clone().or(d.public_url),
            form_fonts: self.form_fonts(),
        }
    }
}

/// Hides a password in a database URL for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let cred = &url[s + 3..at];
            match cred.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_refused() {
        assert!(toml::from_str::<FileConfig>("idle_minutes = 10").is_ok());
        assert!(toml::from_str::<FileConfig>("idle_minute = 10").is_err());
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("sqlite://banzi.db"), "sqlite://banzi.db");
    }
}
