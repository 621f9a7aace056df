//! A session's set-up as staff type it (or paste it from a spreadsheet): rater groups one per
//! line, questions in blocks. Read into a [`SessionSpec`]; every line that cannot be read is
//! reported with its number, and nothing is made (R-SEC-4).
//!
//! Groups, one per line: `名称 权重 票数` (spaces, tabs or commas between), e.g.
//! `班子成员 30 12`.
//!
//! Questions, blocks separated by a blank line. The first line of a block is the kind and the
//! title, `种类：题目`; the names follow, one per line or separated by 、:
//!
//! ```text
//! 推荐2人：推荐副局长人选
//! 张伟、李娜、王强
//!
//! 推荐1人可另提：推荐局长人选
//! 赵敏
//!
//! 赞成：拟任人选
//! 干部测评：班子成员测评
//! 班子测评：领导班子测评
//! ```

use super::{Group, Question, QuestionKind, SessionSpec};
use crate::rules::Fraction;
use crate::{Date, DomainError, FieldError, message};

/// The fields of the set-up form.
#[derive(Debug, Clone, Default)]
pub struct SetupText {
    pub title: String,
    pub meeting_date: String,
    pub expected: String,
    pub threshold: String,
    pub groups: String,
    pub questions: String,
}

/// Reads the form; the result is then checked whole by [`super::check_spec`].
pub fn parse_setup(t: &SetupText) -> Result<SessionSpec, DomainError> {
    let mut errors = Vec::new();
    let meeting_date = match crate::date::parse(t.meeting_date.trim()) {
        Ok(d) => d,
        Err(m) => {
            errors.push(FieldError::new("meeting_date", m));
            Date::default()
        }
    };
    let expected = match t.expected.trim().parse::<u32>() {
        Ok(n) => n,
        Err(_) => {
            errors.push(FieldError::new(
                "expected",
                message!("ballot-expected-not-a-number"),
            ));
            0
        }
    };
    let threshold = match Fraction::parse(if t.threshold.trim().is_empty() {
        "50%"
    } else {
        &t.threshold
    }) {
        Ok(f) => f,
        Err(m) => {
            errors.push(FieldError::new("threshold", m));
            Fraction { num: 1, den: 2 }
        }
    };
    let groups = groups(&t.groups, &mut errors);
    let questions = questions(&t.questions, &mut errors);
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    Ok(SessionSpec {
        title: t.title.trim().to_string(),
        meeting_date,
        expected,
        // 实到人数 is entered on the session's page, from the meeting's sign-in (R-SEL-2).
        attended: None,
        groups,
        questions,
        threshold,
        grade_values: [100, 80, 60, 0],
    })
}

fn groups(text: &str, errors: &mut Vec<FieldError>) -> Vec<Group> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let parts: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || c == ',' || c == '，')
            .filter(|p| !p.is_empty())
            .collect();
        if parts.is_empty() {
            continue;
        }
        let n = |s: &str| s.parse::<u32>().ok();
        match parts.as_slice() {
            [name, weight, codes] if n(weight).is_some() && n(codes).is_some() => out.push(Group {
                name: (*name).to_string(),
                weight: n(weight).unwrap_or(0),
                codes: n(codes).unwrap_or(0),
            }),
            _ => errors.push(FieldError::new(
                "groups",
                message!("ballot-setup-group-line", line = i + 1),
            )),
        }
    }
    out
}

fn questions(text: &str, errors: &mut Vec<FieldError>) -> Vec<Question> {
    let mut out: Vec<Question> = Vec::new();
    let mut open = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            open = false;
            continue;
        }
        if !open {
            open = true;
            match head(line) {
                Some((kind, title)) => out.push(Question {
                    title,
                    kind,
                    options: Vec::new(),
                }),
                None => errors.push(FieldError::new(
                    "questions",
                    message!("ballot-setup-question-line", line = i + 1),
                )),
            }
            continue;
        }
        if let Some(q) = out.last_mut() {
            q.options.extend(
                line.split(['、', ',', '，', '\t'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from),
            );
        }
    }
    out
}

/// `推荐2人可另提：推荐局长人选` → the kind and the title.
fn head(line: &str) -> Option<(QuestionKind, String)> {
    let (kind, title) = line.split_once(['：', ':'])?;
    let kind = kind.trim();
    let title = title.trim().to_string();
    // The kinds as the set-up help of each language names them: zh-TW writes 贊成,
    // 幹部測評, 推薦 (the zh-TW page tells its users to type those).
    let kind = match kind {
        "赞成" | "贊成" => QuestionKind::Approve,
        "干部测评" | "幹部測評" => QuestionKind::RateCadre,
        "班子测评" | "班子測評" => QuestionKind::RateTeam,
        k => {
            let rest = k.strip_prefix("推荐").or_else(|| k.strip_prefix("推薦"))?;
            let (n, write_ins) = match rest.strip_suffix("可另提") {
                Some(r) => (r, true),
                None => (rest, false),
            };
            let max = n
                .trim()
                .strip_suffix('人')
                .unwrap_or(n.trim())
                .parse()
                .ok()?;
            QuestionKind::Recommend { max, write_ins }
        }
    };
    Some((kind, title))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text() -> SetupText {
        SetupText {
            title: " 民主推荐 ".into(),
            meeting_date: "2026-11-21".into(),
            expected: "40".into(),
            threshold: "".into(),
            groups: "班子成员 30 12\n\n中层干部，70，28\n".into(),
            questions: "推荐2人：推荐副局长人选\n张伟、李娜\n王强\n\n推荐1人可另提：局长\n赵敏\n\n干部测评：测评\n张伟\n".into(),
        }
    }

    #[test]
    fn a_typed_set_up_reads_into_a_session() {
        let s = parse_setup(&text()).unwrap();
        assert_eq!(s.title, "民主推荐");
        assert_eq!(s.threshold, Fraction { num: 50, den: 100 });
        assert_eq!(s.groups.len(), 2);
        assert_eq!((s.groups[1].weight, s.groups[1].codes), (70, 28));
        assert_eq!(s.questions.len(), 3);
        assert_eq!(s.questions[0].options, ["张伟", "李娜", "王强"]);
        assert_eq!(
            s.questions[1].kind,
            QuestionKind::Recommend {
                max: 1,
                write_ins: true
            }
        );
        assert_eq!(s.questions[2].kind, QuestionKind::RateCadre);
        assert!(super::super::check_spec(&s).is_ok());
    }

    #[test]
    fn every_unreadable_line_is_reported_with_its_number() {
        let mut t = text();
        t.groups = "班子成员 30\n中层干部 70 28".into();
        t.questions = "投票：x\n张伟".into();
        t.meeting_date = "2026-02-30".into();
        let Err(DomainError::Invalid(e)) = parse_setup(&t) else {
            panic!("refused");
        };
        let fields: Vec<&str> = e.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["meeting_date", "groups", "questions"]);
        assert_eq!(e[1].message, message!("ballot-setup-group-line", line = 1));
        assert_eq!(
            e[2].message,
            message!("ballot-setup-question-line", line = 1)
        );
    }

    #[test]
    fn the_kinds_are_read_as_the_zh_tw_help_writes_them() {
        for (zh_cn, zh_tw) in [
            ("推荐2人：甲", "推薦2人：甲"),
            ("推荐1人可另提：甲", "推薦1人可另提：甲"),
            ("赞成：甲", "贊成：甲"),
            ("干部测评：甲", "幹部測評：甲"),
            ("班子测评：甲", "班子測評：甲"),
        ] {
            let want = head(zh_cn).expect("zh-CN");
            assert_eq!(head(zh_tw), Some(want), "{zh_tw}");
        }
    }
}
