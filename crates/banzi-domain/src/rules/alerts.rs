//! The alerts of a [`super::Report`], as [`evaluate`](super::evaluate) leaves them: sorted,
//! each one decided (rule, level, due date, unit, post, cadre), holding integer keys into the
//! indexed registry rather than strings. Codes are borrowed from the registry when an alert
//! is read ([`AlertRef`]), and its message (a [`Msg`]: an id of the catalog and its
//! arguments) is built when it is read ([`AlertRef::message`]); the edge words it in the
//! reader's language.
//!
//! Why: a province has hundreds of thousands of alerts and the dashboard shows fifty at a
//! time. Writing every message up front was most of the evaluation (issue 3); now a page
//! builds and words its fifty, and `banzi check` all of them as it writes its output (on
//! several threads when there are many, [`Alerts::messages_with`]).

use super::facts::Facts;
use super::messages::Scene;
use super::params::Params;
use super::{Level, Raw, Rule, composition, exchange};
use crate::date::Date;
use crate::msg::Msg;
use serde::ser::SerializeStruct;
use std::sync::Arc;

/// One alert, owned. As JSON ([`super::Report::to_json`]) it has exactly these seven keys, dates as
/// `YYYY-MM-DD` and the message worded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    /// The rule id, e.g. `R-EXCH-1`.
    pub rule: &'static str,
    pub level: Level,
    /// The date the threshold is or was reached; none for a state (a vacancy …).
    pub due: Option<Date>,
    /// 单位编码.
    pub unit: String,
    /// 职位编码.
    pub post: Option<String>,
    /// 身份证号.
    pub cadre: Option<String>,
    pub message: Msg,
}

/// What an alert list keeps: one rule (its id), one level, one unit (its code), due dates in a
/// window; a field left `None` keeps every alert. An unknown rule, level or unit keeps none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlertFilter {
    pub rule: Option<String>,
    /// `Some(None)`: a level that does not exist.
    pub level: Option<Option<Level>>,
    pub unit: Option<String>,
    pub due_from: Option<Date>,
    pub due_to: Option<Date>,
}

impl AlertFilter {
    /// A filter that keeps no alert (a list whose conditions could not be read shows none).
    pub fn keeping_none() -> Self {
        AlertFilter {
            level: Some(None),
            ..AlertFilter::default()
        }
    }

    /// Whether `a`, read in place, is kept: the meaning [`Alerts::positions`] is held to by
    /// the tests, which decides from the keys instead.
    #[cfg(test)]
    pub(crate) fn keeps(&self, a: &AlertRef<'_>) -> bool {
        self.rule.as_ref().is_none_or(|r| a.rule == r)
            && self.level.is_none_or(|l| l == Some(a.level))
            && self.unit.as_ref().is_none_or(|u| a.unit == u)
            && self.due_from.is_none_or(|d| a.due.is_some_and(|x| x >= d))
            && self.due_to.is_none_or(|d| a.due.is_some_and(|x| x <= d))
    }
}

/// A page of an alert list (see [`Alerts::page`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertPage {
    /// Positions in [`Alerts`] of this page's alerts, in order.
    pub positions: Vec<u32>,
    /// How many alerts the filter keeps, and at each level of [`Level::ALL`].
    pub total: usize,
    pub by_level: [usize; 3],
    /// This page (from 1) and how many there are (at least one).
    pub page: usize,
    pub pages: usize,
}

/// What messages are written from: the registry, the parameters and the date evaluated.
#[derive(Debug)]
struct Source {
    facts: Arc<Facts>,
    params: Params,
    as_of: Date,
}

/// The alerts of a report, in order (see [`super::evaluate`]).
#[derive(Clone)]
pub struct Alerts {
    source: Arc<Source>,
    raw: Vec<Raw>,
}

/// One alert of [`Alerts`], read in place: its codes borrowed from the registry, its message
/// written on demand.
#[derive(Clone, Copy)]
pub struct AlertRef<'a> {
    pub rule: &'static str,
    pub level: Level,
    /// The date the threshold is or was reached; none for a state (a vacancy …).
    pub due: Option<Date>,
    /// 单位编码.
    pub unit: &'a str,
    /// 职位编码.
    pub post: Option<&'a str>,
    /// 身份证号.
    pub cadre: Option<&'a str>,
    /// 单位名称, for people to read (the code is for machines).
    pub unit_name: &'a str,
    /// 职位名称 without the unit's name ("局长").
    pub post_title: Option<&'a str>,
    /// 姓名.
    pub cadre_name: Option<&'a str>,
    raw: &'a Raw,
    source: &'a Source,
}

impl Alerts {
    /// `raw` already sorted.
    pub(crate) fn new(facts: &Arc<Facts>, params: &Params, as_of: Date, raw: Vec<Raw>) -> Self {
        Alerts {
            source: Arc::new(Source {
                facts: facts.clone(),
                params: params.clone(),
                as_of,
            }),
            raw,
        }
    }

    pub fn len(&self) -> usize {
        self.raw.len()
    }

    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<AlertRef<'_>> {
        self.raw.get(i).map(|r| view(&self.source, r))
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter {
            source: &self.source,
            raw: self.raw.iter(),
        }
    }

    /// The positions of the alerts `f` keeps, in order, and how many of them are at each
    /// level of [`Level::ALL`]. Decided from each alert's keys, with the unit's code looked
    /// up once, not from its codes and names: an alert read through [`AlertRef`] is a few
    /// scattered reads of the registry, and a list page filtering a province's 206,497 alerts
    /// that way spent 30 ms on it (issue 18).
    pub fn positions(&self, f: &AlertFilter) -> (Vec<u32>, [usize; 3]) {
        let mut by_level = [0usize; 3];
        let facts = &*self.source.facts;
        let unit = match &f.unit {
            None => None,
            Some(code) => match (0..facts.units.len() as u32)
                .find(|u| facts.text(facts.unit(*u).code) == code)
            {
                Some(u) => Some(u),
                None => return (Vec::new(), by_level),
            },
        };
        let level = match f.level {
            None => None,
            Some(None) => return (Vec::new(), by_level),
            Some(Some(l)) => Some(l),
        };
        let mut out = Vec::new();
        for (i, r) in self.raw.iter().enumerate() {
            let kept = f.rule.as_deref().is_none_or(|x| r.rule.id() == x)
                && level.is_none_or(|l| r.level == l)
                && unit.is_none_or(|u| r.unit == u)
                && f.due_from.is_none_or(|d| r.due.is_some_and(|x| x >= d))
                && f.due_to.is_none_or(|d| r.due.is_some_and(|x| x <= d));
            if kept {
                out.push(i as u32);
                // `Level`'s order is that of `Level::ALL`.
                by_level[r.level as usize] += 1;
            }
        }
        (out, by_level)
    }

    /// One page of the alerts `f` keeps: the positions on page `page` (from 1, brought
    /// within the pages there are) of `per_page` each, how many `f` keeps in all and at each
    /// level. An empty filter reads no alert at all: a province's list page, unfiltered, is
    /// the commonest request of the dashboard and collecting its 206,497 positions to show
    /// a hundred was a sixth of a mixed load (issue 18).
    pub fn page(&self, f: &AlertFilter, page: usize, per_page: usize) -> AlertPage {
        let per_page = per_page.max(1);
        let at = |total: usize| {
            let pages = total.div_ceil(per_page).max(1);
            (page.clamp(1, pages), pages)
        };
        if *f == AlertFilter::default() {
            let mut by_level = [0usize; 3];
            for (n, l) in by_level.iter_mut().zip(Level::ALL) {
                // The alerts are sorted by level first (see `super::evaluate`).
                *n = self.raw.partition_point(|r| r.level <= l)
                    - self.raw.partition_point(|r| r.level < l);
            }
            let total = self.raw.len();
            let (page, pages) = at(total);
            let from = (page - 1) * per_page;
            let positions = (from..total.min(from + per_page))
                .map(|i| i as u32)
                .collect();
            return AlertPage {
                positions,
                total,
                by_level,
                page,
                pages,
            };
        }
        let (all, by_level) = self.positions(f);
        let (page, pages) = at(all.len());
        AlertPage {
            positions: all
                .iter()
                .skip((page - 1) * per_page)
                .take(per_page)
                .copied()
                .collect(),
            total: all.len(),
            by_level,
            page,
            pages,
        }
    }

    /// The alerts of the unit `code` alone, in order (a unit liaison's few of a province's
    /// kept alerts), copying only those.
    pub fn of_unit(&self, code: &str) -> Alerts {
        let f = AlertFilter {
            unit: Some(code.to_string()),
            ..AlertFilter::default()
        };
        Alerts {
            source: self.source.clone(),
            raw: self
                .positions(&f)
                .0
                .into_iter()
                .map(|i| self.raw[i as usize])
                .collect(),
        }
    }

    /// Every alert owned, its message built.
    pub fn to_vec(&self) -> Vec<Alert> {
        let messages = self.messages();
        self.iter()
            .zip(messages)
            .map(|(a, message)| a.with_message(message))
            .collect()
    }

    /// Every message, in order.
    pub fn messages(&self) -> Vec<Msg> {
        self.messages_with(|m| m)
    }

    /// Every message, in order, passed to `word` (the edge's wording in the reader's
    /// language); on several threads when there are many: a province's take a few hundred
    /// milliseconds of one core to word.
    pub fn messages_with<T: Send>(&self, word: impl Fn(Msg) -> T + Sync) -> Vec<T> {
        self.messages_on(super::threads(self.len()), &word)
    }

    /// [`Alerts::messages_with`] on `threads` threads (the same result on any number).
    pub(crate) fn messages_on<T: Send>(
        &self,
        threads: usize,
        word: &(impl Fn(Msg) -> T + Sync),
    ) -> Vec<T> {
        let parts = self.by_chunks(threads, &|c| c.map(|(_, m)| word(m)).collect::<Vec<T>>());
        let mut out = Vec::with_capacity(self.len());
        for part in parts {
            out.extend(part);
        }
        out
    }

    /// `f` over consecutive blocks of `block` alerts on `threads` threads (on this one when
    /// `threads < 2`), each result handed to `take` in order as soon as it and those before
    /// it are done. A block waits at most one more per thread, so what `f` makes of the
    /// alerts is never all held at once (`banzi check`'s JSON of a province is 85 MB). The
    /// first error of `take` stops the work and is returned.
    pub(crate) fn by_blocks<T: Send, E>(
        &self,
        threads: usize,
        block: usize,
        f: &(impl Fn(Chunk<'_>) -> T + Sync),
        mut take: impl FnMut(T) -> Result<(), E>,
    ) -> Result<(), E> {
        let source = &*self.source;
        let block = block.max(1);
        if threads < 2 {
            for raw in self.raw.chunks(block) {
                take(f(Chunk::new(source, raw)))?;
            }
            return Ok(());
        }
        let blocks = self.raw.len().div_ceil(block);
        std::thread::scope(|s| {
            let mut from = Vec::with_capacity(threads);
            for k in 0..threads {
                let (tx, rx) = std::sync::mpsc::sync_channel(1);
                from.push(rx);
                let raw = &self.raw;
                s.spawn(move || {
                    for b in (k..blocks).step_by(threads) {
                        let part = &raw[b * block..((b + 1) * block).min(raw.len())];
                        // The receiver is gone when `take` failed: nothing more is wanted.
                        if tx.send(f(Chunk::new(source, part))).is_err() {
                            return;
                        }
                    }
                });
            }
            for b in 0..blocks {
                // A thread that panicked has dropped its sender; the scope then passes the
                // panic on.
                let Ok(part) = from[b % threads].recv() else {
                    break;
                };
                take(part)?;
            }
            Ok(())
        })
    }

    /// `f` over the alerts in `threads` consecutive chunks (one when `threads < 2`), each on
    /// a thread of its own; the results in order.
    pub(crate) fn by_chunks<T: Send>(
        &self,
        threads: usize,
        f: &(impl Fn(Chunk<'_>) -> T + Sync),
    ) -> Vec<T> {
        let source = &*self.source;
        let chunk = |raw| Chunk::new(source, raw);
        if threads < 2 {
            return vec![f(chunk(&self.raw))];
        }
        let size = self.raw.len().div_ceil(threads).max(1);
        std::thread::scope(|s| {
            let mut parts = self.raw.chunks(size);
            let first = parts.next().unwrap_or_default();
            let rest: Vec<_> = parts.map(|part| s.spawn(move || f(chunk(part)))).collect();
            let mut out = vec![f(chunk(first))];
            for h in rest {
                match h.join() {
                    Ok(part) => out.push(part),
                    Err(e) => std::panic::resume_unwind(e),
                }
            }
            out
        })
    }
}

/// Consecutive alerts of [`Alerts`], each with its message built.
pub(crate) struct Chunk<'a> {
    source: &'a Source,
    raw: std::slice::Iter<'a, Raw>,
}

impl<'a> Chunk<'a> {
    fn new(source: &'a Source, raw: &'a [Raw]) -> Chunk<'a> {
        Chunk {
            source,
            raw: raw.iter(),
        }
    }
}

impl<'a> Iterator for Chunk<'a> {
    type Item = (AlertRef<'a>, Msg);

    fn next(&mut self) -> Option<Self::Item> {
        let r = self.raw.next()?;
        Some((view(self.source, r), message(self.source, r)))
    }
}

fn view<'a>(source: &'a Source, r: &'a Raw) -> AlertRef<'a> {
    let f = &*source.facts;
    AlertRef {
        rule: r.rule.id(),
        level: r.level,
        due: r.due,
        unit: f.text(f.unit(r.unit).code),
        post: r.post.map(|p| f.text(f.post(p).code)),
        cadre: r.cadre.map(|c| f.text(f.cadre(c).id)),
        unit_name: f.unit_name(r.unit),
        post_title: r.post.map(|p| f.text(f.post(p).title)),
        cadre_name: r.cadre.map(|c| f.cadre_name(c)),
        raw: r,
        source,
    }
}

impl AlertRef<'_> {
    /// The message: the rule's entry of the catalog, naming the person, post and dates.
    pub fn message(&self) -> Msg {
        message(self.source, self.raw)
    }

    /// The alert owned, its message built.
    pub fn to_alert(&self) -> Alert {
        self.with_message(self.message())
    }

    fn with_message(&self, message: Msg) -> Alert {
        Alert {
            rule: self.rule,
            level: self.level,
            due: self.due,
            unit: self.unit.to_string(),
            post: self.post.map(str::to_string),
            cadre: self.cadre.map(str::to_string),
            message,
        }
    }

    /// The seven keys of [`Alert`], the message as `text` words it.
    pub(crate) fn serialize_with<S: serde::Serializer>(
        &self,
        s: S,
        text: &str,
    ) -> Result<S::Ok, S::Error> {
        let mut a = s.serialize_struct("Alert", 7)?;
        a.serialize_field("rule", self.rule)?;
        a.serialize_field("level", &self.level)?;
        a.serialize_field("due", &self.due)?;
        a.serialize_field("unit", self.unit)?;
        a.serialize_field("post", &self.post)?;
        a.serialize_field("cadre", &self.cadre)?;
        a.serialize_field("message", text)?;
        a.end()
    }
}

/// The message of an alert; one entry of the catalog per rule and case, chosen in the rule's
/// file.
fn message(source: &Source, r: &Raw) -> Msg {
    let now = Scene {
        f: &source.facts,
        p: &source.params,
        as_of: source.as_of,
    };
    let now = &now;
    match r.rule {
        Rule::Struct2 | Rule::Struct3 | Rule::Struct4 | Rule::Struct5 | Rule::Struct6 => {
            composition::message(now, r)
        }
        Rule::Exch1 | Rule::Exch2 | Rule::Exch3 | Rule::Exch4 | Rule::Exch5 => {
            exchange::message(now, r)
        }
        Rule::Age1 => super::age::message(now, r),
        Rule::Prob1 => super::probation::message(now, r),
        Rule::Term1 => super::term::message(now, r),
        Rule::Train1 | Rule::Train2 => super::training::message(now, r),
    }
}

impl std::fmt::Debug for AlertRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.to_alert().fmt(f)
    }
}

impl std::fmt::Debug for Alerts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Equal when every alert is the same, message included.
impl PartialEq for Alerts {
    fn eq(&self, other: &Alerts) -> bool {
        self.len() == other.len() && self.to_vec() == other.to_vec()
    }
}

/// The alerts of [`Alerts`] in order.
#[derive(Clone)]
pub struct Iter<'a> {
    source: &'a Source,
    raw: std::slice::Iter<'a, Raw>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = AlertRef<'a>;

    fn next(&mut self) -> Option<AlertRef<'a>> {
        self.raw.next().map(|r| view(self.source, r))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.raw.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.raw.next_back().map(|r| view(self.source, r))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Alerts {
    type Item = AlertRef<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}
