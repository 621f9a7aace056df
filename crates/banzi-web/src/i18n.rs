//! Interface text in zh-CN (default), zh-TW and English. Each locale is a `key = text` file
//! embedded in the binary; a test checks that the three files have the same keys. zh-TW is
//! written by hand, not converted, and personal names are never converted.

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

pub fn parse_locale(src: &'static str) -> HashMap<&'static str, &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
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
    /// The text for `key`; falls back to zh-CN, then to the key itself (visible, so a
    /// missing string is noticed rather than hidden).
    pub fn t(&self, key: &str) -> &'static str {
        table(self.lang)
            .get(key)
            .or_else(|| table(Lang::ZhCn).get(key))
            .copied()
            .unwrap_or("⟨missing text⟩")
    }

    /// A vocabulary value (or 是/否, 党外) in the page's language: the stored Chinese label
    /// stays the form value, this is what the reader sees. Anything else (a name, free text
    /// such as 职级) comes back as it is.
    pub fn v<'a>(&self, label: &'a str) -> &'a str {
        vocab(self.lang)
            .and_then(|t| t.get(label).copied())
            .unwrap_or(label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_vocabulary_value_is_translated() {
        let labels: BTreeSet<&str> = banzi_domain::codes::all_labels().into_iter().collect();
        for l in [Lang::ZhTw, Lang::En] {
            let table = vocab(l).expect("table");
            let have: BTreeSet<&str> = table.keys().copied().collect();
            assert_eq!(
                labels.difference(&have).collect::<Vec<_>>(),
                Vec::<&&str>::new(),
                "{} lacks values",
                l.code()
            );
            assert_eq!(
                have.difference(&labels).collect::<Vec<_>>(),
                Vec::<&&str>::new(),
                "{} has values no vocabulary has",
                l.code()
            );
        }
        let en = Tr { lang: Lang::En };
        assert_eq!(en.v("中共预备党员"), "CPC probationary member");
        assert_eq!(Tr { lang: Lang::ZhTw }.v("副职"), "副職");
        assert_eq!(Tr { lang: Lang::ZhCn }.v("副职"), "副职");
        assert_eq!(en.v("张伟"), "张伟", "names are never translated");
    }

    #[test]
    fn every_locale_has_the_same_keys() {
        let keys = |l: Lang| {
            parse_locale(l.source())
                .keys()
                .copied()
                .collect::<BTreeSet<_>>()
        };
        let cn = keys(Lang::ZhCn);
        for l in [Lang::ZhTw, Lang::En] {
            let other = keys(l);
            assert_eq!(
                cn.difference(&other).collect::<Vec<_>>(),
                Vec::<&&str>::new(),
                "{} lacks keys",
                l.code()
            );
            assert_eq!(
                other.difference(&cn).collect::<Vec<_>>(),
                Vec::<&&str>::new(),
                "{} has extra keys",
                l.code()
            );
        }
    }
}
