//! The messages, worded without going through `fluent-bundle` when they use only what our
//! catalogs use: text, a variable, a string literal (`{" "}`), and a selection on a
//! variable by an identifier (`[yes]`), a number (`[0]`) or a plural category (`[one]`).
//! Wording a province's 206,497 alerts this way takes about a third of what building
//! Fluent's arguments and resolving through it took (README, "Alerts on a province"). Anything else in an
//! entry (a message or term reference, a function, an escape) leaves it to `fluent-bundle`.
//! A test words every entry both ways for every branch and requires the same text.

use super::{Arg, Lang, Tr};
use fluent_syntax::ast;
use std::collections::HashMap;

/// A compiled pattern.
#[derive(Debug)]
pub(crate) enum Piece {
    Text(&'static str),
    Var(&'static str),
    Select {
        var: &'static str,
        variants: Vec<(Key, Vec<Piece>)>,
        default: usize,
    },
}

#[derive(Debug)]
pub(crate) enum Key {
    Ident(&'static str),
    Number(i64),
}

/// The entries of a language that compile, by id.
pub(crate) fn compile(
    sources: &[(&'static str, &'static str)],
) -> HashMap<&'static str, Vec<Piece>> {
    let mut out = HashMap::new();
    for (_, src) in sources {
        let Ok(res) = fluent_syntax::parser::parse(*src) else {
            continue;
        };
        for entry in res.body {
            if let ast::Entry::Message(m) = entry
                && m.attributes.is_empty()
                && let Some(value) = m.value
                && let Some(pieces) = pattern(value)
            {
                out.insert(m.id.name, pieces);
            }
        }
    }
    out
}

fn pattern(p: ast::Pattern<&'static str>) -> Option<Vec<Piece>> {
    let mut out = Vec::with_capacity(p.elements.len());
    for e in p.elements {
        match e {
            ast::PatternElement::TextElement { value } => out.push(Piece::Text(value)),
            ast::PatternElement::Placeable { expression } => out.push(placeable(expression)?),
        }
    }
    Some(out)
}

fn placeable(e: ast::Expression<&'static str>) -> Option<Piece> {
    match e {
        ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
            Some(Piece::Var(id.name))
        }
        ast::Expression::Inline(ast::InlineExpression::StringLiteral { value })
            if !value.contains('\\') =>
        {
            Some(Piece::Text(value))
        }
        ast::Expression::Select { selector, variants } => {
            let ast::InlineExpression::VariableReference { id } = selector else {
                return None;
            };
            let mut default = 0;
            let mut out = Vec::with_capacity(variants.len());
            for (i, v) in variants.into_iter().enumerate() {
                if v.default {
                    default = i;
                }
                let key = match v.key {
                    ast::VariantKey::Identifier { name } => Key::Ident(name),
                    ast::VariantKey::NumberLiteral { value } => Key::Number(value.parse().ok()?),
                };
                out.push((key, pattern(v.value)?));
            }
            Some(Piece::Select {
                var: id.name,
                variants: out,
                default,
            })
        }
        _ => None,
    }
}

/// English's plural category of a whole number (CLDR: `one` for 1, `other` otherwise);
/// Chinese has only `other`.
fn plural(lang: Lang, n: i64) -> &'static str {
    match (lang, n) {
        (Lang::En, 1) => "one",
        _ => "other",
    }
}

/// Words `pieces` into `out`; false (and `out` left partly written) when an argument is
/// missing or cannot select, so that the caller lets Fluent word the entry instead.
pub(crate) fn render(
    tr: Tr,
    pieces: &[Piece],
    args: &[(&'static str, Arg)],
    out: &mut String,
) -> bool {
    let find = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, a)| a);
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Var(name) => match find(name) {
                Some(a) => write_arg(tr, a, out),
                None => return false,
            },
            Piece::Select {
                var,
                variants,
                default,
            } => {
                let chosen = match find(var) {
                    Some(Arg::Text(s)) => variants
                        .iter()
                        .position(|(k, _)| matches!(k, Key::Ident(i) if *i == s.as_ref())),
                    Some(Arg::Int(n)) => variants
                        .iter()
                        .position(|(k, _)| matches!(k, Key::Number(x) if x == n))
                        .or_else(|| {
                            let cat = plural(tr.lang, *n);
                            variants
                                .iter()
                                .position(|(k, _)| matches!(k, Key::Ident(i) if *i == cat))
                        }),
                    _ => return false,
                };
                let Some((_, branch)) = variants.get(chosen.unwrap_or(*default)) else {
                    return false;
                };
                if !render(tr, branch, args, out) {
                    return false;
                }
            }
        }
    }
    true
}

fn write_arg(tr: Tr, a: &Arg, out: &mut String) {
    use std::fmt::Write;
    match a {
        Arg::Text(s) => out.push_str(s),
        Arg::Int(n) => {
            let _ = write!(out, "{n}");
        }
        Arg::Label(l) => out.push_str(tr.v(l)),
        Arg::Msg(m) => out.push_str(&tr.msg(m)),
        other => out.push_str(&tr.text(other)),
    }
}
