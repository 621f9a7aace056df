//! The languages banzi speaks, and how a browser or a shell asks for one.

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

    /// The language a shell asks for: `LC_ALL`, else `LC_MESSAGES`, else `LANG`, as POSIX
    /// orders them (`zh_TW.UTF-8`, `zh_HK`, `en_US.UTF-8`, `zh_CN.GB18030` …). `C`, `POSIX`,
    /// an unset or unknown locale give none, and the caller's default (zh-CN) holds.
    pub fn from_locale_env(get: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|k| get(k).filter(|v| !v.is_empty()))?;
        let tag = value
            .split(['.', '@'])
            .next()
            .unwrap_or("")
            .replace('_', "-");
        Lang::from_accept(&tag)
    }

    pub fn name(self) -> &'static str {
        match self {
            Lang::ZhCn => "简体中文",
            Lang::ZhTw => "繁體中文",
            Lang::En => "English",
        }
    }
}
