//! The roster as a whole (ROSTER_FORMAT.md): parsed rows with their positions, and the
//! checks that span rows and sheets. An import is all or nothing, so every error is
//! collected with sheet, row and column before anything is written (R-SEC-4).

use crate::appointment::{Period, check_no_overlap};
use crate::registry::{Appointment, Cadre, Portfolio, Post, Training, Unit};
use std::collections::{HashMap, HashSet};

/// A parsed row and where it came from (1-based spreadsheet row).
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub row: u32,
    pub value: T,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Roster {
    pub units: Vec<Located<Unit>>,
    pub posts: Vec<Located<Post>>,
    pub cadres: Vec<Located<Cadre>>,
    pub appointments: Vec<Located<Appointment>>,
    pub portfolios: Vec<Located<Portfolio>>,
    pub trainings: Vec<Located<Training>>,
}

/// One problem in a workbook, in the user's terms.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RowError {
    pub sheet: String,
    pub row: u32,
    pub column: String,
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.row == 0 {
            write!(f, "工作表“{}”：{}", self.sheet, self.message)
        } else if self.column.is_empty() {
            write!(
                f,
                "工作表“{}”第{}行：{}",
                self.sheet, self.row, self.message
            )
        } else {
            write!(
                f,
                "工作表“{}”第{}行“{}”列：{}",
                self.sheet, self.row, self.column, self.message
            )
        }
    }
}

/// Keys that already exist in the database, so a workbook may refer to them.
#[derive(Debug, Default)]
pub struct Known {
    pub units: HashSet<String>,
    pub posts: HashSet<String>,
    pub cadres: HashSet<String>,
}

fn err(sheet: &str, row: u32, column: &str, message: impl Into<String>) -> RowError {
    RowError {
        sheet: sheet.into(),
        row,
        column: column.into(),
        message: message.into(),
    }
}

/// Errors kept in full; past this, one last error says how many more there were, so a
/// hostile file cannot fill memory with messages.
pub const MAX_ERRORS: usize = 10_000;

/// A run of rows of one sheet, as a reader hands them on while it is still reading (the
/// import writes one part while the next is parsed). Parts come in sheet order: 单位, 职位,
/// 干部, 任职, 分管, 培训; 单位 and 职位 come whole, the others in chunks.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Units(Vec<Located<Unit>>),
    Posts(Vec<Located<Post>>),
    Cadres(Vec<Located<Cadre>>),
    Appointments(Vec<Located<Appointment>>),
    Portfolios(Vec<Located<Portfolio>>),
    Trainings(Vec<Located<Training>>),
}

impl Part {
    pub fn len(&self) -> usize {
        match self {
            Part::Units(v) => v.len(),
            Part::Posts(v) => v.len(),
            Part::Cadres(v) => v.len(),
            Part::Appointments(v) => v.len(),
            Part::Portfolios(v) => v.len(),
            Part::Trainings(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What a streaming reader sends: parts, then exactly one `End` with the errors it found
/// (none when the workbook read cleanly). A feed that stops without `End` is broken and
/// nothing of it may be kept.
#[derive(Debug, Clone, PartialEq)]
pub enum Feed {
    Part(Part),
    End(Vec<RowError>),
}

impl Roster {
    /// The roster as the parts a streaming reader would send, whole sheets in sheet order.
    pub fn into_parts(self) -> [Part; 6] {
        [
            Part::Units(self.units),
            Part::Posts(self.posts),
            Part::Cadres(self.cadres),
            Part::Appointments(self.appointments),
            Part::Portfolios(self.portfolios),
            Part::Trainings(self.trainings),
        ]
    }
}

/// Checks what single rows cannot: duplicates, references across sheets, the unit tree
/// having no cycle, and one cadre's appointments to one post not overlapping.
pub fn check(r: &Roster, known: Known) -> Vec<RowError> {
    let mut c = Checker::new(known);
    let mut out = c.units(&r.units);
    out.extend(c.posts(&r.posts));
    out.extend(c.cadres(&r.cadres));
    out.extend(c.appointments(&r.appointments));
    out.extend(c.portfolios(&r.portfolios));
    out.extend(c.trainings(&r.trainings));
    out
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::{Gender, Party, PostKind, UnitSystem};
    use crate::date::parse_date;
    use crate::id_number::synthesize;

    fn at<T>(row: u32, value: T) -> Located<T> {
        Located { row, value }
    }

    fn cadre(n: u32) -> Cadre {
        let birth = parse_date("1975-03-04").unwrap();
        Cadre {
            id_number: synthesize(320102, birth, n, Gender::Male),
            name: format!("干部{n}"),
            gender: Gender::Male,
            ethnicity: "汉族".into(),
            birth_date: birth,
            native_place: String::new(),
            party: Party::Cpc,
            party_joined: None,
            work_started: None,
            ft_education: None,
            ft_degree: None,
            ft_school: String::new(),
            pt_education: None,
            pt_degree: None,
            pt_school: String::new(),
            profession: String::new(),
            rank: String::new(),
        }
    }

    fn appointment(c: &Cadre, post: &str, start: &str, end: Option<&str>) -> Appointment {
        Appointment {
            id_number: c.id_number.clone(),
            post_code: post.into(),
            start: parse_date(start).unwrap(),
            end: end.map(|e| parse_date(e).unwrap()),
            manner: None,
            doc_no: String::new(),
        }
    }

    /// A roster with one error of every cross-sheet kind.
    fn flawed() -> Roster {
        let unit = |code: &str, parent: Option<&str>| Unit {
            code: code.into(),
            name: code.into(),
            parent_code: parent.map(Into::into),
            category: "市直单位".into(),
            platform: String::new(),
            system: UnitSystem::Other,
            non_cpc_required: false,
        };
        let post = |code: &str, unit: &str| Post {
            code: code.into(),
            unit_code: unit.into(),
            team: String::new(),
            title: "局长".into(),
            kind: PostKind::Principal,
            seats: 1,
        };
        let cadres: Vec<Cadre> = (1..=4).map(cadre).collect();
        let outsider = cadre(9);
        Roster {
            units: vec![
                at(2, unit("A", None)),
                at(3, unit("B", Some("Z"))),
                at(4, unit("A", None)),
            ],
            posts: vec![
                at(2, post("P1", "A")),
                at(3, post("P2", "Q")),
                at(4, post("P1", "A")),
            ],
            cadres: cadres
                .iter()
                .enumerate()
                .map(|(i, c)| at(i as u32 + 2, c.clone()))
                .chain([at(6, cadres[0].clone())])
                .collect(),
            appointments: vec![
                at(
                    2,
                    appointment(&cadres[0], "P1", "2010-01-01", Some("2015-01-01")),
                ),
                at(3, appointment(&cadres[1], "P1", "2012-01-01", None)),
                at(4, appointment(&cadres[2], "PX", "2012-01-01", None)),
                at(5, appointment(&outsider, "P1", "2012-01-01", None)),
                at(6, appointment(&cadres[0], "P1", "2014-06-01", None)),
                at(7, appointment(&cadres[0], "KNOWN-POST", "2014-06-01", None)),
            ],
            portfolios: vec![],
            trainings: vec![],
        }
    }

    fn known() -> Known {
        Known {
            posts: ["KNOWN-POST".to_string()].into(),
            ..Known::default()
        }
    }

    #[test]
    fn every_cross_sheet_error_is_found_with_its_place() {
        let errors: Vec<(String, u32, String)> = check(&flawed(), known())
            .into_iter()
            .map(|e| (e.sheet, e.row, e.column))
            .collect();
        let want = [
            ("单位", 4, "单位编码"),
            ("单位", 3, "上级单位编码"),
            ("职位", 3, "单位编码"),
            ("职位", 4, "职位编码"),
            ("干部", 6, "身份证号"),
            ("任职", 4, "职位编码"),
            ("任职", 5, "身份证号"),
            ("任职", 6, "任职开始"),
        ];
        let want: Vec<(String, u32, String)> = want
            .iter()
            .map(|(s, r, c)| (s.to_string(), *r, c.to_string()))
            .collect();
        assert_eq!(errors, want);
    }

    #[test]
    fn a_roster_checked_in_chunks_finds_what_it_finds_whole() {
        let r = flawed();
        let whole = check(&r, known());
        let mut c = Checker::new(known());
        let mut chunked = c.units(&r.units);
        chunked.extend(c.posts(&r.posts));
        for part in r.cadres.chunks(2) {
            chunked.extend(c.part(&Part::Cadres(part.to_vec())));
        }
        for part in r.appointments.chunks(1) {
            chunked.extend(c.part(&Part::Appointments(part.to_vec())));
        }
        assert_eq!(chunked, whole);
    }
}
