//! What a user reads, as data: an id of the catalog and named arguments. The domain decides
//! which message and with what; `banzi-i18n` words it in the reader's language from its
//! Fluent files (`crates/banzi-i18n/locales/<lang>/*.ftl`). No crate below the edge builds a
//! sentence, and nothing parses one back into its parts.
//!
//! ```
//! use banzi_domain::msg::{Arg, Msg};
//! use banzi_domain::message;
//! let m = message!("id-check-digit", expected = "X");
//! assert_eq!(m.id, "id-check-digit");
//! assert_eq!(m.arg("expected"), Some(&Arg::Text("X".into())));
//! ```

use crate::date::Date;
use std::borrow::Cow;
use std::fmt;

/// A message: the id of an entry of the catalog and its arguments, by name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Arg {
    /// Shown as it is in every language: a name, a code, what the user typed.
    Text(Cow<'static, str>),
    /// A count or an amount; plural forms select on it ("1 member" / "2 members").
    Int(i64),
    /// A day, written as the language writes days.
    Date(Date),
    /// A year and month (到龄年月), written as the language writes them.
    Month(Date),
    /// A label by its Chinese text, translated: a vocabulary value (正职, 中共党员 …) or the
    /// name of a field, sheet or column (身份证号 …).
    Label(Cow<'static, str>),
    /// Another message, worded in turn.
    Msg(Box<Msg>),
    /// Values joined by the language's list separator.
    List(Vec<Arg>),
}

impl Msg {
    /// A message without arguments.
    pub const fn new(id: &'static str) -> Msg {
        Msg {
            id,
            args: Vec::new(),
        }
    }

    /// Adds an argument.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// The argument named `name`.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }
}

impl Arg {
    /// A label (vocabulary value, field or column name), translated when shown.
    pub fn label(l: impl Into<Cow<'static, str>>) -> Arg {
        Arg::Label(l.into())
    }

    /// Labels, translated and joined.
    pub fn labels<L: Into<Cow<'static, str>>>(ls: impl IntoIterator<Item = L>) -> Arg {
        Arg::List(ls.into_iter().map(Arg::label).collect())
    }
}

/// Builds a [`Msg`]: `message!("id", name = value, …)`; a value is anything `Into<Arg>`
/// (text, an integer, a [`Date`], a [`Msg`], or an [`Arg`] such as [`Arg::label`]).
#[macro_export]
macro_rules! message {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::msg::Msg {
            id: $id,
            args: vec![$((stringify!($name), $crate::msg::Arg::from($value))),*],
        }
    };
}

impl From<&'static str> for Arg {
    fn from(s: &'static str) -> Arg {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(Cow::Owned(s))
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(Cow::Owned(s.clone()))
    }
}

impl From<Cow<'static, str>> for Arg {
    fn from(s: Cow<'static, str>) -> Arg {
        Arg::Text(s)
    }
}

macro_rules! int_arg {
    ($($t:ty),+) => {$(
        impl From<$t> for Arg {
            /// A count past `i64::MAX` (none is) shows as `i64::MAX`.
            fn from(n: $t) -> Arg {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )+};
}
int_arg!(i8, i16, i32, i64, u8, u16, u32, u64, usize);

impl From<Date> for Arg {
    fn from(d: Date) -> Arg {
        Arg::Date(d)
    }
}

impl From<&Msg> for Arg {
    fn from(m: &Msg) -> Arg {
        Arg::Msg(Box::new(m.clone()))
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

/// For logs and test failures, not for users: `id(name=value, …)`.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)?;
        if self.args.is_empty() {
            return Ok(());
        }
        f.write_str("(")?;
        for (i, (name, a)) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{name}={a}")?;
        }
        f.write_str(")")
    }
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Text(s) | Arg::Label(s) => f.write_str(s),
            Arg::Int(n) => write!(f, "{n}"),
            Arg::Date(d) => write!(f, "{d}"),
            Arg::Month(d) => write!(f, "{:04}-{:02}", d.year(), d.month()),
            Arg::Msg(m) => write!(f, "{m}"),
            Arg::List(v) => {
                for (i, a) in v.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{a}")?;
                }
                Ok(())
            }
        }
    }
}
