//! Reading the sources for the translation tests: the text of the templates outside their
//! tags, and the Chinese string literals of the Rust crates.

use std::path::{Path, PathBuf};

/// Chinese script and punctuation: CJK symbols (、。「」　), Han ideographs, fullwidth forms
/// (：（），). “ ” and · are general punctuation and pass.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFF00..=0xFFEF | 0x20000..=0x2FFFF)
}

pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Runs of Chinese text outside `{{ }}`, `{% %}` and `{# #}`, with their line numbers.
pub fn template_text(src: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut line = 1;
    let mut run = String::new();
    let mut rest = src;
    let mut flush = |run: &mut String, line: usize| {
        if !run.is_empty() {
            out.push((line, std::mem::take(run)));
        }
    };
    while let Some(c) = rest.chars().next() {
        let close = ["{{", "{%", "{#"]
            .iter()
            .position(|open| rest.starts_with(open))
            .map(|i| ["}}", "%}", "#}"][i]);
        if let Some(close) = close {
            flush(&mut run, line);
            let end = rest[2..]
                .find(close)
                .map_or(rest.len(), |i| i + 2 + close.len());
            line += rest[..end].matches('\n').count();
            rest = &rest[end..];
            continue;
        }
        if is_cjk(c) {
            run.push(c);
        } else {
            flush(&mut run, line);
        }
        if c == '\n' {
            line += 1;
        }
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut run, line);
    out
}

/// A string literal of a Rust file: where it is and its text (escapes resolved).
#[derive(Debug)]
pub struct Literal {
    pub file: PathBuf,
    pub line: usize,
    pub text: String,
}

/// Every `.rs` file under `dir`, leaving out test files (`tests.rs`, `tests/`).
pub fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().to_string();
            if p.is_dir() && name != "tests" {
                todo.push(p);
            } else if name.ends_with(".rs") && name != "tests.rs" {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The string literals of a Rust source outside comments and `#[cfg(test)]` items. Char
/// literals and lifetimes are told apart by the closing quote.
pub fn literals(file: &Path, src: &str) -> Vec<Literal> {
    // The code with every literal replaced by \u{1} and comments by spaces, so attributes
    // and braces can be found without being fooled by what a string contains.
    let mut code = String::with_capacity(src.len());
    let mut found: Vec<(usize, usize, String)> = Vec::new(); // (offset in code, line, text)
    let b = src.as_bytes();
    let mut i = 0;
    let mut line = 1;
    while i < b.len() {
        let rest = &src[i..];
        if rest.starts_with("//") {
            let end = rest.find('\n').unwrap_or(rest.len());
            i += end;
        } else if rest.starts_with("/*") {
            let mut depth = 0;
            let mut j = 0;
            while j < rest.len() {
                if rest[j..].starts_with("/*") {
                    depth += 1;
                    j += 2;
                } else if rest[j..].starts_with("*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += rest[j..].chars().next().map_or(1, char::len_utf8);
                }
            }
            line += rest[..j].matches('\n').count();
            code.push(' ');
            i += j;
        } else if let Some((len, text)) = string_at(rest) {
            found.push((code.len(), line, text));
            line += rest[..len].matches('\n').count();
            code.push('\u{1}');
            i += len;
        } else if rest.starts_with('\'') {
            // 'x', '\n', '\u{..}' are chars; 'a (a lifetime) has no closing quote after it.
            let len = char_literal(rest).unwrap_or(1);
            code.push_str(&rest[..1]);
            i += len;
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            if c == '\n' {
                line += 1;
            }
            code.push(c);
            i += c.len_utf8();
        }
    }
    let skipped = test_items(&code);
    found
        .into_iter()
        .filter(|(at, _, _)| !skipped.iter().any(|r| r.contains(at)))
        .map(|(_, line, text)| Literal {
            file: file.to_path_buf(),
            line,
            text,
        })
        .collect()
}

/// A string literal starting `rest`: its length in the source and its text.
fn string_at(rest: &str) -> Option<(usize, String)> {
    let prefix = ["br", "r", "b", ""].into_iter().find(|p| {
        rest.starts_with(p)
            && rest[p.len()..].starts_with(['"', '#'])
            && (p.contains('r') || rest[p.len()..].starts_with('"'))
    })?;
    let after = &rest[prefix.len()..];
    if prefix.contains('r') {
        let hashes = after.len() - after.trim_start_matches('#').len();
        let body = after[hashes..].strip_prefix('"')?;
        let close = format!("\"{}", "#".repeat(hashes));
        let end = body.find(&close)?;
        let len = prefix.len() + hashes + 1 + end + close.len();
        return Some((len, body[..end].to_string()));
    }
    let body = &after[1..];
    let mut text = String::new();
    let mut chars = body.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return Some((prefix.len() + 1 + at + 1, text)),
            '\\' => match chars.next() {
                Some((_, 'n')) => text.push('\n'),
                Some((_, 't')) => text.push('\t'),
                Some((_, '\n')) => {
                    // A line continuation drops the newline and the next line's indent.
                    let skip = body[at + 2..].len() - body[at + 2..].trim_start().len();
                    for _ in body[at + 2..at + 2 + skip].chars() {
                        chars.next();
                    }
                }
                Some((_, other)) => text.push(other),
                None => return None,
            },
            c => text.push(c),
        }
    }
    None
}

fn char_literal(rest: &str) -> Option<usize> {
    let mut chars = rest.char_indices().skip(1);
    let (_, c) = chars.next()?;
    if c == '\\' {
        // '\'' and '\u{..}': the closing quote comes after the escaped character.
        let end = rest.get(3..)?.find('\'')?;
        return Some(end + 4);
    }
    let (at, q) = chars.next()?;
    (q == '\'').then_some(at + 1)
}

/// The byte ranges (in the code with literals blanked) of items under `#[cfg(test)]`.
fn test_items(code: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("#[cfg(test)]").map(|i| i + from) {
        let after = at + "#[cfg(test)]".len();
        let body = &code[after..];
        let end = match (body.find('{'), body.find(';')) {
            (Some(open), semi) if semi.is_none_or(|s| open < s) => {
                let mut depth = 0;
                let mut end = body.len();
                for (i, c) in body[open..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = open + i + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            (_, Some(semi)) => semi + 1,
            _ => body.len(),
        };
        out.push(at..after + end);
        from = after + end;
    }
    out
}

/// The format placeholders of a message written as `{}`: `{0}`, `{name}`, `{:?}` are holes
/// of the same kind, and `{{ }}` are braces.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("{{") || rest.starts_with("}}") {
            out.push(c);
            rest = &rest[2..];
        } else if c == '{' {
            match rest.find('}') {
                Some(end) => {
                    out.push_str("{}");
                    rest = &rest[end + 1..];
                }
                None => {
                    out.push(c);
                    rest = &rest[1..];
                }
            }
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}
