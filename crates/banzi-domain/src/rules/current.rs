//! The roster on the as-of date: who holds which post, and each team's current members. One
//! linear pass over the appointments; every rule reads from here.

use super::Params;
use super::facts::{ApptF, Facts, Span};
use crate::codes::Manner;
use crate::date::{Date, age_on};
use std::borrow::Cow;

/// A current member of a team.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Member {
    pub cadre: u32,
    /// Entered the team by 系统外交流: the joined stretch in the team that they are in now
    /// began so (R-STRUCT-5, corrected 2026-12-02); promotions and re-appointments inside the
    /// team keep it.
    pub outside: bool,
    /// The earliest start of the post runs they hold in the team (tenure in post, R-STRUCT-1).
    pub since: Date,
}

pub(crate) struct Now<'a> {
    pub f: &'a Facts,
    pub p: &'a Params,
    pub as_of: Date,
    /// Who holds what (read through `Deref`: `now.holders` …).
    current: Cow<'a, Current>,
}

/// Who holds what on the as-of date, owned: kept with the structure of a day
/// ([`super::Overview`]) so that a team's profile and card are made again without another
/// pass over the appointments.
#[derive(Debug, Clone, Default)]
pub(crate) struct Current {
    /// Indices into `Facts::appts` of the appointments held on the as-of date, by cadre.
    pub cur: Vec<u32>,
    /// Every cadre in post with their slice of `cur`, by cadre.
    pub holders: Vec<(u32, Span)>,
    /// Distinct current holders of each post who take a seat of its 职数: not those whose
    /// appointment in force is 挂职 (R-STRUCT-4, corrected 2026-12-02).
    pub post_holders: Vec<u32>,
    /// Distinct current holders of each post by 挂职, who take no seat (R-STRUCT-4).
    pub post_seconded: Vec<u32>,
    team_off: Vec<u32>,
    members: Vec<Member>,
}

impl std::ops::Deref for Now<'_> {
    type Target = Current;

    fn deref(&self) -> &Current {
        &self.current
    }
}

/// `d + n months`, the day clamped to the end of the month (2024-01-31 + 1 = 2024-02-29).
pub(crate) fn add_months(d: Date, n: i32) -> Date {
    let total = i32::from(d.year()) * 12 + i32::from(d.month()) - 1 + n;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    let (Ok(y), Ok(m)) = (i16::try_from(y), i8::try_from(m)) else {
        return d;
    };
    Date::new(y, m, 1)
        .and_then(|first| Date::new(y, m, d.day().min(first.days_in_month())))
        .unwrap_or(d)
}

impl<'a> Now<'a> {
    pub fn new(f: &'a Facts, p: &'a Params, as_of: Date) -> Now<'a> {
        Now {
            f,
            p,
            as_of,
            current: Cow::Owned(Current::new(f, as_of)),
        }
    }

    /// `current` as found for `f` on `as_of` (by [`Now::new`], kept).
    pub fn with(f: &'a Facts, p: &'a Params, as_of: Date, current: &'a Current) -> Now<'a> {
        Now {
            f,
            p,
            as_of,
            current: Cow::Borrowed(current),
        }
    }

    /// Who holds what, to keep.
    pub fn into_current(self) -> Current {
        self.current.into_owned()
    }

    /// The current appointments of a cadre in post (`span` from `holders`).
    pub fn held(&self, span: Span) -> impl Iterator<Item = (u32, &ApptF)> + '_ {
        self.cur[span.range()]
            .iter()
            .map(|&i| (i, &self.f.appts[i as usize]))
    }

    /// The first post a cadre in post holds (正职 before 副职 …, then by code): where an alert
    /// on the person rather than on one of their posts is put.
    pub fn first_post(&self, span: Span) -> Option<u32> {
        self.held(span)
            .map(|(_, a)| (self.f.post(a.post).kind, a.post))
            .min()
            .map(|x| x.1)
    }

    pub fn age(&self, cadre: u32) -> i32 {
        age_on(self.f.cadre(cadre).birth, self.as_of)
    }

    /// The last day an anticipating alert looks to (R-EXCH-6).
    pub fn horizon(&self, months: i32) -> Date {
        add_months(self.as_of, months)
    }
}

impl Current {
    /// One linear pass over the appointments of `f`.
    fn new(f: &Facts, as_of: Date) -> Current {
        let mut cur = Vec::new();
        let mut holders = Vec::new();
        let mut post_holders = vec![0u32; f.posts.len()];
        let mut post_seconded = vec![0u32; f.posts.len()];
        let mut pairs: Vec<(u32, Member)> = Vec::new();
        let mut teams: Vec<(u32, Member)> = Vec::new();
        for (ci, c) in f.cadres.iter().enumerate() {
            let lo = cur.len() as u32;
            let mut last_post = u32::MAX;
            teams.clear();
            for (k, a) in f.appts[c.appts.range()].iter().enumerate() {
                if !a.holds_on(as_of) {
                    continue;
                }
                cur.push(c.appts.lo + k as u32);
                // One cadre cannot hold one post twice at once; count them once anyway.
                if a.post != last_post {
                    if a.manner == Some(Manner::Secondment) {
                        post_seconded[a.post as usize] += 1;
                    } else {
                        post_holders[a.post as usize] += 1;
                    }
                    last_post = a.post;
                }
                let team = f.post(a.post).team;
                let outside = a.team_manner == Some(Manner::OutsideExchange);
                match teams.iter_mut().find(|t| t.0 == team) {
                    Some((_, m)) => {
                        m.outside |= outside;
                        m.since = m.since.min(a.run_start);
                    }
                    None => teams.push((
                        team,
                        Member {
                            cadre: ci as u32,
                            outside,
                            since: a.run_start,
                        },
                    )),
                }
            }
            let hi = cur.len() as u32;
            if hi > lo {
                holders.push((ci as u32, Span { lo, hi }));
                pairs.extend_from_slice(&teams);
            }
        }
        // Members grouped by team (a counting sort keeps them in cadre order).
        let mut team_off = vec![0u32; f.teams.len() + 1];
        for (t, _) in &pairs {
            team_off[*t as usize + 1] += 1;
        }
        for i in 1..team_off.len() {
            team_off[i] += team_off[i - 1];
        }
        let mut fill = team_off.clone();
        let mut members = vec![
            Member {
                cadre: 0,
                outside: false,
                since: as_of,
            };
            pairs.len()
        ];
        for (t, m) in pairs {
            let at = &mut fill[t as usize];
            members[*at as usize] = m;
            *at += 1;
        }
        Current {
            cur,
            holders,
            post_holders,
            post_seconded,
            team_off,
            members,
        }
    }

    /// Current members of team `t`, by cadre.
    pub fn members(&self, t: u32) -> &[Member] {
        let lo = self.team_off[t as usize] as usize;
        let hi = self.team_off[t as usize + 1] as usize;
        &self.members[lo..hi]
    }
}
