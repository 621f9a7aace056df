//! The checks that span rows and sheets, a part at a time.

use super::{Key, Known, Located, Part, RowError, err};
use crate::appointment::{Period, check_no_overlap};
use crate::message;
use crate::msg::Msg;
use crate::registry::{Appointment, Cadre, Portfolio, Post, Training, Unit};
use std::collections::HashMap;

/// [`check`] a part at a time, in sheet order: each part is checked against the database's
/// keys and the parts before it, so a roster checked in chunks finds exactly the errors
/// it would find whole. Keys are numbered once, so appointment histories are keyed by two
/// integers rather than two strings.
///
/// Rows a reader refused for their own errors ([`Checker::refused`]) still count as there
/// for the rows that refer to them: one wrong cell of a 干部 row is one error, not one more
/// on each of that cadre's appointments. Their keys are checked for repeats like any other.
///
/// [`check`]: super::check
#[derive(Debug, Default)]
pub struct Checker {
    known: Known,
    /// Each 单位编码 by the row it is first on.
    units: HashMap<String, u32>,
    /// Each 职位编码 (身份证号) by the row it is first on, and its number.
    posts: HashMap<String, (u32, u32)>,
    cadres: HashMap<String, (u32, u32)>,
    /// Numbers of posts and cadres known only from the database.
    known_numbers: HashMap<String, u32>,
    periods: HashMap<(u32, u32), Vec<Period>>,
}

/// `该身份证号的干部不在“干部”表中`.
const NOT_IN_CADRES: Msg = Msg::new("roster-not-in-cadres");

/// Numbers `key`, first seen at `row`, in `map`; when it was seen before, returns the
/// repeat as [`repeat`] does.
fn numbered(map: &mut HashMap<String, (u32, u32)>, key: &str, row: u32) -> Option<(u32, u32)> {
    let n = map.len() as u32;
    match map.get_mut(key) {
        Some((first, _)) => Some(repeat(first, row)),
        None => {
            map.insert(key.to_string(), (row, n));
            None
        }
    }
}

/// A key seen again at `row` that was first at `*first`: the later of the two rows is the
/// repeat, returned with the earlier, which `*first` becomes. Rows refused for their own
/// errors are checked just before the part beside them, so the later row does not always
/// come last.
fn repeat(first: &mut u32, row: u32) -> (u32, u32) {
    let (later, earlier) = (row.max(*first), row.min(*first));
    *first = earlier;
    (later, earlier)
}

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
            self.unit_key(&u.value.code, u.row, &mut out);
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
                        message!("reg-parent-missing", code = p),
                    ));
                    continue;
                }
                // Walk up; a cycle returns to this unit.
                let mut at = p.as_str();
                for _ in 0..=parents.len() {
                    if at == u.value.code {
                        out.push(err(
                            "单位",
                            u.row,
                            "上级单位编码",
                            Msg::new("roster-parent-cycle"),
                        ));
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
            self.post_key(&p.value.code, p.row, &mut out);
            if !self.has_unit(&p.value.unit_code) {
                out.push(err(
                    "职位",
                    p.row,
                    "单位编码",
                    message!("reg-unit-missing", code = &p.value.unit_code),
                ));
            }
        }
        out
    }

    pub fn cadres(&mut self, cadres: &[Located<Cadre>]) -> Vec<RowError> {
        let mut out = Vec::new();
        self.cadres.reserve(cadres.len());
        for c in cadres {
            self.cadre_key(c.value.id_number.as_str(), c.row, &mut out);
        }
        out
    }

    fn unit_key(&mut self, code: &str, row: u32, out: &mut Vec<RowError>) {
        match self.units.get_mut(code) {
            Some(first) => {
                let (row, first) = repeat(first, row);
                out.push(err(
                    "单位",
                    row,
                    "单位编码",
                    message!(
                        "roster-unit-code-repeated",
                        code = code.to_string(),
                        first = first
                    ),
                ));
            }
            None => {
                self.units.insert(code.to_string(), row);
            }
        }
    }

    fn post_key(&mut self, code: &str, row: u32, out: &mut Vec<RowError>) {
        if let Some((row, first)) = numbered(&mut self.posts, code, row) {
            out.push(err(
                "职位",
                row,
                "职位编码",
                message!(
                    "roster-post-code-repeated",
                    code = code.to_string(),
                    first = first
                ),
            ));
        }
    }

    fn cadre_key(&mut self, id: &str, row: u32, out: &mut Vec<RowError>) {
        if let Some((row, first)) = numbered(&mut self.cadres, id, row) {
            out.push(err(
                "干部",
                row,
                "身份证号",
                message!("roster-id-number-repeated", first = first),
            ));
        }
    }

    /// Rows refused for their own errors, by the keys they still have ([`Feed::Refused`]):
    /// from now on rows may refer to them. Returns the repeats among those keys. Called
    /// before the part that follows them, so a 单位 refused this way is known to the 单位
    /// part and its parent links.
    ///
    /// [`Feed::Refused`]: super::Feed::Refused
    pub fn refused(&mut self, keys: &[Located<Key>]) -> Vec<RowError> {
        let mut out = Vec::new();
        for k in keys {
            match &k.value {
                Key::Unit(code) => self.unit_key(code, k.row, &mut out),
                Key::Post(code) => self.post_key(code, k.row, &mut out),
                Key::Cadre(id) => self.cadre_key(id.as_str(), k.row, &mut out),
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
                    message!("reg-post-missing", code = &v.post_code),
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
                    message!("reg-post-missing", code = &p.value.post_code),
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
