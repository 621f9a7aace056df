//! Tests of the ballot module: set-up and ballot checks, the tally at its boundaries, and
//! the tally against a naive reference on random sessions (proptest).

use super::*;
use crate::msg::Msg;
use crate::{DomainError, message};

mod attendance;
mod check;
mod codes;
mod props;
mod tally;

/// A session as staff would set it up: three groups (40/30/30), and one question of each
/// kind; 60 expected, 50 attended (实到). The tally tests set 实到 where R-SEL-2 counts.
fn spec() -> SessionSpec {
    let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let group = |name: &str, weight, codes| Group {
        name: name.into(),
        weight,
        codes,
    };
    SessionSpec {
        title: "2025年县委班子民主推荐".into(),
        meeting_date: jiff::civil::date(2025, 3, 1),
        expected: 60,
        attended: Some(50),
        groups: vec![
            group("班子成员", 40, 10),
            group("中层干部", 30, 20),
            group("服务对象", 30, 30),
        ],
        questions: vec![
            Question {
                title: "推荐副县长人选".into(),
                kind: QuestionKind::Recommend {
                    max: 3,
                    write_ins: true,
                },
                options: names(&["张伟", "王芳", "李娜", "刘洋", "陈静"]),
            },
            Question {
                title: "拟任人选".into(),
                kind: QuestionKind::Approve,
                options: names(&["张伟", "王芳"]),
            },
            Question {
                title: "干部测评".into(),
                kind: QuestionKind::RateCadre,
                options: names(&["赵磊", "孙丽"]),
            },
            Question {
                title: "班子测评".into(),
                kind: QuestionKind::RateTeam,
                options: names(&["县委班子"]),
            },
        ],
        threshold: crate::rules::Fraction { num: 1, den: 2 },
        grade_values: [100, 80, 60, 0],
    }
}

fn picks(p: &[u32]) -> Answer {
    write(p, &[])
}

fn write(p: &[u32], w: &[&str]) -> Answer {
    Answer::Picks {
        picks: p.to_vec(),
        write_ins: w.iter().map(|s| s.to_string()).collect(),
    }
}

fn marks(m: &[Option<u8>]) -> Answer {
    Answer::Marks { marks: m.to_vec() }
}

/// A ballot of [`spec`] that answers nothing: valid on every question.
fn blank() -> Ballot {
    vec![
        picks(&[]),
        marks(&[None, None]),
        marks(&[None, None]),
        marks(&[None]),
    ]
}

fn fields(r: Result<(), DomainError>) -> Vec<(String, Msg)> {
    match r {
        Err(DomainError::Invalid(v)) => v.into_iter().map(|f| (f.field, f.message)).collect(),
        Ok(()) => vec![],
        Err(other) => panic!("expected invalid, got {other}"),
    }
}

fn has(found: &[(String, Msg)], field: &str, message: &Msg) -> bool {
    found.iter().any(|(f, m)| f == field && m == message)
}
