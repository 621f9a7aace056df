//! 名册 — the roster listing with columns the user chooses (issue 16, item 4).
//!
//! Pure: the store loads the cadres a search finds, every appointment they had and the posts
//! and units those name; [`build`] then groups them by unit and orders them by post, and each
//! chosen [`Column`] gives its value of each row. The page, the workbook and the printed
//! sheet only word what this module decided.
//!
//! # Meaning, exactly
//! - **Grouping**: a cadre is listed under every unit in which they hold a post on the as-of
//!   day (计算年龄时间), once per unit; the units in the registry's order (单位 sort order,
//!   then the order they were registered). Cadres the search found who hold no post that day
//!   come last, under 未任现职, by pinyin.
//! - **Order inside a unit**: by the cadre's first post there — 正职 before 副职, then
//!   派驻纪检监察组组长 and 其他成员 ([`PostKind`] order) — then by 任现职时间 (earlier first),
//!   then by the name's pinyin. The row's post (职位类别, 职务层次, 任职方式 …) is that first
//!   post; 现任职务 names every post held in the unit in the same order.
//! - **任现职时间** (R-STRUCT-1's tenure in post): the start of the joined run of the row's
//!   post that holds on the as-of day; appointments of one cadre to one post join when the
//!   next starts at most `tenure.join_gap_days` *(param)* after the previous ended (DOMAIN.md
//!   M1 "Joining").
//! - **任同级时间**: DOMAIN.md names no rule for it and the registry keeps no date for
//!   现职级, so it is read from appointments as R-TERM-1 reads a 层次 — from the post's
//!   职务层次: the start of the joined run of appointments at posts of the row's post's
//!   职务层次 (any post, any unit) that holds on the as-of day, joined as above. A post
//!   whose 职务层次 is unknown gives no 任同级时间 (blank), never a guess.
//! - **到龄年月** (R-AGE-1): the month statutory retirement is reached under the 2025 reform,
//!   by rank group and gender *(param)* — the rank group from 现职级, else the highest
//!   职务层次 held on the as-of day, else below 县处级 (as the alerts read it,
//!   [`crate::rules::retirement_by`]).
//! - **年龄**: full years on the as-of day.

mod columns;
mod template;
#[cfg(test)]
mod tests;

pub use columns::{COLUMNS, Cell, Column, ColumnGroup, DEFAULT_COLUMNS, column};
pub use template::{MAX_NAME_CHARS, Template};

use crate::appointment::{Period, tenure_start};
use crate::codes::{Manner, PostKind, PostLevel};
use crate::date::Date;
use crate::registry::Cadre;
use crate::rules::Params;
use std::collections::HashMap;

/// A unit as the listing names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitInfo {
    pub code: String,
    pub name: String,
}

/// A post: what its columns show and where it sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostInfo {
    pub code: String,
    pub title: String,
    pub kind: PostKind,
    pub level: Option<PostLevel>,
    /// 班子名称; blank for the unit's one team.
    pub team: String,
    /// Index into [`Registry::units`].
    pub unit: usize,
}

/// One appointment: cadre and post by row id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appt {
    pub cadre: i64,
    pub post: i64,
    pub start: Date,
    /// The first day it is no longer held; None while in force.
    pub end: Option<Date>,
    pub manner: Option<Manner>,
    pub doc_no: String,
}

impl Appt {
    fn period(&self) -> Period {
        Period {
            start: self.start,
            end: self.end,
        }
    }
}

/// A cadre the search found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Row id: the address of the profile, never the ID number.
    pub id: i64,
    pub pinyin: String,
    pub cadre: Cadre,
}

/// What the listing reads: the cadres found, every appointment they had, the posts by row
/// id and the units in the registry's order.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub units: Vec<UnitInfo>,
    pub posts: HashMap<i64, PostInfo>,
    pub people: Vec<Person>,
    pub appointments: Vec<Appt>,
}

/// One row being listed: the cadre, the unit it is listed under and what they hold there.
pub struct Entry<'a> {
    pub person: &'a Person,
    pub unit: Option<&'a UnitInfo>,
    /// The posts held in the unit on the as-of day, the row's post first.
    pub held: Vec<(&'a PostInfo, &'a Appt)>,
    /// Every appointment of the cadre.
    pub history: &'a [(&'a PostInfo, &'a Appt)],
    pub as_of: Date,
    pub params: &'a Params,
}

impl Entry<'_> {
    /// 任现职时间 of the row's post (see the module's doc).
    pub fn tenure_start(&self) -> Option<Date> {
        let (post, _) = self.held.first()?;
        self.run_start(|p| p.code == post.code)
    }

    /// 任同级时间: of the row's post's 职务层次; none when it is unknown.
    pub fn level_start(&self) -> Option<Date> {
        let (post, _) = self.held.first()?;
        let level = post.level?;
        self.run_start(|p| p.level == Some(level))
    }

    fn run_start(&self, same: impl Fn(&PostInfo) -> bool) -> Option<Date> {
        run_start(self.history, self.as_of, self.params.join_gap_days, same)
    }

    /// Every post the cadre holds on the as-of day, in any unit.
    fn held_anywhere(&self) -> impl Iterator<Item = &PostInfo> {
        self.history
            .iter()
            .filter(|(_, a)| a.period().holds_on(self.as_of))
            .map(|(p, _)| *p)
    }
}

/// The cadres listed under one unit (None: holding no post on the day).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub unit: Option<UnitInfo>,
    pub rows: Vec<Row>,
}

/// One listed row: the cadre's row id and a cell per chosen column.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cadre: i64,
    pub cells: Vec<Cell>,
}

/// The listing: chosen columns, groups in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    pub as_of: Date,
    pub columns: Vec<&'static Column>,
    pub groups: Vec<Group>,
}

impl Listing {
    /// Rows in all groups.
    pub fn rows(&self) -> usize {
        self.groups.iter().map(|g| g.rows.len()).sum()
    }
}

/// Groups and orders `reg` on `as_of` and fills the `columns` (see the module's doc). With
/// `only_unit`, only that unit's group is kept (a unit liaison's scope, R-SEC-1).
pub fn build(
    reg: &Registry,
    columns: &[&'static Column],
    as_of: Date,
    params: &Params,
    only_unit: Option<&str>,
) -> Listing {
    let mut history: HashMap<i64, Vec<(&PostInfo, &Appt)>> = HashMap::new();
    for a in &reg.appointments {
        if let Some(p) = reg.posts.get(&a.post) {
            history.entry(a.cadre).or_default().push((p, a));
        }
    }
    // (unit index or none, sort key, row)
    type Key<'a> = (PostKind, Option<Date>, &'a str, i64);
    let mut placed: Vec<(Option<usize>, Key, Row)> = Vec::new();
    let empty = Vec::new();
    for person in &reg.people {
        let hist = history.get(&person.id).unwrap_or(&empty);
        let mut by_unit: Vec<(usize, Vec<(&PostInfo, &Appt)>)> = Vec::new();
        for &(p, a) in hist.iter().filter(|(_, a)| a.period().holds_on(as_of)) {
            match by_unit.iter_mut().find(|(u, _)| *u == p.unit) {
                Some((_, v)) => v.push((p, a)),
                None => by_unit.push((p.unit, vec![(p, a)])),
            }
        }
        if by_unit.is_empty() {
            let e = Entry {
                person,
                unit: None,
                held: Vec::new(),
                history: hist,
                as_of,
                params,
            };
            let key = (PostKind::Member, None, person.pinyin.as_str(), person.id);
            placed.push((None, key, row(&e, columns)));
            continue;
        }
        for (unit, held) in by_unit {
            let mut e = Entry {
                person,
                unit: reg.units.get(unit),
                held,
                history: hist,
                as_of,
                params,
            };
            // Each post with the start of its run, the row's post first.
            let gap = params.join_gap_days;
            let starts: Vec<(PostKind, Option<Date>, &str)> = e
                .held
                .iter()
                .map(|&(p, _)| {
                    let start = run_start(hist, as_of, gap, |q| q.code == p.code);
                    (p.kind, start, p.code.as_str())
                })
                .collect();
            let mut order: Vec<usize> = (0..e.held.len()).collect();
            order.sort_by(|&i, &j| starts[i].cmp(&starts[j]));
            e.held = order.iter().map(|&i| e.held[i]).collect();
            let first = &starts[order[0]];
            let key = (first.0, first.1, person.pinyin.as_str(), person.id);
            placed.push((Some(unit), key, row(&e, columns)));
        }
    }
    // Units in the registry's order, none last; inside, by post, start, pinyin.
    placed.sort_by(|a, b| (a.0.is_none(), a.0, &a.1).cmp(&(b.0.is_none(), b.0, &b.1)));
    let mut groups: Vec<Group> = Vec::new();
    let mut last: Option<Option<usize>> = None;
    for (unit, _, r) in placed {
        let info = unit.and_then(|u| reg.units.get(u));
        if only_unit.is_some() && info.map(|u| u.code.as_str()) != only_unit {
            continue;
        }
        if last != Some(unit) {
            groups.push(Group {
                unit: info.cloned(),
                rows: Vec::new(),
            });
            last = Some(unit);
        }
        if let Some(g) = groups.last_mut() {
            g.rows.push(r);
        }
    }
    Listing {
        as_of,
        columns: columns.to_vec(),
        groups,
    }
}

/// The start of the joined run of the appointments at posts that are `same`, holding on
/// `as_of` (M1 "Joining").
fn run_start(
    history: &[(&PostInfo, &Appt)],
    as_of: Date,
    gap_days: u32,
    same: impl Fn(&PostInfo) -> bool,
) -> Option<Date> {
    let periods = history
        .iter()
        .filter(|(p, _)| same(p))
        .map(|(_, a)| a.period())
        .collect();
    tenure_start(periods, as_of, gap_days)
}

fn row(e: &Entry, columns: &[&'static Column]) -> Row {
    Row {
        cadre: e.person.id,
        cells: columns.iter().map(|c| (c.value)(e)).collect(),
    }
}
