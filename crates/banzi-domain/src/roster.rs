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

/// Checks what single rows cannot: duplicates, references across sheets, the unit tree
/// having no cycle, and one cadre's appointments to one post not overlapping.
pub fn check(r: &Roster, known: &Known) -> Vec<RowError> {
    let mut out = Vec::new();
    let mut units: HashMap<&str, u32> = HashMap::new();
    for u in &r.units {
        if let Some(first) = units.insert(&u.value.code, u.row) {
            out.push(err(
                "单位",
                u.row,
                "单位编码",
                format!("单位编码“{}”与第{}行重复", u.value.code, first),
            ));
        }
    }
    let has_unit = |c: &str| units.contains_key(c) || known.units.contains(c);
    let parents: HashMap<&str, &str> = r
        .units
        .iter()
        .filter_map(|u| {
            u.value
                .parent_code
                .as_deref()
                .map(|p| (u.value.code.as_str(), p))
        })
        .collect();
    for u in &r.units {
        if let Some(p) = &u.value.parent_code {
            if !has_unit(p) {
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
    let mut posts: HashMap<&str, u32> = HashMap::new();
    for p in &r.posts {
        if let Some(first) = posts.insert(&p.value.code, p.row) {
            out.push(err(
                "职位",
                p.row,
                "职位编码",
                format!("职位编码“{}”与第{}行重复", p.value.code, first),
            ));
        }
        if !has_unit(&p.value.unit_code) {
            out.push(err(
                "职位",
                p.row,
                "单位编码",
                format!("单位“{}”不存在", p.value.unit_code),
            ));
        }
    }
    let has_post = |c: &str| posts.contains_key(c) || known.posts.contains(c);
    let mut cadres: HashMap<&str, u32> = HashMap::new();
    for c in &r.cadres {
        if let Some(first) = cadres.insert(c.value.id_number.as_str(), c.row) {
            out.push(err(
                "干部",
                c.row,
                "身份证号",
                format!("身份证号与第{first}行重复"),
            ));
        }
    }
    let has_cadre = |c: &str| cadres.contains_key(c) || known.cadres.contains(c);
    let mut periods: HashMap<(&str, &str), Vec<Period>> = HashMap::new();
    for a in &r.appointments {
        let v = &a.value;
        if !has_cadre(v.id_number.as_str()) {
            out.push(err(
                "任职",
                a.row,
                "身份证号",
                "该身份证号的干部不在“干部”表中",
            ));
        }
        if !has_post(&v.post_code) {
            out.push(err(
                "任职",
                a.row,
                "职位编码",
                format!("职位“{}”不存在", v.post_code),
            ));
        }
        let period = Period {
            start: v.start,
            end: v.end,
        };
        let have = periods
            .entry((v.id_number.as_str(), v.post_code.as_str()))
            .or_default();
        if let Err(m) = check_no_overlap(have, period) {
            out.push(err("任职", a.row, "任职开始", m));
        }
        have.push(period);
    }
    for p in &r.portfolios {
        if !has_cadre(p.value.id_number.as_str()) {
            out.push(err(
                "分管",
                p.row,
                "身份证号",
                "该身份证号的干部不在“干部”表中",
            ));
        }
        if !has_post(&p.value.post_code) {
            out.push(err(
                "分管",
                p.row,
                "职位编码",
                format!("职位“{}”不存在", p.value.post_code),
            ));
        }
    }
    for t in &r.trainings {
        if !has_cadre(t.value.id_number.as_str()) {
            out.push(err(
                "培训",
                t.row,
                "身份证号",
                "该身份证号的干部不在“干部”表中",
            ));
        }
    }
    out
}
