//! Interface text in zh-CN (default), zh-TW and English. zh-TW is written by hand, not
//! converted, and personal names are never converted. Three kinds of text:
//!
//! - interface text by key (`Tr::t`): `locales/{zh-CN,zh-TW,en}.txt`, same keys in all three;
//! - vocabulary values by their stored Chinese label (`Tr::v`): `locales/vocab-*.txt`;
//! - messages the rules write in Chinese (`Tr::m`): `locales/messages-*.txt`, see [`catalog`].
//!
//! A value in a locale file is trimmed; quote it (`key = " years"`) to keep outer spaces.

mod catalog;
#[cfg(test)]
mod sources;
#[cfg(test)]
mod tests;

use catalog::Catalog;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    ZhCn,
    ZhTw,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::ZhCn, Lang::ZhTw, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::ZhTw => "zh-TW",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(s))
    }

    /// The language a browser asks for first (`Accept-Language`, by `q`, ties in order)
    /// among those we have: zh-TW for Traditional Chinese (zh-TW, zh-HK, zh-MO, zh-Hant),
    /// zh-CN for any other Chinese, en for English; none when it asks for none of them.
    pub fn from_accept(header: &str) -> Option<Lang> {
        let mut best: Option<(u16, Lang)> = None;
        for item in header.split(',') {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            // q in thousandths; a bad q is read as 0 (not acceptable), as RFC 9110 allows.
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), |v| {
                    v.trim()
                        .parse::<f32>()
                        .ok()
                        .filter(|q| (0.0..=1.0).contains(q))
                        .map(|q| (q * 1000.0).round() as u16)
                })
                .unwrap_or(0);
            let primary = tag.split('-').next().unwrap_or("");
            let lang = match primary {
                "zh" => {
                    let traditional = tag
                        .split('-')
                        .skip(1)
                        .any(|sub| matches!(sub, "tw" | "hk" | "mo" | "hant"));
                    if traditional { Lang::ZhTw } else { Lang::ZhCn }
                }
                "en" => Lang::En,
                _ => continue,
            };
            if q > 0 && best.is_none_or(|(b, _)| q > b) {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l)
    }

    pub fn name(self) -> &'static str {
        match self {
            Lang::ZhCn => "简体中文",
            Lang::ZhTw => "繁體中文",
            Lang::En => "English",
        }
    }

    fn source(self) -> &'static str {
        match self {
            Lang::ZhCn => include_str!("../locales/zh-CN.txt"),
            Lang::ZhTw => include_str!("../locales/zh-TW.txt"),
            Lang::En => include_str!("../locales/en.txt"),
        }
    }
}

/// `key = text` lines; `#` starts a comment line. The first ` = ` (or `=`) separates.
pub fn parse_locale(src: &'static str) -> HashMap<&'static str, &'static str> {
    entries(src).collect()
}

/// The entries of a locale file in file order.
fn entries(src: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = ").or_else(|| l.split_once('=')))
        .map(|(k, v)| (k.trim(), unquote(v.trim())))
}

fn unquote(v: &str) -> &str {
    v.strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .unwrap_or(v)
}

/// Vocabulary values (正职, 中共党员 …) by their Chinese label; zh-CN shows the label itself.
fn vocab(lang: Lang) -> Option<&'static HashMap<&'static str, &'static str>> {
    static TABLES: OnceLock<[HashMap<&'static str, &'static str>; 2]> = OnceLock::new();
    let t = TABLES.get_or_init(|| {
        [
            parse_locale(include_str!("../locales/vocab-zh-TW.txt")),
            parse_locale(include_str!("../locales/vocab-en.txt")),
        ]
    });
    match lang {
        Lang::ZhCn => None,
        Lang::ZhTw => Some(&t[0]),
        Lang::En => Some(&t[1]),
    }
}

/// The message catalog of a language; zh-CN has none (the messages are written in it).
fn messages(lang: Lang) -> Option<&'static Catalog> {
    static TABLES: OnceLock<[Catalog; 2]> = OnceLock::new();
    let t = TABLES.get_or_init(|| {
        [
            Catalog::parse(include_str!("../locales/messages-zh-TW.txt")),
            Catalog::parse(include_str!("../locales/messages-en.txt")),
        ]
    });
    match lang {
        Lang::ZhCn => None,
        Lang::ZhTw => Some(&t[0]),
        Lang::En => Some(&t[1]),
    }
}

fn table(lang: Lang) -> &'static HashMap<&'static str, &'static str> {
    static TABLES: OnceLock<[HashMap<&'static str, &'static str>; 3]> = OnceLock::new();
    let t = TABLES.get_or_init(|| Lang::ALL.map(|l| parse_locale(l.source())));
    &t[lang as usize]
}

/// The translator a page renders with.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    /// The text for `key`; falls back to zh-CN, then to a visible marker (so a missing
    /// string is noticed rather than hidden).
    pub fn t(&self, key: &str) -> &'static str {
        table(self.lang)
            .get(key)
            .or_else(|| table(Lang::ZhCn).get(key))
            .copied()
            .unwrap_or("⟨missing text⟩")
    }

    /// The text for `key` with its `{}` replaced by `arg` (`appoint.since` = `{} 起`).
    pub fn f(&self, key: &str, arg: &str) -> String {
        self.t(key).replacen("{}", arg, 1)
    }

    /// A vocabulary value (or 是/否, 党外, a 民族, a usual 单位类别) in the page's language:
    /// the stored Chinese label stays the form value, this is what the reader sees. Anything
    /// else (a name, free text such as 职级) comes back as it is.
    pub fn v<'a>(&self, label: &'a str) -> &'a str {
        vocab(self.lang)
            .and_then(|t| t.get(label).copied())
            .unwrap_or(label)
    }

    /// A message of the rules (a field error, an import row error, a domain error) in the
    /// page's language: by exact match, else by pattern; zh-CN, and a message the catalog
    /// does not know, come back in Chinese.
    pub fn m(&self, message: &str) -> String {
        match messages(self.lang) {
            Some(c) => c.translate(message, *self),
            None => message.to_string(),
        }
    }

    /// A sheet or column name of the roster workbook (干部, 身份证号 …). The workbook's
    /// headers are Chinese whatever the interface language, so the name stays as the user
    /// must find it; English adds a gloss: `身份证号 (ID number)`.
    pub fn gloss(&self, name: &str) -> String {
        if self.lang != Lang::En || name.is_empty() {
            return name.to_string();
        }
        let t = self.m(name);
        if t == name {
            t
        } else {
            format!("{name} ({t})")
        }
    }

    /// The name of a role by its code (`staff` …).
    pub fn role(&self, code: &str) -> &'static str {
        self.t(&format!("role.{code}"))
    }

    /// The separator of a list of values: 、 in Chinese, a comma in English.
    pub fn list_separator(&self) -> &'static str {
        self.t("p.list")
    }
}
