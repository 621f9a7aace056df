//! Every text a user reads, in zh-CN (default), zh-TW and English, from Project Fluent
//! catalogs embedded in the binary (`locales/<lang>/*.ftl`). zh-TW is written by hand, not
//! converted, and personal names are never converted. Three kinds of text, one format:
//!
//! - interface text by key (`Tr::t`, `Tr::f`): `ui.ftl`. A key `a.b` in the code is the
//!   message `a-b` in the file (Fluent ids have no dots);
//! - labels by their Chinese text (`Tr::v`): vocabulary values (正职, 中共党员 …) and the
//!   names of fields, sheets and columns, in `labels.ftl`; the zh-CN file's text finds the id;
//! - messages the domain decides (`Tr::msg`): a [`Msg`] is an id and named arguments, worded
//!   by the entry of that id in one of the area files (`errors.ftl`, `rules.ftl` …).
//!
//! Inserted values carry no isolation marks (U+2068/U+2069): the pages are plain text runs.

mod fast;
mod lang;

pub use banzi_domain::msg::{Arg, Msg};
pub use lang::Lang;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The files of a language, in the order they are added to its bundle.
macro_rules! files {
    ($lang:literal) => {
        [
            ("ui", include_str!(concat!("../locales/", $lang, "/ui.ftl"))),
            (
                "labels",
                include_str!(concat!("../locales/", $lang, "/labels.ftl")),
            ),
            (
                "errors",
                include_str!(concat!("../locales/", $lang, "/errors.ftl")),
            ),
            (
                "registry",
                include_str!(concat!("../locales/", $lang, "/registry.ftl")),
            ),
            (
                "roster",
                include_str!(concat!("../locales/", $lang, "/roster.ftl")),
            ),
            (
                "rules",
                include_str!(concat!("../locales/", $lang, "/rules.ftl")),
            ),
            (
                "ballot",
                include_str!(concat!("../locales/", $lang, "/ballot.ftl")),
            ),
            (
                "store",
                include_str!(concat!("../locales/", $lang, "/store.ftl")),
            ),
            (
                "cli",
                include_str!(concat!("../locales/", $lang, "/cli.ftl")),
            ),
            (
                "security",
                include_str!(concat!("../locales/", $lang, "/security.ftl")),
            ),
            (
                "audit",
                include_str!(concat!("../locales/", $lang, "/audit.ftl")),
            ),
            (
                "uploads",
                include_str!(concat!("../locales/", $lang, "/uploads.ftl")),
            ),
            (
                "meeting",
                include_str!(concat!("../locales/", $lang, "/meeting.ftl")),
            ),
            (
                "dossier",
                include_str!(concat!("../locales/", $lang, "/dossier.ftl")),
            ),
            (
                "analysis",
                include_str!(concat!("../locales/", $lang, "/analysis.ftl")),
            ),
            (
                "lrmx",
                include_str!(concat!("../locales/", $lang, "/lrmx.ftl")),
            ),
            (
                "datacheck",
                include_str!(concat!("../locales/", $lang, "/datacheck.ftl")),
            ),
            (
                "lrmx_web",
                include_str!(concat!("../locales/", $lang, "/lrmx_web.ftl")),
            ),
            (
                "listing",
                include_str!(concat!("../locales/", $lang, "/listing.ftl")),
            ),
            (
                "form",
                include_str!(concat!("../locales/", $lang, "/form.ftl")),
            ),
            (
                "selection",
                include_str!(concat!("../locales/", $lang, "/selection.ftl")),
            ),
            (
                "competition",
                include_str!(concat!("../locales/", $lang, "/competition.ftl")),
            ),
            (
                "calendar",
                include_str!(concat!("../locales/", $lang, "/calendar.ftl")),
            ),
        ]
    };
}

/// The Fluent sources of a language: (file name, text).
pub fn sources(lang: Lang) -> [(&'static str, &'static str); 23] {
    match lang {
        Lang::ZhCn => files!("zh-CN"),
        Lang::ZhTw => files!("zh-TW"),
        Lang::En => files!("en"),
    }
}

/// One language's catalog: the bundle, and the text of every entry without arguments
/// worded once, so that interface text is a lookup.
struct Catalog {
    bundle: FluentBundle<FluentResource>,
    plain: HashMap<String, String>,
    /// The entries [`fast`] words by itself.
    fast: HashMap<&'static str, Vec<fast::Piece>>,
}

/// Problems found while loading a language: syntax errors and ids defined twice. The tests
/// require none; at run time a broken entry only goes missing.
pub fn load_errors(lang: Lang) -> Vec<String> {
    build(lang).1
}

fn build(lang: Lang) -> (Catalog, Vec<String>) {
    let mut errors = Vec::new();
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    for (file, src) in sources(lang) {
        let res = match FluentResource::try_new(src.to_string()) {
            Ok(r) => r,
            Err((r, es)) => {
                errors.extend(
                    es.iter()
                        .map(|e| format!("{}/{file}.ftl: {e:?}", lang.code())),
                );
                r
            }
        };
        if let Err(es) = bundle.add_resource(res) {
            errors.extend(
                es.iter()
                    .map(|e| format!("{}/{file}.ftl: {e}", lang.code())),
            );
        }
    }
    let mut plain = HashMap::new();
    for (_, src) in sources(lang) {
        for id in ids(src) {
            if let Some(p) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut es = Vec::new();
                let text = bundle.format_pattern(p, None, &mut es);
                if es.is_empty() {
                    plain.insert(id.to_string(), text.into_owned());
                }
            }
        }
    }
    let fast = fast::compile(&sources(lang));
    (
        Catalog {
            bundle,
            plain,
            fast,
        },
        errors,
    )
}

/// The ids of the messages a Fluent source defines, in order.
pub fn ids(src: &str) -> Vec<&str> {
    src.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim()))
        .collect()
}

fn catalog(lang: Lang) -> &'static Catalog {
    static CATALOGS: OnceLock<[Catalog; 3]> = OnceLock::new();
    &CATALOGS.get_or_init(|| Lang::ALL.map(|l| build(l).0))[lang as usize]
}

/// The id of each label, by its zh-CN text.
fn label_ids() -> &'static HashMap<&'static str, &'static str> {
    static IDS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    IDS.get_or_init(|| {
        let cn = catalog(Lang::ZhCn);
        let (_, src) = sources(Lang::ZhCn)[1];
        ids(src)
            .into_iter()
            .filter_map(|id| cn.plain.get(id).map(|text| (text.as_str(), id)))
            .collect()
    })
}

/// A key of the code (`team.tenure_fmt`) as a Fluent id (`team-tenure_fmt`).
fn fluent_id(key: &str) -> Cow<'_, str> {
    if key.contains('.') {
        Cow::Owned(key.replace('.', "-"))
    } else {
        Cow::Borrowed(key)
    }
}

/// The translator a page, a workbook or the command line words its text with.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub const fn new(lang: Lang) -> Tr {
        Tr { lang }
    }

    /// The text for `key`; falls back to zh-CN, then to a visible marker (so a missing
    /// string is noticed rather than hidden).
    pub fn t(&self, key: &str) -> &'static str {
        self.get(key).unwrap_or("⟨missing text⟩")
    }

    /// The text for `key`, if any language has it.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        let id = fluent_id(key);
        catalog(self.lang)
            .plain
            .get(id.as_ref())
            .or_else(|| catalog(Lang::ZhCn).plain.get(id.as_ref()))
            .map(String::as_str)
    }

    /// The text for `key` with its `$value` given (`appoint.since` = `{ $value } 起`).
    pub fn f(&self, key: &str, value: &str) -> String {
        self.format(
            &fluent_id(key),
            &[("value", Arg::Text(value.to_string().into()))],
        )
    }

    /// The text for `key` with its `$n` given: the plural form the language needs
    /// ("1 year" / "54 years"), and a count of hours with its decimal ("12.5 hours").
    pub fn n(&self, key: &str, n: impl Count) -> String {
        let mut args = FluentArgs::with_capacity(1);
        args.set("n", n.value());
        self.format_with(&fluent_id(key), &args)
    }

    /// The text for `key` with named arguments (`team.tenure_ym` = `{ $y }年{ $m }个月`).
    pub fn args(&self, key: &str, args: &[(&'static str, Arg)]) -> String {
        self.format(&fluent_id(key), args)
    }

    /// A label (vocabulary value, or the name of a field, sheet or column) in the reader's
    /// language: the stored Chinese label stays the form value, this is what the reader
    /// sees. Anything else (a name, free text such as 职级) comes back as it is.
    pub fn v<'a>(&self, label: &'a str) -> &'a str {
        if self.lang == Lang::ZhCn {
            return label;
        }
        label_ids()
            .get(label)
            .and_then(|id| catalog(self.lang).plain.get(*id))
            .map_or(label, String::as_str)
    }

    /// The name of a record's field as the audit trail and an import's preview show it
    /// (`audit-field-<code>`); the code itself when there is no word for it.
    pub fn field(&self, code: &str) -> String {
        self.get(&format!("audit.field.{code}"))
            .map_or_else(|| code.to_string(), str::to_string)
    }

    /// A message of the domain in the reader's language.
    pub fn msg(&self, m: &Msg) -> String {
        self.format(m.id, &m.args)
    }

    fn format(&self, id: &str, args: &[(&'static str, Arg)]) -> String {
        // Arguments are worded in the language the entry is found in (zh-CN when the
        // reader's language lacks it).
        let lang = if catalog(self.lang).bundle.has_message(id) {
            self.lang
        } else {
            Lang::ZhCn
        };
        let tr = Tr { lang };
        if let Some(pieces) = catalog(lang).fast.get(id) {
            let mut out = String::with_capacity(96);
            if fast::render(tr, pieces, args, &mut out) {
                return out;
            }
        }
        tr.format_fluent(id, args)
    }

    /// [`Tr::format`] through `fluent-bundle` alone, in this language.
    fn format_fluent(&self, id: &str, args: &[(&'static str, Arg)]) -> String {
        let tr = *self;
        let mut fa = FluentArgs::with_capacity(args.len());
        for (name, a) in args {
            fa.set(*name, tr.value(a));
        }
        tr.format_with(id, &fa)
    }

    fn format_with(&self, id: &str, args: &FluentArgs) -> String {
        let found = [self.lang, Lang::ZhCn].into_iter().find_map(|l| {
            let b = &catalog(l).bundle;
            b.get_message(id).and_then(|m| m.value()).map(|p| (b, p))
        });
        let Some((bundle, pattern)) = found else {
            return format!("⟨{id}⟩");
        };
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(args), &mut errors)
            .into_owned()
    }

    fn value<'a>(&self, a: &'a Arg) -> FluentValue<'a> {
        match a {
            Arg::Text(s) => FluentValue::String(Cow::Borrowed(s)),
            Arg::Int(n) => FluentValue::from(*n),
            Arg::Label(l) => FluentValue::String(Cow::Borrowed(self.v(l))),
            other => FluentValue::String(Cow::Owned(self.text(other))),
        }
    }

    /// An argument as text.
    fn text(&self, a: &Arg) -> String {
        match a {
            Arg::Text(s) => s.to_string(),
            Arg::Int(n) => n.to_string(),
            Arg::Date(d) => d.to_string(),
            Arg::Month(d) => self.args(
                "p.month",
                &[
                    ("y", Arg::from(format!("{:04}", d.year()))),
                    ("m", Arg::from(format!("{:02}", d.month()))),
                ],
            ),
            Arg::Label(l) => self.v(l).to_string(),
            Arg::Msg(m) => self.msg(m),
            Arg::List(v) => v
                .iter()
                .map(|a| self.text(a))
                .collect::<Vec<_>>()
                .join(self.list_separator()),
        }
    }

    /// A sheet or column name of the roster workbook (干部, 身份证号 …). The workbook's
    /// headers are Chinese whatever the interface language, so the name stays as the user
    /// must find it; English adds a gloss: `身份证号 (ID number)`.
    pub fn gloss(&self, name: &str) -> String {
        if self.lang != Lang::En || name.is_empty() {
            return name.to_string();
        }
        let t = self.v(name);
        if t == name {
            t.to_string()
        } else {
            format!("{name} ({t})")
        }
    }

    /// A domain error on one line, for the command line: `未找到：干部（身份证号 …）`;
    /// an internal failure says what failed as the store reported it.
    pub fn error(&self, e: &banzi_domain::DomainError) -> String {
        use banzi_domain::DomainError as E;
        let colon = self.t("p.colon");
        match e {
            E::NotFound(m) => format!("{}{colon}{}", self.t("error.not_found"), self.msg(m)),
            E::Forbidden(m) => format!("{}{colon}{}", self.t("error.forbidden"), self.msg(m)),
            E::Conflict(m) => format!("{}{colon}{}", self.t("error.conflict"), self.msg(m)),
            E::Invalid(list) => {
                let fields: Vec<String> = list
                    .iter()
                    .map(|f| format!("{}{colon}{}", self.v(&f.field), self.msg(&f.message)))
                    .collect();
                format!(
                    "{}{colon}{}",
                    self.t("error.invalid"),
                    fields.join(self.t("p.semicolon"))
                )
            }
            E::Internal(detail) => format!("{}{colon}{detail}", self.t("error.internal")),
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

/// A handler takes the reader's language as an argument; the language middleware of the web
/// crate has put it in the request.
/// A number a plural form selects on.
pub trait Count {
    fn value(self) -> FluentValue<'static>;
}

macro_rules! count {
    ($($t:ty),+) => {$(
        impl Count for $t {
            fn value(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
    )+};
}
count!(i32, i64, u32, u64, usize, f64);

/// Templates hand their values over by reference.
impl<T: Count + Copy> Count for &T {
    fn value(self) -> FluentValue<'static> {
        (*self).value()
    }
}

#[cfg(feature = "axum")]
impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Tr {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(Tr {
            lang: parts.extensions.get::<Lang>().copied().unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod sources;
#[cfg(test)]
mod tests;
