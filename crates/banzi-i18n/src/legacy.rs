//! The old message catalog, until every message is a [`banzi_domain::Msg`] of its own (issue
//! 13): the Chinese messages that banzi-domain, banzi-io, banzi-store and the pages still
//! build, each with its translation (`legacy/messages-{zh-TW,en}.txt`).
//!
//! A line is `pattern = translation`. A pattern is a message with holes for its variable
//! parts, and says what each hole holds:
//!
//! - `{}`  a value shown as it is (a code, a number, what the user typed, a sheet name);
//! - `{m}` another message, translated in turn (`未找到：{m}`);
//! - `{v}` a vocabulary value (`Tr::v`);
//! - `{list}` values joined by 、, each translated (`可选：{list}`).
//!
//! In the translation `{}` takes the holes in order and `{1}`, `{2}` … name one (1-based)
//! where the word order differs. A message is looked up by exact match, then against the
//! patterns, the one with most fixed text first; the holes are captured shortest-first.

use super::{Lang, Tr};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The catalog of a language; zh-CN has none (the messages are written in it).
pub fn messages(lang: Lang) -> Option<&'static Catalog> {
    static TABLES: OnceLock<[Catalog; 2]> = OnceLock::new();
    let t = TABLES.get_or_init(|| {
        [
            Catalog::parse(include_str!("../legacy/messages-zh-TW.txt")),
            Catalog::parse(include_str!("../legacy/messages-en.txt")),
        ]
    });
    match lang {
        Lang::ZhCn => None,
        Lang::ZhTw => Some(&t[0]),
        Lang::En => Some(&t[1]),
    }
}

/// `key = text` lines; `#` starts a comment line. The first ` = ` (or `=`) separates; a
/// quoted value keeps its outer spaces.
pub fn entries(src: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hole {
    Verbatim,
    Message,
    Value,
    List,
}

#[derive(Debug)]
pub struct Pattern {
    /// The pattern as written in the file.
    #[allow(dead_code, reason = "read by the tests")]
    pub source: &'static str,
    /// Fixed text around the holes: one more than there are holes.
    pub fixed: Vec<&'static str>,
    pub holes: Vec<Hole>,
    pub translation: &'static str,
}

#[derive(Debug, Default)]
pub struct Catalog {
    pub exact: HashMap<&'static str, &'static str>,
    /// Most fixed text first.
    pub patterns: Vec<Pattern>,
}

/// Splits a pattern into fixed text and holes; `None` if it has no hole, an unknown hole
/// or two holes side by side (which no capture could tell apart).
pub fn split(source: &'static str) -> Option<(Vec<&'static str>, Vec<Hole>)> {
    let mut fixed = Vec::new();
    let mut holes = Vec::new();
    let mut rest = source;
    while let Some(open) = rest.find('{') {
        let close = open + rest[open..].find('}')?;
        let hole = match &rest[open + 1..close] {
            "" => Hole::Verbatim,
            "m" => Hole::Message,
            "v" => Hole::Value,
            "list" => Hole::List,
            _ => return None,
        };
        if open == 0 && !holes.is_empty() {
            return None;
        }
        fixed.push(&rest[..open]);
        holes.push(hole);
        rest = &rest[close + 1..];
    }
    fixed.push(rest);
    (!holes.is_empty()).then_some((fixed, holes))
}

impl Catalog {
    pub fn parse(src: &'static str) -> Catalog {
        let mut c = Catalog::default();
        for (source, translation) in entries(src) {
            match split(source) {
                Some((fixed, holes)) => c.patterns.push(Pattern {
                    source,
                    fixed,
                    holes,
                    translation,
                }),
                None => {
                    c.exact.insert(source, translation);
                }
            }
        }
        let weight = |p: &Pattern| p.fixed.iter().map(|f| f.len()).sum::<usize>();
        c.patterns.sort_by_key(|p| std::cmp::Reverse(weight(p)));
        c
    }

    pub fn translate(&self, message: &str, tr: Tr) -> String {
        self.translate_at(message, tr, 0)
    }

    fn translate_at(&self, message: &str, tr: Tr, depth: u8) -> String {
        if let Some(t) = self.exact.get(message) {
            return (*t).to_string();
        }
        if depth > 4 {
            return message.to_string();
        }
        for p in &self.patterns {
            let mut caught = Vec::with_capacity(p.holes.len());
            if capture(&p.fixed, message, &mut caught) {
                let values: Vec<String> = caught
                    .iter()
                    .zip(&p.holes)
                    .map(|(text, hole)| match hole {
                        Hole::Verbatim => (*text).to_string(),
                        Hole::Message => self.translate_at(text, tr, depth + 1),
                        Hole::Value => tr.v(text).to_string(),
                        Hole::List => text
                            .split('、')
                            .map(|x| tr.v(x))
                            .collect::<Vec<_>>()
                            .join(tr.list_separator()),
                    })
                    .collect();
                return fill(p.translation, &values);
            }
        }
        message.to_string()
    }
}

/// Matches `message` against fixed text and holes; each hole takes at least one character,
/// as few as let the rest match.
fn capture<'m>(fixed: &[&str], message: &'m str, out: &mut Vec<&'m str>) -> bool {
    match message.strip_prefix(fixed[0]) {
        Some(rest) => holes(&fixed[1..], rest, out),
        None => false,
    }
}

fn holes<'m>(fixed: &[&str], rest: &'m str, out: &mut Vec<&'m str>) -> bool {
    let Some((next, after)) = fixed.split_first() else {
        return rest.is_empty();
    };
    if next.is_empty() {
        // The last hole, at the end of the pattern: it takes the rest.
        if rest.is_empty() {
            return false;
        }
        out.push(rest);
        return true;
    }
    for (at, _) in rest.match_indices(next).filter(|(at, _)| *at > 0) {
        out.push(&rest[..at]);
        if holes(after, &rest[at + next.len()..], out) {
            return true;
        }
        out.pop();
    }
    false
}

/// Puts the values into a translation: `{}` in order, `{N}` by number.
pub fn fill(translation: &str, values: &[String]) -> String {
    let mut out = String::with_capacity(translation.len() + 16);
    let mut next = 0;
    let mut rest = translation;
    while let Some(open) = rest.find('{') {
        let Some(len) = rest[open..].find('}') else {
            break;
        };
        let inside = &rest[open + 1..open + len];
        let index = if inside.is_empty() {
            next += 1;
            Some(next - 1)
        } else {
            inside.parse::<usize>().ok().and_then(|n| n.checked_sub(1))
        };
        out.push_str(&rest[..open]);
        match index.and_then(|i| values.get(i)) {
            Some(v) => out.push_str(v),
            None => out.push_str(&rest[open..=open + len]),
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    out
}

/// The holes a translation refers to (0-based), for the test that each is used.
#[cfg(test)]
pub fn referenced(translation: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut next = 0;
    let mut rest = translation;
    while let Some(open) = rest.find('{') {
        let Some(len) = rest[open..].find('}') else {
            break;
        };
        let inside = &rest[open + 1..open + len];
        if inside.is_empty() {
            out.push(next);
            next += 1;
        } else if let Some(n) = inside.parse::<usize>().ok().and_then(|n| n.checked_sub(1)) {
            out.push(n);
        }
        rest = &rest[open + len + 1..];
    }
    out
}
