//! The registry as the rules read it: only the fields they use, and rows that refer to one
//! another by position (an appointment's `cadre` is an index into `cadres`) rather than by
//! code. A database has already joined its rows by row id when it reads them, so handing over
//! positions spares [`super::Facts::from_rows`] looking a million codes up again (issue 3: that was a
//! third of indexing a province). [`Rows::from_roster`] resolves a roster's codes instead.
//!
//! Texts (codes, names …) are [`Text`]s into the rows' one [`Texts`] buffer (issue 18).
//!
//! A reference out of range is left out with its row, as a code missing from the roster is.

use super::keys::{Index, Lookup};
use super::texts::{Text, Texts};
use crate::codes::{
    Education, Gender, Manner, Party, PostKind, PostLevel, TrainingKind, UnitSystem,
};
use crate::date::Date;
use crate::roster::Roster;

/// 单位.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRow {
    pub code: Text,
    pub name: Text,
    /// Has a parent unit: the one without is the city (R-TRAIN-2).
    pub has_parent: bool,
    pub category: Text,
    pub system: UnitSystem,
    pub non_cpc_required: bool,
}

/// 职位.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostRow {
    pub code: Text,
    /// Index into [`Rows::units`].
    pub unit: u32,
    /// 班子名称.
    pub team: Text,
    pub title: Text,
    pub kind: PostKind,
    pub seats: i64,
    /// 职务层次 (R-TERM-1, R-PROB-1); none when unknown.
    pub level: Option<PostLevel>,
}

/// 干部.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CadreRow {
    /// 身份证号, as stored.
    pub id: Text,
    pub name: Text,
    pub gender: Gender,
    pub birth: Date,
    pub party: Party,
    pub ethnicity: Text,
    pub profession: Text,
    pub rank: Text,
    pub ft_education: Option<Education>,
    pub pt_education: Option<Education>,
}

/// 任职.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppointmentRow {
    /// Index into [`Rows::cadres`].
    pub cadre: u32,
    /// Index into [`Rows::posts`].
    pub post: u32,
    pub start: Date,
    pub end: Option<Date>,
    pub manner: Option<Manner>,
}

/// 分管工作.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortfolioRow {
    pub cadre: u32,
    pub post: u32,
    pub work: Text,
    pub start: Date,
    pub end: Option<Date>,
}

/// 培训.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainingRow {
    pub cadre: u32,
    pub kind: TrainingKind,
    pub start: Date,
    /// 学时 in tenths of an hour (0 when blank), R-TRAIN-1.
    pub hours_tenths: u32,
}

/// 学时 as tenths of an hour, the way the roster writes them (one decimal at most in practice);
/// blank or nonsense is 0.
pub fn hours_tenths(hours: Option<f64>) -> u32 {
    match hours {
        Some(h) if h.is_finite() && h > 0.0 => (h * 10.0).round().min(f64::from(u32::MAX)) as u32,
        _ => 0,
    }
}

/// The registry for [`super::Facts::from_rows`]. Rows of one table may come in any order;
/// portfolios keep theirs among equal keys (see `Facts::from_rows`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    pub units: Vec<UnitRow>,
    pub posts: Vec<PostRow>,
    pub cadres: Vec<CadreRow>,
    pub appointments: Vec<AppointmentRow>,
    pub portfolios: Vec<PortfolioRow>,
    pub trainings: Vec<TrainingRow>,
    /// The texts of every row.
    pub texts: Texts,
}

/// Stands for a code the roster does not have: out of range of every table.
const MISSING: u32 = u32::MAX;

impl Rows {
    /// A roster's rows, its codes resolved to the first row that has them (a post to the
    /// first whose unit exists, as [`super::Facts`] keeps it). Rows naming a code that no row has
    /// are left out here already.
    pub fn from_roster(r: &Roster) -> Rows {
        let mut texts = Texts::default();
        let unit_ix = Index::new(r.units.iter().map(|u| u.value.code.as_str()));
        let units = r
            .units
            .iter()
            .map(|u| {
                let u = &u.value;
                UnitRow {
                    code: texts.add(&u.code),
                    name: texts.add(&u.name),
                    has_parent: u.parent_code.is_some(),
                    category: texts.add(&u.category),
                    system: u.system,
                    non_cpc_required: u.non_cpc_required,
                }
            })
            .collect();
        let mut posts = Vec::with_capacity(r.posts.len());
        let mut post_codes = Vec::with_capacity(r.posts.len());
        for p in &r.posts {
            let p = &p.value;
            if let Some(unit) = unit_ix.get(&p.unit_code) {
                post_codes.push(p.code.as_str());
                posts.push(PostRow {
                    code: texts.add(&p.code),
                    unit,
                    team: texts.add(&p.team),
                    title: texts.add(&p.title),
                    kind: p.kind,
                    seats: p.seats,
                    level: p.level,
                });
            }
        }
        let post_ix = Index::new(post_codes.into_iter());
        let cadre_ix = Index::new(r.cadres.iter().map(|c| c.value.id_number.as_str()));
        let cadres = r
            .cadres
            .iter()
            .map(|c| {
                let c = &c.value;
                CadreRow {
                    id: texts.add(c.id_number.as_str()),
                    name: texts.add(&c.name),
                    gender: c.gender,
                    birth: c.birth_date,
                    party: c.party,
                    ethnicity: texts.add(&c.ethnicity),
                    profession: texts.add(&c.profession),
                    rank: texts.add(&c.rank),
                    ft_education: c.ft_education,
                    pt_education: c.pt_education,
                }
            })
            .collect();
        let (mut cadre_of, mut post_of) = (Lookup::new(&cadre_ix), Lookup::new(&post_ix));
        let appointments = r
            .appointments
            .iter()
            .map(|a| {
                let a = &a.value;
                AppointmentRow {
                    cadre: cadre_of.get(a.id_number.as_str()).unwrap_or(MISSING),
                    post: post_of.get(&a.post_code).unwrap_or(MISSING),
                    start: a.start,
                    end: a.end,
                    manner: a.manner,
                }
            })
            .collect();
        let portfolios = r
            .portfolios
            .iter()
            .map(|p| {
                let p = &p.value;
                PortfolioRow {
                    cadre: cadre_of.get(p.id_number.as_str()).unwrap_or(MISSING),
                    post: post_of.get(&p.post_code).unwrap_or(MISSING),
                    work: texts.add(&p.work),
                    start: p.start,
                    end: p.end,
                }
            })
            .collect();
        let trainings = r
            .trainings
            .iter()
            .map(|t| TrainingRow {
                cadre: cadre_of.get(t.value.id_number.as_str()).unwrap_or(MISSING),
                kind: t.value.kind,
                start: t.value.start,
                hours_tenths: hours_tenths(t.value.hours),
            })
            .collect();
        Rows {
            units,
            posts,
            cadres,
            appointments,
            portfolios,
            trainings,
            texts,
        }
    }
}
