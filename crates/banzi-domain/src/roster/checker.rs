//! The checks that span rows and sheets, a part at a time.

use super::{Known, Located, Part, RowError, err};
use crate::appointment::{Period, check_no_overlap};
use crate::registry::{Appointment, Cadre, Portfolio, Post, Training, Unit};
use std::collections::HashMap;

/// [`check`] a part at a time, in sheet order: each part is checked against the database's
/// keys and the parts before it, so a roster checked in chunks finds exactly the errors
/// it would find whole. Keys are numbered once, so appointment histories are keyed by two
/// integers rather than two strings.
#[derive(Debug, Default)]
pub struct Checker {
    known: Known,
    units: HashMap<String, u32>,
    posts: HashMap<String, (u32, u32)>,
    cadres: HashMap<String, (u32, u32)>,
    /// Numbers of posts and cadres known only from the database.
    known_numbers: HashMap<String, u32>,
    periods: HashMap<(u32, u32), Vec<Period>>,
}

const NOT_IN_CADRES: &str = "该身份证号的干部不在“干部”表中";

impl Checker {
    pub fn new(known: Known) -> Self {
        Self {
            known,
            ..Self::default()
        }
    }

    fn has_unit(&self, code: &str) -> bool {
        self.units.contains_key(code) || self.known.units.contains(code)
    }

    fn number(&mut self, key: &str) -> u32 {
        let next = self.known_numbers.len() as u32 + (1 << 31);
        *self.known_numbers.entry(key.to_string()).or_insert(next)
    }

    /// The number of post `code`, or None when neither the roster nor the database has it.
    fn post(&mut self, code: &str) -> Option<u32> {
        match self.posts.get(code) {
            Some(&(_, n)) => Some(n),
            None if self.known.posts.contains(code) => Some(self.number(code)),
            None => None,
        }
    }

    fn cadre(&mut self, id: &str) -> Option<u32> {
        match self.cadres.get(id) {
            Some(&(_, n)) => Some(n),
            None if self.known.cadres.contains(id) => Some(self.number(id)),
            None => None,
        }
    }

    /// The 单位 sheet, whole: the cycle check needs every parent link.
    pub fn units(&mut self, units: &[Located<Unit>]) -> Vec<RowError> {
        let mut out = Vec::new();
        for u in units {
            if let Some(first) = self.units.get(&u.value.code) {
                out.push(err(
                    "单位",
                    u.row,
                    "单位编码",
                    format!("单位编码“{}”与第{}行重复", u.value.code, first),
                ));
            } else {
                self.units.insert(u.value.code.clone(), u.row);
            }
        }
        let parents: HashMap<&str, &str> = units
            .iter()
            .filter_map(|u| {
                u.value
                    .parent_code
                    .as_deref()
                    .map(|p| (u.value.code.as_str(), p))
            })
            .collect();
        for u in units {
            if let Some(p) = &u.value.parent_code {
                if !self.has_unit(p) {
                    out.push(err(
                        "单位",
                        u.row,
                        "上级单位编码",
                        format!("上级单位“{p}”不存在"),
                    ));
                    continue;
                }
                // Walk up; a cycle returns to this unit.
                let mut at = p.as_str();
                for _ in 0..=parents.len() {
                    if at == u.value.code {
                        out.push(err("单位", u.row, "上级单位编码", "上级单位关系形成循环"));
                        break;
                    }
                    match parents.get(at) {
                        Some(next) => at = next,
                        None => break,
                    }
                }
            }
        }
        out
    }

    pub fn posts(&mut self, posts: &[Located<Post>]) -> Vec<RowError> {
        let mut out = Vec::new();
        for p in posts {
            let n = self.posts.len() as u32;
            if let Some(&(first, _)) = self.posts.get(&p.value.code) {
                out.push(err(
                    "职位",
                    p.row,
                    "职位编码",
                    format!("职位编码“{}”与第{}行重复", p.value.code, first),
                ));
            } else {
                self.posts.insert(p.value.code.clone(), (p.row, n));
            }
            if !self.has_unit(&p.value.unit_code) {
                out.push(err(
                    "职位",
                    p.row,
                    "单位编码",
                    format!("单位“{}”不存在", p.value.unit_code),
                ));
            }
        }
        out
    }

    pub fn cadres(&mut self, cadres: &[Located<Cadre>]) -> Vec<RowError> {
        let mut out = Vec::new();
        self.cadres.reserve(cadres.len());
        for c in cadres {
            let n = self.cadres.len() as u32;
            if let Some(&(first, _)) = self.cadres.get(c.value.id_number.as_str()) {
                out.push(err(
                    "干部",
                    c.row,
                    "身份证号",
                    format!("身份证号与第{first}行重复"),
                ));
            } else {
                self.cadres
                    .insert(c.value.id_number.as_str().to_string(), (c.row, n));
            }
        }
        out
    }

    pub fn appointments(&mut self, appointments: &[Located<Appointment>]) -> Vec<RowError> {
        let mut out = Vec::new();
        for a in appointments {
            let v = &a.value;
            let cadre = self.cadre(v.id_number.as_str());
            if cadre.is_none() {
                out.push(err("任职", a.row, "身份证号", NOT_IN_CADRES));
            }
            let post = self.post(&v.post_code);
            if post.is_none() {
                out.push(err(
                    "任职",
                    a.row,
                    "职位编码",
                    format!("职位“{}”不存在", v.post_code),
                ));
            }
            let (Some(cadre), Some(post)) = (cadre, post) else {
                continue;
            };
            let period = Period {
                start: v.start,
                end: v.end,
            };
            let have = self.periods.entry((cadre, post)).or_default();
            if let Err(m) = check_no_overlap(have, period) {
                out.push(err("任职", a.row, "任职开始", m));
            }
            have.push(period);
        }
        out
    }

    pub fn portfolios(&mut self, portfolios: &[Located<Portfolio>]) -> Vec<RowError> {
        let mut out = Vec::new();
        for p in portfolios {
            if self.cadre(p.value.id_number.as_str()).is_none() {
                out.push(err("分管", p.row, "身份证号", NOT_IN_CADRES));
            }
            if self.post(&p.value.post_code).is_none() {
                out.push(err(
                    "分管",
                    p.row,
                    "职位编码",
                    format!("职位“{}”不存在", p.value.post_code),
                ));
            }
        }
        out
    }

    pub fn trainings(&mut self, trainings: &[Located<Training>]) -> Vec<RowError> {
        let mut out = Vec::new();
        for t in trainings {
            if self.cadre(t.value.id_number.as_str()).is_none() {
                out.push(err("培训", t.row, "身份证号", NOT_IN_CADRES));
            }
        }
        out
    }

    /// Checks one part; see [`Checker`].
    pub fn part(&mut self, part: &Part) -> Vec<RowError> {
        match part {
            Part::Units(v) => self.units(v),
            Part::Posts(v) => self.posts(v),
            Part::Cadres(v) => self.cadres(v),
            Part::Appointments(v) => self.appointments(v),
            Part::Portfolios(v) => self.portfolios(v),
            Part::Trainings(v) => self.trainings(v),
        }
    }
}
