//! 简历 as the 任免审批表 editor writes it (LRMX.md): one period a line,
//! `1998.07--2001.09  江川市财政局科员`, the current period with no end
//! (`2019.03--         江川市财政局局长`), and in-service study as a `（其间：…）` line under
//! the period it falls in.
//!
//! Typed text is read as people type it: full-width digits, dots and dashes (`１９９８．０７－－`),
//! one dash or a dash of another width (`-`, `—`, `～`), a one-digit month (`1998.7`: typed
//! here, not a number that lost its 0), ideographic spaces, a `（其间：…）` on the period's own
//! line, and a long text wrapped onto indented lines. Every line that cannot be read is
//! reported with its number, all at once.

use crate::cadre::ResumeLine;
use crate::date::YearMonth;
use crate::message;
use crate::msg::Msg;

/// The word that opens an in-service study line: `（其间：…）`.
pub const DURING: &str = "其间";
/// How a （其间：…） study opens in a 简历 line.
pub const DURING_OPEN: &str = "（其间：";

/// Where the text of a period starts in the editor's layout: `1998.07--2001.09  `.
const TEXT_COLUMN: usize = 18;

/// One period of the 简历 and the in-service study written under it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ResumeEntry {
    pub period: ResumeLine,
    /// The `（其间：…）` lines, without the brackets and the word.
    pub during: Vec<String>,
}

/// Reads the 简历 text; every unreadable line is a message naming its number.
pub fn parse_resume(text: &str) -> Result<Vec<ResumeEntry>, Vec<Msg>> {
    let mut out: Vec<ResumeEntry> = Vec::new();
    let mut errors = Vec::new();
    // After a line in error, an indented line is not taken as its continuation.
    let mut last_ok = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim_matches(is_space);
        if trimmed.is_empty() {
            continue;
        }
        if let Some(inner) = during_text(trimmed) {
            match (inner, out.last_mut()) {
                (_, None) => errors.push(message!("lrmx-resume-during-first", line = line)),
                (Err(()), Some(_)) => {
                    errors.push(message!("lrmx-resume-during-unclosed", line = line))
                }
                (Ok(t), Some(e)) => e.during.push(t),
            }
            continue;
        }
        match period(trimmed) {
            Some(Ok((start, end, rest))) => {
                last_ok = false;
                let (post, during) = match rest.find('（').filter(|&k| {
                    rest[k + '（'.len_utf8()..]
                        .trim_start_matches(is_space)
                        .starts_with(DURING)
                }) {
                    Some(k) => (rest[..k].trim_matches(is_space), Some(&rest[k..])),
                    None => (rest, None),
                };
                if post.is_empty() {
                    errors.push(message!("lrmx-resume-no-text", line = line));
                    continue;
                }
                if let Some(e) = end
                    && e < start
                {
                    errors.push(message!(
                        "lrmx-resume-end-before-start",
                        line = line,
                        start = start.to_string(),
                        end = e.to_string(),
                    ));
                    continue;
                }
                let mut entry = ResumeEntry {
                    period: ResumeLine {
                        start,
                        end,
                        text: post.to_string(),
                    },
                    during: Vec::new(),
                };
                if let Some(d) = during {
                    match during_text(d) {
                        Some(Ok(t)) => entry.during.push(t),
                        _ => {
                            errors.push(message!("lrmx-resume-during-unclosed", line = line));
                            continue;
                        }
                    }
                }
                out.push(entry);
                last_ok = true;
            }
            Some(Err(value)) => {
                last_ok = false;
                errors.push(message!(
                    "lrmx-resume-bad-month",
                    line = line,
                    value = value
                ));
            }
            None => {
                let indented = raw.starts_with(is_space);
                match out.last_mut() {
                    Some(e) if indented && last_ok => match e.during.last_mut() {
                        Some(d) => d.push_str(trimmed),
                        None => e.period.text.push_str(trimmed),
                    },
                    _ => {
                        last_ok = false;
                        errors.push(message!(
                            "lrmx-resume-no-period",
                            line = line,
                            text = trimmed.to_string(),
                        ));
                    }
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The 简历 text in the editor's layout, the inverse of [`parse_resume`].
pub fn write_resume(entries: &[ResumeEntry]) -> String {
    let mut out = String::new();
    for e in entries {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&e.period.render());
        for d in &e.during {
            out.push('\n');
            out.extend(std::iter::repeat_n(' ', TEXT_COLUMN));
            out.push('（');
            out.push_str(DURING);
            out.push('：');
            out.push_str(d);
            out.push('）');
        }
    }
    out
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// The text of a `（其间：…）` line: None when the line is not one, Err when it is not closed.
fn during_text(line: &str) -> Option<Result<String, ()>> {
    let rest = line
        .strip_prefix('（')
        .or_else(|| line.strip_prefix('('))?
        .trim_start_matches(is_space);
    let rest = rest.strip_prefix(DURING)?;
    let rest = rest
        .strip_prefix('：')
        .or_else(|| rest.strip_prefix(':'))
        .unwrap_or(rest);
    let inner = rest
        .trim_end_matches(is_space)
        .strip_suffix('）')
        .or_else(|| rest.trim_end_matches(is_space).strip_suffix(')'));
    Some(
        inner
            .map(|t| t.trim_matches(is_space).to_string())
            .filter(|t| !t.is_empty())
            .ok_or(()),
    )
}

/// A character of the date prefix in its ASCII form: full-width digits and dots, dashes of
/// every width.
fn ascii(c: char) -> Option<char> {
    match c {
        '0'..='9' | '.' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        '．' | '。' => Some('.'),
        '-' | '－' | '—' | '–' | '―' | '─' | '～' | '~' => Some('-'),
        _ => None,
    }
}

type Period<'a> = (YearMonth, Option<YearMonth>, &'a str);

/// The period a text opens with (`2004.09--2007.07在…学习`), if it opens with a readable one.
pub(crate) fn leading_period(text: &str) -> Option<(YearMonth, Option<YearMonth>)> {
    period(text.trim_matches(is_space))
        .and_then(Result::ok)
        .map(|(s, e, _)| (s, e))
}

/// The word a 简历 period of full-time study ends with (`云南大学经济系财政学专业学习`), as
/// the editor writes it.
pub const STUDY: &str = "学习";

/// `YYYY.MM--[YYYY.MM]  text`: None when the line does not start with a year and month,
/// the month as written when it does not exist.
fn period(line: &str) -> Option<Result<Period<'_>, String>> {
    let mut chars = line.char_indices().peekable();
    let start = month_at(&mut chars)?;
    while chars.next_if(|&(_, c)| is_space(c)).is_some() {}
    let mut dashes = 0;
    while chars.next_if(|&(_, c)| ascii(c) == Some('-')).is_some() {
        dashes += 1;
    }
    if dashes == 0 {
        return None;
    }
    while chars.next_if(|&(_, c)| is_space(c)).is_some() {}
    let mut probe = chars.clone();
    let end = match month_at(&mut probe) {
        Some(m) => {
            chars = probe;
            Some(m)
        }
        None => None,
    };
    let rest = chars.peek().map_or("", |&(i, _)| &line[i..]);
    let rest = rest.trim_matches(is_space);
    Some((|| Ok((start?, end.transpose()?, rest)))())
}

/// A `YYYY.M(M)` at the iterator, consumed; None when there is none, the text when that
/// month does not exist.
fn month_at(
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
) -> Option<Result<YearMonth, String>> {
    let mut text = String::new();
    let mut probe = chars.clone();
    for _ in 0..4 {
        let c = ascii(probe.next()?.1).filter(char::is_ascii_digit)?;
        text.push(c);
    }
    if ascii(probe.next()?.1) != Some('.') {
        return None;
    }
    text.push('.');
    let mut month = String::new();
    while month.len() < 3
        && let Some(c) = probe
            .peek()
            .and_then(|&(_, c)| ascii(c))
            .filter(char::is_ascii_digit)
    {
        month.push(c);
        probe.next();
    }
    if month.is_empty() {
        return None;
    }
    text.push_str(&month);
    *chars = probe;
    let m: i8 = month.parse().unwrap_or(0);
    let y: i16 = text[..4].parse().unwrap_or(0);
    Some(
        crate::date::make_date(i64::from(y), i64::from(m), 1)
            .filter(|_| month.len() <= 2)
            .map(YearMonth::from)
            .ok_or(text),
    )
}
