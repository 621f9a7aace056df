//! A competition as staff type it on a selection case's page (R-SEL-11), kept as typed:
//! the published conditions (a line each), the interview panel (a name a line), the
//! applications with their review (`姓名`, `姓名 通过`, `姓名 不通过 理由`), the written scores
//! (`姓名 分数`) and the interview scores each judge gave (`评委 姓名 分数`). Read into a
//! [`Competition`] line by line; every line that cannot be read is refused with its number,
//! and nothing is read then.

use super::{Applicant, Competition, Post, Review, Score, Setup};
use crate::message;
use crate::msg::Msg;
use crate::rules::Params;

/// The typed texts.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct CompetitionText {
    /// Who publishes the notices (中共××市委组织部).
    pub issuer: String,
    pub conditions: String,
    pub judges: String,
    pub applicants: String,
    pub written: String,
    pub interview: String,
}

/// What a review line says after the name (either script).
pub const PASSED: [&str; 2] = ["通过", "通過"];
pub const FAILED: [&str; 2] = ["不通过", "不通過"];

/// The lines of `text` that hold something, numbered from 1, each split at white space.
fn lines(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.split_whitespace().collect::<Vec<_>>()))
        .filter(|(_, w)| !w.is_empty())
}

/// The competition of a case's post (`post`, its places) as typed, with the weights, the drop
/// and the 差额 of the rule parameters.
pub fn from_text(
    title: &str,
    post: Post,
    params: &Params,
    t: &CompetitionText,
) -> Result<Competition, Vec<Msg>> {
    let mut errors = Vec::new();
    let mut setup = Setup::new(title, t.issuer.trim(), vec![post], params);
    setup.conditions = t
        .conditions
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    setup.judges = t
        .judges
        .split(|c: char| c.is_whitespace() || matches!(c, '、' | ',' | '，' | ';' | '；'))
        .filter(|j| !j.is_empty())
        .map(String::from)
        .collect();
    let mut applicants: Vec<Applicant> = Vec::new();
    for (n, words) in lines(&t.applicants) {
        let name = words[0];
        if applicants.iter().any(|a| a.name == name) {
            errors.push(message!(
                "competition-text-applicant-twice",
                line = n,
                name = name.to_string()
            ));
            continue;
        }
        let mut a = Applicant::new(name, 0);
        match words.get(1).copied() {
            None => {}
            Some(w) if PASSED.contains(&w) && words.len() == 2 => a.review = Review::Passed,
            Some(w) if FAILED.contains(&w) && words.len() > 2 => {
                a.review = Review::Failed {
                    reason: words[2..].join(" "),
                }
            }
            Some(_) => {
                errors.push(message!(
                    "competition-text-applicant-line",
                    line = n,
                    text = words.join(" ")
                ));
                continue;
            }
        }
        applicants.push(a);
    }
    let full = setup.full_marks;
    let find = |n: usize, name: &str, errors: &mut Vec<Msg>| {
        let i = applicants.iter().position(|a| a.name == name);
        if i.is_none() {
            errors.push(message!(
                "competition-text-unknown-applicant",
                line = n,
                name = name.to_string()
            ));
        }
        i
    };
    let mut written: Vec<(usize, Score)> = Vec::new();
    for (n, words) in lines(&t.written) {
        let [name, score] = words[..] else {
            errors.push(message!(
                "competition-text-written-line",
                line = n,
                text = words.join(" ")
            ));
            continue;
        };
        let Some(i) = find(n, name, &mut errors) else {
            continue;
        };
        match Score::parse(score, full) {
            Ok(s) if written.iter().all(|(j, _)| *j != i) => written.push((i, s)),
            Ok(_) => errors.push(message!(
                "competition-text-written-twice",
                line = n,
                name = name.to_string()
            )),
            Err(m) => errors.push(message!("competition-text-score", line = n, detail = m)),
        }
    }
    let mut interview: Vec<(usize, String, Score)> = Vec::new();
    for (n, words) in lines(&t.interview) {
        let [judge, name, score] = words[..] else {
            errors.push(message!(
                "competition-text-interview-line",
                line = n,
                text = words.join(" ")
            ));
            continue;
        };
        let Some(i) = find(n, name, &mut errors) else {
            continue;
        };
        match Score::parse(score, full) {
            Ok(s) if !interview.iter().any(|(j, who, _)| *j == i && who == judge) => {
                interview.push((i, judge.to_string(), s))
            }
            Ok(_) => errors.push(message!(
                "competition-text-interview-twice",
                line = n,
                judge = judge.to_string(),
                name = name.to_string()
            )),
            Err(m) => errors.push(message!("competition-text-score", line = n, detail = m)),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    for (i, s) in written {
        applicants[i].written = Some(s);
    }
    for (i, judge, s) in interview {
        applicants[i].interview.insert(judge, s);
    }
    Ok(Competition { setup, applicants })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text() -> CompetitionText {
        CompetitionText {
            issuer: "中共江川市委组织部".into(),
            conditions: "具有大学本科以上学历\n\n任副科级职务2年以上".into(),
            judges: "甲、乙、丙".into(),
            applicants: "张三 通过\n李四 通过\n王五 不通过 任职年限不足\n".into(),
            written: "张三 85.5\n李四 88".into(),
            interview: "甲 张三 90\n乙 张三 80\n丙 张三 85\n甲 李四 70\n乙 李四 75\n丙 李四 80"
                .into(),
        }
    }

    fn post() -> Post {
        Post {
            title: "市财政局 预算科科长".into(),
            places: 1,
        }
    }

    #[test]
    fn a_typed_competition_reads_into_applicants_reviews_and_scores() {
        // R-SEL-11: the review and both scores as typed; ranked by the published total.
        let c = from_text("竞争上岗", post(), &Params::default(), &text()).unwrap();
        assert_eq!(c.setup.conditions.len(), 2);
        assert_eq!(c.setup.judges, ["甲", "乙", "丙"]);
        assert_eq!(
            c.applicants[2].review,
            Review::Failed {
                reason: "任职年限不足".into()
            }
        );
        assert_eq!(c.applicants[0].interview.len(), 3);
        let o = super::super::score(&c).unwrap();
        let names: Vec<&str> = o.posts[0].rows.iter().map(|r| r.name.as_str()).collect();
        // 张三: 85.5 × 2/5 + 85 × 3/5 = 85.20; 李四: 88 × 2/5 + 75 × 3/5 = 80.20.
        assert_eq!(names, ["张三", "李四"]);
    }

    #[test]
    fn every_line_that_cannot_be_read_is_refused_with_its_number() {
        let mut t = text();
        t.applicants.push_str("赵六 也许\n");
        t.written = "张三 85.555\n钱七 80\n张三".into();
        t.interview = "甲 张三 90\n甲 张三 91".into();
        let e = from_text("竞争上岗", post(), &Params::default(), &t).unwrap_err();
        let ids: Vec<&str> = e.iter().map(|m| m.id).collect();
        assert_eq!(
            ids,
            [
                "competition-text-applicant-line",
                "competition-text-score",
                "competition-text-unknown-applicant",
                "competition-text-written-line",
                "competition-text-interview-twice",
            ]
        );
    }
}
