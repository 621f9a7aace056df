//! Commands and their guards: [`handle`] decides, returning the events to append or every
//! unmet precondition with its R-id.

use super::Unmet;
use super::case::{Case, Status};
use super::eligibility::{self, EligibilityFacts};
use super::event::{Event, Initiation, Inspection, NameVotes, Person, VoteCount, VoteSource};
use crate::Date;
use crate::codes::{Manner, PostKind};
use crate::date::epoch_day;
use crate::message;
use crate::msg::{Arg, Msg};
use crate::role::Role;
use crate::rules::Params;

/// The working-day calendar (R-SEL-9), kept by the administrator.
pub trait WorkingDays {
    /// A 公示 opened on `open` for `days` working days: its last working day and the first
    /// day 任职 is allowed; refused when the count runs into a year with no calendar.
    fn publicity(&self, open: Date, days: u32) -> Result<(Date, Date), Msg>;
}

/// The official calendar kept by the administrator (`banzi_domain::calendar`).
impl WorkingDays for crate::calendar::Calendar {
    fn publicity(&self, open: Date, days: u32) -> Result<(Date, Date), Msg> {
        crate::calendar::Calendar::publicity(self, open, days).map(|p| (p.last_day, p.appoint_from))
    }
}

/// What a command is decided against besides the case.
pub struct Ctx<'a> {
    /// The day the command is recorded: no step happens after it.
    pub today: Date,
    pub role: Role,
    pub login: &'a str,
    pub params: &'a Params,
    pub calendar: &'a dyn WorkingDays,
}

/// What staff (or the 纪检监察 reviewer) do to a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// 动议.
    Initiate(Initiation),
    /// 会议推荐: a ballot session's tally (the store reads it), R-SEL-1.
    RecordMeeting {
        on: Date,
        session: i64,
        title: String,
        attended: u32,
        votes: Vec<NameVotes>,
    },
    /// 谈话调研推荐, R-SEL-1.
    RecordTalks {
        on: Date,
        talked_to: u32,
        scope: String,
        summary: String,
        names: Vec<NameVotes>,
    },
    /// 组织推荐.
    RecordOrganization {
        on: Date,
        names: Vec<String>,
        note: String,
    },
    /// Names a candidate; R-SEL-6 is checked on the facts the store read from the registry.
    Nominate {
        on: Date,
        candidate: Person,
        facts: EligibilityFacts,
    },
    /// 确定考察对象, R-SEL-2.
    Shortlist { on: Date, candidates: Vec<i64> },
    /// 考察, R-SEL-3/4/5.
    Inspect(Inspection),
    /// 廉政意见, R-SEL-7.
    GiveOpinion {
        on: Date,
        candidate: i64,
        veto: bool,
        text: String,
    },
    ReceiveObjection {
        on: Date,
        candidate: i64,
        serious: bool,
        text: String,
    },
    VerifyObjection {
        on: Date,
        objection: u32,
        upheld: bool,
        finding: String,
    },
    /// 常委会 票决, R-SEL-8. Counts keyed from paper carry the second keying, which must
    /// agree with the first.
    Vote {
        on: Date,
        members: u32,
        present: u32,
        source: VoteSource,
        counts: Vec<VoteCount>,
        second_keying: Option<Vec<VoteCount>>,
    },
    /// 任前公示, R-SEL-9.
    OpenPublicity { on: Date, candidate: i64 },
    /// 任职, R-SEL-10; R-PROB-1 is read from the facts and the manner.
    Appoint {
        on: Date,
        candidate: i64,
        document_no: String,
        manner: Manner,
        facts: EligibilityFacts,
    },
    Withdraw {
        on: Date,
        candidate: i64,
        reason: String,
    },
    /// A correction of the record at `of` (R-SEL-12).
    Correct {
        on: Date,
        of: u32,
        reason: String,
        event: Event,
    },
}

/// Unmet preconditions, gathered.
#[derive(Default)]
struct Guard(Vec<Unmet>);

impl Guard {
    fn need(&mut self, ok: bool, rule: &'static str, msg: impl FnOnce() -> Msg) {
        if !ok {
            self.0.push(Unmet::new(rule, msg()));
        }
    }

    fn then(self, events: impl FnOnce() -> Vec<Event>) -> Result<Vec<Event>, Vec<Unmet>> {
        if self.0.is_empty() {
            Ok(events())
        } else {
            Err(self.0)
        }
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Decides `cmd` against `case`: the events to append, or every unmet precondition.
pub fn handle(case: &Case, ctx: &Ctx, cmd: Command) -> Result<Vec<Event>, Vec<Unmet>> {
    let mut g = Guard::default();
    let on = command_day(&cmd);
    g.need(on <= ctx.today, "R-SEL-12", || {
        message!("sel-after-today", on = on, today = ctx.today)
    });
    let writer = matches!(ctx.role, Role::Staff);
    let discipline = matches!(ctx.role, Role::Discipline);
    if matches!(cmd, Command::GiveOpinion { .. }) {
        g.need(discipline, "R-SEL-7", || Msg::new("sel-opinion-role"));
    } else {
        g.need(writer, "R-SEL-12", || Msg::new("sel-staff-only"));
    }
    if !matches!(cmd, Command::Initiate(_)) {
        match &case.initiation {
            None => {
                g.need(false, "R-SEL-12", || Msg::new("sel-not-initiated"));
                return Err(g.0);
            }
            Some(i) => g.need(on >= i.on, "R-SEL-12", || {
                message!("sel-before-initiation", on = on, initiated = i.on)
            }),
        }
    }
    match cmd {
        Command::Initiate(i) => initiate(g, case, i),
        Command::RecordMeeting {
            on,
            session,
            title,
            attended,
            votes,
        } => {
            before_shortlist(&mut g, case);
            g.need(attended > 0, "R-SEL-2", || {
                Msg::new("sel-meeting-no-attendance")
            });
            for v in &votes {
                g.need(v.votes <= attended, "R-SEL-2", || {
                    message!(
                        "sel-meeting-votes-over-attended",
                        name = v.name.clone(),
                        votes = v.votes,
                        attended = attended
                    )
                });
            }
            g.need(
                !case
                    .records
                    .iter()
                    .any(|e| matches!(e, Event::MeetingRecommendation { session: s, .. } if *s == session)),
                "R-SEL-1",
                || Msg::new("sel-meeting-twice"),
            );
            g.then(|| {
                vec![Event::MeetingRecommendation {
                    on,
                    session,
                    title,
                    attended,
                    votes,
                }]
            })
        }
        Command::RecordTalks {
            on,
            talked_to,
            scope,
            summary,
            names,
        } => {
            before_shortlist(&mut g, case);
            talks_complete(&mut g, talked_to, &scope, &summary, &names);
            g.then(|| {
                vec![Event::TalkRecommendation {
                    on,
                    talked_to,
                    scope,
                    summary,
                    names,
                }]
            })
        }
        Command::RecordOrganization { on, names, note } => {
            before_shortlist(&mut g, case);
            g.need(names.iter().any(|n| !blank(n)), "R-SEL-1", || {
                Msg::new("sel-organization-no-names")
            });
            g.then(|| vec![Event::OrganizationRecommendation { on, names, note }])
        }
        Command::Nominate {
            on,
            candidate,
            facts,
        } => {
            before_shortlist(&mut g, case);
            g.need(case.candidate(candidate.cadre).is_none(), "R-SEL-6", || {
                message!("sel-nominated-twice", name = candidate.name.clone())
            });
            if let Some(i) = &case.initiation {
                for c in eligibility::check(&facts, i.post.level, ctx.params, on) {
                    g.0.push(Unmet::new("R-SEL-6", c.message()));
                }
            }
            g.then(|| vec![Event::Nominated { on, candidate }])
        }
        Command::Shortlist { on, candidates } => shortlist(g, case, ctx, on, candidates),
        Command::Inspect(i) => {
            shortlisted(&mut g, case, i.candidate, "R-SEL-3");
            g.need(
                case.shortlisted_on.is_none_or(|d| i.on >= d),
                "R-SEL-12",
                || Msg::new("sel-before-shortlist"),
            );
            g.need(
                case.candidate(i.candidate)
                    .is_none_or(|c| c.inspection.is_none()),
                "R-SEL-3",
                || Msg::new("sel-inspected-twice"),
            );
            inspection_complete(&mut g, &i);
            g.then(|| vec![Event::Inspected(i)])
        }
        Command::GiveOpinion {
            on,
            candidate,
            veto,
            text,
        } => {
            shortlisted(&mut g, case, candidate, "R-SEL-7");
            g.need(
                case.shortlisted_on.is_none_or(|d| on >= d),
                "R-SEL-12",
                || Msg::new("sel-before-shortlist"),
            );
            g.need(
                case.candidate(candidate)
                    .is_none_or(|c| c.opinion.is_none()),
                "R-SEL-7",
                || Msg::new("sel-opinion-twice"),
            );
            g.need(!blank(&text), "R-SEL-7", || Msg::new("sel-opinion-blank"));
            g.then(|| {
                vec![Event::IntegrityOpinion {
                    on,
                    candidate,
                    veto,
                    text,
                    by: ctx.login.to_string(),
                }]
            })
        }
        Command::ReceiveObjection {
            on,
            candidate,
            serious,
            text,
        } => {
            active(&mut g, case, candidate, "R-SEL-9");
            g.need(!blank(&text), "R-SEL-9", || Msg::new("sel-objection-blank"));
            g.then(|| {
                vec![Event::ObjectionReceived {
                    on,
                    candidate,
                    serious,
                    text,
                }]
            })
        }
        Command::VerifyObjection {
            on,
            objection,
            upheld,
            finding,
        } => {
            let o = case.objections.get((objection as usize).wrapping_sub(1));
            g.need(o.is_some(), "R-SEL-9", || {
                message!("sel-no-such-objection", number = objection)
            });
            g.need(o.is_none_or(|o| o.verified.is_none()), "R-SEL-9", || {
                Msg::new("sel-objection-verified-twice")
            });
            g.need(o.is_none_or(|o| on >= o.received), "R-SEL-12", || {
                Msg::new("sel-verified-before-received")
            });
            g.need(!blank(&finding), "R-SEL-9", || {
                Msg::new("sel-finding-blank")
            });
            g.then(|| {
                vec![Event::ObjectionVerified {
                    on,
                    objection,
                    upheld,
                    finding,
                }]
            })
        }
        Command::Vote {
            on,
            members,
            present,
            source,
            counts,
            second_keying,
        } => vote(
            g,
            case,
            ctx,
            Vote {
                on,
                members,
                present,
                source,
                counts,
                second_keying,
            },
        ),
        Command::OpenPublicity { on, candidate } => {
            let c = case.candidate(candidate);
            g.need(
                c.is_some_and(|c| c.status == Status::Passed),
                "R-SEL-9",
                || Msg::new("sel-publicity-not-passed"),
            );
            g.need(case.voted_on.is_none_or(|d| on >= d), "R-SEL-12", || {
                Msg::new("sel-publicity-before-vote")
            });
            let days = ctx.params.publicity_days;
            match ctx.calendar.publicity(on, days) {
                Ok((last_day, allowed_from)) => g.then(|| {
                    vec![Event::PublicityOpened {
                        on,
                        candidate,
                        days,
                        last_day,
                        allowed_from,
                    }]
                }),
                Err(m) => {
                    g.0.push(Unmet::new("R-SEL-9", m));
                    Err(g.0)
                }
            }
        }
        Command::Appoint {
            on,
            candidate,
            document_no,
            manner,
            facts,
        } => appoint(g, case, ctx, on, candidate, document_no, manner, &facts),
        Command::Withdraw {
            on,
            candidate,
            reason,
        } => {
            active(&mut g, case, candidate, "R-SEL-12");
            g.need(!blank(&reason), "R-SEL-12", || Msg::new("sel-reason-blank"));
            g.then(|| {
                vec![Event::Withdrawn {
                    on,
                    candidate,
                    reason,
                }]
            })
        }
        Command::Correct {
            on,
            of,
            reason,
            event,
        } => correct(g, case, on, of, reason, event),
    }
}

fn command_day(cmd: &Command) -> Date {
    match cmd {
        Command::Initiate(i) => i.on,
        Command::Inspect(i) => i.on,
        Command::RecordMeeting { on, .. }
        | Command::RecordTalks { on, .. }
        | Command::RecordOrganization { on, .. }
        | Command::Nominate { on, .. }
        | Command::Shortlist { on, .. }
        | Command::GiveOpinion { on, .. }
        | Command::ReceiveObjection { on, .. }
        | Command::VerifyObjection { on, .. }
        | Command::Vote { on, .. }
        | Command::OpenPublicity { on, .. }
        | Command::Appoint { on, .. }
        | Command::Withdraw { on, .. }
        | Command::Correct { on, .. } => *on,
    }
}

fn initiate(mut g: Guard, case: &Case, i: Initiation) -> Result<Vec<Event>, Vec<Unmet>> {
    g.need(case.initiation.is_none(), "R-SEL-12", || {
        Msg::new("sel-initiated-twice")
    });
    initiation_complete(&mut g, &i);
    g.then(|| vec![Event::Initiated(i)])
}

fn initiation_complete(g: &mut Guard, i: &Initiation) {
    g.need(i.places > 0, "R-SEL-12", || Msg::new("sel-no-places"));
    g.need(!blank(&i.reason), "R-SEL-12", || {
        Msg::new("sel-reason-blank")
    });
    g.need(!blank(&i.scope), "R-SEL-12", || Msg::new("sel-scope-blank"));
    g.need(!blank(&i.conditions), "R-SEL-6", || {
        Msg::new("sel-conditions-blank")
    });
}

fn talks_complete(g: &mut Guard, talked_to: u32, scope: &str, summary: &str, names: &[NameVotes]) {
    g.need(talked_to > 0, "R-SEL-1", || Msg::new("sel-talks-nobody"));
    g.need(!blank(scope), "R-SEL-1", || {
        Msg::new("sel-talks-scope-blank")
    });
    g.need(!blank(summary), "R-SEL-1", || {
        Msg::new("sel-talks-summary-blank")
    });
    g.need(names.iter().any(|n| !blank(&n.name)), "R-SEL-1", || {
        Msg::new("sel-talks-no-names")
    });
    for n in names {
        g.need(n.votes <= talked_to, "R-SEL-1", || {
            message!(
                "sel-talks-mentions-over",
                name = n.name.clone(),
                mentions = n.votes,
                talked_to = talked_to
            )
        });
    }
}

fn inspection_complete(g: &mut Guard, i: &Inspection) {
    g.need(!blank(&i.work_circle), "R-SEL-3", || {
        Msg::new("sel-inspect-work-circle")
    });
    g.need(!blank(&i.life_circle), "R-SEL-3", || {
        Msg::new("sel-inspect-life-circle")
    });
    for (k, text) in i.political.iter().enumerate() {
        g.need(!blank(text), "R-SEL-4", || {
            message!(
                "sel-inspect-political",
                dimension = Arg::label(POLITICAL[k])
            )
        });
    }
    g.need(!blank(&i.personal_matters), "R-SEL-5", || {
        Msg::new("sel-inspect-personal-matters")
    });
    g.need(!blank(&i.file_review), "R-SEL-5", || {
        Msg::new("sel-inspect-file-review")
    });
}

/// The five dimensions of R-SEL-4, in order.
pub const POLITICAL: [&str; 5] = ["政治忠诚", "政治定力", "政治担当", "政治能力", "政治自律"];

fn before_shortlist(g: &mut Guard, case: &Case) {
    g.need(case.shortlisted_on.is_none(), "R-SEL-1", || {
        Msg::new("sel-after-shortlist")
    });
}

/// `candidate` is in the case, neither stopped nor appointed.
fn active(g: &mut Guard, case: &Case, candidate: i64, rule: &'static str) {
    let c = case.candidate(candidate);
    g.need(c.is_some(), rule, || Msg::new("sel-no-such-candidate"));
    g.need(
        c.is_none_or(|c| !c.status.stopped() && c.status != Status::Appointed),
        rule,
        || Msg::new("sel-candidate-not-active"),
    );
}

fn shortlisted(g: &mut Guard, case: &Case, candidate: i64, rule: &'static str) {
    match case.candidate(candidate) {
        None => g.need(false, rule, || Msg::new("sel-no-such-candidate")),
        Some(c) => {
            g.need(c.status != Status::Nominated, rule, || {
                message!("sel-not-shortlisted", name = c.person.name.clone())
            });
            g.need(!c.status.stopped(), rule, || {
                message!("sel-candidate-stopped", name = c.person.name.clone())
            });
        }
    }
}

/// Days from `a` to `b`.
fn days(a: Date, b: Date) -> i64 {
    i64::from(epoch_day(b)) - i64::from(epoch_day(a))
}

fn shortlist(
    mut g: Guard,
    case: &Case,
    ctx: &Ctx,
    on: Date,
    mut candidates: Vec<i64>,
) -> Result<Vec<Event>, Vec<Unmet>> {
    let p = ctx.params;
    g.need(case.shortlisted_on.is_none(), "R-SEL-2", || {
        Msg::new("sel-shortlisted-twice")
    });
    candidates.sort_unstable();
    candidates.dedup();
    g.need(!candidates.is_empty(), "R-SEL-2", || {
        Msg::new("sel-shortlist-empty")
    });
    // R-SEL-1: a recommendation (meeting or talks) no more than the valid days old.
    let valid = |r: &super::case::Recommendation| {
        r.on <= on && days(r.on, on) <= i64::from(p.recommend_valid_days)
    };
    let meetings: Vec<_> = case.meetings.iter().filter(|r| valid(r)).collect();
    let talks: Vec<_> = case.talks.iter().filter(|r| valid(r)).collect();
    if case.meetings.is_empty() && case.talks.is_empty() {
        g.need(false, "R-SEL-1", || Msg::new("sel-no-recommendation"));
    } else if meetings.is_empty() && talks.is_empty() {
        let latest = case
            .meetings
            .iter()
            .chain(&case.talks)
            .map(|r| r.on)
            .max()
            .unwrap_or(on);
        g.need(false, "R-SEL-1", || {
            message!(
                "sel-recommendation-expired",
                held = latest,
                days = days(latest, on),
                valid = p.recommend_valid_days
            )
        });
    }
    let meeting = meetings.iter().max_by_key(|r| r.on);
    for id in &candidates {
        let Some(c) = case.candidate(*id) else {
            g.need(false, "R-SEL-6", || Msg::new("sel-no-such-candidate"));
            continue;
        };
        let name = c.person.name.clone();
        g.need(!c.status.stopped(), "R-SEL-2", || {
            message!("sel-candidate-stopped", name = name.clone())
        });
        if let Some(m) = meeting {
            let attended = m.attended.unwrap_or(0);
            let votes = m
                .names
                .iter()
                .filter(|v| v.name.trim() == name.trim())
                .map(|v| v.votes)
                .sum::<u32>();
            let share = p.candidate_share;
            let over = u64::from(votes) * u64::from(share.den)
                > u64::from(attended) * u64::from(share.num);
            g.need(over, "R-SEL-2", || {
                message!(
                    "sel-shortlist-votes",
                    name = name.clone(),
                    votes = votes,
                    attended = attended,
                    share = share.percent()
                )
            });
        } else if !talks.is_empty() {
            let named = talks.iter().any(|t| {
                t.names
                    .iter()
                    .any(|n| n.name.trim() == name.trim() && n.votes > 0)
            });
            g.need(named, "R-SEL-2", || {
                message!("sel-shortlist-not-named", name = name.clone())
            });
        }
    }
    if let Some(i) = &case.initiation {
        let places = i.places;
        let need = shortlist_need(i, p);
        g.need(
            candidates.len() as u64 >= u64::from(need),
            "R-SEL-2",
            || {
                message!(
                    "sel-shortlist-too-few",
                    need = need,
                    have = candidates.len(),
                    places = places,
                    contested = if i.contested { "yes" } else { "no" }
                )
            },
        );
    }
    g.then(|| vec![Event::Shortlisted { on, candidates }])
}

/// R-SEL-2 差额: how many 考察对象 a case needs — its places, and in a contested case
/// ⌈places × `sel.shortlist_extra`⌉ more, at least one (as 竞争上岗 counts it).
pub(crate) fn shortlist_need(i: &Initiation, p: &Params) -> u32 {
    if i.contested {
        crate::competition::Shortlist::Share(p.shortlist_extra).size(i.places)
    } else {
        i.places
    }
}

struct Vote {
    on: Date,
    members: u32,
    present: u32,
    source: VoteSource,
    counts: Vec<VoteCount>,
    second_keying: Option<Vec<VoteCount>>,
}

fn vote(mut g: Guard, case: &Case, ctx: &Ctx, v: Vote) -> Result<Vec<Event>, Vec<Unmet>> {
    let q = ctx.params.committee_quorum;
    // R-SEL-8: 民主推荐 (R-SEL-1) and 考察 (R-SEL-3) done first.
    g.need(case.shortlisted_on.is_some(), "R-SEL-1", || {
        Msg::new("sel-vote-no-shortlist")
    });
    g.need(case.voted_on.is_none(), "R-SEL-8", || {
        Msg::new("sel-voted-twice")
    });
    g.need(v.members > 0, "R-SEL-8", || Msg::new("sel-vote-no-members"));
    g.need(v.present <= v.members, "R-SEL-8", || {
        message!(
            "sel-vote-present-over",
            present = v.present,
            members = v.members
        )
    });
    g.need(
        u64::from(v.present) * u64::from(q.den) >= u64::from(v.members) * u64::from(q.num),
        "R-SEL-8",
        || {
            message!(
                "sel-vote-quorum",
                present = v.present,
                members = v.members,
                quorum = q.to_string()
            )
        },
    );
    if matches!(v.source, VoteSource::KeyedTwice { .. }) {
        let mut a = v.counts.clone();
        let mut b = v.second_keying.clone().unwrap_or_default();
        a.sort_by_key(|c| c.candidate);
        b.sort_by_key(|c| c.candidate);
        g.need(a == b, "R-SEL-8", || Msg::new("sel-vote-keyings-differ"));
    }
    g.need(!v.counts.is_empty(), "R-SEL-8", || {
        Msg::new("sel-vote-empty")
    });
    let mut seen = Vec::new();
    for count in &v.counts {
        let Some(c) = case.candidate(count.candidate) else {
            g.need(false, "R-SEL-8", || Msg::new("sel-no-such-candidate"));
            continue;
        };
        let name = || c.person.name.clone();
        g.need(!seen.contains(&count.candidate), "R-SEL-8", || {
            message!("sel-vote-candidate-twice", name = name())
        });
        seen.push(count.candidate);
        g.need(c.status == Status::Shortlisted, "R-SEL-2", || {
            message!("sel-not-shortlisted", name = name())
        });
        g.need(c.inspection.is_some(), "R-SEL-3", || {
            message!("sel-vote-not-inspected", name = name())
        });
        match c.opinion {
            None => g.need(false, "R-SEL-7", || {
                message!("sel-vote-no-opinion", name = name())
            }),
            Some((veto, _)) => g.need(!veto, "R-SEL-7", || {
                message!("sel-vote-vetoed", name = name())
            }),
        }
        let open = case
            .objections
            .iter()
            .filter(|o| o.candidate == count.candidate && o.serious && o.verified.is_none())
            .count();
        g.need(open == 0, "R-SEL-8", || {
            message!("sel-vote-objection-open", name = name(), count = open)
        });
        let cast = u64::from(count.yes) + u64::from(count.no) + u64::from(count.abstain);
        g.need(cast <= u64::from(v.present), "R-SEL-8", || {
            message!(
                "sel-vote-cast-over",
                name = name(),
                cast = cast,
                present = v.present
            )
        });
        let steps = [
            c.inspection.as_ref().map(|i| i.on),
            c.opinion.map(|(_, d)| d),
        ];
        g.need(
            steps.iter().flatten().all(|d| *d <= v.on),
            "R-SEL-12",
            || message!("sel-vote-before-steps", name = name()),
        );
    }
    g.then(|| {
        vec![Event::CommitteeVoted {
            on: v.on,
            members: v.members,
            present: v.present,
            source: v.source,
            counts: v.counts,
        }]
    })
}

#[allow(clippy::too_many_arguments)]
fn appoint(
    mut g: Guard,
    case: &Case,
    ctx: &Ctx,
    on: Date,
    candidate: i64,
    document_no: String,
    manner: Manner,
    facts: &EligibilityFacts,
) -> Result<Vec<Event>, Vec<Unmet>> {
    let c = case.candidate(candidate);
    let name = || c.map(|c| c.person.name.clone()).unwrap_or_default();
    g.need(c.is_some(), "R-SEL-10", || {
        Msg::new("sel-no-such-candidate")
    });
    if let Some(c) = c {
        match c.publicity {
            None => g.need(false, "R-SEL-9", || {
                message!("sel-appoint-no-publicity", name = name())
            }),
            Some((_, _, allowed)) => g.need(on >= allowed, "R-SEL-9", || {
                message!("sel-appoint-too-early", name = name(), allowed = allowed)
            }),
        }
        g.need(c.status == Status::Publicity, "R-SEL-10", || {
            message!("sel-candidate-not-in-publicity", name = name())
        });
        let open = case
            .objections
            .iter()
            .filter(|o| o.candidate == candidate && o.verified.is_none())
            .count();
        g.need(open == 0, "R-SEL-9", || {
            message!("sel-appoint-objection-open", name = name(), count = open)
        });
    }
    g.need(!blank(&document_no), "R-SEL-10", || {
        Msg::new("sel-appoint-no-document")
    });
    if let Some(i) = &case.initiation {
        let filled = case
            .candidates
            .iter()
            .filter(|c| c.status == Status::Appointed)
            .count();
        g.need(filled < i.places as usize, "R-SEL-10", || {
            message!("sel-appoint-places-full", places = i.places)
        });
    }
    let probation_until = case.initiation.as_ref().and_then(|i| {
        probation(i, manner, facts, on)
            .then(|| crate::rules::add_months(on, ctx.params.probation_months))
    });
    g.then(|| {
        vec![Event::Appointed {
            on,
            candidate,
            document_no: document_no.trim().to_string(),
            probation_until,
        }]
    })
}

/// R-PROB-1 (条例第五十四条): a promotion by 委任 or 竞争上岗 to a 副职 of a 工作部门.
pub fn probation(i: &Initiation, manner: Manner, facts: &EligibilityFacts, on: Date) -> bool {
    if i.post.kind != PostKind::Deputy || !i.post.department {
        return false;
    }
    if !matches!(manner, Manner::Appointed | Manner::Competition) {
        return false;
    }
    let before: Vec<_> = facts.held.iter().filter(|h| h.start < on).collect();
    match i.post.level {
        Some(level) if before.iter().any(|h| h.level.is_some()) => {
            !before.iter().any(|h| h.level.is_some_and(|l| l <= level))
        }
        _ => !before
            .iter()
            .any(|h| matches!(h.kind, PostKind::Principal | PostKind::Deputy)),
    }
}

fn correct(
    mut g: Guard,
    case: &Case,
    on: Date,
    of: u32,
    reason: String,
    event: Event,
) -> Result<Vec<Event>, Vec<Unmet>> {
    g.need(!blank(&reason), "R-SEL-12", || Msg::new("sel-reason-blank"));
    g.need(case.voted_on.is_none(), "R-SEL-12", || {
        Msg::new("sel-correct-after-vote")
    });
    let Some(old) = case.records.get(of as usize) else {
        g.need(false, "R-SEL-12", || {
            message!("sel-correct-no-such-record", number = of + 1)
        });
        return Err(g.0);
    };
    let same = match (old, &event) {
        (Event::Initiated(a), Event::Initiated(b)) => {
            initiation_complete(&mut g, b);
            a.on == b.on && a.post == b.post && a.places == b.places && a.contested == b.contested
        }
        (
            Event::TalkRecommendation { on: a, .. },
            Event::TalkRecommendation {
                on: b,
                talked_to,
                scope,
                summary,
                names,
            },
        ) => {
            g.need(case.shortlisted_on.is_none(), "R-SEL-12", || {
                Msg::new("sel-after-shortlist")
            });
            talks_complete(&mut g, *talked_to, scope, summary, names);
            a == b
        }
        (
            Event::OrganizationRecommendation { on: a, .. },
            Event::OrganizationRecommendation { on: b, .. },
        ) => {
            g.need(case.shortlisted_on.is_none(), "R-SEL-12", || {
                Msg::new("sel-after-shortlist")
            });
            a == b
        }
        (Event::Inspected(a), Event::Inspected(b)) => {
            inspection_complete(&mut g, b);
            a.on == b.on && a.candidate == b.candidate && a.file_findings == b.file_findings
        }
        _ => {
            g.need(false, "R-SEL-12", || {
                message!("sel-correct-not-correctable", kind = old.key())
            });
            return Err(g.0);
        }
    };
    g.need(same, "R-SEL-12", || {
        Msg::new("sel-correct-changes-decision")
    });
    g.then(|| {
        vec![Event::Corrected {
            on,
            of,
            reason,
            event: Box::new(event),
        }]
    })
}
