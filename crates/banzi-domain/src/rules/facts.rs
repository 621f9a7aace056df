//! The roster indexed for the rules: every string key becomes an integer index (the rank of
//! the code in sorted order, so sorting by index is sorting by code), appointments are grouped
//! by cadre and post and sorted by start, and the joined runs of DOMAIN.md M1 (post, team and
//! level tenure) are computed once. Everything that hashes or sorts happens here, so that
//! [`super::evaluate`] is a linear pass.
//!
//! Rows that refer to a unit, post or cadre missing from the roster are left out (the import
//! refuses them; a database keeps them out with foreign keys). A duplicate code keeps its
//! first row.

use super::texts::{Text, Texts};
use crate::appointment::Period;
use crate::codes::{Education, Gender, Manner, Party, PostKind, PostLevel};
use crate::date::Date;
use std::ops::Range;

/// A range of indices into one of the flat vectors of [`Facts`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Span {
    pub lo: u32,
    pub hi: u32,
}

impl Span {
    pub fn range(self) -> Range<usize> {
        self.lo as usize..self.hi as usize
    }
}

#[derive(Debug, Clone)]
pub(crate) struct UnitF {
    pub code: Text,
    pub name: Text,
    /// 单位类别 市直单位 (R-STRUCT-2, R-TRAIN-1).
    pub city_department: bool,
    /// 单位类别 乡镇(街道): a post here makes a cadre's source 基层 (R-STRUCT-1).
    pub township: bool,
    /// 所属系统 纪检监察, 组织 or 公检法 (R-EXCH-2).
    pub key_system: bool,
    /// 党外干部必配 (R-STRUCT-3).
    pub non_cpc_required: bool,
    /// Its teams, as indices into `Facts::teams`.
    pub teams: Span,
}

/// 领导班子: the posts of one unit sharing a 班子名称.
#[derive(Debug, Clone)]
pub(crate) struct TeamF {
    pub unit: u32,
    /// 班子名称, as one of its posts has it (read trimmed: [`Facts::team_name`]).
    pub name: Text,
    /// Indices into `Facts::team_posts`.
    pub posts: Span,
}

#[derive(Debug, Clone)]
pub(crate) struct PostF {
    pub code: Text,
    /// "局长"; with its unit's name, as messages name it: [`Facts::post_name`].
    pub title: Text,
    pub unit: u32,
    pub team: u32,
    pub kind: PostKind,
    pub seats: u32,
    /// 职务层次 (R-TERM-1, R-PROB-1).
    pub level: Option<PostLevel>,
}

#[derive(Debug, Clone)]
pub(crate) struct CadreF {
    pub id: Text,
    pub name: Text,
    pub gender: Gender,
    pub birth: Date,
    pub party: Party,
    /// Interned: indices into `Facts::words` (0 is the blank word).
    pub ethnicity: u32,
    pub profession: u32,
    pub rank: u32,
    pub ft_education: Option<Education>,
    pub pt_education: Option<Education>,
    pub appts: Span,
    pub portfolios: Span,
    /// Start dates of 专业化能力 trainings (R-TRAIN-1), sorted, in `Facts::pro_trainings`.
    pub trainings: Span,
    /// Every training's start and hours, in `Facts::hours`.
    pub hours: Span,
    /// The first start of an appointment in a 乡镇(街道) unit.
    pub grassroots_from: Option<Date>,
}

/// 任职, with the joined runs it belongs to (joined as DOMAIN.md M1 says: the next starts at
/// most `join_gap_days` after the previous ended).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ApptF {
    pub post: u32,
    pub start: Date,
    pub end: Option<Date>,
    /// This appointment's own 任职方式 (R-STRUCT-4: 挂职 takes no seat).
    pub manner: Option<Manner>,
    /// Start and 任职方式 of the joined run in this post (R-EXCH-1/3/4, R-PROB-1, R-TERM-1).
    pub run_start: Date,
    pub run_manner: Option<Manner>,
    /// Start and 任职方式 of the joined run across the posts of this team (R-EXCH-2; how the
    /// cadre entered the team, R-STRUCT-5).
    pub team_start: Date,
    pub team_manner: Option<Manner>,
}

impl ApptF {
    pub fn holds_on(&self, d: Date) -> bool {
        Period {
            start: self.start,
            end: self.end,
        }
        .holds_on(d)
    }
}

/// 分管工作 (R-EXCH-5).
#[derive(Debug, Clone)]
pub(crate) struct PortF {
    pub post: u32,
    pub work: Text,
    pub start: Date,
    pub end: Option<Date>,
    /// Start of the joined stretch of this 分管工作 across the posts of the post's team.
    pub run_start: Date,
}

/// The roster, indexed. Build it once per load with [`Facts::new`]; evaluate it for any date.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub(crate) units: Vec<UnitF>,
    pub(crate) teams: Vec<TeamF>,
    pub(crate) team_posts: Vec<u32>,
    pub(crate) posts: Vec<PostF>,
    pub(crate) cadres: Vec<CadreF>,
    /// Grouped by cadre (see `CadreF::appts`), then by post, then by start.
    pub(crate) appts: Vec<ApptF>,
    pub(crate) portfolios: Vec<PortF>,
    pub(crate) pro_trainings: Vec<Date>,
    /// Start dates of 挂职 appointments (R-TRAIN-2), sorted.
    pub(crate) secondments: Vec<Date>,
    /// Start of every joined post run with its cadre, by cadre (R-STRUCT-2 plan): read once
    /// per evaluation, so a scan, where sorting a province's by date took longer.
    pub(crate) new_runs: Vec<(Date, u32)>,
    /// Interned free text (民族, 专业领域, 现职级); index 0 is "".
    pub(crate) words: Vec<String>,
    /// The unit with no parent (first by code), for city-wide alerts (R-TRAIN-2).
    pub(crate) root: Option<u32>,
    /// Hours (学时, in tenths) of every training with its start, by cadre (see
    /// `CadreF::hours`), sorted by start (R-TRAIN-1 hours).
    pub(crate) hours: Vec<(Date, u32)>,
    /// The gap the runs were joined with ([`super::Params::join_gap_days`]).
    pub(crate) join_gap_days: u32,
    /// The texts of units, teams, posts, cadres and portfolios.
    pub(crate) texts: Texts,
}

impl Facts {
    pub(crate) fn unit(&self, i: u32) -> &UnitF {
        &self.units[i as usize]
    }
    pub(crate) fn post(&self, i: u32) -> &PostF {
        &self.posts[i as usize]
    }
    pub(crate) fn cadre(&self, i: u32) -> &CadreF {
        &self.cadres[i as usize]
    }
    pub(crate) fn team(&self, i: u32) -> &TeamF {
        &self.teams[i as usize]
    }
    pub(crate) fn word(&self, i: u32) -> &str {
        self.words.get(i as usize).map_or("", String::as_str)
    }
    pub(crate) fn text(&self, t: Text) -> &str {
        self.texts.get(t)
    }
    /// 单位名称.
    pub(crate) fn unit_name(&self, u: u32) -> &str {
        self.text(self.unit(u).name)
    }
    /// 姓名.
    pub(crate) fn cadre_name(&self, c: u32) -> &str {
        self.text(self.cadre(c).name)
    }
    /// 班子名称, trimmed as teams are told apart.
    pub(crate) fn team_name(&self, t: u32) -> &str {
        self.text(self.team(t).name).trim()
    }
    /// "江川市财政局局长": the post's unit's name and its title, as messages name it.
    pub(crate) fn post_name(&self, p: u32) -> String {
        let post = self.post(p);
        super::messages::post_title(self.unit_name(post.unit), self.text(post.title))
    }
    /// "江川市财政局领导班子", as messages name a team (`rule-team`).
    pub(crate) fn team_title(&self, t: u32) -> crate::msg::Msg {
        super::messages::team_title(self.unit_name(self.team(t).unit), self.team_name(t))
    }

    /// Number of units, teams, posts and cadres indexed.
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        (
            self.units.len(),
            self.teams.len(),
            self.posts.len(),
            self.cadres.len(),
        )
    }
}
