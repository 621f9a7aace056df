//! 五公开 (R-SEL-11): the five public notices of a competition — post, conditions,
//! procedure, process, result — as data. Every text is a message of the catalog
//! (`competition.ftl`) or what the user entered (names, titles, conditions, reasons) and the
//! scores; `banzi-io` prints them (`competition_pdf`).
//!
//! The process notice names those who passed the eligibility review and only counts those
//! who did not: a reason for failing is told to the applicant, not published.

use super::rank::{Outcome, PostResult, Standing};
use super::{Competition, Review, Setup, Shortlist, names};
use crate::Date;
use crate::message;
use crate::msg::Msg;
use serde::Serialize;

/// Which of the five a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// 职位公开.
    Post,
    /// 条件公开.
    Conditions,
    /// 程序公开.
    Procedure,
    /// 过程公开.
    Process,
    /// 结果公开.
    Result,
}

/// A piece of text: a message, worded in the reader's language, or text shown as it is
/// (a name, a title, a condition as entered, a score).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    Msg(Msg),
    Plain(String),
}

/// A paragraph, or a table with its column headings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Line(Text),
    Table {
        columns: Vec<Msg>,
        rows: Vec<Vec<Text>>,
    },
}

/// A public notice: its title and body, closed by the issuer (as entered) and the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub title: Msg,
    pub blocks: Vec<Block>,
    pub issuer: String,
    pub date: Msg,
}

fn line(m: Msg) -> Block {
    Block::Line(Text::Msg(m))
}

fn plain(s: impl ToString) -> Text {
    Text::Plain(s.to_string())
}

fn notice(kind: NoticeKind, title: Msg, blocks: Vec<Block>, s: &Setup, day: Date) -> Notice {
    Notice {
        kind,
        title,
        blocks,
        issuer: s.issuer.clone(),
        date: message!("competition-notice-date", date = day),
    }
}

/// 职位公开: the posts, their places and how many go on to 考察.
pub fn post_notice(s: &Setup, day: Date) -> Notice {
    let places: u64 = s.posts.iter().map(|p| u64::from(p.places)).sum();
    let rows = s
        .posts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                plain(i + 1),
                plain(&p.title),
                plain(p.places),
                plain(s.shortlist.size(p.places)),
            ]
        })
        .collect();
    let blocks = vec![
        line(message!(
            "competition-notice-post-intro",
            competition = &s.title,
            posts = s.posts.len(),
            places = places
        )),
        Block::Table {
            columns: vec![
                message!("competition-col-number"),
                message!("competition-col-post"),
                message!("competition-col-places"),
                message!("competition-col-shortlist"),
            ],
            rows,
        },
    ];
    let title = message!("competition-notice-post-title", competition = &s.title);
    notice(NoticeKind::Post, title, blocks, s, day)
}

/// 条件公开: the conditions as entered, numbered.
pub fn conditions_notice(s: &Setup, day: Date) -> Notice {
    let mut blocks = vec![line(message!("competition-notice-conditions-intro"))];
    let entered = s.conditions.iter().filter(|c| !c.trim().is_empty());
    blocks.extend(entered.enumerate().map(|(i, c)| {
        line(message!(
            "competition-notice-numbered",
            n = i + 1,
            text = c.trim().to_string()
        ))
    }));
    let title = message!(
        "competition-notice-conditions-title",
        competition = &s.title
    );
    notice(NoticeKind::Conditions, title, blocks, s, day)
}

/// 程序公开: the steps, and how scores, totals, ties and 差额 are reckoned.
pub fn procedure_notice(s: &Setup, day: Date) -> Notice {
    let steps = [
        message!("competition-step-announce"),
        message!("competition-step-apply"),
        message!("competition-step-review"),
        message!("competition-step-written"),
        message!("competition-step-interview"),
        message!("competition-step-total"),
        message!("competition-step-inspect"),
        message!("competition-step-decide"),
        message!("competition-step-publicity"),
    ];
    let mut blocks = vec![line(message!("competition-notice-procedure-intro"))];
    blocks.extend(
        steps
            .into_iter()
            .enumerate()
            .map(|(i, m)| line(message!("competition-notice-numbered", n = i + 1, text = m))),
    );
    blocks.push(line(message!(
        "competition-rule-interview",
        judges = s.judges.len(),
        drop = s.drop_each_end
    )));
    blocks.push(line(weights(s)));
    blocks.push(line(message!("competition-rule-rounding")));
    blocks.push(line(match s.shortlist {
        Shortlist::PerPlace(n) => message!("competition-rule-shortlist-per-place", n = n),
        Shortlist::Extra(n) => message!("competition-rule-shortlist-extra", n = n),
        Shortlist::Share(f) => {
            message!("competition-rule-shortlist-share", share = f.percent())
        }
    }));
    blocks.push(line(message!("competition-rule-cut-tie")));
    let title = message!("competition-notice-procedure-title", competition = &s.title);
    notice(NoticeKind::Procedure, title, blocks, s, day)
}

fn weights(s: &Setup) -> Msg {
    let w = s.written_weight;
    let rest = crate::rules::Fraction {
        num: w.den.saturating_sub(w.num),
        den: w.den,
    };
    message!(
        "competition-rule-total",
        written = w.percent(),
        interview = rest.percent()
    )
}

/// 过程公开: how many applied and were reviewed, and who passed, post by post.
pub fn process_notice(c: &Competition, day: Date) -> Notice {
    let s = &c.setup;
    let count = |f: &dyn Fn(&Review) -> bool| c.applicants.iter().filter(|a| f(&a.review)).count();
    let passed = count(&|r| *r == Review::Passed);
    let failed = count(&|r| matches!(r, Review::Failed { .. }));
    let pending = count(&|r| *r == Review::Pending);
    let mut blocks = vec![line(message!(
        "competition-notice-process-counts",
        total = c.applicants.len(),
        passed = passed,
        failed = failed
    ))];
    if pending > 0 {
        blocks.push(line(message!(
            "competition-notice-process-pending",
            n = pending
        )));
    }
    let post_title = |p: usize| s.posts.get(p).map_or("", |p| p.title.as_str());
    let rows = c
        .applicants
        .iter()
        .filter(|a| a.review == Review::Passed)
        .enumerate()
        .map(|(i, a)| vec![plain(i + 1), plain(&a.name), plain(post_title(a.post))])
        .collect();
    blocks.push(line(message!("competition-notice-process-passed")));
    blocks.push(Block::Table {
        columns: vec![
            message!("competition-col-number"),
            message!("competition-col-name"),
            message!("competition-col-post"),
        ],
        rows,
    });
    let title = message!("competition-notice-process-title", competition = &s.title);
    notice(NoticeKind::Process, title, blocks, s, day)
}

/// 结果公开: each post's ranking with the scores, ties marked 并列, who goes on to 考察, and
/// any tie across the cut for people to decide.
pub fn result_notice(c: &Competition, o: &Outcome, day: Date) -> Notice {
    let s = &c.setup;
    let mut blocks = vec![
        line(weights(s)),
        line(message!("competition-rule-rounding")),
    ];
    for p in &o.posts {
        result_of_post(p, &mut blocks);
    }
    let title = message!("competition-notice-result-title", competition = &s.title);
    notice(NoticeKind::Result, title, blocks, s, day)
}

fn result_of_post(p: &PostResult, blocks: &mut Vec<Block>) {
    blocks.push(line(message!(
        "competition-notice-result-post",
        post = &p.title,
        places = p.places,
        shortlist = p.shortlist
    )));
    let rows = p
        .rows
        .iter()
        .map(|r| {
            let rank = if r.tied {
                Text::Msg(message!("competition-rank-tied", rank = r.rank))
            } else {
                plain(r.rank)
            };
            let remark = match r.standing {
                Standing::Shortlisted => Text::Msg(message!("competition-standing-shortlisted")),
                Standing::AtCut => Text::Msg(message!("competition-standing-at-cut")),
                Standing::Out => plain(""),
            };
            vec![
                rank,
                plain(&r.name),
                plain(r.written),
                plain(r.interview.mean),
                plain(r.total),
                remark,
            ]
        })
        .collect();
    blocks.push(Block::Table {
        columns: vec![
            message!("competition-col-rank"),
            message!("competition-col-name"),
            message!("competition-col-written"),
            message!("competition-col-interview"),
            message!("competition-col-total"),
            message!("competition-col-remark"),
        ],
        rows,
    });
    if let Some(t) = &p.cut_tie {
        blocks.push(line(message!(
            "competition-notice-cut-tie",
            names = names(t.names.iter().map(String::as_str)),
            total = t.total,
            rank = t.rank,
            last = t.last,
            seats = t.seats()
        )));
    }
    if p.short_of > 0 {
        blocks.push(line(message!(
            "competition-notice-short",
            have = p.rows.len(),
            need = p.shortlist
        )));
    }
}

/// The five notices in their order, the result from `o`.
pub fn five_notices(c: &Competition, o: &Outcome, day: Date) -> [Notice; 5] {
    [
        post_notice(&c.setup, day),
        conditions_notice(&c.setup, day),
        procedure_notice(&c.setup, day),
        process_notice(c, day),
        result_notice(c, o, day),
    ]
}
