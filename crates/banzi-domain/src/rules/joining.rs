//! Joining (DOMAIN.md M1, corrected 2026-12-02): appointments of one cadre on one post, and
//! across the posts of one team, are one stretch when the next starts at most
//! `join_gap_days` *(param, 31)* after the previous ended; 分管 rows of one 分管工作 across
//! the posts of one team join the same way (R-EXCH-5). Done once when [`Facts`] are indexed,
//! and again on a copy when the parameters' gap is another ([`Facts::joined`]).

use super::facts::{ApptF, CadreF, Facts, PortF, PostF, UnitF};
use super::keys::day_key;
use super::texts::Texts;
use crate::appointment::joins;
use crate::date::Date;
use std::borrow::Cow;
use std::sync::Arc;

/// Joined-run starts of periods sorted by start: `out[i]` is where period `i`'s run begins
/// (M1 "Joining": the next starts at most `gap` days after the previous ended).
fn run_starts(periods: &[(Date, Option<Date>)], gap: u32, out: &mut Vec<Date>) {
    out.clear();
    let mut run: Option<(Date, Option<Date>)> = None;
    for &(start, end) in periods {
        run = match run {
            Some((s, e)) if joins(e, start, gap) => Some((s, e.zip(end).map(|(a, b)| a.max(b)))),
            _ => Some((start, end)),
        };
        out.push(run.map_or(start, |r| r.0));
    }
}

impl Facts {
    /// These facts with their runs joined with `join_gap_days` (the parameters may have
    /// changed since they were indexed): borrowed when the gap is the one they have.
    pub fn joined(&self, join_gap_days: u32) -> Cow<'_, Facts> {
        if self.join_gap_days == join_gap_days {
            return Cow::Borrowed(self);
        }
        let mut f = self.clone();
        f.new_runs = join_runs(
            &mut f.cadres,
            &mut f.appts,
            &f.posts,
            &f.units,
            join_gap_days,
        );
        join_portfolios(
            &f.cadres,
            &mut f.portfolios,
            &f.posts,
            &f.texts,
            join_gap_days,
        );
        f.join_gap_days = join_gap_days;
        Cow::Owned(f)
    }

    /// [`Facts::joined`] for shared facts.
    pub fn joined_arc(self: &Arc<Self>, join_gap_days: u32) -> Arc<Facts> {
        match self.joined(join_gap_days) {
            Cow::Borrowed(_) => self.clone(),
            Cow::Owned(f) => Arc::new(f),
        }
    }
}

/// Sets the joined runs of every appointment (in its post and in its team, with their
/// 任职方式) and each cadre's first grassroots post; returns the start of every post run
/// with its cadre.
pub(super) fn join_runs(
    cadres: &mut [CadreF],
    appts: &mut [ApptF],
    posts: &[PostF],
    units: &[UnitF],
    gap: u32,
) -> Vec<(Date, u32)> {
    let mut new_runs = Vec::new();
    let mut buf: Vec<(u32, Date, Option<Date>, u32)> = Vec::new();
    let mut periods = Vec::new();
    let mut starts = Vec::new();
    for (ci, c) in cadres.iter_mut().enumerate() {
        let ours = &mut appts[c.appts.range()];
        // Runs in one post: the slice is already by post, then start.
        let mut i = 0;
        while i < ours.len() {
            let j = i + ours[i..]
                .iter()
                .take_while(|a| a.post == ours[i].post)
                .count();
            periods.clear();
            periods.extend(ours[i..j].iter().map(|a| (a.start, a.end)));
            run_starts(&periods, gap, &mut starts);
            let mut manner = None;
            for (k, a) in ours[i..j].iter_mut().enumerate() {
                if k == 0 || starts[k] != starts[k - 1] {
                    manner = a.manner;
                    new_runs.push((a.start, ci as u32));
                }
                a.run_start = starts[k];
                a.run_manner = manner;
            }
            i = j;
        }
        // Runs across a team's posts (R-EXCH-2, R-STRUCT-5).
        buf.clear();
        buf.extend(
            ours.iter()
                .enumerate()
                .map(|(k, a)| (posts[a.post as usize].team, a.start, a.end, k as u32)),
        );
        buf.sort_unstable_by_key(|x| (x.0, day_key(x.1), x.3));
        let mut i = 0;
        while i < buf.len() {
            let j = i + buf[i..].iter().take_while(|x| x.0 == buf[i].0).count();
            periods.clear();
            periods.extend(buf[i..j].iter().map(|x| (x.1, x.2)));
            run_starts(&periods, gap, &mut starts);
            let mut manner = None;
            for (k, x) in buf[i..j].iter().enumerate() {
                let a = &mut ours[x.3 as usize];
                if k == 0 || starts[k] != starts[k - 1] {
                    manner = a.manner;
                }
                a.team_start = starts[k];
                a.team_manner = manner;
            }
            i = j;
        }
        c.grassroots_from = None;
        for a in ours.iter() {
            let p = &posts[a.post as usize];
            if units[p.unit as usize].township {
                c.grassroots_from = Some(c.grassroots_from.map_or(a.start, |d| d.min(a.start)));
            }
        }
    }
    new_runs
}

/// Joins each cadre's rows of one 分管工作 across the posts of one team (R-EXCH-5, corrected
/// 2026-12-02: 副局长 → 常务副局长 still 分管财务 is one stretch), as appointments join.
pub(super) fn join_portfolios(
    cadres: &[CadreF],
    portfolios: &mut [PortF],
    posts: &[PostF],
    texts: &Texts,
    gap: u32,
) {
    let mut order: Vec<u32> = Vec::new();
    let mut periods = Vec::new();
    let mut starts = Vec::new();
    let mut run: Vec<(u32, Date)> = Vec::new();
    for c in cadres {
        let ours = &portfolios[c.portfolios.range()];
        if ours.is_empty() {
            continue;
        }
        let key = |k: u32| {
            let p = &ours[k as usize];
            (
                posts[p.post as usize].team,
                texts.get(p.work).trim(),
                day_key(p.start),
                k,
            )
        };
        order.clear();
        order.extend(0..ours.len() as u32);
        order.sort_unstable_by(|&a, &b| key(a).cmp(&key(b)));
        run.clear();
        let mut i = 0;
        while i < order.len() {
            let (team, work, ..) = key(order[i]);
            let j = i + order[i..]
                .iter()
                .take_while(|&&k| {
                    let (t, w, ..) = key(k);
                    t == team && w == work
                })
                .count();
            periods.clear();
            periods.extend(order[i..j].iter().map(|&k| {
                let p = &ours[k as usize];
                (p.start, p.end)
            }));
            run_starts(&periods, gap, &mut starts);
            run.extend(order[i..j].iter().zip(&starts).map(|(&k, &s)| (k, s)));
            i = j;
        }
        let ours = &mut portfolios[c.portfolios.range()];
        for &(k, s) in &run {
            ours[k as usize].run_start = s;
        }
    }
}
