//! Inputs and outputs of [`crate::Store`] calls.

use crate::rows::*;
use banzi_domain::DomainError;
use banzi_domain::cadre::{FamilyMember, ResumeLine, RewardEntry, YearRating};
use banzi_domain::registry::Cadre;
use banzi_domain::role::Role;
use banzi_domain::roster::RowError;

/// The filter value that asks for the cadres whose field is blank (shown as 未填 by the
/// structure, R-STRUCT-1): `profession=__blank__`, `ethnicity=__blank__`,
/// `education=__blank__` (neither 学历), `ft_education=__blank__`, `top_education=__blank__`.
pub const BLANK: &str = "__blank__";

/// Cadre search: text (name, pinyin, initials or ID number) and filters. Age bounds arrive
/// as birth-date bounds (see `banzi_domain::date::birth_bounds`).
#[derive(Debug, Clone, Default)]
pub struct CadreFilter {
    pub q: Option<String>,
    pub unit: Option<String>,
    pub gender: Option<String>,
    /// Born strictly after (age ≤ max).
    pub born_after: Option<String>,
    /// Born on or before (age ≥ min).
    pub born_until: Option<String>,
    /// A 政治面貌 label, or `党外`.
    pub party: Option<String>,
    /// 学历, 全日制 or 在职 (either); [`BLANK`]: neither is filled.
    pub education: Option<String>,
    /// 全日制学历, exactly; [`BLANK`]: not filled.
    pub ft_education: Option<String>,
    /// 最高学历 (the higher of 全日制 and 在职, as R-STRUCT-1 counts it); [`BLANK`]: neither.
    pub top_education: Option<String>,
    pub rank: Option<String>,
    /// 民族, exactly (`汉族`); [`BLANK`]: not filled.
    pub ethnicity: Option<String>,
    /// 专业领域, exactly; [`BLANK`]: not filled.
    pub profession: Option<String>,
    /// Holds at least one appointment on this day (start ≤ day < end), in `unit` when that is
    /// given: the cadres the structure of that day counts (R-STRUCT-1). The posts listed are
    /// then those of this day, and the unit filter looks at this day too; the liaison scope
    /// stays on `today`. Age bounds for such a list are reckoned on this day by the caller.
    pub in_post: Option<String>,
    /// The day "current post" means.
    pub today: String,
    pub page: i64,
    pub per_page: i64,
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor: Option<String>,
    pub entity: Option<String>,
    pub key: Option<String>,
    /// Entries at or after this time (stored form, RFC 3339 UTC).
    pub from: Option<String>,
    /// Entries before this time (stored form).
    pub until: Option<String>,
    pub page: i64,
    pub per_page: i64,
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub login: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: Role,
    pub unit_code: Option<String>,
}

/// Where a sign-in attempt stands before its password is checked (R-SEC-2).
#[derive(Debug, Clone, Default)]
pub struct SignInGate {
    /// Failed sign-ins from the source address inside the window, any login.
    pub source_failures: i64,
    /// The latest of them.
    pub last_failure: Option<String>,
    /// The end of a lock of this login for this source, while it lasts.
    pub locked_until: Option<String>,
}

/// Whether saving a cadre may create, update, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    MustBeNew,
    MustExist,
    Either,
}

/// One line added to a cadre's record.
#[derive(Debug, Clone)]
pub enum CadreRecord {
    Resume(ResumeLine),
    Family(FamilyMember),
    Reward(RewardEntry),
    Rating(YearRating),
}

/// Which list of a cadre's record a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    Resume,
    Family,
    Reward,
    Rating,
}

impl RecordKind {
    pub fn parse(s: &str) -> Option<RecordKind> {
        match s {
            "resume" => Some(RecordKind::Resume),
            "family" => Some(RecordKind::Family),
            "reward" => Some(RecordKind::Reward),
            "rating" => Some(RecordKind::Rating),
            _ => None,
        }
    }
}

/// What an import wrote (rows equal to the stored ones are not counted).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    pub units: usize,
    pub posts: usize,
    pub cadres: usize,
    pub appointments: usize,
    pub portfolios: usize,
    pub trainings: usize,
}

impl ImportSummary {
    pub fn total(&self) -> usize {
        self.units + self.posts + self.cadres + self.appointments + self.portfolios + self.trainings
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// For logs; a page lists the errors.
    #[error("the workbook has {} errors; nothing was imported", .0.len())]
    Rows(Vec<RowError>),
    #[error(transparent)]
    Other(#[from] DomainError),
}

/// A cadre's whole record, for the profile page.
#[derive(Debug, Clone)]
pub struct CadreDetail {
    pub row: CadreRow,
    pub cadre: Cadre,
    pub resume: Vec<ResumeRow>,
    pub family: Vec<FamilyRow>,
    pub rewards: Vec<RewardRow>,
    pub ratings: Vec<RatingRow>,
    pub appointments: Vec<AppointmentRow>,
    pub portfolios: Vec<PortfolioRow>,
    pub trainings: Vec<TrainingRow>,
    pub has_photo: bool,
}

/// A unit's teams: posts and who holds them today.
#[derive(Debug, Clone)]
pub struct TeamView {
    pub unit: UnitRow,
    pub posts: Vec<PostRow>,
    pub holders: Vec<HolderRow>,
}
