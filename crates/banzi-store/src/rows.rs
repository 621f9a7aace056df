//! Rows as both backends return them. Enumerations are stored as their Chinese labels,
//! dates as ISO text; `into_*` re-checks them into domain values.

use banzi_domain::DomainError;
use banzi_domain::registry::{Cadre, CadreRaw};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct UnitRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub parent_code: Option<String>,
    pub category: String,
    pub platform: String,
    pub system: String,
    pub non_cpc_required: bool,
}

/// A unit as the tree and the unit search show it (issue 18, item 1): with its parent's
/// name and how many units are under it and how many seats (职数) its posts have.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct UnitNode {
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub unit: UnitRow,
    pub parent_name: Option<String>,
    pub children: i64,
    pub seats: i64,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct PostRow {
    pub id: i64,
    pub code: String,
    pub unit_code: String,
    pub unit_name: String,
    pub team_id: i64,
    pub team: String,
    pub title: String,
    pub kind: String,
    pub seats: i64,
    /// 职务层次: a `PostLevel` label, none when unknown.
    pub level: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct CadreRow {
    pub id: i64,
    pub id_number: String,
    pub name: String,
    pub name_pinyin: String,
    pub gender: String,
    pub ethnicity: String,
    pub birth_date: String,
    pub native_place: String,
    pub party: String,
    pub party_joined: Option<String>,
    pub work_started: Option<String>,
    pub ft_education: Option<String>,
    pub ft_degree: Option<String>,
    pub ft_school: String,
    pub pt_education: Option<String>,
    pub pt_degree: Option<String>,
    pub pt_school: String,
    pub profession: String,
    pub rank: String,
}

impl CadreRow {
    pub fn to_raw(&self) -> CadreRaw {
        let o = |s: &Option<String>| s.clone().unwrap_or_default();
        CadreRaw {
            id_number: self.id_number.clone(),
            name: self.name.clone(),
            gender: self.gender.clone(),
            ethnicity: self.ethnicity.clone(),
            birth_date: self.birth_date.clone(),
            native_place: self.native_place.clone(),
            party: self.party.clone(),
            party_joined: o(&self.party_joined),
            work_started: o(&self.work_started),
            ft_education: o(&self.ft_education),
            ft_degree: o(&self.ft_degree),
            ft_school: self.ft_school.clone(),
            pt_education: o(&self.pt_education),
            pt_degree: o(&self.pt_degree),
            pt_school: self.pt_school.clone(),
            profession: self.profession.clone(),
            rank: self.rank.clone(),
        }
    }

    pub fn into_cadre(&self) -> Result<Cadre, DomainError> {
        Cadre::from_stored(&self.to_raw()).map_err(|e| {
            DomainError::Internal(format!("stored cadre {} is malformed: {e}", self.id_number))
        })
    }
}

/// A cadre in a list: what the search page shows.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct CadreListRow {
    /// The cadre's address (`/cadres/{id}`), never its ID number.
    pub id: i64,
    pub id_number: String,
    pub name: String,
    pub gender: String,
    pub birth_date: String,
    pub party: String,
    pub ft_education: Option<String>,
    pub pt_education: Option<String>,
    pub rank: String,
    /// Current posts, "单位 职位" joined by "；".
    pub posts: Option<String>,
    /// The post held last ("单位 职位"), for one who holds none now (None for one who does).
    pub last_post: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct AppointmentRow {
    pub id: i64,
    pub id_number: String,
    pub cadre_name: String,
    pub post_code: String,
    pub post_title: String,
    pub post_kind: String,
    pub unit_code: String,
    pub unit_name: String,
    pub team: String,
    pub start_date: String,
    pub end_date: Option<String>,
    pub manner: Option<String>,
    pub doc_no: String,
    pub end_doc_no: String,
}

/// A current holder of a post as the team page shows them.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct HolderRow {
    pub appointment_id: i64,
    pub post_id: i64,
    /// The cadre's row id: its address.
    pub cadre_id: i64,
    pub id_number: String,
    pub name: String,
    pub gender: String,
    pub birth_date: String,
    pub party: String,
    pub ft_education: Option<String>,
    pub pt_education: Option<String>,
    pub start_date: String,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct PortfolioRow {
    pub id: i64,
    pub id_number: String,
    pub post_code: String,
    pub work: String,
    pub start_date: String,
    pub end_date: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct TrainingRow {
    pub id: i64,
    pub id_number: String,
    pub name: String,
    pub kind: String,
    pub start_date: String,
    pub end_date: Option<String>,
    pub hours: Option<f64>,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ResumeRow {
    pub id: i64,
    pub start_ym: String,
    pub end_ym: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct FamilyRow {
    pub id: i64,
    pub relation: String,
    pub name: String,
    pub birth_ym: Option<String>,
    pub party: String,
    pub work: String,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct RewardRow {
    pub id: i64,
    pub on_date: String,
    pub kind: String,
    pub text: String,
}

/// A cadre's 简历, family, 奖惩 and 考核 lines, 分工, trainings, and whether there is a photo:
/// what a profile shows of the small tables, read in one statement.
#[derive(Debug, Clone, Default)]
pub struct CadreLines {
    pub resume: Vec<ResumeRow>,
    pub family: Vec<FamilyRow>,
    pub rewards: Vec<RewardRow>,
    pub ratings: Vec<RatingRow>,
    pub portfolios: Vec<PortfolioRow>,
    pub trainings: Vec<TrainingRow>,
    pub has_photo: bool,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct RatingRow {
    pub year: i64,
    pub rating: String,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct UserRow {
    pub id: i64,
    pub login: String,
    pub display_name: String,
    #[serde(skip)]
    pub password_hash: String,
    pub role: String,
    pub unit_code: Option<String>,
    /// The unit's name, for people to read.
    pub unit_name: Option<String>,
    pub active: bool,
    /// Created or reset by an administrator: the password must be changed first.
    pub must_change: bool,
    /// Locked by the security administrator until unlocked.
    pub admin_locked: bool,
    /// The latest end of a lock a run of failed sign-ins put on the login from some source
    /// address (it may have passed).
    pub locked_until: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub user_id: i64,
    pub csrf: String,
    pub created_at: String,
    pub last_seen: String,
}

/// A session and its account, read together: every request reads both.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SignedIn {
    #[sqlx(flatten)]
    pub session: SessionRow,
    #[sqlx(flatten)]
    pub user: UserRow,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_key: String,
    pub before_json: String,
    pub after_json: String,
    pub prev_hash: String,
    pub hash: String,
    /// The fields the entry changed, as the reader sees them (masked like the rest); empty
    /// where the entry has no field view (a batch, a value too long for the list).
    #[sqlx(skip)]
    pub changes: Vec<banzi_domain::audit::FieldChange>,
}

impl From<AuditRow> for banzi_domain::audit::AuditEntry {
    fn from(r: AuditRow) -> Self {
        Self {
            seq: r.seq,
            at: r.at,
            actor: r.actor,
            action: r.action,
            entity: r.entity,
            key: r.entity_key,
            before: r.before_json,
            after: r.after_json,
            prev_hash: r.prev_hash,
            hash: r.hash,
        }
    }
}

/// A ballot session as stored (DOMAIN.md M5); `spec` is the JSON of
/// `banzi_domain::ballot::SessionSpec`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BallotSessionRow {
    pub id: i64,
    pub title: String,
    pub meeting_date: String,
    pub spec: String,
    /// `draft`, `open` or `closed`.
    pub state: String,
    pub created_by: String,
    pub created_at: String,
}

/// Codes and ballots of one rater group of a session: what the live screen shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct GroupTurnout {
    pub grp: i64,
    /// Codes issued and not voided.
    pub issued: i64,
    pub voided: i64,
    /// Ballots received (online and paper).
    pub cast: i64,
}

/// A batch of selection cases (换届 or 个别调整, issue 17).
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct BatchRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub created_by: String,
    pub created_at: String,
}

/// A selection case as the board lists it (issue 17).
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct CaseRow {
    pub id: i64,
    pub batch_id: Option<i64>,
    pub batch_name: Option<String>,
    pub post_id: i64,
    pub post_code: String,
    pub post_title: String,
    pub unit_code: String,
    pub unit_name: String,
    /// The login of the staff member in charge.
    pub staff: String,
    pub opened_on: String,
    /// `banzi_domain::selection::Step::key` after the last event.
    pub step: String,
    pub events: i64,
    /// The hash of the last event.
    pub head: String,
    pub updated_at: String,
}
